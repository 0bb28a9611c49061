package org.gongkai.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A two-sided summary table summed as a coded table is (#63): each side's items to its 合计, an item
 * to the rows under it (类, 款 and 项 told apart by their sums where no number tells them), 合计 and
 * carry-over to 总计 — across the page that cuts it — and two statements of one figure that differ,
 * each written right after its label, flagged with both quoted; a unit's own figures under its
 * heading compared with that unit's only.
 */
class SummaryTableChecksTest {

  static final Path REPORT =
      Path.of("src/test/resources/fixtures/checks/hydrology-2026-budget.txt");

  @TempDir Path dir;

  /**
   * The flags of the report with each {@code replace[i + 1]} put for {@code replace[i]}, worded and
   * their quotes checked as {@link ChecksTest} does.
   */
  private List<String> flags(String... replace) throws Exception {
    return ChecksTest.flagsIn(dir, REPORT, replace);
  }

  @Test
  void theReportAsWrittenAddsUp() throws Exception {
    assertEquals(List.of(), flags());
  }

  @Test
  void aFunctionsLeafThatNoLongerAddsUpIsFlaggedAtItsItem() throws Exception {
    // no reading of the functions' rows adds up to 1,000 any more: summed as they stand, and said
    assertEquals(
        List.of(
            "table_sum ERROR [收支总表, 本年支出合计 1000 ≠ 1830, 0, 本年支出合计 1000 ≠ 1830]"
                + " evidence[本年收入合计 980 = 980, 一、财政拨款收入 900 = 900, 收入总计 1000 = 1000,"
                + " 农林水支出 880 = 880, 社会保障和就业支出 80 = 80, +3] "
                + "«财政拨款收入 900.00 农林水支出 880.00"
                + "\n1.一般公共预算 900.00 水利 880.00\n二、事业收入  行政运行 500.00"
                + "\n三、其他收入 80.00 水文测报 330.00\n  社会保障和就业支出 80.00\n  - 5 -\n表 1\n收支总表"
                + "\n单位：万元\n收入 预算数 支出 预算数\n  行政事业单位养老支出 80.00"
                + "\n  机关事业单位基本养老保险缴费支出 80.00\n  住房保障支出 40.00\n  住房改革支出 40.00"
                + "\n  住房公积金 40.00\n本年收入合计 980.00 本年支出合计 1,000.00»"),
        flags("水文测报\t380.00", "水文测报\t330.00"));
  }

  @Test
  void anIncomeItemThatNoLongerAddsUpIsFlagged() throws Exception {
    assertEquals(
        List.of(
            "table_sum ERROR [收支总表, 本年收入合计 980 ≠ 960, 0, 本年收入合计 980 ≠ 960]"
                + " evidence[一、财政拨款收入 900 = 900, 收入总计 1000 = 1000, 本年支出合计 1000 = 1000,"
                + " 农林水支出 880 = 880, 社会保障和就业支出 80 = 80, +3] "
                + "«一、财政拨款收入 900.00 农林水支出 880.00"
                + "\n1.一般公共预算 900.00 水利 880.00\n二、事业收入  行政运行 500.00"
                + "\n三、其他收入 60.00 水文测报 380.00\n  社会保障和就业支出 80.00\n  - 5 -\n表 1\n收支总表"
                + "\n单位：万元\n收入 预算数 支出 预算数\n  行政事业单位养老支出 80.00"
                + "\n  机关事业单位基本养老保险缴费支出 80.00\n  住房保障支出 40.00\n  住房改革支出 40.00"
                + "\n  住房公积金 40.00\n本年收入合计 980.00 本年支出合计 1,000.00»"),
        flags("三、其他收入\t80.00", "三、其他收入\t60.00"));
  }

  @Test
  void aYearTotalOffItsPartsAndItsGrandTotalIsOneFlag() throws Exception {
    // one flag for the two identities through 本年收入合计 (its parts, and it with the carry-over)
    assertEquals(
        List.of(
            "table_sum ERROR [收支总表, 本年收入合计 990 ≠ 980, 1, 本年收入合计 990 ≠ 980；收入总计 1000 ≠"
                + " 1010] evidence[一、财政拨款收入 900 = 900, 本年支出合计 1000 = 1000, 农林水支出 880 = 880,"
                + " 社会保障和就业支出 80 = 80, 住房保障支出 40 = 40, +2] "
                + "«一、财政拨款收入 900.00 农林水支出 880.00"
                + "\n1.一般公共预算 900.00 水利 880.00\n二、事业收入  行政运行 500.00"
                + "\n三、其他收入 80.00 水文测报 380.00\n  社会保障和就业支出 80.00\n  - 5 -\n表 1\n收支总表"
                + "\n单位：万元\n收入 预算数 支出 预算数\n  行政事业单位养老支出 80.00"
                + "\n  机关事业单位基本养老保险缴费支出 80.00\n  住房保障支出 40.00\n  住房改革支出 40.00"
                + "\n  住房公积金 40.00\n本年收入合计 990.00 本年支出合计 1,000.00»"
                + " «本年收入合计 990.00 本年支出合计 1,000.00\n上年结转结余 20.00 年终结转结余\n收入总计"
                + " 1,000.00 支出总计 1,000.00»"),
        flags("本年收入合计\t980.00", "本年收入合计\t990.00").stream()
            .filter(f -> f.startsWith("table_sum"))
            .toList());
  }

  @Test
  void aUnitsFigureStatedTwiceDifferentlyIsFlaggedWithBothQuoted() throws Exception {
    // the 本级's figures under its heading are its own (scope self), not the department's
    assertEquals(
        List.of(
            "stated_twice ERROR [figure:project_expenditure, role:PLANNED, scope:self/all/current,"
                + " 200.00 万元 / 260.00 万元] evidence[200.00 万元: stated_directly, 260.00 万元:"
                + " stated_directly]"),
        flags("（一）项目支出 200.00", "（一）项目支出 260.00"));
    // the other unit's 100.00 under its own heading is no third side: it is that unit's
    assertEquals(List.of(), flags("某市水文局本级预算 760.00", "某市水文局本级预算 760.00"));
  }
}
