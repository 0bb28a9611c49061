package org.gongkai.indicators;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.gongkai.model.ColumnRole;
import org.gongkai.model.IndicatorFlag;
import org.gongkai.model.IndicatorFlag.Severity;
import org.gongkai.model.Quote;
import org.gongkai.model.RowCode;
import org.gongkai.model.Section;
import org.gongkai.model.TextTable;
import org.gongkai.text.Tables;

/**
 * The arithmetic a table must satisfy, read from its rows: a subject's 类 row is the sum of its 款
 * rows and a 款 row the sum of its 项 rows, in every column of figures; the 合计 row is the sum of the
 * 类 rows; in a row, 合计 is the sum of its parts (基本支出 + 项目支出 …); and a summary table's ledger
 * balances and adds up ({@link Ledger}).
 *
 * <p>A table misread (columns run together by a PDF, a header taken for a row) fails many of its
 * sums at once; a table whose sums mostly hold and one fails has a wrong figure. So a table's
 * failures are flagged only where most of its sums hold: at least {@link #MIN_HOLDING} and no fewer
 * than twice its failures. Blank cells are zeros, as the tables leave them. Pure.
 */
final class TableChecks {

  private TableChecks() {}

  /** How many sums of a table must hold before its failures are believed. */
  static final int MIN_HOLDING = 2;

  /** One sum of a table: what it says, what its parts add up to, and where. */
  /**
   * An identity of a table: {@code what} states {@code stated}, its {@code terms} parts add up to
   * {@code parts}; {@code rows}: the rows whose cells it reads (the stated one first).
   */
  record Sum(
      String what,
      BigDecimal stated,
      BigDecimal parts,
      int terms,
      Quote at,
      List<Integer> rows,
      List<BigDecimal> shifts) {
    Sum(String what, BigDecimal stated, BigDecimal parts, int terms, Quote at, List<Integer> rows) {
      this(what, stated, parts, terms, at, rows, List.of());
    }

    /** Most short rows a sum is tried with read either way; with more it is not judged. */
    static final int MAX_SHIFTS = 12;

    /**
     * It holds as read, or as some of its short rows read otherwise ({@link ShortRows#aligned})
     * make it: {@code shifts} are what reading each of them so adds to its parts minus its total.
     */
    boolean holds() {
      if (holdsAsPlaced()) return true;
      if (shifts.isEmpty()) return false;
      if (shifts.size() > MAX_SHIFTS) return true;
      for (int mask = 1; mask < 1 << shifts.size(); mask++) {
        BigDecimal p = parts;
        for (int k = 0; k < shifts.size(); k++) if ((mask & 1 << k) != 0) p = p.add(shifts.get(k));
        if (close(stated, p, terms)) return true;
      }
      return false;
    }

    boolean holdsAsPlaced() {
      return close(stated, parts, terms);
    }

    static boolean close(BigDecimal stated, BigDecimal parts, int terms) {
      // a unit of the last digit written per term: a cent of 万元, or one 元 of a table in whole 元
      int scale = Math.max(0, Math.max(stated.scale(), parts.scale()));
      BigDecimal cent = BigDecimal.ONE.movePointLeft(scale);
      return stated.subtract(parts).abs().compareTo(cent.multiply(BigDecimal.valueOf(terms + 1)))
          <= 0;
    }
  }

  /**
   * What reading row {@code r}'s cell {@code c} aligned rather than placed adds to a sum's parts
   * ({@code sign} 1) or its total ({@code sign} -1), into {@code shifts} when it changes anything.
   */
  static void shift(ShortRows cells, int r, int c, int sign, List<BigDecimal> shifts) {
    BigDecimal placed = cells.placed(r, c), aligned = cells.aligned(r, c);
    BigDecimal d =
        (aligned == null ? BigDecimal.ZERO : aligned)
            .subtract(placed == null ? BigDecimal.ZERO : placed);
    if (d.signum() != 0) shifts.add(sign > 0 ? d : d.negate());
  }

  /** How many tables had their sums checked, and how many of them were not understood. */
  static final class Tally {
    int summed, misread;
  }

  static List<IndicatorFlag> check(String text, List<Section> sections, List<Ledger> ledgers) {
    return check(text, sections, ledgers, new Tally());
  }

  static List<IndicatorFlag> check(
      String text, List<Section> sections, List<Ledger> ledgers, Tally tally) {
    List<IndicatorFlag> out = new ArrayList<>();
    for (TextTable t : joined(text, sections)) {
      TimeLimit.check();
      table(t, text, 0, out, tally);
    }
    for (Ledger l : ledgers) {
      TimeLimit.check();
      LedgerChecks.ledger(l, text, out);
    }
    return out;
  }

  /**
   * The document's tables, each piece a page break cut off joined to the piece before it: the same
   * title (or none) and the same columns, with nothing between them but the page's number and the
   * repeated caption and header ({@code 表 7 / 一般公共预算支出表（按功能分类） / 单位：万元} over the rows that go on).
   * Offsets are the document's. A table is summed only once it is whole.
   */
  static List<TextTable> joined(String text, List<Section> sections) {
    List<TextTable> all = new ArrayList<>();
    for (Section s : sections) {
      int tab = text.indexOf('\t', s.start());
      if (tab < 0 || tab >= s.end()) continue;
      for (TextTable t : SectionTables.of(text, s)) all.add(shifted(t, s.start()));
    }
    List<TextTable> out = new ArrayList<>();
    for (TextTable t : all) {
      TextTable last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && goesOn(text, last, t)) out.set(out.size() - 1, join(last, t));
      else out.add(t);
    }
    return out;
  }

  /** A line of a page's furniture between two pieces of a table: its number, a blank. */
  private static final java.util.regex.Pattern PAGE_LINE =
      java.util.regex.Pattern.compile(
          "[\\s\\-－—–第页共/\\d]*|(?:续表|表)\\s*[0-9一二三四五六七八九十]+(?:[-－—][0-9]+)?\\s*(?:[（(]续[）)])?"
              + "|[（(]?续[表）)]?[）)]?|(?:部门名称|单位名称|编制单位|预算单位|部门|单位)\\s*[：:].*|.*单位\\s*[：:]\\s*(?:亿元|万元|元)");

  /** Whether {@code next} is the rest of {@code table}, cut off by a page break. */
  private static boolean goesOn(String text, TextTable table, TextTable next) {
    if (next.captionStart() < table.end()) return false;
    String a = norm(table.title()), b = norm(next.title());
    if (b != null && !b.equals(a)) return false;
    if (next.width() != table.width() || !sameHeads(table, next)) return false;
    // only a page's furniture between them: its number, the caption repeated (title, 表 7, 单位)
    String gap = text.substring(table.end(), next.captionStart());
    for (String line : gap.split("\n")) {
      String l = line.strip();
      if (l.isEmpty() || PAGE_LINE.matcher(l).matches()) continue;
      return false;
    }
    // the rows go on: the next piece's first subject is not where a table begins again
    return firstCode(next) == null
        || firstCode(table) == null
        || !firstCode(next).equals(firstCode(table));
  }

  private static boolean sameHeads(TextTable a, TextTable b) {
    if (b.headerRows() == 0) return true; // the header not repeated
    for (int c = 0; c < a.width(); c++) {
      String x = c < a.heads().size() ? a.heads().get(c).replaceAll("\\s", "") : "";
      String y = c < b.heads().size() ? b.heads().get(c).replaceAll("\\s", "") : "";
      if (!x.equals(y) && !x.isEmpty() && !y.isEmpty()) return false;
    }
    return true;
  }

  private static String firstCode(TextTable t) {
    for (RowCode c : t.codes()) if (c != null) return c.code();
    return null;
  }

  /** Whether a line is a page's furniture between two pieces of a table ({@link #PAGE_LINE}). */
  static boolean pageLine(String line) {
    return PAGE_LINE.matcher(line).matches();
  }

  /** Whether two titles name one table (a piece's title may say 续). */
  static boolean sameTitle(String a, String b) {
    String x = norm(a), y = norm(b);
    return x != null && !x.isEmpty() && x.equals(y);
  }

  private static String norm(String title) {
    // 一般公共预算基本支出表（续）, 续表: the same table's title
    return title == null
        ? null
        : CONTINUED.matcher(SPACE.matcher(title).replaceAll("")).replaceAll("");
  }

  private static final java.util.regex.Pattern SPACE =
      java.util.regex.Pattern.compile("[\\s\u3000]");
  private static final java.util.regex.Pattern CONTINUED =
      java.util.regex.Pattern.compile("[（(]续[）)]$|^续表|^续");

  private static TextTable shifted(TextTable t, int base) {
    List<List<Integer>> offsets = new ArrayList<>();
    for (List<Integer> row : t.offsets()) offsets.add(row.stream().map(o -> o + base).toList());
    return new TextTable(
        t.id(),
        t.sectionId(),
        t.title(),
        t.unit(),
        t.headerRows(),
        t.rows(),
        t.start() + base,
        t.end() + base,
        t.captionStart() + base,
        t.heads(),
        t.roles(),
        t.codes(),
        offsets);
  }

  /** {@code a} with the rows of {@code b} below its header appended. */
  private static TextTable join(TextTable a, TextTable b) {
    List<List<String>> rows = new ArrayList<>(a.rows());
    List<RowCode> codes = new ArrayList<>(a.codes());
    List<List<Integer>> offsets = new ArrayList<>(a.offsets());
    for (int r = b.headerRows(); r < b.rows().size(); r++) {
      rows.add(b.rows().get(r));
      codes.add(b.codes().get(r));
      offsets.add(b.offsets().get(r));
    }
    return new TextTable(
        a.id(),
        a.sectionId(),
        a.title(),
        a.unit(),
        a.headerRows(),
        rows,
        a.start(),
        b.end(),
        a.captionStart(),
        a.heads(),
        a.roles(),
        codes,
        offsets);
  }

  private static void table(
      TextTable t, String body, int base, List<IndicatorFlag> out, Tally tally) {
    // a table that goes on after this piece (a page broke it) has parents whose parts are not all
    // here: its sums are not checked
    if (continues(body, t.end(), t.title())) return;
    // nor one that begins in the middle of its subjects (a 款 or 项 first: its 类 on a page before)
    for (int r = t.headerRows(); r < t.rows().size(); r++) {
      RowCode first = t.codes().get(r);
      if (first == null) continue;
      if (first.code().length() > 3) return;
      break;
    }
    List<Sum> sums = new ArrayList<>();
    int width = t.width();
    int first = t.headerRows();
    List<List<String>> rows = t.rows();
    boolean coded = t.codes().stream().anyMatch(c -> c != null);
    // a table that ends where its page does may go on in rows not read as its own (a header the
    // PDF garbled, a caption lost): the subjects still open at its last row are not summed
    String open = endsAtPage(t, body) ? lastCode(t) : null;
    for (int c = 0; c < width; c++) {
      if (!figures(t, c)) continue;
      if (coded) hierarchy(t, c, body, base, sums, open);
    }
    RowSums.parts(t, body, base, sums);
    RowSums.threePublic(t, body, base, sums);
    RowSums.funds(t, body, base, sums);
    long holding = sums.stream().filter(Sum::holds).count();
    List<Sum> failing = sums.stream().filter(x -> !x.holds()).toList();
    if (!sums.isEmpty()) tally.summed++;
    // most of its sums fail: the table was misread (columns run together, rows lost), not wrong
    if (sums.size() >= MIN_HOLDING + 1 && failing.size() > holding) tally.misread++;
    if (failing.isEmpty() || holding < MIN_HOLDING || holding < 2L * failing.size()) return;
    say(t.title(), sums, failing, out);
  }

  /**
   * The flags of a table's failing sums: one per contradiction (the sums that fail through the same
   * rows — a row's own identity and its parent's column, every column of one 合计 row — are one, said
   * by its first sum, the others counted and listed as its details), each with the table's rows
   * quoted and, as why the read is trusted, the sums of the same table that hold (the first few,
   * and how many).
   */
  static void say(String title, List<Sum> sums, List<Sum> failing, List<IndicatorFlag> out) {
    long holding = sums.stream().filter(Sum::holds).count();
    List<String> evidence = new ArrayList<>();
    for (Sum h : sums) {
      if (!h.holds() || evidence.size() == EVIDENCE) continue;
      evidence.add(h.what() + " " + plain(h.stated()) + " = " + plain(h.parts()));
    }
    if (holding > EVIDENCE) evidence.add("+" + (holding - EVIDENCE));
    for (List<Sum> group : contradictions(failing)) {
      List<String> said = new ArrayList<>();
      List<Quote> rowsQuoted = new ArrayList<>();
      for (Sum f : group) {
        said.add(f.what() + " " + plain(f.stated()) + " ≠ " + plain(f.parts()));
        if (rowsQuoted.stream().noneMatch(q -> q.start() == f.at().start())) rowsQuoted.add(f.at());
      }
      out.add(
          new IndicatorFlag(
                  "table_sum",
                  "table_sum",
                  List.of(
                      title == null ? "" : title,
                      said.get(0),
                      String.valueOf(said.size() - 1),
                      String.join("；", said)),
                  List.of(),
                  Severity.ERROR,
                  rowsQuoted)
              .withEvidence(evidence));
    }
  }

  /**
   * Failing sums grouped by the rows they read: two that share a row are one contradiction (one
   * wrong cell fails its row's identity and its parent's column; a wrong 合计 row fails every
   * column), and so are rows off by the same amount ({@link #sameGap}). In the table's order.
   */
  private static List<List<Sum>> contradictions(List<Sum> failing) {
    int n = failing.size();
    int[] group = new int[n];
    for (int i = 0; i < n; i++) group[i] = i;
    for (int i = 0; i < n; i++)
      for (int j = i + 1; j < n; j++)
        if (!java.util.Collections.disjoint(failing.get(i).rows(), failing.get(j).rows())
            || sameGap(failing.get(i), failing.get(j))) {
          int from = group[j], to = group[i];
          for (int k = 0; k < n; k++) if (group[k] == from) group[k] = to;
        }
    java.util.Map<Integer, List<Sum>> byGroup = new java.util.LinkedHashMap<>();
    for (int i = 0; i < n; i++)
      byGroup.computeIfAbsent(group[i], g -> new ArrayList<>()).add(failing.get(i));
    return List.copyOf(byGroup.values());
  }

  /**
   * Two failing row sums off by the same amount: one wrong figure carried into its parents' rows (a
   * 基本支出 that is not its 人员经费 + 公用经费 in a 项's row, its 款's and the 合计 row).
   */
  private static boolean sameGap(Sum a, Sum b) {
    return a.rows().size() == 1
        && b.rows().size() == 1
        && Sum.close(
            a.stated().subtract(a.parts()), b.stated().subtract(b.parts()), a.terms() + b.terms());
  }

  /** How many of a table's sums that hold a flag names as its evidence. */
  private static final int EVIDENCE = 5;

  /**
   * Whether column {@code c} holds amounts: most of the rows below the header that fill it, some
   * written as amounts are (not only whole numbers: the 类 | 款 | 项 parts of a code, a row's number).
   */
  static boolean figures(TextTable t, int c) {
    int numbers = 0, filled = 0;
    boolean amount = false;
    for (int r = t.headerRows(); r < t.rows().size(); r++) {
      List<String> row = t.rows().get(r);
      if (c >= row.size() || row.get(c).isBlank()) continue;
      // a row without any figure (the header a page repeats, an item's label) fills no column
      if (row.stream().noneMatch(x -> Tables.isNumber(x.strip()) && !x.isBlank())) continue;
      filled++;
      String cell = row.get(c).strip();
      if (Tables.isNumber(cell) && !cell.endsWith("%")) {
        numbers++;
        // an amount is written with its cents or its thousands; a code (206, 20699), a row's or a
        // column's number, a count never are
        if (cell.contains(".") || cell.contains(",")) amount = true;
      }
    }
    ColumnRole role = t.roles().get(c);
    return amount
        && numbers >= 2
        && numbers * 10 >= filled * 9
        && role != ColumnRole.CODE
        && role != ColumnRole.LINE;
  }

  /** 类 = Σ 款, 款 = Σ 项 in column {@code c}, and the 合计 row = Σ 类. */
  private static void hierarchy(
      TextTable t, int c, String body, int base, List<Sum> sums, String open) {
    List<List<String>> rows = t.rows();
    // in the first column of figures, a short row's amount is in its place
    boolean placed = c == firstFigures(t) && !merged(t);
    ShortRows cells = new ShortRows(t);
    java.util.function.IntPredicate ragged = r -> !placed && !cells.trusted(r);
    List<Integer> topLevel = new ArrayList<>();
    for (int r = t.headerRows(); r < rows.size(); r++) {
      RowCode code = t.codes().get(r);
      if (code == null) continue;
      if (code.code().length() == 3) topLevel.add(r);
      if (code.code().length() >= 7 || ragged.test(r)) continue;
      if (open != null && open.startsWith(code.code())) continue; // its parts may go on
      BigDecimal stated = amount(rows.get(r), c);
      if (stated == null) continue;
      BigDecimal sum = BigDecimal.ZERO;
      List<BigDecimal> shifts = new ArrayList<>();
      shift(cells, r, c, -1, shifts);
      int children = 0;
      List<Integer> read = new ArrayList<>(List.of(r));
      boolean ambiguous = false;
      List<String> previous = null;
      for (int k = r + 1; k < rows.size(); k++) {
        RowCode child = t.codes().get(k);
        if (child == null) {
          // a row of figures whose code a PDF moved into its name (机关事业单位…缴费支 2080505 出): the
          // parts cannot all be told
          if (rows.get(k).stream().anyMatch(cell -> Tables.isNumber(cell) && !cell.isBlank()))
            ambiguous = true;
          continue;
        }
        if (!child.code().startsWith(code.code()) || child.code().length() <= code.code().length())
          break;
        if (child.code().length() != code.code().length() + 2) continue;
        // a row printed twice (a 项 shown with its 款's code) is one row
        if (rows.get(k).equals(previous)) continue;
        previous = rows.get(k);
        if (ragged.test(k)) ambiguous = true;
        sum = plus(sum, amount(rows.get(k), c));
        shift(cells, k, c, 1, shifts);
        children++;
        read.add(k);
      }
      if (children == 0 || ambiguous) continue;
      sums.add(
          new Sum(
              code.code() + " " + (code.name() == null ? "" : code.name()) + "（" + head(t, c) + "）",
              stated,
              sum,
              children,
              quote(t, r, body, base),
              read,
              shifts));
    }
    // the 合计 row below the 类 rows: their sum (one above them may have 类 rows on pages after)
    for (int r = t.headerRows(); r < rows.size(); r++) {
      if (t.codes().get(r) != null || !isTotalRow(rows.get(r))) continue;
      if (topLevel.isEmpty() || r < topLevel.get(topLevel.size() - 1)) break;
      // a 类 printed twice: the tables of several units one under another, each with its own
      if (topLevel.stream().map(k -> t.codes().get(k).code()).distinct().count() < topLevel.size())
        break;
      BigDecimal stated = amount(rows.get(r), c);
      if (stated == null || topLevel.isEmpty()) continue;
      // the 合计 row's label may fill fewer cells than a code and a name, and a 类 row cut short may
      // have left its amount on a line of its own: only whole rows are added up here
      if (!cells.trusted(r) || topLevel.stream().anyMatch(k -> !cells.trusted(k))) break;
      BigDecimal sum = BigDecimal.ZERO;
      List<BigDecimal> shifts = new ArrayList<>();
      shift(cells, r, c, -1, shifts);
      for (int k : topLevel) {
        sum = plus(sum, amount(rows.get(k), c));
        shift(cells, k, c, 1, shifts);
      }
      List<Integer> read = new ArrayList<>(List.of(r));
      read.addAll(topLevel);
      sums.add(
          new Sum(
              "合计（" + head(t, c) + "）",
              stated,
              sum,
              topLevel.size(),
              quote(t, r, body, base),
              read,
              shifts));
      break;
    }
  }

  /** A page's number printed below its text: {@code - 17 -}, {@code 第 3 页}, {@code 17}. */
  private static final java.util.regex.Pattern PAGE_NUMBER =
      java.util.regex.Pattern.compile(
          "[\\s\\-－—–]*第?\\s*[0-9]{1,4}\\s*(?:页|/\\s*[0-9]{1,4})?[\\s\\-－—–]*");

  /** Whether a table's last row, or the line right after it, is its page's number. */
  private static boolean endsAtPage(TextTable t, String body) {
    List<String> last = t.rows().get(t.rows().size() - 1);
    if (PAGE_NUMBER.matcher(String.join(" ", last).strip()).matches()) return true;
    int from = t.end();
    for (int k = 0; k < 3 && from < body.length(); k++) {
      int nl = body.indexOf('\n', from + 1);
      String line = body.substring(from, nl < 0 ? body.length() : nl).strip();
      if (!line.isEmpty()) return PAGE_NUMBER.matcher(line).matches();
      if (nl < 0) break;
      from = nl + 1;
    }
    return false;
  }

  /** The code of a table's last coded row (the subjects it and its parents are still open). */
  private static String lastCode(TextTable t) {
    for (int r = t.rows().size() - 1; r >= t.headerRows(); r--)
      if (t.codes().get(r) != null) return t.codes().get(r).code();
    return null;
  }

  /** A coded row within the next few lines after a table's end: the table goes on. */
  private static final java.util.regex.Pattern CODED_LINE =
      java.util.regex.Pattern.compile(
          "^\\s*(?:[0-9]{3}(?:\\s*\\t?\\s*[0-9]{2}){0,2}|[0-9]{5}|[0-9]{7})(?:\\s|\\t)");

  /** A caption line's unit or issuer after its title: {@code 单位：万元}, {@code 部门名称：某局单位：万元}. */
  private static final java.util.regex.Pattern CAPTION_TAIL =
      java.util.regex.Pattern.compile(
          "\\s*(?:(?:部门名称|单位名称|编制单位|预算单位|部门)\\s*[：:].*)?(?:金额)?单位\\s*[：:]\\s*(?:亿元|万元|元)\\s*$");

  private static boolean continues(String body, int end, String title) {
    int from = end;
    String own = norm(title);
    for (int k = 0; k < 12 && from < body.length(); k++) {
      int nl = body.indexOf('\n', from + 1);
      String line = body.substring(from, nl < 0 ? body.length() : nl).strip();
      // its own title again after a page break: the rest of it, whose rows were not read as its own
      if (own != null && !own.isEmpty() && own.equals(norm(line))) return true;
      // another table's caption, its unit or issuer on its line (…功能分类预算表单位：万元): the next table
      String caption = CAPTION_TAIL.matcher(line).replaceFirst("");
      if (!caption.equals(line) && caption.endsWith("表") && !caption.equals(own)) return false;
      if (!line.isEmpty() && PAGE_LINE.matcher(line).matches()) {
        if (nl < 0) break;
        from = nl + 1;
        continue;
      }
      if (Layout.isTitle(line)) return false; // the next table begins
      if (CODED_LINE.matcher(line + " ").find()) return true;
      if (nl < 0) break;
      from = nl + 1;
    }
    return false;
  }

  /**
   * The table's first column of figures: a short row's first amount stands there whatever blanks it
   * lost after it (its code and name cells before it are kept), so its sums can be read there.
   */
  private static int firstFigures(TextTable t) {
    for (int c = 0; c < t.width(); c++) if (figures(t, c)) return c;
    return -1;
  }

  /**
   * Whether a row holds a second subject after its figures (高等教育 | 185,762.25 | … | 20506 | 留学教育 |
   * 1,683.92): two rows a PDF's text ran together, so short rows cannot be trusted either.
   */
  private static boolean merged(TextTable t) {
    for (int r = t.headerRows(); r < t.rows().size(); r++) {
      List<String> row = t.rows().get(r);
      boolean figure = false;
      for (int c = 0; c + 1 < row.size(); c++) {
        String cell = row.get(c).strip();
        if (Tables.isNumber(cell) && (cell.contains(".") || cell.contains(","))) figure = true;
        else if (figure && cell.matches("[0-9]{3}(?:[0-9]{2}){0,2}")) {
          String next = row.get(c + 1).strip();
          if (!next.isEmpty() && !Tables.isNumber(next)) return true;
        }
      }
    }
    return false;
  }

  /** A row that numbers the columns ({@code ** | 1 | 2 | 3}, {@code 栏次 | 1 | 2}). */
  static boolean numbersColumns(List<String> row) {
    int numbers = 0;
    for (String c : row) {
      String cell = c.strip();
      if (cell.isEmpty() || cell.matches("[*＊]+|栏次|行次|序号|项目|科目")) continue;
      if (!cell.matches("[0-9]{1,2}")) return false;
      numbers++;
    }
    return numbers >= 2;
  }

  private static boolean isTotalRow(List<String> row) {
    for (String cell : row) {
      String c = cell.replaceAll("[\\s\\u3000]", "");
      if (c.isEmpty()) continue;
      return c.matches("合计|总计|本年支出合计|本年收入合计");
    }
    return false;
  }

  static BigDecimal amount(List<String> row, int c) {
    return Amounts.cell(row, c);
  }

  static BigDecimal plus(BigDecimal sum, BigDecimal v) {
    return v == null ? sum : sum.add(v);
  }

  static String head(TextTable t, int c) {
    String h = c < t.heads().size() ? t.heads().get(c) : "";
    return h.isEmpty() ? "第" + (c + 1) + "列" : h;
  }

  static String label(TextTable t, int r) {
    RowCode code = t.codes().get(r);
    if (code != null) return code.code() + " " + (code.name() == null ? "" : code.name());
    for (String cell : t.rows().get(r))
      if (!cell.isBlank() && !Tables.isNumber(cell)) return cell.strip();
    return "";
  }

  static Quote quote(TextTable t, int r, String body, int base) {
    int cell = t.offsets().get(r).get(0);
    int lineStart = body.lastIndexOf('\n', cell - 1) + 1;
    int lineEnd = body.indexOf('\n', cell);
    String line = body.substring(lineStart, lineEnd < 0 ? body.length() : lineEnd);
    return new Quote(
        line.strip().replace('\t', ' ').replaceAll(" {2,}", " "),
        base + lineStart,
        base + lineStart + line.length());
  }

  private static String plain(BigDecimal v) {
    return v.stripTrailingZeros().toPlainString();
  }
}
