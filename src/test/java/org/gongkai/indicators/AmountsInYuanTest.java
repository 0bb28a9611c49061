package org.gongkai.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A county bureau's budget stated in 元, not 万元 (written for the purpose): its changes said in 元
 * (较上年减少13,600.00元，下降6.80%), its “三公” total said as 预算合计, its 基本/项目支出 as the parts of 财政拨款安排支出. As
 * written it raises no flag; each error planted in it raises exactly the flags listed.
 */
public class AmountsInYuanTest {

  static final Path REPORT =
      Path.of("src/test/resources/fixtures/checks/county-bureau-2026-yuan.txt");

  @TempDir Path dir;

  private List<String> flags(String... replace) throws Exception {
    return ChecksTest.flagsIn(dir, REPORT, replace);
  }

  @Test
  void asWrittenNoFlag() throws Exception {
    assertEquals(List.of(), flags());
  }

  @Test
  void aThreePublicItemPlantedBreaksItsTotalAndItsChange() throws Exception {
    // 94,000 where 64,000 was: the items no longer sum to the 预算合计, and 减少16,000 is not 20% of it
    assertEquals(
        List.of(
            "parts_of_three_public ERROR [21.64, 18.64]",
            "change ERROR [figure:reception, 9.4, 减少16,000.00元，下降20.00%, 11, 14.5]"
                + " «减少16,000.00元，下降20.00%»"),
        flags("公务接待费预算为64,000.00元", "公务接待费预算为94,000.00元"));
  }

  @Test
  void theThreePublicTotalSaidAsItsBudgetsSumIsRead() throws Exception {
    // 预算合计136,400.00元: the total the items (186,400) and its own change (13,600, 6.80%) deny
    assertEquals(
        List.of(
            "parts_of_three_public ERROR [18.64, 13.64]",
            "change ERROR [figure:three_public, 13.64, 减少13,600.00元，下降6.80%, 15, 9.1]"
                + " «减少13,600.00元，下降6.80%»"),
        flags("预算合计186,400.00元", "预算合计136,400.00元"));
  }

  @Test
  void basicAndProjectSpendingAfterTheArrangedSpendingAreReadAndTheirChangesChecked()
      throws Exception {
    // the two no longer make the 财政拨款安排支出 their 其中 lists them under, nor the change said
    assertEquals(
        List.of(
            "parts_of_stated_spending ERROR [861.52, 791.52, 财政拨款安排支出] «财政拨款安排支出7,915,250.00元»",
            "change ERROR [figure:basic_expenditure, 691.04, 增加310,400.00元，增长5.26%, 660, 4.7]"
                + " «增加310,400.00元，增长5.26%»"),
        flags("基本支出6,210,400.00元", "基本支出6,910,400.00元"));
    assertEquals(
        List.of(
            "parts_of_stated_spending ERROR [798.52, 791.52, 财政拨款安排支出] «财政拨款安排支出7,915,250.00元»",
            "change ERROR [figure:project_expenditure, 177.49, 减少95,150.00元，下降5.29%, 187, 5.1]"
                + " «减少95,150.00元，下降5.29%»"),
        flags("项目支出1,704,850.00元", "项目支出1,774,850.00元"));
  }

  @Test
  void aPercentageThatIsNotTheChangeInYuan() throws Exception {
    // 16,000 of last year's 80,000 is 20%, not 25%; the reception's read is proven by its total
    assertEquals(
        List.of(
            "change ERROR [figure:reception, 6.4, 减少16,000.00元，下降25.00%, 8, 20.0]"
                + " evidence[64,000.00元: three_items] «减少16,000.00元，下降25.00%»"),
        flags("下降20.00%", "下降25.00%"));
  }

  @Test
  void aSpendingTotalNamedAnyWayIsCheckedAgainstTheBasicAndProjectItsListNames() throws Exception {
    String said = "财政拨款安排支出7,915,250.00元，其中：";
    // 一般公共预算财政拨款支出 in 万元, the parts as before: they make it, no flag
    assertEquals(List.of(), flags(said, "一般公共预算财政拨款支出791.525万元，其中："));
    // a total they do not make
    assertEquals(
        List.of(
            "parts_of_stated_spending ERROR [791.52, 891.52, 一般公共预算财政拨款支出]"
                + " «一般公共预算财政拨款支出891.525万元»"),
        flags(said, "一般公共预算财政拨款支出891.525万元，其中："));
    // a 总计 may hold what is carried to the next year, unsaid: parts short of it are no error
    assertEquals(List.of(), flags(said, "财政拨款支出总计为891.525万元，其中："));
    // the other spending the list goes on to is a part too: 基本 + 项目 + 100,000 make 8,015,250
    assertEquals(
        List.of(),
        flags(said, "财政拨款安排支出8,015,250.00元，其中：", "主要原因是项目压减。", "主要原因是项目压减，上缴上级支出100,000.00元。"));
  }

  @Test
  void aListOpeningASentenceOfItsOwnIsOfTheTotalTheSentenceBeforeOpensWith() throws Exception {
    String said = "财政拨款安排支出7,915,250.00元，其中：";
    String apart = "财政拨款安排支出7,915,250.00元，比上年增加215,250.00元，主要是人员增加。其中：";
    assertEquals(List.of(), flags(said, apart));
    assertEquals(
        List.of(
            "parts_of_stated_spending ERROR [861.52, 791.52, 财政拨款安排支出] «财政拨款安排支出7,915,250.00元»",
            "change ERROR [figure:basic_expenditure, 691.04, 增加310,400.00元，增长5.26%, 660, 4.7]"
                + " «增加310,400.00元，增长5.26%»"),
        flags(said, apart, "基本支出6,210,400.00元", "基本支出6,910,400.00元"));
    // the sentence before opening with a change, not a total: nothing is compared
    assertEquals(
        List.of(
            "change ERROR [figure:basic_expenditure, 691.04, 增加310,400.00元，增长5.26%, 660, 4.7]"
                + " «增加310,400.00元，增长5.26%»"),
        flags(said, "支出比上年增加215,250.00元，主要是人员增加。其中：", "基本支出6,210,400.00元", "基本支出6,910,400.00元"));
  }
}
