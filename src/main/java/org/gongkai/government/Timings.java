package org.gongkai.government;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.indicators.Indicator;
import org.gongkai.model.DisclosureDocument;
import org.gongkai.model.ReportKind;
import org.gongkai.model.Role;
import org.gongkai.model.Scope;

/**
 * When a government figure is: the year its sentence, heading or title names, and from that year
 * and the report's kind its role and period (a budget report's draft and the year it executed; a
 * final account's year; a plan adjusting the year's budget; a half year's report) — the timing
 * stage of {@link GovernmentFigures}, which reads the level and amount.
 */
final class Timings {

  private Timings() {}

  /** A year; a page's number a PDF left inside it is passed over (2022 （9）⏎年末: 2022). */
  static final Pattern YEAR = Pattern.compile("((?:19|20)\\d{2})\\s*(?:[（(]\\d{1,3}[）)]\\s*)?年");

  /** Words saying a figure was collected or spent, not planned. */
  static final Pattern EXECUTED_VERB = Pattern.compile("完成|实现|执行");

  /** The words of an amount a plan arranges (预算安排, 调整为), not the one approved before it. */
  static final Pattern ARRANGED = Pattern.compile("安排|调整");

  /** A title of a plan to adjust the year's budget. */
  static final Pattern ADJUSTMENT =
      Pattern.compile(
          "预算调整(?:方案|情况)|预算的?调整方案|调整预算(?:方案|情况)"
              + "|调整(?:全[市县区旗])?\\d{0,4}年?度?(?:财政)?(?:收支|支出|收入)?预算的报告");

  /** A year whose first half a title reports (2022年上半年, 2025年1—6月). */
  static final Pattern HALF_YEAR_TITLED =
      Pattern.compile("((?:19|20)\\d{2})\\s*年\\s*(?:上半年|1\\s*[-—–~至]\\s*6\\s*月)");

  /** The year whose first half {@code d}'s title reports, or null. */
  static Integer halfYear(DisclosureDocument d) {
    if (d.title() == null) return null;
    Matcher m = HALF_YEAR_TITLED.matcher(d.title());
    return m.find() ? Integer.valueOf(m.group(1)) : null;
  }

  /** A clause adjusting the amount before it (调整为104500万元, 支出预算调整为…). */
  static final Pattern ADJUSTED_LATER =
      Pattern.compile("^\\s*(?:(收入|支出)(?:预算)?)?调(?:整|增|减)(?:预算|后)?数?(?:为|至|到)\\s*\\d");

  /**
   * Whether the rest of a figure's sentence adjusts its amount (…，经人大常委会批准，调整为104500万元;
   * …，执行中因疫情等因素，支出预算调整为…): then it was the year's budget. Only clauses with no amount (reasons, an
   * approval) may stand between; another figure's adjustment (收入 after a spending) is not its.
   */
  static boolean adjustedLater(Indicator ind, String rest) {
    String direction = ind.id.endsWith("_revenue") ? "收入" : "支出";
    for (String clause : rest.split("[，,](?!\\d)")) {
      if (clause.isBlank()) continue;
      Matcher m = ADJUSTED_LATER.matcher(clause);
      if (m.find()) return m.group(1) == null || m.group(1).equals(direction);
      if (AMOUNT_IN.matcher(clause).find() || GovernmentFigures.LABEL.matcher(clause).find())
        return false;
    }
    return false;
  }

  /** An amount anywhere in a clause. */
  static final Pattern AMOUNT_IN = Pattern.compile("\\d\\s*(?:亿元|万元|元|%)");

  /** A figure's role and period. */
  record Timing(Role role, Scope.Period period) {}

  /**
   * The role and period of a figure of {@code year} in report {@code d}: a final account's year is
   * its 决算 (or the budget it had, {@code budgeted}); a budget report's year is its draft, the year
   * before its execution (or that year's budget). Null for any other year, and for the drafted year
   * said done ({@code gap} 完成…: the report's year misjudged, or the sentence of something else).
   */
  static Timing timing(DisclosureDocument d, int year, boolean budgeted, String gap) {
    if (d.kind() == ReportKind.GOVERNMENT_FINAL && year == d.year())
      return new Timing(budgeted ? Role.INITIAL_BUDGET : Role.ACTUAL, Scope.Period.CURRENT);
    if (d.kind() != ReportKind.GOVERNMENT_BUDGET) return null;
    if (year == d.year()) {
      if (EXECUTED_VERB.matcher(gap).find()) return null;
      // a plan to adjust the year's budget (2025年市本级第二次预算调整方案(草案)): what the congress
      // approved before is the initial budget, what it arranges (安排, 调整为) the adjusted one; an
      // amount with neither word may be the months done so far (…支出11.23亿元，下降49.09%): unread
      if (d.title() != null && ADJUSTMENT.matcher(d.title()).find()) {
        if (ARRANGED.matcher(gap).find())
          return new Timing(Role.ADJUSTED_BUDGET, Scope.Period.CURRENT);
        return budgeted ? new Timing(Role.INITIAL_BUDGET, Scope.Period.CURRENT) : null;
      }
      return new Timing(Role.PLANNED, Scope.Period.CURRENT);
    }
    if (year == d.year() - 1)
      return new Timing(budgeted ? Role.INITIAL_BUDGET : Role.EXECUTED, Scope.Period.PREVIOUS);
    return null;
  }

  /**
   * The year of the label after {@code before}: the last year its sentence names before it (not one
   * compared against), else its heading's, else a final account's own year.
   */
  static Integer year(
      String before, String said, String gap, Integer headingYear, DisclosureDocument d) {
    Integer year = namedYear(before);
    // 年末全市…余额 with its year cut off (a page's number between, the year left on the line before):
    // the year is unknown, never the report's by default
    if (year == null && before.strip().matches("(?s)^(?:年末|年底|年初|年度).*")) return null;
    if (year == null) year = headingYear;
    if (year == null) year = namedYear(said); // 2025年，…收入…；…支出…
    if (year != null) return year;
    // a final account speaks of its year
    if (d.kind() == ReportKind.GOVERNMENT_FINAL) return d.year();
    // a budget report's sentence naming no year says by its verb which: 安排, 预期 the draft; 完成,
    // 实现 the year executed
    // a plan to adjust a year's budget speaks of that year, whatever its verb (预计可完成…)
    if (d.kind() == ReportKind.GOVERNMENT_BUDGET
        && d.year() != null
        && d.title() != null
        && ADJUSTMENT.matcher(d.title()).find()) return d.year();
    if (d.kind() == ReportKind.GOVERNMENT_BUDGET && d.year() != null) {
      String words = gap + before.substring(GovernmentFigures.lastClauseStart(before));
      if (DRAFT_VERB.matcher(words).find()) return d.year();
      if (EXECUTED_VERB.matcher(words).find()) return d.year() - 1;
    }
    // …else the year its title names when it names one only (关于2022年市级一般公共预算收入预算情况的说明;
    // a page's headline above a budget report, 2023年全市一般公共预算总收入637.58亿元, names the year
    // executed)
    return titleYear(d.title());
  }

  /** Words stating a draft's figure: 安排, 预期, 拟. */
  static final Pattern DRAFT_VERB = Pattern.compile("安排|预期|拟");

  /** The last year {@code words} name, not one compared against (比2021年). */
  static Integer namedYear(String words) {
    Integer year = null;
    for (Matcher y = YEAR.matcher(words); y.find(); ) {
      int b = y.start();
      while (b > 0 && Character.isWhitespace(words.charAt(b - 1))) b--;
      if (b > 0 && "比较与同从至于".indexOf(words.charAt(b - 1)) >= 0) continue;
      year = Integer.parseInt(y.group(1));
    }
    return year;
  }

  /** The one year a title names, or null when it names none or several. */
  static Integer titleYear(String title) {
    if (title == null) return null;
    java.util.Set<String> years = new java.util.HashSet<>();
    for (Matcher y = YEAR.matcher(title); y.find(); ) years.add(y.group(1));
    return years.size() == 1 ? Integer.valueOf(years.iterator().next()) : null;
  }
}
