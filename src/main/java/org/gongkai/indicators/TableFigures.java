package org.gongkai.indicators;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.model.ColumnRole;
import org.gongkai.model.IndicatorValue;
import org.gongkai.model.Role;
import org.gongkai.model.Scope;
import org.gongkai.model.Section;
import org.gongkai.model.SourceKind;
import org.gongkai.model.TextTable;

/**
 * The figures a document's tables state: a row's label cell followed by its number, a column whose
 * header names a figure (the “三公” table's items), and a summary table's totals by their place in
 * its ledger ({@link Ledger}).
 */
final class TableFigures extends Reading {

  private static final Pattern COLON_OR_SPACE = Pattern.compile("[：:\\s]");

  private static final Pattern ROW_NUMBER = Pattern.compile("[0-9]{1,2}");

  private static boolean hasChinese(String cell) {
    for (int i = 0; i < cell.length(); i++) {
      char c = cell.charAt(i);
      if (c >= '\u4e00' && c <= '\u9fff') return true;
    }
    return false;
  }

  private static final Pattern ORDINAL =
      Pattern.compile("^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\\d+[.、．])\\s*");

  /** A row of an economic classification: its code (302 17, 30217) then its name. */
  private static final Pattern ECONOMIC_CODE =
      Pattern.compile("^\\s*(?:3\\d{2}\\s*\\t?\\s*\\d{2}|3\\d{4})(?:\\s|\\t|$)");

  /** The indicators a table's column holds, by the column's role. */
  private static final Map<ColumnRole, Indicator> BY_COLUMN =
      Map.of(
          ColumnRole.THREE_PUBLIC, Indicator.THREE_PUBLIC,
          ColumnRole.ABROAD, Indicator.OVERSEAS_TRAVEL,
          ColumnRole.VEHICLES, Indicator.VEHICLES_EXPENSES,
          ColumnRole.RECEPTION, Indicator.RECEPTION,
          ColumnRole.STAFF_QUOTA, Indicator.STAFF_QUOTA,
          ColumnRole.STAFF_ACTUAL, Indicator.STAFF_ACTUAL,
          ColumnRole.STAFF_RETIRED, Indicator.STAFF_RETIRED);

  /** A row that only numbers the columns: {@code ** | 1 | 2 | 3}, {@code 栏次 | 1 | 2}. */
  private static boolean numbersColumns(List<String> row) {
    int expect = -1, numbers = 0;
    for (String c : row) {
      String cell = c.strip();
      if (cell.isEmpty() || cell.matches("[*＊]+|栏次|行次|序号")) continue;
      if (!cell.matches("[0-9]{1,2}")) return false;
      int n = Integer.parseInt(cell);
      if (expect >= 0 && n != expect) return false;
      expect = n + 1;
      numbers++;
    }
    return numbers >= 2;
  }

  TableFigures(Reading r) {
    super(r);
  }

  /** A 合计 row's label. */
  private static final java.util.regex.Pattern TOTAL_ROW =
      java.util.regex.Pattern.compile("合计|总计|合计数|[“\"]?三公[”\"]?经费(?:合计|总计)");

  /** A table title adding other spending to the “三公”经费 (会议费, 培训费) or a sum of several. */
  private static final java.util.regex.Pattern OTHER_THAN_THREE_PUBLIC =
      java.util.regex.Pattern.compile("会议|培训|机关运行");

  /** A table of one part of the spending: 基本支出总表, 一般公共预算基本支出表, 项目支出预算表. */
  private static final java.util.regex.Pattern SPENDING_PART =
      java.util.regex.Pattern.compile("基本支出|项目支出");

  void rows(List<IndicatorValue> out) {
    int lineStart = 0;
    while (lineStart <= text.length()) {
      int lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0) lineEnd = text.length();
      String line = text.substring(lineStart, lineEnd);
      TimeLimit.check();
      // 30217 公务接待费 36.50: a row of a table (its 科目编码 first) whose cells a PDF ran together
      if (isRow(lineStart, line) || CODED_ROW.matcher(line).lookingAt())
        tableRow(Row.of(line, lineStart), line, roles.get(lineStart), out);
      lineStart = lineEnd + 1;
    }
  }

  /**
   * The indicators of a table row: each cell naming one is followed by its value. A row of an
   * economic classification ({@code 30217 公务接待费}) states a part of an item (its 基本支出 share): not
   * the item; nor is its row in a table of 基本支出 or 项目支出 alone. The amounts of a performance table
   * (绩效目标表, 绩效自评表) are what its targets cover, in no scope of the report's own: not read; nor a
   * procurement table's, but for its procurement total.
   */
  private void tableRow(Row row, String line, List<ColumnRole> roles, List<IndicatorValue> out) {
    if (ECONOMIC_CODE.matcher(line).find()) return;
    Layout.Region region = layout.at(row.start(0));
    Ledger ledger = ledgerAt(row.start(0));
    boolean performance = region != null && region.title() != null && region.title().contains("绩效");
    // a 政府采购预算表's rows are what is bought under an item (公务接待费 | 餐饮服务 | 2.00), not the item
    boolean procurement = region != null && region.title() != null && region.title().contains("采购");
    // 基本支出总表's 公务接待费 row: the basic spending's share of it, not the department's item
    boolean partsOfSpending =
        region != null
            && region.title() != null
            && SPENDING_PART.matcher(region.title()).find()
            && !region.title().contains("三公"); // “三公”经费预算表（含基本支出和项目支出）: the whole
    Scope scope = Scope.WHOLE.withFunds(region == null ? Scope.Funds.ALL : region.funds());
    // a table of the “三公”经费 alone (not one that adds 会议费 and 培训费 to them, nor a table of a
    // part of the spending)
    boolean threePublicTable =
        region != null
            && region.title() != null
            && region.title().contains("三公")
            && !OTHER_THAN_THREE_PUBLIC.matcher(region.title()).find()
            && !partsOfSpending;
    List<String> cells = row.cells();
    for (int i = 0; i < cells.size(); i++) {
      // every label holds a Chinese word (Indicator#words, TOTAL_ROW): a cell of figures is none
      if (!hasChinese(cells.get(i))) continue;
      String label = ORDINAL.matcher(cells.get(i).strip()).replaceFirst("");
      label = COLON_OR_SPACE.matcher(label).replaceAll("");
      // the “三公” table's 合计 row: the sum of its items, the “三公”经费 itself
      boolean threePublicTotal = threePublicTable && TOTAL_ROW.matcher(label).matches();
      for (Indicator ind : Indicator.values()) {
        if (ind.government()) continue;
        if (!(ind == Indicator.THREE_PUBLIC && threePublicTotal)
            && (!ind.mayLabel(label) || !ind.pattern.matcher(label).matches())) continue;
        // a summary table read as a ledger gives its totals by their place, not their labels
        if (ledger != null && LEDGER_TOTALS.contains(ind)) continue;
        if (performance && ind.kind == Indicator.Kind.MONEY) continue;
        if (procurement && ind.kind == Indicator.Kind.MONEY && ind != Indicator.PROCUREMENT_TOTAL)
          continue;
        if (partsOfSpending && THREE_PUBLIC_FAMILY.contains(ind)) continue;
        if (ind.kind == Indicator.Kind.SCORE) {
          // a 项目支出绩效自评表's 总分 is one project's score, not the department's
          boolean project =
              region != null
                  && region.title() != null
                  && region.title().contains("项目")
                  && !region.title().contains("整体");
          scoreRow(
              ind,
              row,
              line,
              i,
              out,
              project ? Scope.WHOLE.withWhose(Scope.Whose.PROJECT) : Scope.WHOLE);
          continue;
        }
        for (int j = i + 1; j < cells.size(); j++) {
          String cell = cells.get(j).strip();
          if (cell.isEmpty()) continue;
          // another year's column, or the other kind of figure: the document's own is further on
          ColumnRole role = roles != null && j < roles.size() ? roles.get(j) : null;
          if (otherFigure(role, own)) continue;
          // a row number (行次: 本年收入合计 | 27 | 552.83) with a figure after it
          if (role == ColumnRole.LINE) continue;
          if (ROW_NUMBER.matcher(cell).matches() && laterNumber(cells, j)) continue;
          Matcher num = NUMBER.matcher(cell);
          if (num.matches()
              || (num.lookingAt() && UNIT.matcher(cell.substring(num.end())).lookingAt())) {
            Matcher unit = UNIT.matcher(cell.substring(num.end()));
            String unitText = unit.lookingAt() ? unit.group(1) : null;
            int at = row.start(j) + cells.get(j).indexOf(cell);
            IndicatorValue v =
                value(
                    ind,
                    at + num.start(),
                    at + cell.length(),
                    num.group(),
                    unitText,
                    own,
                    SourceKind.TABLE,
                    quoted(row.start(0)));
            if (v != null) out.add(v.withScope(scope));
          }
          break; // only the cell right after the label's first filled cell
        }
      }
    }
  }

  /**
   * A score row ({@code 总分 | 100 | 98.7}) holds the maximum and then the score: the score is its
   * last number; a row whose only number is 100 has no score filled in.
   */
  private void scoreRow(
      Indicator ind, Row row, String line, int i, List<IndicatorValue> out, Scope scope) {
    List<String> cells = row.cells();
    int last = -1, numbers = 0;
    for (int j = i + 1; j < cells.size(); j++) {
      if (NUMBER.matcher(cells.get(j).strip()).matches()) {
        last = j;
        numbers++;
      }
    }
    if (last < 0 || (numbers == 1 && parse(cells.get(last).strip()) == 100)) return;
    String cell = cells.get(last).strip();
    int at = row.start(last) + cells.get(last).indexOf(cell);
    IndicatorValue v =
        value(
            ind,
            at,
            at + cell.length(),
            cell,
            null,
            own,
            SourceKind.TABLE,
            quoted(row.start(last)));
    if (v != null) out.add(v.withScope(scope));
  }

  // ---- tables read by column and as ledgers

  /**
   * Figures a table states by column: the “三公”经费 table names its items in header rows and states
   * their amounts in the row below ({@code “三公”经费 小计 | 因公出国（境）费 | 公务用车购置及运行维护费 | 公务接待费} over {@code
   * 767.60 | 199.25 | 183.60 | 384.75}). Each column whose role is one of them gives the first
   * figure below its header, skipping a row that only numbers the columns ({@code 1 | 2 | 3}). A
   * table with a 预算 and a 决算 group of the same columns (a final account's 三公 table) gives its own
   * figure's group: a budget's the first, a final account's the last.
   */
  List<IndicatorValue> columnFigures() {
    List<IndicatorValue> out = new ArrayList<>();
    for (Placed placed : tables) {
      Section s = placed.section();
      TextTable t = placed.table();
      Map<Indicator, Integer> columns = new LinkedHashMap<>();
      Map<Indicator, List<Integer>> each = new LinkedHashMap<>();
      for (int c = 0; c < t.roles().size(); c++) {
        ColumnRole role = t.roles().get(c);
        Indicator ind = role == null ? null : BY_COLUMN.get(role);
        if (ind != null) each.computeIfAbsent(ind, k -> new ArrayList<>()).add(c);
      }
      List<String> groups = yearGroups(t);
      for (Map.Entry<Indicator, List<Integer>> e : each.entrySet()) {
        List<Integer> cs = e.getValue();
        for (int k = 0; k < cs.size(); k++) {
          int c = cs.get(k);
          // 2025年公务接待费 beside 2026年's: another year's column
          if (c < t.heads().size() && namesEarlierYear(t.heads().get(c), year)) continue;
          // under a group header of another year (2025年预算数 over its 合计 | 因公出国（境）费 | …,
          // beside 2026年预算数 over the same columns; 上年 beside 本年): the k-th of as many repeats
          // of a column as there are groups is the k-th group's, wherever its header was written
          // over the span; else the group written last at or before the column
          String group =
              groups.size() >= 2 && groups.size() == cs.size() ? groups.get(k) : yearGroup(t, c);
          if (group != null
              && (namesEarlierYear(group, year) || EARLIER_GROUP.matcher(group).find())) continue;
          if (!columns.containsKey(e.getKey()) || own == Role.ACTUAL) columns.put(e.getKey(), c);
        }
      }
      Layout.Region region = layout.at(s.start() + t.start());
      Scope scope = Scope.WHOLE.withFunds(region == null ? Scope.Funds.FISCAL : region.funds());
      for (Map.Entry<Indicator, Integer> e : columns.entrySet()) {
        int c = e.getValue();
        boolean count = e.getKey().kind == Indicator.Kind.COUNT;
        int whole = count ? wholeRow(t, c) : -1;
        if (count && whole < 0) continue;
        for (int r = t.headerRows(); r < t.rows().size(); r++) {
          if (count && r != whole) continue;
          List<String> row = t.rows().get(r);
          if (numbersColumns(row)) continue;
          // a row of the year before (2025年 | 10.00 | …, 上年预算数 | …), or of the change between
          // the years (增减变化金额): not the report's own
          if (!row.isEmpty()
              && (namesEarlierYear(row.get(0), year)
                  || row.get(0).contains("上年")
                  || CHANGE_ROW.matcher(row.get(0)).find())) continue;
          if (c >= row.size() || !NUMBER.matcher(row.get(c)).matches()) continue;
          int at = s.start() + t.offsets().get(r).get(c);
          String head = t.heads().get(c);
          IndicatorValue v =
              value(
                  e.getKey(),
                  at,
                  at + row.get(c).length(),
                  row.get(c),
                  t.unit(),
                  own,
                  SourceKind.TABLE,
                  (t.title() == null ? "" : t.title() + "：") + head + " " + row.get(c));
          if (v != null) out.add(v.withScope(count ? Scope.WHOLE : scope));
          break;
        }
      }
      spendingParts(t, s, scope, out);
    }
    return out;
  }

  /** A header cell naming the year its columns are of: 2025年预算数, 上年预算数, 本年. */
  private static final Pattern YEAR_GROUP =
      Pattern.compile("(?:19|20)\\d{2}\\s*年|上\\s*年|本\\s*年|当\\s*年|上一年度?");

  /** A group header of the year before, in words. */
  private static final Pattern EARLIER_GROUP = Pattern.compile("上\\s*年|上一年");

  /** A row of the change between two years' figures, not of either year. */
  private static final Pattern CHANGE_ROW = Pattern.compile("^\\s*(?:增减|增加|减少|变化|变动|差额|比上年)");

  /**
   * The year groups a header row writes, in order ({@code 2025年预算数}, {@code 2026年预算数}): the filled
   * cells of the first header row whose two or more filled cells each name a year; empty where none
   * does.
   */
  private static List<String> yearGroups(TextTable t) {
    for (int r = 0; r < t.headerRows() && r < t.rows().size(); r++) {
      List<String> filled = t.rows().get(r).stream().filter(x -> !x.isBlank()).toList();
      if (filled.size() >= 2 && filled.stream().allMatch(x -> YEAR_GROUP.matcher(x).find()))
        return filled;
    }
    return List.of();
  }

  /**
   * The year group column {@code c} falls under: in a header row whose two or more filled cells
   * each name a year ({@code 2025年预算数 | | … | 2026年预算数 | …}), the last filled cell at or before the
   * column — a group header written once over the columns it spans. Null where no header row groups
   * the columns by year.
   */
  private static String yearGroup(TextTable t, int c) {
    for (int r = 0; r < t.headerRows() && r < t.rows().size(); r++) {
      List<String> row = t.rows().get(r);
      String group = null;
      int filled = 0;
      boolean years = true;
      for (int i = 0; i < row.size(); i++) {
        if (row.get(i).isBlank()) continue;
        filled++;
        if (!YEAR_GROUP.matcher(row.get(i)).find()) years = false;
        if (i <= c) group = row.get(i);
      }
      if (filled >= 2 && years && group != null) return group;
    }
    return null;
  }

  /** A column that is all of the 基本支出 or of the 项目支出 (not a part of it under its header). */
  private static final Pattern WHOLE_PART = Pattern.compile("^(基本支出|项目支出)(?:合计|小计)?$");

  /** A table of spending by function or by item: not one of 基本支出 or 项目支出 alone, nor 三公. */
  private static final Pattern SPENDING_TABLE = Pattern.compile("支出");

  private static final Pattern NOT_SPENDING_TABLE = Pattern.compile("三公|基本支出|项目支出|绩效|政府采购");

  /**
   * A spending table's 合计 row under its 基本支出 and 项目支出 columns ({@code 合计 | 5,876.67 | 3,745.07 |
   * 2,131.61}): the department's 基本支出 and 项目支出 of the table's money. Only a row that says it is the
   * total, and only a column headed by the part alone (基本支出 over 人员支出 and 日常公用支出 is the first of
   * them).
   */
  private void spendingParts(TextTable t, Section s, Scope scope, List<IndicatorValue> out) {
    String title = t.title() == null ? "" : t.title().replaceAll("\\s", "");
    if (!SPENDING_TABLE.matcher(title).find() || NOT_SPENDING_TABLE.matcher(title).find()) return;
    for (int c = 1; c < t.heads().size(); c++) {
      Matcher head = WHOLE_PART.matcher(t.heads().get(c).replaceAll("[\\s\\u3000]", ""));
      if (!head.matches()) continue;
      if (namesEarlierYear(t.heads().get(c), year)) continue;
      Indicator ind =
          head.group(1).equals("基本支出")
              ? Indicator.BASIC_EXPENDITURE
              : Indicator.PROJECT_EXPENDITURE;
      for (int r = t.headerRows(); r < t.rows().size(); r++) {
        List<String> row = t.rows().get(r);
        String label = "";
        for (int k = 0; k < c && k < row.size() && label.isEmpty(); k++) {
          String before = row.get(k).strip();
          if (!before.isEmpty() && !NUMBER.matcher(before).matches()) label = before;
        }
        // 合计 | 基本支出 | 项目支出 | … over a row of amounts alone (18,330.37 | 9,312.90 | 6,459.58):
        // the table is its 合计 row, the first header naming the first amount
        boolean headedByTotal =
            label.isEmpty()
                && !row.isEmpty()
                && NUMBER.matcher(row.get(0).strip()).matches()
                && WHOLE_LABEL.matcher(t.heads().get(0).strip()).find();
        if (!WHOLE_LABEL.matcher(label).find() && !headedByTotal) continue;
        if (headedByTotal) label = t.heads().get(0).strip();
        if (c >= row.size()
            || c >= t.offsets().get(r).size()
            || !NUMBER.matcher(row.get(c)).matches()) break;
        int at = s.start() + t.offsets().get(r).get(c);
        IndicatorValue v =
            value(
                ind,
                at,
                at + row.get(c).length(),
                row.get(c),
                t.unit(),
                own,
                SourceKind.TABLE,
                (t.title() == null ? "" : t.title() + "：")
                    + label
                    + " "
                    + t.heads().get(c)
                    + " "
                    + row.get(c));
        if (v == null) break;
        // the row's 合计 is the sum of its other amounts: the columns are read as they stand
        if (headedByTotal && rowSums(row)) v = v.verifiedBy(List.of("row_sum"));
        out.add(v.withScope(scope));
        break;
      }
    }
  }

  /**
   * Whether a row of amounts alone has its first (its 合计) equal to the sum of the others, within
   * their rounding (a blank cell is nothing).
   */
  private static boolean rowSums(List<String> row) {
    if (row.size() < 3) return false;
    java.math.BigDecimal total = null, sum = java.math.BigDecimal.ZERO;
    int scale = 0;
    for (String c : row) {
      String cell = c.strip();
      if (cell.isEmpty()) continue;
      if (!NUMBER.matcher(cell).matches()) return false;
      java.math.BigDecimal d = Amounts.decimal(cell);
      scale = Math.max(scale, d.scale());
      if (total == null) total = d;
      else sum = sum.add(d);
    }
    if (total == null || total.signum() == 0) return false;
    double room = (row.size() - 1) * 0.5 * Math.pow(10, -scale) + 1e-9;
    return Math.abs(total.subtract(sum).doubleValue()) <= room;
  }

  /** A row labelled as the whole's total: 合计, 总计, 全部. */
  private static final Pattern WHOLE_LABEL = Pattern.compile("^(?:合\\s*计|总\\s*计|全\\s*部|共\\s*计)");

  /**
   * The row of a staff column that counts the whole department: its 合计 (or 总计) row; else, where no
   * row names a part, the first row with a count under the header ({@code 财政供养人员情况（人）| 编制数 |
   * 实际在职人数} over {@code | 8 | 7}). A row naming a unit or a kind of staff (本级, 行政编制, 某某中心) counts
   * only that part: with no total row, the whole is not stated. -1 when no row counts the whole.
   */
  private int wholeRow(TextTable t, int c) {
    int firstCount = -1;
    boolean parts = false;
    for (int r = t.headerRows(); r < t.rows().size(); r++) {
      List<String> row = t.rows().get(r);
      if (numbersColumns(row)) continue;
      String cell = c < row.size() ? row.get(c).strip() : "";
      // words where the counts stood (经费控制情况（万元）| 2024年决算数 …): another table's header,
      // the counts' rows end there
      boolean counted = firstCount >= 0 || parts;
      if (counted && !cell.isEmpty() && !NUMBER.matcher(cell).matches()) break;
      if (!NUMBER.matcher(cell).matches()) continue;
      String label = "";
      for (int k = 0; k < c && label.isEmpty(); k++) {
        String before = row.get(k).strip();
        if (!before.isEmpty() && !NUMBER.matcher(before).matches()) label = before;
      }
      if (WHOLE_LABEL.matcher(label).find()) return r;
      if (!label.isEmpty()) parts = true;
      else if (firstCount < 0) firstCount = r;
    }
    return parts ? -1 : firstCount;
  }

  /**
   * The totals of each summary table, by their place in its ledger: the year's income and spending,
   * the grand total on both sides (each side's statement of it), and — where a side lists no year
   * total and carries nothing over — the year's total as the grand total, when its parts add up to
   * it. A 财政拨款 table's year income is the 财政拨款收入.
   */
  List<IndicatorValue> ledgerFigures() {
    List<IndicatorValue> out = new ArrayList<>();
    for (Ledger l : ledgers) {
      Scope scope = Scope.WHOLE.withFunds(l.funds);
      addItem(out, l, l.item(l.income, Ledger.Kind.YEAR_TOTAL), Indicator.INCOME_TOTAL, scope);
      addItem(
          out, l, l.item(l.spending, Ledger.Kind.YEAR_TOTAL), Indicator.EXPENDITURE_TOTAL, scope);
      addItem(out, l, l.item(l.income, Ledger.Kind.GRAND), Indicator.GRAND_TOTAL, scope);
      addItem(out, l, l.item(l.spending, Ledger.Kind.GRAND), Indicator.GRAND_TOTAL, scope);
      if (l.funds == Scope.Funds.FISCAL)
        addItem(out, l, l.item(l.income, Ledger.Kind.YEAR_TOTAL), Indicator.FISCAL_INCOME, scope);
      // no year total and nothing carried: the year's total is the grand total, if parts add up
      for (boolean incomeSide : new boolean[] {true, false}) {
        List<Ledger.Item> side = incomeSide ? l.income : l.spending;
        if (l.item(side, Ledger.Kind.YEAR_TOTAL) != null || l.carries(side)) continue;
        if (!l.partsAddUp(side)) continue;
        Ledger.Item grand = l.item(side, Ledger.Kind.GRAND);
        Indicator year = incomeSide ? Indicator.INCOME_TOTAL : Indicator.EXPENDITURE_TOTAL;
        IndicatorValue v = ledgerValue(l, grand, year, scope);
        if (v != null)
          out.add(
              derived(
                  v,
                  v.source()
                      + "（"
                      + (incomeSide ? "收入" : "支出")
                      + "总计即本年"
                      + (incomeSide ? "收入" : "支出")
                      + "：表中无结转）"));
      }
    }
    return out;
  }

  private void addItem(
      List<IndicatorValue> out, Ledger l, Ledger.Item item, Indicator ind, Scope scope) {
    if (item == null) return;
    IndicatorValue v = ledgerValue(l, item, ind, scope);
    if (v != null) {
      out.add(v);
      families.put(v.start(), "ledger");
    }
  }

  private IndicatorValue ledgerValue(Ledger l, Ledger.Item item, Indicator ind, Scope scope) {
    IndicatorValue v =
        value(
            ind,
            item.start(),
            item.end(),
            item.asWritten(),
            l.unit,
            own,
            SourceKind.TABLE,
            (l.region.title() == null ? "" : l.region.title() + "：") + quoted(item.start()));
    return v == null ? null : v.withScope(scope);
  }

  /** A row's cells and where each begins in the text. */
  private record Row(List<String> cells, List<Integer> starts) {
    int start(int i) {
      return starts.get(i);
    }

    /**
     * Tab-separated cells; a row whose cells a PDF ran together ({@code 本年收入合计 2,946.25 本年支出合计
     * 2,940.05}) is cut where a label meets an amount.
     */
    static Row of(String line, int lineStart) {
      List<String> cells = new ArrayList<>();
      List<Integer> starts = new ArrayList<>();
      if (line.indexOf('\t') >= 0) {
        int at = lineStart;
        for (String cell : line.split("\t", -1)) {
          cells.add(cell);
          starts.add(at);
          at += cell.length() + 1;
        }
        return new Row(cells, starts);
      }
      Matcher tok = Pattern.compile("\\S+").matcher(line);
      StringBuilder label = null;
      int labelStart = 0;
      while (tok.find()) {
        String t = tok.group();
        boolean number = NUMBER.matcher(t).matches();
        if (number) {
          if (label != null) {
            cells.add(label.toString());
            starts.add(lineStart + labelStart);
            label = null;
          }
          cells.add(t);
          starts.add(lineStart + tok.start());
        } else if (label == null) {
          label = new StringBuilder(t);
          labelStart = tok.start();
        } else {
          label.append(line, labelStart + label.length(), tok.end());
        }
      }
      if (label != null) {
        cells.add(label.toString());
        starts.add(lineStart + labelStart);
      }
      return new Row(cells, starts);
    }
  }

  /** Whether a cell after {@code j} holds a number. */
  private static boolean laterNumber(List<String> cells, int j) {
    for (int k = j + 1; k < cells.size(); k++) {
      String c = cells.get(k).strip();
      if (c.isEmpty()) continue;
      return NUMBER.matcher(c).lookingAt(); // 552.83 (or 552.83 run into the next label)
    }
    return false;
  }
}
