package org.gongkai.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.gongkai.config.ExtractConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A parse past its time limit is stopped, not left running behind the files that follow. */
class ParseTimeoutTest {

  @TempDir Path dir;

  @Test
  void aParsePastItsTimeIsStoppedNotLeftRunning() throws Exception {
    // a web page of 400,000 paragraphs: seconds of parsing, far past a 50 ms limit
    StringBuilder html = new StringBuilder("<html><body>");
    for (int i = 0; i < 400_000; i++) html.append("<p>本年支出合计").append(i).append("万元</p>");
    html.append("</body></html>");
    Path page = Files.writeString(dir.resolve("long.html"), html, StandardCharsets.UTF_8);
    TikaExtractor extractor =
        new TikaExtractor(
            new ExtractConfig(
                ExtractConfig.DEFAULT_MAX_FILE_BYTES,
                ExtractConfig.DEFAULT_MAX_CHARS,
                Duration.ofMillis(50),
                ExtractConfig.DEFAULT_MAX_EMBEDDED_DEPTH,
                ExtractConfig.DEFAULT_MAX_EMBEDDED));
    long before = Stopping.STOPPED.get();
    ExtractionException e = assertThrows(ExtractionException.class, () -> extractor.extract(page));
    assertEquals("timed out: parsing took longer than 50 ms", e.getMessage());
    // the parse itself stops at its next read or text, well before it would have finished
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (Stopping.STOPPED.get() == before && System.nanoTime() < deadline) Thread.sleep(10);
    assertTrue(Stopping.STOPPED.get() > before, "the timed-out parse was not stopped");
  }
}
