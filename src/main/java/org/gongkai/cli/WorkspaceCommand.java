package org.gongkai.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.gongkai.workspace.Backup;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code workspace backup|restore}: one file holding a whole workspace — its database, the index it
 * serves and the uploaded originals — and its restoring into a fresh workspace, index folder and
 * originals folder.
 */
@Command(
    name = "workspace",
    description =
        "Back up a workspace (database, index, uploaded originals) to one file; restore it.")
final class WorkspaceCommand implements Runnable {

  @picocli.CommandLine.Mixin HelpOption help = new HelpOption();

  private final Console console;

  WorkspaceCommand(Console console) {
    this.console = console;
  }

  @Override
  public void run() {
    new picocli.CommandLine(this).usage(console.err());
  }

  /** The originals folder: given, or the workspace folder's uploads/ (none for a database). */
  private static Path uploads(UserCommand.Where where, Path given) {
    if (given != null) return given;
    return where.workspace == null ? null : where.workspace.resolve("uploads");
  }

  @Command(
      mixinStandardHelpOptions = true,
      name = "backup",
      description =
          "Write the workspace's database, the index and the uploaded originals to one zip file"
              + " (while the portal runs: the index's latest commit).")
  int backup(
      @ArgGroup(multiplicity = "1") UserCommand.Where where,
      @Option(names = "--index", paramLabel = "DIR", required = true, description = "The index.")
          Path index,
      @Option(
              names = "--uploads",
              paramLabel = "DIR",
              description = "The uploaded originals (default: uploads/ in the workspace folder).")
          Path uploads,
      @Option(names = "--to", paramLabel = "FILE", required = true, description = "The zip file.")
          Path to) {
    if (!Files.isDirectory(index)) {
      console.err().println("gongkai: no index at " + Printable.line(index));
      return ExitCode.USAGE;
    }
    return UserCommand.withWorkspace(
        console,
        where,
        w -> {
          w.audit()
              .record(
                  "command line",
                  "workspace_backed_up",
                  to.toAbsolutePath().normalize().toString(),
                  "command line");
          Backup.Summary s = Backup.write(w, index, uploads(where, uploads), to);
          console.out().println("backed up to " + Printable.line(to.toAbsolutePath().normalize()));
          print(s);
          return ExitCode.OK;
        });
  }

  @Command(
      mixinStandardHelpOptions = true,
      name = "restore",
      description =
          "Restore a backup into a new workspace (a new folder, or an empty database), an empty"
              + " index folder and an empty originals folder.")
  int restore(
      @Parameters(paramLabel = "FILE") Path from,
      @ArgGroup(multiplicity = "1") UserCommand.Where where,
      @Option(names = "--index", paramLabel = "DIR", required = true, description = "The index.")
          Path index,
      @Option(
              names = "--uploads",
              paramLabel = "DIR",
              description = "The uploaded originals (default: uploads/ in the workspace folder).")
          Path uploads) {
    if (!Files.isRegularFile(from)) {
      console.err().println("gongkai: no backup file " + Printable.line(from));
      return ExitCode.USAGE;
    }
    return UserCommand.withWorkspace(
        console,
        where,
        w -> {
          Backup.Summary s = Backup.restore(from, w, index, uploads(where, uploads));
          w.audit()
              .record(
                  "command line",
                  "workspace_restored",
                  from.toAbsolutePath().normalize().toString(),
                  "command line");
          console.out().println("restored " + Printable.line(from));
          print(s);
          return ExitCode.OK;
        });
  }

  private void print(Backup.Summary s) {
    long rows = s.rows().values().stream().mapToLong(Integer::longValue).sum();
    StringBuilder tables = new StringBuilder();
    for (Map.Entry<String, Integer> e : s.rows().entrySet())
      if (e.getValue() > 0)
        tables
            .append(tables.length() == 0 ? "" : ", ")
            .append(e.getKey())
            .append(' ')
            .append(e.getValue());
    console.out().printf("database:  %d rows (%s)%n", rows, tables);
    console.out().printf("index:     %d files%n", s.indexFiles());
    console.out().printf("originals: %d files%n", s.originals());
  }
}
