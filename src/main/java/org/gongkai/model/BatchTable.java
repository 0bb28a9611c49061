package org.gongkai.model;

import java.util.List;
import java.util.Map;

/**
 * A batch search: for each query, its matching sections in all ({@code total}) and by each column
 * (a region one level below the selected one, an issuer or a year), with the notes on each query.
 */
public record BatchTable(String by, List<String> columns, List<Row> rows) {

  public BatchTable {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }

  /**
   * One query's counts; {@code counts} holds only its non-zero columns. {@code column} names the
   * value a column selects ({@code 湖北省/武汉市} for region, the issuer, the year).
   */
  public record Row(String query, long total, Map<String, Long> counts, List<Notice> notices) {
    public Row {
      counts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(counts));
      notices = List.copyOf(notices);
    }
  }
}
