package org.gongkai.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gongkai.model.Region;

/**
 * A region as every JSON output shows it: code, province, city, county (all null when undecided).
 */
public final class RegionJson {
  private RegionJson() {}

  public static ObjectNode of(ObjectMapper mapper, Region r) {
    ObjectNode o = mapper.createObjectNode();
    o.put("code", r == null ? null : r.code());
    o.put("province", r == null ? null : r.province());
    o.put("city", r == null ? null : r.city());
    o.put("county", r == null ? null : r.county());
    return o;
  }
}
