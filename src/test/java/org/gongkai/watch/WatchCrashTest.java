package org.gongkai.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.gongkai.Crashes;
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
    for (int i = 0; i < FILES; i++)
      Files.writeString(
          staged.resolve(String.format("r%03d.txt", i)),
          Crashes.ownReport(seed, i),
          StandardCharsets.UTF_8);
    Path crawl = Files.createDirectories(dir.resolve("crawl"));
    Path index = dir.resolve("index");

    Process first = watch(crawl, index, "first.log");
    // the burst, all at once; killed once some of it is read, before all is
    Files.move(staged, crawl.resolve("burst"));
    // killed three seconds into the burst's run (which takes far longer: asserted below)
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (WatchStatus.read(index).map(s -> !s.state().equals("indexing")).orElse(true)) {
      assertTrue(System.nanoTime() < deadline, Files.readString(dir.resolve("first.log")));
      Thread.sleep(20);
    }
    Thread.sleep(3000);
    Crashes.killTree(first);
    assertTrue(Crashes.checkIndex(index), "CheckIndex finds no problem after the kill");
    assertTrue(indexed(index) < FILES, "the burst was done before it could be killed");

    // started again, it first brings the index up to date (the rest of the burst: minutes on a
    // loaded machine), and only then says it watches
    Path secondLog = dir.resolve("second.log");
    Process second =
        Crashes.launch(
            secondLog, "index", "--index", index.toString(), "--watch", crawl.toString());
    try {
      deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
      while (indexed(index) < FILES || !Files.readString(secondLog).contains("watching 1 folder")) {
        assertTrue(second.isAlive(), "ended: " + Files.readString(secondLog));
        assertTrue(System.nanoTime() < deadline, Files.readString(secondLog));
        Thread.sleep(200);
      }
    } finally {
      Crashes.killTree(second);
    }
    assertTrue(Crashes.checkIndex(index));
    try (IndexStore store = IndexStore.openForReading(index)) {
      assertEquals(FILES, store.documentCount(), "each file one report, once");
      Set<String> files = new HashSet<>();
      for (IndexedFile f : store.files().values())
        files.add(Path.of(f.path()).getFileName().toString());
      assertEquals(FILES, files.size());
    }
  }

  /** Files the index holds, by the manifest its last run wrote. */
  private static long indexed(Path index) throws Exception {
    Path m = index.resolve("manifest.tsv");
    if (!Files.exists(m)) return 0;
    return Files.readAllLines(m).stream().filter(l -> l.contains("\tindexed\t")).count();
  }

  private Process watch(Path crawl, Path index, String log) throws Exception {
    return Crashes.start(
        dir.resolve(log),
        "watching 1 folder",
        "index",
        "--index",
        index.toString(),
        "--watch",
        crawl.toString());
  }
}
