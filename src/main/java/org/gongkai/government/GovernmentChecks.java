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
 *   <li>{@code tax_over_revenue}: 税收收入 is part of 一般公共预算收入, never more; {@code revenue_parts}: its
 *       two parts, 税收收入 and 非税收入, never more than it (beyond the digits' rounding);
 *   <li>{@code debt_over_limit}: a debt balance within the limit set for the same level and year
 *       (the law's rule: a balance over it is news, and more often a misprint);
 *   <li>{@code debt_kinds}: a debt limit or balance is its 一般债务 and 专项债务 stated beside it;
 *   <li>{@code growth_from_amounts}: a draft's plain growth against this year's and last year's
 *       amounts the report states (a spending's only where it says it is over last year's executed
 *       amount: a draft's spending is usually compared with last year's budget); {@code
 *       completion_from_amounts}: a completion of the initial budget against the amount done and
 *       that budget — each within the rounding of the digits.
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
      if (s.whose() == Scope.Whose.WHOLE && v.valueWan() != null) {
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
      if (v.indicator().equals("gov_general_revenue")) {
        IndicatorValue tax = decided.get(key("gov_tax_revenue", s, v.role()));
        IndicatorValue nontax = decided.get(key("gov_nontax_revenue", s, v.role()));
        if (tax != null
            && nontax != null
            && tax.valueWan() + nontax.valueWan()
                > v.valueWan() + half(v) + half(tax) + half(nontax) + 1e-6)
          flags.add(
              new IndicatorFlag(
                  "revenue_parts",
                  "revenue_parts",
                  List.of(plain(tax.valueWan()), plain(nontax.valueWan()), plain(v.valueWan())),
                  List.of(v, tax, nontax),
                  IndicatorFlag.Severity.ERROR,
                  List.of()));
      }
      if (v.indicator().endsWith("_growth")) growth(v, decided).ifPresent(flags::add);
      if (v.indicator().endsWith("_completion")) completion(v, decided).ifPresent(flags::add);
      if (v.indicator().equals("gov_debt_limit") || v.indicator().equals("gov_debt_balance"))
        kinds(v, decided).ifPresent(flags::add);
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
   * A plain growth over last year (增长3.1%, 比上年执行数增长6.8%, 下降2%): not like-for-like (同口径, 可比), not
   * approximate (左右), not over a budget — only such a growth is the two years' amounts' to bear
   * out.
   */
  private static final java.util.regex.Pattern PLAIN_GROWTH =
      java.util.regex.Pattern.compile(
          "(?:比上年(?:执行数|完成数|决算数)?|较上年|同比)?(?:增长|增加|增收|下降|减少|减收)了?[\\d.]+[%％]");

  /**
   * {@code growth_from_amounts}: a draft's stated growth (本年预算, 增长X%) against its amount and last
   * year's executed amount in the same level, both stated in the report, each within the rounding
   * of the digits written.
   */
  private static java.util.Optional<IndicatorFlag> growth(
      IndicatorValue g, Map<String, IndicatorValue> decided) {
    String said = g.asWritten().replaceAll("[（(][^（()）]*[）)]", ""); // 比上年执行数(下同)增长6.8%
    if (g.role() != Role.PLANNED || !PLAIN_GROWTH.matcher(said).matches())
      return java.util.Optional.empty();
    String figure = g.indicator().substring(0, g.indicator().length() - "_growth".length());
    // a draft's spending grows over last year's budget unless it says otherwise: what was spent
    // holds the year's later grants, which a draft never has (广州 2021: 支出数据与上年实际支出口径不同)
    if (figure.endsWith("_expenditure") && !said.matches(".*(?:执行数|完成数|决算数).*"))
      return java.util.Optional.empty();
    IndicatorValue now = decided.get(key(figure, g.scope(), Role.PLANNED));
    IndicatorValue before =
        decided.get(key(figure, g.scope().withPeriod(Scope.Period.PREVIOUS), Role.EXECUTED));
    if (now == null || before == null || before.valueWan() <= 0) return java.util.Optional.empty();
    double lo = ((now.valueWan() - half(now)) / (before.valueWan() + half(before)) - 1) * 100;
    double hi = ((now.valueWan() + half(now)) / (before.valueWan() - half(before)) - 1) * 100;
    if (g.value() >= lo - half(g) - 1e-9 && g.value() <= hi + half(g) + 1e-9)
      return java.util.Optional.empty();
    double computed = (now.valueWan() / before.valueWan() - 1) * 100;
    return java.util.Optional.of(
        new IndicatorFlag(
            "growth_from_amounts",
            "growth_from_amounts",
            List.of(
                IndicatorFlag.figure(figure),
                g.asWritten(),
                plain(now.valueWan()),
                plain(before.valueWan()),
                percent(computed)),
            List.of(g, now, before),
            IndicatorFlag.Severity.ERROR,
            List.of()));
  }

  /**
   * {@code completion_from_amounts}: a year's stated completion of its initial budget (完成年初预算的X%)
   * against the amount done and that budget, both stated in the report in the same level.
   */
  private static java.util.Optional<IndicatorFlag> completion(
      IndicatorValue c, Map<String, IndicatorValue> decided) {
    if (!c.asWritten().contains("年初预算")) return java.util.Optional.empty();
    String figure = c.indicator().substring(0, c.indicator().length() - "_completion".length());
    IndicatorValue done = decided.get(key(figure, c.scope(), c.role()));
    IndicatorValue budget = decided.get(key(figure, c.scope(), Role.INITIAL_BUDGET));
    if (done == null || budget == null || budget.valueWan() <= 0) return java.util.Optional.empty();
    double lo = (done.valueWan() - half(done)) / (budget.valueWan() + half(budget)) * 100;
    double hi = (done.valueWan() + half(done)) / (budget.valueWan() - half(budget)) * 100;
    if (c.value() >= lo - half(c) - 1e-9 && c.value() <= hi + half(c) + 1e-9)
      return java.util.Optional.empty();
    return java.util.Optional.of(
        new IndicatorFlag(
            "completion_from_amounts",
            "completion_from_amounts",
            List.of(
                IndicatorFlag.figure(figure),
                c.asWritten(),
                plain(done.valueWan()),
                plain(budget.valueWan()),
                percent(done.valueWan() / budget.valueWan() * 100)),
            List.of(c, done, budget),
            IndicatorFlag.Severity.ERROR,
            List.of()));
  }

  /**
   * {@code debt_kinds}: a debt limit or balance against its two kinds stated beside it (一般债务 +
   * 专项债务), within the rounding of the digits written.
   */
  private static java.util.Optional<IndicatorFlag> kinds(
      IndicatorValue whole, Map<String, IndicatorValue> decided) {
    IndicatorValue general =
        decided.get(key(whole.indicator() + "_general", whole.scope(), whole.role()));
    IndicatorValue special =
        decided.get(key(whole.indicator() + "_special", whole.scope(), whole.role()));
    if (general == null || special == null) return java.util.Optional.empty();
    double sum = general.valueWan() + special.valueWan();
    if (Math.abs(sum - whole.valueWan()) <= half(whole) + half(general) + half(special) + 1e-6)
      return java.util.Optional.empty();
    return java.util.Optional.of(
        new IndicatorFlag(
            "debt_kinds",
            "debt_kinds",
            List.of(
                IndicatorFlag.figure(whole.indicator()),
                plain(whole.valueWan()),
                plain(general.valueWan()),
                plain(special.valueWan())),
            List.of(whole, general, special),
            IndicatorFlag.Severity.ERROR,
            List.of()));
  }

  /**
   * Half the last digit written of {@code v} — in 万元 for an amount (3520.7 亿元: 0.05 亿元 = 500 万元),
   * in per cent for a rate: how far the written value may be from what it rounds.
   */
  public static double half(IndicatorValue v) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\\d+(?:\\.(\\d+))?")
            .matcher(v.asWritten().replace(",", ""));
    String digits = null;
    while (m.find()) digits = m.group(1) == null ? "" : m.group(1);
    double h = 0.5 * Math.pow(10, -(digits == null ? 0 : digits.length()));
    if (v.valueWan() == null) return h;
    return v.unit().equals("亿元") ? h * 10_000 : v.unit().equals("元") ? h / 10_000 : h;
  }

  /** A per cent as the flags write it: one decimal. */
  private static String percent(double pct) {
    return java.math.BigDecimal.valueOf(pct)
        .setScale(1, java.math.RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }

  /**
   * One value per figure, scope and role where all its statements there agree; none where they
   * disagree.
   */
  private static Map<String, IndicatorValue> decided(List<IndicatorValue> values) {
    Map<String, IndicatorValue> first = new LinkedHashMap<>();
    java.util.Set<String> disagree = new java.util.HashSet<>();
    for (IndicatorValue v : values) {
      String k = key(v.indicator(), v.scope(), v.role());
      IndicatorValue seen = first.putIfAbsent(k, v);
      if (seen != null && GovernmentFigures.amount(seen) != GovernmentFigures.amount(v))
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
