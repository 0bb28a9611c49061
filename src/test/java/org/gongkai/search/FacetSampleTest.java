package org.gongkai.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.gongkai.TestSupport;
import org.gongkai.index.IndexStore;
import org.gongkai.model.GroupedPage;
import org.gongkai.model.Notice;
import org.gongkai.model.SearchPage;
import org.gongkai.model.SearchRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Facet counts beyond a number of hits are estimated from a sample, and the page says so; the total
 * and the hits stay exact. Over the bundled corpus with a sample of 20 sections.
 */
class FacetSampleTest {

  static IndexStore store;
  static SearchService exact;
  static SearchService sampled;

  @BeforeAll
  static void indexTheDemoCorpus() throws Exception {
    store = TestSupport.bundledIndex();
    exact = new SearchService(store, TestSupport.gazetteer());
    sampled = new SearchService(store, TestSupport.gazetteer(), 0, 20);
  }

  private static SearchRequest request(String q) {
    return SearchRequest.of(q).withSize(SearchRequest.MAX_SIZE);
  }

  @Test
  void beyondTheSampleCountsAreScaledEstimatesAndSaidToBe() throws Exception {
    SearchPage all = exact.search(request("\"经费\""));
    SearchPage est = sampled.search(request("\"经费\""));
    assertEquals(63, all.total());
    assertEquals(all.total(), est.total());
    assertEquals(SearchEndToEndTest.ids(all), SearchEndToEndTest.ids(est));
    assertEquals(List.of(), all.notices());
    assertEquals(List.of(Notice.of(Notice.FACETS_ESTIMATED, 20)), est.notices());
    assertEquals(
        """
        region: 湖北省 41 (武汉市 30 (汉阳区 15, 蔡甸区 15), 鄂州市 11 (鄂城区 11)), 四川省 19 (乐山市 19 (金口河区 19)), 湖南省 3 (怀化市 3 (洪江管理区 3))
        year: 2024 37, 2023 26
        category: 预算绩效 21, 三公经费 13, 基本支出 5, 名词解释 4, 机关运行经费 4, 财政拨款 4, 部门概况 4, 其他 3, 决算报表 3, 支出 1, 收支总体 1
        department: 总工会 63
        kind: 部门决算 60, 绩效评价 3
        missing: 一般公共预算财政拨款基本支出决算表 26, 一般公共预算财政拨款支出决算表 26, 支出决算表 26, 收入决算表 26, 收入支出决算总表 26, 财政拨款收入支出决算总表 26, 国有资本经营预算财政拨款支出决算表 15, 政府性基金预算财政拨款收入支出决算表 15, 财政拨款“三公”经费支出决算表 15
        """,
        SearchEndToEndTest.facets(all));
    // 21 of the 63 hits (those whose id hashes below 20/63 of the range), each count scaled by 3;
    // values of few hits may be missed: 湖南省's 3 sections are not in the sample
    assertEquals(
        """
        region: 湖北省 42 (武汉市 27 (汉阳区 18, 蔡甸区 9), 鄂州市 15 (鄂城区 15)), 四川省 21 (乐山市 21 (金口河区 21))
        year: 2024 39, 2023 24
        category: 预算绩效 24, 三公经费 6, 名词解释 6, 机关运行经费 6, 财政拨款 6, 部门概况 6, 基本支出 3, 支出 3, 收支总体 3
        department: 总工会 63
        kind: 部门决算 63
        missing: 一般公共预算财政拨款基本支出决算表 33, 一般公共预算财政拨款支出决算表 33, 支出决算表 33, 收入决算表 33, 收入支出决算总表 33, 财政拨款收入支出决算总表 33, 国有资本经营预算财政拨款支出决算表 18, 政府性基金预算财政拨款收入支出决算表 18, 财政拨款“三公”经费支出决算表 18
        """,
        SearchEndToEndTest.facets(est));
  }

  @Test
  void atOrBelowTheSampleCountsAreExact() throws Exception {
    SearchService roomy = new SearchService(store, TestSupport.gazetteer(), 0, 63);
    SearchPage all = exact.search(request("\"经费\""));
    SearchPage same = roomy.search(request("\"经费\""));
    assertEquals(List.of(), same.notices());
    assertEquals(SearchEndToEndTest.facets(all), SearchEndToEndTest.facets(same));
  }

  @Test
  void groupedByReportSaysSoToo() throws Exception {
    GroupedPage g = sampled.searchByReport(request("\"经费\""));
    assertEquals(63, g.total());
    assertEquals(List.of(Notice.of(Notice.FACETS_ESTIMATED, 20)), g.notices());
  }

  @Test
  void theSampleHoldsAboutItsSize() throws Exception {
    IndexSearcher searcher = store.searchers().acquire();
    try {
      FacetsCollector hits =
          searcher.search(
              sampled.prepare(SearchRequest.of("\"经费\"")).drill(), new FacetsCollectorManager());
      assertEquals(63, FacetSample.total(hits));
      // chosen by the sections' ids, so these are the same however the corpus was indexed
      assertEquals(21, FacetSample.total(FacetSample.of(hits, 20)));
      assertEquals(1, FacetSample.total(FacetSample.of(hits, 1)));
      assertEquals(36, FacetSample.total(FacetSample.of(hits, 40)));
      assertSame(hits, FacetSample.of(hits, 63));
    } finally {
      store.searchers().release(searcher);
    }
  }
}
