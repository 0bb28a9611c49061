package org.gongkai.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.gongkai.model.Domain;
import org.gongkai.model.IndexedFile;

/**
 * The own indexes of a workspace's private collections, kept in the public index's folder ({@code
 * INDEX/collections/KEY/}, the folder readable by its owner alone), each with the folders and files
 * it was given ({@code KEY.roots}): a file under one of them is the collection's, and stays so when
 * it changes in place. A portal searches them beside the public index for the requests that may
 * read them ({@link Searchers.Overlay}); nobody else's search ever opens them.
 */
public final class CollectionIndexes implements Searchers.Overlay, AutoCloseable {

  /** The folder of the collections' indexes, inside the public index's folder. */
  public static final String FOLDER = "collections";

  private static final String ROOTS = ".roots";

  private final Path index;
  private final Map<String, IndexStore> open = new ConcurrentHashMap<>();

  /** The collections' indexes beside the public index in {@code index}, opened as asked for. */
  public CollectionIndexes(Path index) {
    this.index = index;
  }

  /** The folder of the collection {@code key}'s own index. */
  public static Path dir(Path index, String key) {
    Domain.of(key); // a key, never a path of another shape
    return index.resolve(FOLDER).resolve(key);
  }

  /**
   * Opens the collection {@code key}'s index for writing (creating it, its folder readable by its
   * owner alone, if needed).
   */
  public static IndexStore openForWriting(Path index, String key) throws IOException {
    Path folder = index.resolve(FOLDER);
    ownerOnly(folder);
    boolean made = !IndexStore.exists(dir(index, key));
    IndexStore store = IndexStore.openForWriting(dir(index, key), Domain.of(key));
    // a new collection's index is committed empty at once: whatever happens next (a kill in the
    // middle of its first upload), it is an index, and says whose
    if (made) {
      try {
        store.commit();
      } catch (IOException | RuntimeException e) {
        store.close();
        throw e;
      }
    }
    return store;
  }

  /** Creates {@code folder} if needed, and lets its owner alone list and read it. */
  static void ownerOnly(Path folder) throws IOException {
    Files.createDirectories(folder);
    try {
      Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: its own access rules hold
    }
  }

  /** The collection {@code key}'s index as it was last committed, when it has one. */
  @Override
  public Optional<Searchers> of(String key) throws IOException {
    Optional<IndexStore> s = store(key);
    return s.map(IndexStore::searchers);
  }

  /** The collection's index opened for reading (once, then kept), when it has one. */
  public Optional<IndexStore> store(String key) throws IOException {
    IndexStore s = open.get(key);
    if (s != null) return Optional.of(s);
    Path dir = dir(index, key);
    if (!IndexStore.exists(dir)) return Optional.empty();
    synchronized (open) {
      s = open.get(key);
      if (s == null) {
        s = IndexStore.openForReading(dir);
        open.put(key, s);
      }
    }
    return Optional.of(s);
  }

  /** The storage keys of the collections with an index in this folder. */
  public static Set<String> keys(Path index) throws IOException {
    Set<String> out = new TreeSet<>();
    Path folder = index.resolve(FOLDER);
    if (!Files.isDirectory(folder)) return out;
    try (var list = Files.list(folder)) {
      for (Path p : list.toList()) {
        String name = p.getFileName().toString();
        if (Domain.KEY.matcher(name).matches() && Files.isDirectory(p)) out.add(name);
      }
    }
    return out;
  }

  /** The folders and files given to the collection {@code key}, as absolute paths. */
  public static List<String> roots(Path index, String key) throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : lines(index, key)) if (!line.startsWith(EXCLUDED)) out.add(line);
    return out;
  }

  /**
   * The files taken out of the collection {@code key} by an editor: still its (a file's domain is
   * where it lies), never read into its index again.
   */
  public static Set<String> excluded(Path index, String key) throws IOException {
    Set<String> out = new TreeSet<>();
    for (String line : lines(index, key))
      if (line.startsWith(EXCLUDED)) out.add(line.substring(EXCLUDED.length()));
    return out;
  }

  /** A line of the roots file naming a file taken out, not a root. */
  private static final String EXCLUDED = "-";

  private static List<String> lines(Path index, String key) throws IOException {
    Path f = index.resolve(FOLDER).resolve(Domain.of(key).key() + ROOTS);
    if (!Files.isRegularFile(f)) return List.of();
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(f, StandardCharsets.UTF_8))
      if (!line.isBlank()) out.add(line);
    return out;
  }

  /** Records {@code paths} (files and folders) as the collection {@code key}'s. */
  public static void addRoots(Path index, String key, List<Path> paths) throws IOException {
    List<String> lines = new ArrayList<>();
    for (Path p : paths) lines.add(p.toAbsolutePath().normalize().toString());
    write(index, key, lines, false);
  }

  /**
   * Takes the file at {@code path} (a key: absolute, normalised) out of the collection {@code
   * key}'s index, and keeps it out: its record goes, and its report when no other file of the
   * collection is read as it. The file stays the collection's (never public). True when the index
   * held it.
   */
  public static boolean remove(Path index, String key, String path) throws IOException {
    write(index, key, List.of(path), true);
    Path dir = dir(index, key);
    if (!IndexStore.exists(dir)) return false;
    try (IndexStore s = openForWriting(index, key)) {
      Map<String, IndexedFile> files = s.files();
      IndexedFile gone = files.get(path);
      if (gone == null) return false;
      s.deleteFile(path);
      boolean referenced =
          files.values().stream()
              .anyMatch(f -> !f.path().equals(path) && f.docId().equals(gone.docId()));
      if (!referenced) s.deleteDocument(gone.docId());
      s.commit();
      return true;
    }
  }

  private static void write(Path index, String key, List<String> paths, boolean excluded)
      throws IOException {
    ownerOnly(index.resolve(FOLDER));
    Set<String> all = new TreeSet<>(lines(index, key));
    for (String p : paths) {
      all.add(excluded ? EXCLUDED + p : p);
      if (!excluded) all.remove(EXCLUDED + p); // given again: read again
    }
    Path f = index.resolve(FOLDER).resolve(Domain.of(key).key() + ROOTS);
    Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
    Files.write(tmp, all, StandardCharsets.UTF_8);
    Files.move(
        tmp,
        f,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * Which collection each file belongs to, by where it lies: a file a collection's index holds, or
   * one under a folder it was given (the deepest such folder deciding); every other file is public.
   */
  public record Routing(Map<String, String> files, Map<String, String> roots) {

    /** The storage key of the collection {@code path} (a file's key) belongs to, if any. */
    public Optional<String> of(String path) {
      String held = files.get(path);
      if (held != null) return Optional.of(held);
      String best = null, bestKey = null;
      for (Map.Entry<String, String> r : roots.entrySet()) {
        String root = r.getKey();
        boolean under =
            path.equals(root)
                || path.startsWith(root.endsWith("/") ? root : root + "/")
                || path.startsWith(root + org.gongkai.model.ArchivePaths.SEPARATOR);
        if (under && (best == null || root.length() > best.length())) {
          best = root;
          bestKey = r.getValue();
        }
      }
      return Optional.ofNullable(bestKey);
    }

    public boolean isEmpty() {
      return files.isEmpty() && roots.isEmpty();
    }

    public static final Routing NONE = new Routing(Map.of(), Map.of());
  }

  /** Where the files of the collections in {@code index} lie (read from their indexes). */
  public static Routing routing(Path index) throws IOException {
    Map<String, String> files = new HashMap<>();
    Map<String, String> roots = new HashMap<>();
    for (String key : keys(index)) {
      for (String root : roots(index, key)) roots.put(root, key);
      Path dir = dir(index, key);
      if (!IndexStore.exists(dir)) continue;
      try (IndexStore s = IndexStore.openForReading(dir)) {
        for (IndexedFile f : s.files().values()) {
          files.put(f.path(), key);
          // an archive's members are its archive's
          int at = org.gongkai.model.ArchivePaths.memberAt(f.path());
          if (at > 0) files.put(f.path().substring(0, at), key);
        }
      }
    }
    // a root recorded for a collection whose index is not there yet still routes its files
    Path folder = index.resolve(FOLDER);
    if (Files.isDirectory(folder)) {
      try (var list = Files.list(folder)) {
        for (Path p : list.toList()) {
          String name = p.getFileName().toString();
          if (!name.endsWith(ROOTS)) continue;
          String key = name.substring(0, name.length() - ROOTS.length());
          if (!Domain.KEY.matcher(key).matches() || keys(index).contains(key)) continue;
          for (String root : roots(index, key)) roots.put(root, key);
        }
      }
    }
    return new Routing(files, roots);
  }

  /** Makes what was committed to the open collections' indexes visible to new searches. */
  public void refresh() throws IOException {
    for (IndexStore s : open.values()) s.refresh();
  }

  @Override
  public void close() throws IOException {
    IOException failed = null;
    for (IndexStore s : open.values()) {
      try {
        s.close();
      } catch (IOException e) {
        failed = e;
      }
    }
    open.clear();
    if (failed != null) throw failed;
  }
}
