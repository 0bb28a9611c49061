package org.gongkai.model;

/**
 * A place in the national division tree: a province, a prefecture-level city, or a county-level
 * division.
 *
 * <p>{@code city} is null for a province-level unit, {@code county} is null for a city- or
 * province-level unit. Municipalities (北京/上海/天津/重庆) use the municipality as their city.
 */
public record Region(String code, String province, String city, String county) {

  /**
   * The central government (中央): a ministry's, a national bureau's or a national body's own report
   * (国家信访局, 教育部, 海关总署) is of no province — a facet value of its own beside them, coded {@code
   * 100000} as the national level is in GB/T 2260's tables.
   */
  public static final Region CENTRAL = new Region("100000", "中央", null, null);

  /** The facet path of this region, e.g. {@code [湖北省, 武汉市, 汉阳区]}. */
  public java.util.List<String> path() {
    var parts = new java.util.ArrayList<String>(3);
    parts.add(province);
    if (city != null) parts.add(city);
    if (county != null) parts.add(county);
    return java.util.List.copyOf(parts);
  }

  /**
   * The names a reader is shown: a municipality's city, which bears the province's name (上海市 上海市
   * 普陀区), is said once.
   */
  public java.util.List<String> shown() {
    return once(path());
  }

  /**
   * A path with a level that repeats the one above it said once ({@code 北京市/北京市} → {@code 北京市}).
   */
  public static java.util.List<String> once(java.util.List<String> path) {
    var out = new java.util.ArrayList<String>(path.size());
    for (String p : path) if (out.isEmpty() || !out.get(out.size() - 1).equals(p)) out.add(p);
    return java.util.List.copyOf(out);
  }
}
