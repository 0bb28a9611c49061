package org.gongkai.watch;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongkai.ingest.Indexer;
import org.gongkai.ingest.IngestReport;

/**
 * Keeps an index up to date with folders a crawler fills: every {@code pollMillis} the folders are
 * walked as {@code index} walks them, and what {@link FolderWatch} finds ready — files new or
 * changed once they stopped changing, files moved, files gone — is indexed at once, in one run (a
 * burst of a thousand files is one run, read on every worker, its progress said on the console and
 * in {@link WatchStatus} beside the index). A deletion is pruned as {@code --prune} prunes; a moved
 * file (the same size and time under another name) is a copy of its report (no extraction: its
 * document and permalinks stay). Each run commits, so a server reading the index sees it; a run
 * that fails (the index busy, a SolrCloud node down) is said and tried again at the next look with
 * what came since; a watch killed at any moment loses nothing the next start does not find again
 * (it begins by bringing the index up to date). Runs until {@link #stop} (or its thread is
 * interrupted).
 */
public final class Watcher {

  /** Indexes {@code files} (none: only prunes), pruning files gone when {@code prune}. */
  public interface Indexing {
    IngestReport run(List<Path> files, boolean prune, Indexer.Progress progress) throws IOException;
  }

  /**
   * How often a watch looks at its folders, and how long a file must stay unchanged before it is
   * read (a download or a copy is waited out).
   */
  public static final long POLL_MILLIS = 1000, SETTLE_MILLIS = 2000;

  /** A run of more files than this says its progress on the console as it goes. */
  static final int BURST = 20;

  /** How often a burst's progress is said on the console, and written for the admin's page. */
  static final long SAY_EVERY_MILLIS = 5000, WRITE_EVERY_MILLIS = 500;

  private final List<Path> roots;
  private final long pollMillis;
  private final long settleMillis;
  private final Indexing indexing;
  private final PrintWriter out;
  private final Path statusFolder;

  /** The folders as looked at before the run that brought the index up to date (null: none). */
  private Map<String, FolderWatch.Stamp> start;

  private WatchStatus.Run last;
  private int waiting;
  private long written;

  // how the watch is stopped without cutting a run short (see stop)
  private volatile boolean stopping;
  private Thread watching; // the thread in run(), while it is
  private boolean asleep; // waiting between looks; guarded by this

  public Watcher(
      List<Path> roots, long pollMillis, long settleMillis, Indexing indexing, PrintWriter out) {
    this(roots, pollMillis, settleMillis, indexing, out, null);
  }

  /** With {@code statusFolder}, where it stands is written there ({@link WatchStatus}). */
  public Watcher(
      List<Path> roots,
      long pollMillis,
      long settleMillis,
      Indexing indexing,
      PrintWriter out,
      Path statusFolder) {
    this.roots = List.copyOf(roots);
    this.pollMillis = pollMillis;
    this.settleMillis = settleMillis;
    this.indexing = indexing;
    this.out = out;
    this.statusFolder = statusFolder;
  }

  /**
   * The files under the roots now, by key, with their stamps (a file gone mid-walk is left out).
   */
  public static Map<String, FolderWatch.Stamp> look(List<Path> roots) throws IOException {
    Map<String, FolderWatch.Stamp> out = new HashMap<>();
    for (Path f : Indexer.files(roots)) {
      try {
        BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
        if (!a.isRegularFile()) continue;
        out.put(Indexer.key(f), new FolderWatch.Stamp(a.size(), a.lastModifiedTime().toMillis()));
      } catch (IOException gone) {
        // deleted between the walk and the look: the next look says so
      }
    }
    return out;
  }

  /**
   * Brings the index up to date with the folders (what went while nobody watched is pruned), with
   * progress as any run; the report, or the failure's exception.
   */
  public IngestReport catchUp() throws IOException {
    snapshot();
    IngestReport r = indexing.run(List.copyOf(roots), true, progress());
    done(r, r.indexed() + r.unchanged() + r.duplicates() + r.failures().size(), 0);
    return r;
  }

  /**
   * Looks at the folders before the run that brings the index up to date with them (made by the
   * caller, or {@link #catchUp}): the watch starts from this look, so a file that comes or changes
   * while that run reads is indexed by the watch's first run (the run's own look may have missed
   * it).
   */
  public void snapshot() throws IOException {
    start = look(roots);
  }

  /**
   * Stops the watch once the run in progress, if any, is done: the watch's thread is woken only
   * where it sleeps between looks. Nothing it writes is interrupted — a file's channel closes when
   * the thread writing it is interrupted: an index file's invalidates the index's write lock and
   * fails the run's commit (the benchmark's watch was lost so, stopped as its last run still
   * committed), and the status beside the index would not be written.
   */
  public void stop() {
    stopping = true;
    synchronized (this) {
      if (watching != null && asleep) watching.interrupt();
    }
  }

  /**
   * Watches until {@link #stop} or interrupted; each run's outcome on one line (and each failure on
   * its own).
   */
  public void run() throws IOException {
    synchronized (this) {
      watching = Thread.currentThread();
    }
    FolderWatch watch = new FolderWatch(start != null ? start : look(roots), settleMillis);
    say(
        "watching "
            + roots.size()
            + (roots.size() == 1 ? " folder" : " folders")
            + " (Ctrl-C stops)");
    status("watching", 0, 0, null);
    // a failed run's files, indexed again with the next run
    Set<Path> retry = new LinkedHashSet<>();
    boolean retryPrune = false;
    try {
      while (!stopping && !Thread.currentThread().isInterrupted()) {
        synchronized (this) {
          if (stopping) break;
          asleep = true;
        }
        try {
          Thread.sleep(pollMillis);
        } catch (InterruptedException e) {
          if (!stopping) {
            Thread.currentThread().interrupt(); // interrupted by its owner: ends as it always did
            break;
          }
        } finally {
          synchronized (this) {
            asleep = false;
          }
        }
        if (stopping) {
          Thread.interrupted(); // the wake-up, if it came late, is not left for what follows
          break;
        }
        FolderWatch.Changes c = watch.look(look(roots), System.currentTimeMillis());
        if (waiting != watch.waiting()) {
          waiting = watch.waiting();
          status(retry.isEmpty() && !retryPrune ? "watching" : "retrying", 0, 0, null);
        }
        if (c.isEmpty() && retry.isEmpty() && !retryPrune) continue;
        Set<Path> files = new LinkedHashSet<>(retry);
        for (String f : c.ready()) files.add(Path.of(f));
        boolean prune = retryPrune || !c.gone().isEmpty();
        IngestReport r;
        try {
          r = indexing.run(List.copyOf(files), prune, progress());
        } catch (org.apache.lucene.store.AlreadyClosedException dead) {
          // interrupted by its owner mid-run, the index's lock is lost with its channel: the
          // watch ends, as interrupted
          if (Thread.currentThread().isInterrupted()) break;
          // the index's writer closed itself on a fatal error (a full disk): no later run can
          // write it — said by the caller, not tried again every second
          throw dead;
        } catch (IOException | RuntimeException e) {
          if (Thread.currentThread().isInterrupted()) break;
          retry = files;
          retryPrune = prune;
          String why = String.valueOf(e.getMessage()).replaceAll("\\s+", " ");
          say(
              String.format(
                  "the run of %d new or changed, %d gone failed (%s): tried again at the next look",
                  c.ready().size(), c.gone().size(), why));
          status("retrying", 0, 0, why);
          continue;
        }
        retry = new LinkedHashSet<>();
        retryPrune = false;
        done(r, files.size(), c.gone().size());
        say(
            String.format(
                "%d new or changed, %d gone: %d indexed, %d unchanged, %d duplicates, %d removed,"
                    + " %d failed%s",
                files.size(),
                c.gone().size(),
                r.indexed(),
                r.unchanged(),
                r.duplicates(),
                r.removed(),
                r.failures().size(),
                waiting > 0 ? " (" + waiting + " still being written)" : ""));
        for (IngestReport.Failure f : r.failures()) say("  " + f.file() + ": " + f.reason());
      }
    } finally {
      synchronized (this) {
        watching = null;
      }
      status("stopped", 0, 0, null);
    }
  }

  /** A run's outcome kept as the last, and said beside the index. */
  private void done(IngestReport r, int ready, int gone) {
    last =
        new WatchStatus.Run(
            Instant.now(),
            ready,
            gone,
            r.indexed(),
            r.unchanged(),
            r.duplicates(),
            r.removed(),
            r.failures().size());
    status("watching", 0, 0, null);
  }

  /**
   * A run's progress: the status beside the index as files are read, and on the console for a burst
   * (over {@link #BURST} files).
   */
  private Indexer.Progress progress() {
    return new Indexer.Progress() {
      int total, read;
      long said = System.nanoTime();

      @Override
      public void start(int files) {
        total = files;
        if (files > BURST) say("indexing " + files + " files");
        status("indexing", total, 0, null);
      }

      @Override
      public void file(Path file) {
        read++;
        long now = System.nanoTime();
        if (total > BURST && now - said > SAY_EVERY_MILLIS * 1_000_000) {
          said = now;
          say(String.format("indexing: %d of %d files read", read, total));
        }
        // the last file always: what follows it (reports related, the commit) may take a while,
        // and the page must not say fewer files read than were
        if (read == total || now - written > WRITE_EVERY_MILLIS * 1_000_000) {
          status("indexing", total, read, null);
          if (read == total && total > BURST)
            say("indexing: all " + total + " files read; relating reports and committing");
        }
      }

      @Override
      public void failed(Path file, String reason) {}

      @Override
      public void done() {}
    };
  }

  /** Writes where the watch stands (when it has a folder to write to); a failure only said. */
  private synchronized void status(String state, int queued, int read, String error) {
    written = System.nanoTime();
    if (statusFolder == null) return;
    List<String> folders = new ArrayList<>();
    for (Path p : roots) folders.add(p.toString());
    try {
      new WatchStatus(folders, state, queued, read, waiting, last, error, Instant.now())
          .write(statusFolder);
    } catch (IOException e) {
      say("where the watch stands could not be written: " + e.getMessage());
    }
  }

  private void say(String line) {
    synchronized (out) {
      out.println("watch " + java.time.LocalTime.now().withNano(0) + ": " + line);
      out.flush();
    }
  }
}
