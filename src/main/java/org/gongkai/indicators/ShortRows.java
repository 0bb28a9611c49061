package org.gongkai.indicators;

import java.math.BigDecimal;
import java.util.List;
import org.gongkai.model.TextTable;
import org.gongkai.text.Tables;

/**
 * How the amounts of a table's short rows are read. A row shorter than its table lost empty cells;
 * where it lost them cannot always be told. A table whose text keeps its empty cells in place (some
 * row has one between two filled cells: a 类 row's blank 款 and 项, a side's empty line — or opens
 * with empty cells before its label and amounts; a PDF's positioned text, a Word, Excel or HTML
 * table) lost only its rows' trailing empty cells, so a short row's figures stand in their columns
 * ({@link #placed}). But a PDF's page whose columns were found apart from its table's may have run
 * a row's last amount one column short (a 项目支出 under 公用经费): {@link #aligned} reads a short row's
 * last figure in the table's last column instead. A sum is believed to fail only where it fails
 * read both ways. Rows of a table that keeps no empty cell are not read at all ({@link #trusted}).
 */
final class ShortRows {

  private final TextTable table;
  private final int width;
  private final boolean kept;

  ShortRows(TextTable table) {
    this.table = table;
    this.width = table.width();
    this.kept = keepsBlanks(table);
  }

  /** Whether row {@code r}'s amounts can be read: a whole row, or one of a table keeping blanks. */
  boolean trusted(int r) {
    return kept || !isShort(r);
  }

  boolean isShort(int r) {
    return table.rows().get(r).size() < width;
  }

  /** Row {@code r}'s amount in column {@code c} where its cells stand. */
  BigDecimal placed(int r, int c) {
    return Amounts.cell(table.rows().get(r), c);
  }

  /**
   * Row {@code r}'s amount in column {@code c} with a short row's last figure in the last column.
   */
  BigDecimal aligned(int r, int c) {
    List<String> row = table.rows().get(r);
    if (!kept || row.size() >= width) return placed(r, c);
    int last = row.size() - 1;
    while (last >= 0 && row.get(last).isBlank()) last--;
    if (last < 0 || !Tables.isNumber(row.get(last).strip())) return placed(r, c);
    if (c == width - 1) return Amounts.cell(row, last);
    if (c == last) return null;
    return placed(r, c);
  }

  private static boolean keepsBlanks(TextTable t) {
    for (int r = t.headerRows(); r < t.rows().size(); r++) {
      List<String> row = t.rows().get(r);
      int last = row.size() - 1;
      while (last >= 0 && row.get(last).isBlank()) last--;
      boolean filled = false;
      for (int c = 0; c < last; c++) {
        if (!row.get(c).isBlank()) filled = true;
        else if (filled) return true;
      }
      if (leadsWithBlanks(row, last)) return true;
    }
    return false;
  }

  /**
   * Whether a row opens with empty cells before a label and its amounts ({@code | | 四、住房保障支出 |
   * 4,521,559.00}: a two-sided table's spending item beside an income side that ran out): its text
   * kept the empty cells where they stand, as a row with a gap does.
   */
  private static boolean leadsWithBlanks(List<String> row, int last) {
    if (last < 2 || !row.get(0).isBlank()) return false;
    int first = 0;
    while (first < last && row.get(first).isBlank()) first++;
    String label = row.get(first).strip();
    if (Tables.isNumber(label) || label.length() < 2) return false;
    for (int c = first + 1; c <= last; c++) if (Tables.isNumber(row.get(c).strip())) return true;
    return false;
  }
}
