package org.gongkai.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.gongkai.TestSupport;
import org.gongkai.index.IndexStore;
import org.gongkai.ingest.Indexer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark draws its phrases from the sections in the order of their ids, not the index's: the
 * same reports indexed in another order (as parallel ingest does from run to run) give the same
 * phrases for the same seed.
 */
class SectionOrderTest {

  @TempDir Path dir;

  @Test
  void theSameReportsIndexedInAnotherOrderGiveTheSamePhrases() throws Exception {
    List<Path> seeds;
    try (Stream<Path> s = Files.list(TestSupport.CORPUS.resolve("seeds"))) {
      seeds = s.sorted().toList();
    }
    List<Path> reversed = new ArrayList<>(seeds);
    java.util.Collections.reverse(reversed);
    try (IndexStore forward = indexOneByOne(dir.resolve("forward"), seeds);
        IndexStore backward = indexOneByOne(dir.resolve("backward"), reversed)) {
      // the index's own order differs: what the draws were taken from before
      assertNotEquals(docIds(forward), docIds(backward));

      List<String[]> a = Benchmark.sections(forward);
      List<String[]> b = Benchmark.sections(backward);
      assertEquals(ids(a), ids(b));
      assertTrue(a.size() > 100, "sections: " + a.size());
      List<String> sorted = new ArrayList<>(ids(a));
      java.util.Collections.sort(sorted);
      assertEquals(sorted, ids(a));
      for (int i = 0; i < a.size(); i++) assertEquals(a.get(i)[1], b.get(i)[1]);

      List<String> drawn = Benchmark.phrases(forward, new Random(7), 40);
      assertEquals(40, drawn.size());
      assertEquals(drawn, Benchmark.phrases(backward, new Random(7), 40));
      assertEquals(
          Benchmark.distinctPhrases(a, new Random(9), 60),
          Benchmark.distinctPhrases(b, new Random(9), 60));
    }
  }

  /** Each file in a run of its own, so each report lands after the one before it. */
  private static IndexStore indexOneByOne(Path index, List<Path> files) throws Exception {
    IndexStore store = IndexStore.openForWriting(index);
    Indexer indexer = TestSupport.indexer();
    for (Path f : files) indexer.run(store, List.of(f), false, Indexer.Progress.NONE);
    store.refreshNow();
    return store;
  }

  private static List<String> docIds(IndexStore store) throws Exception {
    return store.documents().stream().map(d -> d.docId()).toList();
  }

  private static List<String> ids(List<String[]> sections) {
    return sections.stream().map(s -> s[0]).toList();
  }
}
