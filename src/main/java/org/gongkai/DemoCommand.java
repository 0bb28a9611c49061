package org.gongkai;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.gongkai.extract.ExtractionException;
import org.gongkai.ingest.DocumentJson;
import org.gongkai.model.DisclosureDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code demo}: runs the pipeline over the bundled sample corpus. Until the search index and portal
 * land it prints what ingest made of each file.
 */
@Command(name = "demo", description = "Ingest the bundled sample corpus and show the result.")
final class DemoCommand implements Callable<Integer> {

  @Option(names = "--corpus", description = "Sample corpus folder (default: ${DEFAULT-VALUE}).")
  Path corpus = Path.of("corpus");

  private final App app;

  DemoCommand(App app) {
    this.app = app;
  }

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(corpus)) {
      app.err().println("gongkai: no sample corpus at " + corpus.toAbsolutePath() + " (run demo from the repository root)");
      return App.FAILED;
    }
    List<Path> files;
    try (Stream<Path> s = Files.walk(corpus)) {
      files = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("README.md")).sorted().toList();
    }
    var ingestor = app.ingestor();
    int failed = 0;
    for (Path f : files) {
      try {
        DisclosureDocument d = ingestor.ingest(f);
        app.out().printf("%-48s %s | %s %s | %s | %d sections%n", f, d.issuer(), d.year(), d.kind(),
            DocumentJson.describe(d.region()), d.sections().size());
      } catch (ExtractionException e) {
        failed++;
        app.err().println("gongkai: " + f + ": " + e.getMessage());
      }
    }
    app.out().printf("%d files, %d failed. Try: java -jar target/gongkai.jar inspect %s%n", files.size(), failed, files.get(0));
    return failed == 0 ? App.OK : App.SOME_FAILED;
  }
}
