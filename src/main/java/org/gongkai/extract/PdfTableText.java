package org.gongkai.extract;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.gongkai.extract.PdfPageTables.Word;

/**
 * The text layer of a PDF with its tables as tables: each table row one line, its cells in columns
 * separated by tabs (empty cells kept), from where the text stands on the page and the ruling lines
 * drawn around it.
 *
 * <p>PDFBox (the library Tika reads PDFs with) sorts a page's text by position into lines and
 * splits each line into words at gaps; here its words are split again at blanks and wider gaps, and
 * the ruling lines each page draws are read from its path operators. {@link PdfPageTables} then
 * makes cells, columns and rows of each page's lines.
 *
 * <p>No maintained table extractor works with PDFBox 3 (Tabula needs PDFBox 2), hence this one.
 */
final class PdfTableText {

  private PdfTableText() {}

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
    private PdfRulings rulings = PdfRulings.NONE;
    private List<float[]> carried; // the columns of a table that reached the foot of the last page

    Stripper() {
      setSortByPosition(true);
    }

    /** A read past the time limit stops at its next operation (PDFBox ignores interrupts). */
    @Override
    protected void processOperator(
        org.apache.pdfbox.contentstream.operator.Operator operator,
        List<org.apache.pdfbox.cos.COSBase> operands)
        throws IOException {
      if (Thread.currentThread().isInterrupted()) {
        Stopping.STOPPED.incrementAndGet();
        throw new java.io.InterruptedIOException("stopped: over the parse time limit");
      }
      if (glyphDrawing == 0) path(operator.getName(), operands);
      super.processOperator(operator, operands);
    }

    private final PdfRulings.Paths paths = new PdfRulings.Paths();
    private int glyphDrawing; // inside a Type 3 glyph's own drawing: its shapes are no rulings

    @Override
    protected void processType3Stream(
        org.apache.pdfbox.pdmodel.font.PDType3CharProc charProc,
        org.apache.pdfbox.util.Matrix textRenderingMatrix)
        throws IOException {
      glyphDrawing++;
      try {
        super.processType3Stream(charProc, textRenderingMatrix);
      } finally {
        glyphDrawing--;
      }
    }

    /**
     * The page's path operators, read for its rulings as PDFBox's graphics engine reads them (the
     * same operands checked, the same points through the current transformation): the text engine
     * itself ignores them.
     */
    private void path(String op, List<org.apache.pdfbox.cos.COSBase> operands) {
      switch (op) {
        case "re" -> {
          if (numbers(operands, 4, operands.size())) {
            float x = number(operands, 0), y = number(operands, 1);
            float w = number(operands, 2), h = number(operands, 3);
            paths.rectangle(transformedPoint(x, y), transformedPoint(w + x, h + y));
          }
        }
        case "m", "l" -> {
          if (numbers(operands, 2, 2)) {
            java.awt.geom.Point2D.Float p =
                transformedPoint(number(operands, 0), number(operands, 1));
            if (op.equals("m")) paths.moveTo(p.x, p.y);
            else paths.lineTo(p.x, p.y);
          }
        }
        case "c", "v", "y" -> {
          int need = op.equals("c") ? 6 : 4;
          if (numbers(operands, need, operands.size())) {
            java.awt.geom.Point2D.Float end =
                transformedPoint(number(operands, need - 2), number(operands, need - 1));
            paths.curveTo(end.x, end.y);
          }
        }
        case "h" -> paths.closePath();
        case "n" -> paths.endPath();
        case "S", "B", "B*" -> paths.strokePath();
        case "s", "b", "b*" -> {
          paths.closePath();
          paths.strokePath();
        }
        case "f", "F", "f*" -> paths.fillPath();
        default -> {
          // not a path operator
        }
      }
    }

    /** At least {@code need} operands, the first {@code checked} of them numbers. */
    private static boolean numbers(
        List<org.apache.pdfbox.cos.COSBase> operands, int need, int checked) {
      if (operands.size() < need) return false;
      for (int i = 0; i < checked; i++)
        if (!(operands.get(i) instanceof org.apache.pdfbox.cos.COSNumber)) return false;
      return true;
    }

    private static float number(List<org.apache.pdfbox.cos.COSBase> operands, int i) {
      return ((org.apache.pdfbox.cos.COSNumber) operands.get(i)).floatValue();
    }

    /** The page's text has been collected, its drawing with it: its rulings are known. */
    @Override
    protected void writePage() throws IOException {
      rulings = PdfRulings.of(getCurrentPage(), paths.segments);
      super.writePage();
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
            last != null
                && (p.getXDirAdj() - (last.getXDirAdj() + last.getWidthDirAdj()) > size / 2
                    || PdfPageTables.ruledBetween(
                        rulings,
                        last.getXDirAdj() + last.getWidthDirAdj() / 2,
                        p.getXDirAdj() + p.getWidthDirAdj() / 2,
                        p.getYDirAdj() - size / 3));
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
    protected void startPage(PDPage page) throws IOException {
      super.startPage(page);
      paths.reset();
      rulings = PdfRulings.NONE;
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
      carried = new PdfPageTables(lines, rulings, carried).write(out);
      lines = new ArrayList<>();
    }
  }
}
