package org.gongkai.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gongkai.config.IndexConfig;
import org.gongkai.index.IndexStore;
import org.gongkai.workspace.Collection;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code collection create|share|unshare|add|list}: a workspace's collections and who may read
 * them. {@code add} indexes a private collection's files into its own index, the folders and files
 * given recorded as its first (so a later {@code index} of them, or of a file changed in place,
 * keeps them there): nobody it is not shared with ever reads them, not even for a moment.
 */
@Command(
    name = "collection",
    description = "Manage a workspace's collections: create, share, unshare, add, list.")
final class CollectionCommand implements Runnable {

  @picocli.CommandLine.Mixin HelpOption help = new HelpOption();

  private final Console console;
  private final java.util.function.Function<IndexConfig, org.gongkai.ingest.Indexer> indexer;

  CollectionCommand(
      Console console,
      java.util.function.Function<IndexConfig, org.gongkai.ingest.Indexer> indexer) {
    this.console = console;
    this.indexer = indexer;
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
          return ExitCode.OK;
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
    return UserCommand.change(
        console,
        where,
        w -> w.collections().share(collection, user, role, null, "command line"),
        "shared " + collection + " with " + user + " (" + role + ")");
  }

  @Command(
      mixinStandardHelpOptions = true,
      name = "unshare",
      description = "Take a collection away from a user.")
  int unshare(
      @Parameters(index = "0", paramLabel = "COLLECTION") String collection,
      @Parameters(index = "1", paramLabel = "USER") String user,
      @ArgGroup(multiplicity = "1") UserCommand.Where where) {
    return UserCommand.change(
        console,
        where,
        w -> w.collections().unshare(collection, user, null, "command line"),
        "unshared " + collection + " from " + user);
  }

  @Command(
      mixinStandardHelpOptions = true,
      name = "add",
      description =
          "Put files and folders in a collection and index them there: a private collection's in"
              + " its own index (never the public one), a file added later under a folder given"
              + " here too.")
  int add(
      @Parameters(index = "0", paramLabel = "COLLECTION") String collection,
      @Parameters(index = "1..*", arity = "1..*", paramLabel = "PATH") List<Path> paths,
      @Option(
              names = "--index",
              paramLabel = "DIR",
              description = "The index folder the portal serves (default: index).")
          Path index,
      @Option(
              names = "--solr",
              paramLabel = "ZK_HOST/COLLECTION",
              description =
                  "The SolrCloud collection index --solr writes from this index folder: a file"
                      + " taken out of the public index is taken out of it too.")
          String solr,
      @ArgGroup(multiplicity = "1") UserCommand.Where where) {
    Path dir = index == null ? Path.of("index") : index;
    org.gongkai.solr.SolrTarget target;
    try {
      target = solr == null ? null : org.gongkai.solr.SolrTarget.parse(solr);
    } catch (IllegalArgumentException e) {
      console.err().println("gongkai: " + e.getMessage());
      return ExitCode.USAGE;
    }
    java.util.Map<String, String> files = new java.util.TreeMap<>();
    try {
      for (Path p : paths) {
        if (!Files.exists(p)) {
          console.err().println("gongkai: no such file or folder: " + Printable.line(p));
          return ExitCode.USAGE;
        }
        List<Path> found;
        try (var walk = Files.walk(p)) {
          found = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : found)
          files.putIfAbsent(
              org.gongkai.index.ContentHash.of(f), f.toAbsolutePath().normalize().toString());
      }
    } catch (IOException e) {
      console.err().println("gongkai: " + Printable.reason(e));
      return ExitCode.FAILED;
    }
    return with(
        where,
        w -> {
          Collection c =
              w.collections()
                  .find(collection)
                  .orElseThrow(
                      () ->
                          new org.gongkai.workspace.WorkspaceException(
                              "no collection named " + collection));
          int added = w.collections().addFiles(collection, files, null, "command line");
          // where the files lie is the collection's before anything is read: a run killed now
          // leaves them routed to it, never to the public index
          if (!c.isPublic()) org.gongkai.index.CollectionIndexes.addRoots(dir, c.key(), paths);
          org.gongkai.ingest.IngestReport r;
          org.gongkai.solr.SolrCollection replica =
              target == null ? null : org.gongkai.solr.SolrCollection.connect(target);
          try (replica;
              IndexStore store = IndexStore.openForWriting(dir)) {
            if (replica != null) store.replicateTo(replica);
            r =
                indexer
                    .apply(IndexConfig.defaults())
                    .run(
                        store,
                        paths,
                        false,
                        org.gongkai.ingest.Indexer.Progress.NONE,
                        org.gongkai.ingest.Indexer.Domains.beside(dir));
          }
          org.gongkai.ingest.IngestReport own = c.isPublic() ? r : r.collections().get(c.key());
          int indexed = own == null ? 0 : own.indexed();
          int unchanged = own == null ? 0 : own.unchanged() + own.duplicates();
          List<org.gongkai.ingest.IngestReport.Failure> failed =
              own == null ? List.of() : own.failures();
          console
              .out()
              .println(
                  "added "
                      + added
                      + " files to "
                      + c.name()
                      + (files.size() > added
                          ? " (" + (files.size() - added) + " held already)"
                          : "")
                      + "; "
                      + (c.isPublic() ? "the public index" : "its own index")
                      + ": "
                      + indexed
                      + " indexed, "
                      + unchanged
                      + " held already, "
                      + failed.size()
                      + " failed");
          for (var f : failed)
            console
                .err()
                .println(
                    "gongkai: " + Printable.line(f.file()) + ": " + Printable.line(f.reason()));
          return failed.isEmpty() ? ExitCode.OK : ExitCode.SOME_FAILED;
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
          return ExitCode.OK;
        });
  }

  private int with(UserCommand.Where where, UserCommand.Action action) {
    return UserCommand.withWorkspace(console, where, action);
  }
}
