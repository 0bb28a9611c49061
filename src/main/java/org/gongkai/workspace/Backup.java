package org.gongkai.workspace;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.ResultSetMetaData;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.store.FSDirectory;

/**
 * One file that holds a whole workspace — its database (every table, row by row, as JSON: the same
 * for H2 and PostgreSQL, and restored into either), the index it serves (the files of one commit)
 * and the uploaded originals — and its restoring into a fresh workspace. No library dumps both
 * databases alike (pg_dump is PostgreSQL's, H2's BACKUP is H2's), and the tables are ours: read in
 * the order their keys need, written back in it, each table's identity set past its largest id.
 */
public final class Backup {

  /**
   * The workspace's tables in the order their foreign keys need (a table after those it points to),
   * and whether each has an identity column {@code id}.
   */
  static final Map<String, Boolean> TABLES = new LinkedHashMap<>();

  static {
    TABLES.put("users", true);
    TABLES.put("audit_log", true);
    TABLES.put("saved_searches", true);
    TABLES.put("stars", false);
    TABLES.put("collections", true);
    TABLES.put("collection_members", false);
    TABLES.put("collection_files", false);
    TABLES.put("user_groups", true);
    TABLES.put("group_members", false);
    TABLES.put("collection_groups", false);
    TABLES.put("uploads", true);
    TABLES.put("upload_files", false);
    TABLES.put("notes", true);
    TABLES.put("doc_tags", false);
  }

  static final String DATABASE = "database.json";

  /** Where the backed-up workspace kept its originals, and when the backup was made. */
  static final String MANIFEST = "backup.json";

  /**
   * In a restored originals folder: the folders its files were in before, one per line (the index
   * still names them there), so that they are found at their new place.
   */
  public static final String MOVED_FROM = ".moved-from";

  static final String INDEX = "index/";

  /**
   * A collection's folders and files given to it, beside its index (as the index folder has it).
   */
  static final String ROOTS = ".roots";

  static final String UPLOADS = "uploads/";

  /** What a backup holds: rows by table, the index's files, the originals. */
  public record Summary(Map<String, Integer> rows, int indexFiles, int originals) {}

  private Backup() {}

  /**
   * Writes {@code workspace} (its database), the index at {@code index} (its latest commit) and the
   * originals under {@code uploads} (may be null or missing) to the zip file {@code to}.
   */
  public static Summary write(Workspace workspace, Path index, Path uploads, Path to)
      throws IOException {
    Path tmp = to.resolveSibling(to.getFileName() + ".part");
    Map<String, Integer> rows;
    int indexFiles;
    int originals = 0;
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(tmp))) {
      zip.putNextEntry(new ZipEntry(MANIFEST));
      JsonGenerator m = new JsonFactory().createGenerator(new NonClosing(zip), JsonEncoding.UTF8);
      m.writeStartObject();
      m.writeNumberField("version", 1);
      m.writeStringField("written", Instant.now().toString());
      if (uploads != null)
        m.writeStringField("uploads", uploads.toAbsolutePath().normalize().toString());
      m.writeEndObject();
      m.close();
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry(DATABASE));
      rows = dump(workspace, zip);
      zip.closeEntry();
      indexFiles = copyIndex(index, INDEX, zip);
      // each private collection's own index, and the folders given to it
      Path folder = index.resolve(org.gongkai.index.CollectionIndexes.FOLDER);
      for (String key : org.gongkai.index.CollectionIndexes.keys(index)) {
        String at = INDEX + org.gongkai.index.CollectionIndexes.FOLDER + "/" + key;
        indexFiles += copyIndex(folder.resolve(key), at + "/", zip);
        Path roots = folder.resolve(key + ROOTS);
        if (Files.isRegularFile(roots)) {
          zip.putNextEntry(new ZipEntry(at + ROOTS));
          Files.copy(roots, zip);
          zip.closeEntry();
        }
      }
      if (uploads != null && Files.isDirectory(uploads)) {
        List<Path> files;
        try (var walk = Files.walk(uploads)) {
          files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
          if (!f.getFileName().toString().equals(MOVED_FROM)) originals++;
          zip.putNextEntry(
              new ZipEntry(UPLOADS + uploads.relativize(f).toString().replace('\\', '/')));
          Files.copy(f, zip);
          zip.closeEntry();
        }
      }
    }
    Files.move(
        tmp,
        to,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return new Summary(rows, indexFiles, originals);
  }

  /**
   * The files of the index's latest commit. An index written while it is copied (an upload, an
   * {@code index} run) may delete a file of that commit: the copy is then made again from the next,
   * a few times.
   */
  private static int copyIndex(Path index, String prefix, ZipOutputStream zip) throws IOException {
    Path parent = index.toAbsolutePath().normalize().getParent();
    for (int attempt = 0; ; attempt++) {
      // each file of the commit held by a hard link before any is written: a file the index
      // deletes meanwhile keeps its bytes under the link (and no index is read into memory)
      Path held = Files.createTempDirectory(parent, ".backup-");
      try (FSDirectory dir = FSDirectory.open(index)) {
        IndexCommit commit = DirectoryReader.listCommits(dir).get(0);
        for (IndexCommit c : DirectoryReader.listCommits(dir))
          if (c.getGeneration() > commit.getGeneration()) commit = c;
        List<String> names = new ArrayList<>(commit.getFileNames());
        java.util.Collections.sort(names);
        for (String name : names) hold(index.resolve(name), held.resolve(name));
        for (String name : names) {
          zip.putNextEntry(new ZipEntry(prefix + name));
          Files.copy(held.resolve(name), zip);
          zip.closeEntry();
        }
        return names.size();
      } catch (NoSuchFileException e) {
        if (attempt >= 5) throw e;
      } finally {
        try (var files = Files.list(held)) {
          for (Path f : files.toList()) Files.deleteIfExists(f);
        }
        Files.deleteIfExists(held);
      }
    }
  }

  /** A hard link to {@code file}; a copy where the file system has none. */
  private static void hold(Path file, Path link) throws IOException {
    try {
      Files.createLink(link, file);
    } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
      if (e instanceof NoSuchFileException gone) throw gone;
      Files.copy(file, link);
    }
  }

  /** Every table's rows as JSON: {@code {"table": [{"column": value, …}, …], …}}. */
  private static Map<String, Integer> dump(Workspace w, OutputStream out) throws IOException {
    Map<String, Integer> counts = new LinkedHashMap<>();
    JsonGenerator g = new JsonFactory().createGenerator(new NonClosing(out), JsonEncoding.UTF8);
    g.writeStartObject();
    for (String table : TABLES.keySet()) {
      g.writeArrayFieldStart(table);
      int n =
          w.jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "SELECT * FROM " + table + (TABLES.get(table) ? " ORDER BY id" : ""))
                          .scanResultSet(
                              (supplier, ctx) -> {
                                var rs = supplier.get();
                                ResultSetMetaData md = rs.getMetaData();
                                int count = 0;
                                try {
                                  while (rs.next()) {
                                    g.writeStartObject();
                                    for (int c = 1; c <= md.getColumnCount(); c++) {
                                      String name = md.getColumnLabel(c).toLowerCase();
                                      Object v = rs.getObject(c);
                                      if (v == null) g.writeNullField(name);
                                      else if (md.getColumnType(c) == Types.BOOLEAN
                                          || v instanceof Boolean)
                                        g.writeBooleanField(name, rs.getBoolean(c));
                                      else if (v instanceof Number num)
                                        g.writeNumberField(name, num.longValue());
                                      else if (isTime(md.getColumnType(c)))
                                        g.writeStringField(
                                            name, rs.getTimestamp(c).toInstant().toString());
                                      else g.writeStringField(name, rs.getString(c));
                                    }
                                    g.writeEndObject();
                                    count++;
                                  }
                                } catch (IOException e) {
                                  throw new java.io.UncheckedIOException(e);
                                }
                                return count;
                              }));
      g.writeEndArray();
      counts.put(table, n);
    }
    g.writeEndObject();
    g.flush();
    return counts;
  }

  private static boolean isTime(int type) {
    return type == Types.TIMESTAMP || type == Types.TIMESTAMP_WITH_TIMEZONE;
  }

  /**
   * Restores the backup {@code from} into {@code workspace} (newly made: no user yet), the index
   * folder {@code index} and the originals folder {@code uploads} (both empty or missing).
   */
  public static Summary restore(Path from, Workspace workspace, Path index, Path uploads)
      throws IOException {
    for (String table : TABLES.keySet()) {
      long rows =
          workspace
              .jdbi()
              .withHandle(
                  h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
      if (rows > 0)
        throw new WorkspaceException(
            "the workspace to restore into is not empty (" + table + "): restore into a new one");
    }
    for (Path p : new Path[] {index, uploads})
      if (p != null && Files.isDirectory(p)) {
        try (var list = Files.list(p)) {
          if (list.findAny().isPresent())
            throw new WorkspaceException(p + " is not empty: restore into an empty folder");
        }
      }
    Map<String, Integer> rows = null;
    int indexFiles = 0;
    int originals = 0;
    String oldUploads = null;
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(from))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        String name = e.getName();
        if (name.equals(MANIFEST)) {
          oldUploads =
              new com.fasterxml.jackson.databind.ObjectMapper()
                  .readTree(new NonClosingIn(zip))
                  .path("uploads")
                  .asText(null);
        } else if (name.equals(DATABASE)) {
          rows = load(workspace, zip);
        } else if (name.startsWith(INDEX) && !e.isDirectory()) {
          if (!name.endsWith(ROOTS)) indexFiles++;
          copy(zip, inside(index, name.substring(INDEX.length())));
        } else if (name.startsWith(UPLOADS) && !e.isDirectory() && uploads != null) {
          if (!name.equals(UPLOADS + MOVED_FROM)) originals++;
          copy(zip, inside(uploads, name.substring(UPLOADS.length())));
        }
      }
    }
    if (rows == null) throw new WorkspaceException(from + " is not a workspace backup");
    // the index names the originals where they were: say where that was, for them to be found
    if (uploads != null && oldUploads != null) {
      Path now = uploads.toAbsolutePath().normalize();
      if (!now.toString().equals(oldUploads)) {
        Files.createDirectories(now);
        Files.writeString(
            now.resolve(MOVED_FROM),
            oldUploads + "\n",
            java.nio.charset.StandardCharsets.UTF_8,
            java.nio.file.StandardOpenOption.CREATE,
            java.nio.file.StandardOpenOption.APPEND);
        // the folders of uploads given to private collections: theirs at the new place too, so an
        // index run over the restored originals reads them into their collections, never public
        for (String key : org.gongkai.index.CollectionIndexes.keys(index)) {
          List<Path> moved = new ArrayList<>();
          for (String root : org.gongkai.index.CollectionIndexes.roots(index, key))
            if (root.equals(oldUploads) || root.startsWith(oldUploads + "/"))
              moved.add(Path.of(now + root.substring(oldUploads.length())));
          if (!moved.isEmpty()) org.gongkai.index.CollectionIndexes.addRoots(index, key, moved);
        }
      }
    }
    return new Summary(rows, indexFiles, originals);
  }

  /** {@code name} below {@code folder}; a name leading out of it is refused. */
  private static Path inside(Path folder, String name) throws IOException {
    Path p = folder.resolve(name).normalize();
    if (!p.startsWith(folder.normalize()))
      throw new WorkspaceException("a backup's entry leads out of its folder: " + name);
    Files.createDirectories(p.getParent());
    return p;
  }

  private static void copy(InputStream in, Path to) throws IOException {
    Files.copy(new NonClosingIn(in), to);
  }

  /** Reads the tables back, in order, in one transaction; identities set past the largest ids. */
  private static Map<String, Integer> load(Workspace w, InputStream in) throws IOException {
    Map<String, List<Map<String, Object>>> data = new LinkedHashMap<>();
    try (JsonParser p = new JsonFactory().createParser(new NonClosingIn(in))) {
      if (p.nextToken() != JsonToken.START_OBJECT)
        throw new WorkspaceException("not a workspace backup");
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String table = p.currentName();
        if (!TABLES.containsKey(table))
          throw new WorkspaceException("a backup's unknown table: " + table);
        List<Map<String, Object>> rows = new ArrayList<>();
        p.nextToken(); // [
        while (p.nextToken() == JsonToken.START_OBJECT) {
          Map<String, Object> row = new LinkedHashMap<>();
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String col = p.currentName();
            JsonToken t = p.nextToken();
            row.put(
                col,
                switch (t) {
                  case VALUE_NULL -> null;
                  case VALUE_TRUE -> Boolean.TRUE;
                  case VALUE_FALSE -> Boolean.FALSE;
                  case VALUE_NUMBER_INT -> p.getLongValue();
                  default -> p.getText();
                });
          }
          rows.add(row);
        }
        data.put(table, rows);
      }
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    boolean postgres = w.address().startsWith("jdbc:postgresql:");
    w.jdbi()
        .useTransaction(
            h -> {
              for (String table : TABLES.keySet()) {
                List<Map<String, Object>> rows = data.getOrDefault(table, List.of());
                counts.put(table, rows.size());
                long max = 0;
                for (Map<String, Object> row : rows) {
                  List<String> cols = new ArrayList<>(row.keySet());
                  var u =
                      h.createUpdate(
                          "INSERT INTO "
                              + table
                              + " ("
                              + String.join(", ", cols)
                              + ") VALUES ("
                              + String.join(", ", cols.stream().map(c -> ":" + c).toList())
                              + ")");
                  for (String c : cols) {
                    Object v = row.get(c);
                    if (v instanceof String s && (c.endsWith("_at") || c.equals("at")))
                      u.bind(c, Timestamp.from(Instant.parse(s)));
                    else u.bind(c, v);
                  }
                  u.execute();
                  if (TABLES.get(table) && row.get("id") instanceof Long id)
                    max = Math.max(max, id);
                }
                if (TABLES.get(table) && max > 0) {
                  if (postgres)
                    h.execute(
                        "SELECT setval(pg_get_serial_sequence('"
                            + table
                            + "', 'id'), "
                            + max
                            + ")");
                  else
                    h.execute(
                        "ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + (max + 1));
                }
              }
            });
    return counts;
  }

  /** A stream whose close leaves the zip entry's stream open. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }

  private static final class NonClosingIn extends java.io.FilterInputStream {
    NonClosingIn(InputStream in) {
      super(in);
    }

    @Override
    public void close() {}
  }
}
