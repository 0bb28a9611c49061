package org.gongkai.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: the root command and its subcommands, each built by hand (no container, no
 * reflection) from {@link Wiring}.
 */
@Command(
    name = "gongkai",
    mixinStandardHelpOptions = true,
    version = "gongkai 0.1",
    description = "Search portal over Chinese public-finance disclosures.",
    subcommands = {
      InspectCommand.class,
      IndexCommand.class,
      SolrConfigsetCommand.class,
      SearchCommand.class,
      BatchCommand.class,
      ServeCommand.class,
      DemoCommand.class,
      SynthCommand.class,
      BenchCommand.class,
      UserCommand.class,
      CollectionCommand.class,
      GroupCommand.class,
      WorkspaceCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Cli implements Runnable {

  /**
   * The class {@code java -jar gongkai.jar} runs, for a command that starts another JVM of this
   * build (named, not imported: the commands sit below the entry point).
   */
  public static final String MAIN_CLASS = "org.gongkai.App";

  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  /**
   * No command named: a usage error, with the usage (a new CommandLine over this one would fail).
   */
  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "gongkai: name a command (gongkai help lists them)");
  }

  /** Runs the command line with the given streams and returns the exit code. */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    String names = System.getProperty("sun.jnu.encoding", "UTF-8");
    boolean help =
        java.util.Arrays.stream(args)
            .anyMatch(a -> a.equals("--help") || a.equals("-h") || a.equals("--version"));
    if (!help && !isUtf8(names)) {
      // Java reads file names in the locale's encoding, fixed when it starts: in a POSIX locale
      // every Chinese name becomes question marks (files lost by --prune, downloads failing)
      err.println(
          "gongkai: file names cannot be read in this locale ("
              + names
              + "): run with a UTF-8 locale, e.g. LANG=C.UTF-8 java -jar gongkai.jar …");
      err.flush();
      return ExitCode.USAGE;
    }
    Cli app = new Cli();
    Console console = new Console(out, err);
    Wiring wiring = new Wiring();
    CommandLine cli =
        new CommandLine(
            app,
            new CommandLine.IFactory() {
              @Override
              public <K> K create(Class<K> cls) throws Exception {
                if (cls == InspectCommand.class)
                  return cls.cast(
                      new InspectCommand(
                          console, wiring::ingestor, wiring.inspectJson(), wiring.json()));
                if (cls == IndexCommand.class)
                  return cls.cast(new IndexCommand(console, wiring::indexer));
                if (cls == SolrConfigsetCommand.class)
                  return cls.cast(new SolrConfigsetCommand(console, wiring.gazetteer()));
                if (cls == SearchCommand.class)
                  return cls.cast(
                      new SearchCommand(
                          console, wiring::searchService, wiring.searchJson(), wiring.json()));
                if (cls == BatchCommand.class)
                  return cls.cast(new BatchCommand(console, wiring::searchService));
                if (cls == ServeCommand.class)
                  return cls.cast(
                      new ServeCommand(
                          console, wiring::portal, wiring::solrPortal, wiring::indexer));
                if (cls == SynthCommand.class)
                  return cls.cast(new SynthCommand(console, wiring::syntheticCorpus));
                if (cls == BenchCommand.class)
                  return cls.cast(
                      new BenchCommand(
                          console,
                          wiring::syntheticCorpus,
                          wiring::ingestor,
                          wiring::extractor,
                          wiring.gazetteer(),
                          wiring.json()));
                if (cls == CollectionCommand.class)
                  return cls.cast(new CollectionCommand(console, wiring::indexer));
                if (cls == GroupCommand.class) return cls.cast(new GroupCommand(console));
                if (cls == WorkspaceCommand.class) return cls.cast(new WorkspaceCommand(console));
                if (cls == UserCommand.class)
                  return cls.cast(
                      new UserCommand(
                          console,
                          () ->
                              new java.io.BufferedReader(
                                  new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8)),
                          System::console));
                if (cls == DemoCommand.class)
                  return cls.cast(new DemoCommand(console, wiring::indexer, wiring::portal));
                return CommandLine.defaultFactory().create(cls);
              }
            });
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, command, parsed) -> {
          for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.gongkai.index.IndexUnavailableException unavailable) {
              err.println("gongkai: " + unavailable.getMessage());
              return ExitCode.INDEX_UNAVAILABLE;
            }
          }
          // what no file explains (each file's failure is reported with it): the index's folder
          // cannot be written or read — a full disk, a read-only or missing folder
          for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException io) {
              err.println("gongkai: the index cannot be written or read: " + Printable.reason(io));
              return ExitCode.INDEX_UNAVAILABLE;
            }
          }
          throw e;
        });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  private static boolean isUtf8(String charset) {
    try {
      return java.nio.charset.Charset.forName(charset).equals(StandardCharsets.UTF_8);
    } catch (RuntimeException e) {
      return false;
    }
  }
}
