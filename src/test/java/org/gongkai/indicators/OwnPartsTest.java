package org.gongkai.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A total stated in the words with its parts after it is checked against them, whichever statement
 * is the headline (#63): 财政拨款基本支出 against its 人员经费 and 公用经费; and a share written without its whole
 * ({@code 基本支出 600.00万元，占 60.00%}) against the total the sentence stated before it, or — none
 * stated — against the parts whose shares make 100%.
 */
class OwnPartsTest {

  static final Path REPORT = Path.of("src/test/resources/fixtures/checks/mapping-2026-budget.txt");

  @TempDir Path dir;

  private List<String> flags(String... replace) throws Exception {
    return ChecksTest.flagsIn(dir, REPORT, replace);
  }

  @Test
  void theReportAsWrittenAddsUp() throws Exception {
    assertEquals(List.of(), flags());
  }

  @Test
  void aFiscalBasicExpenditureOffItsOwnPartsIsFlagged() throws Exception {
    // not the headline (all funds' 基本支出 is): checked against the parts its sentence gives
    assertEquals(
        List.of("parts_of_basic ERROR [500, 560]"),
        flags("财政拨款基本支出 500.00万元", "财政拨款基本支出 560.00万元"));
  }

  @Test
  void aShareOffTheTotalBeforeItIsFlagged() throws Exception {
    assertEquals(
        List.of(
            "share ERROR [figure:basic_expenditure, 600, figure:expenditure_total, 66.00,"
                + " figure:expenditure_total, 1000, 60.0]"),
        flags("占 60.00%", "占 66.00%"));
  }

  @Test
  void aShareOffItsSiblingsIsFlaggedWhereNoTotalIsStated() throws Exception {
    String noTotal = "某市地图院2026年支出安排如下：";
    // the amount wrong: its share of the two no longer the one written — said once (and the two
    // no longer the 支出预算 the report states first)
    assertEquals(
        List.of(
            "parts_of_expenditure ERROR [1300, 1000]",
            "share_of_parts ERROR [figure:basic_expenditure, 900, 60.00, 1300, 69.2]"),
        flags("某市地图院2026年支出预算合计 1,000.00 万元，其中：", noTotal, "基本支出 600.00万元", "基本支出 900.00万元"));
    // the shares as written fit the amounts
    assertEquals(List.of(), flags("某市地图院2026年支出预算合计 1,000.00 万元，其中：", noTotal));
  }

  @Test
  void aPartNamingNoMoneyOnTheListsNextLineIsTheTotals() throws Exception {
    // the list begins a sentence of its own, its second item a line of its own: both name no
    // money, and both are the 财政拨款基本支出's
    assertEquals(
        List.of("parts_of_basic ERROR [500, 560]"),
        flags("财政拨款基本支出 500.00万元，其中：", "财政拨款基本支出 560.00万元。其中：", "。主要包括：基本工资", "；主要包括：基本工资"));
  }

  @Test
  void aShareNamingItsWholeIsOfTheSentencesTotal() throws Exception {
    assertEquals(
        List.of(
            "share ERROR [figure:basic_expenditure, 600, figure:expenditure_total, 66.00,"
                + " figure:expenditure_total, 1000, 60.0]"),
        flags("占 60.00%", "占总支出的 66.00%"));
  }

  @Test
  void aThreePublicItemOffTheSharesOfItsSiblingsIsFlagged() throws Exception {
    assertEquals(
        List.of(
            "stated_twice ERROR [figure:reception, role:PLANNED, scope:whole/fiscal/current, 6.00 万元 / 3.00 万元] evidence[6.00 万元: stated_directly, 3.00 万元: stated_directly]",
            "share_of_parts ERROR [figure:overseas_travel, 2, 20.00, 13, 15.4]"),
        flags("公务接待费 3.00 万元，占", "公务接待费 6.00 万元，占"));
  }

  @Test
  void theVehiclesSpendingOffItsPurchaseAndRunningCostsIsFlagged() throws Exception {
    assertEquals(
        List.of(
            "parts_of_vehicles ERROR [0, 4, 4, 5] «5.00 万元。其中：\n（1）公务用车购置费为 0，本年不购置车辆；\n（2）公务用车运行维护费 4.00 万元»"),
        flags("（2）公务用车运行维护费 5.00 万元", "（2）公务用车运行维护费 4.00 万元"));
  }

  @Test
  void aPartWhoseLabelAPageWrapsIsStillRead() throws Exception {
    // a PDF's paragraph wrapped inside the label (公务用车运⏎行维护费): the same flag, the same passage
    assertEquals(
        List.of(
            "parts_of_vehicles ERROR [0, 4, 4, 5] «5.00 万元。其中：\n（1）公务用车购置费为 0，本年不购置车辆；\n（2）公务用车运\n行维护费 4.00 万元»"),
        flags("（2）公务用车运行维护费 5.00 万元", "（2）公务用车运\n行维护费 4.00 万元"));
  }

  @Test
  void aPartStatedAfterItsKindOfAmountDisagreeingIsFlagged() throws Exception {
    // 项目支出预算数为 X: written right after its label, as 项目支出 400.00万元 is
    assertEquals(
        List.of(
            "stated_twice ERROR [figure:project_expenditure, role:PLANNED, scope:whole/all/current, 400.00万元 / 300.00 万元] evidence[400.00万元: basic_plus_project, 400.00万元: stated_directly,"
                + " 300.00 万元: stated_directly]"),
        flags("项目支出预算数为 400.00 万元", "项目支出预算数为 300.00 万元"));
  }
}
