package org.gongkai.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.gongkai.bench.SyntheticCorpus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code synth --docs N --seed S OUT_DIR}: writes a deterministic synthetic corpus. */
@Command(
    name = "synth",
    description =
        "Write N realistic synthetic reports, varied from the bundled ones (deterministic for a seed).")
final class SynthCommand implements Callable<Integer> {

  @picocli.CommandLine.Mixin HelpOption help = new HelpOption();

  @Option(names = "--docs", paramLabel = "N", required = true, description = "Number of reports.")
  int docs;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(
      names = "--corpus",
      paramLabel = "DIR",
      description = "The reports to vary (default: ${DEFAULT-VALUE}).")
  Path seeds = Path.of("corpus", "seeds");

  @Parameters(paramLabel = "OUT_DIR", description = "Where to write the reports.")
  Path out;

  private final Console console;
  private final Seeds generator;

  SynthCommand(Console console, Seeds seeds) {
    this.console = console;
    this.generator = seeds;
  }

  @Override
  public Integer call() throws Exception {
    if (docs < 1) {
      console.err().println("gongkai: --docs must be at least 1");
      return ExitCode.USAGE;
    }
    if (!Wiring.hasSeedReports(console, seeds)) return ExitCode.USAGE;
    SyntheticCorpus synth = generator.vary(seeds);
    List<Path> files = synth.write(out, 0, docs, seed);
    console.out().printf("%d reports in %s%n", files.size(), out.toAbsolutePath().normalize());
    return ExitCode.OK;
  }
}
