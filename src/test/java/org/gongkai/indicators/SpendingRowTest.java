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
 * A 支出预算总表 that is one row of amounts under its header ({@code 合计 | 基本支出 | 项目支出 | 单位预留机动经费 |
 * 结转下年资金} over {@code 1,540.60 | 1,102.35 | 398.25 | 40.00}), written for the purpose: the row is
 * the table's 合计, its 基本支出 and 项目支出 are read from their columns, proven by the row's own sum; the
 * words stating either otherwise are the report's contradiction.
 */
public class SpendingRowTest {

  static final Path REPORT = Path.of("src/test/resources/fixtures/checks/spending-row-2026.txt");

  @TempDir Path dir;

  @Test
  void theRowUnderItsHeaderGivesBasicAndProjectProvenByItsSum() throws Exception {
    Path file = dir.resolve("report.txt");
    Files.copy(REPORT, file);
    var ingested = TestSupport.ingestor().ingest(file);
    assertEquals(
        "basic_expenditure 1102.35 [row_sum]; project_expenditure 398.25 [row_sum]",
        ingested.figures().stream()
            .filter(v -> v.sourceKind() == org.gongkai.model.SourceKind.TABLE)
            .filter(v -> v.indicator().endsWith("_expenditure"))
            .map(v -> v.indicator() + " " + v.valueWan() + " " + v.by())
            .collect(Collectors.joining("; ")));
    assertEquals(List.of(), ingested.flags());
  }

  @Test
  void wordsStatingAPartOtherwiseAreFlaggedWithTheRowAsProof() throws Exception {
    assertEquals(
        List.of(
            "stated_twice ERROR [figure:basic_expenditure, role:PLANNED, scope:whole/all/current,"
                + " 1,102.35 / 1,702.35万元]"
                + " evidence[1,102.35: row_sum, 1,702.35万元: stated_directly]"),
        ChecksTest.flagsIn(dir, REPORT, "基本支出1,102.35万元", "基本支出1,702.35万元"));
  }

  @Test
  void aRowThatDoesNotSumIsReadButProvesNothing() throws Exception {
    // the 合计 cell planted: the row no longer sums, and its columns prove nothing against the words
    Path file = dir.resolve("report.txt");
    Files.writeString(
        file, Files.readString(REPORT).replace("1,540.60\t1,102.35", "1,940.60\t1,102.35"));
    var ingested = TestSupport.ingestor().ingest(file);
    assertEquals(
        "basic_expenditure 1102.35 []; project_expenditure 398.25 []",
        ingested.figures().stream()
            .filter(v -> v.sourceKind() == org.gongkai.model.SourceKind.TABLE)
            .filter(v -> v.indicator().endsWith("_expenditure"))
            .map(v -> v.indicator() + " " + v.valueWan() + " " + v.by())
            .collect(Collectors.joining("; ")));
  }
}
