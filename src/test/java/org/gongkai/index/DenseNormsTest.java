package org.gongkai.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.gongkai.TestSupport;
import org.junit.jupiter.api.Test;

/**
 * Every record of the embedded index carries the fields that rank sections, so their norms are
 * stored densely; only sections have terms in them, so they match nothing else, and BM25's
 * statistics are those of the sections alone; no record but a section stores a text.
 */
class DenseNormsTest {

  @Test
  void everyRecordHasANormOfEveryRankingFieldAndOnlySectionsHaveTerms() throws Exception {
    IndexStore store = TestSupport.bundledIndex();
    IndexSearcher searcher = store.searchers().acquire();
    try {
      int sections = searcher.count(IndexStore.type(Schema.TYPE_SECTION));
      int records = searcher.getIndexReader().numDocs();
      assertEquals(List.of(196, 352), List.of(sections, records));
      for (String field : List.of(Schema.TEXT, Schema.WORDS, Schema.HEADING)) {
        long withNorms = 0;
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
          NumericDocValues norms = leaf.reader().getNormValues(field);
          for (int d = norms.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = norms.nextDoc())
            if (leaf.reader().getLiveDocs() == null || leaf.reader().getLiveDocs().get(d))
              withNorms++;
        }
        assertEquals(records, withNorms, field);
        // statistics BM25 reads: the records holding a term are the sections
        assertEquals(
            sections,
            searcher.collectionStatistics(field).docCount(),
            field + " statistics count sections only");
      }
      // a report's record stores no text of its own
      int doc = searcher.search(IndexStore.type(Schema.TYPE_DOCUMENT), 1).scoreDocs[0].doc;
      assertNull(searcher.storedFields().document(doc).get(Schema.TEXT));
      assertEquals(
          0, searcher.count(new TermQuery(new org.apache.lucene.index.Term(Schema.TEXT, ""))));
    } finally {
      store.searchers().release(searcher);
    }
  }
}
