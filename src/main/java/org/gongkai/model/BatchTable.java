package org.gongkai.model;

import java.util.List;
import java.util.Map;

/**
 * A batch search: for each query, its matching sections in all ({@code total}) and by each column
 * (a region one level below the selected one, an issuer or a year), with the notes on each query.
 */
public record BatchTable(String by, List<String> columns, List<Row> rows, int folded) {

  /** A table with every column shown. */
  public BatchTable(String by, List<String> columns, List<Row> rows) {
    this(by, columns, rows, 0);
  }

  /**
   * The most columns a batch shows: split by issuer, a province's hundreds of issuers would make a
   * table of queries × issuers too large to send; beyond the issuers with the most hits the rest
   * are counted together in {@link #OTHER} ({@code folded} says how many).
   */
  public static final int MAX_COLUMNS = 50;

  /** The column of the columns beyond {@link #MAX_COLUMNS}, counted together. */
  public static final String OTHER = "其他";

  /**
   * Split by region with one region selected (its cities or districts the columns): the sections of
   * the selected region's own reports, in none of its columns (a city's own bureaus).
   */
  public static final String OWN = "本级";

  /** Split by region with none selected: the sections of reports whose region is undecided. */
  public static final String UNDECIDED = "地区未定";

  /** Whether {@code column} is one of the columns that name no value a search can select. */
  public static boolean remainder(String column) {
    return OTHER.equals(column) || OWN.equals(column) || UNDECIDED.equals(column);
  }

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
