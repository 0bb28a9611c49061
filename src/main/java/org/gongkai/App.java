package org.gongkai;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.gongkai.bench.SyntheticCorpus;
import org.gongkai.config.ExtractConfig;
import org.gongkai.config.IndexConfig;
import org.gongkai.config.ServeConfig;
import org.gongkai.extract.TikaExtractor;
import org.gongkai.index.IndexStore;
import org.gongkai.ingest.DocumentIngestor;
import org.gongkai.ingest.DocumentJson;
import org.gongkai.ingest.Indexer;
import org.gongkai.ingest.MetadataExtractor;
import org.gongkai.regions.Gazetteer;
import org.gongkai.regions.RegionResolver;
import org.gongkai.search.IndicatorService;
import org.gongkai.search.SearchJson;
import org.gongkai.search.SearchService;
import org.gongkai.text.HanLpSegmenter;
import org.gongkai.text.SectionSplitter;
import org.gongkai.text.TextCleaner;
import org.gongkai.web.Portal;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: builds every object by hand (no container, no reflection) and runs one command. */
@Command(
    name = "gongkai",
    mixinStandardHelpOptions = true,
    version = "gongkai 0.1",
    description = "Search portal over Chinese public-finance disclosures.",
    subcommands = {
      InspectCommand.class,
      IndexCommand.class,
      SearchCommand.class,
      ServeCommand.class,
      DemoCommand.class,
      SynthCommand.class,
      BenchCommand.class
    })
public final class App implements Runnable {

  /** Exit codes, a public contract. */
  public static final int OK = 0;

  public static final int FAILED = 1;
  public static final int USAGE = 2;
  public static final int SOME_FAILED = 3;

  /** The index is busy (another run writes to it), not a folder, or damaged. */
  public static final int INDEX_UNAVAILABLE = 4;

  private final Gazetteer gazetteer;
  private final ObjectMapper json;
  private final PrintWriter out;
  private final PrintWriter err;

  App(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
    this.gazetteer = Gazetteer.load();
    // before any segmentation: HanLP's custom dictionary is not thread-safe to change later
    HanLpSegmenter.install(gazetteer.names());
    this.json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  }

  DocumentIngestor ingestor() {
    return new DocumentIngestor(
        new TikaExtractor(ExtractConfig.defaults()),
        new TextCleaner(),
        new SectionSplitter(),
        new MetadataExtractor(new RegionResolver(gazetteer)));
  }

  Indexer indexer() {
    return indexer(IndexConfig.defaults());
  }

  Indexer indexer(IndexConfig config) {
    return new Indexer(ingestor(), Clock.systemUTC(), config);
  }

  SearchService searchService(IndexStore store) {
    return new SearchService(store, gazetteer);
  }

  /** The portal over {@code store}; not started. */
  Portal portal(ServeConfig config, IndexStore store) {
    return new Portal(
        config, store, searchService(store), new IndicatorService(store, gazetteer), json);
  }

  Gazetteer gazetteer() {
    return gazetteer;
  }

  /**
   * Whether {@code seeds} holds reports to vary; if not, says so (a usage error, not a stack
   * trace).
   */
  boolean hasSeedReports(java.nio.file.Path seeds) throws java.io.IOException {
    if (java.nio.file.Files.isDirectory(seeds)) {
      try (var files = java.nio.file.Files.list(seeds)) {
        if (files.anyMatch(f -> f.toString().endsWith(".txt"))) return true;
      }
    }
    err()
        .println(
            "gongkai: no .txt reports to vary in "
                + seeds.toAbsolutePath().normalize()
                + " (run from the repository root, or pass --corpus DIR)");
    return false;
  }

  /** The synthetic corpus generator, varying the reports in {@code seeds}. */
  SyntheticCorpus syntheticCorpus(java.nio.file.Path seeds) throws Exception {
    var ingestor = ingestor();
    List<SyntheticCorpus.Seed> list = new java.util.ArrayList<>();
    try (var files = java.nio.file.Files.list(seeds)) {
      for (var f : files.sorted().toList()) {
        if (!f.toString().endsWith(".txt")) continue;
        list.add(new SyntheticCorpus.Seed(java.nio.file.Files.readString(f), ingestor.ingest(f)));
      }
    }
    if (list.isEmpty()) throw new IllegalArgumentException("no .txt reports in " + seeds);
    return new SyntheticCorpus(list, gazetteer);
  }

  SearchJson searchJson() {
    return new SearchJson(json, org.gongkai.api.Wording.bundled());
  }

  DocumentJson documentJson() {
    return new DocumentJson(json);
  }

  ObjectMapper json() {
    return json;
  }

  PrintWriter out() {
    return out;
  }

  PrintWriter err() {
    return err;
  }

  @Override
  public void run() {
    new CommandLine(this).usage(out);
  }

  /** Runs the command line with the given streams and returns the exit code. */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    App app = new App(out, err);
    CommandLine cli =
        new CommandLine(
            app,
            new CommandLine.IFactory() {
              @Override
              public <K> K create(Class<K> cls) throws Exception {
                if (cls == InspectCommand.class) return cls.cast(new InspectCommand(app));
                if (cls == IndexCommand.class) return cls.cast(new IndexCommand(app));
                if (cls == SearchCommand.class) return cls.cast(new SearchCommand(app));
                if (cls == ServeCommand.class) return cls.cast(new ServeCommand(app));
                if (cls == SynthCommand.class) return cls.cast(new SynthCommand(app));
                if (cls == BenchCommand.class) return cls.cast(new BenchCommand(app));
                if (cls == DemoCommand.class) return cls.cast(new DemoCommand(app));
                return CommandLine.defaultFactory().create(cls);
              }
            });
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, command, parsed) -> {
          for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.gongkai.index.IndexUnavailableException unavailable) {
              err.println("gongkai: " + unavailable.getMessage());
              return INDEX_UNAVAILABLE;
            }
          }
          throw e;
        });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  public static void main(String[] args) {
    PrintWriter out =
        new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    System.exit(execute(out, err, args));
  }
}
