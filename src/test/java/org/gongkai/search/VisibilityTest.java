package org.gongkai.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.gongkai.TestSupport;
import org.gongkai.index.IndexStore;
import org.gongkai.model.SearchRequest;
import org.gongkai.model.Visibility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a request may not see is as if it had never been indexed: a document {@link Visibility}
 * hides is left out of hits, totals, facet counts, report lists, counts and lookups, and the same
 * search without it hidden (another request's, or a cached page) is unchanged. The workspace's
 * private collections will set it for each request.
 */
class VisibilityTest {

  @TempDir static Path dir;
  static IndexStore store;
  static SearchService search;

  static final String HANYANG = "52bbe3626a4811c6";

  @BeforeAll
  static void index() throws Exception {
    store = TestSupport.index(dir.resolve("index"), List.of(TestSupport.CORPUS.resolve("formats")));
    search = new SearchService(store, TestSupport.gazetteer(), 64);
  }

  @AfterAll
  static void close() throws Exception {
    search.close();
    store.close();
  }

  @AfterEach
  void clear() {
    Visibility.clear();
  }

  @Test
  void aHiddenFileHidesTheReportItWasMergedInto(@TempDir Path other) throws Exception {
    // the GBK text saved from the 洪江区 web page is one report with it: hiding the text's bytes
    // hides the report it joined, wherever its records lie
    try (IndexStore both =
        TestSupport.index(
            other.resolve("index"),
            List.of(
                TestSupport.CORPUS.resolve("formats"), TestSupport.CORPUS.resolve("variants")))) {
      Path gbk = TestSupport.CORPUS.resolve("variants/004_37d039dcb8ad6afc.gbk.txt");
      String sha = org.gongkai.index.ContentHash.of(gbk);
      String holder =
          both.files().values().stream()
              .filter(f -> f.sha256().equals(sha))
              .findFirst()
              .orElseThrow()
              .docId();
      assertTrue(!holder.equals(sha.substring(0, 16)), "merged into another report: " + holder);
      int documents = both.documentCount();
      Visibility.set(Set.of(sha));
      assertTrue(both.document(holder).isEmpty());
      assertEquals(documents - 1, both.documentCount());
      Visibility.clear();
      assertTrue(both.document(holder).isPresent());
    }
  }

  @Test
  void aHiddenDocumentIsLeftOutOfEverythingARequestReads() throws Exception {
    SearchRequest reception = SearchRequest.of("公务接待费");
    var all = search.search(reception);
    long hanyangHits = all.hits().stream().filter(h -> h.docId().equals(HANYANG)).count();
    assertTrue(hanyangHits > 0);
    int documents = store.documentCount();
    int sections = store.sectionCount();
    int hanyangSections = store.sections(HANYANG).size();

    Visibility.set(Set.of(HANYANG));
    var seen = search.search(reception);
    assertEquals(0, seen.hits().stream().filter(h -> h.docId().equals(HANYANG)).count());
    assertEquals(all.total() - 2, seen.total()); // its two sections that name 公务接待费
    // the region facet counts it no more: 汉阳区 is gone from 武汉市
    assertTrue(all.facets().toString().contains("汉阳区"), all.facets().toString());
    assertTrue(!seen.facets().toString().contains("汉阳区"), seen.facets().toString());
    assertEquals(documents - 1, store.documentCount());
    assertEquals(sections - hanyangSections, store.sectionCount());
    assertTrue(store.document(HANYANG).isEmpty());
    assertTrue(store.sections(HANYANG).isEmpty());
    assertTrue(store.indicators(HANYANG).isEmpty());
    assertEquals(
        0,
        search.documents(SearchRequest.of("")).documents().stream()
            .filter(d -> d.docId().equals(HANYANG))
            .count());

    // another request, nothing hidden: the same as before (the cached page is not the hidden one)
    Visibility.clear();
    assertEquals(all.total(), search.search(reception).total());
    assertTrue(store.document(HANYANG).isPresent());
    assertEquals(documents, store.documentCount());
    // another request hiding another report: its own mask, not the last one's
    Visibility.set(Set.of("d42c6830081dfa35"));
    assertTrue(store.document(HANYANG).isPresent());
    assertTrue(store.document("d42c6830081dfa35").isEmpty());
    Visibility.set(Set.of(HANYANG));
    assertTrue(store.document(HANYANG).isEmpty());
    assertTrue(store.document("d42c6830081dfa35").isPresent());
  }
}
