package org.gongkai.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.gongkai.model.ReportKind;
import org.junit.jupiter.api.Test;

/**
 * A government's own budget report is told by its title block and its opening (#65); a department's
 * report, a notice about the budget or a title with no opening to confirm it is not. Openings
 * written for this test.
 */
class GovernmentReportsTest {

  private static final String CONGRESS = "\n——2026年1月8日在某市第九届人民代表大会第三次会议上\n各位代表：\n受市人民政府委托，现将报告如下。";

  @Test
  void anExecutionAndDraftReportSpeaksOfTwoYearsAndIsFiledUnderItsDraft() {
    var r =
        GovernmentReports.recognise(
            "市十四届人大四次会议文件(15)\n关于宜宾市及市本级 2025 年预算执行情况\n和 2026 年预算草案的报告" + CONGRESS);
    assertEquals("关于宜宾市及市本级2025年预算执行情况和2026年预算草案的报告", r.title());
    assertEquals(ReportKind.GOVERNMENT_BUDGET, r.kind());
    assertEquals(2026, r.year());
    assertEquals(List.of(2025, 2026), r.years());
    assertEquals("宜宾市", r.place());
  }

  @Test
  void aFinalAccountWithAHalfYearsExecutionIsFiledUnderItsYear() {
    var r =
        GovernmentReports.recognise(
            "泸州市人民政府关于2024年市级决算\n和2025年上半年预算执行情况的报告\n市人大常委会：\n受市人民政府委托，现报告如下。");
    assertEquals("泸州市人民政府关于2024年市级决算和2025年上半年预算执行情况的报告", r.title());
    assertEquals(ReportKind.GOVERNMENT_FINAL, r.kind());
    assertEquals(2024, r.year());
    assertEquals(List.of(2024), r.years());
    assertEquals("泸州市", r.place());
  }

  @Test
  void theGovernmentAboveItsTitleJoinsIt() {
    var r =
        GovernmentReports.recognise("达州市人民政府\n关于 2023 年达州市本级决算的报告\n——2024年9月在达州市人民代表大会常务委员会会议上");
    assertEquals("达州市人民政府关于2023年达州市本级决算的报告", r.title());
    assertEquals(ReportKind.GOVERNMENT_FINAL, r.kind());
    assertEquals("达州市", r.place());
  }

  @Test
  void aTablePackageStatingALevelsRevenueIsOne() {
    var r =
        GovernmentReports.recognise("南充市2024年市级决算\n南充市财政局\n目录\n表一 南充市2024年市级一般公共预算收入决算情况表 ……（1）");
    assertEquals(ReportKind.GOVERNMENT_FINAL, r.kind());
    assertEquals(2024, r.year());
    assertEquals("南充市", r.place());
  }

  @Test
  void aTitleNamingNoPlaceLeavesThePlaceToTheRegion() {
    var r =
        GovernmentReports.recognise(
            "关于 2023 年全市和市本级决算草案与\n2024 年 1-6 月全市和市本级预算执行情况的\n报告" + CONGRESS);
    assertEquals(ReportKind.GOVERNMENT_FINAL, r.kind());
    assertEquals(2023, r.year());
    assertNull(r.place());
  }

  @Test
  void aGovernmentsReportOnItsAccountsOrItsPublishedAccountsIsOne() {
    var r = GovernmentReports.recognise("某某区人民政府关于2024年决算（草案）的报告\n区人大常委会：\n受区人民政府委托，现报告如下。");
    assertEquals(ReportKind.GOVERNMENT_FINAL, r.kind());
    assertEquals(2024, r.year());
    var published = GovernmentReports.recognise("某县2024年政府决算公开\n一、全县一般公共预算收入 10,948 万元，增长 4%。");
    assertEquals(ReportKind.GOVERNMENT_FINAL, published.kind());
  }

  @Test
  void aContentsEntryIsNoTitleAndAGovernmentsTablesConfirmItsPackage() {
    // 1、2023年全县一般公共预算收支执行情况表: a table the contents list, not the report's title
    var r =
        GovernmentReports.recognise(
            "目录\n1、2023年全县一般公共预算收支执行情况表\n2、2024年全县一般公共预算收支预算表\n"
                + "关于丁县2023年预算执行情况和2024年预算草案的报告\n各位代表：\n受县人民政府委托，现将报告如下。");
    assertEquals(ReportKind.GOVERNMENT_BUDGET, r.kind());
    assertEquals(2024, r.year());
    // a package whose contents list what only a government's budget has
    var pack = GovernmentReports.recognise("2024年政府预算公开\n目 录\n1、一般公共预算收入预算表\n2、一般公共预算对下转移支付预算表\n");
    assertEquals(ReportKind.GOVERNMENT_BUDGET, pack.kind());
    // a department's package lists none of them
    assertNull(GovernmentReports.recognise("2024年政府预算公开\n目 录\n1、收支总表\n2、项目支出表\n"));
  }

  @Test
  void aHeadlineStatingAFigureIsNoTitle() {
    assertNull(GovernmentReports.recognise("2025年全市一般公共预算总收入637.58亿元\n在市人民代表大会上，市财政局局长作了报告。"));
  }

  @Test
  void departmentsReportsAndNoticesAreNot() {
    for (String opening :
        List.of(
            // a department's own budget, final account, or its 本级's
            "某市财政局2026年部门预算" + CONGRESS,
            "某市财政局2025年度部门决算" + CONGRESS,
            "某市交通运输局(本级)2026年单位预算" + CONGRESS,
            // a notice, a reading of the budget
            "关于做好2026年预算执行情况报告编报工作的通知\n各区财政局：\n受市人民政府委托",
            "图解：某市2025年预算执行情况和2026年预算草案的报告解读" + CONGRESS,
            // a title alone, with nothing of a congress or a level's revenue after it
            "关于某市2025年预算执行情况和2026年预算草案的报告\n点击下载附件")) {
      assertNull(GovernmentReports.recognise(opening), opening);
    }
  }
}
