package org.gongkai.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.gongkai.TestSupport;
import org.gongkai.index.IndexStore;
import org.gongkai.model.IndexedDocument;
import org.gongkai.model.IndexedSection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} in the middle of a large indexing run: the index opens at its last commit,
 * Lucene's CheckIndex finds nothing wrong, and running {@code index} again finishes the work
 * without duplicates.
 */
class CrashSafetyTest {

  static final int FILES = 300;

  @TempDir Path dir;

  @Test
  void anIndexerKilledMidRunLeavesAConsistentIndexThatARerunCompletes() throws Exception {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    String seed = Files.readString(Path.of("corpus/seeds/003_630d0209e54699b1.txt"));
    for (int i = 0; i < FILES; i++) {
      Files.writeString(
          corpus.resolve(String.format("report-%03d.txt", i)),
          org.gongkai.Crashes.ownReport(seed, i));
    }
    Path index = dir.resolve("index");

    // a separate JVM, so the kill is real: SIGKILL, no shutdown hooks, no IndexWriter.close()
    Process child = index(index, corpus, "child.log", "--commit-every", "0.2");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!committedOnce(index) && child.isAlive() && System.nanoTime() < deadline)
      Thread.sleep(10);
    assertTrue(
        child.isAlive(),
        "the run must still be going when it is killed: "
            + Files.readString(dir.resolve("child.log")));
    // index runs in a second JVM it starts (BatchJvm): the whole run is killed, that JVM first
    List<ProcessHandle> run = new ArrayList<>(child.descendants().toList());
    for (ProcessHandle p : run) p.destroyForcibly();
    for (ProcessHandle p : run) p.onExit().get(30, TimeUnit.SECONDS);
    child.destroyForcibly(); // SIGKILL on Linux
    child.waitFor(30, TimeUnit.SECONDS);
    assertNotEquals(0, child.exitValue());

    assertTrue(org.gongkai.Crashes.checkIndex(index), "CheckIndex finds no problem after the kill");
    int committed;
    try (IndexStore store = IndexStore.openForReading(index)) {
      committed = store.documentCount();
      assertTrue(committed > 0 && committed < FILES, committed + " documents at the last commit");
      assertEquals(
          committed,
          store.files().size(),
          "every committed document has its file record, and no more");
    }

    IngestReport rerun;
    try (IndexStore store = IndexStore.openForWriting(index)) {
      rerun = TestSupport.indexer().run(store, List.of(corpus), false, Indexer.Progress.NONE);
      assertEquals(FILES - committed, rerun.indexed());
      assertEquals(committed, rerun.unchanged());
      assertEquals(FILES, store.documentCount());
      List<String> ids = new ArrayList<>();
      for (IndexedDocument d : store.documents())
        for (IndexedSection s : store.sections(d.docId())) ids.add(s.id());
      Set<String> distinct = new HashSet<>(ids);
      assertEquals(ids.size(), distinct.size(), "no section twice");
      assertEquals(store.sectionCount(), ids.size());
    }
    assertTrue(org.gongkai.Crashes.checkIndex(index));
  }

  /**
   * Two formats of one report committed, then the run dies before it compares formats (a kill after
   * a commit, here the progress reporter failing on the next file): the next run finds both files
   * unchanged and still merges them into one report, as an unbroken run does.
   */
  @Test
  void formatsCommittedBeforeAKillAreMergedByTheNextRun() throws Exception {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    Files.copy(
        Path.of("corpus/formats/004_37d039dcb8ad6afc.html"),
        corpus.resolve("004_37d039dcb8ad6afc.html"));
    Files.copy(
        Path.of("corpus/seeds/004_37d039dcb8ad6afc.txt"),
        corpus.resolve("004_37d039dcb8ad6afc.txt"));
    Files.copy(Path.of("corpus/seeds/000_988c7a9063883e3f.txt"), corpus.resolve("zz-last.txt"));
    Path index = dir.resolve("index");
    Indexer committingEveryFile =
        new Indexer(
            TestSupport.ingestor(),
            java.time.Clock.systemUTC(),
            new org.gongkai.config.IndexConfig(1, java.time.Duration.ZERO));
    Indexer.Progress dying =
        new Indexer.Progress() {
          @Override
          public void start(int files) {}

          @Override
          public void file(Path file) {
            if (file.getFileName().toString().equals("zz-last.txt"))
              throw new IllegalStateException("killed");
          }

          @Override
          public void failed(Path file, String reason) {}

          @Override
          public void done() {}
        };
    try (IndexStore store = IndexStore.openForWriting(index)) {
      org.junit.jupiter.api.Assertions.assertThrows(
          IllegalStateException.class,
          () -> committingEveryFile.run(store, List.of(corpus), false, dying));
    }
    try (IndexStore store = IndexStore.openForReading(index)) {
      // the last file was written by its worker before the reporter failed on it
      assertEquals(3, store.documentCount(), "both formats committed, not yet merged");
    }
    try (IndexStore store = IndexStore.openForWriting(index)) {
      IngestReport rerun =
          TestSupport.indexer().run(store, List.of(corpus), false, Indexer.Progress.NONE);
      assertEquals(0, rerun.indexed());
      assertEquals(3, rerun.unchanged());
      assertEquals(2, store.documentCount(), "the report once, and the last file's");
      var merged =
          store.documents().stream()
              .filter(d -> d.files().stream().anyMatch(f -> f.contains("004_")))
              .toList();
      assertEquals(1, merged.size());
      assertEquals(2, merged.get(0).files().size(), merged.get(0).files().toString());
    }
    // and a third run has nothing left to do
    try (IndexStore store = IndexStore.openForWriting(index)) {
      IngestReport again =
          TestSupport.indexer().run(store, List.of(corpus), false, Indexer.Progress.NONE);
      assertEquals(0, again.indexed());
      assertEquals(2, store.documentCount());
      assertEquals(java.util.Set.of(), store.unmerged());
    }
  }

  /**
   * {@code index} runs in a second JVM ({@code BatchJvm}); killed with SIGKILL, the first cannot
   * stop it, so the second stops itself when it sees its parent gone, and nothing holds the index.
   */
  @Test
  void killingTheJvmThatStartedTheRunStopsTheRun() throws Exception {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    String seed = Files.readString(Path.of("corpus/seeds/003_630d0209e54699b1.txt"));
    for (int i = 0; i < FILES; i++)
      Files.writeString(
          corpus.resolve(String.format("report-%03d.txt", i)),
          org.gongkai.Crashes.ownReport(seed, i)); // each its own report: a run of minutes
    Path index = dir.resolve("index");
    Process parent = index(index, corpus, "parent.log");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    List<ProcessHandle> run = List.of();
    while (run.isEmpty() && parent.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(10);
      run = parent.descendants().toList();
    }
    assertEquals(1, run.size(), "one JVM started for the run");
    String cmdline = "";
    // the new process's command line shows once it has started java (its first 4096 characters:
    // the JDK reads no more, and the test's class path is longer, so the main class is not seen)
    for (int tries = 0; tries < 1500 && !cmdline.contains(" -XX:TieredStopAtLevel=1 "); tries++) {
      Thread.sleep(20);
      cmdline = run.get(0).info().commandLine().orElse("");
    }
    assertTrue(cmdline.contains(" -XX:TieredStopAtLevel=1 "), cmdline);
    parent.destroyForcibly(); // SIGKILL: no shutdown hook stops the run's JVM
    parent.waitFor(30, TimeUnit.SECONDS);
    // it stopped itself (killed before the child reached its main, it stops there: it follows the
    // starter by its pid, not whatever its parent is by then)
    run.get(0).onExit().get(60, TimeUnit.SECONDS);
    assertTrue(!run.get(0).isAlive());
    try (IndexStore store = IndexStore.openForWriting(index)) { // the index is free again
      assertTrue(store.documentCount() < FILES);
    }
  }

  /** {@code java … App index --index INDEX OPTIONS… CORPUS} started, its output in {@code log}. */
  private Process index(Path index, Path corpus, String log, String... options) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "org.gongkai.App",
                "index",
                "--index",
                index.toString()));
    command.addAll(List.of(options));
    command.add(corpus.toString());
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve(log).toFile())
        .start();
  }

  private static boolean committedOnce(Path index) {
    try (var files = Files.list(index)) {
      return files.anyMatch(f -> f.getFileName().toString().startsWith("segments_"));
    } catch (Exception e) {
      return false; // not created yet
    }
  }
}
