package org.gongkai.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.List;
import org.gongkai.TestSupport;
import org.gongkai.index.IndexStore;
import org.gongkai.ingest.Indexer;
import org.gongkai.model.SearchPage;
import org.gongkai.model.SearchRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The portal's answers kept per index version: the same page until the index changes. */
class PageCacheTest {

  @TempDir Path dir;

  @Test
  void aKeptAnswerIsTheSearchsAnswerUntilTheIndexChanges() throws Exception {
    try (IndexStore store =
        TestSupport.index(
            dir.resolve("index"),
            List.of(TestSupport.CORPUS.resolve("formats/000_988c7a9063883e3f.pdf")))) {
      SearchService cached = new SearchService(store, TestSupport.gazetteer(), 2);
      SearchService plain = new SearchService(store, TestSupport.gazetteer());
      SearchRequest q = SearchRequest.of("\"三公经费\"");
      SearchPage first = cached.search(q);
      SearchPage again = cached.search(q);
      SearchPage fresh = plain.search(q);
      for (SearchPage p : List.of(again, fresh)) {
        assertEquals(first.total(), p.total());
        assertEquals(first.hits(), p.hits());
        assertEquals(first.facets(), p.facets());
      }
      // another size is another key: its own answer, not the kept one
      assertEquals(1, cached.search(q.withSize(1)).hits().size());
      // a commit makes a new version: the answer is searched again
      TestSupport.indexer()
          .run(
              store,
              List.of(TestSupport.CORPUS.resolve("formats/004_37d039dcb8ad6afc.html")),
              false,
              Indexer.Progress.NONE);
      SearchPage after = cached.search(q);
      assertEquals(plain.search(q).total(), after.total());
      assertNotEquals(first.total(), after.total());
    }
  }
}
