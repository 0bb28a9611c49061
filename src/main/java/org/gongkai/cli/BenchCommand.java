package org.gongkai.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.gongkai.bench.Benchmark;
import org.gongkai.bench.LoadTest;
import org.gongkai.bench.OcrAccuracy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench [--docs N] [--seed S] [--out DIR]}: the benchmark; writes bench.json and bench.md.
 */
@Command(
    name = "bench",
    description =
        "Benchmark ingest and queries on a synthetic corpus, with baselines; writes bench.json and bench.md.")
final class BenchCommand implements Callable<Integer> {

  @picocli.CommandLine.Mixin HelpOption help = new HelpOption();

  @Option(
      names = "--docs",
      paramLabel = "N",
      description = "Synthetic reports (default: ${DEFAULT-VALUE}).")
  int docs = 2000;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Working and output folder (default: ${DEFAULT-VALUE}).")
  Path out = Path.of("bench-out");

  @Option(
      names = "--corpus",
      paramLabel = "DIR",
      description = "The reports to vary (default: ${DEFAULT-VALUE}).")
  Path seeds = Path.of("corpus", "seeds");

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Ingest threads (default: all cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--queries",
      paramLabel = "N",
      description =
          "Measured queries per class (default: ${DEFAULT-VALUE}); the rare-phrase classes ask each phrase of a pool four times as large (at least 300) once.")
  int queries = 300;

  @Option(
      names = "--load-seconds",
      paramLabel = "S",
      description =
          "Seconds of the load test: serve in -Xmx512m, the query mix over HTTP (default: ${DEFAULT-VALUE}; 0 skips).")
  int loadSeconds = 60;

  @Option(
      names = "--load-warmup",
      paramLabel = "S",
      description =
          "Seconds serve is driven with the mix before each load is measured, so the load meets a"
              + " server that has run a while, its code compiled (default: twice --load-seconds, at"
              + " most 120).")
  Integer loadWarmup;

  @Option(
      names = "--connections",
      paramLabel = "N",
      description = "Connections of the load test (default: ${DEFAULT-VALUE}).")
  int connections = 16;

  @Option(
      names = "--ocr-pages",
      paramLabel = "N",
      description =
          "Pages scanned and read by OCR to measure its accuracy against their text layer"
              + " (default: ${DEFAULT-VALUE}; 0 skips).")
  int ocrPages = 6;

  @Option(
      names = "--watch-files",
      paramLabel = "N",
      description =
          "10-page PDF reports written one a second into a watched folder, each timed until it is"
              + " searchable (default: ${DEFAULT-VALUE}; 0 skips).")
  int watchFiles = 100;

  @Option(
      names = "--watch-burst",
      paramLabel = "N",
      description =
          "10-page PDF reports moved into a watched folder at once, the watch's throughput"
              + " against index's over the same files (default: ${DEFAULT-VALUE}; 0 skips).")
  int watchBurst = 1000;

  @Option(
      names = "--ocr-pdfs",
      paramLabel = "DIR",
      description =
          "The PDFs with a text layer whose pages are scanned (default: ${DEFAULT-VALUE}).")
  Path ocrPdfs = Path.of("corpus", "formats");

  @Option(
      names = "--ocr-scan-pages",
      paramLabel = "N",
      description =
          "Pages of one whole scan read as one file, for OCR's wall time per page"
              + " (default: ${DEFAULT-VALUE}; 0 skips).")
  int ocrScanPages = 20;

  @Option(
      names = "--real",
      paramLabel = "DIR",
      description =
          "A real crawl to index as index does, measuring files/s, MB/s of text, cores kept busy,"
              + " stage times and failures (alone, unless --docs is given too).")
  Path real;

  @Option(
      names = "--solr",
      paramLabel = "ZK_HOST/COLLECTION",
      description =
          "Also load the synthetic corpus into this SolrCloud collection (empty, or holding exactly"
              + " this corpus) and measure its phrase and word searches and uncached load beside"
              + " the embedded index's.")
  String solr;

  @Option(
      names = "--compare",
      paramLabel = "REV",
      description =
          "Compare this build with the code of REV (a commit of the repository this is run in):"
              + " the benchmark (1,000 documents unless --docs, no OCR) run --runs times on each,"
              + " alternating, REV first; prints each measure's ratio with its spread, and writes"
              + " compare.md and compare.json.")
  String compare;

  @Option(
      names = "--runs",
      paramLabel = "N",
      description = "Runs of each side with --compare (default: ${DEFAULT-VALUE}).")
  int runs = 2;

  @Option(
      names = "--mutants",
      paramLabel = "DIR",
      description =
          "Recall of the checks by planted errors: every report of DIR read, a few errors of each"
              + " kind (a summary table's cell, a total in the words, a stated change, a “三公” item,"
              + " 基本/项目支出) planted from its own reads, one digit each, and each mutant checked"
              + " on its own; writes mutants.tsv and mutants.md (alone).")
  Path mutants;

  @Option(
      names = "--projects",
      paramLabel = "DIR",
      description =
          "Projects read from every report of DIR against the count each report states itself;"
              + " writes projects.tsv and projects.md (alone).")
  Path projects;

  @Option(
      names = "--project-tables",
      description =
          "A synthetic project table in every report of the generated corpus (what reading projects"
              + " costs the index and ingest); its corpus is kept apart from the plain one. With"
              + " --compare, in the change's runs only (--compare HEAD --project-tables: the cost).")
  boolean projectTables;

  @Option(
      names = "--half",
      paramLabel = "work|check",
      description =
          "With --mutants or --projects: only the cities (first folder level) of this half, split as"
              + " crawl-check.py --half splits them.")
  String half;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  private final Console console;
  private final Seeds generator;
  private final java.util.function.Supplier<org.gongkai.ingest.DocumentIngestor> ingestor;
  private final java.util.function.Supplier<org.gongkai.extract.TikaExtractor> extractor;
  private final org.gongkai.regions.Gazetteer gazetteer;
  private final com.fasterxml.jackson.databind.ObjectMapper json;

  BenchCommand(
      Console console,
      Seeds seeds,
      java.util.function.Supplier<org.gongkai.ingest.DocumentIngestor> ingestor,
      java.util.function.Supplier<org.gongkai.extract.TikaExtractor> extractor,
      org.gongkai.regions.Gazetteer gazetteer,
      com.fasterxml.jackson.databind.ObjectMapper json) {
    this.console = console;
    this.generator = seeds;
    this.ingestor = ingestor;
    this.extractor = extractor;
    this.gazetteer = gazetteer;
    this.json = json;
  }

  @Override
  public Integer call() throws Exception {
    if (docs < 1 || threads < 1 || queries < 1) {
      console.err().println("gongkai: --docs, --threads and --queries must be at least 1");
      return ExitCode.USAGE;
    }
    if (loadSeconds < 0 || connections < 1) {
      console.err().println("gongkai: --load-seconds must be 0 or more, --connections at least 1");
      return ExitCode.USAGE;
    }
    if (loadWarmup != null && loadWarmup < 1) {
      console.err().println("gongkai: --load-warmup must be at least 1");
      return ExitCode.USAGE;
    }
    if (ocrPages < 0 || ocrScanPages < 0) {
      console.err().println("gongkai: --ocr-pages and --ocr-scan-pages must be 0 or more");
      return ExitCode.USAGE;
    }
    if (watchFiles < 0 || watchBurst < 0) {
      console.err().println("gongkai: --watch-files and --watch-burst must be 0 or more");
      return ExitCode.USAGE;
    }
    Benchmark.noteStart();
    if (compare != null) return compare();
    if (half != null && mutants == null && projects == null) {
      console.err().println("gongkai: --half goes with --mutants or --projects");
      return ExitCode.USAGE;
    }
    if (mutants != null) return mutants();
    if (projects != null) return projects();
    org.gongkai.solr.SolrTarget solrTarget = null;
    if (solr != null) {
      try {
        solrTarget = org.gongkai.solr.SolrTarget.parse(solr);
      } catch (IllegalArgumentException e) {
        console.err().println("gongkai: " + e.getMessage());
        return ExitCode.USAGE;
      }
    }
    if (real != null && !Files.isDirectory(real)) {
      console.err().println("gongkai: --real " + real + ": not a folder");
      return ExitCode.USAGE;
    }
    // with --real alone, only the real crawl is measured; --docs asks for the synthetic run too
    boolean synthetic =
        real == null
            || solr != null
            || spec.commandLine().getParseResult().hasMatchedOption("--docs");
    if (synthetic && !Wiring.hasSeedReports(console, seeds)) return ExitCode.USAGE;
    Files.createDirectories(out);
    ObjectNode result = json.createObjectNode();
    if (synthetic) result = synthetic(solrTarget);
    if (real != null)
      result.set(
          "realCorpus",
          new org.gongkai.bench.RealCrawl(ingestor.get(), console.err())
              .run(real, out, threads, json));
    if (!synthetic) Benchmark.stamp(result);
    Files.writeString(out.resolve("bench.json"), json.writeValueAsString(result) + "\n");
    String table = Benchmark.markdown(result);
    Files.writeString(out.resolve("bench.md"), table);
    console.out().print(table);
    console
        .out()
        .println("\nwritten: " + out.resolve("bench.json") + ", " + out.resolve("bench.md"));
    // a measurement that failed (said above, recorded in both files) fails the command
    return result.path("watch").has("error") ? ExitCode.FAILED : ExitCode.OK;
  }

  /** {@code --mutants DIR}: the checks' recall by planted errors ({@link MutantRecall}). */
  private int mutants() throws Exception {
    if (!Files.isDirectory(mutants)) {
      console.err().println("gongkai: --mutants " + mutants + ": not a folder");
      return ExitCode.USAGE;
    }
    if (half != null && !half.equals("work") && !half.equals("check")) {
      console.err().println("gongkai: --half must be work or check, not " + half);
      return ExitCode.USAGE;
    }
    List<Path> files = org.gongkai.bench.MutantRecall.files(mutants, half);
    console.err().println("planting errors in the reports of " + files.size() + " files …");
    console.err().flush();
    org.gongkai.bench.MutantRecall.Result r =
        new org.gongkai.bench.MutantRecall(ingestor.get(), console.err())
            .run(mutants, files, threads);
    org.gongkai.bench.MutantRecall.write(r, out);
    console.out().print(r.markdown());
    console
        .out()
        .println("\nwritten: " + out.resolve("mutants.tsv") + ", " + out.resolve("mutants.md"));
    return ExitCode.OK;
  }

  /**
   * {@code --projects DIR}: projects read against each report's own count ({@link ProjectCount}).
   */
  private int projects() throws Exception {
    if (!Files.isDirectory(projects)) {
      console.err().println("gongkai: --projects " + projects + ": not a folder");
      return ExitCode.USAGE;
    }
    if (half != null && !half.equals("work") && !half.equals("check")) {
      console.err().println("gongkai: --half must be work or check, not " + half);
      return ExitCode.USAGE;
    }
    List<Path> files = org.gongkai.bench.MutantRecall.files(projects, half);
    console.err().println("reading the projects of " + files.size() + " files …");
    console.err().flush();
    org.gongkai.bench.ProjectCount.Result r =
        new org.gongkai.bench.ProjectCount(ingestor.get(), console.err())
            .run(projects, files, threads);
    org.gongkai.bench.ProjectCount.write(r, out);
    console.out().print(org.gongkai.bench.ProjectCount.markdown(r));
    console
        .out()
        .println("\nwritten: " + out.resolve("projects.tsv") + ", " + out.resolve("projects.md"));
    return ExitCode.OK;
  }

  /** The synthetic corpus: ingest, queries, baselines, load and OCR. */
  private ObjectNode synthetic(org.gongkai.solr.SolrTarget solrTarget) throws Exception {
    org.gongkai.bench.SyntheticCorpus corpus = generator.vary(seeds);
    if (projectTables) corpus = corpus.withProjectTables();
    Benchmark bench =
        new Benchmark(
            new Benchmark.Config(
                docs,
                seed,
                out,
                threads,
                queries,
                Math.min(50, queries),
                loadSeconds,
                connections,
                loadWarmup != null ? loadWarmup : LoadTest.defaultWarmup(loadSeconds)),
            corpus,
            ingestor.get(),
            gazetteer,
            json,
            console.err());
    if (solrTarget != null) bench.withSolr(solrTarget);
    ObjectNode result = bench.run();
    if (ocrPages > 0) {
      List<Path> pdfs = new java.util.ArrayList<>();
      if (Files.isDirectory(ocrPdfs)) {
        try (var files = Files.list(ocrPdfs)) {
          files
              .filter(f -> f.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".pdf"))
              .sorted()
              .forEach(pdfs::add);
        }
      }
      console.err().println("measuring OCR on " + ocrPages + " scanned pages …");
      console.err().flush();
      result.set(
          "ocr",
          new OcrAccuracy(extractor.get(), console.err())
              .scanPages(ocrScanPages)
              .measure(pdfs, ocrPages, json));
    }
    if (watchFiles > 0 || watchBurst > 0) {
      try {
        result.set(
            "watch",
            new org.gongkai.bench.WatchBench(ingestor.get(), console.err())
                .measure(out, corpus, seed, watchFiles, 1000, watchBurst, threads, json));
      } catch (Exception e) {
        // the last stage: its failure is said and recorded, and the half hour measured before it
        // is still written
        String why =
            e.getClass().getSimpleName() + ": " + Printable.line(String.valueOf(e.getMessage()));
        console.err().println("gongkai: the watch's measurement failed (" + why + ")");
        console.err().flush();
        result.putObject("watch").put("error", why);
      }
    }
    return result;
  }

  /**
   * {@code --compare REV}: builds REV's jar in a worktree of its own (kept in the output folder, so
   * a second comparison with the same base builds nothing), then runs the benchmark with the same
   * options and corpus on both jars, alternating, and compares what they measured.
   */
  private int compare() throws Exception {
    if (runs < 1) {
      console.err().println("gongkai: --runs must be at least 1");
      return ExitCode.USAGE;
    }
    if (real != null || solr != null) {
      console
          .err()
          .println("gongkai: --compare measures the synthetic corpus, not --real or --solr");
      return ExitCode.USAGE;
    }
    Run rev =
        run(
            Path.of("").toAbsolutePath(),
            "git",
            "rev-parse",
            "--verify",
            "--quiet",
            compare + "^{commit}");
    String sha = rev.code() == 0 ? sha(rev.out()) : null;
    if (sha == null) {
      console
          .err()
          .println(
              "gongkai: --compare "
                  + compare
                  + ": not a commit of the repository here (run in a clone of Gongkai)");
      return ExitCode.USAGE;
    }
    if (!Wiring.hasSeedReports(console, seeds)) return ExitCode.USAGE;
    Path work = Files.createDirectories(out.resolve("compare")).toAbsolutePath();
    Path baseJar = baseJar(work, sha);
    if (baseJar == null) return ExitCode.FAILED;
    int n = spec.commandLine().getParseResult().hasMatchedOption("--docs") ? docs : 1000;
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // REV's jar, and this build as this JVM runs it (its jar, or its classes and libraries)
    List<String> baseRun = List.of(javaBin, "-jar", baseJar.toString(), "bench");
    List<String> selfRun =
        List.of(
            javaBin,
            "-cp",
            System.getProperty("java.class.path"),
            org.gongkai.cli.Cli.MAIN_CLASS,
            "bench");
    java.util.Set<String> baseOptions = options(baseRun);
    java.util.Set<String> selfOptions = options(selfRun);
    for (String o : NEEDED)
      if (!baseOptions.contains(o) || !selfOptions.contains(o)) {
        console
            .err()
            .println(
                "gongkai: --compare "
                    + compare
                    + ": "
                    + (baseOptions.contains(o) ? "this build" : "its benchmark")
                    + " takes no "
                    + o
                    + " (too old to compare)");
        return ExitCode.USAGE;
      }
    List<com.fasterxml.jackson.databind.JsonNode> base = new java.util.ArrayList<>();
    List<com.fasterxml.jackson.databind.JsonNode> change = new java.util.ArrayList<>();
    for (int i = 1; i <= runs; i++) {
      for (boolean isBase : new boolean[] {true, false}) {
        Path dir = work.resolve((isBase ? "base-" : "change-") + i);
        console
            .err()
            .println(
                "run "
                    + i
                    + " of "
                    + runs
                    + ", "
                    + (isBase ? "base " + sha.substring(0, 10) : "change")
                    + " → "
                    + dir);
        console.err().flush();
        List<String> cmd = new java.util.ArrayList<>(isBase ? baseRun : selfRun);
        java.util.Map<String, String> options = new java.util.LinkedHashMap<>();
        options.put("--docs", String.valueOf(n));
        options.put("--seed", String.valueOf(seed));
        options.put("--threads", String.valueOf(threads));
        options.put("--queries", String.valueOf(queries));
        options.put("--load-seconds", String.valueOf(loadSeconds));
        options.put("--connections", String.valueOf(connections));
        options.put("--ocr-pages", "0");
        options.put("--ocr-scan-pages", "0");
        options.put("--watch-files", "0");
        options.put("--watch-burst", "0");
        options.put("--corpus", seeds.toAbsolutePath().toString());
        options.put("--out", dir.toString());
        if (loadWarmup != null) options.put("--load-warmup", String.valueOf(loadWarmup));
        // an older benchmark may lack an option: what it does not know, it is not given
        java.util.Set<String> known = isBase ? baseOptions : selfOptions;
        options.forEach(
            (k, v) -> {
              if (known.contains(k)) cmd.addAll(List.of(k, v));
            });
        // the change's reports with a project table each, the base's without: what reading
        // them costs (bench --compare HEAD --project-tables)
        if (projectTables && !isBase) cmd.add("--project-tables");
        Process p =
            new ProcessBuilder(cmd)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        if (waitFor(p) != 0) {
          console
              .err()
              .println("gongkai: the benchmark failed (exit " + p.exitValue() + "): " + cmd);
          return ExitCode.FAILED;
        }
        (isBase ? base : change).add(json.readTree(dir.resolve("bench.json").toFile()));
      }
    }
    var rows = org.gongkai.bench.BenchComparison.compare(base, change);
    String name = sha.substring(0, 10);
    String table = org.gongkai.bench.BenchComparison.markdown(name, "(this build)", rows);
    Files.writeString(work.resolve("compare.md"), table);
    Files.writeString(
        work.resolve("compare.json"),
        json.writeValueAsString(
                org.gongkai.bench.BenchComparison.json(json, sha, "(this build)", rows))
            + "\n");
    console.out().print(table);
    console
        .out()
        .println("\nwritten: " + work.resolve("compare.md") + ", " + work.resolve("compare.json"));
    return ExitCode.OK;
  }

  /** The options a build's {@code bench} takes: those its help lists at the start of a line. */
  private static java.util.Set<String> options(List<String> bench) throws InterruptedException {
    List<String> cmd = new java.util.ArrayList<>(bench);
    cmd.add("--help");
    Run help = run(Path.of("").toAbsolutePath(), cmd.toArray(String[]::new));
    java.util.Set<String> out = new java.util.HashSet<>();
    var m =
        java.util.regex.Pattern.compile("(?m)^\\s+(?:-[a-zA-Z], )?(--[a-z][a-z-]*)")
            .matcher(help.out());
    while (m.find()) out.add(m.group(1));
    return out;
  }

  /** What every build's benchmark must take for two runs to be compared. */
  private static final List<String> NEEDED = List.of("--docs", "--seed", "--corpus", "--out");

  /** REV's jar, built once in a worktree under {@code work}; null (said why) when it cannot be. */
  private Path baseJar(Path work, String sha) throws Exception {
    Path tree = work.resolve("base-" + sha.substring(0, 10));
    Path jar = tree.resolve("target").resolve("gongkai.jar");
    if (Files.isRegularFile(jar)) return jar;
    Path repo = Path.of("").toAbsolutePath();
    // a worktree whose checkout was cut short (no jar, another commit) is made again
    if (Files.isDirectory(tree)) {
      Run head = run(tree, "git", "rev-parse", "HEAD");
      if (head.code() != 0 || !sha.equals(sha(head.out()))) {
        run(repo, "git", "worktree", "remove", "--force", tree.toString());
        deleteTree(tree);
      }
    }
    if (!Files.isDirectory(tree)) {
      // a worktree whose folder was deleted is still registered until pruned
      run(repo, "git", "worktree", "prune");
      Run added = run(repo, "git", "worktree", "add", "--detach", tree.toString(), sha);
      if (added.code() != 0) {
        console.err().println("gongkai: cannot check out " + sha + ": " + added.out().strip());
        return null;
      }
    }
    console.err().println("building " + sha.substring(0, 10) + " in " + tree + " …");
    console.err().flush();
    Run built =
        run(tree, "mvn", "-B", "-q", "-N", "-DskipTests", "-Dspotless.check.skip=true", "package");
    if (built.code() != 0 || !Files.isRegularFile(jar)) {
      console
          .err()
          .println(
              "gongkai: building "
                  + sha.substring(0, 10)
                  + " failed (mvn -N package in "
                  + tree
                  + "): "
                  + built.out().strip());
      return null;
    }
    return jar;
  }

  /** The commit a git command printed (its warnings aside), or null. */
  private static String sha(String printed) {
    var m = java.util.regex.Pattern.compile("(?m)^([0-9a-f]{40})$").matcher(printed);
    return m.find() ? m.group(1) : null;
  }

  private static void deleteTree(Path tree) throws java.io.IOException {
    if (!Files.exists(tree)) return;
    try (var walk = Files.walk(tree)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList())
        Files.deleteIfExists(p);
    }
  }

  /** What a program printed (its output and errors together) and its exit code. */
  record Run(int code, String out) {}

  /**
   * Runs a program in {@code dir} to its end, its errors read with its output (one stream: a full
   * pipe cannot stall it); a program that is not there exits 127.
   */
  private static Run run(Path dir, String... cmd) throws InterruptedException {
    try {
      Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
      String out;
      try (var in = p.getInputStream()) {
        out = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      }
      return new Run(waitFor(p), out);
    } catch (java.io.IOException e) {
      return new Run(127, cmd[0] + ": " + e.getMessage());
    }
  }

  /**
   * Waits for {@code p}: stopped with this JVM (Ctrl-C, a kill of this one alone) or when the wait
   * is interrupted, so no build or benchmark goes on holding a port or an index.
   */
  private static int waitFor(Process p) throws InterruptedException {
    Thread stop = new Thread(p::destroyForcibly, "stop-compare-child");
    Runtime.getRuntime().addShutdownHook(stop);
    try {
      return p.waitFor();
    } finally {
      if (p.isAlive()) p.destroyForcibly();
      try {
        Runtime.getRuntime().removeShutdownHook(stop);
      } catch (IllegalStateException shuttingDown) {
        // this JVM is stopping: the hook stops the child
      }
    }
  }
}
