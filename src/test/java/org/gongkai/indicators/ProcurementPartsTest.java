package org.gongkai.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.gongkai.model.IndicatorFlag;
import org.gongkai.model.IndicatorValue;
import org.gongkai.model.ReportKind;
import org.gongkai.model.Section;
import org.junit.jupiter.api.Test;

/**
 * 政府采购's parts (货物, 工程, 服务) and the share of small and medium firms, in the wordings the 2026
 * crawl's and {@code real/}'s templates use (fixtures in our own words and amounts), and the check
 * that the parts add up to the total stated before them.
 */
class ProcurementPartsTest {

  private final IndicatorExtractor extractor = new IndicatorExtractor();

  private List<IndicatorValue> extract(String text, ReportKind kind) {
    return extractor.extract(
        "d",
        text,
        List.of(new Section("d-1", "1", 1, "一、", List.of(), "其他", 0, 0, text.length())),
        kind);
  }

  /** The procurement family's headlines: id=万元/role. */
  private String procurement(String text, ReportKind kind) {
    return extract(text, kind).stream()
        .filter(v -> v.headline() && v.indicator().startsWith("procurement_"))
        .map(v -> v.indicator() + "=" + v.valueWan() + "/" + v.role())
        .collect(Collectors.joining(" "));
  }

  private List<String> flags(String text, ReportKind kind) {
    return new ConsistencyChecker()
        .check(extract(text, kind), text).stream().map(f -> f.check() + " " + f.args()).toList();
  }

  @Test
  void aBudgetsPartsFollowItsTotal() {
    String text =
        "三、政府采购预算情况\n2026年度本单位政府采购预算120.50万元，其中：政府采购货物预算20.50万元、"
            + "政府采购工程预算为0、政府采购服务预算100.00万元。\n";
    assertEquals(
        "procurement_total=120.5/PLANNED procurement_goods=20.5/PLANNED"
            + " procurement_works=0.0/PLANNED procurement_services=100.0/PLANNED",
        procurement(text, ReportKind.BUDGET));
    assertEquals(List.of(), flags(text, ReportKind.BUDGET));
  }

  @Test
  void theOtherTemplatesWordings() {
    // the projects a budget takes in, by kind (货物类项目)
    assertEquals(
        "procurement_total=1000.0/PLANNED procurement_goods=300.0/PLANNED"
            + " procurement_works=0.0/PLANNED procurement_services=700.0/PLANNED",
        procurement(
            "某某局纳入 2026 年部门预算的政府采购项目共有 1,000.00 万元，其中：货物类项目 300.00 万元、"
                + "工程类项目 0.00万元、服务类项目 700.00万元。",
            ReportKind.BUDGET));
    // what it plans to buy (拟采购货物支出), services bought (拟购买服务支出)
    assertEquals(
        "procurement_total=50.0/PLANNED procurement_goods=10.0/PLANNED"
            + " procurement_works=0.0/PLANNED procurement_services=40.0/PLANNED",
        procurement(
            "2026 年度政府采购支出预算总额 50 万元。其中拟采购货物支出 10 万元；拟采购工程支出 0 万元；拟购买服务支出 40万元。",
            ReportKind.BUDGET));
    // in 元, the parts in another order
    assertEquals(
        "procurement_total=125.0/PLANNED procurement_goods=25.0/PLANNED"
            + " procurement_services=100.0/PLANNED procurement_works=0.0/PLANNED",
        procurement(
            "编制了政府采购预算，共涉及采购项目5个，采购预算总额1,250,000.00元，其中：政府采购货物预算250,000.00元、"
                + "政府采购服务预算1,000,000.00元、政府采购工程预算0.00元。",
            ReportKind.BUDGET));
  }

  @Test
  void aFinalsPartsThatDoNotAddUpAreFlagged() {
    String text =
        "（五）其他说明\n学校2025年度政府采购支出总额 800.00万元，其中：政府采购货物支出 100.00万元，"
            + "政府采购工程支出 500.00万元，政府采购服务支出 150.00万元。授予中小企业合同金额 600.00万元，"
            + "占政府采购支出总额的 75%，其中：授予小微企业合同金额 300.00 万元，占授予中小企业合同金额的 50%；"
            + "货物采购授予中小企业合同金额占货物支出金额的 40%。\n";
    assertEquals(
        "procurement_total=800.0/ACTUAL procurement_goods=100.0/ACTUAL"
            + " procurement_works=500.0/ACTUAL procurement_services=150.0/ACTUAL"
            + " procurement_sme=600.0/ACTUAL",
        procurement(text, ReportKind.FINAL_ACCOUNTS));
    assertEquals(
        List.of("parts_of_procurement [750, 800]"), flags(text, ReportKind.FINAL_ACCOUNTS));
    // the contract amounts (以合同签订为准) and their parts, which add up
    String contracts =
        "某某局2024年度政府采购金额（以合同签订为准）为 230.10 万元，其中：货物采购金额 30.10万元、" + "工程采购金额 150 万元、服务采购金额 50.00 万元。";
    assertEquals(
        "procurement_total=230.1/ACTUAL procurement_goods=30.1/ACTUAL"
            + " procurement_works=150.0/ACTUAL procurement_services=50.0/ACTUAL",
        procurement(contracts, ReportKind.FINAL_ACCOUNTS));
    assertEquals(List.of(), flags(contracts, ReportKind.FINAL_ACCOUNTS));
  }

  @Test
  void whatIsSetAsideForSmallFirmsIsTheBudgets() {
    String text =
        "2026年本部门政府采购预算90万元，其中：政府采购货物预算10万元、政府采购工程预算0万元、政府采购服务预算80万元。"
            + "2026年本部门面向中小企业预留政府采购项目预算金额80万元，其中，预留给小型和微型企业的政府采购项目预算为50万元。";
    assertEquals(
        "procurement_total=90.0/PLANNED procurement_goods=10.0/PLANNED"
            + " procurement_works=0.0/PLANNED procurement_services=80.0/PLANNED"
            + " procurement_sme=80.0/PLANNED",
        procurement(text, ReportKind.BUDGET));
    // in a final account, what was set aside is the budget's; what was awarded, the year's
    assertEquals(
        List.of("procurement_sme=20.0/INITIAL_BUDGET"),
        extract("2025 年度本部门面向中小企业预留政府采购项目预算金额20.00 万元。", ReportKind.FINAL_ACCOUNTS).stream()
            .map(v -> v.indicator() + "=" + v.valueWan() + "/" + v.role())
            .toList());
  }

  @Test
  void aProjectsOrAnotherKindsPurchasesAreNotTheParts() {
    assertEquals(
        "", procurement("某系统建设项目政府采购货物预算30万元。水利工程类项目资金200万元。政府购买服务预算90万元。", ReportKind.BUDGET));
    // a centralised purchase's goods are a part of a part
    assertEquals("", procurement("政府集中采购货物预算12万元。", ReportKind.BUDGET));
  }

  /** A procurement table whose items make its units, categories and 合计 (1,262.50 万元). */
  private static final String TABLE =
      "政府采购支出表\n部门：南岭市港务局单位：万元\n"
          + "采购品目大类\t专项名称\t经济科目\t采购品目名称\t采购组织形式\t资金来源\t\t\t\t总计\n"
          + "\t\t\t\t\t一般公共预算资金\t政府性基金\t其他资金\t上年结转和结余资金\n"
          + "合计\t\t\t\t\t1,262.50\t\t\t\t1,262.50\n"
          + "货物\t\t\t\t\t62.50\t\t\t\t62.50\n"
          + "南岭市港务局（本级）\t\t\t\t\t62.50\t\t\t\t62.50\n"
          + "\t定额\t办公费\t复印纸\t集中采购\t62.50\t\t\t\t62.50\n"
          + "工程\t\t\t\t\t900.00\t\t\t\t900.00\n"
          + "南岭市航标处\t\t\t\t\t900.00\t\t\t\t900.00\n"
          + "\t码头护岸维修\t维修（护）费\t其他房屋施工\t分散采购\t900.00\t\t\t\t900.00\n"
          + "服务\t\t\t\t\t300.00\t\t\t\t300.00\n"
          + "南岭市港务局（本级）\t\t\t\t\t300.00\t\t\t\t300.00\n"
          + "\t定额\t物业管理费\t物业管理服务\t集中采购\t300.00\t\t\t\t300.00\n";

  private ProcurementTable.Weighed weigh(String text) {
    List<IndicatorValue> values = extract(text, ReportKind.BUDGET);
    return ProcurementTable.weigh(
        text,
        values,
        new org.gongkai.purchases.PurchaseReader().read(text),
        org.gongkai.model.Role.PLANNED);
  }

  @Test
  void theProcurementTableVerifiesTheWordsOrContradictsThem() {
    String words =
        "三、政府采购预算情况\n2026年度本单位政府采购预算1,262.50万元，其中：政府采购货物预算62.50万元、"
            + "政府采购工程预算900.00万元、政府采购服务预算300.00万元。\n";
    ProcurementTable.Weighed same = weigh(words + TABLE);
    assertEquals(
        "procurement_total [procurement_parts, procurement_table]"
            + " procurement_goods [procurement_parts, procurement_table]"
            + " procurement_works [procurement_parts, procurement_table]"
            + " procurement_services [procurement_parts, procurement_table]",
        same.values().stream()
            .filter(v -> v.headline() && v.indicator().startsWith("procurement_"))
            .map(v -> v.indicator() + " " + v.by())
            .collect(Collectors.joining(" ")));
    assertEquals(List.of(), same.flags());
    // the words add up (72.50 + 900 + 300 = 1,272.50), the table too, and they differ: the report's
    String other = words.replace("1,262.50", "1,272.50").replace("62.50万元、", "72.50万元、");
    assertEquals(
        List.of(
            "procurement_text_table [figure:procurement_total, 1,272.50万元, 政府采购支出表, 1262.5]",
            "procurement_text_table [figure:procurement_goods, 72.50万元, 政府采购支出表, 62.5]"),
        weigh(other + TABLE).flags().stream().map(f -> f.code() + " " + f.args()).toList());
    // words that do not add up are not proven: the table verifies what agrees, and flags nothing
    String unproven = words.replace("62.50万元、", "72.50万元、");
    ProcurementTable.Weighed w = weigh(unproven + TABLE);
    assertEquals(List.of(), w.flags());
    // a table not proven by its own sums decides nothing
    String misread =
        TABLE.replace(
            "合计\t\t\t\t\t1,262.50\t\t\t\t1,262.50", "合计\t\t\t\t\t1,263.50\t\t\t\t1,263.50");
    assertEquals(
        "",
        weigh(words + misread).values().stream()
            .filter(v -> v.by().contains("procurement_table"))
            .map(IndicatorValue::indicator)
            .collect(Collectors.joining(" ")));
  }

  /** The procurement family's headlines of a report of a known year, as the ingestor reads it. */
  private String procurementOf(String text, ReportKind kind, int year) {
    return extractor
        .extract(
            "d",
            text,
            List.of(new Section("d-1", "1", 1, "一、", List.of(), "其他", 0, 0, text.length())),
            kind,
            year,
            null)
        .stream()
        .filter(v -> v.headline() && v.indicator().startsWith("procurement_"))
        .map(v -> v.indicator() + "=" + v.valueWan() + "/" + v.role())
        .collect(Collectors.joining(" "));
  }

  private List<String> flagsOf(String text, ReportKind kind, int year) {
    List<IndicatorValue> values =
        extractor.extract(
            "d",
            text,
            List.of(new Section("d-1", "1", 1, "一、", List.of(), "其他", 0, 0, text.length())),
            kind,
            year,
            null);
    return new ConsistencyChecker()
        .check(values, text).stream().map(f -> f.check() + " " + f.args()).toList();
  }

  @Test
  void partsAreWhatTheTotalsListNamesNothingElse() {
    // a project list after the total's sentence: not its parts
    String projects =
        "2026年度本单位政府采购预算500万元。本年共安排项目支出900万元，其中：货物类项目100万元、工程类项目300万元、" + "服务类项目200万元。";
    assertEquals(
        "procurement_total=500.0/PLANNED", procurementOf(projects, ReportKind.BUDGET, 2026));
    assertEquals(List.of(), flagsOf(projects, ReportKind.BUDGET, 2026));
    // no total at all: a kind of project, 政府购买服务 (another programme)
    assertEquals(
        "",
        procurementOf(
            "2026年本部门工程类项目共计300万元，主要用于办公楼维修。2026年服务类项目预算200万元。"
                + "本部门2026年政府购买服务预算300万元，拟购买服务支出300万元，主要用于社区养老服务。",
            ReportKind.BUDGET,
            2026));
    // a total compared with in passing leads no list: the parts are this year's
    assertEquals(
        List.of(),
        flagsOf(
            "2026年度本单位政府采购预算500万元，比2025年政府采购预算400万元增加100万元，其中：政府采购货物预算100万元、"
                + "政府采购工程预算100万元、政府采购服务预算300万元。",
            ReportKind.BUDGET,
            2026));
  }

  @Test
  void partsTakeTheirTotalsRoleScopeAndRounding() {
    // written as coarsely as their total: within half the last digit of each
    assertEquals(
        List.of(),
        flagsOf(
            "2026年度本部门政府采购预算3.50亿元，其中：政府采购货物预算1.17亿元、政府采购工程预算1.17亿元、" + "政府采购服务预算1.17亿元。",
            ReportKind.BUDGET,
            2026));
    // 局本级's list is the 本级's, not the department's
    assertEquals(
        List.of(),
        flagsOf(
            "2026年度部门政府采购预算800万元。其中局本级政府采购预算500万元，其中：政府采购货物预算50万元、"
                + "政府采购工程预算200万元、政府采购服务预算250万元。",
            ReportKind.BUDGET,
            2026));
    // a final's budget list (年初…预算) is the budget's: the year's parts stay the year's
    String finalAccount =
        "2025年度政府采购支出总额500万元，其中：政府采购货物支出100万元、政府采购工程支出250万元、政府采购服务支出150万元。"
            + "年初政府采购预算600万元，其中：货物类项目100万元、工程类项目300万元、服务类项目200万元。";
    assertEquals(
        "procurement_total=500.0/ACTUAL procurement_goods=100.0/ACTUAL"
            + " procurement_works=250.0/ACTUAL procurement_services=150.0/ACTUAL",
        procurementOf(finalAccount, ReportKind.FINAL_ACCOUNTS, 2025));
    assertEquals(List.of(), flagsOf(finalAccount, ReportKind.FINAL_ACCOUNTS, 2025));
  }

  @Test
  void aBudgetsTableIsNotAFinalsPurchases() {
    String words =
        "2025年度政府采购支出总额1,000.00万元，其中：政府采购货物支出100.00万元、政府采购工程支出600.00万元、" + "政府采购服务支出300.00万元。\n";
    String table = TABLE.replace("政府采购支出表", "2025年度政府采购预算表");
    List<IndicatorValue> values = extract(words + table, ReportKind.FINAL_ACCOUNTS);
    org.gongkai.model.PurchaseReading reading =
        new org.gongkai.purchases.PurchaseReader().read(words + table);
    // the table is read and proven: only its kind keeps it from the words
    assertEquals(
        "2025年度政府采购预算表 sums",
        reading.tables().get(0).title() + " " + reading.tables().get(0).status());
    ProcurementTable.Weighed w =
        ProcurementTable.weigh(words + table, values, reading, org.gongkai.model.Role.ACTUAL);
    assertEquals(List.of(), w.flags());
    assertEquals(values, w.values());
  }

  @Test
  void theirFlagIsWorded() {
    IndicatorFlag f =
        new IndicatorFlag(
            "parts_of_procurement", "parts_of_procurement", List.of("750", "800"), List.of());
    assertEquals(IndicatorFlag.Severity.ERROR, f.severity());
    assertEquals("政府采购货物、工程与服务之和 750 万元，不等于政府采购总额 800 万元", org.gongkai.TestSupport.chinese(f));
  }
}
