package org.gongkai.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.solr.client.solrj.response.json.NestableJsonFacet;
import org.apache.solr.common.util.NamedList;
import org.apache.solr.common.util.SimpleOrderedMap;
import org.gongkai.model.Facet;
import org.gongkai.model.FacetValue;
import org.gongkai.search.SearchService;
import org.junit.jupiter.api.Test;

/** A collection's JSON facet counts, listed as the embedded index's counts are. */
class SolrFacetsTest {

  private static NamedList<Object> buckets(Object... valueCount) {
    List<NamedList<Object>> list = new java.util.ArrayList<>();
    for (int i = 0; i < valueCount.length; i += 2) {
      SimpleOrderedMap<Object> b = new SimpleOrderedMap<>();
      b.add("val", valueCount[i]);
      b.add("count", valueCount[i + 1]);
      list.add(b);
    }
    SimpleOrderedMap<Object> facet = new SimpleOrderedMap<>();
    facet.add("buckets", list);
    return facet;
  }

  static SolrFacets counts() {
    SimpleOrderedMap<Object> response = new SimpleOrderedMap<>();
    response.add("count", 30L);
    response.add("region_1", buckets("1/湖北省", 20L, "1/广东省", 10L));
    response.add("region_2", buckets("2/湖北省/武汉市", 15L, "2/湖北省/宜昌市", 5L, "2/广东省/广州市", 10L));
    response.add("region_3", buckets("3/湖北省/武汉市/汉阳区", 9L, "3/湖北省/武汉市/蔡甸区", 6L));
    response.add("year", buckets("2023", 18L, "2024", 12L));
    response.add("kind", buckets("部门决算", 30L));
    return SolrFacets.of(new NestableJsonFacet(response));
  }

  @Test
  void theRegionTreeIsReadLevelByLevel() {
    var top = counts().getAllChildren("region");
    assertEquals(30, top.value.intValue());
    assertEquals(2, top.childCount);
    var hubei = counts().getAllChildren("region", "湖北省");
    assertEquals("[武汉市 (15), 宜昌市 (5)]", List.of(hubei.labelValues).toString());
    assertEquals(9L, counts().getSpecificValue("region", "湖北省", "武汉市", "汉阳区"));
    assertEquals(-1L, counts().getSpecificValue("region", "湖北省", "十堰市"));
    assertNull(counts().getAllChildren("region", "广东省", "广州市"));
    assertNull(counts().getAllChildren("missing"));
  }

  @Test
  void listedAsPagesListTheEmbeddedIndexsValues() throws Exception {
    Map<Facet, List<FacetValue>> values =
        SearchService.facetValues(counts(), Map.of(Facet.REGION, List.of("湖北省/武汉市")), false);
    assertEquals(
        List.of(
            new FacetValue(
                "湖北省",
                "湖北省",
                20,
                false,
                List.of(
                    new FacetValue(
                        "武汉市",
                        "湖北省/武汉市",
                        15,
                        true,
                        List.of(
                            new FacetValue("汉阳区", "湖北省/武汉市/汉阳区", 9, false, List.of()),
                            new FacetValue("蔡甸区", "湖北省/武汉市/蔡甸区", 6, false, List.of()))),
                    new FacetValue("宜昌市", "湖北省/宜昌市", 5, false, List.of()))),
            new FacetValue(
                "广东省",
                "广东省",
                10,
                false,
                List.of(new FacetValue("广州市", "广东省/广州市", 10, false, List.of())))),
        values.get(Facet.REGION));
    assertEquals(
        List.of(
            new FacetValue("2024", "2024", 12, false, List.of()),
            new FacetValue("2023", "2023", 18, false, List.of())),
        values.get(Facet.YEAR));
    assertEquals(List.of(), values.get(Facet.MISSING));
  }

  @Test
  void theFacetRequestCountsEveryValueAndLeavesOutEachDimensionsOwnSelection() {
    assertEquals(
        "{\"region_1\":{\"type\":\"terms\",\"field\":\"f_region\",\"limit\":-1,\"mincount\":1,"
            + "\"prefix\":\"1/\",\"domain\":{\"excludeTags\":\"region\"}},"
            + "\"region_2\":{\"type\":\"terms\",\"field\":\"f_region\",\"limit\":-1,\"mincount\":1,"
            + "\"prefix\":\"2/\",\"domain\":{\"excludeTags\":\"region\"}},"
            + "\"region_3\":{\"type\":\"terms\",\"field\":\"f_region\",\"limit\":-1,\"mincount\":1,"
            + "\"prefix\":\"3/\",\"domain\":{\"excludeTags\":\"region\"}},"
            + "\"year\":{\"type\":\"terms\",\"field\":\"f_year\",\"limit\":-1,\"mincount\":1},"
            + "\"category\":{\"type\":\"terms\",\"field\":\"f_category\",\"limit\":-1,\"mincount\":1},"
            + "\"department\":{\"type\":\"terms\",\"field\":\"f_department\",\"limit\":-1,"
            + "\"mincount\":1},"
            + "\"kind\":{\"type\":\"terms\",\"field\":\"f_kind\",\"limit\":-1,\"mincount\":1,"
            + "\"domain\":{\"excludeTags\":\"kind\"}},"
            + "\"missing\":{\"type\":\"terms\",\"field\":\"f_missing\",\"limit\":-1,\"mincount\":1},"
            + "\"check\":{\"type\":\"terms\",\"field\":\"f_check\",\"limit\":-1,\"mincount\":1},"
            + "\"role\":{\"type\":\"terms\",\"field\":\"f_role\",\"limit\":-1,\"mincount\":1}}",
        SolrSearchService.facetRequest(Set.of(Facet.REGION, Facet.KIND)));
    String grouped = SolrSearchService.facetRequest(Set.of(Facet.YEAR), "collapse");
    assertEquals(
        true,
        grouped.startsWith(
            "{\"sections\":{\"type\":\"query\",\"q\":\"*:*\","
                + "\"domain\":{\"excludeTags\":\"collapse\"}},"
                + "\"region_1\":{\"type\":\"terms\",\"field\":\"f_region\",\"limit\":-1,"
                + "\"mincount\":1,\"prefix\":\"1/\",\"domain\":{\"excludeTags\":\"collapse\"}}"),
        grouped);
    assertEquals(
        true,
        grouped.contains(
            "\"year\":{\"type\":\"terms\",\"field\":\"f_year\",\"limit\":-1,\"mincount\":1,"
                + "\"domain\":{\"excludeTags\":\"year,collapse\"}}"),
        grouped);
    assertEquals(
        "score desc,docOrder asc,ordinal asc",
        SolrSearchService.sort(org.gongkai.model.SearchRequest.Order.RELEVANCE));
    assertEquals(
        "year desc,score desc,docOrder asc,ordinal asc",
        SolrSearchService.sort(org.gongkai.model.SearchRequest.Order.YEAR));
  }
}
