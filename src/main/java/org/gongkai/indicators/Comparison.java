package org.gongkai.indicators;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.model.Role;
import org.gongkai.model.Scope;

/**
 * The comparison grammar that figures and checks share: the amount a comparison names is the
 * compared statement's, not the report's own. {@code 比2025年年初预算数44021.20万元增加148.16万元}, {@code
 * 较上年决算数 X 万元}, {@code 比上年执行数X}, {@code 与2025年预算X万元相比}, {@code 上年为X}, {@code 去年预算数为X}: each X is
 * the other year's (or the budget a final account is measured against), and a change said after it
 * is measured from it.
 *
 * <p>Read on the words between the comparison's marker ({@code 比 较 与 同 对比 相对于}) and the amount,
 * spaces and line breaks removed (PDFs break and letter-space them): what they may hold is a year
 * ({@code 上年}, {@code 去年}, {@code 上一年度}, {@code 2025年度}), a role ({@code 年初预算}, {@code 执行数}, {@code
 * 决算数}, {@code 全年预算}, {@code 同期}) and {@code 的}/{@code 为}. Anything else between (a label, another
 * amount, a clause's end) and the amount is not the comparison's. Pure.
 */
public final class Comparison {

  private Comparison() {}

  /** What a comparison says of the amount it names: which year it is and in which role. */
  public record Compared(Scope.Period period, Role role) {}

  private static final String OTHER_YEAR =
      "(?<year>(?:上年度?|去年|上一年度?|前一年度?|(?<y>(?:19|20)\\d{2})年度?)(?:同期)?|同期)";

  private static final String ROLE =
      "(?<role>(?:年初|全年|调整后?的?|当年|本年)?(?:预算执行|预算|决算|执行|实际|安排)?(?:数|额|数额)?)";

  /** The words of a comparison right before an amount, spaces removed, anchored at the amount. */
  private static final Pattern BEFORE =
      Pattern.compile("(?:比|较|与|同|对比|相对于|相比)" + OTHER_YEAR + "?" + ROLE + "(?:的|为|是|[：:])?$");

  /** {@code 上年为X}, {@code 去年预算数为X}, {@code 2025年预算执行数为X}: the other year's amount. */
  private static final Pattern OTHER_YEAR_WAS =
      Pattern.compile("(?:^|[（(，,；;。：:、])" + OTHER_YEAR + ROLE + "(?:的|为|是|[：:])$");

  /** Words that make the amount right after them a change: 增加50万元, 比上年, 较2025年, 持平. */
  private static final Pattern CHANGE_WORD =
      Pattern.compile("增加|减少|增长|下降|上升|降低|持平|相比|比上年|比\\d{4}|较");

  /** How far before an amount its change word may stand (characters). */
  private static final int CHANGE_REACH = 8;

  /**
   * Whether the amount at {@code at} in {@code s} states no amount of the figure it follows: a
   * change ({@code 增加50万元} — a change word in the amount's own clause, just before it) or the other
   * year's amount a comparison names ({@code 比2025年年初预算数480.00万元增加…}, see {@link #before}). The
   * figures of a sentence, a total's breakdown and a derived total's statement all ask this.
   */
  static boolean changeOrCompared(String s, int at, Integer year) {
    int from = Math.max(0, at - CHANGE_REACH);
    for (int i = at - 1; i >= from; i--)
      if ("。；;\n\t".indexOf(s.charAt(i)) >= 0) {
        from = i + 1;
        break;
      }
    return CHANGE_WORD.matcher(s.substring(from, at)).find() || before(s, at, year) != null;
  }

  /** How far before an amount its comparison may begin (characters, spaces left out). */
  static final int REACH = 24;

  /**
   * The comparison that names the amount beginning at {@code at} in {@code s}, if one does: null
   * when the words before the amount are not a comparison's. {@code year} is the report's year
   * (null when unknown): a comparison with a year before it is about the year before.
   */
  public static Compared before(String s, int at, Integer year) {
    int from = Math.max(0, at - REACH * 2);
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < at; i++) {
      char c = s.charAt(i);
      if (!Character.isWhitespace(c) && c != '\u3000') sb.append(c);
    }
    String window = sb.length() > REACH ? sb.substring(sb.length() - REACH) : sb.toString();
    Matcher m = BEFORE.matcher(window);
    boolean found = false;
    // the marker nearest the amount whose words reach it
    for (int k = window.length() - 1; k >= 0 && !found; k--) {
      m.region(k, window.length());
      if (m.lookingAt()) found = true;
    }
    if (!found) {
      Matcher w = OTHER_YEAR_WAS.matcher(window);
      for (int k = window.length() - 1; k >= 0 && !found; k--) {
        w.region(k, window.length());
        if (w.lookingAt() && !w.group().isEmpty()) {
          m = w;
          found = true;
        }
      }
      if (!found) return null;
    }
    String yearWords = m.group("year"), roleWords = m.group("role");
    if ((yearWords == null || yearWords.isEmpty()) && (roleWords == null || roleWords.isEmpty()))
      return null; // 比增加, 与…: a marker alone names nothing
    // 上年, 去年, 同期, or a year before the report's (a year unknown to us: taken as before)
    boolean previous =
        yearWords != null
            && !yearWords.isEmpty()
            && (m.group("y") == null || year == null || Integer.parseInt(m.group("y")) < year);
    // 2026年预算数为X in a 2026 report is the report's own amount, not a comparison's
    if (m.pattern() == OTHER_YEAR_WAS && !previous) return null;
    Role role;
    if (previous) role = Role.PREVIOUS_YEAR;
    else if (roleWords.contains("调整") || roleWords.contains("全年")) role = Role.ADJUSTED_BUDGET;
    else if (roleWords.contains("预算执行")
        || roleWords.contains("决算")
        || roleWords.contains("执行")
        || roleWords.contains("实际")) role = Role.ACTUAL;
    else if (roleWords.contains("预算") || roleWords.contains("安排")) role = Role.INITIAL_BUDGET;
    else role = null;
    return new Compared(previous ? Scope.Period.PREVIOUS : Scope.Period.CURRENT, role);
  }
}
