package org.gongkai.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.gongkai.config.IndexConfig;
import org.gongkai.index.IndexStore;
import org.gongkai.ingest.Indexer;
import org.gongkai.ingest.IngestReport;
import org.gongkai.manifest.Manifest;
import org.gongkai.solr.SolrCollection;
import org.gongkai.solr.SolrTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code index [--index DIR] [--prune] [--threads N] [--commit-every SECONDS] PATH...}: brings the
 * index up to date with files and folders.
 */
@Command(
    name = "index",
    description = "Index disclosure files and folders (unchanged files are skipped).")
final class IndexCommand implements Callable<Integer> {

  @picocli.CommandLine.Mixin HelpOption help = new HelpOption();

  @Option(
      names = "--index",
      paramLabel = "DIR",
      description =
          "Index directory (default: index; with --solr, index-COLLECTION: the record of the files"
              + " read).")
  Path index;

  @Option(
      names = "--solr",
      paramLabel = "ZK_HOST/COLLECTION",
      description =
          "Also write every report to this SolrCloud collection (such as localhost:9983/gongkai);"
              + " the index directory keeps the record of which files were read.")
  String solr;

  @Option(names = "--prune", description = "Remove documents whose files no longer exist.")
  boolean prune;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Files read and analysed at once (default: one per core).")
  Integer threads;

  @Option(
      names = "--commit-every",
      paramLabel = "SECONDS",
      description =
          "Commit (make durable, and visible to a running server) at least this often (default: ${DEFAULT-VALUE}).")
  double commitEverySeconds = IndexConfig.DEFAULT_COMMIT_EVERY.toSeconds();

  @Option(
      names = "--check",
      description =
          "Verify the checksum of every file of the index (reads it all) and say in one line"
              + " whether it is sound; no PATH is indexed.")
  boolean check;

  @Option(
      names = "--manifest",
      paramLabel = "FILE",
      description =
          "Also write what each file became (its role, kind, year, region, issuer, the report it"
              + " joined, figures and flags, or why it was not indexed) to FILE: JSON where FILE"
              + " ends in .json, else TSV. Every run writes "
              + Manifest.FILE_NAME
              + " into the index folder.")
  Path manifest;

  @Option(
      names = "--watch",
      description =
          "After indexing, keep watching the folders: a file that appears or changes is indexed"
              + " once it has stopped changing for a moment, a moved file keeps its report, a file"
              + " gone is pruned (as --prune). Runs until stopped (Ctrl-C); started again, it first"
              + " brings the index up to date with the folders. With --solr, the collection is kept"
              + " up to date with them.")
  boolean watch;

  @Parameters(
      paramLabel = "PATH",
      arity = "0..*",
      description = "Files and folders (walked recursively).")
  List<Path> paths = List.of();

  private final Console console;
  private final java.util.function.Function<IndexConfig, org.gongkai.ingest.Indexer> indexer;

  IndexCommand(
      Console console,
      java.util.function.Function<IndexConfig, org.gongkai.ingest.Indexer> indexer) {
    this.console = console;
    this.indexer = indexer;
  }

  /**
   * {@code index --check}: every file's checksum verified (Lucene's {@code checkIntegrity}, which
   * reads the whole index), one line either way; exit 0 when sound, 4 when damaged.
   */
  private int check() throws IOException {
    Path dir = index == null ? Path.of("index") : index;
    try (IndexStore store = IndexStore.openForReading(dir)) {
      int segments = store.checkIntegrity();
      console
          .out()
          .printf(
              "index sound: %s, %d segment%s, every file's checksum verified%n",
              dir.toAbsolutePath().normalize(), segments, segments == 1 ? "" : "s");
      return ExitCode.OK;
    }
  }

  @Override
  public Integer call() throws IOException {
    if (check) return check();
    if (paths.isEmpty()) {
      console
          .err()
          .println("gongkai: Missing required parameter: 'PATH' (files and folders to index)");
      return ExitCode.USAGE;
    }
    for (Path p : paths) {
      if (!Files.exists(p)) {
        console.err().println("gongkai: no such file or folder: " + Printable.line(p));
        return ExitCode.USAGE;
      }
    }
    if ((threads != null && threads < 1) || commitEverySeconds < 0) {
      console.err().println("gongkai: --threads must be at least 1 and --commit-every at least 0");
      return ExitCode.USAGE;
    }
    IndexConfig config =
        new IndexConfig(
            threads == null ? IndexConfig.defaults().threads() : threads,
            Duration.ofMillis(Math.round(commitEverySeconds * 1000)));
    SolrTarget target = null;
    if (solr != null) {
      try {
        target = SolrTarget.parse(solr);
      } catch (IllegalArgumentException e) {
        console.err().println("gongkai: " + e.getMessage());
        return ExitCode.USAGE;
      }
    }
    if (index == null) index = Path.of(target == null ? "index" : "index-" + target.collection());
    long started = System.nanoTime();
    IngestReport r;
    if (target == null) {
      try (IndexStore store = IndexStore.openForWriting(index)) {
        Indexer runner = indexer.apply(config);
        org.gongkai.watch.Watcher watcher = watch ? watcher(store, runner) : null;
        // a watch starts by comparing the folders with the index: what went while it was stopped
        // (killed, even) is pruned, what came is read
        if (watcher != null) watcher.snapshot();
        r = runner.run(store, paths, prune || watch, progress(), Indexer.Domains.beside(index));
        if (!manifest(store, r)) return ExitCode.USAGE;
        if (watcher != null) {
          print(r, (System.nanoTime() - started) / 1_000_000);
          watcher.run();
          return ExitCode.OK;
        }
      }
      print(r, (System.nanoTime() - started) / 1_000_000);
      return r.allIndexed() ? ExitCode.OK : ExitCode.SOME_FAILED;
    }
    // the collection outlives the index: closing the index commits the collection first
    try (SolrCollection collection = SolrCollection.connect(target)) {
      try {
        collection.check();
      } catch (IOException e) {
        console.err().println("gongkai: " + Printable.line(e.getMessage()));
        return ExitCode.INDEX_UNAVAILABLE;
      }
      try (IndexStore store = IndexStore.openForWriting(index)) {
        store.replicateTo(collection);
        Indexer runner = indexer.apply(config);
        org.gongkai.watch.Watcher watcher = watch ? watcher(store, runner) : null;
        if (watcher != null) watcher.snapshot();
        // a private collection's files stay in its own index beside this folder: never sent
        r = runner.run(store, paths, prune || watch, progress(), Indexer.Domains.beside(index));
        if (!manifest(store, r)) return ExitCode.USAGE;
        if (watcher != null) {
          // each run of the watch commits the collection before the index, as this one did; a
          // run the collection fails is said and tried again, the watch going on
          print(r, (System.nanoTime() - started) / 1_000_000);
          console.out().printf("solr:       %s (kept up to date as the folders change)%n", target);
          console.out().flush();
          watcher.run();
          return ExitCode.OK;
        }
      } catch (IOException e) {
        // the collection failed mid-run: what it did not take is not recorded as read either
        console.err().println("gongkai: " + Printable.line(e.getMessage()));
        return ExitCode.INDEX_UNAVAILABLE;
      }
      print(r, (System.nanoTime() - started) / 1_000_000);
      console
          .out()
          .printf(
              "solr:       %s (%d reports written, %d already there as read)%n",
              target, collection.written(), collection.unchanged());
    }
    return r.allIndexed() ? ExitCode.OK : ExitCode.SOME_FAILED;
  }

  /** How often a watch looks at its folders, and how long a file must stay unchanged. */
  static final long WATCH_POLL_MILLIS = org.gongkai.watch.Watcher.POLL_MILLIS,
      WATCH_SETTLE_MILLIS = org.gongkai.watch.Watcher.SETTLE_MILLIS;

  /** The watch of {@code paths}, each run's manifest written as {@code index}'s. */
  private org.gongkai.watch.Watcher watcher(IndexStore store, Indexer runner) {
    return new org.gongkai.watch.Watcher(
        paths,
        WATCH_POLL_MILLIS,
        WATCH_SETTLE_MILLIS,
        (files, pruning, progress) -> {
          IngestReport r =
              runner.run(store, files, pruning, progress, Indexer.Domains.beside(index));
          manifest(store, r);
          return r;
        },
        console.out(),
        index);
  }

  /**
   * Writes what each file became into the index folder and, asked for, to {@code --manifest FILE};
   * false (said on stderr) when that file cannot be written — the index itself is written already.
   */
  private boolean manifest(IndexStore store, IngestReport r) throws IOException {
    java.util.List<Manifest.Row> rows = Manifest.writeInto(store, r, index);
    if (manifest == null) return true;
    try {
      Manifest.write(rows, manifest);
      return true;
    } catch (IOException e) {
      console
          .err()
          .println(
              "gongkai: the manifest could not be written to "
                  + Printable.line(manifest)
                  + ": "
                  + Printable.line(String.valueOf(e.getMessage())));
      return false;
    }
  }

  private void print(IngestReport r, long ms) {
    var out = console.out();
    out.printf("indexed:    %d%n", r.indexed());
    // what was found: reports by kind, and the pages a crawl brings home beside them by role
    if (!r.reportKinds().isEmpty()) out.printf("  reports:  %s%n", counted(r.reportKinds(), false));
    if (!r.otherRoles().isEmpty()) out.printf("  not reports: %s%n", counted(r.otherRoles(), true));
    out.printf("unchanged:  %d%n", r.unchanged());
    if (r.duplicates() > 0) {
      out.printf(
          "duplicates: %d (same bytes, or the same report in another format, as a file already indexed)%n",
          r.duplicates());
      for (IngestReport.Copy c : r.copies())
        out.printf(
            "  %s: %s %s%n",
            Printable.line(shown(c.file())),
            c.sameBytes() ? "same bytes as" : "same report as",
            Printable.line(shown(c.of())));
    }
    if (r.skipped() > 0) {
      out.printf(
          "skipped:    %d (not a supported file type%s)%n",
          r.skipped(), r.unreadable().isEmpty() ? "" : ", or not readable");
      for (String f : r.skippedFiles())
        out.printf("  %s: not a supported file type%n", Printable.line(f));
      for (IngestReport.Failure f : r.unreadable())
        out.printf("  %s: %s%n", Printable.line(f.file()), Printable.line(f.reason()));
    }
    if (!r.landingPages().isEmpty()) {
      out.printf(
          "landing pages: %d (web pages that only offer their report as a file; index the file)%n",
          r.landingPages().size());
      for (IngestReport.Failure f : r.landingPages())
        out.printf("  %s: %s%n", Printable.line(f.file()), Printable.line(f.reason()));
    }
    if (!r.emptyPages().isEmpty()) {
      out.printf(
          "empty pages: %d (web pages with no text of their own: drawn by a script, a redirect, a"
              + " server's error page)%n",
          r.emptyPages().size());
      for (IngestReport.Failure f : r.emptyPages()) out.printf("  %s%n", Printable.line(f.file()));
    }
    if (r.removed() > 0)
      out.printf("removed:    %d documents (file changed or gone)%n", r.removed());
    if (r.tablesMisread() > 0)
      out.printf(
          "tables:     %d of %d summed not understood, in %d %s (most of their sums fail: misread, nothing flagged)%n",
          r.tablesMisread(),
          r.tablesSummed(),
          r.reportsMisread(),
          r.reportsMisread() == 1 ? "report" : "reports");
    out.printf("failed:     %d%n", r.failures().size());
    for (IngestReport.Failure f : r.failures())
      out.printf("  %s: %s%n", Printable.line(f.file()), Printable.line(f.reason()));
    if (!r.collections().isEmpty()) {
      int files = 0, indexed = 0, unchanged = 0, failed = 0;
      for (IngestReport c : r.collections().values()) {
        indexed += c.indexed();
        unchanged += c.unchanged();
        failed += c.failures().size();
        files += c.indexed() + c.unchanged() + c.duplicates() + c.failures().size();
      }
      out.printf(
          "private:    %d files of %d private %s, read into %s own index (%d indexed, %d"
              + " unchanged, %d failed), never into the public one%n",
          files,
          r.collections().size(),
          r.collections().size() == 1 ? "collection" : "collections",
          r.collections().size() == 1 ? "its" : "their",
          indexed,
          unchanged,
          failed);
      for (IngestReport c : r.collections().values())
        for (IngestReport.Failure f : c.failures())
          out.printf("  %s: %s%n", Printable.line(f.file()), Printable.line(f.reason()));
    }
    out.printf(
        "index:      %s (%d documents, %d sections) in %.1f s%n",
        index.toAbsolutePath().normalize(), r.documents(), r.sections(), ms / 1000.0);
  }

  /**
   * A file the index names by its absolute path, as the other lines name files: relative to the
   * working folder where the paths to index were given so ({@code c/b.txt}), else absolute.
   */
  private String shown(String key) {
    if (paths.stream().anyMatch(Path::isAbsolute)) return key;
    Path here = Path.of("").toAbsolutePath();
    Path file = Path.of(key);
    return file.startsWith(here) ? here.relativize(file).toString() : key;
  }

  /** Names that the summary gives the roles of files that are not reports. */
  private static final java.util.Map<String, String> ROLE_NAMES =
      java.util.Map.of(
          "list", "list pages",
          "news", "news",
          "notice", "notices",
          "form", "forms",
          "navigation", "navigation pages",
          "other", "other documents");

  /** {@code 部门预算 126, 部门决算 11} or {@code list pages 23, news 4}: most first. */
  private static String counted(java.util.Map<String, Integer> counts, boolean roles) {
    return counts.entrySet().stream()
        .sorted(
            java.util.Map.Entry.<String, Integer>comparingByValue()
                .reversed()
                .thenComparing(java.util.Map.Entry.comparingByKey()))
        .map(
            e ->
                (roles
                        ? ROLE_NAMES.getOrDefault(e.getKey(), e.getKey())
                        : e.getKey().isEmpty() ? "kind unknown" : e.getKey())
                    + " "
                    + e.getValue())
        .collect(java.util.stream.Collectors.joining(", "));
  }

  /** A progress bar on an interactive terminal; failures go to stderr as they happen either way. */
  private Indexer.Progress progress() {
    boolean terminal = System.console() != null;
    return new Indexer.Progress() {
      ProgressBar bar;

      @Override
      public void start(int files) {
        if (terminal && files > 1) {
          bar =
              new ProgressBarBuilder()
                  .setTaskName("Indexing")
                  .setInitialMax(files)
                  .setStyle(ProgressBarStyle.ASCII)
                  .setUpdateIntervalMillis(200)
                  .clearDisplayOnFinish()
                  .build();
        }
      }

      @Override
      public void file(Path file) {
        if (bar != null) bar.step().setExtraMessage(Printable.line(file.getFileName()));
      }

      @Override
      public void failed(Path file, String reason) {
        console.err().println("gongkai: " + Printable.line(file) + ": " + Printable.line(reason));
      }

      @Override
      public void done() {
        if (bar != null) bar.close();
      }
    };
  }
}
