package org.gongkai.watch;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gongkai.ingest.Indexer;
import org.gongkai.ingest.IngestReport;

/**
 * Keeps an index up to date with folders a crawler fills: every {@code pollMillis} the folders are
 * walked as {@code index} walks them, and what {@link FolderWatch} finds ready — files new or
 * changed once they stopped changing, files moved, files gone — is indexed at once, in one run (a
 * burst of a thousand files is one run, read on every worker). A deletion is pruned as {@code
 * --prune} prunes; a moved file (the same size and time under another name) is a copy of its report
 * (no extraction: its document and permalinks stay). Each run commits, so a server reading the
 * index sees it; a watch killed at any moment loses nothing the next start does not find again (it
 * begins by bringing the index up to date). Runs until its thread is interrupted.
 */
public final class Watcher {

  /** Indexes {@code files} (none: only prunes), pruning files gone when {@code prune}. */
  public interface Indexing {
    IngestReport run(List<Path> files, boolean prune) throws IOException;
  }

  private final List<Path> roots;
  private final long pollMillis;
  private final long settleMillis;
  private final Indexing indexing;
  private final PrintWriter out;

  public Watcher(
      List<Path> roots, long pollMillis, long settleMillis, Indexing indexing, PrintWriter out) {
    this.roots = List.copyOf(roots);
    this.pollMillis = pollMillis;
    this.settleMillis = settleMillis;
    this.indexing = indexing;
    this.out = out;
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

  /** Watches until interrupted; each run's outcome on one line (and each failure on its own). */
  public void run() throws IOException {
    FolderWatch watch = new FolderWatch(look(roots), settleMillis);
    say(
        "watching "
            + roots.size()
            + (roots.size() == 1 ? " folder" : " folders")
            + " (Ctrl-C stops)");
    while (!Thread.currentThread().isInterrupted()) {
      try {
        Thread.sleep(pollMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      FolderWatch.Changes c = watch.look(look(roots), System.currentTimeMillis());
      if (c.isEmpty()) continue;
      List<Path> files = new ArrayList<>();
      for (String f : c.ready()) files.add(Path.of(f));
      IngestReport r = indexing.run(files, !c.gone().isEmpty());
      say(
          String.format(
              "%d new or changed, %d gone: %d indexed, %d unchanged, %d duplicates, %d removed,"
                  + " %d failed%s",
              c.ready().size(),
              c.gone().size(),
              r.indexed(),
              r.unchanged(),
              r.duplicates(),
              r.removed(),
              r.failures().size(),
              watch.waiting() > 0 ? " (" + watch.waiting() + " still being written)" : ""));
      for (IngestReport.Failure f : r.failures()) say("  " + f.file() + ": " + f.reason());
    }
  }

  private void say(String line) {
    out.println("watch " + java.time.LocalTime.now().withNano(0) + ": " + line);
    out.flush();
  }
}
