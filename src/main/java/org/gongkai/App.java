package org.gongkai;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import org.gongkai.cli.BatchJvm;
import org.gongkai.cli.Cli;
import org.gongkai.cli.ExitCode;

/**
 * Entry point of {@code java -jar gongkai.jar}: runs one command of {@link Cli} (the commands live
 * in {@code org.gongkai.cli}, one class each).
 */
public final class App {
  private App() {}

  /** Exit codes, a public contract (the same as {@link ExitCode}'s). */
  public static final int OK = ExitCode.OK;

  public static final int FAILED = ExitCode.FAILED;
  public static final int USAGE = ExitCode.USAGE;
  public static final int SOME_FAILED = ExitCode.SOME_FAILED;

  /** The index is busy (another run writes to it), not a folder, or damaged. */
  public static final int INDEX_UNAVAILABLE = ExitCode.INDEX_UNAVAILABLE;

  /** Runs the command line with the given streams and returns the exit code. */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    return Cli.execute(out, err, args);
  }

  public static void main(String[] args) {
    PrintWriter out =
        new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    BatchJvm.followParent();
    if (BatchJvm.wanted(
        args, System.getenv(), ManagementFactory.getRuntimeMXBean().getInputArguments())) {
      try {
        System.exit(BatchJvm.relaunch(App.class.getName(), args));
      } catch (java.io.IOException e) {
        // no second JVM (no java binary where this one runs): run here, with both compilers
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        System.exit(FAILED);
      }
    }
    System.exit(execute(out, err, args));
  }
}
