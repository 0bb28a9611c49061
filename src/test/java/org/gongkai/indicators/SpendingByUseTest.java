package org.gongkai.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.gongkai.TestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A provincial template's tables, written for the purpose: a 收支预算总表 that prints the spending by use
 * (支出用途: 基本支出, 项目支出, 单位预留机动经费) beside its functions, a one-row 支出预算总表, a 财政拨款收支预算总表 whose title's
 * number and year stand apart ({@code 四、2019 | 年度…}) and whose cells run together, a function table
 * whose caption holds its number and issuer and one of whose subjects wraps around its code, a
 * procurement table, and the “三公” items said twice in the words.
 */
public class SpendingByUseTest {

  static final Path REPORT = Path.of("src/test/resources/fixtures/checks/province-uses-2019.txt");

  @TempDir Path dir;

  @Test
  void theSpendingByUseProvesBasicAndProjectAndTheProcurementTableGivesNoItem() throws Exception {
    Path file = dir.resolve("report.txt");
    Files.copy(REPORT, file);
    var ingested = TestSupport.ingestor().ingest(file);
    assertEquals(
        "basic_expenditure 3915.22 TABLE [row_sum, sum_of_uses];"
            + " project_expenditure 2560.18 TABLE [row_sum, sum_of_uses];"
            + " reception 24.0 TEXT []",
        ingested.figures().stream()
            .filter(v -> v.headline())
            .filter(
                v ->
                    v.indicator().equals("basic_expenditure")
                        || v.indicator().equals("project_expenditure")
                        || v.indicator().equals("reception"))
            .map(v -> v.indicator() + " " + v.valueWan() + " " + v.sourceKind() + " " + v.by())
            .collect(Collectors.joining("; ")));
    assertEquals(List.of(), ingested.flags());
  }

  @Test
  void aUseThatBreaksTheSummarysSecondCutIsCaught() throws Exception {
    assertEquals(
        List.of(
            "stated_twice ERROR [figure:basic_expenditure, role:PLANNED, scope:whole/all/current, 3,995.22 / 3,915.22] evidence[3,915.22: row_sum]",
            "table_sum ERROR [收支预算总表, 当年支出小计（支出用途） 6820.4 ≠ 6900.4, 0, 当年支出小计（支出用途） 6820.4 ≠ 6900.4] evidence[一、财政拨款 6820.4 = 6820.4, 收入合计 6820.4 = 6820.4, 当年支出小计 6820.4 = 6820.4, 支出合计 6820.4 = 6820.4, 收入合计 = 支出合计 6820.4 = 6820.4] «务支出 5,102.16 一、基本支出 3,995.22\n1.一般公共预算 6,820.40 二、外交支出  二、项目支出 2,560.18\n2.政府性基金预算  三、国防支出  三、单位预留机动经费 345.00\n二、财政专户管理资金  四、公共安全支出\n三、其他资金  五、教育支出\n  六、社会保障和就业支出 704.84\n  七、住房保障支出 1,013.40\n当年收入小计 6,820.40 当年支出小计 6,820.40»"),
        ChecksTest.flagsIn(
            dir, REPORT, "5,102.16\t一、基本支出\t3,915.22", "5,102.16\t一、基本支出\t3,995.22"));
  }

  @Test
  void aOneRowTableAgainstTheProvenUsesIsTheReportsContradiction() throws Exception {
    assertEquals(
        List.of(
            "stated_twice ERROR [figure:basic_expenditure, role:PLANNED, scope:whole/all/current, 3,915.22 / 3,415.22] evidence[3,915.22: sum_of_uses]"),
        ChecksTest.flagsIn(
            dir, REPORT, "6,820.40\t3,915.22\t2,560.18", "6,820.40\t3,415.22\t2,560.18"));
  }

  @Test
  void theFundsTableUnderASplitTitleIsReadAsALedger() throws Exception {
    assertEquals(
        List.of(
            "table_sum ERROR [四、2019年度某省档案馆财政拨款收支预算总表, 支出合计 6820.4 ≠ 6870.4, 0, 支出合计 6820.4 ≠ 6870.4] evidence[收入合计 = 支出合计 6820.4 = 6820.4] «共预算 6,820.40 一、基本支出 3,915.22\n二、政府性基金预算  二、项目支出 2,560.18\n  三、单位预留机动经费 395.00\n收入合计 6,820.40 支出合计 6,820.40»"),
        ChecksTest.flagsIn(dir, REPORT, "\n\t\t三、单位预留机动经费\t345.00", "\n\t\t三、单位预留机动经费\t395.00"));
  }

  @Test
  void aSubjectWrappedAroundItsCodeIsARowOfItsParent() throws Exception {
    assertEquals(
        List.of(
            "table_sum ERROR [财政拨款支出预算表（功能科目）, 20805 行政事业单位养老支出（金额） 704.84 ≠ 1204.84, 0, 20805 行政事业单位养老支出（金额） 704.84 ≠ 1204.84] evidence[201 一般公共服务支出（金额） 5102.16 = 5102.16, 20126 档案事务（金额） 5102.16 = 5102.16, 208 社会保障和就业支出（金额） 704.84 = 704.84, 221 住房保障支出（金额） 1013.4 = 1013.4, 22102 住房改革支出（金额） 1013.4 = 1013.4] «20805 行政事业单位养老支出 704.84»"),
        ChecksTest.flagsIn(dir, REPORT, "缴费支 2080505 出\t389.70", "缴费支 2080505 出\t889.70"));
  }

  @Test
  void anItemSaidAsItsSpendingTwiceOtherwiseIsFlagged() throws Exception {
    assertEquals(
        List.of(
            "stated_twice ERROR [figure:overseas_travel, role:PLANNED, scope:whole/general/current, 20 万元 / 60 万元] evidence[20 万元: stated_directly, 60 万元: stated_directly]"),
        ChecksTest.flagsIn(dir, REPORT, "1.因公出国（境）费预算支出 20 万元", "1.因公出国（境）费预算支出 60 万元"));
  }
}
