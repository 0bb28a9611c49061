package org.gongkai.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.gongkai.config.ExtractConfig;
import org.gongkai.config.IndexConfig;
import org.gongkai.extract.Archives;
import org.gongkai.extract.ExtractionException;
import org.gongkai.index.CollectionIndexes;
import org.gongkai.index.IndexStore;
import org.gongkai.index.IndexUnavailableException;
import org.gongkai.ingest.Indexer;
import org.gongkai.ingest.IngestReport;
import org.gongkai.model.IndexedFile;
import org.gongkai.workspace.Collection;
import org.gongkai.workspace.Uploads.File;
import org.gongkai.workspace.Uploads.Outcome;
import org.gongkai.workspace.Uploads.Upload;
import org.gongkai.workspace.User;
import org.gongkai.workspace.Workspace;
import org.gongkai.workspace.WorkspaceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files uploaded from the browser into a collection, indexed in the background by the same pipeline
 * as {@code gongkai index}. Receiving writes each file (an archive unpacked into its members,
 * within the archive limits) under the uploads folder, and records the upload, its files and their
 * place in the collection in one transaction, before anything is indexed: a private file is hidden
 * from its first moment in the index. One upload is indexed at a time, into the portal's own index
 * folder (the portal sees it at its next request); each file's outcome is written when the run
 * ends. An upload found unfinished when the service starts — the portal was stopped or killed while
 * it was indexed — is indexed again: indexing goes by content, so what was written before is found
 * unchanged, and nothing is indexed twice.
 */
public final class UploadService implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(UploadService.class);

  /**
   * The most one upload takes: files, bytes of one file, bytes in all (stated on the page; an
   * archive's members counted as files, unpacked), and the free disk it leaves at least.
   */
  public record Limits(int maxFiles, long maxFileBytes, long maxTotalBytes, long minFreeBytes) {
    /** 500 files, 100 MB a file, 1 GB in all, 64 MB of the disk left free. */
    public static final Limits DEFAULT = new Limits(500, 100L << 20, 1L << 30, 64L << 20);

    public Limits(int maxFiles, long maxFileBytes, long maxTotalBytes) {
      this(maxFiles, maxFileBytes, maxTotalBytes, DEFAULT.minFreeBytes());
    }
  }

  /** A file as the browser sent it: its name (a folder's files with their path), and its bytes. */
  public record Incoming(String name, long size, IoSupplier<InputStream> content) {}

  /** Opens a stream that may fail. */
  @FunctionalInterface
  public interface IoSupplier<T> {
    T get() throws IOException;
  }

  /** How far the upload being indexed has got: files read of all. */
  public record Progress(int read, int files) {}

  private final Workspace workspace;
  private final Path folder;
  private final Path index;
  private final Function<IndexConfig, Indexer> indexers;
  private final Limits limits;

  /** How long an upload waits for an index another run holds before it is put back in line. */
  private volatile Duration lockWait = Duration.ofSeconds(10);

  private final Clock clock;
  private final java.util.concurrent.ScheduledExecutorService worker;
  private final Map<Long, Progress> running = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();

  /**
   * @param folder where uploaded files are kept (created when missing)
   * @param index the portal's index folder (a private collection's index lies in it), written by
   *     one upload at a time
   */
  public UploadService(
      Workspace workspace,
      Path folder,
      Path index,
      Function<IndexConfig, Indexer> indexers,
      Limits limits,
      Clock clock) {
    this.workspace = workspace;
    this.folder = folder.toAbsolutePath().normalize();
    this.index = index;
    this.indexers = indexers;
    this.limits = limits;
    this.clock = clock;
    this.worker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "gongkai-upload");
              t.setDaemon(true);
              return t;
            });
  }

  public Limits limits() {
    return limits;
  }

  /**
   * Waits {@code wait} for a held index before putting an upload back in line, to be tried again
   * after {@code retry} (tests).
   */
  void lockWait(Duration wait, Duration retry) {
    this.lockWait = wait;
    this.retry = retry;
  }

  /**
   * Takes the file at {@code path} out of {@code collection} (which {@code user} may edit): out of
   * its index, kept out of it, its report gone when no other file of the collection is read as it;
   * the copy an upload kept is deleted. A file given from elsewhere stays where it lies, and stays
   * the collection's. False when the collection's index does not hold it.
   */
  public boolean remove(User user, Collection collection, String path, String address)
      throws IOException {
    if (workspace.collections().editableBy(user).stream().noneMatch(c -> c.id() == collection.id()))
      throw new WorkspaceException("you may not take files out of " + collection.name());
    Map<String, IndexedFile> held;
    if (collection.isPublic()) return false; // a public collection's files are the public index's
    String sha = null;
    try (IndexStore s = openForWriting(collection)) {
      held = s.files();
      IndexedFile f = held.get(path);
      if (f == null) return false;
      sha = f.sha256();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    if (!CollectionIndexes.remove(index, collection.key(), path)) return false;
    String kept = sha;
    boolean sameElsewhere =
        held.values().stream().anyMatch(f -> !f.path().equals(path) && f.sha256().equals(kept));
    if (!sameElsewhere)
      workspace
          .collections()
          .removeFile(
              collection, sha, Path.of(path).getFileName().toString(), user.name(), address);
    Path file = Path.of(path).toAbsolutePath().normalize();
    if (file.startsWith(folder)) Files.deleteIfExists(file);
    return true;
  }

  /** Queues again every upload left unfinished (the portal stopped while it was indexed). */
  public UploadService resume() {
    for (Upload u : workspace.uploads().unfinished()) {
      LOG.info("upload {} was not finished: indexing it again", u.id());
      queue(u.id(), Duration.ZERO);
    }
    return this;
  }

  /** How far the upload being indexed has got, if it is being indexed now. */
  public Optional<Progress> progress(long upload) {
    return Optional.ofNullable(running.get(upload));
  }

  /**
   * Keeps {@code files} and records them as an upload of {@code user} into {@code collection}
   * (which they may edit), then queues it. Files over the limits — counted in bytes kept, an
   * archive's members unpacked, not bytes sent — or that the disk has no room for, and archives
   * that cannot be unpacked, are recorded as failed with the reason; the others go on. Nothing is
   * said of what other collections or the public index hold: duplicates are looked for within the
   * collection's own index alone, when it is indexed.
   */
  public Upload receive(User user, Collection collection, List<Incoming> files, String address)
      throws IOException {
    if (workspace.collections().editableBy(user).stream().noneMatch(c -> c.id() == collection.id()))
      throw new WorkspaceException("you may not add files to " + collection.name());
    if (files.isEmpty()) throw new WorkspaceException("no file was sent");
    Path dir = folder.resolve(clock.instant().toString().replace(':', '-') + "-" + token());
    Files.createDirectories(dir);
    // the upload's folder is the collection's before a byte is kept there: an index run over the
    // uploads folder reads it into the collection's own index, never the public one
    if (!collection.isPublic()) CollectionIndexes.addRoots(index, collection.key(), List.of(dir));
    List<File> out = new ArrayList<>();
    long[] left = {limits.maxTotalBytes()};
    try {
      for (Incoming in : files) {
        String name = displayName(in.name());
        int position = out.size();
        if (position >= limits.maxFiles()) {
          out.add(
              failed(position, name, "more than " + limits.maxFiles() + " files in one upload"));
          continue;
        }
        if (in.size() > limits.maxFileBytes()) {
          out.add(failed(position, name, "larger than " + mb(limits.maxFileBytes()) + " MB"));
          continue;
        }
        if (in.size() > left[0]) {
          out.add(
              failed(position, name, "past " + mb(limits.maxTotalBytes()) + " MB in one upload"));
          continue;
        }
        if (notRead(name)) {
          out.add(skipped(position, name));
          continue;
        }
        if (!room(in.size())) {
          out.add(failed(position, name, NO_ROOM));
          continue;
        }
        Path stored = dir.resolve(Integer.toString(position)).resolve(safePath(name));
        Files.createDirectories(stored.getParent());
        String sha;
        long size;
        try (InputStream is = in.content().get()) {
          sha = write(is, stored, Math.min(limits.maxFileBytes(), left[0]));
          size = Files.size(stored);
        } catch (TooLarge e) {
          Files.deleteIfExists(stored);
          out.add(failed(position, name, "larger than " + mb(limits.maxFileBytes()) + " MB"));
          continue;
        } catch (IOException e) {
          // the disk filled up as it was written (or the browser went away): this file fails,
          // nothing of it is kept, the others go on
          Files.deleteIfExists(stored);
          out.add(failed(position, name, keptNot(e)));
          continue;
        }
        if (Archives.isArchive(name)) {
          // the archive itself is not kept: its members count instead, each as a file
          unpack(name, stored, dir, out, left);
          Files.deleteIfExists(stored);
          continue;
        }
        left[0] -= size;
        out.add(
            new File(
                position,
                name,
                folder.relativize(stored).toString(),
                sha,
                size,
                Outcome.WAITING,
                null));
      }
    } catch (IOException | RuntimeException e) {
      deleteTree(dir);
      throw e;
    }
    Upload u;
    try {
      u = workspace.uploads().create(user, collection, List.copyOf(out), address, clock.instant());
    } catch (RuntimeException e) {
      // the workspace could not record it (its database is down, its disk full): nothing is kept
      deleteTree(dir);
      throw e;
    }
    queue(u.id(), Duration.ZERO);
    return u;
  }

  /** Why a file was not kept: the disk is full, said plainly, or the error. */
  private static String keptNot(IOException e) {
    String m = String.valueOf(e.getMessage());
    if (m.contains("No space left") || m.contains("Disk quota")) return NO_ROOM;
    return "could not be kept: " + m;
  }

  public static final String NO_ROOM = "not enough free disk space on the server to keep it";

  /**
   * Whether the uploads folder's disk has room for {@code bytes} more, with {@link #MIN_FREE_BYTES}
   * left for the index and the workspace's database besides.
   */
  private boolean room(long bytes) {
    try {
      return Files.getFileStore(folder).getUsableSpace() - bytes >= limits.minFreeBytes();
    } catch (IOException e) {
      return true; // not known: the write itself says when there is none
    }
  }

  private static void deleteTree(Path dir) {
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList())
        Files.deleteIfExists(p);
    } catch (IOException e) {
      LOG.warn("could not remove {}: {}", dir, e.toString());
    }
  }

  /**
   * A folder's or an archive's file that {@code index} passes over too: a hidden file, or one of a
   * type not read ({@code .DS_Store}, {@code Thumbs.db}, a program). A file chosen alone is tried.
   */
  static boolean notRead(String name) {
    if (!name.contains("/")) return false;
    for (String part : name.split("/"))
      if (part.startsWith(".") && !part.matches("\\.+")) return true;
    String last = name.substring(name.lastIndexOf('/') + 1);
    int dot = last.lastIndexOf('.');
    String ext = dot < 0 ? "" : last.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    return !Indexer.EXTENSIONS.contains(ext) && !Archives.isArchive(last);
  }

  private static File skipped(int position, String name) {
    return new File(position, name, "", null, 0, Outcome.SKIPPED, "not a supported file type");
  }

  private static File failed(int position, String name, String reason) {
    return new File(position, name, "", null, 0, Outcome.FAILED, reason);
  }

  /**
   * Unpacks an archive's members (within the archive limits) as files of the upload, each counted
   * against the upload's limits as a file sent alone would be ({@code left}: bytes still allowed).
   */
  private void unpack(String name, Path archive, Path dir, List<File> out, long[] left)
      throws IOException {
    byte[] bytes = Files.readAllBytes(archive);
    Path base = dir.resolve(Integer.toString(out.size()) + "a");
    try {
      new Archives(ExtractConfig.defaults())
          .read(
              name,
              bytes,
              m -> {
                String member = name + "/" + m.path();
                int position = out.size();
                if (position >= limits.maxFiles()) {
                  out.add(
                      failed(
                          position,
                          member,
                          "more than " + limits.maxFiles() + " files in one upload"));
                  return;
                }
                if (notRead(member)) {
                  out.add(skipped(position, member));
                  return;
                }
                if (m.failure() != null) {
                  out.add(failed(position, member, m.failure()));
                  return;
                }
                long size = m.bytes().length;
                if (size > limits.maxFileBytes()) {
                  out.add(
                      failed(position, member, "larger than " + mb(limits.maxFileBytes()) + " MB"));
                  return;
                }
                if (size > left[0]) {
                  out.add(
                      failed(
                          position,
                          member,
                          "past " + mb(limits.maxTotalBytes()) + " MB in one upload"));
                  return;
                }
                if (!room(size)) {
                  out.add(failed(position, member, NO_ROOM));
                  return;
                }
                Path stored = base.resolve(safePath(displayName(m.path())));
                Files.createDirectories(stored.getParent());
                try {
                  Files.write(stored, m.bytes());
                } catch (IOException e) {
                  Files.deleteIfExists(stored);
                  out.add(failed(position, member, keptNot(e)));
                  return;
                }
                left[0] -= size;
                out.add(
                    new File(
                        position,
                        member,
                        folder.relativize(stored).toString(),
                        sha256(m.bytes()),
                        size,
                        Outcome.WAITING,
                        null));
              });
    } catch (ExtractionException e) {
      out.add(failed(out.size(), name, "the archive cannot be unpacked: " + e.getMessage()));
    }
  }

  /** Indexes the upload {@code id} after {@code delay} (at once: as soon as those before it). */
  private void queue(long id, Duration delay) {
    Runnable run =
        () -> {
          try {
            index(id);
          } catch (IndexBusy busy) {
            // another run holds the index: asked again later, the upload said to be waiting
            waiting.add(id);
            LOG.info("upload {} waits for the index: {}", id, busy.getMessage());
            queue(id, retry);
          } catch (Exception | OutOfMemoryError e) {
            LOG.error("upload {} could not be indexed", id, e);
            failAll(id, "could not be indexed: " + e);
          }
        };
    if (delay.isZero()) worker.submit(run);
    else worker.schedule(run, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** How long an upload that met a held index waits before it is tried again. */
  static final Duration RETRY = Duration.ofSeconds(15);

  private volatile Duration retry = RETRY;

  /** Uploads waiting for an index another run holds. */
  private final Set<Long> waiting = ConcurrentHashMap.newKeySet();

  /** Whether the upload waits for the index (another run is writing it). */
  public boolean waitingForIndex(long upload) {
    return waiting.contains(upload);
  }

  /** The index was held by another run for all the time asked. */
  static final class IndexBusy extends IOException {
    IndexBusy(String message) {
      super(message);
    }
  }

  /** An upload that cannot be indexed ends, each waiting file failed with {@code reason}. */
  private void failAll(long id, String reason) {
    waiting.remove(id);
    try {
      Upload u = workspace.uploads().find(id).orElse(null);
      if (u == null || u.finished()) return;
      Map<Integer, File> outcomes = new java.util.HashMap<>();
      for (File f : u.files())
        if (f.outcome() == Outcome.WAITING)
          outcomes.put(f.position(), with(f, Outcome.FAILED, reason));
      workspace.uploads().done(id, outcomes, clock.instant());
    } catch (RuntimeException e) {
      LOG.error("upload {} could not be ended", id, e);
    }
  }

  /** Indexes one upload's waiting files and writes each file's outcome. */
  void index(long id) throws IOException, InterruptedException {
    Upload u = workspace.uploads().find(id).orElse(null);
    if (u == null || u.finished()) return;
    Collection collection = workspace.collections().byId(u.collectionId()).orElse(null);
    if (collection == null) return;
    Map<Path, File> waitingFiles = new LinkedHashMap<>();
    for (File f : u.files())
      if (f.outcome() == Outcome.WAITING)
        waitingFiles.put(folder.resolve(f.stored()).toAbsolutePath().normalize(), f);
    Map<Integer, File> outcomes = new java.util.HashMap<>();
    workspace.uploads().indexing(id);
    running.put(id, new Progress(0, waitingFiles.size()));
    try {
      List<Path> gone = new ArrayList<>();
      for (Map.Entry<Path, File> e : waitingFiles.entrySet())
        if (!Files.isRegularFile(e.getKey())) gone.add(e.getKey());
      for (Path p : gone) {
        File f = waitingFiles.remove(p);
        outcomes.put(f.position(), with(f, Outcome.FAILED, "the kept file is gone"));
      }
      if (!waitingFiles.isEmpty()) {
        int[] read = {0};
        Indexer.Progress progress =
            new Indexer.Progress() {
              @Override
              public void start(int files) {}

              @Override
              public void file(Path file) {
                running.put(id, new Progress(++read[0], waitingFiles.size()));
              }

              @Override
              public void failed(Path file, String reason) {}

              @Override
              public void done() {}
            };
        IngestReport r;
        Map<String, IndexedFile> after;
        // the collection's own index: a private collection's files are never read into the
        // public one, nor compared with any file but its own
        try (IndexStore store = openForWriting(collection)) {
          waiting.remove(id);
          r =
              indexers
                  .apply(IndexConfig.defaults())
                  // one upload, one moment: its reports' order in a feed never depends on
                  // which of them a worker finished first
                  .at(clock.instant())
                  .run(store, List.copyOf(waitingFiles.keySet()), false, progress);
          after = store.files();
        }
        outcomes.putAll(outcomes(waitingFiles, r, after, collection.isPublic()));
      }
    } finally {
      running.remove(id);
    }
    workspace.uploads().done(id, outcomes, clock.instant());
  }

  /**
   * The collection's index for writing (the public index for a public collection); while another
   * run writes it, asked again for a few seconds, then {@link IndexBusy}.
   */
  private IndexStore openForWriting(Collection collection)
      throws IOException, InterruptedException {
    long until = System.nanoTime() + lockWait.toNanos();
    while (true) {
      try {
        return collection.isPublic()
            ? IndexStore.openForWriting(index)
            : CollectionIndexes.openForWriting(index, collection.key());
      } catch (IndexUnavailableException e) {
        if (!(e.getCause() instanceof org.apache.lucene.store.LockObtainFailedException)) throw e;
        if (System.nanoTime() > until) throw new IndexBusy(e.getMessage());
        Thread.sleep(500);
      }
    }
  }

  /** Each waiting file's outcome, by position, from the run's report and the index after it. */
  private static Map<Integer, File> outcomes(
      Map<Path, File> waiting, IngestReport r, Map<String, IndexedFile> after, boolean isPublic) {
    Map<String, File> byKey = new java.util.HashMap<>();
    for (Map.Entry<Path, File> e : waiting.entrySet())
      byKey.put(e.getKey().toString(), e.getValue());
    Map<Integer, File> out = new java.util.HashMap<>();
    for (IngestReport.Failure f : r.failures())
      put(out, byKey, f.file(), Outcome.FAILED, f.reason());
    for (IngestReport.Failure f : r.landingPages())
      put(out, byKey, f.file(), Outcome.LANDING, f.reason());
    for (IngestReport.Failure f : r.emptyPages())
      put(out, byKey, f.file(), Outcome.EMPTY, f.reason());
    for (IngestReport.Failure f : r.unreadable())
      put(out, byKey, f.file(), Outcome.FAILED, f.reason());
    for (String f : r.skippedFiles())
      put(out, byKey, f, Outcome.SKIPPED, "not a supported file type");
    // a duplicate is one of the collection's own files (its index holds no other)
    for (IngestReport.Copy c : r.copies())
      put(
          out,
          byKey,
          c.file(),
          Outcome.DUPLICATE,
          (c.sameBytes() ? SAME_BYTES : SAME_REPORT) + (isPublic ? IN_PUBLIC : IN_COLLECTION));
    for (File f : waiting.values()) {
      if (out.containsKey(f.position())) continue;
      String key =
          waiting.entrySet().stream()
              .filter(e -> e.getValue() == f)
              .findFirst()
              .orElseThrow()
              .getKey()
              .toString();
      IndexedFile held = after.get(key);
      out.put(
          f.position(),
          held == null
              ? with(f, Outcome.FAILED, "not read")
              : with(f, Outcome.INDEXED, "/d/" + held.docId()));
    }
    return out;
  }

  /**
   * A duplicate's detail: which, and where ({@code sameBytes.collection} …) — codes the page words
   * in its language.
   */
  public static final String SAME_BYTES = "sameBytes", SAME_REPORT = "sameReport";

  public static final String IN_PUBLIC = ".public", IN_COLLECTION = ".collection";

  private static void put(
      Map<Integer, File> out, Map<String, File> byKey, String key, Outcome o, String detail) {
    File f = byKey.get(Path.of(key).toAbsolutePath().normalize().toString());
    if (f != null && !out.containsKey(f.position())) out.put(f.position(), with(f, o, detail));
  }

  private static File with(File f, Outcome o, String detail) {
    return new File(f.position(), f.name(), f.stored(), f.sha256(), f.bytes(), o, detail);
  }

  @Override
  public void close() {
    worker.shutdownNow();
    try {
      worker.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---- files

  /** The name as shown: a folder's file keeps its path; control characters and backslashes go. */
  static String displayName(String name) {
    String n = name == null ? "" : name.replace('\\', '/');
    n = n.replaceAll("[\\p{Cc}\\p{Cf}]", "").strip();
    while (n.startsWith("/")) n = n.substring(1);
    if (n.length() > 500) n = n.substring(n.length() - 500);
    return n.isEmpty() ? "file" : n;
  }

  /**
   * Where a file of this name is kept below its upload's folder: each part of its path made safe
   * ({@code ..}, empty and hidden parts dropped; characters no file system takes replaced), so no
   * name leads out of the folder.
   */
  static Path safePath(String name) {
    List<String> parts = new ArrayList<>();
    for (String p : name.split("/")) {
      String s = p.replaceAll("[<>:\"|?*\\p{Cc}]", "_").strip();
      while (s.startsWith(".")) s = s.substring(1);
      if (s.isEmpty()) continue;
      if (s.length() > 120) {
        int dot = s.lastIndexOf('.');
        String ext = dot > 0 && s.length() - dot <= 10 ? s.substring(dot) : "";
        s = s.substring(0, 120 - ext.length()) + ext;
      }
      parts.add(s);
    }
    if (parts.isEmpty()) parts.add("file");
    return Path.of(parts.get(0), parts.subList(1, parts.size()).toArray(String[]::new));
  }

  private static final class TooLarge extends IOException {}

  /** Writes {@code in} to {@code to}, its SHA-256 in hex; past {@code max} bytes, TooLarge. */
  private static String write(InputStream in, Path to, long max) throws IOException {
    MessageDigest md = sha();
    try (OutputStream os = new DigestOutputStream(Files.newOutputStream(to), md)) {
      byte[] buf = new byte[64 * 1024];
      long n = 0;
      for (int r; (r = in.read(buf)) > 0; ) {
        n += r;
        if (n > max) throw new TooLarge();
        os.write(buf, 0, r);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(sha().digest(bytes));
  }

  private static MessageDigest sha() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private String token() {
    byte[] b = new byte[6];
    random.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  private static long mb(long bytes) {
    return bytes >> 20;
  }
}
