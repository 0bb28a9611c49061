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
}
