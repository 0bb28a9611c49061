package org.gongkai;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.gongkai.workspace.Collection;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code collection create|share|unshare|add|list}: a workspace's collections and who may read
 * them. Files are added by their content (SHA-256) before they are indexed, so a private file is
 * never shown to anyone it is not shared with, not even for the moments between indexing it and
 * adding it.
 */
@Command(
    name = "collection",
    description = "Manage a workspace's collections: create, share, unshare, add, list.")
final class CollectionCommand implements Runnable {

  @picocli.CommandLine.Mixin HelpOption help = new HelpOption();

  private final Console console;

  CollectionCommand(Console console) {
    this.console = console;
  }

  @Override
  public void run() {
    new picocli.CommandLine(this).usage(console.err());
  }

  @Command(
      mixinStandardHelpOptions = true,
      name = "create",
      description = "Create a collection, private unless --public.")
  int create(
      @Parameters(paramLabel = "NAME") String name,
      @Option(names = "--public", description = "Anyone may read it, signed in or not.")
          boolean isPublic,
      @ArgGroup(multiplicity = "1") UserCommand.Where where) {
    return with(
        where,
        w -> {
          Collection c = w.collections().create(name, isPublic, null, "command line");
          console
              .out()
              .println("created " + c.name() + (c.isPublic() ? " (public)" : " (private)"));
          return App.OK;
        });
  }

  @Command(
      mixinStandardHelpOptions = true,
      name = "share",
      description = "Give a user a collection, as reader or editor.")
  int share(
      @Parameters(index = "0", paramLabel = "COLLECTION") String collection,
      @Parameters(index = "1", paramLabel = "USER") String user,
      @Option(
              names = "--role",
              required = true,
              paramLabel = "ROLE",
              description = "reader or editor.")
          String role,
      @ArgGroup(multiplicity = "1") UserCommand.Where where) {
    return with(
        where,
        w -> {
          w.collections().share(collection, user, role, null, "command line");
          console.out().println("shared " + collection + " with " + user + " (" + role + ")");
          return App.OK;
        });
  }

  @Command(
      mixinStandardHelpOptions = true,
      name = "unshare",
      description = "Take a collection away from a user.")
  int unshare(
      @Parameters(index = "0", paramLabel = "COLLECTION") String collection,
      @Parameters(index = "1", paramLabel = "USER") String user,
      @ArgGroup(multiplicity = "1") UserCommand.Where where) {
    return with(
        where,
        w -> {
          w.collections().unshare(collection, user, null, "command line");
          console.out().println("unshared " + collection + " from " + user);
          return App.OK;
        });
  }

  @Command(
      mixinStandardHelpOptions = true,
      name = "add",
      description =
          "Put files (folders walked) in a collection by their content; index them after, with: index PATH...")
  int add(
      @Parameters(index = "0", paramLabel = "COLLECTION") String collection,
      @Parameters(index = "1..*", arity = "1..*", paramLabel = "PATH") List<Path> paths,
      @ArgGroup(multiplicity = "1") UserCommand.Where where) {
    Set<String> shas = new TreeSet<>();
    try {
      for (Path p : paths) {
        if (!Files.exists(p)) {
          console.err().println("gongkai: no such file or folder: " + p);
          return App.USAGE;
        }
        List<Path> files;
        try (var walk = Files.walk(p)) {
          files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
          String name = f.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
          if (name.endsWith(".zip") || name.endsWith(".7z") || name.endsWith(".rar")) {
            console
                .err()
                .println(
                    "gongkai: "
                        + f
                        + ": an archive's members are documents of their own: unpack it and add"
                        + " the folder");
            return App.USAGE;
          }
          shas.add(org.gongkai.index.ContentHash.of(f));
        }
      }
    } catch (IOException e) {
      console.err().println("gongkai: " + Printable.reason(e));
      return App.FAILED;
    }
    return with(
        where,
        w -> {
          int added = w.collections().addFiles(collection, shas, null, "command line");
          console
              .out()
              .println(
                  "added "
                      + added
                      + " files to "
                      + collection
                      + (shas.size() > added ? " (" + (shas.size() - added) + " held already)" : "")
                      + "; index them with: index PATH...");
          return App.OK;
        });
  }

  @Command(
      mixinStandardHelpOptions = true,
      name = "list",
      description = "List the collections: name, public or private, files.")
  int list(@ArgGroup(multiplicity = "1") UserCommand.Where where) {
    return with(
        where,
        w -> {
          for (Collection c : w.collections().list())
            console
                .out()
                .println(
                    c.name() + "\t" + (c.isPublic() ? "public" : "private") + "\t" + c.files());
          return App.OK;
        });
  }

  private int with(UserCommand.Where where, UserCommand.Action action) {
    return UserCommand.withWorkspace(console, where, action);
  }
}
