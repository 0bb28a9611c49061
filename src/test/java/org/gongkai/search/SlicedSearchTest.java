package org.gongkai.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;
import org.gongkai.TestSupport;
import org.gongkai.index.IndexStore;
import org.gongkai.ingest.Indexer;
import org.gongkai.model.SearchHit;
import org.gongkai.model.SearchPage;
import org.gongkai.model.SearchRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search over an index of many segments, searched in slices on several threads at once (its hits
 * ranked and its facet values counted while they are collected), gives the very page that the same
 * reports in one segment give: total, hits in order, scores, facet counts — with and without
 * selections, by relevance and by year, on later pages and without facets.
 */
class SlicedSearchTest {

  @TempDir static Path dir;
  static IndexStore oneSlice;
  static IndexStore twoSlices;

  /** A sixth report, of our own words, so that six segments make two slices of at most five. */
  private static final String SIXTH =
      """
      某县财政局2023年度部门决算公开说明
      一、部门概况
      某县财政局负责全县财政收支管理和政府采购监督。
      二、收入支出决算总体情况说明
      2023年度收入总计120.50万元，支出总计118.20万元。
      三、“三公”经费支出决算情况说明
      “三公”经费支出3.10万元，其中公务接待费1.20万元，主要是上级检查工作的接待。
      """;

  @BeforeAll
  static void indexTheSameReportsTwice() throws Exception {
    Path files = Files.createDirectories(dir.resolve("files"));
    List<Path> each = new ArrayList<>();
    try (var s = Files.list(TestSupport.CORPUS.resolve("formats"))) {
      for (Path f : s.sorted().toList()) each.add(Files.copy(f, files.resolve(f.getFileName())));
    }
    each.add(Files.writeString(files.resolve("999_sixth.txt"), SIXTH));
    oneSlice = TestSupport.index(dir.resolve("one"), List.of(files));
    twoSlices = IndexStore.openForWriting(dir.resolve("many"));
    for (Path f : each) // a run, and so a commit and a segment, per file
    TestSupport.indexer().run(twoSlices, List.of(f), false, Indexer.Progress.NONE);
    twoSlices.refreshNow();
  }

  @AfterAll
  static void close() throws Exception {
    oneSlice.close();
    twoSlices.close();
  }

  @Test
  void theIndexesAreSearchedInOneSliceAndInTwo() throws Exception {
    assertEquals(1, shape(oneSlice).get(1));
    // a segment a file (how the file records fall is Lucene's to decide), five to a slice
    assertTrue(shape(twoSlices).get(0) >= 6, shape(twoSlices).toString());
    assertEquals(2, shape(twoSlices).get(1));
  }

  @Test
  void everySearchGivesTheSamePageFromBoth() throws Exception {
    SearchService one = new SearchService(oneSlice, TestSupport.gazetteer());
    SearchService many = new SearchService(twoSlices, TestSupport.gazetteer());
    int hits = 0;
    for (String q : List.of("\"经费\"", "公务接待 支出", "\"三公\"经费", "支出 -\"三公\"", "category:三公经费", "")) {
      for (SearchRequest r :
          List.of(
              SearchRequest.of(q),
              request(q, SearchRequest.Order.RELEVANCE, 2, 5),
              request(q, SearchRequest.Order.YEAR, 1, 10),
              SearchEndToEndTest.request(q, List.of("湖北省"), List.of()),
              SearchEndToEndTest.request(q, List.of(), List.of("2023")))) {
        for (boolean facets : List.of(true, false)) {
          SearchPage a = one.search(r, facets);
          SearchPage b = many.search(r, facets);
          String what = q + " " + r + " facets=" + facets;
          assertEquals(a.total(), b.total(), what);
          assertEquals(scored(a), scored(b), what);
          assertEquals(SearchEndToEndTest.facets(a), SearchEndToEndTest.facets(b), what);
          assertEquals(a.notices(), b.notices(), what);
          hits += a.hits().size();
        }
      }
    }
    assertEquals(1122, hits); // so that no comparison is empty unseen
  }

  private static SearchRequest request(String q, SearchRequest.Order order, int page, int size) {
    return new SearchRequest(
        q, List.of(), List.of(), List.of(), List.of(), List.of(), order, page, size);
  }

  private static List<String> scored(SearchPage p) {
    return p.hits().stream().map((SearchHit h) -> h.id() + " " + h.score()).toList();
  }

  /** Segments and slices of the store's searcher. */
  private static List<Integer> shape(IndexStore store) throws Exception {
    IndexSearcher s = store.searchers().acquire();
    try {
      return List.of(s.getIndexReader().leaves().size(), s.getSlices().length);
    } finally {
      store.searchers().release(s);
    }
  }

  /**
   * A page of four hits or more is read in two halves, the second on a search thread: the hits,
   * their order, snippets and marks are those the calling thread reads alone, for every page
   * length.
   */
  @Test
  void aPageReadInTwoHalvesIsThePageReadOnOneThread() throws Exception {
    SearchService service = new SearchService(twoSlices, TestSupport.gazetteer());
    IndexSearcher searcher = twoSlices.searchers().acquire();
    try {
      org.apache.lucene.search.Query q =
          new ExactQueries(org.gongkai.index.Schema.markingAnalyzer())
              .occurs(org.gongkai.index.Schema.TEXT, "经费")
              .orElseThrow();
      org.apache.lucene.search.ScoreDoc[] all = searcher.search(q, 10).scoreDocs;
      assertEquals(10, all.length);
      for (int n = 0; n <= all.length; n++) {
        org.apache.lucene.search.ScoreDoc[] page = java.util.Arrays.copyOf(all, n);
        List<SearchHit> split = service.hits(searcher, page, List.of(q));
        assertEquals(n, split.size());
        assertEquals(service.hitsOf(searcher, page, List.of(q)), split);
        for (SearchHit h : split) assertTrue(h.snippet().marks().size() > 0, h.id());
      }
      // every search thread busy with something else: the page is read on this thread alone, the
      // same hits, without waiting for the busy threads
      int n = Runtime.getRuntime().availableProcessors();
      java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(n);
      java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
      for (int i = 0; i < n; i++)
        twoSlices
            .searchThreads()
            .execute(
                () -> {
                  started.countDown();
                  try {
                    release.await();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
      try {
        started.await();
        assertEquals(
            service.hitsOf(searcher, all, List.of(q)), service.hits(searcher, all, List.of(q)));
      } finally {
        release.countDown();
      }
    } finally {
      twoSlices.searchers().release(searcher);
    }
  }
}
