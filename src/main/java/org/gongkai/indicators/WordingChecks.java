package org.gongkai.indicators;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.model.IndicatorFlag;
import org.gongkai.model.IndicatorFlag.Severity;
import org.gongkai.model.Quote;

/**
 * Words against the numbers they describe, in one sentence or the one after it:
 *
 * <ul>
 *   <li>{@code 年初预算为A万元，支出决算为B万元，完成年初预算的C%。决算数小于预算数…}: C must be B ÷ A (of the 年初 or the 全年 budget
 *       the sentence names), and 大于 / 小于 / 等于 / 持平 must say how B stands to A;
 *   <li>{@code 2025年当年预算执行数为A万元，2026年预算安排B万元，比2025年预算执行数增加C%}: the change from the earlier year's
 *       amount to this year's must go the way the words say, by C%.
 * </ul>
 *
 * A sentence whose amounts cannot be told apart (no role or year to say which is which) is left
 * alone: undecided, not flagged. Pure: text in, flags out.
 */
final class WordingChecks {

  private WordingChecks() {}

  private static final String NUMBER =
      "([0-9]{1,3}(?:,[0-9]{3})+(?:\\.[0-9]+)?|[0-9]+(?:\\.[0-9]+)?)";

  /** An amount after the words naming it: its role or year is in the few words before it. */
  private static final Pattern AMOUNT = Pattern.compile(NUMBER + "\\s*(亿元|万元|元)");

  private static final Pattern COMPLETION =
      Pattern.compile("完成(?:了)?(年初|全年|调整(?:后)?)?预算(?:数)?的\\s*" + NUMBER + "\\s*[%％]");

  /** How the words compare the actual with the budget. */
  private static final Pattern COMPARED =
      Pattern.compile(
          "决算(?:数)?(?:比年初预算数?|比预算数?)?(大于|高于|超过|多于|小于|低于|少于|等于)(?:年初|全年)?预算(?:数)?"
              + "|决算(?:数)?(?:与|同|和|较)(?:年初|全年)?预算(?:数)?(基本)?(持平|一致|相同|相等)");

  private static final Pattern CHANGE =
      Pattern.compile("比[^，。；]{0,20}?(增加|增长|上升|提高|减少|下降|降低)\\s*" + NUMBER + "\\s*[%％]");

  /** A clause that says a change, then a clause of no subject of its own that says 持平. */
  private static final Pattern CHANGED_AND_LEVEL =
      Pattern.compile(
          "(增加|减少|增长|下降|上升|降低|减少为|增加为|减少到|增加到|下降至|增长至)\\s*"
              + "(?:([0-9][0-9,]*(?:\\.[0-9]+)?)\\s*(?:万元|元|亿元|[%％]))?"
              + "[，,]\\s*(?:与|较|同|和)[^，。；,]{0,14}?(?<!基本)持平"
              + "|(?:增加|减少)持平");

  /** Words right before an amount that make it a change, not a budget or an actual. */
  private static final Pattern CHANGED =
      Pattern.compile("(?:增加|减少|增长|下降|上升|降低|提高|增|减|多|少|节约|节支|超支)了?\\s*$");

  private static final Pattern FULL_STOP = Pattern.compile("[。！？!?]");

  static List<IndicatorFlag> check(String text, Integer year) {
    List<IndicatorFlag> out = new ArrayList<>();
    List<Prose.Paragraph> paragraphs = Prose.paragraphs(text, at -> lineHasNoTab(text, at));
    for (int i = 0; i < paragraphs.size(); i++) {
      Prose.Paragraph p = paragraphs.get(i);
      String s = p.text();
      // the comparison may open the next paragraph (…95.89%。⏎决算数小于预算数的主要原因)
      String next = i + 1 < paragraphs.size() ? paragraphs.get(i + 1).text() : "";
      budgetAgainstActual(p, s, next, out);
      if (year != null) changes(p, s, year, out);
      changedAndLevel(p, s, out);
      ShareLists.check(p, out);
    }
    return out;
  }

  private static boolean lineHasNoTab(String text, int at) {
    for (int i = at; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') return true;
      if (c == '\t') return false;
    }
    return true;
  }

  /** An amount of a sentence and the role its words give it. */
  private record Stated(BigDecimal wan, String written, String role, int start, int end) {}

  /** The amounts of {@code [from, to)} with the role the words right before each name. */
  private static List<Stated> amounts(String s, int from, int to) {
    List<Stated> out = new ArrayList<>();
    Matcher m = AMOUNT.matcher(s).region(from, to);
    while (m.find()) {
      String before = s.substring(Math.max(from, m.start() - 12), m.start());
      int cut =
          Math.max(
              before.lastIndexOf('，'), Math.max(before.lastIndexOf('；'), before.lastIndexOf(',')));
      before = before.substring(cut + 1);
      // 决算数较上年增加0万元: a change, whatever the words before it name
      String role =
          CHANGED.matcher(before).find()
              ? "change"
              : before.contains("决算") || before.contains("执行")
                  ? "actual"
                  : before.contains("全年预算") || before.contains("调整")
                      ? "adjusted"
                      : before.contains("预算") ? "initial" : null;
      BigDecimal value = Amounts.wan(Amounts.decimal(m.group(1)), m.group(2));
      out.add(new Stated(value, m.group(), role, m.start(), m.end()));
    }
    return out;
  }

  /**
   * {@code 年初预算为A，决算为B，完成年初预算的C%。决算数小于预算数}: the completion and the comparison against the figures.
   */
  private static void budgetAgainstActual(
      Prose.Paragraph p, String s, String nextParagraph, List<IndicatorFlag> out) {
    // an actual is an amount after 决算 or 执行: a paragraph naming neither compares none
    if (!s.contains("决算") && !s.contains("执行")) return;
    int from = 0;
    Matcher stop = FULL_STOP.matcher(s);
    while (from < s.length()) {
      int end = stop.find(from) ? stop.end() : s.length();
      List<Stated> amounts = amounts(s, from, end);
      Stated initial = first(amounts, "initial"), adjusted = first(amounts, "adjusted");
      Stated actual = firstAfter(amounts, "actual", initial != null ? initial : adjusted);
      // one budget and one actual (a 年初 and a 全年 budget at most): a sentence listing several
      // items' (出国…决算为0万元，完成预算0万元；接待…) cannot say which the words compare
      boolean one =
          count(amounts, "initial") <= 1
              && count(amounts, "adjusted") <= 1
              && count(amounts, "actual") == 1;
      if (one && actual != null && (initial != null || adjusted != null)) {
        // the words of the comparison may open the next sentence (…98.20%。决算数小于预算数的主要原因)
        int next = stop.find(end) ? stop.end() : s.length();
        String tail = s.substring(actual.end(), Math.min(s.length(), next));
        boolean last = next >= s.length();
        if (last && !COMPARED.matcher(tail).find()) {
          // the last sentence of its paragraph: the next paragraph's first sentence
          Matcher nextStop = FULL_STOP.matcher(nextParagraph);
          tail +=
              nextParagraph.substring(0, nextStop.find() ? nextStop.end() : nextParagraph.length());
        }
        Matcher c = COMPLETION.matcher(s).region(actual.end(), end);
        if (c.find()) completion(p, s, c, initial, adjusted, actual, from, end, out);
        Matcher w = COMPARED.matcher(tail);
        if (w.find()) {
          // the budget compared with: the one the words name, else the latest (全年 before 年初)
          String named = w.group();
          Stated budget =
              named.contains("年初") && initial != null
                  ? initial
                  : adjusted != null ? adjusted : initial;
          int at = actual.end() + w.start();
          compared(p, s, w, budget, actual, from, Math.min(s.length(), next), at, out);
        }
      }
      from = end;
    }
  }

  private static long count(List<Stated> amounts, String role) {
    return amounts.stream().filter(a -> role.equals(a.role())).count();
  }

  private static Stated first(List<Stated> amounts, String role) {
    for (Stated a : amounts) if (role.equals(a.role())) return a;
    return null;
  }

  private static Stated firstAfter(List<Stated> amounts, String role, Stated after) {
    if (after == null) return null;
    for (Stated a : amounts) if (a.start() > after.start() && role.equals(a.role())) return a;
    return null;
  }

  private static void completion(
      Prose.Paragraph p,
      String s,
      Matcher c,
      Stated initial,
      Stated adjusted,
      Stated actual,
      int from,
      int end,
      List<IndicatorFlag> out) {
    String of = c.group(1) == null ? "" : c.group(1);
    Stated base = of.startsWith("全年") || of.startsWith("调整") ? adjusted : initial;
    if (base == null) base = initial != null ? initial : adjusted;
    // 年初预算为0，全年预算为321.02，…完成年初预算的95.89%: the 全年 budget is the one meant
    if (base.wan().signum() == 0 && adjusted != null) base = adjusted;
    double said = Double.parseDouble(c.group(2));
    double half = halfUnit(c.group(2));
    if (base.wan().signum() == 0) {
      // nothing budgeted and nothing spent: 0% or 100%, as the report's convention has it
      if (said == 0 || actual.wan().signum() == 0) return;
      // a completion of nothing: 年初预算为0, 完成年初预算的95.89%
      flag(
          p,
          s,
          "completion_of_nothing",
          List.of(base.written(), actual.written(), c.group()),
          from,
          end,
          out);
      return;
    }
    if (matches(actual, base, said, half)) return;
    // the other budget the sentence names may be the one meant
    Stated other = base == initial ? adjusted : initial;
    if (other != null && other.wan().signum() != 0 && matches(actual, other, said, half)) return;
    double expected = actual.wan().doubleValue() / base.wan().doubleValue() * 100;
    flag(
        p,
        s,
        "completion",
        List.of(base.written(), actual.written(), c.group(), pct(expected)),
        from,
        end,
        out);
  }

  /**
   * Whether a completion rate as written fits its two amounts: rounded or cut to its last digit,
   * from any values the amounts as written could have been rounded from.
   */
  private static boolean matches(Stated actual, Stated base, double said, double half) {
    if (base.wan().signum() == 0) return false;
    double a = actual.wan().doubleValue(), b = base.wan().doubleValue();
    double ha = halfUnitWan(actual), hb = halfUnitWan(base);
    double low = (a - ha) / (b + hb) * 100, high = (a + ha) / Math.max(1e-9, b - hb) * 100;
    double unit = 2 * half;
    // rounded: said within half a unit of the range; cut: said up to a unit below it
    return said >= low - unit - 1e-9 && said <= high + half + 1e-9;
  }

  private static void compared(
      Prose.Paragraph p,
      String s,
      Matcher w,
      Stated budget,
      Stated actual,
      int from,
      int end,
      int at,
      List<IndicatorFlag> out) {
    double b = budget.wan().doubleValue(), a = actual.wan().doubleValue();
    // within the rounding of the two amounts as written: equal
    double rounding = halfUnit(budget.written()) + halfUnit(actual.written()) + 1e-9;
    String word = w.group(1) != null ? w.group(1) : w.group(3);
    boolean roughly = w.group(2) != null; // 基本持平: close, not equal
    // more or less as written (2.22 is less than 2.23); equal within the two amounts' rounding
    boolean holds =
        switch (word) {
          case "大于", "高于", "超过", "多于" -> a > b;
          case "小于", "低于", "少于" -> a < b;
          default ->
              roughly
                  ? Math.abs(a - b) <= Math.max(rounding, Math.abs(b) * 0.02)
                  : Math.abs(a - b) <= rounding;
        };
    if (holds) return;
    flag(
        p,
        s,
        "budget_actual",
        List.of(budget.written(), actual.written(), w.group()),
        from,
        end,
        out);
  }

  /**
   * {@code 2025年…执行数为A万元，2026年预算安排B万元，比2025年…增加C%}: of the two amounts before the change, the one
   * whose words name the earlier year (or 上年, 执行数) is the base.
   */
  private static void changes(Prose.Paragraph p, String s, int year, List<IndicatorFlag> out) {
    // every change CHANGE reads says 比 and a percent sign
    if (s.indexOf('比') < 0 || s.indexOf('%') < 0 && s.indexOf('％') < 0) return;
    int from = 0;
    Matcher stop = FULL_STOP.matcher(s);
    String earlier = String.valueOf(year - 1), own = String.valueOf(year);
    while (from < s.length()) {
      int end = stop.find(from) ? stop.end() : s.length();
      Matcher c = CHANGE.matcher(s).region(from, end);
      if (c.find()) {
        List<Stated> before = amounts(s, from, c.start());
        if (before.size() == 2) {
          Stated x = before.get(0), y = before.get(1);
          String xWords = words(s, from, x), yWords = words(s, from, y);
          boolean xBase =
              xWords.contains(earlier) || xWords.contains("上年") || xWords.contains("执行");
          boolean yOwn = yWords.contains(own) || yWords.contains("安排") || yWords.contains("本年");
          if (xBase && yOwn && x.wan().signum() != 0) {
            double xv = x.wan().doubleValue(), yv = y.wan().doubleValue();
            double expected = (yv - xv) / xv * 100;
            boolean up = c.group(1).matches("增加|增长|上升|提高");
            double said = (up ? 1 : -1) * Double.parseDouble(c.group(2));
            // the amounts are rounded as written: the change they allow lies in a range
            double hx = halfUnitWan(x), hy = halfUnitWan(y);
            double low = ((yv - hy) / (xv + hx) - 1) * 100,
                high = ((yv + hy) / Math.max(1e-9, xv - hx) - 1) * 100;
            double half = halfUnit(c.group(2));
            // rounded to its last digit, or cut there (toward nought, whichever way it changed)
            boolean right = said >= low - 2 * half - 1e-9 && said <= high + 2 * half + 1e-9;
            if (!right)
              flag(
                  p,
                  s,
                  "change_percent",
                  List.of(x.written(), y.written(), c.group(), pct(expected)),
                  from,
                  end,
                  out);
          }
        }
      }
      from = end;
    }
  }

  /**
   * A change and 持平 said of one thing: {@code 减少0.3万元，与上年持平}, {@code 增加持平}. The second clause has
   * no subject of its own (it opens with 与 / 较 / 同), so it speaks of the first clause's. {@code
   * 基本持平} is a judgement (增长0.9%，与上年基本持平 is how 杭州's budgets put it), and a change of nothing
   * (增长0.00%，与上年持平) agrees with it.
   */
  private static void changedAndLevel(Prose.Paragraph p, String s, List<IndicatorFlag> out) {
    if (!s.contains("持平")) return; // both wordings of CHANGED_AND_LEVEL say it
    Matcher m = CHANGED_AND_LEVEL.matcher(s);
    while (m.find()) {
      String size = m.group(2);
      String verb = m.group(1) == null ? "" : m.group(1);
      boolean to = verb.endsWith("为") || verb.endsWith("到") || verb.endsWith("至");
      boolean nothing =
          m.group(1) != null
              && size != null
              && !to
              && new BigDecimal(size.replace(",", "")).signum() == 0;
      if (nothing) continue;
      int from = s.lastIndexOf('。', m.start()) + 1;
      Matcher stop = FULL_STOP.matcher(s);
      int end = stop.find(m.end()) ? stop.end() : s.length();
      flag(p, s, "change_and_level", List.of(m.group()), from, end, out);
    }
  }

  /** The words of an amount's clause before it. */
  private static String words(String s, int from, Stated a) {
    String before = s.substring(from, a.start());
    int cut = Math.max(before.lastIndexOf('，'), before.lastIndexOf(','));
    return before.substring(cut + 1);
  }

  private static void flag(
      Prose.Paragraph p,
      String s,
      String code,
      List<String> args,
      int from,
      int end,
      List<IndicatorFlag> out) {
    String sentence = s.substring(from, end).strip();
    int start = p.offset(from + s.substring(from, end).indexOf(sentence));
    out.add(
        new IndicatorFlag(
            "wording",
            code,
            args,
            List.of(),
            Severity.WARNING,
            List.of(
                new Quote(
                    sentence,
                    start,
                    p.endOffset(
                        from + s.substring(from, end).indexOf(sentence) + sentence.length())))));
  }

  /** Half the last digit of an amount as written, in 万元. */
  private static double halfUnitWan(Stated a) {
    String unit = a.written().endsWith("亿元") ? "亿元" : a.written().endsWith("万元") ? "万元" : "元";
    return Amounts.halfUnitWan(a.written(), unit);
  }

  private static double halfUnit(String number) {
    String digits = number.replaceAll("[^0-9.]", "");
    int dot = digits.indexOf('.');
    return dot < 0 ? 0.5 : 0.5 * Math.pow(10, -(digits.length() - dot - 1));
  }

  private static String pct(double v) {
    return BigDecimal.valueOf(v).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
  }
}
