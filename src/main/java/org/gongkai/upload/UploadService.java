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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.gongkai.config.ExtractConfig;
import org.gongkai.config.IndexConfig;
import org.gongkai.extract.Archives;
import org.gongkai.extract.ExtractionException;
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

  /** The most one upload takes: files, bytes of one file, bytes in all. Stated on the page. */
  public record Limits(int maxFiles, long maxFileBytes, long maxTotalBytes) {
    /** 500 files, 100 MB a file, 1 GB in all. */
    public static final Limits DEFAULT = new Limits(500, 100L << 20, 1L << 30);
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
  private final Supplier<Map<String, IndexedFile>> indexed;
  private final Limits limits;
  private final Clock clock;
  private final ExecutorService worker;
  private final Map<Long, Progress> running = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();

  /**
   * @param folder where uploaded files are kept (created when missing)
   * @param index the portal's index folder, written by one upload at a time
   * @param indexed the files the portal's index holds, by path: who else has the same content
   */
  public UploadService(
      Workspace workspace,
      Path folder,
      Path index,
      Function<IndexConfig, Indexer> indexers,
      Supplier<Map<String, IndexedFile>> indexed,
      Limits limits,
      Clock clock) {
    this.workspace = workspace;
    this.folder = folder.toAbsolutePath().normalize();
    this.index = index;
    this.indexers = indexers;
    this.indexed = indexed;
    this.limits = limits;
    this.clock = clock;
    this.worker =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "gongkai-upload");
              t.setDaemon(true);
              return t;
            });
  }

  public Limits limits() {
    return limits;
  }

  /** Queues again every upload left unfinished (the portal stopped while it was indexed). */
  public UploadService resume() {
    for (Upload u : workspace.uploads().unfinished()) {
      LOG.info("upload {} was not finished: indexing it again", u.id());
      queue(u.id());
    }
    return this;
  }

  /** How far the upload being indexed has got, if it is being indexed now. */
  public Optional<Progress> progress(long upload) {
    return Optional.ofNullable(running.get(upload));
  }

  /**
   * Keeps {@code files} and records them as an upload of {@code user} into {@code collection}
   * (which they may edit), then queues it. Files over the limits, and archives that cannot be
   * unpacked, are recorded as failed with the reason; the others go on.
   */
  public Upload receive(User user, Collection collection, List<Incoming> files, String address)
      throws IOException {
    if (workspace.collections().editableBy(user).stream().noneMatch(c -> c.id() == collection.id()))
      throw new WorkspaceException("you may not add files to " + collection.name());
    if (files.isEmpty()) throw new WorkspaceException("no file was sent");
    Path dir = folder.resolve(clock.instant().toString().replace(':', '-') + "-" + token());
    Files.createDirectories(dir);
    Map<String, IndexedFile> known = collection.isPublic() ? Map.of() : indexed.get();
    Set<String> hidden = workspace.collections().hiddenFor(Optional.empty());
    Map<String, String> publicShas = new java.util.HashMap<>();
    for (IndexedFile f : known.values())
      if (f.sha256() != null && !hidden.contains(f.sha256())) publicShas.put(f.sha256(), f.path());
    List<File> out = new ArrayList<>();
    long total = 0;
    for (Incoming in : files) {
      String name = displayName(in.name());
      int position = out.size();
      if (position >= limits.maxFiles()) {
        out.add(failed(position, name, "more than " + limits.maxFiles() + " files in one upload"));
        continue;
      }
      if (in.size() > limits.maxFileBytes()) {
        out.add(failed(position, name, "larger than " + mb(limits.maxFileBytes()) + " MB"));
        continue;
      }
      if (total + in.size() > limits.maxTotalBytes()) {
        out.add(failed(position, name, "past " + mb(limits.maxTotalBytes()) + " MB in one upload"));
        continue;
      }
      if (notRead(name)) {
        out.add(skipped(position, name));
        continue;
      }
      total += in.size();
      Path stored = dir.resolve(Integer.toString(position)).resolve(safePath(name));
      Files.createDirectories(stored.getParent());
      String sha;
      long size;
      try (InputStream is = in.content().get()) {
        sha = write(is, stored, limits.maxFileBytes());
        size = Files.size(stored);
      } catch (TooLarge e) {
        Files.deleteIfExists(stored);
        out.add(failed(position, name, "larger than " + mb(limits.maxFileBytes()) + " MB"));
        continue;
      }
      if (Archives.isArchive(name)) {
        unpack(name, stored, dir, out, publicShas);
        Files.deleteIfExists(stored);
        continue;
      }
      out.add(file(position, name, stored, sha, size, publicShas));
    }
    Upload u =
        workspace.uploads().create(user, collection, List.copyOf(out), address, clock.instant());
    queue(u.id());
    return u;
  }

  /** A file kept: waiting for the index, or public already (not put in a private collection). */
  private File file(
      int position, String name, Path stored, String sha, long size, Map<String, String> pub) {
    String rel = folder.relativize(stored).toString();
    if (pub.containsKey(sha))
      return new File(
          position,
          name,
          rel,
          sha,
          size,
          Outcome.PUBLIC,
          "the same content is indexed for everyone already, so it stays public");
    return new File(position, name, rel, sha, size, Outcome.WAITING, null);
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

  /** Unpacks an archive's members (within the archive limits) as files of the upload. */
  private void unpack(String name, Path archive, Path dir, List<File> out, Map<String, String> pub)
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
                Path stored = base.resolve(safePath(displayName(m.path())));
                Files.createDirectories(stored.getParent());
                Files.write(stored, m.bytes());
                out.add(file(position, member, stored, sha256(m.bytes()), m.bytes().length, pub));
              });
    } catch (ExtractionException e) {
      out.add(failed(out.size(), name, "the archive cannot be unpacked: " + e.getMessage()));
    }
  }

  private void queue(long id) {
    worker.submit(
        () -> {
          try {
            index(id);
          } catch (Exception | OutOfMemoryError e) {
            LOG.error("upload {} could not be indexed", id, e);
          }
        });
  }

  /** Indexes one upload's waiting files and writes each file's outcome. */
  void index(long id) throws IOException, InterruptedException {
    Upload u = workspace.uploads().find(id).orElse(null);
    if (u == null || u.finished()) return;
    Map<Path, File> waiting = new LinkedHashMap<>();
    for (File f : u.files())
      if (f.outcome() == Outcome.WAITING)
        waiting.put(folder.resolve(f.stored()).toAbsolutePath().normalize(), f);
    Map<Integer, File> outcomes = new java.util.HashMap<>();
    workspace.uploads().indexing(id);
    running.put(id, new Progress(0, waiting.size()));
    try {
      List<Path> gone = new ArrayList<>();
      for (Map.Entry<Path, File> e : waiting.entrySet())
        if (!Files.isRegularFile(e.getKey())) gone.add(e.getKey());
      for (Path p : gone) {
        File f = waiting.remove(p);
        outcomes.put(f.position(), with(f, Outcome.FAILED, "the kept file is gone"));
      }
      if (!waiting.isEmpty()) {
        int[] read = {0};
        Indexer.Progress progress =
            new Indexer.Progress() {
              @Override
              public void start(int files) {}

              @Override
              public void file(Path file) {
                running.put(id, new Progress(++read[0], waiting.size()));
              }

              @Override
              public void failed(Path file, String reason) {}

              @Override
              public void done() {}
            };
        IngestReport r;
        Map<String, IndexedFile> after;
        try (IndexStore store = openForWriting()) {
          r =
              indexers
                  .apply(IndexConfig.defaults())
                  .run(store, List.copyOf(waiting.keySet()), false, progress);
          after = store.files();
        }
        outcomes.putAll(outcomes(waiting, r, after));
      }
    } finally {
      running.remove(id);
    }
    workspace.uploads().done(id, outcomes, clock.instant());
  }

  /** The index folder for writing; while another run writes it, asked again for ten minutes. */
  private IndexStore openForWriting() throws IOException, InterruptedException {
    long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    while (true) {
      try {
        return IndexStore.openForWriting(index);
      } catch (IndexUnavailableException e) {
        if (!(e.getCause() instanceof org.apache.lucene.store.LockObtainFailedException)
            || System.nanoTime() > until) throw e;
        Thread.sleep(2000);
      }
    }
  }

  /** Each waiting file's outcome, by position, from the run's report and the index after it. */
  private static Map<Integer, File> outcomes(
      Map<Path, File> waiting, IngestReport r, Map<String, IndexedFile> after) {
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
    for (IngestReport.Copy c : r.copies())
      put(
          out,
          byKey,
          c.file(),
          Outcome.DUPLICATE,
          c.sameBytes()
              ? "the same bytes as a file indexed before"
              : "the same report as a file indexed before, in another format");
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
