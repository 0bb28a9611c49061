package org.gongkai.model;

/**
 * A place in the national division tree: a province, a prefecture-level city, or a county-level
 * division.
 *
 * <p>{@code city} is null for a province-level unit, {@code county} is null for a city- or
 * province-level unit. Municipalities (北京/上海/天津/重庆) use the municipality as their city.
 */
public record Region(String code, String province, String city, String county) {

  /** The facet path of this region, e.g. {@code [湖北省, 武汉市, 汉阳区]}. */
  public java.util.List<String> path() {
    var parts = new java.util.ArrayList<String>(3);
    parts.add(province);
    if (city != null) parts.add(city);
    if (county != null) parts.add(county);
    return java.util.List.copyOf(parts);
  }
}
