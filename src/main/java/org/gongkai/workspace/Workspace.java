package org.gongkai.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;

/**
 * A team's workspace: its database (users and the audit log, then collections, notes, tags and
 * saved searches) brought to the newest schema by Flyway's versioned migrations ({@code
 * db/workspace/V*.sql}) and reached through Jdbi. An embedded H2 file in the workspace's folder by
 * default — one file, no server to start, several processes at once ({@code AUTO_SERVER}: the
 * portal serving while an admin adds a user) — or PostgreSQL for a shared deployment ({@code
 * jdbc:postgresql://…}). Lucene stays the search index.
 */
public final class Workspace implements AutoCloseable {

  /** The H2 file of a workspace folder ({@code DIR/workspace.mv.db}). */
  static final String H2_FILE = "workspace";

  private final String url;
  private final Jdbi jdbi;
  private final AutoCloseable pool;
  private final Users users;
  private final AuditLog audit;
  private final SavedSearches savedSearches;
  private final Stars stars;
  private final Collections collections;
  private final Uploads uploadRecords;
  private final Notes notes;
  private volatile Path uploads;

  private Workspace(String url, com.zaxxer.hikari.HikariDataSource pool) {
    this.url = url;
    this.pool = pool;
    this.jdbi = Jdbi.create(pool);
    this.audit = new AuditLog(jdbi);
    this.users = new Users(jdbi, audit);
    this.savedSearches = new SavedSearches(jdbi, audit);
    this.stars = new Stars(jdbi);
    this.collections = new Collections(jdbi, audit);
    this.uploadRecords = new Uploads(jdbi, audit);
    this.notes = new Notes(jdbi, audit);
  }

  public Notes notes() {
    return notes;
  }

  public Uploads uploads() {
    return uploadRecords;
  }

  public Collections collections() {
    return collections;
  }

  public Stars stars() {
    return stars;
  }

  public SavedSearches savedSearches() {
    return savedSearches;
  }

  /** The workspace kept in {@code dir} (created, with its database, when missing). */
  public static Workspace open(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new WorkspaceException("cannot create the workspace folder " + dir + ": " + e, e);
    }
    String file = dir.toAbsolutePath().normalize().resolve(H2_FILE).toString();
    // WRITE_DELAY=0: a commit is in the file when it returns, so a portal killed right after
    // (kill -9) loses no upload's outcome, account or share it said was done
    Workspace w = connect("jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE;WRITE_DELAY=0", null, null);
    w.uploads = dir.toAbsolutePath().normalize().resolve("uploads");
    return w;
  }

  /**
   * Where files uploaded from the browser are kept: {@code uploads/} in a workspace folder; for a
   * database workspace, where {@link #keepUploadsIn} said (none: no upload).
   */
  public Optional<Path> uploadsFolder() {
    return Optional.ofNullable(uploads);
  }

  /** Keeps uploaded files in {@code folder} (a database workspace has no folder of its own). */
  public void keepUploadsIn(Path folder) {
    this.uploads = folder.toAbsolutePath().normalize();
  }

  /**
   * The workspace in the database at {@code jdbcUrl} ({@code jdbc:postgresql://host/db}, user and
   * password in the URL or given here; {@code jdbc:h2:…} too).
   */
  public static Workspace connect(String jdbcUrl, String user, String password) {
    return connect(jdbcUrl, user, password, null);
  }

  /**
   * {@link #connect(String, String, String)}, with a password kept out of the URL ({@code
   * PGPASSWORD}) given apart; null: none.
   */
  public static Workspace connect(
      String jdbcUrl, String user, String password, String urlPassword) {
    if (urlPassword != null && jdbcUrl != null && !jdbcUrl.contains("password=")) {
      jdbcUrl += (jdbcUrl.contains("?") ? "&" : "?") + "password=" + urlEncoded(urlPassword);
    }
    return migrated(jdbcUrl, user, password);
  }

  private static String urlEncoded(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static Workspace migrated(String jdbcUrl, String user, String password) {
    if (jdbcUrl == null
        || !(jdbcUrl.startsWith("jdbc:postgresql:") || jdbcUrl.startsWith("jdbc:h2:")))
      throw new WorkspaceException(
          "a workspace database is PostgreSQL (jdbc:postgresql://HOST/DB) or H2 (jdbc:h2:…), not "
              + jdbcUrl);
    try {
      Flyway.configure()
          .dataSource(jdbcUrl, user, password)
          .locations("classpath:db/workspace")
          .failOnMissingLocations(true)
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new WorkspaceException(
          "cannot open the workspace database " + shown(jdbcUrl) + ": " + rootMessage(e), e);
    }
    // a small pool: a page's few queries share connections instead of opening one each
    com.zaxxer.hikari.HikariConfig pool = new com.zaxxer.hikari.HikariConfig();
    pool.setJdbcUrl(jdbcUrl);
    if (user != null) pool.setUsername(user);
    if (password != null) pool.setPassword(password);
    pool.setMaximumPoolSize(8);
    pool.setMinimumIdle(0);
    pool.setPoolName("gongkai-workspace");
    return new Workspace(jdbcUrl, new com.zaxxer.hikari.HikariDataSource(pool));
  }

  /** Closes the database's connections. */
  @Override
  public void close() {
    try {
      pool.close();
    } catch (Exception e) {
      throw new WorkspaceException("cannot close the workspace database: " + e, e);
    }
  }

  public Users users() {
    return users;
  }

  public AuditLog audit() {
    return audit;
  }

  /** The database's address as it may be shown (never a password written in it). */
  public String address() {
    return shown(url);
  }

  Jdbi jdbi() {
    return jdbi;
  }

  static String shown(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) t = t.getCause();
    String m = t.getMessage();
    return m == null ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
  }
}
