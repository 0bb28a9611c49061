package org.gongkai.workspace;

import java.sql.DriverManager;

/**
 * Another process opening a workspace's H2 database, as a second portal or H2's own shell would:
 * {@code URL USER PASSWORD}; prints how many accounts it reads, or why it could not (exit 1).
 */
public final class H2Probe {
  private H2Probe() {}

  public static void main(String[] args) throws Exception {
    try (var c = DriverManager.getConnection(args[0], args[1], args[2]);
        var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM users")) {
      rs.next();
      System.out.println("users " + rs.getInt(1));
    } catch (java.sql.SQLException e) {
      System.out.println("refused: " + e.getMessage().lines().findFirst().orElse(""));
      System.exit(1);
    }
  }
}
