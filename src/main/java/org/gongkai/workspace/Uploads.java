package org.gongkai.workspace;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Uploads from the browser: who put which files into which collection, and what indexing made of
 * each. An upload and its files, and the files' place in the collection, are written in one
 * transaction before any file is indexed, so a private file is hidden from its first moment in the
 * index; a file indexing could not take leaves the collection again.
 */
public final class Uploads {

  /** What became of one file: {@code waiting} until its upload is indexed. */
  public enum Outcome {
    WAITING,
    INDEXED,
    UNCHANGED,
    DUPLICATE,
    LANDING,
    EMPTY,
    SKIPPED,
    FAILED,
    PUBLIC;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Outcome of(String code) {
      return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }

    /** Whether the file's content is in the index (as this file, or as a copy indexed before). */
    public boolean held() {
      return this == INDEXED || this == UNCHANGED || this == DUPLICATE || this == PUBLIC;
    }
  }

  /** One file of an upload: its name as sent, where it is kept, its content's hash and outcome. */
  public record File(
      int position,
      String name,
      String stored,
      String sha256,
      long bytes,
      Outcome outcome,
      String detail) {}

  /** An upload: {@code state} queued, indexing or done. */
  public record Upload(
      long id,
      long userId,
      String user,
      long collectionId,
      String collection,
      String state,
      Instant createdAt,
      Instant finishedAt,
      List<File> files) {

    public boolean finished() {
      return state.equals("done");
    }

    public long count(Outcome o) {
      return files.stream().filter(f -> f.outcome() == o).count();
    }
  }

  private final Jdbi jdbi;
  private final AuditLog audit;

  Uploads(Jdbi jdbi, AuditLog audit) {
    this.jdbi = jdbi;
    this.audit = audit;
  }

  /**
   * Records an upload of {@code files} (their outcome {@code waiting}, or already {@code failed} or
   * {@code public}) into {@code collection} by {@code user}, and puts each waiting file's content
   * in the collection; the upload is queued. One transaction.
   */
  public Upload create(
      User user, Collection collection, List<File> files, String address, Instant at) {
    long id =
        jdbi.inTransaction(
            h -> {
              long u =
                  h.createUpdate(
                          "INSERT INTO uploads (user_id, collection_id, state, created_at)"
                              + " VALUES (:u, :c, 'queued', :at)")
                      .bind("u", user.id())
                      .bind("c", collection.id())
                      .bind("at", Timestamp.from(at))
                      .executeAndReturnGeneratedKeys("id")
                      .mapTo(Long.class)
                      .one();
              for (File f : files) {
                insertFile(h, u, f);
                if (f.outcome() == Outcome.WAITING) addToCollection(h, collection.id(), f.sha256());
              }
              return u;
            });
    audit.record(
        user.name(),
        "upload",
        collection.name() + " (" + files.size() + " files, upload " + id + ")",
        address);
    return find(id).orElseThrow();
  }

  private static void insertFile(Handle h, long upload, File f) {
    h.createUpdate(
            "INSERT INTO upload_files (upload_id, position, name, stored, sha256, bytes, outcome,"
                + " detail) VALUES (:u, :p, :n, :s, :h, :b, :o, :d)")
        .bind("u", upload)
        .bind("p", f.position())
        .bind("n", f.name())
        .bind("s", f.stored())
        .bind("h", f.sha256())
        .bind("b", f.bytes())
        .bind("o", f.outcome().code())
        .bind("d", f.detail())
        .execute();
  }

  private static void addToCollection(Handle h, long collection, String sha) {
    long held =
        h.createQuery(
                "SELECT COUNT(*) FROM collection_files WHERE collection_id = :c AND sha256 = :s")
            .bind("c", collection)
            .bind("s", sha)
            .mapTo(Long.class)
            .one();
    if (held > 0) return;
    h.createUpdate(
            "INSERT INTO collection_files (collection_id, sha256, added_at) VALUES (:c, :s, :at)")
        .bind("c", collection)
        .bind("s", sha)
        .bind("at", Timestamp.from(Instant.now()))
        .execute();
  }

  private static final String SELECT =
      "SELECT u.id, u.user_id, s.name AS user_name, u.collection_id, c.name AS collection_name,"
          + " u.state, u.created_at, u.finished_at FROM uploads u JOIN users s ON s.id = u.user_id"
          + " JOIN collections c ON c.id = u.collection_id";

  public Optional<Upload> find(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery(SELECT + " WHERE u.id = :id")
                .bind("id", id)
                .map((rs, ctx) -> upload(h, rs))
                .findOne());
  }

  /** {@code user}'s uploads, the newest first (at most {@code limit}). */
  public List<Upload> of(User user, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(SELECT + " WHERE u.user_id = :u ORDER BY u.id DESC")
                .bind("u", user.id())
                .setMaxRows(limit)
                .map((rs, ctx) -> upload(h, rs))
                .list());
  }

  /** Uploads not done (queued, or indexing when the portal stopped), the oldest first. */
  public List<Upload> unfinished() {
    return jdbi.withHandle(
        h ->
            h.createQuery(SELECT + " WHERE u.state <> 'done' ORDER BY u.id")
                .map((rs, ctx) -> upload(h, rs))
                .list());
  }

  private static Upload upload(Handle h, java.sql.ResultSet rs) throws java.sql.SQLException {
    long id = rs.getLong("id");
    Timestamp finished = rs.getTimestamp("finished_at");
    List<File> files =
        h.createQuery(
                "SELECT position, name, stored, sha256, bytes, outcome, detail FROM upload_files"
                    + " WHERE upload_id = :u ORDER BY position")
            .bind("u", id)
            .map(
                (r, c) ->
                    new File(
                        r.getInt("position"),
                        r.getString("name"),
                        r.getString("stored"),
                        r.getString("sha256"),
                        r.getLong("bytes"),
                        Outcome.of(r.getString("outcome")),
                        r.getString("detail")))
            .list();
    return new Upload(
        id,
        rs.getLong("user_id"),
        rs.getString("user_name"),
        rs.getLong("collection_id"),
        rs.getString("collection_name"),
        rs.getString("state"),
        rs.getTimestamp("created_at").toInstant(),
        finished == null ? null : finished.toInstant(),
        files);
  }

  /** The upload is being indexed. */
  public void indexing(long id) {
    jdbi.useHandle(
        h ->
            h.createUpdate("UPDATE uploads SET state = 'indexing' WHERE id = :id")
                .bind("id", id)
                .execute());
  }

  /**
   * The upload is indexed: each file's outcome ({@code outcomes} by position) written, the files
   * the index did not take out of the collection again (unless another file of the collection has
   * the same content and is held), in one transaction.
   */
  public void done(long id, java.util.Map<Integer, File> outcomes, Instant at) {
    jdbi.useTransaction(
        h -> {
          Upload u =
              h.createQuery(SELECT + " WHERE u.id = :id")
                  .bind("id", id)
                  .map((rs, ctx) -> upload(h, rs))
                  .one();
          for (File f : u.files()) {
            File o = outcomes.get(f.position());
            if (o == null || f.outcome() != Outcome.WAITING) continue;
            h.createUpdate(
                    "UPDATE upload_files SET outcome = :o, detail = :d WHERE upload_id = :u AND"
                        + " position = :p")
                .bind("o", o.outcome().code())
                .bind("d", o.detail())
                .bind("u", id)
                .bind("p", f.position())
                .execute();
            if (!o.outcome().held()) {
              long kept =
                  h.createQuery(
                          "SELECT COUNT(*) FROM upload_files f JOIN uploads v ON v.id ="
                              + " f.upload_id WHERE v.collection_id = :c AND f.sha256 = :s AND"
                              + " f.outcome IN ('indexed', 'unchanged', 'duplicate', 'waiting')"
                              + " AND NOT (f.upload_id = :u AND f.position = :p)")
                      .bind("c", u.collectionId())
                      .bind("s", f.sha256())
                      .bind("u", id)
                      .bind("p", f.position())
                      .mapTo(Long.class)
                      .one();
              if (kept == 0)
                h.createUpdate(
                        "DELETE FROM collection_files WHERE collection_id = :c AND sha256 = :s")
                    .bind("c", u.collectionId())
                    .bind("s", f.sha256())
                    .execute();
            }
          }
          h.createUpdate("UPDATE uploads SET state = 'done', finished_at = :at WHERE id = :id")
              .bind("at", Timestamp.from(at))
              .bind("id", id)
              .execute();
        });
  }
}
