package org.gongkai.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Who may read which private collection (its own index, by its storage key), on H2 and on a real
 * PostgreSQL server alike.
 */
class CollectionsTest {

  @TempDir Path dir;

  static final String A = "a".repeat(64), B = "b".repeat(64), C = "c".repeat(64);

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void aPrivateCollectionIsReadOnlyByThoseItIsSharedWith(String database) throws Exception {
    try (Workspace w = Databases.fresh(database, dir)) {
      User desk = w.users().add("desk", Role.EDITOR, "correct horse".toCharArray(), null, "t");
      User wang = w.users().add("wang", Role.READER, "battery staple".toCharArray(), null, "t");
      User chen =
          w.users().add("chen", Role.ADMIN, "an admin's passphrase".toCharArray(), null, "t");
      String leak = w.collections().create("leak", false, "chen", "t").key();
      String budgets = w.collections().create("budgets", true, "chen", "t").key();
      assertTrue(leak.matches("[0-9a-f]{32}") && !leak.equals(budgets), leak + " " + budgets);
      Set<String> none = Set.of(), theLeak = Set.of(leak);
      assertEquals(2, w.collections().addFiles("leak", Set.of(A, B), "chen", "t"));
      assertEquals(
          1, w.collections().addFiles("leak", Set.of(A, C), "chen", "t")); // A held already
      // B in a public collection too: the same bytes open nothing (the leak's is its own document)
      w.collections().addFiles("budgets", Set.of(B), "chen", "t");
      w.collections().share("leak", "desk", "reader", "chen", "t");

      assertEquals(none, w.collections().readableKeys(Optional.empty()));
      assertEquals(none, w.collections().readableKeys(Optional.of(wang)));
      assertEquals(theLeak, w.collections().readableKeys(Optional.of(desk)));
      // an admin manages collections, and reads one only when it is shared with them
      assertEquals(none, w.collections().readableKeys(Optional.of(chen)));
      w.collections().unshare("leak", "desk", "chen", "t");
      assertEquals(none, w.collections().readableKeys(Optional.of(desk)));

      // a group: each member reads what is shared with it, and no longer once out of it
      User li = w.users().add("li", Role.READER, "another passphrase".toCharArray(), null, "t");
      w.collections().createGroup("调查组", "chen", "t");
      w.collections().setMember("调查组", "li", true, "chen", "t");
      assertEquals(none, w.collections().readableKeys(Optional.of(li)));
      w.collections().shareWithGroup("leak", "调查组", "reader", "chen", "t");
      assertEquals(theLeak, w.collections().readableKeys(Optional.of(li)));
      assertEquals(none, w.collections().readableKeys(Optional.of(wang)));
      w.collections().setMember("调查组", "li", false, "chen", "t");
      assertEquals(none, w.collections().readableKeys(Optional.of(li)));
      w.collections().setMember("调查组", "li", true, "chen", "t");
      w.collections().unshareFromGroup("leak", "调查组", "chen", "t");
      assertEquals(none, w.collections().readableKeys(Optional.of(li)));
      // a disabled account reads nothing
      w.collections().shareWithGroup("leak", "调查组", "reader", "chen", "t");
      w.users().setDisabled("li", true, "chen", "t");
      assertEquals(none, w.collections().readableKeys(w.users().find("li").map(u -> u)));
      w.users().setDisabled("li", false, "chen", "t");
      w.collections().unshareFromGroup("leak", "调查组", "chen", "t");
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
              "collection_unshared leak → group 调查组",
              "user_enabled li",
              "user_disabled li",
              "collection_shared leak → group 调查组 (reader)",
              "collection_unshared leak → group 调查组",
              "group_member_added 调查组 ← li",
              "group_member_removed 调查组 ← li",
              "collection_shared leak → group 调查组 (reader)",
              "group_member_added 调查组 ← li",
              "group_created 调查组",
              "user_added li (reader)",
              "collection_unshared leak → desk",
              "collection_shared leak → desk (reader)",
              "files_added budgets (1)",
              "files_added leak (1)",
              "files_added leak (2)",
              "collection_created budgets (public)",
              "collection_created leak (private)",
              "user_added chen (admin)"),
          w.audit().newest(19, 0).stream().map(e -> e.action() + " " + e.target()).toList());
    }
  }
}
