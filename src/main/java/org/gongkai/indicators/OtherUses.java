package org.gongkai.indicators;

import java.math.BigDecimal;
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
 * <p>"May" is read widely, as Gongkai's doubt: a word of another use with a positive amount after
 * it on its line (in the words, or a ledger's row {@code 三、单位预留机动经费 50.00}), or a table with a
 * column of another use whose 合计 row is not found below its header or shows more than three
 * positive amounts (合计, 基本支出, 项目支出). Pure.
 */
final class OtherUses {

  private OtherUses() {}

  /** The words of spending that is neither 基本支出 nor 项目支出. */
  private static final Pattern USE = Pattern.compile("机动经费|上缴上级|经营支出|对下级单位补助|对附属单位补助|附属单位补助支出|预备费");

  private static final Pattern AMOUNT = Pattern.compile("[0-9][0-9,]*(?:\\.[0-9]+)?");

  /** Lines below a column header its 合计 row is looked for in. */
  private static final int BELOW = 8;

  /** Whether {@code text} may state spending besides 基本支出 and 项目支出 (see the class). */
  static boolean mayBeStated(String text) {
    if (text == null) return true;
    Matcher m = USE.matcher(text);
    int lastLine = -1;
    while (m.find()) {
      int lineStart = text.lastIndexOf('\n', m.start()) + 1;
      int lineEnd = text.indexOf('\n', m.end());
      if (lineEnd < 0) lineEnd = text.length();
      // an amount after the word on its line, before the next clause: that use's amount
      String after = text.substring(m.end(), Math.min(lineEnd, m.end() + 40));
      int stop = firstOf(after, "。；;");
      Matcher a = AMOUNT.matcher(after.substring(0, stop));
      if (a.find() && positive(a.group())) return true;
      if (lineStart == lastLine) continue;
      lastLine = lineStart;
      // a column of such a use: its 合计 row says whether it holds any money
      if (text.substring(lineStart, lineEnd).indexOf('\t') >= 0 && !totalRowHasNone(text, lineEnd))
        return true;
    }
    return false;
  }

  /**
   * Whether the 合计 row below a header line ending at {@code from} is found and shows no more than
   * three positive amounts.
   */
  private static boolean totalRowHasNone(String text, int from) {
    int at = from;
    for (int k = 0; k < BELOW && at < text.length(); k++) {
      int end = text.indexOf('\n', at + 1);
      if (end < 0) end = text.length();
      String line = text.substring(Math.min(at + 1, end), end).strip();
      at = end;
      if (!line.startsWith("合计") && !line.startsWith("总计")) continue;
      int positive = 0;
      Matcher a = AMOUNT.matcher(line);
      while (a.find()) if (positive(a.group())) positive++;
      return positive <= 3;
    }
    return false;
  }

  private static boolean positive(String amount) {
    try {
      return new BigDecimal(amount.replace(",", "")).signum() > 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static int firstOf(String s, String chars) {
    for (int i = 0; i < s.length(); i++) if (chars.indexOf(s.charAt(i)) >= 0) return i;
    return s.length();
  }
}
