package org.gongkai.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.gongkai.TestSupport;
import org.gongkai.index.IndexStore;
import org.gongkai.model.Facet;
import org.gongkai.model.FacetValue;
import org.gongkai.model.SearchHit;
import org.gongkai.model.SearchPage;
import org.gongkai.model.SearchRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Typical journalist queries over the bundled corpus (the five reports in {@code corpus/formats},
 * as the demo indexes them), with exact hit lists and exact facet counts.
 *
 * <p>Document ids: 52bbe3626a4811c6 汉阳区 2024 决算 (PDF), e3eabb74bdb7bdb4 金口河区 2024 决算 (DOCX),
 * d42c6830081dfa35 蔡甸区 2023 决算 (PDF), 7c47e9c7f99b77e3 洪江区 2024 绩效评价 (DOCX), aa71aabe09c7bab1 鄂城区
 * 2023 决算 (HTML).
 */
class SearchEndToEndTest {

  static IndexStore store;
  static SearchService search;

  @BeforeAll
  static void indexTheDemoCorpus() throws Exception {
    store = TestSupport.bundledIndex();
    search = new SearchService(store, TestSupport.gazetteer());
  }

  static SearchPage run(String query) throws Exception {
    return search.search(SearchRequest.of(query).withSize(SearchRequest.MAX_SIZE));
  }

  static List<String> ids(SearchPage p) {
    return p.hits().stream().map(SearchHit::id).toList();
  }

  /** Facet counts as one line per dimension: {@code region: 湖北省 17 (武汉市 11 (蔡甸区 6, 汉阳区 5)), …}. */
  static String facets(SearchPage p) {
    StringBuilder sb = new StringBuilder();
    p.facets()
        .forEach(
            (dim, values) -> sb.append(dim.key()).append(": ").append(values(values)).append('\n'));
    return sb.toString();
  }

  private static String values(List<FacetValue> values) {
    List<String> parts = new ArrayList<>();
    for (FacetValue v : values) {
      String s = v.value() + " " + v.count() + (v.selected() ? "*" : "");
      if (!v.children().isEmpty()) s += " (" + values(v.children()) + ")";
      parts.add(s);
    }
    return String.join(", ", parts);
  }

  static SearchRequest request(String query, List<String> regions, List<String> years) {
    return new SearchRequest(
        query,
        regions,
        years,
        List.of(),
        List.of(),
        List.of(),
        SearchRequest.Order.RELEVANCE,
        1,
        SearchRequest.MAX_SIZE);
  }

  /**
   * Without facet counts (the benchmark's other half) a search gives the very same total, hits in
   * the same order and scores, on every page and in both orders.
   */
  @Test
  void withoutFacetsTheSameTotalHitsAndScores() throws Exception {
    for (String q : List.of("\"三公经费\"", "公务接待 经费", "\"经费\" -\"汉阳区\"", "region:湖北省")) {
      for (SearchRequest.Order order : SearchRequest.Order.values()) {
        for (int page = 1; page <= 3; page++) {
          SearchRequest r =
              new SearchRequest(
                  q, List.of(), List.of(), List.of(), List.of(), List.of(), order, page, 7);
          SearchPage with = search.search(r, true);
          SearchPage without = search.search(r, false);
          String what = q + " " + order + " page " + page;
          assertEquals(with.total(), without.total(), what);
          assertEquals(ids(with), ids(without), what);
          assertEquals(
              with.hits().stream().map(SearchHit::score).toList(),
              without.hits().stream().map(SearchHit::score).toList(),
              what);
          assertTrue(without.facets().values().stream().allMatch(List::isEmpty), what);
        }
      }
    }
  }

  @Test
  void quotedPhraseFindsEverySectionAndRanksSectionsNamedAfterItFirst() throws Exception {
    SearchPage p = run("\"三公经费\"");
    assertEquals(23, p.total());
    assertEquals(
        List.of(
            "52bbe3626a4811c6-3.9",
            "aa71aabe09c7bab1-3.8",
            "d42c6830081dfa35-3.9",
            "e3eabb74bdb7bdb4-2.7",
            "52bbe3626a4811c6-3.9.1",
            "aa71aabe09c7bab1-3.8.1",
            "d42c6830081dfa35-3.9.1",
            "e3eabb74bdb7bdb4-2.7.1",
            "aa71aabe09c7bab1-3.8.2",
            "e3eabb74bdb7bdb4-2.7.2",
            "d42c6830081dfa35-3.9.2",
            "52bbe3626a4811c6-3.9.2",
            "aa71aabe09c7bab1-2",
            "52bbe3626a4811c6-2",
            "d42c6830081dfa35-3.13.2",
            "7c47e9c7f99b77e3-2.1",
            "7c47e9c7f99b77e3-10",
            "aa71aabe09c7bab1-5",
            "d42c6830081dfa35-5",
            "52bbe3626a4811c6-5",
            "aa71aabe09c7bab1-6.2.3",
            "e3eabb74bdb7bdb4-3",
            "d42c6830081dfa35-2"),
        ids(p));
    // every section whose heading names 三公经费 comes before every section that only mentions it
    for (int i = 0; i < 12; i++)
      assertTrue(p.hits().get(i).heading().contains("三公”经费"), p.hits().get(i).heading());
    assertEquals(
        """
        region: 湖北省 17 (武汉市 11 (蔡甸区 6, 汉阳区 5), 鄂州市 6 (鄂城区 6)), 四川省 4 (乐山市 4 (金口河区 4)), 湖南省 2 (怀化市 2 (洪江管理区 2))
        year: 2024 11, 2023 12
        category: 三公经费 13, 名词解释 4, 决算报表 3, 预算绩效 2, 基本支出 1
        department: 总工会 23
        kind: 部门决算 21, 绩效评价 2
        missing: 一般公共预算财政拨款基本支出决算表 11, 一般公共预算财政拨款支出决算表 11, 支出决算表 11, 收入决算表 11, 收入支出决算总表 11, 财政拨款收入支出决算总表 11
        check: 年度单位与文字差错 16, 说法与数字不符 15, 公开表缺失或为空 11
        role: report 23
        """,
        facets(p));
  }

  @Test
  void unquotedWordsMatchAsSubstringsWithinARegion() throws Exception {
    SearchPage p = run("公务接待 region:湖北省");
    assertEquals(
        List.of(
            "52bbe3626a4811c6-3.9.2",
            "aa71aabe09c7bab1-3.8.2",
            "aa71aabe09c7bab1-5",
            "d42c6830081dfa35-5",
            "52bbe3626a4811c6-5",
            "d42c6830081dfa35-3.9.2",
            "aa71aabe09c7bab1-3.8.1",
            "d42c6830081dfa35-3.13.2",
            "aa71aabe09c7bab1-3.5",
            "d42c6830081dfa35-2"),
        ids(p));
    // drill sideways: the selected region still shows the others, with their counts
    assertEquals(
        """
        region: 湖北省 10* (武汉市 6 (蔡甸区 4, 汉阳区 2), 鄂州市 4 (鄂城区 4)), 四川省 4 (乐山市 4 (金口河区 4)), 湖南省 2 (怀化市 2 (洪江管理区 2))
        year: 2024 2, 2023 8
        category: 三公经费 4, 名词解释 3, 决算报表 1, 基本支出 1, 预算绩效 1
        department: 总工会 10
        kind: 部门决算 10
        missing: 一般公共预算财政拨款基本支出决算表 6, 一般公共预算财政拨款支出决算表 6, 支出决算表 6, 收入决算表 6, 收入支出决算总表 6, 财政拨款收入支出决算总表 6
        check: 年度单位与文字差错 8, 公开表缺失或为空 6, 说法与数字不符 6
        role: report 10
        """,
        facets(p));
    assertEquals(java.util.Map.of(Facet.REGION, List.of("湖北省")), p.selected());
  }

  @Test
  void phraseWithinAYearHighlightsEveryOccurrence() throws Exception {
    SearchPage p = run("\"乡村振兴\" year:2024");
    assertEquals(
        List.of(
            "52bbe3626a4811c6-3.5.2",
            "52bbe3626a4811c6-3.13.2",
            "52bbe3626a4811c6-5",
            "52bbe3626a4811c6-3.5.3",
            "52bbe3626a4811c6-6.1"),
        ids(p));
    assertEquals(
        """
        region: 湖北省 5 (武汉市 5 (汉阳区 5))
        year: 2024 5*, 2023 1
        category: 财政拨款 2, 预算绩效 2, 名词解释 1
        department: 总工会 5
        kind: 部门决算 5
        missing: 一般公共预算财政拨款基本支出决算表 5, 一般公共预算财政拨款支出决算表 5, 支出决算表 5, 收入决算表 5, 收入支出决算总表 5, 财政拨款收入支出决算总表 5
        check: 公开表缺失或为空 5, 说法与数字不符 5
        role: report 5
        """,
        facets(p));
    assertEquals(
        "…4.农林水（类）支出 5 万元，占 1.1%。主要是用于江夏区建国村<mark>乡村振兴</mark>。 5.住房保障（类）支出 27.85 万元，"
            + "占 5.9%。主要是用于缴纳住房公积金。",
        p.hits().get(0).snippet().bracketed("<mark>", "</mark>"));
    SearchHit first = p.hits().get(0);
    assertEquals("武汉市汉阳区总工会 2024 年度部门决算", first.docTitle());
    assertEquals("420105", first.region().code());
    assertEquals(List.of("第三部分 2024 年度部门决算情况说明", "五、一般公共预算财政拨款支出决算情况说明"), first.breadcrumb());
  }

  @Test
  void aLoneLetterIsMarkedAsItselfThoughTheIndexHoldsItOnlyInTheBigramItStarts() throws Exception {
    // 振 stands inside 乡村振兴: the index has 振兴 there, not 振
    SearchPage p = run("\"振\" year:2024");
    String snippet = p.hits().get(0).snippet().bracketed("<mark>", "</mark>");
    assertTrue(snippet.contains("乡村<mark>振</mark>兴"), snippet);
    assertTrue(!snippet.contains("<mark>振兴</mark>"), snippet);
  }

  @Test
  void exclusionsDropRegionsAndPhrases() throws Exception {
    assertEquals(
        List.of(
            "e3eabb74bdb7bdb4-2.7",
            "e3eabb74bdb7bdb4-2.7.1",
            "e3eabb74bdb7bdb4-2.7.2",
            "7c47e9c7f99b77e3-2.1",
            "7c47e9c7f99b77e3-10",
            "e3eabb74bdb7bdb4-3"),
        ids(run("\"三公经费\" -region:湖北省")));
    assertEquals(
        List.of(
            "52bbe3626a4811c6-3.9",
            "aa71aabe09c7bab1-3.8",
            "d42c6830081dfa35-3.9",
            "e3eabb74bdb7bdb4-2.7",
            "52bbe3626a4811c6-3.9.1",
            "d42c6830081dfa35-3.9.1",
            "e3eabb74bdb7bdb4-2.7.1",
            "aa71aabe09c7bab1-2",
            "52bbe3626a4811c6-2",
            "aa71aabe09c7bab1-6.2.3"),
        ids(run("\"三公经费\" -\"公务接待\"")));
  }

  @Test
  void severalValuesInOneDimensionMeanAnyOfThem() throws Exception {
    SearchPage p = search.search(request("\"三公经费\"", List.of("湖北省/武汉市/汉阳区", "四川省"), List.of()));
    assertEquals(9, p.total());
    assertEquals(
        """
        region: 湖北省 17 (武汉市 11 (蔡甸区 6, 汉阳区 5*), 鄂州市 6 (鄂城区 6)), 四川省 4* (乐山市 4 (金口河区 4)), 湖南省 2 (怀化市 2 (洪江管理区 2))
        year: 2024 9
        category: 三公经费 6, 名词解释 2, 决算报表 1
        department: 总工会 9
        kind: 部门决算 9
        missing: 一般公共预算财政拨款基本支出决算表 5, 一般公共预算财政拨款支出决算表 5, 支出决算表 5, 收入决算表 5, 收入支出决算总表 5, 财政拨款收入支出决算总表 5
        check: 说法与数字不符 9, 公开表缺失或为空 5, 年度单位与文字差错 4
        role: report 9
        """,
        facets(p));
    // and across dimensions all of them: 2023 has neither 汉阳区 nor 金口河区 reports
    assertEquals(
        0, search.search(request("\"三公经费\"", List.of("汉阳区", "四川省"), List.of("2023"))).total());
    assertEquals(
        9, search.search(request("\"三公经费\"", List.of("汉阳区", "四川"), List.of("2022..2024"))).total());
  }

  @Test
  void orMatchesEitherTerm() throws Exception {
    SearchPage p = run("乡村振兴 OR 帮扶");
    assertEquals(16, p.total());
    assertEquals(run("乡村振兴").total() + run("帮扶").total() - run("乡村振兴 帮扶").total(), p.total());
  }

  @Test
  void sectionNamedAfterAnUnquotedTermRanksFirst() throws Exception {
    SearchPage p = run("机关运行经费");
    assertEquals(
        List.of(
            "d42c6830081dfa35-3.10",
            "aa71aabe09c7bab1-3.9",
            "e3eabb74bdb7bdb4-2.10.1",
            "52bbe3626a4811c6-3.10",
            "e3eabb74bdb7bdb4-3",
            "aa71aabe09c7bab1-5",
            "d42c6830081dfa35-5",
            "52bbe3626a4811c6-5"),
        ids(p));
    for (int i = 0; i < 4; i++)
      assertTrue(p.hits().get(i).heading().contains("机关运行经费"), p.hits().get(i).heading());
  }

  @Test
  void yearOrderPutsNewestFirst() throws Exception {
    SearchPage p =
        search.search(
            new SearchRequest(
                "\"三公经费\"",
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                SearchRequest.Order.YEAR,
                1,
                SearchRequest.MAX_SIZE));
    List<Integer> years = p.hits().stream().map(SearchHit::year).toList();
    assertEquals(23, years.size());
    assertEquals(List.of(2024, 2023), years.stream().distinct().toList());
  }

  @Test
  void pagesSliceTheRankedList() throws Exception {
    List<String> all = ids(run("\"三公经费\""));
    SearchPage second =
        search.search(
            new SearchRequest(
                "\"三公经费\"",
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                SearchRequest.Order.RELEVANCE,
                2,
                10));
    assertEquals(all.subList(10, 20), ids(second));
    assertEquals(3, second.pages());
  }

  @Test
  void malformedQueriesGetAReadingAndAMessageNeverAnException() throws Exception {
    SearchPage open = run("\"三公经费");
    assertEquals(23, open.total());
    assertEquals(
        List.of("A quote was not closed; the phrase runs to the end of the query."),
        org.gongkai.TestSupport.english(open.notices()));
    assertEquals(
        List.of("Closed 1 bracket(s) that were left open."),
        org.gongkai.TestSupport.english(run("(三公经费 OR 帮扶").notices()));
    SearchPage operators = run("OR - ( )");
    assertEquals(196, operators.total());
    assertTrue(
        org.gongkai.TestSupport.english(operators.notices())
            .contains("The query has no search terms; showing every section."),
        org.gongkai.TestSupport.english(operators.notices()).toString());
    SearchPage huge = run("经费".repeat(5000));
    assertEquals(run("经费").total(), huge.total());
    assertEquals(
        List.of("The query is longer than 500 characters; only the first 500 were used."),
        org.gongkai.TestSupport.english(huge.notices()));
    SearchPage many = run("经费 ".repeat(100));
    assertTrue(
        org.gongkai.TestSupport.english(many.notices())
            .contains("The query has 100 terms; only the first 32 were used."),
        org.gongkai.TestSupport.english(many.notices()).toString());
    assertEquals(
        List.of("Unknown region \"火星\": no province, city or county has that name."),
        org.gongkai.TestSupport.english(run("region:火星").notices()));
    assertEquals(0, run("region:火星").total());
    assertEquals(
        List.of("Ignored year:去年 — write a year such as 2024 or a range such as 2022..2024."),
        org.gongkai.TestSupport.english(run("year:去年").notices()));
  }

  @Test
  void randomGarbageNeverThrows() throws Exception {
    String[] pieces = {
      "\"", "“", "”", "(", ")", "（", "）", "-", "OR", " ", "三公", "经费", "region:", "year:", "湖北",
      "2024", "..", ":", "：", "\\", "*", "?", "~", "^", "[", "]", "{", "}", "&&", "||", "!", "<b>",
      "％", "465.38", "\u3000", "\n"
    };
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < 150; i++) {
      StringBuilder q = new StringBuilder();
      for (int k = random.nextInt(30); k > 0; k--) q.append(pieces[random.nextInt(pieces.length)]);
      SearchPage p = run(q.toString());
      assertTrue(p.total() >= 0 && p.total() <= 196, q + " → " + p.total());
    }
  }

  @Test
  void aStandardTableAReportLacksIsAFilter() throws Exception {
    // 汉阳区 names its nine tables without their figures, 鄂城区 lacks its 财政拨款收入支出决算总表: the
    // sections of those two reports, and no other
    SearchRequest r =
        new SearchRequest(
            "\"三公经费\"",
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            SearchRequest.Order.RELEVANCE,
            1,
            50,
            List.of("财政拨款收入支出决算总表"));
    SearchPage p = search.search(r);
    assertEquals(
        java.util.Set.of("52bbe3626a4811c6", "aa71aabe09c7bab1"),
        p.hits().stream()
            .map(h -> h.id().substring(0, 16))
            .collect(java.util.stream.Collectors.toSet()));
    assertEquals(11, p.total());
  }
}
