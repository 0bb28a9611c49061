package org.gongkai.indicators;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a budget may spend on uses besides 基本支出 and 项目支出 — 单位预留机动经费, 上缴上级支出, 事业单位经营支出,
 * 对下级（附属）单位补助支出, 预备费 — so that those two may fall short of its 支出合计. A survey of the 58 budgets of
 * the crawl's work half and the real reports stating all three in one scope: 48 add up exactly, and
 * each of the 10 that fall short states a 单位预留机动经费 of exactly the shortfall. So where a budget
 * states no other use, its 基本支出 and 项目支出 make its 支出合计, and a part written too small is a
 * contradiction like one written too large.
 *
 * <p>"May" is read widely, as Gongkai's doubt: a word of another use (wrapped over a line's end or
 * not) with a positive amount after it in its clause (in the words, or a ledger's row {@code
 * 三、单位预留机动经费 50.00}), or a header naming such a column whose 合计 row is not found below it or is not
 * 基本支出 + 项目支出 alone (its first amount the sum of the next two, every later one zero); a line too
 * long to look along is doubt too. Pure.
 */
final class OtherUses {

  private OtherUses() {}

  /** The words of spending that is neither 基本支出 nor 项目支出 (结转下年: money kept for next year). */
  private static final Pattern USE =
      Pattern.compile(wrappable("机动经费|上缴上级|经营支出|对下级单位补助|对附属单位补助|单位补助支出|预备费|结转下年"));

  /** {@link #USE} tried only where one of its words may begin (the first letters of the words). */
  private static final org.gongkai.text.Starts USE_STARTS =
      new org.gongkai.text.Starts(USE, "机上经对单预结");

  /** Words that may be wrapped over a line's end between any two of their characters (机动⏎经费). */
  private static String wrappable(String words) {
    StringBuilder b = new StringBuilder();
    for (String w : words.split("\\|")) {
      if (b.length() > 0) b.append('|');
      for (int i = 0; i < w.length(); i++) b.append(i == 0 ? "" : "\\n?").append(w.charAt(i));
    }
    return b.toString();
  }

  private static final Pattern AMOUNT = Pattern.compile("[0-9][0-9,]*(?:\\.[0-9]+)?");

  /** Lines below a column header its 合计 row is looked for in; the longest line looked along. */
  private static final int BELOW = 8, REACH = 2_000;

  /** Whether {@code text} may state spending besides 基本支出 and 项目支出 (see the class). */
  static boolean mayBeStated(String text) {
    if (text == null) return true;
    String t = text;
    org.gongkai.text.Starts.Scan scan = USE_STARTS.in(t);
    int lastLine = -1;
    while (scan.find()) {
      Matcher m = scan.matcher();
      int lineStart = lineStart(t, m.start());
      int lineEnd = t.indexOf('\n', m.end());
      if (lineEnd < 0) lineEnd = t.length();
      if (lineStart < 0 || lineEnd - m.end() > REACH) return true; // a line too long to read: doubt
      boolean table = t.substring(lineStart, lineEnd).indexOf('\t') >= 0;
      // an amount after the word, before the next clause (in words, over one line's end): its
      // amount
      int reach = Math.min(t.length(), m.end() + 40);
      String after = t.substring(m.end(), table ? Math.min(lineEnd, reach) : reach);
      int stop = firstOf(after, table ? "。；;" : "。；;，,");
      int secondLine = after.indexOf('\n', after.indexOf('\n') + 1);
      if (secondLine >= 0 && secondLine < stop) stop = secondLine;
      Matcher a = AMOUNT.matcher(after.substring(0, stop));
      if (a.find() && positive(a.group())) return true;
      if (lineStart == lastLine) continue;
      lastLine = lineStart;
      // a column header of such a use (a line of names, no sentence, no glossary's 指…): its 合计 row
      // says whether the column holds money
      String line = t.substring(lineStart, lineEnd);
      String next = t.substring(m.end(), Math.min(lineEnd, m.end() + 3));
      boolean glossary = next.contains("指") || next.contains("：") || next.contains(":");
      if (glossary) continue;
      if (!line.contains("。") && (table || !line.contains("，"))) {
        // a column header's name: its 合计 row says whether the column holds money
        if (!totalRowIsItsParts(t, lineEnd)) return true;
        continue;
      }
      // in the words with no amount after it (另安排100万元作为单位预留机动经费, 包括…和事业单位经营支出): a
      // third use said, unless said to be none
      String before = t.substring(Math.max(lineStart, m.start() - 12), m.start());
      String said = t.substring(m.end(), Math.min(lineEnd, m.end() + 12));
      if (!NONE_BEFORE.matcher(before).find() && !NONE_AFTER.matcher(said).lookingAt()) return true;
    }
    return false;
  }

  /** Words saying a use has nothing: 无…, 没有…, 未安排…; …为0, …为零. */
  private static final Pattern NONE_BEFORE = Pattern.compile("无|没有|未安排|不涉及|未发生");

  private static final Pattern NONE_AFTER =
      Pattern.compile("[^，。；0-9]{0,6}?(?:为0(?:\\.0+)?(?:万元|元)?(?![0-9.])|为零|无)");

  /**
   * The start of the line {@code at} is on, or -1 when it lies further back than {@link #REACH}.
   */
  private static int lineStart(String t, int at) {
    for (int i = at - 1; i >= 0 && at - i <= REACH; i--) if (t.charAt(i) == '\n') return i + 1;
    return at <= REACH ? 0 : -1;
  }

  /**
   * Whether the 合计 row below a header line ending at {@code from} is found and is made by its next
   * two amounts alone (合计 = 基本支出 + 项目支出, every amount after them zero).
   */
  private static boolean totalRowIsItsParts(String text, int from) {
    int at = from;
    for (int k = 0; k < BELOW && at < text.length(); k++) {
      int end = text.indexOf('\n', at + 1);
      if (end < 0) end = text.length();
      if (end - at > REACH) return false;
      String line = text.substring(Math.min(at + 1, end), end).strip();
      at = end;
      if (!line.startsWith("合计") && !line.startsWith("总计")) continue;
      List<BigDecimal> amounts = new ArrayList<>();
      Matcher a = AMOUNT.matcher(line);
      while (a.find()) amounts.add(decimal(a.group()));
      if (amounts.size() < 3 || amounts.contains(null)) return false;
      for (int i = 3; i < amounts.size(); i++) if (amounts.get(i).signum() != 0) return false;
      BigDecimal parts = amounts.get(1).add(amounts.get(2));
      return parts.subtract(amounts.get(0)).abs().compareTo(new BigDecimal("0.02")) <= 0;
    }
    return false;
  }

  private static BigDecimal decimal(String amount) {
    try {
      return new BigDecimal(amount.replace(",", ""));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean positive(String amount) {
    BigDecimal d = decimal(amount);
    return d != null && d.signum() > 0;
  }

  private static int firstOf(String s, String chars) {
    for (int i = 0; i < s.length(); i++) if (chars.indexOf(s.charAt(i)) >= 0) return i;
    return s.length();
  }
}
