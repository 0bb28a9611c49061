package org.gongkai.projects;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.model.Project;
import org.gongkai.model.ProjectReading;

/**
 * Reads the tables keyed by project from a report's clean text: a project table (项目支出总表, 项目支出预算表:
 * one row a project, its amount in the first amount column) and a targets table (项目支出绩效表, 重点项目: one
 * row a project, its amount and its target). A table over several pages is one table (each page
 * repeats its title and header); a name the page wrapped onto a line of its own is joined to its
 * row, and an amount wrapped with it ({@code 811,669.9} above, {@code 7} below) is joined too. Rows
 * are proven by the table's own sums: the rows make the table's total (its {@code 合计} row, or its
 * first row, the department's), or — where a department lists its units with their projects beneath
 * — each unit's row makes its projects and the units the total; a unit row is never a project.
 */
final class ProjectTables {

  private ProjectTables() {}

  /** A title that names a project table, once its number and caption are taken off. */
  private static final Pattern TITLE =
      Pattern.compile(
          "^[^\\t。，；]{0,30}(?:项目支出|重点项目|一级项目)[^\\t。，；]{0,16}表(?:[（(][^）)]{1,12}[）)])?$");

  /** Tables whose title holds 项目 but whose rows are not projects. */
  private static final Pattern NOT_PROJECTS =
      Pattern.compile("采购|转移支付|中期|对下|收支|收入|基本支出|三公|资产|部门整体|按功能|按经济|功能分类|经济分类|填报");

  /** Any table's title (ends the project table before it). */
  private static final Pattern ANY_TITLE =
      Pattern.compile("^[^\\t。，；]{2,40}(?:表|情况)(?:[（(][^）)]{1,12}[）)])?$");

  /**
   * A table's number before its title ({@code 表10：}, {@code 公开05表}, {@code 10.}, {@code （五）}) —
   * never the first digits of a year ({@code 2026年…}).
   */
  private static final Pattern NUMBER_PREFIX =
      Pattern.compile(
          "^(?:(?:公开|单位预算|部门预算)?\\s*(?:表|附表)\\s*[0-9０-９一二三四五六七八九十]{1,3}(?![0-9０-９])\\s*(?:表)?\\s*[：:.．、\\-]?\\s*"
              + "|(?:公开|单位预算|部门预算)?\\s*[0-9０-９一二三四五六七八九十]{1,3}(?![0-9０-９])\\s*(?:表\\s*[：:.．、\\-]?|[：:.．、\\-])\\s*"
              + "|[（(][一二三四五六七八九十]{1,3}[）)]\\s*)");

  private static final Pattern CAPTION_TAIL =
      Pattern.compile("\\s*(?:(?:编制|填报|预算|主管)?(?:部门|单位)(?:名称)?\\s*[:：]|(?:金额)?单位\\s*[:：]).*$");

  /** A caption line: whose table it is, its unit, its number alone. */
  private static final Pattern CAPTION =
      Pattern.compile(
          "^\\s*(?:(?:编制|填报|预算|主管)?(?:部门|单位)(?:名称)?\\s*[:：].*|(?:金额)?单位\\s*[:：].*"
              + "|(?:公开|附|单位预算|部门预算)?\\s*(?:表\\s*[0-9０-９一二三四五六七八九十]{1,3}|[0-9０-９一二三四五六七八九十]{1,3}\\s*表)\\s*"
              + "|[-—\\s]*\\d{1,3}[-—\\s]*)$");

  private static final Pattern ENDS =
      Pattern.compile("^\\s*(?:注[:：]|备注|说明[:：]|第[一二三四五六七八九十]+部分|[一二三四五六七八九十]{1,2}、)");

  /**
   * A cell of digits no amount reads: ９０.００, 90.00万, （90.00）, 90.00*, 90 .00, a scan's 9O.00 — two
   * digits or more and no word but 万 or 元 (a header's 2026年预算数 has its words).
   */
  private static final java.util.function.Predicate<String> DIGITS =
      c -> {
        int digits = 0;
        for (int i = 0; i < c.length(); i++) {
          char ch = c.charAt(i);
          if (ch >= '0' && ch <= '9' || ch >= '０' && ch <= '９') digits++;
          else if (Character.UnicodeScript.of(ch) == Character.UnicodeScript.HAN
              && ch != '万'
              && ch != '元') return false;
        }
        return digits >= 2;
      };

  static final Pattern NUMBER = Pattern.compile("^-?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?$");
  private static final Pattern TOTAL = Pattern.compile("^(?:合计|总计|小计|合\\|计|总\\|计)$");

  /** A header cell naming the project column, and the unit column. */
  private static final Pattern NAME_HEAD = Pattern.compile("项目名称|项目类别|一级项目|项目$");

  private static final Pattern UNIT_HEAD = Pattern.compile("单位名称|预算单位|^单位$");
  private static final Pattern TARGET_HEAD = Pattern.compile("绩效目标|目标");

  private static final int MAX_NAME = 60;

  /** A target's words are kept to this length (a page of them is one target, not a book). */
  private static final int MAX_TARGET = 2_000;

  /** A continued table's mark: 表7（续）, …预算表(续表). */
  private static final Pattern CONTINUED = Pattern.compile("[（(]\\s*续\\s*表?\\s*[)）]|续表$");

  /** A page's number ({@code 第 3 页}, {@code - 21 -}, {@code 3/12}): the page's, not a name's. */
  private static final Pattern PAGE =
      Pattern.compile(
          "^(?:第\\s*\\d+\\s*页.*|[-—\\s]*\\d+[-—\\s]*|\\d+\\s*/\\s*\\d+|共\\s*\\d+\\s*页.*)$");

  /** A sentence's punctuation: a line holding it is a target's or a note's words, not a name's. */
  private static final Pattern PROSE = Pattern.compile("[，。；！？]");

  private static final int MAX_FRAGMENT = 24;

  /** One row of a table as read. */
  record Row(
      String unit,
      String name,
      BigDecimal amount,
      String asWritten,
      List<BigDecimal> parts,
      String target,
      int start,
      int end,
      int amountStart,
      int amountEnd) {
    Row withName(String n, int e) {
      return new Row(unit, n, amount, asWritten, parts, target, start, e, amountStart, amountEnd);
    }

    Row withUnit(String u) {
      return new Row(u, name, amount, asWritten, parts, target, start, end, amountStart, amountEnd);
    }

    Row withTarget(String t) {
      return new Row(unit, name, amount, asWritten, parts, t, start, end, amountStart, amountEnd);
    }
  }

  /**
   * One table read: its title and where it starts, its kind, its rows; {@code dropped} counts the
   * lines holding an amount that were read as no row (a row without a name, an amount alone on a
   * line): where any was, the rows may not be all the table's.
   */
  record Read(
      String title,
      boolean targets,
      int start,
      int end,
      String unit,
      String scope,
      List<Row> rows,
      int dropped) {}

  static List<Read> find(String text) {
    List<int[]> lines = Lines.of(text);
    List<Read> out = new ArrayList<>();
    int i = 0;
    while (i < lines.size()) {
      String title = title(Lines.at(text, lines.get(i)));
      if (title == null) title = sentenceTitle(text, lines, i);
      if (title == null) {
        i++;
        continue;
      }
      int end = regionEnd(text, lines, i + 1, title);
      Read r = read(text, lines, i, end, title);
      if (r != null && !r.rows().isEmpty()) out.add(r);
      i = Math.max(end, i + 1);
    }
    return out;
  }

  /** The project table a line names, or null. */
  static String title(String line) {
    // most lines name no table: two look-ups before any pattern
    if (line.indexOf('表') < 0 || line.indexOf("项目") < 0) return null;
    String s = line.strip();
    if (s.length() > 90 || s.indexOf('\t') >= 0 && !s.replace("\t", "").contains("表")) return null;
    s = s.replace("\t", "");
    // a page's 续表 is the table going on: its title is the table's
    s = CONTINUED.matcher(s).replaceAll("");
    s = NUMBER_PREFIX.matcher(s).replaceFirst("");
    s = CAPTION_TAIL.matcher(s).replaceFirst("").strip();
    if (!TITLE.matcher(s).matches() || NOT_PROJECTS.matcher(s).find()) return null;
    return s;
  }

  /**
   * A table of targets introduced by a sentence rather than titled ({@code 2026年，本单位重点项目绩效目标情况如下：}
   * over a header naming a project column and a targets column): the sentence, its {@code 如下：}
   * taken off, is its title.
   */
  static String sentenceTitle(String text, List<int[]> lines, int i) {
    String s = Lines.at(text, lines.get(i)).strip();
    if (s.length() > 60 || s.indexOf('\t') >= 0 || s.indexOf("项目") < 0) return null;
    if (!s.endsWith("如下：") && !s.endsWith("如下:")) return null;
    for (int j = i + 1; j < lines.size() && j <= i + 3; j++) {
      String h = Lines.at(text, lines.get(j));
      if (h.isBlank()) continue;
      if (h.indexOf('\t') < 0) return null;
      boolean name = false, target = false;
      for (String c : h.split("\t")) {
        String cell = c.strip();
        if (cell.length() <= 12 && NAME_HEAD.matcher(cell).find()) name = true;
        if (cell.length() <= 8 && TARGET_HEAD.matcher(cell).find()) target = true;
      }
      if (!name || !target) return null;
      return s.substring(0, s.length() - 3).replaceAll("[，,\\s]+$", "");
    }
    return null;
  }

  /** The line after the table's last: another table's title, a note, a heading. */
  private static int regionEnd(String text, List<int[]> lines, int from, String title) {
    boolean rowsSeen = false;
    for (int j = from; j < lines.size(); j++) {
      String line = Lines.at(text, lines.get(j));
      String s = line.strip();
      if (s.isEmpty()) continue;
      boolean row = line.indexOf('\t') >= 0;
      if (row) {
        rowsSeen = true;
        continue;
      }
      String t = title(s);
      if (t != null) {
        if (t.equals(title)) continue; // the next page's repeat
        return j;
      }
      String bare =
          CAPTION_TAIL.matcher(NUMBER_PREFIX.matcher(s).replaceFirst("")).replaceFirst("");
      if (ANY_TITLE.matcher(bare).matches() && !CAPTION.matcher(s).matches()) return j;
      if (ENDS.matcher(s).find() && !repeatsAfter(text, lines, j + 1, title)) return j;
      // a table of contents: titles one after another, no row between
      if (!rowsSeen && j - from > 6) return j;
    }
    return lines.size();
  }

  /** The read of a table's lines, one line after another. */
  private static final class Reader {
    final String text;
    final List<int[]> lines;
    final boolean targets;
    int nameCol = -1, unitCol = -1;

    /** The header names a column of targets: lines between rows are their words. */
    boolean targetColumn;

    String unit = "万元";
    final List<Row> rows = new ArrayList<>();
    boolean header = true;

    /** Lines after the header holding an amount and read as no row. */
    int dropped;

    /** A name's line without figures, not yet known to end the row above or begin the one below. */
    String fragment;

    int fragmentStart, fragmentEnd;

    Reader(String text, List<int[]> lines, boolean targets) {
      this.text = text;
      this.lines = lines;
      this.targets = targets;
    }

    String line(int j) {
      return Lines.at(text, lines.get(j));
    }

    /** The fragment held ends the row above. */
    void flush() {
      if (fragment == null) return;
      if (!rows.isEmpty()) {
        Row last = rows.get(rows.size() - 1);
        // the unit column's cell wrapped (its bracket left open), or the name's
        if (last.unit() != null && opens(last.unit()))
          rows.set(rows.size() - 1, last.withUnit(last.unit() + fragment));
        else if (last.name().length() + fragment.length() <= MAX_NAME)
          rows.set(rows.size() - 1, last.withName(last.name() + fragment, fragmentEnd));
      }
      fragment = null;
    }

    /** A line that can only be a piece of a wrapped name. */
    boolean isFragment(int j, int end) {
      if (j >= end) return false;
      String l = line(j);
      String s = l.strip();
      return l.indexOf('\t') < 0
          && !s.isEmpty()
          && s.length() <= MAX_FRAGMENT
          && !NUMBER.matcher(s).matches()
          && !PROSE.matcher(s).find()
          && s.indexOf('：') < 0
          && s.indexOf(':') < 0
          && !PAGE.matcher(s).matches()
          && !CAPTION.matcher(s).matches()
          && title(s) == null
          && !ENDS.matcher(s).find();
    }

    void read(int from, int end) {
      for (int j = from; j < end; j++) {
        int[] at = lines.get(j);
        String line = line(j);
        String s = line.strip();
        if (s.isEmpty()) continue;
        Matcher u = UNIT.matcher(line);
        while (u.find()) unit = u.group(1);
        if (line.indexOf('\t') < 0) {
          if (CAPTION.matcher(s).matches() || title(s) != null) {
            flush();
            header = true; // a page's caption: its header rows follow
            continue;
          }
          if (header || rows.isEmpty()) continue; // a header's word
          Row last = rows.get(rows.size() - 1);
          // a table with a column of targets (绩效目标): its lines without cells are a target's words
          if (targets || targetColumn) {
            // a name the page wrapped beside its target (信息化（财政审 above, 核）体系，通过… below):
            // its bracket closes within the line's first words, the rest is the target's
            // (or the unit's: 深圳市统计局（本 above, 级）障，2026年… below)
            int close = closing(s);
            if (close >= 0 && close < 12 && last.unit() != null && opens(last.unit())) {
              last = last.withUnit(last.unit() + s.substring(0, close + 1));
              s = s.substring(close + 1);
            } else if (close >= 0 && close < 12 && opens(last.name())) {
              int at0 = at[0] + line.indexOf(s);
              last = last.withName(last.name() + s.substring(0, close + 1), at0 + close + 1);
              s = s.substring(close + 1);
            }
            if (targets && last.target() != null && last.target().length() < MAX_TARGET)
              last = last.withTarget(last.target() + s);
            rows.set(rows.size() - 1, last);
            continue;
          }
          if (!isFragment(j, end)) {
            if (NUMBER.matcher(s).matches()) dropped++;
            continue;
          }
          flush();
          fragment = s;
          fragmentStart = at[0] + line.indexOf(s);
          fragmentEnd = fragmentStart + s.length();
          continue;
        }
        List<String> cells = List.of(line.split("\t", -1));
        int firstNumber = firstNumber(cells);
        if (firstNumber < 0) {
          flush();
          // a row past the header with digits none of which reads as an amount (９０.００, 90.00万,
          // （90.00）): a row, unread
          if (!header && !targets && !targetColumn && cells.stream().anyMatch(DIGITS)) dropped++;
          headerRow(cells, cellStarts(line, at[0]));
          continue;
        }
        if (isColumnNumbers(cells)) continue;
        header = false;
        List<Integer> starts = cellStarts(line, at[0]);
        int nc = nameColumn(cells, firstNumber);
        String name = nc < 0 ? "" : cells.get(nc).strip();
        int amountCol = amountColumn(cells, nc, firstNumber);
        if (amountCol < 0) {
          dropped++;
          continue;
        }
        String rowUnit =
            unitCol >= 0 && unitCol < nc && !cells.get(unitCol).isBlank()
                ? cells.get(unitCol).strip()
                : null;
        int nameStart = nc >= 0 ? starts.get(nc) : at[0];
        // an amount the page wrapped around its row: its head here, the row below with its first
        // amount cell blank, its last digits on the line after
        if (!targets && isHead(cells) && j + 1 < end && blankAt(line(j + 1), amountCol)) {
          flush();
          j += wrapped(cells, name, rowUnit, nameStart, j, end);
          continue;
        }
        String target = null;
        if (targets) {
          StringBuilder t = new StringBuilder();
          for (int c = amountCol + 1; c < cells.size(); c++)
            if (!NUMBER.matcher(cells.get(c).strip()).matches()) t.append(cells.get(c).strip());
          target = t.toString();
        }
        List<BigDecimal> parts = new ArrayList<>();
        for (int c = amountCol + 1; c < cells.size(); c++)
          if (NUMBER.matcher(cells.get(c).strip()).matches()) parts.add(decimal(cells.get(c)));
        String written = cells.get(amountCol).strip();
        // a row whose first amount is blank, its head not above it: its amount is unread
        boolean blankFirst =
            !targets && nameCol < 0 && nc >= 0 && nc + 1 < amountCol && cells.get(nc + 1).isBlank();
        int nameEnd = nameStart + name.length();
        if (fragment != null) {
          // a line above a row begins its name when the row's name goes on below it too and the
          // line is as wide as the row's (a cell of three lines, its figures on the middle one)
          String below = isFragment(j + 1, end) ? line(j + 1).strip() : null;
          if (below != null
              && fragment.length() >= name.length() - 3
              && fragment.length() >= below.length()) {
            name = fragment + name;
            nameStart = fragmentStart;
            fragment = null;
          } else flush();
        }
        if (name.isEmpty()) {
          dropped++;
          continue;
        }
        int amountStart = starts.get(amountCol);
        rows.add(
            new Row(
                rowUnit,
                name,
                blankFirst ? null : decimal(written),
                blankFirst ? "" : written,
                parts,
                target,
                nameStart,
                nameEnd,
                blankFirst ? -1 : amountStart,
                blankFirst ? -1 : amountStart + written.length()));
      }
      flush();
    }

    /**
     * Reads a row whose amount the page wrapped (head on line j, the row on j + 1, the tail on j +
     * 2); returns how many lines past j it took.
     */
    private int wrapped(
        List<String> cells, String name, String rowUnit, int nameStart, int j, int end) {
      List<String> head = numbers(cells);
      List<String> mid = List.of(line(j + 1).split("\t", -1));
      String midName =
          mid.isEmpty() || NUMBER.matcher(mid.get(0).strip()).matches() ? "" : mid.get(0).strip();
      List<String> tail = j + 2 < end ? tailOf(line(j + 2), head.size()) : null;
      List<BigDecimal> parts = new ArrayList<>();
      String written = head.get(0);
      BigDecimal amount = null;
      String tailName = "";
      if (tail != null) {
        written = head.get(0) + tail.get(0);
        for (int k = 1; k < head.size(); k++) {
          String p = head.get(k) + tail.get(k);
          if (NUMBER.matcher(p).matches()) parts.add(decimal(p));
        }
        tailName = tailName(line(j + 2));
        if (NUMBER.matcher(written).matches()) amount = decimal(written);
      }
      for (String m : mid) if (NUMBER.matcher(m.strip()).matches()) parts.add(decimal(m));
      if (amount == null) {
        // the page ended before the tail: the amount is its parts' sum where the head begins it
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal p : parts) sum = sum.add(p);
        String bare = written.replace(",", "");
        if (parts.size() >= 2 && bare.length() >= 3 && sum.toPlainString().startsWith(bare)) {
          amount = sum;
          written = written + "…"; // as printed: its last digits are not on the page
        }
      }
      String whole = name + midName + tailName;
      // the amount over lines has no one place: none is given
      rows.add(
          new Row(
              rowUnit,
              whole,
              amount,
              written,
              parts,
              null,
              nameStart,
              nameStart + whole.length(),
              -1,
              -1));
      return tail != null ? 2 : 1;
    }

    private void headerRow(List<String> cells, List<Integer> starts) {
      if (rows.isEmpty()) {
        for (int c = 0; c < cells.size(); c++) {
          String h = cells.get(c).strip();
          if (nameCol < 0 && NAME_HEAD.matcher(h).find() && h.length() <= 12) nameCol = c;
          if (unitCol < 0 && UNIT_HEAD.matcher(h).find() && h.length() <= 12) unitCol = c;
          if (TARGET_HEAD.matcher(h).find() && h.length() <= 8) targetColumn = true;
        }
      } else if (!targets) {
        header = true; // a later page's header
      } else {
        // a target's text wrapped onto a row of its own cells
        Row last = rows.get(rows.size() - 1);
        // (its unit's and its name's cells going on in their columns: 理局（本级） | 管理专项经费 | 学校周边…)
        if (last.target() == null || last.target().length() >= MAX_TARGET) return;
        StringBuilder target = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
          String x = cells.get(c).strip();
          if (x.isEmpty()) continue;
          if (c == unitCol && last.unit() != null && c < cells.size() - 1)
            last = last.withUnit(last.unit() + x);
          else if (c == nameCol
              && c < cells.size() - 1
              && x.length() <= MAX_FRAGMENT
              && last.name().length() + x.length() <= MAX_NAME)
            last = last.withName(last.name() + x, starts.get(c) + x.length());
          else target.append(x);
        }
        rows.set(rows.size() - 1, last.withTarget(last.target() + target));
      }
    }

    /** The name column's cell, or the last word cell before the first amount. */
    private int nameColumn(List<String> cells, int firstNumber) {
      // the header's name column where the row has a name there (a 序号 before it is no amount)
      if (nameCol >= 0
          && nameCol < cells.size()
          && !cells.get(nameCol).isBlank()
          && !NUMBER.matcher(cells.get(nameCol).strip()).matches()) return nameCol;
      for (int c = firstNumber - 1; c >= 0; c--)
        if (!cells.get(c).isBlank() && !NUMBER.matcher(cells.get(c).strip()).matches()) return c;
      return -1;
    }

    /** The first number after the name column (a 序号 before it is no amount). */
    private int amountColumn(List<String> cells, int nc, int firstNumber) {
      if (nameCol < 0 || nc != nameCol) return firstNumber;
      for (int c = nameCol + 1; c < cells.size(); c++)
        if (NUMBER.matcher(cells.get(c).strip()).matches()) return c;
      return -1;
    }
  }

  /** The table's title again within a few lines: a page's note, and the table goes on. */
  private static boolean repeatsAfter(String text, List<int[]> lines, int from, String title) {
    for (int j = from, seen = 0; j < lines.size() && seen < 4; j++) {
      String s = Lines.at(text, lines.get(j)).strip();
      if (s.isEmpty()) continue;
      seen++;
      if (title.equals(title(s))) return true;
    }
    return false;
  }

  private static Read read(String text, List<int[]> lines, int titleLine, int end, String title) {
    boolean targets = title.contains("绩效") || title.contains("重点项目");
    Reader r = new Reader(text, lines, targets);
    // the title's own line may say the unit (项目支出预算表  单位：元)
    Matcher u = UNIT.matcher(Lines.at(text, lines.get(titleLine)));
    while (u.find()) r.unit = u.group(1);
    r.read(titleLine + 1, end);
    if (targets && r.nameCol < 0) return null; // a form's title, not a table of projects
    String scope = title.contains("财政拨款") ? "财政拨款" : targets ? null : "全部";
    return new Read(
        title,
        targets,
        lines.get(titleLine)[0],
        lines.get(end - 1)[1],
        r.unit,
        scope,
        r.rows,
        r.dropped);
  }

  private static int firstNumber(List<String> cells) {
    for (int c = 0; c < cells.size(); c++)
      if (NUMBER.matcher(cells.get(c).strip()).matches()) return c;
    return -1;
  }

  /** A wrapped amount's head: one or two numbers, at most a word (the name's first line). */
  private static boolean isHead(List<String> cells) {
    List<String> n = numbers(cells);
    return !n.isEmpty() && n.size() <= 2 && countWords(cells) <= 1;
  }

  private static List<String> numbers(List<String> cells) {
    List<String> out = new ArrayList<>();
    for (String c : cells) if (NUMBER.matcher(c.strip()).matches()) out.add(c.strip());
    return out;
  }

  private static final Pattern TAIL_PIECE = Pattern.compile("^(?:\\.?\\d{1,3}|\\.\\d{1,2})$");

  /** A wrapped amount's tail: as many digit pieces as the head had numbers, at most a word. */
  private static List<String> tailOf(String line, int pieces) {
    if (line.indexOf('\t') < 0) return null;
    List<String> out = new ArrayList<>();
    int words = 0;
    for (String c : line.split("\t", -1)) {
      String s = c.strip();
      if (s.isEmpty()) continue;
      if (TAIL_PIECE.matcher(s).matches()) out.add(s);
      else words++;
    }
    return out.size() == pieces && words <= 1 ? out : null;
  }

  private static String tailName(String line) {
    for (String c : line.split("\t", -1)) {
      String s = c.strip();
      if (!s.isEmpty() && !TAIL_PIECE.matcher(s).matches()) return s;
    }
    return "";
  }

  /** A table's unit: the last said on a line, a whole word ({@code 元} of 元谋县 is none). */
  private static final Pattern UNIT =
      Pattern.compile("单位\\s*[:：]\\s*(万元|元|千元|亿元)(?![\\u4e00-\\u9fa5])");

  /**
   * A row whose cell in the amount's column is blank and whose amounts follow it: the row of an
   * amount wrapped around it (a row of a table with a 序号 column, its next 序号 where the amount would
   * be wrapped, is not one).
   */
  private static boolean blankAt(String line, int amountCol) {
    if (line.indexOf('\t') < 0) return false;
    String[] cells = line.split("\t", -1);
    if (amountCol >= cells.length || !cells[amountCol].isBlank()) return false;
    int after = 0;
    for (int c = amountCol + 1; c < cells.length; c++)
      if (NUMBER.matcher(cells[c].strip()).matches()) after++;
    return after >= 2;
  }

  private static int countWords(List<String> cells) {
    int n = 0;
    for (String c : cells) if (!c.isBlank() && !NUMBER.matcher(c.strip()).matches()) n++;
    return n;
  }

  private static List<BigDecimal> allNumbers(List<String> cells) {
    List<BigDecimal> out = new ArrayList<>();
    for (String c : cells) if (NUMBER.matcher(c.strip()).matches()) out.add(decimal(c));
    return out;
  }

  /** A row of column numbers ({@code ** 1 2 3 …}): no figure. */
  private static boolean isColumnNumbers(List<String> cells) {
    int expect = 1;
    boolean any = false;
    for (String c : cells) {
      String s = c.strip();
      if (s.isEmpty() || s.equals("**") || s.equals("栏次") || s.equals("*")) continue;
      if (!s.equals(String.valueOf(expect))) return false;
      expect++;
      any = true;
    }
    return any && expect > 2;
  }

  private static List<Integer> cellStarts(String line, int offset) {
    List<Integer> out = new ArrayList<>();
    int from = 0;
    for (String cell : line.split("\t", -1)) {
      int lead = 0;
      while (lead < cell.length() && Character.isWhitespace(cell.charAt(lead))) lead++;
      out.add(offset + from + lead);
      from += cell.length() + 1;
    }
    return out;
  }

  /** Where the bracket a line's first words close is closed ({@code 核）体系…}: 1), or -1. */
  static int closing(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '）' || c == ')') return i;
      if (c == '（' || c == '(' || c == '，' || c == '。') return -1;
    }
    return -1;
  }

  /** A bracket opened and not closed: the cell goes on on the next line. */
  static boolean opens(String s) {
    int open = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '（' || c == '(') open++;
      else if ((c == '）' || c == ')') && open > 0) open--;
    }
    return open > 0;
  }

  static BigDecimal decimal(String written) {
    return new BigDecimal(written.strip().replace(",", ""));
  }

  static boolean isTotal(String name) {
    return TOTAL.matcher(name.replaceAll("\\s", "")).matches();
  }

  // ---- proving a table by its sums ----

  /** The rows' roles: which is the total, which are units (subtotals), which projects. */
  record Tree(int total, List<Integer> units, List<Integer> projects, boolean closed) {}

  /**
   * How a table's rows make its total. The total is a 合计 row or the first row; the rest make it
   * either as projects alone, or as units each made by the projects beneath it. Not closed when
   * neither holds (or a row's amount is unread): then every row but a 合计 is a project, unproven.
   */
  static Tree tree(List<Row> rows) {
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) all.add(i);
    // the table's total: its 合计 (or 总计), else its first 小计
    int total = -1;
    for (int i : all)
      if (isTotal(rows.get(i).name())
          && (total < 0
              || rows.get(total).name().contains("小") && !rows.get(i).name().contains("小")))
        total = i;
    boolean unread = rows.stream().anyMatch(r -> r.amount() == null);
    List<Integer> rest = new ArrayList<>(all);
    // every 合计/小计 row is a total, never a project (the first one is the table's)
    rest.removeIf(i -> isTotal(rows.get(i).name()));
    if (!unread) {
      if (total >= 0) {
        Tree t = close(rows, total, rest);
        if (t != null) return t;
      } else if (rows.size() >= 2) {
        Tree t = close(rows, 0, rest.subList(1, rest.size()));
        if (t != null) return t;
      }
    }
    // unproven: every row but the total is a project — except a row stating the total's very
    // amount beside other rows, which is a unit's or the department's line repeating it
    List<Integer> projects = new ArrayList<>();
    List<Integer> repeats = new ArrayList<>();
    BigDecimal whole = total >= 0 ? rows.get(total).amount() : null;
    // without a 合计, a first row at least nine tenths of all the rest together can only be the
    // department's or a unit's line (a table whose sums failed by a little): no project either
    if (whole == null && rest.size() > 2 && rows.get(rest.get(0)).amount() != null) {
      BigDecimal others = BigDecimal.ZERO;
      for (int i : rest.subList(1, rest.size()))
        if (rows.get(i).amount() != null) others = others.add(rows.get(i).amount());
      if (rows.get(rest.get(0)).amount().compareTo(others.multiply(new BigDecimal("0.9"))) >= 0
          && others.signum() > 0) whole = rows.get(rest.get(0)).amount();
    }
    for (int i : rest) {
      BigDecimal a = rows.get(i).amount();
      if (whole != null && a != null && rest.size() > 2 && a.compareTo(whole) == 0) repeats.add(i);
      else projects.add(i);
    }
    return new Tree(total, repeats, projects, false);
  }

  private static Tree close(List<Row> rows, int total, List<Integer> members) {
    BigDecimal sum = BigDecimal.ZERO;
    for (int i : members) sum = sum.add(rows.get(i).amount());
    if (near(sum, rows.get(total).amount(), members.size()))
      return new Tree(total, List.of(), List.copyOf(members), true);
    // units each made by the rows beneath them, the units making the total (a table of thousands
    // of rows is no department's: its partitions are not tried, nor is the recursion that deep)
    if (members.size() > MAX_PARTITIONED) return null;
    List<Integer> heads = groups(rows, members, 0, new java.util.BitSet());
    if (heads == null) return null;
    BigDecimal units = BigDecimal.ZERO;
    for (int h : heads) units = units.add(rows.get(h).amount());
    if (!near(units, rows.get(total).amount(), heads.size())) return null;
    List<Integer> projects = new ArrayList<>(members);
    projects.removeAll(heads);
    return new Tree(total, heads, projects, true);
  }

  private static final int MAX_PARTITIONED = 2_000;

  /** Heads partitioning members[from..] into runs (head, its projects), or null. */
  private static List<Integer> groups(
      List<Row> rows, List<Integer> members, int from, java.util.BitSet failed) {
    if (from == members.size()) return new ArrayList<>();
    // whether the rows from here partition depends on here alone: each start tried once (rows of
    // 0.00 fit every tolerance, and without this the tries grow exponentially)
    if (failed.get(from)) return null;
    BigDecimal head = rows.get(members.get(from)).amount();
    BigDecimal sum = BigDecimal.ZERO;
    for (int k = from + 1; k < members.size(); k++) {
      sum = sum.add(rows.get(members.get(k)).amount());
      int n = k - from;
      if (near(sum, head, n)) {
        List<Integer> rest = groups(rows, members, k + 1, failed);
        if (rest != null) {
          rest.add(0, members.get(from));
          return rest;
        }
      }
      if (sum.compareTo(head.add(slack(n))) > 0) break;
    }
    failed.set(from);
    return null;
  }

  /** Equal within what rounding each of {@code n} parts may leave (本套报表…尾数误差). */
  static boolean near(BigDecimal a, BigDecimal b, int n) {
    return a.subtract(b).abs().compareTo(slack(n)) <= 0;
  }

  private static BigDecimal slack(int n) {
    return new BigDecimal("0.006")
        .multiply(BigDecimal.valueOf(Math.max(1, n)))
        .max(new BigDecimal("0.011"));
  }

  /** The projects a table's rows hold, each with its proof; the table with its status. */
  static List<Project> projects(Read r, Tree t, List<ProjectReading.Table> tables) {
    List<Project> out = new ArrayList<>();
    for (int i : t.projects()) {
      Row row = r.rows().get(i);
      if (row.amount() == null) continue;
      String proof = t.closed() ? "sums" : partsHold(row) ? "parts" : "stated";
      String unitName = row.unit();
      // a unit's row names the projects beneath it only where the sums prove it is theirs
      if (unitName == null && t.closed())
        for (int h : t.units()) if (h < i) unitName = r.rows().get(h).name();
      BigDecimal wan = wan(row.amount(), r.unit());
      out.add(
          new Project(
              row.name(),
              ProjectKeys.key(row.name()),
              unitName,
              wan,
              row.asWritten() + r.unit(),
              r.scope(),
              row.target() == null || row.target().isBlank() ? null : row.target(),
              r.targets() ? "targets" : "table",
              r.title(),
              row.start(),
              row.end(),
              proof));
    }
    boolean unread = r.rows().stream().anyMatch(x -> x.amount() == null);
    BigDecimal total =
        t.total() >= 0 && r.rows().get(t.total()).amount() != null
            ? wan(r.rows().get(t.total()).amount(), r.unit())
            : null;
    // a 合计 the rows do not make, every row read and its own parts making it: the table's
    // rows fall short of (or exceed) its total — the report's, not the reading's
    BigDecimal difference = null;
    // (and no line of the table holding an amount was left unread: a row missed is no shortfall)
    if (!t.closed() && !unread && total != null && t.units().isEmpty() && r.dropped() == 0) {
      boolean rowsProven = true;
      BigDecimal sum = BigDecimal.ZERO;
      for (int i : t.projects()) {
        Row row = r.rows().get(i);
        sum = sum.add(row.amount());
        if (!partsHold(row)) rowsProven = false;
      }
      if (rowsProven) difference = total.subtract(wan(sum, r.unit()));
    }
    tables.add(
        new ProjectReading.Table(
            r.title(),
            r.targets() ? "targets" : "amounts",
            r.start(),
            r.rows().size(),
            t.projects().size(),
            total,
            difference,
            t.closed() ? "sums" : unread ? "unread" : difference != null ? "differs" : "open"));
    return out;
  }

  /**
   * A row whose funding columns make its amount (one column alone where the rest are blank: two
   * cells agreeing).
   */
  static boolean partsHold(Row row) {
    if (row.parts().isEmpty()) return false;
    BigDecimal sum = BigDecimal.ZERO;
    for (BigDecimal p : row.parts()) sum = sum.add(p);
    return near(sum, row.amount(), row.parts().size());
  }

  /**
   * An amount in 万元, with as many decimals as it needs and at least two (4,100,000.00元: 410.00).
   */
  static BigDecimal wan(BigDecimal amount, String unit) {
    BigDecimal w =
        switch (unit) {
          case "元" -> amount.movePointLeft(4);
          case "千元" -> amount.movePointLeft(1);
          case "亿元" -> amount.movePointRight(4);
          default -> amount;
        };
    if (w.equals(amount)) return w;
    w = w.stripTrailingZeros();
    return w.scale() < 2 ? w.setScale(2) : w;
  }
}
