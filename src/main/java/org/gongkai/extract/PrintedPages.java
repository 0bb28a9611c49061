package org.gongkai.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The page numbers a PDF prints on its pages ({@code -28-}, {@code 第 28 页}, {@code 28/120}, a lone
 * {@code 28}), which a citation gives beside the PDF's own page index: a report numbers its pages
 * after an unnumbered cover and contents, so its page 28 is the PDF's page 30.
 *
 * <p>A number is taken only when it agrees with the others: the offset between the PDF's page and
 * the printed number that most pages share, on at least three pages and half of the file's. A
 * table's last cell, a year or a count that happens to stand alone on a line agrees with nothing
 * and is not taken.
 */
final class PrintedPages {

  private PrintedPages() {}

  /** A page number as a line of its own: -28-, — 28 —, 第28页, 第 28 页 共 120 页, 28/120, 28. */
  private static final Pattern NUMBER_LINE =
      Pattern.compile(
          "^\\s*(?:[-–—－]\\s*(\\d{1,4})\\s*[-–—－]"
              + "|第\\s*(\\d{1,4})\\s*页(?:\\s*[/，,]?\\s*共\\s*\\d{1,4}\\s*页)?"
              + "|(\\d{1,4})\\s*/\\s*\\d{1,4}"
              + "|(\\d{1,4}))\\s*$");

  /** How many lines at each end of a page a printed number is looked for in. */
  private static final int TOP = 2;

  private static final int BOTTOM = 3;

  /**
   * Per page of {@code text} (pages separated by form feeds), the number it prints, or 0; null when
   * no numbering runs through most of its pages.
   */
  static int[] of(String text) {
    String[] pages = text.split("\f", -1);
    List<int[]> candidates = new ArrayList<>(); // {page index from 1, printed number}
    for (int i = 0; i < pages.length; i++)
      for (int n : numbers(pages[i], pages.length)) candidates.add(new int[] {i + 1, n});
    Map<Integer, Integer> support = new HashMap<>();
    for (int[] c : candidates) support.merge(c[0] - c[1], 1, Integer::sum);
    int best = 0, count = 0;
    for (Map.Entry<Integer, Integer> e : support.entrySet())
      if (e.getValue() > count || e.getValue() == count && Math.abs(e.getKey()) < Math.abs(best)) {
        best = e.getKey();
        count = e.getValue();
      }
    // a numbering runs through the report: most of its pages print it, three at least
    if (count < 3 || count < 0.5 * pages.length) return null;
    int[] out = new int[pages.length];
    for (int[] c : candidates) if (c[0] - c[1] == best) out[c[0] - 1] = c[1];
    return out;
  }

  /** The numbers standing alone on the first and last lines of a page. */
  private static List<Integer> numbers(String page, int pageCount) {
    List<String> lines = new ArrayList<>();
    for (String l : page.split("\n")) if (!l.isBlank()) lines.add(l);
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (i >= TOP && i < lines.size() - BOTTOM) continue;
      Matcher m = NUMBER_LINE.matcher(lines.get(i));
      if (!m.matches()) continue;
      for (int g = 1; g <= 4; g++) {
        if (m.group(g) == null) continue;
        int n = Integer.parseInt(m.group(g));
        // a page number is no larger than the pages a report has (and a little front matter)
        if (n >= 1 && n <= pageCount + 10) out.add(n);
      }
    }
    return out;
  }

  /** The numbers as extraction hands them on: comma-separated, 0 for a page that prints none. */
  static String encode(int[] printed) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < printed.length; i++) sb.append(i == 0 ? "" : ",").append(printed[i]);
    return sb.toString();
  }
}
