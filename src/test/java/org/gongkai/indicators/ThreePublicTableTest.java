package org.gongkai.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.gongkai.TestSupport;
import org.gongkai.model.IndicatorValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A “三公” table that states its total as a row of its own ({@code 合计 | 42.60} over {@code
 * 1、因公出国（境）费用 | 3.00} …), written for the purpose: the 合计 row is the “三公”经费, proven by its items,
 * so an item planted in the table is flagged rather than taken; the 合计 of a table adding 会议费 and
 * 培训费 to them is not.
 */
public class ThreePublicTableTest {

  static final Path REPORT =
      Path.of("src/test/resources/fixtures/checks/three-public-table-2026.txt");

  @TempDir Path dir;

  @Test
  void theTotalRowIsTheThreePublicAndItsItemsProveIt() throws Exception {
    Path file = dir.resolve("report.txt");
    Files.copy(REPORT, file);
    var ingested = TestSupport.ingestor().ingest(file);
    String tableReads =
        ingested.figures().stream()
            .filter(v -> v.sourceKind() == org.gongkai.model.SourceKind.TABLE)
            .map(ThreePublicTableTest::said)
            .collect(Collectors.joining("; "));
    assertEquals(
        "three_public 42.6 by [three_items]; overseas_travel 3.0 by [three_items];"
            // the words state the vehicles' amount too: the identity is marked on one of its two
            // reads
            + " reception 7.4 by [three_items]; vehicles_expenses 32.2 by []",
        tableReads);
    assertEquals(List.of(), ingested.flags());
  }

  @Test
  void anItemPlantedInTheTableIsFlaggedNotTaken() throws Exception {
    assertEquals(
        List.of("parts_of_three_public ERROR [45.6, 42.6]"),
        ChecksTest.flagsIn(dir, REPORT, "1、因公出国（境）费用\t3.00", "1、因公出国（境）费用\t6.00"));
    // the table's item against the words: the table's own sum decides which side is wrong
    List<String> flags = ChecksTest.flagsIn(dir, REPORT, "2、公务接待费\t7.40", "2、公务接待费\t9.40");
    assertEquals("parts_of_three_public ERROR [44.6, 42.6]", flags.get(0));
  }

  private static String said(IndicatorValue v) {
    return v.indicator() + " " + v.valueWan() + " by " + v.by();
  }

  @Test
  void anItemTheWordsStateOtherwiseThanTheTableIsFlaggedWithBothSides() throws Exception {
    String heading = "一、“三公”经费预算情况\n";
    String general =
        "本馆2026年一般公共预算拨款安排的“三公”经费支出预算42.60万元，比上年预算减少1.40万元，主要是压减公务用车运行费用，"
            + "全馆上下厉行节约、从严控制各项一般性支出。其中，因公出国（境）费支出3.00万元，公务用车购置及运行费支出32.20万元，"
            + "公务接待费支出%s万元。\n";
    // as written (the words' 一般公共预算 items as the table's): no flag
    assertEquals(
        List.of(), ChecksTest.flagsIn(dir, REPORT, heading, heading + general.formatted("7.40")));
    // 9.40 in the words where the table of the same money says 7.40 — which the words say again,
    // naming no money: the report states two amounts of one figure, and the flag names both
    assertEquals(
        List.of(
            "stated_twice ERROR [figure:reception, role:PLANNED, scope:whole/general/current,"
                + " 7.40 / 9.40万元] evidence[7.40: three_items, 9.40万元: stated_directly]"),
        ChecksTest.flagsIn(dir, REPORT, heading, heading + general.formatted("9.40")));
  }

  /** A 三公 table read by its columns (items in header rows, one row of amounts). */
  static final Path COLUMNS =
      Path.of("src/test/resources/fixtures/checks/three-public-columns-2026.txt");

  @Test
  void anAmountTheTableAndTheWordsStateAlikeProvesItsSideAgainstAThirdStatement() throws Exception {
    assertEquals(List.of(), ChecksTest.flagsIn(dir, COLUMNS));
    // the words' 一般公共预算 公务接待费 says 9 where the table of the same money says 8: the table's 8 is
    // stated again in the words (3．公务接待费预算支出 8 万元, no money named), so its read is proven, and
    // the two statements of one figure are the report's contradiction
    assertEquals(
        List.of(
            "stated_twice ERROR [figure:reception, role:PLANNED, scope:whole/general/current,"
                + " 8.00 / 9 万元] evidence[8.00: stated_alike, 9 万元: stated_directly]",
            // and the sentence's own items no longer make its 8
            "parts_of_three_public ERROR [9, 8]"),
        ChecksTest.flagsIn(dir, COLUMNS, "公务接待费支出 8 万元", "公务接待费支出 9 万元"));
  }
}
