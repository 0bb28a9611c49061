package org.gongkai.indicators;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongkai.model.IndicatorValue;
import org.gongkai.model.Role;
import org.gongkai.model.Scope;
import org.gongkai.model.SourceKind;

/**
 * Decides each indicator's headline from its statements, and says how it is confirmed.
 *
 * <p>A headline is the whole report's figure, for its own year, in its own role ({@code 本年决算} in a
 * final account, {@code 本年预算} in a budget): the candidates are the statements of that scope — for
 * the totals (收入合计, 支出合计, 收支总计) of all money only, for the others of the widest money a report
 * states them for ({@code 基本支出} of all funds before 一般公共预算's). Candidates that agree within their
 * rounding ({@code 40,870万元} and {@code 408,696,000} 元) are one value; the most precise statement
 * of it is the headline.
 *
 * <p>Where candidates disagree, an identity the report's figures must satisfy decides — the summary
 * table's sides add up to the value, it balances, 支出合计 = 基本支出 + 项目支出, “三公”经费 = its three items —
 * or, failing that, a value stated alike by the text and a table against one stated once. Where
 * nothing decides, the figure is undecided: no headline, and one candidate for each value stated.
 *
 * <p>A headline is {@code verified} by the identities that hold for it and by a second, independent
 * statement (the text and a table agreeing: {@code text_and_table}).
 */
final class Resolver {

  /** The totals, which are the whole report's money only. */
  private static final Set<String> TOTALS =
      Set.of(Indicator.INCOME_TOTAL.id, Indicator.EXPENDITURE_TOTAL.id, Indicator.GRAND_TOTAL.id);

  /** The money a headline is preferably of, widest first. */
  private static final List<Scope.Funds> WIDEST_FIRST =
      List.of(
          Scope.Funds.ALL,
          Scope.Funds.FISCAL,
          Scope.Funds.GENERAL,
          Scope.Funds.FUND,
          Scope.Funds.STATE_CAPITAL);

  private final Role own;
  private final List<Ledger> ledgers;

  Resolver(Role own, List<Ledger> ledgers) {
    this.own = own;
    this.ledgers = ledgers;
  }

  /** One indicator's decision: the headline (or null) and the candidates of an undecided one. */
  private record Decision(
      IndicatorValue headline, List<String> by, List<IndicatorValue> candidates) {}

  List<IndicatorValue> resolve(List<IndicatorValue> values) {
    Map<String, List<IndicatorValue>> byIndicator = new LinkedHashMap<>();
    for (IndicatorValue v : values)
      byIndicator.computeIfAbsent(v.indicator(), k -> new ArrayList<>()).add(v);
    Map<String, Decision> decided = new LinkedHashMap<>();
    // first each on its own and its ledger, then the identities between indicators
    for (var e : byIndicator.entrySet())
      decided.put(e.getKey(), decide(e.getKey(), e.getValue(), Map.of()));
    Map<String, IndicatorValue> heads = new LinkedHashMap<>();
    decided.forEach(
        (k, d) -> {
          if (d.headline() != null) heads.put(k, d.headline());
        });
    for (var e : byIndicator.entrySet()) {
      Decision d = decided.get(e.getKey());
      if (d.headline() == null && !d.candidates().isEmpty())
        decided.put(e.getKey(), decide(e.getKey(), e.getValue(), heads));
    }
    heads.clear();
    decided.forEach(
        (k, d) -> {
          if (d.headline() != null) heads.put(k, d.headline());
        });
    List<IndicatorValue> out = new ArrayList<>(values.size());
    // looked up once per statement: a list's contains made thousands of candidates quadratic
    Map<String, java.util.Set<IndicatorValue>> candidates = new java.util.HashMap<>();
    decided.forEach((k, d) -> candidates.put(k, new java.util.HashSet<>(d.candidates())));
    for (IndicatorValue v : values) {
      Decision d = decided.get(v.indicator());
      if (d.headline() == v) {
        List<String> by = new ArrayList<>(d.by());
        for (String code : crossIdentities(v, heads)) if (!by.contains(code)) by.add(code);
        out.add(v.asHeadline().verifiedBy(by));
      } else if (candidates.get(v.indicator()).contains(v)) out.add(v.asCandidate());
      else if (v.candidate()) out.add(v.withCandidate(false)); // offered, and another decided
      else out.add(v);
    }
    return out;
  }

  /** Whether {@code v} is in the scope of a headline of its indicator, for funds {@code funds}. */
  private boolean inScope(IndicatorValue v, Scope.Funds funds) {
    Scope s = v.scope();
    return v.role() == own
        && s.whose() == Scope.Whose.WHOLE
        && s.period() == Scope.Period.CURRENT
        && s.funds() == funds
        && (v.valueWan() != null || v.unit() != null);
  }

  private Decision decide(
      String indicator, List<IndicatorValue> given, Map<String, IndicatorValue> heads) {
    // values a stage offers only as candidates (a derived total the report states nowhere): the
    // figure's candidates where nothing else decides it, never its headline
    List<IndicatorValue> all = given.stream().filter(v -> !v.candidate()).toList();
    List<IndicatorValue> offered =
        given.stream().filter(v -> v.candidate() && inScope(v, Scope.Funds.ALL)).toList();
    Decision d = decideStated(indicator, all, heads);
    if (d.headline() == null && d.candidates().isEmpty() && !offered.isEmpty())
      return new Decision(null, List.of(), offered);
    return d;
  }

  private Decision decideStated(
      String indicator, List<IndicatorValue> all, Map<String, IndicatorValue> heads) {
    // the widest money the report states the figure for in words or tables; failing that, the
    // widest it derives it for or says there is none of
    List<IndicatorValue> candidates = List.of();
    for (boolean statedOnly : new boolean[] {true, false}) {
      for (Scope.Funds funds : WIDEST_FIRST) {
        if (TOTALS.contains(indicator) && funds != Scope.Funds.ALL) break;
        boolean fiscalIncome = indicator.equals(Indicator.FISCAL_INCOME.id);
        List<IndicatorValue> c =
            all.stream()
                .filter(
                    v ->
                        inScope(v, funds)
                            || fiscalIncome
                                && funds == Scope.Funds.ALL
                                && inScope(v, Scope.Funds.FISCAL))
                .filter(
                    v ->
                        !statedOnly
                            || v.sourceKind() == SourceKind.TEXT
                            || v.sourceKind() == SourceKind.TABLE)
                .toList();
        if (!c.isEmpty()) {
          candidates = c;
          break;
        }
      }
      if (!candidates.isEmpty()) break;
    }
    if (candidates.isEmpty()) return new Decision(null, List.of(), List.of());
    if (TOTALS.contains(indicator)) candidates = withoutFragments(candidates);
    // what the report states in words or tables; failing that, what it derives or says of none
    List<IndicatorValue> pool =
        candidates.stream()
            .filter(v -> v.sourceKind() == SourceKind.TEXT || v.sourceKind() == SourceKind.TABLE)
            .toList();
    if (pool.isEmpty())
      pool = candidates.stream().filter(v -> v.sourceKind() == SourceKind.DERIVED).toList();
    if (pool.isEmpty()) pool = candidates;
    List<List<IndicatorValue>> clusters = clusters(pool);
    if (clusters.size() == 1) {
      List<IndicatorValue> c = clusters.get(0);
      return new Decision(best(c), codes(indicator, c, candidates, heads), List.of());
    }
    // several values: an identity decides, or the text and a table stating one alike
    List<List<IndicatorValue>> supported = new ArrayList<>();
    for (List<IndicatorValue> c : clusters)
      if (codes(indicator, c, candidates, heads).stream()
          .anyMatch(k -> !k.equals("text_and_table"))) supported.add(c);
    if (supported.size() == 1) {
      List<IndicatorValue> c = supported.get(0);
      return new Decision(best(c), codes(indicator, c, candidates, heads), List.of());
    }
    if (supported.isEmpty()) {
      List<List<IndicatorValue>> twice = new ArrayList<>();
      for (List<IndicatorValue> c : clusters) if (independent(c)) twice.add(c);
      if (twice.size() == 1
          && clusters.stream().filter(c -> c != twice.get(0)).allMatch(c -> c.size() == 1)) {
        List<IndicatorValue> c = twice.get(0);
        return new Decision(best(c), codes(indicator, c, candidates, heads), List.of());
      }
    }
    List<IndicatorValue> reps = new ArrayList<>();
    for (List<IndicatorValue> c : clusters) reps.add(best(c));
    reps.sort(Comparator.comparingInt(IndicatorValue::start));
    return new Decision(null, List.of(), reps);
  }

  /**
   * A report's total less its fragments: a table cell of one or two digits, no decimals ({@code
   * 4}), beside a statement of the same total a thousand times larger is the tail of an amount
   * wrapped onto a line of its own ({@code 24,995.9} over {@code 4}) that no joiner could prove — a
   * misread, never a value the total may be (nor a candidate of it).
   */
  private static List<IndicatorValue> withoutFragments(List<IndicatorValue> candidates) {
    double largest = candidates.stream().mapToDouble(IndicatorValue::comparable).max().orElse(0);
    List<IndicatorValue> kept =
        candidates.stream()
            .filter(
                v ->
                    !(v.sourceKind() == SourceKind.TABLE
                        && v.asWritten() != null
                        && v.asWritten().strip().matches("[0-9０-９]{1,2}")
                        && v.comparable() * 1000 <= largest))
            .toList();
    return kept.isEmpty() ? candidates : kept;
  }

  /** Statements grouped by value: each joins the first group whose value it agrees with. */
  private static List<List<IndicatorValue>> clusters(List<IndicatorValue> pool) {
    List<IndicatorValue> sorted = new ArrayList<>(pool);
    sorted.sort(
        Comparator.comparingDouble(Resolver::halfUnit)
            .thenComparingInt(v -> v.sourceKind() == SourceKind.TEXT ? 0 : 1)
            .thenComparingInt(IndicatorValue::start));
    List<List<IndicatorValue>> out = new ArrayList<>();
    // the groups' first members by value: a statement looks only at the groups within its own
    // rounding, not at every group (16,000 distinct totals made this quadratic)
    java.util.TreeMap<Double, List<Integer>> byWan = new java.util.TreeMap<>();
    java.util.TreeMap<Double, List<Integer>> byValue = new java.util.TreeMap<>();
    java.util.TreeMap<Double, List<Integer>> plainByValue = new java.util.TreeMap<>();
    for (IndicatorValue v : sorted) {
      TimeLimit.check();
      int home = -1;
      for (int i : near(v, byWan, byValue, plainByValue)) {
        if ((home < 0 || i < home) && IndicatorExtractor.agree(out.get(i).get(0), v)) home = i;
      }
      if (home < 0) {
        home = out.size();
        out.add(new ArrayList<>());
        if (v.valueWan() != null)
          byWan.computeIfAbsent(v.valueWan(), k -> new ArrayList<>()).add(home);
        else plainByValue.computeIfAbsent(v.value(), k -> new ArrayList<>()).add(home);
        byValue.computeIfAbsent(v.value(), k -> new ArrayList<>()).add(home);
      }
      out.get(home).add(v);
    }
    out.sort(
        Comparator.comparingInt(c -> c.stream().mapToInt(IndicatorValue::start).min().orElse(0)));
    return out;
  }

  /**
   * The groups {@code v} may agree with ({@link IndicatorExtractor#agree}): a group's first member
   * is at least as precise as {@code v} (sorted so), so within {@code v}'s half unit in 万元, or of
   * the same value where either amount is not money.
   */
  private static List<Integer> near(
      IndicatorValue v,
      java.util.TreeMap<Double, List<Integer>> byWan,
      java.util.TreeMap<Double, List<Integer>> byValue,
      java.util.TreeMap<Double, List<Integer>> plainByValue) {
    List<Integer> out = new ArrayList<>();
    if (v.valueWan() == null) {
      byValue.subMap(v.value() - 1e-9, true, v.value() + 1e-9, true).values().forEach(out::addAll);
      return out;
    }
    double reach = halfUnit(v) + 1e-6;
    byWan
        .subMap(v.valueWan() - reach, true, v.valueWan() + reach, true)
        .values()
        .forEach(out::addAll);
    plainByValue
        .subMap(v.value() - 1e-9, true, v.value() + 1e-9, true)
        .values()
        .forEach(out::addAll);
    return out;
  }

  private static double halfUnit(IndicatorValue v) {
    return v.valueWan() == null ? 0 : Amounts.halfUnitWan(v.asWritten(), v.unit());
  }

  /** The statement of a value to show: the most precise; of equals, the text's, then the first. */
  private static IndicatorValue best(List<IndicatorValue> cluster) {
    return cluster.stream()
        .min(
            Comparator.comparingDouble(Resolver::halfUnit)
                .thenComparingInt(v -> rank(v.sourceKind()))
                .thenComparingInt(IndicatorValue::start))
        .orElseThrow();
  }

  private static int rank(SourceKind k) {
    return switch (k) {
      case TEXT -> 0;
      case TABLE -> 1;
      case STATEMENT -> 2;
      case DERIVED -> 3;
    };
  }

  /** Whether a value is stated by the text and by a table alike. */
  private static boolean independent(List<IndicatorValue> cluster) {
    // to the digits the words give: a table's cell read with fewer digits than the words (24995.9
    // of a cell wrapped over two lines, against 24,995.94 in the words) confirms nothing
    for (IndicatorValue t : cluster) {
      if (t.sourceKind() != SourceKind.TEXT) continue;
      for (IndicatorValue b : cluster)
        if (b.sourceKind() == SourceKind.TABLE && halfUnit(b) <= halfUnit(t) + 1e-12) return true;
    }
    return false;
  }

  /** How a value of {@code indicator} (the statements of {@code cluster}) is confirmed. */
  private List<String> codes(
      String indicator,
      List<IndicatorValue> cluster,
      List<IndicatorValue> candidates,
      Map<String, IndicatorValue> heads) {
    Set<String> out = new LinkedHashSet<>();
    if (independent(cluster)) out.add("text_and_table");
    for (IndicatorValue member : cluster) out.addAll(member.by()); // a total's own breakdown
    IndicatorValue v = best(cluster);
    if (v.valueWan() != null) {
      for (Ledger l : ledgers) {
        boolean fiscalIncome = indicator.equals(Indicator.FISCAL_INCOME.id);
        boolean whole =
            !fiscalIncome && l.funds == Scope.Funds.ALL && v.scope().funds() == Scope.Funds.ALL;
        boolean fiscal = fiscalIncome && l.funds == Scope.Funds.FISCAL;
        if (!whole && !fiscal) continue;
        ledgerIdentities(indicator, v, l, out);
      }
    }
    out.addAll(crossIdentities(v, heads));
    return new ArrayList<>(out);
  }

  /** The identities of a summary table that hold for {@code v}, its item agreeing with it. */
  private static void ledgerIdentities(
      String indicator, IndicatorValue v, Ledger l, Set<String> out) {
    if (indicator.equals(Indicator.INCOME_TOTAL.id)
        || indicator.equals(Indicator.FISCAL_INCOME.id)) {
      Ledger.Item year = l.item(l.income, Ledger.Kind.YEAR_TOTAL);
      if (year == null && !l.carries(l.income)) year = l.item(l.income, Ledger.Kind.GRAND);
      if (year != null && agrees(v, year, l)) {
        if (l.partsAddUp(l.income)) out.add("sum_of_sources");
        if (l.carryAddsUp(l.income)) out.add("carry_over");
      }
    } else if (indicator.equals(Indicator.EXPENDITURE_TOTAL.id)) {
      Ledger.Item year = l.item(l.spending, Ledger.Kind.YEAR_TOTAL);
      if (year == null && !l.carries(l.spending)) year = l.item(l.spending, Ledger.Kind.GRAND);
      if (year != null && agrees(v, year, l)) {
        if (l.partsAddUp(l.spending)) out.add("sum_of_items");
        if (l.carryAddsUp(l.spending)) out.add("carry_over");
      }
    } else if (indicator.equals(Indicator.BASIC_EXPENDITURE.id)
        || indicator.equals(Indicator.PROJECT_EXPENDITURE.id)) {
      // the summary table's spending by use (支出用途: 一、基本支出 …) adding up to the year's spending
      // its functions add up to
      Ledger.Item use = l.use(indicator.equals(Indicator.BASIC_EXPENDITURE.id) ? "基本支出" : "项目支出");
      if (use != null && agrees(v, use, l) && l.usesAddUp()) out.add("sum_of_uses");
    } else if (indicator.equals(Indicator.GRAND_TOTAL.id)) {
      Ledger.Item in = l.item(l.income, Ledger.Kind.GRAND);
      Ledger.Item outGrand = l.item(l.spending, Ledger.Kind.GRAND);
      boolean matches =
          in != null && agrees(v, in, l) || outGrand != null && agrees(v, outGrand, l);
      if (matches) {
        if (l.balances()) out.add("balance");
        if (l.carryAddsUp(l.income) || l.carryAddsUp(l.spending)) out.add("carry_over");
        else if (in != null
            && agrees(v, in, l)
            && l.item(l.income, Ledger.Kind.YEAR_TOTAL) == null
            && l.partsAddUp(l.income)) out.add("sum_of_sources");
      }
    }
  }

  private static boolean agrees(IndicatorValue v, Ledger.Item item, Ledger l) {
    double wan = Amounts.wan(item.amount(), l.unit == null ? "万元" : l.unit).doubleValue();
    double tolerance =
        Math.max(
            Amounts.halfUnitWan(v.asWritten(), v.unit()),
            Amounts.halfUnitWan(item.asWritten(), l.unit == null ? "万元" : l.unit));
    return Math.abs(v.valueWan() - wan) <= tolerance + 1e-6;
  }

  /**
   * Identities between indicators' headlines: 支出合计 = 基本支出 + 项目支出 (for each of the three), and
   * “三公”经费 = 因公出国（境）费 + 公务用车购置及运行（维护）费 + 公务接待费 (for each of the four), each within the rounding of
   * the figures added.
   */
  private static List<String> crossIdentities(IndicatorValue v, Map<String, IndicatorValue> heads) {
    List<String> out = new ArrayList<>();
    if (v.valueWan() == null) return out;
    if (sumHolds(
        v,
        heads,
        Indicator.EXPENDITURE_TOTAL,
        List.of(Indicator.BASIC_EXPENDITURE, Indicator.PROJECT_EXPENDITURE)))
      out.add("basic_plus_project");
    if (sumHolds(
        v,
        heads,
        Indicator.THREE_PUBLIC,
        List.of(Indicator.OVERSEAS_TRAVEL, Indicator.VEHICLES_EXPENSES, Indicator.RECEPTION)))
      out.add("three_items");
    if (sumHolds(
        v,
        heads,
        Indicator.PROCUREMENT_TOTAL,
        List.of(
            Indicator.PROCUREMENT_GOODS,
            Indicator.PROCUREMENT_WORKS,
            Indicator.PROCUREMENT_SERVICES))) out.add("procurement_parts");
    return out;
  }

  /**
   * Whether a part's scope fits its total's: the same whose and year, and the same money — or one
   * of them not naming its money (“三公”经费财政拨款支出 beside 公务接待费支出).
   */
  private static boolean compatible(Scope part, Scope total) {
    return part.whose() == total.whose()
        && part.period() == total.period()
        && (part.funds() == total.funds()
            || part.funds() == Scope.Funds.ALL
            || total.funds() == Scope.Funds.ALL);
  }

  /** Whether {@code v} is the total or a part of {@code total = Σ parts}, and the sum holds. */
  private static boolean sumHolds(
      IndicatorValue v, Map<String, IndicatorValue> heads, Indicator total, List<Indicator> parts) {
    boolean involved =
        v.indicator().equals(total.id) || parts.stream().anyMatch(p -> p.id.equals(v.indicator()));
    if (!involved) return false;
    IndicatorValue t = v.indicator().equals(total.id) ? v : heads.get(total.id);
    if (t == null || t.valueWan() == null || t.sourceKind() == SourceKind.DERIVED) return false;
    double sum = 0, tolerance = Amounts.halfUnitWan(t.asWritten(), t.unit());
    for (Indicator p : parts) {
      IndicatorValue pv = p.id.equals(v.indicator()) ? v : heads.get(p.id);
      if (pv == null || pv.valueWan() == null || pv.sourceKind() == SourceKind.DERIVED)
        return false;
      if (!compatible(pv.scope(), t.scope())) return false;
      sum += pv.valueWan();
      tolerance += Amounts.halfUnitWan(pv.asWritten(), pv.unit());
    }
    return Math.abs(sum - t.valueWan()) <= tolerance + 1e-6;
  }
}
