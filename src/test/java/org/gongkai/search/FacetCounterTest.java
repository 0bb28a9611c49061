package org.gongkai.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.gongkai.TestSupport;
import org.gongkai.index.IndexStore;
import org.gongkai.index.Schema;
import org.gongkai.ingest.Indexer;
import org.gongkai.model.Facet;
import org.gongkai.model.SearchRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The facet counter gives exactly Lucene's counts — every value at every level of every dimension,
 * the dimension's value, the top values and single values — over the bundled corpus for searches of
 * every kind, over report records (whose category is multi-valued), and over an index as it changes
 * (a segment added, a report replaced and one removed).
 */
class FacetCounterTest {

  private static final List<String> QUERIES =
      List.of(
          "\"经费\"",
          "\"三公\"经费",
          "公务接待 支出",
          "\"预算绩效\" OR 汉阳区",
          "支出 -\"三公\"",
          "region:湖北省 \"收入\"",
          "year:2023 \"工会\"",
          "category:三公经费",
          "kind:绩效评价 \"评价\"",
          "\"没有这样的句子出现\"");

  private static FacetCounter counter() {
    return new FacetCounter(Set.of(Facet.CATEGORY.key()));
  }

  @Test
  void countsEveryValueOfEverySearchAsLuceneDoes() throws Exception {
    IndexStore store = TestSupport.bundledIndex();
    SearchService search = new SearchService(store, TestSupport.gazetteer());
    FacetCounter counter = counter();
    IndexSearcher searcher = store.searchers().acquire();
    try {
      SortedSetDocValuesReaderState state = search.state(searcher.getIndexReader());
      int compared = 0;
      for (String q : QUERIES) {
        Query query = search.prepare(SearchRequest.of(q)).drill();
        compared += assertSameCounts(searcher, state, counter, query);
      }
      // report records: several categories and tables lacking each
      compared += assertSameCounts(searcher, state, counter, IndexStore.type(Schema.TYPE_DOCUMENT));
      assertEquals(145, compared); // facet results compared, so that none is skipped unseen
    } finally {
      store.searchers().release(searcher);
    }
  }

  @Test
  void theWholeCorpusCountedIsTheSameAsLucenesToo() throws Exception {
    IndexStore store = TestSupport.bundledIndex();
    SearchService search = new SearchService(store, TestSupport.gazetteer());
    IndexSearcher searcher = store.searchers().acquire();
    try {
      SortedSetDocValuesReaderState state = search.state(searcher.getIndexReader());
      FacetsCollector all =
          searcher.search(
              new org.apache.lucene.search.MatchAllDocsQuery(), new FacetsCollectorManager());
      Facets ours = counter().count(state, all);
      Facets lucene = new SortedSetDocValuesFacetCounts(state, all);
      assertEquals(dump(lucene), dump(ours));
      assertEquals(
          "region 湖北省 221, 四川省 90, 湖南省 36", top(ours.getTopChildren(3, Facet.REGION.key())));
      assertEquals(
          top(lucene.getTopChildren(3, Facet.REGION.key())),
          top(ours.getTopChildren(3, Facet.REGION.key())));
      assertEquals("湖北省 武汉市 143, 鄂州市 78", top(ours.getTopChildren(10, Facet.REGION.key(), "湖北省")));
      assertNull(lucene.getAllChildren("nosuchdim"));
      assertNull(ours.getAllChildren("nosuchdim"));
      assertNull(ours.getAllChildren(Facet.REGION.key(), "湖北省", "没有这个市"));
      assertThrows(
          IllegalArgumentException.class, () -> lucene.getAllChildren(Facet.YEAR.key(), "2024"));
      assertThrows(
          IllegalArgumentException.class, () -> ours.getAllChildren(Facet.YEAR.key(), "2024"));
    } finally {
      store.searchers().release(searcher);
    }
  }

  @Test
  void countsStayExactAsTheIndexChanges(@TempDir Path dir) throws Exception {
    Path files = Files.createDirectories(dir.resolve("files"));
    for (String name : List.of("000_988c7a9063883e3f.txt", "001_867eb05ee1b92696.txt"))
      Files.copy(TestSupport.CORPUS.resolve("seeds").resolve(name), files.resolve(name));
    FacetCounter counter = counter();
    try (IndexStore store = TestSupport.index(dir.resolve("index"), List.of(files))) {
      SearchService search = new SearchService(store, TestSupport.gazetteer());
      String before = counted(store, search, counter);
      // a third report: a new segment beside the ones read already
      Files.copy(
          TestSupport.CORPUS.resolve("seeds/002_38d7936824a76ef2.txt"),
          files.resolve("002_38d7936824a76ef2.txt"));
      TestSupport.indexer().run(store, List.of(files), false, Indexer.Progress.NONE);
      String added = counted(store, search, counter);
      assertNotEquals(before, added);
      // one report removed, another replaced by a changed version: deleted records not counted
      Files.delete(files.resolve("000_988c7a9063883e3f.txt"));
      Files.writeString(
          files.resolve("001_867eb05ee1b92696.txt"),
          Files.readString(files.resolve("001_867eb05ee1b92696.txt")).replace("经费", "资金"));
      TestSupport.indexer().run(store, List.of(files), true, Indexer.Progress.NONE);
      String changed = counted(store, search, counter);
      assertNotEquals(added, changed);
    }
  }

  @Test
  void eachNewReaderIsReadBeforeASearchAsksAndClosedSegmentsAreDropped(@TempDir Path dir)
      throws Exception {
    Path files = Files.createDirectories(dir.resolve("files"));
    copySeed(files, FIRST);
    try (IndexStore store = TestSupport.index(dir.resolve("index"), List.of(files))) {
      store.refreshNow();
      SearchService search = new SearchService(store, TestSupport.gazetteer());
      assertEquals(segments(store), search.facetCounter().segmentsRead());
      copySeed(files, SECOND);
      reindex(store, files, false);
      assertEquals(2, segments(store));
      assertEquals(2, search.facetCounter().segmentsRead()); // read on refresh, no search asked
      // the second report removed: its segment, all deleted, leaves the reader and the counter
      Files.delete(files.resolve(SECOND));
      reindex(store, files, true);
      assertEquals(1, segments(store));
      assertEquals(1, search.facetCounter().segmentsRead());
    }
  }

  @Test
  void aClosedServiceNoLongerReadsNewReaders(@TempDir Path dir) throws Exception {
    Path files = Files.createDirectories(dir.resolve("files"));
    copySeed(files, FIRST);
    try (IndexStore store = TestSupport.index(dir.resolve("index"), List.of(files))) {
      store.refreshNow();
      SearchService closed = new SearchService(store, TestSupport.gazetteer());
      SearchService open = new SearchService(store, TestSupport.gazetteer());
      assertEquals(1, closed.facetCounter().segmentsRead());
      closed.close();
      copySeed(files, SECOND);
      reindex(store, files, false);
      assertEquals(2, segments(store));
      assertEquals(2, open.facetCounter().segmentsRead());
      assertEquals(1, closed.facetCounter().segmentsRead()); // the refresh left it alone
      // closed, it still answers: a search reads what it needs itself
      assertEquals(TWO_REPORTS_JINGFEI, open.search(SearchRequest.of("\"经费\"")).total());
      assertEquals(TWO_REPORTS_JINGFEI, closed.search(SearchRequest.of("\"经费\"")).total());
      assertEquals(2, closed.facetCounter().segmentsRead());
      open.close();
    }
  }

  @Test
  void countedInTheRankingPassOnEverySliceWhateverTheRankingStops() throws Exception {
    FacetsConfig config = Schema.facetsConfig();
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try (var dir = new org.apache.lucene.store.ByteBuffersDirectory();
        var writer =
            new IndexWriter(dir, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
      for (int i = 0; i < 700; i++) {
        writer.addDocument(config.build(record(i)));
        if (i % 100 == 99) writer.commit(); // seven segments
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertEquals(7, reader.leaves().size());
        // each segment its own slice, searched on two threads: the slices' counts are summed
        IndexSearcher searcher =
            new IndexSearcher(reader, threads) {
              @Override
              protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
                return leaves.stream()
                    .map(leaf -> new LeafSlice(new ArrayList<>(List.of(leaf))))
                    .toArray(LeafSlice[]::new);
              }
            };
        assertEquals(7, searcher.getSlices().length);
        SortedSetDocValuesReaderState state =
            new DefaultSortedSetDocValuesReaderState(reader, config);
        FacetCounter counter = counter();
        Query notEven =
            new BooleanQuery.Builder()
                .add(new TermQuery(new Term("words", "w")), BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term("even", "yes")), BooleanClause.Occur.MUST_NOT)
                .build();
        List<Query> queries =
            List.of(new MatchAllDocsQuery(), new TermQuery(new Term("words", "w")), notEven);
        for (Query q : queries) assertSameCounts(searcher, state, counter, q);
        // a ranking that wants nothing of odd segments and stops after three hits of the others:
        // every hit is counted all the same, and the ranking sees what it sees alone
        for (Query q : queries) {
          String expected =
              dump(
                  new SortedSetDocValuesFacetCounts(
                      state, searcher.search(q, new FacetsCollectorManager())));
          FacetCounter.Found<List<Integer>> both =
              searcher.search(q, counter.rankingAndCounting(state, firstThree()));
          assertEquals(expected, dump(both.counts()), q.toString());
          List<Integer> alone = searcher.search(q, firstThree());
          assertEquals(alone, both.ranked(), q.toString());
          assertEquals(4 * 3, alone.size(), q.toString()); // segments 0, 2, 4, 6
        }
      }
    } finally {
      threads.shutdown();
    }
  }

  /** Records of even segments, the first three of each, in order. */
  private static CollectorManager<Collector, List<Integer>> firstThree() {
    return new CollectorManager<>() {
      @Override
      public Collector newCollector() {
        return new FirstThree();
      }

      @Override
      public List<Integer> reduce(Collection<Collector> slices) {
        List<Integer> all = new ArrayList<>();
        for (Collector c : slices) all.addAll(((FirstThree) c).seen);
        all.sort(null);
        return all;
      }
    };
  }

  private static final class FirstThree implements Collector {
    final List<Integer> seen = new ArrayList<>();

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) {
      if (context.ord % 2 == 1) throw new CollectionTerminatedException();
      return new LeafCollector() {
        private int n;

        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) {
          if (n++ == 3) throw new CollectionTerminatedException();
          seen.add(context.docBase + doc);
        }
      };
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }

  /**
   * The {@code i}-th of 700 records: more than 255 sets of categories, every dimension present, as
   * in the portal's index, a field to filter on and words that score.
   */
  private static Document record(int i) {
    Document doc = new Document();
    for (int bit = 0; bit < 9; bit++)
      if ((i % 511 + 1 & 1 << bit) != 0)
        doc.add(new SortedSetDocValuesFacetField(Facet.CATEGORY.key(), "类" + bit));
    doc.add(new SortedSetDocValuesFacetField(Facet.YEAR.key(), String.valueOf(2015 + i / 100)));
    // every dimension present, as in the portal's index
    doc.add(
        new SortedSetDocValuesFacetField(Facet.REGION.key(), "湖北省", i % 3 == 0 ? "武汉市" : "鄂州市"));
    doc.add(new SortedSetDocValuesFacetField(Facet.DEPARTMENT.key(), "部门" + i % 7));
    doc.add(new SortedSetDocValuesFacetField(Facet.KIND.key(), "决算"));
    doc.add(new SortedSetDocValuesFacetField(Facet.MISSING.key(), "表" + i % 4));
    doc.add(new StringField("even", i % 2 == 0 ? "yes" : "no", Field.Store.NO));
    // the first block of records scores high (its first five less, so that the page's lowest
    // score rises as it is collected), the rest low: a ranking told the score it needs may
    // pass over the later blocks
    doc.add(new TextField("words", "w ".repeat(i < 5 ? 5 : i < 100 ? 20 : 1), Field.Store.NO));
    return doc;
  }

  @Test
  void moreThan255SetsOfOwnValuesInASegmentAreCountedToo() throws Exception {
    // report records carry several categories: a big segment can hold more than 255 combinations,
    // past what a byte a record numbers
    FacetsConfig config = Schema.facetsConfig();
    try (var dir = new org.apache.lucene.store.ByteBuffersDirectory();
        var writer = new IndexWriter(dir, new IndexWriterConfig())) {
      for (int i = 0; i < 700; i++) writer.addDocument(config.build(record(i)));
      writer.forceMerge(1);
      writer.commit();
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        SortedSetDocValuesReaderState state =
            new DefaultSortedSetDocValuesReaderState(reader, config);
        FacetCounter counter = counter();
        int compared =
            assertSameCounts(searcher, state, counter, new MatchAllDocsQuery())
                + assertSameCounts(
                    searcher, state, counter, new TermQuery(new Term("even", "yes")));
        assertEquals(
            2 * 11, compared); // per search: region at four paths, the seven other dimensions
        Query words = new TermQuery(new Term("words", "w"));
        assertSameCounts(searcher, state, counter, words);
        // the ranking alone, told the score it needs, does pass over the low blocks
        assertEquals(188, searcher.search(words, ranking(1)).totalHits.value);
        Facets all =
            counter.count(
                state, searcher.search(new MatchAllDocsQuery(), new FacetsCollectorManager()));
        // 类0 is on every odd combination: 1, 3, …, 511 of 1…511, then 1…189 again
        assertEquals(256 + 95, all.getSpecificValue(Facet.CATEGORY.key(), "类0"));
      }
    }
  }

  private static final String FIRST = "000_988c7a9063883e3f.txt";
  private static final String SECOND = "001_867eb05ee1b92696.txt";

  /** Sections of the first two seeds that hold 经费. */
  private static final long TWO_REPORTS_JINGFEI = 34;

  private static void copySeed(Path files, String seed) throws Exception {
    Files.copy(TestSupport.CORPUS.resolve("seeds").resolve(seed), files.resolve(seed));
  }

  /** Indexes {@code files} again (pruning removed ones or not) and refreshes the searchers. */
  private static void reindex(IndexStore store, Path files, boolean prune) throws Exception {
    TestSupport.indexer().run(store, List.of(files), prune, Indexer.Progress.NONE);
    store.refreshNow();
  }

  private static int segments(IndexStore store) throws Exception {
    IndexSearcher s = store.searchers().acquire();
    try {
      return s.getIndexReader().leaves().size();
    } finally {
      store.searchers().release(s);
    }
  }

  /** Counts a few searches with both counters on the store's current reader; returns ours. */
  private static String counted(IndexStore store, SearchService search, FacetCounter counter)
      throws Exception {
    store.refreshNow();
    IndexSearcher searcher = store.searchers().acquire();
    try {
      SortedSetDocValuesReaderState state = search.state(searcher.getIndexReader());
      StringBuilder out = new StringBuilder();
      for (String q : List.of("\"经费\"", "支出", "\"资金\"")) {
        Query query = search.prepare(SearchRequest.of(q)).drill();
        assertSameCounts(searcher, state, counter, query);
        out.append(
            dump(counter.count(state, searcher.search(query, new FacetsCollectorManager()))));
      }
      return out.toString();
    } finally {
      store.searchers().release(searcher);
    }
  }

  /** Asserts both counters agree on {@code query}'s hits; returns how many results compared. */
  private static int assertSameCounts(
      IndexSearcher searcher,
      SortedSetDocValuesReaderState state,
      FacetCounter counter,
      Query query)
      throws Exception {
    FacetsCollector hits = searcher.search(query, new FacetsCollectorManager());
    Facets lucene = new SortedSetDocValuesFacetCounts(state, hits);
    Facets ours = counter.count(state, hits);
    String expected = dump(lucene);
    assertEquals(expected, dump(ours), query.toString());
    // counted while the search collects its hits: the same
    assertEquals(expected, dump(searcher.search(query, counter.counting(state))), query.toString());
    // counted in the pass that ranks: the same counts and the same page as ranking alone, even
    // where the ranking alone would skip hits that cannot reach its page (a threshold of 1)
    for (int threshold : new int[] {Integer.MAX_VALUE, 1}) {
      FacetCounter.Found<TopFieldDocs> both =
          searcher.search(query, counter.rankingAndCounting(state, ranking(threshold)));
      assertEquals(expected, dump(both.counts()), query + " ranked and counted, " + threshold);
      TopFieldDocs alone = searcher.search(query, ranking(threshold));
      assertEquals(page(alone), page(both.ranked()), query + " page, " + threshold);
      if (threshold == Integer.MAX_VALUE)
        assertEquals(alone.totalHits, both.ranked().totalHits, query + " total");
    }
    for (Facet f : Facet.values()) {
      assertEquals(
          String.valueOf(lucene.getTopChildren(2, f.key())),
          String.valueOf(ours.getTopChildren(2, f.key())),
          query + " top of " + f);
    }
    assertEquals(
        lucene.getSpecificValue(Facet.YEAR.key(), "2024"),
        ours.getSpecificValue(Facet.YEAR.key(), "2024"));
    assertEquals(
        lucene.getSpecificValue(Facet.REGION.key(), "湖北省", "武汉市"),
        ours.getSpecificValue(Facet.REGION.key(), "湖北省", "武汉市"));
    return (int) expected.lines().count();
  }

  private static TopFieldCollectorManager ranking(int threshold) {
    return new TopFieldCollectorManager(Sort.RELEVANCE, 5, null, threshold, true);
  }

  private static String page(TopFieldDocs top) {
    StringBuilder sb = new StringBuilder();
    for (ScoreDoc d : top.scoreDocs) sb.append(d.doc).append(':').append(d.score).append(' ');
    return sb.toString();
  }

  /** Every value at every level of every dimension, in label order. */
  static String dump(Facets f) throws Exception {
    StringBuilder sb = new StringBuilder();
    for (Facet d : Facet.values()) walk(f, d.key(), new ArrayList<>(), sb, d.hierarchical());
    return sb.toString();
  }

  private static void walk(
      Facets f, String dim, List<String> path, StringBuilder sb, boolean hierarchical)
      throws Exception {
    FacetResult r;
    try {
      r = f.getAllChildren(dim, path.toArray(String[]::new));
    } catch (IllegalArgumentException e) {
      sb.append(dim).append(" not indexed\n");
      return;
    }
    if (r == null) {
      sb.append(dim).append(path).append(" none\n");
      return;
    }
    LabelAndValue[] values = r.labelValues.clone();
    Arrays.sort(values, Comparator.comparing(lv -> lv.label));
    sb.append(dim)
        .append(path)
        .append(' ')
        .append(r.value)
        .append(' ')
        .append(r.childCount)
        .append(' ')
        .append(Arrays.toString(values))
        .append('\n');
    if (hierarchical && path.size() < 2)
      for (LabelAndValue lv : values) {
        List<String> child = new ArrayList<>(path);
        child.add(lv.label);
        walk(f, dim, child, sb, true);
      }
  }

  private static String top(FacetResult r) {
    StringBuilder sb = new StringBuilder(String.join(" ", r.dim)).append(' ');
    if (r.path.length > 0) sb = new StringBuilder(String.join(" ", r.path)).append(' ');
    List<String> values = new ArrayList<>();
    for (LabelAndValue lv : r.labelValues) values.add(lv.label + " " + lv.value);
    return sb.append(String.join(", ", values)).toString();
  }
}
