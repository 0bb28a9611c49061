package org.gongkai.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.gongkai.App;
import org.gongkai.TestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code index --watch} over a folder a crawler fills (#67): each event — a file appears, is still
 * being written, changes, moves, goes — reaches the index by itself, read from the manifest each
 * run writes; stopped and started again, the watch first catches up with what happened meanwhile.
 * (How fast is the benchmark's to say: these tests only wait, generously.)
 */
class WatchCommandTest {

  @TempDir Path tmp;

  static final Path SEED = TestSupport.CORPUS.resolve("seeds/000_988c7a9063883e3f.txt");
  static final Path OTHER = TestSupport.CORPUS.resolve("seeds/004_37d039dcb8ad6afc.txt");

  /** A watch in its own thread; {@link #close()} stops it as Ctrl-C would. */
  final class Watching implements AutoCloseable {
    final StringWriter out = new StringWriter();
    final Thread thread;

    Watching(Path index, Path folder) throws Exception {
      thread =
          new Thread(
              () ->
                  App.execute(
                      new PrintWriter(out),
                      new PrintWriter(new StringWriter()),
                      "index",
                      "--index",
                      index.toString(),
                      "--watch",
                      folder.toString()));
      thread.start();
      until(() -> out.toString().contains("watch "), "the watch to start");
    }

    @Override
    public void close() throws Exception {
      thread.interrupt();
      thread.join(60_000);
    }
  }

  /** The manifest's lines by file (under the crawl folder): outcome and document. */
  Map<String, String> manifest(Path index) throws Exception {
    Map<String, String> out = new LinkedHashMap<>();
    Path m = index.resolve("manifest.tsv");
    if (!Files.exists(m)) return out;
    for (String line : Files.readAllLines(m)) {
      String[] c = line.split("\t", -1);
      if (c[0].equals("file")) continue;
      out.put(tmp.resolve("crawl").relativize(Path.of(c[0])).toString(), c[2] + " " + c[8]);
    }
    return out;
  }

  static void until(java.util.function.BooleanSupplier done, String what) throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > end) throw new AssertionError("waited a minute for " + what);
      Thread.sleep(100);
    }
  }

  void untilManifest(Path index, Predicate<Map<String, String>> done, String what)
      throws Exception {
    until(
        () -> {
          try {
            return done.test(manifest(index));
          } catch (Exception e) {
            return false;
          }
        },
        what);
  }

  /**
   * {@code index --solr --watch} keeps a collection up to date (the cluster's own test, in solr/,
   * watches into one); with no cluster there, it says so and does not pretend to watch.
   */
  @Test
  void aWatchIntoAnUnreachableSolrCloudSaysSoAndStops() {
    StringWriter out = new StringWriter(), err = new StringWriter();
    assertEquals(
        4,
        App.execute(
            new PrintWriter(out),
            new PrintWriter(err),
            "index",
            "--solr",
            "127.0.0.1:1/gongkai",
            "--index",
            tmp.resolve("journal").toString(),
            "--watch",
            tmp.toString()));
    assertTrue(err.toString().startsWith("gongkai: "), err.toString());
    assertTrue(!out.toString().contains("watching"), out.toString());
  }

  @Test
  void eachEventReachesTheIndexByItself() throws Exception {
    Path crawl = Files.createDirectories(tmp.resolve("crawl"));
    Path index = tmp.resolve("index");
    Files.copy(SEED, crawl.resolve("a.txt"));
    try (Watching w = new Watching(index, crawl)) {
      assertEquals(List.of("a.txt"), List.copyOf(manifest(index).keySet()));
      String doc = manifest(index).get("a.txt");

      // appears, written in two goes: never read half-written
      String whole = Files.readString(OTHER);
      Path b = crawl.resolve("b.txt");
      Files.writeString(b, whole.substring(0, whole.length() / 3));
      List<String> seen = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        Thread.sleep(100);
        seen.addAll(manifest(index).keySet());
      }
      Files.writeString(b, whole);
      untilManifest(index, m -> m.containsKey("b.txt"), "b.txt indexed");
      assertTrue(!seen.contains("b.txt"), "read while being written: " + seen);
      String bDoc = manifest(index).get("b.txt");
      assertEquals(
          org.gongkai.ingest.DocumentIngestor.sha256(Files.readAllBytes(OTHER)).substring(0, 16),
          bDoc.split(" ")[1],
          "the whole file's report");

      // changes: read again, a new report
      Files.writeString(b, whole + "\n附：本报告于2026年11月更正。\n");
      untilManifest(index, m -> !bDoc.equals(m.get("b.txt")), "b.txt read again");

      // moves: the same report under its new name, nothing read again
      Path moved = Files.createDirectories(crawl.resolve("2024")).resolve("a.txt");
      Files.move(crawl.resolve("a.txt"), moved);
      untilManifest(
          index,
          m -> m.size() == 2 && doc.equals(m.get("2024/a.txt")),
          "a.txt moved with its report");
      // said when the run is done: read from nothing, its report kept
      until(
          () ->
              w.out
                  .toString()
                  .contains(
                      "1 new or changed, 1 gone: 0 indexed, 0 unchanged, 1 duplicates, 0 removed"),
          "the move said");

      // goes: pruned
      Files.delete(b);
      untilManifest(index, m -> !m.containsKey("b.txt"), "b.txt pruned");
      assertEquals(Map.of("2024/a.txt", doc), manifest(index));
    }

    // stopped (as by kill -9: nothing is kept but the index's last commit), the folder changes;
    // started again, the watch first catches up
    Files.delete(crawl.resolve("2024/a.txt"));
    Files.copy(OTHER, crawl.resolve("c.txt"));
    try (Watching w = new Watching(index, crawl)) {
      assertEquals(List.of("c.txt"), List.copyOf(manifest(index).keySet()));
    }
  }
}
