package org.gongkai.workspace;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * Collections and who may read them. A file (by its SHA-256) in a private collection is hidden from
 * every user the collection is not shared with, and from everyone not signed in — unless a public
 * collection holds it too. Files in no collection (the reports indexed for everyone) are public.
 * Every change is in the audit log.
 */
public final class Collections {

  private final Jdbi jdbi;
  private final AuditLog audit;

  Collections(Jdbi jdbi, AuditLog audit) {
    this.jdbi = jdbi;
    this.audit = audit;
  }

  public Collection create(String name, boolean isPublic, String actor, String address) {
    String n = name == null ? "" : name.strip();
    if (n.isEmpty() || n.length() > 200)
      throw new WorkspaceException("a collection's name is 1 to 200 characters");
    if (find(n).isPresent())
      throw new WorkspaceException("a collection named " + n + " exists already");
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO collections (name, is_public, created_at) VALUES (:n, :p, :at)")
                .bind("n", n)
                .bind("p", isPublic)
                .bind("at", Timestamp.from(Instant.now()))
                .execute());
    audit.record(actor, "collection_created", n + (isPublic ? " (public)" : " (private)"), address);
    return find(n).orElseThrow();
  }

  /** A collection with how many files it holds. */
  private static final String SELECT =
      "SELECT c.id, c.name, c.is_public, (SELECT COUNT(*) FROM collection_files f"
          + " WHERE f.collection_id = c.id) AS files FROM collections c";

  public Optional<Collection> find(String name) {
    return jdbi.withHandle(
        h ->
            h.createQuery(SELECT + " WHERE c.name = :n")
                .bind("n", name)
                .map((rs, ctx) -> collection(rs))
                .findOne());
  }

  /** Every collection, by name. */
  public List<Collection> list() {
    return jdbi.withHandle(
        h -> h.createQuery(SELECT + " ORDER BY c.name").map((rs, ctx) -> collection(rs)).list());
  }

  private static Collection collection(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Collection(
        rs.getLong("id"), rs.getString("name"), rs.getBoolean("is_public"), rs.getLong("files"));
  }

  /** Gives {@code user} the collection, as reader or editor (again: the new role). */
  public void share(String collection, String user, String role, String actor, String address) {
    checkRole(role);
    Collection c = existing(collection);
    long u = userId(user);
    jdbi.useTransaction(
        h -> {
          h.createUpdate("DELETE FROM collection_members WHERE collection_id = :c AND user_id = :u")
              .bind("c", c.id())
              .bind("u", u)
              .execute();
          h.createUpdate(
                  "INSERT INTO collection_members (collection_id, user_id, role) VALUES (:c, :u, :r)")
              .bind("c", c.id())
              .bind("u", u)
              .bind("r", role)
              .execute();
        });
    audit.record(actor, "collection_shared", c.name() + " → " + user + " (" + role + ")", address);
  }

  /** Takes the collection away from {@code user}. */
  public void unshare(String collection, String user, String actor, String address) {
    Collection c = existing(collection);
    long u = userId(user);
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "DELETE FROM collection_members WHERE collection_id = :c AND user_id = :u")
                .bind("c", c.id())
                .bind("u", u)
                .execute());
    audit.record(actor, "collection_unshared", c.name() + " → " + user, address);
  }

  /** Puts files (by their SHA-256) in the collection; those it holds already stay. */
  public int addFiles(String collection, Set<String> sha256s, String actor, String address) {
    Collection c = existing(collection);
    for (String s : sha256s)
      if (!s.matches("[0-9a-f]{64}")) throw new WorkspaceException("not a SHA-256: " + s);
    int added =
        jdbi.inTransaction(
            h -> {
              Set<String> held =
                  new HashSet<>(
                      h.createQuery("SELECT sha256 FROM collection_files WHERE collection_id = :c")
                          .bind("c", c.id())
                          .mapTo(String.class)
                          .list());
              int n = 0;
              for (String s : sha256s) {
                if (held.contains(s)) continue;
                h.createUpdate(
                        "INSERT INTO collection_files (collection_id, sha256, added_at)"
                            + " VALUES (:c, :s, :at)")
                    .bind("c", c.id())
                    .bind("s", s)
                    .bind("at", Timestamp.from(Instant.now()))
                    .execute();
                n++;
              }
              return n;
            });
    audit.record(actor, "files_added", c.name() + " (" + added + ")", address);
    return added;
  }

  /**
   * What {@code user} (empty: nobody signed in) may not see: the files of private collections not
   * shared with them, less those a public collection or one shared with them holds too.
   */
  public Set<String> hiddenFor(Optional<User> user) {
    long id = user.map(User::id).orElse(-1L);
    return new HashSet<>(
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT DISTINCT f.sha256 FROM collection_files f JOIN collections c ON c.id ="
                            + " f.collection_id WHERE c.is_public = FALSE AND f.sha256 NOT IN"
                            + " (SELECT g.sha256 FROM collection_files g JOIN collections d ON d.id ="
                            + " g.collection_id WHERE d.is_public = TRUE OR d.id IN (SELECT"
                            + " m.collection_id FROM collection_members m WHERE m.user_id = :u)"
                            + " OR d.id IN (SELECT cg.collection_id FROM collection_groups cg JOIN"
                            + " group_members gm ON gm.group_id = cg.group_id WHERE gm.user_id ="
                            + " :u))")
                    .bind("u", id)
                    .mapTo(String.class)
                    .list()));
  }

  /**
   * The collections {@code user} may put files in: every one for an admin; for an editor, those
   * shared with them, or with a group of theirs, as editor; none for a reader.
   */
  public List<Collection> editableBy(User user) {
    if (user.disabled() || user.role() == Role.READER) return List.of();
    if (user.role() == Role.ADMIN) return list();
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    SELECT
                        + " WHERE c.id IN (SELECT m.collection_id FROM collection_members m WHERE"
                        + " m.user_id = :u AND m.role = 'editor') OR c.id IN (SELECT"
                        + " cg.collection_id FROM collection_groups cg JOIN group_members gm ON"
                        + " gm.group_id = cg.group_id WHERE gm.user_id = :u AND cg.role = 'editor')"
                        + " ORDER BY c.name")
                .bind("u", user.id())
                .map((rs, ctx) -> collection(rs))
                .list());
  }

  /** Who a collection is shared with: a user's or a group's name, whether a group, the role. */
  public record Share(String name, boolean group, String role) {}

  /** The collections {@code user} may read: every one for an admin; else public or shared. */
  public List<Collection> readableBy(User user) {
    if (user.disabled()) return List.of();
    if (user.role() == Role.ADMIN) return list();
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    SELECT
                        + " WHERE c.is_public = TRUE OR c.id IN (SELECT m.collection_id FROM"
                        + " collection_members m WHERE m.user_id = :u) OR c.id IN (SELECT"
                        + " cg.collection_id FROM collection_groups cg JOIN group_members gm ON"
                        + " gm.group_id = cg.group_id WHERE gm.user_id = :u) ORDER BY c.name")
                .bind("u", user.id())
                .map((rs, ctx) -> collection(rs))
                .list());
  }

  /** Whom {@code collection} is shared with: users, then groups, by name. */
  public List<Share> shares(Collection collection) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT u.name, FALSE AS is_group, m.role FROM collection_members m JOIN users u"
                        + " ON u.id = m.user_id WHERE m.collection_id = :c UNION ALL SELECT g.name,"
                        + " TRUE AS is_group, cg.role FROM collection_groups cg JOIN user_groups g ON"
                        + " g.id = cg.group_id WHERE cg.collection_id = :c ORDER BY 2, 1")
                .bind("c", collection.id())
                .map((rs, ctx) -> new Share(rs.getString(1), rs.getBoolean(2), rs.getString(3)))
                .list());
  }

  /** Every group's name. */
  public List<String> groups() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT name FROM user_groups ORDER BY name").mapTo(String.class).list());
  }

  /** Creates a group of users (a desk): a collection shared with it is shared with each member. */
  public void createGroup(String name, String actor, String address) {
    String n = name == null ? "" : name.strip();
    if (n.isEmpty() || n.length() > 200)
      throw new WorkspaceException("a group's name is 1 to 200 characters");
    if (groupId(n).isPresent())
      throw new WorkspaceException("a group named " + n + " exists already");
    jdbi.useHandle(
        h ->
            h.createUpdate("INSERT INTO user_groups (name, created_at) VALUES (:n, :at)")
                .bind("n", n)
                .bind("at", Timestamp.from(Instant.now()))
                .execute());
    audit.record(actor, "group_created", n, address);
  }

  /** Puts {@code user} in {@code group} ({@code member} true) or takes them out. */
  public void setMember(String group, String user, boolean member, String actor, String address) {
    long g = groupId(group).orElseThrow(() -> new WorkspaceException("no group named " + group));
    long u = userId(user);
    jdbi.useHandle(
        h -> {
          h.createUpdate("DELETE FROM group_members WHERE group_id = :g AND user_id = :u")
              .bind("g", g)
              .bind("u", u)
              .execute();
          if (member)
            h.createUpdate("INSERT INTO group_members (group_id, user_id) VALUES (:g, :u)")
                .bind("g", g)
                .bind("u", u)
                .execute();
        });
    audit.record(
        actor,
        member ? "group_member_added" : "group_member_removed",
        group + " ← " + user,
        address);
  }

  /** Gives every member of {@code group} the collection, as reader or editor. */
  public void shareWithGroup(
      String collection, String group, String role, String actor, String address) {
    checkRole(role);
    Collection c = existing(collection);
    long g = groupId(group).orElseThrow(() -> new WorkspaceException("no group named " + group));
    jdbi.useTransaction(
        h -> {
          h.createUpdate("DELETE FROM collection_groups WHERE collection_id = :c AND group_id = :g")
              .bind("c", c.id())
              .bind("g", g)
              .execute();
          h.createUpdate(
                  "INSERT INTO collection_groups (collection_id, group_id, role) VALUES (:c, :g, :r)")
              .bind("c", c.id())
              .bind("g", g)
              .bind("r", role)
              .execute();
        });
    audit.record(
        actor, "collection_shared", c.name() + " → group " + group + " (" + role + ")", address);
  }

  /** Takes the collection away from a group. */
  public void unshareFromGroup(String collection, String group, String actor, String address) {
    Collection c = existing(collection);
    long g = groupId(group).orElseThrow(() -> new WorkspaceException("no group named " + group));
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "DELETE FROM collection_groups WHERE collection_id = :c AND group_id = :g")
                .bind("c", c.id())
                .bind("g", g)
                .execute());
    audit.record(actor, "collection_unshared", c.name() + " → group " + group, address);
  }

  private Optional<Long> groupId(String name) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT id FROM user_groups WHERE name = :n")
                .bind("n", name)
                .mapTo(Long.class)
                .findOne());
  }

  private static void checkRole(String role) {
    if (!role.equals("reader") && !role.equals("editor"))
      throw new WorkspaceException("a collection is shared as reader or editor, not " + role);
  }

  private Collection existing(String name) {
    return find(name).orElseThrow(() -> new WorkspaceException("no collection named " + name));
  }

  private long userId(String name) {
    return jdbi.withHandle(
            h ->
                h.createQuery("SELECT id FROM users WHERE name = :n")
                    .bind("n", name)
                    .mapTo(Long.class)
                    .findOne())
        .orElseThrow(() -> new WorkspaceException("no user named " + name));
  }
}
