package org.gongkai;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.gongkai.cli.Wiring;
import org.gongkai.config.IndexConfig;
import org.gongkai.index.IndexStore;
import org.gongkai.ingest.DocumentIngestor;
import org.gongkai.ingest.Indexer;
import org.gongkai.ingest.IngestReport;
import org.gongkai.regions.Gazetteer;
import org.gongkai.text.HanLpSegmenter;

/** Shared fixtures: the bundled corpus, one gazetteer, an ingestor wired as in {@link App}. */
public final class TestSupport {
  private TestSupport() {}

  public static final Path CORPUS = Path.of("corpus");

  /** Notices as the API words them (English). */
  public static List<String> english(List<org.gongkai.model.Notice> notices) {
    return notices.stream()
        .map(n -> org.gongkai.api.Wording.bundled().notice(java.util.Locale.ENGLISH, n))
        .toList();
  }

  /** A flag as the Chinese page words it. */
  public static String chinese(org.gongkai.model.IndicatorFlag f) {
    return org.gongkai.api.Wording.bundled().flag(org.gongkai.api.Wording.CHINESE, f);
  }

  public static final Path GOLDEN = Path.of("src/test/resources/golden");

  /**
   * The fields of a page of results in the JSON of {@code search --json} and {@code /api/search}.
   */
  public static final List<String> PAGE_KEYS =
      List.of(
          "query",
          "total",
          "page",
          "size",
          "tookMs",
          "hits",
          "facets",
          "facetsEstimated",
          "selected",
          "messages");

  /** The fields of a search hit in the JSON of {@code search --json} and {@code /api/search}. */
  public static final List<String> HIT_KEYS =
      List.of(
          "id",
          "url",
          "docId",
          "docTitle",
          "issuer",
          "region",
          "year",
          "kind",
          "department",
          "category",
          "heading",
          "breadcrumb",
          "snippet",
          "score",
          "ocr",
          "page",
          "collection");

  private static Wiring wiring;

  /** The objects as the application wires them (one place, shared by the tests). */
  public static synchronized Wiring wiring() {
    if (wiring == null) wiring = new Wiring();
    return wiring;
  }

  public static Gazetteer gazetteer() {
    return wiring().gazetteer();
  }

  public static DocumentIngestor ingestor() {
    return wiring().ingestor();
  }

  /** The portal over {@code store}, wired as {@code serve} wires it; not started. */
  public static org.gongkai.web.Portal portal(
      org.gongkai.config.ServeConfig config, IndexStore store) {
    return wiring().portal(config, store);
  }

  /** The portal with accounts on over {@code workspace}. */
  public static org.gongkai.web.Portal portal(
      org.gongkai.config.ServeConfig config,
      IndexStore store,
      org.gongkai.workspace.Workspace workspace) {
    return wiring().portal(config, store, workspace);
  }

  /** A fixed clock, so "date indexed" is the same in every run. */
  public static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-15T08:00:00Z"), ZoneOffset.UTC);

  /** An indexer wired as in {@link App}, after the segmenter's dictionary is installed. */
  public static Indexer indexer() {
    HanLpSegmenter.install(gazetteer().names());
    return new Indexer(ingestor(), CLOCK, IndexConfig.defaults());
  }

  private static IndexStore bundled;

  /**
   * The bundled corpus ({@code corpus/formats}) indexed once for every test that only reads it;
   * closed and deleted when the tests' JVM exits, never by a test.
   */
  public static synchronized IndexStore bundledIndex() throws IOException {
    if (bundled == null) {
      Path dir = Files.createTempDirectory("gongkai-bundled-");
      IndexStore store = index(dir, List.of(CORPUS.resolve("formats")));
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try (Stream<Path> files = Files.walk(dir)) {
                      store.close();
                      for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList())
                        Files.deleteIfExists(f);
                    } catch (IOException e) {
                      // a temporary directory left behind is all that is lost
                    }
                  }));
      bundled = store;
    }
    return bundled;
  }

  /** Indexes {@code paths} into a new index in {@code dir} and returns the open store. */
  public static IndexStore index(Path dir, List<Path> paths) throws IOException {
    IndexStore store = IndexStore.openForWriting(dir);
    IngestReport r = indexer().run(store, paths, false, Indexer.Progress.NONE);
    if (!r.allIndexed())
      throw new IllegalStateException("fixture failed to index: " + r.failures());
    return store;
  }

  /**
   * {@code paths} indexed into the private collection {@code key}'s own index beside the public
   * index in {@code index}, as {@code collection add} and an upload do; open for writing.
   */
  public static IndexStore indexInto(Path index, String key, List<Path> paths) throws IOException {
    IndexStore store = org.gongkai.index.CollectionIndexes.openForWriting(index, key);
    IngestReport r = indexer().run(store, paths, false, Indexer.Progress.NONE);
    if (!r.allIndexed())
      throw new IllegalStateException("fixture failed to index: " + r.failures());
    return store;
  }

  /** Every bundled file: the seeds, their real-format versions and the encoding variant. */
  /**
   * The development set of real reports, read from beside the repository (never committed here).
   */
  public static final Path REAL = Path.of("..", "shared", "corpus", "real");

  /** The rows of the development set's {@code gold.tsv}, or none when the set is not here. */
  public static List<org.apache.commons.csv.CSVRecord> realGold() throws IOException {
    if (!Files.isRegularFile(REAL.resolve("gold.tsv"))) return List.of();
    try (var in = Files.newBufferedReader(REAL.resolve("gold.tsv"))) {
      return org.apache.commons.csv.CSVFormat.TDF
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .build()
          .parse(in)
          .getRecords();
    }
  }

  public static List<Path> corpusFiles() {
    try (Stream<Path> s = Stream.of("seeds", "formats", "variants").flatMap(TestSupport::list)) {
      return s.sorted().toList();
    }
  }

  private static Stream<Path> list(String folder) {
    try {
      return Files.list(CORPUS.resolve(folder));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Compares {@code actual} with a golden file; with {@code -Dgolden.update=true} rewrites it
   * instead (review the diff before committing).
   */
  public static void assertGolden(Path golden, String actual) throws IOException {
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(golden))
      throw new AssertionError(
          "missing golden file " + golden + " (run with -Dgolden.update=true)");
    org.junit.jupiter.api.Assertions.assertEquals(
        Files.readString(golden, StandardCharsets.UTF_8), actual, "differs from " + golden);
  }
}
