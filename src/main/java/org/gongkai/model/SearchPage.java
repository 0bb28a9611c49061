package org.gongkai.model;

import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link SearchRequest}: total matching sections, one page of hits, counts for
 * every facet dimension, the selections in force (from the request and from filters in the query),
 * and messages about parts of the query that could not be used as typed.
 */
public record SearchPage(
    String query,
    long total,
    int page,
    int size,
    long tookMs,
    List<SearchHit> hits,
    Map<Facet, List<FacetValue>> facets,
    Map<Facet, List<String>> selected,
    List<Notice> notices) {

  public SearchPage {
    hits = List.copyOf(hits);
    // each dimension adds up to the total: what has no value in it is counted as such
    facets =
        java.util.Collections.unmodifiableMap(
            new java.util.LinkedHashMap<>(FacetValue.withUnknown(facets, total, selected)));
    selected = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(selected));
    notices = List.copyOf(notices);
  }

  public int pages() {
    return (int) Math.max(1, (total + size - 1) / size);
  }

  /** An answer with nothing in it (nothing indexed, nothing matched, or a query too complex). */
  public static SearchPage none(
      String query,
      int page,
      int size,
      long tookMs,
      Map<Facet, List<String>> selected,
      List<Notice> notices) {
    return new SearchPage(
        query, 0, page, size, tookMs, List.of(), FacetValue.none(), selected, notices);
  }
}
