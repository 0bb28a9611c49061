package org.gongkai.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.gongkai.index.IndexStore;
import org.gongkai.index.Schema;
import org.gongkai.model.Facet;
import org.gongkai.model.Notice;
import org.gongkai.model.SearchRequest;
import org.gongkai.regions.Gazetteer;

/**
 * Reads a search request into Lucene queries: the section query, each dimension's selection, what
 * to highlight and the notes for the journalist. The embedded index and a SolrCloud collection (in
 * its query parser plugin) read requests with this same code, so both match the same sections.
 */
public final class RequestReader {

  private final QueryParser parser = new QueryParser();
  private final Filters filters;
  private final QueryBuilder builder;

  /** Reads queries and marks hits: the exact fields with every unigram. */
  private final Analyzer analyzer = Schema.markingAnalyzer();

  public RequestReader(Gazetteer gazetteer, FacetTerms terms) {
    this.filters = new Filters(gazetteer, terms);
    this.builder = new QueryBuilder(analyzer, filters);
  }

  /**
   * A request read: the section query (what to match, of sections only), the drill-down with every
   * selection, the selections as shown back ({@code selected}: canonical labels; from the request
   * and from filters typed in the query), each dimension's filter as one query, what to highlight,
   * the notes, and whether nothing but filters was asked.
   */
  public record Prepared(
      Query base,
      DrillDownQuery drill,
      Map<Facet, List<String>> selected,
      Map<Facet, Query> filters,
      List<Query> highlights,
      List<Notice> messages,
      boolean blank) {}

  public Prepared read(SearchRequest r) {
    List<Notice> messages = new ArrayList<>();
    QueryParser.Parsed parsed = parser.parse(r.query());
    messages.addAll(parsed.notices());

    // filters typed at the top level select facet values, exactly like the request's own selections
    Map<Facet, List<String>> selections = new LinkedHashMap<>();
    for (Facet f : Facet.values()) selections.put(f, new ArrayList<>(r.selected(f)));
    List<QueryNode> rest = new ArrayList<>();
    for (QueryNode n : parsed.root().nodes()) {
      if (n instanceof QueryNode.Filter f) selections.get(f.facet()).add(f.value());
      else rest.add(n);
    }
    QueryBuilder.Built built = builder.build(rest, messages);
    if (built.matchesEverything() && !rest.isEmpty()) messages.add(Notice.of("noTerms"));
    BooleanQuery.Builder sections = new BooleanQuery.Builder().add(built.query(), Occur.MUST);
    if (!onlySections(built.query()))
      sections.add(IndexStore.type(Schema.TYPE_SECTION), Occur.FILTER);
    Query base = sections.build();

    DrillDownQuery drill = new DrillDownQuery(FACETS, base);
    Map<Facet, List<String>> selected = new LinkedHashMap<>();
    Map<Facet, Query> byDimension = new LinkedHashMap<>();
    for (var e : selections.entrySet()) {
      Set<String> labels = new LinkedHashSet<>();
      List<Query> any = new ArrayList<>();
      for (String value : e.getValue()) {
        if (value == null || value.isBlank()) continue;
        Filters.Resolved res = filters.resolve(e.getKey(), value, messages);
        Query q = res.query() == null ? new MatchNoDocsQuery() : res.query();
        drill.add(e.getKey().key(), q);
        any.add(q);
        labels.add(res.label());
      }
      if (!labels.isEmpty()) selected.put(e.getKey(), List.copyOf(labels));
      if (!any.isEmpty()) byDimension.put(e.getKey(), or(any));
    }
    return new Prepared(
        base,
        drill,
        selected,
        byDimension,
        built.highlights(),
        messages,
        built.matchesEverything());
  }

  private static final org.apache.lucene.facet.FacetsConfig FACETS = Schema.facetsConfig();

  /** What {@code query} marks in a text (nothing for no query). */
  public List<Query> highlights(String query) {
    if (query == null || query.isBlank()) return List.of();
    QueryParser.Parsed parsed = parser.parse(query);
    return builder.build(parsed.root().nodes(), new ArrayList<>()).highlights();
  }

  /** Marks what {@code query} matches in whole texts (a section's, a document page's). */
  public SearchService.TextMarker marker(String query) {
    return SearchService.marker(highlights(query));
  }

  /**
   * Whether every record {@code q} matches is a section: it requires a field only sections have
   * ({@link Schema#SECTION_ONLY_FIELDS}), in a required clause or in every alternative. Where this
   * cannot be told, false: the section filter is then added, and the answer is the same.
   */
  static boolean onlySections(Query q) {
    if (q instanceof TermQuery t) return Schema.SECTION_ONLY_FIELDS.contains(t.getTerm().field());
    if (q instanceof PhraseQuery p)
      return p.getTerms().length > 0 && Schema.SECTION_ONLY_FIELDS.contains(p.getField());
    if (q instanceof MultiTermQuery m) return Schema.SECTION_ONLY_FIELDS.contains(m.getField());
    if (q instanceof ConstantScoreQuery c) return onlySections(c.getQuery());
    if (q instanceof BoostQuery b) return onlySections(b.getQuery());
    if (q instanceof BooleanQuery b) {
      List<Query> alternatives = new ArrayList<>();
      boolean required = false;
      for (BooleanClause c : b.clauses()) {
        if (c.isRequired()) {
          if (onlySections(c.getQuery())) return true;
          required = true;
        } else if (c.getOccur() == Occur.SHOULD) alternatives.add(c.getQuery());
      }
      // without a required clause, a match matches one of the alternatives at least
      return !required
          && !alternatives.isEmpty()
          && alternatives.stream().allMatch(RequestReader::onlySections);
    }
    return false;
  }

  private static Query or(List<Query> queries) {
    if (queries.size() == 1) return queries.get(0);
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (Query q : queries) b.add(q, Occur.SHOULD);
    return b.build();
  }
}
