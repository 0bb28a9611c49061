package org.gongkai.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Who may not see which files, on H2 and on a real PostgreSQL server alike. */
class CollectionsTest {

  @TempDir Path dir;

  static final String A = "a".repeat(64), B = "b".repeat(64), C = "c".repeat(64);

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void aPrivateCollectionsFilesAreHiddenFromWhoeverItIsNotSharedWith(String database)
      throws Exception {
    Workspace w = Databases.fresh(database, dir);
    User desk = w.users().add("desk", Role.EDITOR, "correct horse".toCharArray(), null, "t");
    User wang = w.users().add("wang", Role.READER, "battery staple".toCharArray(), null, "t");
    w.collections().create("leak", false, "chen", "t");
    w.collections().create("budgets", true, "chen", "t");
    assertEquals(2, w.collections().addFiles("leak", Set.of(A, B), "chen", "t"));
    assertEquals(1, w.collections().addFiles("leak", Set.of(A, C), "chen", "t")); // A held already
    // B is in a public collection too: everyone's
    w.collections().addFiles("budgets", Set.of(B), "chen", "t");
    w.collections().share("leak", "desk", "reader", "chen", "t");

    assertEquals(Set.of(A, C), w.collections().hiddenFor(Optional.empty()));
    assertEquals(Set.of(A, C), w.collections().hiddenFor(Optional.of(wang)));
    assertEquals(Set.of(), w.collections().hiddenFor(Optional.of(desk)));
    w.collections().unshare("leak", "desk", "chen", "t");
    assertEquals(Set.of(A, C), w.collections().hiddenFor(Optional.of(desk)));

    // a group: each member reads what is shared with it, and no longer once out of it
    User li = w.users().add("li", Role.READER, "another passphrase".toCharArray(), null, "t");
    w.collections().createGroup("调查组", "chen", "t");
    w.collections().setMember("调查组", "li", true, "chen", "t");
    assertEquals(Set.of(A, C), w.collections().hiddenFor(Optional.of(li)));
    w.collections().shareWithGroup("leak", "调查组", "reader", "chen", "t");
    assertEquals(Set.of(), w.collections().hiddenFor(Optional.of(li)));
    assertEquals(Set.of(A, C), w.collections().hiddenFor(Optional.of(wang)));
    w.collections().setMember("调查组", "li", false, "chen", "t");
    assertEquals(Set.of(A, C), w.collections().hiddenFor(Optional.of(li)));
    w.collections().setMember("调查组", "li", true, "chen", "t");
    w.collections().unshareFromGroup("leak", "调查组", "chen", "t");
    assertEquals(Set.of(A, C), w.collections().hiddenFor(Optional.of(li)));
    assertEquals(
        "no group named 编辑部",
        assertThrows(
                WorkspaceException.class,
                () -> w.collections().shareWithGroup("leak", "编辑部", "reader", null, "t"))
            .getMessage());

    assertEquals(
        List.of("budgets public 1", "leak private 3"),
        w.collections().list().stream()
            .map(c -> c.name() + " " + (c.isPublic() ? "public" : "private") + " " + c.files())
            .toList());
    assertEquals(
        "a collection named leak exists already",
        assertThrows(
                WorkspaceException.class, () -> w.collections().create("leak", true, null, "t"))
            .getMessage());
    assertEquals(
        "no user named nobody",
        assertThrows(
                WorkspaceException.class,
                () -> w.collections().share("leak", "nobody", "reader", null, "t"))
            .getMessage());
    assertEquals(
        "a collection is shared as reader or editor, not owner",
        assertThrows(
                WorkspaceException.class,
                () -> w.collections().share("leak", "wang", "owner", null, "t"))
            .getMessage());
    // every change audited
    assertEquals(
        List.of(
            "collection_unshared leak → desk",
            "collection_shared leak → desk (reader)",
            "files_added budgets (1)",
            "files_added leak (1)",
            "files_added leak (2)",
            "collection_created budgets (public)",
            "collection_created leak (private)"),
        w.audit().newest(14, 0).stream().skip(7).map(e -> e.action() + " " + e.target()).toList());
    assertEquals(
        List.of(
            "collection_unshared leak → group 调查组",
            "group_member_added 调查组 ← li",
            "group_member_removed 调查组 ← li",
            "collection_shared leak → group 调查组 (reader)",
            "group_member_added 调查组 ← li",
            "group_created 调查组",
            "user_added li (reader)"),
        w.audit().newest(7, 0).stream().map(e -> e.action() + " " + e.target()).toList());
  }
}
