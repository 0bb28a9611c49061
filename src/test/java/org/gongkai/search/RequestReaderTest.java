package org.gongkai.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.gongkai.TestSupport;
import org.gongkai.index.IndexStore;
import org.gongkai.index.Schema;
import org.gongkai.model.SearchRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The section query of a request needs the record-type filter only where its own clauses could
 * match other records (reports, figures, files): both ways it matches the very same records.
 */
class RequestReaderTest {

  static IndexStore store;
  static RequestReader reader;

  @BeforeAll
  static void indexTheDemoCorpus() throws Exception {
    store = TestSupport.bundledIndex();
    reader = new RequestReader(TestSupport.gazetteer(), FacetTerms.lucene(store.facetsConfig()));
  }

  /** Query → whether its section query carries the type filter, then its count of sections. */
  private static final List<Object[]> CASES =
      List.of(
          new Object[] {"\"公务接待费\"", false, 14L},
          new Object[] {"公务接待 经费", false, 16L},
          new Object[] {"\"费\"", false, 70L}, // a lone letter: every bigram it begins, cached
          new Object[] {"公务 费 year:2024", false, 11L},
          new Object[] {"\"汉阳区\" OR \"蔡甸区\"", false, 22L},
          new Object[] {"\"汉阳区\" -\"蔡甸区\"", false, 7L},
          new Object[] {"\"经费\" year:2024", false, 37L},
          new Object[] {"title:汉阳区", true, 31L},
          new Object[] {"issuer:总工会", true, 196L},
          new Object[] {"\"经费\" OR title:汉阳区", true, 79L},
          new Object[] {"region:湖北省", true, 114L},
          new Object[] {"-\"经费\"", true, 133L},
          new Object[] {"", true, 196L});

  @Test
  void theTypeFilterIsLeftOutOnlyWhereTheQueryAloneMatchesSectionsOnly() throws Exception {
    IndexSearcher searcher = store.searchers().acquire();
    try {
      for (Object[] c : CASES) {
        RequestReader.Prepared p = reader.read(SearchRequest.of((String) c[0]));
        Query typed =
            new BooleanQuery.Builder()
                .add(p.drill(), Occur.MUST)
                .add(IndexStore.type(Schema.TYPE_SECTION), Occur.FILTER)
                .build();
        String q = (String) c[0];
        assertEquals(c[1], hasTypeFilter(p.base()), q);
        assertEquals(c[2], (long) searcher.count(p.drill()), q);
        // the same records as with the filter, whatever the query
        assertEquals(searcher.count(typed), searcher.count(p.drill()), q);
        // where the filter stays, the query alone would match other records too
        Query untyped = ((BooleanQuery) p.base()).clauses().get(0).getQuery();
        if ((boolean) c[1]) assertTrue(searcher.count(untyped) > searcher.count(typed), q);
      }
    } finally {
      store.searchers().release(searcher);
    }
  }

  private static boolean hasTypeFilter(Query base) {
    return ((BooleanQuery) base)
        .clauses().stream()
            .anyMatch(c -> c.getQuery().equals(IndexStore.type(Schema.TYPE_SECTION)));
  }
}
