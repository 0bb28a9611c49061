package org.gongkai.solr;

import java.util.Arrays;
import java.util.List;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.params.SolrParams;
import org.gongkai.model.Facet;
import org.gongkai.model.SearchRequest;

/**
 * How a search request travels to a SolrCloud collection: as request parameters ({@code gk.q},
 * {@code gk.region} …) that Gongkai's query parser plugin reads back into the same request, and so
 * into the very queries the embedded index runs ({@link org.gongkai.search.RequestReader}).
 */
public final class SolrRequests {

  private SolrRequests() {}

  /** The query parser of the section query: {@code q={!gongkai}}. */
  public static final String QUERY_PARSER = "gongkai";

  /** The query parser of one dimension's selection: {@code fq={!gongkai.filter dim=region}}. */
  public static final String FILTER_PARSER = "gongkai.filter";

  /** The local parameter naming the dimension of a filter. */
  public static final String DIMENSION = "dim";

  static final String QUERY = "gk.q";

  static String param(Facet f) {
    return "gk." + f.key();
  }

  /** Adds the request's query and selections to {@code params}. */
  public static void write(SearchRequest r, ModifiableSolrParams params) {
    params.set(QUERY, r.query());
    for (Facet f : Facet.values())
      for (String v : r.selected(f)) if (v != null && !v.isBlank()) params.add(param(f), v);
  }

  /** The query and selections of a request written by {@link #write} (order and paging aside). */
  public static SearchRequest read(SolrParams params) {
    return new SearchRequest(
        params.get(QUERY, ""),
        values(params, Facet.REGION),
        values(params, Facet.YEAR),
        values(params, Facet.CATEGORY),
        values(params, Facet.DEPARTMENT),
        values(params, Facet.KIND),
        SearchRequest.Order.RELEVANCE,
        1,
        SearchRequest.DEFAULT_SIZE,
        values(params, Facet.MISSING),
        values(params, Facet.CHECK),
        values(params, Facet.ROLE));
  }

  private static List<String> values(SolrParams params, Facet f) {
    String[] v = params.getParams(param(f));
    return v == null ? List.of() : Arrays.asList(v);
  }
}
