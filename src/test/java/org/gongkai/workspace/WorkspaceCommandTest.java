package org.gongkai.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gongkai.App;
import org.gongkai.TestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gongkai workspace backup|restore}: a workspace, its index and its uploaded originals to
 * one file and back into a fresh folder, from the command line; what it refuses, said.
 */
class WorkspaceCommandTest {

  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String stdin, String... args) {
    InputStream before = System.in;
    System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    try {
      StringWriter out = new StringWriter(), err = new StringWriter();
      int code = App.execute(new PrintWriter(out), new PrintWriter(err), args);
      return new Run(code, out.toString(), err.toString());
    } finally {
      System.setIn(before);
    }
  }

  @Test
  void aWorkspaceIsBackedUpToOneFileAndRestoredIntoAFreshFolder() throws Exception {
    Path ws = dir.resolve("desk");
    Path index = dir.resolve("index");
    TestSupport.index(index, List.of(TestSupport.CORPUS.resolve("formats"))).close();
    assertEquals(
        0,
        run(
                "correct horse\n",
                "user",
                "add",
                "chen",
                "--role",
                "admin",
                "--workspace",
                ws.toString(),
                "--password-stdin")
            .code());
    Path uploaded = Files.createDirectories(ws.resolve("uploads/2026-11-25-x/0"));
    Files.writeString(uploaded.resolve("a.txt"), "一份原件");
    Path zip = dir.resolve("desk.zip");

    Run backup =
        run(
            "",
            "workspace",
            "backup",
            "--workspace",
            ws.toString(),
            "--index",
            index.toString(),
            "--to",
            zip.toString());
    assertEquals(0, backup.code(), backup.err());
    String[] lines = backup.out().split("\n");
    assertEquals("backed up to " + zip.toAbsolutePath().normalize(), lines[0]);
    assertEquals("database:  3 rows (users 1, audit_log 2)", lines[1]);
    assertTrue(lines[2].matches("index:     \\d+ files"), lines[2]);
    assertEquals("originals: 1 files", lines[3]);
    assertEquals(4, lines.length);

    Path ws2 = dir.resolve("restored");
    Path index2 = dir.resolve("restored-index");
    Run restore =
        run(
            "",
            "workspace",
            "restore",
            zip.toString(),
            "--workspace",
            ws2.toString(),
            "--index",
            index2.toString());
    assertEquals(0, restore.code(), restore.err());
    assertEquals(
        "restored "
            + zip
            + "\n"
            + "database:  3 rows (users 1, audit_log 2)\n"
            + lines[2]
            + "\n"
            + "originals: 1 files\n",
        restore.out());
    assertEquals("一份原件", Files.readString(ws2.resolve("uploads/2026-11-25-x/0/a.txt")));
    assertEquals(
        new Run(0, "chen\tadmin\tenabled\n", ""),
        run("", "user", "list", "--workspace", ws2.toString()));
    try (Workspace w = Workspace.open(ws2)) {
      assertEquals(
          List.of("workspace_restored", "workspace_backed_up", "user_added"),
          w.audit().newest(10, 0).stream().map(AuditEntry::action).toList());
    }

    // a workspace or an index that is not new is refused, and nothing is written
    Run again =
        run(
            "",
            "workspace",
            "restore",
            zip.toString(),
            "--workspace",
            ws2.toString(),
            "--index",
            dir.resolve("elsewhere").toString());
    assertEquals(
        new Run(
            1,
            "",
            "gongkai: the workspace to restore into is not empty (users): restore into a new one\n"),
        again);
    assertTrue(Files.notExists(dir.resolve("elsewhere")));
    Run noFile =
        run(
            "",
            "workspace",
            "restore",
            dir.resolve("none.zip").toString(),
            "--workspace",
            dir.resolve("w3").toString(),
            "--index",
            dir.resolve("i3").toString());
    assertEquals(2, noFile.code());
    assertEquals("gongkai: no backup file " + dir.resolve("none.zip") + "\n", noFile.err());
  }
}
