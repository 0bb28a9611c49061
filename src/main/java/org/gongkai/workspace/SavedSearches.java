package org.gongkai.workspace;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Each user's saved searches. A user reaches only their own (another's is as if it did not exist);
 * a feed is reached by its secret token alone, and a new token revokes the old.
 */
public final class SavedSearches {

  /** The most searches one user keeps. */
  public static final int MAX_PER_USER = 200;

  public static final int MAX_NAME = 200;
  public static final int MAX_QUERY = 4000;

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String COLUMNS = "id, user_id, name, query, feed_token, created_at, seen_at";

  private final Jdbi jdbi;
  private final AuditLog audit;

  SavedSearches(Jdbi jdbi, AuditLog audit) {
    this.jdbi = jdbi;
    this.audit = audit;
  }

  /** Keeps {@code query} (a {@code /search} query string) as {@code name} for {@code user}. */
  public SavedSearch save(User user, String name, String query) {
    String n = name == null ? "" : name.strip();
    if (n.isEmpty()) throw new WorkspaceException("a saved search needs a name");
    if (n.length() > MAX_NAME)
      throw new WorkspaceException("a saved search's name has at most " + MAX_NAME + " characters");
    if (query == null || query.length() > MAX_QUERY)
      throw new WorkspaceException("a saved search has at most " + MAX_QUERY + " characters");
    if (list(user).size() >= MAX_PER_USER)
      throw new WorkspaceException("at most " + MAX_PER_USER + " saved searches per user");
    Instant now = Instant.now();
    long id =
        jdbi.withHandle(
            h ->
                h.createUpdate(
                        "INSERT INTO saved_searches (user_id, name, query, feed_token, created_at,"
                            + " seen_at) VALUES (:user, :name, :query, :token, :now, :now)")
                    .bind("user", user.id())
                    .bind("name", n)
                    .bind("query", query)
                    .bind("token", token())
                    .bind("now", Timestamp.from(now))
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one());
    return find(user, id).orElseThrow();
  }

  /** {@code user}'s saved searches, newest first. */
  public List<SavedSearch> list(User user) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM saved_searches WHERE user_id = :user ORDER BY id DESC")
                .bind("user", user.id())
                .map((rs, ctx) -> saved(rs))
                .list());
  }

  /** {@code user}'s saved search {@code id}; empty when it is not theirs. */
  public Optional<SavedSearch> find(User user, long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT " + COLUMNS + " FROM saved_searches WHERE id = :id AND user_id = :user")
                .bind("id", id)
                .bind("user", user.id())
                .map((rs, ctx) -> saved(rs))
                .findOne());
  }

  /** The saved search whose feed has {@code token}; empty for a revoked or unknown one. */
  public Optional<SavedSearch> byFeedToken(String token) {
    if (token == null || !token.matches("[A-Za-z0-9_-]{20,64}")) return Optional.empty();
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM saved_searches WHERE feed_token = :t")
                .bind("t", token)
                .map((rs, ctx) -> saved(rs))
                .findOne());
  }

  /** Notes that {@code user} looked at the results now. */
  public void seen(User user, long id, Instant at) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "UPDATE saved_searches SET seen_at = :at WHERE id = :id AND user_id = :user")
                .bind("at", Timestamp.from(at))
                .bind("id", id)
                .bind("user", user.id())
                .execute());
  }

  /** Gives the feed a new secret address: the old one answers no more. */
  public SavedSearch newFeedToken(User user, long id) {
    int n =
        jdbi.withHandle(
            h ->
                h.createUpdate(
                        "UPDATE saved_searches SET feed_token = :t WHERE id = :id AND user_id = :user")
                    .bind("t", token())
                    .bind("id", id)
                    .bind("user", user.id())
                    .execute());
    if (n == 0) throw new WorkspaceException("no such saved search");
    return find(user, id).orElseThrow();
  }

  /** Deletes one of {@code user}'s saved searches (in the audit log). */
  public void delete(User user, long id, String address) {
    Optional<SavedSearch> s = find(user, id);
    if (s.isEmpty()) throw new WorkspaceException("no such saved search");
    jdbi.useHandle(
        h ->
            h.createUpdate("DELETE FROM saved_searches WHERE id = :id AND user_id = :user")
                .bind("id", id)
                .bind("user", user.id())
                .execute());
    audit.record(user.name(), "saved_search_deleted", s.get().name(), address);
  }

  private static String token() {
    byte[] b = new byte[24];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private static SavedSearch saved(ResultSet rs) throws SQLException {
    return new SavedSearch(
        rs.getLong("id"),
        rs.getLong("user_id"),
        rs.getString("name"),
        rs.getString("query"),
        rs.getString("feed_token"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("seen_at").toInstant());
  }
}
