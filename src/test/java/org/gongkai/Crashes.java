package org.gongkai;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.FSDirectory;

/** What the tests that kill a process with {@code kill -9} share. */
public final class Crashes {

  private Crashes() {}

  /**
   * Report {@code i} of a crash test's corpus: {@code seed} with an appendix of a fifth of its
   * length in text no other has (copies the same but for a line would be one report in several
   * files, and merged).
   */
  public static String ownReport(String seed, int i) {
    java.util.Random random = new java.util.Random(i);
    StringBuilder own = new StringBuilder();
    for (int k = 0; k < seed.length() / 5; k++)
      own.append((char) (0x4e00 + random.nextInt(0x5000)));
    return seed + "\n附件：编号" + i + "\n" + own + "。\n";
  }

  /**
   * {@code p} and every process it started (a command may run in a JVM of its own, sized for a
   * batch) killed with SIGKILL: no shutdown hook runs, no IndexWriter is closed.
   */
  public static void killTree(Process p) throws Exception {
    for (ProcessHandle h : p.descendants().toList()) {
      h.destroyForcibly();
      h.onExit().get(30, TimeUnit.SECONDS);
    }
    p.destroyForcibly();
    if (!p.waitFor(30, TimeUnit.SECONDS)) throw new AssertionError("not dead after 30 s: " + p);
  }

  /** Whether Lucene's CheckIndex finds the index sound (its report on stderr when not). */
  public static boolean checkIndex(Path index) throws Exception {
    try (var directory = FSDirectory.open(index);
        CheckIndex check = new CheckIndex(directory)) {
      ByteArrayOutputStream log = new ByteArrayOutputStream();
      check.setInfoStream(new PrintStream(log, true, StandardCharsets.UTF_8));
      CheckIndex.Status status = check.checkIndex();
      if (!status.clean) System.err.println(log.toString(StandardCharsets.UTF_8));
      return status.clean;
    }
  }

  /**
   * {@code gongkai ARGS…} started in a JVM of its own (this test's class path), its output and
   * errors into {@code log}; returned once the output holds {@code ready} (two minutes at most, and
   * not after the process has ended).
   */
  public static Process start(Path log, String ready, String... args) throws Exception {
    Process p = launch(log, args);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      String out = java.nio.file.Files.readString(log);
      if (out.contains(ready)) return p;
      if (!p.isAlive()) throw new AssertionError("ended before it was ready: " + out);
      Thread.sleep(50);
    }
    throw new AssertionError("not ready in two minutes: " + java.nio.file.Files.readString(log));
  }

  /**
   * {@code gongkai ARGS…} started in a JVM of its own (this test's class path), its output and
   * errors into {@code log}; returned at once (the caller waits for what it needs).
   */
  public static Process launch(Path log, String... args) throws Exception {
    java.util.List<String> command =
        new java.util.ArrayList<>(
            java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "org.gongkai.App"));
    command.addAll(java.util.List.of(args));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }
}
