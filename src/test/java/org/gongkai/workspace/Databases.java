package org.gongkai.workspace;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The two databases every workspace test runs on: the embedded H2 file of a workspace folder, and a
 * real PostgreSQL server (one per test run, a fresh database per workspace).
 */
public final class Databases {
  private Databases() {}

  private static PostgresServer postgres;

  static synchronized PostgresServer postgres() throws Exception {
    if (postgres == null) {
      postgres = PostgresServer.start();
      PostgresServer started = postgres;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      started.close();
                    } catch (Exception e) {
                      // the run ends either way
                    }
                  }));
    }
    return postgres;
  }

  /** A new, empty workspace on {@code database} ({@code h2} or {@code postgresql}). */
  public static Workspace fresh(String database, Path dir) throws Exception {
    return switch (database) {
      case "h2" -> Workspace.open(Files.createTempDirectory(dir, "ws"));
      case "postgresql" -> Workspace.connect(postgres().newDatabase(), null, null);
      default -> throw new IllegalArgumentException(database);
    };
  }

  /** Runs {@code sql} on the workspace's database (a test's way to set the clock back). */
  public static void sql(Workspace w, String sql) {
    w.jdbi().useHandle(h -> h.execute(sql));
  }
}
