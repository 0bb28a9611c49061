package org.gongkai.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.gongkai.index.DocumentMapper;
import org.gongkai.index.IndexStore;
import org.gongkai.index.Schema;
import org.gongkai.model.DocumentEntry;
import org.gongkai.model.DocumentList;
import org.gongkai.model.Facet;
import org.gongkai.model.FacetValue;
import org.gongkai.model.IndicatorFlag;
import org.gongkai.model.Notice;
import org.gongkai.model.SearchRequest;

/**
 * Lists reports rather than sections ({@code /documents}, feeds, issuer pages): the query picks the
 * reports with a matching section (counting those sections); the selections and the facet counts
 * are on the reports' own records, so every count is a number of reports.
 *
 * <p>A category selection picks reports that have a section of that category; with a query, the
 * query's section may be any of the report's.
 */
public final class DocumentLists {

  private final SearchService search;

  DocumentLists(SearchService search) {
    this.search = search;
  }

  /** How a report matched: its sections that match and the best score among them. */
  /** A report's matching sections: how many, and the best one's score. */
  public record Match(long sections, float best) {}

  /** What a list of reports is ordered by, of one report. */
  public record Ranked(String docId, int year, long indexedAt) {}

  /** One report record of the list: its id, year and when it was indexed, for ordering. */
  private record Row(int doc, String docId, int year, long indexedAt) {}

  DocumentList list(SearchRequest r) throws IOException {
    return list(r, false);
  }

  /** The same; with {@code wholeTree}, every region level opened (for browsing). */
  DocumentList list(SearchRequest r, boolean wholeTree) throws IOException {
    return list(r, wholeTree, r.size());
  }

  /** The same, {@code size} reports to a page (an export takes them all at once). */
  DocumentList list(SearchRequest r, boolean wholeTree, int size) throws IOException {
    long started = System.nanoTime();
    RequestReader.Prepared p = search.prepare(r);
    List<Notice> messages = new ArrayList<>(p.messages());
    org.gongkai.index.Searchers manager = search.store().searchers();
    IndexSearcher searcher = manager.acquire();
    try {
      SortedSetDocValuesReaderState state = search.state(searcher.getIndexReader());
      Map<String, Match> matches = p.blank() ? null : matches(searcher, p.base());
      BooleanQuery.Builder base =
          new BooleanQuery.Builder().add(IndexStore.type(Schema.TYPE_DOCUMENT), Occur.FILTER);
      if (matches != null) {
        List<BytesRef> ids = matches.keySet().stream().map(BytesRef::new).toList();
        base.add(new TermInSetQuery(Schema.DOC_ID, ids), Occur.FILTER);
      }
      if (state == null || (matches != null && matches.isEmpty())) {
        return DocumentList.none(
            r.query(), r.page(), size, SearchService.millisSince(started), p.selected(), messages);
      }
      DrillDownQuery drill = new DrillDownQuery(search.facetsConfig(), base.build());
      p.filters().forEach((dim, q) -> drill.add(dim.key(), q));
      DrillSideways ds = search.drillSideways(searcher, state);
      DrillSideways.ConcurrentDrillSidewaysResult<List<Row>> result =
          ds.search(drill, new RowsManager());
      List<Row> rows = new ArrayList<>(result.collectorResult);
      rows.sort(rowOrder(r.order(), matches));
      int from = Math.min(rows.size(), (r.page() - 1) * size);
      int to = Math.min(rows.size(), from + size);
      if (from >= rows.size() && !rows.isEmpty())
        messages.add(Notice.of("pastEnd", r.page(), (rows.size() + size - 1) / size));
      List<DocumentEntry> entries = new ArrayList<>();
      for (Row row : rows.subList(from, to))
        entries.add(entry(searcher, row, matches == null ? null : matches.get(row.docId())));
      Map<Facet, List<FacetValue>> facetValues =
          search.facetValues(result.facets, p.selected(), wholeTree);
      return new DocumentList(
          r.query(),
          rows.size(),
          r.page(),
          size,
          SearchService.millisSince(started),
          entries,
          facetValues,
          p.selected(),
          messages);
    } finally {
      manager.release(searcher);
    }
  }

  /** Every report with a section matching {@code sectionQuery}: how many, and how well. */
  static Map<String, Match> matches(IndexSearcher searcher, Query sectionQuery) throws IOException {
    Map<String, long[]> counts = new HashMap<>();
    Map<String, Float> best = new HashMap<>();
    searcher.search(
        sectionQuery,
        new CollectorManager<SimpleCollector, Void>() {
          @Override
          public SimpleCollector newCollector() {
            return new SimpleCollector() {
              private SortedDocValues ids;
              private Scorable scorer;

              @Override
              protected void doSetNextReader(LeafReaderContext context) throws IOException {
                ids = DocValues.getSorted(context.reader(), Schema.DOC_ORDER);
              }

              @Override
              public void setScorer(Scorable scorer) {
                this.scorer = scorer;
              }

              @Override
              public void collect(int doc) throws IOException {
                if (!ids.advanceExact(doc)) return;
                String id = ids.lookupOrd(ids.ordValue()).utf8ToString();
                float score = scorer.score();
                synchronized (counts) {
                  counts.computeIfAbsent(id, k -> new long[1])[0]++;
                  best.merge(id, score, Math::max);
                }
              }

              @Override
              public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE;
              }
            };
          }

          @Override
          public Void reduce(java.util.Collection<SimpleCollector> collectors) {
            return null;
          }
        });
    Map<String, Match> out = new LinkedHashMap<>();
    counts.forEach((id, n) -> out.put(id, new Match(n[0], best.get(id))));
    return out;
  }

  private static Comparator<Row> rowOrder(SearchRequest.Order order, Map<String, Match> matches) {
    Comparator<Ranked> ranked = order(order, matches);
    return Comparator.comparing(
        row -> new Ranked(row.docId(), row.year(), row.indexedAt()), ranked);
  }

  /**
   * Best match first (then newest year); newest year first (then region and title by id); or the
   * report indexed last first. Ties fall to the report id, so a list never depends on index order.
   * A report of unknown year has {@link Integer#MIN_VALUE}. Any engine's lists order by this.
   */
  public static Comparator<Ranked> order(SearchRequest.Order order, Map<String, Match> matches) {
    Comparator<Ranked> byId = Comparator.comparing(Ranked::docId);
    Comparator<Ranked> byYear = Comparator.comparingInt(Ranked::year).reversed();
    return switch (order) {
      case INDEXED -> Comparator.comparingLong(Ranked::indexedAt).reversed().thenComparing(byId);
      case YEAR -> byYear.thenComparing(byId);
      case RELEVANCE ->
          matches == null
              ? byYear.thenComparing(byId)
              : Comparator.comparing((Ranked row) -> -matches.get(row.docId()).best())
                  .thenComparing(byYear)
                  .thenComparing(byId);
    };
  }

  private DocumentEntry entry(IndexSearcher searcher, Row row, Match match) throws IOException {
    Document d =
        searcher
            .storedFields()
            .document(
                row.doc(),
                Set.of(
                    Schema.DOC_ID,
                    Schema.SHA256,
                    Schema.TITLE,
                    Schema.ISSUER,
                    Schema.DEPARTMENT,
                    Schema.KIND,
                    Schema.PAGE_ROLE,
                    Schema.YEAR,
                    Schema.REGION_CODE,
                    Schema.PROVINCE,
                    Schema.CITY,
                    Schema.COUNTY,
                    Schema.SECTION_COUNT,
                    Schema.FLAGS,
                    Schema.INDEXED_AT,
                    Schema.OCR_PAGES,
                    Schema.COLLECTION));
    String docId = row.docId();
    int figures =
        searcher.count(
            new BooleanQuery.Builder()
                .add(IndexStore.type(Schema.TYPE_INDICATOR), Occur.FILTER)
                .add(new TermQuery(new Term(Schema.DOC_ID, docId)), Occur.FILTER)
                .add(new TermQuery(new Term(Schema.HEADLINE, "true")), Occur.FILTER)
                .build());
    return entry(
        d,
        figures,
        search.store().fileRefs(docId, d.get(Schema.SHA256)),
        match == null ? 0 : match.sections(),
        java.time.Instant.ofEpochMilli(row.indexedAt()));
  }

  /**
   * A report's line in a list, from its record's stored fields: with its number of headline
   * figures, its files, its matching sections (0 without a query) and when it was indexed. Any
   * engine's lists make their lines here.
   */
  public static DocumentEntry entry(
      Document d,
      int figures,
      List<org.gongkai.model.FileRef> files,
      long matching,
      java.time.Instant indexedAt) {
    int flags = 0;
    java.util.Set<String> checks = new java.util.TreeSet<>();
    for (IndicatorFlag f : DocumentMapper.flags(d)) {
      f.family().ifPresent(c -> checks.add(c.label()));
      if (!f.check().equals("completeness") && f.severity() != IndicatorFlag.Severity.NOTICE)
        flags++;
    }
    return new DocumentEntry(
        d.get(Schema.DOC_ID),
        d.get(Schema.TITLE),
        d.get(Schema.ISSUER),
        d.get(Schema.DEPARTMENT),
        DocumentMapper.region(d),
        DocumentMapper.year(d),
        d.get(Schema.KIND),
        d.getField(Schema.SECTION_COUNT).numericValue().intValue(),
        figures,
        flags,
        files,
        matching,
        indexedAt,
        !DocumentMapper.ocrPages(d).isEmpty(),
        List.copyOf(checks),
        org.gongkai.model.PageRole.orReport(d.get(Schema.PAGE_ROLE)),
        d.get(Schema.COLLECTION));
  }

  /** Collects every matching report record with what ordering needs, from doc values. */
  private static final class RowsCollector extends SimpleCollector {
    final List<Row> rows = new ArrayList<>();
    private SortedDocValues ids;
    private NumericDocValues years;
    private NumericDocValues indexed;
    private int base;

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
      ids = DocValues.getSorted(context.reader(), Schema.DOC_ORDER);
      years = DocValues.getNumeric(context.reader(), Schema.YEAR);
      indexed = DocValues.getNumeric(context.reader(), Schema.INDEXED_ORDER);
      base = context.docBase;
    }

    @Override
    public void collect(int doc) throws IOException {
      if (!ids.advanceExact(doc)) return;
      String id = ids.lookupOrd(ids.ordValue()).utf8ToString();
      int year = years.advanceExact(doc) ? (int) years.longValue() : Integer.MIN_VALUE;
      long at = indexed.advanceExact(doc) ? indexed.longValue() : 0L;
      rows.add(new Row(base + doc, id, year, at));
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }

  private static final class RowsManager implements CollectorManager<RowsCollector, List<Row>> {
    @Override
    public RowsCollector newCollector() {
      return new RowsCollector();
    }

    @Override
    public List<Row> reduce(java.util.Collection<RowsCollector> collectors) {
      List<Row> out = new ArrayList<>();
      for (RowsCollector c : collectors) out.addAll(c.rows);
      return out;
    }
  }
}
