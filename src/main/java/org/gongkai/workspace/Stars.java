package org.gongkai.workspace;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** The documents each user starred: their own short list, seen by nobody else. */
public final class Stars {

  /** The most documents one user stars. */
  public static final int MAX_PER_USER = 5000;

  private final Jdbi jdbi;

  Stars(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Stars {@code docId} for {@code user}, or takes the star away; true when it is now starred. */
  public boolean toggle(User user, String docId) {
    return jdbi.inTransaction(
        h -> {
          int removed =
              h.createUpdate("DELETE FROM stars WHERE user_id = :u AND doc_id = :d")
                  .bind("u", user.id())
                  .bind("d", docId)
                  .execute();
          if (removed > 0) return false;
          long n =
              h.createQuery("SELECT COUNT(*) FROM stars WHERE user_id = :u")
                  .bind("u", user.id())
                  .mapTo(Long.class)
                  .one();
          if (n >= MAX_PER_USER)
            throw new WorkspaceException("at most " + MAX_PER_USER + " starred documents per user");
          h.createUpdate("INSERT INTO stars (user_id, doc_id, created_at) VALUES (:u, :d, :at)")
              .bind("u", user.id())
              .bind("d", docId)
              .bind("at", Timestamp.from(Instant.now()))
              .execute();
          return true;
        });
  }

  public boolean starred(User user, String docId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT COUNT(*) FROM stars WHERE user_id = :u AND doc_id = :d")
                    .bind("u", user.id())
                    .bind("d", docId)
                    .mapTo(Long.class)
                    .one()
                > 0);
  }

  /** {@code user}'s starred document ids, the latest starred first. */
  public List<String> list(User user) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT doc_id FROM stars WHERE user_id = :u ORDER BY created_at DESC, doc_id")
                .bind("u", user.id())
                .mapTo(String.class)
                .list());
  }
}
