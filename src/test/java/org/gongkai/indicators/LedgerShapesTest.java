package org.gongkai.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Summary tables of shapes other templates print (#63): a table that carries nothing over and ends
 * in its plain 收入合计 | 支出合计 (no 总计), a side whose one amount stands under its 本年收入 written above it
 * (一、本年收入 over （一）一般公共预算拨款 and blank rows); and a list of amounts with their shares, in the
 * template's own words (人员支出, 日常公用支出), whose shares make 100%.
 */
class LedgerShapesTest {

  static final Path REPORT = Path.of("src/test/resources/fixtures/checks/archive-2026-budget.txt");

  @TempDir Path dir;

  private List<String> flags(String... replace) throws Exception {
    return ChecksTest.flagsIn(dir, REPORT, replace);
  }

  @Test
  void theReportAsWrittenAddsUp() throws Exception {
    assertEquals(List.of(), flags());
  }

  @Test
  void aTableClosedByItsPlainTotalsIsSummed() throws Exception {
    assertEquals(
        List.of(
            "table_sum ERROR [收支总表, 支出合计 1250 ≠ 1290, 0, 支出合计 1250 ≠ 1290]"
                + " evidence[收入合计 1250 = 1250, 收入合计 = 支出合计 1250 = 1250]"
                + " «1,200.00 一、一般公共服务支出 980.00\n二、政府性基金预算拨款收入  二、社会保障和就业支出 160.00"
                + "\n三、事业收入 50.00 三、卫生健康支出 60.00\n  四、住房保障支出 90.00"
                + "\n收入合计 1,250.00 支出合计 1,250.00»"),
        flags("二、社会保障和就业支出\t120.00", "二、社会保障和就业支出\t160.00"));
  }

  @Test
  void aSidesOneAmountUnderItsYearTotalIsThatTotal() throws Exception {
    assertEquals(
        List.of(
            "table_sum ERROR [财政拨款收支总表, 一、本年收入 1200 ≠ 1600, 0, 一、本年收入 1200 ≠ 1600]"
                + " evidence[收入总计 1200 = 1200, 一、本年支出 1200 = 1200, 支出总计 1200 = 1200,"
                + " 收入总计 = 支出总计 1200 = 1200]"
                + " «一、本年收入 1,200.00 一、本年支出 1,200.00\n（一）一般公共预算拨款 1,600.00 （一）一般公共服务支出 940.00»"),
        flags("（一）一般公共预算拨款\t1,200.00", "（一）一般公共预算拨款\t1,600.00"));
  }

  @Test
  void anAmountOffTheSharesOfItsListIsFlaggedAtTheItemMostOff() throws Exception {
    // 190 of 1,290 is 14.7%, the furthest of the three from its share as written
    assertEquals(
        List.of(
            "share_of_parts ERROR [日常公用支出, 190, 12.0, 1290, 14.7]"
                + " «人员支出 700.00 万元，占 56.0%；日常公用支出 190.00 万元，占 12.0%；项目支出 400.00万元，占 32.0%»"),
        flags("日常公用支出 150.00 万元", "日常公用支出 190.00 万元"));
  }

  @Test
  void aListWhoseSharesAreOfAnUnstatedWholeIsLeftAlone() throws Exception {
    // 260 and 90 are 20.8% and 7.2% of the 1,250.00 spent, not of each other: no whole of their own
    assertEquals(List.of(), flags("用于档案修复的支出 90.00 万元", "用于档案修复的支出 95.00 万元"));
  }

  /** A department funded from one source: its summary table's income side is one amount. */
  static final Path ONE_SOURCE =
      Path.of("src/test/resources/fixtures/checks/one-source-2026-budget.txt");

  @Test
  void theSpendingOfADepartmentFundedFromOneSourceIsSummed() throws Exception {
    assertEquals(List.of(), ChecksTest.flagsIn(dir, ONE_SOURCE));
    // a part planted on the spending side: the one-source income side, its carry-over and the two
    // grand totals balancing say the rows were read on their sides — the spending side's sum is the
    // report's error
    assertEquals(
        List.of(
            "table_sum ERROR [收支总表, 本年支出合计 2640.3 ≠ 2840.3, 0, 本年支出合计 2640.3 ≠ 2840.3]"
                + " evidence[收入总计 2640.3 = 2640.3, 支出总计 2640.3 = 2640.3, 收入总计 = 支出总计 2640.3 = 2640.3]"
                + " «2,640.30 一、一般公共服务支出 1,980.10\n二、政府性基金预算拨款收入  二、外交支出"
                + "\n三、事业收入  三、教育支出\n四、其他收入  四、社会保障和就业支出 510.20"
                + "\n  五、卫生健康支出 122.40\n  六、住房保障支出 227.60"
                + "\n本年收入合计 2,640.30 本年支出合计 2,640.30»"),
        ChecksTest.flagsIn(dir, ONE_SOURCE, "四、社会保障和就业支出\t310.20", "四、社会保障和就业支出\t510.20"));
    // the grand totals not balancing: the ledger's reading is not proven, the balance alone is said
    assertEquals(
        List.of("summary_balance ERROR [收支总表, 2,840.30, 2,640.30] «收入总计 2,840.30 支出总计 2,640.30»"),
        ChecksTest.flagsIn(
            dir,
            ONE_SOURCE,
            "收入总计\t2,640.30",
            "收入总计\t2,840.30",
            "四、社会保障和就业支出\t310.20",
            "四、社会保障和就业支出\t510.20"));
  }
}
