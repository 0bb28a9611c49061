package org.gongkai.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.FSDirectory;
import org.gongkai.index.IndexStore;
import org.gongkai.model.IndexedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of {@code index --watch} in the middle of a burst (#67): the index opens sound at
 * its last commit, and the watch started again first brings it up to date — every file of the burst
 * indexed, each once, nothing read twice into two reports.
 */
class WatchCrashTest {

  static final int FILES = 300;

  @TempDir Path dir;

  @Test
  void aWatchKilledInABurstLosesNothingWhenStartedAgain() throws Exception {
    String seed = Files.readString(Path.of("corpus/seeds/003_630d0209e54699b1.txt"));
    Path staged = Files.createDirectories(dir.resolve("staged"));
    for (int i = 0; i < FILES; i++) {
      // each report its own (copies but for a line would be merged as one report)
      java.util.Random random = new java.util.Random(i);
      StringBuilder own = new StringBuilder();
      for (int k = 0; k < seed.length() / 5; k++)
        own.append((char) (0x4e00 + random.nextInt(0x5000)));
      Files.writeString(
          staged.resolve(String.format("r%03d.txt", i)),
          seed + "\n附件：编号" + i + "\n" + own + "。\n",
          StandardCharsets.UTF_8);
    }
    Path crawl = Files.createDirectories(dir.resolve("crawl"));
    Path index = dir.resolve("index");

    Process first = watch(crawl, index, "first.log");
    // the burst, all at once; killed once some of it is read, before all is
    Files.move(staged, crawl.resolve("burst"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (true) {
      var s = WatchStatus.read(index);
      if (s.isPresent() && s.get().state().equals("indexing") && s.get().read() >= 5) break;
      assertTrue(
          s.isEmpty() || s.get().last() == null || s.get().last().ready() < FILES,
          "the burst was done before it could be killed");
      assertTrue(System.nanoTime() < deadline, Files.readString(dir.resolve("first.log")));
      Thread.sleep(20);
    }
    kill(first);
    assertTrue(checkIndex(index), "CheckIndex finds no problem after the kill");

    Process second = watch(crawl, index, "second.log");
    try {
      deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
      while (indexed(index) < FILES) {
        assertTrue(System.nanoTime() < deadline, Files.readString(dir.resolve("second.log")));
        Thread.sleep(200);
      }
    } finally {
      kill(second);
    }
    assertTrue(checkIndex(index));
    try (IndexStore store = IndexStore.openForReading(index)) {
      assertEquals(FILES, store.documentCount(), "each file one report, once");
      Set<String> files = new HashSet<>();
      for (IndexedFile f : store.files().values())
        files.add(Path.of(f.path()).getFileName().toString());
      assertEquals(FILES, files.size());
    }
    assertTrue(
        Files.readString(dir.resolve("second.log")).contains("watching 1 folder"),
        Files.readString(dir.resolve("second.log")));
  }

  /** Files the index holds, by the manifest its last run wrote. */
  private static long indexed(Path index) throws Exception {
    Path m = index.resolve("manifest.tsv");
    if (!Files.exists(m)) return 0;
    return Files.readAllLines(m).stream().filter(l -> l.contains("\tindexed\t")).count();
  }

  private Process watch(Path crawl, Path index, String log) throws Exception {
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "org.gongkai.App",
                "index",
                "--index",
                index.toString(),
                "--watch",
                crawl.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve(log).toFile())
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (Files.readString(dir.resolve(log)).contains("watching 1 folder")) return p;
      assertTrue(p.isAlive(), Files.readString(dir.resolve(log)));
      Thread.sleep(50);
    }
    throw new AssertionError("the watch did not start: " + Files.readString(dir.resolve(log)));
  }

  private static void kill(Process p) throws Exception {
    // (index may run in a JVM of its own, sized for a batch: killed too)
    for (ProcessHandle h : p.descendants().toList()) {
      h.destroyForcibly();
      h.onExit().get(30, TimeUnit.SECONDS);
    }
    p.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no IndexWriter.close()
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
  }

  private static boolean checkIndex(Path index) throws Exception {
    try (var directory = FSDirectory.open(index);
        CheckIndex check = new CheckIndex(directory)) {
      check.setInfoStream(
          new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      return check.checkIndex().clean;
    }
  }
}
