package org.gongkai.solr;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.CursorMarkParams;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.gongkai.index.Schema;
import org.gongkai.model.BatchTable;
import org.gongkai.model.DocumentEntry;
import org.gongkai.model.DocumentList;
import org.gongkai.model.Facet;
import org.gongkai.model.FacetValue;
import org.gongkai.model.GroupedPage;
import org.gongkai.model.HitGroup;
import org.gongkai.model.Marked;
import org.gongkai.model.Notice;
import org.gongkai.model.SearchHit;
import org.gongkai.model.SearchPage;
import org.gongkai.model.SearchRequest;
import org.gongkai.regions.Gazetteer;
import org.gongkai.search.BatchCounts;
import org.gongkai.search.DocumentLists;
import org.gongkai.search.FacetTerms;
import org.gongkai.search.RequestReader;
import org.gongkai.search.SearchService;
import org.gongkai.search.Searches;

/**
 * Section search over a SolrCloud collection, answering as {@link SearchService#search} does over
 * the embedded index: the same sections matched (Gongkai's query parser plugin builds the same
 * queries on every shard), ranked alike (BM25 with the collection's exact statistics, ties by
 * report and section), the same facet counts (each dimension's selection a tagged filter that its
 * own counts leave out, as Lucene's drill sideways does), and the same snippets (marked here, by
 * the same highlighter, from the text the collection returns).
 */
public final class SolrSearchService implements Searches {

  private final SolrCollection collection;
  private final RequestReader requests;
  private static final ObjectMapper JSON = new ObjectMapper();

  public SolrSearchService(SolrCollection collection, Gazetteer gazetteer) {
    this.collection = collection;
    this.requests = new RequestReader(gazetteer, FacetTerms.solr());
  }

  @Override
  public SearchPage search(SearchRequest r) throws IOException {
    long started = System.nanoTime();
    RequestReader.Prepared p = requests.read(r);
    List<Notice> messages = new ArrayList<>(p.messages());
    int page = r.page();
    Notice deep = null;
    if ((long) page * r.size() > SearchService.MAX_DEPTH) {
      page = SearchService.MAX_DEPTH / r.size();
      deep = Notice.of("deep", SearchService.MAX_DEPTH, page);
      messages.add(deep);
    }
    QueryResponse response;
    try {
      response = collection.query(params(r, p, page));
    } catch (IOException e) {
      if (!tooComplex(e)) throw e;
      messages.add(Notice.of("complex"));
      return SearchPage.none(
          r.query(),
          r.page(),
          r.size(),
          SearchService.millisSince(started),
          p.selected(),
          messages);
    }
    long count = response.getResults().getNumFound();
    List<SearchHit> hits = new ArrayList<>();
    for (SolrDocument d : response.getResults()) hits.add(hit(d, p));
    if (count > 0 && hits.isEmpty() && (long) (page - 1) * r.size() < SearchService.MAX_DEPTH) {
      // a page past the results is said as the page asked, once: not also as a page too deep
      messages.remove(deep);
      messages.add(Notice.of("pastEnd", r.page(), (count + r.size() - 1) / r.size()));
    }
    Map<Facet, List<FacetValue>> facets =
        SearchService.facetValues(
            SolrFacets.of(response.getJsonFacetingResponse()), p.selected(), false);
    return new SearchPage(
        r.query(),
        count,
        page,
        r.size(),
        SearchService.millisSince(started),
        hits,
        facets,
        p.selected(),
        messages);
  }

  /**
   * Results one per report (as {@link SearchService#searchByReport}): reports ranked by their best
   * section (or newest year first), each with its number of matching sections and its best {@value
   * #BEST} sections, in order; facets count sections, as on the ungrouped page.
   *
   * <p>One request collapses the hits to each report's best section (exact: a report lies on one
   * shard) and pages through those; the facets and the count of sections leave the collapse out. A
   * second request reads the page's reports' best sections and counts. Solr's result grouping is
   * not used: its distributed scores are each shard's own, so reports would rank unlike the
   * embedded index's.
   */
  @Override
  public GroupedPage searchByReport(SearchRequest r) throws IOException {
    long started = System.nanoTime();
    RequestReader.Prepared p = requests.read(r);
    List<Notice> messages = new ArrayList<>(p.messages());
    ModifiableSolrParams heads = params(r, p, r.page());
    heads.add(
        "fq",
        "{!collapse tag="
            + COLLAPSE
            + " field="
            + Schema.DOC_ORDER
            + " sort='score desc,"
            + Schema.ORDINAL
            + " asc'}");
    heads.set("fl", Schema.DOC_ID + ",score");
    heads.set("json.facet", facetRequest(p.filters().keySet(), COLLAPSE));
    QueryResponse top;
    try {
      top = collection.query(heads);
    } catch (IOException e) {
      if (!tooComplex(e)) throw e;
      messages.add(Notice.of("complex"));
      return GroupedPage.none(
          r.query(),
          r.page(),
          r.size(),
          SearchService.millisSince(started),
          p.selected(),
          messages);
    }
    long reports = top.getResults().getNumFound();
    var facets = top.getJsonFacetingResponse();
    var sections = facets == null ? null : facets.getQueryFacet(SECTIONS);
    long total = sections == null ? 0 : sections.getCount();
    List<String> page = new ArrayList<>();
    for (SolrDocument d : top.getResults())
      page.add(String.valueOf(d.getFieldValue(Schema.DOC_ID)));
    if (reports > 0 && page.isEmpty())
      messages.add(Notice.of("pastEnd", r.page(), (reports + r.size() - 1) / r.size()));
    List<HitGroup> groups = new ArrayList<>();
    if (!page.isEmpty()) {
      Map<String, List<SearchHit>> best = new java.util.HashMap<>();
      Map<String, Long> counts = new java.util.HashMap<>();
      ModifiableSolrParams rest = params(r, p, 1);
      rest.add("fq", "{!terms f=" + Schema.DOC_ID + "}" + String.join(",", page));
      // a total order: pages read with start may come from different replicas, whose internal
      // document numbers differ, so sections of two reports tied on score and ordinal must not be
      // left to them (one could fall between two pages and be lost)
      rest.set("sort", sort(SearchRequest.Order.RELEVANCE));
      rest.set("rows", page.size() * BEST);
      rest.set("json.facet", countsByReport(page.size()));
      // the best sections of reports with few matches may lie beyond the first rows: read on
      for (int start = 0; ; start += page.size() * BEST) {
        rest.set("start", start);
        QueryResponse response = collection.query(rest);
        if (start == 0) {
          var buckets = response.getJsonFacetingResponse().getBucketBasedFacets("reports");
          for (var b : buckets.getBuckets()) counts.put(String.valueOf(b.getVal()), b.getCount());
        }
        for (SolrDocument d : response.getResults()) {
          String docId = String.valueOf(d.getFieldValue(Schema.DOC_ID));
          List<SearchHit> mine = best.computeIfAbsent(docId, k -> new ArrayList<>());
          if (mine.size() < BEST) mine.add(hit(d, p));
        }
        boolean done =
            page.stream()
                .allMatch(
                    id ->
                        best.getOrDefault(id, List.of()).size()
                            >= Math.min(BEST, counts.getOrDefault(id, 0L)));
        if (done || response.getResults().isEmpty()) break;
      }
      for (String docId : page)
        groups.add(
            new HitGroup(
                docId, counts.getOrDefault(docId, 0L), best.getOrDefault(docId, List.of())));
    }
    return new GroupedPage(
        r.query(),
        total,
        reports,
        r.page(),
        r.size(),
        SearchService.millisSince(started),
        groups,
        SearchService.facetValues(SolrFacets.of(facets), p.selected(), false),
        p.selected(),
        messages);
  }

  /** The tag of the filter collapsing hits to reports (facets and counts leave it out). */
  static final String COLLAPSE = "collapse";

  /** The facet counting every matching section when hits are collapsed to reports. */
  static final String SECTIONS = "sections";

  private static String countsByReport(int reports) {
    ObjectNode facets = JSON.createObjectNode();
    ObjectNode t = facets.putObject("reports");
    t.put("type", "terms");
    t.put("field", Schema.DOC_ORDER);
    t.put("limit", reports);
    return facets.toString();
  }

  @Override
  public SearchService.TextMarker marker(String query) {
    return requests.marker(query);
  }

  @Override
  public DocumentList documents(SearchRequest r) throws IOException {
    return reports(r, false, r.size());
  }

  @Override
  public DocumentList documents(SearchRequest r, int cap) throws IOException {
    return reports(r, false, cap);
  }

  @Override
  public DocumentList browseReports() throws IOException {
    return reports(org.gongkai.search.Searches.REPORTS_ONLY, true, 1);
  }

  /**
   * Reports selected by the request's filters, counted by their own facets, as the embedded index
   * lists them ({@link org.gongkai.search.DocumentLists}): with a query, the reports with a
   * matching section, best match first; without, newest year first (or indexed last first); ties by
   * id.
   */
  private DocumentList reports(SearchRequest r, boolean wholeTree, int size) throws IOException {
    long started = System.nanoTime();
    RequestReader.Prepared p = requests.read(r);
    List<Notice> messages = new ArrayList<>(p.messages());
    Map<String, DocumentLists.Match> matches = p.blank() ? null : matches(r);
    if (matches != null && matches.isEmpty())
      return DocumentList.none(
          r.query(), r.page(), size, SearchService.millisSince(started), p.selected(), messages);
    ModifiableSolrParams params = params(r, p, 1);
    params.set("q", "{!term f=" + Schema.TYPE + "}" + Schema.TYPE_DOCUMENT);
    params.remove("fl");
    List<DocumentEntry> entries = new ArrayList<>();
    long total;
    QueryResponse response;
    if (matches == null) {
      // every report selected: ordered and paged by the collection
      params.set(
          "sort",
          (r.order() == SearchRequest.Order.INDEXED
                  ? Schema.INDEXED_ORDER + " desc,"
                  : Schema.YEAR + " desc,")
              + Schema.DOC_ORDER
              + " asc");
      params.set("start", (r.page() - 1) * size);
      params.set("rows", size);
      response = collection.query(params);
      total = response.getResults().getNumFound();
      List<org.apache.lucene.document.Document> records = new ArrayList<>();
      for (SolrDocument d : response.getResults()) records.add(SolrRecords.fromSolr(d));
      entries.addAll(entries(records, Map.of()));
    } else {
      // the reports with a match: ordered by their best section, so all are read, then one page
      params.add("fq", "{!terms f=" + Schema.DOC_ID + "}" + String.join(",", matches.keySet()));
      params.set("fl", Schema.DOC_ID + "," + Schema.YEAR + "," + Schema.INDEXED_AT);
      params.set("rows", matches.size());
      response = collection.query(params);
      List<DocumentLists.Ranked> rows = new ArrayList<>();
      for (SolrDocument d : response.getResults()) {
        Object year = d.getFieldValue(Schema.YEAR);
        Object at = d.getFieldValue(Schema.INDEXED_AT);
        rows.add(
            new DocumentLists.Ranked(
                String.valueOf(d.getFieldValue(Schema.DOC_ID)),
                year instanceof Number n ? n.intValue() : Integer.MIN_VALUE,
                at instanceof Number n ? n.longValue() : 0L));
      }
      rows.sort(DocumentLists.order(r.order(), matches));
      total = rows.size();
      int from = (int) Math.min(rows.size(), (long) (r.page() - 1) * size);
      List<String> page =
          rows.subList(from, Math.min(rows.size(), from + size)).stream()
              .map(DocumentLists.Ranked::docId)
              .toList();
      if (!page.isEmpty()) {
        ModifiableSolrParams read = new ModifiableSolrParams();
        read.set("q", "{!term f=" + Schema.TYPE + "}" + Schema.TYPE_DOCUMENT);
        read.add("fq", "{!terms f=" + Schema.DOC_ID + "}" + String.join(",", page));
        read.set("rows", page.size());
        Map<String, org.apache.lucene.document.Document> byId = new java.util.HashMap<>();
        for (SolrDocument d : collection.query(read).getResults()) {
          var doc = SolrRecords.fromSolr(d);
          byId.put(doc.get(Schema.DOC_ID), doc);
        }
        Map<String, Long> matching = new java.util.HashMap<>();
        List<org.apache.lucene.document.Document> records = new ArrayList<>();
        for (String docId : page) {
          records.add(byId.get(docId));
          matching.put(docId, matches.get(docId).sections());
        }
        entries.addAll(entries(records, matching));
      }
    }
    if (total > 0 && entries.isEmpty())
      messages.add(Notice.of("pastEnd", r.page(), (total + size - 1) / size));
    return new DocumentList(
        r.query(),
        total,
        r.page(),
        size,
        SearchService.millisSince(started),
        entries,
        SearchService.facetValues(
            SolrFacets.of(response.getJsonFacetingResponse()), p.selected(), wholeTree),
        p.selected(),
        messages);
  }

  /**
   * Every report with a section matching the request's query (its selections aside, as the embedded
   * index's lists): how many of its sections match, and the best one's score. The hits collapsed to
   * each report's best section give the scores (the collection's statistics, as every search); a
   * terms facet of the hits before collapsing gives the counts.
   */
  private Map<String, DocumentLists.Match> matches(SearchRequest r) throws IOException {
    ModifiableSolrParams m = new ModifiableSolrParams();
    SolrRequests.write(r, m);
    m.set("q", "{!" + SolrRequests.QUERY_PARSER + "}");
    m.add(
        "fq",
        "{!collapse tag="
            + COLLAPSE
            + " field="
            + Schema.DOC_ORDER
            + " sort='score desc,"
            + Schema.ORDINAL
            + " asc'}");
    ObjectNode facet = JSON.createObjectNode();
    ObjectNode t = facet.putObject("reports");
    t.put("type", "terms");
    t.put("field", Schema.DOC_ORDER);
    t.put("limit", -1);
    t.putObject("domain").put("excludeTags", COLLAPSE);
    m.set("json.facet", facet.toString());
    m.set("rows", 0);
    QueryResponse counted = collection.query(m);
    Map<String, Long> counts = new java.util.LinkedHashMap<>();
    var buckets =
        counted.getJsonFacetingResponse() == null
            ? null
            : counted.getJsonFacetingResponse().getBucketBasedFacets("reports");
    if (buckets != null)
      for (var b : buckets.getBuckets()) counts.put(String.valueOf(b.getVal()), b.getCount());
    Map<String, DocumentLists.Match> out = new java.util.LinkedHashMap<>();
    if (counts.isEmpty()) return out;
    m.remove("json.facet");
    m.set("fl", Schema.DOC_ID + ",score");
    m.set("sort", "score desc," + Schema.DOC_ORDER + " asc");
    m.set("rows", counts.size());
    for (SolrDocument d : collection.query(m).getResults()) {
      String docId = String.valueOf(d.getFieldValue(Schema.DOC_ID));
      float best = ((Number) d.getFieldValue("score")).floatValue();
      out.put(docId, new DocumentLists.Match(counts.getOrDefault(docId, 0L), best));
    }
    return out;
  }

  /**
   * The lines of a page of reports, from their records (as the embedded index's lists make them):
   * their headline figures counted by one facet and their files read by one query, for the whole
   * page.
   */
  private List<DocumentEntry> entries(
      List<org.apache.lucene.document.Document> records, Map<String, Long> matching)
      throws IOException {
    if (records.isEmpty()) return List.of();
    List<String> ids = records.stream().map(d -> d.get(Schema.DOC_ID)).toList();
    ModifiableSolrParams figures = new ModifiableSolrParams();
    figures.set("q", "{!term f=" + Schema.TYPE + "}" + Schema.TYPE_INDICATOR);
    figures.add("fq", "{!term f=" + Schema.HEADLINE + "}true");
    figures.add("fq", "{!terms f=" + Schema.DOC_ID + "}" + String.join(",", ids));
    figures.set("rows", 0);
    ObjectNode facet = JSON.createObjectNode();
    ObjectNode t = facet.putObject("reports");
    t.put("type", "terms");
    t.put("field", Schema.DOC_ORDER);
    t.put("limit", -1);
    figures.set("json.facet", facet.toString());
    QueryResponse counted = collection.query(figures);
    Map<String, Long> headlines = new java.util.HashMap<>();
    var buckets =
        counted.getJsonFacetingResponse() == null
            ? null
            : counted.getJsonFacetingResponse().getBucketBasedFacets("reports");
    if (buckets != null)
      for (var b : buckets.getBuckets()) headlines.put(String.valueOf(b.getVal()), b.getCount());
    Map<String, List<org.gongkai.model.FileRef>> files = new SolrReads(collection).fileRefs(ids);
    List<DocumentEntry> out = new ArrayList<>();
    for (var d : records) {
      String docId = d.get(Schema.DOC_ID);
      List<org.gongkai.model.FileRef> mine = new ArrayList<>(files.getOrDefault(docId, List.of()));
      mine.sort(org.gongkai.model.FileRef.order(d.get(Schema.SHA256)));
      out.add(
          DocumentLists.entry(
              d,
              headlines.getOrDefault(docId, 0L).intValue(),
              mine,
              matching.getOrDefault(docId, 0L),
              java.time.Instant.ofEpochMilli(
                  d.getField(Schema.INDEXED_AT).numericValue().longValue())));
    }
    return out;
  }

  /** Sections shown per report when grouped (the embedded index's number). */
  static final int BEST = 3;

  /**
   * Every hit of a search, in its order, up to {@code cap}, a batch at a time (as {@link
   * SearchService#export}); returns how many sections match in all. Read with Solr's cursor, so
   * deep pages cost no more than the first.
   */
  @Override
  public long export(SearchRequest r, int cap, SearchService.HitSink sink) throws IOException {
    RequestReader.Prepared p = requests.read(r);
    String cursor = CursorMarkParams.CURSOR_MARK_START;
    long written = 0;
    long total = -1;
    while (total < 0 || written < Math.min(cap, total)) {
      ModifiableSolrParams params = params(r, p, 1);
      params.remove("start");
      params.remove("json.facet");
      params.set("rows", (int) Math.min(EXPORT_BATCH, cap - written));
      params.set("sort", sort(r.order()) + "," + Schema.KEY + " asc");
      params.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
      QueryResponse response;
      try {
        response = collection.query(params);
      } catch (IOException e) {
        if (tooComplex(e)) return 0;
        throw e;
      }
      total = response.getResults().getNumFound();
      for (SolrDocument d : response.getResults()) {
        if (written >= cap) break;
        sink.accept(hit(d, p));
        written++;
      }
      String next = response.getNextCursorMark();
      if (response.getResults().isEmpty() || next == null || next.equals(cursor)) break;
      cursor = next;
    }
    return Math.max(0, total);
  }

  /**
   * Many queries at once, each counted in all and by region, issuer or year (as {@link
   * SearchService#batch}): one request a query, its counts a terms facet of the column's field.
   */
  @Override
  public BatchTable batch(List<String> queries, String by, SearchRequest filters)
      throws IOException {
    return BatchCounts.count(
        requests,
        queries,
        by,
        filters,
        (r, p, column, path, counts) -> {
          ModifiableSolrParams params = params(r, p, 1);
          params.set("rows", 0);
          ObjectNode facet = JSON.createObjectNode();
          ObjectNode t = facet.putObject("columns");
          t.put("type", "terms");
          t.put("limit", -1);
          t.put("mincount", 1);
          switch (column) {
            case "region" -> {
              t.put("field", Schema.facetField(Facet.REGION));
              t.put("prefix", Schema.facetLevelPrefix(path.toArray(String[]::new)));
            }
            case "year" -> t.put("field", Schema.facetField(Facet.YEAR));
            default -> t.put("field", Schema.ISSUER_KEY);
          }
          params.set("json.facet", facet.toString());
          QueryResponse response;
          try {
            response = collection.query(params);
          } catch (IOException e) {
            if (tooComplex(e)) return 0;
            throw e;
          }
          var buckets =
              response.getJsonFacetingResponse() == null
                  ? null
                  : response.getJsonFacetingResponse().getBucketBasedFacets("columns");
          if (buckets != null)
            for (var b : buckets.getBuckets()) {
              String v = String.valueOf(b.getVal());
              counts.put(
                  column.equals("region") ? v.substring(v.indexOf('/') + 1) : v, b.getCount());
            }
          return response.getResults().getNumFound();
        });
  }

  /** Hits read per request of an export (the embedded index's batch). */
  static final int EXPORT_BATCH = 500;

  private static SearchHit hit(SolrDocument d, RequestReader.Prepared p) throws IOException {
    var doc = SolrRecords.fromSolr(d);
    Marked snippet = SearchService.snippet(doc.get(Schema.TEXT), p.highlights());
    Object score = d.getFieldValue("score");
    return SearchService.hit(doc, snippet, score instanceof Number n ? n.floatValue() : Float.NaN);
  }

  /** Relevance, ties by report and section order; or newest year first (unknown years last). */
  static String sort(SearchRequest.Order order) {
    String relevance = "score desc," + Schema.DOC_ORDER + " asc," + Schema.ORDINAL + " asc";
    return order == SearchRequest.Order.YEAR ? Schema.YEAR + " desc," + relevance : relevance;
  }

  private ModifiableSolrParams params(SearchRequest r, RequestReader.Prepared p, int page) {
    ModifiableSolrParams params = new ModifiableSolrParams();
    SolrRequests.write(r, params);
    params.set("q", "{!" + SolrRequests.QUERY_PARSER + "}");
    for (Facet f : p.filters().keySet())
      params.add(
          "fq",
          "{!"
              + SolrRequests.FILTER_PARSER
              + " tag="
              + f.key()
              + " "
              + SolrRequests.DIMENSION
              + "="
              + f.key()
              + "}");
    params.set("sort", sort(r.order()));
    params.set("start", (page - 1) * r.size());
    params.set("rows", r.size());
    params.set("fl", "*,score");
    params.set("json.facet", facetRequest(p.filters().keySet()));
    return params;
  }

  /** Every value of every dimension (a level of the region tree each), selections left out. */
  static String facetRequest(java.util.Set<Facet> selected) {
    return facetRequest(selected, null);
  }

  /**
   * The same, with the filter tagged {@code alsoLeftOut} left out of every count too, and the
   * sections it leaves counted ({@link #SECTIONS}).
   */
  static String facetRequest(java.util.Set<Facet> selected, String alsoLeftOut) {
    ObjectNode facets = JSON.createObjectNode();
    if (alsoLeftOut != null) {
      ObjectNode all = facets.putObject(SECTIONS);
      all.put("type", "query");
      all.put("q", "*:*");
      all.putObject("domain").put("excludeTags", alsoLeftOut);
    }
    for (Facet f : Facet.values()) {
      int levels = f.hierarchical() ? SolrFacets.REGION_LEVELS : 1;
      for (int level = 1; level <= levels; level++) {
        ObjectNode t = facets.putObject(SolrFacets.name(f, level));
        t.put("type", "terms");
        t.put("field", Schema.facetField(f));
        t.put("limit", -1);
        t.put("mincount", 1);
        if (f.hierarchical()) t.put("prefix", level + "/");
        String left =
            selected.contains(f)
                ? (alsoLeftOut == null ? f.key() : f.key() + "," + alsoLeftOut)
                : alsoLeftOut;
        if (left != null) t.putObject("domain").put("excludeTags", left);
      }
    }
    return facets.toString();
  }

  private static boolean tooComplex(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage());
      if (m.contains("TooManyClauses") || m.contains("too many clauses")) return true;
    }
    return false;
  }
}
