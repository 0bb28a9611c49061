package org.gongkai.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gongkai.model.UnitReading;

/**
 * The budget units a report covers as JSON: how it lists them, each unit (name, nature normalised
 * and as written, whether it is the body itself), the count it states and whether the list bears it
 * out, its staff, and where it says so ({@code href}: the section's permalink, null when unknown).
 */
public final class UnitJson {

  private UnitJson() {}

  public static ObjectNode units(ObjectMapper mapper, UnitReading r, String href) {
    ObjectNode o = mapper.createObjectNode();
    o.put("layout", r.layout());
    ArrayNode items = o.putArray("items");
    for (UnitReading.Unit u : r.units()) {
      ObjectNode i = items.addObject();
      i.put("name", u.name());
      if (u.nature() == null) i.putNull("nature");
      else i.put("nature", u.nature());
      if (u.natureAsWritten() == null) i.putNull("natureAsWritten");
      else i.put("natureAsWritten", u.natureAsWritten());
      i.put("self", u.self());
      i.put("start", u.start());
      i.put("end", u.end());
    }
    if (r.stated() == null) o.putNull("stated");
    else {
      ObjectNode s = o.putObject("stated");
      s.put("count", r.stated().count());
      s.put("under", r.stated().under());
      s.put("asWritten", r.stated().asWritten());
      s.put("start", r.stated().start());
    }
    o.put("agreement", r.agreement());
    ArrayNode staff = o.putArray("staff");
    for (UnitReading.Staff s : r.staff()) {
      ObjectNode so = staff.addObject();
      so.put("label", s.label());
      so.put("count", s.count());
      so.put("start", s.start());
    }
    o.put("start", r.start());
    o.put("end", r.end());
    if (href == null) o.putNull("href");
    else o.put("href", href);
    return o;
  }
}
