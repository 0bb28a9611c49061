package org.gongkai.workspace;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * Notes on passages and tags on documents. A note quotes the passage it is about, in its section,
 * and is its author's alone or shared with whoever may read the document; a tag is the team's. What
 * a user may read of the documents is the index's to say (the request's mask): these lists are
 * filtered by the caller with the documents it may read.
 */
public final class Notes {

  /** The most notes one user writes, and tags on one document. */
  public static final int MAX_NOTES_PER_USER = 20_000;

  public static final int MAX_TAGS_PER_DOCUMENT = 50;

  /** One note: its author, its document and section, the passage quoted, its words. */
  public record Note(
      long id,
      String author,
      long authorId,
      String docId,
      String sectionId,
      String quote,
      String body,
      boolean shared,
      Instant createdAt) {}

  private final Jdbi jdbi;
  private final AuditLog audit;

  Notes(Jdbi jdbi, AuditLog audit) {
    this.jdbi = jdbi;
    this.audit = audit;
  }

  /** Writes a note of {@code user} on {@code quote} in the section; its id. */
  public long add(
      User user,
      String docId,
      String sectionId,
      String quote,
      String body,
      boolean shared,
      Instant at) {
    String q = quote == null ? "" : quote.strip();
    String b = body == null ? "" : body.strip();
    if (q.isEmpty() || q.length() > 2000)
      throw new WorkspaceException("a note quotes a passage of 1 to 2000 characters");
    if (b.isEmpty() || b.length() > 4000)
      throw new WorkspaceException("a note says something, in at most 4000 characters");
    return jdbi.inTransaction(
        h -> {
          long n =
              h.createQuery("SELECT COUNT(*) FROM notes WHERE user_id = :u")
                  .bind("u", user.id())
                  .mapTo(Long.class)
                  .one();
          if (n >= MAX_NOTES_PER_USER)
            throw new WorkspaceException("at most " + MAX_NOTES_PER_USER + " notes per user");
          return h.createUpdate(
                  "INSERT INTO notes (user_id, doc_id, section_id, quote, body, shared,"
                      + " created_at) VALUES (:u, :d, :s, :q, :b, :sh, :at)")
              .bind("u", user.id())
              .bind("d", docId)
              .bind("s", sectionId)
              .bind("q", q)
              .bind("b", b)
              .bind("sh", shared)
              .bind("at", Timestamp.from(at))
              .executeAndReturnGeneratedKeys("id")
              .mapTo(Long.class)
              .one();
        });
  }

  /** Deletes {@code user}'s own note (an admin: anyone's); false when there is none such. */
  public boolean delete(User user, long id, String address) {
    int n =
        jdbi.withHandle(
            h ->
                h.createUpdate(
                        "DELETE FROM notes WHERE id = :id AND (user_id = :u OR :admin = TRUE)")
                    .bind("id", id)
                    .bind("u", user.id())
                    .bind("admin", user.role() == Role.ADMIN)
                    .execute());
    if (n > 0) audit.record(user.name(), "note_deleted", "note " + id, address);
    return n > 0;
  }

  private static final String SELECT =
      "SELECT n.id, u.name, n.user_id, n.doc_id, n.section_id, n.quote, n.body, n.shared,"
          + " n.created_at FROM notes n JOIN users u ON u.id = n.user_id";

  private static Note note(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Note(
        rs.getLong(1),
        rs.getString(2),
        rs.getLong(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getBoolean(8),
        rs.getTimestamp(9).toInstant());
  }

  /**
   * The notes {@code user} may read — their own and the shared ones — whose words or quoted passage
   * hold {@code words} (any case; empty: all), of {@code docId} (null: any), on documents {@code
   * readable} lets through, newest first, at most {@code limit}: the documents are weighed before
   * the limit is counted, so notes on reports the user may not read neither crowd out their own nor
   * say, by a short list, that they exist.
   */
  public List<Note> readable(
      User user,
      String words,
      String docId,
      int limit,
      java.util.function.Predicate<String> readable) {
    String w = words == null ? "" : words.strip().toLowerCase(Locale.ROOT);
    // '!' escapes LIKE's wildcards (a backslash would confuse the statement's parser)
    String like = "%" + w.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    List<Note> out = new java.util.ArrayList<>();
    long before = Long.MAX_VALUE;
    while (out.size() < limit) {
      long below = before;
      List<Note> batch =
          jdbi.withHandle(
              h ->
                  h.createQuery(
                          SELECT
                              + " WHERE (n.user_id = :u OR n.shared = TRUE) AND n.id < :before"
                              + (docId == null ? "" : " AND n.doc_id = :d")
                              + (w.isEmpty()
                                  ? ""
                                  : " AND (LOWER(n.body) LIKE :w ESCAPE '!' OR LOWER(n.quote)"
                                      + " LIKE :w ESCAPE '!')")
                              + " ORDER BY n.id DESC")
                      .bind("u", user.id())
                      .bind("d", docId)
                      .bind("w", like)
                      .bind("before", below)
                      .setMaxRows(BATCH)
                      .map((rs, ctx) -> note(rs))
                      .list());
      for (Note n : batch) {
        if (readable.test(n.docId())) out.add(n);
        if (out.size() == limit) break;
      }
      if (batch.size() < BATCH) break;
      before = batch.get(batch.size() - 1).id();
    }
    return out;
  }

  /** Notes read from the database at a time while the readable ones are gathered. */
  static final int BATCH = 500;

  /** The documents with a note {@code user} may read. */
  public Set<String> notedDocuments(User user) {
    return new java.util.HashSet<>(
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT DISTINCT doc_id FROM notes WHERE user_id = :u OR shared = TRUE")
                    .bind("u", user.id())
                    .mapTo(String.class)
                    .list()));
  }

  // ---- tags

  /** A tag's words: 1 to 100 characters, no line break; the same tag in any case is one. */
  static String tag(String tag) {
    String t = tag == null ? "" : tag.strip().replaceAll("\\s+", " ");
    if (t.isEmpty() || t.length() > 100)
      throw new WorkspaceException("a tag is 1 to 100 characters");
    return t;
  }

  /** Tags {@code docIds} with {@code tag}; how many were newly tagged. */
  public int tag(User user, Set<String> docIds, String tag, String address) {
    String t = tag(tag);
    int added =
        jdbi.inTransaction(
            h -> {
              int n = 0;
              for (String d : docIds) {
                long has =
                    h.createQuery("SELECT COUNT(*) FROM doc_tags WHERE doc_id = :d AND tag = :t")
                        .bind("d", d)
                        .bind("t", t)
                        .mapTo(Long.class)
                        .one();
                if (has > 0) continue;
                long count =
                    h.createQuery("SELECT COUNT(*) FROM doc_tags WHERE doc_id = :d")
                        .bind("d", d)
                        .mapTo(Long.class)
                        .one();
                if (count >= MAX_TAGS_PER_DOCUMENT)
                  throw new WorkspaceException(
                      "at most " + MAX_TAGS_PER_DOCUMENT + " tags on a document");
                h.createUpdate(
                        "INSERT INTO doc_tags (doc_id, tag, user_id, created_at) VALUES (:d, :t,"
                            + " :u, :at)")
                    .bind("d", d)
                    .bind("t", t)
                    .bind("u", user.id())
                    .bind("at", Timestamp.from(Instant.now()))
                    .execute();
                n++;
              }
              return n;
            });
    audit.record(user.name(), "tagged", t + " (" + added + " documents)", address);
    return added;
  }

  /** Takes {@code tag} off the document. */
  public void untag(User user, String docId, String tag, String address) {
    String t = tag(tag);
    jdbi.useHandle(
        h ->
            h.createUpdate("DELETE FROM doc_tags WHERE doc_id = :d AND tag = :t")
                .bind("d", docId)
                .bind("t", t)
                .execute());
    audit.record(user.name(), "untagged", t + " ← " + docId, address);
  }

  /** A document's tags, by name. */
  public List<String> tags(String docId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT tag FROM doc_tags WHERE doc_id = :d ORDER BY tag")
                .bind("d", docId)
                .mapTo(String.class)
                .list());
  }

  /** Every tag with the documents it is on. */
  public java.util.Map<String, Set<String>> tagged() {
    java.util.Map<String, Set<String>> out = new java.util.TreeMap<>();
    jdbi.useHandle(
        h ->
            h.createQuery("SELECT tag, doc_id FROM doc_tags")
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
                .forEach(r -> out.computeIfAbsent(r[0], k -> new java.util.TreeSet<>()).add(r[1])));
    return out;
  }

  /** The note of that id, whoever wrote it (the caller checks who may read it). */
  public Optional<Note> find(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery(SELECT + " WHERE n.id = :id")
                .bind("id", id)
                .map((rs, ctx) -> note(rs))
                .findOne());
  }
}
