package org.gongkai.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.gongkai.TestSupport;
import org.gongkai.index.CollectionIndexes;
import org.gongkai.index.IndexStore;
import org.gongkai.model.SearchHit;
import org.gongkai.model.SearchRequest;
import org.gongkai.model.Visibility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A private collection is its own world: its reports live in an index of their own, joined to the
 * public one only for a request that may read the collection ({@link Visibility}). A request that
 * may not reads the public index alone — hits, totals, facets, counts and scores the very ones of
 * an index that never held the collection — and the same bytes, or a text copy, in the collection
 * are documents of their own that neither hide nor join a public report.
 */
class VisibilityTest {

  @TempDir static Path dir;
  static IndexStore store;
  static IndexStore alone;
  static SearchService search;
  static SearchService aloneSearch;

  static final String HANYANG = "52bbe3626a4811c6";
  static final String KEY = "0123456789abcdef0123456789abcdef";

  @BeforeAll
  static void index() throws Exception {
    Path formats = TestSupport.CORPUS.resolve("formats");
    // the collection holds a copy of the 汉阳区 report (the same bytes) and a text copy of the
    // 洪江区 page, besides a report of its own
    Path leak = Files.createDirectories(dir.resolve("leak"));
    Files.copy(
        formats.resolve("000_988c7a9063883e3f.pdf"), leak.resolve("000_988c7a9063883e3f.pdf"));
    Files.copy(
        TestSupport.CORPUS.resolve("variants/004_37d039dcb8ad6afc.gbk.txt"),
        leak.resolve("copy.gbk.txt"));
    Files.writeString(
        leak.resolve("secret.txt"),
        String.join(
            "\n",
            "武汉市江岸区档案局2024年度部门决算",
            "第一部分 部门概况",
            "负责全区档案的收集、保管和利用，推进涉密档案数字化专项工作。",
            "第二部分 2024年度部门决算情况说明",
            "2024年度收入合计880.00万元，支出合计880.00万元。公务接待费2.00万元。"));
    store = TestSupport.index(dir.resolve("index"), List.of(formats));
    TestSupport.indexInto(dir.resolve("index"), KEY, List.of(leak)).close();
    store.overlay(new CollectionIndexes(dir.resolve("index")));
    search = new SearchService(store, TestSupport.gazetteer(), 64);
    alone = TestSupport.index(dir.resolve("alone"), List.of(formats));
    aloneSearch = new SearchService(alone, TestSupport.gazetteer(), 64);
  }

  @AfterAll
  static void close() throws Exception {
    search.close();
    aloneSearch.close();
    store.close();
    alone.close();
  }

  @AfterEach
  void clear() {
    Visibility.clear();
  }

  /** Hits as a reader sees them: section, score, report. */
  static List<String> shown(List<SearchHit> hits) {
    return hits.stream().map(h -> h.id() + " " + h.score() + " " + h.collection()).toList();
  }

  @Test
  void aRequestThatMayNotReadTheCollectionSeesThePublicIndexAsIfItHadNeverHeldIt()
      throws Exception {
    for (String q : List.of("公务接待费", "档案", "\"部门决算\"", "汉阳区 收入")) {
      var seen = search.search(SearchRequest.of(q));
      var without = aloneSearch.search(SearchRequest.of(q));
      assertEquals(without.total(), seen.total(), q);
      assertEquals(shown(without.hits()), shown(seen.hits()), q); // the scores included
      assertEquals(without.facets().toString(), seen.facets().toString(), q);
    }
    assertEquals(alone.documentCount(), store.documentCount());
    assertEquals(alone.sectionCount(), store.sectionCount());
    assertEquals(0, search.search(SearchRequest.of("涉密档案")).total());
    assertEquals(List.of(), search.suggest("涉密档安"));
  }

  @Test
  void aMemberReadsTheCollectionBesideThePublicIndexEachDocumentItsOwn() throws Exception {
    int publicDocuments = store.documentCount();
    Visibility.readable(Set.of(KEY));
    // three reports of its own: the same bytes and a text copy are not merged with public reports
    assertEquals(publicDocuments + 3, store.documentCount());
    var secret = search.search(SearchRequest.of("涉密档案"));
    assertEquals(1, secret.total());
    assertEquals(KEY, secret.hits().get(0).collection());
    String secretId = secret.hits().get(0).docId();
    assertTrue(store.document(secretId).orElseThrow().isPrivate());
    // the copy of 汉阳区's report: a document of its own, its id its domain's, not the bytes'
    var hanyang = search.search(SearchRequest.of("\"汉阳区总工会\""));
    List<String> ids = hanyang.hits().stream().map(SearchHit::docId).distinct().sorted().toList();
    assertEquals(2, ids.size(), ids.toString());
    assertTrue(ids.contains(HANYANG), ids.toString());
    String copy = ids.get(0).equals(HANYANG) ? ids.get(1) : ids.get(0);
    assertNotEquals(HANYANG.substring(0, 8), copy.substring(0, 8));
    assertEquals(KEY, store.document(copy).orElseThrow().collection());
    assertEquals(null, store.document(HANYANG).orElseThrow().collection());
    // the public report stays whole: its files are its own
    assertEquals(
        List.of(TestSupport.CORPUS.resolve("formats/000_988c7a9063883e3f.pdf")).stream()
            .map(p -> p.toAbsolutePath().normalize().toString())
            .toList(),
        store.document(HANYANG).orElseThrow().files());

    // another request of nobody: the public index again (the cached page is not the member's)
    Visibility.clear();
    assertEquals(0, search.search(SearchRequest.of("涉密档案")).total());
    assertTrue(store.document(secretId).isEmpty());
    assertTrue(store.document(copy).isEmpty());
    assertEquals(publicDocuments, store.documentCount());
  }

  @Test
  void aNarrowedRequestKeepsOnlyTheReportsItAsksFor() throws Exception {
    SearchRequest reception = SearchRequest.of("公务接待费");
    var all = search.search(reception);
    assertTrue(all.hits().stream().anyMatch(h -> h.docId().equals(HANYANG)));
    Visibility.only(Set.of(HANYANG));
    var seen = search.search(reception);
    assertEquals(Set.of(HANYANG), Set.copyOf(seen.hits().stream().map(SearchHit::docId).toList()));
    assertEquals(1, store.documentCount());
    // narrowed, with the collection: its reports are narrowed too
    Visibility.readable(Set.of(KEY));
    assertEquals(1, store.documentCount());
    Visibility.only(null);
    java.util.Map<String, Long> added = new java.util.TreeMap<>();
    for (SearchHit h : search.search(reception.withSize(100)).hits())
      if (h.collection() != null)
        added.merge(store.document(h.docId()).orElseThrow().title(), 1L, Long::sum);
    // the collection's own copies' sections count beside the public reports', each once
    assertEquals(
        "{武汉市汉阳区总工会 2024 年度部门决算=2, 武汉市江岸区档案局2024年度部门决算=1, 鄂城区总工会2023年度部门决算=4}", added.toString());
    assertEquals(all.total() + 7, search.search(reception).total());
  }
}
