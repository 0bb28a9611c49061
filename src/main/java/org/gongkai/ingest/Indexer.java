package org.gongkai.ingest;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.gongkai.extract.ExtractionException;
import org.gongkai.index.IndexStore;
import org.gongkai.indicators.ConsistencyChecker;
import org.gongkai.indicators.IndicatorExtractor;
import org.gongkai.model.DisclosureDocument;
import org.gongkai.model.IndexedFile;
import org.gongkai.model.IndicatorValue;

/**
 * Brings an index up to date with files and folders on disk: ingests new and changed files, skips
 * unchanged ones by content hash, and with {@code prune} drops documents whose files are gone. A file
 * that fails is reported with its reason; every other file is still indexed.
 */
public final class Indexer {

  /** Extensions picked up when walking a folder; a file named explicitly is always tried. */
  public static final Set<String> EXTENSIONS = Set.of("pdf", "doc", "docx", "xls", "xlsx", "html", "htm", "txt", "rtf", "odt", "ods");

  /** Documents written between commits, so an interrupted run keeps most of its work. */
  private static final int COMMIT_EVERY = 25;

  /** Told about each file as the run goes. */
  public interface Progress {
    void start(int files);

    void file(Path file);

    void failed(Path file, String reason);

    void done();

    Progress NONE = new Progress() {
      @Override public void start(int files) {}

      @Override public void file(Path file) {}

      @Override public void failed(Path file, String reason) {}

      @Override public void done() {}
    };
  }

  private final DocumentIngestor ingestor;
  private final IndicatorExtractor indicators = new IndicatorExtractor();
  private final ConsistencyChecker checker = new ConsistencyChecker();
  private final Clock clock;

  public Indexer(DocumentIngestor ingestor, Clock clock) {
    this.ingestor = ingestor;
    this.clock = clock;
  }

  /**
   * Indexes {@code paths} (files and folders, walked recursively) into {@code store}. Throws only for
   * problems with the index itself; problems with files end up in the report.
   */
  public IngestReport run(IndexStore store, List<Path> paths, boolean prune, Progress progress) throws IOException {
    List<Path> files = new ArrayList<>();
    int skipped = collect(paths, files);
    Map<String, IndexedFile> known = store.files();
    Set<String> docIds = new HashSet<>(store.documentIds());

    int indexed = 0, unchanged = 0, duplicates = 0, sinceCommit = 0;
    List<IngestReport.Failure> failures = new ArrayList<>();
    progress.start(files.size());
    for (Path file : files) {
      progress.file(file);
      String key = key(file);
      try {
        String sha = DocumentIngestor.sha256(file);
        IndexedFile before = known.get(key);
        String docId = sha.substring(0, DocumentIngestor.DOC_ID_LENGTH);
        if (before != null && before.sha256().equals(sha) && docIds.contains(before.docId())) {
          unchanged++;
          continue;
        }
        if (docIds.contains(docId)) {
          duplicates++; // same bytes as a file already indexed: point this path at that document
        } else {
          DisclosureDocument d = ingestor.ingest(file);
          List<IndicatorValue> values = indicators.extract(d.docId(), d.text(), d.sections(), d.kind());
          store.putDocument(d, clock.instant(), values, checker.check(values, d.text()));
          docIds.add(docId);
          indexed++;
        }
        IndexedFile now = new IndexedFile(key, sha, docId);
        store.putFile(now);
        known.put(key, now);
        if (++sinceCommit >= COMMIT_EVERY) {
          store.commit();
          sinceCommit = 0;
        }
      } catch (ExtractionException e) {
        failures.add(new IngestReport.Failure(file.toString(), e.getMessage()));
        progress.failed(file, e.getMessage());
      } catch (RuntimeException | StackOverflowError e) {
        // a bug in a parser (or text nested beyond any sense) must cost one file, not the run
        String reason = "internal error while reading the file: " + e;
        failures.add(new IngestReport.Failure(file.toString(), reason));
        progress.failed(file, reason);
      }
    }
    int removed = 0;
    if (prune) {
      for (IndexedFile f : List.copyOf(known.values())) {
        if (!Files.exists(Path.of(f.path()))) {
          store.deleteFile(f.path());
          known.remove(f.path());
        }
      }
    }
    // a document no file points to any more (its file changed, or was pruned) leaves the index
    Set<String> referenced = new HashSet<>();
    for (IndexedFile f : known.values()) referenced.add(f.docId());
    for (String docId : docIds) {
      if (!referenced.contains(docId)) {
        store.deleteDocument(docId);
        removed++;
      }
    }
    store.commit();
    progress.done();
    return new IngestReport(indexed, unchanged, duplicates, skipped, failures, removed, store.documentCount(), store.sectionCount());
  }

  /** The key a file is remembered by: its absolute, normalised path. */
  public static String key(Path file) {
    return file.toAbsolutePath().normalize().toString();
  }

  /** Expands folders into their supported files (sorted, hidden files left out); returns how many were skipped. */
  private static int collect(List<Path> paths, List<Path> out) throws IOException {
    Set<Path> seen = new LinkedHashSet<>();
    int skipped = 0;
    for (Path p : paths) {
      if (!Files.isDirectory(p)) {
        seen.add(p);
        continue;
      }
      List<Path> inside;
      try (Stream<Path> walk = Files.walk(p, FileVisitOption.FOLLOW_LINKS)) {
        inside = walk.filter(Files::isRegularFile).filter(f -> !hidden(p, f)).sorted().toList();
      }
      for (Path f : inside) {
        if (EXTENSIONS.contains(extension(f))) seen.add(f);
        else skipped++;
      }
    }
    out.addAll(seen);
    return skipped;
  }

  /** Dot files and folders, and Office lock files ({@code ~$report.docx}). */
  private static boolean hidden(Path root, Path f) {
    for (Path part : root.relativize(f)) {
      String name = part.toString();
      if (name.startsWith(".") || name.startsWith("~$")) return true;
    }
    return false;
  }

  private static String extension(Path f) {
    String name = f.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
