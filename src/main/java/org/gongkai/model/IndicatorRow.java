package org.gongkai.model;

import java.util.List;

/**
 * One indicator statement with its document's identity, for tables and exports across documents;
 * {@code collection} the storage key of the private collection its report belongs to (null:
 * public).
 */
public record IndicatorRow(
    IndicatorValue value,
    String docTitle,
    String issuer,
    Region region,
    Integer year,
    String kind,
    String department,
    List<IndicatorFlag> flags,
    String collection) {
  public IndicatorRow {
    flags = List.copyOf(flags);
  }

  /** A public report's statement. */
  public IndicatorRow(
      IndicatorValue value,
      String docTitle,
      String issuer,
      Region region,
      Integer year,
      String kind,
      String department,
      List<IndicatorFlag> flags) {
    this(value, docTitle, issuer, region, year, kind, department, flags, null);
  }
}
