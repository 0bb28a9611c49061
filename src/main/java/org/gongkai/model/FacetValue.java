package org.gongkai.model;

import java.util.List;

/**
 * One value of a facet dimension with the number of matching sections; region values nest (province
 * → city → county). {@code path} is the full value to select it, e.g. {@code 湖北省/武汉市}.
 */
public record FacetValue(
    String value, String path, long count, boolean selected, List<FacetValue> children) {
  public FacetValue {
    children = List.copyOf(children);
  }

  /** Every dimension without values: the facets of an answer that matched nothing. */
  public static java.util.Map<Facet, List<FacetValue>> none() {
    java.util.Map<Facet, List<FacetValue>> out = new java.util.LinkedHashMap<>();
    for (Facet f : Facet.values()) out.put(f, List.of());
    return out;
  }
}
