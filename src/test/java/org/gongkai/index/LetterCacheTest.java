package org.gongkai.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.gongkai.text.Analyzers;
import org.junit.jupiter.api.Test;

/**
 * A lone letter is searched as every bigram it begins, within a constant score: the searcher caches
 * its matches the first time it is asked (on a segment large enough to cache), and a search with
 * the cached set finds the same records with the same scores as one without any cache.
 */
class LetterCacheTest {

  /** Texts in our own words; the letter 支 begins 支出 and 支持, and ends 收支. */
  private static final List<String> TEXTS =
      List.of("基本支出增加", "收入合计", "支持基层工作", "年度收支平衡", "公务接待费支出", "项目绩效");

  @Test
  void aLoneLettersMatchesAreCachedAtFirstUseAndFindWhatTheyFoundWithoutACache() throws Exception {
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(Analyzers.exact()))) {
        for (int i = 0; i < 12_000; i++) { // one segment over the cache's 10,000 records
          Document d = new Document();
          d.add(new TextField("text", TEXTS.get(i % TEXTS.size()) + i, Field.Store.NO));
          w.addDocument(d);
        }
        w.forceMerge(1);
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        Query letter =
            new BooleanQuery.Builder()
                .add(new ConstantScoreQuery(new PrefixQuery(new Term("text", "支"))), Occur.MUST)
                .add(new TermQuery(new Term("text", "支出")), Occur.SHOULD)
                .build();
        IndexSearcher plain = new IndexSearcher(reader);
        plain.setQueryCache(null);
        IndexSearcher cached = IndexStore.searcher(reader, null);

        long before = IndexStore.QUERY_CACHE.getCacheCount();
        List<String> expected = hits(plain, letter);
        assertEquals(8_000, plain.count(letter)); // four texts in six hold 支
        assertEquals(expected, hits(cached, letter));
        assertEquals(before + 1, IndexStore.QUERY_CACHE.getCacheCount()); // cached at first use
        long hitsBefore = IndexStore.QUERY_CACHE.getHitCount();
        assertEquals(expected, hits(cached, letter)); // and read from the cache after
        assertTrue(IndexStore.QUERY_CACHE.getHitCount() > hitsBefore);
      }
    }
  }

  @Test
  void onlyAPrefixIsCachedAtFirstUse() throws Exception {
    var policy = new IndexStore.LettersFirst();
    assertTrue(policy.shouldCache(new PrefixQuery(new Term("text", "支"))));
    assertFalse(policy.shouldCache(new TermQuery(new Term("text", "支出"))));
  }

  private static List<String> hits(IndexSearcher searcher, Query q) throws Exception {
    List<String> out = new ArrayList<>();
    for (ScoreDoc d : searcher.search(q, 20).scoreDocs) out.add(d.doc + ":" + d.score);
    return out;
  }
}
