package org.gongkai.model;

import java.util.List;
import java.util.Map;

/**
 * One page of a list of reports ({@code /documents}): how many reports match, the page, the counts
 * of reports for every facet dimension, the selections in force and notes about the query.
 */
public record DocumentList(
    String query,
    long total,
    int page,
    int size,
    long tookMs,
    List<DocumentEntry> documents,
    Map<Facet, List<FacetValue>> facets,
    Map<Facet, List<String>> selected,
    List<Notice> notices) {

  public DocumentList {
    documents = List.copyOf(documents);
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
  public static DocumentList none(
      String query,
      int page,
      int size,
      long tookMs,
      Map<Facet, List<String>> selected,
      List<Notice> notices) {
    return new DocumentList(
        query, 0, page, size, tookMs, List.of(), FacetValue.none(), selected, notices);
  }
}
