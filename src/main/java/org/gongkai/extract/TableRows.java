package org.gongkai.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.tika.sax.ContentHandlerDecorator;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Writes each row of a table as one line, its cells separated by tabs, from the XHTML events every
 * Tika parser emits for tables (Word, Excel, WPS, HTML).
 *
 * <p>Tika's own text output writes a Word table one cell per line with a blank line after each row,
 * and an Excel sheet one row per line: which lines form a row had to be guessed afterwards, and a
 * row with a single cell — a sheet's merged title row — could not be told from a cell. Here the
 * rows are known from {@code <tr>}: a merged cell is one cell (Word), or one cell followed by the
 * empty cells it covers (Excel), and the row stays a row either way.
 *
 * <p>A cell merged across columns is followed by the empty cells it covers, so each column's cells
 * stay under its header: from {@code colspan} (HTML), or from the Word file's grid ({@link
 * WordGrids}), which Tika does not pass on. A cell merged down rows ({@code rowspan}) leaves an
 * empty cell in the rows below.
 *
 * <p>A cell's own line breaks become spaces (the cleaner closes them up between Chinese
 * characters). A table nested in a cell becomes part of that cell's text. Text inside a table but
 * outside any cell (a caption) is a line of its own. Rows whose cells are all empty are left out.
 */
final class TableRows extends ContentHandlerDecorator {

  private static final java.util.regex.Pattern SPACES =
      java.util.regex.Pattern.compile("[\\s\\u00a0]+");

  private int depth; // tables open
  private List<String> row; // the outermost table's current row
  private StringBuilder cell; // the outermost table's current cell
  private final StringBuilder loose = new StringBuilder(); // in a table, outside any cell
  private final List<List<int[]>> grids; // a Word file's spans per table and row, or null
  private int tables = -1; // the outermost tables begun
  private int rowIndex = -1; // the current table's row
  private int colspan = 1, rowspan = 1; // the current cell's
  private final List<Integer> covered = new ArrayList<>(); // per column: rows a cell above covers
  private final DocxPageBreaks pages; // a .docx's recorded page breaks, or null
  private int paragraphs; // the next of pages.paragraphs to match
  private StringBuilder paragraph; // a top-level paragraph's text, held to place its page breaks
  private boolean headingEnded; // a heading just ended and no text has followed it yet

  TableRows(ContentHandler out) {
    this(out, null, null);
  }

  TableRows(ContentHandler out, List<List<int[]>> grids, DocxPageBreaks pages) {
    super(out);
    this.grids = grids;
    this.pages = pages;
  }

  @Override
  public void startElement(String uri, String local, String name, Attributes atts)
      throws SAXException {
    String tag = tag(local, name);
    if (depth == 0 && pages != null && tag.equals("p") && paragraph == null) {
      paragraph = new StringBuilder();
    } else if (tag.equals("table")) {
      if (depth == 0) {
        flushParagraph();
        write("\n");
        tables++;
        rowIndex = -1;
        covered.clear();
      }
      depth++;
    } else if (depth == 1 && tag.equals("tr")) {
      flushLoose();
      row = new ArrayList<>();
      rowIndex++;
    } else if (depth == 1 && (tag.equals("td") || tag.equals("th"))) {
      if (row == null) row = new ArrayList<>(); // a cell outside any row: a row of its own
      fillCovered();
      cell = new StringBuilder();
      colspan = span(atts, "colspan");
      rowspan = span(atts, "rowspan");
    }
    super.startElement(uri, local, name, atts);
  }

  @Override
  public void endElement(String uri, String local, String name) throws SAXException {
    super.endElement(uri, local, name);
    String tag = tag(local, name);
    if (depth == 0) {
      if (tag.equals("p")) flushParagraph();
      headingEnded = tag.length() == 2 && tag.charAt(0) == 'h' && Character.isDigit(tag.charAt(1));
      return;
    }
    if (tag.equals("table")) {
      depth--;
      if (depth == 0) {
        endRow();
        flushLoose();
      } else if (cell != null) cell.append(' ');
    } else if (depth > 1) {
      if (cell != null && isCellOrRow(tag)) cell.append(' ');
    } else if (tag.equals("td") || tag.equals("th")) {
      if (cell != null && row != null) addCell(cellText(cell));
      cell = null;
    } else if (tag.equals("tr")) {
      endRow();
    } else if (cell != null && isBlock(tag)) {
      cell.append('\n'); // a paragraph ends inside the cell
    }
  }

  @Override
  public void characters(char[] ch, int start, int length) throws SAXException {
    if (depth == 0 && length > 0 && headingEnded) {
      // a heading's text ends its line (Tika writes OpenDocument headings with no line break
      // after them, so 第一部分 would run into the paragraph below)
      headingEnded = false;
      if (ch[start] != '\n') write("\n");
    }
    if (depth == 0 && paragraph != null) paragraph.append(ch, start, length);
    else if (depth == 0) super.characters(ch, start, length);
    else if (cell != null) cell.append(ch, start, length);
    else loose.append(ch, start, length);
  }

  @Override
  public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
    if (depth == 0) super.ignorableWhitespace(ch, start, length);
    else if (cell != null) cell.append(ch, start, length);
  }

  /**
   * Writes the held paragraph, with a form feed where the .docx records a page break in it: the
   * paragraph is matched to the file's next body paragraph of the same text (a few may be skipped:
   * Tika also writes headers, footers and notes), and a break after the n-th non-blank character of
   * the file's paragraph goes after the n-th of Tika's (whose text may start with a list number the
   * file's lacks).
   */
  private void flushParagraph() throws SAXException {
    if (paragraph == null) return;
    String text = paragraph.toString();
    paragraph = null;
    String bare = text.replaceAll("\\s", "");
    List<Integer> breaks = List.of();
    for (int j = paragraphs; j < Math.min(pages.paragraphs.size(), paragraphs + 6); j++) {
      String expected = pages.paragraphs.get(j).text();
      boolean match =
          bare.isEmpty()
              ? expected.isEmpty() && j == paragraphs
              : !expected.isEmpty() && bare.endsWith(expected);
      if (match) {
        breaks = pages.paragraphs.get(j).breaks();
        paragraphs = j + 1;
        int prefix = bare.length() - expected.length();
        StringBuilder out = new StringBuilder(text.length() + breaks.size());
        int seen = 0, next = 0;
        for (int i = 0; i < text.length(); i++) {
          char c = text.charAt(i);
          if (!Character.isWhitespace(c)) {
            while (next < breaks.size()
                && (breaks.get(next) == 0 ? 0 : breaks.get(next) + prefix) <= seen) {
              out.append('\f');
              next++;
            }
            seen++;
          }
          out.append(c);
        }
        for (; next < breaks.size(); next++) out.append('\f');
        text = out.toString();
        break;
      }
    }
    if (!text.isEmpty()) write(text);
  }

  @Override
  public void endDocument() throws SAXException {
    flushParagraph();
    if (depth > 0) { // an unclosed table still gives its rows
      if (cell != null && row != null) addCell(cellText(cell));
      cell = null;
      endRow();
      flushLoose();
      depth = 0;
    }
    super.endDocument();
  }

  /** Empty cells for the columns that cells of the rows above cover here. */
  private void fillCovered() {
    while (row.size() < covered.size() && covered.get(row.size()) > 0) {
      covered.set(row.size(), covered.get(row.size()) - 1);
      row.add("");
    }
  }

  /** The cell, then the empty cells it covers to its right; the columns it covers below noted. */
  private void addCell(String text) {
    int at = row.size();
    row.add(text);
    for (int k = 1; k < colspan; k++) row.add("");
    for (int k = 0; k < colspan; k++) {
      while (covered.size() <= at + k) covered.add(0);
      covered.set(at + k, rowspan - 1);
    }
    colspan = 1;
    rowspan = 1;
  }

  private static int span(Attributes atts, String name) {
    String v = atts == null ? null : atts.getValue(name);
    if (v == null) return 1;
    try {
      return Math.max(1, Math.min(64, Integer.parseInt(v.strip())));
    } catch (NumberFormatException notANumber) {
      return 1;
    }
  }

  /**
   * The row laid out on the Word table's grid, when the file's grid has this row with as many
   * cells: each cell followed by the empty cells it spans.
   */
  private List<String> onGrid(List<String> cells) {
    if (grids == null || tables < 0 || tables >= grids.size()) return cells;
    List<int[]> rows = grids.get(tables);
    if (rowIndex < 0 || rowIndex >= rows.size()) return cells;
    int[] spans = rows.get(rowIndex);
    if (spans.length != cells.size() + 1) return cells;
    List<String> out = new ArrayList<>();
    for (int k = 0; k < spans[0]; k++) out.add("");
    for (int c = 0; c < cells.size(); c++) {
      out.add(cells.get(c));
      for (int k = 1; k < spans[c + 1]; k++) out.add("");
    }
    return out;
  }

  private void endRow() throws SAXException {
    if (row == null) return;
    if (cell != null) addCell(cellText(cell));
    cell = null;
    fillCovered();
    for (int c = row.size(); c < covered.size(); c++) // cells covered at the row's end
    if (covered.get(c) > 0) covered.set(c, covered.get(c) - 1);
    if (pages != null && rowIndex >= 0 && pages.rowBreaks(tables, rowIndex)) write("\f");
    String line = line(onGrid(row));
    if (line != null) write(line + "\n");
    row = null;
  }

  /**
   * A table row as one line of the extracted text: its cells joined by tabs, trailing empty cells
   * left out; null for a row without text. A row whose only text is its last cell after empty ones
   * ({@code \tX}) would read as one cell of a table written one cell per line, which the cleaner
   * folds into rows: a trailing tab (an empty cell the cleaner drops) keeps it a row.
   */
  static String line(List<String> cells) {
    int n = cells.size();
    while (n > 0 && cells.get(n - 1).isEmpty()) n--;
    if (n == 0) return null;
    String line = String.join("\t", cells.subList(0, n));
    return line.startsWith("\t") && line.indexOf('\t', 1) < 0 ? line + "\t" : line;
  }

  private void flushLoose() throws SAXException {
    String text = cellText(loose);
    loose.setLength(0);
    if (!text.isEmpty()) write(text + "\n");
  }

  private void write(String s) throws SAXException {
    super.characters(s.toCharArray(), 0, s.length());
  }

  /** A cell's text on one line: its line breaks, tabs and form feeds become single spaces. */
  private static String cellText(CharSequence cell) {
    return SPACES.matcher(cell).replaceAll(" ").strip();
  }

  private static String tag(String local, String name) {
    String t = local == null || local.isEmpty() ? name : local;
    return t == null ? "" : t.toLowerCase(Locale.ROOT);
  }

  private static boolean isCellOrRow(String tag) {
    return tag.equals("td") || tag.equals("th") || tag.equals("tr");
  }

  private static boolean isBlock(String tag) {
    return switch (tag) {
      case "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6" -> true;
      default -> false;
    };
  }
}
