package org.gongkai.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.gongkai.model.IndicatorFlag;
import org.gongkai.model.IndicatorValue;
import org.gongkai.model.ReportKind;
import org.gongkai.model.Role;
import org.gongkai.model.Section;
import org.gongkai.model.SourceKind;
import org.junit.jupiter.api.Test;

class IndicatorExtractorTest {

  private final IndicatorExtractor extractor = new IndicatorExtractor();

  private List<IndicatorValue> extract(String text) {
    return extractor.extract(
        "d",
        text,
        List.of(new Section("d-1", "1", 1, "一、", List.of(), "其他", 0, 0, text.length())),
        ReportKind.FINAL_ACCOUNTS);
  }

  private String headlines(String text) {
    StringBuilder sb = new StringBuilder();
    for (IndicatorValue v : extract(text)) {
      if (v.headline())
        sb.append(v.indicator())
            .append('=')
            .append(v.valueWan() != null ? v.valueWan() : v.value())
            .append(' ');
    }
    return sb.toString().strip();
  }

  @Test
  void grandTotalsAreWrittenManyWays() {
    assertEquals(
        "grand_total=13649.07", headlines("某某厅2017年度收入、支出预算总计13649.07万元，与上年相比增加844.15万元。"));
    // all of it from the treasury, and no word of a carry-over: the year's income too
    assertEquals(
        "grand_total=21955.35 income_total=21955.35", headlines("（一）收入预算总计 21,955.35 万元，全部由财政拨款。"));
    assertEquals("grand_total=490808.4", headlines("单位：万元\n收入总计\t490,808.40\t支出总计\t490,808.40\n"));
    assertEquals("grand_total=100.0", headlines("收、支总计100万元。"));
    // the fiscal part of a total is not the total
    assertEquals("", headlines("财政拨款收入预算总计 20702.25 万元。"));
  }

  /** A final account's 收入支出决算总表, in the row-per-line form tables are read in. */
  static final String SUMMARY =
      "单位：万元\n项目\t金额\t项目\t金额\n"
          + "本年收入合计\t430,725.03\t本年支出合计\t457,676.75\n"
          + "上年结转和结余\t93,660.54\t年末结转和结余\t106,848.91\n"
          + "合计\t569,496.54\t合计\t569,496.54\n";

  @Test
  void theSeedsLastThreeFiguresAreRead() {
    // 机关运行经费 is the 机关's own, which is its 本级: the department's (#64)
    assertEquals("operating_expenses=12.5", headlines("2025年度某区档案局本级机关运行经费支出12.50万元，完成年初预算的100%。"));
    // a template's placeholder for the department's name, left in the text
    assertEquals(
        "procurement_total=3.2 procurement_services=3.2",
        headlines("2025年度部门名称政府采购支出总额 3.20 万元，其中：政府采购服务支出 3.20 万元。"));
    // the score under the heading that names it
    assertEquals("performance_score=91.5", headlines("（一）部门整体绩效自评得分\n91.5分\n（二）部门整体绩效目标完成情况\n"));
    // a project's score under its heading is not the department's
    assertEquals("", headlines("（一）项目绩效自评得分\n88分\n"));
  }

  @Test
  void theTotalRowBelowASummaryTablesYearTotalsIsTheGrandTotal() {
    assertEquals(
        "income_total=430725.03 expenditure_total=457676.75 grand_total=569496.54",
        headlines(SUMMARY));
    // 总计, letter-spaced, works the same; a 合计 row of any other table is not a grand total
    assertEquals(
        "income_total=430725.03 expenditure_total=457676.75 grand_total=569496.54",
        headlines(SUMMARY.replace("合计\t569", "总  计\t569")));
    assertEquals("", headlines("单位：万元\n科目\t金额\n办公费\t20.00\n合计\t20.00\n"));
  }

  @Test
  void aTextThatCallsTheYearsIncomeItsTotalIsOverruledByTheSummaryTable() {
    // 收入总计 for the year's income: equal to 本年收入合计, smaller than the table's 合计
    String mislabelled = "2023年度收入总计430,725.03万元，支出总计457,676.75万元。\n" + SUMMARY;
    assertEquals(
        "income_total=430725.03 expenditure_total=457676.75 grand_total=569496.54",
        headlines(mislabelled));
    // a text grand total that is not the year's income stands
    String right = "2023年度收支总计569,496.54万元。\n" + SUMMARY;
    assertEquals(
        SourceKind.TEXT,
        extract(right).stream()
            .filter(v -> v.headline() && v.indicator().equals("grand_total"))
            .findFirst()
            .orElseThrow()
            .sourceKind());
  }

  @Test
  void aGrandTotalWhoseBreakdownCarriesNothingOverIsAlsoTheYearsTotal() {
    String income =
        "（一）收入预算总计 10,150.48 万元。包括：\n1.财政拨款收入预算总计 10,070.48 万元。\n2.其他资金收入预算总计 80 万元。\n"
            + "3.上年结转资金预算数为 0 万元。\n（二）支出预算总计 10,150.48 万元。包括：\n1.一般公共服务支出 7,827.46 万元。\n（三）其他";
    assertEquals(
        "grand_total=10150.48 income_total=10150.48 expenditure_total=10150.48", headlines(income));
    List<IndicatorValue> values = extract(income);
    assertEquals(
        List.of(SourceKind.DERIVED, SourceKind.DERIVED),
        values.stream()
            .filter(
                v ->
                    v.indicator().equals("income_total")
                        || v.indicator().equals("expenditure_total"))
            .map(IndicatorValue::sourceKind)
            .toList());
    // a carry-over in the breakdown, or one named without its amount: the year's total is not the
    // grand total (the breakdown's 本年收入 is)
    assertEquals(
        "grand_total=120.0 income_total=100.0",
        headlines("（一）收入总计 120 万元。包括：本年收入 100 万元，上年结转 20 万元。\n（二）其他"));
    assertEquals("grand_total=120.0", headlines("（一）收入总计 120 万元。包括：本年收入和上年结转。\n（二）其他"));
    // a report that states its 收入合计 keeps it
    assertEquals(
        "grand_total=120.0 income_total=100.0",
        headlines("（一）收入总计 120 万元。包括：财政拨款。\n（二）收入合计 100 万元。"));
  }

  @Test
  void threePublicIsTheSumOfItsThreeItemsWhenTheReportStatesNoTotal() {
    List<IndicatorValue> values =
        extractor.extract(
            "d",
            "“三公”经费预算支出中，因公出国（境）费支出 70 万元，占13.75%；" + "公务用车购置及运行费支出 411.20 万元；公务接待费支出 28 万元。",
            List.of(new Section("d-1", "1", 1, "一、", List.of(), "其他", 0, 0, 200)),
            ReportKind.BUDGET);
    IndicatorValue total =
        values.stream().filter(v -> v.indicator().equals("three_public")).findFirst().orElseThrow();
    assertEquals(509.2, total.valueWan());
    assertEquals(Role.PLANNED, total.role());
    assertEquals(SourceKind.DERIVED, total.sourceKind());
    assertEquals(
        "因公出国（境）费 70 万元 + 公务用车购置及运行（维护）费 411.2 万元 + 公务接待费 28 万元 = 509.2 万元", total.source());
    assertEquals(true, total.headline());
    // a total the report states itself wins, even when its items do not add up to it
    assertEquals(
        "three_public=600.0 overseas_travel=70.0 vehicles_expenses=411.2 reception=28.0",
        headlines("“三公”经费支出600万元。因公出国（境）费支出70万元，公务用车购置及运行费支出411.2万元，公务接待费支出28万元。"));
  }

  @Test
  void tableRowsRunTogetherByAPdfAreTablesNotSentences() {
    // a bare label and number comes before the report's own sentence; the economic-classification
    // row (30217) states only the 基本支出 share of the item, not the item: no statement of it
    String text = "单位：万元\n30217 公务接待费 36.50\n公务接待费 2.00\n公务接待费支出 185.72 万元，占27.71%。";
    List<IndicatorValue> values = extract(text);
    assertEquals(
        List.of(SourceKind.TABLE, SourceKind.TEXT),
        values.stream().map(IndicatorValue::sourceKind).toList());
    // the row and the sentence disagree, and nothing says which is the report's: undecided
    assertEquals("", headlines(text));
    // a sentence opening with a year is still a sentence
    assertEquals(
        List.of(SourceKind.TEXT),
        extract("2024 年度基本支出 315.18 万元。").stream().map(IndicatorValue::sourceKind).toList());
  }

  @Test
  void moneyIsNormalisedToWanYuanWhateverTheFormat() {
    assertEquals("basic_expenditure=1234.5", headlines("基本支出1,234.5万元。"));
    assertEquals("basic_expenditure=465.38", headlines("基本支出 465.38 万元。"));
    assertEquals("income_total=73761.5447", headlines("收入合计737615447元。"));
    assertEquals("project_expenditure=1.152", headlines("项目支出总额为 1.152 万元。"));
    assertEquals("basic_expenditure=465.38", headlines("基本支出４６５．３８万元。"));
    assertEquals("expenditure_total=20000.0", headlines("支出合计2亿元。"));
  }

  @Test
  void aNumberWithoutAUnitTakesTheTableHeaderUnit() {
    assertEquals("basic_expenditure=12.3456", headlines("单位：元\n基本支出\t123456\t0\n"));
    assertEquals("basic_expenditure=315.18", headlines("单位：万元\n基本支出\t315.18\n"));
  }

  @Test
  void changesPercentagesYearsAndRowNumbersAreNotValues() {
    assertEquals(
        "income_total=465.38",
        headlines("2024 年度收入合计 465.38 万元，与 2023 年度相比，收入合计减少 77.76 万元，下降 14.3%。"));
    assertEquals(
        "income_total=552.83",
        headlines("单位：万元\n本年收入合计 27 552.83 本年支出合计 58 552.83\n")
            .replace(" expenditure_total=552.83", ""));
    assertEquals("", headlines("基本支出占本年支出的67.7%。"));
  }

  @Test
  void budgetAndFinalFiguresKeepTheirRoles() {
    List<IndicatorValue> v = extract("“三公”经费财政拨款支出全年预算为 0.5 万元，支出决算为 0.35 万元。");
    assertEquals(
        List.of("调整预算 0.5 false", "本年决算 0.35 true"), // 全年预算: the budget as adjusted
        v.stream().map(x -> x.role().label() + " " + x.valueWan() + " " + x.headline()).toList());
  }

  @Test
  void aStatementOfNoneIsAZero() {
    List<IndicatorValue> v = extract("本单位当年无财政拨款“三公”经费支出。");
    assertEquals(1, v.size());
    assertEquals(
        "three_public 0.0 statement",
        v.get(0).indicator() + " " + v.get(0).valueWan() + " " + v.get(0).sourceKind().code());
  }

  @Test
  void countsAndScores() {
    assertEquals("vehicles=1.0", headlines("截至2024年12月31日，共有车辆1辆，其中：主要负责人用车0辆。"));
    assertEquals("staff_quota=8.0 staff_actual=7.0", headlines("编制数8人，实有在职人员7人。"));
    assertEquals("performance_score=94.15", headlines("部门整体绩效评价自评综合得分 94.15 分。"));
    assertEquals("", headlines("“女职工体检”项目绩效自评得分为95分。"));
    assertEquals("performance_score=98.7", headlines("总分\t\t100\t98.7\n"));
  }

  @Test
  void provenancePointsAtTheNumberInTheText() {
    String text = "其中：基本支出 315.18 万元，占本年支出 67.7%；";
    IndicatorValue v = extract(text).get(0);
    assertEquals("315.18 万元", text.substring(v.start(), v.end()));
    assertEquals("d-1", v.sectionId());
    assertEquals(text, v.source());
  }

  @Test
  void percentagesAndChangesAreChecked() {
    String text = "收入合计93.93万元，与2022年度相比，收入合计增加19.08万元，上升16%。\n支出合计465.38万元，减少77.76万元，下降14.3%。";
    List<IndicatorFlag> flags = new ConsistencyChecker().check(extract(text), text);
    assertEquals(
        List.of("收入合计 93.93 万元，“增加19.08万元，上升16%”：按上年 74.85 万元计应为 25.5%"),
        flags.stream().map(org.gongkai.TestSupport::chinese).toList());
  }

  @Test
  void partsMustAddUpToTheirTotals() {
    String text = "支出合计100万元。其中：基本支出60万元；项目支出50万元。";
    List<IndicatorFlag> flags = new ConsistencyChecker().check(extract(text), text);
    assertEquals(
        List.of("parts_of_expenditure: 基本支出与项目支出之和 110 万元，不等于支出合计 100 万元"),
        flags.stream().map(f -> f.check() + ": " + org.gongkai.TestSupport.chinese(f)).toList());
    // falling short is not a contradiction: 支出合计 has other parts (上缴上级支出, 单位预留机动经费 …)
    String shorter = "支出合计100万元。其中：基本支出60万元；项目支出30万元。";
    assertEquals(List.of(), new ConsistencyChecker().check(extract(shorter), shorter));
    // the three items of “三公”经费 are all of it
    String threePublic = "“三公”经费支出10万元，其中：因公出国（境）费2万元，公务用车购置及运行费3万元，公务接待费4万元。";
    assertEquals(
        List.of("parts_of_three_public"),
        new ConsistencyChecker()
            .check(extract(threePublic), threePublic).stream().map(IndicatorFlag::check).toList());
  }

  @Test
  void aTableNamingItsItemsInHeaderRowsGivesThemByColumn() {
    // a budget's 三公 table: the items named in header rows, their amounts in the row below
    String text =
        String.join(
            "\n",
            "“三公”经费、会议费、培训费支出预算表",
            "单位：万元",
            "合计\t“三公”经费\t\t\t\t\t\t会议费\t培训费",
            "\t小计\t因公出国（境）费\t公务用车购置及运行维护费\t\t\t公务接待费",
            "\t\t\t小计\t公务用车购置费\t公务用车运行维护费",
            "2,600.71\t767.60\t199.25\t183.60\t\t183.60\t384.75\t1,469.73\t363.38");
    List<IndicatorValue> values =
        extractor.extract(
            "d",
            text,
            List.of(new Section("d-1", "1", 1, "一、", List.of(), "其他", 0, 0, text.length())),
            ReportKind.BUDGET);
    StringBuilder sb = new StringBuilder();
    for (IndicatorValue v : values)
      if (v.headline())
        sb.append(v.indicator())
            .append('=')
            .append(v.valueWan())
            .append(' ')
            .append(v.sourceKind())
            .append('\n');
    assertEquals(
        "three_public=767.6 TABLE\noverseas_travel=199.25 TABLE\nvehicles_expenses=183.6 TABLE\n"
            + "reception=384.75 TABLE\n",
        sb.toString());
    IndicatorValue reception =
        values.stream().filter(v -> v.indicator().equals("reception")).findFirst().orElseThrow();
    assertEquals("384.75", text.substring(reception.start(), reception.end()));
  }

  @Test
  void aFinalAccountsTableWithBudgetAndActualGroupsGivesTheActual() {
    String text =
        String.join(
            "\n",
            "“三公”经费支出决算表",
            "单位：万元",
            "预算数\t\t\t\t决算数",
            "合计\t因公出国（境）费\t公务用车购置及运行费\t公务接待费\t合计\t因公出国（境）费\t公务用车购置及运行费\t公务接待费",
            "20.00\t0.00\t15.00\t5.00\t18.60\t0.00\t14.10\t4.50");
    assertEquals(
        "overseas_travel=0.0 three_public=18.6 vehicles_expenses=14.1 reception=4.5",
        headlines(text));
  }

  @Test
  void columnsOfOtherYearsOrOfTheBudgetAreNeverAFinalAccountsOwnFigure() {
    String text =
        String.join(
            "\n",
            "收入支出决算总表",
            "单位：万元",
            "项目\t上年决算数\t年初预算数\t本年决算数",
            "本年收入合计\t600.00\t500.00\t552.83",
            "本年支出合计\t\t480.00\t540.10");
    assertEquals("income_total=552.83 expenditure_total=540.1", headlines(text));
  }

  @Test
  void whenTheWordsAndATableDisagreeAndNothingDecidesTheFigureIsUndecided() {
    String text =
        String.join(
            "\n",
            "一、收入支出决算总体情况说明",
            "2023年度收入合计552.83万元。",
            "收入支出决算总表",
            "单位：万元",
            "项目\t行次\t决算数",
            "本年收入合计\t27\t562.83");
    List<IndicatorValue> values = extract(text);
    assertEquals(
        List.of("552.83 text candidate", "562.83 table candidate"),
        values.stream()
            .filter(v -> v.indicator().equals("income_total"))
            .map(
                v ->
                    v.valueWan()
                        + " "
                        + v.sourceKind().code()
                        + (v.headline() ? " headline" : "")
                        + (v.candidate() ? " candidate" : ""))
            .toList()); // not the row number 27; neither value picked
    // Gongkai's own doubt is not the report's contradiction: the candidates are listed, no flag
    List<IndicatorFlag> flags = new ConsistencyChecker().check(values, text);
    assertEquals(List.of(), flags.stream().map(f -> f.code() + " " + f.args()).toList());
  }

  @Test
  void anIdentityDecidesBetweenDisagreeingStatements() {
    // the text says 560 万元; the summary table's year total adds up with its carry-over to its
    // grand total and its sources add up to it: the table's 562.83 is verified, the text's flagged
    String text =
        String.join(
            "\n",
            "2023年度收入合计560万元。",
            "收入支出决算总表",
            "单位：万元",
            "项目\t决算数\t项目\t决算数",
            "一、财政拨款收入\t500.00\t一、一般公共服务支出\t600.00",
            "二、其他收入\t62.83\t",
            "本年收入合计\t562.83\t本年支出合计\t600.00",
            "年初结转和结余\t50.00\t年末结转和结余\t12.83",
            "总计\t612.83\t总计\t612.83");
    List<IndicatorValue> values = extract(text);
    IndicatorValue income =
        values.stream()
            .filter(v -> v.headline() && v.indicator().equals("income_total"))
            .findFirst()
            .orElseThrow();
    assertEquals(562.83, income.valueWan());
    assertEquals(List.of("sum_of_sources", "carry_over"), income.by());
    IndicatorValue grand =
        values.stream()
            .filter(v -> v.headline() && v.indicator().equals("grand_total"))
            .findFirst()
            .orElseThrow();
    assertEquals(List.of("balance", "carry_over"), grand.by());
    assertEquals(
        List.of(
            "stated_twice [figure:income_total, role:ACTUAL, scope:whole/all/current, 560万元 / 562.83]"),
        new ConsistencyChecker()
            .check(values, text).stream()
                .filter(f -> f.check().equals("stated_twice"))
                .map(f -> f.code() + " " + f.args())
                .toList());
  }

  @Test
  void theFiscalSummaryTablesTotalsAreNotTheDepartments() {
    // the 财政拨款收支总表 repeats the department table's labels for the treasury's money only
    String text =
        String.join(
            "\n",
            "部门收支总表",
            "单位：万元",
            "本年收入\t\t本年支出",
            "项目\t预算数\t项目\t预算数",
            "一、财政拨款收入\t5,274.99\t一、一般公共服务支出\t5,609.33",
            "二、事业收入\t334.34",
            "本年收入合计\t5,609.33\t本年支出合计\t5,609.33",
            "收入总计\t5,609.33\t支出总计\t5,609.33",
            "财政拨款收支总表",
            "单位：万元",
            "项目\t预算数\t项目\t预算数",
            "一、一般公共预算拨款\t5,274.99\t一、一般公共服务支出\t5,274.99",
            "本年收入合计\t5,274.99\t本年支出合计\t5,274.99",
            "收入总计\t5,274.99\t支出总计\t5,274.99");
    List<IndicatorValue> values =
        extractor.extract(
            "d",
            text,
            List.of(new Section("d-1", "1", 1, "一、", List.of(), "其他", 0, 0, text.length())),
            ReportKind.BUDGET);
    assertEquals(
        "income_total=5609.33 whole/all/current [sum_of_sources]\n"
            + "expenditure_total=5609.33 whole/all/current [sum_of_items]\n"
            + "grand_total=5609.33 whole/all/current [balance]\n"
            + "fiscal_income=5274.99 whole/all/current [sum_of_sources]\n",
        values.stream()
            .filter(IndicatorValue::headline)
            .sorted(java.util.Comparator.comparing(v -> !v.indicator().endsWith("_total")))
            .map(
                v ->
                    v.indicator()
                        + "="
                        + v.valueWan()
                        + " "
                        + v.scope().code()
                        + " "
                        + v.by()
                        + "\n")
            .reduce("", String::concat));
    assertEquals(
        List.of(),
        new ConsistencyChecker().check(values, text).stream().map(f -> f.code()).toList());
  }

  @Test
  void wordsRoundedFromTheTablesAgreeWithThemAndTheMostPreciseIsShown() {
    String text =
        String.join(
            "\n", "2023年度收入合计17,192万元。", "收入支出决算总表", "单位：元", "项目\t决算数", "本年收入合计\t171,915,169.00");
    IndicatorValue income =
        extract(text).stream()
            .filter(v -> v.headline() && v.indicator().equals("income_total"))
            .findFirst()
            .orElseThrow();
    assertEquals(SourceKind.TABLE, income.sourceKind());
    assertEquals(17191.5169, income.valueWan()); // exact: not 17191.516899999999
    assertEquals(List.of("text_and_table"), income.by());
    assertEquals(true, income.verified());
  }

  @Test
  void amountsAndLabelsCutByALineBreakAreReadWhole() {
    assertEquals(
        "grand_total=15184.81 income_total=15184.81",
        headlines("2026年，本部门收入预算为\n15184.81 万元，其中：一般公共预算拨款收入 15184.81 万元。"));
    assertEquals("basic_expenditure=2389.52", headlines("其中：基本支出2,389.52万\n元，占本年支出的67%。"));
  }

  @Test
  void totalsWrittenWithoutTheirKindAreGrandTotalsAndYearTotalsWithoutCarryOver() {
    // 收入预算X with its carry-over among its parts, which add up to it: the grand total, and the
    // year's income as the grand total less the carry-over
    assertEquals(
        "grand_total=404415.23 income_total=400391.78",
        headlines("2026年收入预算404,415.23万元，其中：一般公共预算拨款收入400,391.78万元；上年结转结余4,023.45万元。"));
    // listing its sources and no carry-over: the year's income as well
    assertEquals(
        "grand_total=9101.68 income_total=9101.68 fiscal_income=9101.68",
        headlines("2025年，本单位收入预算9,101.68万元，其中：财政拨款收入9,101.68万元；事业收入0万元；其他收入0万元。"));
    // plainly named (本单位…为, the item of a list): the year's total, the grand total if the
    // breakdown carries something over
    // (the year's 100万元 the report states nowhere: its headline, computed and said so)
    assertEquals("grand_total=120.0 income_total=100.0", headlines("1、收入：120万元，包括上年结转20万元。"));
    assertEquals("income_total=35.5", headlines("本单位收入为35.5万元。"));
    // in traditional characters, quoted as written
    List<IndicatorValue> traditional =
        extract("2017年度，本單位收入為1687.45萬元，其中：財政撥款收入1516.64萬元；事業收入170.81萬元。");
    IndicatorValue income =
        traditional.stream().filter(IndicatorValue::headline).findFirst().orElseThrow();
    assertEquals(
        "income_total 1687.45 1687.45萬元 [breakdown]",
        income.indicator()
            + " "
            + income.valueWan()
            + " "
            + income.asWritten()
            + " "
            + income.by());
    assertEquals("2017年度，本單位收入為1687.45萬元，其中：財政撥款收入1516.64萬元；事業收入170.81萬元。", income.source());
    // a source's own budget is not the total
    assertEquals("", headlines("事业收入预算50万元。"));
  }

  @Test
  void scopeComesFromTheSentencesWords() {
    List<IndicatorValue> v =
        extract("2024年度财政拨款收入支出总计2961.68万元。一般公共预算财政拨款基本支出2336.91万元。本级支出合计12万元。");
    assertEquals(
        List.of(
            "grand_total whole/fiscal/current",
            "basic_expenditure whole/general/current",
            "expenditure_total self/all/current"),
        v.stream().map(x -> x.indicator() + " " + x.scope().code()).toList());
  }

  private List<IndicatorValue> extract(String text, ReportKind kind, int year) {
    return extractor.extract(
        "d",
        text,
        List.of(new Section("d-1", "1", 1, "一、", List.of(), "其他", 0, 0, text.length())),
        kind,
        year);
  }

  /** Each statement of {@code text} as {@code indicator value scope}, headlines starred. */
  private List<String> statements(String text, ReportKind kind, int year) {
    return extract(text, kind, year).stream()
        .map(
            v ->
                (v.headline() ? "*" : "")
                    + v.indicator()
                    + " "
                    + v.valueWan()
                    + " "
                    + v.scope().code())
        .toList();
  }

  @Test
  void anAmountAfterAnEarlierYearIsThatYearsNotTheReports() {
    // the year opening the sentence is the year of every amount its 其中 lists
    String text =
        "2022年“三公”经费决算数合计为80万元，其中：公务用车运行维护费40万元、公务接待费40万元。"
            + "2021年的“三公”经费决算数合计为70万元，其中：公务用车运行维护费35万元、公务接待费35万元。";
    // (决算数合计为80万元: the “三公” total said as its sum is the “三公”经费's own statement)
    assertEquals(
        List.of(
            "*three_public 80.0 whole/all/current",
            "*reception 40.0 whole/all/current",
            "three_public 70.0 whole/all/previous",
            "reception 35.0 whole/all/previous"),
        statements(text, ReportKind.FINAL_ACCOUNTS, 2022));
    // the year said between a label and its amounts; a year compared against is not the amount's
    String budget = "公务接待费2016年预算8万元，2015年预算12.5万元，比2015年减少4.5万元。";
    assertEquals(
        List.of("*reception 8.0 whole/all/current", "reception 12.5 whole/all/previous"),
        statements(budget, ReportKind.BUDGET, 2016));
    // two years' statements of one figure are not a contradiction
    assertEquals(
        List.of(),
        new ConsistencyChecker().check(extract(text, ReportKind.FINAL_ACCOUNTS, 2022), text));
  }

  @Test
  void theBasicAndProjectPartsOfOneItemAreNotTheDepartments() {
    String text =
        "2021年一般公共预算拨款支出150万元，其中：基本支出140万元，项目支出10万元。"
            + "机构运行110万元，其中：基本支出110万元，项目支出0元。"
            + "其他技术研究与开发支出10万元，其中：基本支出0元，项目支出10万元。";
    assertEquals(
        List.of(
            "*basic_expenditure 140.0 whole/general/current",
            "*project_expenditure 10.0 whole/general/current"),
        statements(text, ReportKind.BUDGET, 2021).stream()
            .filter(s -> !s.contains("general_budget"))
            .toList());
    // a total's breakdown, whatever the total is called
    assertEquals(
        List.of("*basic_expenditure 60.0 whole/all/current"),
        statements("学校2023年度各项支出总计100万元，其中基本支出60万元，占支出总额60%。", ReportKind.FINAL_ACCOUNTS, 2023)
            .stream()
            .filter(s -> s.contains("basic"))
            .toList());
  }

  @Test
  void aTotalWhoseListedSourcesAddUpBeforeItsCarryOverIsTheYearsTotal() {
    String text =
        "（一）收入预算：2022年年初预算数504.51万元，其中：一般公共预算拨款204.51万元，事业收入300万元；上年结转结余资金29.81万元。\n"
            + "（二）支出预算：2022年年初预算数441.68万元，其中：卫生健康支出425.3万元，住房保障支出16.38万元；结转下年92.32万元。";
    List<IndicatorValue> values = extract(text, ReportKind.BUDGET, 2022);
    assertEquals(
        "income_total=504.51 expenditure_total=441.68",
        values.stream()
            .filter(IndicatorValue::headline)
            .map(v -> v.indicator() + "=" + v.valueWan())
            .collect(java.util.stream.Collectors.joining(" ")));
    assertEquals(List.of(), new ConsistencyChecker().check(values, text));
  }

  /** The headline income of a 2026 budget's words, as {@code value kind source-tail}, or "". */
  private String yearIncome(String text) {
    return extract(text, ReportKind.BUDGET, 2026).stream()
        .filter(v -> (v.headline() || v.candidate()) && v.indicator().equals("income_total"))
        .map(
            v ->
                (v.candidate() ? "candidate " : "")
                    + v.valueWan()
                    + " "
                    + v.sourceKind()
                    + " "
                    + v.source().substring(Math.max(0, v.source().lastIndexOf('（'))))
        .findFirst()
        .orElse("");
  }

  @Test
  void aGrandTotalWhosePartsListItsCarryOverGivesTheYearsTotalLessIt() {
    // the parts, the carry-over among them, add up to the total: the year's income is the total
    // less the carry-over, derived and said so
    String derived = "9000.5 DERIVED （收入总计减所列结转 1250.25万元：即本年收入；报告未列明此数）";
    assertEquals(
        derived,
        yearIncome(
            "2026年度收入预算10,250.75万元，比2025年年初预算数增加812.40万元，增长8.6%。"
                + "其中：财政拨款收入8,600.50万元，事业收入400万元，上年结转1,250.25万元。"));
    // each part with its own comparison, and the carry-over named by its money
    assertEquals(
        derived,
        yearIncome(
            "2026年度收入预算10,250.75万元，比2025年年初预算数减少97.10万元，主要是会议费压减。"
                + "其中：财政拨款收入8,600.50万元，比2025年年初预算数增加50万元；"
                + "事业收入400万元，比2025年年初预算数减少20万元；上年财政拨款结转1,250.25万元。"));
    // the total and each part compared with the year before's amount, named between the
    // comparison and its change: those amounts are the other year's, no parts
    assertEquals(
        derived,
        yearIncome(
            "2026年度收入预算10,250.75万元，比2025年年初预算数9,438.35万元增加812.40万元，增长8.6%。"
                + "其中：财政拨款收入8,600.50万元，比2025年年初预算数8,000.00万元增加600.50万元；"
                + "事业收入400万元，比2025年年初预算数388.35万元增加11.65万元；"
                + "上年结转1,250.25万元，比2025年年初预算数1,050.00万元增加200.25万元。"));
    // the same without a carry-over: the parts add up to the total, which is the year's
    assertEquals(
        "10250.75 DERIVED （收入总计所列无结转：即本年收入）",
        yearIncome(
            "2026年度收入预算10,250.75万元，比2025年年初预算数9,438.35万元增加812.40万元，增长8.6%。"
                + "其中：财政拨款收入9,850.75万元，比2025年年初预算数9,050.00万元增加800.75万元；"
                + "事业收入400万元，比2025年年初预算数388.35万元增加11.65万元。"));
    // shares beside the parts, in 元
    assertEquals(
        "9000.5 DERIVED （收入总计减所列结转 12502500元：即本年收入；报告未列明此数）",
        yearIncome(
            "本部门2026年收入预算102,507,500元，其中：一般公共预算拨款86,005,000元，占83.9%；"
                + "其他收入4,000,000元，占3.9%；上年结转结余资金12,502,500元，占12.2%。"));
    // a carry-over named otherwise is still one: never the grand total taken as the year's
    assertEquals("", yearIncome("2026年度收入预算10,250.75万元，其中：财政拨款收入8,600.50万元，以前年度结余资金1,000万元。"));
    // parts that do not add up to the total prove nothing; a carry-over said in another sentence
    // is no part of the total's breakdown
    assertEquals("", yearIncome("2026年度收入预算10,250.75万元，其中：财政拨款收入8,600.50万元，上年结转1,250.25万元。"));
    assertEquals("", yearIncome("2026年度收入预算10,250.75万元。上年结转资金1,250.25万元用于续建项目。"));
    // a total that says what carry-over it holds: the year's is the rest, said so
    assertEquals(
        "100.0 DERIVED （收入总计减所列结转 20万元：即本年收入；报告未列明此数）", yearIncome("2026年收入预算120万元，包括上年结转20万元。"));
    assertEquals(
        "9000.5 DERIVED （收入总计减所列结转 1250.25万元：即本年收入；报告未列明此数）",
        yearIncome("2026年部门收入预算总额10,250.75万元（含上年结转1,250.25万元）。财政拨款收入8,600.50万元。"));
    // … unless another kind of carry-over is spoken of, which may be in the total too
    assertEquals("", yearIncome("2026年收入预算10,250.75万元（含上年结转1,250.25万元）。另使用非财政拨款结余300万元。"));
    // a part short of the total, no carry-over named: the rest is unknown, not nothing
    assertEquals(
        "9000.5 TEXT ",
        yearIncome("2026年收入预算10,250.75万元，比2025年年初预算数9,438.35万元增加812.40万元。其中，本年收入预算9,000.50万元。")
            .substring(0, 12));
  }

  @Test
  void aBreakdownIsFoundHoweverItIsOpenedAndWhateverExplainsTheChangeBefore() {
    String derived = "9000.5 DERIVED （收入总计减所列结转 1250.25万元：即本年收入；报告未列明此数）";
    String parts = "财政拨款收入8,600.50万元，事业收入400万元，上年结转1,250.25万元。";
    String total = "2026年度收入预算10,250.75万元，比2025年年初预算数增加812.40万元，增长8.6%";
    // opened by 其中, 收入预算中, 具体为
    for (String opens : List.of("。其中：", "。收入预算中：", "，具体为："))
      assertEquals(derived, yearIncome(total + opens + parts), opens);
    // the change's reason said before it, in its sentence or in one of its own
    assertEquals(derived, yearIncome(total + "，主要原因是新增信息化建设项目。其中：" + parts));
    assertEquals(derived, yearIncome(total + "。主要是新增信息化建设项目。其中：" + parts));
    // further on in the total's part — past a list of reasons, in lines of their own, numbered —
    // only where its parts, carry-over included, add up to the total
    assertEquals(derived, yearIncome(total + "。另有说明。其中：" + parts));
    assertEquals(derived, yearIncome(total + "。收入预算增加的原因有两个：一是新增项目；二是人员增加。\n2026年收入预算中，" + parts));
    assertEquals(
        derived,
        yearIncome(total + "。\n（一）财政拨款收入8,600.50万元，占83.9%。\n（二）事业收入400万元。\n（三）上年结转1,250.25万元。"));
    assertEquals("", yearIncome(total + "。另有说明。其中：财政拨款收入8,600.50万元，上年结转1,000万元。"));
    // … and never the other side's list (支出预算中：…), nor past the next part of the report
    assertEquals("", yearIncome(total + "。\n支出预算中：基本支出9,000.50万元，项目支出1,250.25万元。"));
    assertEquals("", yearIncome(total + "。\n三、支出预算情况说明\n其中：" + parts));
  }

  @Test
  void aYearsTotalTheReportStatesNowhereIsItsHeadlineComputedAndSaidSo() {
    String text = "2026年度收入预算10,250.75万元。其中：财政拨款收入8,600.50万元，事业收入400万元，上年结转1,250.25万元。";
    // the report's arithmetic on amounts it states (#64): the headline, to sort and compare, marked
    // derived with its computation, never quoted as stated
    assertEquals("9000.5 DERIVED （收入总计减所列结转 1250.25万元：即本年收入；报告未列明此数）", yearIncome(text));
    assertEquals("grand_total=10250.75 income_total=9000.5 fiscal_income=8600.5", headlines(text));
    // the same amount written elsewhere in the report, in 万元 or in 元 (a cell its rows did not
    // name): the report's own figure
    for (String cell : List.of("9,000.50", "90005000.00"))
      assertEquals(
          "9000.5 DERIVED （收入总计减所列结转 1250.25万元：即本年收入）",
          yearIncome(text + "\n收入总表\n项目\t金额\n财政拨款\t8,600.50\n小计\t" + cell + "\n"),
          cell);
  }

  /** The year's income headline as {@code value sourceKind carry?}, or "" where there is none. */
  private String incomeMeasure(String text) {
    return extract(text, ReportKind.BUDGET, 2026).stream()
        .filter(v -> v.headline() && v.indicator().equals("income_total"))
        .map(v -> v.valueWan() + " " + v.sourceKind() + (v.includesCarryOver() ? " 含上年结转" : ""))
        .findFirst()
        .orElse("");
  }

  @Test
  void anIncomeThatFoldsInTheCarryOverAndNeverSeparatesItIsItsFigureSaidSo() {
    String total = "2026年收入预算3,580.60万元，其中一般公共预算拨款收入3,400.60万元，事业收入180.00万元。";
    // the parts add up, but the report says the carry-over is inside them, with no amount of it:
    // the stated total, marked — not "no carry-over listed, so the year's income"
    for (String says :
        List.of(
            "上述收入包括2025年结转并编制到2026年预算的资金。",
            "以上收入已含上年结转资金。",
            "收入预算中包含以前年度结转的资金；",
            "上述收入均包括 2025 年结转资金。"))
      assertEquals("3580.6 TEXT 含上年结转", incomeMeasure(total + says), says);
    // without such a sentence: the parts list no carry-over, so the total is the year's, computed
    assertEquals("3580.6 DERIVED", incomeMeasure(total));
    // the carry-over's amount said in the sentence, or anywhere in the report (a table's row): it
    // is separated, so the sentence folds nothing
    assertEquals("3580.6 DERIVED", incomeMeasure(total + "上述收入包括2025年结转资金100.00万元。"));
    assertNotEquals(
        "3580.6 TEXT 含上年结转", incomeMeasure(total + "上述收入包括2025年结转的资金。\n收支总表\n上年结转结余\t100.00\n"));
    // an amount of 0 carried is no carry-over separated
    assertEquals(
        "3580.6 TEXT 含上年结转", incomeMeasure(total + "上述收入包括2025年结转的资金。\n收支总表\n上年结转结余\t0.00\n"));
    // spending that includes carried-over projects folds nothing into the income
    assertEquals("3580.6 DERIVED", incomeMeasure(total + "支出预算包括上年结转项目。"));
  }

  /** The “三公” headlines of a 2026 budget, in a fixed order. */
  private String threePublic(String text) {
    java.util.Map<String, Double> h = new java.util.TreeMap<>();
    for (IndicatorValue v : extract(text, ReportKind.BUDGET, 2026))
      if (v.headline()
          && List.of("three_public", "overseas_travel", "vehicles_expenses", "reception")
              .contains(v.indicator())) h.put(v.indicator(), v.valueWan());
    return h.toString();
  }

  private static String row(String... cells) {
    return String.join("\t", cells) + "\n";
  }

  @Test
  void aTotalsLastDigitsAloneInACellAreNoValueOfIt() {
    // 24,995.94 wrapped in its PDF cell, read as 4 where no joiner could prove the wrap: a misread,
    // never the total's value nor a candidate of it, beside the total stated a thousand times
    // larger
    String text =
        "一、部门预算收支情况\n2026年收支总预算24,995.94万元。\n二、收支预算总表\n单位：万元\n"
            + row("项目", "预算数", "项目", "预算数")
            + row("一、财政拨款收入", "24,000.00", "一、一般公共服务支出", "20,000.00")
            + row("二、事业收入", "995.94", "二、教育支出", "4,995.94")
            + row("收入总计", "4", "支出总计", "");
    List<String> totals =
        extract(text, ReportKind.BUDGET, 2026).stream()
            .filter(v -> v.indicator().equals("grand_total") && (v.headline() || v.candidate()))
            .map(v -> v.valueWan() + (v.headline() ? " headline" : " candidate"))
            .toList();
    assertEquals(List.of("24995.94 headline"), totals);
    // a real small total stands: two statements of 4 万元 and 40 万元 are the report's to explain
    String small =
        "一、部门预算收支情况\n2026年收支总预算40.00万元。\n二、收支预算总表\n单位：万元\n"
            + row("项目", "预算数", "项目", "预算数")
            + row("一、财政拨款收入", "36.00", "一、一般公共服务支出", "30.00")
            + row("二、事业收入", "4.00", "二、教育支出", "10.00")
            + row("收入总计", "4", "支出总计", "");
    assertEquals(
        List.of("4.0 candidate", "40.0 candidate"),
        extract(small, ReportKind.BUDGET, 2026).stream()
            .filter(v -> v.indicator().equals("grand_total") && (v.headline() || v.candidate()))
            .map(v -> v.valueWan() + (v.headline() ? " headline" : " candidate"))
            .sorted()
            .toList());
  }

  @Test
  void aTwoYearThreePublicTableIsReadFromItsOwnYearsGroup() {
    String caption = "某单位2026年部门预算\n\n二、财政拨款“三公”经费支出表\n单位：万元\n";
    String[] items = {"合计", "因公出国（境）费", "公务用车购置及运行维护费", "", "", "公务接待费"};
    String[] subs = {"", "", "小计", "公务用车购置费", "公务用车运行维护费", ""};
    String[] last = {"2,340.00", "30.00", "410.00", "0.00", "410.00", "1,900.00"};
    String[] now = {"2,105.50", "25.00", "380.50", "0.00", "380.50", "1,700.00"};
    String own =
        "{overseas_travel=25.0, reception=1700.0, three_public=2105.5, vehicles_expenses=380.5}";
    java.util.function.BiFunction<String[], String[], String[]> both =
        (a, b) ->
            java.util.stream.Stream.concat(java.util.Arrays.stream(a), java.util.Arrays.stream(b))
                .toArray(String[]::new);
    String header = row(both.apply(items, items)) + row(both.apply(subs, subs));
    // family 1: a group header per year, written over the first of its columns, the year before
    // first
    String g1 = row("2025年预算数", "", "", "", "", "", "2026年预算数", "", "", "", "", "");
    assertEquals(own, threePublic(caption + g1 + header + row(both.apply(last, now))));
    // … written over the middle of its columns (a PDF centres a merged cell's words)
    String g2 = row("", "", "2025年预算数", "", "", "", "", "", "2026年预算数", "", "", "");
    assertEquals(own, threePublic(caption + g2 + header + row(both.apply(last, now))));
    // … in words, 上年 beside 本年
    String g3 = row("上年预算数", "", "", "", "", "", "本年预算数", "", "", "", "", "");
    assertEquals(own, threePublic(caption + g3 + header + row(both.apply(last, now))));
    // … this year's group first
    String g4 = row("2026年预算数", "", "", "", "", "", "2025年预算数", "", "", "", "", "");
    assertEquals(own, threePublic(caption + g4 + header + row(both.apply(now, last))));
    // family 2: the years as rows, the change between them in a row of its own — before or after
    String h2 = row("年度", "合计", "因公出国（境）费", "公务用车购置及运行维护费", "公务接待费");
    String y25 = row("2025年", "2,340.00", "30.00", "410.00", "1,900.00");
    String y26 = row("2026年", "2,105.50", "25.00", "380.50", "1,700.00");
    String change = row("增减变化金额", "-234.50", "-5.00", "-29.50", "-200.00");
    String rowsOwn =
        "{overseas_travel=25.0, reception=1700.0, three_public=2105.5, vehicles_expenses=380.5}";
    assertEquals(rowsOwn, threePublic(caption + h2 + y25 + y26 + change));
    assertEquals(rowsOwn, threePublic(caption + h2 + change + y25 + y26));
    // family 3: years as rows, each item split by its money (一般公共预算 | 政府性基金 | 国有资本经营), no item
    // total written: the table gives no item, and the sentence's figures stand, not last year's
    String split =
        row("年度", "合计", "", "", "因公出国（境）费", "", "", "公务接待费", "", "")
            + row(
                "", "一般公共预算", "政府性基金", "国有资本经营", "一般公共预算", "政府性基金", "国有资本经营", "一般公共预算", "政府性基金",
                "国有资本经营")
            + row(
                "2025年",
                "2,340.00",
                "0.00",
                "0.00",
                "30.00",
                "0.00",
                "0.00",
                "1,900.00",
                "0.00",
                "0.00")
            + row(
                "2026年",
                "2,105.50",
                "0.00",
                "0.00",
                "25.00",
                "0.00",
                "0.00",
                "1,700.00",
                "0.00",
                "0.00");
    String said =
        "一、“三公”经费预算情况\n2026年财政拨款“三公”经费预算数为2,105.50万元，比2025年减少234.50万元。其中：因公出国（境）费"
            + "25.00万元，公务接待费1,700.00万元，公务用车购置及运行维护费380.50万元。\n";
    assertEquals(own, threePublic("某单位2026年部门预算\n" + said + "\n二、财政拨款“三公”经费支出表\n单位：万元\n" + split));
  }

  @Test
  void anAmountOnlyAComparisonOrAChangeNamesIsNoStatementOfTheYearsTotal() {
    // 6,400 − 300 = 6,100: the year's income the report never states, though the comparison names
    // last year's 6,100 and the change an amount of 6,100 too
    String text =
        "2026年度收入预算6,400.00万元，比2025年年初预算数6,100.00万元增加300.00万元。\n"
            + "（一）本年财政拨款收入5,900.00万元\n（二）本年其他资金收入200.00万元\n（三）上年结转结余300.00万元\n";
    String computed = "6100.0 DERIVED （收入总计减所列结转 300万元：即本年收入；报告未列明此数）";
    assertEquals(computed, yearIncome(text));
    assertEquals(
        computed, yearIncome(text.replace("比2025年年初预算数6,100.00万元增加300.00万元", "比上年减少6,100.00万元")));
    // stated as this year's anywhere else, it is the report's own figure
    assertEquals(
        "6100.0 DERIVED （收入总计减所列结转 300万元：即本年收入）",
        yearIncome(text + "收入总表\n项目\t金额\n小计\t6,100.00\n"));
  }

  @Test
  void aListsItemsAreOneListHoweverTheirMarksAreTyped() {
    // (一) typed with ASCII brackets, （二） and （三） full-width: one list, whose parts add up
    String text =
        "三、支出预算情况说明\n2026 年支出预算 860.00 万元，比 2025 年年初预算数\n820.00 万元增加 40.00 万元。主要原因是\n"
            + "人员调整；新增一个项目。\n (一)基本支出。基本支出预算 500.00 万元，占本年\n支出预算 58.14%。\n"
            + " （二）项目支出。项目支出预算 360.00 万元，占本\n年支出预算 41.86%。其中：\n 1.事业单位经营支出 0 万元。\n"
            + " （三）年终结转结余资金 0 万元。\n";
    String expected =
        "expenditure_total=860.0 grand_total=860.0 basic_expenditure=500.0 project_expenditure=360.0";
    assertEquals(expected, budgetHeadlines(text));
    assertEquals(expected, budgetHeadlines(text.replace(" (一)", " （一）")));
    // 1. and 2． are one style too: the carry-over the second item lists is the total's
    String numbered = "收入预算 300.00万元，包括：\n1.财政拨款收入 280.00万元。\n2．上年结转 20.00万元。\n";
    assertEquals(
        "grand_total=300.0 income_total=280.0 fiscal_income=280.0", budgetHeadlines(numbered));
    assertEquals(
        "grand_total=300.0 income_total=280.0 fiscal_income=280.0",
        budgetHeadlines(numbered.replace("2．", "2.")));
  }

  /** The headline “三公” figures of {@code text}, as {@code indicator=value/funds role}. */
  private String threePublic(String text, ReportKind kind) {
    return extract(text, kind, kind == ReportKind.BUDGET ? 2026 : 2025).stream()
        .filter(IndicatorValue::headline)
        .filter(
            v -> Reading.THREE_PUBLIC_FAMILY.contains(Indicator.byId(v.indicator()).orElseThrow()))
        .map(
            v ->
                v.indicator()
                    + "="
                    + v.valueWan()
                    + "/"
                    + v.scope().funds().name().toLowerCase(java.util.Locale.ROOT)
                    + (v.role() == Role.PLANNED || v.role() == Role.ACTUAL ? "" : " " + v.role()))
        .sorted()
        .collect(java.util.stream.Collectors.joining(" "));
  }

  @Test
  void threePublicIsReadWhateverNamesItsBodyOrMoneyBeforeIt() {
    // the department, the appropriation it is arranged from, 一般公共预算: whose or which money's
    for (String lead : List.of("本部门", "财政拨款安排", "单位", "一般公共预算"))
      assertEquals(
          "three_public=21.5/"
              + (lead.equals("财政拨款安排") ? "fiscal" : lead.equals("一般公共预算") ? "general" : "all"),
          threePublic("2026年" + lead + "“三公”经费21.50万元，与上年持平。", ReportKind.BUDGET),
          lead);
    // a verb of cutting or saving states no amount of it, nor does one part's arrangement
    assertEquals("", threePublic("2026年压减“三公”经费21.50万元。", ReportKind.BUDGET));
    assertEquals(
        "three_public=9.6/all",
        threePublic(
            "2026年“三公”经费预算9.60万元，比上年减少0.80万元，主要是减少安排公务接待费0.80万元。项目支出安排“三公”经费5.00万元。",
            ReportKind.BUDGET));
    // in a final account, the budget it was arranged in before the actual spending
    assertEquals(
        "three_public=17.3/all",
        threePublic("2025年年初预算安排“三公”经费19.80万元，实际支出“三公”经费17.30万元。", ReportKind.FINAL_ACCOUNTS));
    assertEquals(
        List.of("three_public 19.8 INITIAL_BUDGET"),
        extract("2025年年初预算安排“三公”经费19.80万元，实际支出“三公”经费17.30万元。", ReportKind.FINAL_ACCOUNTS, 2025)
            .stream()
            .filter(v -> !v.headline())
            .map(v -> v.indicator() + " " + v.valueWan() + " " + v.role())
            .toList());
  }

  @Test
  void threePublicItemsCarryTheMoneyTheirTotalOrHeadingNames() {
    // the items of a total stated in the sentence before (…9.60万元。其中：…) are of its money
    String text =
        "某县林业局2026年一般公共预算“三公”经费支出预算为9.60万元，比上年预算减少0.80万元。"
            + "其中：因公出国（境）费支出预算为0万元，公务接待费支出预算为2.10万元，公务用车购置及运行费支出预算为7.50万元。";
    String general =
        "overseas_travel=0.0/general reception=2.1/general three_public=9.6/general"
            + " vehicles_expenses=7.5/general";
    assertEquals(general, threePublic(text, ReportKind.BUDGET));
    // the heading of their section names it, a page and more above them
    String headed =
        "（七）一般公共预算“三公”经费预算情况说明\n2026年“三公”经费预算数为9.60万元，具体如下：\n"
            + "1.因公出国（境）费用：本部门年初不编制因公出国（境）费用预算。\n"
            + "第一行\n第二行\n第三行\n第四行\n第五行\n第六行\n"
            + "2.公务接待费：2026年安排公务接待费预算2.10万元，与上年持平。\n"
            + "3.公务用车购置及运行维护费：2026年安排公务用车购置及运行维护费预算7.50万元。\n";
    List<IndicatorValue> values =
        extractor.extract(
            "d",
            headed,
            List.of(
                new Section(
                    "d-7",
                    "7",
                    1,
                    "（七）一般公共预算“三公”经费预算情况说明",
                    List.of(),
                    "三公经费",
                    0,
                    0,
                    headed.length())),
            ReportKind.BUDGET,
            2026);
    assertEquals(
        "reception=2.1/GENERAL three_public=9.6/GENERAL vehicles_expenses=7.5/GENERAL",
        values.stream()
            .filter(IndicatorValue::headline)
            .map(v -> v.indicator() + "=" + v.valueWan() + "/" + v.scope().funds())
            .sorted()
            .collect(java.util.stream.Collectors.joining(" ")));
  }

  @Test
  void anItemTitledWithItsLabelAloneStatesItsAmountInTheSentenceAfter() {
    String text =
        "（四）财政拨款“三公”经费预算情况说明\n2026年财政拨款“三公”经费预算62.00万元，比2025年预算减少3.00万元。其中：\n"
            + "（一）因公出国（境）费用。2026年预算数20.00万元，主要用于业务交流。\n"
            + "（二）公务接待费。2026 年预算数 6.00 万元，较 2025 年年初预算减少 3.00 万元。\n"
            + "（三）公务用车购置和运行维护费。2026 年预算数\n36.00 万元，包括：公务用车购置费预算 16.00 万元、公务用车运行维护费 20.00 万元。\n";
    String expected =
        "overseas_travel=20.0/fiscal reception=6.0/fiscal three_public=62.0/fiscal"
            + " vehicles_expenses=36.0/fiscal";
    assertEquals(expected, threePublic(text, ReportKind.BUDGET));
    // the title a line of its own
    assertEquals(
        "reception=6.0/all", threePublic("2.公务接待费\n2026年预算数6.00万元，主要用于来访接待。\n", ReportKind.BUDGET));
    // a sentence naming its own label first is that label's, whatever the title above it
    assertEquals(
        "reception=6.0/all", threePublic("2.公务用车购置及运行维护费\n公务接待费6.00万元。\n", ReportKind.BUDGET));
    // the title's sub-items (购置费, 运行维护费 on lines of their own) are parts, not its amount; a
    // list's next marker is no amount
    assertEquals(
        "",
        threePublic(
            "（三）公务用车购置及运行维护费\n（1）公务用车购置费：2026年预算数0万元。\n（2）公务用车运行维护费：2026年预算数20万元。\n",
            ReportKind.BUDGET));
    assertEquals("", threePublic("单位：万元\n1.因公出国（境）费\n2.公务接待费\n", ReportKind.BUDGET));
    assertEquals("", threePublic("2.公务接待费。外事接待费2.00万元，国内公务接待费4.00万元。\n", ReportKind.BUDGET));
    // a title that is no “三公” item lends nothing
    assertEquals("", threePublic("2.会议费。2026年预算数6.00万元。\n", ReportKind.BUDGET));
  }

  @Test
  void threePublicItemsAreNamedManyWaysAndNoneIsStatedSo() {
    assertEquals(
        "overseas_travel=0.0/all reception=3.2/all",
        threePublic("2026年某局未安排出国（境）经费。2026年安排公务接待费预算3.20万元，较上年持平。", ReportKind.BUDGET));
    for (String vehicles : List.of("公务用车购置和运行维护费", "公车购置及运行维护费", "公务用车购置及运维费"))
      assertEquals(
          "vehicles_expenses=8.0/all",
          threePublic("2026年" + vehicles + "8.00万元。", ReportKind.BUDGET),
          vehicles);
    assertEquals(
        "overseas_travel=23.45/all",
        threePublic("因公出国（境）支出23.45万元，主要用于文化交流。", ReportKind.FINAL_ACCOUNTS));
    // without 因公, a project's 出国（境）经费 is the project's
    assertEquals("", threePublic("某交流项目预算50万元，其中：会议费10万元、出国（境）经费20万元。", ReportKind.BUDGET));
  }

  @Test
  void aTablesTitleNamesItsMoneyWhenThePdfRanItsHeaderFieldsIntoIt() {
    String table =
        "表7：2026年市级部门一般公共预算“三公”经费预算表部门名称：某某局单位：万元\n"
            + "单位名称\t“三公”经费合计\t因公出国(境)费用\t公务用车购置及运行费\t\t\t公务接待费\n"
            + "\t\t\t小计\t公务用车购置费\t公务用车运行维护费\n"
            + "合计\t24.00\t\t18.00\t\t18.00\t6.00\n";
    assertEquals(
        "reception=6.0/general three_public=24.0/general vehicles_expenses=18.0/general",
        threePublic(table, ReportKind.BUDGET));
  }

  @Test
  void aFormsFillerLineIsNoTitle() {
    // 填表单位：某某局 inside a performance table: no new table begins, its amounts stay unread
    String table = "项目支出绩效自评表\n填表单位：某某局\t单位：万元\n项目名称\t某项目\n年度资金总额\t100.00\n公务接待费\t3.00\n";
    assertEquals("", budgetHeadlines(table));
  }

  @Test
  void aBasicSpendingTablesRowOfAnItemIsItsShareNotTheItem() {
    // 基本支出总表 lists 公务接待费 as one use of basic spending; the department's is in the words
    String table =
        "表 4\n基本支出总表\n部门名称：某某局（本级）\t\t单位：万元\n支出项目类别\t总计\t财政拨款\n"
            + "差旅费\t27.73\t27.73\n公务接待费\t11.56\t11.56\n";
    assertEquals("", threePublic(table, ReportKind.BUDGET));
    assertEquals(
        "reception=15.0/fiscal",
        threePublic("（三）财政拨款“三公”经费预算情况\n2.公务接待费。2026 年预算数 15.00 万元。\n" + table, ReportKind.BUDGET));
    // the same row in a table of the whole spending is the department's
    assertEquals(
        "reception=11.56/all", threePublic(table.replace("基本支出总表", "支出经济分类总表"), ReportKind.BUDGET));
    // a “三公” table that says it covers both parts is the whole's
    assertEquals(
        "reception=11.56/all",
        threePublic(table.replace("基本支出总表", "“三公”经费预算表（含基本支出和项目支出）"), ReportKind.BUDGET));
  }

  private String budgetHeadlines(String text) {
    return extract(text, ReportKind.BUDGET, 2026).stream()
        .filter(IndicatorValue::headline)
        .map(v -> v.indicator() + "=" + v.valueWan())
        .collect(java.util.stream.Collectors.joining(" "));
  }

  @Test
  void aTotalAfterTheSourcesItsSentenceListsIsTheWholes() {
    // several kinds of money listed before it are its parts, not its subject: the whole's total
    String sources = "收入包括：一般公共预算拨款收入 620.30万元、政府性基金预算拨款收入0 万元、事业收入40.00万元";
    assertEquals("income_total=660.3", headlines(sources + "，收入预算合计660.30万元。"));
    // … and with money carried in among them, the grand total
    assertEquals("grand_total=675.8", headlines(sources + "、上年结转15.50万元，收入预算合计675.80万元。"));
    // one kind of money named as the sentence's subject still scopes what follows
    assertEquals(
        "whole/fund/current",
        extract("政府性基金预算财政拨款年初结转和结余0万元，本年收入合计12万元。").stream()
            .filter(v -> v.indicator().equals("income_total"))
            .findFirst()
            .orElseThrow()
            .scope()
            .code());
  }

  @Test
  void moneyCarriedInFromEarlierYearsIsNamedManyWays() {
    // 继续使用的财政性结转资金, 使用非财政拨款结余, 年初结转和结余: none of it the year's income
    for (String carry : List.of("继续使用的财政性结转资金", "使用非财政拨款结余", "年初结转和结余", "上年结转结余"))
      assertEquals(
          "9000.5 DERIVED （收入总计减所列结转 1250.25万元：即本年收入；报告未列明此数）",
          yearIncome("2026年收入预算10,250.75万元。其中：财政拨款8,600.50万元，" + carry + "1,250.25万元；事业收入400万元。"),
          carry);
    // carried forward to the next year is the spending side's
    assertEquals(
        "", yearIncome("2026年收入预算10,250.75万元。其中：财政拨款8,600.50万元，结转下年1,250.25万元；事业收入400万元。"));
  }

  @Test
  void totalsNamedOtherwise() {
    // 当年 is 本年; 预算收入总额 and 收支预算总额 are grand totals
    assertEquals(
        "grand_total=10250.75 income_total=9000.5",
        headlines("2026年收入预算10,250.75万元。当年收入预算9,000.50万元。"));
    assertEquals("grand_total=10250.75", headlines("2026年部门预算收入总额10,250.75万元。"));
    assertEquals("grand_total=10250.75", headlines("2026年收支预算总额10,250.75万元。"));
  }

  @Test
  void theYearsOwnIncomeIsNamedSoAndACarryOverBesideItIsNoYearBeforesIncome() {
    // 本年收入预算X is the year's income, whatever the total before it
    assertEquals(
        List.of(
            "*grand_total 10250.75 whole/all/current",
            "grand_total 9438.35 whole/all/previous",
            "*income_total 9000.5 whole/all/current"),
        statements(
            "2026年收入预算10,250.75万元，比2025年年初预算数9,438.35万元增加812.40万元。其中，本年收入预算9,000.50万元。",
            ReportKind.BUDGET,
            2026));
    // 上年结转结余Y after the year's income is money carried over, not the year before's income
    assertEquals(
        List.of(
            "*grand_total 10250.75 whole/all/current", "*income_total 9000.5 whole/all/current"),
        statements(
            "2026年收入预算10,250.75万元，其中本年收入9,000.50万元，上年结转结余1,250.25万元。", ReportKind.BUDGET, 2026));
    // a total of both sides whose breakdown is the income side's: nothing of the spending side
    assertEquals(
        List.of(
            "*grand_total 10250.75 whole/all/current", "*income_total 9000.5 whole/all/current"),
        statements(
            "2026年度收支总预算10,250.75万元。收入预算中，本年收入9,000.50万元，上年结转结余1,250.25万元。",
            ReportKind.BUDGET,
            2026));
  }

  @Test
  void aBreakdownWithoutCarryOverIsNoProofWhereACarryOverIsStatedElsewhere() {
    // the sources add up to the total, none a carry-over; another section says the treasury's
    // part holds one: the year's income is not the total
    String report =
        "（一）部门财务收入情况\n2026年单位财务总收入1,549.91万元，其中：一般公共预算1,218.85万元，其他收入331.06万元。\n"
            + "（二）财政拨款收入情况\n2026年单位财政拨款收入1,218.85万元，其中:本年收入1,206.92万元，上年结转收入11.93万元。\n";
    assertEquals("", yearIncome(report));
    // a carry-over of 0 said there proves nothing against it
    assertEquals(
        "1549.91 DERIVED （收入总计所列无结转：即本年收入）",
        yearIncome(report.replace("本年收入1,206.92万元，上年结转收入11.93万元", "本年收入1,218.85万元，上年结转收入0.00万元")));
  }

  @Test
  void aReportSilentOnCarryOversHasTheYearsIncomeInItsIncomeBudget() {
    // tables published apart, no breakdown: the narrative states its sources and never once speaks
    // of money carried over, so the income budget is the year's income too, said so
    String narrative =
        "一、收支预算总体情况\n"
            + "2026年度收入预算10,250.75万元，比2025年年初预算数增加812.40万元，增长8.6%，主要是新增信息化项目。"
            + "2026年度支出预算10,250.75万元。\n"
            + "二、财政拨款收支预算总体情况\n"
            + "2026年度财政拨款收入预算9,600.00万元。\n";
    assertEquals("10250.75 DERIVED （全文未提及结转结余：收入总计即本年收入）", yearIncome(narrative));
    // a word of carry-over anywhere — a project's, a glossary's 以前年度 or 事业基金, letter-spaced —
    // leaves the year's income unknown
    for (String aside :
        List.of(
            "三、名词解释\n事业基金弥补收支差额：指使用以前年度积累的事业基金弥补当年收支缺口。\n",
            "三、项目支出\n另有上年结转项目资金196.50万元。\n",
            "三、其他\n部分项目资金结 转下年使用。\n")) assertEquals("", yearIncome(narrative + aside), aside);
    // carry-overs spoken of only as none (0, or 无此项结转): none either, said so
    assertEquals(
        "10250.75 DERIVED （所述结转结余皆为零：收入总计即本年收入）",
        yearIncome(narrative + "三、其他\n上年结转结余为0万元，本部门无此项结转资金。\n"));
    // two totals that differ: which is the income budget is undecided, no year's income from it
    assertEquals("", yearIncome(narrative.replace("二、财政拨款", "收入预算9,000.00万元。\n二、财政拨款")));
    // a text that says nothing of its sources is not known to be silent: no year's income
    assertEquals("", yearIncome("2026年度收入预算10,250.75万元。2026年度支出预算10,250.75万元。"));
  }

  @Test
  void aChangeAfterACompletionRateIsTheActualsNotTheBudgets() {
    // the 财政部 template of a 决算's “三公” paragraph: the budget sits between the actual and its change
    String text =
        "2023年度“三公”经费财政拨款支出决算为62.07万元，完成全年预算84.82万元的73.2%，比上年决算数增加38.97万元，增长168.7%。"
            + "其中：公务用车购置及运行维护费支出决算为27.46万元，完成预算29.6万元的92.8%，比上年决算数增加6.32万元，增长29.9%。";
    assertEquals(
        List.of(),
        new ConsistencyChecker().check(extract(text, ReportKind.FINAL_ACCOUNTS, 2023), text));
    // the same change said wrongly of the actual is flagged
    String wrong = text.replace("增长168.7%", "增长68.7%");
    assertEquals(
        List.of("change three_public 62.07"),
        new ConsistencyChecker()
            .check(extract(wrong, ReportKind.FINAL_ACCOUNTS, 2023), wrong).stream()
                .map(
                    f ->
                        f.code()
                            + " "
                            + f.args().get(0).replace("figure:", "")
                            + " "
                            + f.args().get(1))
                .toList());
  }

  @Test
  void aShareCutToItsWholePercentAgreesWithItsAmounts() {
    // 2,982.61 of 4,680.58 is 63.72%: written 63% (cut) or 64% (rounded), not 62%
    String text = "本年收入合计4680.58万元，其中：财政拨款收入2982.61万元，占本年收入的63%。";
    assertEquals(
        List.of(),
        new ConsistencyChecker().check(extract(text, ReportKind.FINAL_ACCOUNTS, 2023), text));
    String wrong = text.replace("63%", "62%");
    assertEquals(
        List.of("share"),
        new ConsistencyChecker()
            .check(extract(wrong, ReportKind.FINAL_ACCOUNTS, 2023), wrong).stream()
                .map(IndicatorFlag::code)
                .toList());
  }

  @Test
  void numbersAScanBrokeAreReadByTheirGrouping() {
    // a space or a line break after a thousands comma where three digits follow; before the
    // decimals
    assertEquals("grand_total=101673.03", headlines("本单位2024年度收入总计 101, 673.03万元。"));
    assertEquals("basic_expenditure=38197.01", headlines("基本支出 38,\n197.01万元。"));
    assertEquals("grand_total=244895.02", headlines("收入总计244,895\n.02万元。"));
    // not a thousands group: two numbers, the first one the statement's
    assertEquals("basic_expenditure=38.0", headlines("基本支出 38, 1970万元。"));
    // points for thousands commas: a number has one decimal point, groups of three between them
    assertEquals("basic_expenditure=486554.95", headlines("基本支出486.554.95万元。"));
    assertEquals("basic_expenditure=1486554.9", headlines("基本支出1.486.554.9万元。"));
    // a group of other than three digits: no grouping explains the second point, nothing is read
    assertEquals("", headlines("基本支出486.5.95万元。"));
  }

  @Test
  void anAmountGluedToALetterOrASignIsAScansMisreadAndNotRead() {
    // a 5 read as $ or S: the digits after it are not the amount written, and no later amount
    // of the sentence stands in for it
    assertEquals(
        "income_total=445059.97", headlines("我校2024年收支总预算$82,276.35万元，其中本年收入预算445,059.97万元。"));
    assertEquals("", headlines("项目支出S6,803.17万元，比上年增加1,200.00万元。"));
    assertEquals("", headlines("机关运行经费预算支出$619.31万元。"));
    assertEquals("", headlines("项目支出58$3.96万元，占42.89%。"));
    assertEquals("", headlines("政府采购支出总额1$,346.40万元。"));
    // a sign of money before it is not a misread
    assertEquals("basic_expenditure=619.31", headlines("基本支出¥619.31万元。"));
  }

  @Test
  void staffCountsAsFormsAndWholesWriteThem() {
    // a total of posts said so (总编制), the serving staff's total, retired staff as 职工
    assertEquals(
        "staff_quota=36.0 staff_actual=33.0",
        headlines("本局总编制36名，其中：行政编制20名，事业工勤编制16名。在职人员总数33人，其中：行政人员19人，事业工勤人员14人。"));
    assertEquals(
        "staff_quota=25.0 staff_actual=23.0 staff_retired=9.0",
        headlines("本局总编制数25人，其中参公管理事业编制数5人，在职实有人数23人；离退休9人。"));
    assertEquals(
        "staff_actual=38.0 staff_retired=14.0", headlines("全县气象部门共有职工52人，其中在职职工38人，离退休职工14人。"));
    assertEquals("staff_retired=18.0", headlines("现有退休职工18人。"));
    // a form's fields, counts bare or after 小计
    assertEquals(
        "staff_quota=44.0 staff_actual=41.0 staff_retired=15.0",
        headlines("编制人数44，其中：行政编制人数10、全部补助事业编制人数34人。实有人数41，其中：在职人数41；离休人数0；退休人数15；退职人数0。"));
    assertEquals(
        "staff_quota=14.0 staff_actual=13.0 staff_retired=6.0",
        headlines("编制人数小计14人，其中：行政编制人数9人，事业编制人数5人。实有人数小计13人，其中：在职人数小计13人；离休人数小计0人，退休人数小计6人。"));
    // a headcount that is its serving staff and its retired together: the serving are the staff
    assertEquals(
        "staff_actual=610.0 staff_retired=320.0",
        headlines("实有人员930人，其中在职人员610人，离休人员4人，退休人员316人。"));
    // a part of the serving staff, a unit's, or a headcount of others than the retired: not decided
    // so
    assertEquals("", headlines("实有在职人员52人，其中在职行政人员30人，在职事业人员22人。"));
    assertEquals("staff_actual=120.0", headlines("实有人员120人，其中本级在职人员40人。"));
    assertEquals("", headlines("实有人数60人，其中在职在编50人，编外聘用10人。"));
    // 离休 added to 退休 however both are named
    assertEquals("staff_retired=16.0", headlines("本单位离休干部2人，退休干部14人。"));
    assertEquals("staff_retired=18.0", headlines("离休人数3；退休人数15；退职人数0。"));
    assertEquals("", headlines("为退休职工56人发放慰问金。退休人数300人次。"));
    // 编制 as a verb (纳入部门预算编制 96 人: the people the budget counts), and no staff count at all
    assertEquals(
        "staff_actual=70.0 staff_retired=24.0",
        headlines("截止2025年12月，我镇纳入部门预算编制 96 人。其中：实有在职人员 70 人，离退休人员 24 人，遗属 2 人。"));
    assertEquals(
        "", headlines("本局实有人数比上年减少2人。离退休人员增加3人。临聘人员5人，遗属2人。人员经费按3800元×67人测算。全县在校学生1200人。"));
  }

  @Test
  void staffCountsAsBudgetsStateThem() {
    assertEquals(
        "staff_quota=496.0 staff_actual=438.0",
        headlines("本部门在职人员编制496人，其中：行政编制333人，工勤人员编制26人，事业编制137人。在职实有438人，其中：财政全额保障438人。"));
    assertEquals(
        "staff_quota=12.0 staff_actual=10.0 staff_retired=3.0",
        headlines("编制 12 名，实际在编在职人员 10 名，离退休人员 3 名。"));
    assertEquals("staff_actual=12.0 staff_retired=3.0", headlines("本单位现有在职 12 人、退休 3 人。"));
    assertEquals("staff_actual=52.0", headlines("单位实有人员 52 人。"));
    // everyone serving, on posts and not: the count of staff a per-person figure divides by
    assertEquals(
        "staff_actual=64.0 staff_retired=12.0",
        headlines("本部门行政和事业编制人员以及其他人员等共 64 人；离休 0 人，退休 12 人。"));
    // the retired: 离退休 as one count, or 离休 and 退休 apart, added (and said so)
    assertEquals("staff_retired=241.0", headlines("离退休人员241人，其中：离休1人，退休240人。"));
    assertEquals("staff_retired=70.0", headlines("本单位离休 4 人，退休 66 人。"));
    assertEquals(
        "（离休4人＋退休66人）",
        extract("本单位离休 4 人，退休 66 人。").stream()
            .filter(v -> v.headline())
            .findFirst()
            .orElseThrow()
            .source()
            .replaceAll(".*(（.*）)$", "$1"));
    assertEquals("staff_retired=8.0", headlines("离退休人数 8 名。"));
    // not a count of the department's retired: a project's beneficiaries, an event, visits
    assertEquals("", headlines("慰问32名退休劳模。"));
    assertEquals("", headlines("全年1名在职人员转退休。"));
    assertEquals("", headlines("退休人员走访 40 人次。"));
    // one kind's posts are a part, not the whole quota; 编制 as a verb (to draw up a budget) no count
    assertEquals("", headlines("其中：行政编制333人，工勤人员编制26人。"));
    assertEquals("", headlines("本局编制2026年预算单位共31个。"));
  }

  @Test
  void staffCountsAsTablesStateThemByColumn() {
    // a table of units with its 合计 row: the whole's counts, never a unit's
    String units = "人员情况表\n单位名称\t编制数\t实有人数\t离退休人数\n";
    assertEquals(
        "staff_quota=52.0 staff_actual=48.0 staff_retired=20.0",
        headlines(units + "本级\t30\t29\t12\n合计\t52\t48\t20\n某某中心\t22\t19\t8\n"));
    // units or kinds listed, no total: the whole is not stated
    assertEquals("", headlines(units + "本级\t30\t29\t12\n某某中心\t22\t19\t8\n"));
    assertEquals("", headlines("人员情况表\n类别\t编制数\t实有人数\n行政编制\t10\t9\n事业编制\t5\t5\n"));
    // one row of counts under the header, named by it: the department's (整体支出绩效 基础数据表)
    assertEquals(
        "staff_quota=8.0 staff_actual=7.0",
        headlines(
            "部门整体支出绩效评价基础数据表\n"
                + "财政供养人员情况（人）\t编制数\t\t2025年实际在职人数\t\t控制率\n"
                + "\t8\t\t7\t\t87.50%\n"
                + "经费控制情况（万元）\t2024年决算数\t\t2025年预算数\t\t2025年决算数\n"
                + "一、部门基本支出\t121.14\t\t94.25\t\t84.38\n"));
    // the money of the retired is no count of them
    assertEquals(
        org.gongkai.model.ColumnRole.PERSONNEL, org.gongkai.model.ColumnRole.of("离退休人员经费"));
  }

  @Test
  void threePublicCarriesTheMoneyItsHeadingNamesAndNotTheYearBeforesRow() {
    String text =
        "三、财政拨款“三公”经费预算情况说明\n"
            + "2026年“三公”经费预算数为 24.00 万元。其中：因公出国（境）费 0.00 万元；公务用车购置及运行维护费 16.00 万元；"
            + "公务接待费 8.00 万元。\n"
            + "表 9 财政拨款“三公”经费支出预算表\n单位：万元\n"
            + "年度\t“三公”经费合计\t因公出国（境）费\t公务用车购置及运行费\t公务接待费\n"
            + "2025年\t30.00\t2.00\t18.00\t10.00\n"
            + "2026年\t24.00\t0.00\t16.00\t8.00\n";
    List<IndicatorValue> values = extract(text, ReportKind.BUDGET, 2026);
    assertEquals(
        List.of(
            "three_public 24.0 whole/fiscal/current text headline [text_and_table, three_items]",
            "three_public 24.0 whole/fiscal/current table"),
        values.stream()
            .filter(v -> v.indicator().equals("three_public"))
            .map(
                v ->
                    v.indicator()
                        + " "
                        + v.valueWan()
                        + " "
                        + v.scope().code()
                        + " "
                        + v.sourceKind().code()
                        + (v.headline() ? " headline " + v.by() : ""))
            .toList());
  }

  @Test
  void aTableCellReadWithFewerDigitsThanTheWordsConfirmsNothing() {
    // the cell as read (24.0: its last digit on the next line of the cell) against 24.00 in the
    // words
    String text =
        "三、财政拨款“三公”经费预算情况说明\n"
            + "2026年“三公”经费预算数为 24.00 万元。其中：因公出国（境）费 0.00 万元；公务用车购置及运行维护费 16.00 万元；"
            + "公务接待费 8.00 万元。\n"
            + "表 9 财政拨款“三公”经费支出预算表\n单位：万元\n"
            + "年度\t“三公”经费合计\t因公出国（境）费\t公务用车购置及运行费\t公务接待费\n"
            + "2026年\t24.0\t0.00\t16.00\t8.00\n";
    List<IndicatorValue> values = extract(text, ReportKind.BUDGET, 2026);
    assertEquals(
        List.of("three_public 24.0 [three_items]", "reception 8.0 [text_and_table, three_items]"),
        values.stream()
            .filter(
                v ->
                    v.headline()
                        && (v.indicator().equals("three_public")
                            || v.indicator().equals("reception")))
            .map(v -> v.indicator() + " " + v.valueWan() + " " + v.by())
            .toList());
  }

  @Test
  void aFigureIsReadWhateverBodyOrMoneyIsNamedBeforeIt() {
    // 本单位, 本部门, an issuer's 部门, the money's name (一般公共预算, 财政拨款) before the label: the
    // department's own; the amount, not the change after it
    for (String lead : List.of("本单位", "本部门一般公共预算", "某某局部门", "本部门", "一般公共预算", "财政拨款", "部门"))
      assertEquals(
          "operating_expenses=742.77/"
              + (lead.contains("一般公共预算") ? "general" : lead.equals("财政拨款") ? "fiscal" : "all"),
          figures("2026年" + lead + "机关运行经费预算支出742.77万元，比上年减少0.52万元，下降0.07%。", "operating_expenses"),
          lead);
    assertEquals(
        "operating_expenses=742.77/fiscal",
        figures("2026 年本单位机关运行经费财政拨款预算 742.77 万元，较 2025 年年初预算减少 0.52 万元。", "operating_expenses"));
    // as later final accounts name it
    for (String name : List.of("机构运行经费", "机关（机构）运行经费"))
      assertEquals(
          "operating_expenses=742.77/all",
          figures("2026年本部门" + name + "预算支出742.77万元。", "operating_expenses"),
          name);
    assertEquals(
        "basic_expenditure=3745.07/general",
        figures("2026年一般公共预算基本支出3,745.07万元，其中：人员支出2,906.80万元。", "basic_expenditure"));
    // a project's or a unit's own spending named before the label is not the department's
    assertEquals("", figures("2026年综合保障经费项目支出120.00万元。", "project_expenditure"));
    assertEquals("", figures("2026年下属事业单位机关运行经费预算支出42.00万元。", "operating_expenses"));
    // other departments, or all of them, are not this one
    for (String others : List.of("有关部门", "各部门", "主管部门"))
      assertEquals(
          "", figures("2026年" + others + "机关运行经费预算支出42.00万元。", "operating_expenses"), others);
  }

  @Test
  void procurementIsReadAsBudgetsAndFinalsStateIt() {
    // the whole, however named; never a part (货物, 工程, 服务) nor the share set aside for small firms
    for (String sentence :
        List.of(
            "2026年度本单位政府采购预算8,661.14万元，其中：政府采购货物预算46.10万元、政府采购服务预算8,615.04万元。",
            "2026 年本部门政府采购预算总额 8,661.14 万元，其中：政府采购货物预算 46.10 万元。",
            "2026年度政府采购支出预算总额8661.14万元，其中：拟采购货物支出46.10万元。",
            "某某局纳入 2026 年部门预算的政府采购项目共有 8,661.14 万元，其中：货物类项目 46.10 万元。",
            "共涉及采购项目12个，采购预算总额86,611,400.00元，其中：政府采购货物预算461,000.00元。",
            "2026年度我部门政府采购预算总金额为8661.14万元。其中拟购买货物46.10万元。"))
      assertEquals(
          "procurement_total=8661.14/all", figures(sentence, "procurement_total"), sentence);
    assertEquals(
        "",
        figures(
            "2026年本部门面向中小企业预留政府采购项目预算金额1486.42万元，其中，预留给小型和微型企业的政府采购项目预算为1486.42万元。",
            "procurement_total"));
    // a final's: the amount, not the share of it that went to small firms
    assertEquals(
        List.of("procurement_total 2319.21 ACTUAL", "procurement_total 15346.4 ACTUAL"),
        List.of(
                "某区某局2024年度政府采购金额（以合同签订为准）为2319.21万元，其中：货物采购金额122.43万元。",
                "学校2024年度政府采购支出总额15,346.40万元，其中：政府采购货物支出5,510.39万元。授予中小企业合同金额12,127.08万元，占政府采购支出总额的79.02%。")
            .stream()
            .flatMap(t -> extract(t, ReportKind.FINAL_ACCOUNTS, 2024).stream())
            .filter(v -> v.headline() && v.indicator().equals("procurement_total"))
            .map(v -> v.indicator() + " " + v.valueWan() + " " + v.role())
            .toList());
  }

  @Test
  void aReportOfItsIssuersOwnLevelAloneSaysOfItsBenjiWhatItSaysOfTheWhole() {
    String body =
        "截至 2025 年 10 月，某某局（本级）共有车辆 4 辆，其中：机要通信用车 1 辆。\n"
            + "某某局（本级）纳入 2026 年部门预算的政府采购项目共有 94.28 万元，其中：货物类项目 8.00 万元。";
    // its title, broken over two lines as PDFs break it, says it is the 本级's alone
    assertEquals(
        "vehicles=4.0/all procurement_total=94.28/all",
        figures("2026年某某局（本级）部门预\n算\n目录\n" + body, "vehicles")
            + " "
            + figures("2026年某某局（本级）部门预\n算\n目录\n" + body, "procurement_total"));
    assertEquals(
        "procurement_total=94.28/all",
        figures("2026年度某某局（本级）单位预算公开\n" + body, "procurement_total"));
    // a department's report: its 本级 is one of its levels, not the whole
    assertEquals(
        "",
        figures("2026年某某局部门预算\n目录\n" + body, "vehicles")
            + figures("2026年某某局部门预算\n目录\n" + body, "procurement_total"));
  }

  @Test
  void procurementsShareForSmallFirmsOrOnePartIsNotItsTotal() {
    // the total said with 共计 or 合计; the share kept for small firms, centralised purchases or a
    // project's are parts
    assertEquals(
        "procurement_total=150.0/all",
        figures("2026年度本部门政府采购预算共计150万元，其中面向中小企业预留份额的政府采购预算为90万元。", "procurement_total"));
    assertEquals(
        "procurement_total=150.0/all",
        figures("2026年政府采购预算合计150万元，其中：预留中小企业的政府采购金额为100万元。", "procurement_total"));
    assertEquals(
        "procurement_total=300.0/all",
        figures("2026年本部门政府采购预算总额300万元，其中：集中采购预算总额200万元，分散采购预算总额100万元。", "procurement_total"));
    for (String part :
        List.of(
            "2026年本部门政府集中采购预算总额120万元。",
            "2026年某某项目涉及政府采购金额50万元。",
            "2026年下属某某中心政府采购预算总额80万元。",
            "2026年面向中小企业的政府采购预算为80万元。")) assertEquals("", figures(part, "procurement_total"), part);
    // in a final account a 预算 wording is the budget's, the 支出总额 the year's
    assertEquals(
        List.of(
            "procurement_total 300.0 INITIAL_BUDGET false", "procurement_total 280.0 ACTUAL true"),
        extract("政府采购支出情况：2025年政府采购预算300万元，实际政府采购支出总额280万元。", ReportKind.FINAL_ACCOUNTS, 2025)
            .stream()
            .filter(v -> v.indicator().equals("procurement_total"))
            .map(v -> v.indicator() + " " + v.valueWan() + " " + v.role() + " " + v.headline())
            .toList());
    assertEquals(
        List.of("procurement_total 200.0 ACTUAL"),
        extract(
                "2025年度政府采购支出总额200万元，授予中小企业合同金额150万元，其中授予小微企业的政府采购金额为60万元。",
                ReportKind.FINAL_ACCOUNTS,
                2025)
            .stream()
            .filter(v -> v.headline() && v.indicator().equals("procurement_total"))
            .map(v -> v.indicator() + " " + v.valueWan() + " " + v.role())
            .toList());
  }

  @Test
  void aUnitOrAllDepartmentsNamedBeforeTheMoneysNameAreNotThisDepartment() {
    for (String other : List.of("下属某某中心", "其中，所属某某中心", "全市政府部门", "全市党委部门"))
      assertEquals(
          "", figures("2026年，" + other + "一般公共预算机关运行经费50万元。", "operating_expenses"), other);
    assertEquals(
        "operating_expenses=120.0/general",
        figures("某某局2026年一般公共预算机关运行经费120万元。", "operating_expenses"));
  }

  @Test
  void onlyATitleSaysAReportIsItsIssuersOwnLevel() {
    assertEquals(true, Reading.selfOnlyTitle("2026年某某局（本级）部门预\n算\n目录\n"));
    assertEquals(true, Reading.selfOnlyTitle("某某厅本级2024年度部门决算\n第一部分 概况\n"));
    // a government's level, the contents, the opening words and what the report is made of are no
    // title
    for (String text :
        List.of(
            "2026年某某市民政局部门预算\n根据《关于做好2026年市本级部门预算公开工作的通知》要求，现公开如下。\n",
            "2026年某某区教育局部门预算\n目录\n第一部分 区教育局本级预算\n第二部分 所属学校单位预算\n",
            "某某委2025年度部门决算\n本部门决算由委本级决算和所属12家单位决算汇总而成。\n"))
      assertEquals(false, Reading.selfOnlyTitle(text), text);
    String text =
        "2026年某某市民政局部门预算\n根据《关于做好2026年市本级部门预算公开工作的通知》要求，现公开如下。\n"
            + "2026年支出预算合计8000万元。其中局本级支出预算合计3000万元。\n";
    assertEquals("expenditure_total=8000.0/all", figures(text, "expenditure_total"));
  }

  private String figures(String text, String indicator) {
    StringBuilder sb = new StringBuilder();
    for (IndicatorValue v : extract(text, ReportKind.BUDGET, 2026))
      if (v.headline() && v.indicator().equals(indicator))
        sb.append(v.indicator())
            .append('=')
            .append(v.valueWan() != null ? v.valueWan() : v.value())
            .append('/')
            .append(v.scope().funds().name().toLowerCase(java.util.Locale.ROOT))
            .append(' ');
    return sb.toString().strip();
  }
}
