package org.gongkai.extract;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.hwpf.usermodel.Table;
import org.apache.poi.hwpf.usermodel.TableCell;
import org.apache.poi.hwpf.usermodel.TableIterator;
import org.apache.poi.hwpf.usermodel.TableRow;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTrPr;

/**
 * How many grid columns each cell of a Word table covers: Tika writes a cell merged across columns
 * as one cell, so the row is shorter than the table and its later cells stand under the wrong
 * headers ({@code 公务用车购置及运行费} over {@code 小计 | 购置费 | 运行费}). Read with POI, the library Tika reads
 * Word with: in a {@code .docx} from each cell's {@code gridSpan} and each row's {@code
 * gridBefore}; in a {@code .doc} from the cells' edges (a merged cell is one wider cell there).
 *
 * <p>For each top-level table in document order, each row as {@code [before, span, span, …]}: the
 * empty grid columns before its first cell, then each cell's span. Null when the file cannot be
 * read so; {@link TableRows} uses a row's spans only when its cells are as many as Tika's.
 */
final class WordGrids {

  private WordGrids() {}

  /** Two edges closer than this (in twips, a twentieth of a point) are one column's edge. */
  private static final int SAME_EDGE = 30;

  /** The grid of a {@code .doc} (a {@code .docx} is read by {@link #docx}); null for others. */
  static List<List<int[]>> of(byte[] bytes, String mediaType) {
    try {
      if (mediaType.equals("application/msword")) return doc(bytes);
    } catch (Exception | LinkageError unreadable) {
      // Tika reads the text all the same; rows then keep the cells Tika gives
    }
    return null;
  }

  /** The grid of a .docx already opened (read once for its grids and its page breaks). */
  static List<List<int[]>> docx(XWPFDocument doc) {
    List<List<int[]>> tables = new ArrayList<>();
    for (XWPFTable t : doc.getTables()) {
      List<int[]> rows = new ArrayList<>();
      for (XWPFTableRow r : t.getRows()) {
        List<XWPFTableCell> cells = r.getTableCells();
        int[] spans = new int[cells.size() + 1];
        CTTrPr pr = r.getCtRow().getTrPr();
        spans[0] =
            pr != null && pr.sizeOfGridBeforeArray() > 0
                ? number(pr.getGridBeforeArray(0).getVal())
                : 0;
        for (int c = 0; c < cells.size(); c++) {
          CTTcPr tc = cells.get(c).getCTTc().getTcPr();
          spans[c + 1] =
              tc != null && tc.isSetGridSpan() ? Math.max(1, number(tc.getGridSpan().getVal())) : 1;
        }
        rows.add(spans);
      }
      tables.add(rows);
    }
    return tables;
  }

  private static int number(BigInteger n) {
    return n == null ? 0 : n.min(BigInteger.valueOf(64)).intValue();
  }

  private static List<List<int[]>> doc(byte[] bytes) throws Exception {
    try (HWPFDocument doc = new HWPFDocument(new ByteArrayInputStream(bytes))) {
      Range range = doc.getRange();
      TableIterator it = new TableIterator(range);
      List<List<int[]>> tables = new ArrayList<>();
      while (it.hasNext()) {
        Table t = it.next();
        TreeSet<Integer> edges = new TreeSet<>();
        for (int r = 0; r < t.numRows(); r++) {
          TableRow row = t.getRow(r);
          for (int c = 0; c < row.numCells(); c++) {
            TableCell cell = row.getCell(c);
            edge(edges, cell.getLeftEdge());
            edge(edges, cell.getLeftEdge() + cell.getWidth());
          }
        }
        List<Integer> grid = new ArrayList<>(edges);
        List<int[]> rows = new ArrayList<>();
        for (int r = 0; r < t.numRows(); r++) {
          TableRow row = t.getRow(r);
          int[] spans = new int[row.numCells() + 1];
          for (int c = 0; c < row.numCells(); c++) {
            TableCell cell = row.getCell(c);
            int from = index(grid, cell.getLeftEdge());
            int to = index(grid, cell.getLeftEdge() + cell.getWidth());
            if (c == 0) spans[0] = from;
            spans[c + 1] = Math.max(1, to - from);
          }
          rows.add(spans);
        }
        tables.add(rows);
      }
      return tables;
    }
  }

  private static void edge(TreeSet<Integer> edges, int x) {
    Integer near = edges.floor(x + SAME_EDGE);
    if (near == null || near < x - SAME_EDGE) edges.add(x);
  }

  private static int index(List<Integer> grid, int x) {
    int best = 0;
    for (int k = 1; k < grid.size(); k++)
      if (Math.abs(grid.get(k) - x) < Math.abs(grid.get(best) - x)) best = k;
    return best;
  }
}
