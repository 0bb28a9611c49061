package org.gongkai.model;

import java.util.List;
import java.util.Map;

/**
 * A batch search: for each query, its matching sections in all ({@code total}) and by each column
 * (a region one level below the selected one, an issuer or a year), with the notes on each query.
 */
public record BatchTable(String by, List<String> columns, List<Row> rows) {

  /**
   * The column of sections split by region that lie in none of the columns' regions: reports of the
   * selected region itself (a city's own bureaus when its districts are the columns), or of no
   * region the gazetteer knows.
   */
  public static final String OTHER = "其他";

  public BatchTable {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }

  /**
   * One query's counts, one for every column (0 where none). A column names the value it selects
   * ({@code 湖北省/武汉市} for region, the issuer, the year), or is {@link #OTHER}.
   */
  public record Row(String query, long total, Map<String, Long> counts, List<Notice> notices) {
    public Row {
      counts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(counts));
      notices = List.copyOf(notices);
    }
  }
}
