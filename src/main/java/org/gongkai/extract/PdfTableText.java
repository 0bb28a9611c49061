package org.gongkai.extract;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * The text layer of a PDF with its tables as tables: each table row one line, its cells in columns
 * separated by tabs (empty cells kept), from where the text stands on the page.
 *
 * <p>PDFBox (the library Tika reads PDFs with) sorts a page's text by position into lines and
 * splits each line into words at gaps. Words closer than one and a half characters (of the font's
 * size) are one cell, except an amount followed by a label ({@code 18,330.37 一、一般公共服务支出}: a
 * right-aligned number touching the next column). A run of two or more lines of two or more cells
 * (at most three lines apart) is a table; its columns are the x-ranges its fuller rows cover,
 * merged where they overlap (numbers are right-aligned, labels left-aligned, so a column's cells
 * overlap from row to row). Each cell goes to the column it overlaps most; a line of one cell that
 * starts at an inner column's edge belongs to the table too (a row whose other cells are empty).
 * Lines outside tables are written as PDFBox reads them.
 *
 * <p>No maintained table extractor works with PDFBox 3 (Tabula needs PDFBox 2), hence this one.
 * Rulings, cells wrapped onto two lines and tables continued across pages are not handled here.
 */
final class PdfTableText {

  private PdfTableText() {}

  /** A run of text on one line: its left and right edge and its size. */
  private record Word(String text, float x0, float x1, float size, float y, boolean spaced) {
    Word(String text, float x0, float x1, float size, float y) {
      this(text, x0, x1, size, y, false);
    }
  }

  /** An amount as tables write it: with a decimal point or thousands separators. */
  private static final Pattern AMOUNT =
      Pattern.compile(
          "(?:^|\\s)-?[0-9]{1,3}(?:,[0-9]{3})*\\.[0-9]+$|(?:^|\\s)-?[0-9]{1,3}(?:,[0-9]{3})+$");

  private static final Pattern FIGURE = Pattern.compile("-?[0-9][0-9,]*(?:\\.[0-9]+)?%?");
  private static final Pattern UNIT_START = Pattern.compile("^[万元亿%％（(个人辆台次]");

  /** The text of every page, pages separated by form feeds; null when the PDF cannot be read. */
  static String read(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(new RandomAccessReadBuffer(pdf))) {
      Stripper s = new Stripper();
      s.getText(doc);
      return s.out.toString();
    }
  }

  private static final class Stripper extends PDFTextStripper {
    private List<Word> line = new ArrayList<>();
    private List<List<Word>> lines = new ArrayList<>();
    private final StringBuilder out = new StringBuilder();
    private boolean firstPage = true;

    Stripper() {
      setSortByPosition(true);
    }

    /**
     * PDFBox's words, split again at blanks and at gaps wider than half a character: PDFBox keeps a
     * right-aligned amount and the next column's label in one word when they nearly touch.
     */
    @Override
    protected void writeString(String text, List<TextPosition> ps) {
      StringBuilder t = new StringBuilder();
      TextPosition first = null, last = null;
      for (TextPosition p : ps) {
        boolean blank = p.getUnicode().isBlank();
        float size = p.getFontSizeInPt() > 0 ? p.getFontSizeInPt() : p.getHeightDir();
        boolean gap =
            last != null && p.getXDirAdj() - (last.getXDirAdj() + last.getWidthDirAdj()) > size / 2;
        if ((blank || gap) && first != null) {
          add(t.toString(), first, last);
          t.setLength(0);
          first = null;
        }
        if (blank) continue;
        if (first == null) first = p;
        t.append(p.getUnicode());
        last = p;
      }
      if (first != null) add(t.toString(), first, last);
    }

    private void add(String text, TextPosition a, TextPosition b) {
      line.add(
          new Word(
              text,
              a.getXDirAdj(),
              b.getXDirAdj() + b.getWidthDirAdj(),
              a.getFontSizeInPt() > 0 ? a.getFontSizeInPt() : a.getHeightDir(),
              a.getYDirAdj()));
    }

    @Override
    protected void writeWordSeparator() {
      // cells and spaces are decided from positions in endPage
    }

    @Override
    protected void writeLineSeparator() {
      endLine();
    }

    @Override
    protected void writeParagraphEnd() {
      endLine();
      lines.add(List.of()); // a paragraph gap
    }

    private void endLine() {
      if (!line.isEmpty()) lines.add(line);
      line = new ArrayList<>();
    }

    @Override
    protected void endPage(PDPage page) {
      endLine();
      if (!firstPage) out.append('\f');
      firstPage = false;
      page(lines, out);
      lines = new ArrayList<>();
    }
  }

  /** Words closer than a gap between cells are one cell. */
  private static List<Word> cells(List<Word> words) {
    List<Word> out = new ArrayList<>();
    for (Word w : words) {
      if (!out.isEmpty()) {
        Word p = out.get(out.size() - 1);
        float em = Math.max(4, Math.min(p.size(), w.size()));
        float gap = w.x0() - p.x1();
        boolean amountThenLabel =
            AMOUNT.matcher(p.text()).find()
                && !UNIT_START.matcher(w.text()).find()
                && Character.UnicodeScript.of(w.text().codePointAt(0))
                    == Character.UnicodeScript.HAN;
        // 合  计, 收 入 总 计: a label set with a space after each character
        boolean letterSpaced =
            (p.text().length() == 1 || p.spaced())
                && isHan(p.text().charAt(p.text().length() - 1))
                && w.text().length() == 1
                && isHan(w.text().charAt(0))
                && gap < 6 * em;
        if (letterSpaced) {
          out.set(
              out.size() - 1, new Word(p.text() + w.text(), p.x0(), w.x1(), p.size(), p.y(), true));
          continue;
        }
        if (gap < 1.5f * em && !amountThenLabel) {
          out.set(
              out.size() - 1, new Word(p.text() + " " + w.text(), p.x0(), w.x1(), p.size(), p.y()));
          continue;
        }
      }
      out.add(w);
    }
    return out;
  }

  private static boolean isHan(char c) {
    return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
  }

  private static void page(List<List<Word>> raw, StringBuilder out) {
    List<List<Word>> lines = new ArrayList<>(raw.size());
    for (List<Word> l : raw) lines.add(cells(l));
    int n = lines.size();
    int i = 0;
    while (i < n) {
      if (lines.get(i).size() < 2 || !tableFollows(lines, i)) {
        plain(lines.get(i), out);
        i++;
        continue;
      }
      // the table: through its last line of two cells or more, over at most 3 lines of one
      int end = i, singles = 0;
      for (int k = i + 1; k < n; k++) {
        int size = lines.get(k).size();
        if (size == 0) continue;
        if (size >= 2) {
          end = k;
          singles = 0;
        } else if (++singles > 3) break;
      }
      if (!anyFigure(lines.subList(i, end + 1))) { // spaced-out headings, not a table
        for (List<Word> l : lines.subList(i, end + 1)) plain(l, out);
        i = end + 1;
        continue;
      }
      // the table's columns come from its full rows; the lines of several cells right above the
      // first full row are its header rows, the lines above those (a caption, a heading set with
      // wide gaps) are text
      int first = firstFullRow(lines.subList(i, end + 1)) + i;
      int header = first;
      while (header > i && (lines.get(header - 1).size() >= 2 || lines.get(header - 1).isEmpty()))
        header--;
      while (header < first && lines.get(header).isEmpty()) header++;
      for (List<Word> l : lines.subList(i, header)) plain(l, out);
      List<float[]> columns = columns(lines.subList(first, end + 1));
      i = header;
      // a row with only an inner cell filled continues the table
      while (end + 1 < n) {
        List<Word> l = lines.get(end + 1);
        if (l.isEmpty() || l.size() == 1 && startsInnerColumn(l.get(0), columns)) end++;
        else break;
      }
      while (end > i && lines.get(end).isEmpty()) end--;
      table(lines.subList(i, end + 1), columns, out);
      i = end + 1;
    }
  }

  /**
   * Whether the line of several cells at {@code i} starts a table: another such line follows within
   * three lines (a line of prose with a wide gap is not a table).
   */
  private static boolean tableFollows(List<List<Word>> lines, int i) {
    int seen = 0;
    for (int k = i + 1; k < lines.size() && seen < 3; k++) {
      if (lines.get(k).isEmpty()) continue;
      if (lines.get(k).size() >= 2) return true;
      seen++;
    }
    return false;
  }

  /** Rows with at least this many cells of a table's widest count its columns. */
  private static int fullRow(List<List<Word>> rows) {
    int max = 0;
    for (List<Word> r : rows) max = Math.max(max, r.size());
    return (int) Math.max(2, Math.ceil(max * 0.6));
  }

  private static int firstFullRow(List<List<Word>> rows) {
    int full = fullRow(rows);
    for (int k = 0; k < rows.size(); k++) if (rows.get(k).size() >= full) return k;
    return 0;
  }

  /** Whether a cell of the lines is a figure: the tables of these reports always hold some. */
  private static boolean anyFigure(List<List<Word>> lines) {
    for (List<Word> l : lines)
      for (Word w : l) if (l.size() >= 2 && FIGURE.matcher(w.text()).matches()) return true;
    return false;
  }

  private static void plain(List<Word> line, StringBuilder out) {
    for (int k = 0; k < line.size(); k++) {
      if (k > 0) out.append(' ');
      out.append(line.get(k).text());
    }
    out.append('\n'); // an empty line is a paragraph gap
  }

  private static boolean startsInnerColumn(Word w, List<float[]> columns) {
    for (int c = 1; c < columns.size(); c++)
      if (Math.abs(w.x0() - columns.get(c)[0]) < 3) return true;
    return false;
  }

  /** The x-ranges covered by the table's fuller rows, merged where they overlap. */
  private static List<float[]> columns(List<List<Word>> rows) {
    int full = fullRow(rows);
    List<float[]> spans = new ArrayList<>();
    for (List<Word> r : rows)
      if (r.size() >= full) for (Word w : r) spans.add(new float[] {w.x0(), w.x1()});
    spans.sort(Comparator.comparingDouble(s -> s[0]));
    List<float[]> columns = new ArrayList<>();
    for (float[] s : spans) {
      float[] last = columns.isEmpty() ? null : columns.get(columns.size() - 1);
      if (last != null && s[0] <= last[1] + 2) last[1] = Math.max(last[1], s[1]);
      else columns.add(new float[] {s[0], s[1]});
    }
    return columns;
  }

  /** The rows of a table, each line a row, its cells placed in the table's columns. */
  private static void table(List<List<Word>> lines, List<float[]> columns, StringBuilder out) {
    for (List<Word> l : lines) if (!l.isEmpty()) row(cells(l, columns), out);
  }

  private static int column(Word w, List<float[]> columns) {
    int best = 0;
    float bestScore = Float.NEGATIVE_INFINITY;
    for (int c = 0; c < columns.size(); c++) {
      float[] col = columns.get(c);
      float overlap = Math.min(w.x1(), col[1]) - Math.max(w.x0(), col[0]);
      float distance = Math.abs((w.x0() + w.x1()) / 2 - (col[0] + col[1]) / 2);
      float score = overlap > 0 ? overlap : -distance - 1e6f;
      if (score > bestScore) {
        bestScore = score;
        best = c;
      }
    }
    return best;
  }

  private static String[] cells(List<Word> row, List<float[]> columns) {
    String[] cells = new String[columns.size()];
    Arrays.fill(cells, "");
    for (Word w : row) {
      int best = column(w, columns);
      cells[best] = cells[best].isEmpty() ? w.text() : cells[best] + " " + w.text();
    }
    return cells;
  }

  private static void row(String[] cells, StringBuilder out) {
    String line = TableRows.line(Arrays.asList(cells));
    if (line != null) out.append(line).append('\n');
  }
}
