package org.gongkai.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongkai.TestSupport;
import org.gongkai.model.BatchTable;
import org.gongkai.model.SearchRequest;
import org.junit.jupiter.api.Test;

/** How a batch's counts become columns, over a counter that stands in for an index. */
class BatchCountsTest {

  @Test
  void beyondTheIssuersWithTheMostHitsTheRestAreCountedTogether() throws Exception {
    // 1,474 issuers each found by every query: 100 queries would be 147,400 cells with a link each
    RequestReader reader = new RequestReader(TestSupport.gazetteer(), FacetTerms.solr());
    BatchCounts.Counter counter =
        (request, query, by, regionPath, counts) -> {
          long total = 0;
          for (int i = 1; i <= 1474; i++) {
            counts.put(String.format("单位%04d", i), (long) i);
            total += i;
          }
          return total;
        };
    List<String> queries = new ArrayList<>();
    for (int q = 0; q < 100; q++) queries.add("词" + q);
    BatchTable t = BatchCounts.count(reader, queries, "issuer", SearchRequest.of(""), counter);
    assertEquals(BatchTable.MAX_COLUMNS, t.columns().size());
    assertEquals(1474 - 49, t.folded());
    // the 49 with the most hits, most first, then 其他 with all the rest
    assertEquals("单位1474", t.columns().get(0));
    assertEquals("单位1426", t.columns().get(48));
    assertEquals(BatchTable.OTHER, t.columns().get(49));
    BatchTable.Row row = t.rows().get(0);
    long shown = 0;
    for (int i = 1426; i <= 1474; i++) shown += i;
    long all = 1474L * 1475 / 2;
    assertEquals(all, row.total());
    assertEquals(all - shown, row.counts().get(BatchTable.OTHER));
    Map<String, Long> sum = new LinkedHashMap<>(row.counts());
    assertEquals(all, sum.values().stream().mapToLong(Long::longValue).sum());
  }

  @Test
  void aFewIssuersAreAllShown() throws Exception {
    RequestReader reader = new RequestReader(TestSupport.gazetteer(), FacetTerms.solr());
    BatchCounts.Counter counter =
        (request, query, by, regionPath, counts) -> {
          counts.put("甲局", 3L);
          counts.put("乙局", 5L);
          return 8;
        };
    BatchTable t = BatchCounts.count(reader, List.of("词"), "issuer", SearchRequest.of(""), counter);
    assertEquals(List.of("乙局", "甲局"), t.columns());
    assertEquals(0, t.folded());
  }
}
