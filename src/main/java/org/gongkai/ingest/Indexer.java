package org.gongkai.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.gongkai.config.IndexConfig;
import org.gongkai.extract.Archives;
import org.gongkai.extract.ExtractionException;
import org.gongkai.index.IndexStore;
import org.gongkai.model.DisclosureDocument;
import org.gongkai.model.IndexedFile;
import org.gongkai.model.IngestedDocument;
import org.gongkai.text.Shingles;

/**
 * Brings an index up to date with files and folders on disk: ingests new and changed files, skips
 * unchanged ones by content hash, and with {@code prune} drops documents whose files are gone. A
 * file that fails is reported with its reason; every other file is still indexed.
 */
public final class Indexer {

  /**
   * Extensions picked up when walking a folder; a file named explicitly is always tried. A page a
   * crawler saved under its server's name ({@code .jsp}, {@code .shtml}, {@code .aspx} …) is a web
   * page, read by its content like any other.
   */
  public static final Set<String> EXTENSIONS =
      Set.of(
          "pdf", "doc", "docx", "xls", "xlsx", "wps", "et", "ofd", "html", "htm", "txt", "rtf",
          "odt", "ods", "zip", "7z", "rar", "jsp", "shtml", "shtm", "asp", "aspx", "php", "xhtml",
          "do", "action", "jhtml");

  /** Told about each file as the run goes. */
  public interface Progress {
    void start(int files);

    void file(Path file);

    void failed(Path file, String reason);

    void done();

    Progress NONE =
        new Progress() {
          @Override
          public void start(int files) {}

          @Override
          public void file(Path file) {}

          @Override
          public void failed(Path file, String reason) {}

          @Override
          public void done() {}
        };
  }

  private final DocumentIngestor ingestor;
  private final Clock clock;
  private final IndexConfig config;

  private final DocumentIngestor.Stages stages;

  public Indexer(DocumentIngestor ingestor, Clock clock, IndexConfig config) {
    this(ingestor, clock, config, DocumentIngestor.Stages.NONE);
  }

  /**
   * The same, told how long each stage of each file took ({@code extract}, {@code ocr}, {@code
   * clean}, {@code split}, {@code figures}, and {@code index}: writing the document): the benchmark
   * of a real crawl.
   */
  public Indexer(
      DocumentIngestor ingestor, Clock clock, IndexConfig config, DocumentIngestor.Stages stages) {
    this.ingestor = ingestor;
    this.clock = clock;
    this.config = config;
    this.stages = stages;
  }

  /**
   * The same, every file it indexes dated {@code when}: the files of one upload arrived together,
   * and list in one order (by id) whichever worker happens to finish first.
   */
  public Indexer at(java.time.Instant when) {
    return new Indexer(ingestor, Clock.fixed(when, java.time.ZoneOffset.UTC), config, stages);
  }

  /** What became of one file. */
  private sealed interface Outcome {}

  private record Unchanged() implements Outcome {}

  /** Ingested and written, with its file record, by a worker. */
  private record Indexed(
      String docId,
      Integer year,
      String kind,
      org.gongkai.model.Region region,
      String issuer,
      int tablesSummed,
      int tablesMisread,
      org.gongkai.model.PageRole role)
      implements Outcome {}

  /** The same bytes as a document that is indexed, or is being indexed earlier in this run. */
  private record Duplicate(String docId) implements Outcome {}

  private record Failed(String reason) implements Outcome {}

  /**
   * A web page that only offers its report as a file: not indexed, the files it names said ({@code
   * forms}: every file it offers is a form to fill in, no report).
   */
  private record Landing(String links, boolean forms) implements Outcome {}

  /** A web page with no text of its own (a script draws it, it redirects, a server's error). */
  private record Empty() implements Outcome {}

  /**
   * Roughly how many bytes of heap reading a file takes per byte of it (the text decoded, cleaned,
   * split and analysed, several copies at once); a file that may need a quarter of the heap is
   * heavy.
   */
  static final int HEAVY_FACTOR = 8;

  private static long bytesIn(ArrayDeque<Pending> window) {
    long sum = 0;
    for (Pending p : window) sum += p.bytes();
    return sum;
  }

  /** The file ran out of memory; read again alone before it counts as failed. */
  private record OutOfMemory(String reason) implements Outcome {}

  /** One file in the order given, with its outcome to come. */
  private record Pending(Path file, String key, String sha, Future<Outcome> outcome, long bytes) {}

  /**
   * Files in flight per worker thread: read, waiting or being indexed, settled in their order,
   * their bytes bounded besides. With two a thread, one slow file at the head of the window left
   * the other workers idle once they had finished the rest (a real crawl with C1's code: 12.5 s at
   * two a thread, 11.0 s at eight, the cores busy 1.67 → 1.78). With many, the workers can take the
   * largest files first (see {@link Job}).
   */
  static final int WINDOW_PER_THREAD = 128;

  /**
   * A file's extraction and indexing, as the workers take it: the largest file waiting first, then
   * in file order. A run's last minutes went to its largest files when they came late in file order
   * (a real crawl's largest PDF was its 232nd file of 235): started first, they finish while the
   * small ones fill the other workers. Only the work moves: files are classified before and settled
   * after in file order, so what a run reports does not change.
   */
  static final class Job<T> extends FutureTask<T> implements Comparable<Job<?>> {
    private final long bytes;
    private final long order;

    Job(java.util.concurrent.Callable<T> work, long bytes, long order) {
      super(work);
      this.bytes = bytes;
      this.order = order;
    }

    @Override
    public int compareTo(Job<?> other) {
      int bySize = Long.compare(other.bytes, bytes);
      return bySize != 0 ? bySize : Long.compare(order, other.order);
    }
  }

  /** {@code threads} workers taking {@link Job}s largest first. */
  static ThreadPoolExecutor largestFirst(int threads) {
    return new ThreadPoolExecutor(
        threads,
        threads,
        0L,
        TimeUnit.MILLISECONDS,
        new PriorityBlockingQueue<Runnable>(),
        daemonThreads());
  }

  /**
   * Indexes {@code paths} (files and folders, walked recursively) into {@code store}. Throws only
   * for problems with the index itself; problems with files end up in the report.
   *
   * <p>Files are hashed and classified (unchanged, duplicate, new) in order on the calling thread,
   * so the outcome does not depend on timing; new files are extracted, analysed and written by
   * {@code threads} workers, at most {@link #WINDOW_PER_THREAD} × {@code threads} at a time and
   * their bytes bounded, so memory stays bounded. A worker writes a document and its file record as
   * a pair that a commit never splits, so after a crash every committed document has its file
   * record and a re-run neither repeats nor loses work.
   */
  public IngestReport run(IndexStore store, List<Path> paths, boolean prune, Progress progress)
      throws IOException {
    return run(store, paths, prune, progress, Domains.NONE);
  }

  /**
   * Where the files of private collections go when the public index is brought up to date: each
   * collection's own index, beside the public one.
   */
  public interface Domains {
    /** Which files belong to which collection. */
    org.gongkai.index.CollectionIndexes.Routing routing() throws IOException;

    /** The collection {@code key}'s index, opened for writing. */
    IndexStore open(String key) throws IOException;

    /** The files taken out of the collection {@code key}: never read into it again. */
    default Set<String> excluded(String key) throws IOException {
      return Set.of();
    }

    Domains NONE =
        new Domains() {
          @Override
          public org.gongkai.index.CollectionIndexes.Routing routing() {
            return org.gongkai.index.CollectionIndexes.Routing.NONE;
          }

          @Override
          public IndexStore open(String key) {
            throw new IllegalStateException("no collections here");
          }
        };

    /** The collections kept in the public index's folder {@code index}. */
    static Domains beside(Path index) {
      return new Domains() {
        @Override
        public org.gongkai.index.CollectionIndexes.Routing routing() throws IOException {
          return org.gongkai.index.CollectionIndexes.routing(index);
        }

        @Override
        public IndexStore open(String key) throws IOException {
          return org.gongkai.index.CollectionIndexes.openForWriting(index, key);
        }

        @Override
        public Set<String> excluded(String key) throws IOException {
          return org.gongkai.index.CollectionIndexes.excluded(index, key);
        }
      };
    }
  }

  /**
   * {@link #run(IndexStore, List, boolean, Progress)}, a file that belongs to a private collection
   * — one its index holds, or under a folder given to it — read into that collection's own index
   * (never into the public one: a file changed in place keeps the domain of its path), and taken
   * out of the public index if an earlier run had put it there.
   */
  public IngestReport run(
      IndexStore store, List<Path> paths, boolean prune, Progress progress, Domains domains)
      throws IOException {
    List<Path> files = new ArrayList<>();
    List<IngestReport.Failure> unreadable = new ArrayList<>();
    List<String> skippedFiles = new ArrayList<>();
    int skipped = FolderWalk.collect(paths, files, unreadable, skippedFiles);
    // the files of private collections, by collection: read into their own indexes after this run
    Map<String, List<Path>> routed = new java.util.TreeMap<>();
    org.gongkai.index.CollectionIndexes.Routing routing =
        store.domain().isPublic()
            ? domains.routing()
            : org.gongkai.index.CollectionIndexes.Routing.NONE;
    if (!routing.isEmpty()) {
      for (java.util.Iterator<Path> it = files.iterator(); it.hasNext(); ) {
        Path f = it.next();
        Optional<String> owner = routing.of(key(f));
        if (owner.isEmpty()) continue;
        routed.computeIfAbsent(owner.get(), k -> new ArrayList<>()).add(f);
        it.remove();
      }
    }
    Map<String, IndexedFile> known = store.files();
    Set<String> docIds = new HashSet<>(store.documentIds());
    Set<String> earlierRuns = Set.copyOf(docIds);

    Counts counts = new Counts(); // reports read this run, in the order of their files
    for (IndexedFile f : known.values()) counts.read(f.docId(), f.path());
    // reports an earlier run wrote and was stopped (killed) before comparing with other formats
    for (String id : store.unmerged()) if (docIds.contains(id)) counts.unmerged.add(id);
    ReadWriteLock commitLock = new ReentrantReadWriteLock();
    Set<String> claimed =
        new HashSet<>(); // new documents this run, by id: the first file with those bytes
    Map<String, String> failedClaims = new HashMap<>(); // document id → why its first file failed
    ThreadPoolExecutor workers = largestFirst(config.threads());
    long[] submitted = {0};
    ArrayDeque<Pending> window = new ArrayDeque<>();
    List<Pending> outOfMemory = new ArrayList<>();
    int maxInFlight = WINDOW_PER_THREAD * config.threads();
    // the files' bytes held in the window: no more than two files of just under heavy size each
    long maxWaitingBytes = Runtime.getRuntime().maxMemory() / (2L * HEAVY_FACTOR);
    long[] lastCommit = {System.nanoTime()};
    progress.start(files.size() + routed.values().stream().mapToInt(List::size).sum());
    Set<String> seen = new HashSet<>(); // keys of the files and archive members met this run
    Step step =
        (file, key, bytes, failure) -> {
          seen.add(key);
          Outcome now = failure == null ? null : new Failed(failure);
          String sha = bytes == null ? null : DocumentIngestor.sha256(bytes);
          if (now == null) {
            String docId = store.domain().docId(sha);
            IndexedFile before = known.get(key);
            boolean stale =
                before != null && before.pipeline() != DocumentIngestor.PIPELINE_VERSION;
            boolean sameBytes =
                before != null && before.sha256().equals(sha) && docIds.contains(before.docId());
            if (sameBytes && !stale) now = new Unchanged();
            // read by an older pipeline: read again, replacing its document (not a duplicate of
            // itself)
            else if (docIds.contains(docId) && !(sameBytes && before.docId().equals(docId))
                || claimed.contains(docId)) {
              now = new Duplicate(docId);
            } else {
              claimed.add(docId);
            }
          }
          Future<Outcome> outcome;
          if (now != null) {
            outcome = CompletableFuture.completedFuture(now);
          } else {
            String fileSha = sha;
            byte[] content = bytes;
            boolean heavy =
                (long) content.length * HEAVY_FACTOR > Runtime.getRuntime().maxMemory() / 4;
            if (heavy) {
              // a file that may need much of the heap is read with nothing else in flight, so if it
              // exhausts memory it fails alone and no other file's indexing meets the shortage
              while (!window.isEmpty()) {
                settle(
                    window.poll(),
                    store,
                    known,
                    docIds,
                    failedClaims,
                    counts,
                    progress,
                    outOfMemory);
                maybeCommit(store, commitLock, lastCommit, counts);
              }
            }
            Job<Outcome> job =
                new Job<>(
                    () -> ingest(store, file, content, key, fileSha, commitLock, counts.unmerged),
                    content.length,
                    submitted[0]++);
            workers.execute(job);
            outcome = job;
            if (heavy) {
              window.add(new Pending(file, key, sha, outcome, content.length));
              settle(window.poll(), store, known, docIds, failedClaims, counts, progress, null);
              maybeCommit(store, commitLock, lastCommit, counts);
              return;
            }
          }
          window.add(new Pending(file, key, sha, outcome, bytes == null ? 0 : bytes.length));
          while (window.size() > maxInFlight
              || bytesIn(window) > maxWaitingBytes
              || (!window.isEmpty() && window.peek().outcome().isDone())) {
            settle(
                window.poll(), store, known, docIds, failedClaims, counts, progress, outOfMemory);
            maybeCommit(store, commitLock, lastCommit, counts);
          }
        };
    Set<String> archivesRead = new HashSet<>();
    try {
      for (Path file : files) {
        String key = key(file);
        byte[] bytes = null;
        String failure = null;
        try {
          // read once: refused by size before reading, hashed here, extracted from these bytes
          bytes = ingestor.read(file);
        } catch (ExtractionException e) {
          failure = e.getMessage();
        } catch (OutOfMemoryError e) {
          bytes = null;
          failure = HeapGuard.outOfMemory();
        }
        if (bytes == null || !Archives.isArchive(file.getFileName().toString())) {
          step.take(file, key, bytes, failure);
          continue;
        }
        // an archive: each member is a file of its own, remembered as archive!/member
        try {
          ingestor
              .archives()
              .read(
                  file.getFileName().toString(),
                  bytes,
                  m ->
                      step.take(
                          Path.of(file + Archives.SEPARATOR + m.path()),
                          key + Archives.SEPARATOR + m.path(),
                          m.bytes(),
                          m.failure()));
          archivesRead.add(key);
          if (known.containsKey(key)) { // read whole, as one document, by an older version
            store.deleteFile(key);
            known.remove(key);
          }
        } catch (ExtractionException e) {
          step.take(file, key, null, e.getMessage());
        }
      }
      while (!window.isEmpty()) {
        settle(window.poll(), store, known, docIds, failedClaims, counts, progress, outOfMemory);
        maybeCommit(store, commitLock, lastCommit, counts);
      }
      // a file that ran out of memory may have done so because of the files read beside it: each is
      // read again alone, so only a file that needs more memory than the heap has fails
      for (Pending p : outOfMemory) {
        Outcome alone;
        try {
          alone =
              ingest(
                  store,
                  p.file(),
                  ingestor.read(p.file()),
                  p.key(),
                  p.sha(),
                  commitLock,
                  counts.unmerged);
        } catch (ExtractionException e) {
          alone = new Failed(e.getMessage());
        } catch (OutOfMemoryError e) {
          alone = new OutOfMemory(HeapGuard.outOfMemory());
        }
        settle(
            new Pending(p.file(), p.key(), p.sha(), CompletableFuture.completedFuture(alone), 0),
            store,
            known,
            docIds,
            failedClaims,
            counts,
            progress,
            null);
        maybeCommit(store, commitLock, lastCommit, counts);
      }
    } finally {
      workers.shutdownNow();
      // a run that fails here may still be committed as it closes: it lists what it wrote
      store.markUnmerged(counts.unmerged);
    }
    mergeFormats(store, known, docIds, earlierRuns, counts);
    store.markUnmerged(List.of()); // with the run's last commit: every report compared
    int removed = 0;
    // a file of a private collection the public index held (put there before it was given to the
    // collection) leaves it: it is the collection's now
    boolean movedOut = false;
    Set<String> movedReports = new HashSet<>();
    for (IndexedFile f : List.copyOf(known.values())) {
      if (routing.of(f.path()).isEmpty()) continue;
      store.deleteFile(f.path());
      known.remove(f.path());
      movedReports.add(f.docId());
      movedOut = true;
    }
    // a public report read from a file now private, with other formats still public: it goes, and
    // its public files are read again into a report of their own (nothing of the private file's
    // reading stays in the public index)
    List<Path> rereads = new ArrayList<>();
    for (IndexedFile f : List.copyOf(known.values())) {
      if (!movedReports.contains(f.docId())) continue;
      store.deleteFile(f.path());
      known.remove(f.path());
      if (org.gongkai.model.ArchivePaths.memberAt(f.path()) < 0 && Files.exists(Path.of(f.path())))
        rereads.add(Path.of(f.path()));
    }
    // members gone from an archive read this run leave the index, as a changed file's old version
    for (IndexedFile f : List.copyOf(known.values())) {
      int at = org.gongkai.model.ArchivePaths.memberAt(f.path());
      if (at > 0 && archivesRead.contains(f.path().substring(0, at)) && !seen.contains(f.path())) {
        store.deleteFile(f.path());
        known.remove(f.path());
      }
    }
    if (prune) {
      for (IndexedFile f : List.copyOf(known.values())) {
        if (!Files.exists(Path.of(onDisk(f.path())))) {
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
    if (!rereads.isEmpty()) {
      IngestReport again = run(store, rereads, false, within(progress), Domains.NONE);
      counts.indexed += again.indexed();
    }
    // a report given to a private collection leaves no trace in the public index's statistics
    if (movedOut) store.expungeDeletes();
    Map<String, IngestReport> collections = new java.util.TreeMap<>();
    for (Map.Entry<String, List<Path>> e : routed.entrySet()) {
      // files an editor took out of the collection stay out (and stay the collection's)
      Set<String> out = domains.excluded(e.getKey());
      List<Path> in = new ArrayList<>();
      for (Path f : e.getValue()) if (!out.contains(key(f))) in.add(f);
      if (in.isEmpty()) continue;
      try (IndexStore own = domains.open(e.getKey())) {
        collections.put(e.getKey(), run(own, in, prune, within(progress), Domains.NONE));
      }
    }
    progress.done();
    return new IngestReport(
        counts.indexed,
        counts.unchanged,
        counts.duplicates,
        skipped,
        counts.failures,
        removed,
        store.documentCount(),
        store.sectionCount(),
        unreadable,
        counts.landingPages,
        skippedFiles,
        counts.copies,
        counts.tablesSummed,
        counts.tablesMisread,
        counts.reportsMisread,
        found(counts.fresh, docIds, true),
        found(counts.fresh, docIds, false),
        counts.emptyPages,
        collections);
  }

  /**
   * Moves the files of private collections that the public index in {@code index} holds — read
   * there by an earlier version, when who might see a file was decided by its bytes — into each
   * collection's own index ({@code shas}: the files put in each collection, by storage key): where
   * each lies becomes the collection's, it is read into the collection's index, and its record (and
   * its report, when no public file is read as it) leaves the public index. A file no longer on
   * disk only leaves. The number of files moved.
   */
  public int intoCollections(Path index, Map<String, Set<String>> shas) throws IOException {
    // looked for without the index's write lock first: nearly always there are none
    try (IndexStore reading = IndexStore.openForReading(index)) {
      boolean any = false;
      for (IndexedFile f : reading.files().values())
        for (Set<String> held : shas.values())
          any |= f.sha256() != null && held.contains(f.sha256());
      if (!any) return 0;
    }
    Map<String, List<Path>> byKey = new java.util.TreeMap<>();
    List<Path> onDisk = new ArrayList<>();
    try (IndexStore store = IndexStore.openForWriting(index)) {
      for (IndexedFile f : store.files().values()) {
        for (Map.Entry<String, Set<String>> e : shas.entrySet()) {
          if (f.sha256() == null || !e.getValue().contains(f.sha256())) continue;
          Path p = Path.of(onDisk(f.path()));
          byKey.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(Path.of(f.path()));
          if (Files.exists(p) && !onDisk.contains(p)) onDisk.add(p);
          break;
        }
      }
      if (byKey.isEmpty()) return 0;
      for (Map.Entry<String, List<Path>> e : byKey.entrySet())
        org.gongkai.index.CollectionIndexes.addRoots(index, e.getKey(), e.getValue());
      run(store, onDisk, false, Progress.NONE, Domains.beside(index));
    }
    return byKey.values().stream().mapToInt(List::size).sum();
  }

  /** {@code progress} as a run inside another sees it: its files told, not its start and end. */
  private static Progress within(Progress progress) {
    return new Progress() {
      @Override
      public void start(int files) {}

      @Override
      public void file(Path file) {
        progress.file(file);
      }

      @Override
      public void failed(Path file, String reason) {
        progress.failed(file, reason);
      }

      @Override
      public void done() {}
    };
  }

  /**
   * What this run indexed, by kind of report ({@code reports}) or by role for the rest: the
   * documents that stayed (another format of a report already indexed is counted as a duplicate).
   */
  private static java.util.Map<String, Integer> found(
      List<Indexed> fresh, Set<String> docIds, boolean reports) {
    java.util.Map<String, Integer> out = new java.util.TreeMap<>();
    for (Indexed i : fresh) {
      if (!docIds.contains(i.docId())) continue;
      boolean report = i.role() == org.gongkai.model.PageRole.REPORT;
      if (report != reports) continue;
      String key = reports ? (i.kind() == null ? "" : i.kind()) : i.role().code();
      out.merge(key, 1, Integer::sum);
    }
    return out;
  }

  /** Formats in the order a report's document prefers them: pages first, plain text last. */
  private static final List<String> FORMATS =
      List.of(
          "pdf", "ofd", "docx", "doc", "wps", "odt", "rtf", "xlsx", "xls", "et", "html", "htm",
          "xhtml", "shtml", "shtm", "jsp", "asp", "aspx", "php", "do", "action", "jhtml");

  private static int formatRank(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
    int at = FORMATS.indexOf(name.substring(name.lastIndexOf('.') + 1));
    return at < 0 ? FORMATS.size() : at;
  }

  private static final class Counts {
    int indexed, unchanged, duplicates;
    // tables of the reports read this run whose sums were checked, those not understood, and the
    // reports holding one
    int tablesSummed, tablesMisread, reportsMisread;
    final List<IngestReport.Failure> failures = new ArrayList<>();
    final List<IngestReport.Failure> landingPages = new ArrayList<>();
    final List<IngestReport.Failure> emptyPages = new ArrayList<>();
    final List<Indexed> fresh = new ArrayList<>();
    // reports written and not yet compared with other formats: this run's, and those an earlier
    // run was killed before comparing
    // (added to by the workers as they write, so a commit never holds a report it does not list)
    final Set<String> unmerged = new java.util.concurrent.ConcurrentSkipListSet<>();
    final List<IngestReport.Copy> copies = new ArrayList<>();

    /** A report's first file by name: what a duplicate is a copy of. */
    final Map<String, String> firstFile = new HashMap<>();

    void read(String docId, String path) {
      firstFile.merge(docId, path, (a, b) -> a.compareTo(b) <= 0 ? a : b);
    }
  }

  /**
   * The same report in several formats (a PDF, a DOCX and a web page of one 决算) is one document
   * with several files: each report read this run is compared with the reports of its year, kind
   * and region, and when its clean text is the same text ({@link Shingles#SAME} of their shingles)
   * its files join that report and its own document goes (its permalinks lead to the one that
   * stays). The report that stays is one indexed in an earlier run (its permalinks are out there),
   * then the one of the richest format, then the smallest id.
   */
  private static void mergeFormats(
      IndexStore store,
      Map<String, IndexedFile> known,
      Set<String> docIds,
      Set<String> earlierRuns,
      Counts counts)
      throws IOException {
    if (counts.unmerged.isEmpty()) return;
    store.refreshNow();
    // which report stays among this run's: the richest format (a PDF has pages to cite), then id;
    // never the order files were named in
    Map<String, Integer> rank = new HashMap<>();
    for (IndexedFile file : known.values())
      rank.merge(file.docId(), formatRank(file.path()), Math::min);
    java.util.Comparator<String> stays =
        java.util.Comparator.comparing((String c) -> earlierRuns.contains(c) ? 0 : 1)
            .thenComparing(c -> rank.getOrDefault(c, Integer.MAX_VALUE))
            .thenComparing(c -> c);
    List<Indexed> fresh = new ArrayList<>(counts.fresh);
    Set<String> thisRun = new HashSet<>();
    for (Indexed f : fresh) thisRun.add(f.docId());
    for (String id : counts.unmerged) {
      if (thisRun.contains(id) || !docIds.contains(id)) continue;
      Optional<org.gongkai.model.IndexedDocument> d = store.document(id);
      if (d.isEmpty()) continue;
      fresh.add(
          new Indexed(
              id,
              d.get().year(),
              d.get().kind(),
              d.get().region(),
              d.get().issuer(),
              0,
              0,
              d.get().role()));
    }
    fresh.sort(java.util.Comparator.comparing(Indexed::docId, stays));
    Set<String> referenced = new HashSet<>();
    for (IndexedFile file : known.values()) referenced.add(file.docId());
    Set<String> gone = new HashSet<>();
    for (Indexed f : fresh) {
      if (gone.contains(f.docId())) continue;
      List<String> primaries = new ArrayList<>();
      // another format of a report has its issuer, year, kind and region: a county's hundred
      // departments' reports are never compared with each other
      for (String c : store.sameKindAndPlace(f.year(), f.kind(), f.region(), f.issuer())) {
        if (c.equals(f.docId()) || gone.contains(c)) continue;
        // a report no file points to any more is an old version on its way out (its file changed
        // into this one): never the one that stays
        if (!referenced.contains(c)) continue;
        if (stays.compare(c, f.docId()) < 0) primaries.add(c);
      }
      if (primaries.isEmpty()) continue;
      primaries.sort(stays);
      Optional<String> text = store.cleanText(f.docId());
      if (text.isEmpty()) continue;
      Shingles shingles = Shingles.of(text.get());
      for (String p : primaries) {
        Optional<String> other = store.cleanText(p);
        if (other.isEmpty()) continue;
        // a web page and a file of one report: the page often leaves out the tables the file has
        boolean webAndFile = web(known, f.docId()) != web(known, p);
        // texts whose letters and digits differ in number by a tenth cannot share 95% of their
        // shingles: not shingled (spacing and punctuation, which formats vary, do not count)
        long a = Shingles.letters(text.get()), b = Shingles.letters(other.get());
        if (!webAndFile && Math.min(a, b) < 0.9 * Math.max(a, b)) continue;
        Shingles others = Shingles.of(other.get());
        if (shingles.overlap(others) < Shingles.SAME
            && !(webAndFile && sameReport(store, f.docId(), p, shingles.containment(others))))
          continue;
        String of = counts.firstFile.getOrDefault(p, p);
        for (IndexedFile file : List.copyOf(known.values())) {
          if (!file.docId().equals(f.docId())) continue;
          counts.copies.add(new IngestReport.Copy(file.path(), of, false));
          IndexedFile joined = new IndexedFile(file.path(), file.sha256(), p, file.pipeline());
          store.putFile(joined);
          known.put(file.path(), joined);
        }
        store.deleteDocument(f.docId());
        docIds.remove(f.docId());
        gone.add(f.docId());
        if (thisRun.contains(f.docId())) counts.indexed--;
        counts.duplicates++;
        break;
      }
    }
  }

  /** The web pages' formats: a report's page beside its PDF is one report in two formats. */
  private static final Set<String> WEB =
      Set.of(
          "html", "htm", "xhtml", "shtml", "shtm", "jsp", "asp", "aspx", "php", "do", "action",
          "jhtml");

  /** Whether every file of the document is a web page (by its name). */
  private static boolean web(Map<String, IndexedFile> known, String docId) {
    boolean any = false;
    for (IndexedFile file : known.values()) {
      if (!file.docId().equals(docId)) continue;
      String name = file.path().toLowerCase(java.util.Locale.ROOT);
      int dot = name.lastIndexOf('.');
      if (dot < 0 || !WEB.contains(name.substring(dot + 1))) return false;
      any = true;
    }
    return any;
  }

  /**
   * A web page and a file of the same issuer, year, kind and place are one report when they state
   * the same headline totals (收入合计 and 收支总计, or whichever both state) and the shorter text is
   * mostly in the longer ({@code contained} ≥ 0.6), or, stating none, nearly all of it (≥ 0.9).
   */
  private static boolean sameReport(IndexStore store, String a, String b, double contained)
      throws IOException {
    Map<String, Double> mine = headlines(store, a), theirs = headlines(store, b);
    int both = 0;
    for (Map.Entry<String, Double> e : mine.entrySet()) {
      Double t = theirs.get(e.getKey());
      if (t == null) continue;
      if (Math.abs(t - e.getValue()) > 0.005) return false; // the figures differ: two reports
      both++;
    }
    return both > 0 ? contained >= 0.6 : contained >= 0.9;
  }

  /** A report's headline totals by figure ({@code income_total}, {@code grand_total} …), in 万元. */
  private static Map<String, Double> headlines(IndexStore store, String docId) throws IOException {
    Map<String, Double> out = new HashMap<>();
    for (org.gongkai.model.IndicatorValue v : store.indicators(docId)) {
      if (!v.headline() || v.valueWan() == null) continue;
      if (v.indicator().equals("income_total")
          || v.indicator().equals("grand_total")
          || v.indicator().equals("expenditure_total"))
        out.putIfAbsent(v.indicator(), v.valueWan());
    }
    return out;
  }

  /** A worker's job: one new file from bytes to the index, document and file record together. */
  private Outcome ingest(
      IndexStore store,
      Path file,
      byte[] bytes,
      String key,
      String sha,
      ReadWriteLock commitLock,
      Set<String> written)
      throws IOException {
    try {
      DocumentIngestor.Deadline deadline = DocumentIngestor.Deadline.in(ingestor.limits().budget());
      IngestedDocument ingested =
          ingestor.ingest(file, bytes, sha, store.domain().docId(sha), stages, deadline);
      DisclosureDocument d = ingested.document();
      // a page that only links to its report: the report is the file it offers, not the page
      if (d.decidedFrom().containsKey("landingPage"))
        return new Landing(
            d.decidedFrom().get("landingPage"), "a page that links to a form".equals(d.roleWhy()));
      HeapGuard.ensureHeapToIndex(d.text().length());
      long t0 = System.nanoTime();
      commitLock.readLock().lock();
      try {
        store.putDocument(ingested, clock.instant());
        store.putFile(new IndexedFile(key, sha, d.docId(), DocumentIngestor.PIPELINE_VERSION));
        written.add(d.docId());
      } finally {
        commitLock.readLock().unlock();
      }
      stages.took("index", System.nanoTime() - t0);
      return new Indexed(
          d.docId(),
          d.year(),
          org.gongkai.model.ReportKind.label(d.kind()),
          d.region().decided() ? d.region().region() : null,
          d.issuer(),
          ingested.tablesSummed(),
          ingested.tablesMisread(),
          d.role());
    } catch (ExtractionException e) {
      if (e.isEmptyPage()) return new Empty();
      // the parser ran out of memory (said as "too large to parse in memory"): read again alone
      // once the others are done, as an out-of-memory error met here is
      if (e.getCause() instanceof OutOfMemoryError) return new OutOfMemory(HeapGuard.outOfMemory());
      return new Failed(e.getMessage());
    } catch (RuntimeException | StackOverflowError e) {
      // a bug in a parser (or text nested beyond any sense) must cost one file, not the run
      return new Failed("internal error while reading the file: " + e);
    } catch (OutOfMemoryError e) {
      // what the file made is garbage once this frame is left: the run goes on with the memory back
      return new OutOfMemory(HeapGuard.outOfMemory());
    }
  }

  /** Records the outcome of the oldest file in the window, in the order the files were given. */
  private void settle(
      Pending p,
      IndexStore store,
      Map<String, IndexedFile> known,
      Set<String> docIds,
      Map<String, String> failedClaims,
      Counts counts,
      Progress progress,
      List<Pending> retry)
      throws IOException {
    Outcome o = outcome(p);
    if (o instanceof OutOfMemory oom) {
      if (retry != null) {
        retry.add(p); // read again alone once the others are done
        return;
      }
      o = new Failed(oom.reason());
    }
    if (o instanceof Duplicate dup && failedClaims.containsKey(dup.docId())) {
      o =
          new Failed(
              failedClaims.get(
                  dup.docId())); // the same bytes as a file that just failed fail the same way
    }
    progress.file(p.file());
    if (o instanceof Unchanged) {
      counts.unchanged++;
    } else if (o instanceof Indexed i) {
      counts.indexed++;
      counts.tablesSummed += i.tablesSummed();
      counts.tablesMisread += i.tablesMisread();
      if (i.tablesMisread() > 0) counts.reportsMisread++;
      counts.fresh.add(i);
      counts.unmerged.add(i.docId());
      counts.read(i.docId(), p.key());
      docIds.add(i.docId());
      known.put(
          p.key(), new IndexedFile(p.key(), p.sha(), i.docId(), DocumentIngestor.PIPELINE_VERSION));
    } else if (o instanceof Duplicate dup) { // point this path at the document with the same bytes
      counts.duplicates++;
      counts.copies.add(
          new IngestReport.Copy(
              p.key(), counts.firstFile.getOrDefault(dup.docId(), dup.docId()), true));
      IndexedFile f =
          new IndexedFile(p.key(), p.sha(), dup.docId(), DocumentIngestor.PIPELINE_VERSION);
      store.putFile(f);
      known.put(p.key(), f);
    } else if (o instanceof Landing l) {
      // a page an older version indexed as a report leaves the index with its file record
      if (known.remove(p.key()) != null) store.deleteFile(p.key());
      counts.landingPages.add(
          new IngestReport.Failure(
              p.file().toString(),
              l.links().isEmpty()
                  ? "a page that only shows its report in a PDF viewer"
                  : l.forms()
                      ? "a page that links to a form, no report: " + l.links()
                      : "a page that only links to its report: " + l.links()));
    } else if (o instanceof Empty) {
      if (known.remove(p.key()) != null) store.deleteFile(p.key());
      counts.emptyPages.add(
          new IngestReport.Failure(
              p.file().toString(),
              "a web page with no text of its own (a script draws it, it redirects, or it is a"
                  + " server's error page)"));
    } else if (o instanceof Failed f) {
      if (p.sha() != null) failedClaims.putIfAbsent(store.domain().docId(p.sha()), f.reason());
      counts.failures.add(new IngestReport.Failure(p.file().toString(), f.reason()));
      progress.failed(p.file(), f.reason());
    }
  }

  private static Outcome outcome(Pending p) throws IOException {
    try {
      return p.outcome().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while indexing " + p.file(), e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) throw io; // the index itself failed: stop the run
      throw new IllegalStateException(e.getCause());
    }
  }

  private void maybeCommit(
      IndexStore store, ReadWriteLock commitLock, long[] lastCommit, Counts counts)
      throws IOException {
    if (System.nanoTime() - lastCommit[0] < config.commitEvery().toNanos()) return;
    commitLock.writeLock().lock();
    try {
      // a kill before the run's end leaves these reports unmerged with their other formats: the
      // commit says so, and the next run merges them
      store.markUnmerged(counts.unmerged);
      store.commit();
    } finally {
      commitLock.writeLock().unlock();
    }
    lastCommit[0] = System.nanoTime();
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "index-worker-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** What a step of the run does with one file or archive member, read or failed. */
  @FunctionalInterface
  private interface Step {
    void take(Path file, String key, byte[] bytes, String failure) throws IOException;
  }

  /**
   * Why a file whose name is not UTF-8 is not indexed (a public message: tests and users see it).
   */
  public static final String NOT_UTF8_NAME = FolderWalk.NOT_UTF8_NAME;

  /** The file on disk behind a key: an archive member's archive. */
  private static String onDisk(String key) {
    // a folder named 重要! is a folder: only an archive's name ends the path on disk
    int at = org.gongkai.model.ArchivePaths.memberAt(key);
    return at > 0 ? key.substring(0, at) : key;
  }

  /**
   * The files under {@code paths} an index run would read (folders walked as {@code index} walks
   * them; files given by name always): what a watch compares from one look to the next.
   */
  public static List<Path> files(List<Path> paths) throws IOException {
    List<Path> out = new ArrayList<>();
    FolderWalk.collect(paths, out, new ArrayList<>(), new ArrayList<>());
    return out;
  }

  /** The key a file is remembered by: its absolute, normalised path. */
  public static String key(Path file) {
    return file.toAbsolutePath().normalize().toString();
  }
}
