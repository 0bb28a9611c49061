package org.gongkai.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code index} (and {@code bench --real}, which measures it) in a JVM that compiles with C1
 * alone ({@code -XX:TieredStopAtLevel=1}), started by {@code main} with the same options.
 *
 * <p>Why: on a crawl of a few hundred files, HotSpot's optimising compiler (C2) took two thirds of
 * the process's CPU. On the 234 files of a real crawl of 2026 budgets, on 2 cores, {@code
 * -XX:+CITime} counted 21.5 s of compilation in a 16.9 s run (1.9 cores busy, 16.3 s of it C2's);
 * with C1 alone the crawl took 10.5–11 s. Code compiled by C1 is slower once warm: 2,000 synthetic
 * text reports took 68.6 s against 65.1–66.0 s. A newsroom's runs are crawls of this size, so C1 is
 * the default for {@code index}; {@code GONGKAI_JIT=full} (or {@code -Dgongkai.jit=full}) keeps the
 * JVM as started, for long runs. The portal ({@code serve}, {@code demo}) keeps both compilers: it
 * runs for days. HotSpot cannot change its compilers in a running JVM (a compiler directive that
 * excludes C2 left methods at C1's profiling tier: 11.9–13.4 s), hence a second JVM.
 */
public final class BatchJvm {

  /** Marks the JVM started by {@link #relaunch}: it runs the command itself. */
  static final String STARTED = "gongkai.batchJvm";

  private BatchJvm() {}

  /** Whether {@code args} should run in a C1 JVM rather than in this one. */
  public static boolean wanted(String[] args, Map<String, String> env, List<String> jvmOptions) {
    if (System.getProperty(STARTED) != null) return false;
    if ("full".equals(System.getProperty("gongkai.jit", env.get("GONGKAI_JIT")))) return false;
    // compilers chosen when the JVM was started are left alone
    for (String o : jvmOptions)
      if (o.startsWith("-XX:TieredStopAtLevel")
          || o.equals("-XX:-TieredCompilation")
          || o.startsWith("-Xint")
          || o.startsWith("-Xcomp")) return false;
    if (args.length == 0) return false;
    List<String> rest = List.of(args).subList(1, args.length);
    if (rest.contains("--help") || rest.contains("-h")) return false;
    return switch (args[0]) {
      case "index" -> true;
        // the synthetic run measures search too, which wants C2's code
      case "bench" -> rest.contains("--real") && !rest.contains("--docs");
      default -> false;
    };
  }

  /**
   * The command line of the C1 JVM: this JVM's options (heap and the like; agents and recordings
   * left out, since they would open the same port or file twice), C1 alone, the same class path,
   * {@code mainClass} (the jar's entry point).
   */
  static List<String> command(String mainClass, String[] args, List<String> jvmOptions) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String o : jvmOptions) {
      if (o.startsWith("-agentlib")
          || o.startsWith("-agentpath")
          || o.startsWith("-javaagent")
          || o.startsWith("-Xrunjdwp")
          || o.startsWith("-XX:StartFlightRecording")) continue;
      cmd.add(o);
    }
    cmd.add("-XX:TieredStopAtLevel=1");
    // the value names the JVM that started it, by its pid: the child follows that one, not whatever
    // its parent is by the time it runs (the starter killed first, the child is an orphan whose
    // parent is init)
    cmd.add("-D" + STARTED + "=" + ProcessHandle.current().pid());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(mainClass);
    cmd.addAll(List.of(args));
    return cmd;
  }

  /**
   * In the C1 JVM: stops it at once, as a kill would, when the JVM that started it is gone (killed
   * with SIGKILL, it could not stop its child itself, and the run would go on holding the index).
   * Checked every tenth of a second.
   */
  public static void followParent() {
    String started = System.getProperty(STARTED);
    if (started == null) return;
    java.util.Optional<ProcessHandle> parent;
    try {
      parent = ProcessHandle.of(Long.parseLong(started));
    } catch (NumberFormatException unnamed) {
      parent = ProcessHandle.current().parent();
    }
    // gone before this JVM came this far: stopped now
    if (parent.isEmpty() || !parent.get().isAlive()) Runtime.getRuntime().halt(ExitCode.FAILED);
    ProcessHandle followed = parent.get();
    Thread watch =
        new Thread(
            () -> {
              while (followed.isAlive()) {
                try {
                  Thread.sleep(100);
                } catch (InterruptedException e) {
                  return;
                }
              }
              Runtime.getRuntime().halt(ExitCode.FAILED);
            },
            "follow-parent");
    watch.setDaemon(true);
    watch.start();
  }

  /**
   * Runs {@code args} of {@code mainClass} in the C1 JVM, sharing this one's terminal; its exit
   * code.
   */
  public static int relaunch(String mainClass, String[] args)
      throws IOException, InterruptedException {
    List<String> options = ManagementFactory.getRuntimeMXBean().getInputArguments();
    Process child = new ProcessBuilder(command(mainClass, args, options)).inheritIO().start();
    // stopped with this JVM (Ctrl-C reaches both; a kill of this one alone stops the child too)
    Thread stop = new Thread(child::destroy, "stop-batch-jvm");
    Runtime.getRuntime().addShutdownHook(stop);
    int code = child.waitFor();
    Runtime.getRuntime().removeShutdownHook(stop);
    return code;
  }
}
