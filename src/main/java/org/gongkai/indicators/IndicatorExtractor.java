package org.gongkai.indicators;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.model.ColumnRole;
import org.gongkai.model.IndicatorValue;
import org.gongkai.model.ReportKind;
import org.gongkai.model.Role;
import org.gongkai.model.Scope;
import org.gongkai.model.Section;
import org.gongkai.model.SourceKind;
import org.gongkai.model.TextTable;
import org.gongkai.text.ScriptFold;
import org.gongkai.text.Tables;

/**
 * Finds every statement of an indicator's value in a document's clean text — in sentences ({@code
 * 基本支出 315.18 万元}), in table rows (a label cell, then its number), in a summary table read as a
 * ledger ({@link Ledger}) — each with its unit, role, scope and provenance, and then decides each
 * indicator's headline ({@link Resolver}). Pure: text in, values out.
 *
 * <p><b>Scope.</b> A table row's scope is its table's: the title names the money ({@code 财政拨款收支总表}
 * is the treasury's money only, whatever its rows are called) and a column names the year and the
 * role ({@code 上年决算数}, {@code 年初预算数}). A sentence's scope is in the words of its clause before the
 * label ({@code 财政拨款收入支出总计}, {@code 一般公共预算财政拨款基本支出}, {@code 本级}, {@code 2023年}) and its role in the
 * words between label and number ({@code 支出决算为}, {@code 年初预算为}).
 *
 * <p><b>Sentences.</b> Prose is read by paragraph ({@link Prose}), so an amount or a label cut by a
 * PDF's line break is read whole. The first number after a label is its value, unless the words
 * between say it is a change ({@code 减少 77.76 万元}) or it is a percentage or a year; later numbers
 * in the same sentence count only when the words before them name a role. {@code 无…支出} states a
 * zero. A number without a unit takes the unit of its table's header ({@code 单位：万元}).
 *
 * <p><b>Totals written without their kind.</b> {@code 收入预算X万元} and {@code 支出预算X万元} (every template
 * surveyed) state the grand total, carry-overs included; where nothing is carried over — the
 * sentence's own breakdown says so, or the summary table lists no carry-over — they also state the
 * year's total. A text's {@code 收入总计} that equals the summary table's year total and not its grand
 * total names the year's income so (some reports use 总计 in both senses).
 */
public final class IndicatorExtractor {

  private static final String DIGIT = "[0-9０-９]";

  /**
   * Words of where a budget's money comes from: a report silent on carry-overs is taken to carry
   * none only where it speaks of its sources at all.
   */
  private static final Pattern SOURCE_WORDS =
      Pattern.compile("财\\s*政\\s*拨\\s*款|一\\s*般\\s*公\\s*共\\s*预\\s*算");

  /** {@code 离休 4 人，退休} right before a retired count. */
  private static final Pattern ELDERS_BEFORE =
      Pattern.compile(
          "离休(?:人员)?\\s*([0-9]{1,6})\\s*[人名]\\s*[，,、；;]?\\s*(?:其中)?\\s*退休(?:人员|人数)?\\s*(?:为|共|是)?\\s*$");

  /** {@code 人，离休 4 人} right after a retired count. */
  private static final Pattern ELDERS_AFTER =
      Pattern.compile("\\s*[人名]\\s*[，,、；;]\\s*离休(?:人员)?\\s*([0-9]{1,6})\\s*[人名](?!次)");

  /** Words of money carried over from earlier years, as letter-spaced PDFs write them too. */
  private static final Pattern CARRY_WORDS =
      Pattern.compile("结\\s*[转余]|以\\s*前\\s*年\\s*度|事\\s*业\\s*基\\s*金");

  /** “三公”经费 and its three items. */
  private static final java.util.Set<Indicator> THREE_PUBLIC_FAMILY =
      java.util.Set.of(
          Indicator.THREE_PUBLIC,
          Indicator.OVERSEAS_TRAVEL,
          Indicator.VEHICLES_EXPENSES,
          Indicator.RECEPTION);

  /**
   * A number as written: 465.38, 1,234.5, ４６５．３８; and as scans and PDFs break it, decided by the
   * digits' grouping: a space or line break after a thousands comma where exactly three digits
   * follow ({@code 101, 673.03}), or before the decimals of a number grouped in thousands ({@code
   * 244,895 .02}).
   */
  static final Pattern NUMBER =
      Pattern.compile(
          DIGIT
              + "{1,3}(?:[,，](?:[ \u00a0\n](?="
              + DIGIT
              + "{3}(?!"
              + DIGIT
              + ")))?"
              + DIGIT
              + "{3})+(?:[ \u00a0\n]?[.．]"
              + DIGIT
              + "+)?|"
              + DIGIT
              + "+(?:[.．]"
              + DIGIT
              + "+)?");

  private static final Pattern UNIT = Pattern.compile("^\\s*(亿元|万元|元|辆|人|名|个|分)");

  /**
   * A label of both sides' totals ({@code 收、支总计}, {@code 收入、支出总计}), and the word that gives each
   * its own.
   */
  private static final Pattern BOTH_SIDES = Pattern.compile("收[、，,]?支|收入[、，,]?支出");

  private static final Pattern EACH = Pattern.compile("各|分别");

  /** The next amount of a list and its unit: {@code ,4143.91万元}, {@code 和 20 万元}. */
  private static final Pattern SHARED_UNIT =
      Pattern.compile("\\s*[,，、和及与]\\s*[0-9０-９][0-9０-９,，.．]*\\s*(亿元|万元|元)");

  private static final Pattern CHANGE =
      Pattern.compile("增加|减少|增长|下降|上升|降低|增减|变动|持平|相比|较上年|比上年|比\\d{4}年");
  private static final Pattern HEADER_UNIT =
      Pattern.compile("单位\\s*[：:]\\s*(亿元|万元|元)|[（(](亿元|万元|元)[）)]");
  private static final Pattern FULL_STOP = Pattern.compile("[。！？!?]");

  /** An item of a list: {@code （一）}, {@code 1.}, {@code 一、}. */
  private static final Pattern LIST_ITEM =
      Pattern.compile(
          "\\s*(?:[（(][一二三四五六七八九十\\d]{1,3}[)）]|\\d{1,2}\\s*[.．、](?!\\d)|[一二三四五六七八九十]{1,3}、)");

  /**
   * A paragraph stating a total whose parts a list follows: it ends with its amount, or with 其中：.
   */
  private static final Pattern TOTAL_THEN_LIST =
      Pattern.compile("(?:万元|元)[。；]?\\s*$|(?:其中|包括)\\s*[：:]\\s*$");

  private static final Pattern CLAUSE_END = Pattern.compile("[；;]");

  /**
   * How far back in its clause the words that scope a label are looked for. The longest clause of a
   * real report runs a few hundred characters; text whose lines all ran together (no punctuation in
   * a million characters) would otherwise make every label read the whole text before it.
   */
  private static final int LOOKBACK = 1_000;

  private static final Pattern ORDINAL =
      Pattern.compile("^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\\d+[.、．])\\s*");

  /** What only prose has: sentence punctuation. */
  private static final Pattern PROSE = Pattern.compile("[，。；：;:]|,(?![0-9]{3})");

  /** A line that opens with a budget subject code (类/款/项 or 经济分类: 2080501, 30217). */
  private static final Pattern CODED_ROW = Pattern.compile("\\s*\\d{3,7}\\s+(?![年月日])[^\\d\\s]");

  /** A row of an economic classification: its code (302 17, 30217) then its name. */
  private static final Pattern ECONOMIC_CODE =
      Pattern.compile("^\\s*(?:3\\d{2}\\s*\\t?\\s*\\d{2}|3\\d{4})(?:\\s|\\t|$)");

  /**
   * Labels of totals that do not say which total they are: {@code 收入预算X万元}, {@code 本部门收入预算为X},
   * {@code 本单位收入为X}, {@code 1、收入：X万元}; the spending side alike. See the class comment.
   */
  private static final Pattern INCOME_BUDGET = budgetLabel("收入");

  private static final Pattern SPENDING_BUDGET = budgetLabel("支出");

  private static final Pattern PLAIN_INCOME = plainLabel("收入");

  private static final Pattern PLAIN_SPENDING = plainLabel("支出");

  /** {@code 收入预算}, {@code 收入总预算} (not 收入预算合计, 收入预算总计, 收入预算数为). */
  private static Pattern budgetLabel(String side) {
    return Pattern.compile(side + "总预算|" + side + "预算(?!合计|总计|总额|小计|数为?\\s*[0-9])");
  }

  /**
   * {@code 本单位收入为X}, {@code 部门收入：X}, {@code 1、收入：X}: the year's total, unless its own breakdown
   * lists a carry-over (then the grand total).
   */
  private static Pattern plainLabel(String side) {
    return Pattern.compile(
        "(?:本部门|本单位|部门|单位)(?:全年|年度|本年)?"
            + side
            + "(?:总额|总数)?(?=\\s*(?:为|是|共|[：:])?\\s*[0-9０-９])"
            + "|(?<=^|[、.．]\\s{0,2})"
            + side
            + "(?=\\s*[：:]\\s*[0-9０-９])");
  }

  /** A total of both sides ({@code 收支总预算X}, {@code 年度总收入X}): the grand total. */
  private static final Pattern GRAND_EXTRA =
      Pattern.compile("收支总预算|收支预算总额|总收入|总支出|收入预算总额|支出预算总额|预算收入总额|预算支出总额");

  /** The year's income alone, however named ({@code 包括本年收入X万元}, {@code 本年预算收入X}). */
  private static final Pattern YEAR_INCOME = Pattern.compile("[本当]年(?:预算)?收入(?:预算)?(?!合计|总计|小计)");

  private static final Pattern YEAR_SPENDING = Pattern.compile("[本当]年(?:预算)?支出(?:预算)?(?!合计|总计|小计)");

  private static final Pattern ANY_LABEL;

  static {
    StringBuilder sb = new StringBuilder();
    for (Indicator i : Indicator.values())
      sb.append(sb.length() == 0 ? "" : "|").append(i.pattern.pattern());
    ANY_LABEL = Pattern.compile(sb.toString());
  }

  /**
   * The longest number read (digits, separators, decimals), and how much of what follows it is
   * read.
   */
  static final int MAX_NUMBER = 40;

  static final int AFTER = 24;

  /** How far after a label (in characters) its number may stand. */
  static final int MAX_CONNECTOR = 14;

  /** How far back a table header's unit applies. */
  static final int HEADER_REACH = 3000;

  /** Every statement of every indicator in {@code text}, in text order, headlines decided. */
  public List<IndicatorValue> extract(
      String docId, String text, List<Section> sections, ReportKind documentKind) {
    return extract(docId, text, sections, documentKind, null);
  }

  /**
   * Every statement of every indicator in {@code text}, in text order, headlines decided; {@code
   * year} (the report's, or null) tells another year's figures ({@code 2023年…} in a 2024 report).
   */
  public List<IndicatorValue> extract(
      String docId, String text, List<Section> sections, ReportKind documentKind, Integer year) {
    Reading r = new Reading(docId, text, sections, Role.ownFigure(documentKind), year);
    return new Resolver(r.own, r.ledgers).resolve(r.statements());
  }

  /**
   * How a report words its totals, for the survey of phrasing: for each of 收入合计, 支出合计 and 收支总计, the
   * wordings of its statements in the headline scope ({@code income_budget} for 收入预算X, {@code
   * ledger} for a summary table's place, {@code table_row} for a table row's label …).
   */
  public Map<String, java.util.Set<String>> wordings(
      String docId, String text, List<Section> sections, ReportKind documentKind, Integer year) {
    Reading r = new Reading(docId, text, sections, Role.ownFigure(documentKind), year);
    Map<String, java.util.Set<String>> out = new java.util.TreeMap<>();
    for (IndicatorValue v : r.statements()) {
      if (!LEDGER_TOTALS.stream().anyMatch(i -> i.id.equals(v.indicator()))
          || v.role() != r.own
          || !v.scope().equals(Scope.WHOLE)) continue;
      String wording =
          v.sourceKind() == SourceKind.DERIVED
              ? "derived"
              : r.families.getOrDefault(v.start(), "table_row");
      out.computeIfAbsent(v.indicator(), k -> new java.util.TreeSet<>()).add(wording);
    }
    return out;
  }

  /** What one document's reading needs at hand: its text, layout, tables and ledgers. */
  private final class Reading {
    final String docId;

    /** The text as read: traditional characters folded to simplified ones. */
    final String text;

    /** The text as written, for what statements quote. */
    final String original;

    final List<Section> sections;
    final Role own;
    final Integer year;
    final Layout layout;
    final List<Placed> tables;
    final Map<Integer, List<ColumnRole>> roles;
    final List<Ledger> ledgers;

    /** The wording each sentence's statement was read by, by where its value stands. */
    final Map<Integer, String> families = new java.util.HashMap<>();

    /** What the words after a total list as its parts. */
    final Breakdown breakdown;

    Reading(String docId, String text, List<Section> sections, Role own, Integer year) {
      this.docId = docId;
      this.original = text;
      this.text = ScriptFold.simplify(text);
      this.sections = sections;
      this.own = own;
      this.year = year;
      this.layout = Layout.of(this.text);
      this.tables = tables(this.text, sections);
      this.roles = rowRoles(this.text, tables, year);
      this.ledgers = Ledger.read(this.text, layout, own);
      this.breakdown = new Breakdown(this.text);
    }

    /** Every statement of the document, not yet weighed: read, renamed, derived. */
    List<IndicatorValue> statements() {
      List<IndicatorValue> found = new ArrayList<>();
      rows(found);
      prose(found);
      found.addAll(columnFigures());
      found.addAll(ledgerFigures());
      List<IndicatorValue> values = dedupe(found);
      values = plainTotalsWithCarryOver(values);
      values = yearTotalsNamedTotals(values);
      values = yearTotalsBesideCarryOver(values);
      values.addAll(yearTotalsWithoutCarryOver(values));
      values = breakdowns(values);
      values = retireesWithTheirElders(values);
      IndicatorValue threePublic = threePublicFromParts(values, own);
      if (threePublic != null) values.add(threePublic);
      values.sort(
          Comparator.comparingInt(IndicatorValue::start).thenComparing(IndicatorValue::indicator));
      return values;
    }

    /** The ledger whose region holds {@code offset}, or null. */
    Ledger ledgerAt(int offset) {
      for (Ledger l : ledgers) if (l.region.contains(offset)) return l;
      return null;
    }

    /** The summary table of the whole report's money: the first ledger of all funds. */
    Ledger headlineLedger() {
      for (Ledger l : ledgers) if (l.funds == Scope.Funds.ALL) return l;
      return null;
    }

    /**
     * Whether a line is read as a table's row: tab-separated, or in a table's region, not prose.
     */
    boolean isRow(int lineStart, String line) {
      if (line.indexOf('\t') >= 0) return true;
      if (line.isBlank()) return false;
      Layout.Region region = layout.at(lineStart);
      if (region == null || Layout.isTitle(line)) return false;
      return !line.contains("。") && !line.contains("，") && NUMBER.matcher(line).find();
    }

    // ---- table rows

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
     * the item. The amounts of a performance table (绩效目标表, 绩效自评表) are what its targets cover, in no
     * scope of the report's own: not read.
     */
    private void tableRow(Row row, String line, List<ColumnRole> roles, List<IndicatorValue> out) {
      if (ECONOMIC_CODE.matcher(line).find()) return;
      Layout.Region region = layout.at(row.start(0));
      Ledger ledger = ledgerAt(row.start(0));
      boolean performance =
          region != null && region.title() != null && region.title().contains("绩效");
      Scope scope = Scope.WHOLE.withFunds(region == null ? Scope.Funds.ALL : region.funds());
      List<String> cells = row.cells();
      for (int i = 0; i < cells.size(); i++) {
        String label =
            ORDINAL.matcher(cells.get(i).strip()).replaceFirst("").replaceAll("[：:\\s]", "");
        for (Indicator ind : Indicator.values()) {
          if (!ind.pattern.matcher(label).matches()) continue;
          // a summary table read as a ledger gives its totals by their place, not their labels
          if (ledger != null && LEDGER_TOTALS.contains(ind)) continue;
          if (performance && ind.kind == Indicator.Kind.MONEY) continue;
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
            if (cell.matches("[0-9]{1,2}") && laterNumber(cells, j)) continue;
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
     * their amounts in the row below ({@code “三公”经费 小计 | 因公出国（境）费 | 公务用车购置及运行维护费 | 公务接待费} over
     * {@code 767.60 | 199.25 | 183.60 | 384.75}). Each column whose role is one of them gives the
     * first figure below its header, skipping a row that only numbers the columns ({@code 1 | 2 |
     * 3}). A table with a 预算 and a 决算 group of the same columns (a final account's 三公 table) gives
     * its own figure's group: a budget's the first, a final account's the last.
     */
    List<IndicatorValue> columnFigures() {
      List<IndicatorValue> out = new ArrayList<>();
      for (Placed placed : tables) {
        Section s = placed.section();
        TextTable t = placed.table();
        Map<Indicator, Integer> columns = new LinkedHashMap<>();
        for (int c = 0; c < t.roles().size(); c++) {
          ColumnRole role = t.roles().get(c);
          Indicator ind = role == null ? null : BY_COLUMN.get(role);
          if (ind == null) continue;
          // 2025年公务接待费 beside 2026年's: another year's column
          if (c < t.heads().size() && namesEarlierYear(t.heads().get(c), year)) continue;
          if (!columns.containsKey(ind) || own == Role.ACTUAL) columns.put(ind, c);
        }
        Layout.Region region = layout.at(s.start() + t.start());
        Scope scope = Scope.WHOLE.withFunds(region == null ? Scope.Funds.FISCAL : region.funds());
        for (Map.Entry<Indicator, Integer> e : columns.entrySet()) {
          int c = e.getValue();
          for (int r = t.headerRows(); r < t.rows().size(); r++) {
            List<String> row = t.rows().get(r);
            if (numbersColumns(row)) continue;
            // a row of the year before (2025年 | 10.00 | …, 上年预算数 | …): not the report's own
            if (!row.isEmpty() && (namesEarlierYear(row.get(0), year) || row.get(0).contains("上年")))
              continue;
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
            if (v != null) out.add(v.withScope(scope));
            break;
          }
        }
      }
      return out;
    }

    /**
     * The totals of each summary table, by their place in its ledger: the year's income and
     * spending, the grand total on both sides (each side's statement of it), and — where a side
     * lists no year total and carries nothing over — the year's total as the grand total, when its
     * parts add up to it. A 财政拨款 table's year income is the 财政拨款收入.
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

    /** The row holding {@code offset}, as the report writes it: its cells separated by spaces. */
    private String quoted(int offset) {
      int lineStart = original.lastIndexOf('\n', offset - 1) + 1;
      int lineEnd = original.indexOf('\n', offset);
      String row = original.substring(lineStart, lineEnd < 0 ? original.length() : lineEnd);
      return row.strip().replace('\t', ' ').replaceAll(" {2,}", " ");
    }

    // ---- prose

    void prose(List<IndicatorValue> out) {
      // a list's items (（一）人员经费…, （二）公用经费…) are the parts of the total stated right before
      // them (财政拨款基本支出预算13,979.92万元。): they are of its money
      Scope.Funds listed = Scope.Funds.ALL;
      int listEnd = -1;
      for (Prose.Paragraph p :
          Prose.paragraphs(text, at -> !isRow(at, lineAt(at)) && !isCoded(at))) {
        String s = p.text();
        boolean item = LIST_ITEM.matcher(s).lookingAt();
        boolean adjacent = listEnd >= 0 && p.offset(0) - listEnd <= 2;
        Scope.Funds inheritedByList = item && adjacent ? listed : Scope.Funds.ALL;
        if (!item) {
          boolean total = TOTAL_THEN_LIST.matcher(s).find() && s.length() <= 120;
          listed = total ? Layout.funds(s) : Scope.Funds.ALL;
        }
        if (!item || adjacent) listEnd = p.offset(s.length() - 1) + 1;
        int from = 0;
        Matcher end = FULL_STOP.matcher(s);
        while (from < s.length()) {
          TimeLimit.check();
          int e = end.find(from) ? end.end() : s.length();
          // a breakdown (其中：…；…；…) lists the parts of its subject's money, clause after clause
          int breakdown = s.indexOf("其中", from);
          Scope.Funds subject =
              breakdown >= 0 && breakdown < e
                  ? Layout.funds(s.substring(from, breakdown))
                  : Scope.Funds.ALL;
          Matcher clauseEnd = CLAUSE_END.matcher(s).region(from, e);
          int c = from;
          while (c < e) {
            int ce = clauseEnd.find() ? clauseEnd.end() : e;
            Scope.Funds inherited = breakdown >= 0 && breakdown < c ? subject : inheritedByList;
            sentence(p, c, ce, from, e, inherited, out);
            c = ce;
          }
          from = e;
        }
      }
    }

    private String lineAt(int at) {
      int end = text.indexOf('\n', at);
      return text.substring(at, end < 0 ? text.length() : end);
    }

    private boolean isCoded(int at) {
      return CODED_ROW.matcher(lineAt(at)).lookingAt();
    }

    /** The statements of one sentence ({@code [from, to)} of a paragraph). */
    private void sentence(
        Prose.Paragraph p,
        int from,
        int to,
        int sentenceFrom,
        int sentenceTo,
        Scope.Funds inherited,
        List<IndicatorValue> out) {
      String sentence = p.text().substring(from, to);
      String written = p.original(original, from, to); // as the report writes it
      // what a statement quotes: its whole sentence, every clause of it
      String quote = p.original(original, sentenceFrom, sentenceTo).strip();
      boolean prose = PROSE.matcher(sentence).find();
      List<Label> labels = new ArrayList<>();
      for (Label l : labels(sentence))
        if (labelStandsAlone(sentence, l.start(), l.indicator(), l.family())) labels.add(l);
      for (int li = 0; li < labels.size(); li++) {
        Label label = labels.get(li);
        Indicator ind = label.indicator();
        // a number after the next label is the next label's
        int reach = li + 1 < labels.size() ? labels.get(li + 1).start() : sentence.length();
        // a project's own score is not the department's: the overall score says 整体 (or is 总分)
        if (ind == Indicator.PERFORMANCE_SCORE
            && !label.text().equals("总分")
            && !sentence.contains("整体")) continue;
        if (partOfAnItem(sentence, label, labels)) continue;
        if (partOfOperatingExpenses(label, labels)) continue;
        Scope scope = clauseScope(sentence, label.start());
        if (scope.funds() == Scope.Funds.ALL) scope = scope.withFunds(inherited);
        boolean any = false;
        int numFrom = label.end();
        boolean first = true;
        Matcher num = NUMBER.matcher(sentence);
        // a number counts only within a short reach of the label (or of the number before it)
        while (numFrom < reach
            && num.region(numFrom, Math.min(reach, numFrom + MAX_CONNECTOR + 6 + MAX_NUMBER))
                .find()) {
          String connector = sentence.substring(numFrom, num.start());
          Matcher other = ANY_LABEL.matcher(connector);
          if (other.find()) break; // the number belongs to the next label
          // 财政拨款收入、支出总计: a total, not this label; 决算明细表公开06表: a table's name
          if (connector.contains("总计") || connector.contains("合计") || connector.contains("表"))
            break;
          // 项目支出主要用于职工服务经费47.2万元: one use of it; 其中：…: its parts
          if (connector.contains("用于") || connector.contains("包括") || connector.contains("其中"))
            break;
          // 基本支出中医疗业务支出X: a part of it, named after it
          if (first && connector.strip().startsWith("中")) break;
          if (first && connector.length() > MAX_CONNECTOR) break;
          if (!first && connector.length() > MAX_CONNECTOR + 6) break;
          String after =
              sentence.substring(num.end(), Math.min(sentence.length(), num.end() + AFTER));
          numFrom = num.end();
          if (isRowNumber(num.group(), after)) continue; // 本年收入合计 27 552.83: 27 is the row
          // ≤176万元, 控制在X万元以内: a target or a limit, not an amount stated
          if (isBound(sentence, num.start(), after)) {
            first = false;
            continue;
          }
          if (after.startsWith("%")
              || after.startsWith("％")
              || after.startsWith("表")
              || after.matches("^\\s*年.*")
              || after.matches("^\\s*[-－—]\\s*\\d.*") // 表1-3
              || CHANGE.matcher(connector).find()) {
            first = false;
            continue;
          }
          // 本年收入X万元，上年结转结余Y万元: Y is money carried over, not the year before's total
          if (!first && Breakdown.INCOME_CARRY.matcher(connector).find()) {
            first = false;
            continue;
          }
          Role role = role(connector, own);
          // 比2025年年初预算数44021.20万元, 较上年决算数X, 上年为X: the compared year's amount
          Comparison.Compared compared = Comparison.before(sentence, num.start(), year);
          if (compared != null && compared.period() == Scope.Period.PREVIOUS)
            role = Role.PREVIOUS_YEAR;
          // 收、支总计各是A、B万元: a total of both sides, one amount each
          boolean eachSide =
              !first
                  && ind == Indicator.GRAND_TOTAL
                  && BOTH_SIDES.matcher(label.text()).find()
                  && EACH.matcher(sentence.substring(label.end(), num.start())).find()
                  // 收、支总计各减少A、B万元: the changes of both, not their totals
                  && !CHANGE.matcher(sentence.substring(label.end(), num.start())).find();
          if (!first && role == null && !eachSide) {
            first = false;
            continue;
          }
          Matcher unit = UNIT.matcher(after);
          String unitText = unit.find() ? unit.group(1) : null;
          int unitEnd = unitText == null ? 0 : unit.end(); // the value as written runs to its unit
          if (unitText == null) {
            // 各是4125.49、4143.91万元: amounts listed together share the unit written once after them
            Matcher shared = SHARED_UNIT.matcher(after);
            if (shared.lookingAt()) unitText = shared.group(1);
          }
          // a bare number in a sentence, with no unit and no table's unit to take, is not a figure
          int valueEnd = num.end() + unitEnd;
          // 公务接待费 2.00: a bare label and number, no unit and no sentence around them, is a row
          SourceKind as = unitText == null && !prose ? SourceKind.TABLE : SourceKind.TEXT;
          Role r = role == null ? own : role;
          // the money may be named after the label too: “三公”经费财政拨款支出决算为…
          Scope.Funds named = Layout.funds(connector);
          if (scope.funds() == Scope.Funds.ALL && named != Scope.Funds.ALL)
            scope = scope.withFunds(named);
          IndicatorValue v =
              value(
                  ind,
                  p.offset(from + num.start()),
                  p.endOffset(from + valueEnd),
                  num.group(),
                  unitText,
                  r,
                  as,
                  quote,
                  written.substring(num.start(), valueEnd));
          if (v != null) {
            Scope sc =
                r == Role.PREVIOUS_YEAR
                        || compared != null && compared.period() == Scope.Period.PREVIOUS
                        || earlierYearNamed(sentence, num.start())
                    ? scope.withPeriod(Scope.Period.PREVIOUS)
                    : scope;
            // “三公”经费 under a heading that names its money (财政拨款“三公”经费预算情况说明): that money's
            if (THREE_PUBLIC_FAMILY.contains(ind)
                && sc.funds() == Scope.Funds.ALL
                && headingNamesFiscal(v.start())) sc = sc.withFunds(Scope.Funds.FISCAL);
            out.add(v.withScope(sc));
            families.put(v.start(), label.family());
            any = true;
          }
          first = false;
        }
        if (!any && ind.kind == Indicator.Kind.MONEY && statesNone(sentence, label.start())) {
          int at = p.offset(from + label.start());
          out.add(
              new IndicatorValue(
                      ind.id,
                      ind.label,
                      0,
                      "万元",
                      quote,
                      0.0,
                      own,
                      false,
                      SourceKind.STATEMENT,
                      docId,
                      sectionAt(sections, at),
                      quote,
                      at,
                      p.endOffset(from + label.end()))
                  .withScope(scope));
        }
      }
    }

    /**
     * Whether a “三公” item is named as a use of the 机关运行经费 before it in its sentence ({@code
     * 机关运行经费预算120万元，主要用于办公费60万元、公务接待费3万元}): the part of the administrative units' running costs,
     * not the department's 公务接待费.
     */
    private static boolean partOfOperatingExpenses(Label label, List<Label> labels) {
      Indicator i = label.indicator();
      if (i != Indicator.RECEPTION
          && i != Indicator.OVERSEAS_TRAVEL
          && i != Indicator.VEHICLES_EXPENSES
          && i != Indicator.THREE_PUBLIC) return false;
      for (Label l : labels)
        if (l.start() < label.start() && l.indicator() == Indicator.OPERATING_EXPENSES) return true;
      return false;
    }

    /** Words that make an amount a bound: a target, a ceiling, a floor. */
    private static final Pattern BOUND_BEFORE =
        Pattern.compile("(?:[≤≥<>＜＞≦≧]|不超过|不高于|不低于|不少于|不多于|控制在|低于|高于|小于|大于|至少|最多)\s*$");

    private static final Pattern BOUND_AFTER =
        Pattern.compile("^\s*(?:亿元|万元|元)?\s*(?:以内|以下|以上|之内)");

    /** Whether the number at {@code at} is a bound ({@code ≤176万元}, {@code 控制在X万元以内}). */
    private static boolean isBound(String sentence, int at, String after) {
      String before = sentence.substring(Math.max(0, at - 6), at);
      return BOUND_BEFORE.matcher(before).find() || BOUND_AFTER.matcher(after).find();
    }

    /** Whether the heading of the section holding {@code offset}, or one above it, says 财政拨款. */
    private boolean headingNamesFiscal(int offset) {
      // the nearest heading line above (a short line without a full stop that names 三公)
      int end = text.lastIndexOf('\n', Math.max(0, offset - 1));
      for (int k = 0; k < 6 && end > 0; k++) {
        int start = text.lastIndexOf('\n', end - 1) + 1;
        String line = text.substring(start, end).strip();
        if (line.contains("三公") && line.length() <= 40 && !line.contains("。"))
          return line.contains("财政拨款");
        end = start - 1;
      }
      for (Section sec : sections) {
        if (sec.start() > offset || offset >= sec.end()) continue;
        if (sec.heading() != null && sec.heading().contains("财政拨款")) return true;
        for (String b : sec.breadcrumb()) if (b.contains("财政拨款") && b.contains("三公")) return true;
      }
      return false;
    }

    /** Units below the department's own, named in a clause. */
    private static final Pattern UNITS_BELOW = Pattern.compile("(?:所属|下属|二级|基层)单位");

    private Pattern yearBefore; // the report's year before, as a clause writes it: 2023 年

    private Pattern yearBefore() {
      if (yearBefore == null) yearBefore = Pattern.compile((year - 1) + "\\s*年");
      return yearBefore;
    }

    /**
     * The scope the words before a label give it: the money its sentence is about ({@code
     * 政府性基金预算财政拨款年初结转和结余0万元，本年收入0万元} — the sentence's subject names it once for every item it
     * lists), and whose and which year its own clause says ({@code 本级}, {@code 所属单位}, {@code 上年},
     * the year before the report's).
     */
    private Scope clauseScope(String sentence, int labelStart) {
      int from = labelStart;
      while (from > 0
          && labelStart - from < 24
          && "，,；;。：:\n".indexOf(sentence.charAt(from - 1)) < 0) from--;
      String clause = sentence.substring(from, labelStart);
      Scope s =
          Scope.WHOLE.withFunds(
              Layout.funds(sentence.substring(Math.max(0, labelStart - LOOKBACK), labelStart)));
      if (clause.contains("本级")) s = s.withWhose(Scope.Whose.SELF);
      else if (UNITS_BELOW.matcher(clause).find()) s = s.withWhose(Scope.Whose.UNIT);
      boolean previous =
          clause.contains("上年")
              || clause.contains("去年")
              || year != null && yearBefore().matcher(clause).find();
      if (previous) s = s.withPeriod(Scope.Period.PREVIOUS);
      return s;
    }

    /**
     * Whether a 基本支出 or 项目支出 is the part of one item rather than of a total: {@code 机构运行
     * 1100910.5元，其中：基本支出1100910.5元，项目支出0元} — the amount its {@code 其中} breaks down is named by no
     * figure's label (a 项 of the functional classification, which every such 说明 lists one by one).
     */
    private boolean partOfAnItem(String sentence, Label label, List<Label> labels) {
      if (label.indicator() != Indicator.BASIC_EXPENDITURE
          && label.indicator() != Indicator.PROJECT_EXPENDITURE) return false;
      int lo = Math.max(0, label.start() - LOOKBACK);
      int of = sentence.substring(lo, label.start()).lastIndexOf("其中");
      if (of < 0) return false;
      of += lo;
      String head = sentence.substring(Math.max(0, of - LOOKBACK), of);
      if (!ITEM_AMOUNT.matcher(head).find() || TOTAL_WORDS.matcher(head).find()) return false;
      for (Label l : labels) if (l.start() < of) return false;
      return true;
    }

    /**
     * Whether the year named nearest before an amount in its sentence is earlier than the report's:
     * {@code 2021年的三公经费决算数合计为807.95万，其中：…公务接待费39.43万元} in a 2022 account, {@code
     * 公务接待费2016年预算8万元，2015年预算12.5万元} in a 2016 budget. A year compared against ({@code 比2019年},
     * {@code 与2022年相比}) is not the amount's.
     */
    private boolean earlierYearNamed(String sentence, int at) {
      if (year == null) return false;
      Integer last = null;
      for (Matcher m = NAMED_YEAR.matcher(sentence).region(Math.max(0, at - LOOKBACK), at);
          m.find(); ) {
        int b = m.start();
        while (b > 0 && Character.isWhitespace(sentence.charAt(b - 1))) b--;
        if (b > 0 && "比较与同".indexOf(sentence.charAt(b - 1)) >= 0) continue;
        last = Integer.parseInt(m.group(1));
      }
      return last != null && last < year;
    }

    // ---- totals written without their kind

    /**
     * A plainly named total ({@code 本单位收入为X}) is the year's, unless its own breakdown lists a
     * carry-over ({@code 其中：…上年结转结余Z万元}): then it is the grand total.
     */
    List<IndicatorValue> plainTotalsWithCarryOver(List<IndicatorValue> values) {
      List<IndicatorValue> out = new ArrayList<>(values.size());
      for (IndicatorValue v : values) {
        String family = families.get(v.start());
        boolean plain = "plain_income".equals(family) || "plain_spending".equals(family);
        if (plain
            && v.sourceKind() == SourceKind.TEXT
            && Boolean.TRUE.equals(breakdown.carried(v, family.equals("plain_income"))))
          out.add(renamed(v, Indicator.GRAND_TOTAL));
        else out.add(v);
      }
      return out;
    }

    /**
     * A text's 收入总计 (or 支出总计) that equals the summary table's year total and not its grand total
     * names the year's figure so: it is a statement of the year's total.
     */
    List<IndicatorValue> yearTotalsNamedTotals(List<IndicatorValue> values) {
      Ledger l = headlineLedger();
      if (l == null) return values;
      Ledger.Item inGrand = l.item(l.income, Ledger.Kind.GRAND);
      Ledger.Item outGrand = l.item(l.spending, Ledger.Kind.GRAND);
      Ledger.Item inYear = l.item(l.income, Ledger.Kind.YEAR_TOTAL);
      Ledger.Item outYear = l.item(l.spending, Ledger.Kind.YEAR_TOTAL);
      List<IndicatorValue> out = new ArrayList<>();
      for (IndicatorValue v : values) {
        if (v.indicator().equals(Indicator.GRAND_TOTAL.id)
            && v.sourceKind() == SourceKind.TEXT
            && v.scope().equals(Scope.WHOLE)
            && v.valueWan() != null) {
          String label = text.substring(Math.max(0, v.start() - 20), v.start());
          boolean spending = label.lastIndexOf("支出") > label.lastIndexOf("收入");
          Ledger.Item grand = spending ? outGrand : inGrand;
          Ledger.Item year = spending ? outYear : inYear;
          if (grand != null
              && year != null
              && !agrees(v, wan(grand, l))
              && agrees(v, wan(year, l))) {
            Indicator ind = spending ? Indicator.EXPENDITURE_TOTAL : Indicator.INCOME_TOTAL;
            out.add(renamed(v, ind));
            continue;
          }
        }
        out.add(v);
      }
      return out;
    }

    /**
     * A total read as a grand total ({@code 收入预算：年初预算数504.51万元}) whose breakdown names a carry-over
     * after parts that already add up to it ({@code 其中：一般公共预算拨款204.51万元，…事业收入300万元；
     * 上年结转结余资金29.81万元}) is the year's total: the carry-over is stated beside it, not in it.
     */
    List<IndicatorValue> yearTotalsBesideCarryOver(List<IndicatorValue> values) {
      List<IndicatorValue> out = new ArrayList<>(values.size());
      for (IndicatorValue g : values) {
        if (!g.indicator().equals(Indicator.GRAND_TOTAL.id)
            || g.sourceKind() != SourceKind.TEXT
            || g.valueWan() == null) {
          out.add(g);
          continue;
        }
        String label = text.substring(Math.max(0, g.start() - 20), g.start());
        int cut = Math.max(label.lastIndexOf('，'), label.lastIndexOf('。'));
        label = label.substring(cut + 1);
        boolean income = label.contains("收入") && !label.contains("支出");
        boolean spending = label.contains("支出") && !label.contains("收入");
        if (income == spending || !breakdown.besideCarryOver(g, income)) {
          out.add(g);
          continue;
        }
        out.add(renamed(g, income ? Indicator.INCOME_TOTAL : Indicator.EXPENDITURE_TOTAL));
      }
      return out;
    }

    /**
     * 收入合计 and 支出合计 a report states only through its grand total ({@code 收入预算X万元}, {@code 收入预算总计 X
     * 万元。包括：…}): where nothing is carried over — the sentence's breakdown lists no carry-over or
     * one of 0, or else the summary table carries nothing — the year's total is the grand total.
     * Only where the report states no year total of its own.
     */
    List<IndicatorValue> yearTotalsWithoutCarryOver(List<IndicatorValue> values) {
      List<IndicatorValue> out = new ArrayList<>();
      Ledger ledger = headlineLedger();
      for (Indicator yearInd : List.of(Indicator.INCOME_TOTAL, Indicator.EXPENDITURE_TOTAL)) {
        boolean stated =
            values.stream()
                .anyMatch(
                    v ->
                        v.indicator().equals(yearInd.id)
                            && v.role() == own
                            && v.scope().equals(Scope.WHOLE)
                            && v.valueWan() != null
                            && v.sourceKind() != SourceKind.DERIVED);
        if (stated) continue;
        boolean income = yearInd == Indicator.INCOME_TOTAL;
        String side = income ? "收入" : "支出";
        for (IndicatorValue g : values) {
          if (!g.indicator().equals(Indicator.GRAND_TOTAL.id)
              || g.role() != own
              || g.sourceKind() != SourceKind.TEXT
              || !g.scope().equals(Scope.WHOLE)
              || g.valueWan() == null) continue;
          String label = text.substring(Math.max(0, g.start() - 20), g.start());
          int cut = Math.max(label.lastIndexOf('，'), label.lastIndexOf('。'));
          label = label.substring(cut + 1);
          boolean both = label.matches(".*收[、，,]?支.*|.*收入[、，,]?支出.*");
          if (!both && !label.contains(side)) continue;
          if (!both && label.contains(income ? "支出" : "收入")) continue;
          Boolean carried = breakdown.carried(g, income);
          // a breakdown listing no carry-over beside a carry-over of money stated elsewhere (its
          // own section: 财政拨款收入X，其中：本年收入A，上年结转收入B) may hold it inside a part
          if (Boolean.FALSE.equals(carried) && breakdown.carryStatedElsewhere(g, income))
            carried = null;
          BigDecimal carry = Boolean.TRUE.equals(carried) ? breakdown.carriedIn(g, income) : null;
          // 收入预算X万元（含上年结转Y万元）: the year's is X less Y
          if (carry == null) carry = breakdown.heldCarry(g, income);
          if (carry != null) {
            // 收入预算X万元，其中：…上年结转Y万元, the parts adding up to X: the year's is X less Y
            out.add(lessCarryOver(g, yearInd, carry, side));
            break;
          }
          if (carried == null)
            carried =
                ledger == null ? null : ledger.carries(income ? ledger.income : ledger.spending);
          if (carried == null && grandsAgree(values, g) && carriesNothingSaid()) {
            // no breakdown, no summary table to say: a report that speaks of its sources and never
            // once of money carried over (nor of 以前年度, nor of 事业基金) carries none; 29 of 29
            // such budgets surveyed had none, every budget with a carry-over named it somewhere
            out.add(
                derived(
                    renamed(g, yearInd),
                    g.source()
                        + (silentOnCarryOver()
                            ? "（全文未提及结转结余：" + side + "总计即本年" + side + "）"
                            : "（所述结转结余皆为零：" + side + "总计即本年" + side + "）")));
            break;
          }
          if (carried == null || carried) continue;
          out.add(
              derived(renamed(g, yearInd), g.source() + "（" + side + "总计所列无结转：即本年" + side + "）"));
          break;
        }
      }
      return out;
    }

    /**
     * 离休 A 人，退休 B 人: the retired staff are A + B (离退休), said so in the source; a 离休 of 0 leaves 退休
     * B as stated.
     */
    List<IndicatorValue> retireesWithTheirElders(List<IndicatorValue> values) {
      List<IndicatorValue> out = new ArrayList<>(values.size());
      for (IndicatorValue v : values) {
        if (!v.indicator().equals(Indicator.STAFF_RETIRED.id)
            || v.sourceKind() != SourceKind.TEXT) {
          out.add(v);
          continue;
        }
        String before = text.substring(Math.max(0, v.start() - 28), v.start());
        String after = text.substring(v.end(), Math.min(text.length(), v.end() + 20));
        Matcher pre = ELDERS_BEFORE.matcher(before);
        Matcher post = ELDERS_AFTER.matcher(after);
        String elders = pre.find() ? pre.group(1) : post.lookingAt() ? post.group(1) : null;
        int label = before.lastIndexOf("退休");
        if (label > 0 && before.charAt(label - 1) == '离') {
          out.add(v); // 离退休人员 N: the count itself
          continue;
        }
        // 离退休人员241人，其中：离休1人，退休240人: the 退休 is a part of the count stated
        if (label > 0 && before.substring(0, label).contains("离退休")) continue;
        if (elders == null || Integer.parseInt(elders) == 0) {
          out.add(v);
          continue;
        }
        int retired = (int) v.value(), sum = retired + Integer.parseInt(elders);
        IndicatorValue d = derived(v, v.source() + "（离休" + elders + "人＋退休" + retired + "人）");
        out.add(
            new IndicatorValue(
                d.indicator(),
                d.name(),
                sum,
                d.unit(),
                Integer.toString(sum),
                null,
                d.role(),
                false,
                SourceKind.DERIVED,
                d.docId(),
                d.sectionId(),
                d.source(),
                d.start(),
                d.end(),
                d.scope(),
                false,
                List.of(),
                false));
      }
      return out;
    }

    /**
     * Whether the report never speaks of money carried over: no 结转, 结余, 以前年度 or 事业基金 (a glossary's
     * 使用以前年度积累的事业基金 is the only word of it in some templates), letter-spaced or not, anywhere in
     * its text.
     */
    boolean silentOnCarryOver() {
      return SOURCE_WORDS.matcher(text).find() && !CARRY_WORDS.matcher(text).find();
    }

    /**
     * Whether the report says of carry-overs nothing but that there are none: silent on them, or
     * every word of one stated with an amount of 0 ({@code 上年结转结余为0万元}) or said to be none ({@code
     * 本部门无此项结转资金}).
     */
    boolean carriesNothingSaid() {
      if (!SOURCE_WORDS.matcher(text).find()) return false;
      for (Matcher m = CARRY_WORDS.matcher(text); m.find(); ) {
        String before = text.substring(Math.max(0, m.start() - 8), m.start());
        if (before.matches(".*无[^，,。；;\\n]*")) continue; // 本部门无此项结转资金
        Matcher amount =
            NUMBER.matcher(text).region(m.end(), Math.min(text.length(), m.end() + 16));
        if (amount.find()
            && text.substring(m.end(), amount.start()).matches("[^，,。；;\\n\\d]*")
            && parse(amount.group()) == 0) continue;
        return false;
      }
      return true;
    }

    /** Whether every statement of the whole's grand total this year says what {@code g} says. */
    private boolean grandsAgree(List<IndicatorValue> values, IndicatorValue g) {
      for (IndicatorValue v : values)
        if (v.indicator().equals(Indicator.GRAND_TOTAL.id)
            && v.role() == own
            && v.scope().equals(Scope.WHOLE)
            && v.valueWan() != null
            && !agrees(v, g.valueWan())) return false;
      return true;
    }

    /**
     * The year's total of a grand total whose own breakdown lists the carry-over among parts that
     * add up to it: the grand total less the carry-over, said so in its source.
     */
    private IndicatorValue lessCarryOver(
        IndicatorValue g, Indicator yearInd, BigDecimal carryWan, String side) {
      String unit = g.unit() == null ? "万元" : g.unit();
      BigDecimal carry =
          switch (unit) {
            case "元" -> carryWan.movePointRight(4);
            case "亿元" -> carryWan.movePointLeft(4);
            default -> carryWan;
          };
      BigDecimal value = BigDecimal.valueOf(g.value()).subtract(carry).stripTrailingZeros();
      String written =
          value.scale() < 0 ? value.setScale(0).toPlainString() : value.toPlainString();
      IndicatorValue v = renamed(g, yearInd);
      String source =
          g.source()
              + "（"
              + side
              + "总计减所列结转 "
              + carry.stripTrailingZeros().toPlainString()
              + unit
              + "：即本年"
              + side
              + "）";
      return new IndicatorValue(
          v.indicator(),
          v.name(),
          value.doubleValue(),
          unit,
          written,
          Amounts.wan(value, unit).doubleValue(),
          v.role(),
          false,
          SourceKind.DERIVED,
          v.docId(),
          v.sectionId(),
          source,
          v.start(),
          v.end(),
          v.scope(),
          false,
          List.of(),
          false);
    }

    /**
     * Totals whose own words list their parts, and the parts add up to them ({@code 收入预算总计 20849.45
     * 万元。包括：1．财政拨款收入预算总计 20702.25 万元。2．财政专户管理资金收入预算总计 147.20 万元。}, {@code
     * 收入预算9,101.68万元，其中：财政拨款收入9,101.68万元；事业收入0万元}): confirmed by their {@code breakdown}.
     */
    // ---- a total's own breakdown

    List<IndicatorValue> breakdowns(List<IndicatorValue> values) {
      List<IndicatorValue> out = new ArrayList<>(values.size());
      for (IndicatorValue v : values) {
        boolean total = LEDGER_TOTALS.stream().anyMatch(i -> i.id.equals(v.indicator()));
        if (total
            && v.sourceKind() == SourceKind.TEXT
            && v.valueWan() != null
            && breakdown.addsUp(v)) out.add(v.verifiedBy(List.of("breakdown")));
        else out.add(v);
      }
      return out;
    }

    // ---- values

    private IndicatorValue value(
        Indicator ind,
        int start,
        int end,
        String number,
        String unit,
        Role role,
        SourceKind kind,
        String source) {
      return value(
          ind, start, end, number, unit, role, kind, source, original.substring(start, end));
    }

    private IndicatorValue value(
        Indicator ind,
        int start,
        int end,
        String number,
        String unit,
        Role role,
        SourceKind kind,
        String source,
        String asWritten) {
      BigDecimal exact;
      try {
        exact = Amounts.decimal(number);
      } catch (NumberFormatException e) {
        return null;
      }
      if (exact.precision() - exact.scale() > 15) return null; // no report could mean it
      double v = exact.doubleValue();
      if (ind.kind != Indicator.Kind.MONEY && v > ind.kind.max) return null;
      String u = unit;
      Double wan = null;
      switch (ind.kind) {
        case MONEY -> {
          if (u == null) u = headerUnit(start);
          if (u == null || !(u.equals("元") || u.equals("万元") || u.equals("亿元"))) return null;
          wan = Amounts.wan(exact, u).doubleValue();
          if (wan > Indicator.Kind.MONEY.max) return null;
        }
        case COUNT -> {
          if (u != null && !(u.equals("辆") || u.equals("人") || u.equals("名") || u.equals("个")))
            return null;
          if (u == null) u = ind == Indicator.VEHICLES ? "辆" : "人";
        }
        case SCORE -> {
          if (u != null && !u.equals("分")) return null;
          u = "分";
        }
      }
      return new IndicatorValue(
          ind.id,
          ind.label,
          v,
          u,
          asWritten,
          wan,
          role,
          false,
          kind,
          docId,
          sectionAt(sections, start),
          source,
          start,
          end);
    }

    /** The unit of the nearest table header before {@code at}: its region's, or within reach. */
    private String headerUnit(int at) {
      Layout.Region region = layout.at(at);
      if (region != null && region.unit() != null) return region.unit();
      int from = Math.max(0, at - HEADER_REACH);
      Matcher m = HEADER_UNIT.matcher(text.substring(from, at));
      String unit = null;
      while (m.find())
        unit = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
      return unit;
    }
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

  /** A label found in a sentence: which indicator, where, and the family of wording it is. */
  private record Label(Indicator indicator, int start, int end, String text, String family) {}

  /** Every label of a sentence, the indicators' own and the totals written without their kind. */
  private static List<Label> labels(String sentence) {
    List<Label> out = new ArrayList<>();
    for (Indicator ind : Indicator.values()) {
      if (!ind.mayLabel(sentence)) continue;
      Matcher m = ind.pattern.matcher(sentence);
      while (m.find()) out.add(new Label(ind, m.start(), m.end(), m.group(), ind.id));
    }
    // each family's wordings all hold the words given (总收入, 收支总预算 … all say 总)
    if (sentence.indexOf('总') >= 0)
      addLabels(out, sentence, GRAND_EXTRA, Indicator.GRAND_TOTAL, "grand_total");
    // 本年收入预算X is the year's own income (本年收入合计), not the income budget's grand total
    if (sentence.contains("本年") || sentence.contains("当年")) {
      addLabels(out, sentence, YEAR_INCOME, Indicator.INCOME_TOTAL, "year_income");
      addLabels(out, sentence, YEAR_SPENDING, Indicator.EXPENDITURE_TOTAL, "year_spending");
    }
    if (sentence.contains("预算")) {
      addLabels(out, sentence, INCOME_BUDGET, Indicator.GRAND_TOTAL, "income_budget");
      addLabels(out, sentence, SPENDING_BUDGET, Indicator.GRAND_TOTAL, "spending_budget");
    }
    if (sentence.contains("收入"))
      addLabels(out, sentence, PLAIN_INCOME, Indicator.INCOME_TOTAL, "plain_income");
    if (sentence.contains("支出"))
      addLabels(out, sentence, PLAIN_SPENDING, Indicator.EXPENDITURE_TOTAL, "plain_spending");
    out.sort(Comparator.comparingInt(Label::start));
    return out;
  }

  /** Labels of a wording family that no indicator's own label already covers at that place. */
  private static void addLabels(
      List<Label> out, String sentence, Pattern p, Indicator ind, String family) {
    Matcher m = p.matcher(sentence);
    while (m.find()) {
      int s = m.start(), e = m.end();
      boolean covered = out.stream().anyMatch(l -> l.start() < e && s < l.end());
      if (!covered) out.add(new Label(ind, s, e, m.group(), family));
    }
  }

  /** The indicators of a summary table that its ledger gives by place. */
  private static final java.util.Set<Indicator> LEDGER_TOTALS =
      java.util.Set.of(Indicator.INCOME_TOTAL, Indicator.EXPENDITURE_TOTAL, Indicator.GRAND_TOTAL);

  /** The indicators a table's column holds, by the column's role. */
  private static final Map<ColumnRole, Indicator> BY_COLUMN =
      Map.of(
          ColumnRole.THREE_PUBLIC, Indicator.THREE_PUBLIC,
          ColumnRole.ABROAD, Indicator.OVERSEAS_TRAVEL,
          ColumnRole.VEHICLES, Indicator.VEHICLES_EXPENSES,
          ColumnRole.RECEPTION, Indicator.RECEPTION);

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

  /** The words of a total's name ({@code 各项支出总计}, {@code 一般公共预算拨款支出}, {@code 支出决算}). */
  private static final Pattern TOTAL_WORDS =
      Pattern.compile("总计|合计|总额|总支出|支出总|本年支出|全年支出|各项支出|支出预算|支出决算|拨款支出|公共预算支出|预算支出");

  /** An amount with its unit, as an item's total before its {@code 其中}. */
  private static final Pattern ITEM_AMOUNT =
      Pattern.compile("[0-9][0-9,]*(?:\\.[0-9]+)?\\s*(?:亿元|万元|元)");

  /** A year named in words (2021年, 2016 年度), not a date's (2023年12月31日). */
  private static final Pattern NAMED_YEAR =
      Pattern.compile("((?:19|20)\\d{2})\\s*年(?!\\s*\\d{1,2}\\s*月)");

  private static IndicatorValue renamed(IndicatorValue v, Indicator ind) {
    return new IndicatorValue(
        ind.id,
        ind.label,
        v.value(),
        v.unit(),
        v.asWritten(),
        v.valueWan(),
        v.role(),
        false,
        v.sourceKind(),
        v.docId(),
        v.sectionId(),
        v.source(),
        v.start(),
        v.end(),
        v.scope(),
        false,
        List.of(),
        false);
  }

  private static IndicatorValue derived(IndicatorValue v, String source) {
    return new IndicatorValue(
        v.indicator(),
        v.name(),
        v.value(),
        v.unit(),
        v.asWritten(),
        v.valueWan(),
        v.role(),
        false,
        SourceKind.DERIVED,
        v.docId(),
        v.sectionId(),
        source,
        v.start(),
        v.end(),
        v.scope(),
        false,
        List.of(),
        false);
  }

  /** An amount of a ledger's item in 万元, as a statement to compare with. */
  private static double wan(Ledger.Item item, Ledger l) {
    return Amounts.wan(item.amount(), l.unit == null ? "万元" : l.unit).doubleValue();
  }

  /** Whether {@code v} agrees with an amount (in 万元) within its own rounding. */
  private static boolean agrees(IndicatorValue v, double wan) {
    return Math.abs(v.valueWan() - wan) <= Amounts.halfUnitWan(v.asWritten(), v.unit()) + 1e-6;
  }

  /**
   * “三公”经费 is 因公出国（境）费 + 公务用车购置及运行（维护）费 + 公务接待费. A report that states the three items of its own
   * year but no total of them (many budgets: 因公出国（境）费支出 70 万元 … 公务用车 购置及运行费支出 411.2 万元 … 公务接待费支出 28
   * 万元) states the total through them; a total the report writes itself always wins.
   */
  private static IndicatorValue threePublicFromParts(List<IndicatorValue> values, Role ownRole) {
    for (IndicatorValue v : values)
      if (v.indicator().equals(Indicator.THREE_PUBLIC.id) && v.valueWan() != null) return null;
    List<IndicatorValue> parts = new ArrayList<>();
    for (Indicator part :
        List.of(Indicator.OVERSEAS_TRAVEL, Indicator.VEHICLES_EXPENSES, Indicator.RECEPTION)) {
      IndicatorValue first = null;
      for (SourceKind kind : List.of(SourceKind.TEXT, SourceKind.TABLE, SourceKind.STATEMENT)) {
        for (IndicatorValue v : values) {
          if (first == null
              && v.indicator().equals(part.id)
              && v.role() == ownRole
              && v.scope().period() == Scope.Period.CURRENT
              && v.scope().whose() == Scope.Whose.WHOLE
              && v.sourceKind() == kind
              && v.valueWan() != null) {
            first = v;
          }
        }
      }
      if (first == null) return null;
      parts.add(first);
    }
    BigDecimal sum = BigDecimal.ZERO;
    for (IndicatorValue p : parts) sum = sum.add(BigDecimal.valueOf(p.valueWan()));
    StringBuilder source = new StringBuilder();
    for (IndicatorValue p : parts) {
      if (source.length() > 0) source.append(" + ");
      source.append(p.name()).append(' ').append(fmt(p.valueWan())).append(" 万元");
    }
    double total = sum.doubleValue();
    source.append(" = ").append(fmt(total)).append(" 万元");
    IndicatorValue at =
        parts.stream().min(Comparator.comparingInt(IndicatorValue::start)).orElseThrow();
    int end = parts.stream().mapToInt(IndicatorValue::end).max().orElseThrow();
    Indicator t = Indicator.THREE_PUBLIC;
    return new IndicatorValue(
        t.id,
        t.label,
        total,
        "万元",
        fmt(total),
        total,
        ownRole,
        false,
        SourceKind.DERIVED,
        at.docId(),
        at.sectionId(),
        source.toString(),
        at.start(),
        end,
        parts.get(0).scope(),
        false,
        List.of(),
        false);
  }

  private static String fmt(double v) {
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  /**
   * Whether the label is the indicator itself and not part of a longer name: {@code 综合保障经费项目支出} is
   * one project's spending, {@code 基金预算收入} a fund's. A total preceded by the money it is about
   * ({@code 财政拨款收入支出总计}) is that money's total: its scope says so.
   */
  private static boolean labelStandsAlone(String s, int start, Indicator ind, String family) {
    if (start == 0) return true;
    if (ind == Indicator.FISCAL_INCOME) {
      String before = s.substring(Math.max(0, start - 4), start);
      if (before.endsWith("预算") || before.endsWith("基金")) return false;
    }
    if (ind == Indicator.PERFORMANCE_SCORE)
      return true; // checked by its own rule: the sentence must say 整体
    char c = s.charAt(start - 1);
    if (Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN) return true;
    if (ind == Indicator.STAFF_RETIRED) {
      // 其中退休人员, 现有离退休人员: the whole's; 退休职工 of a project's beneficiaries has no count
      String b = s.substring(Math.max(0, start - 4), start);
      if (b.endsWith("其中") || b.endsWith("现有") || b.endsWith("另有")) return true;
      return STAFF_SUBJECT_END.indexOf(c) >= 0;
    }
    if (ind == Indicator.STAFF_QUOTA || ind == Indicator.STAFF_ACTUAL) {
      // 在职人员编制496人, 现有在职 12 人: the whole staff; 工勤人员编制26人 is one kind's part
      String b = s.substring(Math.max(0, start - 6), start);
      if (b.endsWith("在职人员") || b.endsWith("现有") || b.endsWith("实有")) return true;
      if (STAFF_SUBJECT_END.indexOf(c) >= 0) return true; // 本单位实有人员, 本局编制
      if (b.endsWith("人员")) {
        char d = start >= 3 ? s.charAt(start - 3) : ' ';
        return Character.UnicodeScript.of(d) != Character.UnicodeScript.HAN
            || STAFF_SUBJECT_END.indexOf(d) >= 0;
      }
    }
    if (family.equals("income_budget")
        || family.equals("spending_budget")
        || family.equals("grand_total")
        || family.equals("plain_income")
        || family.equals("plain_spending")) {
      // 收入预算 after the issuer's name, 部门/单位 or the year (the money's name aside: 财政拨款收入预算):
      // the total; after a source's or a use's name (事业收入预算, “三公”经费财政拨款支出预算) a part of it
      String subject =
          FUNDS_AT_END.matcher(s.substring(Math.max(0, start - 16), start)).replaceFirst("");
      if (subject.isEmpty()) return true;
      // 单位财务总收入X: the unit's whole income
      if (family.equals("grand_total") && subject.endsWith("财务")) return true;
      char last = subject.charAt(subject.length() - 1);
      return Character.UnicodeScript.of(last) != Character.UnicodeScript.HAN
          || WHOLE_SUBJECT_END.indexOf(last) >= 0;
    }
    String before = s.substring(Math.max(0, start - 6), start);
    if (before.endsWith("政府采购")) return false; // 政府采购支出总额 is an indicator of its own
    // 财政拨款收入支出总计, 一般公共预算财政拨款基本支出: a total or item of one kind of money
    if (before.endsWith("财政拨款")) return true;
    // 2024 年度机关运行经费, 其中：基本支出, 武汉市汉阳区总工会整体绩效… (an issuer's name ends in 会, 局 …)
    return "度中年为的及和与计：是无共其本款数会局委办院厅室站所心级".indexOf(c) >= 0;
  }

  /** How the subject before a whole staff count ends: the issuer, 本部门, 共 (not 行政, 工勤 …). */
  private static final String STAFF_SUBJECT_END = "局委办院厅室站所心会处部队校馆团社盟联园门位有共计为";

  /** The name of the money a label is about, just before it ({@code 财政拨款}, {@code 一般公共预算拨款}). */
  private static final Pattern FUNDS_AT_END =
      Pattern.compile("(?:财政拨款|一般公共预算(?:拨款|财政拨款)?|政府性基金(?:预算)?(?:拨款|财政拨款)?|国有资本经营预算(?:拨款|财政拨款)?)$");

  /**
   * How a subject naming the whole issuer, or a year, ends: 局, 委, 办, 院, 处 … (an issuer's name), 部门,
   * 单位, 年, 年度, 为, 的.
   */
  private static final String WHOLE_SUBJECT_END = "度年位门局委办院厅室站所心会处部队校馆团社盟联园中为的";

  /** A small whole number followed by another number: the row number (行次) column of a table. */
  private static boolean isRowNumber(String number, String after) {
    return number.length() <= 2
        && number.chars().allMatch(Character::isDigit)
        && after.matches("^\\s+[0-9０-９].*");
  }

  /** {@code 本单位当年无财政拨款“三公”经费支出}: the sentence says the amount is nothing. */
  private static boolean statesNone(String s, int labelStart) {
    String before = s.substring(Math.max(0, labelStart - 8), labelStart);
    return before.contains("无") && !before.contains("无法");
  }

  /** The role the words before a number give it, or null when they name none. */
  private static Role role(String connector, Role ownRole) {
    if (connector.contains("上年")) return Role.PREVIOUS_YEAR;
    if (connector.contains("调整预算") || connector.contains("调整后预算") || connector.contains("全年预算"))
      return Role.ADJUSTED_BUDGET;
    if (connector.contains("预算"))
      return ownRole == Role.PLANNED ? Role.PLANNED : Role.INITIAL_BUDGET;
    if (connector.contains("决算") || connector.contains("执行数")) return Role.ACTUAL;
    return null;
  }

  // ---- table rows

  /** A table of the document and the section it stands in. */
  private record Placed(Section section, TextTable table) {}

  /** Every table of the document, found once for the figures read by column and by row. */
  private static List<Placed> tables(String text, List<Section> sections) {
    List<Placed> out = new ArrayList<>();
    for (Section s : sections) {
      int tab = text.indexOf('\t', s.start());
      if (tab < 0 || tab >= s.end()) continue;
      for (TextTable t : Tables.find(s.id(), text.substring(s.start(), s.end())))
        out.add(new Placed(s, t));
    }
    return out;
  }

  /**
   * The column roles of each table row, by the row's offset in the text (rows of tables whose
   * header names no role are left out).
   */
  private static Map<Integer, List<ColumnRole>> rowRoles(
      String text, List<Placed> tables, Integer year) {
    Map<Integer, List<ColumnRole>> out = new java.util.HashMap<>();
    for (Placed placed : tables) {
      Section s = placed.section();
      TextTable t = placed.table();
      List<ColumnRole> roles = yearRoles(t, year);
      if (roles.stream().allMatch(java.util.Objects::isNull)) continue;
      for (int r = t.headerRows(); r < t.rows().size(); r++) {
        int cell = s.start() + t.offsets().get(r).get(0);
        out.put(text.lastIndexOf('\n', cell - 1) + 1, roles); // the row's line
      }
    }
    return out;
  }

  /**
   * A table's column roles, with a column whose header names a year before the report's ({@code
   * 2025年预算数} in a 2026 budget) as that year's: another figure than the report's own.
   */
  static List<ColumnRole> yearRoles(TextTable t, Integer year) {
    if (year == null) return t.roles();
    List<ColumnRole> out = new ArrayList<>(t.roles());
    for (int c = 0; c < out.size() && c < t.heads().size(); c++)
      if (namesEarlierYear(t.heads().get(c), year))
        out.set(
            c,
            t.heads().get(c).contains("决算") || t.heads().get(c).contains("执行")
                ? ColumnRole.PRIOR_ACTUAL
                : ColumnRole.PRIOR_BUDGET);
    return out;
  }

  /** Whether {@code s} names a year before {@code year} ({@code 2025年}, {@code 2025年度}). */
  static boolean namesEarlierYear(String s, Integer year) {
    if (s == null || year == null) return false;
    for (Matcher m = NAMED_YEAR.matcher(s.replaceAll("\\s", "")); m.find(); )
      if (Integer.parseInt(m.group(1)) < year) return true;
    return false;
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

  /**
   * Whether a column holds another figure than the document's own: another year's (上年决算数), or a
   * budget's in a final account (年初预算数 beside 决算数), or an actual's in a budget.
   */
  static boolean otherFigure(ColumnRole role, Role ownRole) {
    if (role == null) return false;
    return switch (role) {
      case PRIOR_ACTUAL, PRIOR_BUDGET -> true;
      case INITIAL_BUDGET, ADJUSTED_BUDGET, FULL_YEAR_BUDGET, BUDGET -> ownRole == Role.ACTUAL;
      case ACTUAL -> ownRole == Role.PLANNED;
      default -> false;
    };
  }

  static double parse(String number) {
    return Amounts.decimal(number).doubleValue();
  }

  private static String sectionAt(List<Section> sections, int offset) {
    String id = null;
    for (Section s : sections) {
      if (s.start() <= offset) id = s.id();
      if (s.start() <= offset && offset < s.end()) return s.id();
    }
    return id;
  }

  /**
   * One mention per place and indicator; a "无…支出" statement only where the document gives the
   * indicator no number.
   */
  private static List<IndicatorValue> dedupe(List<IndicatorValue> values) {
    java.util.Set<String> numeric = new java.util.HashSet<>();
    for (IndicatorValue v : values)
      if (v.sourceKind() != SourceKind.STATEMENT) numeric.add(v.indicator());
    Map<String, IndicatorValue> unique = new LinkedHashMap<>();
    for (IndicatorValue v : values) {
      if (v.sourceKind() == SourceKind.STATEMENT && numeric.contains(v.indicator())) continue;
      unique.putIfAbsent(v.indicator() + "@" + v.start(), v);
    }
    List<IndicatorValue> out = new ArrayList<>(unique.values());
    out.sort(
        Comparator.comparingInt(IndicatorValue::start).thenComparing(IndicatorValue::indicator));
    return out;
  }

  /** Whether a stated value and another agree within the stated one's rounding. */
  static boolean agree(IndicatorValue stated, IndicatorValue other) {
    if (stated.valueWan() == null || other.valueWan() == null)
      return Math.abs(stated.value() - other.value()) < 1e-9;
    double tolerance =
        Math.max(
            Amounts.halfUnitWan(stated.asWritten(), stated.unit()),
            Amounts.halfUnitWan(other.asWritten(), other.unit()));
    return Math.abs(stated.valueWan() - other.valueWan()) <= tolerance + 1e-6;
  }
}
