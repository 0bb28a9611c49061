package org.gongkai.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.model.TextTable;

/**
 * Finds the tables of a section's clean text: runs of two or more lines holding tab-separated cells
 * (the cleaner writes each table row so, whatever the format). A table's title is the nearest short
 * line above it that names a table ({@code 收入支出决算总表}, not a sentence), its unit the {@code 单位：万元}
 * said between the title and the table or in its first rows, and its header rows the leading rows
 * without a figure.
 */
public final class Tables {

  private Tables() {}

  /** How far above a table its title and unit are looked for, in lines. */
  static final int LOOK_BACK = 3;

  private static final Pattern UNIT = Pattern.compile("(?:金额)?单位\\s*[:：]\\s*(万元|千元|亿元|元|人|个|辆|%)");
  private static final Pattern TITLE = Pattern.compile("^[^。；;，,]{2,40}表(?:[（(][^）)]{1,12}[）)])?$");

  /** A table's number ({@code 公开01表}, {@code 表3}): part of its caption, not its title. */
  private static final Pattern CODE =
      Pattern.compile("^(?:公开)?\\s*[0-9０-９一二三四五六七八九十]{1,3}\\s*表$|^表\\s*[0-9]{1,3}$");

  private static final Pattern NUMBER = Pattern.compile("^-?[0-9][0-9,]*(?:\\.[0-9]+)?%?$");

  public static List<TextTable> find(String sectionId, String text) {
    List<TextTable> out = new ArrayList<>();
    List<int[]> lines = new ArrayList<>(); // [start, end) of each line
    for (int from = 0; from <= text.length(); ) {
      int nl = text.indexOf('\n', from);
      int to = nl < 0 ? text.length() : nl;
      lines.add(new int[] {from, to});
      if (nl < 0) break;
      from = nl + 1;
    }
    int i = 0;
    while (i < lines.size()) {
      if (!isRow(text, lines.get(i))) {
        i++;
        continue;
      }
      int j = i;
      while (j + 1 < lines.size() && isRow(text, lines.get(j + 1))) j++;
      if (j > i) out.add(table(sectionId, out.size() + 1, text, lines, i, j));
      i = j + 1;
    }
    return out;
  }

  private static boolean isRow(String text, int[] line) {
    return text.substring(line[0], line[1]).indexOf('\t') >= 0;
  }

  private static TextTable table(
      String sectionId, int n, String text, List<int[]> lines, int first, int last) {
    List<List<String>> rows = new ArrayList<>();
    for (int k = first; k <= last; k++) {
      String line = text.substring(lines.get(k)[0], lines.get(k)[1]);
      List<String> cells = new ArrayList<>(Arrays.asList(line.split("\t", -1)));
      cells.replaceAll(String::strip);
      rows.add(cells);
    }
    String title = null, unit = null;
    int caption = lines.get(first)[0];
    for (int k = first - 1; k >= Math.max(0, first - LOOK_BACK); k--) {
      String line = text.substring(lines.get(k)[0], lines.get(k)[1]).strip();
      String u = unit(line);
      boolean code = CODE.matcher(line).matches();
      boolean isTitle = !code && TITLE.matcher(line).matches();
      if (u == null && !isTitle && !code) break; // the caption is the lines right above the table
      if (unit == null) unit = u;
      caption = lines.get(k)[0];
      if (isTitle) {
        title = line;
        break;
      }
    }
    for (int r = 0; unit == null && r < Math.min(2, rows.size()); r++)
      for (String cell : rows.get(r)) if (unit == null) unit = unit(cell);
    int header = 0;
    while (header < rows.size() - 1
        && header < 4
        && rows.get(header).stream().noneMatch(Tables::isNumber)) header++;
    return new TextTable(
        sectionId + "-t" + n,
        sectionId,
        title,
        unit,
        header,
        rows,
        lines.get(first)[0],
        lines.get(last)[1],
        caption);
  }

  private static String unit(String s) {
    Matcher m = UNIT.matcher(s);
    return m.find() ? m.group(1) : null;
  }

  /** A figure: an amount, a count or a percentage ({@code 1,523.40}, {@code 0}, {@code 95%}). */
  public static boolean isNumber(String cell) {
    return NUMBER.matcher(cell.strip()).matches();
  }
}
