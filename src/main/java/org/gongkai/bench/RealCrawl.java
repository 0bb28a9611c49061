package org.gongkai.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.gongkai.config.IndexConfig;
import org.gongkai.index.IndexStore;
import org.gongkai.ingest.DocumentIngestor;
import org.gongkai.ingest.Indexer;
import org.gongkai.ingest.IngestReport;
import org.gongkai.model.IndexedDocument;
import org.gongkai.model.IndexedSection;

/**
 * A real crawl indexed as {@code index} indexes it (the same {@link Indexer}, threads and commits),
 * into a fresh index: files and MB of text per second, how many cores the process kept busy (CPU
 * seconds of the process and of the programs it ran, such as Tesseract, over wall seconds; and the
 * same for each tenth of the run, so a run that is parallel only at its start shows it), the time
 * each stage took summed over the workers, and the files that failed with their reasons.
 */
public final class RealCrawl {

  /** How often the cores in use are sampled. */
  private static final long SAMPLE_MILLIS = 250;

  private final DocumentIngestor ingestor;
  private final PrintWriter log;

  public RealCrawl(DocumentIngestor ingestor, PrintWriter log) {
    this.ingestor = ingestor;
    this.log = log;
  }

  /** Indexes {@code dir} into {@code work}/real-index on {@code threads} workers; the result. */
  public ObjectNode run(Path dir, Path work, int threads, ObjectMapper json) throws IOException {
    Path indexDir = work.resolve("real-index");
    Benchmark.deleteTree(indexDir);
    Map<String, AtomicLong> stageNanos = new ConcurrentHashMap<>();
    Indexer indexer =
        new Indexer(
            ingestor,
            Clock.systemUTC(),
            new IndexConfig(threads, IndexConfig.DEFAULT_COMMIT_EVERY),
            (stage, nanos) ->
                stageNanos.computeIfAbsent(stage, k -> new AtomicLong()).addAndGet(nanos));
    log.println("indexing the real crawl " + dir + " …");
    log.flush();
    List<Double> busy = new ArrayList<>(); // cores in use in each sample
    Thread sampler = sampler(busy);
    long cpu0 = cpuNanos();
    long t0 = System.nanoTime();
    IngestReport report;
    long textBytes = 0;
    int sections = 0;
    try (IndexStore store = IndexStore.openForWriting(indexDir)) {
      sampler.start();
      try {
        report = indexer.run(store, List.of(dir), false, Indexer.Progress.NONE);
        store.commit();
      } finally {
        sampler.interrupt();
      }
      long wall = System.nanoTime() - t0;
      long cpu = cpuNanos() - cpu0;
      try {
        sampler.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      for (IndexedDocument d : store.documents()) {
        for (IndexedSection s : store.sections(d.docId())) {
          textBytes += s.text().getBytes(StandardCharsets.UTF_8).length;
          sections++;
        }
      }
      return result(json, dir, threads, report, wall, cpu, busy, stageNanos, textBytes, sections);
    }
  }

  private ObjectNode result(
      ObjectMapper json,
      Path dir,
      int threads,
      IngestReport report,
      long wallNanos,
      long cpuNanos,
      List<Double> busy,
      Map<String, AtomicLong> stageNanos,
      long textBytes,
      int sections) {
    double seconds = wallNanos / 1e9;
    int files =
        report.indexed()
            + report.unchanged()
            + report.duplicates()
            + report.failures().size()
            + report.landingPages().size();
    ObjectNode out = json.createObjectNode();
    out.put("dir", dir.toString());
    out.put("files", files);
    out.put("failed", report.failures().size());
    out.put("seconds", Benchmark.round(seconds));
    out.put("filesPerSec", Benchmark.round(files / seconds));
    out.put("textMbPerSec", Benchmark.round(textBytes / 1e6 / seconds));
    out.put("cpuCores", Benchmark.round(cpuNanos / (double) wallNanos));
    out.put("threads", threads);
    out.put("machineCores", Runtime.getRuntime().availableProcessors());
    out.put("indexed", report.indexed());
    out.put("duplicates", report.duplicates());
    out.put("landingPages", report.landingPages().size());
    out.put("skipped", report.skipped());
    out.put("documents", report.documents());
    out.put("sections", sections);
    out.put("textMb", Benchmark.round(textBytes / 1e6));
    ArrayNode tenths = out.putArray("cpuCoresByTenth");
    for (int t = 0; t < 10 && !busy.isEmpty(); t++) {
      int from = t * busy.size() / 10, to = Math.max(from + 1, (t + 1) * busy.size() / 10);
      double sum = 0;
      for (int i = from; i < Math.min(to, busy.size()); i++) sum += busy.get(i);
      tenths.add(Benchmark.round(sum / (Math.min(to, busy.size()) - from)));
    }
    // seconds each stage took, summed over the workers (CPU-like time, not wall time)
    ObjectNode stages = out.putObject("stageSeconds");
    for (String stage : List.of("extract", "ocr", "clean", "split", "figures", "index")) {
      AtomicLong n = stageNanos.get(stage);
      stages.put(stage, Benchmark.round(n == null ? 0 : n.get() / 1e9));
    }
    ArrayNode failures = out.putArray("failures");
    for (IngestReport.Failure f : report.failures())
      failures.addObject().put("file", f.file()).put("reason", f.reason());
    out.put(
        "method",
        "index's own indexer into a fresh index; cpuCores = CPU seconds of the process and its"
            + " child processes ÷ wall seconds");
    return out;
  }

  /** A daemon thread that records, every {@link #SAMPLE_MILLIS}, the cores used since its last. */
  private static Thread sampler(List<Double> busy) {
    Thread t =
        new Thread(
            () -> {
              long lastCpu = cpuNanos(), lastWall = System.nanoTime();
              while (!Thread.currentThread().isInterrupted()) {
                try {
                  Thread.sleep(SAMPLE_MILLIS);
                } catch (InterruptedException e) {
                  break;
                }
                long cpu = cpuNanos(), wall = System.nanoTime();
                synchronized (busy) {
                  busy.add((cpu - lastCpu) / (double) Math.max(1, wall - lastWall));
                }
                lastCpu = cpu;
                lastWall = wall;
              }
            },
            "bench-cpu-sampler");
    t.setDaemon(true);
    return t;
  }

  /**
   * CPU time of this process, and of the child processes it waited for (Tesseract): the JVM tells
   * its own; Linux's {@code /proc/self/stat} tells the children's, in clock ticks of 1/100 s.
   */
  static long cpuNanos() {
    long own = 0;
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) own = os.getProcessCpuTime();
    return Math.max(0, own) + childrenCpuNanos();
  }

  private static long childrenCpuNanos() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      // fields after the command name (which is in parentheses and may hold spaces)
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // cutime and cstime are fields 16 and 17 of the whole line: 14th and 15th after the name
      return (Long.parseLong(f[13]) + Long.parseLong(f[14])) * 10_000_000L;
    } catch (IOException | RuntimeException e) {
      return 0; // not Linux: the JVM's own time only
    }
  }
}
