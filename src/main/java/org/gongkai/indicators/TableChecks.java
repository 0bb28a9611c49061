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
  private record Sum(String what, BigDecimal stated, BigDecimal parts, int terms, Quote at) {
    boolean holds() {
      // a unit of the last digit written per term: a cent of 万元, or one 元 of a table in whole 元
      int scale = Math.max(0, Math.max(stated.scale(), parts.scale()));
      BigDecimal cent = BigDecimal.ONE.movePointLeft(scale);
      return stated.subtract(parts).abs().compareTo(cent.multiply(BigDecimal.valueOf(terms + 1)))
          <= 0;
    }
  }

  static List<IndicatorFlag> check(String text, List<Section> sections, List<Ledger> ledgers) {
    List<IndicatorFlag> out = new ArrayList<>();
    for (Section s : sections) {
      int tab = text.indexOf('\t', s.start());
      if (tab < 0 || tab >= s.end()) continue;
      String body = text.substring(s.start(), s.end());
      for (TextTable t : Tables.find(s.id(), body)) table(t, body, s.start(), out);
    }
    for (Ledger l : ledgers) ledger(l, text, out);
    return out;
  }

  private static void table(TextTable t, String body, int base, List<IndicatorFlag> out) {
    // a table that goes on after this piece (a page broke it) has parents whose parts are not all
    // here: its sums are not checked
    if (continues(body, t.end())) return;
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
    for (int c = 0; c < width; c++) {
      if (!figures(t, c)) continue;
      if (coded) hierarchy(t, c, body, base, sums);
    }
    parts(t, body, base, sums);
    long holding = sums.stream().filter(Sum::holds).count();
    List<Sum> failing = sums.stream().filter(x -> !x.holds()).toList();
    if (failing.isEmpty() || holding < MIN_HOLDING || holding < 2L * failing.size()) return;
    // one flag per table: each sum that fails, its row quoted
    String title = t.title() == null ? "" : t.title();
    List<String> said = new ArrayList<>();
    List<Quote> rowsQuoted = new ArrayList<>();
    for (Sum f : failing) {
      said.add(f.what() + " " + plain(f.stated()) + " ≠ " + plain(f.parts()));
      if (rowsQuoted.stream().noneMatch(q -> q.start() == f.at().start())) rowsQuoted.add(f.at());
    }
    out.add(
        new IndicatorFlag(
            "table_sum",
            "table_sum",
            List.of(title, String.join("；", said)),
            List.of(),
            Severity.ERROR,
            rowsQuoted));
  }

  /**
   * Whether column {@code c} holds amounts: most of the rows below the header that fill it, some
   * written as amounts are (not only whole numbers: the 类 | 款 | 项 parts of a code, a row's number).
   */
  private static boolean figures(TextTable t, int c) {
    int numbers = 0, filled = 0;
    boolean amount = false;
    for (int r = t.headerRows(); r < t.rows().size(); r++) {
      List<String> row = t.rows().get(r);
      if (c >= row.size() || row.get(c).isBlank()) continue;
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
  private static void hierarchy(TextTable t, int c, String body, int base, List<Sum> sums) {
    List<List<String>> rows = t.rows();
    // in the first column of figures, a short row's amount is in its place
    boolean placed = c == firstFigures(t) && !merged(t);
    java.util.function.IntPredicate ragged = r -> !placed && ragged(t, r);
    List<Integer> topLevel = new ArrayList<>();
    for (int r = t.headerRows(); r < rows.size(); r++) {
      RowCode code = t.codes().get(r);
      if (code == null) continue;
      if (code.code().length() == 3) topLevel.add(r);
      if (code.code().length() >= 7 || ragged.test(r)) continue;
      BigDecimal stated = amount(rows.get(r), c);
      if (stated == null) continue;
      BigDecimal sum = BigDecimal.ZERO;
      int children = 0;
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
        BigDecimal v = amount(rows.get(k), c);
        sum = sum.add(v == null ? BigDecimal.ZERO : v);
        children++;
      }
      if (children == 0 || ambiguous) continue;
      sums.add(
          new Sum(
              code.code() + " " + (code.name() == null ? "" : code.name()) + "（" + head(t, c) + "）",
              stated,
              sum,
              children,
              quote(t, r, body, base)));
    }
    // the 合计 row below the 类 rows: their sum (one above them may have 类 rows on pages after)
    for (int r = t.headerRows(); r < rows.size(); r++) {
      if (t.codes().get(r) != null || !isTotalRow(rows.get(r))) continue;
      if (topLevel.isEmpty() || r < topLevel.get(topLevel.size() - 1)) break;
      BigDecimal stated = amount(rows.get(r), c);
      if (stated == null || topLevel.isEmpty()) continue;
      // the 合计 row's label may fill fewer cells than a code and a name, and a 类 row cut short may
      // have left its amount on a line of its own: only whole rows are added up here
      if (ragged(t, r) || topLevel.stream().anyMatch(k -> ragged(t, k))) break;
      BigDecimal sum = BigDecimal.ZERO;
      for (int k : topLevel) {
        BigDecimal v = amount(rows.get(k), c);
        sum = sum.add(v == null ? BigDecimal.ZERO : v);
      }
      sums.add(
          new Sum("合计（" + head(t, c) + "）", stated, sum, topLevel.size(), quote(t, r, body, base)));
      break;
    }
  }

  /**
   * In each row, 合计 = 基本支出 + 项目支出 where those are the only columns of figures beside it; where
   * others stand beside them (上缴上级支出, 经营支出, or a 基本支出's own 人员经费 and 公用经费), only that the two never
   * exceed it.
   */
  private static void parts(TextTable t, String body, int base, List<Sum> sums) {
    int total = t.roles().indexOf(ColumnRole.TOTAL);
    int basic = t.roles().indexOf(ColumnRole.BASIC),
        project = t.roles().indexOf(ColumnRole.PROJECT);
    if (total < 0 || basic <= total || project <= total) return;
    if (!figures(t, total) || !figures(t, basic) || !figures(t, project)) return;
    int others = 0;
    for (int c = total + 1; c < t.roles().size(); c++) {
      if (t.roles().get(c) == ColumnRole.TOTAL) break;
      if (c != basic && c != project && figures(t, c)) others++;
    }
    for (int r = t.headerRows(); r < t.rows().size(); r++) {
      List<String> row = t.rows().get(r);
      if (numbersColumns(row) || ragged(t, r)) continue;
      BigDecimal stated = amount(row, total);
      BigDecimal b = amount(row, basic), p = amount(row, project);
      if (stated == null || b == null && p == null) continue;
      BigDecimal sum = (b == null ? BigDecimal.ZERO : b).add(p == null ? BigDecimal.ZERO : p);
      // beside other parts the two may fall short of 合计; they never exceed it
      if (others > 0 && sum.compareTo(stated) <= 0) sum = stated;
      sums.add(
          new Sum(
              label(t, r)
                  + "（"
                  + head(t, total)
                  + " = "
                  + head(t, basic)
                  + " + "
                  + head(t, project)
                  + "）",
              stated,
              sum,
              2,
              quote(t, r, body, base)));
    }
  }

  /**
   * A summary table whose two grand totals differ (收入总计 ≠ 支出总计): a budget and a final account
   * balance by construction. Its other identities (parts, carry-overs) only confirm figures: a
   * ledger read from a table with nested sources misses them more often than a report does.
   */
  private static void ledger(Ledger l, String text, List<IndicatorFlag> out) {
    Ledger.Item in = l.item(l.income, Ledger.Kind.GRAND),
        spent = l.item(l.spending, Ledger.Kind.GRAND);
    if (in == null || spent == null || l.balances()) return;
    String title = l.region.title() == null ? "" : l.region.title();
    out.add(
        new IndicatorFlag(
            "summary",
            "summary_balance",
            List.of(title, in.asWritten(), spent.asWritten()),
            List.of(),
            Severity.ERROR,
            List.of(ReportChecks.passage(text, in.start(), spent.end()))));
  }

  /** A coded row within the next few lines after a table's end: the table goes on. */
  private static final java.util.regex.Pattern CODED_LINE =
      java.util.regex.Pattern.compile(
          "^\\s*(?:[0-9]{3}(?:\\s*\\t?\\s*[0-9]{2}){0,2}|[0-9]{5}|[0-9]{7})(?:\\s|\\t)");

  private static boolean continues(String body, int end) {
    int from = end;
    for (int k = 0; k < 8 && from < body.length(); k++) {
      int nl = body.indexOf('\n', from + 1);
      String line = body.substring(from, nl < 0 ? body.length() : nl).strip();
      if (Layout.isTitle(line)) return false; // the next table begins
      if (CODED_LINE.matcher(line + " ").find()) return true;
      if (nl < 0) break;
      from = nl + 1;
    }
    return false;
  }

  /**
   * A row shorter than its table: its blank cells fell out, so which column each figure is in
   * cannot be told.
   */
  /** A row shorter than its table: a blank cell went missing, from where cannot be told. */
  private static boolean ragged(TextTable t, int r) {
    return t.rows().get(r).size() < t.width();
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
  private static boolean numbersColumns(List<String> row) {
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

  private static BigDecimal amount(List<String> row, int c) {
    if (c >= row.size()) return null;
    String cell = row.get(c).strip();
    if (cell.isEmpty() || !Tables.isNumber(cell) || cell.endsWith("%")) return null;
    try {
      return Amounts.decimal(cell);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String head(TextTable t, int c) {
    String h = c < t.heads().size() ? t.heads().get(c) : "";
    return h.isEmpty() ? "第" + (c + 1) + "列" : h;
  }

  private static String label(TextTable t, int r) {
    RowCode code = t.codes().get(r);
    if (code != null) return code.code() + " " + (code.name() == null ? "" : code.name());
    for (String cell : t.rows().get(r))
      if (!cell.isBlank() && !Tables.isNumber(cell)) return cell.strip();
    return "";
  }

  private static Quote quote(TextTable t, int r, String body, int base) {
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
