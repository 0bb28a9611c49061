package org.gongkai.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gongkai.config.IndexConfig;
import org.gongkai.index.IndexStore;
import org.gongkai.ingest.DocumentIngestor;
import org.gongkai.ingest.Indexer;
import org.gongkai.watch.Watcher;

/**
 * The watch measured (#67), as {@code index --watch} runs it (the same {@link Watcher}, its look
 * every second and its two seconds' wait for a file to stop changing):
 *
 * <ul>
 *   <li><b>latency</b>: 10-page PDF reports written one by one into a watched folder (one a
 *       second), each timed from the end of its write until a reader of the index finds it — p50,
 *       p99, max against the 10 s target;
 *   <li><b>burst</b>: a folder of many such reports moved into the watched folder at once, timed
 *       until the index holds all of them, against {@code index} reading the same files into an
 *       empty index — the watch's throughput as a share of {@code index}'s.
 * </ul>
 *
 * Each report is its own (synthetic reports of the benchmark's corpus, joined until ten pages), so
 * none is a copy of another.
 */
public final class WatchBench {

  /** A file must be searchable this soon after its last write. */
  public static final long TARGET_MS = 10_000;

  /** The pages of each report dropped. */
  static final int PAGES = 10;

  private final DocumentIngestor ingestor;
  private final PrintWriter log;

  public WatchBench(DocumentIngestor ingestor, PrintWriter log) {
    this.ingestor = ingestor;
    this.log = log;
  }

  /**
   * Measures {@code files} reports dropped one every {@code intervalMillis}, and a burst of {@code
   * burst} (0: not measured), in {@code work}; read on {@code threads} workers.
   */
  public ObjectNode measure(
      Path work,
      SyntheticCorpus corpus,
      long seed,
      int files,
      long intervalMillis,
      int burst,
      int threads,
      ObjectMapper json)
      throws Exception {
    Path dir = work.resolve("watch");
    deleteTree(dir);
    Files.createDirectories(dir);
    Indexer indexer =
        new Indexer(
            ingestor,
            Clock.systemUTC(),
            new IndexConfig(threads, IndexConfig.DEFAULT_COMMIT_EVERY));
    int[] next = {0};
    ObjectNode out = json.createObjectNode();
    out.put("pages", PAGES);
    out.put("pollMs", Watcher.POLL_MILLIS);
    out.put("settleMs", Watcher.SETTLE_MILLIS);
    out.put("targetMs", TARGET_MS);
    try {
      if (files > 0) {
        log.println(
            "measuring the watch: " + files + " reports of " + PAGES + " pages, one by one …");
        log.flush();
        Path staged = reports(dir.resolve("staged-latency"), files, corpus, seed, next);
        double[] ms = latencies(dir, staged, files, intervalMillis, indexer);
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        out.put("files", files);
        out.put("intervalMs", intervalMillis);
        out.put("p50Ms", Math.round(percentile(sorted, 50)));
        out.put("p99Ms", Math.round(percentile(sorted, 99)));
        out.put("maxMs", Math.round(sorted[sorted.length - 1]));
        out.put("withinTarget", Arrays.stream(ms).filter(v -> v <= TARGET_MS).count());
      }
      if (burst > 0) {
        log.println("measuring the watch: a burst of " + burst + " reports against index …");
        log.flush();
        Path staged = reports(dir.resolve("staged-burst"), burst, corpus, seed, next);
        ObjectNode b = out.putObject("burst");
        b.put("files", burst);
        // index, as a newsroom runs it over a folder: the same files into an empty index
        long t0 = System.nanoTime();
        try (IndexStore store = IndexStore.openForWriting(dir.resolve("index-run"))) {
          indexer.run(store, List.of(staged), false, Indexer.Progress.NONE);
        }
        double indexSeconds = (System.nanoTime() - t0) / 1e9;
        double watchSeconds = burstByWatch(dir, staged, burst, indexer);
        b.put("indexSeconds", round(indexSeconds));
        b.put("watchSeconds", round(watchSeconds));
        b.put("indexFilesPerSec", round(burst / indexSeconds));
        b.put("watchFilesPerSec", round(burst / watchSeconds));
        b.put("ratio", round(indexSeconds / watchSeconds));
      }
    } catch (Exception e) {
      // said and recorded, with what was measured before it; the run goes on
      String why =
          e.getClass().getSimpleName()
              + ": "
              + String.valueOf(e.getMessage()).replaceAll("\\s+", " ");
      log.println("the watch's measurement failed: " + why);
      log.flush();
      out.put("error", why);
    }
    deleteTree(dir);
    return out;
  }

  /** {@code n} reports of ten pages each written into {@code dir} (as PDFs). */
  private static Path reports(Path dir, int n, SyntheticCorpus corpus, long seed, int[] next)
      throws IOException {
    Files.createDirectories(dir);
    for (int i = 0; i < n; i++) {
      StringBuilder text = new StringBuilder();
      while (SimplePdf.pages(text.toString()) < PAGES)
        text.append(corpus.text(next[0]++, seed)).append('\n');
      SimplePdf.write(dir.resolve(String.format("watched-%05d.pdf", i)), text.toString());
    }
    return dir;
  }

  /** A watch over an empty folder and index, given {@code run} to do while it watches. */
  private interface WhileWatching<T> {
    T run(Path folder, IndexStore reader) throws Exception;
  }

  private static <T> T watching(Path dir, String name, Indexer indexer, WhileWatching<T> work)
      throws Exception {
    Path folder = Files.createDirectories(dir.resolve(name + "-crawl"));
    Path index = dir.resolve(name + "-index");
    try (IndexStore store = IndexStore.openForWriting(index)) {
      Watcher watcher =
          new Watcher(
              List.of(folder),
              Watcher.POLL_MILLIS,
              Watcher.SETTLE_MILLIS,
              (files, prune, progress) ->
                  indexer.run(store, files, prune, progress, Indexer.Domains.NONE),
              new PrintWriter(java.io.Writer.nullWriter()),
              null);
      watcher.catchUp();
      Thread t =
          new Thread(
              () -> {
                try {
                  watcher.run();
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              },
              "bench-watch");
      t.setDaemon(true);
      t.start();
      try (IndexStore reader = IndexStore.openForReading(index)) {
        return work.run(folder, reader);
      } finally {
        watcher.stop(); // after its run in progress: an interrupted commit loses the index's lock
        t.join(60_000);
        if (t.isAlive())
          throw new IOException("the watch's run had not ended a minute after it was stopped");
      }
    }
  }

  /**
   * Each staged report written into the watched folder, one every {@code intervalMillis}; the time
   * from the end of its write until a reader of the index finds its file, in ms.
   */
  private static double[] latencies(
      Path dir, Path staged, int n, long intervalMillis, Indexer indexer) throws Exception {
    return watching(
        dir,
        "latency",
        indexer,
        (folder, reader) -> {
          List<Path> sources = new ArrayList<>();
          try (var s = Files.list(staged)) {
            s.sorted().forEach(sources::add);
          }
          long[] written = new long[n];
          double[] ms = new double[n];
          String[] keys = new String[n];
          int found = 0, dropped = 0;
          long nextDrop = System.nanoTime();
          long deadline = Long.MAX_VALUE;
          while (found < n) {
            long now = System.nanoTime();
            if (dropped < n && now >= nextDrop) {
              Path target = folder.resolve(sources.get(dropped).getFileName());
              Files.write(target, Files.readAllBytes(sources.get(dropped)));
              written[dropped] = System.nanoTime();
              keys[dropped] = Indexer.key(target);
              dropped++;
              nextDrop += intervalMillis * 1_000_000;
              if (dropped == n) deadline = System.nanoTime() + 120_000_000_000L;
            }
            if (System.nanoTime() > deadline)
              throw new IOException(
                  "the watch had indexed " + found + " of " + n + " reports two minutes after");
            reader.refresh();
            var indexed = reader.files();
            long seen = System.nanoTime();
            for (int i = 0; i < dropped; i++)
              if (ms[i] == 0 && indexed.containsKey(keys[i])) {
                ms[i] = (seen - written[i]) / 1e6;
                found++;
              }
            Thread.sleep(20);
          }
          return ms;
        });
  }

  /** The staged folder moved into the watched one at once; seconds until all its files are in. */
  private static double burstByWatch(Path dir, Path staged, int n, Indexer indexer)
      throws Exception {
    return watching(
        dir,
        "burst-watch",
        indexer,
        (folder, reader) -> {
          long t0 = System.nanoTime();
          Files.move(staged, folder.resolve("burst"));
          long deadline = t0 + 3_600_000_000_000L;
          while (reader.files().size() < n) {
            if (System.nanoTime() > deadline)
              throw new IOException("the watch had not indexed the burst in an hour");
            Thread.sleep(50);
            reader.refresh();
          }
          return (System.nanoTime() - t0) / 1e9;
        });
  }

  static double percentile(double[] sorted, double p) {
    int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList())
        Files.deleteIfExists(p);
    }
  }

  /** The watch's lines of the benchmark's table. */
  public static String markdown(com.fasterxml.jackson.databind.JsonNode w) {
    StringBuilder sb = new StringBuilder("\n| watch | measured | target |\n|---|---|---|\n");
    if (w.has("error"))
      sb.append("| the watch's measurement | failed: ")
          .append(w.get("error").asText().replace("|", "\\|"))
          .append(" | — |\n");
    if (w.has("p50Ms"))
      sb.append(
          String.format(
              "| a %d-page PDF searchable after its last write (%d files, one every %d ms) | p50 %d"
                  + " ms, p99 %d ms, max %d ms (%d of %d within target) | ≤ %d ms %s |%n",
              w.get("pages").asInt(),
              w.get("files").asInt(),
              w.get("intervalMs").asLong(),
              w.get("p50Ms").asLong(),
              w.get("p99Ms").asLong(),
              w.get("maxMs").asLong(),
              w.get("withinTarget").asLong(),
              w.get("files").asInt(),
              w.get("targetMs").asLong(),
              w.get("p99Ms").asLong() <= w.get("targetMs").asLong() ? "✓" : "✗ missed"));
    var b = w.get("burst");
    if (b != null)
      sb.append(
          String.format(
              "| a burst of %d files | watch %.2f files/s (%.1f s), index %.2f files/s (%.1f s):"
                  + " %.0f%% of index's | equal to index's (≥ 90%%) %s |%n",
              b.get("files").asInt(),
              b.get("watchFilesPerSec").asDouble(),
              b.get("watchSeconds").asDouble(),
              b.get("indexFilesPerSec").asDouble(),
              b.get("indexSeconds").asDouble(),
              b.get("ratio").asDouble() * 100,
              b.get("ratio").asDouble() >= 0.9 ? "✓" : "✗ missed"));
    return sb.toString();
  }
}
