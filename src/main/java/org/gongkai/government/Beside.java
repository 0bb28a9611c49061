package org.gongkai.government;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.indicators.Indicator;
import org.gongkai.model.DisclosureDocument;
import org.gongkai.model.IndicatorValue;
import org.gongkai.model.Role;
import org.gongkai.model.Scope;

/**
 * What a government's report states right after one of its figures, read in that figure's level and
 * role (#65): the growth and the completion of the budget beside 一般公共预算收入/支出 and 税收收入
 * (增长3.1%，完成预算的101.2%), and the debt's two kinds beside its limit or balance (限额5,097.7亿元（一般债务
 * 1,030.1亿元、专项债务4,067.6亿元）). {@link GovernmentFigures} reads the figure and hands over the words
 * after it.
 */
final class Beside {

  private Beside() {}

  /**
   * A growth stated after a figure: 增长3.1%, 比上年执行数(下同)增长6.8%, 同口径增长2.7%, 下降10.49%, 降低2.13%, 与上年持平.
   */
  private static final Pattern GROWTH =
      Pattern.compile(
          "(增长|增加|增收|下降|降低|减少|减收|下降了|增长了|增幅为?|减幅为?|降幅为?)\\s*(\\d+(?:\\s*\\.\\s*\\d+)?)\\s*[%％](\\s*左右)?|(持平)");

  /**
   * A completion stated after a figure: 完成预算的101.2%, 完成年初预算的97.6%, 为调整预算的94.97%, 占调整预算105.47%,
   * 完成年度预算的100.7%, 为汇总调整预算的101.3%, 完成调整后支出预算的96.3% — a few words naming which budget between (never
   * another amount).
   */
  private static final Pattern COMPLETION =
      Pattern.compile(
          "(?:完成|为|达到?|占)\\s*(?<words>[^，,。；;\\d%％]{0,8}?)预算(?:数|目标|计划)?\\s*的?\\s*"
              + "(\\d+(?:\\s*\\.\\s*\\d+)?)\\s*[%％]");

  /** A clause opening with a rate of change (同比增长…, 减幅…): still the words about the figure. */
  private static final Pattern CHANGE_LEAD =
      Pattern.compile("(?:比上年|较上年|同比|同口径|可比口径|自然口径)?\\s*(?:增长|下降|降低|增幅|减幅|降幅)");

  /**
   * A change's own amount said before its rate (比上年减少21,029万元，下降16.95%; 同比增收56533万元，增长26%;
   * 短收7431万元; 比2017年增收12423万元, the year before the figure's named): part of the words about the
   * figure, not another statement.
   */
  private static final Pattern CHANGE_AMOUNT =
      Pattern.compile(
          "(?:比上年|较上年|同比|[比较]\\s*(?<than>(?:19|20)\\d{2})\\s*年度?)?(?<!预算数?)"
              + "(?:增加|减少|增收|减收|增支|减支|短收|超收|减|增)了?\\s*\\d[\\d,]*(?:\\.\\d+)?\\s*(?:亿元|万元)");

  /**
   * A comparison naming the amount it compares with, the year before's, right before the growth
   * (较上年28899万元增长9.9%, 比2022年的31.2亿元下降2.1%, 比上年决算数41,000万元增长5%): the amount is the base's, no
   * statement of its own, and the growth after it is the figure's.
   */
  private static final Pattern CHANGE_BASE =
      Pattern.compile(
          "(?:比|较)\\s*(?:上年|(?<than>(?:19|20)\\d{2})\\s*年度?)"
              + "(?:决算数?|执行数?|完成数?|实际完成数?)?的?\\s*"
              + "\\d[\\d,]*(?:\\.\\d+)?\\s*(?:亿元|万元)\\s*(?=增长|下降|降低|增幅|减幅|降幅)");

  /**
   * The figure's share of a total in a clause of its own right after it (占一般公共预算收入67.9%,
   * 占全市一般公共预算支出的 比重为76.6%, 占比65.5%): the total it names is no statement of its own, and the growth
   * after it is still the figure's (…，占一般公共预算收入67.9%，同比下降6.18%). Never a completion (占预算的…).
   */
  private static final Pattern SHARE =
      Pattern.compile(
          "占(?:比|[^，,。；;\\d%％]{1,30}?的?(?:比重|比例)?)\\s*(?:为|达到?|是)?\\s*\\d+(?:\\s*\\.\\s*\\d+)?\\s*[%％]");

  /** A comparison naming its year: 比2021年, 较2022年度. */
  private static final Pattern THAN_YEAR = Pattern.compile("[比较与]\\s*((?:19|20)\\d{2})\\s*年");

  /** A growth's words that compare the figure with the year before and say nothing else. */
  private static final Pattern PLAIN_COMPARISON = Pattern.compile("(?:同比|比上年|较上年|与上年相比|比上年同期)?");

  /**
   * What ends the words about one figure: another amount, another figure, its parts, what is added
   * to it.
   */
  private static final Pattern NEXT_STATEMENT =
      Pattern.compile("\\d\\s*(?:亿元|万元|元)|其中|[，,、]\\s*加|剔除|扣除");

  /**
   * Whether {@code than} (比2017年…) is the year before {@code money}'s: its growth is the year's.
   */
  private static boolean comparedWithYearBefore(
      DisclosureDocument d, IndicatorValue money, String than) {
    if (d.year() == null) return false;
    int year = d.year() - (money.scope().period() == Scope.Period.PREVIOUS ? 1 : 0);
    return Integer.parseInt(than) == year - 1;
  }

  /**
   * The rates said of {@code money} (figure {@code ind}) in the words after it, up to the next
   * amount or figure: its growth and, for a year done, its completion of the budget — each in the
   * figure's level and role, its words kept as written ({@code 同口径增长2.7%}, {@code 增长4.0%左右}) so
   * nobody compares a like-for-like growth with the two amounts.
   */
  static void rates(
      DisclosureDocument d,
      Indicator ind,
      IndicatorValue money,
      Prose.Paragraph p,
      int from,
      int to,
      String source,
      List<IndicatorValue> out) {
    // asides blanked, not removed: an offset in the words is one in the paragraph
    StringBuilder blank = new StringBuilder(p.text().substring(from, to));
    for (Matcher x = GovernmentFigures.ASIDE.matcher(blank); x.find(); )
      for (int k = x.start(); k < x.end(); k++) blank.setCharAt(k, ' ');
    String rest = blank.toString();
    // a completion naming the budget's amount read, the growth may follow it
    // (…的96.57%，同比减952万元，减幅1.49%);
    // the budget's amount is read for a figure with no rates too (政府性基金收入…，完成预算24850万元的12.4%)
    int done = budgetDone(d, ind, money, p, from, rest, source, out);
    if (ind.rate("growth").isEmpty() && ind.rate("completion").isEmpty()) return;
    if (done > 0) {
      for (int k = 0; k < done; k++) blank.setCharAt(k, ' ');
      rest = blank.toString();
    }
    int end = rest.length();
    // a change's amount in a clause of its own right after the figure (or its rates) blanked as the
    // asides are: the rate after it is still the figure's; a clause naming anything else ends them
    // (…，主要是增值税留抵退税减收0.6亿元，下降25.0%: not the figure's growth)
    StringBuilder changes = new StringBuilder(rest);
    StringBuilder shares = new StringBuilder(rest);
    boolean shared = false;
    int clauseStart = 0;
    for (int k = 0; k <= rest.length(); k++) {
      if (k < rest.length()
          && ("，,".indexOf(rest.charAt(k)) < 0
              || rest.charAt(k) == ','
                  && k > 0
                  && k + 1 < rest.length()
                  && Character.isDigit(rest.charAt(k - 1))
                  && Character.isDigit(rest.charAt(k + 1)))) continue; // 21,029: one number
      String clause = rest.substring(clauseStart, k).strip();
      Matcher change = CHANGE_AMOUNT.matcher(clause);
      Matcher base = CHANGE_BASE.matcher(clause);
      if (base.lookingAt()
          && GROWTH.matcher(clause.substring(base.end())).lookingAt()
          && (base.group("than") == null || comparedWithYearBefore(d, money, base.group("than")))) {
        // the base's amount blanked as a change's is: the growth after it stays the figure's
        int lead = rest.substring(clauseStart, k).indexOf(clause);
        for (int b = clauseStart + lead; b < clauseStart + lead + base.end(); b++)
          changes.setCharAt(b, ' ');
      } else if (change.matches()
          && (change.group("than") == null
              || comparedWithYearBefore(d, money, change.group("than"))))
        for (int b = clauseStart; b < k; b++) changes.setCharAt(b, ' ');
      else if (SHARE.matcher(clause).matches() && !COMPLETION.matcher(clause).lookingAt()) {
        for (int b = clauseStart; b < k; b++) {
          changes.setCharAt(b, ' ');
          shares.setCharAt(b, ' ');
        }
        shared = true;
      } else if (!clause.isEmpty()
          && !GROWTH.matcher(clause).lookingAt()
          && !COMPLETION.matcher(clause).lookingAt()
          && !CHANGE_LEAD.matcher(clause).lookingAt()) break;
      clauseStart = k + 1;
    }
    Matcher next = NEXT_STATEMENT.matcher(changes);
    if (next.find()) end = next.start();
    rest = shares.toString(); // a share's total is no other figure
    Matcher label = GovernmentFigures.LABEL.matcher(rest);
    if (label.find() && label.start() < end) end = label.start();
    rest = rest.substring(0, end);
    Matcher g = GROWTH.matcher(rest);
    if (g.find() && ind.rate("growth").isPresent()) {
      int clause = Math.max(rest.lastIndexOf('，', g.start()), rest.lastIndexOf(',', g.start())) + 1;
      String lead = rest.substring(clause, g.start());
      // 比“十二五”时期…, 比年初预算增长, 年均增长, 比上年同期: not the year's growth over the last
      // …，民生支出增幅8.2%, 增值税下降…: another item's
      // after a share, only the plain comparison is the figure's (占…67.9%，同比下降6.18%): not the
      // share's (比重比上年下降…), a wider level's (全县增长…) or an item's (房地产业…下降…)
      // 比2021年增长… in 2023's: against another year than the one before, not the year's growth
      Matcher than = THAN_YEAR.matcher(lead);
      if (!lead.matches(".*(?:时期|预算|年均|同期|月|支出|收入|税|费|基金|比重|占比).*")
          && (!than.find() || comparedWithYearBefore(d, money, than.group(1)))
          && (!shared || PLAIN_COMPARISON.matcher(lead.strip()).matches())) {
        double pct = 0;
        String digits = "0";
        if (g.group(4) == null) {
          digits = g.group(2).replaceAll("\\s", "");
          pct = Double.parseDouble(digits);
          if (g.group(1).startsWith("下降")
              || g.group(1).startsWith("降")
              || g.group(1).startsWith("减")) pct = -pct;
        }
        int at = clause;
        while (at < g.start()
            && (Character.isWhitespace(rest.charAt(at)) || "、，,：:".indexOf(rest.charAt(at)) >= 0))
          at++;
        // the words as written, asides and all (比上年执行数(下同)增长6.8%)
        String written = p.written().substring(from + at, from + g.end()).replaceAll("\\s", "");
        out.add(
            rate(
                d,
                ind.rate("growth").get(),
                money,
                pct,
                written,
                p,
                from + at,
                from + g.end(),
                source));
      }
    }
    Matcher c = COMPLETION.matcher(rest);
    if (done < 0
        && c.find()
        && !c.group("words").contains(ind.id.endsWith("revenue") ? "支出" : "收入")
        && !BUDGET_NAMED.matcher(c.group("words")).find()
        && ind.rate("completion").isPresent()
        && (money.role() == Role.EXECUTED || money.role() == Role.ACTUAL)) {
      String digits = c.group(2).replaceAll("\\s", "");
      out.add(
          rate(
              d,
              ind.rate("completion").get(),
              money,
              Double.parseDouble(digits),
              p.written().substring(from + c.start(), from + c.end()).replaceAll("\\s", ""),
              p,
              from + c.start(),
              from + c.end(),
              source));
    }
  }

  /**
   * A completion that names the budget's amount: 完成区人大常委会批准收入调整预算37.5亿元的104.3%, 完成年初预算230亿元的 98.6%
   * — right after the figure, in its clause.
   */
  private static final Pattern BUDGET_NAMED = Pattern.compile("一般公共|政府性基金|国有资本|社会保险|社保|税收|非税");

  private static final Pattern BUDGET_DONE =
      Pattern.compile(
          "^[，,\\s]*(?:预计)?(?:完成|为|占)(?<words>[^，,。；;\\d%％]{0,30}?)(?<budget>年初预算|调整后?预算|变动后?预算|预算)"
              + "(?<after>收入|支出)?(?<target>数|目标|计划)?"
              + "(?:为)?\\s*(?<amount>\\d[\\d,]*(?:\\.\\d+)?)\\s*(?<unit>亿元|万元)的?\\s*"
              + "(?<pct>\\d+(?:\\.\\d+)?)\\s*[%％]");

  /**
   * The budget's amount and the completion of it said right after a year's collected or spent
   * figure: the amount in the figure's level and year, as that year's 年初预算 or 调整预算; the completion
   * as the figure's rate. Where the words about it end; -1 when they say no such thing.
   */
  private static int budgetDone(
      DisclosureDocument d,
      Indicator ind,
      IndicatorValue money,
      Prose.Paragraph p,
      int from,
      String rest,
      String source,
      List<IndicatorValue> out) {
    if (money.role() != Role.EXECUTED && money.role() != Role.ACTUAL) return -1;
    Matcher b = BUDGET_DONE.matcher(rest);
    if (!b.find()) return -1;
    // 完成…支出调整预算 after a revenue: another figure's budget
    boolean revenue = ind.id.endsWith("revenue");
    // 占一般公共预算收入8.2亿元的68.3%: a share of a total, no completion of a budget
    if (BUDGET_NAMED.matcher(b.group("words")).find()
        || b.group("words").contains(revenue ? "支出" : "收入")
        || b.group("after") != null
            && (b.group("target") == null || !b.group("after").equals(revenue ? "收入" : "支出")))
      return -1;
    String digits = b.group("amount").replace(",", "");
    double value = Double.parseDouble(digits);
    String unit = b.group("unit");
    double wan = unit.equals("亿元") ? value * 10_000 : value;
    Role role =
        b.group("budget").startsWith("年初") || b.group("budget").equals("预算")
            ? Role.INITIAL_BUDGET
            : Role.ADJUSTED_BUDGET;
    out.add(
        GovernmentFigures.statement(
            d,
            ind,
            value,
            unit,
            digits + unit,
            Math.round(wan * 1_000_000d) / 1_000_000d,
            role,
            money.scope(),
            p.offset(from + b.start("amount")),
            p.offset(from + b.end("unit") - 1) + 1,
            source));
    if (ind.rate("completion").isPresent())
      out.add(
          rate(
              d,
              ind.rate("completion").get(),
              money,
              Double.parseDouble(b.group("pct")),
              p.written()
                  .substring(from + b.start(), from + b.end())
                  .replaceAll("^[，,\\s]+", "")
                  .replaceAll("\\s", ""),
              p,
              from
                  + b.start()
                  + (b.group().length() - b.group().replaceAll("^[，,\\s]+", "").length()),
              from + b.end(),
              source));
    return b.end();
  }

  /**
   * A narrower level's share said right after a whole's figure, before any other amount or figure:
   * {@code 其中：县本级支出30.5亿元}, {@code （其中市本级7.1亿元）}, {@code 其中市本级1,875.6亿元} — the level, a bare 收入 or
   * 支出 (or nothing), a verb, the amount. Only the government's own level (X本级): a city's 区级 or 县级
   * are its districts', not its own.
   */
  private static final Pattern NARROWER_SHARE =
      Pattern.compile(
          "^[^。；;元]{0,80}?其中[：:，,]?\\s*[市县区旗州盟]?本级(收入|支出)?\\s*"
              + "(?:完成|实现|安排|为|是|共计|共)?\\s*(\\d[\\d,]*(?:\\s*\\.\\s*\\d+)?)\\s*(亿元|万元)");

  /** The figures whose narrower level's share may be said after them with no label of its own. */
  private static final java.util.Set<Indicator> SHARED =
      java.util.EnumSet.of(
          Indicator.GOV_GENERAL_REVENUE,
          Indicator.GOV_GENERAL_EXPENDITURE,
          Indicator.GOV_FUND_REVENUE,
          Indicator.GOV_FUND_EXPENDITURE,
          Indicator.GOV_DEBT_LIMIT,
          Indicator.GOV_DEBT_BALANCE);

  /**
   * The narrower level's share said right after the whole's figure ({@code 全县一般公共预算支出完成46.2亿元，
   * 其中：县本级支出30.5亿元}): the same figure, in the same role, of its own 本级 ({@link Scope.Whose#SELF}) —
   * read only where the words between say no other amount or figure and a 收入 or 支出 said is the
   * figure's own side.
   */
  static void narrowerLevel(
      DisclosureDocument d,
      Indicator ind,
      IndicatorValue whole,
      Prose.Paragraph p,
      int from,
      int to,
      String source,
      List<IndicatorValue> out) {
    if (!SHARED.contains(ind) || whole.scope().whose() != Scope.Whose.WHOLE) return;
    // asides blanked (限额5,097.7亿元（一般债务…）,其中市本级…), not removed: offsets stay the paragraph's;
    // an aside that is itself the share (（其中县本级7.1亿元）) is kept
    StringBuilder blank = new StringBuilder(p.text().substring(from, to));
    for (Matcher x = GovernmentFigures.ASIDE.matcher(blank); x.find(); )
      if (!x.group().substring(1).startsWith("其中"))
        for (int k = x.start(); k < x.end(); k++) blank.setCharAt(k, ' ');
    String rest = blank.toString();
    Matcher m = NARROWER_SHARE.matcher(rest);
    if (!m.find()) return;
    if (GovernmentFigures.LABEL.matcher(rest.substring(0, m.start(2))).find()) return;
    boolean revenue = ind.id.endsWith("_revenue");
    boolean debt = !revenue && !ind.id.endsWith("_expenditure");
    if (m.group(1) != null && (debt || m.group(1).equals("收入") != revenue)) return;
    IndicatorValue share =
        GovernmentFigures.amount(
            d,
            ind,
            m.group(2),
            m.group(3),
            new Timings.Timing(whole.role(), whole.scope().period()),
            Scope.Whose.SELF,
            p.offset(from + m.start(2)),
            p.offset(from + m.end(3) - 1) + 1,
            source);
    // a share is never more than its whole
    if (share != null && share.valueWan() <= whole.valueWan()) out.add(share);
  }

  /**
   * The revenue's two parts in brackets right after it: {@code 一般公共预算收入76,138万元（税收收入51,200万元、非税收入
   * 24,938万元）}, {@code （其中：税收收入…）}.
   */
  private static final Pattern BRACKETED_PARTS =
      Pattern.compile(
          "^\\s*[（(]\\s*(?:其中[：:，,]?\\s*)?税收收入\\s*(?:为|是)?\\s*(\\d[\\d,]*(?:\\s*\\.\\s*\\d+)?)\\s*(亿元|万元)"
              + "(?:[^（()）\\d]{0,12}?非税收入\\s*(?:为|是)?\\s*(\\d[\\d,]*(?:\\s*\\.\\s*\\d+)?)\\s*(亿元|万元))?"
              + "[^（()）\\d]{0,6}[）)]");

  /**
   * The 税收收入 and 非税收入 said in brackets right after 一般公共预算收入, in its level and role: the parts a
   * sentence's reader skips as an aside, here the figures the issue names.
   */
  static void bracketedParts(
      DisclosureDocument d,
      Indicator ind,
      IndicatorValue whole,
      Prose.Paragraph p,
      int from,
      int to,
      String source,
      List<IndicatorValue> out) {
    if (ind != Indicator.GOV_GENERAL_REVENUE) return;
    Matcher m = BRACKETED_PARTS.matcher(p.text().substring(from, to));
    if (!m.find()) return;
    for (int g = 1; g <= 3; g += 2) {
      if (m.group(g) == null) continue;
      IndicatorValue part =
          GovernmentFigures.amount(
              d,
              g == 1 ? Indicator.GOV_TAX_REVENUE : Indicator.GOV_NONTAX_REVENUE,
              m.group(g),
              m.group(g + 1),
              new Timings.Timing(whole.role(), whole.scope().period()),
              whole.scope().whose(),
              p.offset(from + m.start(g)),
              p.offset(from + m.end(g + 1) - 1) + 1,
              source);
      if (part == null || part.valueWan() > whole.valueWan()) return; // never more than its whole
      out.add(part);
    }
  }

  /** A kind of debt said after its whole: 一般债务1,030.1亿元, 专项债务限额3148.4亿元, 专项债务余额 … */
  private static final Pattern DEBT_KIND =
      Pattern.compile(
          "(一般|专项)债务(?:限额|余额)?\\s*(?:为|是)?\\s*(\\d[\\d,]*(?:\\s*\\.\\s*\\d+)?)\\s*(亿元|万元)");

  /** Where the words about a debt's whole end: a narrower level's share (其中市本级…), the sentence. */
  private static final Pattern DEBT_WORDS_END =
      Pattern.compile("其中[：:，,]?\\s*(?:市本级|县本级|区本级|本级|市级|县级|区级)|[。；;]");

  /**
   * The debt's two kinds (一般债务, 专项债务) stated right after its limit or balance — in an aside or
   * after 其中 — each in the whole's level and role; up to a narrower level's share, which is another
   * level's.
   */
  static void debtKinds(
      DisclosureDocument d,
      Indicator ind,
      IndicatorValue whole,
      Prose.Paragraph p,
      int from,
      int to,
      String source,
      List<IndicatorValue> out) {
    String kind =
        ind == Indicator.GOV_DEBT_LIMIT
            ? "gov_debt_limit"
            : ind == Indicator.GOV_DEBT_BALANCE ? "gov_debt_balance" : null;
    if (kind == null) return;
    String rest = p.text().substring(from, to);
    Matcher end = DEBT_WORDS_END.matcher(rest);
    if (end.find()) rest = rest.substring(0, end.start());
    Matcher label = GovernmentFigures.LABEL.matcher(rest);
    if (label.find()) rest = rest.substring(0, label.start());
    java.util.Set<String> said = new java.util.HashSet<>();
    for (Matcher k = DEBT_KIND.matcher(rest); k.find(); ) {
      Indicator part =
          Indicator.byId(kind + (k.group(1).equals("一般") ? "_general" : "_special")).orElseThrow();
      if (!said.add(part.id)) break; // a second 一般债务 is another sum's
      IndicatorValue v =
          GovernmentFigures.amount(
              d,
              part,
              k.group(2),
              k.group(3),
              new Timings.Timing(whole.role(), whole.scope().period()),
              whole.scope().whose(),
              p.offset(from + k.start(2)),
              p.offset(from + k.end(3) - 1) + 1,
              source);
      if (v != null) out.add(v);
    }
  }

  /**
   * A rate of {@code money}, in its level and role, at {@code [start, end)} of paragraph {@code p}.
   */
  private static IndicatorValue rate(
      DisclosureDocument d,
      Indicator rate,
      IndicatorValue money,
      double pct,
      String written,
      Prose.Paragraph p,
      int start,
      int end,
      String source) {
    int s = p.offset(start);
    int e = p.offset(end - 1) + 1;
    return GovernmentFigures.statement(
        d, rate, pct, "%", written, null, money.role(), money.scope(), s, e, source);
  }
}
