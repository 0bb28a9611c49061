package org.gongkai.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
    DisclosureDocument d = assertTimeoutPreemptively(HANG, () -> TestSupport.ingestor().ingest(f));
    assertEquals("某某县财政局", d.issuer());
  }

  @Test
  void aHundredThousandNestedBlocksInAWebPageKeepTheirText() throws Exception {
    String page = "<html><body><p>某某县财政局2023年度部门决算</p>" + "<blockquote>".repeat(100_000) + "深处的正文"
        + "</blockquote>".repeat(100_000) + "</body></html>";
    Path f = Files.writeString(dir.resolve("nested.html"), page);
    DisclosureDocument d = assertTimeoutPreemptively(HANG, () -> TestSupport.ingestor().ingest(f));
    assertTrue(d.text().contains("深处的正文"), "nesting is flattened, not refused as a zip bomb");
  }
}
