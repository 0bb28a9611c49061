package org.gongkai.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Accounts, on H2 and on a real PostgreSQL server alike. */
class UsersTest {

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void anAdminAddsUsersWhoSignInWithTheirPasswordOnly(String database) throws Exception {
    try (Workspace w = Databases.fresh(database, dir)) {
      User editor =
          w.users().add("li.hua", Role.EDITOR, "correct horse".toCharArray(), "chen", "cli");
      assertEquals("li.hua", editor.name());
      assertEquals(Role.EDITOR, editor.role());
      w.users().add("王芳", Role.READER, "battery staple".toCharArray(), "chen", "cli");
      assertEquals(List.of("li.hua", "王芳"), w.users().list().stream().map(User::name).toList());

      assertEquals(
          "li.hua",
          w.users()
              .authenticate("li.hua", "correct horse".toCharArray(), "127.0.0.1")
              .orElseThrow()
              .name());
      assertTrue(
          w.users().authenticate("li.hua", "wrong horse!".toCharArray(), "10.0.0.2").isEmpty());
      // an unknown name is answered as a wrong password is
      assertTrue(
          w.users().authenticate("nobody", "correct horse".toCharArray(), "10.0.0.3").isEmpty());

      // disabled: no sign-in, even with the right password; enabled again: signs in
      w.users().setDisabled("li.hua", true, "chen", "cli");
      assertTrue(w.users().find("li.hua").orElseThrow().disabled());
      assertTrue(w.users().authenticate("li.hua", "correct horse".toCharArray(), "x").isEmpty());
      w.users().setDisabled("li.hua", false, "chen", "cli");
      // a reset password replaces the old one
      w.users().setPassword("li.hua", "a new passphrase".toCharArray(), "chen", "cli");
      assertTrue(w.users().authenticate("li.hua", "correct horse".toCharArray(), "x").isEmpty());
      assertTrue(
          w.users().authenticate("li.hua", "a new passphrase".toCharArray(), "x").isPresent());

      // every step in the audit log, newest first
      assertEquals(
          List.of(
              "li.hua login li.hua x",
              "null login_failed li.hua x",
              "chen password_set li.hua cli",
              "chen user_enabled li.hua cli",
              "null login_failed li.hua x",
              "chen user_disabled li.hua cli",
              "null login_failed nobody 10.0.0.3",
              "null login_failed li.hua 10.0.0.2",
              "li.hua login li.hua 127.0.0.1",
              "chen user_added 王芳 (reader) cli",
              "chen user_added li.hua (editor) cli"),
          w.audit().newest(100, 0).stream()
              .map(e -> e.actor() + " " + e.action() + " " + e.target() + " " + e.address())
              .toList());
      assertEquals(11, w.audit().size());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void badNamesShortPasswordsAndTakenNamesAreRefusedWithTheReason(String database)
      throws Exception {
    try (Workspace w = Databases.fresh(database, dir)) {
      w.users().add("li.hua", Role.ADMIN, "correct horse".toCharArray(), null, "cli");
      assertEquals(
          "a user named li.hua exists already",
          assertThrows(
                  WorkspaceException.class,
                  () ->
                      w.users()
                          .add("li.hua", Role.READER, "another one!".toCharArray(), null, "cli"))
              .getMessage());
      assertEquals(
          "a user's name is 1 to 64 letters, digits, '.', '_' or '-'",
          assertThrows(
                  WorkspaceException.class,
                  () ->
                      w.users()
                          .add("li hua", Role.READER, "correct horse".toCharArray(), null, "cli"))
              .getMessage());
      assertEquals(
          "a password has at least 10 characters",
          assertThrows(
                  WorkspaceException.class,
                  () -> w.users().add("wang", Role.READER, "short".toCharArray(), null, "cli"))
              .getMessage());
      assertEquals(
          "no user named wang",
          assertThrows(
                  WorkspaceException.class,
                  () -> w.users().setPassword("wang", "long enough!".toCharArray(), null, "cli"))
              .getMessage());
      // the stored hash is Argon2id, never the password
      String hash =
          w.jdbi()
              .withHandle(
                  h ->
                      h.createQuery("SELECT password_hash FROM users WHERE name = 'li.hua'")
                          .mapTo(String.class)
                          .one());
      assertTrue(hash.startsWith("$argon2id$"), hash);
      assertEquals(1, w.users().list().size());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2"})
  void aWorkspaceFolderKeepsItsAccountsAcrossOpenings(String database) throws Exception {
    Path folder = dir.resolve("desk");
    try (Workspace first = Workspace.open(folder)) {
      first.users().add("li.hua", Role.ADMIN, "correct horse".toCharArray(), null, "cli");
    }
    // opened again (the schema already at its newest version): the same accounts
    try (Workspace again = Workspace.open(folder)) {
      assertEquals(List.of("li.hua"), again.users().list().stream().map(User::name).toList());
    }
    assertEquals(
        "a workspace database is PostgreSQL (jdbc:postgresql://HOST/DB) or H2 (jdbc:h2:…), not"
            + " jdbc:mysql://x/y",
        assertThrows(
                WorkspaceException.class, () -> Workspace.connect("jdbc:mysql://x/y", null, null))
            .getMessage());
  }
}
