package org.gongkai.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One value of a facet dimension with the number of matching sections; region values nest (province
 * → city → county). {@code path} is the full value to select it, e.g. {@code 湖北省/武汉市}.
 *
 * <p>A {@code remainder} names what the values beside it leave out, so that a dimension's counts
 * add up to the total: {@link #OWN} (a region's own, counted in no child: a province's 省本级), {@link
 * #OTHER} (values beyond those listed), {@link #UNKNOWN} (no value at all: a region undecided, a
 * year unknown). A remainder's {@code value} is that code, its {@code path} null: it is named where
 * it is shown, and is no selection.
 */
public record FacetValue(
    String value,
    String path,
    long count,
    boolean selected,
    List<FacetValue> children,
    boolean remainder) {

  /** What a region holds of its own, in none of its children (a province's 省本级). */
  public static final String OWN = "own";

  /** The values beyond those listed, counted together. */
  public static final String OTHER = "other";

  /** What has no value in the dimension (a region undecided, a year unknown). */
  public static final String UNKNOWN = "unknown";

  public FacetValue {
    children = List.copyOf(children);
  }

  public FacetValue(
      String value, String path, long count, boolean selected, List<FacetValue> children) {
    this(value, path, count, selected, children, false);
  }

  /** A remainder of {@code count}: {@link #OWN}, {@link #OTHER} or {@link #UNKNOWN}. */
  public static FacetValue remainder(String code, long count) {
    return new FacetValue(code, null, count, false, List.of(), true);
  }

  /** Every dimension without values: the facets of an answer that matched nothing. */
  public static Map<Facet, List<FacetValue>> none() {
    Map<Facet, List<FacetValue>> out = new LinkedHashMap<>();
    for (Facet f : Facet.values()) out.put(f, List.of());
    return out;
  }

  /**
   * The facets with, in each dimension a record has one value of at most and nothing is selected
   * in, what has no value: {@code total} less the values' sum, as {@link #UNKNOWN}. (A selected
   * dimension is counted without its own selection, so its sum is not the total's part; a dimension
   * of several values per record — categories, tables lacking, checks — adds up to more.)
   */
  public static Map<Facet, List<FacetValue>> withUnknown(
      Map<Facet, List<FacetValue>> facets, long total, Map<Facet, List<String>> selected) {
    Map<Facet, List<FacetValue>> out = new LinkedHashMap<>();
    facets.forEach(
        (dim, values) -> {
          boolean chosen = !selected.getOrDefault(dim, List.of()).isEmpty();
          long sum = 0;
          for (FacetValue v : values) sum += v.count();
          if (dim.multiValued() || chosen || values.isEmpty() || sum >= total) {
            out.put(dim, values);
            return;
          }
          List<FacetValue> with = new ArrayList<>(values);
          with.add(remainder(UNKNOWN, total - sum));
          out.put(dim, with);
        });
    return out;
  }
}
