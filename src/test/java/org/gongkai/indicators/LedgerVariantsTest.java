package org.gongkai.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Summary tables of three more shapes, each written for the purpose, and one planted error in each
 * caught: a 财务收支预算总表 in 元 that lists no 本年收入合计 and drops its rows' trailing blanks, its 财政拨款
 * table's 合计 beside 一般公共预算 (a spending row under an income side that ran out keeps its cells in
 * place); a 决算总表 whose carry-out row is wrong while both sides' year totals hold; a 财政拨款收支总表
 * printing each side's year total first ({@code 一、本年支出}) wrong against both its parts and its grand
 * total. And a change's rate judged with the room its amounts' rounding leaves, not a fixed one; a
 * “三公” item the words prove by the items adding up to the words' total.
 */
public class LedgerVariantsTest {

  static final Path STREET = Path.of("src/test/resources/fixtures/checks/street-ledger-2026.txt");
  static final Path FINAL = Path.of("src/test/resources/fixtures/checks/final-carry-2024.txt");
  static final Path YEAR = Path.of("src/test/resources/fixtures/checks/year-total-2026.txt");

  @TempDir Path dir;

  private List<String> flags(Path report, String... replace) throws Exception {
    return ChecksTest.flagsIn(dir, report, replace).stream()
        .filter(f -> !f.contains(" NOTICE "))
        .toList();
  }

  @Test
  void asPublishedNothingIsFlagged() throws Exception {
    assertEquals(List.of(), flags(STREET));
    assertEquals(List.of(), flags(FINAL));
    assertEquals(List.of(), flags(YEAR));
  }

  @Test
  void aFunctionOfASummaryWithNoYearTotalIsCaughtByTheOneSourceSide() throws Exception {
    assertEquals(
        List.of(
            "table_sum ERROR [2026年部门财务收支预算总表, 支出总计 52400000 ≠ 53100000, 0, 支出总计 52400000 ≠ 53100000] evidence[一、财政拨款收入 52400000 = 52400000, 收入总计 = 支出总计 52400000 = 52400000] «,400,000 一、一般公共服务支出 3,150,000\n1. 一般公共预算 52,400,000 二、公共安全支出 820,000\n2. 政府性基金  三、社会保障和就业支出 6,730,000\n3. 国有资本经营预算  四、卫生健康支出 1,900,000\n二、事业收入  五、城乡社区支出 38,900,000\n三、事业单位经营收入  六、住房保障支出 1,600,000\n四、其他收入\n收入总计 52,400,000 支出总计 52,400,000»"),
        flags(STREET, "预算\t\t四、卫生健康支出\t1,200,000", "预算\t\t四、卫生健康支出\t1,900,000"));
  }

  @Test
  void aFundsCellOfARowUnderABlankIncomeSideIsCaughtByItsRowSum() throws Exception {
    assertEquals(
        List.of(
            "table_sum ERROR [2026年部门财政拨款收支预算总表, 四、卫生健康支出（合计 = 一般公共预算） 1200000 ≠ 1900000, 0, 四、卫生健康支出（合计 = 一般公共预算） 1200000 ≠ 1900000] evidence[一、一般公共服务支出（合计 = 一般公共预算） 3150000 = 3150000, 二、公共安全支出（合计 = 一般公共预算） 820000 = 820000, 三、社会保障和就业支出（合计 = 一般公共预算） 6730000 = 6730000, 五、城乡社区支出（合计 = 一般公共预算） 38900000 = 38900000, 六、住房保障支出（合计 = 一般公共预算） 1600000 = 1600000, +1] «四、卫生健康支出 1,200,000 1,900,000»"),
        flags(STREET, "四、卫生健康支出\t1,200,000\t1,200,000", "四、卫生健康支出\t1,200,000\t1,900,000"));
  }

  @Test
  void aThreePublicCellAgainstWordsWhoseItemsMakeTheirTotalIsFlagged() throws Exception {
    // 公务车购置及运行费 is the vehicles' item; the words' three items make their 22.91 万元
    assertEquals(
        List.of(
            "stated_twice ERROR [figure:reception, role:PLANNED, scope:whole/all/current, 3.35 / 1.35万元] evidence[1.35万元: three_items]"),
        flags(STREET, "21.56\t1.35", "21.56\t3.35"));
  }

  @Test
  void aCarryOutRowIsCaughtWhereBothYearTotalsHold() throws Exception {
    assertEquals(
        List.of(
            "table_sum ERROR [收入支出决算总表, 总计 2523.25 ≠ 2553.25, 0, 总计 2523.25 ≠ 2553.25] evidence[总计 2523.25 = 2523.25, 本年支出合计 2468.25 = 2468.25, 总计 = 总计 2523.25 = 2523.25] «入合计 2,436.80 本年支出合计 2,468.25\n使用非财政拨款结余  结余分配\n年初结转和结余 86.45 年末结转和结余 85.00\n总计 2,523.25 总计 2,523.25»"),
        flags(FINAL, "年末结转和结余\t55.00", "年末结转和结余\t85.00"));
  }

  @Test
  void aYearTotalWrittenFirstIsCaughtAgainstItsPartsAndItsGrandTotal() throws Exception {
    assertEquals(
        List.of(
            "table_sum ERROR [财政拨款收支总表, 一、本年支出 2918.6 ≠ 2418.6, 1, 一、本年支出 2918.6 ≠ 2418.6；支出总计 2418.6 ≠ 2918.6] evidence[收入总计 2418.6 = 2418.6, 收入总计 = 支出总计 2418.6 = 2418.6] «年收入 2,418.60 一、本年支出 2,918.60\n（一）一般公共预算拨款 2,418.60 （一）一般公共服务支出 1,650.00\n（二）政府性基金预算拨款  （二）社会保障和就业支出 301.20\n（三）国有资本经营预算拨款  （三）卫生健康支出 97.40\n二、上年结转  （四）住房保障支出 370.00»"),
        flags(YEAR, "一、本年支出\t2,418.60", "一、本年支出\t2,918.60"));
  }

  @Test
  void aRateTheAmountsCannotGiveIsFlagged() throws Exception {
    // 38.60 of 651.10 is 5.93%: 5.9 rounded or cut, never 5.8
    assertEquals(
        List.of(
            "change ERROR [figure:operating_expenses, 612.5, 减少38.60万元，下降5.8%, 651.1, 5.9] «减少38.60万元，下降5.8%»"),
        flags(YEAR, "下降5.9%", "下降5.8%"));
  }
}
