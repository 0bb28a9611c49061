package org.gongkai.api;

/** Numbers as people write them, the same on pages and in exports. */
public final class Numbers {
  private Numbers() {}

  /**
   * A figure as people write it (no exponent, no trailing zeros); a value no figure can have (an
   * index written before figures were bounded) shows as a dash rather than breaking the page.
   */
  public static String plain(double v) {
    if (!Double.isFinite(v)) return "—";
    return new java.math.BigDecimal(String.valueOf(v)).stripTrailingZeros().toPlainString();
  }
}
