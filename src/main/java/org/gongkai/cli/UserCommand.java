package org.gongkai.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Supplier;
import org.gongkai.workspace.Role;
import org.gongkai.workspace.User;
import org.gongkai.workspace.Workspace;
import org.gongkai.workspace.WorkspaceException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code user add|passwd|disable|enable|list}: a workspace's accounts, managed by its admin on the
 * workspace's machine. There is no registration: every account starts here (or on an admin's page).
 * Passwords are typed twice at a terminal, or read from standard input ({@code --password-stdin}),
 * never given as an argument (it would stay in the shell's history and in {@code ps}).
 */
@Command(
    name = "user",
    description = "Manage a workspace's accounts: add, passwd, disable, enable, list.",
    subcommandsRepeatable = false)
final class UserCommand implements Runnable {

  @picocli.CommandLine.Mixin HelpOption help = new HelpOption();

  /** Where the workspace is: a folder (its H2 file) or a database's address. */
  static final class Where {
    @Option(
        names = "--workspace",
        paramLabel = "DIR",
        description = "The workspace folder (its database is the H2 file in it).")
    Path workspace;

    @Option(
        names = "--database",
        paramLabel = "JDBC_URL",
        description =
            "The workspace's database: jdbc:postgresql://HOST/DB?user=U (password from"
                + " PGPASSWORD), or jdbc:h2:….")
    String database;
  }

  private final Console console;
  private final Supplier<BufferedReader> stdin;
  private final Supplier<java.io.Console> terminal;

  UserCommand(Console console, Supplier<BufferedReader> stdin, Supplier<java.io.Console> terminal) {
    this.console = console;
    this.stdin = stdin;
    this.terminal = terminal;
  }

  @Override
  public void run() {
    new picocli.CommandLine(this).usage(console.err());
  }

  @Command(
      mixinStandardHelpOptions = true,
      name = "add",
      description = "Add an account (no one registers themselves).")
  int add(
      @Parameters(paramLabel = "NAME", description = "The user's name.") String name,
      @Option(
              names = "--role",
              required = true,
              paramLabel = "ROLE",
              description = "admin, editor or reader.")
          String role,
      @ArgGroup(multiplicity = "1") Where where,
      @Option(names = "--password-stdin", description = "Read the password from standard input.")
          boolean fromStdin) {
    var r = Role.of(role);
    if (r.isEmpty()) {
      console.err().println("gongkai: --role is admin, editor or reader, not " + role);
      return ExitCode.USAGE;
    }
    return withWorkspace(
        where,
        w -> {
          char[] password = password(fromStdin);
          if (password == null) return ExitCode.USAGE;
          try {
            User u = w.users().add(name, r.get(), password, null, "command line");
            console.out().println("added " + u.name() + " (" + u.role().code() + ")");
            return ExitCode.OK;
          } finally {
            Arrays.fill(password, '\0');
          }
        });
  }

  @Command(
      mixinStandardHelpOptions = true,
      name = "passwd",
      description = "Set a user's password (a reset).")
  int passwd(
      @Parameters(paramLabel = "NAME") String name,
      @ArgGroup(multiplicity = "1") Where where,
      @Option(names = "--password-stdin", description = "Read the password from standard input.")
          boolean fromStdin) {
    return withWorkspace(
        where,
        w -> {
          if (w.users().find(name).isEmpty()) throw new WorkspaceException("no user named " + name);
          char[] password = password(fromStdin);
          if (password == null) return ExitCode.USAGE;
          try {
            w.users().setPassword(name, password, null, "command line");
            console.out().println("password set for " + name);
            return ExitCode.OK;
          } finally {
            Arrays.fill(password, '\0');
          }
        });
  }

  @Command(
      mixinStandardHelpOptions = true,
      name = "disable",
      description = "Stop an account signing in (its work stays).")
  int disable(
      @Parameters(paramLabel = "NAME") String name, @ArgGroup(multiplicity = "1") Where where) {
    return withWorkspace(
        where,
        w -> {
          w.users().setDisabled(name, true, null, "command line");
          console.out().println("disabled " + name);
          return ExitCode.OK;
        });
  }

  @Command(
      mixinStandardHelpOptions = true,
      name = "enable",
      description = "Let a disabled account sign in again.")
  int enable(
      @Parameters(paramLabel = "NAME") String name, @ArgGroup(multiplicity = "1") Where where) {
    return withWorkspace(
        where,
        w -> {
          w.users().setDisabled(name, false, null, "command line");
          console.out().println("enabled " + name);
          return ExitCode.OK;
        });
  }

  @Command(
      mixinStandardHelpOptions = true,
      name = "list",
      description = "List the accounts: name, role, enabled or disabled.")
  int list(@ArgGroup(multiplicity = "1") Where where) {
    return withWorkspace(
        where,
        w -> {
          for (User u : w.users().list())
            console
                .out()
                .println(
                    u.name()
                        + "\t"
                        + u.role().code()
                        + "\t"
                        + (u.disabled() ? "disabled" : "enabled"));
          return ExitCode.OK;
        });
  }

  /** What a command does with a workspace: its exit code. */
  interface Action {
    int run(Workspace w) throws IOException;
  }

  private int withWorkspace(Where where, Action action) {
    return withWorkspace(console, where, action);
  }

  /**
   * Runs {@code action} on the workspace {@code where} names, closed after; what it refuses said in
   * one line (exit 1). The commands of users, collections and groups share it.
   */
  static int withWorkspace(Console console, Where where, Action action) {
    try (Workspace w = open(where)) {
      return action.run(w);
    } catch (WorkspaceException e) {
      console.err().println("gongkai: " + e.getMessage());
      return ExitCode.FAILED;
    } catch (IOException e) {
      console.err().println("gongkai: " + Printable.reason(e));
      return ExitCode.FAILED;
    }
  }

  /** A change to a workspace that needs no answer but its line of output. */
  interface Change {
    void run(Workspace w);
  }

  /**
   * Makes {@code change} on the workspace {@code where} names and says {@code done} (exit 0); what
   * it refuses said in one line (exit 1). Shares and memberships of collections and groups.
   */
  static int change(Console console, Where where, Change change, String done) {
    return withWorkspace(
        console,
        where,
        w -> {
          change.run(w);
          console.out().println(done);
          return ExitCode.OK;
        });
  }

  /** The workspace {@code where} names (its password, for PostgreSQL, from PGPASSWORD). */
  static Workspace open(Where where) {
    if (where.workspace != null) return Workspace.open(where.workspace);
    String password = System.getenv("PGPASSWORD");
    return Workspace.connect(where.database, null, null, password);
  }

  /**
   * The new password: one line of standard input, or typed twice at the terminal; null (said why)
   * when there is neither or the two differ.
   */
  private char[] password(boolean fromStdin) throws IOException {
    if (fromStdin) {
      String line = stdin.get().readLine();
      if (line == null || line.isEmpty()) {
        console.err().println("gongkai: no password on standard input");
        return null;
      }
      return line.toCharArray();
    }
    java.io.Console tty = terminal.get();
    if (tty == null) {
      console
          .err()
          .println(
              "gongkai: no terminal to type the password at: give it on standard input with"
                  + " --password-stdin");
      return null;
    }
    char[] first = tty.readPassword("Password: ");
    char[] second = tty.readPassword("Password again: ");
    if (first == null || !Arrays.equals(first, second)) {
      console.err().println("gongkai: the two passwords differ");
      return null;
    }
    return first;
  }
}
