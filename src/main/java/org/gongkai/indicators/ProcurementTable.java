package org.gongkai.indicators;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongkai.model.IndicatorFlag;
import org.gongkai.model.IndicatorValue;
import org.gongkai.model.PurchaseReading;
import org.gongkai.model.Quote;
import org.gongkai.model.Role;
import org.gongkai.model.Scope;
import org.gongkai.model.SourceKind;

/**
 * The words' procurement figures ({@code 政府采购预算X万元，其中：政府采购货物预算A万元、…}) against the report's
 * procurement table, when the table's own sums prove its read (items make units, units categories,
 * categories the 合计): the same amount verifies the words' figure ({@code procurement_table});
 * another amount is the report contradicting itself, flagged with both quoted — only where the
 * words are proven too (their 货物, 工程 and 服务 add up to their total). A table not proven, several
 * proven tables (which is the words' is not known), or words of another role or scope decide
 * nothing. Pure: figures and the procurement reader's reading (org.gongkai.purchases) in, figures
 * and flags out.
 */
public final class ProcurementTable {

  private ProcurementTable() {}

  /** The figures, some now verified by the table, and the contradictions found. */
  public record Weighed(List<IndicatorValue> values, List<IndicatorFlag> flags) {}

  /** The figure each line of a table stands for: its total, and its categories by kind. */
  private static final Map<String, String> KINDS =
      Map.of("货物", "procurement_goods", "工程", "procurement_works", "服务", "procurement_services");

  /** How far after the total its list of parts runs. */
  private static final int LIST = 300;

  public static Weighed weigh(
      String text, List<IndicatorValue> values, PurchaseReading reading, Role own) {
    List<PurchaseReading.Table> proven =
        reading.tables().stream()
            .filter(t -> "sums".equals(t.status()) && t.total() != null)
            .toList();
    if (proven.size() != 1) return new Weighed(values, List.of());
    PurchaseReading.Table table = proven.get(0);
    // a budget's table in a final account (2025年度政府采购预算表) is not the year's purchases, nor a
    // final's table a budget's
    String title = table.title() == null ? "" : table.title();
    if (own == Role.ACTUAL && title.contains("预算") || own != Role.ACTUAL && title.contains("决算"))
      return new Weighed(values, List.of());
    Map<String, BigDecimal> lines = lines(table);
    Map<String, IndicatorValue> words = new LinkedHashMap<>();
    for (IndicatorValue v : values)
      if (v.headline()
          && lines.containsKey(v.indicator())
          && v.sourceKind() == SourceKind.TEXT
          && v.valueWan() != null
          && v.role() == own
          && v.scope().equals(Scope.WHOLE)) words.put(v.indicator(), v);
    if (words.isEmpty()) return new Weighed(values, List.of());
    IndicatorValue total = words.get("procurement_total");
    // the words proven: their total's own list — the three parts right after it — adds up to it
    boolean wordsProven = total != null && total.by().contains("procurement_parts");
    for (String part : List.of("procurement_goods", "procurement_works", "procurement_services")) {
      IndicatorValue p = words.get(part);
      if (total == null || p == null || p.start() < total.end() || p.start() > total.end() + LIST)
        wordsProven = false;
    }
    List<IndicatorValue> out = new ArrayList<>(values.size());
    List<IndicatorFlag> flags = new ArrayList<>();
    for (IndicatorValue v : values) {
      IndicatorValue w = words.get(v.indicator());
      if (w != v) {
        out.add(v);
        continue;
      }
      BigDecimal line = lines.get(v.indicator());
      double tolerance = Amounts.halfUnitWan(v.asWritten(), v.unit()) + 0.0051;
      if (Math.abs(line.doubleValue() - v.valueWan()) <= tolerance) {
        List<String> by = new ArrayList<>(v.by());
        if (!by.contains("procurement_table")) by.add("procurement_table");
        out.add(v.verifiedBy(by));
        continue;
      }
      out.add(v);
      if (!wordsProven) continue;
      int end = Math.min(table.end(), Math.min(text.length(), table.start() + 80));
      List<Quote> quotes =
          table.start() < end
              ? List.of(new Quote(text.substring(table.start(), end), table.start(), end))
              : List.of();
      flags.add(
          new IndicatorFlag(
              "text_table",
              "procurement_text_table",
              List.of(
                  IndicatorFlag.figure(v.indicator()),
                  v.asWritten(),
                  table.title(),
                  line.stripTrailingZeros().toPlainString()),
              List.of(v),
              IndicatorFlag.Severity.ERROR,
              quotes,
              List.of("words: goods + works + services = total", "table: sums")));
    }
    return new Weighed(out, flags);
  }

  /** The table's total and each category that is one kind of purchase (货物, 一、工程类 …), once. */
  private static Map<String, BigDecimal> lines(PurchaseReading.Table t) {
    Map<String, BigDecimal> out = new LinkedHashMap<>();
    out.put("procurement_total", t.total());
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (PurchaseReading.Part p : t.categories()) {
      String name = p.name().replaceAll("^[一二三四五六七八九十\\d]+[、.．]\\s*|类$|\\s", "");
      String id = KINDS.get(name);
      if (id == null) continue;
      seen.merge(id, 1, Integer::sum);
      out.put(id, p.amount());
    }
    // a kind listed twice (its goods under two headings): no one line is its amount
    seen.forEach(
        (id, n) -> {
          if (n > 1) out.remove(id);
        });
    return out;
  }
}
