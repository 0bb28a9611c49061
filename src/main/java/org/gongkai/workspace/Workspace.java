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

  /**
   * The H2 database's own password, made at random when the workspace is made and kept in the
   * folder, readable by its owner alone ({@code DIR/workspace.secret}).
   */
  static final String SECRET_FILE = "workspace.secret";

  /**
   * How the H2 file is opened: through H2's file system that reopens a file a thread's interrupt
   * closed and tries again ({@code retry:}). Java closes a file channel on an interrupt: the
   * upload's worker, stopped with the portal, once closed the database for every request.
   */
  static final String URL_PREFIX = "jdbc:h2:retry:";

  /** The H2 database's user (the only one it has). */
  static final String H2_USER = "GONGKAI";

  static {
    // H2 serves an embedded database to the other processes that open it (AUTO_SERVER) over TCP,
    // on every interface unless told otherwise: this machine's loopback only, read once when H2
    // loads, so before any H2 class does
    if (System.getProperty("h2.bindAddress") == null)
      System.setProperty("h2.bindAddress", "127.0.0.1");
  }

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
    collections.keyEveryCollection();
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

  /**
   * The workspace kept in {@code dir} (created, with its database, when missing). The folder is its
   * owner's alone (mode 0700), the database has a password of its own (kept in the folder, 0600),
   * and the server H2 runs so that several processes may open it listens on loopback only: no other
   * user of the machine, and no other machine, reads the accounts.
   */
  public static Workspace open(Path dir) {
    Path home = dir.toAbsolutePath().normalize();
    String secret;
    try {
      Files.createDirectories(home);
      ownerOnly(home, "rwx------");
      secret = secret(home);
    } catch (IOException e) {
      throw new WorkspaceException("cannot prepare the workspace folder " + dir + ": " + e, e);
    }
    // WRITE_DELAY=0: a commit is in the file when it returns, so a portal killed right after
    // (kill -9) loses no upload's outcome, account or share it said was done
    Workspace w =
        connect(
            URL_PREFIX + home.resolve(H2_FILE) + ";AUTO_SERVER=TRUE;WRITE_DELAY=0",
            H2_USER,
            secret);
    // the database's own files (the lock file names the server's port and key): the owner's
    try (var files = Files.list(home)) {
      for (Path f : files.toList())
        if (f.getFileName().toString().startsWith(H2_FILE + ".") && Files.isRegularFile(f))
          ownerOnly(f, "rw-------");
    } catch (IOException e) {
      w.close();
      throw new WorkspaceException("cannot protect the workspace's files in " + dir + ": " + e, e);
    }
    w.uploads = home.resolve("uploads");
    return w;
  }

  private static void ownerOnly(Path p, String mode) throws IOException {
    try {
      Files.setPosixFilePermissions(
          p, java.nio.file.attribute.PosixFilePermissions.fromString(mode));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: its own access rules hold
    }
  }

  /**
   * The database's password: read from the folder, or made now — for a new database, or for one
   * made before databases had one (opened without a user or password), which is given its user and
   * password and loses the empty one.
   */
  private static String secret(Path home) throws IOException {
    Path file = home.resolve(SECRET_FILE);
    if (Files.isRegularFile(file)) return Files.readString(file).strip();
    byte[] b = new byte[24];
    new java.security.SecureRandom().nextBytes(b);
    String secret = java.util.HexFormat.of().formatHex(b);
    String url = URL_PREFIX + home.resolve(H2_FILE) + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
    if (Files.exists(home.resolve(H2_FILE + ".mv.db"))) {
      try (var c = java.sql.DriverManager.getConnection(url, "", "");
          var st = c.createStatement()) {
        st.execute("CREATE USER IF NOT EXISTS " + H2_USER + " PASSWORD '" + secret + "' ADMIN");
      } catch (java.sql.SQLException e) {
        throw new WorkspaceException(
            "cannot give the workspace's database in " + home + " a password: " + e.getMessage(),
            e);
      }
      try (var c = java.sql.DriverManager.getConnection(url, H2_USER, secret);
          var st = c.createStatement()) {
        st.execute("DROP USER IF EXISTS \"\"");
      } catch (java.sql.SQLException e) {
        throw new WorkspaceException(
            "cannot take the empty user from the workspace's database in " + home + ": " + e, e);
      }
    }
    Path tmp = home.resolve(SECRET_FILE + ".tmp");
    Files.deleteIfExists(tmp);
    Files.createFile(
        tmp,
        java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
            java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
    Files.writeString(tmp, secret + "\n");
    Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return secret;
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
    // a connection to a database that closed itself (H2 on a full disk: "The database has been
    // closed", a failed write) is never handed out again: the next one opens it anew, so the
    // workspace comes back once there is room, with no restart
    pool.setExceptionOverride(
        new com.zaxxer.hikari.SQLExceptionOverride() {
          @java.lang.Override
          public com.zaxxer.hikari.SQLExceptionOverride.Override adjudicate(
              java.sql.SQLException e) {
            return evictClosed(e);
          }
        });
    pool.setMinimumIdle(0);
    pool.setPoolName("gongkai-workspace");
    return new Workspace(jdbcUrl, new com.zaxxer.hikari.HikariDataSource(pool));
  }

  /** Whether a connection that raised {@code e} is done for (its database closed under it). */
  static com.zaxxer.hikari.SQLExceptionOverride.Override evictClosed(java.sql.SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause())
      if (t instanceof java.sql.SQLException sql
          && (sql.getErrorCode() == H2_DATABASE_CLOSED
              || sql.getErrorCode() == H2_GENERAL_ERROR
                  && String.valueOf(sql.getMessage()).contains("MVStoreException")))
        return com.zaxxer.hikari.SQLExceptionOverride.Override.MUST_EVICT;
    return com.zaxxer.hikari.SQLExceptionOverride.Override.CONTINUE_EVICT;
  }

  /** H2's codes: the database has been closed; a general error (a failed write is one). */
  private static final int H2_DATABASE_CLOSED = 90098, H2_GENERAL_ERROR = 50000;

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
