package org.gongkai.indicators;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The indicators Gongkai extracts: an id (a public contract), the Chinese name, how its label is
 * written, and its unit kind.
 */
public enum Indicator {
  // a budget's own: 本年收入预算合计, 收入预算合计
  INCOME_TOTAL("income_total", "收入合计", Kind.MONEY, "(?:本年)?收入(?:预算)?合计"),
  EXPENDITURE_TOTAL("expenditure_total", "支出合计", Kind.MONEY, "(?:本年)?支出(?:预算)?合计"),
  // 收支总计, 收、支总计, 收入、支出预算总计, and either side's own total (收入总计 = 支出总计 = 收支总计)
  GRAND_TOTAL(
      "grand_total",
      "收支总计",
      Kind.MONEY,
      "收[、，,]?支(?:预算|决算)?总计|收入[、，,]?支出(?:预算|决算)?总计|收入(?:预算|决算)?总计|支出(?:预算|决算)?总计"),
  FISCAL_INCOME("fiscal_income", "财政拨款收入", Kind.MONEY, "财政拨款收入"),
  GENERAL_BUDGET_EXPENDITURE(
      "general_budget_expenditure", "一般公共预算财政拨款支出", Kind.MONEY, "一般公共预算财政拨款支出"),
  BASIC_EXPENDITURE("basic_expenditure", "基本支出", Kind.MONEY, "基本支出(?:总额)?"),
  PROJECT_EXPENDITURE("project_expenditure", "项目支出", Kind.MONEY, "项目支出(?:总额)?"),
  PERSONNEL_EXPENSES("personnel_expenses", "人员经费", Kind.MONEY, "人员经费"),
  PUBLIC_EXPENSES("public_expenses", "公用经费", Kind.MONEY, "公用经费"),
  THREE_PUBLIC("three_public", "“三公”经费", Kind.MONEY, "[“\"]?三公[”\"]?经费"),
  // 因公出国（境）费用, 出国（境）经费, 因公出国（境）支出
  OVERSEAS_TRAVEL("overseas_travel", "因公出国（境）费", Kind.MONEY, "(?:因公)?出国[（(]境[）)](?:经费|费用?|支出)"),
  // 公务用车购置和运行维护费, 公车购置及运行维护费, 公务车购置及运行费, 公务用车购置及运维费
  VEHICLES_EXPENSES(
      "vehicles_expenses", "公务用车购置及运行（维护）费", Kind.MONEY, "公(?:务用?)?车购置(?:及|和|与)?运(?:行(?:维护)?|维)费"),
  RECEPTION("reception", "公务接待费", Kind.MONEY, "公务接待费"),
  // 机关运行经费; 机构运行经费 (as later final accounts name it), 机关（机构）运行经费
  OPERATING_EXPENSES("operating_expenses", "机关运行经费", Kind.MONEY, "机关运行经费|机构运行经费|机关[（(]机构[）)]运行经费"),
  // a final's 政府采购支出总额 (or 政府采购金额（以合同签订为准）为X); a budget's 政府采购预算总额, 政府采购支出预算总额,
  // 政府采购预算总金额为X, 政府采购预算X (its parts follow: 政府采购货物预算 …), 采购预算总额, and 纳入部门预算的
  // 政府采购项目共有X — not a part (货物, 工程, 服务; 集中采购) nor the share set aside for small firms (预留, 面向,
  // 授予中小企业: see SentenceLabels); in a final, a 预算 wording is the budget's
  PROCUREMENT_TOTAL(
      "procurement_total",
      "政府采购支出总额",
      Kind.MONEY,
      "政府采购支出总额|(?:政府)?采购(?:支出)?预算总(?:金)?额|政府采购项目共有"
          + "|政府采购金额(?=\\s*(?:[（(]以合同签订为准[）)])?\\s*(?:为|是)?\\s*[0-9０-９])"
          + "|政府采购(?:支出)?预算(?:合计|总计|共计)?(?=\\s*(?:为|共|是)?\\s*[0-9０-９])"),
  // the total's three parts, as a 政府采购 paragraph lists them after it (…，其中：政府采购货物预算A万元、政府采购
  // 工程预算B万元、政府采购服务预算C万元; 拟采购货物支出A; 货物类项目A; a final's 政府采购货物支出A, 货物采购金额A):
  // the kind of thing bought, never a project's or a share's (see SentenceLabels)
  PROCUREMENT_GOODS("procurement_goods", "政府采购货物", Kind.MONEY, procurementPart("货物")),
  PROCUREMENT_WORKS("procurement_works", "政府采购工程", Kind.MONEY, procurementPart("工程")),
  PROCUREMENT_SERVICES(
      "procurement_services", "政府采购服务", Kind.MONEY, procurementPart("服务") + "|拟购买服务支出"),
  // the share of the purchases for small and medium firms: a final's 授予中小企业合同金额 (what they were
  // awarded), a budget's 面向中小企业预留政府采购项目预算金额 (what is set aside for them; in a final, the
  // budget's) — not 小微企业's, a part of it
  PROCUREMENT_SME(
      "procurement_sme",
      "中小企业政府采购",
      Kind.MONEY,
      "授予中小企业的?(?:合同)?(?:金额|总额)"
          + "|(?:面向中小企业预留|预留给中小企业)的?(?:政府采购)?(?:项目)?(?:预算)?(?:金额|资金(?:规模)?)?"),
  VEHICLES("vehicles", "车辆", Kind.COUNT, "共有车辆|车辆总数|实有车辆"),
  STAFF_QUOTA(
      "staff_quota",
      "编制数",
      Kind.COUNT,
      // 编制 408 人, 人员编制496人 — not one kind's part (行政编制, 事业编制, 工勤编制, 附属编制)
      "编制数|编制人数|现有编制|核定编制|(?<![行政事业工勤附属机关])编制(?=\\s*(?:为|共|是)?\\s*[0-9０-９]+\\s*[人名])"),
  STAFF_ACTUAL(
      "staff_actual",
      "实有人数",
      Kind.COUNT,
      "实有在职人员|实有在职人数|实有人数|在职人数|(?<=供养人数)在职|(?<=其中)在职"
          // 在职实有438人, 实际在编在职人员 274 名, 实有人员 52 人, 在职 12 人、退休 3 人
          + "|在职实有|实际在编在职人员|在编在职人员|实有人员"
          // 在职人员总数33人, 在职职工38人, 在岗干部职工 40 人
          + "|(?:在职人员|(?:在职|在岗|在编)(?:干部)?职工)(?:总数)?(?=\\s*(?:为|共|是)?\\s*[0-9０-９]+\\s*[人名])"
          // 行政和事业编制人员以及其他人员等共 90 人: everyone serving, posts and others alike
          + "|(?:行政[和、]?事业)?编制人员(?:以及|及|和)其他人员等?共(?=\\s*[0-9０-９]+\\s*[人名])"
          + "|(?<=^|[，,；;。：:、\\s]|现有)在职(?=\\s*[0-9０-９]+\\s*[人名])"),
  // 离退休人员241人, 离退休人数 8 名, 退休 43 人 (a 离休 count said beside it is added: see the extractor)
  STAFF_RETIRED(
      "staff_retired",
      "离退休人数",
      Kind.COUNT,
      "离退休(?:人员|人数|干部职工|职工|干部|教职工)?(?=\\s*(?:为|共|是)?\\s*[0-9０-９]+\\s*[人名](?!次))"
          + "|(?<!离)退休(?:人员|人数|干部职工|职工|干部|教职工)?(?=\\s*(?:为|共|是)?\\s*[0-9０-９]+\\s*[人名](?!次))"
          // a form's field, its count bare (退休人数15；, 退休人数小计6人)
          + "|(?<!离)退休人数(?:小计|合计)?(?=\\s*[0-9０-９]+\\s*(?:[人名](?!次)|[；;，,。]|$))"
          + "|离退休人数(?:小计|合计)?(?=\\s*[0-9０-９]+\\s*(?:[人名](?!次)|[；;，,。]|$))"),
  PERFORMANCE_SCORE(
      "performance_score", "整体绩效自评得分", Kind.SCORE, "(?:整体)?绩效(?:评价)?自评(?:综合)?得分(?:为)?|总分"),
  // a government's own budget (政府预算报告, 政府决算报告), read by org.gongkai.government only: a
  // department's report quotes its city's revenue, and no department rule may take it for its own.
  // 国有资本经营收入 without 预算 is an item of 一般公共预算's non-tax revenue, not that budget's
  // 一般预算收入 is the general budget's name before 2015, still written by some counties; 社保基金 is
  // 社会保险基金 said short; 一般公共财政收入 (预算 unsaid), 一般公共预算财政支出 and 一般公共预算地方级财政收入 are
  // the same budget's figures in counties' and prefectures' words
  GOV_GENERAL_REVENUE(
      "gov_general_revenue",
      "一般公共预算收入",
      Kind.MONEY,
      "(?:地方)?(?:一般(?:公共)?预算|(?:一般)?公共财政(?:预算)?)(?:当年|本级|地方级?)?(?:财政)?收入"),
  GOV_TAX_REVENUE("gov_tax_revenue", "税收收入", Kind.MONEY, "税收收入"),
  // the rest of the general budget's revenue (一般公共预算收入 = 税收收入 + 非税收入)
  GOV_NONTAX_REVENUE("gov_nontax_revenue", "非税收入", Kind.MONEY, "非税收入"),
  GOV_GENERAL_EXPENDITURE(
      "gov_general_expenditure",
      "一般公共预算支出",
      Kind.MONEY,
      "(?:地方)?(?:一般(?:公共)?预算|(?:一般)?公共财政(?:预算)?)(?:当年|本级|地方级?)?(?:财政)?支出"),
  GOV_FUND_REVENUE("gov_fund_revenue", "政府性基金预算收入", Kind.MONEY, "政府性基金(?:预算)?(?:当年)?收入"),
  GOV_FUND_EXPENDITURE("gov_fund_expenditure", "政府性基金预算支出", Kind.MONEY, "政府性基金(?:预算)?(?:当年)?支出"),
  GOV_CAPITAL_REVENUE("gov_capital_revenue", "国有资本经营预算收入", Kind.MONEY, "国有资本经营预算(?:当年)?收入"),
  GOV_CAPITAL_EXPENDITURE("gov_capital_expenditure", "国有资本经营预算支出", Kind.MONEY, "国有资本经营预算(?:当年)?支出"),
  GOV_SOCIAL_REVENUE(
      "gov_social_revenue", "社会保险基金预算收入", Kind.MONEY, "(?:社会保险|社保)基金(?:预算)?(?:当年)?收入"),
  GOV_SOCIAL_EXPENDITURE(
      "gov_social_expenditure", "社会保险基金预算支出", Kind.MONEY, "(?:社会保险|社保)基金(?:预算)?(?:当年)?支出"),
  // 法定债务: the debt a government owes by law (its bonds), as against its hidden debt — its own
  GOV_DEBT_LIMIT("gov_debt_limit", "政府债务限额", Kind.MONEY, "(?:地方)?(?:政府法定|政府|法定)债务限额"),
  GOV_DEBT_BALANCE("gov_debt_balance", "政府债务余额", Kind.MONEY, "(?:地方)?(?:政府法定|政府|法定)债务余额"),
  // the new bonds a government issued or was lent (我市新增债券937.6亿元, 全市新增地方政府债券551.4亿元,
  // 转贷我市地方政府新增债券485亿元) — not their funds lent on (转贷区级), nor a kind (新增一般债券, 新增专项债券)
  GOV_NEW_BONDS("gov_new_bonds", "新增债券", Kind.MONEY, "(?:地方政府)?新增(?:地方)?(?:政府)?债券(?!转贷|收入)"),
  // the people a government's figures serve (2024年末全市常住人口933.4万人), in 万人 as reports write it: a
  // figure per resident divides by it, never by another year's
  GOV_POPULATION("gov_population", "常住人口", Kind.COUNT, "常住人口"),
  // the debt's two kinds, stated beside its limit or balance (限额5,097.7亿元（一般债务1,030.1亿元、专项债务
  // 4,067.6亿元）): read after the whole, in its level and role
  GOV_DEBT_LIMIT_GENERAL("gov_debt_limit_general", "一般债务限额", Kind.MONEY, "一般债务限额"),
  GOV_DEBT_LIMIT_SPECIAL("gov_debt_limit_special", "专项债务限额", Kind.MONEY, "专项债务限额"),
  GOV_DEBT_BALANCE_GENERAL("gov_debt_balance_general", "一般债务余额", Kind.MONEY, "一般债务余额"),
  GOV_DEBT_BALANCE_SPECIAL("gov_debt_balance_special", "专项债务余额", Kind.MONEY, "专项债务余额"),
  // the rates a government's report states beside its general budget's figures (…收入完成6372.7亿元，增长
  // 3.1%，完成预算的101.2%): read after the figure, in its level and role — never a label of their own
  GOV_GENERAL_REVENUE_GROWTH(
      "gov_general_revenue_growth", "一般公共预算收入增幅", Kind.PERCENT, "一般公共预算收入(?:增幅|增长率|增速)"),
  GOV_GENERAL_REVENUE_COMPLETION(
      "gov_general_revenue_completion", "一般公共预算收入完成预算", Kind.PERCENT, "一般公共预算收入(?:完成预算|预算完成率)"),
  GOV_TAX_REVENUE_GROWTH("gov_tax_revenue_growth", "税收收入增幅", Kind.PERCENT, "税收收入(?:增幅|增长率|增速)"),
  GOV_TAX_REVENUE_COMPLETION(
      "gov_tax_revenue_completion", "税收收入完成预算", Kind.PERCENT, "税收收入(?:完成预算|预算完成率)"),
  GOV_GENERAL_EXPENDITURE_GROWTH(
      "gov_general_expenditure_growth", "一般公共预算支出增幅", Kind.PERCENT, "一般公共预算支出(?:增幅|增长率|增速)"),
  GOV_GENERAL_EXPENDITURE_COMPLETION(
      "gov_general_expenditure_completion", "一般公共预算支出完成预算", Kind.PERCENT, "一般公共预算支出(?:完成预算|预算完成率)");

  /**
   * The labels of one kind of purchase ({@code 货物}): 政府采购货物预算, 拟采购货物支出, 货物类项目, 货物采购金额, and 政府采购货物
   * right before its amount.
   */
  private static String procurementPart(String kind) {
    return "(?:政府|拟)?采购"
        + kind
        + "类?(?:预算|支出)(?:金额)?|"
        + kind
        + "类(?:采购)?项目|"
        + kind
        + "采购(?:金额|支出)|政府采购"
        + kind
        + "(?=\\s*(?:为|共|是)?\\s*[0-9０-９])";
  }

  /**
   * What the number counts: money (normalised to 万元), a count of things or people, a score; and the
   * largest value of each that a report could state (a nation's whole budget is some 3 亿万元 = 3e8
   * 万元; no department has ten million staff or vehicles; a score is out of 100, or 1,000 at most).
   */
  public enum Kind {
    MONEY(1e9),
    COUNT(1e7),
    SCORE(1000),
    /** A rate in per cent (增长3.1%, 完成预算的101.2%): a thousandfold growth is the most ever said. */
    PERCENT(100_000);

    public final double max;

    Kind(double max) {
      this.max = max;
    }
  }

  public final String id;
  public final String label;
  public final Kind kind;
  final Pattern pattern;

  /** The label at the end of a text: what a statement written right after its label ends with. */
  final Pattern endsWithLabel;

  Indicator(String id, String label, Kind kind, String regex) {
    this.id = id;
    this.label = label;
    this.kind = kind;
    this.pattern = Pattern.compile(regex);
    this.endsWithLabel = Pattern.compile("(?:" + regex + ")$");
    this.government = id.startsWith("gov_");
  }

  /** See {@link #government()}: asked for every indicator of every clause and cell. */
  private final boolean government;

  /**
   * Words of which every label of this indicator holds at least one (合计, 总计, 基本支出, 三公, 采购, 在职 or 实有
   * or 在岗 …): a text without any of them holds no label, and is not searched for one. Words, not
   * the single characters of {@link #keys} (经, 费, 项, 计 are in most sentences), so that a pattern
   * runs only where its label may be; a government's figures, read by their own reader, keep their
   * keys' characters. IndicatorKeysTest checks that a report's text with every such word broken
   * matches no label.
   */
  List<String> words() {
    return words;
  }

  // set once all constants exist: a switch on this inside the constructor would ask values() first
  private List<String> words;

  static {
    for (Indicator i : values()) i.words = i.wordsNeeded();
  }

  private List<String> wordsNeeded() {
    return switch (this) {
      case INCOME_TOTAL, EXPENDITURE_TOTAL -> List.of("合计");
      case GRAND_TOTAL -> List.of("总计");
      case FISCAL_INCOME -> List.of("财政拨款收入");
      case GENERAL_BUDGET_EXPENDITURE -> List.of("财政拨款支出");
      case BASIC_EXPENDITURE -> List.of("基本支出");
      case PROJECT_EXPENDITURE -> List.of("项目支出");
      case PERSONNEL_EXPENSES -> List.of("人员经费");
      case PUBLIC_EXPENSES -> List.of("公用经费");
      case THREE_PUBLIC -> List.of("三公");
      case OVERSEAS_TRAVEL -> List.of("出国");
      case VEHICLES_EXPENSES -> List.of("车购置");
      case RECEPTION -> List.of("公务接待费");
      case OPERATING_EXPENSES -> List.of("运行经费");
      case PROCUREMENT_TOTAL -> List.of("采购");
      case PROCUREMENT_GOODS -> List.of("货物");
      case PROCUREMENT_WORKS -> List.of("工程");
      case PROCUREMENT_SERVICES -> List.of("服务");
      case PROCUREMENT_SME -> List.of("中小企业");
      case VEHICLES -> List.of("车辆");
      case STAFF_QUOTA -> List.of("编制");
        // 实有人数, 在职人数, 在岗职工, 在编干部职工, 编制人员以及其他人员等共
      case STAFF_ACTUAL -> List.of("在职", "实有", "在岗", "在编", "编制");
      case STAFF_RETIRED -> List.of("退休");
      case PERFORMANCE_SCORE -> List.of("得分", "总分");
      default -> keys().chars().mapToObj(c -> String.valueOf((char) c)).toList();
    };
  }

  /**
   * Characters of which every label of this indicator holds at least one (合, 计, 拨, 经, 费 …; for a
   * government's figure 收, 支, 债, 口): what {@link #words} falls back on for a government's figures,
   * which a department's readers never look for. IndicatorKeysTest checks that a report's text
   * stripped of them matches no label.
   */
  String keys() {
    return switch (this) {
      case INCOME_TOTAL, EXPENDITURE_TOTAL -> "合";
      case GRAND_TOTAL -> "计";
      case FISCAL_INCOME, GENERAL_BUDGET_EXPENDITURE -> "拨";
      case BASIC_EXPENDITURE -> "基";
      case PROJECT_EXPENDITURE -> "项";
      case PERSONNEL_EXPENSES, PUBLIC_EXPENSES, THREE_PUBLIC, OPERATING_EXPENSES -> "经";
      case OVERSEAS_TRAVEL -> "费支"; // 因公出国（境）支出
      case VEHICLES_EXPENSES, RECEPTION -> "费";
      case PROCUREMENT_TOTAL -> "采";
      case PROCUREMENT_GOODS -> "货";
      case PROCUREMENT_WORKS -> "工";
      case PROCUREMENT_SERVICES -> "服";
      case PROCUREMENT_SME -> "企";
      case VEHICLES -> "车";
      case STAFF_QUOTA -> "编";
      case STAFF_ACTUAL -> "在实共";
      case STAFF_RETIRED -> "退";
      case PERFORMANCE_SCORE -> "分";
      case GOV_GENERAL_REVENUE,
              GOV_TAX_REVENUE,
              GOV_NONTAX_REVENUE,
              GOV_FUND_REVENUE,
              GOV_CAPITAL_REVENUE,
              GOV_SOCIAL_REVENUE ->
          "收";
      case GOV_GENERAL_EXPENDITURE,
              GOV_FUND_EXPENDITURE,
              GOV_CAPITAL_EXPENDITURE,
              GOV_SOCIAL_EXPENDITURE ->
          "支";
      case GOV_DEBT_LIMIT,
              GOV_DEBT_BALANCE,
              GOV_NEW_BONDS,
              GOV_DEBT_LIMIT_GENERAL,
              GOV_DEBT_LIMIT_SPECIAL,
              GOV_DEBT_BALANCE_GENERAL,
              GOV_DEBT_BALANCE_SPECIAL ->
          "债";
      case GOV_GENERAL_REVENUE_GROWTH,
              GOV_GENERAL_REVENUE_COMPLETION,
              GOV_TAX_REVENUE_GROWTH,
              GOV_TAX_REVENUE_COMPLETION ->
          "收";
      case GOV_GENERAL_EXPENDITURE_GROWTH, GOV_GENERAL_EXPENDITURE_COMPLETION -> "支";
      case GOV_POPULATION -> "口";
    };
  }

  /**
   * The rate of this figure a government's report states beside it: {@code growth} (增长X%,
   * 比上年执行数增长X%) or {@code completion} (完成预算的X%); none where no such rate is read.
   */
  public java.util.Optional<Indicator> rate(String measure) {
    return byId(id + "_" + measure);
  }

  /**
   * Whether this is a rate stated beside another figure ({@link #rate}), not a figure of its own.
   */
  public boolean isRate() {
    return kind == Kind.PERCENT;
  }

  /**
   * Whether this is read only beside another figure — a rate of it, or one of its kinds (一般债务 of a
   * debt limit) — never from a label of its own.
   */
  public boolean readBeside() {
    return isRate() || id.endsWith("_general") || id.endsWith("_special");
  }

  /**
   * Whether this is a government's figure (一般公共预算收入 of a city), read only in a government's own
   * budget reports; a department's readers never look for it.
   */
  public boolean government() {
    return government;
  }

  /** The label pattern, for the government reader (a department's readers use theirs here). */
  public Pattern pattern() {
    return pattern;
  }

  /** Whether {@code text} may hold a label of this indicator (see {@link #words}). */
  boolean mayLabel(String text) {
    for (String w : words) if (text.contains(w)) return true;
    return false;
  }

  public static List<Indicator> all() {
    return List.of(values());
  }

  public static java.util.Optional<Indicator> byId(String id) {
    for (Indicator i : values()) if (i.id.equals(id)) return java.util.Optional.of(i);
    return java.util.Optional.empty();
  }

  /** By id or by Chinese name (as a journalist types it in a query: {@code 公务接待费>1}). */
  public static java.util.Optional<Indicator> named(String name) {
    for (Indicator i : values()) {
      if (i.id.equals(name) || i.label.equals(name) || i.pattern.matcher(name).matches())
        return java.util.Optional.of(i);
    }
    return java.util.Optional.empty();
  }
}
