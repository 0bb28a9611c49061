package org.gongkai.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.gongkai.index.DocumentMapper;
import org.gongkai.index.IndexStore;
import org.gongkai.index.Schema;
import org.gongkai.model.Facet;
import org.gongkai.model.FacetValue;
import org.gongkai.model.Marked;
import org.gongkai.model.Notice;
import org.gongkai.model.SearchHit;
import org.gongkai.model.SearchPage;
import org.gongkai.model.SearchRequest;
import org.gongkai.regions.Gazetteer;
import org.gongkai.search.RequestReader.Prepared;

/**
 * Answers searches over the section index: parses the query, selects facet values with {@link
 * DrillSideways} (so a selected dimension still shows its other values), ranks, pages, and
 * highlights each hit's snippet with Lucene's {@link UnifiedHighlighter}.
 */
public final class SearchService implements Searches, AutoCloseable {

  /** Passages per snippet and their length goal in characters. */
  static final int SNIPPET_PASSAGES = 2;

  static final int PASSAGE_CHARS = 90;

  /** Values listed per facet level (most frequent first; selected values are always listed). */
  static final int MAX_FACET_VALUES = 50;

  /** A region level with at most this many values shows their children too. */
  static final int OPEN_WHEN_AT_MOST = 3;

  /** Results beyond this rank cannot be paged to: deep pages cost the server and help nobody. */
  public static final int MAX_DEPTH = 10_000;

  /** Text beyond this many characters of a section is not scanned for highlights. */
  static final int MAX_HIGHLIGHT_CHARS = 1_000_000;

  private final IndexStore store;
  private final FacetsConfig facets;

  /** Reads queries and marks hits: the exact fields with every unigram. */
  private final Analyzer analyzer = Schema.markingAnalyzer();

  private final RequestReader requests;

  /**
   * The facet ordinals of the readers searched last, rebuilt when they change: the public index's,
   * and those of the few joins with private collections their users search now (kept apart, so a
   * signed-in user's searches do not rebuild everyone else's).
   */
  private final java.util.LinkedHashMap<IndexReader, SortedSetDocValuesReaderState> readerStates =
      new java.util.LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(
            Map.Entry<IndexReader, SortedSetDocValuesReaderState> eldest) {
          return size() > READER_STATES;
        }
      };

  private static final int READER_STATES = 4;

  IndexStore store() {
    return store;
  }

  FacetsConfig facetsConfig() {
    return facets;
  }

  public SearchService(IndexStore store, Gazetteer gazetteer) {
    this(store, gazetteer, 0);
  }

  /**
   * With the last {@code cachedPages} answers kept per index version: a newsroom's portal is asked
   * the same searches again and again (the home page's examples, a shared link, a page and its next
   * page), and an answer can only change when the index does. 0 keeps none (the benchmark's
   * latencies are of searches actually run).
   */
  public SearchService(IndexStore store, Gazetteer gazetteer, int cachedPages) {
    this.cache = cachedPages > 0 ? new PageCache(cachedPages) : null;
    this.store = store;
    this.facets = store.facetsConfig();
    this.requests = new RequestReader(gazetteer, FacetTerms.lucene(facets));
    // each new reader's facet values are read before a search asks for them
    store.searchers().addListener(warmer);
    try {
      warm();
    } catch (IOException e) {
      // nothing lost: the first search reads the values itself, and reports what fails
    }
  }

  /** Reads each new reader's facet values as soon as a refresh opens it. */
  private final org.apache.lucene.search.ReferenceManager.RefreshListener warmer =
      new org.apache.lucene.search.ReferenceManager.RefreshListener() {
        @Override
        public void beforeRefresh() {}

        @Override
        public void afterRefresh(boolean didRefresh) throws IOException {
          if (didRefresh) warm();
        }
      };

  /**
   * Stops reading new readers' facet values for this service: one store may outlive many services
   * (the benchmark makes one at every size), and each would otherwise go on warming, and be kept,
   * for as long as the store is open. The store itself stays open.
   */
  @Override
  public void close() {
    store.searchers().removeListener(warmer);
  }

  FacetCounter facetCounter() {
    return counter;
  }

  /** Reads the current reader's facet values for counting (see {@link FacetCounter#warm}). */
  private void warm() throws IOException {
    IndexSearcher searcher = store.searchers().acquire();
    try {
      SortedSetDocValuesReaderState state = state(searcher.getIndexReader());
      if (state != null) counter.warm(state);
    } finally {
      store.searchers().release(searcher);
    }
  }

  @Override
  public SearchPage search(SearchRequest r) throws IOException {
    return search(r, true);
  }

  /**
   * For each word or phrase of {@code query} that finds nothing, the phrases the index holds one
   * character off it (see {@link Suggestions}), most frequent first, with their sections' count.
   */
  @Override
  public List<org.gongkai.model.Suggestion> suggest(String query) throws IOException {
    IndexSearcher searcher = store.searchers().acquire();
    try {
      return Suggestions.of(
          searcher.getIndexReader(),
          query,
          phrase -> search(SearchRequest.of("\"" + phrase + "\""), false).total());
    } finally {
      store.searchers().release(searcher);
    }
  }

  /**
   * The same; without facet counts when {@code withFacets} is false (the benchmark measures both).
   */
  public SearchPage search(SearchRequest r, boolean withFacets) throws IOException {
    if (cache == null) return sectionSearch(r, withFacets);
    long started = System.nanoTime();
    IndexReader reader = currentReader();
    // a page is the same only for a request that may see the same documents: the private
    // collections it reads, as their indexes are now, and what it is narrowed to
    java.util.Set<String> only = org.gongkai.model.Visibility.only();
    List<Object> key =
        List.of(
            r, withFacets, store.searchers().versions(), only == null ? List.of() : List.of(only));
    SearchPage hit = cache.get(reader, key);
    if (hit != null)
      return new SearchPage(
          hit.query(),
          hit.total(),
          hit.page(),
          hit.size(),
          millisSince(started),
          hit.hits(),
          hit.facets(),
          hit.selected(),
          hit.notices());
    SearchPage page;
    running.acquireUninterruptibly();
    try {
      page = sectionSearch(r, withFacets);
    } finally {
      running.release();
    }
    cache.put(reader, key, page);
    return page;
  }

  /**
   * Searches run at once by a portal, one a core, the others waiting their turn in order: on two
   * cores, sixteen searches at once each take eight times as long, so all of them answer late; in
   * turn, most answer soon. Answers kept in the cache never wait.
   */
  private final java.util.concurrent.Semaphore running =
      new java.util.concurrent.Semaphore(Runtime.getRuntime().availableProcessors(), true);

  /** The latest reader as indexed (pages are cached by it, and by what the request may see). */
  private IndexReader currentReader() throws IOException {
    IndexSearcher s = store.searchers().acquireLatest();
    try {
      return s.getIndexReader();
    } finally {
      store.searchers().release(s);
    }
  }

  private final PageCache cache;

  /** Counts facet values of hits (each segment's records read once into groups). */
  private final FacetCounter counter =
      new FacetCounter(
          java.util.Arrays.stream(Facet.values())
              .filter(Facet::ofSection)
              .map(Facet::key)
              .collect(java.util.stream.Collectors.toSet()));

  /**
   * The last answers of one index version, least recently used first out; a new version (a commit
   * by {@code index}) empties it. Keyed by the whole request, so a page and its facets are the very
   * ones a search would give.
   */
  private static final class PageCache {
    private final int capacity;
    private IndexReader reader;
    private final java.util.LinkedHashMap<Object, SearchPage> pages;

    PageCache(int capacity) {
      this.capacity = capacity;
      this.pages =
          new java.util.LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, SearchPage> eldest) {
              return size() > PageCache.this.capacity;
            }
          };
    }

    synchronized SearchPage get(IndexReader current, Object key) {
      if (current != reader) {
        pages.clear();
        reader = current;
      }
      return pages.get(key);
    }

    synchronized void put(IndexReader current, Object key, SearchPage page) {
      if (current == reader) pages.put(key, page);
    }
  }

  /**
   * Reports rather than sections: those with a section matching the query, selected and counted by
   * the reports' own facets (every count a number of reports).
   */
  @Override
  public org.gongkai.model.DocumentList documents(SearchRequest r) throws IOException {
    return new DocumentLists(this).list(r);
  }

  /** Receives the hits of an export one at a time. */
  @FunctionalInterface
  public interface HitSink {
    void accept(SearchHit hit) throws IOException;
  }

  /** Hits read per step of an export: each step highlights its snippets in one pass. */
  static final int EXPORT_BATCH = 500;

  /**
   * Every hit of a search — not one page — in the search's order, up to {@code cap}, handed to
   * {@code sink} a batch at a time (so an export streams and never holds them all). Returns how
   * many sections match in all.
   */
  @Override
  public long export(SearchRequest r, int cap, HitSink sink) throws IOException {
    Prepared p = prepare(r);
    org.gongkai.index.Searchers manager = store.searchers();
    IndexSearcher searcher = manager.acquire();
    try {
      long total = searcher.count(p.drill());
      Sort order = sort(r.order());
      ScoreDoc after = null;
      long written = 0;
      while (written < Math.min(cap, total)) {
        int n = (int) Math.min(EXPORT_BATCH, cap - written);
        TopDocs td =
            after == null
                ? searcher.search(p.drill(), n, order, true)
                : searcher.searchAfter(after, p.drill(), n, order, true);
        if (td.scoreDocs.length == 0) break;
        for (SearchHit h : hits(searcher, td.scoreDocs, p.highlights())) sink.accept(h);
        written += td.scoreDocs.length;
        after = td.scoreDocs[td.scoreDocs.length - 1];
      }
      return total;
    } catch (IndexSearcher.TooManyClauses e) {
      return 0;
    } finally {
      manager.release(searcher);
    }
  }

  /** What a batch search may be split by: {@code region}, {@code issuer}, {@code year}. */
  public static final List<String> BATCH_BY = BatchCounts.BY;

  /** The most queries one batch runs. */
  public static final int MAX_BATCH = 1000;

  /**
   * Many queries at once, each counted in all and by region, issuer or year, with the selections of
   * {@code filters}.
   */
  @Override
  public org.gongkai.model.BatchTable batch(List<String> queries, String by, SearchRequest filters)
      throws IOException {
    if (!BATCH_BY.contains(by)) throw new IllegalArgumentException("by: " + by);
    return BatchCounts.count(this, queries, by, filters);
  }

  /** One result per report ({@code group=doc}), each with its best sections and hit count. */
  @Override
  public org.gongkai.model.GroupedPage searchByReport(SearchRequest r) throws IOException {
    return new ReportGroups(this).search(r);
  }

  /** The first {@code cap} reports of a list, all on one page (for an export). */
  @Override
  public org.gongkai.model.DocumentList documents(SearchRequest r, int cap) throws IOException {
    return new DocumentLists(this).list(r, false, cap);
  }

  /** Every report, with the whole region tree opened (for browsing from the home page). */
  @Override
  public org.gongkai.model.DocumentList browseReports() throws IOException {
    return new DocumentLists(this).list(REPORTS_ONLY, true);
  }

  Prepared prepare(SearchRequest r) {
    return requests.read(r);
  }

  RequestReader requests() {
    return requests;
  }

  private SearchPage sectionSearch(SearchRequest r, boolean withFacets) throws IOException {
    long started = System.nanoTime();
    Prepared prepared = prepare(r);
    List<Notice> messages = prepared.messages();
    DrillDownQuery drill = prepared.drill();
    Map<Facet, List<String>> selected = prepared.selected();
    QueryBuilder.Built built =
        new QueryBuilder.Built(prepared.base(), prepared.highlights(), prepared.blank());

    org.gongkai.index.Searchers manager = store.searchers();
    IndexSearcher searcher = manager.acquire();
    try {
      SortedSetDocValuesReaderState state = state(searcher.getIndexReader());
      if (state == null) { // no section indexed yet
        return SearchPage.none(
            r.query(), r.page(), r.size(), millisSince(started), selected, messages);
      }
      int page = r.page();
      Notice deep = null;
      if ((long) page * r.size() > MAX_DEPTH) {
        page = MAX_DEPTH / r.size();
        deep = Notice.of("deep", MAX_DEPTH, page);
        messages.add(deep);
      }
      int topN = page * r.size();
      Sort order = sort(r.order());
      TopDocs top;
      Facets counts = null;
      try {
        // every hit is counted in the one pass that ranks them: on 1 M sections the first page's
        // pass skipped too little (tied scores) for a second, counting pass to pay
        var ranked =
            new org.apache.lucene.search.TopFieldCollectorManager(
                order, topN, null, Integer.MAX_VALUE, true);
        if (!withFacets) {
          top = searcher.search(drill, ranked);
        } else if (prepared.filters().isEmpty()) {
          // nothing selected: the page's hits and the counted ones are the same, found in one pass
          // (drill sideways takes the same pass through more machinery: 0.4 ms at the median
          // phrase on 1 M sections)
          FacetCounter.Found<org.apache.lucene.search.TopFieldDocs> both =
              searcher.search(drill, counter.rankingAndCounting(state, ranked));
          counts = both.counts();
          top = both.ranked();
        } else {
          DrillSideways.DrillSidewaysResult result =
              drillSideways(searcher, state).search(drill, null, null, topN, order, false);
          counts = result.facets;
          top = result.hits;
        }
      } catch (IndexSearcher.TooManyClauses e) {
        messages.add(Notice.of("complex"));
        return SearchPage.none(
            r.query(), r.page(), r.size(), millisSince(started), selected, messages);
      }
      long count = top.totalHits.value; // exact: no threshold
      ScoreDoc[] all = scored(top.scoreDocs, order);
      int from = Math.min(all.length, (page - 1) * r.size());
      if (count > 0 && from >= all.length && all.length < MAX_DEPTH) {
        // a page past the results is said as the page asked, once: not also as a page too deep
        messages.remove(deep);
        messages.add(Notice.of("pastEnd", r.page(), (count + r.size() - 1) / r.size()));
      }
      ScoreDoc[] onPage = Arrays.copyOfRange(all, from, all.length);
      List<SearchHit> hits = hits(searcher, onPage, built.highlights());
      Map<Facet, List<FacetValue>> facetValues =
          counts == null ? FacetValue.none() : facetValues(counts, selected, false);
      return new SearchPage(
          r.query(),
          count,
          page,
          r.size(),
          millisSince(started),
          hits,
          facetValues,
          selected,
          messages);
    } finally {
      manager.release(searcher);
    }
  }

  /**
   * Drill sideways whose facet counts are taken by the {@link FacetCounter} (on 1 M sections, 0.5
   * rather than 2 ms at the median phrase on two cores, and 3 rather than 8 at the 90th percentile,
   * than Lucene's counts taken segment by segment at once on the search threads). Counts are exact:
   * reports are counted whatever their number.
   */
  DrillSideways drillSideways(IndexSearcher searcher, SortedSetDocValuesReaderState state) {
    return new Sideways(searcher, state);
  }

  /** Drill sideways whose counts are the {@link FacetCounter}'s. */
  private final class Sideways extends DrillSideways {
    private final SortedSetDocValuesReaderState state;

    Sideways(IndexSearcher searcher, SortedSetDocValuesReaderState state) {
      super(searcher, facets, null, state, store.searchThreads());
      this.state = state;
    }

    @Override
    protected Facets buildFacetsResult(
        FacetsCollector drillDowns, FacetsCollector[] drillSideways, String[] dims)
        throws IOException {
      Facets base = counts(drillDowns);
      if (drillSideways == null || drillSideways.length == 0) return base;
      Map<String, Facets> byDim = new java.util.HashMap<>();
      for (int i = 0; i < drillSideways.length; i++) byDim.put(dims[i], counts(drillSideways[i]));
      return new org.apache.lucene.facet.MultiFacets(byDim, base);
    }

    private Facets counts(FacetsCollector hits) throws IOException {
      return counter.count(state, hits);
    }
  }

  /**
   * Equal scores are common (the same paragraph in many reports), so ties are broken by report id
   * and section order: the order of results never depends on the order in which files were indexed.
   */
  private static final SortField BY_REPORT = new SortField(Schema.DOC_ORDER, SortField.Type.STRING);

  private static final SortField BY_SECTION = new SortField(Schema.ORDINAL, SortField.Type.INT);
  private static final Sort RELEVANCE = new Sort(SortField.FIELD_SCORE, BY_REPORT, BY_SECTION);
  private static final Sort YEAR;

  static {
    SortField year = new SortField(Schema.YEAR, SortField.Type.INT, true);
    year.setMissingValue(Integer.MIN_VALUE); // sections of unknown year go last
    YEAR = new Sort(year, SortField.FIELD_SCORE, BY_REPORT, BY_SECTION);
  }

  private static Sort sort(SearchRequest.Order order) {
    return order == SearchRequest.Order.YEAR ? YEAR : RELEVANCE;
  }

  /**
   * Gives ranked hits their scores from the values they were sorted by (the ranking's own scores):
   * having Lucene score the page again cost a weight and a pass over it, 0.4 ms at the median
   * phrase on 1 M sections.
   */
  private static ScoreDoc[] scored(ScoreDoc[] ranked, Sort sort) {
    SortField[] fields = sort.getSort();
    for (int i = 0; i < fields.length; i++) {
      if (fields[i].getType() != SortField.Type.SCORE) continue;
      for (ScoreDoc d : ranked)
        if (d instanceof org.apache.lucene.search.FieldDoc f) d.score = (Float) f.fields[i];
    }
    return ranked;
  }

  List<SearchHit> hits(IndexSearcher searcher, ScoreDoc[] page, List<Query> highlights)
      throws IOException {
    if (page.length < HITS_SPLIT || !idle(store.searchThreads()))
      return hitsOf(searcher, page, highlights);
    // the page's second half read on a search thread while this one reads the first: the slices'
    // threads are idle by now, and the hits' stored fields and snippets were a tenth of a rare
    // phrase's search on 1 M sections (JFR), all on the calling thread
    int half = (page.length + 1) / 2;
    ScoreDoc[] second = Arrays.copyOfRange(page, half, page.length);
    java.util.concurrent.FutureTask<List<SearchHit>> later =
        new java.util.concurrent.FutureTask<>(() -> hitsOf(searcher, second, highlights));
    try {
      store.searchThreads().execute(later);
    } catch (java.util.concurrent.RejectedExecutionException closing) {
      // read below on this thread
    }
    List<SearchHit> out = new ArrayList<>(page.length);
    try {
      out.addAll(hitsOf(searcher, Arrays.copyOf(page, half), highlights));
      // not started yet (the threads busy with other searches' slices): read here, as Lucene's
      // task executor runs a search's unstarted slices on the calling thread; a no-op otherwise
      later.run();
      out.addAll(later.get());
    } catch (InterruptedException e) {
      later.cancel(true);
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while reading the hits");
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof IOException io) throw io;
      if (e.getCause() instanceof RuntimeException r) throw r;
      if (e.getCause() instanceof Error err) throw err;
      throw new IOException(e.getCause());
    } catch (IOException | RuntimeException | Error e) {
      later.cancel(true);
      throw e;
    }
    return out;
  }

  /**
   * Whether a search thread is free to take half a page: none queued, fewer busy than there are.
   * Under load every thread is busy with other searches' slices, and half a page handed to them
   * would wait behind their work; with one search at a time a thread was free for 98% of the pages
   * (docs/performance.md, 2026-11-30 evening: one thread and two equal on 1 M sections, two 10%
   * faster on 1,000 documents).
   */
  private static boolean idle(java.util.concurrent.ExecutorService threads) {
    return threads instanceof java.util.concurrent.ThreadPoolExecutor pool
        && pool.getQueue().isEmpty()
        && pool.getActiveCount() < pool.getMaximumPoolSize();
  }

  /** Pages of fewer hits are read on the calling thread alone. */
  private static final int HITS_SPLIT = 4;

  /** The hits of {@code page}, in its order, read on this thread. */
  List<SearchHit> hitsOf(IndexSearcher searcher, ScoreDoc[] page, List<Query> highlights)
      throws IOException {
    if (page.length == 0) return List.of();
    // each section's stored fields are read (and decompressed) once, for the hit and its snippet
    var stored = searcher.storedFields();
    Document[] docs = new Document[page.length];
    for (int i = 0; i < page.length; i++) docs[i] = stored.document(page[i].doc);
    Marked[] snippets = snippets(searcher, page, docs, highlights);
    List<SearchHit> out = new ArrayList<>(page.length);
    for (int i = 0; i < page.length; i++) out.add(hit(docs[i], snippets[i], page[i].score));
    return out;
  }

  /** A hit from a section's stored fields, its snippet and its score. */
  public static SearchHit hit(Document d, Marked snippet, float score) {
    int hitPage = hitPage(org.gongkai.model.Pages.decode(d.get(Schema.PAGES)), snippet);
    return new SearchHit(
        d.get(Schema.ID),
        d.get(Schema.DOC_ID),
        d.get(Schema.TITLE),
        d.get(Schema.ISSUER),
        DocumentMapper.region(d),
        DocumentMapper.year(d),
        d.get(Schema.KIND),
        d.get(Schema.DEPARTMENT),
        d.get(Schema.CATEGORY),
        d.get(Schema.HEADING),
        Arrays.asList(d.getValues(Schema.BREADCRUMB)),
        snippet,
        Float.isNaN(score) ? 0f : score,
        readByOcr(DocumentMapper.ocrPages(d), hitPage),
        hitPage,
        d.get(Schema.COLLECTION));
  }

  /**
   * Whether a hit's text was read by OCR: its page was scanned, or — where its page is unknown —
   * any page of its document was.
   */
  private static boolean readByOcr(List<Integer> ocrPages, int hitPage) {
    return hitPage > 0 ? ocrPages.contains(hitPage) : !ocrPages.isEmpty();
  }

  /** The page of a hit's first match, or the section's first page when the match is unknown. */
  private static int hitPage(org.gongkai.model.Pages pages, Marked snippet) {
    return snippet.at() >= 0 ? pages.at(snippet.at()) : pages.first();
  }

  private Marked[] snippets(
      IndexSearcher searcher, ScoreDoc[] page, Document[] docs, List<Query> highlights)
      throws IOException {
    int[] docIds = new int[page.length];
    Map<Integer, String> texts = new java.util.HashMap<>();
    for (int i = 0; i < page.length; i++) {
      docIds[i] = page[i].doc;
      texts.put(page[i].doc, docs[i].get(Schema.TEXT));
    }
    Object[] formatted =
        new MarkingHighlighter(
                snippetHighlighter(UnifiedHighlighter.builder(searcher, analyzer)), texts)
            .marked(
                new String[] {Schema.TEXT},
                either(highlights),
                docIds,
                new int[] {SNIPPET_PASSAGES})
            .get(Schema.TEXT);
    Marked[] out = new Marked[page.length];
    for (int i = 0; i < page.length; i++) {
      out[i] = formatted[i] instanceof Marked m ? m : Marked.plain("");
    }
    return out;
  }

  /**
   * The snippet of a hit whose text is at hand (a SolrCloud collection's hit): the same passages
   * and marks as a hit of the embedded index, whose highlighter also analyses the text again.
   */
  public static Marked snippet(String text, List<Query> highlights) throws IOException {
    if (text == null) return Marked.plain("");
    Object marked =
        snippetHighlighter(UnifiedHighlighter.builderWithoutSearcher(Schema.markingAnalyzer()))
            .build()
            .highlightWithoutSearcher(Schema.TEXT, either(highlights), text, SNIPPET_PASSAGES);
    return marked instanceof Marked m ? m : Marked.plain("");
  }

  private static Query either(List<Query> highlights) {
    BooleanQuery.Builder hq = new BooleanQuery.Builder();
    for (Query q : highlights) hq.add(q, Occur.SHOULD);
    return hq.build();
  }

  private static UnifiedHighlighter.Builder snippetHighlighter(UnifiedHighlighter.Builder b) {
    return b.withFormatter(SnippetFormatter.snippet())
        .withMaxLength(MAX_HIGHLIGHT_CHARS)
        .withMaxNoHighlightPassages(1) // a hit found only by filters still shows its opening
        .withBreakIterator(
            () ->
                org.apache.lucene.search.uhighlight.LengthGoalBreakIterator.createClosestToLength(
                    BreakIterator.getSentenceInstance(Locale.CHINA), PASSAGE_CHARS, 0.3f));
  }

  /**
   * Lucene's highlighter, giving the formatter's objects (marked text) rather than strings, over
   * texts already read. It neither reads the stored texts again (decompressing a section's stored
   * fields twice was a fifth of a page's snippets) nor asks the index how the text field was
   * indexed (merging every segment's field infos, another fifth, on 1 M sections): the field keeps
   * no offsets, so its hits are found by analysing the text again.
   */
  private static final class MarkingHighlighter extends UnifiedHighlighter {
    private final Map<Integer, String> texts;

    MarkingHighlighter(UnifiedHighlighter.Builder builder, Map<Integer, String> texts) {
      super(builder);
      this.texts = texts;
    }

    @Override
    protected OffsetSource getOffsetSource(String field) {
      return OffsetSource.ANALYSIS;
    }

    @Override
    protected List<CharSequence[]> loadFieldValues(
        String[] fields, org.apache.lucene.search.DocIdSetIterator docs, int cacheCharsThreshold)
        throws IOException {
      List<CharSequence[]> out = new ArrayList<>();
      for (int doc = docs.nextDoc();
          doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;
          doc = docs.nextDoc()) {
        CharSequence[] values = new CharSequence[fields.length];
        for (int f = 0; f < fields.length; f++) {
          String text = fields[f].equals(Schema.TEXT) ? texts.get(doc) : null;
          values[f] =
              text == null ? null : text.substring(0, Math.min(getMaxLength(), text.length()));
        }
        out.add(values);
      }
      return out;
    }

    Map<String, Object[]> marked(String[] fields, Query query, int[] docIds, int[] passages)
        throws IOException {
      return highlightFieldsAsObjects(fields, query, docIds, passages);
    }
  }

  /** Marks a query's hits in whole texts; built once per query, used for each text of a page. */
  @FunctionalInterface
  public interface TextMarker {
    /** {@code text} with every hit marked, line breaks kept. */
    Marked mark(String text) throws IOException;
  }

  /** The marker for {@code query}; without a query (or nothing to mark) it marks nothing. */
  @Override
  public TextMarker marker(String query) {
    return marker(requests.highlights(query));
  }

  /** The marker of these highlight queries (a request's, read by a {@link RequestReader}). */
  public static TextMarker marker(List<Query> highlights) {
    if (highlights.isEmpty()) return Marked::plain;
    Query query = either(highlights);
    Analyzer analyzer = Schema.markingAnalyzer();
    return text -> {
      UnifiedHighlighter highlighter =
          UnifiedHighlighter.builderWithoutSearcher(analyzer)
              .withFormatter(SnippetFormatter.wholeText())
              .withMaxLength(Math.max(1, text.length()))
              .withBreakIterator(org.apache.lucene.search.uhighlight.WholeBreakIterator::new)
              .build();
      Object marked = highlighter.highlightWithoutSearcher(Schema.TEXT, query, text, 1);
      return marked instanceof Marked m ? m : Marked.plain(text);
    };
  }

  /** {@code text} with exactly {@code [from, to)} marked. */
  public static Marked markRange(String text, int from, int to) {
    return new Marked(text, List.of(new Marked.Span(from, to)));
  }

  // ---- facets

  /**
   * Each dimension's values from {@code counts} (Lucene's, or a SolrCloud collection's as {@link
   * Facets}), as pages show them: most frequent first, years newest first, the region tree opened
   * where selected or where few values are.
   */
  public static Map<Facet, List<FacetValue>> facetValues(
      Facets counts, Map<Facet, List<String>> selected, boolean wholeTree) throws IOException {
    Map<Facet, List<FacetValue>> out = new LinkedHashMap<>();
    for (Facet f : Facet.values()) {
      Set<String> chosen = new LinkedHashSet<>(selected.getOrDefault(f, List.of()));
      out.put(f, children(counts, f, List.of(), chosen, wholeTree, -1));
    }
    return out;
  }

  /**
   * Values under {@code path} of {@code dim}, most frequent first; years newest first; regions as a
   * tree.
   */
  private static List<FacetValue> children(
      Facets counts, Facet dim, List<String> path, Set<String> chosen, boolean wholeTree, long of)
      throws IOException {
    FacetResult fr;
    try {
      fr = counts.getAllChildren(dim.key(), path.toArray(String[]::new));
    } catch (IllegalArgumentException | NullPointerException e) {
      // the dimension (or this path) does not occur in the index; for a hierarchical dimension no
      // document has (an index whose every region is undecided) Lucene's counts throw a
      // NullPointerException (no tree for the dimension) rather than IllegalArgumentException
      return List.of();
    }
    if (fr == null) return List.of();
    List<LabelAndValue> values = new ArrayList<>(Arrays.asList(fr.labelValues));
    Comparator<LabelAndValue> order =
        dim == Facet.YEAR
            ? Comparator.comparing((LabelAndValue lv) -> lv.label).reversed()
            : Comparator.comparing((LabelAndValue lv) -> -lv.value.longValue())
                .thenComparing(lv -> lv.label);
    values.sort(order);
    List<FacetValue> out = new ArrayList<>();
    long all = 0, hidden = 0;
    for (LabelAndValue lv : values) {
      all += lv.value.longValue();
      List<String> childPath = new ArrayList<>(path);
      childPath.add(lv.label);
      String full = String.join("/", childPath);
      boolean onChosenPath =
          chosen.stream().anyMatch(c -> c.equals(full) || c.startsWith(full + "/"));
      if (!wholeTree && out.size() >= MAX_FACET_VALUES && !onChosenPath && !chosen.contains(full)) {
        hidden += lv.value.longValue();
        continue;
      }
      // a region opens into its cities and counties when it is selected (or holds a selection), or
      // when the results lie in few regions; a national corpus would otherwise list every county on
      // every page
      boolean open = wholeTree || onChosenPath || values.size() <= OPEN_WHEN_AT_MOST;
      List<FacetValue> sub =
          dim.hierarchical() && childPath.size() < 3 && open
              ? children(counts, dim, childPath, chosen, wholeTree, lv.value.longValue())
              : List.of();
      out.add(new FacetValue(lv.label, full, lv.value.longValue(), chosen.contains(full), sub));
    }
    // counts that add up: the values not listed, and what a region holds in none of its children
    // (a province's own reports, 省本级)
    if (hidden > 0) out.add(FacetValue.remainder(FacetValue.OTHER, hidden));
    if (!dim.multiValued() && !path.isEmpty() && of > all && !out.isEmpty())
      out.add(FacetValue.remainder(FacetValue.OWN, of - all));
    return out;
  }

  SortedSetDocValuesReaderState state(IndexReader reader) throws IOException {
    // readers are keyed by identity: IndexReader does not define equality
    synchronized (readerStates) {
      SortedSetDocValuesReaderState cached = readerStates.get(reader);
      if (cached != null) return cached;
    }
    String field = facets.getDimConfig(Facet.REGION.key()).indexFieldName;
    if (FieldInfos.getMergedFieldInfos(reader).fieldInfo(field) == null) return null;
    SortedSetDocValuesReaderState state = new DefaultSortedSetDocValuesReaderState(reader, facets);
    synchronized (readerStates) {
      readerStates.put(reader, state);
    }
    return state;
  }

  public static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }
}
