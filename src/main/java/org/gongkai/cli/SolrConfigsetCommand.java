package org.gongkai.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gongkai.regions.Gazetteer;
import org.gongkai.solr.Configset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code solr-configset DIR}: writes Gongkai's SolrCloud configset (schema, Solr configuration and
 * the division names of the word field's dictionary), ready for {@code bin/solr zk upconfig}.
 */
@Command(
    name = "solr-configset",
    description =
        "Write the SolrCloud configset for a Gongkai collection (upload it with: bin/solr zk upconfig"
            + " -n gongkai -d DIR).")
final class SolrConfigsetCommand implements Callable<Integer> {

  @picocli.CommandLine.Mixin HelpOption help = new HelpOption();

  @Parameters(paramLabel = "DIR", description = "Where to write it (created if needed).")
  Path dir;

  private final Console console;
  private final Gazetteer gazetteer;

  SolrConfigsetCommand(Console console, Gazetteer gazetteer) {
    this.console = console;
    this.gazetteer = gazetteer;
  }

  @Override
  public Integer call() throws IOException {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      console.err().println("gongkai: not a folder: " + Printable.line(dir));
      return ExitCode.USAGE;
    }
    Path written = Configset.write(dir, gazetteer);
    try (var files = Files.list(written)) {
      for (Path f : files.sorted().toList())
        console.out().printf("%s (%d bytes)%n", f.toAbsolutePath().normalize(), Files.size(f));
    }
    return ExitCode.OK;
  }
}
