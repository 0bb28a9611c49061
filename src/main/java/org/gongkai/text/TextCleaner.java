package org.gongkai.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns raw extracted text into clean text: one paragraph, heading or table row per line, with
 * extraction artefacts, page numbers and hard line wraps removed and every meaningful character
 * kept.
 *
 * <p>Pure and deterministic; the rules, in order:
 *
 * <ol>
 *   <li>drop {@code [bookmark: …]} markers and Word field codes ({@code PAGEREF _Toc… h 4}, …);
 *   <li>drop page numbers and footers ({@code 5}, {@code — 13}, {@code -5-}, {@code 第5页}):
 *       decorated ones anywhere, bare numbers only at a page edge (form feed, start or end of text,
 *       or a run of blank lines), because a bare number elsewhere is usually a table cell;
 *   <li>rebuild Word tables that extract as one cell per line ({@code \tcell} lines, a blank line
 *       after each row) into one row per line with tab-separated cells;
 *   <li>when the text is hard-wrapped (PDF: almost no line is wider than a page), join a line with
 *       the next when it fills the page width, does not end a sentence, and the next line does not
 *       start a heading, list item, caption or table row;
 *   <li>remove spaces between Han characters and Chinese punctuation.
 * </ol>
 */
public final class TextCleaner {

  private static final Pattern BOOKMARK = Pattern.compile("\\[bookmark:[^\\]\\n]*\\]");
  private static final Pattern FIELD_CODE =
      Pattern.compile(
          "\\b(?:PAGEREF\\s+_\\w+(?:\\s+\\\\?h)?(?:\\s+\\d+)?"
              + "|HYPERLINK\\s+(?:\\\\l\\s+)?\"[^\"\\n]*\""
              + "|TOC(?:\\s+\\\\[a-z](?:\\s+\"[^\"\\n]*\")?)+)\\s*");
  private static final Pattern BARE_PAGE_NUMBER = Pattern.compile("\\d{1,3}");
  private static final Pattern DECORATED_PAGE_NUMBER =
      Pattern.compile(
          "[-—–－]\\s*\\d{1,3}\\s*[-—–－]|[—–－]{1,2}\\s*\\d{1,3}|第\\s*\\d{1,3}\\s*页(?:\\s*[，,/]?\\s*共\\s*\\d{1,3}\\s*页)?"
              + "|\\d{1,3}\\s*/\\s*\\d{1,3}");

  /**
   * A pinyin reading in brackets right after a character ({@code 鎮(zhèn)}), which mirror sites add
   * to rarer characters: never the report's own words, and it would split the names it stands in.
   */
  private static final Pattern PINYIN_NOTE =
      Pattern.compile(
          "(?<=\\p{IsHan})\\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\\)");

  /** A line that starts a new block: heading, list item, figure or table caption, note. */
  private static final Pattern BLOCK_START =
      Pattern.compile(
          "^(?:第[一二三四五六七八九十]+部分|附件|附表|[一二三四五六七八九十]+\\s*、|[（(]\\s*[一二三四五六七八九十]+\\s*[)）]"
              + "|\\d{1,2}\\s*[.．、](?!\\d)|[（(]\\d{1,2}[)）]|[①-⑳]|[图表]\\s*\\d|注[:：]|目\\s*录)");

  /**
   * A line of three or more figures set apart by spaces, the last at its end: a table's row (unless
   * it is a sentence, {@link #PROSE_MARK}).
   */
  private static final Pattern SPACED_ROW =
      Pattern.compile(
          "(?:(?:^|\\s)-?[0-9][0-9,]*(?:\\.[0-9]+)?(?=\\s).*){2}\\s-?[0-9][0-9,]*(?:\\.[0-9]+)?$");

  /**
   * A row set with spaces is a line of a page: longer lines are not looked at (the pattern
   * backtracks).
   */
  private static final int MAX_SPACED_ROW = 400;

  private static final Pattern PROSE_MARK = Pattern.compile("[，。；：！？,;:]");

  /** Heading markers whose lines are short unless wrapped: they must fill the page to be joined. */
  private static final Pattern HEADING_START =
      Pattern.compile(
          "^(?:第[一二三四五六七八九十]+部分|附件|附表|[一二三四五六七八九十]+\\s*、|[（(]\\s*[一二三四五六七八九十]+\\s*[)）])");

  /**
   * Whether a line ends a sentence: its stop, then only closing quotes or brackets, at its end or
   * before a line terminator ending it — as the pattern {@code [。！？；!?;][”’）)」』]*$} found it, read
   * from the line's end instead of tried at each of its characters (TextCleanerTest compares the
   * two on generated lines).
   */
  static boolean endsSentence(String line) {
    int n = line.length();
    if (stopBefore(line, n)) return true;
    if (n == 0) return false;
    char last = line.charAt(n - 1);
    if (last == '\n' && n >= 2 && line.charAt(n - 2) == '\r') return stopBefore(line, n - 2);
    return (last == '\n'
            || last == '\r'
            || last == '\u0085'
            || last == '\u2028'
            || last == '\u2029')
        && stopBefore(line, n - 1);
  }

  private static boolean stopBefore(String line, int end) {
    int i = end - 1;
    while (i >= 0 && "”’）)」』".indexOf(line.charAt(i)) >= 0) i--;
    return i >= 0 && "。！？；!?;".indexOf(line.charAt(i)) >= 0;
  }

  /** Wrapped text has almost no line this wide (in columns); paragraph-per-line text has many. */
  private static final int WIDE_LINE = 100;

  /**
   * Clean text, and where each page of the raw text (pages separated by form feeds) begins in it:
   * {@code pageStarts.get(i)} is the offset of page {@code i + 1}'s first character (a page left
   * empty begins where the next one does). Text without form feeds is one page.
   */
  public record Cleaned(String text, List<Integer> pageStarts) {
    public Cleaned {
      pageStarts = List.copyOf(pageStarts);
    }
  }

  /** A line standing for a page break, between the lines of two pages. */
  private static final String PAGE = "\f";

  /** A page break inside a paragraph joined across it: where the next page's text begins. */
  private static final char BREAK = '\uffff';

  public String clean(String raw) {
    return cleanPaged(raw).text();
  }

  public Cleaned cleanPaged(String raw) {
    String text =
        raw.replace(String.valueOf(BREAK), "")
            .replace("\r\n", "\n")
            .replace('\r', '\n')
            .replace('\u00a0', ' ');
    text = text.replaceAll("[\\u200b\\u200c\\u200d\\ufeff\\u00ad]", "");
    text = BOOKMARK.matcher(text).replaceAll("");
    text = FIELD_CODE.matcher(text).replaceAll("");
    List<String> lines = dropPageNumbers(text);
    List<String> logical = wrappedCellsJoined(rebuildTables(lines));
    List<String> joined = SpacedRows.rows(isWrapped(logical) ? joinWrapped(logical) : logical);
    StringBuilder out = new StringBuilder(text.length());
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    int pending = 0; // page breaks seen since the last line written
    for (String line : joined) {
      if (line.equals(PAGE)) {
        pending++;
        continue;
      }
      String kept = line.indexOf(BREAK) >= 0 ? line.replace(String.valueOf(BREAK), "") : line;
      if (kept.isBlank()) continue;
      if (out.length() > 0) out.append('\n');
      for (; pending > 0; pending--) starts.add(out.length());
      int from = 0;
      for (int k = line.indexOf(BREAK); k >= 0; k = line.indexOf(BREAK, from)) {
        out.append(line, from, k);
        starts.add(out.length());
        from = k + 1;
      }
      out.append(line, from, line.length());
    }
    for (; pending > 0; pending--) starts.add(out.length()); // empty pages at the end
    return new Cleaned(out.toString(), starts);
  }

  private static List<String> dropPageNumbers(String text) {
    List<String> result = new ArrayList<>();
    String[] pages = text.split("\f", -1);
    List<String> all = Arrays.asList(text.split("[\n\f]", -1));
    boolean blankLinesEverywhere = blankLinesEverywhere(all);
    for (String page : pages) {
      List<String> lines = new ArrayList<>(Arrays.asList(page.split("\n", -1)));
      // where the page's text ends, and whether text (left standing) came before: a line at the
      // page's
      // edge is one with nothing before it or nothing after it, found in one pass, not by
      // rescanning
      int lastText = -1;
      for (int i = lines.size() - 1; i >= 0 && lastText < 0; i--)
        if (!lines.get(i).isBlank()) lastText = i;
      boolean textBefore = false;
      for (int i = 0; i < lines.size(); i++) {
        String t = lines.get(i).strip();
        if (t.isEmpty()) continue;
        if (!lines.get(i).startsWith("\t")) {
          boolean decorated = DECORATED_PAGE_NUMBER.matcher(t).matches();
          boolean bare = BARE_PAGE_NUMBER.matcher(t).matches();
          boolean atPageEdge = !textBefore || i >= lastText;
          if (decorated || bare && (atPageEdge || isolated(lines, i, blankLinesEverywhere)))
            lines.set(i, "");
        }
        if (!lines.get(i).isBlank()) textBefore = true;
      }
      if (!result.isEmpty()) result.add(PAGE); // a page break is a gap like a blank line
      result.addAll(lines);
    }
    return result;
  }

  /**
   * Text where nearly every line is followed by a blank line (some PDF-to-text tools write it so).
   */
  private static boolean blankLinesEverywhere(List<String> lines) {
    int text = 0, followedByBlank = 0;
    for (int i = 0; i + 1 < lines.size(); i++) {
      if (lines.get(i).isBlank()) continue;
      text++;
      if (lines.get(i + 1).isBlank()) followedByBlank++;
    }
    return text > 0 && followedByBlank * 10 > text * 6;
  }

  /**
   * A number standing alone between paragraph gaps is a page footer that the extractor left in the
   * flow; a number inside a table has text right above or below it.
   */
  private static boolean isolated(List<String> lines, int i, boolean blankLinesEverywhere) {
    int before = blankRun(lines, i - 1, -1), after = blankRun(lines, i + 1, +1);
    return blankLinesEverywhere ? before >= 2 || after >= 2 : before >= 1 && after >= 1;
  }

  private static int blankRun(List<String> lines, int from, int step) {
    int n = 0;
    for (int j = from; j >= 0 && j < lines.size() && lines.get(j).isBlank(); j += step) n++;
    return n;
  }

  /** Lines become logical lines: Word's cell-per-line tables are folded into one row per line. */
  private static List<String> rebuildTables(List<String> lines) {
    List<String> out = new ArrayList<>(lines.size());
    int i = 0;
    while (i < lines.size()) {
      String line = lines.get(i);
      if (line.equals(PAGE)) {
        out.add(PAGE);
        i++;
      } else if (isCellLine(line) && endsRow(lines, i)) {
        List<StringBuilder> cells = new ArrayList<>();
        while (i < lines.size() && !lines.get(i).isBlank()
            || i < lines.size() && lines.get(i).equals("\t")) {
          String l = lines.get(i);
          if (l.startsWith("\t")) cells.add(new StringBuilder(l.substring(1).strip()));
          else appendJoined(cells.get(cells.size() - 1), l.strip());
          i++;
        }
        if (i < lines.size() && !lines.get(i).equals(PAGE)) i++; // the blank line ending the row
        String row = tableRow(cells.stream().map(StringBuilder::toString).toList());
        if (!row.isEmpty()) out.add(row);
      } else {
        out.add(normalizeLine(line));
        i++;
      }
    }
    return out;
  }

  /** A cell holding only the last digits of an amount wrapped below it: {@code 4}, {@code .50}. */
  private static final Pattern DIGITS_WRAPPED = Pattern.compile("[0-9]{1,2}|[.．][0-9]{1,2}");

  /** An amount as a table cell writes it: {@code 24,995.9}, {@code 1,200}. */
  private static final Pattern CELL_AMOUNT = Pattern.compile("-?[0-9][0-9,]*(?:[.．][0-9]*)?");

  /**
   * Table rows whose amounts' last digits wrapped onto a line of their own ({@code 收入总计 | 24,995.9
   * | 支出总计 | 24,995.94} over {@code | 4}, {@code 1,200} over {@code .50}) — as any extractor may
   * write them, not only a PDF whose cells are placed — get their digits back: a row of nothing but
   * such fragments joins the row above where each fragment sits under an amount that, so joined,
   * has as many decimals as the row's other amounts (its cents); anything else stays a row of its
   * own.
   */
  static List<String> wrappedCellsJoined(List<String> lines) {
    List<String> out = new ArrayList<>(lines.size());
    for (String line : lines) {
      int last = out.size() - 1;
      String joined = last >= 0 ? joinedRow(out.get(last), line) : null;
      if (joined != null) out.set(last, joined);
      else out.add(line);
    }
    return out;
  }

  /** {@code above} with the fragments of {@code line} joined to its amounts, or null. */
  private static String joinedRow(String above, String line) {
    if (line.indexOf('\t') < 0 || above.indexOf('\t') < 0) return null;
    String[] cells = line.split("\t", -1);
    String[] upper = above.split("\t", -1);
    boolean any = false;
    for (int c = 0; c < cells.length; c++) {
      String cell = cells[c].strip();
      if (cell.isEmpty()) continue;
      if (!DIGITS_WRAPPED.matcher(cell).matches() || c >= upper.length) return null;
      any = true;
    }
    if (!any) return null;
    int cents = 0; // the decimals the row's other amounts are written to
    for (int c = 0; c < upper.length; c++)
      if ((c >= cells.length || cells[c].isBlank())
          && CELL_AMOUNT.matcher(upper[c].strip()).matches())
        cents = Math.max(cents, decimals(upper[c].strip()));
    if (cents == 0) return null;
    String[] joined = upper.clone();
    for (int c = 0; c < cells.length; c++) {
      String cell = cells[c].strip();
      if (cell.isEmpty()) continue;
      String amount = upper[c].strip();
      if (!CELL_AMOUNT.matcher(amount).matches()) return null;
      String whole = amount + cell;
      boolean point = amount.contains(".") || amount.contains("．");
      // the digits wrapped must complete the amount's cents: 24,995.9 + 4, 1,200 + .50
      if (point == (cell.startsWith(".") || cell.startsWith("．"))) return null;
      if (decimals(whole) != cents) return null;
      joined[c] = upper[c].replace(amount, whole);
    }
    return String.join("\t", joined);
  }

  private static int decimals(String amount) {
    int p = Math.max(amount.lastIndexOf('.'), amount.lastIndexOf('．'));
    return p < 0 ? 0 : amount.length() - p - 1;
  }

  /** How far a Word table row's cells (a line each) may run before the blank line ending it. */
  private static final int MAX_ROW_LINES = 60;

  /**
   * Whether the cell line at {@code i} opens a Word table row: a blank line ends the row within
   * reach. A text already cleaned has no blank lines, and its row that opens with an empty cell
   * ({@code \t2,940.05}) is a row of its own: cleaning it again changes nothing.
   */
  private static boolean endsRow(List<String> lines, int i) {
    for (int k = i + 1; k < Math.min(lines.size(), i + MAX_ROW_LINES); k++)
      if (lines.get(k).isBlank() || lines.get(k).equals(PAGE)) return true;
    return i + 1 >= lines.size();
  }

  /** A Word table cell as Tika writes it: a tab, then the cell's first paragraph, no other tab. */
  private static boolean isCellLine(String line) {
    return line.startsWith("\t") && line.indexOf('\t', 1) < 0;
  }

  private static String tableRow(List<String> cells) {
    int n = cells.size();
    while (n > 0 && cells.get(n - 1).isEmpty()) n--;
    List<String> kept = new ArrayList<>(n);
    for (int k = 0; k < n; k++) kept.add(closeHanGaps(cells.get(k)));
    return String.join("\t", kept);
  }

  private static String normalizeLine(String line) {
    if (line.indexOf('\t') >= 0) {
      // a row of a table that extracted one row per line: keep its cells, empty ones too
      String[] cells = line.stripTrailing().split("\t", -1);
      List<String> kept = new ArrayList<>(cells.length);
      for (String c : cells) kept.add(c.strip());
      return tableRow(kept).replaceFirst("^\t+$", "");
    }
    return closeHanGaps(line.strip());
  }

  static String closeHanGaps(String s) {
    String t = s.indexOf('(') >= 0 ? PINYIN_NOTE.matcher(s).replaceAll("") : s;
    // both patterns need a space: most lines have none, and the look-behind costs at every
    // character
    if (t.indexOf(' ') < 0 && t.indexOf('\u3000') < 0) return t;
    return collapseSpaces(closeGaps(t));
  }

  /**
   * The spaces between two characters of {@link #closes} dropped ({@code 工 会} as {@code 工会}): what
   * the pattern this replaces gave (a run of spaces and ideographic spaces, looked behind and ahead
   * of for such a character), without its look-behind and look-ahead tried at every space of every
   * line, a twentieth of ingest. A run goes up to the last place in it where such a character
   * follows: its end, or an ideographic space inside it (itself one of them). As the pattern's
   * look-behind did, a character beyond the basic plane before a run (𠀀) is not looked at: its low
   * surrogate is no Han. TextCleanerTest compares the two on generated lines.
   */
  static String closeGaps(String t) {
    StringBuilder out = null;
    int n = t.length();
    for (int i = 0; i < n; ) {
      char c = t.charAt(i);
      if ((c == ' ' || c == '\u3000') && i > 0 && closes(t.charAt(i - 1))) {
        int j = i;
        while (j < n && (t.charAt(j) == ' ' || t.charAt(j) == '\u3000')) j++;
        int to = -1;
        for (int e = j; e > i && to < 0; e--)
          if (e < n && closes(Character.codePointAt(t, e))) to = e;
        if (to > 0) {
          if (out == null) out = new StringBuilder(n).append(t, 0, i);
          i = to;
          continue;
        }
      }
      if (out != null) out.append(c);
      i++;
    }
    return out == null ? t : out.toString();
  }

  /** A character a gap is closed beside: Han, CJK punctuation, full-width forms, curly quotes. */
  private static boolean closes(int cp) {
    if (cp == '“' || cp == '”' || cp == '‘' || cp == '’') return true;
    if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) return true;
    Character.UnicodeBlock b = Character.UnicodeBlock.of(cp);
    return b == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
        || b == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS;
  }

  /** Each run of two or more spaces (or ideographic spaces) made one space. */
  static String collapseSpaces(String t) {
    StringBuilder out = null;
    int n = t.length();
    for (int i = 0; i < n; ) {
      char c = t.charAt(i);
      if (c == ' ' || c == '\u3000') {
        int j = i;
        while (j < n && (t.charAt(j) == ' ' || t.charAt(j) == '\u3000')) j++;
        if (j - i >= 2) {
          if (out == null) out = new StringBuilder(n).append(t, 0, i);
          out.append(' ');
          i = j;
          continue;
        }
      }
      if (out != null) out.append(c);
      i++;
    }
    return out == null ? t : out.toString();
  }

  private static boolean isWrapped(List<String> lines) {
    int n = 0, wide = 0;
    for (String l : lines) {
      if (l.isBlank() || l.indexOf('\t') >= 0) continue;
      n++;
      if (Chars.width(l) >= WIDE_LINE) wide++;
    }
    return n >= 20 && wide * 50 < n;
  }

  /** The page width of wrapped text: the 95th percentile of line widths. */
  private static int pageWidth(List<String> lines) {
    int[] widths =
        lines.stream()
            .filter(l -> !l.isBlank() && l.indexOf('\t') < 0)
            .mapToInt(Chars::width)
            .sorted()
            .toArray();
    return widths[(int) ((widths.length - 1) * 0.95)];
  }

  private static List<String> joinWrapped(List<String> lines) {
    int width = pageWidth(lines);
    List<String> out = new ArrayList<>();
    StringBuilder paragraph = null;
    String lastPhysical = null;
    int breaks = 0; // page breaks since the paragraph's last line
    for (String line : lines) {
      if (line.equals(PAGE)) {
        breaks++;
        continue;
      }
      if (line.isBlank()) continue;
      if (paragraph != null && joins(paragraph, lastPhysical, line, width)) {
        appendJoined(paragraph, line);
        // the page turned inside the paragraph: mark where the new page's text begins
        int at = paragraph.length() - line.length();
        for (; breaks > 0; breaks--) paragraph.insert(at, BREAK);
      } else {
        if (paragraph != null) out.add(closeHanGaps(paragraph.toString()));
        for (; breaks > 0; breaks--) out.add(PAGE);
        paragraph = new StringBuilder(line);
      }
      lastPhysical = line;
    }
    if (paragraph != null) out.add(closeHanGaps(paragraph.toString()));
    for (; breaks > 0; breaks--) out.add(PAGE);
    return out;
  }

  /**
   * Whether {@code next} continues the paragraph: the paragraph's last physical line filled the
   * page (a heading line must fill it almost entirely), no sentence ended, and nothing new starts.
   */
  private static boolean joins(
      CharSequence paragraph, String lastPhysical, String next, int pageWidth) {
    if (lastPhysical.indexOf('\t') >= 0 || next.indexOf('\t') >= 0) return false;
    if (endsSentence(lastPhysical)) return false;
    if (BLOCK_START.matcher(next).lookingAt()) return false;
    // a table's row set with spaces (本年收入合计 27 552.83 本年支出合计 58 552.83) ends where it ends
    if (lastPhysical.length() <= MAX_SPACED_ROW
        && !PROSE_MARK.matcher(lastPhysical).find()
        && SPACED_ROW.matcher(lastPhysical).find()) return false;
    boolean headingLine =
        paragraph.length() == lastPhysical.length()
            && HEADING_START.matcher(lastPhysical).lookingAt();
    return Chars.width(lastPhysical) >= pageWidth * (headingLine ? 0.85 : 0.75);
  }

  /** Appends a continuation, keeping a space only where two ASCII words or numbers would merge. */
  private static void appendJoined(StringBuilder current, String next) {
    if (current.length() > 0 && !next.isEmpty()) {
      char a = current.charAt(current.length() - 1);
      char b = next.charAt(0);
      if (isAsciiAlnum(a) && isAsciiAlnum(b)) current.append(' ');
    }
    current.append(next);
  }

  private static boolean isAsciiAlnum(char c) {
    return c < 128 && Character.isLetterOrDigit(c);
  }
}
