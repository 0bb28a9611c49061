package org.gongkai;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.gongkai.index.IndexStore;
import org.gongkai.web.Portal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code serve [--index DIR] [--port N] [--dev]}: the portal over an existing index. */
@Command(name = "serve", description = "Serve the search portal over an index.")
final class ServeCommand implements Callable<Integer> {

  @Mixin ServerOptions server = new ServerOptions();

  private final Console console;
  private final PortalFactory portals;

  ServeCommand(Console console, PortalFactory portals) {
    this.console = console;
    this.portals = portals;
  }

  @Override
  public Integer call() throws Exception {
    if (!server.valid(console)) return App.USAGE;
    if (!IndexStore.exists(server.index)) {
      console
          .err()
          .println(
              "gongkai: no index at "
                  + server.index.toAbsolutePath().normalize()
                  + " (build one with: index PATH..., or run demo)");
      return App.FAILED;
    }
    return serve(console, portals, server);
  }

  /**
   * Serves the index until the process is stopped; the options were checked with {@link
   * ServerOptions#valid}.
   */
  static int serve(Console console, PortalFactory portals, ServerOptions server) throws Exception {
    Path index = server.index;
    CountDownLatch stopped = new CountDownLatch(1);
    try (IndexStore store = IndexStore.openForReading(index);
        Portal portal = portals.portal(server.config(index), store).start()) {
      console
          .out()
          .println(
              "Gongkai is running at "
                  + ServerOptions.url(server.host, portal.port())
                  + "  (index: "
                  + index.toAbsolutePath().normalize()
                  + "; Ctrl-C stops it)");
      console.out().flush();
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
      stopped.await();
    }
    return App.OK;
  }
}
