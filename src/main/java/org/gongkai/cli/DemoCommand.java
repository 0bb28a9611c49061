package org.gongkai.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.gongkai.index.IndexStore;
import org.gongkai.ingest.IngestReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code demo [--port N]}: brings {@code ./index} up to date with the bundled sample corpus (only
 * new or changed files are read), then serves the portal.
 */
@Command(
    name = "demo",
    description =
        "Index the bundled sample corpus (if missing or out of date) and serve the portal.")
final class DemoCommand implements Callable<Integer> {

  @picocli.CommandLine.Mixin HelpOption help = new HelpOption();

  @Option(
      names = "--corpus",
      paramLabel = "DIR",
      description = "Sample corpus folder (default: ${DEFAULT-VALUE}).")
  Path corpus = Path.of("corpus", "formats");

  @Mixin ServerOptions server = new ServerOptions();

  private final Console console;
  private final java.util.function.Function<
          org.gongkai.config.IndexConfig, org.gongkai.ingest.Indexer>
      indexer;
  private final PortalFactory portals;

  DemoCommand(
      Console console,
      java.util.function.Function<org.gongkai.config.IndexConfig, org.gongkai.ingest.Indexer>
          indexer,
      PortalFactory portals) {
    this.console = console;
    this.indexer = indexer;
    this.portals = portals;
  }

  @Override
  public Integer call() throws Exception {
    if (!server.valid(console)) return ExitCode.USAGE;
    if (!Files.isDirectory(corpus)) {
      console
          .err()
          .println(
              "gongkai: no sample corpus at "
                  + corpus.toAbsolutePath()
                  + " (run demo from the repository root)");
      return ExitCode.FAILED;
    }
    IngestReport r;
    try (IndexStore store = IndexStore.openForWriting(server.index)) {
      r =
          indexer
              .apply(org.gongkai.config.IndexConfig.defaults())
              .run(store, List.of(corpus), true, org.gongkai.ingest.Indexer.Progress.NONE);
    }
    console
        .out()
        .printf(
            "Sample corpus: %d new, %d unchanged, %d failed — %d documents, %d sections in %s%n",
            r.indexed(),
            r.unchanged(),
            r.failures().size(),
            r.documents(),
            r.sections(),
            server.index.toAbsolutePath().normalize());
    r.failures()
        .forEach(
            f ->
                console
                    .err()
                    .println(
                        "gongkai: "
                            + Printable.line(f.file())
                            + ": "
                            + Printable.line(f.reason())));
    return ServeCommand.serve(console, portals, server);
  }
}
