package org.gongkai.search;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.gongkai.index.DocumentMapper;
import org.gongkai.index.IndexStore;
import org.gongkai.index.Schema;
import org.gongkai.model.Facet;
import org.gongkai.model.FacetValue;
import org.gongkai.model.Notice;
import org.gongkai.model.ProjectHit;
import org.gongkai.model.SearchRequest;

/**
 * The projects reports fund, searched as things of their own: by the words of their name, by
 * region, year, department and kind (as a search's facets), by amount; and one project's page —
 * every report that names it, by its key. Reads only what the request may read: the records come
 * from the index a request's searcher holds (the public one and the private collections it may
 * read), as a search's do.
 */
public final class ProjectService {

  /** Most amounts first, fewest first, or newest year first (most amounts within a year). */
  public enum Order {
    AMOUNT,
    AMOUNT_ASC,
    YEAR
  }

  /** A search: words of a name (blank: every project), facet values, an amount range in 万元. */
  public record Request(
      String query,
      List<String> regions,
      List<String> years,
      List<String> departments,
      List<String> kinds,
      BigDecimal min,
      BigDecimal max,
      Order order,
      int page,
      int size) {}

  /**
   * One page of hits of {@code total}, the facet values of all of them, what the request selected
   * and notes on what could not be read.
   */
  public record Result(
      List<ProjectHit> hits,
      long total,
      Map<Facet, List<FacetValue>> facets,
      Map<Facet, List<String>> selected,
      List<Notice> messages) {}

  private final SearchService search;
  private final ExactQueries exact = new ExactQueries(Schema.markingAnalyzer());

  public ProjectService(SearchService search) {
    this.search = search;
  }

  public Result search(Request r) throws IOException {
    SearchRequest facets =
        new SearchRequest(
            "",
            r.regions(),
            r.years(),
            List.of(),
            r.departments(),
            r.kinds(),
            SearchRequest.Order.RELEVANCE,
            1,
            SearchRequest.DEFAULT_SIZE,
            List.of(),
            List.of(),
            List.of());
    RequestReader.Prepared prepared = search.requests().read(facets);
    List<Notice> messages = new ArrayList<>(prepared.messages());
    BooleanQuery.Builder b =
        new BooleanQuery.Builder().add(IndexStore.type(Schema.TYPE_PROJECT), Occur.FILTER);
    String words = r.query() == null ? "" : r.query().strip();
    if (!words.isEmpty()) {
      Optional<Query> name = exact.occurs(Schema.PROJECT_NAME_TEXT, words);
      if (name.isEmpty()) {
        messages.add(Notice.of("noLetters", words));
        return new Result(List.of(), 0, Map.of(), prepared.selected(), messages);
      }
      b.add(name.get(), Occur.FILTER);
    }
    if (r.min() != null || r.max() != null)
      b.add(
          DoublePoint.newRangeQuery(
              Schema.PROJECT_AMOUNT,
              r.min() == null ? Double.NEGATIVE_INFINITY : r.min().doubleValue(),
              r.max() == null ? Double.POSITIVE_INFINITY : r.max().doubleValue()),
          Occur.FILTER);
    for (Query f : prepared.filters().values()) b.add(f, Occur.FILTER);
    Query query = b.build();
    org.gongkai.index.Searchers manager = search.store().searchers();
    IndexSearcher searcher = manager.acquire();
    try {
      long total = searcher.count(query);
      FacetsCollector fc = searcher.search(query, new FacetsCollectorManager());
      SortedSetDocValuesReaderState state = search.state(searcher.getIndexReader());
      Map<Facet, List<FacetValue>> counts = new LinkedHashMap<>();
      if (state != null && total > 0) {
        Facets f = search.facetCounter().count(state, fc);
        Map<Facet, List<FacetValue>> all = SearchService.facetValues(f, prepared.selected(), false);
        for (Facet dim : List.of(Facet.REGION, Facet.YEAR, Facet.DEPARTMENT, Facet.KIND))
          counts.put(dim, all.getOrDefault(dim, List.of()));
      }
      // a page past the last is empty (in longs: page × size may pass an int's range)
      long skip = Math.max(0L, ((long) r.page() - 1) * r.size());
      List<ProjectHit> hits = new ArrayList<>();
      if (skip < total) {
        int from = (int) skip;
        var top = searcher.search(query, (int) Math.min(total, skip + r.size()), sort(r.order()));
        var stored = searcher.storedFields();
        ScoreDoc[] docs = top.scoreDocs;
        for (int i = from; i < docs.length; i++) hits.add(hit(stored.document(docs[i].doc)));
      }
      return new Result(hits, total, counts, prepared.selected(), messages);
    } finally {
      manager.release(searcher);
    }
  }

  /**
   * Every statement of one project (its key) the request may read: by issuer and unit, then year;
   * within one, most first.
   */
  public List<ProjectHit> byKey(String key) throws IOException {
    Query query =
        new BooleanQuery.Builder()
            .add(IndexStore.type(Schema.TYPE_PROJECT), Occur.FILTER)
            .add(new TermQuery(new Term(Schema.PROJECT_KEY, key)), Occur.FILTER)
            .build();
    org.gongkai.index.Searchers manager = search.store().searchers();
    IndexSearcher searcher = manager.acquire();
    try {
      int n = Math.max(1, searcher.count(query));
      var stored = searcher.storedFields();
      List<ProjectHit> out = new ArrayList<>();
      for (ScoreDoc d : searcher.search(query, n).scoreDocs) out.add(hit(stored.document(d.doc)));
      out.sort(
          Comparator.comparing((ProjectHit h) -> nz(h.issuer()))
              .thenComparing(h -> nz(h.project().unit()))
              .thenComparing(h -> h.year() == null ? 0 : h.year())
              .thenComparing(h -> h.docId())
              .thenComparing(h -> h.project().amount(), Comparator.reverseOrder()));
      return out;
    } finally {
      manager.release(searcher);
    }
  }

  /**
   * Every project the reports of one issuer (its name in any spelling) state, that the request may
   * read: newest year first, most money first within a year.
   */
  public List<ProjectHit> byIssuer(String issuer) throws IOException {
    Query query =
        new BooleanQuery.Builder()
            .add(IndexStore.type(Schema.TYPE_PROJECT), Occur.FILTER)
            .add(
                new TermQuery(
                    new Term(
                        Schema.ISSUER_NORMAL,
                        org.gongkai.model.IssuerNames.normal(issuer.strip()))),
                Occur.FILTER)
            .build();
    org.gongkai.index.Searchers manager = search.store().searchers();
    IndexSearcher searcher = manager.acquire();
    try {
      int n = Math.max(1, searcher.count(query));
      var stored = searcher.storedFields();
      List<ProjectHit> out = new ArrayList<>();
      for (ScoreDoc d : searcher.search(query, n, sort(Order.YEAR)).scoreDocs)
        out.add(hit(stored.document(d.doc)));
      return out;
    } finally {
      manager.release(searcher);
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static Sort sort(Order order) {
    SortField amount =
        new SortField(Schema.PROJECT_AMOUNT, SortField.Type.DOUBLE, order != Order.AMOUNT_ASC);
    SortField year = new SortField(Schema.YEAR, SortField.Type.INT, true);
    SortField report = new SortField(Schema.DOC_ORDER, SortField.Type.STRING);
    // ties in a stable order: the newest year first, then by report (then as the report lists them)
    if (order == Order.YEAR) return new Sort(year, amount, report);
    return new Sort(amount, year, report);
  }

  private static ProjectHit hit(Document d) {
    String year = d.get(Schema.YEAR);
    List<String> region = new ArrayList<>();
    for (String f : List.of(Schema.PROVINCE, Schema.CITY, Schema.COUNTY))
      if (d.get(f) != null) region.add(d.get(f));
    return new ProjectHit(
        DocumentMapper.project(d),
        d.get(Schema.DOC_ID),
        d.get(Schema.SECTION_ID),
        d.get(Schema.TITLE),
        d.get(Schema.ISSUER),
        year == null ? null : Integer.valueOf(year),
        d.get(Schema.KIND),
        region.isEmpty() ? null : String.join("/", region),
        d.get(Schema.DEPARTMENT),
        d.get(Schema.COLLECTION));
  }
}
