package org.gongkai.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded H2 database of a workspace folder is its owner's: the folder is 0700, the database's
 * own files and its password's file 0600; the server H2 runs so that a second process may open the
 * database (the portal serving while an admin adds a user) listens on loopback only, and answers
 * nobody without the password — not the empty user and password every H2 database had before.
 */
class EmbeddedDatabaseTest {

  @TempDir Path dir;

  static String mode(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  /** The host and port of the server H2 started for the open database, from its lock file. */
  static String server(Path home) throws Exception {
    Properties lock = new Properties();
    try (var in = Files.newInputStream(home.resolve(Workspace.H2_FILE + ".lock.db"))) {
      lock.load(in);
    }
    return lock.getProperty("server");
  }

  @Test
  void theFolderTheFilesAndTheServerAreTheOwnersAlone() throws Exception {
    Path home = dir.resolve("desk");
    try (Workspace w = Workspace.open(home)) {
      w.users().add("chen", Role.ADMIN, "correct horse".toCharArray(), null, "t");
      assertEquals("rwx------", mode(home));
      assertEquals("rw-------", mode(home.resolve(Workspace.SECRET_FILE)));
      assertEquals("rw-------", mode(home.resolve(Workspace.H2_FILE + ".mv.db")));
      assertEquals("rw-------", mode(home.resolve(Workspace.H2_FILE + ".lock.db")));
      String server = server(home);
      // (H2 writes its loopback address as localhost)
      assertTrue(server.startsWith("localhost:") || server.startsWith("127.0.0.1:"), server);
      int port = Integer.parseInt(server.substring(server.indexOf(':') + 1));
      // another process of this machine (H2's own shell, say) is refused without the password:
      // not the empty user every H2 database had, not a guess; with it, it reads through
      String url = "jdbc:h2:file:" + home.resolve(Workspace.H2_FILE) + ";AUTO_SERVER=TRUE";
      assertEquals("refused: Wrong user name or password [28000-232]", probe(url, "", "").strip());
      assertEquals(
          "refused: Wrong user name or password [28000-232]", probe(url, "SA", "").strip());
      String secret = Files.readString(home.resolve(Workspace.SECRET_FILE)).strip();
      assertEquals("users 1", probe(url, Workspace.H2_USER, secret).strip());
      // not on another address of this machine
      for (InetAddress a : addresses())
        assertThrows(
            java.io.IOException.class,
            () -> {
              try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(a, port), 2000);
              }
            },
            "the database's server answers on " + a);
      // a second process's way in: the same workspace opened again, through the server
      try (Workspace second = Workspace.open(home)) {
        assertEquals(List.of("chen"), second.users().list().stream().map(User::name).toList());
      }
    }
  }

  /** What {@link H2Probe} says in a process of its own. */
  static String probe(String url, String user, String password) throws Exception {
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                H2Probe.class.getName(),
                url,
                user,
                password)
            .redirectErrorStream(true)
            .start();
    String out =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    p.waitFor();
    return out.lines()
        .filter(l -> l.startsWith("users") || l.startsWith("refused"))
        .findFirst()
        .orElse(out);
  }

  /** This machine's addresses other than loopback (none on a machine without a network). */
  static List<InetAddress> addresses() throws Exception {
    return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
        .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
        .filter(a -> !a.isLoopbackAddress() && a instanceof java.net.Inet4Address)
        .toList();
  }

  @Test
  void aDatabaseMadeWithoutAPasswordIsGivenOneAndLosesTheEmptyUser() throws Exception {
    Path home = Files.createDirectories(dir.resolve("old"));
    String url = "jdbc:h2:file:" + home.resolve(Workspace.H2_FILE) + ";AUTO_SERVER=TRUE";
    // as an earlier version made it: no user, no password
    try (Workspace old = Workspace.connect(url, null, null)) {
      old.users().add("chen", Role.ADMIN, "correct horse".toCharArray(), null, "t");
    }
    try (Workspace w = Workspace.open(home)) {
      assertEquals(List.of("chen"), w.users().list().stream().map(User::name).toList());
    }
    assertThrows(
        SQLException.class, () -> java.sql.DriverManager.getConnection(url, "", "").close());
    String secret = Files.readString(home.resolve(Workspace.SECRET_FILE)).strip();
    try (Workspace again = Workspace.connect(url, Workspace.H2_USER, secret)) {
      assertEquals(1, again.users().list().size());
    }
  }
}
