package org.gongkai.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.search.ReferenceManager;
import org.gongkai.TestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A portal's index refreshed on every request (#69): Lucene is asked (a listing of the folder, a
 * read of its newest commit point) only when the folder changed since it was last found current —
 * and every commit another process makes is still seen at the next request.
 */
class ReaderRefreshTest {

  @TempDir Path dir;

  static final Path A = TestSupport.CORPUS.resolve("seeds/000_988c7a9063883e3f.txt");
  static final Path B = TestSupport.CORPUS.resolve("seeds/004_37d039dcb8ad6afc.txt");

  /** The folder's time set back, as if nothing had been written in it for a while. */
  static void quiet(Path index) throws Exception {
    Files.setLastModifiedTime(
        index, FileTime.fromMillis(System.currentTimeMillis() - 10 * IndexStore.QUIET_MILLIS));
  }

  @Test
  void lookedUpOnlyWhenTheFolderChangedAndEveryCommitSeen() throws Exception {
    Path index = dir.resolve("index");
    TestSupport.index(index, List.of(A)).close();
    try (IndexStore reader = IndexStore.openForReading(index)) {
      AtomicInteger asked = new AtomicInteger();
      reader
          .searchers()
          .addListener(
              new ReferenceManager.RefreshListener() {
                @Override
                public void beforeRefresh() {
                  asked.incrementAndGet();
                }

                @Override
                public void afterRefresh(boolean didRefresh) {}
              });
      quiet(index);
      // first seen: asked, and asked again until the time has stayed the same for a while by this
      // process's clock (a file server's may be behind)
      reader.refresh();
      Thread.sleep(IndexStore.QUIET_MILLIS + 200);
      for (int i = 0; i < 50; i++) reader.refresh();
      assertEquals(2, asked.get(), "asked twice, then the folder's time says nothing changed");
      assertEquals(1, reader.documentCount());

      // another process commits: seen at the next refresh
      TestSupport.index(index, List.of(A, B)).close();
      reader.refresh();
      assertEquals(2, reader.documentCount());

      // a folder changed within the last two seconds is asked about every time (a file system
      // may keep times to the second)
      int before = asked.get();
      Files.setLastModifiedTime(index, FileTime.fromMillis(System.currentTimeMillis()));
      for (int i = 0; i < 5; i++) reader.refresh();
      assertEquals(before + 5, asked.get());
    }
  }
}
