package org.gongkai.workspace;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * What was done in a workspace, kept for its admins: logins and failed logins, accounts added,
 * passwords reset, accounts disabled and enabled (and, as they come, uploads, deletions and sharing
 * changes). Lines are only added, never changed.
 */
public final class AuditLog {

  private final Jdbi jdbi;

  AuditLog(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * Adds a line: {@code actor} (null: none) did {@code action} to {@code target} from {@code
   * address}.
   */
  public void record(String actor, String action, String target, String address) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO audit_log (at, actor, action, target, address)"
                        + " VALUES (:at, :actor, :action, :target, :address)")
                .bind("at", Timestamp.from(Instant.now()))
                .bind("actor", clip(actor, 64))
                .bind("action", action)
                .bind("target", clip(target, 255))
                .bind("address", clip(address, 64))
                .execute());
  }

  /** The newest {@code limit} lines from {@code offset}, newest first. */
  public List<AuditEntry> newest(int limit, int offset) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT id, at, actor, action, target, address FROM audit_log"
                        + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .bind("limit", limit)
                .bind("offset", offset)
                .map(
                    (rs, ctx) ->
                        new AuditEntry(
                            rs.getLong("id"),
                            rs.getTimestamp("at").toInstant(),
                            rs.getString("actor"),
                            rs.getString("action"),
                            rs.getString("target"),
                            rs.getString("address")))
                .list());
  }

  /** How many lines the log holds. */
  public long size() {
    return jdbi.withHandle(
        h -> h.createQuery("SELECT COUNT(*) FROM audit_log").mapTo(Long.class).one());
  }

  private static String clip(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
