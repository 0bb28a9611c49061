package org.gongkai.workspace;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The accounts of a workspace. Only an admin (or the command line on the workspace's machine)
 * creates them: there is no registration. Each change is written to the {@link AuditLog}.
 */
public final class Users {

  /** A user's name: letters (any script), digits, {@code . _ -}; at most 64. */
  private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}._-]{1,64}");

  private final Jdbi jdbi;
  private final AuditLog audit;

  Users(Jdbi jdbi, AuditLog audit) {
    this.jdbi = jdbi;
    this.audit = audit;
  }

  /** Why {@code name} cannot be a user's name, or null. */
  public static String nameRefusal(String name) {
    if (name == null || !NAME.matcher(name).matches())
      return "a user's name is 1 to 64 letters, digits, '.', '_' or '-'";
    return null;
  }

  /**
   * Adds an account; {@code actor} is the admin who added it (null: the command line). Refused when
   * the name is taken or the name or password is not one.
   */
  public User add(String name, Role role, char[] password, String actor, String address) {
    String refused = nameRefusal(name);
    if (refused == null) refused = Passwords.refusal(password);
    if (refused != null) throw new WorkspaceException(refused);
    String hash = Passwords.hash(password);
    Instant now = Instant.now();
    try {
      jdbi.useHandle(
          h ->
              h.createUpdate(
                      "INSERT INTO users (name, role, password_hash, disabled, created_at,"
                          + " password_set_at) VALUES (:name, :role, :hash, FALSE, :now, :now)")
                  .bind("name", name)
                  .bind("role", role.code())
                  .bind("hash", hash)
                  .bind("now", Timestamp.from(now))
                  .execute());
    } catch (UnableToExecuteStatementException e) {
      if (find(name).isPresent())
        throw new WorkspaceException("a user named " + name + " exists already", e);
      throw e;
    }
    audit.record(actor, "user_added", name + " (" + role.code() + ")", address);
    return find(name).orElseThrow();
  }

  /** Sets a new password (an admin's reset, or the user's own change). */
  public void setPassword(String name, char[] password, String actor, String address) {
    String refused = Passwords.refusal(password);
    if (refused != null) throw new WorkspaceException(refused);
    String hash = Passwords.hash(password);
    int n =
        jdbi.withHandle(
            h ->
                h.createUpdate(
                        "UPDATE users SET password_hash = :hash, password_set_at = :now"
                            + " WHERE name = :name")
                    .bind("hash", hash)
                    .bind("now", Timestamp.from(Instant.now()))
                    .bind("name", name)
                    .execute());
    if (n == 0) throw new WorkspaceException("no user named " + name);
    audit.record(actor, "password_set", name, address);
  }

  /** Disables an account (it can no longer sign in; its notes and shares stay) or enables it. */
  public void setDisabled(String name, boolean disabled, String actor, String address) {
    int n =
        jdbi.withHandle(
            h ->
                h.createUpdate("UPDATE users SET disabled = :disabled WHERE name = :name")
                    .bind("disabled", disabled)
                    .bind("name", name)
                    .execute());
    if (n == 0) throw new WorkspaceException("no user named " + name);
    audit.record(actor, disabled ? "user_disabled" : "user_enabled", name, address);
  }

  public Optional<User> find(String name) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT id, name, role, disabled, created_at, password_set_at FROM users WHERE"
                        + " name = :name")
                .bind("name", name)
                .map((rs, ctx) -> user(rs))
                .findOne());
  }

  public Optional<User> byId(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT id, name, role, disabled, created_at, password_set_at FROM users WHERE id ="
                        + " :id")
                .bind("id", id)
                .map((rs, ctx) -> user(rs))
                .findOne());
  }

  /** Every account, by name. */
  public List<User> list() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT id, name, role, disabled, created_at, password_set_at FROM users ORDER BY"
                        + " name")
                .map((rs, ctx) -> user(rs))
                .list());
  }

  /**
   * The user {@code name} when {@code password} is theirs and the account is enabled; empty
   * otherwise — the same answer, in the same time, whether the name exists or not. Each attempt is
   * in the audit log.
   */
  public Optional<User> authenticate(String name, char[] password, String address) {
    try {
      Optional<String[]> row =
          nameRefusal(name) != null
              ? Optional.empty()
              : jdbi.withHandle(
                  h ->
                      h.createQuery(
                              "SELECT id, password_hash, disabled FROM users WHERE name = :name")
                          .bind("name", name)
                          .map(
                              (rs, ctx) ->
                                  new String[] {
                                    String.valueOf(rs.getLong("id")),
                                    rs.getString("password_hash"),
                                    String.valueOf(rs.getBoolean("disabled"))
                                  })
                          .findOne());
      boolean ok;
      if (row.isEmpty()) {
        Passwords.decoy(password);
        ok = false;
      } else {
        ok = Passwords.matches(password, row.get()[1]) && !Boolean.parseBoolean(row.get()[2]);
      }
      audit.record(ok ? name : null, ok ? "login" : "login_failed", name, address);
      return ok ? byId(Long.parseLong(row.get()[0])) : Optional.empty();
    } finally {
      if (password != null) Arrays.fill(password, '\0');
    }
  }

  private static User user(ResultSet rs) throws SQLException {
    return new User(
        rs.getLong("id"),
        rs.getString("name"),
        Role.of(rs.getString("role")).orElseThrow(),
        rs.getBoolean("disabled"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("password_set_at").toInstant());
  }
}
