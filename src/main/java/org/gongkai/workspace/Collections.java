package org.gongkai.workspace;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * Collections and who may read them. A private collection's documents live in an index of their own
 * (named by its storage key): a request reads it only when the collection is shared with its user,
 * directly or through a group. Nothing else — the same bytes elsewhere, a public collection, an
 * admin's role — opens it. Files in no collection, or in a public one, are everyone's. Every change
 * is in the audit log.
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
                    "INSERT INTO collections (name, is_public, created_at, storage_key) VALUES (:n,"
                        + " :p, :at, :k)")
                .bind("n", n)
                .bind("p", isPublic)
                .bind("at", Timestamp.from(Instant.now()))
                .bind("k", newKey())
                .execute());
    audit.record(actor, "collection_created", n + (isPublic ? " (public)" : " (private)"), address);
    return find(n).orElseThrow();
  }

  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

  /** A new storage key: 16 random bytes in hex. */
  static String newKey() {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    return java.util.HexFormat.of().formatHex(b);
  }

  /** Gives each collection made before storage keys existed its own (once, when opened). */
  void keyEveryCollection() {
    jdbi.useTransaction(
        h -> {
          for (long id :
              h.createQuery("SELECT id FROM collections WHERE storage_key IS NULL")
                  .mapTo(Long.class)
                  .list())
            h.createUpdate("UPDATE collections SET storage_key = :k WHERE id = :id")
                .bind("k", newKey())
                .bind("id", id)
                .execute();
        });
  }

  /** A collection with how many files it holds. */
  private static final String SELECT =
      "SELECT c.id, c.name, c.is_public, c.storage_key, (SELECT COUNT(*) FROM collection_files f"
          + " WHERE f.collection_id = c.id) AS files FROM collections c";

  /** The collection with this id. */
  public Optional<Collection> byId(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery(SELECT + " WHERE c.id = :id")
                .bind("id", id)
                .map((rs, ctx) -> collection(rs))
                .findOne());
  }

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
        rs.getLong("id"),
        rs.getString("name"),
        rs.getBoolean("is_public"),
        rs.getLong("files"),
        rs.getString("storage_key"));
  }

  /** Gives {@code user} the collection, as reader or editor (again: the new role). */
  public void share(String collection, String user, String role, String actor, String address) {
    checkRole(role);
    Collection c = existing(collection);
    grant(c, grantee(user), role, actor, address);
  }

  /** Takes the collection away from {@code user}. */
  public void unshare(String collection, String user, String actor, String address) {
    Collection c = existing(collection);
    revoke(c, grantee(user), actor, address);
  }

  /**
   * Who a collection is shared with: a user (a row of collection_members) or a group (of
   * collection_groups), as the audit log names them. The table and column are this class's own
   * constants, never a request's words.
   */
  private record Grantee(String table, String column, long id, String label) {}

  private Grantee grantee(String user) {
    return new Grantee("collection_members", "user_id", userId(user), user);
  }

  private Grantee group(String group) {
    long g = groupId(group).orElseThrow(() -> new WorkspaceException("no group named " + group));
    return new Grantee("collection_groups", "group_id", g, "group " + group);
  }

  /** Gives {@code who} the collection as {@code role} (again: the new role), audited. */
  private void grant(Collection c, Grantee who, String role, String actor, String address) {
    jdbi.useTransaction(
        h -> {
          h.createUpdate(
                  "DELETE FROM "
                      + who.table()
                      + " WHERE collection_id = :c AND "
                      + who.column()
                      + " = :w")
              .bind("c", c.id())
              .bind("w", who.id())
              .execute();
          h.createUpdate(
                  "INSERT INTO "
                      + who.table()
                      + " (collection_id, "
                      + who.column()
                      + ", role) VALUES (:c, :w, :r)")
              .bind("c", c.id())
              .bind("w", who.id())
              .bind("r", role)
              .execute();
        });
    audit.record(
        actor, "collection_shared", c.name() + " → " + who.label() + " (" + role + ")", address);
  }

  /** Takes the collection away from {@code who}, audited. */
  private void revoke(Collection c, Grantee who, String actor, String address) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "DELETE FROM "
                        + who.table()
                        + " WHERE collection_id = :c AND "
                        + who.column()
                        + " = :w")
                .bind("c", c.id())
                .bind("w", who.id())
                .execute());
    audit.record(actor, "collection_unshared", c.name() + " → " + who.label(), address);
  }

  /** Puts files (by their SHA-256) in the collection; those it holds already stay. */
  public int addFiles(String collection, Set<String> sha256s, String actor, String address) {
    java.util.Map<String, String> files = new java.util.TreeMap<>();
    for (String s : sha256s) files.put(s, null);
    return addFiles(collection, files, actor, address);
  }

  /**
   * Puts files in the collection, by their SHA-256 with where they lie (null: not known); those it
   * holds already stay.
   */
  public int addFiles(
      String collection, java.util.Map<String, String> files, String actor, String address) {
    Collection c = existing(collection);
    for (String s : files.keySet())
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
              for (java.util.Map.Entry<String, String> f : files.entrySet()) {
                if (held.contains(f.getKey())) continue;
                h.createUpdate(
                        "INSERT INTO collection_files (collection_id, sha256, added_at, path)"
                            + " VALUES (:c, :s, :at, :p)")
                    .bind("c", c.id())
                    .bind("s", f.getKey())
                    .bind("at", Timestamp.from(Instant.now()))
                    .bind("p", f.getValue())
                    .execute();
                n++;
              }
              return n;
            });
    audit.record(actor, "files_added", c.name() + " (" + added + ")", address);
    return added;
  }

  /**
   * The storage keys of the private collections {@code user} (empty: nobody signed in) may read:
   * those shared with them, directly or through a group — an admin's role opens none by itself
   * (accounts are an admin's to manage, a source's files are not theirs to read unshared).
   */
  public Set<String> readableKeys(Optional<User> user) {
    if (user.isEmpty() || user.get().disabled()) return Set.of();
    return new HashSet<>(
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT c.storage_key FROM collections c WHERE c.is_public = FALSE AND"
                            + " (c.id IN (SELECT m.collection_id FROM collection_members m WHERE"
                            + " m.user_id = :u) OR c.id IN (SELECT cg.collection_id FROM"
                            + " collection_groups cg JOIN group_members gm ON gm.group_id ="
                            + " cg.group_id WHERE gm.user_id = :u))")
                    .bind("u", user.get().id())
                    .mapTo(String.class)
                    .list()));
  }

  /** Whether {@code user} may read the documents of {@code collection}. */
  public boolean mayRead(Optional<User> user, Collection collection) {
    return collection.isPublic() || readableKeys(user).contains(collection.key());
  }

  /** The collection whose storage key is {@code key}. */
  public Optional<Collection> byKey(String key) {
    return jdbi.withHandle(
        h ->
            h.createQuery(SELECT + " WHERE c.storage_key = :k")
                .bind("k", key)
                .map((rs, ctx) -> collection(rs))
                .findOne());
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

  /**
   * The files put in each private collection, by content, by the collection's storage key: what an
   * earlier version may have read into the public index (before collections had their own).
   */
  public java.util.Map<String, Set<String>> privateFiles() {
    java.util.Map<String, Set<String>> out = new java.util.TreeMap<>();
    jdbi.useHandle(
        h ->
            h.createQuery(
                    "SELECT c.storage_key, f.sha256 FROM collection_files f JOIN collections c ON"
                        + " c.id = f.collection_id WHERE c.is_public = FALSE")
                .map((rs, ctx) -> java.util.Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(
                    e -> out.computeIfAbsent(e.getKey(), k -> new HashSet<>()).add(e.getValue())));
    return out;
  }

  /** Every enabled user's name, for picking whom to share with. */
  public List<String> userNames() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT name FROM users WHERE disabled = FALSE ORDER BY name")
                .mapTo(String.class)
                .list());
  }

  /**
   * Whether {@code user} would still manage {@code collection} (an editor of it, directly or
   * through a group; an admin always) once the share of {@code who} (a user's or, with {@code
   * group}, a group's name) is {@code role} ({@code reader}, {@code editor}, or null: taken away).
   */
  public boolean wouldManage(
      User user, Collection collection, String who, boolean group, String role) {
    if (user.role() == Role.ADMIN) return true;
    if (user.disabled() || user.role() == Role.READER) return false;
    boolean direct = false;
    Set<String> editorGroups = new HashSet<>();
    for (Share s : shares(collection)) {
      if (!s.group() && s.name().equals(user.name())) direct = s.role().equals("editor");
      if (s.group() && s.role().equals("editor")) editorGroups.add(s.name());
    }
    if (!group && who.equals(user.name())) direct = "editor".equals(role);
    if (group) {
      if ("editor".equals(role)) editorGroups.add(who);
      else editorGroups.remove(who);
    }
    if (direct) return true;
    Set<String> mine = new HashSet<>(groupsOf(user));
    mine.retainAll(editorGroups);
    return !mine.isEmpty();
  }

  /** The groups {@code user} is a member of. */
  public List<String> groupsOf(User user) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT g.name FROM user_groups g JOIN group_members m ON m.group_id = g.id"
                        + " WHERE m.user_id = :u ORDER BY g.name")
                .bind("u", user.id())
                .mapTo(String.class)
                .list());
  }

  /**
   * Takes the file of {@code sha256} out of the collection's list (its index is told apart), and
   * records who did.
   */
  public void removeFile(
      Collection collection, String sha256, String name, String actor, String address) {
    jdbi.useHandle(
        h ->
            h.createUpdate("DELETE FROM collection_files WHERE collection_id = :c AND sha256 = :s")
                .bind("c", collection.id())
                .bind("s", sha256)
                .execute());
    audit.record(actor, "file_removed", collection.name() + " ← " + name, address);
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
    grant(c, group(group), role, actor, address);
  }

  /** Takes the collection away from a group. */
  public void unshareFromGroup(String collection, String group, String actor, String address) {
    Collection c = existing(collection);
    revoke(c, group(group), actor, address);
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
