package org.gongkai.indicators;

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
import org.gongkai.model.Section;
import org.gongkai.model.SourceKind;
import org.gongkai.model.TextTable;
import org.gongkai.text.Tables;

/**
 * Finds indicator values in a document's clean text — in sentences ({@code 基本支出 315.18 万元}) and in
 * table rows (a label cell, then its number) — with their unit, role and provenance. Pure: text in,
 * values out.
 *
 * <p>In a sentence, the first number after a label is its value, unless the words between say it is
 * a change ({@code 减少 77.76 万元}) or it is a percentage or a year; later numbers in the same
 * sentence count only when the words before them name a role ({@code 支出决算为 0 万元}). {@code 无…支出}
 * states a zero. A number without a unit takes the unit of the nearest table header ({@code
 * 单位：万元}).
 *
 * <p><b>Headline rule</b>: per indicator, the first statement of the document's own figure ({@code
 * 本年决算} in a final account or evaluation, {@code 本年预算} in a budget) in the text; failing that, in a
 * table; failing that, the first statement of any role.
 */
public final class IndicatorExtractor {

  private static final String DIGIT = "[0-9０-９]";

  /** A number as written: 465.38, 1,234.5, ４６５．３８. */
  private static final Pattern NUMBER =
      Pattern.compile(
          DIGIT
              + "{1,3}(?:[,，]"
              + DIGIT
              + "{3})+(?:[.．]"
              + DIGIT
              + "+)?|"
              + DIGIT
              + "+(?:[.．]"
              + DIGIT
              + "+)?");

  private static final Pattern UNIT = Pattern.compile("^\\s*(亿元|万元|元|辆|人|名|个|分)");
  private static final Pattern CHANGE = Pattern.compile("增加|减少|增长|下降|上升|降低|增减|变动|持平|相比|较上年|比上年");
  private static final Pattern HEADER_UNIT = Pattern.compile("单位[：:]\\s*(万元|元)|[（(](万元|元)[）)]");
  private static final Pattern SENTENCE_END = Pattern.compile("[。；;！？!?\\n]");
  private static final Pattern ORDINAL =
      Pattern.compile("^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\\d+[.、．])\\s*");
  private static final Pattern ANY_LABEL;

  /** What only prose has: sentence punctuation. */
  private static final Pattern PROSE = Pattern.compile("[，。；：,;:]");

  /** A line that opens with a budget subject code (类/款/项 or 经济分类: 2080501, 30217). */
  private static final Pattern CODED_ROW = Pattern.compile("\\s*\\d{3,7}\\s+(?![年月日])[^\\d\\s]");

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

  /** Every statement of every indicator in {@code text}, in text order, headlines marked. */
  public List<IndicatorValue> extract(
      String docId, String text, List<Section> sections, ReportKind documentKind) {
    Role ownRole = Role.ownFigure(documentKind);
    List<IndicatorValue> found = new ArrayList<>();
    int lineStart = 0;
    boolean summary = false; // in a 收入支出总表, below its 本年收入合计 row
    List<Placed> tables = tables(text, sections);
    Map<Integer, List<ColumnRole>> roles = rowRoles(text, tables);
    while (lineStart <= text.length()) {
      int lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0) lineEnd = text.length();
      String line = text.substring(lineStart, lineEnd);
      boolean row = line.indexOf('\t') >= 0;
      if (row && YEAR_TOTAL_ROW.matcher(line).find()) summary = true;
      else if (!row) summary = false;
      if (row && summary && SUMMARY_TOTAL_ROW.matcher(line).lookingAt())
        tableRow(
            docId,
            text,
            sections,
            lineStart,
            line,
            ownRole,
            found,
            Indicator.GRAND_TOTAL,
            roles.get(lineStart));
      else if (row)
        tableRow(
            docId, text, sections, lineStart, line, ownRole, found, null, roles.get(lineStart));
      // 30217 公务接待费 36.50: a row of a table (its 科目编码 first) whose cells a PDF ran together
      else
        sentences(
            docId,
            text,
            sections,
            lineStart,
            line,
            ownRole,
            CODED_ROW.matcher(line).lookingAt() ? SourceKind.TABLE : SourceKind.TEXT,
            found);
      lineStart = lineEnd + 1;
    }
    found.addAll(columnFigures(docId, text, sections, ownRole, tables));
    List<IndicatorValue> values = dedupe(found);
    IndicatorValue threePublic = threePublicFromParts(values, ownRole);
    if (threePublic != null) values.add(threePublic);
    values.addAll(yearTotalsFromGrandTotals(values, text, ownRole));
    values.sort(
        Comparator.comparingInt(IndicatorValue::start).thenComparing(IndicatorValue::indicator));
    return headlines(values, ownRole);
  }

  /** The indicators a table's column holds, by the column's role. */
  private static final Map<ColumnRole, Indicator> BY_COLUMN =
      Map.of(
          ColumnRole.THREE_PUBLIC, Indicator.THREE_PUBLIC,
          ColumnRole.ABROAD, Indicator.OVERSEAS_TRAVEL,
          ColumnRole.VEHICLES, Indicator.VEHICLES_EXPENSES,
          ColumnRole.RECEPTION, Indicator.RECEPTION);

  /**
   * Figures a table states by column: the “三公”经费 table names its items in header rows and states
   * their amounts in the row below ({@code “三公”经费 小计 | 因公出国（境）费 | 公务用车购置及运行维护费 | 公务接待费} over {@code
   * 767.60 | 199.25 | 183.60 | 384.75}). Each column whose role is one of them gives the first
   * figure below its header. A table with a 预算 and a 决算 group of the same columns (a final
   * account's 三公 table) gives its own figure's group: a budget's the first, a final account's the
   * last.
   */
  private List<IndicatorValue> columnFigures(
      String docId, String text, List<Section> sections, Role ownRole, List<Placed> tables) {
    List<IndicatorValue> out = new ArrayList<>();
    for (Placed placed : tables) {
      Section s = placed.section();
      TextTable t = placed.table();
      Map<Indicator, Integer> columns = new LinkedHashMap<>();
      for (int c = 0; c < t.roles().size(); c++) {
        ColumnRole role = t.roles().get(c);
        Indicator ind = role == null ? null : BY_COLUMN.get(role);
        if (ind == null) continue;
        if (!columns.containsKey(ind) || ownRole == Role.ACTUAL) columns.put(ind, c);
      }
      for (Map.Entry<Indicator, Integer> e : columns.entrySet()) {
        int c = e.getValue();
        for (int r = t.headerRows(); r < t.rows().size(); r++) {
          List<String> row = t.rows().get(r);
          if (c >= row.size() || !NUMBER.matcher(row.get(c)).matches()) continue;
          int at = s.start() + t.offsets().get(r).get(c);
          String head = t.heads().get(c);
          IndicatorValue v =
              value(
                  e.getKey(),
                  docId,
                  text,
                  sections,
                  at,
                  at + row.get(c).length(),
                  row.get(c),
                  t.unit(),
                  ownRole,
                  SourceKind.TABLE,
                  (t.title() == null ? "" : t.title() + "：") + head + " " + row.get(c));
          if (v != null) out.add(v);
          break;
        }
      }
    }
    return out;
  }

  /** Carry-overs in a grand total's breakdown: 上年结转资金预算数为 0, 年末结转和结余 12.5 … */
  private static final Pattern INCOME_CARRY = Pattern.compile("(?:上年|年初)结转");

  private static final Pattern SPENDING_CARRY = Pattern.compile("结转下年|年末结转");

  /**
   * Where a grand total's breakdown ends: the next numbered part of the same level, or a few lines
   * on.
   */
  private static final Pattern NEXT_PART =
      Pattern.compile("\n[（(][一二三四五六七八九十]+[)）]|\n[一二三四五六七八九十]+、");

  /**
   * 收入合计 and 支出合计 a report states only through its grand total: {@code 收入预算总计 20849.45 万元。包括：财政拨款…
   * 财政专户…} lists this year's income and no carry-over (or a carry-over of 0), so this year's income
   * is the whole total; the same for spending with nothing carried to next year. Only where the
   * report states no 收入合计 / 支出合计 of its own, and only when the breakdown says so — a carry-over
   * named without its amount leaves the figure unstated.
   */
  private static List<IndicatorValue> yearTotalsFromGrandTotals(
      List<IndicatorValue> values, String text, Role ownRole) {
    List<IndicatorValue> out = new ArrayList<>();
    for (Indicator year : List.of(Indicator.INCOME_TOTAL, Indicator.EXPENDITURE_TOTAL)) {
      boolean stated =
          values.stream()
              .anyMatch(
                  v ->
                      v.indicator().equals(year.id) && v.role() == ownRole && v.valueWan() != null);
      if (stated) continue;
      String side = year == Indicator.INCOME_TOTAL ? "收入" : "支出";
      Pattern carry = year == Indicator.INCOME_TOTAL ? INCOME_CARRY : SPENDING_CARRY;
      for (IndicatorValue g : values) {
        if (!g.indicator().equals(Indicator.GRAND_TOTAL.id)
            || g.role() != ownRole
            || g.sourceKind() != SourceKind.TEXT
            || g.valueWan() == null) {
          continue;
        }
        String label = text.substring(Math.max(0, g.start() - 16), g.start());
        int at = label.lastIndexOf("总计");
        if (at < 0
            || !label.substring(0, at).contains(side)
            || label.substring(0, at).contains(side.equals("收入") ? "支出" : "收入")) continue;
        if (!text.startsWith("包括", skipSpaceAndPunct(text, g.end()))) continue;
        Matcher next =
            NEXT_PART.matcher(text).region(g.end(), Math.min(text.length(), g.end() + 1500));
        String breakdown =
            text.substring(
                g.end(), next.find() ? next.start() : Math.min(text.length(), g.end() + 600));
        boolean carried = false;
        for (Matcher c = carry.matcher(breakdown); c.find(); ) {
          // the amount said with it (上年结转资金预算数为 0); none said is a carry-over of unknown size
          Matcher amount =
              NUMBER.matcher(breakdown).region(c.end(), Math.min(breakdown.length(), c.end() + 16));
          if (!amount.find() || parse(amount.group()) != 0) carried = true;
        }
        if (carried) continue;
        out.add(
            new IndicatorValue(
                year.id,
                year.label,
                g.value(),
                g.unit(),
                g.asWritten(),
                g.valueWan(),
                ownRole,
                false,
                SourceKind.DERIVED,
                g.docId(),
                g.sectionId(),
                g.source() + "（" + side + "总计所列无结转：即本年" + side + "）",
                g.start(),
                g.end()));
        break;
      }
    }
    return out;
  }

  private static int skipSpaceAndPunct(String text, int i) {
    while (i < text.length() && " 　\t\n。，,;；:：".indexOf(text.charAt(i)) >= 0) i++;
    return i;
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
              && v.sourceKind() == kind
              && v.valueWan() != null) {
            first = v;
          }
        }
      }
      if (first == null) return null;
      parts.add(first);
    }
    double sum =
        Math.round(parts.stream().mapToDouble(IndicatorValue::valueWan).sum() * 1_000_000)
            / 1_000_000.0;
    StringBuilder source = new StringBuilder();
    for (IndicatorValue p : parts) {
      if (source.length() > 0) source.append(" + ");
      source.append(p.name()).append(' ').append(fmt(p.valueWan())).append(" 万元");
    }
    source.append(" = ").append(fmt(sum)).append(" 万元");
    IndicatorValue at =
        parts.stream().min(Comparator.comparingInt(IndicatorValue::start)).orElseThrow();
    int end = parts.stream().mapToInt(IndicatorValue::end).max().orElseThrow();
    Indicator t = Indicator.THREE_PUBLIC;
    return new IndicatorValue(
        t.id,
        t.label,
        sum,
        "万元",
        fmt(sum),
        sum,
        ownRole,
        false,
        SourceKind.DERIVED,
        at.docId(),
        at.sectionId(),
        source.toString(),
        at.start(),
        end);
  }

  private static String fmt(double v) {
    return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  // ---- sentences

  private void sentences(
      String docId,
      String text,
      List<Section> sections,
      int lineStart,
      String line,
      Role ownRole,
      SourceKind kind,
      List<IndicatorValue> out) {
    int s = 0;
    Matcher end = SENTENCE_END.matcher(line);
    while (s < line.length()) {
      int e = end.find(s) ? end.end() : line.length();
      sentence(docId, text, sections, lineStart + s, line.substring(s, e), ownRole, kind, out);
      s = e;
    }
  }

  private void sentence(
      String docId,
      String text,
      List<Section> sections,
      int offset,
      String sentence,
      Role ownRole,
      SourceKind kind,
      List<IndicatorValue> out) {
    for (Indicator ind : Indicator.values()) {
      Matcher label = ind.pattern.matcher(sentence);
      while (label.find()) {
        if (!labelStandsAlone(sentence, label.start(), ind)) continue;
        // a project's own score is not the department's: the overall score says 整体 (or is the 总分
        // row)
        if (ind == Indicator.PERFORMANCE_SCORE
            && !label.group().equals("总分")
            && !sentence.contains("整体")) continue;
        boolean any = false;
        int from = label.end();
        boolean first = true;
        Matcher num = NUMBER.matcher(sentence);
        // a number counts only within a short reach of the label (or of the number before it): look
        // no further, so a sentence of a million characters costs no more per label than a short
        // one
        while (num.region(from, Math.min(sentence.length(), from + MAX_CONNECTOR + 6 + MAX_NUMBER))
            .find()) {
          String connector = sentence.substring(from, num.start());
          Matcher other = ANY_LABEL.matcher(connector);
          if (other.find()) break; // the number belongs to the next label
          // 财政拨款收入、支出总计: a total, not this label; 决算明细表公开06表: a table's name
          if (connector.contains("总计") || connector.contains("合计") || connector.contains("表"))
            break;
          // 项目支出主要用于职工服务经费47.2万元: the number is one use of it, not the whole
          if (connector.contains("用于") || connector.contains("包括")) break;
          if (first && connector.length() > MAX_CONNECTOR) break;
          if (!first && connector.length() > MAX_CONNECTOR + 6) break;
          String after =
              sentence.substring(num.end(), Math.min(sentence.length(), num.end() + AFTER));
          from = num.end();
          if (isRowNumber(num.group(), after)) continue; // 本年收入合计 27 552.83: 27 is the row (行次)
          if (after.startsWith("%")
              || after.startsWith("％")
              || after.startsWith("表")
              || after.matches("^\\s*年.*")
              || CHANGE.matcher(connector).find()) {
            first = false;
            continue;
          }
          Role role = role(connector, ownRole);
          if (!first && role == null) {
            first = false;
            continue;
          }
          Matcher unit = UNIT.matcher(after);
          String unitText = unit.find() ? unit.group(1) : null;
          int valueEnd = num.end() + (unitText == null ? 0 : unit.end());
          // 公务接待费 2.00: a bare label and number, no unit and no sentence around them, is a table's
          // row
          SourceKind as =
              unitText == null && !PROSE.matcher(sentence).find() ? SourceKind.TABLE : kind;
          IndicatorValue v =
              value(
                  ind,
                  docId,
                  text,
                  sections,
                  offset + num.start(),
                  offset + valueEnd,
                  num.group(),
                  unitText,
                  role == null ? ownRole : role,
                  as,
                  sentence.strip());
          if (v != null) {
            out.add(v);
            any = true;
          }
          first = false;
        }
        if (!any && ind.kind == Indicator.Kind.MONEY && statesNone(sentence, label.start())) {
          int at = offset + label.start();
          out.add(
              new IndicatorValue(
                  ind.id,
                  ind.label,
                  0,
                  "万元",
                  sentence.strip(),
                  0.0,
                  ownRole,
                  false,
                  SourceKind.STATEMENT,
                  docId,
                  sectionAt(sections, at),
                  sentence.strip(),
                  at,
                  offset + label.end()));
        }
      }
    }
  }

  /**
   * Whether the label is the indicator itself and not part of a longer name: {@code 综合保障经费项目支出} is
   * one project's spending, {@code 财政拨款收、支总计} the fiscal part of the total.
   */
  private static boolean labelStandsAlone(String s, int start, Indicator ind) {
    if (start == 0) return true;
    String before = s.substring(Math.max(0, start - 4), start);
    if (ind == Indicator.GRAND_TOTAL
        || ind == Indicator.INCOME_TOTAL
        || ind == Indicator.EXPENDITURE_TOTAL) {
      if (before.endsWith("财政拨款") || before.endsWith("政府采购")) return false;
    }
    if (ind == Indicator.FISCAL_INCOME && (before.endsWith("预算") || before.endsWith("基金")))
      return false;
    if (ind == Indicator.BASIC_EXPENDITURE && before.endsWith("财政拨款")) return true;
    if (ind == Indicator.PERFORMANCE_SCORE)
      return true; // checked by its own rule: the sentence must say 整体
    char c = s.charAt(start - 1);
    if (Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN) return true;
    // 2024 年度机关运行经费, 其中：基本支出, 武汉市汉阳区总工会整体绩效… (an issuer's name ends in 会, 局 …)
    return "度中年为的及和与计：是无共其本款数会局委办院厅室站所心".indexOf(c) >= 0;
  }

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
    if (connector.contains("预算"))
      return ownRole == Role.PLANNED ? Role.PLANNED : Role.INITIAL_BUDGET;
    if (connector.contains("决算") || connector.contains("执行数")) return Role.ACTUAL;
    return null;
  }

  // ---- table rows

  /** A row of a 收入支出总表 holding the year's totals. */
  private static final Pattern YEAR_TOTAL_ROW = Pattern.compile("本年(?:收入|支出)合计");

  /**
   * The total row below a summary table's year totals ({@code 合计 | 569,496.54 | 合计 | …}, or 总计):
   * the year's totals with the carry-overs, i.e. the grand total, however the text names it.
   */
  private static final Pattern SUMMARY_TOTAL_ROW = Pattern.compile("\\t*[合总]\\s*计\\t");

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
  private static Map<Integer, List<ColumnRole>> rowRoles(String text, List<Placed> tables) {
    Map<Integer, List<ColumnRole>> out = new java.util.HashMap<>();
    for (Placed placed : tables) {
      Section s = placed.section();
      TextTable t = placed.table();
      if (t.roles().stream().allMatch(java.util.Objects::isNull)) continue;
      for (int r = t.headerRows(); r < t.rows().size(); r++) {
        int cell = s.start() + t.offsets().get(r).get(0);
        out.put(text.lastIndexOf('\n', cell - 1) + 1, t.roles()); // the row's line
      }
    }
    return out;
  }

  /** Whether a cell after {@code j} holds a number. */
  private static boolean laterNumber(String[] cells, int j) {
    for (int k = j + 1; k < cells.length; k++) {
      String c = cells[k].strip();
      if (c.isEmpty()) continue;
      return NUMBER.matcher(c).lookingAt(); // 552.83 (or 552.83 run into the next label)
    }
    return false;
  }

  /**
   * Whether a column holds another figure than the document's own: another year's (上年决算数), or a
   * budget's in a final account (年初预算数 beside 决算数), or an actual's in a budget.
   */
  private static boolean otherFigure(ColumnRole role, Role ownRole) {
    if (role == null) return false;
    return switch (role) {
      case PRIOR_ACTUAL, PRIOR_BUDGET -> true;
      case INITIAL_BUDGET, ADJUSTED_BUDGET, FULL_YEAR_BUDGET, BUDGET -> ownRole == Role.ACTUAL;
      case ACTUAL -> ownRole == Role.PLANNED;
      default -> false;
    };
  }

  /**
   * The indicators of a table row: each cell naming one is followed by its value. With {@code
   * forced}, the row's first label is that indicator whatever it says.
   */
  private void tableRow(
      String docId,
      String text,
      List<Section> sections,
      int lineStart,
      String line,
      Role ownRole,
      List<IndicatorValue> out,
      Indicator forced,
      List<ColumnRole> roles) {
    String[] cells = line.split("\t", -1);
    int[] starts = new int[cells.length];
    for (int i = 0, pos = 0; i < cells.length; i++) {
      starts[i] = pos;
      pos += cells[i].length() + 1;
    }
    for (int i = 0; i < cells.length; i++) {
      String label = ORDINAL.matcher(cells[i].strip()).replaceFirst("").replaceAll("[：:]$", "");
      if (forced != null && label.isEmpty()) continue;
      for (Indicator ind : forced != null ? List.of(forced) : List.of(Indicator.values())) {
        if (forced == null && !ind.pattern.matcher(label).matches()) continue;
        if (ind.kind == Indicator.Kind.SCORE) {
          scoreRow(ind, docId, text, sections, lineStart, line, cells, starts, i, ownRole, out);
          continue;
        }
        for (int j = i + 1; j < cells.length; j++) {
          String cell = cells[j].strip();
          if (cell.isEmpty()) continue;
          // another year's column, or the other kind of figure: the document's own is further on
          if (roles != null && j < roles.size() && otherFigure(roles.get(j), ownRole)) continue;
          // a row number (行次: 本年收入合计 | 27 | 552.83) with a figure after it
          if (roles != null && j < roles.size() && roles.get(j) == ColumnRole.LINE) continue;
          if (cell.matches("[0-9]{1,3}") && laterNumber(cells, j)) continue;
          Matcher num = NUMBER.matcher(cell);
          if (num.matches()
              || (num.lookingAt() && UNIT.matcher(cell.substring(num.end())).lookingAt())) {
            Matcher unit = UNIT.matcher(cell.substring(num.end()));
            String unitText = unit.lookingAt() ? unit.group(1) : null;
            int at = lineStart + starts[j] + cells[j].indexOf(cell);
            IndicatorValue v =
                value(
                    ind,
                    docId,
                    text,
                    sections,
                    at + num.start(),
                    at + cell.length(),
                    num.group(),
                    unitText,
                    ownRole,
                    SourceKind.TABLE,
                    line.strip().replace('\t', ' ').replaceAll(" {2,}", " "));
            if (v != null) out.add(v);
          }
          break; // only the cell right after the label's first filled cell
        }
      }
      if (forced != null) break; // the forced label is the row's first
    }
  }

  /**
   * A score row ({@code 总分 | 100 | 98.7}) holds the maximum and then the score: the score is its
   * last number; a row whose only number is 100 has no score filled in.
   */
  private void scoreRow(
      Indicator ind,
      String docId,
      String text,
      List<Section> sections,
      int lineStart,
      String line,
      String[] cells,
      int[] starts,
      int i,
      Role ownRole,
      List<IndicatorValue> out) {
    int last = -1, numbers = 0;
    for (int j = i + 1; j < cells.length; j++) {
      if (NUMBER.matcher(cells[j].strip()).matches()) {
        last = j;
        numbers++;
      }
    }
    if (last < 0 || (numbers == 1 && parse(cells[last].strip()) == 100)) return;
    String cell = cells[last].strip();
    int at = lineStart + starts[last] + cells[last].indexOf(cell);
    IndicatorValue v =
        value(
            ind,
            docId,
            text,
            sections,
            at,
            at + cell.length(),
            cell,
            null,
            ownRole,
            SourceKind.TABLE,
            line.strip().replace('\t', ' ').replaceAll(" {2,}", " "));
    if (v != null) out.add(v);
  }

  // ---- values

  private IndicatorValue value(
      Indicator ind,
      String docId,
      String text,
      List<Section> sections,
      int start,
      int end,
      String number,
      String unit,
      Role role,
      SourceKind kind,
      String source) {
    double v = parse(number);
    // a number no report could mean (400 digits parse to Infinity) is not a figure
    if (!Double.isFinite(v) || ind.kind != Indicator.Kind.MONEY && v > ind.kind.max) return null;
    String u = unit;
    Double wan = null;
    switch (ind.kind) {
      case MONEY -> {
        if (u == null) u = headerUnit(text, start);
        if (u == null || !(u.equals("元") || u.equals("万元") || u.equals("亿元"))) return null;
        wan =
            switch (u) {
              case "元" -> v / 10_000;
              case "亿元" -> v * 10_000;
              default -> v;
            };
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
        text.substring(start, end),
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

  /** The unit of the nearest table header before {@code at}, within reach. */
  private static String headerUnit(String text, int at) {
    int from = Math.max(0, at - HEADER_REACH);
    Matcher m = HEADER_UNIT.matcher(text.substring(from, at));
    String unit = null;
    while (m.find()) unit = m.group(1) != null ? m.group(1) : m.group(2);
    return unit;
  }

  static double parse(String number) {
    StringBuilder sb = new StringBuilder();
    for (char c : number.toCharArray()) {
      if (c >= '０' && c <= '９') sb.append((char) (c - '０' + '0'));
      else if (c == '．') sb.append('.');
      else if (c != ',' && c != '，') sb.append(c);
    }
    return Double.parseDouble(sb.toString());
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
   * One mention per place; a "无…支出" statement only where the document gives the indicator no
   * number.
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

  /**
   * A grand total can never be the year's income alone while carry-overs exist: when the text's
   * grand total (收入总计 …) equals the year's income total and a summary table's total row states a
   * larger one, the text called the year's income its 总计 and the table decides.
   */
  private static void tableDecidesGrandTotal(
      List<IndicatorValue> values, Map<String, Integer> chosen, Role ownRole) {
    Integer grand = chosen.get(Indicator.GRAND_TOTAL.id);
    Integer income = chosen.get(Indicator.INCOME_TOTAL.id);
    if (grand == null || income == null) return;
    IndicatorValue g = values.get(grand), inc = values.get(income);
    if (g.sourceKind() != SourceKind.TEXT || g.valueWan() == null || inc.valueWan() == null) return;
    if (Math.abs(g.valueWan() - inc.valueWan()) > 0.005) return;
    for (int i = 0; i < values.size(); i++) {
      IndicatorValue v = values.get(i);
      if (v.indicator().equals(Indicator.GRAND_TOTAL.id)
          && v.sourceKind() == SourceKind.TABLE
          && v.role() == ownRole
          && v.valueWan() != null
          && v.valueWan() > g.valueWan() + 0.005) {
        chosen.put(Indicator.GRAND_TOTAL.id, i);
        return;
      }
    }
  }

  /** The totals a report's tables state as well as its words. */
  private static final List<Indicator> TABLED_TOTALS =
      List.of(
          Indicator.INCOME_TOTAL,
          Indicator.EXPENDITURE_TOTAL,
          Indicator.GRAND_TOTAL,
          Indicator.THREE_PUBLIC);

  /**
   * When the words and the tables disagree on a headline total, the tables decide (the words are
   * written after the tables, and rounded or mistyped): the first own-figure statement of the total
   * in a table (the summary table comes first) replaces the text's when they differ by more than
   * the text's rounding ({@code 17,192万元} agrees with {@code 171,915,169 元}). {@link
   * ConsistencyChecker} flags each such case ({@code table_decides}).
   */
  private static void tablesDecide(
      List<IndicatorValue> values, Map<String, Integer> chosen, Role ownRole) {
    for (Indicator ind : TABLED_TOTALS) {
      Integer c = chosen.get(ind.id);
      if (c == null) continue;
      IndicatorValue text = values.get(c);
      if (text.sourceKind() != SourceKind.TEXT || text.role() != ownRole || text.valueWan() == null)
        continue;
      for (int i = 0; i < values.size(); i++) {
        IndicatorValue t = values.get(i);
        if (!t.indicator().equals(ind.id)
            || t.sourceKind() != SourceKind.TABLE
            || t.role() != ownRole
            || t.valueWan() == null) continue;
        if (!agree(text, t)) chosen.put(ind.id, i);
        break;
      }
    }
  }

  /** Whether a stated value and another agree within the stated one's rounding. */
  static boolean agree(IndicatorValue stated, IndicatorValue other) {
    String written = stated.asWritten().replaceAll("[^0-9.．]", "");
    int dot = Math.max(written.indexOf('.'), written.indexOf('．'));
    int decimals = dot < 0 ? 0 : written.length() - dot - 1;
    double tolerance = 0.5 * Math.pow(10, -decimals);
    double scale = stated.valueWan() / (stated.value() == 0 ? 1 : stated.value()); // 元 → 万元
    if (stated.value() == 0) scale = 1;
    return Math.abs(stated.valueWan() - other.valueWan()) <= tolerance * scale + 1e-6;
  }

  private static List<IndicatorValue> headlines(List<IndicatorValue> values, Role ownRole) {
    Map<String, Integer> chosen = new LinkedHashMap<>();
    for (SourceKind kind :
        List.of(SourceKind.TEXT, SourceKind.TABLE, SourceKind.STATEMENT, SourceKind.DERIVED)) {
      for (int i = 0; i < values.size(); i++) {
        IndicatorValue v = values.get(i);
        if (v.role() == ownRole && v.sourceKind() == kind) chosen.putIfAbsent(v.indicator(), i);
      }
    }
    for (int i = 0; i < values.size(); i++) chosen.putIfAbsent(values.get(i).indicator(), i);
    tableDecidesGrandTotal(values, chosen, ownRole);
    tablesDecide(values, chosen, ownRole);
    List<IndicatorValue> out = new ArrayList<>(values);
    for (int i : chosen.values()) out.set(i, out.get(i).asHeadline());
    return out;
  }
}
