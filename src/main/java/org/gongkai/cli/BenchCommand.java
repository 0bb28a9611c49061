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
    return ExitCode.OK;
  }

  /** The synthetic corpus: ingest, queries, baselines, load and OCR. */
  private ObjectNode synthetic(org.gongkai.solr.SolrTarget solrTarget) throws Exception {
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
            generator.vary(seeds),
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
    return result;
  }
}
