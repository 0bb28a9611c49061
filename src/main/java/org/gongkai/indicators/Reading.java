package org.gongkai.indicators;

import java.math.BigDecimal;
import java.util.ArrayList;
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
import org.gongkai.text.ScriptFold;

/**
 * What one document's reading needs at hand — its text, layout, tables and ledgers — and what every
 * stage of it shares: how a statement is made a value (its unit, its section), and the words of
 * years and units. Each stage ({@link TableFigures}, {@link SentenceFigures}, {@link YearTotals},
 * {@link WholesFromParts}) is a reading of the same document, made from this one so that they share
 * its layout and the wordings found.
 */
class Reading {

  static final String DIGIT = "[0-9０-９]";

  /**
   * A number as written: 465.38, 1,234.5, ４６５．３８; and as scans and PDFs break it, decided by the
   * digits' grouping: a space or line break after a thousands comma where exactly three digits
   * follow ({@code 101, 673.03}), or before the decimals of a number grouped in thousands ({@code
   * 244,895 .02}); points for thousands commas, as OCR reads them, where a number has two or more
   * and every group between them is of three digits ({@code 486.554.95} is 486,554.95: a number has
   * one decimal point).
   */
  static final Pattern NUMBER =
      Pattern.compile(
          DIGIT
              + "{1,3}(?:[.．]"
              + DIGIT
              + "{3})+[.．]"
              + DIGIT
              + "{1,2}(?!"
              + DIGIT
              + ")|"
              + DIGIT
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

  /**
   * Whether the number {@code [start, end)} of {@code s} is a scan's misread rather than the amount
   * written: glued to a letter or a sign no amount follows in Chinese prose ({@code
   * 收支总预算$82,276.35万元}, {@code 项目支出S6,803.17}: a 5 read as {@code $} or {@code S}), such a
   * character between its digits ({@code 58$3.96}, {@code 1$,346.40}), or a second decimal point
   * with digits that no grouping explains ({@code 486.5.95}).
   */
  static boolean damaged(String s, int start, int end) {
    if (start > 0 && misreadDigit(s.charAt(start - 1))) return true;
    if (end + 1 >= s.length()) return false;
    char after = s.charAt(end), next = s.charAt(end + 1);
    if (after == '.' || after == '．') return Character.isDigit(next);
    // 1$,346.40: a digit misread, the number goes on after it
    return misreadDigit(after) && (Character.isDigit(next) || ",，.．".indexOf(next) >= 0);
  }

  /** A letter or a sign where a scan's digit was: no amount in Chinese prose is glued to one. */
  private static boolean misreadDigit(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '$' || c == '§';
  }

  static final Pattern UNIT = Pattern.compile("^\\s*(亿元|万元|元|辆|人|名|个|分)");

  static final Pattern HEADER_UNIT = Pattern.compile("单位\\s*[：:]\\s*(亿元|万元|元)|[（(](亿元|万元|元)[）)]");

  /** A line that opens with a budget subject code (类/款/项 or 经济分类: 2080501, 30217). */
  static final Pattern CODED_ROW = Pattern.compile("\\s*\\d{3,7}\\s+(?![年月日])[^\\d\\s]");

  /** How far back a table header's unit applies. */
  static final int HEADER_REACH = 3000;

  final String docId;

  /** The text as read: traditional characters folded to simplified ones. */
  final String text;

  /** The text as written, for what statements quote. */
  final String original;

  final List<Section> sections;

  /** “三公”经费 and its three items. */
  static final java.util.Set<Indicator> THREE_PUBLIC_FAMILY =
      java.util.Set.of(
          Indicator.THREE_PUBLIC,
          Indicator.OVERSEAS_TRAVEL,
          Indicator.VEHICLES_EXPENSES,
          Indicator.RECEPTION);

  /** 政府采购's three kinds of purchase: the parts of its total. */
  static final java.util.Set<Indicator> PROCUREMENT_PARTS =
      java.util.Set.of(
          Indicator.PROCUREMENT_GOODS, Indicator.PROCUREMENT_WORKS, Indicator.PROCUREMENT_SERVICES);

  /** 政府采购's total, its parts and the share of small and medium firms. */
  static final java.util.Set<Indicator> PROCUREMENT_FAMILY =
      java.util.Set.of(
          Indicator.PROCUREMENT_TOTAL,
          Indicator.PROCUREMENT_GOODS,
          Indicator.PROCUREMENT_WORKS,
          Indicator.PROCUREMENT_SERVICES,
          Indicator.PROCUREMENT_SME);

  final Role own;
  final Integer year;
  final Layout layout;
  final List<Placed> tables;
  final Map<Integer, List<ColumnRole>> roles;
  final List<Ledger> ledgers;

  /** The wording each sentence's statement was read by, by where its value stands. */
  final Map<Integer, String> families;

  /** What the words after a total list as its parts. */
  final Breakdown breakdown;

  /**
   * Whether the report is its issuer's own level alone ({@code 2026年某某局（本级）部门预算}, {@code
   * 某某厅本级2024年度部门决算}): what it says of 本级 it says of the whole it reports on.
   */
  final boolean selfOnly;

  /**
   * A title naming the issuer's own level as what it reports on: 本级 after the issuer's name or in
   * brackets ({@code 某某局（本级）}, {@code 某某厅本级}) — not 市本级, 区本级 (a government's level, as in
   * 市本级部门预算公开工作).
   */
  private static final Pattern SELF_TITLE =
      Pattern.compile("(?<![市区县省州旗镇乡])本级[）)]?(?:[0-9]{4}年度?)?(?:部门|单位)?(?:预算|决算)");

  /**
   * Where a report's title block ends: its contents, its opening words, its first part, a line that
   * says what the report is made of.
   */
  private static final Pattern AFTER_TITLE =
      Pattern.compile("目录|根据|按照|第[一二三四五六七八九十]+部分|^[一二三四五六七八九十]+、|所属|下属|二级|汇总|包括|[，。；：]");

  /** How many lines a title block runs to. */
  private static final int TITLE_LINES = 3;

  /**
   * Whether the title block at the top of {@code text} says the report is its issuer's 本级 alone.
   */
  static boolean selfOnlyTitle(String text) {
    StringBuilder title = new StringBuilder();
    int lines = 0;
    for (String line : text.substring(0, Math.min(text.length(), 400)).split("\n")) {
      String t = line.replaceAll("\\s", "");
      if (t.isEmpty()) continue;
      if (++lines > TITLE_LINES || AFTER_TITLE.matcher(t).find()) break;
      title.append(t);
    }
    return SELF_TITLE.matcher(title).find();
  }

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
    this.families = new java.util.HashMap<>();
    this.selfOnly = selfOnlyTitle(this.text);
  }

  /** The same reading, for a stage of it: every field shared, nothing read again. */
  Reading(Reading r) {
    this.docId = r.docId;
    this.original = r.original;
    this.text = r.text;
    this.sections = r.sections;
    this.own = r.own;
    this.year = r.year;
    this.layout = r.layout;
    this.tables = r.tables;
    this.roles = r.roles;
    this.ledgers = r.ledgers;
    this.breakdown = r.breakdown;
    this.families = r.families;
    this.selfOnly = r.selfOnly;
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

  /** Whether a line is read as a table's row: tab-separated, or in a table's region, not prose. */
  boolean isRow(int lineStart, String line) {
    if (line.indexOf('\t') >= 0) return true;
    if (line.isBlank()) return false;
    Layout.Region region = layout.at(lineStart);
    if (region == null || Layout.isTitle(line)) return false;
    return !line.contains("。") && !line.contains("，") && NUMBER.matcher(line).find();
  }

  /** The row holding {@code offset}, as the report writes it: its cells separated by spaces. */
  String quoted(int offset) {
    int lineStart = original.lastIndexOf('\n', offset - 1) + 1;
    int lineEnd = original.indexOf('\n', offset);
    String row = original.substring(lineStart, lineEnd < 0 ? original.length() : lineEnd);
    return row.strip().replace('\t', ' ').replaceAll(" {2,}", " ");
  }

  String lineAt(int at) {
    int end = text.indexOf('\n', at);
    return text.substring(at, end < 0 ? text.length() : end);
  }

  boolean isCoded(int at) {
    return CODED_ROW.matcher(lineAt(at)).lookingAt();
  }

  IndicatorValue value(
      Indicator ind,
      int start,
      int end,
      String number,
      String unit,
      Role role,
      SourceKind kind,
      String source) {
    return value(ind, start, end, number, unit, role, kind, source, original.substring(start, end));
  }

  IndicatorValue value(
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
  String headerUnit(int at) {
    Layout.Region region = layout.at(at);
    if (region != null && region.unit() != null) return region.unit();
    int from = Math.max(0, at - HEADER_REACH);
    Matcher m = HEADER_UNIT.matcher(text.substring(from, at));
    String unit = null;
    while (m.find())
      unit = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
    return unit;
  }

  /** The indicators of a summary table that its ledger gives by place. */
  static final java.util.Set<Indicator> LEDGER_TOTALS =
      java.util.Set.of(Indicator.INCOME_TOTAL, Indicator.EXPENDITURE_TOTAL, Indicator.GRAND_TOTAL);

  /** A year named in words (2021年, 2016 年度), not a date's (2023年12月31日). */
  static final Pattern NAMED_YEAR = Pattern.compile("((?:19|20)\\d{2})\\s*年(?!\\s*\\d{1,2}\\s*月)");

  /** The same statement as {@code ind}'s, not yet weighed. */
  static IndicatorValue renamed(IndicatorValue v, Indicator ind) {
    return v.withIndicator(ind.id, ind.label).unweighed();
  }

  /** A value computed from {@code v} ({@code source} says how), not yet weighed. */
  static IndicatorValue derived(IndicatorValue v, String source) {
    return v.asDerived(source);
  }

  /** An amount of a ledger's item in 万元, as a statement to compare with. */
  static double wan(Ledger.Item item, Ledger l) {
    return Amounts.wan(item.amount(), l.unit == null ? "万元" : l.unit).doubleValue();
  }

  /** Whether {@code v} agrees with an amount (in 万元) within its own rounding. */
  static boolean agrees(IndicatorValue v, double wan) {
    return Math.abs(v.valueWan() - wan) <= Amounts.halfUnitWan(v.asWritten(), v.unit()) + 1e-6;
  }

  /** A small whole number followed by another number: the row number (行次) column of a table. */
  static boolean isRowNumber(String number, String after) {
    return number.length() <= 2
        && number.chars().allMatch(Character::isDigit)
        && after.matches("^\\s+[0-9０-９].*");
  }

  /** A table of the document and the section it stands in. */
  record Placed(Section section, TextTable table) {}

  /** Every table of the document, found once for the figures read by column and by row. */
  static List<Placed> tables(String text, List<Section> sections) {
    List<Placed> out = new ArrayList<>();
    for (Section s : sections) {
      int tab = text.indexOf('\t', s.start());
      if (tab < 0 || tab >= s.end()) continue;
      for (TextTable t : SectionTables.of(text, s)) out.add(new Placed(s, t));
    }
    return out;
  }

  /**
   * The column roles of each table row, by the row's offset in the text (rows of tables whose
   * header names no role are left out).
   */
  static Map<Integer, List<ColumnRole>> rowRoles(String text, List<Placed> tables, Integer year) {
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

  static String sectionAt(List<Section> sections, int offset) {
    return Section.idAt(sections, offset);
  }
}
