package org.gongkai.government;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.indicators.Indicator;
import org.gongkai.model.DisclosureDocument;
import org.gongkai.model.IndicatorValue;
import org.gongkai.model.ReportKind;
import org.gongkai.model.Role;
import org.gongkai.model.Scope;
import org.gongkai.model.SourceKind;
import org.gongkai.text.ScriptFold;

/**
 * The figures of a government's own budget report ({@link ReportKind#GOVERNMENT_BUDGET}, {@link
 * ReportKind#GOVERNMENT_FINAL}): 一般公共预算收入 and 支出, 税收收入, the three other budgets' 收入 and 支出, the
 * debt's 限额 and 余额 — each with its <b>level</b> and its <b>role</b>, read from the report's
 * sentences.
 *
 * <ul>
 *   <li>The level is the word before the figure (全市/全县/我市 → {@link Scope.Whose#WHOLE}; 市级/县级 →
 *       {@link Scope.Whose#LEVEL}; 市本级/本级 → {@link Scope.Whose#SELF}), else the one its sentence
 *       named before it (其中：税收收入…), else its heading's (2.市级一般公共预算收支执行情况); a figure of a zone or
 *       another body (高新技术产业开发区一般公共预算收入) is not the government's and is not read, nor one whose
 *       level nothing says — unless the report never says a narrower level of its money at all (a
 *       county that does not tell its 县本级 apart): its figures are then the whole government's.
 *   <li>The role follows the year the sentence (or its heading) names: in a budget report, the year
 *       before is {@link Role#EXECUTED} (its previous year) and the report's year is {@link
 *       Role#PLANNED}; in a final account its year is {@link Role#ACTUAL}. A half year's execution
 *       (上半年, 1—6月), a plan's horizon (到2025年), a period's sum (“十三五”时期, 五年来, 年均) and any other
 *       year are not read.
 *   <li>The amount follows its label, with only words of stating between (完成, 预期, 预算安排为 …): a
 *       comparison (比上年增加…), a share (占…), a total with transfers (总收入, 收入总计) is not the figure. 亿元
 *       are kept as written and normalised to 万元.
 * </ul>
 *
 * Of the statements of one figure in one level, role and year, the whole government's for the
 * report's own year is the headline when they agree, and each is a candidate when they do not. What
 * is stated right after a figure — its growth, its completion of the budget, a debt's two kinds —
 * is read by {@link Beside}, in the figure's level and role. Tables are not read yet.
 */
public final class GovernmentFigures {

  /** A title of a plan to adjust a year's budget (预算调整方案, 财政收支预算调整情况, 关于调整…预算的报告). */
  public static final Pattern ADJUSTMENT_TITLE = Timings.ADJUSTMENT;

  /** The figures read, each label's pattern in the order they are tried. */
  private static final List<Indicator> FIGURES =
      Indicator.all().stream()
          .filter(i -> i.government() && !i.readBeside() && i != Indicator.GOV_POPULATION)
          .toList();

  /** One pattern of every label, longest wordings first (a label is one of FIGURES). */
  static final Pattern LABEL;

  static {
    StringBuilder sb = new StringBuilder();
    for (Indicator i : FIGURES)
      sb.append(sb.length() == 0 ? "" : "|").append("(").append(i.pattern().pattern()).append(")");
    // 一般公共预算总收入637.58亿元，其中：当年收入292.14亿元 — the year's own revenue, named by the total
    // before it
    sb.append("|((?<=其中[：:，,]?\\s{0,2})当年(?:收入|支出))");
    // under its own budget's heading (3.国有资本经营收支及其平衡情况), 国有资本经营收入 is that budget's
    sb.append("|(国有资本经营(?:当年)?(?:收入|支出))");
    // under a heading of the government's debt (（五）政府债务情况), 2023年末债务余额为… is the government's
    sb.append("|((?<![政府性企业部门单位般项])债务(?:余额|限额)(?=\\s*(?:为|是)?\\s*\\d))");
    // under a heading naming one budget and its level (（一）全县一般公共预算。2021年收入预算…，实际完成…；
    // 2.县本级政府性基金预算：收入完成…，支出完成…), a bare 收入 or 支出 after a stop, a colon or a year is
    // that budget's (see BARE_AFTER for one after a comma)
    sb.append(
        "|(?<bare>(?<=^|[。；;，,：:\\s]|\\d{4}\\s{0,2}年|\\d{4}\\s{0,2}年度)(?:收入|支出)"
            + "(?=(?:预算数?|预计完成|实际完成|完成|执行数?|决算数?)?\\s*(?:为|是)?\\s*\\d))");
    LABEL = Pattern.compile(sb.toString());
  }

  /** Words ending in a year's digits and 年 (2025年, 2025 年度): a bare label may follow them. */
  private static final Pattern YEAR_ENDS = Pattern.compile("\\d\\s{0,2}年度?$");

  /**
   * A clause ending in a budget's own revenue and its amount, then a comma: its bare 收入 opens the
   * clause or follows a year, a level or a budget's name (…批准的市本级政府性基金收入预算758.5亿元,).
   */
  private static final Pattern BARE_AFTER =
      Pattern.compile(
          "(?:^|[。；;，,：:]|\\d\\s{0,2}年度?|全[省市县区旗]|本级|[省市县区旗]级|预算|基金|经营)\\s*收入"
              + "(?:预算数?|预计完成|实际完成|完成|执行数?|决算数?)?\\s*(?:为|是)?\\s*"
              + "\\d[\\d,]*(?:\\s*\\.\\s*\\d+)?\\s*(?:亿元|万元)\\s*[，,]$");

  /** The words between a label and its amount: stating, never comparing, sharing or adding. */
  private static final Pattern AMOUNT =
      Pattern.compile(
          "^\\s*([^\\d。；;，,、%（(）)]{0,10}?)\\s*(\\d[\\d,]*(?:\\s*\\.\\s*\\d+)?)\\s*(亿元|万元|元)");

  /** Words that make what follows a label something else than the figure. */
  private static final Pattern NOT_STATING =
      Pattern.compile(
          "比|较|同比|增|减|占|超|短|其中|加|总|合计|共计|的|中|率|均|平|结构|调整|上年|以上|以下|相当|约"
              // 非税收入方面：专项收入84.6亿元 — a heading's words and another item's amount
              + "|方面|收入|支出");

  /** What a label may not be followed by: its total with transfers, a table, a share. */
  private static final Pattern NOT_THE_FIGURE =
      Pattern.compile("^(?:总计|合计|总额|总收入|总支出|决算表|预算表|情况表|表|比重|占比|增幅|增速|规模|结构|构成|空间)");

  /** A word before a label that makes it part of something else's wording (税收收入占一般公共预算收入…). */
  private static final Pattern BEFORE_NOT_STATING = Pattern.compile("[占比较与和及、对]$");

  /** The level words, longest first. */
  private static final Pattern LEVEL =
      Pattern.compile(
          "全市|全县|全区|全省|全州|全盟|全旗|我市|我县|我区|我省|我旗|市本级|县本级|区本级|省本级|旗本级|本级|市级|县级|区级|省级|州级|旗级");

  /**
   * A narrower level said of a budget's money anywhere in a report (区本级一般公共预算收入, 县级支出, 市本级 政府性基金…):
   * a report that never says one speaks of one level only.
   */
  private static final Pattern NARROWER_LEVEL_SAID =
      Pattern.compile(
          "(?:[市县区旗州盟省]?本级|[市县区旗州盟]级)(?:政府)?(?:地方)?(?:当年|本年)?"
              + "(?:一般公共|一般预算|政府性基金|国有资本|社会保险|社保|财政|收入|支出|债务|预算|决算)");

  /** A line that is a table's name: 3、一般公共预算本级支出预算表, 表5 2024年市本级支出预算表. */
  private static final Pattern TABLE_LINE =
      Pattern.compile("(?m)^[^\\n。；;，,]{2,50}表(?:[（(][^）)\\n]{1,6}[）)])?\\s*$");

  /** A level named with its place's kind: 市本级, 县级. */
  private static final Pattern NAMED_LEVEL = Pattern.compile("[市县区旗州盟省]本级|[市县区旗州盟]级");

  /** Words between a level and its label that say nothing of whose money it is. */
  private static final Pattern FILLER =
      Pattern.compile(
          "\\s|(?:19|20)\\d{2}\\s*年度?|地方|当年|本年|累计|完成|其中|实现|发行|末|底|[，,：:、]|及|和|上|在"
              // ①税收收入42328万元: a list's number; ——税收收入…, ●非税收入…: a list's mark
              + "|[\\u2460-\\u2473]|[—－●•·]"
              // 2022年实际执行情况：一般公共预算收入完成…: the lead of a year's execution
              + "|(?:预算)?(?:实际)?执行情况");

  /** A year compared against, a plan's horizon, or a half or part of a year. */
  private static final Pattern OTHER_TIME =
      Pattern.compile(
          "上半年|1\\s*[-—–~至]\\s*\\d{1,2}\\s*月|(?:截至|截止)[^，,。；;]{0,8}?(?<!\\d)(?:[1-9]|1[01])\\s*月|(?:\\d{1,2}|一|二|三)季度|十[二三四五]五|时期|五年来|年均|以来|到\\s*(?:19|20)\\d{2}\\s*年|(?:19|20)\\d{2}\\s*[-—–~至]\\s*(?:19|20)\\d{2}");

  /** A level said of a budget (全市一般公共预算, 市级地方政府债务), by the budget's name. */
  private static final Map<String, Pattern> SAME_BUDGET = new java.util.HashMap<>();

  static {
    for (Indicator i : FIGURES)
      SAME_BUDGET.computeIfAbsent(
          budgetOf(i),
          b ->
              Pattern.compile(
                  "("
                      + LEVEL.pattern()
                      + ")(?:地方|当年|本年|(?:19|20)\\d{2}\\s*年(?:末|底)?|\\s){0,4}"
                      + b));
  }

  /** A bracketed aside. */
  static final Pattern ASIDE = Pattern.compile("[（(][^（()）]{0,60}[）)]");

  /**
   * An aside of what a figure holds right after its label: （含集中区征管收入）, (不含…) — no amount in it — or
   * that it is the local share (税收收入（地方级）), as the budget's revenue always is.
   */
  private static final Pattern LEADING_ASIDE =
      Pattern.compile("^\\s*[（(](?:不?含[^（()）\\d]{1,24}|地方级?)[）)]");

  /**
   * An aside that changes what the figure is: transfers or debt held in it (含上级补助收入), a part of the
   * year, a level, a budget's stage.
   */
  private static final Pattern ASIDE_SAYS_MORE =
      Pattern.compile("补助|转移|上级|上解|债|调入|结转|结余|基金|预算|决算|调整|执行|月|季|半年|全年|级");

  /** The words before a list of another sum's parts or sources. */
  private static final Pattern LISTED =
      Pattern.compile("(?:包括|来源|分别为|分别是|用于)[^，,。；;]{0,6}[：:，,]?\\s*$");

  /** A narrower level said of the figure just read (…亿元，其中市本级…). */
  private static final Pattern NARROWER_AFTER =
      Pattern.compile("^[^。；;]{0,4}其中[：:，,]?\\s*(?:市本级|县本级|区本级|本级|市级|县级|区级)");

  /** A budget as approved at the year's start, said before its figure (市人大…批准的). */
  private static final Pattern APPROVED = Pattern.compile("批准|审议通过|年初预算|预算安排");

  /** The words of a budget adjusted (调整为, 预算调整为, 调整预算为, 调整后为). */
  private static final Pattern ADJUSTED = Pattern.compile("(?:预算)?调整(?:预算|后)?(?:数)?(?:为|是)?");

  /** A budget adjusted once before (第二次调整, 再次调整). */
  private static final Pattern AGAIN = Pattern.compile("第[二三四五六]次|再次");

  /** A budget's amount changed to another (由…万元调整为416,000万元, 调增为, 调减至). */
  private static final Pattern ADJUSTED_TO =
      Pattern.compile("^\\s*(?:预算)?调(?:整|增|减)后?(?:为|至|到)\\s*(\\d[\\d,]*(?:\\.\\d+)?)\\s*(亿元|万元|元)");

  /** A list of a year's budget opened by a colon (2023年度预算为：…, 年初预算安排是：…). */
  private static final Pattern BUDGET_LIST =
      Pattern.compile("(?:年度?|年初)预算(?:数|安排)?(?:为|是)?\\s*[：:]");

  /** A budget approved by the congress, said before a list of its figures (经…审查批准的…). */
  private static final Pattern APPROVED_LIST = Pattern.compile("批准的|审议通过的");

  /** What the statement says since its last full stop. */
  private static String sinceStop(String said) {
    return said.substring(said.lastIndexOf('。') + 1);
  }

  /** A heading of a part of a year (上半年, 1—6月, 一季度). */
  private static final Pattern PART_OF_YEAR =
      Pattern.compile("上半年|1\\s*[-—–~至]\\s*\\d{1,2}\\s*月|(?:\\d{1,2}|一|二|三)季度");

  /** The salutation that opens the speech (各位代表：). */
  private static final Pattern SALUTED = Pattern.compile("各位代表|各位委员|各位副主任");

  /** With no salutation, how far into the text the title block may run. */
  private static final int PART_AFTER = 400;

  /** The mark of a heading: 一、 (depth 1), （一） (2), 1. (3). */
  private static final Pattern HEADING =
      // a scan's OCR reads （三） as 《三) or 〈三): never a book's title, a numeral alone in it
      Pattern.compile("^(?:([一二三四五六七八九十]+、)|([（(《〈][一二三四五六七八九十]+[）)》〉])|(\\d{1,2}[.．、](?!\\d)))");

  /** A paragraph opening with the parts of what was said before it: 其中：, 其中， */
  private static final Pattern OPENS_PART = Pattern.compile("\\s*其中[：:，,]");

  /** A paragraph that is an item of a list: ——税收收入…, ● 非税收入… */
  private static final Pattern LIST_ITEM = Pattern.compile("\\s*(?:——|—|－|●|•|·)");

  /**
   * The lead-in a paragraph ends with, its list below it (县级一般公共预算收入具体完成情况是：), or "" when it ends
   * otherwise.
   */
  private static String leadIn(String paragraph) {
    String p = paragraph.strip();
    if (!p.endsWith("：") && !p.endsWith(":")) return "";
    int stop = -1;
    for (int i = p.length() - 2; i >= 0 && stop < 0; i--)
      if ("。；;".indexOf(p.charAt(i)) >= 0) stop = i;
    String lead = p.substring(stop + 1);
    // only a revenue's own account, in the part's year and role: not a year, a plan, an adjustment
    // or
    // a spending's (2024年…收入安排是：, …预算调整情况是：, …支出主要用于：)
    return LEAD_IN.matcher(lead).find() && !NOT_LEAD_IN.matcher(lead).find() ? lead : "";
  }

  /** A lead-in naming the general budget's revenue. */
  private static final Pattern LEAD_IN = Pattern.compile("一般公共预算收入");

  /** What a lead-in naming a revenue's own account says nothing of. */
  private static final Pattern NOT_LEAD_IN = Pattern.compile("\\d{4}|支出|安排|预算数|调整|预计|草案|计划|用于");

  /** A list's item stating a part of the revenue: ——税收收入…, ●非税收入… (not 税收返还). */
  private static final Pattern REVENUE_PART_ITEM =
      Pattern.compile("\\s*(?:——|—|－|●|•|·)\\s*(?:税收收入|非税收入)(?!返还)");

  /**
   * The last sentence of {@code paragraph}, with its stop (what 其中 in the next one breaks down).
   */
  private static String lastSentence(String paragraph) {
    String p = paragraph.strip();
    int stop = -1;
    for (int i = p.length() - 2; i >= 0 && stop < 0; i--)
      if ("。；;".indexOf(p.charAt(i)) >= 0) stop = i;
    return p.endsWith("。") ? p.substring(stop + 1) : "";
  }

  /** 总额为, 总额是: a spending's total stated. */
  static final Pattern SPENDING_TOTAL = Pattern.compile("总额\\s*(?:为|是)");

  /** The end of a line that ends a paragraph. */
  private static final String PARAGRAPH_END = "。；;：:！？!?";

  /** How much of a sentence a figure's source keeps. */
  private static final int SOURCE_MAX = 300;

  /** The figures {@code d} states, weighed. */
  public List<IndicatorValue> read(DisclosureDocument d) {
    if (d.kind() == null || !d.kind().government() || d.year() == null) return List.of();
    Prose prose = Prose.of(d.text());
    String place = place(d);
    List<IndicatorValue> out = new ArrayList<>();
    Context ctx = new Context();
    String simple = ScriptFold.simplify(d.text());
    // a table's name on a line of its own (a contents' entry: 3、一般公共预算本级支出预算表) names its
    // table, not a level the report's words tell apart
    // (only a bare 本级, the own spending's table: 2024年市本级…预算表 names a level the report has)
    String said =
        TABLE_LINE
            .matcher(simple)
            .replaceAll(m -> NAMED_LEVEL.matcher(m.group()).find() ? "$0" : "");
    ctx.oneLevel = !NARROWER_LEVEL_SAID.matcher(said).find();
    ctx.bareSelfOnly = !ctx.oneLevel && onlyBareSelf(said);
    // 关于2020年区级预算调整方案的报告: the one level a title names is the report's, wherever a
    // sentence and its headings leave it unsaid
    if (d.title() != null) ctx.titled(d.title());
    // a paragraph that ends in ；goes on in the next (a list of one level's budget over lines): the
    // next is read with it before (长沙's 市本级政府性基金收入…；⏎政府性基金支出315.21亿元)
    String carried = "";
    String previous = "";
    // a lead-in naming a figure, its items listed below it one paragraph each (…收入具体完成情况是：⏎
    // ——税收收入18319万元…⏎——非税收入…): each item is read with it before
    String lead = "";
    // where the speech begins: a line before it is the title block's, never a part's heading
    Matcher saluted = SALUTED.matcher(d.text());
    int speech = saluted.find() ? saluted.end() : PART_AFTER;
    for (Prose.Paragraph p : prose.paragraphs()) {
      String text = p.text();
      ctx.paragraph = text;
      Matcher h = HEADING.matcher(text);
      if (h.find()) {
        int depth = h.group(1) != null ? 1 : h.group(2) != null ? 2 : 3;
        int end = headingEnd(text, h.end());
        ctx.enter(depth, text.substring(h.end(), end));
        carried = "";
      } else {
        // 2022年预算执行情况 on a line of its own, its number lost: the year of the part it opens
        Matcher part = Prose.UNNUMBERED_PART.matcher(text.strip());
        if (part.matches() && p.offset(0) > speech) ctx.part(Integer.parseInt(part.group(1)));
      }
      // only a paragraph opening with a figure goes on the list before it
      if (!LABEL.matcher(text.strip()).lookingAt()) carried = "";
      // a paragraph opening with 其中 is the breakdown of the sentence that ended the one before
      // (…全市一般公共预算收入1,714亿元，增长1%。⏎其中：税收收入1,299.2亿元): that sentence is read before it
      if (carried.isEmpty() && OPENS_PART.matcher(text).lookingAt())
        carried = lastSentence(previous);
      if (!LIST_ITEM.matcher(text).lookingAt()) lead = "";
      else if (carried.isEmpty() && REVENUE_PART_ITEM.matcher(text).lookingAt()) carried = lead;
      previous = text;
      int from = 0;
      for (int i = 0; i <= text.length(); i++) {
        if (i < text.length() && "。；;".indexOf(text.charAt(i)) < 0) continue;
        if (i > from) read(d, place, ctx, p, from, i, carried + text.substring(0, from), out);
        from = i + 1;
      }
      String ends = text.strip();
      carried = ends.endsWith("；") || ends.endsWith(";") ? ends : "";
      if (!leadIn(ends).isEmpty()) lead = leadIn(ends);
    }
    out.addAll(Tables.read(d, place));
    out.addAll(Population.read(d, place, prose));
    return weigh(out, d.kind() == ReportKind.GOVERNMENT_FINAL ? Role.ACTUAL : Role.PLANNED);
  }

  /** The figures of the sentence {@code text[from, to)} of paragraph {@code p}. */
  private void read(
      DisclosureDocument d,
      String place,
      Context ctx,
      Prose.Paragraph p,
      int from,
      int to,
      String paragraphBefore,
      List<IndicatorValue> out) {
    String s = p.text().substring(from, to);
    Matcher m = LABEL.matcher(s);
    while (m.find()) {
      Indicator ind = labelled(m, s, ctx);
      if (ind == null) continue;
      // what a sentence says in brackets (含高新区，下同) is an aside, not whose money
      String before = ASIDE.matcher(s.substring(0, m.start())).replaceAll("");
      // a figure inside brackets is a breakdown of the sum before them (地方政府债券收入561.5亿元(新增债券
      // 168.0亿元、再融资债券393.5亿元)): that sum's part, not the government's figure
      if (before.matches(".*[（(][^）)]*")) continue;
      // 转贷区级地方政府新增债券: bonds lent on to the districts, whose level 区级 names the lender's
      // borrowers, not the government
      if (LENT_ON.matcher(before.substring(lastClauseStart(before))).find()) continue;
      String after = s.substring(m.end());
      // 全区一般公共预算收入(含集中区征管收入)44亿元: an aside of words between the label and its amount
      // (blanked, so offsets stay the sentence's); one holding an amount is another figure's
      Matcher aside = LEADING_ASIDE.matcher(after);
      if (aside.lookingAt()
          && (aside.group().contains("地方") || !ASIDE_SAYS_MORE.matcher(aside.group()).find()))
        after = " ".repeat(aside.end()) + after.substring(aside.end());
      // 全县一般公共预算支出总额为378558万元: the spending itself (a revenue's 总额 may hold transfers)
      if (ind.id.endsWith("_expenditure") && SPENDING_TOTAL.matcher(after).lookingAt())
        after = after.substring(2);
      if (BEFORE_NOT_STATING.matcher(before).find() || NOT_THE_FIGURE.matcher(after).find())
        continue;
      Matcher a = AMOUNT.matcher(after);
      if (!a.find()) continue;
      // 一般公共预算支出调整为263.68亿元: the year's budget as the congress adjusted it
      boolean adjusted =
          ADJUSTED.matcher(a.group(1)).matches()
              // 调整全县一般公共预算收入为509257万元, 预算调整后，一般公共预算支出为…: the budget as adjusted
              || a.group(1).strip().matches("为|至|到")
                  && before.substring(lastClauseStart(before)).contains("调整");
      if (!adjusted && NOT_STATING.matcher(a.group(1)).find()) continue;
      // 国有资本经营预算收入-12.4亿元: an item of another budget's list, a loss, not the figure
      if (a.group(1).matches(".*[-－—–]\\s*")) continue;
      if (OTHER_TIME.matcher(before).find() || ctx.partYear()) continue;
      if (LISTED.matcher(before.substring(0, Math.max(0, lastClauseStart(before)))).find()) {
        // 资金来源包括：一般公共预算支出54.8亿元…: a list of another sum's sources
        continue;
      }
      String said = ASIDE.matcher(paragraphBefore).replaceAll("") + before;
      int part = said.lastIndexOf("其中");
      // a 其中 of an earlier sentence (…。其中：税收收入…。地方政府性基金预算收入…) governs that sentence only
      if (part < said.lastIndexOf('。')) part = -1;
      if (part >= 0 && !partOf(ind, said.substring(0, part))) {
        // 必要性支出258.1亿元，其中：市级一般公共预算支出257.3亿元: a part of another sum
        continue;
      }
      Scope.Whose whose = whose(ind, said, place, ctx);
      if (whose == null && part >= 0 && stated(before)) whose = wholesLevel(said, part);
      if (whose == null
          && NARROWER_AFTER.matcher(after.substring(a.end())).find()
          && stated(before)) {
        // 2020年地方政府债务余额3,127.4亿元，其中市本级1,875.6亿元: the whole, of which a level
        whose = Scope.Whose.WHOLE;
      }
      if (whose == null) continue;
      Integer headed = ctx.year();
      // the year of a part headed without its number, where the sentence's verb does not draft
      // (安排, 预期: the draft's, whatever part it stands in)
      if (headed == null
          && ctx.numberlessYear() != null
          && !Timings.DRAFT_VERB
              .matcher(a.group(1) + before.substring(lastClauseStart(before)))
              .find()) headed = ctx.numberlessYear();
      Integer year = Timings.year(before, said, a.group(1), headed, d);
      if (year == null) continue;
      // 收入预算378.2亿元, 市人大批准的…收入预算: the year's budget, not what was collected
      boolean budgeted =
          a.group(1).contains("预算") && !a.group(1).contains("决算")
              // 一般公共预算收入为101930万元，经…批准，调整为104500万元: only a budget is adjusted
              || Timings.adjustedLater(ind, after.substring(a.end()))
              || APPROVED.matcher(before.substring(lastClauseStart(before))).find()
              // 我县2023年度预算为：一般公共预算收入60,000万元，支出…；政府性基金预算收入…: a list of the budget
              || BUDGET_LIST.matcher(sinceStop(said)).find()
              // 经…审查批准的区级一般公共预算收入为…；一般公共预算支出为…: the approved budget's list goes on
              || (APPROVED_LIST.matcher(sinceStop(said)).find()
                  && !Timings.EXECUTED_VERB.matcher(a.group(1)).find()
                  && !Timings.EXECUTED_VERB
                      .matcher(before.substring(lastClauseStart(before)))
                      .find());
      Timings.Timing when = Timings.timing(d, year, budgeted, a.group(1));
      if (when != null && adjusted)
        when =
            when.role() == Role.PLANNED
                ? null
                : new Timings.Timing(Role.ADJUSTED_BUDGET, when.period());
      if (when == null) continue;
      // a report of a half year's execution (2022年上半年财政预算执行情况和2021年决算): what that year
      // has done is the half year's, wherever its sentence leaves 上半年 unsaid
      if ((when.role() == Role.ACTUAL || when.role() == Role.EXECUTED)
          && year.equals(Timings.halfYear(d))) continue;
      int start = p.offset(from + m.end() + a.start(2));
      int end = p.offset(from + m.end() + a.end(3) - 1) + 1;
      String source = p.written().substring(from, to).strip();
      if (source.length() > SOURCE_MAX) source = source.substring(0, SOURCE_MAX);
      IndicatorValue money =
          amount(d, ind, a.group(2), a.group(3), when, whose, start, end, source);
      if (money == null) continue;
      // 收入完成…，支出完成…: a bare 支出 its revenue's chain has already read (as whichever figure: one
      // amount written is one figure)
      if (out.stream().anyMatch(v -> v.start() == money.start() && v.end() == money.end()))
        continue;
      // 一般公共预算收入由362,000万元调整为416,000万元: the budget, then the budget as adjusted (the change
      // and its rate after it are the adjustment's, never the year's growth); in a second
      // adjustment
      // the amount it starts from is the first's, no initial budget: only the adjusted one is read
      Matcher adjustedTo = ADJUSTED_TO.matcher(after.substring(a.end()));
      boolean fromTo =
          a.group(1).strip().equals("由")
              && when.role() == Role.INITIAL_BUDGET
              && adjustedTo.lookingAt();
      boolean again =
          fromTo && AGAIN.matcher((d.title() == null ? "" : d.title()) + sinceStop(said)).find();
      if (!again) out.add(money);
      if (fromTo) {
        int at = from + m.end() + a.end();
        IndicatorValue later =
            amount(
                d,
                ind,
                adjustedTo.group(1),
                adjustedTo.group(2),
                new Timings.Timing(Role.ADJUSTED_BUDGET, when.period()),
                whose,
                p.offset(at + adjustedTo.start(1)),
                p.offset(at + adjustedTo.end(2) - 1) + 1,
                source);
        if (later != null) out.add(later);
        if (again) continue;
      }
      Beside.rates(d, ind, money, p, from + m.end() + a.end(), to, source, out);
      Beside.debtKinds(d, ind, money, p, from + m.end() + a.end(), to, source, out);
      Beside.narrowerLevel(d, ind, money, p, from + m.end() + a.end(), to, source, out);
      Beside.bracketedParts(d, ind, money, p, from + m.end() + a.end(), to, source, out);
      Chain.read(d, ind, year, when, whose, p, from + m.end() + a.end(), to, source, out);
    }
  }

  /**
   * An amount of money read in {@code d}'s words — its digits as written ({@code 1,234.5}) and its
   * unit (亿元, 万元, 元) — as a statement of {@code ind} at {@code when} for {@code whose}; null where
   * the digits are no number or the amount is negative or beyond the figure's bounds (a budget may
   * state it has none: 政府性基金收入0万元). Every reader of a government's amounts goes through here.
   */
  static IndicatorValue amount(
      DisclosureDocument d,
      Indicator ind,
      String written,
      String unit,
      Timings.Timing when,
      Scope.Whose whose,
      int start,
      int end,
      String source) {
    String digits = written.replaceAll("[\\s,]", "");
    double value;
    try {
      value = Double.parseDouble(digits);
    } catch (NumberFormatException e) {
      return null;
    }
    double wan = unit.equals("亿元") ? value * 10_000 : unit.equals("元") ? value / 10_000 : value;
    if (!(wan >= 0) || wan > ind.kind.max) return null;
    return statement(
        d,
        ind,
        value,
        unit,
        digits + unit,
        Math.round(wan * 1_000_000d) / 1_000_000d,
        when.role(),
        new Scope(whose, Scope.Funds.ALL, when.period()),
        start,
        end,
        source);
  }

  /**
   * A statement Gongkai read in {@code d}'s words: {@code value} in {@code unit} as {@code written}
   * ({@code wan} in 万元, null for a rate), in its role and scope, at {@code [start, end)} of the
   * clean text, in {@code source}'s sentence; weighed later.
   */
  static IndicatorValue statement(
      DisclosureDocument d,
      Indicator ind,
      double value,
      String unit,
      String written,
      Double wan,
      Role role,
      Scope scope,
      int start,
      int end,
      String source) {
    return statement(
        d, ind, value, unit, written, wan, role, scope, start, end, source, SourceKind.TEXT);
  }

  /** A statement as {@link #statement} makes one, read from {@code kind} (a table's cell). */
  static IndicatorValue statement(
      DisclosureDocument d,
      Indicator ind,
      double value,
      String unit,
      String written,
      Double wan,
      Role role,
      Scope scope,
      int start,
      int end,
      String source,
      SourceKind kind) {
    return new IndicatorValue(
        ind.id,
        ind.label,
        value,
        unit,
        written,
        wan,
        role,
        false,
        kind,
        d.docId(),
        org.gongkai.model.Section.idAt(d.sections(), start),
        source,
        start,
        end,
        scope,
        false,
        List.of(),
        false);
  }

  /**
   * The figure a label names: its indicator's; 国有资本经营收入 under its own budget's heading (elsewhere
   * an item of the general budget's revenue: none); 当年收入 after the general budget's 总收入 (none after
   * another total).
   */
  private static Indicator labelled(Matcher m, String sentence, Context ctx) {
    for (int g = 1; g <= FIGURES.size(); g++) if (m.group(g) != null) return FIGURES.get(g - 1);
    if (m.group().startsWith("债务")) {
      if (!ctx.headed("债务")) return null;
      return m.group().endsWith("余额") ? Indicator.GOV_DEBT_BALANCE : Indicator.GOV_DEBT_LIMIT;
    }
    boolean revenue = m.group().endsWith("收入");
    if (m.group().startsWith("国有资本经营")) {
      if (!ctx.under("国有资本经营")) return null;
      return revenue ? Indicator.GOV_CAPITAL_REVENUE : Indicator.GOV_CAPITAL_EXPENDITURE;
    }
    if (m.start("bare") >= 0) { // 收入, 支出 alone: its heading's budget's
      String lead = sentence.substring(0, m.start()).stripTrailing();
      boolean opens =
          lead.isEmpty()
              || "。；;：:".indexOf(lead.charAt(lead.length() - 1)) >= 0
              || YEAR_ENDS.matcher(lead).find();
      // after a comma only the spending right after its budget's own revenue (，支出预算479.7亿元): not
      // a reserve fund's 当年支出 nor a spending after a transfer's revenue (上级补助收入…，支出…)
      if (!opens && (revenue || !BARE_AFTER.matcher(lead).find())) return null;
      String budget = ctx.budget();
      if (budget == null) return null;
      return switch (budget) {
        case "政府性基金" -> revenue ? Indicator.GOV_FUND_REVENUE : Indicator.GOV_FUND_EXPENDITURE;
        case "国有资本经营" ->
            revenue ? Indicator.GOV_CAPITAL_REVENUE : Indicator.GOV_CAPITAL_EXPENDITURE;
        case "社会保险基金" -> revenue ? Indicator.GOV_SOCIAL_REVENUE : Indicator.GOV_SOCIAL_EXPENDITURE;
        default -> revenue ? Indicator.GOV_GENERAL_REVENUE : Indicator.GOV_GENERAL_EXPENDITURE;
      };
    }
    String before = sentence.substring(0, m.start());
    if (!before.contains(revenue ? "一般公共预算总收入" : "一般公共预算总支出")) return null;
    return revenue ? Indicator.GOV_GENERAL_REVENUE : Indicator.GOV_GENERAL_EXPENDITURE;
  }

  /**
   * The level of the whole a 其中 at {@code part} of {@code said} is a part of: the last level its
   * sentence named before 其中, or — 其中 opening a sentence (我市完成地方财政总收入470883万元…。其中：一般公共预算收入…) — the
   * sentence before; null when neither names one.
   */
  private static Scope.Whose wholesLevel(String said, int part) {
    int whole = sentenceStart(said, part);
    if (whole > 0 && part - whole < 2) whole = sentenceStart(said, whole - 1);
    Scope.Whose whose = null;
    for (Matcher lv = LEVEL.matcher(said.substring(whole, part)); lv.find(); )
      whose = whoseOf(lv.group());
    return whose;
  }

  /** Where the sentence holding {@code at} of {@code s} starts. */
  private static int sentenceStart(String s, int at) {
    int i = Math.max(0, at);
    while (i > 0 && "。；;".indexOf(s.charAt(i - 1)) < 0) i--;
    return i;
  }

  /**
   * Whether the clause before a label names no other body (only a year, a level, stating words).
   */
  private static boolean stated(String before) {
    String lead = before.substring(Math.max(0, lastClauseStart(before)));
    return FILLER.matcher(LEVEL.matcher(lead).replaceAll("")).replaceAll("").isEmpty();
  }

  /**
   * Whose money the label after {@code before} is: the level said right before it (only stating
   * words between), else the one the sentence (or its paragraph) last said of the same budget
   * (全市一般公共预算收入…，其中：税收收入…), else the heading's; null when another body is named before it, or
   * nothing says.
   */
  private static Scope.Whose whose(Indicator ind, String before, String place, Context ctx) {
    int clause = Math.max(0, lastClauseStart(before));
    String lead = before.substring(clause);
    Matcher lv = LEVEL.matcher(lead);
    String level = null;
    int levelEnd = -1;
    while (lv.find()) {
      level = lv.group();
      levelEnd = lv.end();
    }
    String rest = levelEnd < 0 ? lead : lead.substring(levelEnd);
    if (place != null && levelEnd < 0 && rest.contains(place)) {
      // 2020年济南市一般公共预算收入: the city's name is the whole city
      level = "全市";
      rest = rest.substring(rest.lastIndexOf(place) + place.length());
    }
    String left = FILLER.matcher(rest).replaceAll("");
    // 2024年，区一般公共预算支出…: the government's own kind of place, said alone, is the government
    if (level == null
        && left.length() == 1
        && "市县区旗州盟".contains(left)
        && (place != null ? place.endsWith(left) : ctx.oneLevel)) {
      level = "全" + left;
      left = "";
    }
    if (!left.isEmpty()) return null; // 高新区一般公共预算收入
    if (level == null) {
      // 开发区一般公共预算收入21.6亿元…；一般公共预算支出33.4亿元: the paragraph speaks of a zone's (or a
      // district's) budget, and what follows without a level is the zone's too
      String spoken = before.substring(0, clause);
      int mention = spoken.lastIndexOf(budgetOf(ind));
      if (mention > 0) {
        String body = spoken.substring(lastClauseStart(spoken.substring(0, mention)), mention);
        // the government's own words are no other body (全区, 区本级, 平江县 in 平江县's report)
        body = LEVEL.matcher(place == null ? body : body.replace(place, "")).replaceAll("");
        if (OTHER_BODY.matcher(body).find()) return null;
      }
      // 其中：税收收入…: the level the sentence (or paragraph) last gave the same budget (asides
      // dropped: 市级(含市属开发区,下同)一般公共预算收入…；一般公共预算支出…); failing one, the heading's
      Matcher sv = SAME_BUDGET.get(budgetOf(ind)).matcher(spoken);
      int at = -1;
      while (sv.find()) {
        // a level said of a part in an earlier sentence (…。其中：市级一般公共预算收入…。一般公共预算支出…)
        // is that part's: the next sentence speaks of the whole again
        int stop = spoken.lastIndexOf('。', sv.start());
        if (spoken.indexOf('。', sv.start()) >= 0
            && spoken.substring(stop + 1, sv.start()).contains("其中")) continue;
        level = sv.group(1);
        at = sv.start();
      }
      // …转贷南昌市地方政府债券314.7亿元，其中：新增债券…: the city's own name is the whole city's
      if (place != null) {
        Matcher pv =
            Pattern.compile(Pattern.quote(place) + "(?:地方|政府|当年|本年|\\s){0,3}" + budgetOf(ind))
                .matcher(spoken);
        int last = -1;
        while (pv.find()) last = pv.start();
        if (last > at) level = "全市";
      }
      if (level == null) level = ctx.level();
      // a county's report that never tells its 县本级 from the whole county (2021年，一般公共预算收入
      // 9.09亿元) states the whole government's figures: its budget is the one it reports
      if (level == null && ctx.oneLevel) level = "全";
      // 关于2020年区级预算调整方案的报告, a report telling levels apart: its title's level is its figures'
      if (level == null) level = ctx.titleLevel(sinceStop(before));
    }
    if (level == null) return null;
    // 本级一般公共预算收入完成56,794万元 in a report naming no other level: the government's own revenue
    // (against the transfers it receives), not a narrower level of it
    // — nor where the report tells no level apart at all (本级 only in a heading: 一、2023年本级收支决算情况)
    if (level.equals("本级") && (ctx.bareSelfOnly || ctx.oneLevel)) return Scope.Whose.WHOLE;
    return whoseOf(level);
  }

  /**
   * The whole government's money said of a budget (全区一般公共预算…, 全县完成一般公共预算收入…, 全县财政…), or the
   * townships' beside the 本级 (乡镇一般公共预算收入…).
   */
  private static final Pattern WHOLE_SAID =
      Pattern.compile(
          "(?:全[市县区旗州盟省]|乡镇|街道)[^，,。；;\\d]{0,6}?"
              + "(?:一般公共|一般预算|政府性基金|国有资本|社会保险|社保|财政|收入|支出|债务|预算|决算)");

  /**
   * Whether the only level a report names of its money is a bare 本级 (no 区本级, 县级, nor 全区…): its 本级
   * is then the government's own revenue and spending, set against what it receives and passes on.
   */
  private static boolean onlyBareSelf(String text) {
    if (WHOLE_SAID.matcher(text).find()) return false;
    Matcher n = NARROWER_LEVEL_SAID.matcher(text);
    while (n.find()) if (!n.group().startsWith("本级")) return false;
    return true;
  }

  /** Money lent or passed on to the levels below (转贷区级, 下达各县, 分配给区县). */
  private static final Pattern LENT_ON =
      Pattern.compile("(?:转贷|下达|分配|拨付)(?:给|至|到)?(?:区级|县级|各区|各县|区县|县区|下级|所属)");

  /**
   * A zone or a bureau named anywhere in a paragraph or heading: its money may be what it speaks
   * of.
   */
  private static final Pattern BODY_NAMED =
      Pattern.compile(
          "开发区|新区|园区|管理局|管委会|名胜区|风景区|试验区|示范区|度假区|保税区|合作区|起步区|高新区|乡镇|街道"
              // 三、县教育局预算调整: a bureau (never 格局, 布局, 局面 …)
              + "|(?<![格布大当结全时变开])局(?![面势部])");

  /** The parts of a title (…预算执行情况和…预算草案): each names its own year and budget. */
  private static final Pattern TITLE_PARTS = Pattern.compile("[和及与暨]");

  /** A body below or beside the government, named right before a budget: a zone, a district. */
  private static final Pattern OTHER_BODY =
      Pattern.compile("(?:开发区|新区|园区|管理局|管委会|名胜区|风景区|试验区|示范区|度假区|保税区|合作区|起步区|\\p{IsHan}[区县])\\s*$");

  /**
   * Whether a figure after {@code 其中} is a part of what was said before it: a figure of the same
   * budget (全市一般公共预算收入…，其中：税收收入), or revenue of the treasury's whole revenue (地方财政总收入…，
   * 其中：一般公共预算收入; 财政总支出…，其中：一般公共预算支出) — not of another sum (必要性支出258.1亿元，其中：市级一般公共预算支出257.3亿元).
   */
  private static boolean partOf(Indicator ind, String before) {
    if (before.contains(budgetOf(ind))) return true;
    Pattern treasury =
        ind.id.endsWith("_revenue")
            ? TREASURY_REVENUE
            : ind.id.endsWith("_expenditure") ? TREASURY_SPENDING : null;
    if (treasury == null) return false;
    Matcher whole = treasury.matcher(before);
    int last = -1;
    while (whole.find()) last = whole.start();
    if (last < 0) return false;
    // 全县乡镇财政总支出…, 截至11月底，全县财政总支出…: a body's, or months', whole — not the year's of the
    // government
    String lead = before.substring(Math.max(0, before.lastIndexOf('。', last) + 1), last);
    return !BODY_NAMED.matcher(lead).find() && !MONTHS.matcher(lead).find();
  }

  /** Months of a year, not the year: 截至11月底, 1-11月, 前三季度 (never 12月, the year's end). */
  private static final Pattern MONTHS = Pattern.compile("(?<!\\d)(?:[1-9]|1[01])\\s*月|季度|上半年");

  /** The treasury's whole revenue, of which the budgets' revenues are parts. */
  private static final Pattern TREASURY_REVENUE = Pattern.compile("财政(?:预算)?(?:总)?收入");

  /**
   * The treasury's whole spending (财政总支出…，其中：一般公共预算支出…；政府性基金预算支出…, 公共财政预算总支出…，其中：…), of which the
   * budgets' spending are parts.
   */
  private static final Pattern TREASURY_SPENDING = Pattern.compile("财政(?:预算)?总支出");

  /** The budget an indicator's figures belong to, as reports name it. */
  private static String budgetOf(Indicator ind) {
    return switch (ind) {
      case GOV_FUND_REVENUE, GOV_FUND_EXPENDITURE -> "政府性基金";
      case GOV_CAPITAL_REVENUE, GOV_CAPITAL_EXPENDITURE -> "国有资本经营";
      case GOV_SOCIAL_REVENUE, GOV_SOCIAL_EXPENDITURE -> "社会保险基金";
      case GOV_DEBT_LIMIT, GOV_DEBT_BALANCE -> "政府债务";
      case GOV_NEW_BONDS -> "债券";
      default -> "一般公共预算";
    };
  }

  private static Scope.Whose whoseOf(String level) {
    if (level.startsWith("全") || level.startsWith("我")) return Scope.Whose.WHOLE;
    if (level.contains("本级")) return Scope.Whose.SELF;
    return Scope.Whose.LEVEL;
  }

  /** Where the clause holding the end of {@code s} starts (after its last comma or colon). */
  static int lastClauseStart(String s) {
    for (int i = s.length() - 1; i >= 0; i--)
      if ("，,：:（(。；;".indexOf(s.charAt(i)) >= 0) return i + 1;
    return 0;
  }

  /** The place whose name stands for its whole government: the region's county or city. */
  private static String place(DisclosureDocument d) {
    if (d.region() == null || !d.region().decided()) return null;
    var r = d.region().region();
    return r.county() != null ? r.county() : r.city() != null ? r.city() : r.province();
  }

  /** Where a heading's words end: at its colon or full stop, or the paragraph's end. */
  private static int headingEnd(String text, int from) {
    for (int i = from; i < text.length(); i++) if ("：:。".indexOf(text.charAt(i)) >= 0) return i;
    return text.length();
  }

  /**
   * Of each figure's statements in one level, role and year, the whole government's for the
   * report's own year: one headline when they agree, each a candidate when they do not.
   */
  private static List<IndicatorValue> weigh(List<IndicatorValue> values, Role own) {
    List<IndicatorValue> out = new ArrayList<>(values);
    // a figure the text states and a table states alike (to the text's rounding: 3150.9亿元 and
    // 31,508,712万元) is confirmed by both, in any level and role
    Map<String, List<Integer>> same = new LinkedHashMap<>();
    for (int i = 0; i < values.size(); i++) {
      IndicatorValue v = values.get(i);
      same.computeIfAbsent(
              v.indicator() + " " + v.scope().code() + " " + v.role(), k -> new ArrayList<>())
          .add(i);
    }
    for (List<Integer> g : same.values())
      for (int i : g)
        for (int j : g)
          if (values.get(i).sourceKind() == SourceKind.TEXT
              && values.get(j).sourceKind() == SourceKind.TABLE
              && agree(values.get(i), values.get(j))) {
            out.set(i, out.get(i).verifiedBy(List.of("text_and_table")));
            out.set(j, out.get(j).verifiedBy(List.of("text_and_table")));
          }
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < values.size(); i++) {
      IndicatorValue v = values.get(i);
      if (v.scope().whose() != Scope.Whose.WHOLE || v.scope().period() != Scope.Period.CURRENT)
        continue;
      // a final account's 年初预算 of its year is not what it accounts for
      if (v.role() != own) continue;
      groups.computeIfAbsent(v.indicator(), k -> new ArrayList<>()).add(i);
    }
    for (List<Integer> g : groups.values()) {
      // the most exactly written statement stands for them all when every other agrees with it
      int best = g.get(0);
      for (int i : g)
        if (GovernmentChecks.half(values.get(i)) < GovernmentChecks.half(values.get(best)))
          best = i;
      IndicatorValue b = values.get(best);
      boolean agree = g.stream().allMatch(i -> agree(values.get(i), b));
      if (agree) out.set(best, out.get(best).asHeadline());
      else for (int i : g) out.set(i, out.get(i).asCandidate());
    }
    return out;
  }

  /** Whether two statements are one amount, each as exact as it is written. */
  private static boolean agree(IndicatorValue a, IndicatorValue b) {
    return Math.abs(amount(a) - amount(b))
        <= GovernmentChecks.half(a) + GovernmentChecks.half(b) + 1e-9;
  }

  /** A statement's amount in 万元, or its rate in per cent. */
  static double amount(IndicatorValue v) {
    return v.valueWan() != null ? v.valueWan() : v.value();
  }

  /** The year, level and part of a year the headings above a paragraph name, by depth. */
  private static final class Context {
    /** A part of the draft budget (预算草案, 预算安排): no part of the year executed before it. */
    private static final Pattern DRAFT_PART = Pattern.compile("草案|预算安排|今年|明年|(?:19|20)\\d{2}");

    /** A heading of what a year executed: 一般公共预算执行情况, 收支完成情况, 决算情况. */
    private static final Pattern EXECUTED_PART = Pattern.compile("执行|完成|决算");

    /** The report never says a narrower level of its money than the whole government's. */
    boolean oneLevel;

    /** The only level the report names of its money is a bare 本级: the government's own. */
    boolean bareSelfOnly;

    private final Integer[] years = new Integer[4];
    private final String[] levels = new String[4];
    private final boolean[] parts = new boolean[4];
    private final String[] headings = new String[4];

    void enter(int depth, String heading) {
      for (int k = depth; k < 4; k++) {
        years[k] = null;
        levels[k] = null;
        parts[k] = false;
        headings[k] = null;
      }
      headings[depth] = heading;
      // 二、预算草案, 二、2023年全市收支预算 after an unnumbered 2022年预算执行情况: that part is over; only
      // a heading of what it executed (一、一般公共预算执行情况) goes on in it
      if (depth == 1
          && (!EXECUTED_PART.matcher(heading).find() || DRAFT_PART.matcher(heading).find()))
        numberlessYear = null;
      Matcher y = Timings.YEAR.matcher(heading);
      while (y.find()) years[depth] = Integer.parseInt(y.group(1));
      // a heading naming two levels (2020年全市和市级预算收支执行情况) says neither
      java.util.Set<String> named = new java.util.HashSet<>();
      for (Matcher l = LEVEL.matcher(heading); l.find(); ) named.add(l.group());
      levels[depth] = named.size() == 1 ? named.iterator().next() : null;
      parts[depth] = PART_OF_YEAR.matcher(heading).find();
    }

    /** The one level the report's title names, or null. */
    String titleLevel;

    /** The paragraph being read. */
    String paragraph = "";

    /**
     * The report's title: the one level it names (关于2020年区级预算调整方案的报告), unless it names the place's
     * whole beside it (关于南宁市与市本级…, 杭州市及市本级…).
     */
    void titled(String title) {
      java.util.Set<String> named = new java.util.HashSet<>();
      for (Matcher l = LEVEL.matcher(title); l.find(); ) {
        named.add(l.group());
        if (l.start() > 0 && "及与和、".indexOf(title.charAt(l.start() - 1)) >= 0) named.add("both");
      }
      titleLevel = named.size() == 1 ? named.iterator().next() : null;
      // 关于2020年预算执行情况和2021年市本级预算草案的报告: the level is the draft's only, not the report's
      if (titleLevel == null) return;
      for (String part : TITLE_PARTS.split(title))
        if (Timings.YEAR.matcher(part).find() && !part.contains(titleLevel)) {
          titleLevel = null;
          return;
        }
    }

    /**
     * The title's level, where neither the paragraph nor a heading above it speaks of another body
     * (（三）开发区和湾里管理局收支决算情况, 2022年，高新技术产业开发区…).
     */
    String titleLevel(String sentence) {
      if (titleLevel == null || BODY_NAMED.matcher(paragraph).find()) return null;
      // 从全市看，…一般公共预算收入完成…: a sentence naming another level speaks of that one
      for (Matcher l = LEVEL.matcher(sentence); l.find(); )
        if (!l.group().equals(titleLevel)) return null;
      for (int k = 1; k < 4; k++)
        if (headings[k] != null && BODY_NAMED.matcher(headings[k]).find()) return null;
      return titleLevel;
    }

    /** Whether a heading above names {@code words} (政府债务情况 for 债务). */
    boolean headed(String words) {
      for (int k = 3; k >= 1; k--)
        if (headings[k] != null && headings[k].contains(words)) return true;
      return false;
    }

    /**
     * The one budget the nearest heading names (全县一般公共预算 → 一般公共预算), with one level of its money;
     * null where that heading names none or two (（四）预备费使用情况 under 一般公共预算 is no budget's own 收入 and
     * 支出), or no one level is named above.
     */
    String budget() {
      for (int k = 3; k >= 1; k--) {
        if (headings[k] == null) continue;
        List<String> named = budgetsNamed(headings[k]);
        // a heading naming a level and nothing else (2．市本级情况) is its budget heading's part
        if (named.isEmpty() && levelOnly(headings[k])) continue;
        return named.size() == 1 && level() != null ? named.get(0) : null;
      }
      return null;
    }

    /** Whether a heading names a level and nothing else: 2．市本级情况, （一）全市. */
    private static boolean levelOnly(String heading) {
      if (!LEVEL.matcher(heading).find()) return false;
      String rest =
          LEVEL
              .matcher(Timings.YEAR.matcher(heading).replaceAll(""))
              .replaceAll("")
              .replaceAll("[\\s\\d一二三四五六七八九十（）()．.、，,：:。]|情况|收支|执行|决算|的", "");
      return rest.isEmpty();
    }

    /** Whether the nearest heading naming a budget names {@code budget} first. */
    boolean under(String budget) {
      for (int k = 3; k >= 1; k--) {
        if (headings[k] == null) continue;
        List<String> named = budgetsNamed(headings[k]);
        if (!named.isEmpty()) return named.get(0).equals(budget);
      }
      return false;
    }

    /**
     * The budgets a heading names, by their full names in the order of the four (一般公共预算, 政府性基金,
     * 国有资本经营, 社会保险基金), then the short names the figures' own labels accept (一般预算, 社保基金).
     */
    static List<String> budgetsNamed(String heading) {
      List<String> named = new ArrayList<>();
      for (String b : List.of("一般公共预算", "政府性基金", "国有资本经营", "社会保险基金"))
        if (heading.contains(b)) named.add(b);
      if (heading.contains("一般预算") && !named.contains("一般公共预算")) named.add("一般公共预算");
      if (heading.contains("社保基金") && !named.contains("社会保险基金")) named.add("社会保险基金");
      return named;
    }

    Integer year() {
      for (int k = 3; k >= 1; k--) if (years[k] != null) return years[k];
      return null;
    }

    /** The year of the part an unnumbered heading opened, or null. */
    Integer numberlessYear() {
      return numberlessYear;
    }

    /** The year of the part an unnumbered heading opens (2022年预算执行情况). */
    private Integer numberlessYear;

    void part(int year) {
      numberlessYear = year;
    }

    String level() {
      for (int k = 3; k >= 1; k--) if (levels[k] != null) return levels[k];
      return null;
    }

    boolean partYear() {
      for (int k = 1; k < 4; k++) if (parts[k]) return true;
      return false;
    }
  }
}
