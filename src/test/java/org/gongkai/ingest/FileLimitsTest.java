package org.gongkai.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.gongkai.TestSupport;
import org.gongkai.config.ExtractConfig;
import org.gongkai.config.IndexConfig;
import org.gongkai.config.IngestLimits;
import org.gongkai.extract.ExtractionException;
import org.gongkai.extract.TikaExtractor;
import org.gongkai.index.IndexStore;
import org.gongkai.regions.RegionResolver;
import org.gongkai.text.SectionSplitter;
import org.gongkai.text.TextCleaner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Limits on what one file may become, whatever its format, and a file that exhausts memory failing
 * alone.
 */
class FileLimitsTest {

  @TempDir Path dir;

  private static final Path SEED = TestSupport.CORPUS.resolve("seeds/000_988c7a9063883e3f.txt");

  private static DocumentIngestor ingestor(ExtractConfig extract, IngestLimits limits) {
    return new DocumentIngestor(
        new TikaExtractor(extract),
        new TextCleaner(),
        new SectionSplitter(),
        new MetadataExtractor(new RegionResolver(TestSupport.gazetteer())),
        limits);
  }

  private static String reason(DocumentIngestor ingestor, Path file) {
    return assertThrows(ExtractionException.class, () -> ingestor.document(file)).getMessage();
  }

  @Test
  void plainTextKeepsTheCharacterLimitOfEveryOtherFormat() {
    ExtractConfig small =
        new ExtractConfig(
            ExtractConfig.DEFAULT_MAX_FILE_BYTES,
            1000,
            ExtractConfig.DEFAULT_PARSE_TIMEOUT,
            2,
            100);
    assertEquals(
        "text too long: more than 1000 characters",
        reason(ingestor(small, IngestLimits.defaults()), SEED));
  }

  @Test
  void sectionsLinesAndTimeAreBoundedAfterExtraction() {
    IngestLimits d = IngestLimits.defaults();
    assertEquals(
        "too many sections: 31 (limit 10)",
        reason(
            ingestor(
                ExtractConfig.defaults(),
                new IngestLimits(
                    d.maxChars(), 10, d.maxSectionLines(), d.maxFigures(), d.budget())),
            SEED));
    assertTrue(
        reason(
                ingestor(
                    ExtractConfig.defaults(),
                    new IngestLimits(d.maxChars(), d.maxSections(), 5, d.maxFigures(), d.budget())),
                SEED)
            .startsWith("a section of "),
        "lines per section");
    assertTrue(
        reason(
                ingestor(
                    ExtractConfig.defaults(),
                    new IngestLimits(
                        d.maxChars(),
                        d.maxSections(),
                        d.maxSectionLines(),
                        d.maxFigures(),
                        Duration.ofNanos(1))),
                SEED)
            .startsWith("timed out: reading the file took longer than 0 s (at "),
        "time budget");
  }

  @Test
  void figuresAreBoundedAndTheRunGoesOn() throws Exception {
    IngestLimits d = IngestLimits.defaults();
    DocumentIngestor few =
        ingestor(
            ExtractConfig.defaults(),
            new IngestLimits(d.maxChars(), d.maxSections(), d.maxSectionLines(), 3, d.budget()));
    Files.copy(SEED, dir.resolve("a.txt"));
    Files.writeString(dir.resolve("b.txt"), "某某县财政局2024年度部门决算\n第一部分 概况\n本单位没有数字。\n");
    try (IndexStore store = IndexStore.openForWriting(dir.resolve("index"))) {
      IngestReport r =
          new Indexer(few, Clock.systemUTC(), IndexConfig.defaults())
              .run(
                  store,
                  List.of(dir.resolve("a.txt"), dir.resolve("b.txt")),
                  false,
                  Indexer.Progress.NONE);
      assertEquals(1, r.indexed());
      assertEquals(1, r.failures().size());
      assertTrue(
          r.failures().get(0).reason().matches("too many figures: \\d+ \\(limit 3\\)"),
          r.failures().get(0).reason());
    }
  }

  /**
   * The budget holds inside the figures: a file whose reading ended just at its budget fails at the
   * figures' first line, not after reading thirty thousand totals (minutes, when resolving them was
   * quadratic). The stage reporter waits out the budget once the document is read; the budget is
   * ten seconds, so that a loaded machine reads the file's text before it has passed.
   */
  @Test
  void theBudgetStopsTheFiguresFromInside() throws Exception {
    StringBuilder sb = new StringBuilder("某某县财政局2024年度部门决算\n");
    for (int n = 0; n < 30_000; n++) sb.append("2024年度收入合计").append(n).append("万元。\n");
    Path f = Files.writeString(dir.resolve("totals.txt"), sb);
    DocumentIngestor ingestor = ingestor(ExtractConfig.defaults(), IngestLimits.defaults());
    byte[] bytes = ingestor.read(f);
    DocumentIngestor.Deadline deadline = DocumentIngestor.Deadline.in(Duration.ofSeconds(10));
    DocumentIngestor.Stages waitOutTheBudget =
        (stage, nanos) -> {
          if (!stage.equals("split")) return;
          while (System.nanoTime() - deadline.nanos() <= 0) {
            try {
              Thread.sleep(10);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              return;
            }
          }
        };
    var failed =
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
            Duration.ofSeconds(60),
            () ->
                org.junit.jupiter.api.Assertions.assertThrows(
                    org.gongkai.extract.ExtractionException.class,
                    () ->
                        ingestor.ingest(
                            f, bytes, DocumentIngestor.sha256(bytes), waitOutTheBudget, deadline)));
    assertEquals(
        "timed out: reading the file took longer than 10 s (at figures)", failed.getMessage());
  }

  @Test
  void aFileThatExhaustsTheHeapFailsAloneAndTheRunGoesOn() throws Exception {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    Files.copy(SEED, corpus.resolve("a.txt"));
    StringBuilder big = new StringBuilder("某某县财政局2023年度部门决算\n");
    Random random = new Random(1);
    String chars = "收入支出决算总表基本支出项目支出三公经费公务接待费部门预算说明情况";
    for (int line = 0; line < 60_000; line++) { // within the limit of lines a section may have
      for (int i = 0; i < 160; i++) big.append(chars.charAt(random.nextInt(chars.length())));
      big.append('\n');
    }
    Files.writeString(corpus.resolve("big.txt"), big);
    // a separate JVM with a small heap: 29 MB of text needs more than it has, whether reading or
    // indexing runs out (the writer must never be the one to: it would close, losing the run)
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                java,
                "-Xmx160m",
                "-cp",
                System.getProperty("java.class.path"),
                "org.gongkai.App",
                "index",
                "--index",
                dir.resolve("index").toString(),
                corpus.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("child.log").toFile())
            .start();
    assertTrue(child.waitFor(120, TimeUnit.SECONDS), "finished");
    String log = Files.readString(dir.resolve("child.log"));
    assertEquals(3, child.exitValue(), log);
    assertTrue(log.contains("indexed:    1\n"), log);
    assertTrue(log.contains("  " + corpus.resolve("big.txt") + ": out of memory: "), log);
    assertTrue(!log.contains("\tat "), "no stack trace: " + log);
  }
}
