package org.gongkai.government;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gongkai.TestSupport;
import org.gongkai.model.IndicatorValue;
import org.gongkai.model.IngestedDocument;
import org.gongkai.model.ReportKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A city's own budget report (#65), written for this test in our own words: filed as a government's
 * budget report of its draft year, issued by the city's government, and read for the government's
 * figures — each with its level (全市, 市级, 市本级) and its role (executed last year, budgeted for this
 * one, approved at the start of last year) — never a zone's figure, a part of another sum, a part
 * of a year, a period's total or an item of a list; two statements of one figure that disagree
 * leave it undecided.
 */
class GovernmentFiguresTest {

  static final Path REPORT =
      Path.of("src/test/resources/fixtures/government/mianyang-2026-budget-report.txt");

  @Test
  void theReportIsTheCitysOwnBudget() throws Exception {
    IngestedDocument in = TestSupport.ingestor().ingest(REPORT);
    var d = in.document();
    assertEquals(ReportKind.GOVERNMENT_BUDGET, d.kind());
    assertEquals(2026, d.year());
    assertEquals("绵阳市人民政府", d.issuer());
    assertEquals("关于绵阳市2025年预算执行情况和2026年预算草案的报告", d.title());
    assertEquals("四川省/绵阳市", d.region().region().province() + "/" + d.region().region().city());
    // no department's check or list of standard tables applies
    assertEquals(List.of(), in.flags());
  }

  @Test
  void eachFigureIsReadWithItsLevelAndRole() throws Exception {
    IngestedDocument in = TestSupport.ingestor().ingest(REPORT);
    assertEquals(
        List.of(
            "gov_general_revenue whole previous 执行数 2105000.0 210.5亿元",
            "gov_general_revenue_growth whole previous 执行数 3.2% 增长3.2%",
            "gov_tax_revenue whole previous 执行数 1402000.0 140.2亿元",
            "gov_general_expenditure whole previous 执行数 5208000.0 520.8亿元",
            "gov_general_expenditure_growth whole previous 执行数 2.1% 增长2.1%",
            "gov_general_revenue whole previous 执行数 2105000.0 210.5亿元",
            "gov_general_revenue self previous 执行数 623000.0 62.3亿元",
            "gov_general_revenue self previous 年初预算 600000.0 60.0亿元",
            "gov_fund_revenue whole previous 执行数 954000.0 95.4亿元",
            "gov_fund_expenditure whole previous 执行数 1207000.0 120.7亿元",
            "gov_debt_balance whole previous 执行数 7802000.0 780.2亿元",
            // 其中市本级 320.5 亿元: the city's own 本级 share, said right after its whole
            "gov_debt_balance self previous 执行数 3205000.0 320.5亿元",
            "gov_general_revenue whole current 本年预算 2189000.0 218.9亿元 candidate",
            "gov_general_revenue_growth whole current 本年预算 4.0% 增长4% headline",
            "gov_general_expenditure whole current 本年预算 5300000.0 530.0亿元 headline",
            "gov_social_revenue whole current 本年预算 1506000.0 150.6亿元 headline",
            "gov_general_revenue level current 本年预算 650000.0 65.0亿元",
            "gov_general_revenue_growth level current 本年预算 4.3% 增长4.3%",
            "gov_general_revenue whole current 本年预算 2210000.0 221.0亿元 candidate"),
        in.figures().stream().map(GovernmentFiguresTest::line).toList());
  }

  @Test
  void eachFigurePointsAtItsAmountInTheText() throws Exception {
    IngestedDocument in = TestSupport.ingestor().ingest(REPORT);
    String text = in.document().text();
    for (IndicatorValue v : in.figures()) {
      String at = text.substring(v.start(), v.end()).replace(" ", "");
      assertEquals(v.asWritten(), at, v.indicator());
    }
  }

  @TempDir Path dir;

  /** The flags the fixture raises with each pair of {@code replace} (text, replacement) applied. */
  private List<String> flags(String... replace) throws Exception {
    return org.gongkai.indicators.ChecksTest.flagsIn(dir, REPORT, replace);
  }

  @Test
  void theWholeCitysFigureLessThanItsOwnLevelsIsFlagged() throws Exception {
    assertEquals(
        List.of("level_order ERROR [figure:gov_general_revenue, 2105000, level:SELF, 2623000]"),
        flags("市本级一般公共预算收入完成 62.3 亿元", "市本级一般公共预算收入完成 262.3 亿元"));
  }

  @Test
  void taxOverTheRevenueItIsPartOfIsFlagged() throws Exception {
    assertEquals(
        List.of("tax_over_revenue ERROR [2402000, 2105000]"),
        flags("税收收入 140.2 亿元", "税收收入 240.2 亿元"));
  }

  @Test
  void aDebtOverItsLimitIsFlaggedAndOneWithinItIsNot() throws Exception {
    String stated = "截至2025年末，地方政府债务余额 780.2 亿元";
    assertEquals(
        List.of("debt_over_limit ERROR [7802000, 7000000]"),
        flags(stated, "截至2025年末，全市地方政府债务限额 700.0 亿元，地方政府债务余额 780.2 亿元"));
    assertEquals(List.of(), flags(stated, "截至2025年末，全市地方政府债务限额 800.0 亿元，地方政府债务余额 780.2 亿元"));
  }

  @Test
  void aDraftsGrowthIsCheckedAgainstTheTwoYearsAmounts() throws Exception {
    // the second statement of this year's revenue (221.0, grown over last year's budget) taken out:
    // 218.9 over last year's 210.5 is 3.99%, which 增长 4% rounds
    String second = "全市一般公共预算收入 221.0 亿元，比上年年初预算增长 5%。";
    assertEquals(List.of(), flags(second, ""));
    assertEquals(
        List.of(
            "growth_from_amounts ERROR [figure:gov_general_revenue, 增长7%, 2189000, 2105000, 4]"),
        flags(second, "", "预期 218.9 亿元，增长 4%", "预期 218.9 亿元，增长 7%"));
    // like for like, or about: nothing the two amounts can bear out
    assertEquals(List.of(), flags(second, "", "预期 218.9 亿元，增长 4%", "预期 218.9 亿元，同口径增长 7%"));
    assertEquals(List.of(), flags(second, "", "预期 218.9 亿元，增长 4%", "预期 218.9 亿元，增长 7%左右"));
  }

  @Test
  void theRevenuesTwoPartsAreNeverMoreThanIt() throws Exception {
    // 税收收入 + 非税收入 within 一般公共预算收入 (210.5): 140.2 + 70.3 holds; 75.3 more is a contradiction
    String parts = "其中：税收收入 140.2 亿元。";
    assertEquals(List.of(), flags(parts, "其中：税收收入 140.2 亿元，非税收入 70.3 亿元。"));
    assertEquals(
        List.of("revenue_parts ERROR [1402000, 753000, 2105000]"),
        flags(parts, "其中：税收收入 140.2 亿元，非税收入 75.3 亿元。"));
  }

  @Test
  void aDebtsTwoKindsAreCheckedAgainstTheirWhole() throws Exception {
    String stated = "截至2025年末，地方政府债务余额 780.2 亿元";
    String kinds = "截至2025年末，全市地方政府债务限额 800.0 亿元（一般债务 300.0 亿元、专项债务 500.0 亿元），地方政府债务余额 780.2 亿元";
    assertEquals(List.of(), flags(stated, kinds));
    assertEquals(
        List.of("debt_kinds ERROR [figure:gov_debt_limit, 8000000, 3000000, 5100000]"),
        flags(stated, kinds.replace("专项债务 500.0", "专项债务 510.0")));
    // a narrower level's kinds after 其中 are that level's, not the whole's
    assertEquals(
        List.of(),
        flags(
            stated,
            "截至2025年末，全市地方政府债务限额 800.0 亿元，其中市本级 400.0 亿元（一般债务 100.0 亿元、专项债务 200.0 亿元），地方政府债务余额 780.2 亿元"));
  }

  /** The figures of the fixture with each pair of {@code replace} (text, replacement) applied. */
  private List<String> figures(String... replace) throws Exception {
    String text = Files.readString(REPORT);
    for (int i = 0; i < replace.length; i += 2) text = text.replace(replace[i], replace[i + 1]);
    Path file = dir.resolve("figures-" + System.nanoTime() + ".txt");
    Files.writeString(file, text);
    return TestSupport.ingestor().ingest(file).figures().stream()
        .map(GovernmentFiguresTest::line)
        .toList();
  }

  @Test
  void aZonesParagraphKeepsItsBudgetsFromTheCitysLevel() throws Exception {
    // under a heading of the whole city's budget, a zone's revenue and then, without a level, its
    // spending: both the zone's, neither the city's
    String heading = "（一）一般公共预算";
    String zone = "高新技术产业开发区一般公共预算收入 18.6 亿元，增长 6%。";
    List<String> read =
        figures(heading, "（一）全市一般公共预算", zone, "高新技术产业开发区一般公共预算收入 18.6 亿元，增长 6%；一般公共预算支出 25.0 亿元。");
    assertEquals(List.of(), read.stream().filter(l -> l.contains("250000.0")).toList());
    // without the zone before it, the same words are the city's, by the heading
    assertEquals(
        List.of("gov_general_expenditure whole previous 执行数 250000.0 25.0亿元"),
        figures(heading, "（一）全市一般公共预算", zone, "一般公共预算支出 25.0 亿元。").stream()
            .filter(l -> l.contains("250000.0"))
            .toList());
  }

  @Test
  void newBondsAreTheGovernmentsNotThoseLentOnNorABreakdownInBrackets() throws Exception {
    String spent = "全市一般公共预算支出完成 520.8 亿元，增长 2.1%。";
    List<String> read =
        figures(
            spent,
            spent
                + "全市新增地方政府债券 80.0 亿元，转贷区级地方政府新增债券 30.0 亿元；"
                + "地方政府债券收入 90.0 亿元（新增债券 60.0 亿元、再融资债券 30.0 亿元）。");
    assertEquals(
        List.of("gov_new_bonds whole previous 执行数 800000.0 80.0亿元"),
        read.stream().filter(l -> l.startsWith("gov_new_bonds")).toList());
  }

  @Test
  void anUndecidedFigureIsComparedWithNothing() throws Exception {
    // this year's 全市 revenue is stated twice, differently (218.9 and 221.0): a 市级 figure above
    // both is no contradiction Gongkai can prove, only the figure's own doubt
    assertEquals(List.of(), flags("市级一般公共预算收入预期 65.0 亿元", "市级一般公共预算收入预期 265.0 亿元"));
  }

  @Test
  void aCitysBudgetUnderAHeadlineOfItsOwnIsNeverADepartments() throws Exception {
    // a newspaper's page: its headline is no report's title, but the text is the city's budget
    Path page = dir.resolve("news.txt");
    java.nio.file.Files.writeString(
        page,
        "晚报讯 市财政局局长在市人代会上作预算报告\n"
            + "2025年，全市一般公共预算收入完成 88.6 亿元，增长 3%；全市一般公共预算支出完成 190.2 亿元。\n"
            + "2025年，市级一般公共预算收入完成 30.1 亿元；市级一般公共预算支出完成 71.5 亿元。\n"
            + "2026年，全市一般公共预算收入预期 92.0 亿元。\n");
    IngestedDocument in = TestSupport.ingestor().ingest(page);
    assertEquals(ReportKind.GOVERNMENT_BUDGET, in.document().kind());
    assertEquals(2026, in.document().year());
    // no department's income_total: the figures read are the government's only, each where its
    // sentence (or the one before, of the same budget) gives its year and level
    assertEquals(
        List.of(
            "gov_general_revenue whole previous 执行数 886000.0 88.6亿元",
            "gov_general_revenue_growth whole previous 执行数 3.0% 增长3%",
            "gov_general_expenditure whole previous 执行数 1902000.0 190.2亿元",
            "gov_general_revenue level previous 执行数 301000.0 30.1亿元",
            "gov_general_expenditure level previous 执行数 715000.0 71.5亿元",
            "gov_general_revenue whole current 本年预算 920000.0 92.0亿元 headline"),
        in.figures().stream().map(GovernmentFiguresTest::line).toList());
  }

  @Test
  void aSentenceNamingNoYearIsTheDraftsOrTheExecutionsByItsVerb() throws Exception {
    // a page's headline names the year executed; the report drafts the next, and its sentences that
    // name no year say which by their verb (完成: done; 预期, 安排: the draft)
    Path page = dir.resolve("headline.txt");
    java.nio.file.Files.writeString(
        page,
        "2025年全市一般公共预算收入88.6亿元\n"
            + "晚报讯 市财政局局长在市人代会上作关于本市2025年预算执行情况和2026年预算草案的报告。\n"
            + "2025年，全市一般公共预算收入完成 88.6 亿元；全市一般公共预算支出完成 190.2 亿元。\n"
            + "市级一般公共预算收入完成 30.1 亿元；市级一般公共预算支出完成 71.5 亿元。\n"
            + "全市一般公共预算收入预期 92.0 亿元；全市一般公共预算支出安排 195.0 亿元。\n");
    IngestedDocument in = TestSupport.ingestor().ingest(page);
    assertEquals(ReportKind.GOVERNMENT_BUDGET, in.document().kind());
    assertEquals(2026, in.document().year());
    assertEquals(
        List.of(
            "gov_general_revenue whole previous 执行数 886000.0 88.6亿元",
            "gov_general_revenue whole previous 执行数 886000.0 88.6亿元",
            "gov_general_expenditure whole previous 执行数 1902000.0 190.2亿元",
            "gov_general_revenue level previous 执行数 301000.0 30.1亿元",
            "gov_general_expenditure level previous 执行数 715000.0 71.5亿元",
            "gov_general_revenue whole current 本年预算 920000.0 92.0亿元 headline",
            "gov_general_expenditure whole current 本年预算 1950000.0 195.0亿元 headline"),
        in.figures().stream().map(GovernmentFiguresTest::line).toList());
  }

  @Test
  void aReportSentAsABodysDocumentIsTheReport() throws Exception {
    // a district's portal prints the report under its document number and a salutation to the
    // People's Congress: a body's document by its make-up, and the government's final account by
    // its
    // title; the budget amount a completion names is that year's adjusted budget
    Path page = dir.resolve("document.txt");
    java.nio.file.Files.writeString(
        page,
        "荆州市沙市区人民政府关于2024年决算(草案)的报告\n"
            + "索引号：11421002MB1234567X/2025-00031\n"
            + "发文字号：沙政函〔2025〕18号\n"
            + "发布机构：沙市区财政局\n"
            + "区人大常委会：\n"
            + "现将《关于2024年决算(草案)的报告》提请审议。\n"
            + "2024年，全区一般公共预算收入完成 21.35 亿元，完成区人大常委会批准的调整预算 21.00 亿元的101.7%；"
            + "其中，税收收入完成 15.02 亿元，占调整预算98.5%，降低2.1%。\n"
            + "全区一般公共预算支出完成 48.60 亿元，为调整预算的96.2%。\n");
    IngestedDocument in = TestSupport.ingestor().ingest(page);
    assertEquals(org.gongkai.model.PageRole.REPORT, in.document().role());
    assertEquals(ReportKind.GOVERNMENT_FINAL, in.document().kind());
    assertEquals(2024, in.document().year());
    assertEquals(
        List.of(
            "gov_general_revenue whole current 本年决算 213500.0 21.35亿元 headline",
            "gov_general_revenue whole current 调整预算 210000.0 21.00亿元",
            "gov_general_revenue_completion whole current 本年决算 101.7% 完成区人大常委会批准的调整预算21.00亿元的101.7% headline",
            "gov_tax_revenue whole current 本年决算 150200.0 15.02亿元 headline",
            "gov_tax_revenue_growth whole current 本年决算 -2.1% 降低2.1% headline",
            "gov_tax_revenue_completion whole current 本年决算 98.5% 占调整预算98.5% headline",
            "gov_general_expenditure whole current 本年决算 486000.0 48.60亿元 headline",
            "gov_general_expenditure_completion whole current 本年决算 96.2% 为调整预算的96.2% headline"),
        in.figures().stream().map(GovernmentFiguresTest::line).toList());
    assertEquals(List.of(), in.flags());
  }

  @Test
  void aCountysFinalAccountIsReadInItsOwnWords() throws Exception {
    IngestedDocument in =
        TestSupport.ingestor()
            .ingest(
                Path.of("src/test/resources/fixtures/government/pingjiang-2025-final-account.txt"));
    var d = in.document();
    assertEquals(ReportKind.GOVERNMENT_FINAL, d.kind());
    assertEquals(2025, d.year());
    assertEquals("平江县人民政府", d.issuer());
    assertEquals("平江县人民政府关于2025年全县财政决算(草案)的报告", d.title());
    // 其中 after the treasury's whole revenue (我县…地方财政总收入) is the general budget's, the
    // county's as a whole; 本级支出 is the county's own spending said of 全县; 国有资本经营收入 under its own
    // budget's heading is that budget's, and a budget may state nothing (0万元); the half year is not
    // read
    assertEquals(
        List.of(
            "gov_general_revenue whole current 本年决算 216000.0 21.6亿元 headline",
            "gov_general_revenue_completion whole current 本年决算 101.0% 为预算的101% headline",
            // the budget it had, restated: not what it accounts for
            "gov_general_revenue whole current 年初预算 215000.0 21.5亿元",
            "gov_general_expenditure whole current 本年决算 604000.0 60.4亿元 headline",
            "gov_general_expenditure_growth whole current 本年决算 3.5% 增长3.5% headline",
            "gov_fund_revenue whole current 本年决算 182000.0 18.2亿元 headline",
            "gov_fund_expenditure whole current 本年决算 207000.0 20.7亿元 headline",
            "gov_capital_revenue whole current 本年决算 8000.0 0.8亿元 headline",
            "gov_capital_expenditure whole current 本年决算 0.0 0万元 headline",
            "gov_debt_limit whole current 本年决算 950000.0 95.0亿元 headline",
            "gov_debt_balance whole current 本年决算 904000.0 90.4亿元 headline",
            "gov_debt_balance self current 本年决算 602000.0 60.2亿元",
            // its people, of the year accounted (not the towns' share: another body's)
            "gov_population whole current 本年决算 86.4万人 86.4万人 headline"),
        in.figures().stream().map(GovernmentFiguresTest::line).toList());
    assertEquals(List.of(), in.flags());
  }

  @Test
  void aTablePackagesTablesAreReadInTheirTitlesLevelAndTheirColumnsRoles() throws Exception {
    // a final-accounts package (#65): each budget's main table read from its figure's row (or its
    // 收入合计 where no transfer came before it), in the level its title names (市级, or none: the whole
    // city) and the role its column names; a 明细表 (its title a line, or spread over a row's cells),
    // a
    // district's table, a title naming no place nor
    // level, a rate column, a part of a group and a total after transfers are not read; the text's
    // 45.21亿元 is confirmed by the table,
    // its 全市 150.0亿元 disagrees with none (the table is 市级); the debt table's own rows only
    IngestedDocument in =
        TestSupport.ingestor()
            .ingest(
                Path.of("src/test/resources/fixtures/government/xiangtan-2023-final-tables.txt"));
    assertEquals(ReportKind.GOVERNMENT_FINAL, in.document().kind());
    assertEquals(
        List.of(
            "gov_general_revenue level current 本年决算 452100.0 45.21亿元 verified",
            "gov_general_revenue_completion level current 本年决算 98.3% 完成调整预算的98.3%",
            "gov_general_revenue whole current 本年决算 1500000.0 150.0亿元 headline",
            "gov_fund_revenue whole current 本年决算 562000.0 56.2亿元 candidate",
            "gov_tax_revenue level current 年初预算 330000.0 330,000万元 table",
            "gov_tax_revenue level current 调整预算 320000.0 320,000万元 table",
            "gov_tax_revenue level current 本年决算 301250.0 301,250万元 table",
            "gov_general_revenue level current 年初预算 470000.0 470,000万元 table",
            "gov_general_revenue level current 调整预算 460000.0 460,000万元 table",
            "gov_general_revenue level current 本年决算 452090.0 452,090万元 table verified",
            "gov_capital_expenditure level current 年初预算 12000.0 12,000万元 table",
            "gov_capital_expenditure level current 本年决算 11200.0 11,200万元 table",
            "gov_social_revenue whole current 年初预算 840000.0 840,000万元 table",
            "gov_social_revenue whole current 本年决算 850000.0 850,000万元 table headline",
            "gov_fund_revenue whole current 本年决算 561000.0 561,000万元 table candidate",
            "gov_fund_expenditure whole current 本年决算 530500.0 530,500万元 table headline",
            "gov_debt_limit whole current 本年决算 1.0205E7 1,020.50亿元 table headline",
            "gov_debt_limit_general whole current 本年决算 3802000.0 380.20亿元 table headline",
            "gov_debt_limit_special whole current 本年决算 6403000.0 640.30亿元 table headline",
            "gov_debt_balance whole current 本年决算 9684000.0 968.40亿元 table headline",
            "gov_debt_balance_general whole current 本年决算 3601000.0 360.10亿元 table headline",
            "gov_debt_balance_special whole current 本年决算 6083000.0 608.30亿元 table headline",
            "gov_debt_limit self current 本年决算 4100000.0 410.00亿元 table",
            "gov_debt_limit_general self current 本年决算 1500000.0 150.00亿元 table",
            "gov_debt_limit_special self current 本年决算 2600000.0 260.00亿元 table",
            "gov_debt_balance self current 本年决算 3956000.0 395.60亿元 table",
            "gov_debt_balance_general self current 本年决算 1466000.0 146.60亿元 table",
            "gov_debt_balance_special self current 本年决算 2490000.0 249.00亿元 table"),
        in.figures().stream().map(GovernmentFiguresTest::line).toList());
    // each table's amount points at its cell
    String text = in.document().text();
    for (IndicatorValue v : in.figures())
      if (v.sourceKind() == org.gongkai.model.SourceKind.TABLE)
        assertEquals(
            v.asWritten().replace(v.unit(), ""), text.substring(v.start(), v.end()), v.source());
    // the debt's kinds add up, and the whole city's limit holds its balance: no flag
    assertEquals(List.of(), in.flags());
  }

  @Test
  void aCountyThatSaysOneLevelItsBudgetsListAndItsFiguresAmountsInAChain() throws Exception {
    // a county's final account in our words (#65, wordings of other counties' reports): it never
    // tells its 县本级 apart, so a figure with no level is the whole county's; the congress's budget
    // listed after 2025年度预算为： is the 年初预算 (each budget of the list, past its ；); a figure's
    // later amounts in its sentence, each opened by its role's words (支出预算调整为…，实际完成…), are
    // its adjusted budget and the amount done, past a clause of reasons and up to its share;
    // 社保基金 is 社会保险基金 said short; 支出 said right after a budget's revenue (，支出260,000万元) is
    // that budget's spending, in the revenue's role
    IngestedDocument in =
        TestSupport.ingestor()
            .ingest(
                Path.of("src/test/resources/fixtures/government/ningling-2025-final-account.txt"));
    assertEquals(ReportKind.GOVERNMENT_FINAL, in.document().kind());
    assertEquals(2025, in.document().year());
    assertEquals("宁陵县人民政府", in.document().issuer());
    assertEquals(
        List.of(
            "gov_general_revenue whole current 年初预算 80000.0 80000万元",
            "gov_general_expenditure whole current 年初预算 260000.0 260000万元",
            "gov_fund_revenue whole current 年初预算 40000.0 40000万元",
            "gov_fund_expenditure whole current 年初预算 38000.0 38000万元",
            "gov_general_revenue whole current 本年决算 82350.0 82350万元 headline",
            "gov_general_revenue_growth whole current 本年决算 4.1% 增长4.1% headline",
            "gov_general_revenue_completion whole current 本年决算 102.9% 完成年初预算的102.9% headline",
            "gov_tax_revenue whole current 本年决算 52100.0 52100万元 headline",
            "gov_nontax_revenue whole current 本年决算 30250.0 30250万元 headline",
            "gov_general_expenditure whole current 年初预算 260000.0 260000万元",
            "gov_general_expenditure whole current 调整预算 301500.0 301500万元",
            "gov_general_expenditure whole current 本年决算 296800.0 296800万元 headline",
            // the amount done's share of the adjusted budget, right after it in the chain
            "gov_general_expenditure_completion whole current 本年决算 98.4% 占调整预算的98.4% headline",
            "gov_fund_revenue whole current 调整预算 45000.0 45000万元",
            "gov_fund_revenue whole current 本年决算 43600.0 43600万元 headline",
            "gov_social_revenue whole current 本年决算 61200.0 61200万元 headline",
            "gov_social_expenditure whole current 本年决算 58900.0 58900万元 headline"),
        in.figures().stream().map(GovernmentFiguresTest::line).toList());
    String text = in.document().text();
    for (IndicatorValue v : in.figures())
      if (v.valueWan() != null)
        assertEquals(v.asWritten(), text.substring(v.start(), v.end()).replace(",", ""));
    assertEquals(List.of(), in.flags());
  }

  @Test
  void aReportThatTellsItsLevelsApartLeavesAFigureWithNoLevelUnread() throws Exception {
    // the same report once it says 县本级 of its money anywhere: a figure whose level nothing says is
    // no longer taken for the whole county's
    Path f = dir.resolve("ningling-levels.txt");
    java.nio.file.Files.writeString(
        f,
        java.nio.file.Files.readString(
                Path.of("src/test/resources/fixtures/government/ningling-2025-final-account.txt"))
            .replace("二、需要说明的事项", "县本级一般公共预算收入完成21,000万元。\n二、需要说明的事项"));
    List<String> lines =
        TestSupport.ingestor().ingest(f).figures().stream()
            .map(GovernmentFiguresTest::line)
            .toList();
    assertEquals(
        List.of("gov_general_revenue self current 本年决算 21000.0 21000万元"),
        lines.stream().filter(l -> l.startsWith("gov_general_revenue ")).toList());
  }

  @Test
  void aBareRevenueOrSpendingIsTheBudgetItsHeadingNamesAtItsLevel() throws Exception {
    // a county's final account in our words (#65): a heading naming one budget and one level —
    // run into its paragraph (（一）全县一般公共预算。2025年收入预算…) or over sub-headings naming only a
    // level (1．全县情况：) — makes a bare 收入 or 支出 opening a clause that budget's at that level; a
    // reserve fund's 支出 (its heading names no budget) and a heading naming two budgets say nothing
    IngestedDocument in =
        TestSupport.ingestor()
            .ingest(Path.of("src/test/resources/fixtures/government/anfu-2025-final-account.txt"));
    assertEquals(ReportKind.GOVERNMENT_FINAL, in.document().kind());
    assertEquals(
        List.of(
            "gov_general_revenue whole current 年初预算 96000.0 96000万元",
            "gov_general_revenue whole current 本年决算 98400.0 98400万元 headline",
            "gov_general_revenue_completion whole current 本年决算 102.5% 为预算的102.5% headline",
            "gov_general_expenditure whole current 年初预算 310000.0 310000万元",
            "gov_general_expenditure whole current 本年决算 305200.0 305200万元 headline",
            "gov_general_revenue self current 本年决算 41300.0 41300万元",
            "gov_general_expenditure self current 本年决算 188600.0 188600万元",
            "gov_fund_revenue whole current 本年决算 52800.0 52800万元 headline",
            "gov_fund_expenditure whole current 本年决算 61400.0 61400万元 headline",
            "gov_fund_revenue self current 本年决算 37500.0 37500万元",
            "gov_fund_expenditure self current 本年决算 44900.0 44900万元"),
        in.figures().stream().map(GovernmentFiguresTest::line).toList());
    assertEquals(List.of(), in.flags());
  }

  @Test
  void aParagraphOpeningWithItsPartsBreaksDownTheSentenceBeforeIt() throws Exception {
    // a PDF line ended the sentence of the whole county's revenue; the next opens with 其中 (#65):
    // its parts are that sentence's level; a 其中 after another sum's sentence (保障性支出…) is not
    Path f = dir.resolve("yuanling-2024-budget.txt");
    java.nio.file.Files.writeString(
        f,
        String.join(
            "\n",
            "关于沅岭县2024年预算执行情况和2025年预算草案的报告",
            "一、2024年预算执行情况",
            "（一）一般公共预算",
            "2024年，全县一般公共预算收入完成95,000万元，增长3.1%。",
            "其中：税收收入61,000万元，非税收入34,000万元。",
            "县本级一般公共预算收入完成42,000万元。",
            "其中，税收收入25,500万元。",
            "全县三保支出共计88,000万元。",
            "其中：一般公共预算支出80,000万元。",
            ""));
    assertEquals(
        List.of(
            "gov_general_revenue whole previous 执行数 95000.0 95000万元",
            "gov_general_revenue_growth whole previous 执行数 3.1% 增长3.1%",
            "gov_tax_revenue whole previous 执行数 61000.0 61000万元",
            "gov_nontax_revenue whole previous 执行数 34000.0 34000万元",
            "gov_general_revenue self previous 执行数 42000.0 42000万元",
            "gov_tax_revenue self previous 执行数 25500.0 25500万元"),
        TestSupport.ingestor().ingest(f).figures().stream()
            .map(GovernmentFiguresTest::line)
            .toList());
  }

  @Test
  void anAmountAdjustedLaterWasTheBudgetAndOldNamesAndTotalsAreRead() throws Exception {
    // a county's budget report in our words (#65): a title of 预算执行及…预算; an amount the congress
    // adjusted later in its sentence was the initial budget (not what was done); 一般公共财政预算 is
    // 一般公共预算's older name; a spending's 总额为 is the spending
    Path f = dir.resolve("qingshui-2023-budget.txt");
    java.nio.file.Files.writeString(
        f,
        String.join(
            "\n",
            "清水县2022年预算执行及2023年预算草案的说明",
            "县第九届人民代表大会第二次会议：",
            "一、2022年预算执行情况",
            "2022年全县一般公共预算收入为52000万元，经报县人大常委会批准，调整为54600万元，实际完成55180万元，为调整预算的101.1%。",
            "全县一般公共预算支出总额为231400万元，增长4.2%。",
            "2022年全县政府性基金预算支出为40000万元，执行中因专项债券增加等因素，支出预算调整为46500万元，实际完成45900万元。",
            "2022年全县一般公共财政预算支出中，民生支出占比82%。",
            "二、2023年预算草案",
            "2023年全县一般公共财政预算收入安排57000万元。",
            ""));
    IngestedDocument in = TestSupport.ingestor().ingest(f);
    assertEquals(ReportKind.GOVERNMENT_BUDGET, in.document().kind());
    assertEquals(
        List.of(
            "gov_general_revenue whole previous 年初预算 52000.0 52000万元",
            "gov_general_revenue whole previous 调整预算 54600.0 54600万元",
            "gov_general_revenue whole previous 执行数 55180.0 55180万元",
            "gov_general_revenue_completion whole previous 执行数 101.1% 为调整预算的101.1%",
            "gov_general_expenditure whole previous 执行数 231400.0 231400万元",
            "gov_general_expenditure_growth whole previous 执行数 4.2% 增长4.2%",
            "gov_fund_expenditure whole previous 年初预算 40000.0 40000万元",
            "gov_fund_expenditure whole previous 调整预算 46500.0 46500万元",
            "gov_fund_expenditure whole previous 执行数 45900.0 45900万元",
            "gov_general_revenue whole current 本年预算 57000.0 57000万元 headline"),
        in.figures().stream().map(GovernmentFiguresTest::line).toList());
  }

  @Test
  void aPlanToAdjustTheBudgetGivesTheAdjustedBudgetAndAHalfYearsReportNoYearDone()
      throws Exception {
    // a banner's adjustment plan in our words (#65): what it arranges is the budget as adjusted,
    // the
    // congress's earlier approval the initial one; an amount with neither word (the months done so
    // far) is not read
    Path plan = dir.resolve("baiyin-2024-adjustment.txt");
    java.nio.file.Files.writeString(
        plan,
        String.join(
            "\n",
            "关于2024年全旗财政预算调整方案（草案）的报告",
            "旗人大常委会：",
            "（一）一般公共预算",
            "旗人民代表大会批准的全旗一般公共预算收入为30000万元。",
            "调整后，全旗一般公共预算收入安排27500万元，减少2500万元。",
            "全旗一般公共预算支出96400万元，增长3.3%。",
            "全旗政府性基金收入预算安排4500万元。",
            ""));
    assertEquals(
        List.of(
            "gov_general_revenue whole current 年初预算 30000.0 30000万元",
            "gov_general_revenue whole current 调整预算 27500.0 27500万元",
            "gov_fund_revenue whole current 调整预算 4500.0 4500万元"),
        TestSupport.ingestor().ingest(plan).figures().stream()
            .map(GovernmentFiguresTest::line)
            .toList());
    // a report of a half year: what its year has done is the half year's, said or not
    Path only = dir.resolve("baiyin-2024-half-year-only.txt");
    java.nio.file.Files.writeString(
        only,
        String.join(
            "\n", "关于2024年上半年预算执行情况的报告", "旗人大常委会：", "一、2024年预算执行情况", "全旗一般公共预算收入完成14100万元。", ""));
    assertEquals(List.of(), TestSupport.ingestor().ingest(only).figures());
  }

  @Test
  void aLevelsShareAndTheRevenuesPartsInBracketsAreReadAfterTheWhole() throws Exception {
    IngestedDocument in =
        TestSupport.ingestor()
            .ingest(
                Path.of("src/test/resources/fixtures/government/qingshan-2025-budget-report.txt"));
    assertEquals(ReportKind.GOVERNMENT_BUDGET, in.document().kind());
    // 其中：县本级收入…, （其中县本级…）, 其中县本级… after the whole's figure: the county's own 本级 share, in
    // the whole's role; a share larger than its whole (县本级支出 25.0 of 11.8) and a 县级 share (whose
    // level a county's and a city's words say differently) are not read; the revenue's parts in
    // brackets right after it are its 税收收入 and 非税收入, in its level and role
    assertEquals(
        List.of(
            "gov_general_revenue whole previous 执行数 186000.0 18.6亿元",
            "gov_general_revenue_growth whole previous 执行数 3.1% 增长3.1%",
            "gov_general_revenue self previous 执行数 124000.0 12.4亿元",
            "gov_general_expenditure whole previous 执行数 462000.0 46.2亿元",
            "gov_general_expenditure self previous 执行数 305000.0 30.5亿元",
            "gov_general_revenue whole previous 执行数 186000.0 18.6亿元",
            "gov_tax_revenue whole previous 执行数 112000.0 11.2亿元",
            "gov_nontax_revenue whole previous 执行数 74000.0 7.4亿元",
            "gov_fund_revenue whole previous 执行数 93000.0 9.3亿元",
            "gov_fund_revenue self previous 执行数 71000.0 7.1亿元",
            "gov_fund_expenditure whole previous 执行数 118000.0 11.8亿元",
            "gov_debt_limit whole previous 执行数 600000.0 60.0亿元",
            "gov_debt_limit_general whole previous 执行数 250000.0 25.0亿元",
            "gov_debt_limit_special whole previous 执行数 350000.0 35.0亿元",
            "gov_debt_limit self previous 执行数 415000.0 41.5亿元",
            "gov_debt_balance whole previous 执行数 573000.0 57.3亿元",
            "gov_general_revenue whole current 本年预算 192000.0 19.2亿元 headline",
            "gov_general_revenue_growth whole current 本年预算 3.2% 增长3.2% headline",
            "gov_general_expenditure whole current 本年预算 440000.0 44.0亿元 headline"),
        in.figures().stream().map(GovernmentFiguresTest::line).toList());
  }

  @Test
  void aReportInTraditionalCharactersIsReadAsItsSimplifiedFoldAndQuotedAsWritten(@TempDir Path tmp)
      throws Exception {
    Path traditional =
        Path.of(
            "src/test/resources/fixtures/government/songchuan-2025-budget-report-traditional.txt");
    IngestedDocument in = TestSupport.ingestor().ingest(traditional);
    assertEquals(ReportKind.GOVERNMENT_BUDGET, in.document().kind());
    assertEquals(
        // every figure it states, read as its simplified words are (债务限额 and 余额 within it), its
        // table's agreeing with its sentences
        List.of(
            "gov_general_revenue whole previous 执行数 214000.0 21.4亿元 verified",
            "gov_general_revenue_growth whole previous 执行数 4.6% 增長4.6%",
            "gov_general_revenue_completion whole previous 执行数 101.2% 為預算的101.2%",
            "gov_tax_revenue whole previous 执行数 138000.0 13.8亿元 verified",
            "gov_nontax_revenue whole previous 执行数 76000.0 7.6亿元",
            "gov_general_expenditure whole previous 执行数 523000.0 52.3亿元",
            "gov_general_expenditure_growth whole previous 执行数 2.1% 增長2.1%",
            "gov_fund_revenue whole previous 执行数 87000.0 8.7亿元",
            "gov_fund_expenditure whole previous 执行数 109000.0 10.9亿元",
            "gov_capital_revenue whole previous 执行数 6000.0 0.6亿元",
            "gov_capital_expenditure whole previous 执行数 4000.0 0.4亿元",
            "gov_social_revenue whole previous 执行数 152000.0 15.2亿元",
            "gov_social_expenditure whole previous 执行数 141000.0 14.1亿元",
            "gov_debt_limit whole previous 执行数 720000.0 72.0亿元",
            "gov_debt_balance whole previous 执行数 685000.0 68.5亿元",
            "gov_general_revenue whole current 本年预算 223000.0 22.3亿元 verified",
            "gov_general_revenue_growth whole current 本年预算 4.2% 增長4.2% headline",
            "gov_general_expenditure whole current 本年预算 498000.0 49.8亿元 headline",
            "gov_fund_revenue whole current 本年预算 90000.0 9.0亿元 headline",
            "gov_tax_revenue whole previous 执行数 138000.0 138,000万元 table verified",
            "gov_tax_revenue whole current 本年预算 143000.0 143,000万元 table headline",
            "gov_general_revenue whole previous 执行数 214000.0 214,000万元 table verified",
            "gov_general_revenue whole current 本年预算 223000.0 223,000万元 table verified headline"),
        in.figures().stream().map(GovernmentFiguresTest::line).toList());
    // the same report in simplified characters states the same figures, at the same places
    Path simplified = tmp.resolve("songchuan-2025-budget-report.txt");
    Files.writeString(
        simplified, org.gongkai.text.ScriptFold.simplify(Files.readString(traditional)));
    IngestedDocument folded = TestSupport.ingestor().ingest(simplified);
    assertEquals(
        folded.figures().stream().map(v -> line(v) + " @" + v.start() + "-" + v.end()).toList(),
        in.figures().stream()
            .map(
                v ->
                    org.gongkai.text.ScriptFold.simplify(line(v))
                        + " @"
                        + v.start()
                        + "-"
                        + v.end())
            .toList());
    // each quoted in the words as written
    assertEquals("全縣一般公共預算收入完成21.4億元，為預算的101.2%，增長4.6%", in.figures().get(0).source());
    assertEquals(
        "2025年全縣一般公共預算收入預算表：稅收收入 138,000",
        in.figures().stream()
            .filter(v -> v.sourceKind() == org.gongkai.model.SourceKind.TABLE)
            .findFirst()
            .orElseThrow()
            .source());
    assertEquals(
        List.of(),
        in.figures().stream()
            .map(IndicatorValue::source)
            .filter(s -> s.equals(org.gongkai.text.ScriptFold.simplify(s)))
            .toList());
  }

  private IngestedDocument page(String name, String text) throws Exception {
    Path page = dir.resolve(name);
    java.nio.file.Files.writeString(page, text);
    return TestSupport.ingestor().ingest(page);
  }

  @Test
  void aTitlesLevelAnAmountAdjustedToAnotherAndTheCountysOwnWords() throws Exception {
    // an adjustment plan in our words (#65, tenth part): the one level its title names is its
    // figures'
    // where nothing else says one; 由…调整为… gives the budget and the budget as adjusted, and the
    // change's rate after them is the adjustment's, not the year's growth
    IngestedDocument plan =
        page(
            "adjust.txt",
            "关于2025年县级预算调整方案的报告\n"
                + "主任、各位副主任、各位委员：\n"
                + "受县人民政府委托，现将2025年县级预算调整方案报告如下，请予审议。\n"
                + "一、收入预算调整\n"
                + "（一）一般公共预算收入\n"
                + "一般公共预算收入由52,000万元调整为48,500万元，调减3,500万元，下降6.7%。"
                + "其中：税收收入由36,000万元调减为33,200万元。\n"
                + "二、县本级政府性基金预算\n"
                + "政府性基金预算收入由20,000万元调增至26,000万元。\n");
    assertEquals(ReportKind.GOVERNMENT_BUDGET, plan.document().kind());
    assertEquals(2025, plan.document().year());
    assertEquals(
        List.of(
            "gov_general_revenue level current 年初预算 52000.0 52000万元",
            "gov_general_revenue level current 调整预算 48500.0 48500万元",
            "gov_tax_revenue level current 年初预算 36000.0 36000万元",
            "gov_tax_revenue level current 调整预算 33200.0 33200万元",
            "gov_fund_revenue self current 年初预算 20000.0 20000万元",
            "gov_fund_revenue self current 调整预算 26000.0 26000万元"),
        plan.figures().stream().map(GovernmentFiguresTest::line).toList());
    // a county's final account: 一般公共财政收入 (预算 unsaid) is the general budget's revenue; a growth
    // after the change against the year before named (比2024年增收…) is the year's, one against
    // another year is not
    IngestedDocument done =
        page(
            "final.txt",
            "关于松溪县2025年财政决算的报告\n"
                + "主任、各位副主任、各位委员：\n"
                + "受县人民政府委托，现将2025年财政决算情况报告如下。\n"
                + "2025年，全县一般公共财政收入完成32,150万元，比2024年增收1,530万元，增长5.0%。"
                + "全县一般公共预算财政支出完成81,200万元，比2023年增支6,100万元，增长8.1%。\n");
    assertEquals(ReportKind.GOVERNMENT_FINAL, done.document().kind());
    assertEquals(
        List.of(
            "gov_general_revenue whole current 本年决算 32150.0 32150万元 headline",
            "gov_general_revenue_growth whole current 本年决算 5.0% 增长5.0% headline",
            "gov_general_expenditure whole current 本年决算 81200.0 81200万元 headline"),
        done.figures().stream().map(GovernmentFiguresTest::line).toList());
    // a bare 本级 is a narrower level where the report names the whole's too (全区…)
    IngestedDocument both =
        page(
            "both.txt",
            "关于2025年预算执行情况和2026年预算草案的报告\n"
                + "各位代表：\n"
                + "受区人民政府委托，现将2025年预算执行情况和2026年预算草案提请审议。\n"
                + "2025年，全区一般公共预算收入完成61,000万元。本级一般公共预算收入完成45,000万元。\n");
    assertEquals(
        List.of(
            "gov_general_revenue whole previous 执行数 61000.0 61000万元",
            "gov_general_revenue self previous 执行数 45000.0 45000万元"),
        both.figures().stream().map(GovernmentFiguresTest::line).toList());
  }

  @Test
  void aFiguresLaterAmountsInTheSentencesAfterIt() throws Exception {
    // a county's budget report in our words (#65, eleventh part): the budget in one sentence, its
    // adjustment and what was done in the next ones, opened by their role's words or by reasons
    String head =
        "关于青川县2025年预算执行情况和2026年预算草案的报告\n"
            + "各位代表：\n"
            + "受县人民政府委托，现将全县2025年预算执行情况和2026年预算草案提请审议。\n"
            + "一、2025年预算执行情况\n";
    IngestedDocument in =
        page(
            "chain.txt",
            head
                + "全县一般公共预算支出预算35.81亿元。执行中使用上级补助、新增政府债券等安排支出，支出预算调整为45.12亿元。"
                + "实际完成36.96亿元，同比增长4.9%。\n"
                + "全县政府性基金预算收入预算12.4亿元。当年实际完成11.9亿元。\n"
                + "全县一般公共预算收入年初预算安排27.3亿元。由于年中实施大规模留抵退税，受政策影响减收较多，"
                + "经县人大常委会批准收入预算调整为20.01亿元。\n"
                + "截至2025年末，全县法定债务限额105.3亿元；全县政府法定债务余额为101.2亿元。\n");
    assertEquals(
        List.of(
            "gov_general_expenditure whole previous 年初预算 358100.0 35.81亿元",
            "gov_general_expenditure whole previous 调整预算 451200.0 45.12亿元",
            "gov_general_expenditure whole previous 执行数 369600.0 36.96亿元",
            "gov_general_expenditure_growth whole previous 执行数 4.9% 同比增长4.9%",
            "gov_fund_revenue whole previous 年初预算 124000.0 12.4亿元",
            "gov_fund_revenue whole previous 执行数 119000.0 11.9亿元",
            "gov_general_revenue whole previous 年初预算 273000.0 27.3亿元",
            "gov_general_revenue whole previous 调整预算 200100.0 20.01亿元",
            // 法定债务: the debt a government owes by law, its own
            "gov_debt_limit whole previous 执行数 1053000.0 105.3亿元",
            "gov_debt_balance whole previous 执行数 1012000.0 101.2亿元"),
        in.figures().stream().map(GovernmentFiguresTest::line).toList());
    // a next sentence opening with anything else, or its reasons stating an amount, ends the chain
    IngestedDocument other =
        page(
            "other.txt",
            head
                + "全县一般公共预算支出预算35.81亿元。政府性基金预算收入完成11.9亿元。"
                + "全县政府性基金预算支出预算20.5亿元。执行中追加教育支出3亿元，实际完成22.1亿元。\n");
    assertEquals(
        List.of(
            "gov_general_expenditure whole previous 年初预算 358100.0 35.81亿元",
            "gov_fund_revenue whole previous 执行数 119000.0 11.9亿元",
            "gov_fund_expenditure whole previous 年初预算 205000.0 20.5亿元"),
        other.figures().stream().map(GovernmentFiguresTest::line).toList());
  }

  @Test
  void aPagesOwnFactsAboveTheTitleAndAShareBeforeTheGrowth() throws Exception {
    // a government site's page in our words (#65, eleventh part): its table of facts (索引号, 发布机构,
    // 成文日期 …) and buttons stand above the title; a share of a total in a clause of its own
    // (占一般公共预算收入…%, 占…的比重为…%) leaves the growth after it the figure's
    String facts =
        "索引号 11520000000000000X/2026-00003 发布机构 青川区财政局\n"
            + "成文日期 2026-08-20 发布日期 2026-08-21 主题分类 财政\n"
            + "索引号 11520000000000000X/2026-00003\n"
            + "发布机构 青川区财政局\n"
            + "主题分类 财政\n"
            + "成文日期 2026-08-20\n"
            + "发布日期 2026-08-21\n"
            + "体裁分类 财政预算、决算\n"
            + "发文字号\n"
            + "有效性\n"
            + "打印 纠错\n";
    String body =
        "青川区人民政府关于2025年财政决算(草案)的报告\n"
            + "(在区人大常委会第九次会议上)\n"
            + "一、全区收支决算情况\n"
            + "全区一般公共预算收入完成46.3亿元，同比增长4.1%。其中：税收收入完成31.2亿元，"
            + "占一般公共预算收入67.4%，同比下降2.5%。\n"
            + "全区一般公共预算支出完成80.4亿元，占全区财政总支出的比重为82.0%，增长3.3%。\n";
    IngestedDocument in = page("facts.txt", facts + body);
    assertEquals("GOVERNMENT_FINAL", in.document().kind().name());
    assertEquals("青川区人民政府关于2025年财政决算(草案)的报告", in.document().title());
    // the title is what says so where the text states only one of the level's figures
    IngestedDocument one = page("one.txt", facts + body.substring(0, body.indexOf("其中")));
    assertEquals(
        List.of("GOVERNMENT_FINAL", "青川区人民政府关于2025年财政决算(草案)的报告"),
        List.of(one.document().kind().name(), one.document().title()));
    assertEquals(
        List.of(
            "gov_general_revenue whole current 本年决算 463000.0 46.3亿元 headline",
            "gov_general_revenue_growth whole current 本年决算 4.1% 同比增长4.1% headline",
            "gov_tax_revenue whole current 本年决算 312000.0 31.2亿元 headline",
            "gov_tax_revenue_growth whole current 本年决算 -2.5% 同比下降2.5% headline",
            "gov_general_expenditure whole current 本年决算 804000.0 80.4亿元 headline",
            "gov_general_expenditure_growth whole current 本年决算 3.3% 增长3.3% headline"),
        in.figures().stream().map(GovernmentFiguresTest::line).toList());
    // a share's change in points is no growth of the figure; a completion is no share
    IngestedDocument points =
        page(
            "points.txt",
            facts
                + body.replace("同比下降2.5%", "同比提高1.2个百分点")
                    .replace("占全区财政总支出的比重为82.0%", "占调整预算的98.1%"));
    assertEquals(
        List.of(
            "gov_general_revenue whole current 本年决算 463000.0 46.3亿元 headline",
            "gov_general_revenue_growth whole current 本年决算 4.1% 同比增长4.1% headline",
            "gov_tax_revenue whole current 本年决算 312000.0 31.2亿元 headline",
            "gov_general_expenditure whole current 本年决算 804000.0 80.4亿元 headline",
            "gov_general_expenditure_growth whole current 本年决算 3.3% 增长3.3% headline",
            "gov_general_expenditure_completion whole current 本年决算 98.1% 占调整预算的98.1% headline"),
        points.figures().stream().map(GovernmentFiguresTest::line).toList());
  }

  @Test
  void aPartWhoseNumberWasLostAnAsideAfterTheLabelAndTheTreasurysWholeSpending() throws Exception {
    // a district's budget report in our words (#65, tenth part): 2025年预算执行情况 alone on a line
    // heads the year executed; an aside of words between a label and its amount is passed over; the
    // treasury's whole spending (财政总支出) has the budgets' spending as its parts; ①② number a list
    IngestedDocument in =
        page(
            "part.txt",
            "关于青川区2025年预算执行情况和2026年预算草案的报告\n"
                + "各位代表：\n"
                + "受区人民政府委托，现将全区2025年预算执行情况和2026年预算草案提请审议。\n"
                + "2025年预算执行情况\n"
                + "2025年，我们坚持稳中求进。\n"
                + "一、一般公共预算执行情况\n"
                + "全区一般公共预算收入（含园区征管收入）为46.3亿元，较上年增长4.1%。其中：\n"
                + "①税收收入31.2亿元。\n"
                + "全区财政总支出98.6亿元，其中：一般公共预算支出80.4亿元，同比增支3.3亿元，增长4.3%；"
                + "政府性基金预算支出18.2亿元。\n");
    assertEquals(2026, in.document().year());
    assertEquals(
        List.of(
            "gov_general_revenue whole previous 执行数 463000.0 46.3亿元",
            "gov_general_revenue_growth whole previous 执行数 4.1% 较上年增长4.1%",
            "gov_tax_revenue whole previous 执行数 312000.0 31.2亿元",
            "gov_general_expenditure whole previous 执行数 804000.0 80.4亿元",
            "gov_general_expenditure_growth whole previous 执行数 4.3% 增长4.3%",
            "gov_fund_expenditure whole previous 执行数 182000.0 18.2亿元"),
        in.figures().stream().map(GovernmentFiguresTest::line).toList());
    // a clause adjusting the figure before its label (调整全县…收入为) states the budget as adjusted
    IngestedDocument adjusted =
        page(
            "adjusted.txt",
            "关于仁和县2025年预算执行情况和2026年预算草案的报告\n"
                + "各位代表：\n"
                + "受县人民政府委托，现将全县2025年预算执行情况和2026年预算草案提请审议。\n"
                + "一、2025年预算执行情况\n"
                + "2025年初，县人代会批准全县一般公共预算收入480000万元。"
                + "年中经县人大常委会批准，调整全县一般公共预算收入为509257万元。"
                + "全县一般公共预算收入完成512000万元。\n");
    assertEquals(
        List.of(
            "gov_general_revenue whole previous 年初预算 480000.0 480000万元",
            "gov_general_revenue whole previous 调整预算 509257.0 509257万元",
            "gov_general_revenue whole previous 执行数 512000.0 512000万元"),
        adjusted.figures().stream().map(GovernmentFiguresTest::line).toList());
    // a title naming the place and its own level (南宁市与市本级) names no one level; one naming one
    // level is never the level of a zone's paragraph
    IngestedDocument zone =
        page(
            "zone.txt",
            "关于2025年市本级决算的报告\n"
                + "主任、各位副主任、各位委员：\n"
                + "受市人民政府委托，现将2025年市本级决算情况报告如下。\n"
                + "一、市本级决算情况\n"
                + "2025年，市本级一般公共预算收入120.5亿元。\n"
                + "二、开发区决算情况\n"
                + "一般公共预算支出23.0亿元。\n");
    assertEquals(
        List.of("gov_general_revenue self current 本年决算 1205000.0 120.5亿元"),
        zone.figures().stream().map(GovernmentFiguresTest::line).toList());
  }

  @Test
  void whatTheEleventhPartsReviewFoundIsReadRightOrNotAtAll() throws Exception {
    // a read-only review's texts against the eleventh part's rules (#65): a chain going on into
    // sentences of another item's amounts (乡村振兴, 民生, 卫生健康, a project, 预备费), another budget's
    // (政府性基金预算收入…，收入预算调整为) or a spending in the budget's role; a growth after a share that is
    // the share's, a wider level's or an item's; a debt limit's headroom (限额空间) — each now read
    // right, or left unread
    final String HEAD =
        "关于青川县2025年预算执行情况和2026年预算草案的报告\n各位代表：\n受县人民政府委托，现将青川县2025年预算执行情况和2026年预算草案提请大会审议。\n一、2025年预算执行情况\n";
    Map<String, List<String>> cases = new java.util.LinkedHashMap<>();
    cases.put(
        HEAD + "全县一般公共预算支出年初预算30.5亿元。执行中，为保障重点项目建设，县级统筹整合涉农资金用于乡村振兴，实际完成2.6亿元。",
        List.of("gov_general_expenditure whole previous 年初预算 305000.0 30.5亿元"));
    cases.put(
        HEAD
            + "全县一般公共预算收入年初预算8.5亿元，调整预算为8.3亿元，实际完成8.6亿元。受土地市场低迷影响，政府性基金预算收入大幅减少，经县人大常委会批准，收入预算调整为3.5亿元，实际完成3.2亿元。",
        null);
    cases.put(
        HEAD + "全县一般公共预算支出年初预算30亿元，调整为36亿元。执行中，加大民生投入，教育、卫生健康等重点民生领域，实际完成26.8亿元，占一般公共预算支出的74.4%。",
        List.of(
            "gov_general_expenditure whole previous 年初预算 300000.0 30亿元",
            "gov_general_expenditure whole previous 调整预算 360000.0 36亿元"));
    cases.put(
        HEAD + "全县政府性基金预算收入年初预算6亿元，实际完成7.2亿元。受国有土地使用权出让收入增加影响，支出完成9.8亿元。",
        List.of(
            "gov_fund_revenue whole previous 年初预算 60000.0 6亿元",
            "gov_fund_revenue whole previous 执行数 72000.0 7.2亿元"));
    cases.put(
        HEAD + "全县一般公共预算收入年初预算8.5亿元，实际完成8.6亿元；主要是税收收入增长较快，实际完成5.9亿元，增长6.3%。",
        List.of(
            "gov_general_revenue whole previous 年初预算 85000.0 8.5亿元",
            "gov_general_revenue whole previous 执行数 86000.0 8.6亿元"));
    cases.put(
        HEAD + "全县一般公共预算支出年初预算30亿元，实际完成35.2亿元；受疫情防控影响，卫生健康支出增长较快，实际完成2.8亿元，增长15.2%。",
        List.of(
            "gov_general_expenditure whole previous 年初预算 300000.0 30亿元",
            "gov_general_expenditure whole previous 执行数 352000.0 35.2亿元"));
    cases.put(
        HEAD + "全县政府性基金预算收入年初预算6亿元，实际完成7.2亿元。受土地出让加快影响，县城棚户区改造片区，当年实际完成3.1亿元。",
        List.of(
            "gov_fund_revenue whole previous 年初预算 60000.0 6亿元",
            "gov_fund_revenue whole previous 执行数 72000.0 7.2亿元"));
    cases.put(
        HEAD + "全县一般公共预算支出年初预算30亿元，调整为36亿元。经县政府常务会议审议同意，调整后支出预算中预备费，执行0.3亿元。",
        List.of(
            "gov_general_expenditure whole previous 年初预算 300000.0 30亿元",
            "gov_general_expenditure whole previous 调整预算 360000.0 36亿元"));
    cases.put(
        HEAD + "全县一般公共预算支出年初预算30亿元，调整为36亿元。因2024年一般公共预算支出执行中追加较多，当年实际完成34.1亿元。",
        List.of(
            "gov_general_expenditure whole previous 年初预算 300000.0 30亿元",
            "gov_general_expenditure whole previous 调整预算 360000.0 36亿元",
            "gov_general_expenditure whole previous 执行数 341000.0 34.1亿元"));
    cases.put(
        HEAD + "全县税收收入完成5.8亿元，占一般公共预算收入的比重为67.9%，比重比上年下降2.3%。",
        List.of("gov_tax_revenue whole previous 执行数 58000.0 5.8亿元"));
    cases.put(
        HEAD + "县本级一般公共预算收入完成5.2亿元，占全县一般公共预算收入的60.5%，全县增长3.5%。",
        List.of("gov_general_revenue self previous 执行数 52000.0 5.2亿元"));
    cases.put(
        HEAD + "全县税收收入完成5.8亿元，占一般公共预算收入的67.9%，房地产业受市场下行影响下降15.2%。",
        List.of("gov_tax_revenue whole previous 执行数 58000.0 5.8亿元"));
    cases.put(
        HEAD + "全县一般公共预算收入完成8.6亿元，占全市一般公共预算收入的3.2%，全市增长2.8%；全县一般公共预算支出完成36.2亿元。",
        List.of(
            "gov_general_revenue whole previous 执行数 86000.0 8.6亿元",
            "gov_general_expenditure whole previous 执行数 362000.0 36.2亿元"));
    cases.put(HEAD + "截至2025年底，全县法定债务限额空间仅剩0.9亿元，债务风险总体可控。", List.of());
    int n = 0;
    for (var c : cases.entrySet()) {
      IngestedDocument in = page("eleventh-" + (++n) + ".txt", c.getKey());
      List<String> read =
          in.figures().stream()
              .filter(v -> v.indicator().startsWith("gov_"))
              .map(GovernmentFiguresTest::line)
              .toList();
      // null: another budget's adjustment and its amount done are never the general revenue's
      List<String> expected =
          c.getValue() != null
              ? c.getValue()
              : List.of(
                  "gov_general_revenue whole previous 年初预算 85000.0 8.5亿元",
                  "gov_general_revenue whole previous 调整预算 83000.0 8.3亿元",
                  "gov_general_revenue whole previous 执行数 86000.0 8.6亿元");
      assertEquals(expected, read, c.getKey());
    }
    // a page's facts above news of the congress's session, or above a report's 解读: neither is a
    // government's report, and no figure of one is read
    String facts =
        "索引号：008912345/2025-01234\n发布机构：青川县人民代表大会常务委员会办公室\n发文字号：\n成文日期：2025-09-02\n"
            + "发布日期：2025-09-03\n主题分类：综合政务\n体裁分类：其他\n有效性：有效\n来源：青川县人大\n浏览次数：312\n"
            + "打印 纠错 分享到\n字号：大 中 小\n";
    IngestedDocument news =
        page(
            "news.txt",
            facts
                + "县十八届人大常委会第二十五次会议审议2024年县级决算\n"
                + "9月2日，县十八届人大常委会召开第二十五次会议，听取和审议了县财政局负责人受县人民政府委托所作的关于2024年县级决算的报告。\n"
                + "报告显示，2024年全县一般公共预算收入完成8.1亿元，增长3.2%；全县一般公共预算支出完成35.6亿元。\n");
    IngestedDocument reading =
        page(
            "reading.txt",
            facts
                + "青川县2025年预算执行情况和2026年预算草案的报告解读\n"
                + "一、2025年预算执行情况\n"
                + "2025年，全县一般公共预算收入完成8.6亿元，增长3.5%，全县一般公共预算支出完成36.2亿元。\n");
    for (IngestedDocument d : List.of(news, reading)) {
      assertEquals("OTHER", d.document().kind().name(), d.document().title());
      assertEquals(0, d.figures().stream().filter(v -> v.indicator().startsWith("gov_")).count());
    }
  }

  @Test
  void whatTheTenthPartsReviewFoundIsReadRightOrNotAtAll() throws Exception {
    // a read-only review's texts against the tenth part's rules (#65): a title's level named for
    // its
    // draft only, or beside 全市 in a sentence, or over townships' and a bureau's paragraphs; a
    // second
    // adjustment's starting amount; a bare 本级 beside 全县完成… or 乡镇…; asides that hold transfers, a
    // half year, a level or a budget's stage; a numbered part after an unnumbered one, a topic's
    // line
    // (…资金执行情况); 截至11月底 — each now read right, or left unread
    Map<String, List<String>> cases = new java.util.LinkedHashMap<>();
    cases.put(
        "关于2020年预算执行情况和2021年市本级预算草案的报告"
            + "\n"
            + "各位代表："
            + "\n"
            + "一、2020年预算执行情况"
            + "\n"
            + "2020年，一般公共预算收入完成856000万元，增长3.2%。一般公共预算支出完成1320000万元。市本级一般公共预算收入完成312000万元。"
            + "\n"
            + "二、2021年市本级预算草案"
            + "\n"
            + "市本级一般公共预算收入安排330000万元。",
        List.of(
            "gov_general_revenue self previous 执行数 312000.0 312000万元",
            "gov_general_revenue self current 本年预算 330000.0 330000万元"));
    cases.put(
        "关于2021年县级预算调整方案的报告"
            + "\n"
            + "各位代表："
            + "\n"
            + "受县人民政府委托，现将2021年县级预算调整方案提请审议。"
            + "\n"
            + "一、县级预算调整方案"
            + "\n"
            + "县级一般公共预算收入由85000万元调整为80000万元。"
            + "\n"
            + "二、乡镇预算调整情况"
            + "\n"
            + "受疫情影响，乡镇收支变化较大。一般公共预算支出由21000万元调整为23500万元。"
            + "\n"
            + "三、县教育局预算调整"
            + "\n"
            + "一般公共预算支出由56000万元调增为61000万元。",
        List.of(
            "gov_general_revenue level current 年初预算 85000.0 85000万元",
            "gov_general_revenue level current 调整预算 80000.0 80000万元"));
    cases.put(
        "关于2022年市本级预算执行情况和2023年市本级预算草案的报告"
            + "\n"
            + "各位代表："
            + "\n"
            + "受市人民政府委托，现将预算执行情况和预算草案提请大会审议。"
            + "\n"
            + "一、2022年预算执行情况"
            + "\n"
            + "市本级一般公共预算收入完成520000万元。"
            + "\n"
            + "从全市看，经济持续恢复，一般公共预算收入完成1860000万元，增长5.1%。",
        List.of("gov_general_revenue self previous 执行数 520000.0 520000万元"));
    cases.put(
        "关于2020年区级预算调整方案的报告"
            + "\n"
            + "各位代表："
            + "\n"
            + "受区人民政府委托，现将2020年区级预算调整方案提请审议。"
            + "\n"
            + "一、预算调整的原因"
            + "\n"
            + "受疫情影响，区级一般公共预算收入短收较多。今年8月，区人大常委会已批准第一次预算调整，区级一般公共预算支出调整为530000万元。"
            + "\n"
            + "二、预算调整方案"
            + "\n"
            + "本次为第二次调整，一般公共预算支出由530000万元调整为556000万元，增加26000万元。",
        List.of(
            "gov_general_expenditure level current 调整预算 530000.0 530000万元",
            "gov_general_expenditure level current 调整预算 556000.0 556000万元"));
    cases.put(
        "关于2021年预算执行情况和2022年预算草案的报告"
            + "\n"
            + "各位代表："
            + "\n"
            + "受县人民政府委托，现将预算执行情况和预算草案提请大会审议。"
            + "\n"
            + "一、2021年预算执行情况"
            + "\n"
            + "2021年，全县完成一般公共预算收入96000万元，增长6.1%。其中，本级一般公共预算收入61000万元，乡镇一般公共预算收入35000万元。",
        List.of(
            "gov_general_revenue whole previous 执行数 96000.0 96000万元",
            "gov_general_revenue_growth whole previous 执行数 6.1% 增长6.1%",
            "gov_general_revenue self previous 执行数 61000.0 61000万元"));
    cases.put(
        "关于2021年预算执行情况和2022年预算草案的报告"
            + "\n"
            + "各位代表："
            + "\n"
            + "受县人民政府委托，现将预算执行情况和预算草案提请大会审议。"
            + "\n"
            + "一、2021年预算执行情况"
            + "\n"
            + "2021年，全市实现一般公共预算收入1860000万元，增长7.5%。本级一般公共预算收入完成520000万元，增长5.2%。本级一般公共预算支出完成910000万元。",
        List.of(
            "gov_general_revenue whole previous 执行数 1860000.0 1860000万元",
            "gov_general_revenue_growth whole previous 执行数 7.5% 增长7.5%",
            "gov_general_revenue self previous 执行数 520000.0 520000万元",
            "gov_general_revenue_growth self previous 执行数 5.2% 增长5.2%",
            "gov_general_expenditure self previous 执行数 910000.0 910000万元"));
    cases.put(
        "关于2021年预算执行情况和2022年预算草案的报告"
            + "\n"
            + "各位代表："
            + "\n"
            + "受市人民政府委托，现将预算执行情况和预算草案提请大会审议。"
            + "\n"
            + "一、2021年预算执行情况"
            + "\n"
            + "2021年，全市一般公共预算收入（含上级补助收入）2860000万元，全市一般公共预算支出3120000万元。全市一般公共预算收入1860000万元。市级一般公共预算收入500000万元。",
        List.of(
            "gov_general_expenditure whole previous 执行数 3120000.0 3120000万元",
            "gov_general_revenue whole previous 执行数 1860000.0 1860000万元",
            "gov_general_revenue level previous 执行数 500000.0 500000万元"));
    cases.put(
        "关于2021年预算执行情况和2022年预算草案的报告"
            + "\n"
            + "各位代表："
            + "\n"
            + "受市人民政府委托，现将预算执行情况和预算草案提请大会审议。"
            + "\n"
            + "一、2021年预算执行情况"
            + "\n"
            + "全市一般公共预算收入（上半年）920000万元，全年一般公共预算收入1860000万元，增长7.5%。市级一般公共预算收入500000万元。",
        List.of("gov_general_revenue level previous 执行数 500000.0 500000万元"));
    cases.put(
        "关于2021年预算执行情况和2022年预算草案的报告"
            + "\n"
            + "各位代表："
            + "\n"
            + "受市人民政府委托，现将预算执行情况和预算草案提请大会审议。"
            + "\n"
            + "一、2021年预算执行情况"
            + "\n"
            + "2021年，全市一般公共预算收入1860000万元。一般公共预算收入（市本级）520000万元，增长5.2%。市级一般公共预算支出780000万元。",
        List.of(
            "gov_general_revenue whole previous 执行数 1860000.0 1860000万元",
            "gov_general_expenditure level previous 执行数 780000.0 780000万元"));
    cases.put(
        "关于2021年预算执行情况和2022年预算草案的报告"
            + "\n"
            + "各位代表："
            + "\n"
            + "受市人民政府委托，现将预算执行情况和预算草案提请大会审议。"
            + "\n"
            + "一、2021年预算执行情况"
            + "\n"
            + "全市一般公共预算收入（年初预算）1800000万元，实际完成1860000万元。全市一般公共预算支出（调整预算）3200000万元。市级一般公共预算收入500000万元。",
        List.of("gov_general_revenue level previous 执行数 500000.0 500000万元"));
    cases.put(
        "关于2022年预算执行情况和2023年预算草案的报告"
            + "\n"
            + "各位代表："
            + "\n"
            + "受市人民政府委托，现将预算执行情况和预算草案提请大会审议。"
            + "\n"
            + "2022年预算执行情况"
            + "\n"
            + "全市一般公共预算收入完成1860000万元，增长5.1%。市级一般公共预算收入完成520000万元。"
            + "\n"
            + "二、2023年全市收支预算"
            + "\n"
            + "全市一般公共预算收入安排1950000万元。"
            + "\n"
            + "三、主要收支预算"
            + "\n"
            + "全市一般公共预算支出安排3300000万元。市级一般公共预算支出安排900000万元。",
        List.of(
            "gov_general_revenue whole previous 执行数 1860000.0 1860000万元",
            "gov_general_revenue_growth whole previous 执行数 5.1% 增长5.1%",
            "gov_general_revenue level previous 执行数 520000.0 520000万元",
            "gov_general_revenue whole current 本年预算 1950000.0 1950000万元 headline",
            "gov_general_expenditure whole current 本年预算 3300000.0 3300000万元 headline",
            "gov_general_expenditure level current 本年预算 900000.0 900000万元"));
    cases.put(
        "关于2021年预算执行情况和2022年预算草案的报告"
            + "\n"
            + "各位代表："
            + "\n"
            + "受县人民政府委托，现将预算执行情况和预算草案提请大会审议。"
            + "\n"
            + "一、2021年预算执行情况"
            + "\n"
            + "全县一般公共预算支出完成420000万元。县级一般公共预算支出完成300000万元。截至11月底，全县财政总支出480000万元，其中：一般公共预算支出365000万元；政府性基金预算支出115000万元。",
        List.of(
            "gov_general_expenditure whole previous 执行数 420000.0 420000万元",
            "gov_general_expenditure level previous 执行数 300000.0 300000万元"));
    cases.put(
        "关于2022年预算执行情况和2023年预算草案的报告"
            + "\n"
            + "各位代表："
            + "\n"
            + "受市人民政府委托，现将预算执行情况和预算草案提请大会审议。"
            + "\n"
            + "一、预算执行情况"
            + "\n"
            + "全市一般公共预算收入完成1860000万元。市级一般公共预算收入完成520000万元。"
            + "\n"
            + "2021年结转中央直达资金执行情况"
            + "\n"
            + "结转资金已全部支出完毕。"
            + "\n"
            + "一般公共预算支出完成3150000万元，增长4.2%。市级一般公共预算支出完成880000万元。",
        List.of(
            "gov_general_revenue whole previous 执行数 1860000.0 1860000万元",
            "gov_general_revenue level previous 执行数 520000.0 520000万元",
            "gov_general_expenditure level previous 执行数 880000.0 880000万元"));
    int n = 0;
    for (var c : cases.entrySet()) {
      IngestedDocument in = page("review-" + (++n) + ".txt", c.getKey());
      assertEquals(
          c.getValue(),
          in.figures().stream()
              .filter(v -> v.indicator().startsWith("gov_"))
              .map(GovernmentFiguresTest::line)
              .toList(),
          c.getKey());
    }
  }

  @Test
  void ratesSaidInOtherWordsAndAfterAChangesAmount() throws Exception {
    // a district's final account in our words (#65, ninth part): 区 alone before a budget is the
    // district itself; a completion names its budget in a few words (为年度预算的, 完成调整后支出预算的); a
    // growth follows the change's own amount (比上年减少2.1亿元，下降3.6%) or a completion naming its
    // budget's amount (…的103.0%，同比减3.1亿元，减幅7.0%); 累计 is a word of stating; a budget's amount
    // named in a completion is read for a figure with no rates of its own (政府性基金预算收入)
    IngestedDocument in =
        page(
            "yunling.txt",
            "关于云岭区2025年财政决算的报告\n"
                + "——2026年7月16日在云岭区第三届人民代表大会常务委员会第九次会议上\n"
                + "主任、各位副主任、各位委员：\n"
                + "受区人民政府委托，现将2025年财政决算情况报告如下，请予审议。\n"
                + "一、一般公共预算\n"
                + "2025年，区一般公共预算收入56.4亿元，为年度预算的101.3%，比上年减少2.1亿元，下降3.6%。\n"
                + "全区累计完成一般公共预算支出88.2亿元，完成调整后支出预算的97.5%。\n"
                + "税收收入41.2亿元，完成年初预算40.0亿元的103.0%，同比减3.1亿元，减幅7.0%。\n"
                + "二、政府性基金预算\n"
                + "政府性基金预算收入12.6亿元，完成预算15.0亿元的84.0%。\n");
    assertEquals(ReportKind.GOVERNMENT_FINAL, in.document().kind());
    assertEquals(
        List.of(
            "gov_general_revenue whole current 本年决算 564000.0 56.4亿元 headline",
            "gov_general_revenue_growth whole current 本年决算 -3.6% 下降3.6% headline",
            "gov_general_revenue_completion whole current 本年决算 101.3% 为年度预算的101.3% headline",
            "gov_general_expenditure whole current 本年决算 882000.0 88.2亿元 headline",
            "gov_general_expenditure_completion whole current 本年决算 97.5% 完成调整后支出预算的97.5% headline",
            "gov_tax_revenue whole current 本年决算 412000.0 41.2亿元 headline",
            "gov_tax_revenue whole current 年初预算 400000.0 40.0亿元",
            "gov_tax_revenue_completion whole current 本年决算 103.0% 完成年初预算40.0亿元的103.0% headline",
            "gov_tax_revenue_growth whole current 本年决算 -7.0% 减幅7.0% headline",
            "gov_fund_revenue whole current 本年决算 126000.0 12.6亿元 headline",
            "gov_fund_revenue whole current 年初预算 150000.0 15.0亿元"),
        in.figures().stream().map(GovernmentFiguresTest::line).toList());
    // a completion of the other side's budget is not the figure's (收入 … 完成支出预算的)
    IngestedDocument other =
        page(
            "other-side.txt",
            "关于云岭区2025年财政决算的报告\n受区人民政府委托，现将2025年财政决算情况报告如下。\n"
                + "2025年，区一般公共预算收入56.4亿元，完成调整后支出预算的97.5%。\n");
    assertEquals(
        List.of("gov_general_revenue whole current 本年决算 564000.0 56.4亿元 headline"),
        other.figures().stream().map(GovernmentFiguresTest::line).toList());
  }

  @Test
  void aReportWithoutItsTitleBlockIsKnownByWhatItSaysOfItself() throws Exception {
    // the page opens with the speech: the report names itself in its sentence to the congress
    IngestedDocument said =
        page(
            "speech.txt",
            "主任、各位副主任、各位委员：\n"
                + "我受区人民政府的委托，向区人大常委会会议作关于2025年区本级决算和2026年上半年预算执行情况的报告。\n"
                + "2025年，区本级一般公共预算收入完成40.2亿元，增长2.5%；区本级一般公共预算支出完成61.7亿元。\n");
    assertEquals(ReportKind.GOVERNMENT_FINAL, said.document().kind());
    assertEquals(2025, said.document().year());
    assertEquals("关于2025年区本级决算和2026年上半年预算执行情况的报告", said.document().title());
    assertEquals(
        List.of(
            "gov_general_revenue self current 本年决算 402000.0 40.2亿元",
            "gov_general_revenue_growth self current 本年决算 2.5% 增长2.5%",
            "gov_general_expenditure self current 本年决算 617000.0 61.7亿元"),
        said.figures().stream().map(GovernmentFiguresTest::line).toList());
    // a plan to adjust the budget, under a page's table of its own facts: its title is the plan's,
    // its sentences naming no year are the plan's year — an amount expected done (预计可完成) is
    // unread, the approved budget is the initial one, what it adjusts to the adjusted one
    IngestedDocument plan =
        page(
            "plan.txt",
            "索引号: | 6200000/2025-00007 | 发布机构: | |\n"
                + "文 号: | 所属主题: | 财政预决算 |\n"
                + "泽原县2025年财政收支预算调整情况\n"
                + "泽原县人民政府\n"
                + "关于调整全县2025年财政支出预算的报告\n"
                + "经县第五届人民代表大会第二次会议审议批准，全县一般公共预算支出预算为250,000万元。"
                + "预算执行中，一般公共预算收入预计可完成40,000万元。现将全县一般公共预算支出调整为268,000万元。\n");
    assertEquals(ReportKind.GOVERNMENT_BUDGET, plan.document().kind());
    assertEquals(2025, plan.document().year());
    assertEquals("泽原县2025年财政收支预算调整情况", plan.document().title());
    assertEquals(
        List.of(
            "gov_general_expenditure whole current 年初预算 250000.0 250000万元",
            "gov_general_expenditure whole current 调整预算 268000.0 268000万元"),
        plan.figures().stream().map(GovernmentFiguresTest::line).toList());
    // no title at all: a bare 本级's revenue and words only a government's budget balances
    // (债务还本支出, 预算稳定调节基金) make it a government's report; the year it executed named, its draft
    // is the next year's; a bare 本级 in a report naming no other level is the government's own
    // revenue (against the transfers it receives), the whole government's figure
    IngestedDocument balance =
        page(
            "balance.txt",
            "一、2025年预算执行情况及工作完成情况\n"
                + "1.一般公共预算执行情况\n"
                + "本级一般公共预算收入完成56,000万元，同比增长7.5%。其中：税收收入完成38,000万元，非税收入完成18,000万元。\n"
                + "上级转移支付收入139,000万元，地方政府债务转贷收入22,000万元，债务还本支出9,000万元，安排预算稳定调节基金3,000万元。\n");
    assertEquals(ReportKind.GOVERNMENT_BUDGET, balance.document().kind());
    assertEquals(2026, balance.document().year());
    assertEquals(
        List.of(
            "gov_general_revenue whole previous 执行数 56000.0 56000万元",
            "gov_general_revenue_growth whole previous 执行数 7.5% 同比增长7.5%",
            "gov_tax_revenue whole previous 执行数 38000.0 38000万元",
            "gov_nontax_revenue whole previous 执行数 18000.0 18000万元"),
        balance.figures().stream().map(GovernmentFiguresTest::line).toList());
    // no title, an account of a year and no draft (收支决算情况): its final account
    IngestedDocument account =
        page(
            "account.txt",
            "一、财政收支完成情况\n"
                + "2025年，全县大口径财政收入累计完成67,900万元。其中：一般公共预算收入42,100万元，完成预算49,500万元的85.1%，"
                + "短收7,400万元，同比下降10.2%。\n"
                + "二、公共财政预算收支决算情况\n"
                + "根据现行财政管理体制汇算，2025年全县公共财政预算收入42,100万元，加上级补助收入387,600万元、"
                + "地方政府一般债券转贷收入13,000万元，上解上级支出6,400万元，债务还本支出8,200万元。\n");
    assertEquals(ReportKind.GOVERNMENT_FINAL, account.document().kind());
    assertEquals(2025, account.document().year());
    assertEquals(
        List.of(
            "gov_general_revenue whole current 本年决算 42100.0 42100万元 headline",
            "gov_general_revenue whole current 年初预算 49500.0 49500万元",
            "gov_general_revenue_completion whole current 本年决算 85.1% 完成预算49,500万元的85.1% headline",
            "gov_general_revenue_growth whole current 本年决算 -10.2% 同比下降10.2% headline",
            "gov_general_revenue whole current 本年决算 42100.0 42100万元"),
        account.figures().stream().map(GovernmentFiguresTest::line).toList());
    // a title naming only the year executed (一、2025年预算执行情况) dates the report the year after
    IngestedDocument executed =
        page(
            "executed.txt",
            "一、2025年预算执行情况\n" + "受县人民政府委托，向县人民代表大会报告。\n" + "2025年，全县一般公共预算收入完成31.2亿元，增长4.0%。\n");
    assertEquals(ReportKind.GOVERNMENT_BUDGET, executed.document().kind());
    assertEquals(2026, executed.document().year());
    assertEquals(
        List.of(
            "gov_general_revenue whole previous 执行数 312000.0 31.2亿元",
            "gov_general_revenue_growth whole previous 执行数 4.0% 增长4.0%"),
        executed.figures().stream().map(GovernmentFiguresTest::line).toList());
  }

  @Test
  void whatIsNoGovernmentsBudgetReportAndAnotherItemsRateAreNotRead() throws Exception {
    // texts a read-only review wrote against this part's first version, each of which it filed or
    // read falsely: an audit of the budget, a zone's bureau's work summary, a department's own
    // execution report to the congress — none a government's report, none with its figures
    for (String[] t :
        List.of(
            new String[] {
              "audit.txt",
              "关于2023年度市级预算执行和其他财政收支的审计工作报告\n"
                  + "——2024年8月27日在市人民代表大会常务委员会会议上\n"
                  + "主任、各位副主任、各位委员：\n"
                  + "受市人民政府委托，现将2023年度市级预算执行和其他财政收支的审计情况报告如下。\n"
                  + "2023年，市级一般公共预算收入128.5亿元，市级一般公共预算支出245.3亿元。\n"
                  + "审计发现：部分税收收入未及时缴库，涉及1.2亿元；预算稳定调节基金补充不规范，涉及3.5亿元。\n"
            },
            new String[] {
              "zone.txt",
              "某某市高新区财政局2024年工作总结和2025年工作计划\n"
                  + "一、2024年工作完成情况\n"
                  + "2024年，本级一般公共预算收入完成12.3亿元，同比增长4.1%，其中税收收入9.8亿元；"
                  + "上解上级支出2.1亿元，债务还本支出0.5亿元。\n"
            },
            new String[] {
              "bureau.txt",
              "市教育局2023年度部门预算执行情况报告\n"
                  + "——2024年6月25日在市人民代表大会常务委员会会议上\n"
                  + "主任、各位副主任、各位委员：\n"
                  + "受市人民政府委托，现将我局2023年度预算执行情况报告如下。\n"
                  + "2023年，一般公共预算收入完成0.3亿元，一般公共预算支出完成3.2亿元，完成调整预算的97.0%。\n"
            })) {
      IngestedDocument in = page(t[0], t[1]);
      assertEquals(false, in.document().kind().government(), t[0] + " " + in.document().kind());
      assertEquals(
          List.of(),
          in.figures().stream().filter(v -> v.indicator().startsWith("gov_")).toList(),
          t[0]);
    }
    // a year-end report on the year's execution keeps its year: its months and its forecast
    // (预计…完成) are not the year done
    IngestedDocument yearEnd =
        page(
            "year-end.txt",
            "关于2024年预算执行情况的报告\n"
                + "——2024年12月20日在县人民代表大会常务委员会会议上\n"
                + "主任、各位副主任、各位委员：\n"
                + "受县人民政府委托，现将2024年预算执行情况报告如下。\n"
                + "一、1—11月预算执行情况\n"
                + "1—11月，全县一般公共预算收入完成7.6亿元，同比增长3.1%。\n"
                + "二、全年预算执行预计\n"
                + "预计2024年，全县一般公共预算收入完成8.3亿元，增长3.5%。\n");
    assertEquals(ReportKind.GOVERNMENT_BUDGET, yearEnd.document().kind());
    assertEquals(2024, yearEnd.document().year());
    assertEquals(List.of(), yearEnd.figures());
    // rates of another item, or a share of the total, are not the figure's: a growth after a
    // clause naming something else (…，主要是增值税…减收0.6亿元，下降25.0%), 民生支出增幅, 占一般公共预算收入…的
    IngestedDocument rates =
        page(
            "rates.txt",
            "关于青禾县2024年财政决算的报告\n"
                + "受县人民政府委托，现将2024年全县财政决算情况报告如下，请予审议。\n"
                + "全县一般公共预算收入完成8.2亿元，完成调整预算的96.5%，主要是增值税留抵退税减收0.6亿元，下降25.0%。\n"
                + "税收收入5.6亿元，占一般公共预算收入8.2亿元的68.3%。\n"
                + "全县一般公共预算支出25.3亿元，完成调整预算的93.1%，民生支出增幅8.2%。\n");
    assertEquals(
        List.of(
            "gov_general_revenue whole current 本年决算 82000.0 8.2亿元 headline",
            "gov_general_revenue_completion whole current 本年决算 96.5% 完成调整预算的96.5% headline",
            "gov_tax_revenue whole current 本年决算 56000.0 5.6亿元 headline",
            "gov_general_expenditure whole current 本年决算 253000.0 25.3亿元 headline",
            "gov_general_expenditure_completion whole current 本年决算 93.1% 完成调整预算的93.1% headline"),
        rates.figures().stream().map(GovernmentFiguresTest::line).toList());
  }

  @Test
  void aGrowthAfterLastYearsAmountAListUnderItsLeadInAndAPackagesContents() throws Exception {
    // a county's budget report in our words (#65, twelfth part): the growth after a comparison
    // naming last year's amount (较上年38800万元增长6.3%) is the figure's; the items listed under a
    // lead-in naming the revenue and its level (…具体完成情况是：⏎——税收收入…) are its parts, in its level
    String head =
        "关于甲县2023年预算执行情况和2024年预算草案的报告\n"
            + "各位代表：\n"
            + "受县人民政府委托，现将全县2023年预算执行情况和2024年预算草案提请审议。\n"
            + "一、2023年预算执行情况\n";
    IngestedDocument in =
        page(
            "lead.txt",
            head
                + "全年县级一般公共预算收入41250万元，完成预算数40100万元的102.9%，较上年38800万元增长6.3%，"
                + "加上上划收入20000万元，全县财政总收入61250万元。县级一般公共预算收入具体完成情况是：\n"
                + "——税收收入25310万元，增长8.1%；\n"
                + "——非税收入15940万元，增长3.5%。\n"
                + "县级一般公共预算支出402100万元，较2021年350000万元增长14.9%。\n"
                + "一般公共预算支出主要项目完成情况是：\n"
                + "——教育支出61000万元，增长2.1%。\n");
    assertEquals(
        List.of(
            "gov_general_revenue level previous 执行数 41250.0 41250万元",
            "gov_general_revenue level previous 年初预算 40100.0 40100万元",
            "gov_general_revenue_completion level previous 执行数 102.9% 完成预算数40100万元的102.9%",
            "gov_general_revenue_growth level previous 执行数 6.3% 较上年38800万元增长6.3%",
            "gov_tax_revenue level previous 执行数 25310.0 25310万元",
            "gov_tax_revenue_growth level previous 执行数 8.1% 增长8.1%",
            "gov_nontax_revenue level previous 执行数 15940.0 15940万元",
            // compared with 2021, not the year before 2023: no growth of the year
            "gov_general_expenditure level previous 执行数 402100.0 402100万元"),
        in.figures().stream().map(GovernmentFiguresTest::line).toList());
    // a package's contents (目录, its tables one a line: 3、一般公共预算本级支出预算表) name tables, not a
    // level its words tell apart; the package is a government's by the tables only a government
    // has (对下税收返还和转移支付, 债务限额): its figures with no level are the county's
    IngestedDocument pack =
        page(
            "package.txt",
            "2024年政府预算公开\n目 录\n第一部分 预算报告\n第二部分 预算草案\n"
                + "1、一般公共预算收入预算表\n2、一般公共预算本级支出预算表\n"
                + "3、一般公共预算对下税收返还和转移支付预算分项目表\n4、地方政府一般债务和专项债务限额和余额情况表\n"
                + "第一部分 预算报告\n一、预算编制指导思想\n根据县委、县政府的工作部署，编制2024年全县财政预算。\n"
                + "二、一般公共预算收支安排情况\n1.收入安排情况\n"
                + "（1）地方一般公共预算收入98000万元，较上年增加5000万元，增长5.4%，其中税收收入70000万元。\n");
    assertEquals(ReportKind.GOVERNMENT_BUDGET, pack.document().kind());
    assertEquals(2024, pack.document().year());
    assertEquals(
        List.of(
            "gov_general_revenue whole current 本年预算 98000.0 98000万元 headline",
            "gov_general_revenue_growth whole current 本年预算 5.4% 增长5.4% headline",
            "gov_tax_revenue whole current 本年预算 70000.0 70000万元 headline"),
        pack.figures().stream().map(GovernmentFiguresTest::line).toList());
  }

  @Test
  void aBare本级InAHeadingOfAReportTellingNoLevelApartIsTheWhole() throws Exception {
    // 本级 said only in a heading (一、2023年本级收支决算情况), in a report naming no narrower level of its
    // money: the government's own budget against what it receives, as a bare 本级 before a label is
    IngestedDocument in =
        page(
            "bare.txt",
            "关于己县2023年财政决算的报告\n主任、各位副主任、各位委员：\n"
                + "受县人民政府委托，现将全县2023年财政决算情况报告如下，请予审议。\n"
                + "一、2023年本级收支决算情况\n"
                + "一般公共预算收入完成8.2亿元，增长4.6%。加上级补助收入20.1亿元，收入总计29.5亿元。\n");
    assertEquals(
        List.of(
            "gov_general_revenue whole current 本年决算 82000.0 8.2亿元 headline",
            "gov_general_revenue_growth whole current 本年决算 4.6% 增长4.6% headline"),
        in.figures().stream().map(GovernmentFiguresTest::line).toList());
  }

  @Test
  void whatTheTwelfthPartsReviewFoundIsReadRightOrNotAtAll() throws Exception {
    // a read-only review's texts against the twelfth part's rules (#65), in our words: a list under
    // a
    // lead-in of another year, a plan, an adjustment or a spending; an item that is no part of the
    // revenue; a growth against another year than the one before; a table's name naming 市本级
    final String HEAD = "关于甲县2023年预算执行情况和2024年预算草案的报告\n各位代表：\n受县人民政府委托，现将报告如下。\n一、2023年预算执行情况\n";
    Map<String, List<String>> cases = new java.util.LinkedHashMap<>();
    cases.put(HEAD + "2024年县级一般公共预算收入安排是：\n——税收收入27000万元，增长6.7%。\n", List.of());
    cases.put(HEAD + "县级一般公共预算收入预算调整情况是：\n——税收收入调整为24000万元。\n", List.of());
    cases.put(HEAD + "县级一般公共预算支出主要用于：\n——税收收入返还1000万元。\n", List.of());
    cases.put(
        HEAD + "县级一般公共预算收入完成情况是：\n——税收收入25310万元，比2021年增长8.1%。\n· 一般公共预算支出150000万元。\n",
        List.of("gov_tax_revenue level previous 执行数 25310.0 25310万元"));
    cases.put(
        "关于乙市2023年预算执行情况和2024年预算草案的报告\n各位代表：\n受市人民政府委托，现将报告如下。\n"
            + "附表：\n1、2024年市本级一般公共预算收入预算表\n一、2023年预算执行情况\n"
            + "一般公共预算收入120000万元，加下级上解收入15000万元。\n",
        List.of());
    for (Map.Entry<String, List<String>> c : cases.entrySet()) {
      IngestedDocument in = page("review12.txt", c.getKey());
      assertEquals(
          c.getValue(),
          in.figures().stream()
              .map(GovernmentFiguresTest::line)
              .filter(l -> !l.startsWith("gov_general_revenue level"))
              .toList(),
          c.getKey());
    }
  }

  static String line(IndicatorValue v) {
    return v.indicator()
        + " "
        + v.scope().whose().name().toLowerCase(java.util.Locale.ROOT)
        + " "
        + v.scope().period().name().toLowerCase(java.util.Locale.ROOT)
        + " "
        + v.role().label()
        + " "
        + (v.valueWan() != null
            ? v.valueWan()
            : v.unit().equals("%") ? v.value() + "%" : v.value() + v.unit())
        + " "
        + v.asWritten()
        + (v.sourceKind() == org.gongkai.model.SourceKind.TABLE ? " table" : "")
        + (v.verified() ? " verified" : "")
        + (v.headline() ? " headline" : "")
        + (v.candidate() ? " candidate" : "");
  }
}
