package org.gongkai.workspace;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for the workspace's tests: Debian's {@code postgresql} package ({@code
 * .ci/run} installs it), a cluster made with {@code initdb} in a folder of its own, started with
 * {@code pg_ctl} on a free port of 127.0.0.1 and stopped at the end. PostgreSQL refuses to run as
 * root: as root, its commands run as the {@code postgres} user. If PostgreSQL is missing the tests
 * fail: they are never silently skipped.
 */
final class PostgresServer implements AutoCloseable {

  private final Path dir;
  private final Path bin;
  private final int port;
  private final AtomicInteger databases = new AtomicInteger();

  private PostgresServer(Path dir, Path bin, int port) {
    this.dir = dir;
    this.bin = bin;
    this.port = port;
  }

  static PostgresServer start() throws Exception {
    Path bin = binaries();
    // its own folder, readable by the postgres user (a test's temporary folder is root's alone)
    Path dir = Files.createTempDirectory(Path.of("/tmp"), "gongkai-pg");
    boolean root = "root".equals(System.getProperty("user.name"));
    if (root) run(List.of("chown", "postgres", dir.toString()), false);
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    PostgresServer server = new PostgresServer(dir, bin, port);
    Path data = dir.resolve("data");
    run(
        List.of(
            bin.resolve("initdb").toString(),
            "-D",
            data.toString(),
            "-U",
            "gongkai",
            "--auth=trust",
            "-E",
            "UTF8",
            "--no-locale"),
        root);
    run(
        List.of(
            bin.resolve("pg_ctl").toString(),
            "-D",
            data.toString(),
            "-o",
            "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off",
            "-l",
            dir.resolve("log").toString(),
            "-w",
            "start"),
        root);
    return server;
  }

  /** A fresh, empty database on this server, and the JDBC URL of it. */
  String newDatabase() throws Exception {
    String name = "gongkai_test_" + databases.incrementAndGet();
    try (Connection c = DriverManager.getConnection(url("postgres"))) {
      c.createStatement().execute("CREATE DATABASE " + name);
    }
    return url(name);
  }

  String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=gongkai";
  }

  @Override
  public void close() throws Exception {
    boolean root = "root".equals(System.getProperty("user.name"));
    run(
        List.of(
            bin.resolve("pg_ctl").toString(),
            "-D",
            dir.resolve("data").toString(),
            "-m",
            "immediate",
            "stop"),
        root);
    try (var files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** The folder of {@code initdb} and {@code pg_ctl}: the newest of Debian's, or the PATH's. */
  private static Path binaries() throws IOException {
    Path debian = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(debian)) {
      try (var versions = Files.list(debian)) {
        var newest =
            versions
                .filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString())));
        if (newest.isPresent()) return newest.get().resolve("bin");
      }
    }
    for (String p : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(p, "initdb"))) return Path.of(p);
    }
    throw new IllegalStateException(
        "PostgreSQL is not installed (Debian: apt-get install postgresql); the workspace's tests"
            + " run on it");
  }

  private static void run(List<String> command, boolean asPostgres) throws Exception {
    List<String> full = new ArrayList<>();
    if (asPostgres) full.addAll(List.of("runuser", "-u", "postgres", "--"));
    full.addAll(command);
    Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0)
      throw new IllegalStateException(String.join(" ", full) + " failed:\n" + out);
  }
}
