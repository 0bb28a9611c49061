package org.gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.gongkai.App;
import org.gongkai.TestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** synth and bench end to end on a tiny corpus: the output is checked, not the speed. */
class BenchCommandTest {

  @TempDir Path tmp;

  private int run(StringWriter out, String... args) {
    return App.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), args);
  }

  @Test
  void synthIsDeterministicForASeedAndWritesRealisticReports() throws Exception {
    assertEquals(
        0,
        run(
            new StringWriter(),
            "synth",
            "--docs",
            "12",
            "--seed",
            "7",
            tmp.resolve("a").toString()));
    Thread.sleep(
        2100); // zip times have a 2-second resolution: the second run must not share the first
    // one's
    assertEquals(
        0,
        run(
            new StringWriter(),
            "synth",
            "--docs",
            "12",
            "--seed",
            "7",
            tmp.resolve("b").toString()));
    List<String> a = listing(tmp.resolve("a")), b = listing(tmp.resolve("b"));
    assertEquals(12, a.size());
    assertEquals(
        java.util.Set.of("txt", "docx", "pdf", "html"),
        new java.util.HashSet<>(a.stream().map(n -> n.substring(n.lastIndexOf('.') + 1)).toList()),
        "text, DOCX, PDF and web pages");
    assertEquals(a, b);
    for (String name : a)
      assertEquals(
          -1L,
          Files.mismatch(tmp.resolve("a").resolve(name), tmp.resolve("b").resolve(name)),
          name);
    // every report is readable, has a region from the division list, a year in 2015–2025 and
    // sections
    StringWriter out = new StringWriter();
    for (String name : a) {
      out = new StringWriter();
      assertEquals(
          0, run(out, "inspect", "--json", tmp.resolve("a").resolve(name).toString()), name);
      JsonNode j = new ObjectMapper().readTree(out.toString());
      int year = j.get("year").asInt();
      assertTrue(year >= 2015 && year <= 2025, name + " " + year);
      assertTrue(j.at("/region/code").isTextual(), name + " has a region");
      assertTrue(j.get("sections").size() > 3, name);
      // a laid-out report's tables are read as tables (rows of tab-separated cells)
      if (!name.endsWith(".txt"))
        assertTrue(
            j.get("text").asText().lines().filter(l -> l.indexOf('\t') >= 0).count() >= 10, name);
    }
  }

  @Test
  void aMissingSeedFolderIsAUsageErrorWithAClearMessage() {
    for (String command : List.of("synth", "bench")) {
      StringWriter err = new StringWriter();
      List<String> args =
          new ArrayList<>(
              List.of(command, "--docs", "3", "--corpus", tmp.resolve("nowhere").toString()));
      args.add(
          command.equals("synth") ? tmp.resolve("out").toString() : "--out=" + tmp.resolve("out"));
      int code =
          App.execute(
              new PrintWriter(new StringWriter()),
              new PrintWriter(err),
              args.toArray(String[]::new));
      assertEquals(2, code, command);
      assertEquals(
          "gongkai: no .txt reports to vary in "
              + tmp.resolve("nowhere")
              + " (run from the repository root, or pass --corpus DIR)\n",
          err.toString(),
          command);
    }
  }

  @Test
  void aWarmUpOfNoTimeIsAUsageError() {
    StringWriter err = new StringWriter();
    int code =
        App.execute(
            new PrintWriter(new StringWriter()),
            new PrintWriter(err),
            "bench",
            "--docs",
            "3",
            "--watch-files",
            "0",
            "--watch-burst",
            "0",
            "--load-warmup",
            "0",
            "--out",
            tmp.resolve("out").toString());
    assertEquals(2, code);
    assertEquals("gongkai: --load-warmup must be at least 1\n", err.toString());
  }

  @Test
  void aComparisonWithWhatIsNoCommitIsAUsageError() {
    StringWriter err = new StringWriter();
    int code =
        App.execute(
            new PrintWriter(new StringWriter()),
            new PrintWriter(err),
            "bench",
            "--compare",
            "no-such-revision-here",
            "--out",
            tmp.resolve("out").toString());
    assertEquals(2, code);
    assertEquals(
        "gongkai: --compare no-such-revision-here: not a commit of the repository here (run in a"
            + " clone of Gongkai)\n",
        err.toString());
    assertEquals(
        2,
        App.execute(
            new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()),
            "bench",
            "--compare",
            "HEAD",
            "--runs",
            "0"));
  }

  @Test
  void mutantsPlantsErrorsInAFoldersReportsAndSaysWhatBecameOfThem() throws Exception {
    StringWriter err = new StringWriter();
    assertEquals(
        2,
        App.execute(
            new PrintWriter(new StringWriter()),
            new PrintWriter(err),
            "bench",
            "--half",
            "work",
            "--out",
            tmp.resolve("o").toString()));
    assertEquals("gongkai: --half goes with --mutants or --projects\n", err.toString());
    err = new StringWriter();
    assertEquals(
        2,
        App.execute(
            new PrintWriter(new StringWriter()),
            new PrintWriter(err),
            "bench",
            "--mutants",
            tmp.toString(),
            "--half",
            "both",
            "--out",
            tmp.resolve("o").toString()));
    assertEquals("gongkai: --half must be work or check, not both\n", err.toString());
    // the fixture of the summary-table checks, as a folder of one city's one report
    Path crawl = tmp.resolve("crawl").resolve("某市");
    Files.createDirectories(crawl);
    Files.copy(
        Path.of("src/test/resources/fixtures/checks/hydrology-2026-budget.txt"),
        crawl.resolve("hydrology-2026-budget.txt"));
    StringWriter out = new StringWriter();
    Path o = tmp.resolve("mutants");
    assertEquals(
        0,
        App.execute(
            new PrintWriter(out),
            new PrintWriter(new StringWriter()),
            "bench",
            "--mutants",
            tmp.resolve("crawl").toString(),
            "--out",
            o.toString()));
    assertEquals(
        String.join(
            "\n",
            "file\tkind\twhat\toffset\tfrom\tto\tverdict\theadline\tnew flags",
            "某市/hydrology-2026-budget.txt\ttext_total\tincome_total text verified\t103\t980.00\t880.00"
                + "\tcaught\t\tstated_twice",
            "某市/hydrology-2026-budget.txt\tbasic_project\tproject_expenditure text verified\t194\t300.00"
                + "\t800.00\tcaught\t\tparts_of_expenditure",
            "某市/hydrology-2026-budget.txt\tbasic_project\tproject_expenditure text twice\t284\t200.00"
                + "\t260.00\tcaught\t\tstated_twice",
            "某市/hydrology-2026-budget.txt\ttable_cell\t收支总表 / 水利\t521\t880.00\t780.00\tcaught"
                + "\t\ttable_sum",
            "某市/hydrology-2026-budget.txt\ttable_cell\t收支总表 / 行政事业单位养老支出\t641\t80.00\t81.00"
                + "\tcaught\t\ttable_sum",
            ""),
        Files.readString(o.resolve("mutants.tsv")));
    assertTrue(out.toString().startsWith("| kind | planted | caught |"), out.toString());
  }

  /** {@code bench --projects}: each report's projects read against the count it states itself. */
  @Test
  void projectsCountsEachReportsProjectsAgainstItsOwnCount() throws Exception {
    Path crawl = tmp.resolve("budgets").resolve("某市");
    Files.createDirectories(crawl);
    org.gongkai.web.ProjectFixtures.write(crawl);
    // a byte-identical copy (a crawl's second link to one file) is one report
    Files.copy(crawl.resolve("武汉市港务局2026年部门预算.txt"), crawl.resolve("copy.txt"));
    // a report with no project table, listing its units and their number
    Files.writeString(
        crawl.resolve("青溪市林业局2026年部门预算.txt"),
        "青溪市林业局2026年部门预算\n\n第一部分 部门概况\n\n二、预算单位构成\n\n"
            + "纳入本部门2026年部门预算编制范围的预算单位共计3家，具体包括：青溪市林业局，青溪市林木种苗站，青溪市林业科学研究所。\n\n"
            + "第二部分 部门预算情况说明\n\n2026年收入预算合计812.40万元，支出预算合计812.40万元。\n\n"
            + "政府采购支出表\n\n单位：万元\n\n"
            + "采购品目大类\t专项名称\t经济科目\t采购品目名称\t采购组织形式\t总计\n"
            + "合计\t\t\t\t\t6.50\n服务\t\t\t\t\t6.50\n"
            + "\t定额\t印刷费\t其他印刷服务\t集中采购\t6.50\n\n三、名词解释\n");
    StringWriter out = new StringWriter();
    Path o = tmp.resolve("projects");
    assertEquals(
        0,
        App.execute(
            new PrintWriter(out),
            new PrintWriter(new StringWriter()),
            "bench",
            "--projects",
            tmp.resolve("budgets").toString(),
            "--out",
            o.toString()));
    assertEquals(
        String.join(
            "\n",
            "file\tissuer\ttables\tstatuses\tread\tproven\tdeclared\tdeclaredAmount\treadAmount\tverdict"
                + "\tunitLayout\tunits\tunitsStated\tunitsAgreement\tpurchaseStatus\tpurchases",
            "某市/copy.txt\t武汉市港务局\t1\tamounts:sums\t7\t7\t7\t108496.17\t108496.17\tequal"
                + "\t\t0\t0\tunstated\t\t0",
            "某市/杭州市气候服务局2026年部门预算.txt\t杭州市气候服务局\t2\tamounts:sums,targets:open\t4\t4\t4"
                + "\t2031.30\t2031.30\tequal\t\t0\t0\tunstated\t\t0",
            "某市/武汉市港务局2025年部门预算.txt\t武汉市港务局\t1\tamounts:sums\t7\t7\t7\t108396.17"
                + "\t108396.17\tequal\t\t0\t0\tunstated\t\t0",
            "某市/青溪市林业局2026年部门预算.txt\t青溪市林业局\t0\t\t0\t0\t0\t\t0\tnone"
                + "\tsentence\t3\t3\tagrees\tsums\t1",
            ""),
        Files.readString(o.resolve("projects.tsv")));
    assertTrue(out.toString().contains("| … read exactly the stated count | 3 |"), out.toString());
    assertTrue(
        out.toString().contains("| units: sentence (reports, units) | 1, 3 |"), out.toString());
    assertTrue(
        out.toString().contains("| procurement tables: sums (reports, items) | 1, 1 |"),
        out.toString());
    assertTrue(
        out.toString()
            .contains("| units: reports stating their number — the list agrees, differs | 1, 0 |"),
        out.toString());
  }

  @Test
  void theMainClassACommandStartsIsTheEntryPoint() {
    assertEquals(App.class.getName(), Cli.MAIN_CLASS);
  }

  @Test
  void theLoadWarmsUpForTwiceItsTimeUpToTwoMinutes() {
    // 1 M sections, 2 cores: a fresh serve climbed from 24 to 180 requests/s over about 55 s
    assertEquals(120, org.gongkai.bench.LoadTest.defaultWarmup(60));
    assertEquals(120, org.gongkai.bench.LoadTest.defaultWarmup(300));
    assertEquals(4, org.gongkai.bench.LoadTest.defaultWarmup(2));
    assertEquals(1, org.gongkai.bench.LoadTest.defaultWarmup(0));
  }

  @Test
  void theRarePhrasesArePooledFourTimesTheQueriesAtLeast300() {
    assertEquals(1200, org.gongkai.bench.Benchmark.rarePool(300));
    assertEquals(300, org.gongkai.bench.Benchmark.rarePool(5));
    assertEquals(300, org.gongkai.bench.Benchmark.rarePool(75));
    assertEquals(400, org.gongkai.bench.Benchmark.rarePool(100));
  }

  @Test
  void benchWritesTheDocumentedJson() throws Exception {
    StringWriter out = new StringWriter();
    assertEquals(
        0,
        run(
            out,
            "bench",
            "--docs",
            "10",
            "--queries",
            "5",
            "--watch-files",
            "3",
            "--watch-burst",
            "4",
            "--ocr-pages",
            "1",
            "--ocr-scan-pages",
            "2",
            "--load-seconds",
            "2",
            "--load-warmup",
            "1",
            "--connections",
            "4",
            "--out",
            tmp.toString()));
    JsonNode j = new ObjectMapper().readTree(tmp.resolve("bench.json").toFile());
    // the portal under load, served by its own process over HTTP
    JsonNode load = j.get("load");
    assertEquals(
        List.of(
            "connections",
            "seconds",
            "requests",
            "rps",
            "p50Ms",
            "p99Ms",
            "timeouts",
            "errors",
            "serverHeap",
            "timeoutMs",
            "queries",
            "popularity",
            "warmupSeconds",
            "warmupRps"),
        iterate(load.fieldNames()));
    assertEquals(4, load.get("connections").asInt());
    assertEquals(1, load.get("warmupSeconds").asInt()); // --load-warmup
    assertTrue(load.get("warmupRps").asDouble() > 0, load.toString());
    assertTrue(load.get("requests").asInt() > 0 && load.get("rps").asDouble() > 0, load.toString());
    assertEquals(0, load.get("errors").asInt(), load.toString());
    // and again with every search a new one: the answer cache cannot help
    JsonNode uncached = j.get("loadUncached");
    List<String> fields = new ArrayList<>(iterate(load.fieldNames()));
    fields.add("asked");
    assertEquals(fields, iterate(uncached.fieldNames()));
    assertEquals(
        "every query distinct, asked once in turn (the answer cache cannot help)",
        uncached.get("popularity").asText());
    assertTrue(uncached.get("requests").asInt() > 0, uncached.toString());
    assertTrue(uncached.get("asked").asLong() >= uncached.get("requests").asLong());
    assertEquals(1, uncached.get("warmupSeconds").asInt());
    assertEquals(0, uncached.get("errors").asInt(), uncached.toString());
    assertEquals(10, j.at("/corpus/docs").asInt());
    // the watch: reports written one by one, each timed until searchable; a burst against index
    JsonNode watch = j.get("watch");
    assertEquals(
        List.of(
            "pages",
            "pollMs",
            "settleMs",
            "targetMs",
            "files",
            "intervalMs",
            "p50Ms",
            "p99Ms",
            "maxMs",
            "withinTarget",
            "burst"),
        iterate(watch.fieldNames()));
    assertEquals(3, watch.get("files").asInt());
    // a look every second, two seconds' stillness: no report is found sooner than that
    assertTrue(watch.get("p50Ms").asLong() >= 2000, watch.toString());
    assertTrue(watch.get("maxMs").asLong() >= watch.get("p99Ms").asLong(), watch.toString());
    assertEquals(4, watch.at("/burst/files").asInt());
    // nor a burst sooner than its stillness: the watch read it into an index of its own
    assertTrue(watch.at("/burst/watchSeconds").asDouble() >= 2.0, watch.toString());
    assertTrue(watch.at("/burst/ratio").asDouble() > 0, watch.toString());
    assertTrue(out.toString().contains("| a 10-page PDF searchable after its last write (3 files"));
    assertTrue(j.at("/corpus/sections").asInt() > 100);
    for (String f : List.of("docsPerSec", "mbPerSec", "indexMbPerTextMb", "peakHeapMb"))
      assertTrue(j.at("/ingest/" + f).asDouble() > 0, f);
    for (String s : List.of("extract", "clean", "segment", "index"))
      assertTrue(j.at("/ingest/stages/" + s).asDouble() > 0, s);
    assertEquals(17, j.get("queries").size());
    JsonNode q = j.get("queries").get(0);
    assertEquals(
        "phrase-rare 1 true",
        q.get("name").asText()
            + " "
            + q.get("threads").asInt()
            + " "
            + q.get("facets").asBoolean());
    for (String f : List.of("p50Ms", "p95Ms", "p99Ms", "qps")) assertTrue(q.has(f), f);
    // how many sections the mix's phrases match, so its latencies can be read
    for (String set : List.of("rare", "common"))
      for (String f : List.of("p50", "p90", "p99", "max"))
        assertTrue(j.at("/phraseHits/" + set + "/" + f).isIntegralNumber(), set + " " + f);
    assertTrue(j.at("/phraseHits/rare/max").asLong() >= j.at("/phraseHits/rare/p50").asLong());
    // the rare-phrase classes ask a pool of phrases, at least 300 (four times --queries)
    assertEquals(300, j.at("/phraseHits/rare/phrases").asInt());
    assertEquals(10, j.at("/phraseHits/common/phrases").asInt());
    assertTrue(out.toString().contains("| sections a phrase matches | rare (300 phrases) p50 "));
    assertEquals(1.0, j.at("/phraseRecall/gongkai").asDouble(), "we never miss a phrase");
    assertTrue(j.at("/phraseRecall/smartcn").asDouble() < 1.0, "the word-segmented baseline does");
    assertTrue(j.at("/baselines/bruteForce/p99Ms").isNumber());
    assertTrue(j.at("/baselines/smartcn/p99Ms").isNumber());
    assertEquals(3, j.get("scaling").size());
    assertEquals(100_000_000L, j.at("/nationalEstimate/sections").asLong());
    for (String f : List.of("phraseP99Ms", "indexGb", "ingestHours"))
      assertTrue(j.at("/nationalEstimate/" + f).isNumber(), f);
    assertTrue(Files.readString(tmp.resolve("bench.md")).startsWith("| corpus | 10 docs, "));
    assertTrue(out.toString().contains("| query | threads | facets |"));
    // OCR accuracy: the first page of the bundled 汉阳区 PDF, scanned and read back
    assertEquals(1, j.at("/ocr/pagesMeasured").asInt());
    assertEquals(300, j.at("/ocr/dpi").asInt());
    assertEquals("000_988c7a9063883e3f.pdf", j.at("/ocr/pages/0/file").asText());
    assertEquals(1, j.at("/ocr/pages/0/page").asInt());
    assertTrue(j.at("/ocr/chars").asInt() > 300);
    double accuracy = j.at("/ocr/charAccuracy").asDouble();
    assertTrue(accuracy > 0.9 && accuracy <= 1.0, "character accuracy " + accuracy);
    assertTrue(j.at("/ocr/numberRecall").isNumber());
    assertTrue(out.toString().contains("OCR accuracy (1 pages rendered at 300 dpi"));
    // a whole scan read as one file: its wall time per page, and its accuracy
    JsonNode scan = j.at("/ocr/scan");
    assertEquals(
        List.of(
            "file",
            "pages",
            "cores",
            "wallSeconds",
            "wallSecondsPerPage",
            "chars",
            "charAccuracy",
            "numbers",
            "numberRecall"),
        iterate(scan.fieldNames()));
    assertEquals("002_38d7936824a76ef2.pdf", scan.get("file").asText(), "the longest PDF");
    assertEquals(2, scan.get("pages").asInt());
    assertEquals(scan.get("wallSecondsPerPage"), j.at("/ocr/wallSecondsPerPage"));
    assertTrue(scan.get("charAccuracy").asDouble() > 0.8, scan.toString());
    assertTrue(out.toString().contains("A 2-page scan read as one file on "));
  }

  @Test
  void benchRealIndexesACrawlAsIndexDoesAndSaysWhatFailed() throws Exception {
    Path crawl = Files.createDirectories(tmp.resolve("crawl"));
    for (String seed : List.of("000_988c7a9063883e3f.pdf", "002_38d7936824a76ef2.pdf"))
      Files.copy(TestSupport.CORPUS.resolve("formats").resolve(seed), crawl.resolve(seed));
    Files.copy(
        TestSupport.CORPUS.resolve("formats/000_988c7a9063883e3f.pdf"), crawl.resolve("copy.pdf"));
    Files.writeString(crawl.resolve("broken.pdf"), "%PDF-1.4 not really");
    StringWriter out = new StringWriter();
    assertEquals(0, run(out, "bench", "--real", crawl.toString(), "--out", tmp.toString()));
    JsonNode j = new ObjectMapper().readTree(tmp.resolve("bench.json").toFile());
    assertEquals(
        List.of("realCorpus", "machine", "date", "environment"),
        iterate(j.fieldNames()),
        "the crawl alone");
    assertEquals(
        List.of("cpu", "cores", "loadAverageAtStart", "os", "jvm", "jvmFlags"),
        iterate(j.get("environment").fieldNames()));
    JsonNode r = j.get("realCorpus");
    assertEquals(
        List.of(
            "dir",
            "files",
            "failed",
            "seconds",
            "filesPerSec",
            "textMbPerSec",
            "cpuCores",
            "threads",
            "machineCores",
            "indexed",
            "duplicates",
            "landingPages",
            "skipped",
            "documents",
            "sections",
            "textMb",
            "cpuCoresByTenth",
            "stageSeconds",
            "failures",
            "method"),
        iterate(r.fieldNames()));
    assertEquals(crawl.toString(), r.get("dir").asText());
    assertEquals(4, r.get("files").asInt());
    assertEquals(2, r.get("indexed").asInt());
    assertEquals(1, r.get("duplicates").asInt());
    assertEquals(1, r.get("failed").asInt());
    assertEquals(2, r.get("documents").asInt());
    assertEquals(crawl.resolve("broken.pdf").toString(), r.at("/failures/0/file").asText());
    assertTrue(r.at("/failures/0/reason").asText().startsWith("cannot parse PDF"), r.toString());
    for (String f : List.of("seconds", "filesPerSec", "textMbPerSec", "cpuCores", "textMb"))
      assertTrue(r.get(f).asDouble() > 0, f + " " + r);
    assertEquals(
        List.of("extract", "ocr", "clean", "split", "figures", "index"),
        iterate(r.get("stageSeconds").fieldNames()));
    assertTrue(r.at("/stageSeconds/extract").asDouble() > 0, r.toString());
    // the sections counted are the index's own
    assertTrue(r.get("sections").asInt() > 20, r.toString());
    String md = Files.readString(tmp.resolve("bench.md"));
    assertTrue(md.startsWith("| real crawl | " + crawl + " |"), md);
    assertTrue(md.contains("| failed | " + crawl.resolve("broken.pdf") + ": cannot parse PDF"), md);
  }

  private static List<String> listing(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return new ArrayList<>(s.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  private static List<String> iterate(java.util.Iterator<String> names) {
    List<String> out = new java.util.ArrayList<>();
    names.forEachRemaining(out::add);
    return out;
  }
}
