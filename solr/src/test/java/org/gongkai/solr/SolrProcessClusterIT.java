package org.gongkai.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.gongkai.bench.SyntheticCorpus;
import org.gongkai.config.ExtractConfig;
import org.gongkai.extract.TikaExtractor;
import org.gongkai.index.IndexStore;
import org.gongkai.index.Schema;
import org.gongkai.ingest.DocumentIngestor;
import org.gongkai.ingest.MetadataExtractor;
import org.gongkai.regions.Gazetteer;
import org.gongkai.regions.RegionResolver;
import org.gongkai.solr.Processes.Run;
import org.gongkai.solr.Processes.Server;
import org.gongkai.text.HanLpSegmenter;
import org.gongkai.text.SectionSplitter;
import org.gongkai.text.TextCleaner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * SolrCloud as real processes, started by {@code solr/cluster.sh}: a ZooKeeper server and two Solr
 * nodes, each a JVM of its own loading Gongkai's plugin from its solr home's {@code lib}; the
 * configset uploaded and the collections created over Solr's HTTP APIs; {@code index --solr} and
 * {@code serve --solr} run from the real jar. Nodes are killed ({@code kill -9}) while indexing and
 * while serving, ZooKeeper is stopped and started again, and a new collection replaces an old one
 * behind an alias; every count is checked exactly.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SolrProcessClusterIT {

  static final Path SCRIPT = Path.of("cluster.sh").toAbsolutePath();
  static final Path PLUGIN = Path.of("target/gongkai-solr-plugin.jar").toAbsolutePath();
  static final Path CORPUS = Path.of("../corpus/formats");
  static final Path SEEDS = Path.of("../corpus/seeds");

  /** Synthetic reports for the runs a node is killed in: long enough to be cut in the middle. */
  static final int SYNTHETIC = 80;

  /** How long searches may fail after a node is killed: ZooKeeper's session timeout and 5 s. */
  static final long SERVE_WINDOW_MS = 20_000;

  Path work;
  Path dir;
  int zkPort;
  int[] ports;
  String zk;
  Gazetteer gazetteer;
  Path synthetic;
  final List<Process> started = new ArrayList<>();

  @BeforeAll
  void start() throws Exception {
    assertTrue(Files.isRegularFile(Processes.JAR), "build the main project first");
    assertTrue(Files.isRegularFile(PLUGIN), "package this project first (mvn verify does)");
    Files.createDirectories(Path.of("target"));
    work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "cluster-it-");
    dir = work.resolve("cluster");
    zkPort = freePort();
    ports = new int[] {freePort(), freePort()};
    zk = "127.0.0.1:" + zkPort;
    gazetteer = Gazetteer.load();
    HanLpSegmenter.install(gazetteer.names());
    synthetic = synthetic();

    Run up = cluster("start", "--zk-port", "" + zkPort, "--ports", ports[0] + "," + ports[1]);
    assertEquals(0, up.exit(), up.out() + up.err());
    assertTrue(
        up.out()
            .endsWith(
                "cluster: " + zk + ", 2 nodes live; index with --solr " + zk + "/COLLECTION\n"),
        up.out());
    for (String c : List.of("gongkai", "crawl")) {
      Run created = cluster("create", c);
      assertEquals(0, created.exit(), created.out() + created.err());
      assertEquals(
          "collection " + c + ": 2 shards × 2 replicas; --solr " + zk + "/" + c + "\n",
          created.out());
    }
  }

  @AfterAll
  void stop() throws Exception {
    for (Process p : started) p.destroyForcibly();
    if (dir != null) cluster("stop");
  }

  /**
   * Each node is a JVM whose class path holds Solr and nothing of Gongkai: the collection's
   * analysis is Gongkai's, so the node loaded it from the plugin jar in its lib.
   */
  @Test
  @Order(1)
  void nodesLoadThePluginFromTheirLib() throws Exception {
    Run status = cluster("status");
    assertEquals(0, status.exit(), status.out() + status.err());
    assertTrue(status.out().contains("zookeeper: " + zk + " up\n"), status.out());
    assertTrue(status.out().contains("live nodes: 2 "), status.out());
    assertTrue(
        status.out().contains("collection gongkai (2 shards, 4 replicas): 4/4 active\n"),
        status.out());
    for (int n = 1; n <= 2; n++) {
      Path home = dir.resolve("node" + n);
      assertTrue(Files.isRegularFile(home.resolve("lib/gongkai-solr-plugin.jar")));
      long pid = Long.parseLong(Files.readString(home.resolve("pid")).strip());
      List<String> cmdline =
          List.of(Files.readString(Path.of("/proc/" + pid + "/cmdline")).split("\0"));
      assertTrue(cmdline.contains("org.gongkai.solr.node.SolrNode"), cmdline.toString());
      String classPath = cmdline.get(cmdline.indexOf("-cp") + 1);
      for (String entry : classPath.split(":")) {
        assertTrue(entry.contains("/solr/node/target/"), "on the node's class path: " + entry);
        assertFalse(entry.contains("gongkai-solr-plugin"), entry);
      }
      try (var libs = Files.list(SCRIPT.getParent().resolve("node/target/lib"))) {
        for (Path jar : libs.toList())
          assertFalse(
              jar.getFileName().toString().startsWith("gongkai")
                  || jar.getFileName().toString().startsWith("hanlp"),
              "Gongkai's classes on the node's class path: " + jar);
      }
      // the node's own replica analyses a division name and a term as HanLP in the plugin does
      var analysed =
          Processes.HTTP.send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create(
                          "http://127.0.0.1:"
                              + ports[n - 1]
                              + "/solr/gongkai/analysis/field?analysis.fieldtype=gongkai_words"
                              + "&analysis.fieldvalue="
                              + Processes.encode("湖北省三公经费")
                              + "&wt=json&indent=false"))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      assertEquals(200, analysed.statusCode(), analysed.body());
      String body = analysed.body().replace(" ", "");
      assertTrue(body.contains("\"org.gongkai.text.HanLpTokenizer\""), body);
      assertTrue(body.contains("\"text\":\"湖北省\"") && body.contains("\"text\":\"三公经费\""), body);
    }
  }

  /** The same 40 pages from {@code serve --solr} as from {@code serve} over the run's index. */
  @Test
  @Order(2)
  void indexAndServeAcrossProcessesAsTheEmbeddedIndex() throws Exception {
    Path journal = work.resolve("journal-gongkai");
    String target = zk + "/gongkai";
    Run r = gongkai("index", "--solr", target, "--index", journal.toString(), CORPUS.toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(
        r.out()
            .endsWith("solr:       " + target + " (5 reports written, 0 already there as read)\n"),
        r.out());
    try (Server index = new Server(work, "serve", "--index", journal.toString(), "--port", "0");
        Server solr = new Server(work, "serve", "--solr", target, "--port", "0")) {
      List<String> paths = Processes.sessionPaths(journal);
      assertEquals(List.of(), Processes.differences(index, solr, paths));
    }
  }

  /**
   * A node killed while {@code index --solr} writes: the run ends (whole, or failing with one
   * line); a second run, with the node still gone, leaves every report exactly once; the node,
   * started again, rejoins and catches up.
   */
  @Test
  @Order(3)
  void aNodeKilledWhileIndexing() throws Exception {
    Path journal = work.resolve("journal-crawl");
    String target = zk + "/crawl";
    Processes.Started started =
        Processes.start(
            work, "index", "--solr", target, "--index", journal.toString(), synthetic.toString());
    Process run = started.process();
    this.started.add(run);
    try (SolrCollection crawl = SolrCollection.connect(SolrTarget.parse(target))) {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      while (new SolrReads(crawl).documentCount() < 3 && run.isAlive()) {
        assertTrue(System.nanoTime() < deadline, "nothing written in 3 min");
        Thread.sleep(100);
      }
      assertTrue(run.isAlive(), "the run ended before a node could be killed");
      int killed = leaderNode("crawl");
      assertEquals(0, cluster("stop-node", "" + killed, "--kill").exit());
      assertTrue(run.waitFor(5, TimeUnit.MINUTES));
      String out = Files.readString(started.output());
      System.out.printf(
          "indexing through a node's kill: exit %d%s%n",
          run.exitValue(),
          out.lines()
              .filter(l -> l.startsWith("gongkai: "))
              .findFirst()
              .map(l -> ", " + l)
              .orElse(""));
      if (run.exitValue() != 0) {
        // one line saying what failed, no stack trace
        List<String> errors = out.lines().filter(l -> l.startsWith("gongkai: ")).toList();
        assertEquals(1, errors.size(), out);
        assertTrue(errors.get(0).startsWith("gongkai: SolrCloud collection crawl: "), out);
        assertFalse(out.contains("\tat "), out);
      }

      awaitLiveNodes(1);
      Run leaders = cluster("wait", "120");
      assertEquals(0, leaders.exit(), leaders.out() + leaders.err());
      Run again =
          gongkai("index", "--solr", target, "--index", journal.toString(), synthetic.toString());
      assertEquals(0, again.exit(), again.out() + again.err());
      assertExactlyOnce(crawl, journal);

      assertEquals(0, cluster("start-node", "" + killed).exit());
      Run caughtUp = cluster("wait", "180");
      assertEquals(0, caughtUp.exit(), caughtUp.out() + caughtUp.err());
      assertReplicasAgree("crawl", caughtUp.out());
      assertExactlyOnce(crawl, journal);
    }
  }

  /**
   * A node killed while {@code serve --solr} answers: searches go on from the other replicas, no
   * error later than {@link #SERVE_WINDOW_MS} after the kill, the same answers; the node rejoins.
   */
  @Test
  @Order(4)
  void aNodeKilledWhileServing() throws Exception {
    String target = zk + "/crawl";
    try (Server portal = new Server(work, "serve", "--solr", target, "--port", "0")) {
      List<String> queries = List.of("经费", "\"三公经费\"", "公务接待费", "year:2023 工会", "region:湖北省 支出");
      Map<String, String> before = new java.util.HashMap<>();
      for (String q : queries) before.put(q, total(portal, q));
      List<long[]> failures = new CopyOnWriteArrayList<>(); // [time ms, status]
      List<String> wrong = new CopyOnWriteArrayList<>();
      long[] killedAt = {Long.MAX_VALUE};
      int[] asked = {0};
      long t0 = System.currentTimeMillis();
      Thread reader =
          new Thread(
              () -> {
                for (int i = 0; System.currentTimeMillis() - t0 < 35_000; i++) {
                  String q = queries.get(i % queries.size());
                  long at = System.currentTimeMillis();
                  try {
                    var r = portal.get("api/search?q=" + Processes.encode(q));
                    asked[0]++;
                    if (r.statusCode() != 200) failures.add(new long[] {at, r.statusCode()});
                    else if (!before.get(q).equals(totalOf(r.body()))) wrong.add(q);
                  } catch (Exception e) {
                    failures.add(new long[] {at, -1});
                  }
                }
              });
      reader.start();
      Thread.sleep(5_000);
      int killed = leaderNode("crawl");
      killedAt[0] = System.currentTimeMillis();
      assertEquals(0, cluster("stop-node", "" + killed, "--kill").exit());
      reader.join();
      System.out.printf(
          "serving through a node's kill: %d searches, %d failed%s%n",
          asked[0],
          failures.size(),
          failures.isEmpty()
              ? ""
              : " (from "
                  + (failures.get(0)[0] - killedAt[0])
                  + " to "
                  + (failures.get(failures.size() - 1)[0] - killedAt[0])
                  + " ms after it)");
      assertTrue(asked[0] > 50, "searches asked: " + asked[0]);
      assertEquals(List.of(), wrong, "answers changed");
      for (long[] f : failures) {
        assertTrue(
            f[0] >= killedAt[0] && f[0] <= killedAt[0] + SERVE_WINDOW_MS,
            "status " + f[1] + " at " + (f[0] - killedAt[0]) + " ms from the kill");
      }

      assertEquals(0, cluster("start-node", "" + killed).exit());
      Run caughtUp = cluster("wait", "180");
      assertEquals(0, caughtUp.exit(), caughtUp.out() + caughtUp.err());
      assertReplicasAgree("crawl", caughtUp.out());
      for (String q : queries) assertEquals(before.get(q), total(portal, q), q);
    }
  }

  /**
   * ZooKeeper stopped for longer than the nodes' session time-out: {@code index --solr} says so in
   * one line (exit 4), the portal answers or says the cluster cannot be reached (503), never fails
   * otherwise; ZooKeeper back (and any node that did not register again restarted by {@code heal}),
   * both work again without restarting the portal.
   */
  @Test
  @Order(5)
  void zooKeeperDownAndBack() throws Exception {
    String target = zk + "/gongkai";
    try (Server portal = new Server(work, "serve", "--solr", target, "--port", "0")) {
      String all = total(portal, "经费");
      assertEquals(0, cluster("stop-zk", "--kill").exit());
      Run refused =
          gongkai(
              "index",
              "--solr",
              target,
              "--index",
              work.resolve("journal-zk").toString(),
              SEEDS.toString());
      assertEquals(4, refused.exit(), refused.out() + refused.err());
      assertEquals(
          "gongkai: cannot reach SolrCloud collection gongkai: Could not connect to ZooKeeper "
              + zk
              + " within 10000 ms\n",
          refused.err());
      // a search answers from what the portal knows of the cluster, or says it cannot be reached
      for (int i = 0; i < 10; i++) {
        var r = portal.get("api/search?q=" + Processes.encode("经费"));
        if (r.statusCode() == 200) assertEquals(all, totalOf(r.body()));
        else {
          assertEquals(503, r.statusCode(), r.body());
          assertTrue(r.body().contains("The search cluster cannot be reached just now"), r.body());
        }
        Thread.sleep(1_000);
      }
      var page = portal.get("search?q=" + Processes.encode("经费"));
      assertTrue(page.statusCode() == 200 || page.statusCode() == 503, "" + page.statusCode());

      assertEquals(0, cluster("start-zk").exit());
      // the nodes' ZooKeeper sessions expired (ZooKeeper was down longer than their time-out): a
      // node that does not register again within 60 s is restarted (Solr 9.10 does not always)
      Run back = cluster("heal", "60");
      System.out.print("after ZooKeeper came back:\n" + back.out());
      assertEquals(0, back.exit(), back.out() + back.err());
      assertTrue(
          back.out().endsWith("cluster: every node healthy, every shard led and caught up\n"),
          back.out());
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (portal.get("api/search?q=x").statusCode() != 200) {
        assertTrue(System.nanoTime() < deadline, "the portal did not recover");
        Thread.sleep(500);
      }
      assertEquals(all, total(portal, "经费"));
      Run seeds =
          gongkai(
              "index",
              "--solr",
              target,
              "--index",
              work.resolve("journal-zk").toString(),
              SEEDS.toString());
      assertEquals(0, seeds.exit(), seeds.out() + seeds.err());
    }
  }

  /**
   * An upgrade: the new pipeline's run writes a new collection while readers read the old one
   * through an alias; they never see the new one half-written; the alias moves, and they read the
   * new one, whole.
   */
  @Test
  @Order(6)
  void anUpgradeSwitchesAnAlias() throws Exception {
    assertEquals(0, cluster("alias", "live", "crawl").exit());
    Run created = cluster("create", "crawl_v2");
    assertEquals(0, created.exit(), created.out() + created.err());
    Path journal = work.resolve("journal-v2");
    try (Server portal = new Server(work, "serve", "--solr", zk + "/live", "--port", "0");
        SolrCollection v1 = SolrCollection.connect(SolrTarget.parse(zk + "/crawl"))) {
      String old = total(portal, "");
      assertEquals(String.valueOf(new SolrReads(v1).sectionCount()), old);
      Processes.Started v2 =
          Processes.start(
              work,
              "index",
              "--solr",
              zk + "/crawl_v2",
              "--index",
              journal.toString(),
              CORPUS.toString(),
              synthetic.toString());
      Process run = v2.process();
      started.add(run);
      while (run.isAlive()) {
        assertEquals(old, total(portal, ""), "readers saw the collection being written");
        Thread.sleep(300);
      }
      assertEquals(0, run.exitValue(), Files.readString(v2.output()));
      Run moved = cluster("alias", "live", "crawl_v2");
      assertEquals("alias live → crawl_v2\n", moved.out());
      long sections;
      try (IndexStore store = IndexStore.openForReading(journal)) {
        sections = 0;
        for (String id : store.documentIds()) sections += store.sections(id).size();
      }
      assertEquals(String.valueOf(sections), total(portal, ""));
      assertTrue(sections > Long.parseLong(old));
      Run status = cluster("status");
      assertTrue(status.out().contains("alias live → crawl_v2\n"), status.out());
    }
  }

  /**
   * {@code bench --solr}: the synthetic corpus loaded into an empty collection, its figures beside
   * the embedded index's in bench.json.
   */
  @Test
  @Order(7)
  void benchMeasuresTheCollectionBesideTheEmbeddedIndex() throws Exception {
    Run created = cluster("create", "bench");
    assertEquals(0, created.exit(), created.out() + created.err());
    Path out = work.resolve("bench");
    Run bench =
        gongkai(
            "bench",
            "--docs",
            "12",
            "--queries",
            "20",
            "--load-seconds",
            "2",
            "--ocr-pages",
            "0",
            "--watch-files",
            "0",
            "--watch-burst",
            "0",
            "--corpus",
            SEEDS.toString(),
            "--solr",
            zk + "/bench",
            "--out",
            out.toString());
    assertEquals(0, bench.exit(), bench.out() + bench.err());
    var json =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(out.resolve("bench.json").toFile());
    var solr = json.get("solr");
    assertEquals(zk + "/bench", solr.get("target").asText());
    assertEquals(2, solr.get("nodes").asInt());
    assertEquals(2, solr.get("shards").asInt());
    assertEquals(2, solr.get("replicas").asInt());
    assertEquals(json.get("corpus").get("sections").asLong(), solr.get("sections").asLong());
    for (String field : List.of("phraseRare", "words"))
      for (String p : List.of("p50Ms", "p99Ms"))
        assertTrue(solr.get(field).get(p).asDouble() > 0, field + " " + p);
    assertTrue(solr.get("rps").asDouble() > 0);
    assertEquals(0, solr.get("loadUncached").get("errors").asInt());
    assertTrue(solr.get("loadMbPerSec").asDouble() > 0);
    assertTrue(
        bench
            .out()
            .contains(
                "| same corpus | embedded index | SolrCloud (2 nodes, 2 shards × 2 replicas) |"),
        bench.out());
  }

  /**
   * {@code index --solr --watch}: the collection kept up to date with a folder — a report dropped
   * into it is in the collection within seconds, a report deleted is gone from it, nobody running
   * {@code index} again.
   */
  @Test
  @Order(8)
  void aWatchKeepsTheCollectionUpToDate() throws Exception {
    Run created = cluster("create", "watched");
    assertEquals(0, created.exit(), created.out() + created.err());
    Path folder = Files.createDirectories(work.resolve("watched"));
    Files.copy(SEEDS.resolve("000_988c7a9063883e3f.txt"), folder.resolve("a.txt"));
    Processes.Started started =
        Processes.start(
            work,
            "index",
            "--solr",
            zk + "/watched",
            "--index",
            work.resolve("journal-watched").toString(),
            "--watch",
            folder.toString());
    this.started.add(started.process());
    try (SolrCollection watched = SolrCollection.connect(SolrTarget.parse(zk + "/watched"))) {
      SolrReads reads = new SolrReads(watched);
      awaitCount(reads, 1, started);
      Files.copy(SEEDS.resolve("004_37d039dcb8ad6afc.txt"), folder.resolve("b.txt"));
      awaitCount(reads, 2, started);
      Files.delete(folder.resolve("a.txt"));
      awaitCount(reads, 1, started);
      // the run's line is said after its commit, which the collection shows first
      String gone = "0 new or changed, 1 gone: 0 indexed, 0 unchanged, 0 duplicates, 1 removed";
      long said = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!Files.readString(started.output()).contains(gone) && System.nanoTime() < said)
        Thread.sleep(100);
      String out = Files.readString(started.output());
      assertTrue(out.contains("(kept up to date as the folders change)"), out);
      assertTrue(out.contains("1 new or changed, 0 gone: 1 indexed"), out);
      assertTrue(out.contains(gone), out);
    } finally {
      started.process().destroy();
      assertTrue(started.process().waitFor(60, TimeUnit.SECONDS));
    }
  }

  /** Waits (two minutes at most) until the collection holds {@code n} reports. */
  static void awaitCount(SolrReads reads, long n, Processes.Started watching) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (reads.documentCount() != n) {
      assertTrue(watching.process().isAlive(), Files.readString(watching.output()));
      assertTrue(
          System.nanoTime() < deadline,
          "not " + n + " reports in 2 min: " + Files.readString(watching.output()));
      Thread.sleep(200);
    }
  }

  // ---- helpers

  Run cluster(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
    command.add(args[0]);
    command.addAll(List.of("--dir", dir.toString()));
    command.addAll(List.of(args).subList(1, args.length));
    return Processes.run(
        work,
        Map.of(
            "GONGKAI_JAR", Processes.JAR.toAbsolutePath().toString(),
            "GONGKAI_SOLR_PLUGIN", PLUGIN.toString(),
            "JAVA", Processes.JAVA),
        10,
        command);
  }

  Run gongkai(String... args) throws Exception {
    return Processes.gongkai(work, args);
  }

  /** The number of the node (1 or 2) that leads the collection's first shard. */
  int leaderNode(String collection) throws Exception {
    Run status = cluster("status");
    Matcher m =
        Pattern.compile(
                "collection "
                    + collection
                    + " [^\\n]*\\n  shard1: [^\\n]*?127\\.0\\.0\\.1:(\\d+)_solr active leader")
            .matcher(status.out());
    assertTrue(m.find(), status.out());
    int port = Integer.parseInt(m.group(1));
    return port == ports[0] ? 1 : 2;
  }

  void awaitLiveNodes(int n) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (!cluster("status").out().contains("live nodes: " + n + " ")) {
      assertTrue(System.nanoTime() < deadline, "live nodes never " + n);
      Thread.sleep(1_000);
    }
  }

  /** Every replica of each shard holds as many documents as the others. */
  static void assertReplicasAgree(String collection, String status) {
    Matcher shard =
        Pattern.compile(
                "collection "
                    + collection
                    + " \\(2 shards, 4 replicas\\): 4/4 active\\n  shard1: (.*)\\n  shard2: (.*)\\n")
            .matcher(status);
    assertTrue(shard.find(), status);
    for (int s = 1; s <= 2; s++) {
      Set<String> counts = new TreeSet<>();
      Matcher docs = Pattern.compile("(\\d+) docs").matcher(shard.group(s));
      int replicas = 0;
      while (docs.find()) {
        counts.add(docs.group(1));
        replicas++;
      }
      assertEquals(2, replicas, status);
      assertEquals(1, counts.size(), "replicas of shard" + s + " differ: " + status);
    }
  }

  /** The collection holds each report of the run's index once, with each of its sections. */
  void assertExactlyOnce(SolrCollection c, Path journal) throws Exception {
    Set<String> ids;
    long sections = 0;
    try (IndexStore store = IndexStore.openForReading(journal)) {
      ids = new TreeSet<>(store.documentIds());
      for (String id : ids) sections += store.sections(id).size();
    }
    ModifiableSolrParams p = new ModifiableSolrParams();
    p.set("q", Schema.TYPE + ":" + Schema.TYPE_DOCUMENT);
    p.set("fl", Schema.DOC_ID);
    p.set("rows", 10_000);
    List<String> found = new ArrayList<>();
    for (SolrDocument d : c.query(p).getResults())
      found.add(String.valueOf(d.getFieldValue(Schema.DOC_ID)));
    assertEquals(found.size(), new HashSet<>(found).size(), "a report written twice");
    assertEquals(ids, new TreeSet<>(found));
    assertEquals(sections, new SolrReads(c).sectionCount());
  }

  static String total(Server portal, String q) throws Exception {
    var r = portal.get("api/search?q=" + Processes.encode(q));
    assertEquals(200, r.statusCode(), r.body());
    return totalOf(r.body());
  }

  static String totalOf(String json) {
    Matcher m = Pattern.compile("\"total\" ?: ?(\\d+)").matcher(json);
    return m.find() ? m.group(1) : "?";
  }

  Path synthetic() throws Exception {
    DocumentIngestor ingestor =
        new DocumentIngestor(
            new TikaExtractor(ExtractConfig.defaults()),
            new TextCleaner(),
            new SectionSplitter(),
            new MetadataExtractor(new RegionResolver(gazetteer)));
    List<SyntheticCorpus.Seed> seeds = new ArrayList<>();
    try (var files = Files.list(SEEDS)) {
      for (Path f : files.sorted().toList())
        seeds.add(new SyntheticCorpus.Seed(Files.readString(f), ingestor.document(f)));
    }
    Path out = work.resolve("synthetic");
    new SyntheticCorpus(seeds, gazetteer).write(out, 0, SYNTHETIC, 7);
    return out;
  }

  /**
   * A port free now, and below the range the system hands out to outgoing connections: a port the
   * system chose (port 0) is in that range, where a node's own connections to ZooKeeper could take
   * it before the next node binds it (a node failed to start that way).
   */
  static int freePort() throws Exception {
    int below = 32768;
    try {
      below =
          Integer.parseInt(
              Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
                  .trim()
                  .split("\\s+")[0]);
    } catch (IOException | RuntimeException e) {
      // not Linux: its usual lower bound
    }
    java.util.Random random = new java.util.Random();
    for (int tries = 0; tries < 200; tries++) {
      int port = 10_000 + random.nextInt(Math.max(1, below - 10_000));
      if (!HANDED_OUT.add(port)) continue;
      try (ServerSocket s = new ServerSocket(port)) {
        return s.getLocalPort();
      } catch (IOException taken) {
        // in use: another
      }
    }
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static final java.util.Set<Integer> HANDED_OUT =
      java.util.concurrent.ConcurrentHashMap.newKeySet();
}
