package org.gongkai.cli;

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
      names = "--watch",
      paramLabel = "DIR",
      description =
          "Keep the served index up to date with these folders (repeat for several): what appears,"
              + " changes, moves or goes in them is indexed within seconds, as index --watch does.")
  java.util.List<Path> watch = new java.util.ArrayList<>();

  @Option(
      names = "--workspace",
      paramLabel = "DIR",
      description =
          "Turn on accounts, kept in this workspace folder (its H2 database file): sign-in, the"
              + " audit log; add users with: user add NAME --role admin --workspace DIR.")
  Path workspace;

  @Option(
      names = "--database",
      paramLabel = "JDBC_URL",
      description =
          "Turn on accounts, kept in this database: jdbc:postgresql://HOST/DB?user=U (password"
              + " from PGPASSWORD), or jdbc:h2:….")
  String database;

  @Option(
      names = "--uploads",
      paramLabel = "DIR",
      description =
          "Keep files uploaded from the browser in this folder (default: uploads/ in the"
              + " --workspace folder; with --database, upload is on only with this option).")
  Path uploads;

  @Option(
      names = "--solr",
      paramLabel = "ZK_HOST/COLLECTION",
      description =
          "Search this SolrCloud collection (written by index --solr) instead of an index folder.")
  String solr;

  /** Builds the portal over a SolrCloud collection (not started). */
  @FunctionalInterface
  interface SolrPortalFactory {
    Portal portal(
        ServeConfig config, SolrCollection collection, org.gongkai.workspace.Workspace workspace);
  }

  private final Console console;
  private final PortalFactory portals;
  private final SolrPortalFactory solrPortals;

  private final java.util.function.Function<
          org.gongkai.config.IndexConfig, org.gongkai.ingest.Indexer>
      indexers;

  ServeCommand(
      Console console,
      PortalFactory portals,
      SolrPortalFactory solrPortals,
      java.util.function.Function<org.gongkai.config.IndexConfig, org.gongkai.ingest.Indexer>
          indexers) {
    this.console = console;
    this.portals = portals;
    this.solrPortals = solrPortals;
    this.indexers = indexers;
  }

  @Override
  public Integer call() throws Exception {
    if (!server.valid(console)) return ExitCode.USAGE;
    if (workspace != null && database != null) {
      console.err().println("gongkai: give --workspace or --database, not both");
      return ExitCode.USAGE;
    }
    if (uploads != null && solr != null) {
      console
          .err()
          .println(
              "gongkai: upload from the browser indexes into an index folder, not --solr: serve"
                  + " the workspace over --index for upload");
      return ExitCode.USAGE;
    }
    if (uploads != null && workspace == null && database == null) {
      console.err().println("gongkai: --uploads needs a workspace (--workspace or --database)");
      return ExitCode.USAGE;
    }
    if (!watch.isEmpty()) {
      if (solr != null) {
        console
            .err()
            .println(
                "gongkai: --watch keeps an index folder up to date, not a SolrCloud collection");
        return ExitCode.USAGE;
      }
      for (Path p : watch)
        if (!java.nio.file.Files.exists(p)) {
          console.err().println("gongkai: no such file or folder: " + Printable.line(p));
          return ExitCode.USAGE;
        }
    }
    if (solr != null) return serveSolr();
    if (!IndexStore.exists(server.index)) {
      console
          .err()
          .println(
              "gongkai: no index at "
                  + server.index.toAbsolutePath().normalize()
                  + " (build one with: index PATH..., or run demo)");
      return ExitCode.FAILED;
    }
    org.gongkai.workspace.Workspace ws;
    try {
      ws = openWorkspace(true);
    } catch (org.gongkai.workspace.WorkspaceException e) {
      console.err().println("gongkai: " + e.getMessage());
      return ExitCode.FAILED;
    }
    try {
      if (ws != null && !moveLegacy(ws)) return ExitCode.INDEX_UNAVAILABLE;
      return serve(console, portals, server, ws, watch, indexers);
    } finally {
      if (ws != null) ws.close();
    }
  }

  /**
   * The workspace the options name (null: none), said when it has no admin yet; with {@code
   * upload}, its files kept where {@code --uploads} says.
   */
  private org.gongkai.workspace.Workspace openWorkspace(boolean upload) {
    if (workspace == null && database == null) return null;
    UserCommand.Where where = new UserCommand.Where();
    where.workspace = workspace;
    where.database = database;
    org.gongkai.workspace.Workspace ws = UserCommand.open(where);
    if (upload && uploads != null) ws.keepUploadsIn(uploads);
    if (ws.users().list().stream().noneMatch(u -> u.role() == org.gongkai.workspace.Role.ADMIN))
      console
          .err()
          .println(
              "gongkai: the workspace has no admin yet: add one with: user add NAME --role admin "
                  + (workspace != null ? "--workspace " + workspace : "--database URL"));
    return ws;
  }

  private int serveSolr() throws Exception {
    SolrTarget target;
    try {
      target = SolrTarget.parse(solr);
    } catch (IllegalArgumentException e) {
      console.err().println("gongkai: " + e.getMessage());
      return ExitCode.USAGE;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    org.gongkai.workspace.Workspace ws;
    try {
      ws = openWorkspace(false);
    } catch (org.gongkai.workspace.WorkspaceException e) {
      console.err().println("gongkai: " + e.getMessage());
      return ExitCode.FAILED;
    }
    try (SolrCollection collection = SolrCollection.connect(target);
        org.gongkai.workspace.Workspace closing = ws) {
      try {
        collection.check();
      } catch (java.io.IOException e) {
        console.err().println("gongkai: " + Printable.line(e.getMessage()));
        return ExitCode.INDEX_UNAVAILABLE;
      }
      try (Portal portal =
          solrPortals.portal(server.config(server.index), collection, ws).start()) {
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
    return ExitCode.OK;
  }

  /**
   * Moves the files of private collections an earlier version read into the public index into their
   * collections' own indexes before anyone is served; false (said why) when the index cannot be
   * written now — serving it as it is would show them to everyone.
   */
  private boolean moveLegacy(org.gongkai.workspace.Workspace ws) throws java.io.IOException {
    var shas = ws.collections().privateFiles();
    if (shas.isEmpty()) return true;
    try {
      int moved =
          indexers
              .apply(org.gongkai.config.IndexConfig.defaults())
              .intoCollections(server.index, shas);
      if (moved > 0)
        console
            .out()
            .println(
                "moved "
                    + moved
                    + " files of private collections out of the public index into their own");
      return true;
    } catch (org.gongkai.index.IndexUnavailableException e) {
      console
          .err()
          .println(
              "gongkai: "
                  + Printable.line(e.getMessage())
                  + "; the files of private collections it may hold must be moved out of it"
                  + " before it is served: serve again once it is free");
      return false;
    }
  }

  /**
   * Serves the index until the process is stopped; the options were checked with {@link
   * ServerOptions#valid}.
   */
  static int serve(Console console, PortalFactory portals, ServerOptions server) throws Exception {
    return serve(console, portals, server, null);
  }

  static int serve(
      Console console,
      PortalFactory portals,
      ServerOptions server,
      org.gongkai.workspace.Workspace workspace)
      throws Exception {
    return serve(console, portals, server, workspace, java.util.List.of(), null);
  }

  static int serve(
      Console console,
      PortalFactory portals,
      ServerOptions server,
      org.gongkai.workspace.Workspace workspace,
      java.util.List<Path> watch,
      java.util.function.Function<org.gongkai.config.IndexConfig, org.gongkai.ingest.Indexer>
          indexers)
      throws Exception {
    Path index = server.index;
    CountDownLatch stopped = new CountDownLatch(1);
    Thread watching = null;
    try (IndexStore store = IndexStore.openForReading(index);
        Portal portal = portals.portal(server.config(index), store, workspace).start()) {
      if (!watch.isEmpty()) watching = watch(console, index, watch, indexers);
      console
          .out()
          .println(
              "Gongkai is running at "
                  + ServerOptions.url(server.host, portal.port())
                  + "  (index: "
                  + index.toAbsolutePath().normalize()
                  + (workspace == null ? "" : "; workspace: " + workspace.address())
                  + "; Ctrl-C stops it)");
      console.out().flush();
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
      try {
        stopped.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt(); // stopped by whoever runs the server in a thread
      }
    } finally {
      if (watching != null) {
        watching.interrupt();
        watching.join(60_000);
      }
    }
    return ExitCode.OK;
  }

  /**
   * The served index kept up to date with {@code folders} in a thread of its own, as {@code index
   * --watch} keeps it: brought up to date first (what went is pruned), then each change within
   * seconds; each run commits, and the portal sees it at its next request. The index is opened for
   * each run and closed after it, so that a workspace's uploads write it between runs (a run waits
   * for an upload's, and an upload for a run's); where the watch stands is written beside the index
   * for the admin's page of files.
   */
  private static Thread watch(
      Console console,
      Path index,
      java.util.List<Path> folders,
      java.util.function.Function<org.gongkai.config.IndexConfig, org.gongkai.ingest.Indexer>
          indexers) {
    org.gongkai.ingest.Indexer runner = indexers.apply(org.gongkai.config.IndexConfig.defaults());
    org.gongkai.watch.Watcher.Indexing indexing =
        (files, prune, progress) -> {
          try (IndexStore store = openWhenFree(index)) {
            org.gongkai.ingest.IngestReport r =
                runner.run(
                    store,
                    files,
                    prune,
                    progress,
                    org.gongkai.ingest.Indexer.Domains.beside(index));
            org.gongkai.manifest.Manifest.writeInto(store, r, index);
            return r;
          }
        };
    org.gongkai.watch.Watcher watcher =
        new org.gongkai.watch.Watcher(
            folders,
            IndexCommand.WATCH_POLL_MILLIS,
            IndexCommand.WATCH_SETTLE_MILLIS,
            indexing,
            console.out(),
            index);
    Thread t =
        new Thread(
            () -> {
              try {
                org.gongkai.ingest.IngestReport caughtUp = null;
                // the index may be held a while (an upload the server resumed at its start):
                // tried again until it is free, never given up while the server runs
                while (caughtUp == null) {
                  try {
                    caughtUp = watcher.catchUp();
                  } catch (java.io.IOException e) {
                    if (Thread.currentThread().isInterrupted()) return;
                    console
                        .err()
                        .println(
                            "gongkai: the watch could not bring the index up to date yet ("
                                + Printable.line(String.valueOf(e.getMessage()))
                                + "): tried again in 5 s");
                    console.err().flush();
                    Thread.sleep(5000);
                  }
                }
                console
                    .out()
                    .printf(
                        "watch: the index is up to date with %d %s (%d indexed, %d removed, %d"
                            + " failed)%n",
                        folders.size(),
                        folders.size() == 1 ? "folder" : "folders",
                        caughtUp.indexed(),
                        caughtUp.removed(),
                        caughtUp.failures().size());
                console.out().flush();
                watcher.run();
              } catch (Exception e) {
                console
                    .err()
                    .println(
                        "gongkai: the watch stopped: "
                            + Printable.line(String.valueOf(e.getMessage())));
                console.err().flush();
              }
            },
            "gongkai-watch");
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** How long a watch's run waits for an upload writing the index before trying at a next look. */
  static final long WATCH_LOCK_WAIT_MILLIS = 60_000;

  /**
   * The index for writing; while an upload writes it, asked again every half second for a minute
   * (then the run fails, said, and is tried again at the watch's next look).
   */
  private static IndexStore openWhenFree(Path index) throws java.io.IOException {
    long until = System.nanoTime() + WATCH_LOCK_WAIT_MILLIS * 1_000_000;
    while (true) {
      try {
        return IndexStore.openForWriting(index);
      } catch (org.gongkai.index.IndexUnavailableException e) {
        if (!(e.getCause() instanceof org.apache.lucene.store.LockObtainFailedException)
            || System.nanoTime() > until) throw e;
        try {
          Thread.sleep(500);
        } catch (InterruptedException stop) {
          Thread.currentThread().interrupt();
          throw new java.io.InterruptedIOException("the watch was stopped");
        }
      }
    }
  }
}
