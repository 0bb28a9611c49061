package org.gongkai.indicators;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.model.ColumnRole;
import org.gongkai.model.IndicatorFlag;
import org.gongkai.model.IndicatorFlag.Severity;
import org.gongkai.model.Quote;
import org.gongkai.model.ReportKind;
import org.gongkai.model.RowCode;
import org.gongkai.model.Scope;
import org.gongkai.model.Section;
import org.gongkai.model.TextTable;
import org.gongkai.text.Tables;

/**
 * The words about each subject against the table that lists it, item by item: {@code
 * 一般公共服务支出（类）财政事务（款）行政运行（项）…支出决算为1511.89万元} against the row 2010601 行政运行 of the 一般公共预算财政拨款支出决算表;
 * {@code 公共安全支出（204类）司法（06款）行政运行（01项）1672.67万元} against the row 2040601 of the budget's table. An
 * item is matched to a row by its code where the words give one, else by the names of its 类, 款 and
 * 项; the table is one of the same money as the words' part of the report (一般公共预算's words, 一般公共预算's
 * table). Pure: text in, flags out.
 */
final class ItemChecks {

  private ItemChecks() {}

  /** A subject named by its 类, 款 and 项 (with their codes, in a budget). */
  private static final Pattern SUBJECT =
      Pattern.compile(
          "([\\p{IsHan}、]{2,30}?)[（(]\\s*(\\d{3})?\\s*类\\s*[）)]\\s*([\\p{IsHan}、（）()]{2,40}?)[（(]\\s*(\\d{2})?\\s*款\\s*[）)]\\s*([\\p{IsHan}、（）()]{2,40}?)[（(]\\s*(\\d{2})?\\s*项\\s*[）)]");

  private static final String NUMBER =
      "([0-9]{1,3}(?:,[0-9]{3})+(?:\\.[0-9]+)?|[0-9]+(?:\\.[0-9]+)?)";

  /** A final account's actual of the item: 支出决算为1511.89万元. */
  private static final Pattern ACTUAL =
      Pattern.compile("决算(?:数)?(?:为|是)?\\s*" + NUMBER + "\\s*(万元|元)");

  /** A budget's amount of the item: right after it (…（01项）1672.67万元), or 预算安排B万元. */
  private static final Pattern PLANNED =
      Pattern.compile(
          "^[”\"]?\\s*" + NUMBER + "\\s*(万元|元)|(?:预算安排|安排预算)(?:为)?\\s*" + NUMBER + "\\s*(万元|元)");

  static List<IndicatorFlag> check(String text, List<Section> sections, ReportKind kind) {
    List<IndicatorFlag> out = new ArrayList<>();
    List<Row> rows = rows(text, sections);
    if (rows.isEmpty()) return out;
    int from = 0;
    while (from < text.length()) {
      int nl = text.indexOf('\n', from);
      int end = nl < 0 ? text.length() : nl;
      String line = text.substring(from, end);
      if (line.indexOf('\t') < 0) item(text, line, from, sections, kind, rows, out);
      from = end + 1;
    }
    return out;
  }

  /** A coded row of a table of figures: its subject path, its amount, the money it is of. */
  private record Row(
      String code,
      List<String> names,
      BigDecimal amount,
      String written,
      Scope.Funds funds,
      Quote at) {}

  /** Every coded row of the document's tables, with the names of its 类 and 款 above it. */
  private static List<Row> rows(String text, List<Section> sections) {
    List<Row> out = new ArrayList<>();
    Layout layout = Layout.of(text);
    for (Section s : sections) {
      int tab = text.indexOf('\t', s.start());
      if (tab < 0 || tab >= s.end()) continue;
      for (TextTable t : SectionTables.of(text, s)) {
        if (t.codes().stream().noneMatch(c -> c != null)) continue;
        Layout.Region region = layout.at(s.start() + t.start());
        if (region == null || region.title() == null) continue;
        int column = firstFigures(t);
        if (column < 0) continue;
        Map<String, String> names = new LinkedHashMap<>();
        for (int r = t.headerRows(); r < t.rows().size(); r++) {
          RowCode code = t.codes().get(r);
          if (code == null || code.name() == null) continue;
          names.put(code.code(), code.name().replaceAll("\\s", ""));
          List<String> path = new ArrayList<>();
          for (int len = 3; len <= code.code().length(); len += 2)
            path.add(names.getOrDefault(code.code().substring(0, len), ""));
          List<String> row = t.rows().get(r);
          if (column >= row.size()) continue;
          String cell = row.get(column).strip();
          if (!Tables.isNumber(cell) || cell.endsWith("%")) continue;
          int at = s.start() + t.offsets().get(r).get(column);
          out.add(
              new Row(
                  code.code(),
                  path,
                  Amounts.decimal(cell),
                  cell,
                  region.funds(),
                  ReportChecks.passage(text, at, at + cell.length())));
        }
      }
    }
    return out;
  }

  /** The table's first column of amounts: its 合计, or the first whose cells are amounts. */
  /** An amount with decimals, as a table's figures column prints them. */
  private static final Pattern AMOUNT = Pattern.compile("-?[0-9][0-9,]*\\.[0-9]+");

  private static int firstFigures(TextTable t) {
    int total = t.roles().indexOf(ColumnRole.TOTAL);
    if (total >= 0) return total;
    for (int c = 0; c < t.width(); c++) {
      int amounts = 0;
      for (int r = t.headerRows(); r < t.rows().size(); r++) {
        List<String> row = t.rows().get(r);
        if (c < row.size() && AMOUNT.matcher(row.get(c)).matches()) amounts++;
      }
      if (amounts >= 2) return c;
    }
    return -1;
  }

  private static void item(
      String text,
      String line,
      int lineStart,
      List<Section> sections,
      ReportKind kind,
      List<Row> rows,
      List<IndicatorFlag> out) {
    // a subject names its 类, 款 and 项 (SUBJECT): a line without them is none
    if (line.indexOf('类') < 0 || line.indexOf('款') < 0 || line.indexOf('项') < 0) return;
    Matcher m = SUBJECT.matcher(line);
    if (!m.find()) return;
    String rest = line.substring(m.end());
    BigDecimal stated;
    String written;
    if (kind == ReportKind.FINAL_ACCOUNTS) {
      Matcher a = ACTUAL.matcher(rest);
      if (!a.find()) return;
      written = a.group(1) + a.group(2);
      stated = Amounts.wan(Amounts.decimal(a.group(1)), a.group(2));
    } else {
      Matcher p = PLANNED.matcher(rest);
      if (!p.find()) return;
      boolean first = p.group(1) != null;
      written = first ? p.group(1) + p.group(2) : p.group(3) + p.group(4);
      stated =
          Amounts.wan(
              Amounts.decimal(first ? p.group(1) : p.group(3)), first ? p.group(2) : p.group(4));
    }
    String code =
        m.group(2) != null && m.group(4) != null && m.group(6) != null
            ? m.group(2) + m.group(4) + m.group(6)
            : null;
    List<String> names = List.of(clean(m.group(1)), clean(m.group(3)), clean(m.group(5)));
    Scope.Funds funds = fundsOf(text, lineStart, sections);
    Row row = null;
    for (Row r : rows) {
      if (r.funds() != funds) continue;
      boolean same = code != null ? r.code().equals(code) : r.names().equals(names);
      if (same) {
        row = r;
        break;
      }
    }
    if (row == null) return;
    // the table's amount in 万元 (its unit: the words say 万元, a 上海 table is in 元)
    BigDecimal tableWan = row.amount();
    double tolerance = Amounts.halfUnitWan(written, written.endsWith("万元") ? "万元" : "元");
    boolean agrees = Math.abs(tableWan.doubleValue() - stated.doubleValue()) <= tolerance + 0.0051;
    if (!agrees) {
      // a table in 元 beside words in 万元, the words cut to their last digit or rounded to it
      BigDecimal asYuan = row.amount().movePointLeft(4);
      agrees = Math.abs(asYuan.doubleValue() - stated.doubleValue()) < 2 * tolerance + 1e-6;
    }
    if (agrees) return;
    String subject0 = String.join("/", names);
    if (out.stream()
        .anyMatch(f -> f.args().get(0).equals(subject0) && f.args().get(1).equals(written)))
      return; // the same words again: one flag
    String subject = String.join("/", names);
    String quoted = line.substring(0, Math.min(line.length(), m.end() + 60)).strip();
    int at = lineStart + line.indexOf(quoted);
    out.add(
        new IndicatorFlag(
            "text_table",
            "item_text_table",
            List.of(subject, written, row.written()),
            List.of(),
            Severity.ERROR,
            List.of(new Quote(quoted, at, at + quoted.length()), row.at())));
  }

  private static String clean(String name) {
    return name.replaceAll("^[0-9０-９]*[、.．]\\s*|^[“\"]|[\\s]", "");
  }

  /** The money the words of a part are about: its heading's (五、一般公共预算财政拨款支出决算情况说明). */
  private static Scope.Funds fundsOf(String text, int offset, List<Section> sections) {
    Section in = null;
    for (Section s : sections) if (s.start() <= offset && offset < s.end()) in = s;
    if (in == null) return Scope.Funds.GENERAL;
    Scope.Funds f = Layout.funds(in.heading());
    if (f == Scope.Funds.ALL) {
      for (String crumb : in.breadcrumb()) {
        Scope.Funds up = Layout.funds(crumb);
        if (up != Scope.Funds.ALL) f = up;
      }
    }
    // items of spending are listed for 一般公共预算 where nothing else is said
    return f == Scope.Funds.ALL || f == Scope.Funds.FISCAL ? Scope.Funds.GENERAL : f;
  }
}
