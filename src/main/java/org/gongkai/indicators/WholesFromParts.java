package org.gongkai.indicators;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.model.IndicatorValue;
import org.gongkai.model.Role;
import org.gongkai.model.Scope;
import org.gongkai.model.SourceKind;

/**
 * Wholes a report states only through their parts: the retired staff as 离休 and 退休 counted apart,
 * “三公”经费 as its three items.
 */
final class WholesFromParts extends Reading {

  /** {@code 离休 4 人，退休} right before a retired count. */
  private static final Pattern ELDERS_BEFORE =
      Pattern.compile(
          "离休(?:人员|人数|干部|职工)?(?:小计)?\\s*([0-9]{1,6})\\s*[人名]?\\s*[，,、；;]?\\s*(?:其中)?\\s*"
              + "退休(?:人员|人数|干部职工|职工|干部|教职工)?(?:小计|合计)?\\s*(?:为|共|是)?\\s*$");

  /** {@code 人，离休 4 人} right after a retired count. */
  private static final Pattern ELDERS_AFTER =
      Pattern.compile(
          "\\s*[人名]?\\s*[，,、；;]\\s*离休(?:人员|人数|干部|职工)?(?:小计)?\\s*([0-9]{1,6})\\s*(?:[人名](?!次)|[；;，,。])");

  WholesFromParts(Reading r) {
    super(r);
  }

  /**
   * 离休 A 人，退休 B 人: the retired staff are A + B (离退休), said so in the source; a 离休 of 0 leaves 退休 B
   * as stated.
   */
  List<IndicatorValue> retireesWithTheirElders(List<IndicatorValue> values) {
    List<IndicatorValue> out = new ArrayList<>(values.size());
    for (IndicatorValue v : values) {
      if (!v.indicator().equals(Indicator.STAFF_RETIRED.id) || v.sourceKind() != SourceKind.TEXT) {
        out.add(v);
        continue;
      }
      String before = text.substring(Math.max(0, v.start() - 28), v.start());
      String after = text.substring(v.end(), Math.min(text.length(), v.end() + 20));
      Matcher pre = ELDERS_BEFORE.matcher(before);
      Matcher post = ELDERS_AFTER.matcher(after);
      String elders = pre.find() ? pre.group(1) : post.lookingAt() ? post.group(1) : null;
      int label = before.lastIndexOf("退休");
      if (label > 0 && before.charAt(label - 1) == '离') {
        out.add(v); // 离退休人员 N: the count itself
        continue;
      }
      // 离退休人员241人，其中：离休1人，退休240人: the 退休 is a part of the count stated
      if (label > 0 && before.substring(0, label).contains("离退休")) continue;
      if (elders == null || Integer.parseInt(elders) == 0) {
        out.add(v);
        continue;
      }
      int retired = (int) v.value(), sum = retired + Integer.parseInt(elders);
      // a head count: no 万元
      out.add(
          derived(v, v.source() + "（离休" + elders + "人＋退休" + retired + "人）")
              .withAmount(sum, v.unit(), Integer.toString(sum), null));
    }
    return out;
  }

  /**
   * “三公”经费 is 因公出国（境）费 + 公务用车购置及运行（维护）费 + 公务接待费. A report that states the three items of its own
   * year but no total of them (many budgets: 因公出国（境）费支出 70 万元 … 公务用车 购置及运行费支出 411.2 万元 … 公务接待费支出 28
   * 万元) states the total through them; a total the report writes itself always wins.
   */
  static IndicatorValue threePublicFromParts(List<IndicatorValue> values, Role ownRole) {
    for (IndicatorValue v : values)
      if (v.indicator().equals(Indicator.THREE_PUBLIC.id) && v.valueWan() != null) return null;
    List<IndicatorValue> parts = new ArrayList<>();
    for (Indicator part :
        List.of(Indicator.OVERSEAS_TRAVEL, Indicator.VEHICLES_EXPENSES, Indicator.RECEPTION)) {
      IndicatorValue first = null;
      for (SourceKind kind : List.of(SourceKind.TEXT, SourceKind.TABLE, SourceKind.STATEMENT)) {
        for (IndicatorValue v : values) {
          if (first == null
              && v.indicator().equals(part.id)
              && v.role() == ownRole
              && v.scope().period() == Scope.Period.CURRENT
              && v.scope().whose() == Scope.Whose.WHOLE
              && v.sourceKind() == kind
              && v.valueWan() != null) {
            first = v;
          }
        }
      }
      if (first == null) return null;
      parts.add(first);
    }
    BigDecimal sum = BigDecimal.ZERO;
    for (IndicatorValue p : parts) sum = sum.add(BigDecimal.valueOf(p.valueWan()));
    StringBuilder source = new StringBuilder();
    for (IndicatorValue p : parts) {
      if (source.length() > 0) source.append(" + ");
      source.append(p.name()).append(' ').append(fmt(p.valueWan())).append(" 万元");
    }
    double total = sum.doubleValue();
    source.append(" = ").append(fmt(total)).append(" 万元");
    IndicatorValue at =
        parts.stream().min(Comparator.comparingInt(IndicatorValue::start)).orElseThrow();
    int end = parts.stream().mapToInt(IndicatorValue::end).max().orElseThrow();
    Indicator t = Indicator.THREE_PUBLIC;
    return new IndicatorValue(
        t.id,
        t.label,
        total,
        "万元",
        fmt(total),
        total,
        ownRole,
        false,
        SourceKind.DERIVED,
        at.docId(),
        at.sectionId(),
        source.toString(),
        at.start(),
        end,
        parts.get(0).scope(),
        false,
        List.of(),
        false);
  }

  private static String fmt(double v) {
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
