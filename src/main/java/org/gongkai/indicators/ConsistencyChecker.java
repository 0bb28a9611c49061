package org.gongkai.indicators;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.model.DisclosureDocument;
import org.gongkai.model.IndicatorFlag;
import org.gongkai.model.IndicatorValue;
import org.gongkai.model.Quote;
import org.gongkai.model.ReportKind;
import org.gongkai.model.Role;
import org.gongkai.model.Scope;
import org.gongkai.model.SourceKind;

/**
 * Finds where a report contradicts itself, from the values it states: parts that do not add up to
 * their total, the same figure stated twice differently, and percentages or changes that do not
 * match the figures. Pure: values and text in, flags out. Amounts are compared in 万元 with a
 * tolerance for rounding to two decimals; percentages with a tolerance for rounding to the digits
 * written.
 */
public final class ConsistencyChecker {

  /** Two amounts rounded to 0.01 万元 may differ by this much and still agree. */
  static final double TOLERANCE = 0.015;

  private static final Pattern CHANGE =
      Pattern.compile(
          "(增加|减少|增长|下降|上升|降低)\\s*([0-9][0-9,]*(?:\\.[0-9]+)?)\\s*(亿元|万元|元)\\s*[，,]\\s*(增长|下降|上升|减少|降低)\\s*([0-9]+(?:\\.[0-9]+)?)\\s*[%％]");
  private static final Pattern AMOUNT_UNIT = Pattern.compile("亿元|万元|元");
  private static final Pattern BASE_WORDS = Pattern.compile("较|比|与|同");
  private static final Pattern AMOUNT_BETWEEN =
      Pattern.compile("[0-9][0-9,，]*(?:\\.[0-9]+)?\\s*(?:亿元|万元|元)");

  /**
   * {@code 决算为62.07万元，完成全年预算84.82万元的73.2%，比上年决算数增加…}: the budget a completion is measured against,
   * said between an amount and its change, is neither the change's subject nor an amount that takes
   * the change from it (the 财政部 template of 决算 “三公” paragraphs).
   */
  private static final Pattern COMPLETION_BASE =
      Pattern.compile(
          "完成(?:全年|年初|调整后?)?预算数?的?\\s*[0-9][0-9,]*(?:\\.[0-9]+)?\\s*(?:亿元|万元|元)\\s*的\\s*[0-9]+(?:\\.[0-9]+)?\\s*[%％]");

  /**
   * What may stand between an amount and the amount it is compared with: a comma and the comparison
   * of the amount itself ({@code ，比2025年年初预算数}, {@code 较上年}), no other subject or clause.
   */
  private static final Pattern LEADS_TO_BASE =
      Pattern.compile("[\\s\u3000]*[，,]?[\\s\u3000]*(?:同比|相比|比|较|与)[^，,。；;：:]*");

  /** What may stand between the amount compared with and the change: nothing, a comma, 相比. */
  private static final Pattern DIRECTLY_AFTER =
      Pattern.compile("[\\s\u3000]*(?:相比|相较)?[\\s\u3000]*[，,]?[\\s\u3000]*");

  /**
   * A change measured on another basis than the amounts said (同口径, 可比, 剔除…因素, 扣除, 不含, 还原, 按…计算):
   * its amounts need not add up, and no one of them is wrong.
   */
  private static final Pattern OTHER_BASIS =
      Pattern.compile("同口径|可比|剔除|扣除|不含|不包括|含上年|结转|口径|还原|因素|按.{0,6}计算");

  private static final Pattern COMPLETION_LEAD = Pattern.compile("完成(?:全年|年初|调整后?)?预算数?的?\\s*$");
  private static final Pattern SHARE =
      Pattern.compile(
          "^\\s*[，,]\\s*占(本年支出|本年收入|基本支出|支出合计|收入合计)(?:合计)?的?\\s*([0-9]+(?:\\.[0-9]+)?)\\s*[%％]");

  /**
   * Every check of a report: its figures against each other ({@link #check(List, String)}), its
   * tables' arithmetic ({@link TableChecks}), its words against its numbers ({@link WordingChecks})
   * and the report against itself ({@link ReportChecks}).
   */
  public List<IndicatorFlag> check(List<IndicatorValue> values, DisclosureDocument d) {
    return assess(values, d).flags();
  }

  /**
   * A report's flags, and how many of its tables had their sums checked and how many of those were
   * not understood (most of their sums fail: misread, so nothing of them is flagged).
   */
  public record Assessment(List<IndicatorFlag> flags, int tablesSummed, int tablesMisread) {
    public Assessment {
      flags = List.copyOf(flags);
    }
  }

  /** {@link #check(List, DisclosureDocument)}, with the count of tables not understood. */
  public Assessment assess(List<IndicatorValue> values, DisclosureDocument d) {
    List<IndicatorFlag> flags =
        new ArrayList<>(check(values, d.text(), OtherBodies.of(d.text(), d.issuer())));
    // a notice, a form, a government's annual report: not a department's accounts to audit
    if (d.kind() != ReportKind.BUDGET && d.kind() != ReportKind.FINAL_ACCOUNTS)
      return new Assessment(flags, 0, 0);
    // a page that states no figure at all (a portal's front page listing a report's link, a
    // covering note) is not the accounts themselves: its headings and dates are not the report's
    if (values.isEmpty()) return new Assessment(flags, 0, 0);
    Role own = Role.ownFigure(d.kind());
    List<Ledger> ledgers = Ledger.read(d.text(), Layout.of(d.text()), own);
    TableChecks.Tally tally = new TableChecks.Tally();
    flags.addAll(TableChecks.check(d.text(), d.sections(), ledgers, tally));
    flags.addAll(ItemChecks.check(d.text(), d.sections(), d.kind()));
    for (IndicatorFlag f : WordingChecks.check(d.text(), d.year()))
      if (!saidAlready(f, flags)) flags.add(f);
    flags.addAll(ReportChecks.check(d.text(), d.sections(), d.kind(), d.year(), d.issuer()));
    return new Assessment(flags, tally.summed, tally.misread);
  }

  /**
   * Whether a list's shares ({@link ShareLists}) were already said of one of its figures ({@code
   * share}, {@code share_of_parts} of the 基本支出 and 项目支出 it lists).
   */
  private static boolean saidAlready(IndicatorFlag f, List<IndicatorFlag> flags) {
    if (!f.code().equals("share_of_parts") || f.quotes().isEmpty()) return false;
    Quote q = f.quotes().get(0);
    for (IndicatorFlag g : flags)
      if (g.check().equals("share"))
        for (IndicatorValue v : g.sources())
          if (v.start() >= q.start() && v.start() < q.end()) return true;
    return false;
  }

  /** The figures of a report against each other and against the words around them. */
  public List<IndicatorFlag> check(List<IndicatorValue> values, String text) {
    return check(values, text, OtherBodies.NONE);
  }

  /**
   * The same, knowing which passages are about a body other than the issuer ({@code 二、市建筑工务署工程管理中心}
   * and what follows it): a statement there is that body's, never proof of the whole's figure.
   */
  List<IndicatorFlag> check(List<IndicatorValue> values, String text, OtherBodies bodies) {
    Map<String, IndicatorValue> head = new LinkedHashMap<>();
    for (IndicatorValue v : values) if (v.headline()) head.put(v.indicator(), v);
    List<IndicatorFlag> flags = new ArrayList<>();

    disagreements(values, text, bodies, flags);
    noCarryOver(head, text, flags);
    totalAtLeast(head, "grand_total", "income_total", flags);
    totalAtLeast(head, "grand_total", "expenditure_total", flags);
    boolean otherUses = OtherUses.mayBeStated(text);
    sum(
        values,
        head,
        "expenditure_total",
        List.of("basic_expenditure", "project_expenditure"),
        "parts_of_expenditure",
        otherUses,
        flags);
    sum(
        values,
        head,
        "basic_expenditure",
        List.of("personnel_expenses", "public_expenses"),
        "parts_of_basic",
        true,
        flags);
    sum(
        values,
        head,
        "three_public",
        List.of("overseas_travel", "vehicles_expenses", "reception"),
        "parts_of_three_public",
        true,
        flags);
    sum(
        values,
        head,
        "procurement_total",
        List.of("procurement_goods", "procurement_works", "procurement_services"),
        "parts_of_procurement",
        true,
        flags);
    StatedParts.check(values, text, otherUses, flags);
    changes(values, text, flags);
    shares(values, head, text, flags);
    StatedParts.bareShares(values, text, flags);
    missingFigures(values, flags);
    return flags;
  }

  private static final Pattern NO_CARRY_OVER =
      Pattern.compile("结转(?:和)?结余(?:资金)?(?:均)?为(?:零|0|0\\.00)(?:万元)?|无(?:年末)?结转(?:和)?结余");

  private static final org.gongkai.text.Starts NO_CARRY_OVER_STARTS =
      new org.gongkai.text.Starts(NO_CARRY_OVER, "结无");

  /**
   * A report that says nothing was carried over (结转结余为零) says its income, its spending and its
   * totals are all the same amount.
   */
  private static void noCarryOver(
      Map<String, IndicatorValue> head, String text, List<IndicatorFlag> flags) {
    IndicatorValue in = head.get("income_total"), out = head.get("expenditure_total");
    if (in == null || out == null || in.valueWan() == null || out.valueWan() == null) return;
    Matcher m = NO_CARRY_OVER_STARTS.first(text);
    if (m == null) return;
    if (Math.abs(in.valueWan() - out.valueWan()) > TOLERANCE) {
      flags.add(
          new IndicatorFlag(
              "carry_over",
              "carry_over",
              List.of(m.group(), fmt(in.valueWan()), fmt(out.valueWan())),
              List.of(in, out)));
    }
  }

  private static void totalAtLeast(
      Map<String, IndicatorValue> head, String total, String part, List<IndicatorFlag> flags) {
    IndicatorValue t = head.get(total), p = head.get(part);
    if (t == null || p == null || t.valueWan() == null || p.valueWan() == null) return;
    if (t.valueWan() + TOLERANCE < p.valueWan()) {
      flags.add(
          new IndicatorFlag(
              "totals",
              "totals",
              List.of(
                  IndicatorFlag.figure(t.indicator()),
                  fmt(t.valueWan()),
                  IndicatorFlag.figure(p.indicator()),
                  fmt(p.valueWan())),
              List.of(t, p)));
    }
  }

  /**
   * The parts' headlines must add up to one of the statements of the total in the same role: a
   * report may state a total twice for different scopes (基本支出 of all funds and of the general
   * budget).
   */
  private static void sum(
      List<IndicatorValue> values,
      Map<String, IndicatorValue> head,
      String total,
      List<String> parts,
      String check,
      boolean otherUses,
      List<IndicatorFlag> flags) {
    IndicatorValue t = head.get(total);
    if (t == null || t.valueWan() == null) return;
    double sum = 0;
    List<IndicatorValue> sources = new ArrayList<>();
    for (String p : parts) {
      IndicatorValue v = head.get(p);
      // a part not stated, or stated for other money: nothing to check (the three items of “三公”经费
      // are stated with or without the money they are of; 人员经费 and 公用经费 only of the same)
      if (v == null || v.valueWan() == null || v.role() != t.role()) return;
      boolean sameMoney =
          check.equals("parts_of_three_public")
              ? fits(v.scope(), t.scope())
              : v.scope().equals(t.scope());
      if (!sameMoney) return;
      sum += v.valueWan();
      sources.add(v);
    }
    // 支出合计 has parts beyond 基本支出 and 项目支出 (上缴上级支出, 对附属单位补助支出, 事业单位经营支出,
    // 单位预留机动经费 …): those two can fall short of it, never exceed it — unless a budget states none
    // ({@link OtherUses}); a final account's may be in columns no row of which is read
    boolean open =
        check.equals("parts_of_expenditure")
            && (otherUses || t.role() != org.gongkai.model.Role.PLANNED);
    for (IndicatorValue candidate : values) {
      double tolerance = tolerance(check, sources, candidate, parts.size());
      if (candidate.indicator().equals(total)
          && candidate.role() == t.role()
          && candidate.scope().equals(t.scope())
          && candidate.valueWan() != null
          && (Math.abs(candidate.valueWan() - sum) <= tolerance
              || open && sum <= candidate.valueWan() + tolerance)) {
        return;
      }
    }
    sources.add(0, t);
    flags.add(new IndicatorFlag(check, check, List.of(fmt(sum), fmt(t.valueWan())), sources));
  }

  /**
   * How far parts may miss their total: a fen and a half a part — or, for 政府采购's parts, which
   * reports write as coarsely as their total (3.50亿元 of 1.17亿元 three times), half the last digit
   * each was written with.
   */
  static double tolerance(
      String check, List<IndicatorValue> parts, IndicatorValue total, int count) {
    double fixed = TOLERANCE * count;
    if (!check.equals("parts_of_procurement")) return fixed;
    double rounding = Amounts.halfUnitWan(total.asWritten(), total.unit());
    for (IndicatorValue p : parts) rounding += Amounts.halfUnitWan(p.asWritten(), p.unit());
    return Math.max(fixed, rounding);
  }

  /**
   * The side a sentence's grand total is of: {@code 总收入X} and {@code 总支出Y} in words are two
   * statements, each side's own (a hospital's, a town's 总收入 is its year's income), not one figure
   * stated twice; a table's 总计 and a 收支总计 are both sides'.
   */
  private static String side(IndicatorValue v, String text) {
    if (!v.indicator().equals("grand_total") || v.sourceKind() != SourceKind.TEXT || text == null)
      return "";
    int from = Math.max(0, v.start() - 10);
    if (v.start() > text.length()) return "";
    String before = text.substring(from, v.start());
    boolean in = before.contains("收入") || before.contains("总收"),
        out = before.contains("支出") || before.contains("总支");
    if (before.contains("收支") || in == out) return "";
    return in ? "in" : "out";
  }

  /** Whether a part's scope fits its total's: same whose and year; same money, or one unnamed. */
  private static boolean fits(Scope part, Scope total) {
    return part.whose() == total.whose()
        && part.period() == total.period()
        && (part.funds() == total.funds()
            || part.funds() == Scope.Funds.ALL
            || total.funds() == Scope.Funds.ALL);
  }

  /**
   * Statements of one figure in one scope and role that disagree beyond their rounding: the text
   * and a table, or two places of the text. Statements of different scopes — the 财政拨款收支总表's 本年收入合计
   * beside the department table's, a 上年 column, 一般公共预算's 基本支出 beside all funds' — are never
   * compared. One flag per figure and scope, naming each value once, in text order ({@code
   * undecided} when the headline could not be decided between them, {@code stated_twice} when it
   * was).
   */
  private static void disagreements(
      List<IndicatorValue> values, String text, OtherBodies bodies, List<IndicatorFlag> flags) {
    Map<String, List<List<IndicatorValue>>> groups = new LinkedHashMap<>();
    // each group's members by value in 万元, and the widest rounding among them: a statement is
    // compared only with the members within reach, not with every member of every cluster (16,000
    // distinct totals made this quadratic); it joins the first cluster one of them is in
    Map<String, java.util.TreeMap<Double, List<Integer>>> members = new java.util.HashMap<>();
    Map<String, Double> widest = new java.util.HashMap<>();
    for (IndicatorValue v : values) {
      if (v.valueWan() == null
          || (v.sourceKind() != SourceKind.TEXT && v.sourceKind() != SourceKind.TABLE)) continue;
      TimeLimit.check();
      // a unit's own figure, under its heading, is compared with that unit's statements only
      int body = v.sourceKind() == SourceKind.TEXT ? bodies.at(v.start()) : -1;
      String key = v.indicator() + "|" + v.role() + "|" + v.scope().code() + "|" + body;
      List<List<IndicatorValue>> clusters = groups.computeIfAbsent(key, k -> new ArrayList<>());
      java.util.TreeMap<Double, List<Integer>> byWan =
          members.computeIfAbsent(key, k -> new java.util.TreeMap<>());
      double half = Amounts.halfUnitWan(v.asWritten(), v.unit());
      double reach = Math.max(half, widest.getOrDefault(key, 0.0)) + 1e-6;
      int home = -1;
      for (var near : byWan.subMap(v.valueWan() - reach, true, v.valueWan() + reach, true).values())
        for (int ci : near)
          if ((home < 0 || ci < home)
              && clusters.get(ci).stream().anyMatch(o -> IndicatorExtractor.agree(o, v))) home = ci;
      if (home < 0) {
        home = clusters.size();
        clusters.add(new ArrayList<>());
      }
      clusters.get(home).add(v);
      byWan.computeIfAbsent(v.valueWan(), k -> new ArrayList<>()).add(home);
      widest.merge(key, half, Math::max);
    }
    for (List<List<IndicatorValue>> clusters : groups.values()) {
      if (clusters.size() < 2) continue;
      // 总收入X in one sentence, 总支出Y in another and nothing of both sides: each side's own
      java.util.Set<String> sides = new java.util.HashSet<>();
      for (List<IndicatorValue> c : clusters) for (IndicatorValue v : c) sides.add(side(v, text));
      if (!sides.contains("") && sides.size() == 2) continue;
      // the two 总计 of one summary table's row that differ: its balance is summary_balance's to flag
      Map<String, java.util.Set<Integer>> rowClusters = new LinkedHashMap<>();
      for (int ci = 0; ci < clusters.size(); ci++)
        for (IndicatorValue v : clusters.get(ci))
          if (v.sourceKind() == SourceKind.TABLE)
            rowClusters.computeIfAbsent(v.source(), k -> new java.util.HashSet<>()).add(ci);
      if (rowClusters.values().stream().anyMatch(c -> c.size() > 1)) continue;
      List<IndicatorValue> firsts = new ArrayList<>();
      for (List<IndicatorValue> c : clusters) firsts.add(c.get(0));
      // Gongkai's own doubt (the values it could not decide between) is not the report's
      // contradiction: the figure lists them as candidates, and no flag is raised
      // — unless every side is proven on its own (confirmed, stated alike twice, or written right
      // after its label): then the report says two things, and the flag quotes both
      boolean proven =
          clusters.stream()
              .allMatch(
                  c ->
                      c.stream()
                              .anyMatch(
                                  v ->
                                      v.verified() && !v.by().isEmpty()
                                          || direct(v, text)
                                          || alikeElsewhere(v, values))
                          || c.stream().map(IndicatorValue::start).distinct().count() >= 2);
      if (firsts.stream().anyMatch(IndicatorValue::candidate) && !proven) continue;
      IndicatorValue a = firsts.get(0);
      List<String> written = new ArrayList<>();
      for (IndicatorValue f : firsts) written.add(f.asWritten());
      // why the read is trusted: the identities that confirm a side (a side nothing confirms
      // against another nothing confirms is two reads in doubt, not a contradiction)
      List<String> evidence = new ArrayList<>();
      for (List<IndicatorValue> c : clusters) {
        for (IndicatorValue v : c)
          if (v.verified() && !v.by().isEmpty())
            evidence.add(v.asWritten() + ": " + String.join(", ", v.by()));
        // one side stated alike in two places or more (a summary table's two 总计 agreeing)
        if (c.stream().map(IndicatorValue::start).distinct().count() >= 2
            || c.stream().anyMatch(v -> alikeElsewhere(v, values)))
          evidence.add(c.get(0).asWritten() + ": stated_alike");
        if (proven)
          c.stream()
              .filter(v -> direct(v, text))
              .findFirst()
              .ifPresent(v -> evidence.add(v.asWritten() + ": stated_directly"));
      }
      // a side no read proves against another: two reads in doubt, not the report's contradiction
      if (!proven) {
        long provenSides =
            clusters.stream()
                .filter(
                    c ->
                        c.stream()
                                .anyMatch(
                                    v ->
                                        v.verified() && !v.by().isEmpty()
                                            || alikeElsewhere(v, values))
                            || c.stream().map(IndicatorValue::start).distinct().count() >= 2)
                .count();
        if (provenSides == 0) continue;
      }
      if (evidence.isEmpty()) continue;
      flags.add(
          new IndicatorFlag(
                  "stated_twice",
                  "stated_twice",
                  List.of(
                      IndicatorFlag.figure(a.indicator()),
                      IndicatorFlag.role(a.role()),
                      IndicatorFlag.scope(a.scope()),
                      String.join(" / ", written)),
                  firsts)
              .withEvidence(evidence.stream().distinct().toList()));
    }
  }

  /**
   * Whether {@code v} is stated alike in another place under a scope that fits its own — the “三公”
   * table's 一般公共预算 公务接待费 10.00 and the words' 公务接待费预算支出 10 万元, which name no money: one amount said
   * twice, so the read of either is no guess. (Statements of exactly its own scope are its own
   * group's, counted there.)
   */
  private static boolean alikeElsewhere(IndicatorValue v, List<IndicatorValue> values) {
    for (IndicatorValue o : values) {
      if (o == v
          || o.start() == v.start()
          || o.valueWan() == null
          || !o.indicator().equals(v.indicator())
          || o.role() != v.role()
          || o.scope().equals(v.scope())
          || !fits(o.scope(), v.scope())
          || (o.sourceKind() != SourceKind.TEXT && o.sourceKind() != SourceKind.TABLE)) continue;
      if (IndicatorExtractor.agree(o, v)) return true;
    }
    return false;
  }

  /** {@code 收入合计 93.93 万元 …增加 19.08 万元，上升 16%}: the change and the percentage must agree. */
  private static void changes(List<IndicatorValue> values, String text, List<IndicatorFlag> flags) {
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    for (IndicatorValue v : values) {
      if (v.valueWan() == null || v.sourceKind() != SourceKind.TEXT) continue;
      if (v.end() > text.length()) continue;
      // an amount of the year compared with (比2025年年初预算数X万元) is not what changed
      if (v.role() == Role.PREVIOUS_YEAR || v.scope().period() == Scope.Period.PREVIOUS) continue;
      String rest = sentenceAfter(text, v.end());
      Matcher m = CHANGE.matcher(rest);
      if (!m.find()) continue;
      // 较预算数339万元减少217万元: the amount is what the change is measured from, not its result
      int clause = Math.max(0, v.start() - 12);
      String lead = v.start() <= text.length() ? text.substring(clause, v.start()) : "";
      // 完成全年预算84.82万元的73.2%: a completion's budget, not what changed
      if (COMPLETION_LEAD.matcher(lead).find()) continue;
      int cut =
          Math.max(lead.lastIndexOf('，'), Math.max(lead.lastIndexOf(','), lead.lastIndexOf('；')));
      if (BASE_WORDS.matcher(lead.substring(cut + 1)).find()) continue;
      // 比2025年年初预算数44021.20万元增加148.16万元: the change is measured from the amount compared with
      boolean up = m.group(1).equals("增加") || m.group(1).equals("增长") || m.group(1).equals("上升");
      // 较上年减少15,800.00元: a change in 元 (or 亿元) as well as 万元, measured in 万元 as every figure is
      double delta = Amounts.wan(Amounts.decimal(m.group(2)), m.group(3)).doubleValue();
      Double base = null;
      String baseEvidence = null;
      String between = COMPLETION_BASE.matcher(rest.substring(0, m.start())).replaceAll("");
      Matcher amount = AMOUNT_BETWEEN.matcher(between);
      if (amount.find()) {
        int at = amount.start();
        String said = amount.group();
        // 总收入581.45万元，其中本年收入390.55万元，较上年减少175.26万元: the change is the nearer amount's
        if (amount.find() || Comparison.before(between, at, null) == null) continue;
        Matcher unit = AMOUNT_UNIT.matcher(said);
        if (!unit.find()) continue;
        String written = said.substring(0, unit.start()).strip();
        base = Amounts.wan(Amounts.decimal(written), unit.group()).doubleValue();
        // the report's own amount, the one compared with and the change must agree before the
        // percentage is judged; where they do not, the rate may tell which was written wrong
        double room =
            Amounts.halfUnitWan(v.asWritten(), v.unit())
                + Amounts.halfUnitWan(written, unit.group())
                + Amounts.halfUnitWan(m.group(2), m.group(3))
                + 1e-6;
        double gap = Math.abs((up ? v.valueWan() - base : base - v.valueWan()) - delta);
        if (gap > room) {
          // the three amounts disagree: the report's, unless the sentence's own rate shows which
          // one was written wrong (two of the three agree with the rate, the third does not) —
          // judged only where the change follows the amount compared with directly, on no other
          // basis (同口径, 剔除…因素, 不含…) and by more than amounts cut instead of rounded explain
          String after = between.substring(at + said.length());
          if (gap > 2 * room
              // the amounts agree but for the direction: the words 增加/减少 are at odds, not an amount
              && Math.abs(Math.abs(v.valueWan() - base) - delta) > room
              // the comparison is the amount's own (其中公务接待费比上年…: another subject's)
              && LEADS_TO_BASE.matcher(between.substring(0, at)).matches()
              && DIRECTLY_AFTER.matcher(after).matches()
              && !OTHER_BASIS.matcher(rest.substring(0, m.end())).find()
              && seen.add(v.end() + m.start()))
            oddAmount(v, text, m, written, unit.group(), base, up, delta, flags);
          continue;
        }
        // the change as written when in 万元, else converted (每个 amount of the evidence in 万元)
        String changeWan = m.group(3).equals("万元") ? m.group(2) : fmt(delta);
        baseEvidence =
            up
                ? fmt(v.valueWan()) + " − " + fmt(base) + " = " + changeWan + " 万元"
                : fmt(base) + " − " + fmt(v.valueWan()) + " = " + changeWan + " 万元";
      }
      // one change, one flag, whichever figures the amount before it was read as
      if (!seen.add(v.end() + m.start())) continue;
      boolean pctUp = m.group(4).equals("增长") || m.group(4).equals("上升");
      double pct = Double.parseDouble(m.group(5));
      double before = base != null ? base : up ? v.valueWan() - delta : v.valueWan() + delta;
      String said = m.group().replaceAll("\\s+", "");
      // the words of the change quoted: where the reader sees what does not fit
      List<org.gongkai.model.Quote> words =
          List.of(new org.gongkai.model.Quote(m.group(), v.end() + m.start(), v.end() + m.end()));
      if (up != pctUp) {
        flags.add(
            new IndicatorFlag(
                "change",
                "change_direction",
                List.of(IndicatorFlag.figure(v.indicator()), fmt(v.valueWan()), said),
                List.of(v),
                null,
                words));
        continue;
      }
      // 增加X万元，增长100%: what it grew from was nothing, and a growth from nothing has no rate
      double nothing =
          Amounts.halfUnitWan(v.asWritten(), v.unit())
              + Amounts.halfUnitWan(m.group(2), m.group(3));
      if (up && base == null && Math.abs(before) <= nothing && delta > nothing && pct > 0) {
        flags.add(
            new IndicatorFlag(
                "change_from_zero",
                "change_from_zero",
                List.of(IndicatorFlag.figure(v.indicator()), fmt(v.valueWan()), said),
                List.of(v),
                null,
                words));
        continue;
      }
      if (before <= 0) continue;
      double expected = delta / before * 100;
      // the room the amounts' own rounding leaves the rate: a change of 40.08 万元 on 812.28 may be
      // 4.93% ± 0.001, written 4.9 (rounded or cut) but never 4.8
      double roomDelta = Amounts.halfUnitWan(m.group(2), m.group(3));
      double roomBefore = Amounts.halfUnitWan(v.asWritten(), v.unit()) + roomDelta;
      double slack = 100 * (roomDelta / before + Math.abs(delta) * roomBefore / (before * before));
      // a rate written to the hundredth may be a hundredth off (66.69% for 66.68%): noise, no error
      double half = halfUnit(m.group(5));
      if (half < 0.01) slack += half;
      if (!agrees(expected, pct, half, Math.min(ROUNDING_ROOM, slack))) {
        flags.add(
            new IndicatorFlag(
                    "change",
                    "change",
                    List.of(
                        IndicatorFlag.figure(v.indicator()),
                        fmt(v.valueWan()),
                        said,
                        fmt(before),
                        fmtPct(expected)),
                    List.of(v),
                    null,
                    words)
                .withEvidence(
                    baseEvidence != null
                        ? List.of(baseEvidence)
                        : v.verified()
                            ? List.of(v.asWritten() + ": " + String.join(", ", v.by()))
                            : List.of()));
      }
    }
  }

  /**
   * {@code 基本支出X万元，比2025年年初预算数A万元增加B万元，增长C%} where X − A is not B: one of the three amounts is
   * written wrong, and the rate tells which only where exactly one reading fits it — A and B make C
   * (X is wrong), X and B make it (A is), or X and A make it (B is). Then the sentence contradicts
   * itself ({@code change_amount}, the reading that fits as its evidence); where none fits, or more
   * than one does (a rate written too coarsely to tell), the read is in doubt and nothing is said.
   */
  private static void oddAmount(
      IndicatorValue v,
      String text,
      Matcher m,
      String baseWritten,
      String baseUnit,
      double base,
      boolean up,
      double delta,
      List<IndicatorFlag> flags) {
    boolean pctUp = m.group(4).equals("增长") || m.group(4).equals("上升");
    // the amount and the rate moving apart as well: which is wrong is past telling, as before
    if (up != pctUp) return;
    double pct = Double.parseDouble(m.group(5));
    double half = halfUnit(m.group(5));
    double x = v.valueWan();
    double hx = Amounts.halfUnitWan(v.asWritten(), v.unit());
    double ha = Amounts.halfUnitWan(baseWritten, baseUnit);
    double hd = Amounts.halfUnitWan(m.group(2), m.group(3));
    List<String> fits = new ArrayList<>();
    // A and B make the rate: X is the odd one
    if (rateFits(delta, base, hd, ha, pct, half))
      fits.add(m.group(5) + "% ≈ " + fmt(delta) + " ÷ " + fmt(base));
    // X and B make it, from X ∓ B: A is
    double from = up ? x - delta : x + delta;
    if (rateFits(delta, from, hd, hx + hd, pct, half))
      fits.add(m.group(5) + "% ≈ " + fmt(delta) + " ÷ " + fmt(from));
    // X and A make it: B is
    double change = up ? x - base : base - x;
    if (change > 0 && rateFits(change, base, hx + ha, ha, pct, half))
      fits.add(m.group(5) + "% ≈ " + fmt(change) + " ÷ " + fmt(base));
    if (fits.size() != 1) return;
    int quoteEnd = v.end() + m.end();
    flags.add(
        new IndicatorFlag(
                "change",
                "change_amount",
                List.of(
                    IndicatorFlag.figure(v.indicator()),
                    fmt(x),
                    fmt(base),
                    fmt(Math.abs(x - base)),
                    text.substring(v.end(), quoteEnd)
                        .replaceAll("\\s+", "")
                        .replaceFirst("^[，,]", "")),
                List.of(v),
                null,
                List.of(new Quote(text.substring(v.start(), quoteEnd), v.start(), quoteEnd)))
            .withEvidence(fits));
  }

  /**
   * Whether {@code change ÷ before} is the rate written ({@code pct}, half its last digit {@code
   * half}), within the room the two amounts' rounding ({@code hc}, {@code hb} in 万元) leaves it.
   */
  private static boolean rateFits(
      double change, double before, double hc, double hb, double pct, double half) {
    if (before <= 0 || change <= 0) return false;
    double slack = 100 * (hc / before + change * hb / (before * before));
    if (half < 0.01) slack += half;
    return agrees(change / before * 100, pct, half, Math.min(ROUNDING_ROOM, slack));
  }

  /** {@code 一般公共预算财政拨款支出 84.25 万元，占本年支出合计的 93%}: the share must match the figures. */
  private static void shares(
      List<IndicatorValue> values,
      Map<String, IndicatorValue> head,
      String text,
      List<IndicatorFlag> flags) {
    for (IndicatorValue v : values) {
      if (v.valueWan() == null || v.sourceKind() != SourceKind.TEXT) continue;
      Matcher m = SHARE.matcher(text.substring(v.end(), Math.min(text.length(), v.end() + 40)));
      if (!m.find()) continue;
      String base =
          switch (m.group(1)) {
            case "本年支出", "支出合计" -> "expenditure_total";
            case "本年收入", "收入合计" -> "income_total";
            default -> "basic_expenditure";
          };
      Optional<IndicatorValue> b = Optional.ofNullable(head.get(base));
      if (b.isEmpty() || b.get().valueWan() == null || b.get().valueWan() == 0) continue;
      double pct = Double.parseDouble(m.group(2));
      double expected = v.valueWan() / b.get().valueWan() * 100;
      if (!agrees(expected, pct, halfUnit(m.group(2)))) {
        flags.add(
            new IndicatorFlag(
                "share",
                "share",
                List.of(
                    IndicatorFlag.figure(v.indicator()),
                    fmt(v.valueWan()),
                    m.group(1),
                    m.group(2),
                    IndicatorFlag.figure(b.get().indicator()),
                    fmt(b.get().valueWan()),
                    fmtPct(expected)),
                List.of(v, b.get())));
      }
    }
  }

  private static final Pattern MISSING = Pattern.compile("(?:决算|预算|支出)数?为\\s*万元");

  /** {@code 支出决算为万元}: a sentence that names a figure and leaves out its number. */
  private static void missingFigures(List<IndicatorValue> values, List<IndicatorFlag> flags) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (IndicatorValue v : values) {
      Matcher m = MISSING.matcher(v.source());
      if (m.find() && seen.add(v.source())) {
        flags.add(
            new IndicatorFlag(
                "missing_figure",
                "missing_figure",
                List.of(IndicatorFlag.figure(v.indicator()), m.group()),
                List.of(v)));
      }
    }
  }

  /**
   * Whether a percentage as written fits the one its amounts give: rounded to its last digit, or
   * cut there (2,982.61 of 4,680.58 is 63.72%, written 63% by reports that cut), with a little room
   * for the amounts' own rounding.
   */
  static boolean agrees(double expected, double said, double half) {
    return agrees(expected, said, half, ROUNDING_ROOM);
  }

  /** Room for the amounts' own rounding where it is not known, in percentage points. */
  private static final double ROUNDING_ROOM = 0.05;

  /** {@link #agrees(double, double, double)} with {@code room} for the amounts' rounding. */
  static boolean agrees(double expected, double said, double half, double room) {
    return expected >= said - half - room - 1e-9 && expected <= said + 2 * half + room + 1e-9;
  }

  /** Half the last written digit of a percentage: 14.3 → 0.05, 16 → 0.5. */
  static double halfUnit(String number) {
    int dot = number.indexOf('.');
    return dot < 0 ? 0.5 : 0.5 * Math.pow(10, -(number.length() - dot - 1));
  }

  /** What may stand between a label and its amount: 为, 是, 共, a colon. */
  private static final Pattern LINK = Pattern.compile("(?:为|是|共|共计|合计|：|:)$");

  /** The kind of amount a label may name before it: {@code 项目支出预算数为}, {@code 基本支出决算为}. */
  private static final Pattern KIND_OF_AMOUNT = Pattern.compile("(?:预算|决算)数?$");

  /**
   * Whether a statement in the words is written right after its own label ({@code 项目支出 1,612.29
   * 万元}, {@code 基本支出为3,745.07万元}, {@code 项目支出预算数为 3,314.68 万元}): one reading, no word of another
   * figure or year between.
   */
  static boolean direct(IndicatorValue v, String text) {
    if (v.sourceKind() != SourceKind.TEXT || v.start() > text.length()) return false;
    String before =
        SPACE.matcher(text.substring(Math.max(0, v.start() - 24), v.start())).replaceAll("");
    String label = KIND_OF_AMOUNT.matcher(LINK.matcher(before).replaceFirst("")).replaceFirst("");
    // an item's amount said as its spending: 因公出国（境）费预算支出 106 万元, 公务接待费支出 412.50 万元
    String spent = SPENT.matcher(label).replaceFirst("");
    return Indicator.byId(v.indicator())
        .map(
            ind ->
                ind.endsWithLabel.matcher(label).find()
                    || spent.length() < label.length()
                        && ind.endsWithLabel.matcher(spent).find()
                        && !spent.endsWith("支出"))
        .orElse(false);
  }

  /** The spending word after an item's label: {@code 预算支出}, {@code 支出}, {@code 决算支出}. */
  private static final Pattern SPENT = Pattern.compile("(?<=费)(?:预算|决算)?支出$");

  private static final Pattern SPACE = Pattern.compile("[\\s\\u3000]");

  private static String sentenceAfter(String text, int from) {
    int end = from, wraps = 0;
    while (end < text.length() && "。；".indexOf(text.charAt(end)) < 0) {
      // a paragraph a PDF wrapped at its lines' width (比上年执行数增加⏎15,325.38 万元，增长 3.9%) goes on
      // over a line's end; a table's row, a numbered item or a heading begins anew
      if (text.charAt(end) == '\n' && (++wraps > MAX_WRAPS || !wrapped(text, end + 1))) break;
      end++;
    }
    return text.substring(from, end);
  }

  /** How many line ends a sentence read after an amount goes on over. */
  private static final int MAX_WRAPS = 2;

  /** A line that begins something of its own: an item's number, a heading's, a table's cells. */
  private static final Pattern OWN_LINE =
      Pattern.compile(
          "\\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+[、.．](?![0-9])|第[一二三四五六七八九十]+部分|表\\s*[0-9])");

  private static boolean wrapped(String text, int line) {
    int nl = text.indexOf('\n', line);
    String next = text.substring(line, nl < 0 ? text.length() : nl);
    return !next.isBlank() && next.indexOf('\t') < 0 && !OWN_LINE.matcher(next).lookingAt();
  }

  static String fmt(double v) {
    return new java.math.BigDecimal(v)
        .setScale(2, java.math.RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }

  static String fmtPct(double v) {
    return new java.math.BigDecimal(v).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
  }
}
