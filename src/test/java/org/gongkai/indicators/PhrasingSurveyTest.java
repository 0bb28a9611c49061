package org.gongkai.indicators;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.gongkai.TestSupport;
import org.gongkai.extract.ExtractionException;
import org.gongkai.model.DisclosureDocument;
import org.gongkai.model.ReportKind;
import org.junit.jupiter.api.Test;

/**
 * How the newsroom's crawl of 2026 budgets ({@code ../shared/corpus/newsroom-2026}; skipped where
 * absent) words its totals: for each of 收入合计, 支出合计 and 收支总计, how many of its budget and
 * final-account files state it in the headline scope by each wording — a sentence's label family, a
 * summary table's place ({@code ledger}), a table row's label, or derived where nothing is carried
 * over. Pinned in {@code golden/newsroom-wordings.tsv}, which the README's figures section quotes.
 */
class PhrasingSurveyTest {

  static final Path NEWSROOM = TestSupport.REAL.resolveSibling("newsroom-2026");

  @Test
  void theWordingsOfTheNewsroomsTotals() throws Exception {
    assumeTrue(Files.isDirectory(NEWSROOM), "../shared/corpus/newsroom-2026 is not here");
    List<Path> files;
    try (Stream<Path> s = Files.walk(NEWSROOM)) {
      files =
          s.filter(Files::isRegularFile)
              .filter(f -> f.toString().endsWith(".pdf") || f.toString().endsWith(".html"))
              .sorted()
              .toList();
    }
    IndicatorExtractor extractor = new IndicatorExtractor();
    Map<String, Set<String>> byWording = new TreeMap<>();
    int reports = 0;
    for (Path f : files) {
      DisclosureDocument d;
      try {
        d = TestSupport.ingestor().document(f);
      } catch (ExtractionException e) {
        continue; // an empty page: no report
      }
      if (d.kind() != ReportKind.BUDGET && d.kind() != ReportKind.FINAL_ACCOUNTS) continue;
      reports++;
      String name = NEWSROOM.relativize(f).toString();
      extractor
          .wordings(d.docId(), d.text(), d.sections(), d.kind(), d.year())
          .forEach(
              (indicator, wordings) -> {
                for (String w : wordings)
                  byWording.computeIfAbsent(indicator + "\t" + w, k -> new TreeSet<>()).add(name);
              });
    }
    StringBuilder table = new StringBuilder("figure\twording\tfiles\n");
    table.append("(reports)\t\t").append(reports).append('\n');
    byWording.forEach((k, v) -> table.append(k).append('\t').append(v.size()).append('\n'));
    TestSupport.assertGolden(TestSupport.GOLDEN.resolve("newsroom-wordings.tsv"), table.toString());
  }
}
