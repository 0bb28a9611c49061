package org.gongkai.model;

import java.util.List;

/**
 * One indicator statement with its document's identity, for tables and exports across documents.
 */
public record IndicatorRow(
    IndicatorValue value,
    String docTitle,
    String issuer,
    Region region,
    Integer year,
    String kind,
    String department,
    List<IndicatorFlag> flags) {
  public IndicatorRow {
    flags = List.copyOf(flags);
  }
}
