package org.gongkai.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The workers of a run take the largest file waiting first, then files in their order; settling
 * (what the run reports) stays in file order, which {@code IndexerTest} pins.
 */
class LargestFirstTest {

  @Test
  void theLargestWaitingFileIsTakenFirstThenFileOrder() throws Exception {
    ThreadPoolExecutor workers = Indexer.largestFirst(1);
    try {
      CountDownLatch busy = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      List<String> taken = Collections.synchronizedList(new ArrayList<>());
      // the one worker is kept busy while the others wait in the queue
      workers.execute(
          new Indexer.Job<Void>(
              () -> {
                busy.countDown();
                release.await();
                return null;
              },
              1,
              0));
      assertTrue(busy.await(10, TimeUnit.SECONDS));
      long[][] files = {{10, 1}, {30, 2}, {20, 3}, {30, 4}, {10, 5}};
      List<Indexer.Job<Void>> jobs = new ArrayList<>();
      for (long[] f : files) {
        Indexer.Job<Void> job =
            new Indexer.Job<Void>(
                () -> {
                  taken.add(f[0] + "@" + f[1]);
                  return null;
                },
                f[0],
                f[1]);
        jobs.add(job);
        workers.execute(job);
      }
      release.countDown();
      for (Indexer.Job<Void> j : jobs) j.get(10, TimeUnit.SECONDS);
      assertEquals(List.of("30@2", "30@4", "20@3", "10@1", "10@5"), taken);
    } finally {
      workers.shutdownNow();
    }
  }
}
