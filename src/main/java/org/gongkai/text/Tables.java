package org.gongkai.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.model.ColumnRole;
import org.gongkai.model.RowCode;
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
      Pattern.compile(
          "^(?:公开)?\\s*[0-9０-９一二三四五六七八九十]{1,3}\\s*表$|^(?:公开)?表\\s*[0-9０-９一二三四五六七八九十]{1,3}$");

  /**
   * A table's header row set as one run of words: short, no sentence, a column's header word in it.
   */
  private static final Pattern LOOSE_HEADER =
      Pattern.compile("^(?=[^。；;，,：:]{2,40}$)(?=.*(?:项目|行次|栏次|决算数|预算数|金额|科目|合计|收入|支出)).*");

  private static final int MAX_LOOSE_HEADER = 2;

  /** A column's header longer than this is a form's text, not a header. */
  private static final int MAX_HEAD = 16;

  private static final Pattern YEAR = Pattern.compile("(?:19|20)[0-9]{2}\\s*年度?");

  /** The issuer line of a table's caption ({@code 部门：…}, {@code 单位名称：…}). */
  private static final Pattern ISSUER =
      Pattern.compile("^(?:编制|填报|预算|主管)?(?:部门|单位)(?:名称)?\\s*[:：]");

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
      // a caption row (the next table's title and unit) ends the run: the next table begins there
      while (j + 1 < lines.size()) {
        if (isRow(text, lines.get(j + 1))
            && !isCaptionRow(text.substring(lines.get(j + 1)[0], lines.get(j + 1)[1]))) j++;
        // a header cell the PDF wrote on a line of its own (科目编码 under 支出功能分类) keeps the
        // header together with its table: a short word line while no row has stated a figure yet
        else if (j + 2 < lines.size()
            && isHeaderFragment(text.substring(lines.get(j + 1)[0], lines.get(j + 1)[1]))
            && isRow(text, lines.get(j + 2))
            && !isCaptionRow(text.substring(lines.get(j + 2)[0], lines.get(j + 2)[1]))
            && j - i < 3 // a header runs a few rows
            && noFigureIn(text, lines, i, j)) j += 2;
        // an item whose cells are all blank but its label (三、事业单位经营收入) was written without a
        // tab: a row of the table its rows of figures go on around
        else if (j + 2 < lines.size()
            && ITEM_LABEL
                .matcher(text.substring(lines.get(j + 1)[0], lines.get(j + 1)[1]))
                .matches()
            && isRow(text, lines.get(j + 2))
            && !isCaptionRow(text.substring(lines.get(j + 2)[0], lines.get(j + 2)[1]))
            && !noFigureIn(text, lines, i, j)) j += 2;
        else break;
      }
      // a first row saying only whose table it is and its unit belongs to the caption
      while (i + 1 < j && isCaptionRow(text.substring(lines.get(i)[0], lines.get(i)[1]))) i++;
      if (j > i) out.add(table(sectionId, out.size() + 1, text, lines, i, j));
      i = j + 1;
    }
    return out;
  }

  /**
   * A row whose every cell says whose table it is ({@code 部门：…}) or its unit, or names it: a title
   * (whole, or split over cells) beside its unit.
   */
  private static boolean isCaptionRow(String line) {
    if (unit(line) != null) {
      StringBuilder rest = new StringBuilder();
      for (String cell : line.split("\t"))
        if (!cell.isBlank() && unit(cell) == null) rest.append(cell.strip());
      if (rest.length() > 0 && TITLE.matcher(rest).matches()) return true;
      // the title, its number and its issuer run together in one cell (…预算表（功能科目）公开 05 表部门名称：某局)
      String head = CAPTION_TAIL.matcher(rest).replaceFirst("");
      if (head.length() < rest.length() && TITLE.matcher(head).matches()) return true;
    }
    return captionCells(line);
  }

  /** What may follow a title in its cell: the table's number, then whose table it is. */
  private static final Pattern CAPTION_TAIL =
      Pattern.compile(
          "\\s*(?:(?:公开)?\\s*[0-9０-９]{1,2}\\s*表)?\\s*(?:(?:编制|填报|预算|主管)?(?:部门|单位)(?:名称)?\\s*[:：].*)?$");

  private static boolean captionCells(String line) {
    boolean any = false, label = false;
    for (String cell : line.split("\t")) {
      String c = cell.strip();
      if (c.isEmpty()) continue;
      boolean issuer = ISSUER.matcher(c).find();
      // the cell after a bare 部门： is the issuer's name
      boolean title = TITLE.matcher(c).matches() || CODE.matcher(c).matches();
      if (unit(c) == null && !issuer && !title && !YEAR.matcher(c).matches() && !label)
        return false;
      label = issuer && c.matches(".*[:：]");
      any = true;
    }
    return any;
  }

  // compiled once: these are asked of every cell and line of every table
  private static final Pattern SPACE = Pattern.compile("\\s");
  private static final Pattern NUMBERING_MARKER = Pattern.compile("栏次|行次");
  private static final Pattern COLUMN_NUMBER = Pattern.compile("[0-9]{1,2}");
  private static final Pattern HEADER_FRAGMENT = Pattern.compile("[\\p{IsHan}（）()]+");

  /** A header's word on a line of its own: a few letters, no figure, no sentence. */
  private static boolean isHeaderFragment(String line) {
    String l = line.strip();
    return !l.isEmpty() && l.length() <= 8 && HEADER_FRAGMENT.matcher(l).matches();
  }

  /** The issuer and unit a caption line ends with, after its title. */
  private static final Pattern UNIT_TAIL =
      Pattern.compile(
          "\\s*(?:(?:部门名称|单位名称|编制单位|预算单位|部门)\\s*[：:].*?)?(?:金额)?单位\\s*[：:]\\s*(?:亿元|万元|千元|元)\\s*$");

  /** A numbered item's label alone on its line ({@code 三、事业单位经营收入}, {@code （二）结转}). */
  private static final Pattern ITEM_LABEL =
      Pattern.compile(
          "\\s*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|[0-9]{1,2}[、．.])"
              + "[\\p{IsHan}（）()、“”]{1,24}\\s*");

  private static boolean noFigureIn(String text, List<int[]> lines, int from, int to) {
    for (int k = from; k <= to; k++)
      for (String cell : text.substring(lines.get(k)[0], lines.get(k)[1]).split("\t"))
        if (isNumber(cell.strip())) return false;
    return true;
  }

  private static boolean isRow(String text, int[] line) {
    return text.substring(line[0], line[1]).indexOf('\t') >= 0;
  }

  private static TextTable table(
      String sectionId, int n, String text, List<int[]> lines, int first, int last) {
    List<List<String>> rows = new ArrayList<>();
    List<List<Integer>> offsets = new ArrayList<>();
    for (int k = first; k <= last; k++) {
      int at = lines.get(k)[0];
      String line = text.substring(at, lines.get(k)[1]);
      List<String> cells = new ArrayList<>();
      List<Integer> starts = new ArrayList<>();
      for (String raw : line.split("\t", -1)) {
        String cell = raw.strip();
        cells.add(cell);
        starts.add(at + (cell.isEmpty() ? 0 : raw.indexOf(cell)));
        at += raw.length() + 1;
      }
      rows.add(cells);
      offsets.add(starts);
    }
    LineNumberedRows.Rows realigned = LineNumberedRows.realign(rows, offsets);
    if (realigned != null) {
      rows = realigned.cells();
      offsets = realigned.offsets();
    }
    String title = null, unit = null;
    int caption = lines.get(first)[0];
    int skipped = 0; // header lines that lost their tabs, between the caption and the table
    for (int k = first - 1; k >= Math.max(0, first - LOOK_BACK - skipped); k--) {
      String line = text.substring(lines.get(k)[0], lines.get(k)[1]).strip();
      String u = unit(line);
      boolean code = CODE.matcher(line).matches();
      boolean isTitle = !code && TITLE.matcher(line).matches();
      String titled = isTitle ? line : null;
      // a title with its issuer and unit after it on its line (…预算表部门名称：某局单位：万元)
      if (titled == null && !code && u != null) {
        String head = UNIT_TAIL.matcher(line).replaceFirst("");
        String bare = CAPTION_TAIL.matcher(head).replaceFirst(""); // without its number (公开 05 表)
        if (!head.equals(line) && TITLE.matcher(bare).matches()) titled = bare;
        else if (!head.equals(line) && TITLE.matcher(head).matches()) titled = head;
      }
      if (line.indexOf('\t') >= 0) // a caption row read with the table: its title is a cell
      for (String cell : line.split("\t"))
          if (titled == null
              && !CODE.matcher(cell.strip()).matches()
              && TITLE.matcher(cell.strip()).matches()) titled = cell.strip();
      boolean issuer = ISSUER.matcher(line).find();
      if (u == null && titled == null && !code && !issuer) {
        // 收入支出 / 项目行次决算数…: the table's header printed without its cells; the caption
        // above it still names the table, and these lines stay in view as text
        if (skipped < MAX_LOOSE_HEADER && title == null && LOOSE_HEADER.matcher(line).matches()) {
          skipped++;
          continue;
        }
        break; // the lines right above
      }
      if (unit == null) unit = u;
      if (skipped == 0) caption = lines.get(k)[0];
      if (titled != null) {
        title = titled;
        break;
      }
    }
    for (int r = 0; unit == null && r < Math.min(2, rows.size()); r++)
      for (String cell : rows.get(r)) if (unit == null) unit = unit(cell);
    int header = 0;
    // header rows are the rows above the first that states a figure; a table that states none (a
    // check-list, a list of projects) has its first row for a header, not its first five
    boolean figures = rows.stream().anyMatch(r -> r.stream().anyMatch(Tables::isNumber));
    int most = figures ? 5 : 1;
    while (header < rows.size() - 1 && header < most && isHeader(rows.get(header))) header++;
    int width = 0;
    for (List<String> r : rows) width = Math.max(width, r.size());
    List<String> heads = new ArrayList<>();
    List<ColumnRole> roles = new ArrayList<>();
    int groups = yearGroupRow(rows, header);
    for (int c = 0; c < width; c++) {
      StringBuilder h = new StringBuilder();
      StringBuilder own = new StringBuilder(); // without a year group's label
      for (int r = 0; r < header; r++) {
        if (isNumbering(rows.get(r))) continue;
        String cell = c < rows.get(r).size() ? rows.get(r).get(c) : "";
        if (cell.isEmpty() || isNumber(cell) || unit(cell) != null || ISSUER.matcher(cell).find())
          continue;
        if (h.length() > 0 && !(isHan(h.charAt(h.length() - 1)) && isHan(cell.charAt(0))))
          h.append(' ');
        h.append(cell);
        if (r != groups) {
          if (own.length() > 0 && !(isHan(own.charAt(own.length() - 1)) && isHan(cell.charAt(0))))
            own.append(' ');
          own.append(cell);
        }
      }
      heads.add(h.toString());
      // a form's "header" (项目名称 | …, 主管部门 | …) is its fields, not a column's header
      ColumnRole role = h.length() > MAX_HEAD ? null : ColumnRole.of(h.toString());
      // a “三公” item under a year group's label written over it (2025年预算数 over 合计 | 因公出国（境）费 |
      // 公务用车购置及运行维护费 …, beside 2026年预算数 over the same): the item, its year the group's
      if (groups >= 0 && (role == null || YEAR_ROLES.contains(role))) {
        ColumnRole item = own.length() > MAX_HEAD ? null : ColumnRole.of(own.toString());
        if (item != null && ITEM_ROLES.contains(item)) role = item;
      }
      roles.add(role);
    }
    return new TextTable(
        sectionId + "-t" + n,
        sectionId,
        title,
        unit,
        header,
        rows,
        lines.get(first)[0],
        lines.get(last)[1],
        caption,
        heads,
        roles,
        codes(rows, header, roles),
        offsets);
  }

  /** A header row: no figure in it, or the row numbering the columns ({@code 栏次 | 1 | 2 | 3}). */
  private static boolean isHeader(List<String> row) {
    String first = row.stream().filter(c -> !c.isEmpty()).findFirst().orElse("");
    if (isNumbering(row)) return true;
    return row.stream().noneMatch(Tables::isNumber);
  }

  /** The row numbering the columns: {@code 栏次 | | 1 | 2 …}. */
  private static boolean isNumbering(List<String> row) {
    boolean marker = false;
    for (String c : row) {
      if (c.isEmpty()) continue;
      if (NUMBERING_MARKER.matcher(SPACE.matcher(c).replaceAll("")).matches()) marker = true;
      else if (!COLUMN_NUMBER.matcher(c).matches()) return false;
    }
    return marker;
  }

  /**
   * A subject code at the start of a cell, whole ({@code 2290804}) or its 类, 款 and 项 written apart
   * in one cell ({@code 229 08 04 福利彩票销售机构的业务费支出}), and the name after it.
   */
  private static final Pattern SUBJECT =
      Pattern.compile(
          "^([0-9]{3}(?:\\s+[0-9]{2}){1,2}(?=\\s|$)|[0-9]{3}(?:[0-9]{2}){0,2})(?:\\s+(\\S.*))?$");

  /**
   * Each row's subject code: in the first cells, whole ({@code 2080501}), with its name in the same
   * cell ({@code 201 一般公共服务支出}) or split over 类, 款 and 项 columns ({@code 208 | 05 | 01}); the name
   * is the first cell after it that is not a figure. A table has codes when two or more of its rows
   * do (a lone three-digit number is not taken for one).
   */
  private static List<RowCode> codes(List<List<String>> rows, int header, List<ColumnRole> roles) {
    List<RowCode> codes = new ArrayList<>();
    int found = 0;
    for (int r = 0; r < rows.size(); r++) {
      RowCode code = r < header ? null : code(rows.get(r), roles);
      codes.add(code);
      if (code != null) found++;
    }
    if (found < 2) java.util.Collections.fill(codes, null);
    return codes;
  }

  /** A subject's name split by its code: the name's first line, the code, the name's rest. */
  private static final Pattern WRAPPED_AROUND =
      Pattern.compile(
          "^(\\p{IsHan}[^0-9\\s]{3,})\\s+([0-9]{5}|[0-9]{7})\\s+(\\p{IsHan}[^0-9\\s]{0,5})$");

  private static RowCode code(List<String> row, List<ColumnRole> roles) {
    int c = 0;
    while (c < row.size() && row.get(c).isEmpty() && c < 2) c++;
    if (c >= row.size() || c > 0 && roles.get(c) != ColumnRole.CODE) return null;
    Matcher m = SUBJECT.matcher(row.get(c));
    if (!m.matches()) {
      // a wrapped name read around its code, the code standing level with the name's middle
      // ({@code 机关事业单位基本养老保险缴费支 2080505 出})
      Matcher w = c == 0 ? WRAPPED_AROUND.matcher(row.get(c)) : null;
      if (w == null || !w.matches()) return null;
      String code = w.group(2);
      return new RowCode(code, RowCode.level(code), w.group(1) + w.group(3));
    }
    String code = m.group(1).replaceAll("\\s+", "");
    int next = c + 1;
    if (code.length() == 3) { // 类 | 款 | 项 in columns of their own
      while (next < row.size() && next <= c + 2 && row.get(next).matches("[0-9]{2}")) {
        code += row.get(next);
        next++;
      }
    }
    String name = m.group(2);
    for (int k = next; name == null && k < row.size(); k++)
      if (!row.get(k).isEmpty() && !isNumber(row.get(k))) name = row.get(k);
    return new RowCode(code, RowCode.level(code), name);
  }

  private static boolean isHan(char c) {
    return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
  }

  private static String unit(String s) {
    Matcher m = UNIT.matcher(s);
    return m.find() ? m.group(1) : null;
  }

  /** A figure: an amount, a count or a percentage ({@code 1,523.40}, {@code 0}, {@code 95%}). */
  public static boolean isNumber(String cell) {
    return NUMBER.matcher(cell.strip()).matches();
  }

  /** Roles a header names by its year or kind of figure alone. */
  private static final java.util.Set<ColumnRole> YEAR_ROLES =
      java.util.EnumSet.of(
          ColumnRole.BUDGET,
          ColumnRole.ACTUAL,
          ColumnRole.PRIOR_BUDGET,
          ColumnRole.PRIOR_ACTUAL,
          ColumnRole.INITIAL_BUDGET,
          ColumnRole.ADJUSTED_BUDGET,
          ColumnRole.FULL_YEAR_BUDGET);

  /** The items of a “三公” table. */
  private static final java.util.Set<ColumnRole> ITEM_ROLES =
      java.util.EnumSet.of(
          ColumnRole.THREE_PUBLIC,
          ColumnRole.ABROAD,
          ColumnRole.VEHICLES,
          ColumnRole.VEHICLE_PURCHASE,
          ColumnRole.VEHICLE_OPERATION,
          ColumnRole.RECEPTION);

  /** A header cell naming a year: 2025年预算数, 上年, 本年. */
  private static final Pattern YEAR_LABEL =
      Pattern.compile("(?:19|20)\\d{2}\\s*年|上\\s*年|本\\s*年|当\\s*年");

  /**
   * The header row that groups the columns by year — two or more filled cells, each naming a year,
   * over a later header row with more filled cells (the group's columns) — or -1.
   */
  private static int yearGroupRow(List<List<String>> rows, int header) {
    for (int r = 0; r + 1 < header; r++) {
      long filled = rows.get(r).stream().filter(x -> !x.isBlank()).count();
      if (filled < 2
          || !rows.get(r).stream()
              .filter(x -> !x.isBlank())
              .allMatch(x -> YEAR_LABEL.matcher(x).find())) continue;
      for (int below = r + 1; below < header; below++)
        if (rows.get(below).stream().filter(x -> !x.isBlank()).count() > filled) return r;
    }
    return -1;
  }
}
