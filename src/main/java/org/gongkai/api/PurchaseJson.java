package org.gongkai.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import org.gongkai.model.PurchaseReading;

/**
 * A report's procurement table as JSON: each item (category, unit, spending, subject, what, how,
 * amount in 万元 and as written, proof) and each table with its total, categories and status; {@code
 * href} the permalink of the section holding the first table (null when unknown).
 */
public final class PurchaseJson {

  private PurchaseJson() {}

  public static ObjectNode purchases(ObjectMapper mapper, PurchaseReading r, String href) {
    ObjectNode o = mapper.createObjectNode();
    ArrayNode items = o.putArray("items");
    for (PurchaseReading.Purchase p : r.items()) {
      ObjectNode i = items.addObject();
      text(i, "category", p.category());
      text(i, "unit", p.unit());
      text(i, "project", p.project());
      text(i, "economic", p.economic());
      text(i, "item", p.item());
      text(i, "method", p.method());
      money(i, "amount", p.amount());
      i.put("asWritten", p.asWritten());
      i.put("proof", p.proof());
      i.put("start", p.start());
    }
    ArrayNode tables = o.putArray("tables");
    for (PurchaseReading.Table t : r.tables()) {
      ObjectNode to = tables.addObject();
      to.put("title", t.title());
      to.put("start", t.start());
      to.put("items", t.items());
      money(to, "total", t.total());
      ArrayNode parts = to.putArray("categories");
      for (PurchaseReading.Part c : t.categories()) {
        ObjectNode po = parts.addObject();
        po.put("name", c.name());
        money(po, "amount", c.amount());
      }
      to.put("status", t.status());
    }
    text(o, "href", href);
    return o;
  }

  private static void text(ObjectNode o, String field, String value) {
    if (value == null) o.putNull(field);
    else o.put(field, value);
  }

  /** An amount in 万元 with two decimals at least, as a string (no binary rounding). */
  private static void money(ObjectNode o, String field, BigDecimal value) {
    if (value == null) o.putNull(field);
    else
      o.put(
          field,
          value
              .setScale(Math.max(2, value.scale()), java.math.RoundingMode.UNNECESSARY)
              .toPlainString());
  }
}
