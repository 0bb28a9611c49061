package org.gongkai.indicators;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.gongkai.model.Scope;

/**
 * A document's tables as regions of its clean text: each begins at a table's title line ({@code
 * 2026年度财政拨款收支预算总表}, {@code 表1：…收支预算总表}) and runs to the next title, the next part of the report or
 * the next paragraph of prose. A region's title gives the scope of every figure stated in it — the
 * 财政拨款收支总表 repeats the department table's labels word for word ({@code 本年收入合计}, {@code 收入总计}) for
 * the treasury's money only, so only its title tells its figures apart — and the unit its amounts
 * are in. Read from lines, not from table detection, so that a table whose rows fell out as loose
 * text (a ruled table cut across a page) keeps its scope. Pure.
 */
final class Layout {

  /** One table's region: its title (null for rows under no title), scope of money, unit, lines. */
  record Region(String title, Scope.Funds funds, String unit, int start, int end, int firstRow) {

    boolean contains(int offset) {
      return start <= offset && offset < end;
    }

    /** Whether the title names a summary table of both sides (收支总表, 收入支出决算总表). */
    boolean summary() {
      return title != null && SUMMARY.matcher(title).find();
    }

    /**
     * Whether the region is a summary table: its title says so, or, under no title, a row of it
     * states both sides' totals ({@code 本年收入合计 | … | 本年支出合计 | …}).
     */
    boolean summary(String text) {
      if (title != null) return summary();
      return BOTH_TOTALS.matcher(text.substring(start, end)).find();
    }

    /** Whether the title names the 三公 table. */
    boolean threePublic() {
      return title != null && title.contains("三公");
    }

    /** Whether the title names a table of 基本支出 only (its 302xx rows are a part of the items). */
    boolean basicOnly() {
      return title != null && title.contains("基本支出");
    }
  }

  /**
   * A table's title: a short line ending in 表 (perhaps with its number, 公开01表, or a note in
   * brackets), never a sentence or a line of a table of contents.
   */
  private static final Pattern TITLE =
      Pattern.compile(
          "^(?:[一二三四五六七八九十]{1,3}\\s*[、.．]\\s*|\\d{1,2}\\s*[.．、]\\s*|(?:附)?表\\s*[0-9０-９一二三四五六七八九十]{1,3}(?:\\s*[-－—]\\s*\\d{1,2})?\\s*[：:、.．]?\\s*)?"
              + "[^。，；;,\\t]{1,48}?表\\s*(?:[（(][^）)]{1,12}[）)])?"
              + "(?:\\s*(?:公开)?\\s*[0-9０-９一二三四五六七八九十]{1,3}\\s*表|\\s*[（(]?续[表)）]?)?\\s*$");

  /** A table's number alone ({@code 公开01表}, {@code 表3}): part of the caption above, not a title. */
  private static final Pattern NUMBER_ONLY =
      Pattern.compile(
          "^(?:公开)?\\s*[0-9０-９一二三四五六七八九十]{1,3}\\s*表$|^(?:公开)?表\\s*[0-9０-９一二三四五六七八九十]{1,3}$");

  /** A line of a table of contents: dotted leaders, or a page number after the title. */
  private static final Pattern CONTENTS = Pattern.compile("[…·.]{3,}|\\s\\d{1,3}\\s*$");

  /** Lines that end a table's region: a part of the report, or prose. */
  private static final Pattern PART =
      Pattern.compile("^\\s*第[一二三四五六七八九十]+部分|^\\s*[一二三四五六七八九十]{1,3}、.{0,30}(?:说明|情况|概况|解释)\\s*$");

  private static final Pattern SUMMARY =
      Pattern.compile("收支.{0,6}总表|收入[、]?支出.{0,6}总表|收支总体情况表|收支预算总表|财务收支");

  private static final Pattern BOTH_TOTALS =
      Pattern.compile("(?:本年收入合计|收入总计)[^\\n]*(?:本年支出合计|支出总计)");

  private static final Pattern UNIT = Pattern.compile("单位\\s*[:：]\\s*(万元|亿元|元)");

  private final List<Region> regions;

  private Layout(List<Region> regions) {
    this.regions = List.copyOf(regions); // shared by the readers of one text (of)
  }

  List<Region> regions() {
    return regions;
  }

  /** The region holding {@code offset}, or null where it is not under a table's title. */
  Region at(int offset) {
    int lo = 0, hi = regions.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      Region r = regions.get(mid);
      if (offset < r.start()) hi = mid - 1;
      else if (offset >= r.end()) lo = mid + 1;
      else return r;
    }
    return null;
  }

  /** The funds a table's title names: the narrowest first (一般公共预算财政拨款… is 一般公共预算's). */
  private static final Pattern SPACE = Pattern.compile("\\s");

  static Scope.Funds funds(String title) {
    if (title == null) return Scope.Funds.ALL;
    String t = SPACE.matcher(title).replaceAll("");
    if (t.contains("一般公共预算")) return Scope.Funds.GENERAL;
    if (t.contains("政府性基金")) return Scope.Funds.FUND;
    if (t.contains("国有资本经营")) return Scope.Funds.STATE_CAPITAL;
    if (t.contains("财政拨款")) return Scope.Funds.FISCAL;
    return Scope.Funds.ALL;
  }

  /**
   * The header fields a PDF may run into a table's title ({@code …“三公”经费预算表部门名称：某某局单位：万元}): the
   * unit, and the department or unit it is of.
   */
  private static final Pattern FIELDS =
      Pattern.compile("(?<=表)\\s*(?:部门|单位|编制单位|预算单位)(?:名称)?\\s*[:：][^\\t（(）)]*$");

  /**
   * A title line without the header fields run into it: only after a 表 that ends a title of some
   * words (not 填表单位：, 制表单位：), never inside brackets.
   */
  private static String withoutFields(String line) {
    String l = UNIT.matcher(line).replaceAll("").strip();
    String t = FIELDS.matcher(l).replaceFirst("").strip();
    return t.length() >= 6 ? t : l;
  }

  /** Whether {@code line} is a table's title. */
  static boolean isTitle(String line) {
    if (line.indexOf('表') < 0) return false; // every title names its 表 (TITLE)
    String l = line.strip();
    if (l.isEmpty() || l.length() > 60) return false;
    if (l.indexOf('\t') >= 0) l = titleCell(l);
    if (l == null || CONTENTS.matcher(l).find() || NUMBER_ONLY.matcher(l).matches()) return false;
    l = withoutFields(l);
    return TITLE.matcher(l).matches();
  }

  /** A table's number cell: {@code 公开 04 表}. */
  private static final Pattern TABLE_NUMBER = Pattern.compile("(?:公开)?\\s*\\d{1,2}\\s*表");

  /** A caption row read as a table row ({@code 收入决算表\t\t单位：万元}): its title cell. */
  private static String titleCell(String row) {
    String title = null, lead = "";
    for (String cell : row.split("\t")) {
      String c = cell.strip();
      if (c.isEmpty() || UNIT.matcher(c).matches() || TABLE_NUMBER.matcher(c).matches()) continue;
      // a title's number and year a PDF set apart from the rest (四、2017 | 年度…收支预算总表)
      if (title == null && FRAGMENT.matcher(c).matches()) {
        lead += c;
        continue;
      }
      if (title != null) return null; // a row of several cells: a table's row, not a caption
      title = c;
    }
    return title == null ? null : lead + title;
  }

  /** A title's opening set apart: its number, its year, or both ({@code 四、2017}). */
  private static final Pattern FRAGMENT =
      Pattern.compile("(?:[一二三四五六七八九十]{1,3}\\s*[、.．])?\\s*(?:(?:19|20)\\d{2}\\s*年?度?)?");

  /**
   * The layout of the text last read on this thread: the figures and three families of checks ask
   * for the same report's layout one after another.
   */
  private static final ThreadLocal<Object[]> LAST = new ThreadLocal<>();

  static Layout of(String text) {
    Object[] last = LAST.get();
    if (last != null && last[0] == text) return (Layout) last[1];
    Layout layout = read(text);
    LAST.set(new Object[] {text, layout});
    return layout;
  }

  private static Layout read(String text) {
    List<Region> out = new ArrayList<>();
    String title = null;
    int start = -1, firstRow = -1;
    String unit = null;
    int from = 0;
    while (from <= text.length()) {
      int nl = text.indexOf('\n', from);
      int to = nl < 0 ? text.length() : nl;
      String line = text.substring(from, to);
      boolean isTitle = isTitle(line);
      boolean row = line.indexOf('\t') >= 0;
      // rows under no title: a region of their own, ending where the rows do
      boolean untitledEnds = start >= 0 && title == null && !row;
      boolean ends = !isTitle && start >= 0 && (untitledEnds || endsRegion(line));
      if ((isTitle || ends) && start >= 0) {
        out.add(new Region(title, funds(title), unit, start, from, firstRow < 0 ? from : firstRow));
        start = -1;
      }
      if (isTitle) {
        String t = line.indexOf('\t') >= 0 ? titleCell(line.strip()) : line.strip();
        title = withoutFields(t);
        start = from;
        firstRow = -1;
        var u = UNIT.matcher(line);
        unit = u.find() ? u.group(1) : null;
      } else if (start < 0 && row) {
        title = null;
        start = from;
        firstRow = from;
        unit = unitAbove(text, from);
      } else if (start >= 0) {
        var u = UNIT.matcher(line);
        if (unit == null && u.find()) unit = u.group(1);
        if (firstRow < 0 && line.indexOf('\t') >= 0) firstRow = from;
      }
      if (nl < 0) break;
      from = nl + 1;
    }
    if (start >= 0)
      out.add(
          new Region(
              title, funds(title), unit, start, text.length(), firstRow < 0 ? start : firstRow));
    return new Layout(out);
  }

  /** The unit a caption line right above an untitled table states ({@code 单位：万元}), or null. */
  private static String unitAbove(String text, int lineStart) {
    if (lineStart == 0) return null;
    int prev = text.lastIndexOf('\n', lineStart - 2) + 1;
    var u = UNIT.matcher(text.substring(prev, lineStart - 1));
    return u.find() ? u.group(1) : null;
  }

  /** A part heading or a paragraph of prose ends a table's region; a note under it does not. */
  private static boolean endsRegion(String line) {
    if (line.indexOf('\t') >= 0) return false;
    String l = line.strip();
    if (PART.matcher(l).find()) return true;
    if (l.startsWith("注") || l.startsWith("备注") || l.startsWith("说明")) return false;
    return l.length() >= 30 && (l.contains("。") || l.contains("，"));
  }
}
