package org.gongkai.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A row's total against its kinds of spending, told by the header (#63): 合计 = 人员经费 + 公用经费 + 项目支出 on
 * a summary table's spending side, 基本支出 = 人员经费 + 日常公用支出, a “三公” total = 因公出国 + 公务用车 + 公务接待 and the
 * vehicles' 小计 = 购置费 + 运行维护费; a table's short rows read where their cells stand, and a sum that one
 * of them read in the last column makes hold is no error; an item whose cells are all blank keeps
 * the summary table whole.
 */
class RowSumsTest {

  static final Path REPORT = Path.of("src/test/resources/fixtures/checks/survey-2026-budget.txt");

  @TempDir Path dir;

  private List<String> flags(String... replace) throws Exception {
    return ChecksTest.flagsIn(dir, REPORT, replace);
  }

  @Test
  void theReportAsWrittenAddsUp() throws Exception {
    // the 住房公积金 row's 50.00 stands under 基本支出 where the PDF lost its blank: read in the last
    // column, the 项目支出 adds up, so nothing is said
    assertEquals(List.of(), flags());
  }

  @Test
  void aSpendingRowOfTheSummaryTableOffItsKindsIsFlagged() throws Exception {
    assertEquals(
        List.of(
            "table_sum ERROR [财务收支预算总表, 二、社会保障和就业支出（预算数合计 = 基本支出人员经费 + 公用经费 + 项目支出） 180"
                + " ≠ 160, 0, 二、社会保障和就业支出（预算数合计 = 基本支出人员经费 + 公用经费 + 项目支出） 180 ≠ 160]"
                + " evidence[一、一般公共服务支出（预算数合计 = 基本支出人员经费 + 公用经费 + 项目支出） 900 = 900,"
                + " 三、住房保障支出（预算数合计 = 基本支出人员经费 + 公用经费 + 项目支出） 120 = 120,"
                + " 支出总计（预算数合计 = 基本支出人员经费 + 公用经费 + 项目支出） 1200 = 1200]"
                + " «1、一般公共预算 1,000.00 二、社会保障和就业支出 180.00 130.00 30.00»"),
        flags("180.00\t150.00\t30.00", "180.00\t130.00\t30.00"));
  }

  @Test
  void aColumnsTotalOffItsSubjectsIsFlaggedThroughShortRows() throws Exception {
    assertEquals(
        List.of(
            "table_sum ERROR [一般公共预算支出功能分类预算表, 合计（基本支出） 620 ≠ 650, 1, 合计（基本支出） 620 ≠"
                + " 650；合计（一般公共预算支出合计 = 基本支出 + 项目支出） 1000 ≠ 970]"),
        flags("合计\t\t\t\t1,000.00\t650.00\t350.00", "合计\t\t\t\t1,000.00\t620.00\t350.00").stream()
            .map(f -> f.replaceAll(" evidence.*", ""))
            .toList());
  }

  @Test
  void aBasicSubtotalOffItsPersonnelAndOfficeCostsIsOneFlagThroughItsParents() throws Exception {
    // 行政运行's 人员经费 lowered by 5 and its 款's with it: two rows off by the same 5 — one wrong
    // figure carried up, said once
    assertEquals(
        List.of(
            "table_sum ERROR [一般公共预算支出表, 市场监督管理事务（基本支出小计 = 人员经费 + 日常公用支出） 500 ≠ 495,"
                + " 1, 市场监督管理事务（基本支出小计 = 人员经费 + 日常公用支出） 500 ≠ 495；"
                + "行政运行（基本支出小计 = 人员经费 + 日常公用支出） 500 ≠ 495]"),
        flags(
                "市场监督管理事务\t800.00\t500.00\t420.00",
                "市场监督管理事务\t800.00\t500.00\t415.00",
                "行政运行\t500.00\t500.00\t420.00",
                "行政运行\t500.00\t500.00\t415.00")
            .stream()
            .map(f -> f.replaceAll(" evidence.*", ""))
            .toList());
  }

  @Test
  void aUnitsThreePublicRowOffItsItemsIsFlagged() throws Exception {
    String total = "（“三公”经费合计 = 因公出国（境）费用 + 公务用车购置及运行费小计 + 公务接待费）";
    String vehicles = "（公务用车购置及运行费小计 = 公务用车购置费 + 公务用车运行维护费）";
    assertEquals(
        List.of(
            "table_sum ERROR [一般公共预算“三公”经费支出预算表, 某市地理信息中心"
                + total
                + " 18 ≠ 19, 0, 某市地理信息中心"
                + total
                + " 18 ≠ 19] evidence[合计"
                + total
                + " 42 = 42, 某市测绘院本级"
                + total
                + " 24 = 24, 合计"
                + vehicles
                + " 30 = 30, 某市测绘院本级"
                + vehicles
                + " 14 = 14, 某市地理信息中心"
                + vehicles
                + " 16 = 16] «某市地理信息中心 18.00 16.00 12.00 4.00 3.00»"),
        flags(
            "某市地理信息中心\t18.00\t\t16.00\t12.00\t4.00\t2.00",
            "某市地理信息中心\t18.00\t\t16.00\t12.00\t4.00\t3.00"));
    assertEquals(
        List.of(
            "table_sum ERROR [一般公共预算“三公”经费支出预算表, 某市测绘院本级"
                + vehicles
                + " 14 ≠ 15, 0, 某市测绘院本级"
                + vehicles
                + " 14 ≠ 15] evidence[合计"
                + total
                + " 42 = 42, 某市测绘院本级"
                + total
                + " 24 = 24, 某市地理信息中心"
                + total
                + " 18 = 18, 合计"
                + vehicles
                + " 30 = 30, 某市地理信息中心"
                + vehicles
                + " 16 = 16] «某市测绘院本级 24.00 6.00 14.00 9.00 6.00 4.00»"),
        flags("某市测绘院本级\t24.00\t6.00\t14.00\t8.00", "某市测绘院本级\t24.00\t6.00\t14.00\t9.00"));
  }

  @Test
  void aFiscalSpendingRowOffItsBudgetsIsFlagged() throws Exception {
    // 合计 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算 on the 财政拨款收支预算总表's spending side (the
    // budgets without a figure named no part)
    assertEquals(
        List.of(
            "table_sum ERROR [财政拨款收支预算总表, 二、社会保障和就业支出（合计 = 一般公共预算） 150 ≠ 130, 0,"
                + " 二、社会保障和就业支出（合计 = 一般公共预算） 150 ≠ 130] evidence[一、一般公共服务支出（合计 = 一般公共预算） 800"
                + " = 800, 三、住房保障支出（合计 = 一般公共预算） 50 = 50, 支出总计（合计 = 一般公共预算） 1000 = 1000]"
                + " «二、政府性基金预算 二、社会保障和就业支出 150.00 130.00»"),
        flags("二、社会保障和就业支出\t150.00\t150.00\n", "二、社会保障和就业支出\t150.00\t130.00\n"));
  }

  @Test
  void aKindsColumnThatNoRowFillsIsStillAPart() throws Exception {
    // nobody travelled abroad: the 因公出国（境）费用 column is blank in every row, and the totals are
    // still 公务用车 + 公务接待
    String[] noTravel = {
      "合计\t42.00\t6.00\t30.00", "合计\t36.00\t\t30.00",
      "某市测绘院本级\t24.00\t6.00\t14.00", "某市测绘院本级\t18.00\t\t14.00"
    };
    assertEquals(List.of(), flags(noTravel));
    List<String> said =
        flags(
            noTravel[0],
            noTravel[1],
            noTravel[2],
            noTravel[3],
            "某市地理信息中心\t18.00\t\t16.00\t12.00\t4.00\t2.00",
            "某市地理信息中心\t18.00\t\t16.00\t12.00\t4.00\t3.00");
    assertEquals(1, said.size());
    assertEquals(
        "table_sum ERROR [一般公共预算“三公”经费支出预算表, 某市地理信息中心（“三公”经费合计 = 因公出国（境）费用 +"
            + " 公务用车购置及运行费小计 + 公务接待费） 18 ≠ 19",
        said.get(0).substring(0, said.get(0).indexOf(", 0, ")));
  }
}
