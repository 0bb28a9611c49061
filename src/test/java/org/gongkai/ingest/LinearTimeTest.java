package org.gongkai.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.gongkai.TestSupport;
import org.gongkai.model.DisclosureDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hang detectors: generated inputs that made a step quadratic (minutes for one file) must go
 * through the whole pipeline well within a bound that only a hang can exceed. Not a speed test; the
 * benchmark measures speed.
 */
class LinearTimeTest {

  private static final Duration HANG = Duration.ofSeconds(60);

  @TempDir Path dir;

  @Test
  void aHundredAndSixtyThousandLinesOfBareNumbers() throws Exception {
    StringBuilder sb = new StringBuilder("某某县财政局2023年度部门决算\n");
    for (int i = 0; i < 160_000; i++) sb.append(i % 97).append('\n');
    Path f = Files.writeString(dir.resolve("numbers.txt"), sb);
    DisclosureDocument d =
        assertTimeoutPreemptively(HANG, () -> TestSupport.ingestor().document(f));
    assertEquals("某某县财政局", d.issuer());
  }

  /**
   * Thirty thousand distinct totals: resolving and checking them compared every value with every
   * group (minutes for one file); now each looks only at the values within its rounding.
   */
  @Test
  void thirtyThousandDistinctTotalsAreResolvedAndChecked() throws Exception {
    StringBuilder sb = new StringBuilder("某某县财政局2024年度部门决算\n");
    for (int n = 0; n < 30_000; n++) sb.append("2024年度收入合计").append(n).append("万元。\n");
    Path f = Files.writeString(dir.resolve("totals.txt"), sb);
    var ingested = assertTimeoutPreemptively(HANG, () -> TestSupport.ingestor().ingest(f));
    long totals =
        ingested.figures().stream().filter(v -> v.indicator().equals("income_total")).count();
    assertEquals(30_000, totals);
    // thirty thousand statements of one total that disagree, none confirmed: a doubt, not a flag
    assertEquals(
        List.of(),
        ingested.flags().stream().filter(fl -> fl.code().equals("stated_twice")).toList());
  }

  @Test
  void aHundredThousandNestedBlocksInAWebPageKeepTheirText() throws Exception {
    String page =
        "<html><body><p>某某县财政局2023年度部门决算</p>"
            + "<blockquote>".repeat(100_000)
            + "深处的正文"
            + "</blockquote>".repeat(100_000)
            + "</body></html>";
    Path f = Files.writeString(dir.resolve("nested.html"), page);
    DisclosureDocument d =
        assertTimeoutPreemptively(HANG, () -> TestSupport.ingestor().document(f));
    assertTrue(d.text().contains("深处的正文"), "nesting is flattened, not refused as a zip bomb");
  }

  @Test
  void aMillionCharacterLineMakesAShortHeadingAndSmallHits() throws Exception {
    // a PDF whose lines all ran together: the first line is the whole text
    String line = "某某县财政局2023年度部门决算" + "本单位基本支出和项目支出按规定执行".repeat(50_000) + "独有的结尾词组";
    Path f = Files.writeString(dir.resolve("one-line.txt"), line + "\n");
    DisclosureDocument d =
        assertTimeoutPreemptively(HANG, () -> TestSupport.ingestor().document(f));
    for (var s : d.sections()) {
      assertTrue(
          s.heading().length() <= org.gongkai.model.Section.MAX_HEADING,
          "heading of " + s.heading().length());
      s.breadcrumb().forEach(b -> assertTrue(b.length() <= org.gongkai.model.Section.MAX_HEADING));
    }
    try (var store = TestSupport.index(dir.resolve("index"), java.util.List.of(f))) {
      var page =
          new org.gongkai.search.SearchService(store, TestSupport.gazetteer())
              .search(org.gongkai.model.SearchRequest.of("\"独有的结尾词组\""));
      assertEquals(1, page.total());
      var hit = page.hits().get(0);
      assertTrue(hit.heading().length() <= org.gongkai.model.Section.MAX_HEADING);
      assertTrue(
          org.gongkai.api.Html.of(hit.snippet(), false).length() < 1000,
          "snippet of " + org.gongkai.api.Html.of(hit.snippet(), false).length());
      assertTrue(
          org.gongkai.api.Html.of(hit.snippet(), false).contains("<mark>独有的结尾词组</mark>"),
          org.gongkai.api.Html.of(hit.snippet(), false));
    }
  }
}
