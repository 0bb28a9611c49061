package org.gongkai.government;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongkai.model.IndicatorFlag;
import org.gongkai.model.IndicatorValue;
import org.gongkai.model.Role;
import org.gongkai.model.Scope;

/**
 * What a government's own budget report must bear out among its figures (#65), each compared only
 * in one scope — one year, one role, one level where the rule is about a level:
 *
 * <ul>
 *   <li>{@code level_order}: the whole city's (全市) figure is never less than its own level's (市级,
 *       市本级) — the whole holds the level;
 *   <li>{@code tax_over_revenue}: 税收收入 is part of 一般公共预算收入, never more;
 *   <li>{@code debt_over_limit}: a debt balance within the limit set for the same level and year
 *       (the law's rule: a balance over it is news, and more often a misprint).
 * </ul>
 *
 * A figure is compared only where its statements in that scope agree: where they disagree Gongkai
 * has no value to compare (the figure is undecided, its candidates shown), not a contradiction to
 * report.
 */
public final class GovernmentChecks {

  private GovernmentChecks() {}

  /** The flags {@code values} (one report's government figures) raise. */
  public static List<IndicatorFlag> check(List<IndicatorValue> values) {
    Map<String, IndicatorValue> decided = decided(values);
    List<IndicatorFlag> flags = new ArrayList<>();
    for (IndicatorValue v : decided.values()) {
      Scope s = v.scope();
      if (s.whose() == Scope.Whose.WHOLE) {
        for (Scope.Whose part : List.of(Scope.Whose.LEVEL, Scope.Whose.SELF)) {
          IndicatorValue p = decided.get(key(v.indicator(), s.withWhose(part), v.role()));
          if (p != null && p.valueWan() > v.valueWan())
            flags.add(
                flag(
                    "level_order",
                    List.of(
                        IndicatorFlag.figure(v.indicator()),
                        plain(v.valueWan()),
                        "level:" + part.name(),
                        plain(p.valueWan())),
                    v,
                    p));
        }
      }
      if (v.indicator().equals("gov_tax_revenue")) {
        IndicatorValue whole = decided.get(key("gov_general_revenue", s, v.role()));
        if (whole != null && v.valueWan() > whole.valueWan())
          flags.add(
              flag(
                  "tax_over_revenue",
                  List.of(plain(v.valueWan()), plain(whole.valueWan())),
                  v,
                  whole));
      }
      if (v.indicator().equals("gov_debt_balance")) {
        IndicatorValue limit = decided.get(key("gov_debt_limit", s, v.role()));
        if (limit != null && v.valueWan() > limit.valueWan())
          flags.add(
              flag(
                  "debt_over_limit",
                  List.of(plain(v.valueWan()), plain(limit.valueWan())),
                  v,
                  limit));
      }
    }
    return flags;
  }

  /**
   * One value per figure, scope and role where all its statements there agree; none where they
   * disagree.
   */
  private static Map<String, IndicatorValue> decided(List<IndicatorValue> values) {
    Map<String, IndicatorValue> first = new LinkedHashMap<>();
    java.util.Set<String> disagree = new java.util.HashSet<>();
    for (IndicatorValue v : values) {
      if (v.valueWan() == null) continue;
      String k = key(v.indicator(), v.scope(), v.role());
      IndicatorValue seen = first.putIfAbsent(k, v);
      if (seen != null && seen.valueWan().doubleValue() != v.valueWan().doubleValue())
        disagree.add(k);
    }
    first.keySet().removeAll(disagree);
    return first;
  }

  private static String key(String indicator, Scope scope, Role role) {
    return indicator + "|" + scope.code() + "|" + role;
  }

  private static IndicatorFlag flag(
      String code, List<String> args, IndicatorValue a, IndicatorValue b) {
    return new IndicatorFlag(
        code, code, args, List.of(a, b), IndicatorFlag.Severity.ERROR, List.of());
  }

  /** An amount in 万元 as the flags write it: no trailing zeros, no exponent. */
  private static String plain(double wan) {
    return java.math.BigDecimal.valueOf(wan).stripTrailingZeros().toPlainString();
  }
}
