package org.gongkai.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.gongkai.App;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gongkai user …}: an admin manages the accounts of a workspace from the command line. */
class UserCommandTest {

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
  void usersAreAddedListedResetDisabledAndEnabled() throws Exception {
    String ws = dir.resolve("desk").toString();
    Run added =
        run(
            "correct horse\n",
            "user",
            "add",
            "chen",
            "--role",
            "admin",
            "--workspace",
            ws,
            "--password-stdin");
    assertEquals(new Run(0, "added chen (admin)\n", ""), added);
    assertEquals(
        0,
        run(
                "battery staple\n",
                "user",
                "add",
                "王芳",
                "--role",
                "reader",
                "--workspace",
                ws,
                "--password-stdin")
            .code());
    assertEquals(
        new Run(0, "disabled 王芳\n", ""), run("", "user", "disable", "王芳", "--workspace", ws));
    assertEquals(
        new Run(0, "chen\tadmin\tenabled\n王芳\treader\tdisabled\n", ""),
        run("", "user", "list", "--workspace", ws));
    assertEquals(
        new Run(0, "enabled 王芳\n", ""), run("", "user", "enable", "王芳", "--workspace", ws));
    assertEquals(
        new Run(0, "password set for 王芳\n", ""),
        run("a new passphrase\n", "user", "passwd", "王芳", "--workspace", ws, "--password-stdin"));
    try (Workspace w = Workspace.open(Path.of(ws))) {
      assertTrue(w.users().authenticate("王芳", "a new passphrase".toCharArray(), "t").isPresent());
      assertEquals(
          List.of(
              "login", "password_set", "user_enabled", "user_disabled", "user_added", "user_added"),
          w.audit().newest(10, 0).stream().map(AuditEntry::action).toList());
      assertEquals("command line", w.audit().newest(10, 0).get(1).address());
    }
  }

  @Test
  void collectionsAreCreatedFilledByContentAndShared() throws Exception {
    String ws = dir.resolve("desk").toString();
    run(
        "correct horse\n",
        "user",
        "add",
        "li.hua",
        "--role",
        "editor",
        "--workspace",
        ws,
        "--password-stdin");
    java.nio.file.Path leak = java.nio.file.Files.createDirectories(dir.resolve("leak/sub"));
    java.nio.file.Files.writeString(leak.resolve("a.txt"), "一份内部文件");
    java.nio.file.Files.writeString(leak.getParent().resolve("b.txt"), "另一份内部文件");
    assertEquals(
        new Run(0, "created 泄露 (private)\n", ""),
        run("", "collection", "create", "泄露", "--workspace", ws));
    String idx = dir.resolve("index").toString();
    assertEquals(
        new Run(0, "added 2 files to 泄露; its own index: 2 indexed, 0 held already, 0 failed\n", ""),
        run(
            "",
            "collection",
            "add",
            "泄露",
            dir.resolve("leak").toString(),
            "--workspace",
            ws,
            "--index",
            idx));
    assertEquals(
        new Run(
            0,
            "added 0 files to 泄露 (1 held already); its own index: 0 indexed, 1 held already, 0"
                + " failed\n",
            ""),
        run(
            "",
            "collection",
            "add",
            "泄露",
            leak.resolve("a.txt").toString(),
            "--workspace",
            ws,
            "--index",
            idx));
    assertEquals(
        new Run(0, "shared 泄露 with li.hua (reader)\n", ""),
        run("", "collection", "share", "泄露", "li.hua", "--role", "reader", "--workspace", ws));
    assertEquals(
        new Run(0, "泄露\tprivate\t2\n", ""), run("", "collection", "list", "--workspace", ws));
    // a group: the collection shared with it, each member reads it
    assertEquals(
        new Run(0, "created group 调查组\n", ""),
        run("", "group", "create", "调查组", "--workspace", ws));
    assertEquals(
        new Run(0, "added li.hua to 调查组\n", ""),
        run("", "group", "add", "调查组", "li.hua", "--workspace", ws));
    assertEquals(
        new Run(0, "shared 泄露 with group 调查组 (editor)\n", ""),
        run("", "group", "share", "调查组", "泄露", "--role", "editor", "--workspace", ws));
    assertEquals(
        new Run(1, "", "gongkai: no group named 编辑部\n"),
        run("", "group", "add", "编辑部", "li.hua", "--workspace", ws));
    // an archive is read as its members (this one cannot be: said, the exit code says so)
    java.nio.file.Files.write(dir.resolve("x.zip"), new byte[] {1});
    Run archive =
        run(
            "",
            "collection",
            "add",
            "泄露",
            dir.resolve("x.zip").toString(),
            "--workspace",
            ws,
            "--index",
            idx);
    assertEquals(3, archive.code(), archive.toString());
    assertTrue(archive.err().startsWith("gongkai: " + dir.resolve("x.zip") + ": "), archive.err());
    assertEquals(
        new Run(1, "", "gongkai: no collection named 其他\n"),
        run("", "collection", "share", "其他", "li.hua", "--role", "reader", "--workspace", ws));
  }

  @Test
  void mistakesAreSaidInOneLineWithTheirExitCode() {
    String ws = dir.resolve("desk").toString();
    assertEquals(
        new Run(2, "", "gongkai: --role is admin, editor or reader, not boss\n"),
        run(
            "correct horse\n",
            "user",
            "add",
            "chen",
            "--role",
            "boss",
            "--workspace",
            ws,
            "--password-stdin"));
    assertEquals(
        new Run(1, "", "gongkai: a password has at least 10 characters\n"),
        run(
            "short\n",
            "user",
            "add",
            "chen",
            "--role",
            "admin",
            "--workspace",
            ws,
            "--password-stdin"));
    // no terminal here: the password cannot be asked for
    assertEquals(
        new Run(
            2,
            "",
            "gongkai: no terminal to type the password at: give it on standard input with"
                + " --password-stdin\n"),
        run("", "user", "add", "chen", "--role", "admin", "--workspace", ws));
    assertEquals(
        new Run(1, "", "gongkai: no user named nobody\n"),
        run("", "user", "disable", "nobody", "--workspace", ws));
    // where the workspace is must be said, once
    Run neither = run("", "user", "list");
    assertEquals(2, neither.code());
    assertTrue(neither.err().startsWith("Error: Missing required argument"), neither.err());
    // serve takes one place for its workspace, over an index folder
    assertEquals(
        new Run(2, "", "gongkai: give --workspace or --database, not both\n"),
        run("", "serve", "--workspace", ws, "--database", "jdbc:h2:mem:x"));
    assertEquals(
        new Run(
            2,
            "",
            "gongkai: upload from the browser indexes into an index folder, not --solr: serve the"
                + " workspace over --index for upload\n"),
        run("", "serve", "--workspace", ws, "--uploads", ws, "--solr", "localhost:9983/gongkai"));
    Run help = run("", "user", "add", "--help");
    assertEquals(0, help.code());
    assertTrue(help.out().contains("--password-stdin"), help.out());
  }
}
