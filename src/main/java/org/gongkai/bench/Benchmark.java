package org.gongkai.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.gongkai.extract.ExtractionException;
import org.gongkai.index.IndexStore;
import org.gongkai.index.Schema;
import org.gongkai.ingest.DocumentIngestor;
import org.gongkai.ingest.Indexer;
import org.gongkai.model.DisclosureDocument;
import org.gongkai.model.IndexedDocument;
import org.gongkai.model.IndexedFile;
import org.gongkai.model.IndexedSection;
import org.gongkai.model.IngestedDocument;
import org.gongkai.model.SearchHit;
import org.gongkai.model.SearchPage;
import org.gongkai.model.SearchRequest;
import org.gongkai.search.SearchService;
import org.gongkai.text.Analyzers;

/**
 * Measures Gongkai on a synthetic corpus in one run: ingest throughput by stage, query latency for
 * a seeded mix, two baselines on the same sections (a brute-force scan, and a stock Lucene index
 * with SmartChineseAnalyzer, whose phrase recall is measured against the scan), growth with corpus
 * size, and an estimate for a national corpus. Writes {@code bench.json} and {@code bench.md}.
 *
 * <p>Written here rather than as JMH benchmarks because it measures a whole system at several
 * sizes; the analyzers and the cleaner have JMH benchmarks of their own ({@code src/jmh}).
 */
public final class Benchmark {

  /** What to run. */
  public record Config(
      int docs,
      long seed,
      Path out,
      int threads,
      int queriesPerClass,
      int warmup,
      int loadSeconds,
      int loadConnections,
      int loadWarmupSeconds) {

    /** Without the load test. */
    public Config(int docs, long seed, Path out, int threads, int queriesPerClass, int warmup) {
      this(docs, seed, out, threads, queriesPerClass, warmup, 0, 16);
    }

    /** With the load test's default warm-up ({@link LoadTest#defaultWarmup}). */
    public Config(
        int docs,
        long seed,
        Path out,
        int threads,
        int queriesPerClass,
        int warmup,
        int loadSeconds,
        int loadConnections) {
      this(
          docs,
          seed,
          out,
          threads,
          queriesPerClass,
          warmup,
          loadSeconds,
          loadConnections,
          LoadTest.defaultWarmup(loadSeconds));
    }
  }

  private final Config config;
  private final SyntheticCorpus synth;
  private final DocumentIngestor ingestor;
  private final org.gongkai.regions.Gazetteer gazetteer;
  private final ObjectMapper json;
  private final PrintWriter log;

  public Benchmark(
      Config config,
      SyntheticCorpus synth,
      DocumentIngestor ingestor,
      org.gongkai.regions.Gazetteer gazetteer,
      ObjectMapper json,
      PrintWriter log) {
    this.config = config;
    this.synth = synth;
    this.ingestor = ingestor;
    this.gazetteer = gazetteer;
    this.json = json;
    this.log = log;
  }

  /**
   * Distinct phrases drawn for the uncached load test: with the words queries made from them, more
   * than 60,000 searches, more than its two minutes of warm-up and one measured minute ask at 300
   * requests/s, and thousands more than the server's answer cache holds. (Drawn, not distinct, the
   * synthetic corpus repeats itself: 40,000 draws made 23,726 searches, and the run asked 35,447.)
   */
  static final int UNCACHED_PHRASES = 40_000;

  /** Runs everything and returns bench.json's content. */
  public ObjectNode run() throws Exception {
    Path corpus =
        config
            .out()
            .resolve(
                "corpus-v"
                    + SyntheticCorpus.VERSION
                    + (synth.projectTables() ? "-projects" : "")
                    + "-"
                    + config.seed());
    Path indexDir = config.out().resolve("index-" + config.seed());
    deleteTree(
        indexDir); // the corpus is reused; the index is built afresh, since building it is measured
    deleteTree(config.out().resolve("smartcn-" + config.seed()));
    resetPeakHeap();
    ObjectNode result = json.createObjectNode();
    ArrayNode scaling = json.createArrayNode();
    Ingest total = new Ingest();
    int[] sizes = sizes(config.docs());
    int done = 0;
    List<Path> allFiles = new ArrayList<>();
    try (IndexStore store = IndexStore.openForWriting(indexDir)) {
      for (int size : sizes) {
        List<Path> files = synth.write(corpus, done, size, config.seed());
        allFiles.addAll(files);
        log.printf("ingesting documents %d–%d …%n", done, size);
        log.flush();
        total.add(ingest(store, files));
        done = size;
        store.commit();
        // searched as the portal searches it: the commit opened for reading, as serve opens it (a
        // store opened for writing searches its writer's readers, measured 0.4–0.7 ms slower at the
        // median on 1 M sections: docs/performance.md); both closed after this size
        try (IndexStore served = IndexStore.openForReading(indexDir);
            SearchService search = new SearchService(served, gazetteer)) {
          List<String> phrases = phrases(served, new Random(config.seed()), 200);
          List<String> quotedPhrases = phrases.stream().map(p -> "\"" + p + "\"").toList();
          latency(
              search,
              quotedPhrases,
              true,
              1); // a full pass to warm the JIT and the caches: the first size would look slowest
          Latency l = latency(search, quotedPhrases, true, 1);
          ObjectNode point = scaling.addObject();
          point.put("docs", size);
          point.put("sections", store.sectionCount());
          point.put("phraseP50Ms", round(l.p50()));
          point.put("phraseP99Ms", round(l.p99()));
          log.printf(
              "  %d sections: phrase p50 %.2f ms, p99 %.2f ms%n",
              store.sectionCount(), l.p50(), l.p99());
          log.flush();
        }
      }
      List<String[]> sections = sections(store);
      double textMb =
          sections.stream().mapToLong(s -> s[1].length() * 3L).sum()
              / 1e6; // UTF-8: ~3 bytes per Han
      ObjectNode c = result.putObject("corpus");
      c.put("docs", store.documentCount());
      c.put("projectTables", synth.projectTables());
      c.put("sections", sections.size());
      c.put("textMb", round(textMb));
      ObjectNode in = result.putObject("ingest");
      in.put("docsPerSec", round(total.docs / total.wallSeconds()));
      in.put("mbPerSec", round(total.textMb() / total.wallSeconds()));
      in.put("threads", config.threads());
      ObjectNode stages = in.putObject("stages");
      for (String stage : List.of("extract", "clean", "split", "figures", "segment", "index")) {
        double cpu = total.stageNanos.getOrDefault(stage, new AtomicLong()).get() / 1e9;
        stages.put(
            stage, cpu == 0 ? 0 : round(total.textMb() / cpu)); // MB/s of clean text on one core
      }
      // measured once the merges in flight are done: until then old and new segments both count
      store.settle();
      long indexBytes = size(indexDir);
      in.put("indexMbPerTextMb", round(indexBytes / 1e6 / textMb));
      in.put("peakHeapMb", round(peakHeap() / 1e6));
      in.put("failed", total.failed.get());

      // the searches below run on the settled commit opened for reading, as serve opens it
      result.put("searchedStore", "opened for reading, as serve opens it");
      try (IndexStore served = IndexStore.openForReading(indexDir);
          SearchService search = new SearchService(served, gazetteer)) {
        Random random = new Random(config.seed() + 1);
        // the rare-phrase classes ask every phrase of a pool of four times --queries (1,200 by
        // default); the other uses of rare phrases (filtered, load, baselines) take its first 300,
        // the phrases drawn before there was a pool
        List<String> pool = phrases(sections, random, rarePool(config.queriesPerClass()));
        List<String> rare = pool.subList(0, Math.min(300, pool.size()));
        List<String> common = List.of("支出", "经费", "预算", "收入", "项目", "工作", "决算", "单位", "财政", "部门");
        List<String> words =
            List.of("公务接待", "机关运行经费", "三公经费 支出", "政府采购", "基本支出 人员经费", "项目支出 绩效", "财政拨款 收入");
        List<String> provinces = List.of("湖北省", "广东省", "四川省", "江苏省", "云南省", "河南省");
        // how many sections the phrases of the mix match: what the latencies below are latencies of
        ObjectNode hits = result.putObject("phraseHits");
        hits.set("rare", hitCounts(search, quoted(pool)));
        hits.set("common", hitCounts(search, quoted(common)));
        ArrayNode queries = result.putArray("queries");
        for (int threads : new int[] {1, Math.max(2, config.threads())}) {
          for (boolean facets : new boolean[] {true, false}) {
            add(
                queries,
                "phrase-rare",
                threads,
                facets,
                latency(search, quoted(pool), facets, threads, pool.size()));
            add(
                queries,
                "phrase-common",
                threads,
                facets,
                latency(search, quoted(common), facets, threads));
            add(queries, "words", threads, facets, latency(search, words, facets, threads));
            List<String> filtered = new ArrayList<>();
            for (int i = 0; i < rare.size(); i++)
              filtered.add("\"" + rare.get(i) + "\" region:" + provinces.get(i % provinces.size()));
            add(
                queries,
                "phrase-filtered",
                threads,
                facets,
                latency(search, filtered, facets, threads));
          }
        }
        add(queries, "deep-page", 1, true, latencyPaged(search, quoted(common), 50));

        result.set("privateCollections", privateCollections(served, indexDir, corpus, pool));

        // the portal under load: its own process, its own heap, HTTP from many connections
        if (config.loadSeconds() > 0)
          result.set(
              "load",
              new LoadTest(log)
                  .run(
                      indexDir,
                      LoadTest.mix(rare, common, words),
                      config.loadConnections(),
                      config.loadSeconds(),
                      config.loadWarmupSeconds(),
                      json,
                      false));
        // the same load with every search a new one: what the index itself answers, uncached
        if (config.loadSeconds() > 0) {
          List<String> many =
              distinctPhrases(sections, new Random(config.seed() + 3), UNCACHED_PHRASES);
          result.set(
              "loadUncached",
              new LoadTest(log)
                  .run(
                      indexDir,
                      LoadTest.distinctMix(many, words),
                      config.loadConnections(),
                      config.loadSeconds(),
                      config.loadWarmupSeconds(),
                      json,
                      true));
        }

        // the same corpus and searches on a SolrCloud collection, beside the embedded figures
        if (solr != null) {
          List<String> many =
              distinctPhrases(sections, new Random(config.seed() + 3), UNCACHED_PHRASES);
          result.set(
              "solr",
              solrCost(
                  store, allFiles, textMb, quoted(rare), words, LoadTest.distinctMix(many, words)));
        }

        // baselines on the same sections
        log.println("baselines …");
        log.flush();
        BruteForce brute = new BruteForce(sections);
        Latency bruteLatency = timeEach(rare, p -> brute.find(p).size());
        Path smartDir = config.out().resolve("smartcn-" + config.seed());
        SmartCn smart = new SmartCn(smartDir, sections);
        Latency smartLatency = timeEach(rare, p -> smart.find(p).size());
        List<String> recallPhrases = new ArrayList<>(rare.subList(0, Math.min(150, rare.size())));
        recallPhrases.addAll(
            phrasesAcrossPunctuation(sections, new Random(config.seed() + 2), 100));
        double ours = recall(recallPhrases, brute, p -> ids(search, p));
        double theirs = recall(recallPhrases, brute, smart::find);
        smart.close();
        ObjectNode recall = result.putObject("phraseRecall");
        recall.put("gongkai", round(ours));
        // unrounded, for the recall target: 0.999 is written 1.0 above, and is not all
        recall.put("gongkaiExact", ours);
        recall.put("smartcn", round(theirs));
        recall.put("phrases", recallPhrases.size());
        ObjectNode baselines = result.putObject("baselines");
        baselines
            .putObject("bruteForce")
            .put("p50Ms", round(bruteLatency.p50()))
            .put("p99Ms", round(bruteLatency.p99()));
        baselines
            .putObject("smartcn")
            .put("p50Ms", round(smartLatency.p50()))
            .put("p99Ms", round(smartLatency.p99()));
        result.set("scaling", scaling);

        // the national estimate from the measured growth curve (power law through the scaling
        // points)
        ObjectNode national = result.putObject("nationalEstimate");
        double target = 1e8;
        national.put("sections", (long) target);
        national.put("phraseP99Ms", round(extrapolate(scaling, "phraseP99Ms", target)));
        national.put("indexGb", round(indexBytes / (double) sections.size() * target / 1e9));
        double sectionsPerSec = sections.size() / total.wallSeconds();
        national.put("ingestHours", round(target / sectionsPerSec / 3600));
        national.put(
            "method",
            "phrase p99 fitted as a·n^b through the scaling points; index size and ingest time linear in sections");
        result.set("targets", BenchTargets.judge(result));
      }
    }
    stamp(result);
    return result;
  }

  /** The storage key of the benchmark's private collection. */
  static final String PRIVATE_KEY = "b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0";

  /**
   * What a private collection costs: a ninth more documents (a tenth of all) read into a
   * collection's own index, then the rare phrases asked by nobody (the public index alone, as a
   * portal without the collection) and by a member (the public index and the collection's, joined
   * as one reader: what the design adds), one at a time with facets.
   */
  private ObjectNode privateCollections(
      IndexStore store, Path indexDir, Path corpus, List<String> pool) throws Exception {
    int extra = Math.max(1, config.docs() / 9);
    List<Path> files = synth.write(corpus, config.docs(), config.docs() + extra, config.seed());
    log.printf("private collection: ingesting %d documents …%n", extra);
    log.flush();
    int sections;
    try (IndexStore own =
        org.gongkai.index.CollectionIndexes.openForWriting(indexDir, PRIVATE_KEY)) {
      ingest(own, files);
      own.settle();
      sections = own.sectionCount();
    }
    org.gongkai.index.CollectionIndexes overlay = new org.gongkai.index.CollectionIndexes(indexDir);
    store.overlay(overlay);
    SearchService search = new SearchService(store, gazetteer);
    try {
      List<String> quoted = quoted(pool);
      Probe nobody = q -> (int) search.search(SearchRequest.of(q), true).total();
      Probe member =
          q -> {
            org.gongkai.model.Visibility.readable(java.util.Set.of(PRIVATE_KEY));
            try {
              return (int) search.search(SearchRequest.of(q), true).total();
            } finally {
              org.gongkai.model.Visibility.clear();
            }
          };
      Latency outside = latencyOf(nobody, quoted, 1, pool.size());
      Latency inside = latencyOf(member, quoted, 1, pool.size());
      ObjectNode o = json.createObjectNode();
      o.put("publicDocs", store.documentCount());
      o.put("privateDocs", extra);
      o.put("privateSections", sections);
      o.put("privateShare", round(extra / (double) (extra + store.documentCount())));
      o.putObject("nobody").put("p50Ms", round(outside.p50())).put("p99Ms", round(outside.p99()));
      o.putObject("member").put("p50Ms", round(inside.p50())).put("p99Ms", round(inside.p99()));
      o.put("memberCostP99", round(inside.p99() / outside.p99() - 1));
      o.put(
          "method",
          "phrase-rare, 1 thread, facets: nobody reads the public index alone; a member reads it"
              + " joined with the collection's own index (a MultiReader)");
      log.printf(
          "  private collection (%d documents): nobody p50 %.2f p99 %.2f ms, member p50 %.2f p99"
              + " %.2f ms%n",
          extra, outside.p50(), outside.p99(), inside.p50(), inside.p99());
      log.flush();
      return o;
    } finally {
      search.close();
      store.overlay(null);
      overlay.close();
    }
  }

  private org.gongkai.solr.SolrTarget solr;

  /**
   * Also measures a SolrCloud collection on the same corpus ({@code bench --solr}): an empty one is
   * loaded first (a collection already holding exactly this corpus's sections is searched as it
   * is).
   */
  public Benchmark withSolr(org.gongkai.solr.SolrTarget target) {
    this.solr = target;
    return this;
  }

  /**
   * What a shard costs: the corpus loaded into the collection (each report read again as the ingest
   * reads it, its records sent to the collection only), then the rare phrases and the word queries
   * one at a time with facets, and the uncached load through {@code serve --solr}.
   */
  private ObjectNode solrCost(
      IndexStore store,
      List<Path> files,
      double textMb,
      List<String> rare,
      List<String> words,
      List<String> uncached)
      throws Exception {
    ObjectNode o = json.createObjectNode();
    long sections = store.sectionCount();
    try (org.gongkai.solr.SolrCollection c = org.gongkai.solr.SolrCollection.connect(solr)) {
      long held = c.check();
      if (held == 0) {
        log.printf("loading %d reports into SolrCloud collection %s …%n", files.size(), solr);
        log.flush();
        long t0 = System.nanoTime();
        long failed = load(c.bulkLoad(), files, Math.max(4, 2 * config.threads()));
        if (failed > 0) o.put("loadFailed", failed);
        double seconds = (System.nanoTime() - t0) / 1e9;
        o.put("loadSeconds", round(seconds));
        o.put("loadMbPerSec", round(textMb / seconds));
      }
      long solrSections = new org.gongkai.solr.SolrReads(c).sectionCount();
      if (solrSections != sections)
        throw new IOException(
            "SolrCloud collection "
                + solr
                + " holds "
                + solrSections
                + " sections, the bench's index "
                + sections
                + ": give an empty collection");
      org.gongkai.solr.SolrCollection.Layout layout = c.layout();
      o.put("target", solr.toString());
      o.put("nodes", layout.nodes());
      o.put("shards", layout.shards());
      o.put("replicas", layout.replicasPerShard());
      o.put("sections", solrSections);
      org.gongkai.solr.SolrSearchService search =
          new org.gongkai.solr.SolrSearchService(c, gazetteer);
      Probe probe = q -> (int) search.search(SearchRequest.of(q)).total();
      Latency phrase = latencyOf(probe, rare, 1);
      Latency word = latencyOf(probe, words, 1);
      o.putObject("phraseRare").put("p50Ms", round(phrase.p50())).put("p99Ms", round(phrase.p99()));
      o.putObject("words").put("p50Ms", round(word.p50())).put("p99Ms", round(word.p99()));
      if (config.loadSeconds() > 0) {
        ObjectNode load =
            new LoadTest(log)
                .serving(
                    List.of("--solr", solr.toString()),
                    uncached,
                    config.loadConnections(),
                    config.loadSeconds(),
                    config.loadWarmupSeconds(),
                    json,
                    true);
        o.put("rps", load.path("rps").asDouble());
        o.set("loadUncached", load);
      }
      o.put(
          "note",
          "the same corpus and searches as the embedded figures (phrase-rare and words: one at a"
              + " time, with facets; rps: loadUncached), all processes on this one machine: a cost"
              + " model of a shard, not a speed-up");
    }
    return o;
  }

  /**
   * Each file read as the ingest reads it, and its records (those the index writes) sent to {@code
   * replica} only; more threads than cores, since each waits on the cluster. Returns the failures.
   */
  private long load(IndexStore.Replica replica, List<Path> files, int threads) throws Exception {
    org.gongkai.index.DocumentMapper mapper =
        new org.gongkai.index.DocumentMapper(Schema.facetsConfig());
    AtomicLong failed = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (Path f : files) {
        futures.add(
            pool.submit(
                () -> {
                  try {
                    IngestedDocument in = read(f, DocumentIngestor.Stages.NONE);
                    DisclosureDocument d = in.document();
                    replica.put(
                        d.docId(),
                        mapper.toLucene(
                            d, Instant.now(), in.figures(), in.flags(), in.completeness()));
                    replica.putFile(Indexer.key(f), mapper.toLucene(fileRecord(f, d)));
                  } catch (ExtractionException | IOException | RuntimeException e) {
                    if (failed.incrementAndGet() <= 3) log.println("  not loaded: " + f + ": " + e);
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) f.get();
    } finally {
      pool.shutdown();
    }
    replica.commit();
    return failed.get();
  }

  /** The machine a run measured (cores, heap, Java) and when: every bench.json says both. */
  public static void stamp(ObjectNode result) {
    result.put(
        "machine",
        Runtime.getRuntime().availableProcessors()
            + " cores, max heap "
            + Runtime.getRuntime().maxMemory() / (1 << 20)
            + " MB, Java "
            + System.getProperty("java.version"));
    result.put("date", Instant.now(Clock.systemUTC()).toString());
    result.set("environment", environment());
  }

  /**
   * The system's load average (the last minute) when the benchmark began: a quiet machine is near 0
   * (the benchmark's own load drives it to the cores and beyond by its end).
   */
  private static volatile double loadAtStart = -1;

  /** Notes the load average as the benchmark begins (for {@link #stamp}). */
  public static void noteStart() {
    loadAtStart =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  /**
   * What a later run needs to tell the machine from the code (#69): the processor's model, the
   * cores, the load average when the run began, the operating system, and the JVM with the flags it
   * was started with.
   */
  static ObjectNode environment() {
    ObjectNode e = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
    String cpu = System.getProperty("os.arch");
    try {
      for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/cpuinfo")))
        if (line.startsWith("model name")) {
          cpu = line.substring(line.indexOf(':') + 1).strip();
          break;
        }
    } catch (java.io.IOException | RuntimeException notLinux) {
      // the architecture alone
    }
    e.put("cpu", cpu);
    e.put("cores", Runtime.getRuntime().availableProcessors());
    if (loadAtStart >= 0) e.put("loadAverageAtStart", Math.round(loadAtStart * 100) / 100.0);
    e.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    e.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
    var flags = e.putArray("jvmFlags");
    java.lang.management.ManagementFactory.getRuntimeMXBean()
        .getInputArguments()
        .forEach(flags::add);
    return e;
  }

  // ---- ingest

  private static final class Ingest {
    long docs;
    long chars;
    long wallNanos;
    final AtomicLong failed = new AtomicLong();
    final Map<String, AtomicLong> stageNanos = new ConcurrentHashMap<>();

    void add(Ingest o) {
      docs += o.docs;
      chars += o.chars;
      wallNanos += o.wallNanos;
      failed.addAndGet(o.failed.get());
      o.stageNanos.forEach(
          (k, v) -> stageNanos.computeIfAbsent(k, x -> new AtomicLong()).addAndGet(v.get()));
    }

    double wallSeconds() {
      return Math.max(1e-9, wallNanos / 1e9);
    }

    double textMb() {
      return chars * 3 / 1e6;
    }
  }

  /** Ingests files on all threads into the store, timing each stage. */
  private Ingest ingest(IndexStore store, List<Path> files) throws Exception {
    Ingest r = new Ingest();
    AtomicLong chars = new AtomicLong();
    AtomicLong docs = new AtomicLong();
    AtomicLong sampled = new AtomicLong();
    Analyzer word = Analyzers.word();
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(config.threads());
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (Path f : files) {
        futures.add(
            pool.submit(
                () -> {
                  try {
                    IngestedDocument ingested =
                        read(
                            f,
                            (stage, nanos) ->
                                r.stageNanos
                                    .computeIfAbsent(stage, k -> new AtomicLong())
                                    .addAndGet(nanos));
                    DisclosureDocument d = ingested.document();
                    long t0 = System.nanoTime();
                    // HanLP alone, on a tenth of the documents: the index stage analyses the text
                    // again
                    if (sampled.getAndIncrement() % 10 == 0) {
                      segment(word, d.text());
                      r.stageNanos
                          .computeIfAbsent("segment", k -> new AtomicLong())
                          .addAndGet((System.nanoTime() - t0) * 10);
                    }
                    long t1 = System.nanoTime();
                    store.putDocument(ingested, Instant.now());
                    store.putFile(fileRecord(f, d));
                    r.stageNanos
                        .computeIfAbsent("index", k -> new AtomicLong())
                        .addAndGet(System.nanoTime() - t1);
                    chars.addAndGet(d.text().length());
                    docs.incrementAndGet();
                  } catch (ExtractionException | IOException | RuntimeException e) {
                    r.failed.incrementAndGet();
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) f.get();
    } finally {
      pool.shutdown();
    }
    r.wallNanos = System.nanoTime() - start;
    r.docs = docs.get();
    r.chars = chars.get();
    return r;
  }

  /** A file read as {@code index} reads it, within the ingest's time budget. */
  private IngestedDocument read(Path f, DocumentIngestor.Stages stages) throws ExtractionException {
    byte[] bytes = ingestor.read(f);
    return ingestor.ingest(
        f,
        bytes,
        DocumentIngestor.sha256(bytes),
        stages,
        DocumentIngestor.Deadline.in(ingestor.limits().budget()));
  }

  /** The record of the file a report was read from, as {@code index} writes it. */
  private static IndexedFile fileRecord(Path f, DisclosureDocument d) {
    return new IndexedFile(
        Indexer.key(f), d.sha256(), d.docId(), DocumentIngestor.PIPELINE_VERSION);
  }

  private static void segment(Analyzer a, String text) throws IOException {
    try (TokenStream ts = a.tokenStream(org.gongkai.index.Schema.WORDS, text)) {
      ts.reset();
      while (ts.incrementToken()) {
        // consume
      }
      ts.end();
    }
  }

  // ---- queries

  record Latency(double p50, double p95, double p99, double qps) {}

  @FunctionalInterface
  interface Probe {
    int run(String query) throws Exception;
  }

  private Latency latency(SearchService search, List<String> queries, boolean facets, int threads)
      throws Exception {
    return latency(search, queries, facets, threads, config.queriesPerClass());
  }

  /** The same, {@code n} queries measured. */
  private Latency latency(
      SearchService search, List<String> queries, boolean facets, int threads, int n)
      throws Exception {
    return latencyOf(
        q -> (int) search.search(SearchRequest.of(q), facets).total(), queries, threads, n);
  }

  private Latency latencyOf(Probe probe, List<String> queries, int threads) throws Exception {
    return latencyOf(probe, queries, threads, config.queriesPerClass());
  }

  /**
   * The rare phrases the rare-phrase classes ask, each once: four times the queries of a class, at
   * least 300. Their median is what the brute-force scan is compared with, and it depends on which
   * phrases were drawn: on one 1 M index, eight draws of 300 had medians of 3.12–3.87 ms (and
   * 15,115–19,405 sections matched at the median), the benchmark's own draw 3.93–4.70 ms in two
   * processes (19,968 sections); the 2,400 together 3.46 ms.
   */
  public static int rarePool(int queriesPerClass) {
    return Math.max(300, 4 * queriesPerClass);
  }

  /**
   * {@code n} queries (cycling through {@code queries}) asked through {@code probe} from {@code
   * threads} threads, after a warm-up.
   */
  private Latency latencyOf(Probe probe, List<String> queries, int threads, int n)
      throws Exception {
    for (int i = 0; i < config.warmup(); i++) probe.run(queries.get(i % queries.size()));
    double[] millis = new double[n];
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t;
        futures.add(
            pool.submit(
                () -> {
                  for (int i = first; i < n; i += threads) {
                    long t0 = System.nanoTime();
                    probe.run(queries.get(i % queries.size()));
                    millis[i] = (System.nanoTime() - t0) / 1e6;
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) f.get();
    } finally {
      pool.shutdown();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return summarize(millis, n / seconds);
  }

  private Latency latencyPaged(SearchService search, List<String> queries, int page)
      throws Exception {
    return timeEach(
        queries,
        q ->
            search
                .search(
                    new SearchRequest(
                        q,
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        SearchRequest.Order.RELEVANCE,
                        page,
                        SearchRequest.DEFAULT_SIZE))
                .hits()
                .size());
  }

  private Latency timeEach(List<String> queries, Probe probe) throws Exception {
    for (int i = 0; i < Math.min(config.warmup(), queries.size()); i++) probe.run(queries.get(i));
    int n = Math.min(config.queriesPerClass(), Math.max(queries.size(), 1) * 3);
    double[] millis = new double[n];
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      probe.run(queries.get(i % queries.size()));
      millis[i] = (System.nanoTime() - t0) / 1e6;
    }
    return summarize(millis, n / ((System.nanoTime() - start) / 1e9));
  }

  private static Latency summarize(double[] millis, double qps) {
    double[] sorted = millis.clone();
    Arrays.sort(sorted);
    return new Latency(percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), qps);
  }

  private static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) return 0;
    int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  private void add(ArrayNode queries, String name, int threads, boolean facets, Latency l) {
    ObjectNode o = queries.addObject();
    o.put("name", name);
    o.put("threads", threads);
    o.put("facets", facets);
    o.put("p50Ms", round(l.p50()));
    o.put("p95Ms", round(l.p95()));
    o.put("p99Ms", round(l.p99()));
    o.put("qps", round(l.qps()));
    log.printf(
        "  %-16s threads=%d facets=%-5s p50 %.2f ms  p99 %.2f ms  %.0f q/s%n",
        name, threads, facets, l.p50(), l.p99(), l.qps());
    log.flush();
  }

  /** The median, 90th and 99th percentile and largest number of sections the queries match. */
  private ObjectNode hitCounts(SearchService search, List<String> queries) throws IOException {
    double[] counts = new double[queries.size()];
    for (int i = 0; i < counts.length; i++)
      counts[i] = search.search(SearchRequest.of(queries.get(i)).withSize(1), false).total();
    Arrays.sort(counts);
    ObjectNode o = json.createObjectNode();
    o.put("p50", (long) percentile(counts, 50));
    o.put("p90", (long) percentile(counts, 90));
    o.put("p99", (long) percentile(counts, 99));
    o.put("max", counts.length == 0 ? 0 : (long) counts[counts.length - 1]);
    o.put("phrases", counts.length);
    return o;
  }

  private static List<String> quoted(List<String> phrases) {
    return phrases.stream().map(p -> "\"" + p + "\"").toList();
  }

  /**
   * Phrases of 2–8 characters cut at random from random sections (the mix's "rare" phrases). The
   * synthetic reports repeat their templates, so many match thousands of sections: {@code
   * phraseHits} in bench.json says how many.
   */
  static List<String> phrases(IndexStore store, Random random, int n) throws IOException {
    return phrases(sections(store), random, n);
  }

  /** The same from sections given as {@code {id, text}} ({@link #sections}). */
  static List<String> phrases(List<String[]> sections, Random random, int n) {
    return draw(new ArrayList<>(), sections, random, n, n * 20);
  }

  /**
   * {@code n} different phrases drawn as {@link #phrases} draws them from sections given as {@code
   * {id, text}} (fewer if they have fewer), in the order first drawn.
   */
  static List<String> distinctPhrases(List<String[]> sections, Random random, int n) {
    return new ArrayList<>(draw(new java.util.LinkedHashSet<>(), sections, random, n, n * 40));
  }

  /** Phrases added to {@code out} until it holds {@code n}, in at most {@code draws} draws. */
  private static <C extends java.util.Collection<String>> C draw(
      C out, List<String[]> sections, Random random, int n, int draws) {
    for (int i = 0; i < draws && out.size() < n && !sections.isEmpty(); i++) {
      String p = draw(sections, random);
      if (p != null) out.add(p);
    }
    return out;
  }

  /**
   * A run of 2–8 letters of a section drawn at random, or null when the draw holds another sign.
   */
  private static String draw(List<String[]> sections, Random random) {
    String text = sections.get(random.nextInt(sections.size()))[1];
    int len = 2 + random.nextInt(7);
    if (text.length() <= len) return null;
    int at = random.nextInt(text.length() - len);
    String p = text.substring(at, at + len);
    return p.chars().allMatch(Character::isIdeographic) ? p : null;
  }

  /** Phrases typed without the punctuation or line break their text has between them. */
  private static List<String> phrasesAcrossPunctuation(
      List<String[]> sections, Random random, int n) {
    Pattern p = Pattern.compile("\\p{IsHan}{2,4}[“”，、\\s（）]+\\p{IsHan}{2,4}");
    List<String> out = new ArrayList<>();
    int guard = 0;
    while (out.size() < n && guard++ < n * 50 && !sections.isEmpty()) {
      Matcher m = p.matcher(sections.get(random.nextInt(sections.size()))[1]);
      if (m.find()) out.add(m.group().replaceAll("[^\\p{IsHan}]", ""));
    }
    return out;
  }

  private static Set<String> ids(SearchService search, String phrase) throws Exception {
    Set<String> ids = new HashSet<>();
    for (int page = 1; ; page++) {
      SearchPage p =
          search.search(
              new SearchRequest(
                  "\"" + phrase + "\"",
                  List.of(),
                  List.of(),
                  List.of(),
                  List.of(),
                  List.of(),
                  SearchRequest.Order.RELEVANCE,
                  page,
                  SearchRequest.MAX_SIZE),
              false);
      for (SearchHit h : p.hits()) ids.add(h.id());
      if (page >= p.pages() || page * SearchRequest.MAX_SIZE >= SearchService.MAX_DEPTH) return ids;
    }
  }

  @FunctionalInterface
  interface Finder {
    Set<String> find(String phrase) throws Exception;
  }

  /**
   * Found ∩ expected over expected, summed over the phrases (the oracle is the brute-force scan).
   */
  private static double recall(List<String> phrases, BruteForce oracle, Finder finder)
      throws Exception {
    long expected = 0, found = 0;
    for (String p : phrases) {
      Set<String> truth = oracle.find(p);
      if (truth.size() > 500) continue; // a phrase in half the corpus says little about recall
      Set<String> got = finder.find(p);
      expected += truth.size();
      for (String id : truth) if (got.contains(id)) found++;
    }
    return expected == 0 ? 1 : (double) found / expected;
  }

  /**
   * Every section as {@code {id, text}}, in the order of their ids. The phrases of the query mix
   * are drawn from this list, so its order must not be the index's: reports are indexed on several
   * threads, the index's order is whichever finished first, and the same seed drew other phrases in
   * each run (on 1 M sections, the 99th percentile of what the rare phrases matched was 317,306
   * sections in one run and 549,697 in the next), so runs did not compare like for like.
   */
  static List<String[]> sections(IndexStore store) throws IOException {
    List<String[]> out = new ArrayList<>();
    for (IndexedDocument d : store.documents())
      for (IndexedSection s : store.sections(d.docId())) out.add(new String[] {s.id(), s.text()});
    out.sort(java.util.Comparator.comparing((String[] s) -> s[0]));
    return out;
  }

  // ---- baselines

  /**
   * The grep a developer would try first: every section's text, normalised once, scanned for each
   * phrase.
   */
  static final class BruteForce {
    private static final Pattern UNIT =
        Pattern.compile(
            "[0-9](?:[0-9]|\\.(?=[0-9])|,(?=[0-9]{3}(?![0-9])))*|[\\p{L}\\p{N}&&[^0-9]]");
    private final String[] ids;
    private final String[] units;

    BruteForce(List<String[]> sections) {
      ids = new String[sections.size()];
      units = new String[sections.size()];
      for (int i = 0; i < sections.size(); i++) {
        ids[i] = sections.get(i)[0];
        units[i] = units(sections.get(i)[1]);
      }
    }

    static String units(String text) {
      String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
      StringBuilder out = new StringBuilder("\u0001");
      Matcher m = UNIT.matcher(folded);
      while (m.find()) out.append(m.group().replace(",", "")).append('\u0001');
      return out.toString();
    }

    Set<String> find(String phrase) {
      String p = units(phrase);
      Set<String> out = new HashSet<>();
      if (p.length() <= 1) return out;
      for (int i = 0; i < units.length; i++) if (units[i].contains(p)) out.add(ids[i]);
      return out;
    }
  }

  /**
   * A stock Lucene index of the same sections with SmartChineseAnalyzer, queried with phrase
   * queries.
   */
  static final class SmartCn implements AutoCloseable {
    private final Analyzer analyzer = new SmartChineseAnalyzer();
    private final FSDirectory dir;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    SmartCn(Path path, List<String[]> sections) throws IOException {
      Files.createDirectories(path);
      dir = FSDirectory.open(path);
      try (IndexWriter w =
          new IndexWriter(
              dir,
              new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE))) {
        for (String[] s : sections) {
          Document doc = new Document();
          doc.add(new StoredField("id", s[0]));
          doc.add(new TextField("text", s[1], Field.Store.NO));
          w.addDocument(doc);
        }
      }
      reader = DirectoryReader.open(dir);
      searcher = new IndexSearcher(reader);
    }

    Set<String> find(String phrase) throws IOException {
      PhraseQuery.Builder b = new PhraseQuery.Builder();
      int pos = -1, terms = 0;
      String only = null;
      try (TokenStream ts = analyzer.tokenStream("text", phrase)) {
        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
        PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
        ts.reset();
        while (ts.incrementToken()) {
          pos += inc.getPositionIncrement();
          b.add(new Term("text", term.toString()), pos);
          only = term.toString();
          terms++;
        }
        ts.end();
      }
      Set<String> out = new HashSet<>();
      if (terms == 0) return out;
      Query q = terms == 1 ? new TermQuery(new Term("text", only)) : b.build();
      int n = Math.max(1, searcher.count(q));
      var stored = searcher.storedFields();
      for (ScoreDoc d : searcher.search(q, n).scoreDocs) out.add(stored.document(d.doc).get("id"));
      return out;
    }

    @Override
    public void close() throws IOException {
      reader.close();
      dir.close();
    }
  }

  // ---- helpers

  /**
   * Corpus sizes measured on the way to the full one: 1%, 10%, a quarter, a half, all (fewer for
   * small runs).
   */
  static int[] sizes(int docs) {
    if (docs < 8) return new int[] {docs};
    if (docs < 1000) return new int[] {docs / 4, docs / 2, docs};
    return new int[] {docs / 100, docs / 10, docs / 4, docs / 2, docs};
  }

  private static double extrapolate(ArrayNode points, String field, double at) {
    if (points.size() < 2) return points.size() == 1 ? points.get(0).get(field).asDouble() : 0;
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    int n = 0;
    for (var p : points) {
      double x = Math.log(p.get("sections").asDouble()),
          y = Math.log(Math.max(1e-3, p.get(field).asDouble()));
      sx += x;
      sy += y;
      sxx += x * x;
      sxy += x * y;
      n++;
    }
    double b = (n * sxy - sx * sy) / Math.max(1e-12, n * sxx - sx * sx);
    double a = (sy - b * sx) / n;
    return Math.exp(a + b * Math.log(at));
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }

  private static void resetPeakHeap() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans())
      if (pool.getType() == MemoryType.HEAP) pool.resetPeakUsage();
  }

  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null)
        sum += pool.getPeakUsage().getUsed();
    }
    return sum;
  }

  static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  /** The Markdown table of a bench.json. */
  /** The SolrCloud figures beside the embedded index's on the same corpus and searches. */
  private static void solrTable(ObjectNode r, StringBuilder sb) {
    var solr = r.get("solr");
    double[] embedded = {-1, -1, -1, -1};
    for (var q : r.path("queries")) {
      if (q.path("threads").asInt() != 1 || !q.path("facets").asBoolean()) continue;
      if (q.path("name").asText().equals("phrase-rare")) {
        embedded[0] = q.path("p50Ms").asDouble();
        embedded[1] = q.path("p99Ms").asDouble();
      } else if (q.path("name").asText().equals("words")) {
        embedded[2] = q.path("p50Ms").asDouble();
        embedded[3] = q.path("p99Ms").asDouble();
      }
    }
    sb.append("\n| same corpus | embedded index | SolrCloud (")
        .append(solr.path("nodes"))
        .append(" nodes, ")
        .append(solr.path("shards"))
        .append(" shards × ")
        .append(solr.path("replicas"))
        .append(" replicas) |\n|---|---|---|\n");
    sb.append("| sections | ")
        .append(r.path("corpus").path("sections"))
        .append(" | ")
        .append(solr.path("sections"))
        .append(" |\n");
    sb.append("| phrase-rare p50 / p99 | ")
        .append(embedded[0])
        .append(" / ")
        .append(embedded[1])
        .append(" ms | ")
        .append(solr.path("phraseRare").path("p50Ms"))
        .append(" / ")
        .append(solr.path("phraseRare").path("p99Ms"))
        .append(" ms |\n");
    sb.append("| words p50 / p99 | ")
        .append(embedded[2])
        .append(" / ")
        .append(embedded[3])
        .append(" ms | ")
        .append(solr.path("words").path("p50Ms"))
        .append(" / ")
        .append(solr.path("words").path("p99Ms"))
        .append(" ms |\n");
    if (solr.has("rps"))
      sb.append("| uncached load | ")
          .append(r.path("loadUncached").path("rps"))
          .append(" requests/s | ")
          .append(solr.path("rps"))
          .append(" requests/s |\n");
    if (solr.has("loadMbPerSec"))
      sb.append("| loading | | ")
          .append(solr.path("loadMbPerSec"))
          .append(" MB/s of text (")
          .append(solr.path("loadSeconds"))
          .append(" s) |\n");
  }

  public static String markdown(ObjectNode r) {
    StringBuilder sb = new StringBuilder();
    if (r.has("corpus")) synthetic(r, sb);
    if (r.has("solr")) solrTable(r, sb);
    if (r.has("targets")) sb.append(BenchTargets.markdown(r.get("targets")));
    if (r.has("watch")) sb.append(WatchBench.markdown(r.get("watch")));
    var real = r.get("realCorpus");
    if (real != null) {
      if (!sb.isEmpty()) sb.append("\n");
      sb.append("| real crawl | ").append(real.get("dir").asText()).append(" |\n|---|---|\n");
      sb.append("| files | ")
          .append(real.get("files"))
          .append(" (")
          .append(real.get("indexed"))
          .append(" indexed, ")
          .append(real.get("duplicates"))
          .append(" duplicates, ")
          .append(real.get("landingPages"))
          .append(" landing pages, ")
          .append(real.get("failed"))
          .append(" failed) in ")
          .append(real.get("seconds"))
          .append(" s |\n");
      sb.append("| throughput | ")
          .append(real.get("filesPerSec"))
          .append(" files/s, ")
          .append(real.get("textMbPerSec"))
          .append(" MB/s of text (")
          .append(real.get("textMb"))
          .append(" MB, ")
          .append(real.get("sections"))
          .append(" sections) |\n");
      sb.append("| cores busy | ")
          .append(real.get("cpuCores"))
          .append(" of ")
          .append(real.get("machineCores"))
          .append(" (")
          .append(real.get("threads"))
          .append(" threads); by tenth of the run: ")
          .append(real.get("cpuCoresByTenth"))
          .append(" |\n");
      StringBuilder st = new StringBuilder();
      real.get("stageSeconds")
          .fields()
          .forEachRemaining(
              e ->
                  st.append(st.isEmpty() ? "" : ", ")
                      .append(e.getKey())
                      .append(" ")
                      .append(e.getValue()));
      sb.append("| stage seconds (summed over workers) | ").append(st).append(" |\n");
      for (var f : real.get("failures"))
        sb.append("| failed | ")
            .append(f.get("file").asText())
            .append(": ")
            .append(f.get("reason").asText())
            .append(" |\n");
    }
    var env = r.get("environment");
    if (env != null) {
      List<String> flags = new ArrayList<>();
      env.get("jvmFlags").forEach(f -> flags.add(f.asText()));
      sb.append("\nmeasured on ")
          .append(env.get("cpu").asText())
          .append(", ")
          .append(env.get("cores"))
          .append(" cores, ")
          .append(env.get("os").asText())
          .append(", ")
          .append(env.get("jvm").asText())
          .append(flags.isEmpty() ? "" : " " + String.join(" ", flags))
          .append(
              env.has("loadAverageAtStart")
                  ? "; load average when it began " + env.get("loadAverageAtStart").asText()
                  : "")
          .append("\n");
    }
    return sb.toString();
  }

  private static void synthetic(ObjectNode r, StringBuilder sb) {
    var c = r.get("corpus");
    var in = r.get("ingest");
    sb.append("| corpus | ")
        .append(c.get("docs"))
        .append(" docs, ")
        .append(c.get("sections"))
        .append(" sections, ")
        .append(c.get("textMb"))
        .append(" MB text |\n|---|---|\n");
    sb.append("| ingest | ")
        .append(in.get("docsPerSec"))
        .append(" docs/s, ")
        .append(in.get("mbPerSec"))
        .append(" MB/s on ")
        .append(in.get("threads"))
        .append(" threads; per core: extract ")
        .append(in.get("stages").get("extract"))
        .append(", clean ")
        .append(in.get("stages").get("clean"))
        .append(", split ")
        .append(in.get("stages").get("split"))
        .append(
            in.get("stages").has("figures") ? ", figures " + in.get("stages").get("figures") : "")
        .append(", segment ")
        .append(in.get("stages").get("segment"))
        .append(", index ")
        .append(in.get("stages").get("index"))
        .append(" MB/s |\n");
    sb.append("| index size | ")
        .append(in.get("indexMbPerTextMb"))
        .append(" MB per MB of text; peak heap ")
        .append(in.get("peakHeapMb"))
        .append(" MB |\n");
    var hits = r.get("phraseHits");
    sb.append("| sections a phrase matches | rare (")
        .append(hits.at("/rare/phrases"))
        .append(" phrases) p50 ")
        .append(hits.at("/rare/p50"))
        .append(", p90 ")
        .append(hits.at("/rare/p90"))
        .append(", p99 ")
        .append(hits.at("/rare/p99"))
        .append("; common p50 ")
        .append(hits.at("/common/p50"))
        .append(" |\n");
    sb.append("| phrase recall | Gongkai ")
        .append(r.get("phraseRecall").get("gongkai"))
        .append(", SmartChineseAnalyzer ")
        .append(r.get("phraseRecall").get("smartcn"))
        .append(" (")
        .append(r.get("phraseRecall").get("phrases"))
        .append(" phrases) |\n");
    sb.append("| baselines (rare phrase) | brute force p50 ")
        .append(r.get("baselines").get("bruteForce").get("p50Ms"))
        .append(" ms, p99 ")
        .append(r.get("baselines").get("bruteForce").get("p99Ms"))
        .append(" ms; SmartChineseAnalyzer p50 ")
        .append(r.get("baselines").get("smartcn").get("p50Ms"))
        .append(" ms, p99 ")
        .append(r.get("baselines").get("smartcn").get("p99Ms"))
        .append(" ms |\n");
    var priv = r.get("privateCollections");
    if (priv != null)
      sb.append("| a private collection (")
          .append(priv.get("privateDocs"))
          .append(" more documents, ")
          .append(priv.get("privateShare"))
          .append(" of all; phrase-rare, 1 thread) | nobody p50 ")
          .append(priv.at("/nobody/p50Ms"))
          .append(" ms, p99 ")
          .append(priv.at("/nobody/p99Ms"))
          .append(" ms; a member (joined) p50 ")
          .append(priv.at("/member/p50Ms"))
          .append(" ms, p99 ")
          .append(priv.at("/member/p99Ms"))
          .append(" ms; the member's p99 cost ")
          .append(priv.get("memberCostP99"))
          .append(" |\n");
    var load = r.get("load");
    if (load != null)
      sb.append("| load (HTTP, serve in ")
          .append(load.get("serverHeap").asText())
          .append(") | ")
          .append(load.get("connections"))
          .append(" connections for ")
          .append(load.get("seconds"))
          .append(" s: ")
          .append(load.get("rps"))
          .append(" requests/s, p50 ")
          .append(load.get("p50Ms"))
          .append(" ms, p99 ")
          .append(load.get("p99Ms"))
          .append(" ms, ")
          .append(load.get("timeouts"))
          .append(" time-outs, ")
          .append(load.get("errors"))
          .append(" errors |\n");
    var uncached = r.get("loadUncached");
    if (uncached != null)
      sb.append("| load, every query distinct (no answer cache) | ")
          .append(uncached.get("connections"))
          .append(" connections for ")
          .append(uncached.get("seconds"))
          .append(" s: ")
          .append(uncached.get("rps"))
          .append(" requests/s, p50 ")
          .append(uncached.get("p50Ms"))
          .append(" ms, p99 ")
          .append(uncached.get("p99Ms"))
          .append(" ms, ")
          .append(uncached.get("timeouts"))
          .append(" time-outs, ")
          .append(uncached.get("errors"))
          .append(" errors |\n");
    sb.append("\n");
    // runs before 2026-11-30 timed their searches on the store opened for writing, and say nothing
    if (r.has("searchedStore"))
      sb.append("Searches timed on the index ")
          .append(r.get("searchedStore").asText())
          .append(".\n\n");
    sb.append(
        "| query | threads | facets | p50 ms | p95 ms | p99 ms | q/s |\n|---|---|---|---|---|---|---|\n");
    for (var q : r.get("queries")) {
      sb.append("| ")
          .append(q.get("name").asText())
          .append(" | ")
          .append(q.get("threads"))
          .append(" | ")
          .append(q.get("facets"))
          .append(" | ")
          .append(q.get("p50Ms"))
          .append(" | ")
          .append(q.get("p95Ms"))
          .append(" | ")
          .append(q.get("p99Ms"))
          .append(" | ")
          .append(q.get("qps"))
          .append(" |\n");
    }
    sb.append("\n| sections | phrase p50 ms | phrase p99 ms |\n|---|---|---|\n");
    for (var s : r.get("scaling")) {
      sb.append("| ")
          .append(s.get("sections"))
          .append(" | ")
          .append(s.get("phraseP50Ms"))
          .append(" | ")
          .append(s.get("phraseP99Ms"))
          .append(" |\n");
    }
    var n = r.get("nationalEstimate");
    sb.append("\nNational estimate (")
        .append(n.get("sections"))
        .append(" sections): phrase p99 ≈ ")
        .append(n.get("phraseP99Ms"))
        .append(" ms, index ≈ ")
        .append(n.get("indexGb"))
        .append(" GB, ingest ≈ ")
        .append(n.get("ingestHours"))
        .append(" hours on this machine (")
        .append(n.get("method").asText())
        .append(").\n");
    var ocr = r.get("ocr");
    if (ocr != null && ocr.has("skipped")) {
      sb.append("\nOCR accuracy: not measured (")
          .append(ocr.get("skipped").asText())
          .append(").\n");
    } else if (ocr != null) {
      sb.append("\nOCR accuracy (")
          .append(ocr.get("pagesMeasured"))
          .append(" pages rendered at ")
          .append(ocr.get("dpi"))
          .append(" dpi, against their text layer): characters ")
          .append(ocr.get("charAccuracy"))
          .append(" of ")
          .append(ocr.get("chars"))
          .append(", numbers read exactly ")
          .append(ocr.get("numberRecall"))
          .append(" of ")
          .append(ocr.get("numbers"))
          .append(", ")
          .append(ocr.get("secondsPerPage"))
          .append(" s per page.\n");
      var scan = ocr.get("scan");
      if (scan != null)
        sb.append("A ")
            .append(scan.get("pages"))
            .append("-page scan read as one file on ")
            .append(scan.get("cores"))
            .append(" cores: ")
            .append(scan.get("wallSecondsPerPage"))
            .append(" s of wall time per page; characters ")
            .append(scan.get("charAccuracy"))
            .append(", numbers ")
            .append(scan.get("numberRecall"))
            .append(".\n");
    }
  }
}
