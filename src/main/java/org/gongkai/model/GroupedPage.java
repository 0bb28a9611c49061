package org.gongkai.model;

import java.util.List;
import java.util.Map;

/**
 * Search results one per report ({@code group=doc}): {@code total} matching sections in {@code
 * reports} reports, one page of reports with their best sections, the facets (counts of sections,
 * as on the ungrouped page), the selections and the notes.
 */
public record GroupedPage(
    String query,
    long total,
    long reports,
    int page,
    int size,
    long tookMs,
    List<HitGroup> groups,
    Map<Facet, List<FacetValue>> facets,
    Map<Facet, List<String>> selected,
    List<Notice> notices) {

  public GroupedPage {
    groups = List.copyOf(groups);
    facets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facets));
    selected = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(selected));
    notices = List.copyOf(notices);
  }

  public int pages() {
    return (int) Math.max(1, (reports + size - 1) / size);
  }

  /** An answer with nothing in it (nothing indexed, nothing matched, or a query too complex). */
  public static GroupedPage none(
      String query,
      int page,
      int size,
      long tookMs,
      Map<Facet, List<String>> selected,
      List<Notice> notices) {
    return new GroupedPage(
        query, 0, 0, page, size, tookMs, List.of(), FacetValue.none(), selected, notices);
  }
}
