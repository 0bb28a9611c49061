package org.gongkai.government;

import java.util.ArrayList;
import java.util.List;

/**
 * A report's prose as paragraphs: the lines a PDF broke a paragraph into joined again (a line goes
 * on the one before unless that one ended a sentence or it opens a heading), table rows (lines with
 * tabs) and page furniture (a line of a page number) left out; digits and the decimal point made
 * half-width (３１５０．９), and a private-use glyph a PDF's font set between digits for its point read
 * as one; traditional characters folded to simplified ones (a county's page mirrored in traditional
 * script: 財政預算收入…億元), one for one, the words as written kept beside for what a statement quotes.
 * Each character keeps the offset it has in the clean text.
 */
record Prose(List<Paragraph> paragraphs) {

  /**
   * One paragraph's text as read (folded), the same characters as written ({@code written}: as long
   * as {@code text}, where a statement's quote comes from), and for each character its offset in
   * the clean text.
   */
  record Paragraph(String text, String written, int[] offsets) {
    int offset(int i) {
      return offsets[Math.min(Math.max(0, i), offsets.length - 1)];
    }
  }

  private static final java.util.regex.Pattern OPENS_HEADING =
      java.util.regex.Pattern.compile(
          "^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\\d{1,2}[.．、](?!\\d)|第[一二三四五六七八九十]+[部章节])");

  /**
   * A part of the report headed without its number: 2022年预算执行情况, 上海市徐汇区2020年预算执行情况, 2023年预算草案 — a
   * year and the part's words, alone on a line.
   */
  static final java.util.regex.Pattern UNNUMBERED_PART =
      java.util.regex.Pattern.compile(
          "^[^，。；：:,;\\d]{0,12}?((?:19|20)\\d{2})\\s*年度?(?:全?[省市县区旗州盟]级?|本级)?(?:财政)?"
              + "(?:预算|决算)(?:执行情况|（草案）|\\(草案\\)|草案|安排)$");

  private static final java.util.regex.Pattern FURNITURE =
      java.util.regex.Pattern.compile("^[\\s\\-—–－·•]*(?:第\\s*)?\\d{1,4}(?:\\s*页)?[\\s\\-—–－·•]*$");

  /** The longest line that is a heading alone, not a heading with its paragraph run on. */
  private static final int HEADING_MAX = 30;

  private static final String SENTENCE_END = "。；;！？!?：:";

  static Prose of(String text) {
    List<Paragraph> out = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    StringBuilder written = new StringBuilder();
    List<Integer> offsets = new ArrayList<>();
    int lineStart = 0;
    boolean afterHeading = false;
    while (lineStart <= text.length()) {
      int nl = text.indexOf('\n', lineStart);
      int lineEnd = nl < 0 ? text.length() : nl;
      String line = text.substring(lineStart, lineEnd);
      String t = line.strip();
      boolean table = line.indexOf('\t') >= 0;
      String read = org.gongkai.text.ScriptFold.simplify(t); // 第3頁, 第一節 as 第3页, 第一节
      if (table || t.isEmpty() || FURNITURE.matcher(read).matches()) {
        if (table) flush(sb, written, offsets, out);
      } else {
        // a part's heading whose number was lost (2022年预算执行情况) is a paragraph of its own too
        boolean opens =
            OPENS_HEADING.matcher(read).find() || UNNUMBERED_PART.matcher(read).matches();
        boolean ended = sb.length() == 0 || SENTENCE_END.indexOf(sb.charAt(sb.length() - 1)) >= 0;
        // a short heading's line is a paragraph of its own (一、2024年预算执行情况 / 2024年是…)
        if (opens || ended || afterHeading) flush(sb, written, offsets, out);
        afterHeading = opens && t.length() <= HEADING_MAX;
        int lead = line.indexOf(t);
        append(line, lineStart, lead, lead + t.length(), sb, written, offsets);
      }
      if (nl < 0) break;
      lineStart = nl + 1;
    }
    flush(sb, written, offsets, out);
    return new Prose(List.copyOf(out));
  }

  private static void append(
      String line,
      int base,
      int from,
      int to,
      StringBuilder sb,
      StringBuilder written,
      List<Integer> offsets) {
    for (int i = from; i < to; ) {
      int cp = line.codePointAt(i);
      int n = Character.charCount(cp);
      char c;
      if (cp >= '０' && cp <= '９') c = (char) ('0' + (cp - '０'));
      else if (cp == '．') c = '.';
      else if (cp == '，' && digitAround(line, i, n)) c = ',';
      else if (Character.getType(cp) == Character.PRIVATE_USE && digitAround(line, i, n)) c = '.';
      else if (n > 1) {
        // a character beyond the basic plane: kept whole, each half at its place
        sb.appendCodePoint(cp);
        written.appendCodePoint(cp);
        offsets.add(base + i);
        offsets.add(base + i + 1);
        i += n;
        continue;
      } else c = (char) cp;
      sb.append(org.gongkai.text.ScriptFold.simplify(c));
      written.append(c);
      offsets.add(base + i);
      i += n;
    }
  }

  /** Whether a digit stands before {@code i} and after {@code i + n} (spaces aside). */
  private static boolean digitAround(String s, int i, int n) {
    int b = i - 1;
    while (b >= 0 && s.charAt(b) == ' ') b--;
    int a = i + n;
    while (a < s.length() && s.charAt(a) == ' ') a++;
    return b >= 0 && isDigit(s.charAt(b)) && a < s.length() && isDigit(s.charAt(a));
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9' || c >= '０' && c <= '９';
  }

  private static void flush(
      StringBuilder sb, StringBuilder written, List<Integer> offsets, List<Paragraph> out) {
    if (sb.length() > 0) {
      int[] o = new int[offsets.size()];
      for (int i = 0; i < o.length; i++) o[i] = offsets.get(i);
      String read = sb.toString(), asWritten = written.toString();
      out.add(new Paragraph(read, asWritten.equals(read) ? read : asWritten, o));
    }
    sb.setLength(0);
    written.setLength(0);
    offsets.clear();
  }
}
