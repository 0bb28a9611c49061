package org.gongkai.api;

/**
 * Text cells of a CSV export made safe to open in a spreadsheet (OWASP's rule against CSV
 * injection): a cell a spreadsheet would run as a formula — one that starts with {@code =}, {@code
 * +}, {@code -}, {@code @}, a tab or a carriage return — gets a leading apostrophe, so it stays
 * text. Numbers are written by the exporter itself and never pass through here, so a negative
 * figure stays a number.
 */
public final class CsvCells {

  private CsvCells() {}

  public static String text(String cell) {
    if (cell == null || cell.isEmpty()) return cell;
    char c = cell.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'
        ? "'" + cell
        : cell;
  }
}
