package org.gongkai.government;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.gongkai.TestSupport;
import org.gongkai.model.DisclosureDocument;
import org.gongkai.model.IndicatorValue;
import org.gongkai.model.IngestedDocument;
import org.junit.jupiter.api.Test;

/**
 * The city-government budget and final-accounts reports of {@code ../shared/corpus/government/}
 * (#65): each is filed as a government's report, under the year it budgets or accounts for, issued
 * by its city's government, and read for the government's figures with their levels and roles —
 * golden file {@code golden/government-figures.tsv}, checked line by line against the reports when
 * it was written (regenerate with {@code -Dgolden.update=true} and read the diff). 南昌's and 济南's
 * scans are read by OCR (their golden lines were checked against the page images; 济南's 210 pages
 * take five minutes).
 */
class GovernmentCorpusTest {

  static final Path CORPUS = Path.of("../shared/corpus/government");

  @Test
  void everyReportIsFiledAndReadAsAGovernments() throws Exception {
    assumeTrue(Files.isDirectory(CORPUS), "../shared/corpus/government is not here");
    List<Path> files;
    try (Stream<Path> s = Files.list(CORPUS)) {
      files = s.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
    }
    assertEquals(20, files.size());
    StringBuilder out = new StringBuilder();
    for (Path f : files) {
      IngestedDocument in = TestSupport.ingestor().ingest(f);
      DisclosureDocument d = in.document();
      var r = d.region() != null && d.region().decided() ? d.region().region() : null;
      out.append(
          String.join(
              "\t",
              f.getFileName().toString(),
              String.valueOf(d.kind()),
              String.valueOf(d.year()),
              String.valueOf(d.issuer()),
              r == null ? "-" : r.province() + "/" + r.city(),
              String.valueOf(d.title()),
              "flags=" + in.flags().size()));
      out.append('\n');
      for (IndicatorValue v : in.figures())
        out.append('\t').append(GovernmentFiguresTest.line(v)).append('\n');
    }
    TestSupport.assertGolden(
        Path.of("src/test/resources/golden/government-figures.tsv"), out.toString());
  }
}
