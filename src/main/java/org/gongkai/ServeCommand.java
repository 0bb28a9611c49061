package org.gongkai;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.gongkai.config.ServeConfig;
import org.gongkai.index.IndexStore;
import org.gongkai.solr.SolrCollection;
import org.gongkai.solr.SolrTarget;
import org.gongkai.web.Portal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code serve [--index DIR | --solr ZK_HOST/COLLECTION] [--port N] [--dev]}: the portal over an
 * existing index, or over a SolrCloud collection.
 */
@Command(name = "serve", description = "Serve the search portal over an index.")
final class ServeCommand implements Callable<Integer> {

  @picocli.CommandLine.Mixin HelpOption help = new HelpOption();

  @Mixin ServerOptions server = new ServerOptions();

  @Option(
      names = "--solr",
      paramLabel = "ZK_HOST/COLLECTION",
      description =
          "Search this SolrCloud collection (written by index --solr) instead of an index folder.")
  String solr;

  /** Builds the portal over a SolrCloud collection (not started). */
  @FunctionalInterface
  interface SolrPortalFactory {
    Portal portal(ServeConfig config, SolrCollection collection);
  }

  private final Console console;
  private final PortalFactory portals;
  private final SolrPortalFactory solrPortals;

  ServeCommand(Console console, PortalFactory portals, SolrPortalFactory solrPortals) {
    this.console = console;
    this.portals = portals;
    this.solrPortals = solrPortals;
  }

  @Override
  public Integer call() throws Exception {
    if (!server.valid(console)) return App.USAGE;
    if (solr != null) return serveSolr();
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

  private int serveSolr() throws Exception {
    SolrTarget target;
    try {
      target = SolrTarget.parse(solr);
    } catch (IllegalArgumentException e) {
      console.err().println("gongkai: " + e.getMessage());
      return App.USAGE;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    try (SolrCollection collection = SolrCollection.connect(target)) {
      try {
        collection.check();
      } catch (java.io.IOException e) {
        console.err().println("gongkai: " + Printable.line(e.getMessage()));
        return App.INDEX_UNAVAILABLE;
      }
      try (Portal portal = solrPortals.portal(server.config(server.index), collection).start()) {
        console
            .out()
            .println(
                "Gongkai is running at "
                    + ServerOptions.url(server.host, portal.port())
                    + "  (SolrCloud: "
                    + target
                    + "; Ctrl-C stops it)");
        console.out().flush();
        Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
        stopped.await();
      }
    }
    return App.OK;
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
