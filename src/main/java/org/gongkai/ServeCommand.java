package org.gongkai;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.gongkai.config.ServeConfig;
import org.gongkai.index.IndexStore;
import org.gongkai.web.Portal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code serve [--index DIR] [--port N] [--dev]}: the portal over an existing index. */
@Command(name = "serve", description = "Serve the search portal over an index.")
final class ServeCommand implements Callable<Integer> {

  @Option(names = "--index", paramLabel = "DIR", description = "Index directory (default: ${DEFAULT-VALUE}).")
  Path index = Path.of("index");

  @Option(names = "--port", paramLabel = "N", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port = ServeConfig.DEFAULT_PORT;

  @Option(names = "--dev", description = "Read templates/ and static/ from the working directory, so edits show without a rebuild.")
  boolean dev;

  private final App app;

  ServeCommand(App app) {
    this.app = app;
  }

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65535) {
      app.err().println("gongkai: --port must be 0–65535");
      return App.USAGE;
    }
    if (!IndexStore.exists(index)) {
      app.err().println("gongkai: no index at " + index.toAbsolutePath().normalize() + " (build one with: index PATH..., or run demo)");
      return App.FAILED;
    }
    return serve(app, index, port, dev);
  }

  /** Serves {@code index} until the process is stopped. */
  static int serve(App app, Path index, int port, boolean dev) throws Exception {
    Path devRoot = null;
    if (dev) {
      devRoot = Path.of("").toAbsolutePath();
      if (!Files.isDirectory(devRoot.resolve("templates"))) {
        app.err().println("gongkai: --dev needs templates/ and static/ in the working directory (run it from the repository root)");
        return App.USAGE;
      }
    }
    CountDownLatch stopped = new CountDownLatch(1);
    try (IndexStore store = IndexStore.openForReading(index);
        Portal portal = app.portal(new ServeConfig(index, port, devRoot), store).start()) {
      app.out().println("Gongkai is running at http://localhost:" + portal.port() + "/  (index: "
          + index.toAbsolutePath().normalize() + "; Ctrl-C stops it)");
      app.out().flush();
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
      stopped.await();
    }
    return App.OK;
  }
}
