package org.gongkai.extract;

import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * The ruling lines of a PDF page: the horizontal and vertical strokes a table's grid is drawn with,
 * in the coordinates PDFBox gives text ({@code x} from the left edge, {@code y} from the top), each
 * run of touching pieces on one line joined into one ruling.
 *
 * <p>Grids are drawn in several ways, all read here: stroked lines, stroked rectangles (a cell's
 * border), and thin filled rectangles (a line drawn as a bar, the way spreadsheets export). Wide
 * filled rectangles are backgrounds (a shaded header), not lines. A page turned by {@code /Rotate}
 * (a landscape table) has its rulings turned with it, as PDFBox turns its text.
 */
final class PdfRulings {

  /** A horizontal ruling at {@code at} from {@code from} to {@code to}, or a vertical one. */
  record Ruling(float at, float from, float to) {
    float length() {
      return to - from;
    }
  }

  final List<Ruling> horizontal;
  final List<Ruling> vertical;

  private PdfRulings(List<Ruling> horizontal, List<Ruling> vertical) {
    this.horizontal = horizontal;
    this.vertical = vertical;
  }

  static final PdfRulings NONE = new PdfRulings(List.of(), List.of());

  /** How thin a filled rectangle is to be a line, in points. */
  private static final float THIN = 2.5f;

  /** Pieces this close on one line (in points) are one ruling. */
  private static final float JOIN = 2f;

  /**
   * The rulings of {@code page} from the segments its drawing stroked or filled as bars ({@link
   * Paths#segments}, in the page's user space).
   */
  static PdfRulings of(PDPage page, List<float[]> segments) {
    int rotation = ((page.getRotation() % 360) + 360) % 360;
    if (rotation % 90 != 0) return NONE;
    PDRectangle box = page.getCropBox();
    List<Ruling> h = new ArrayList<>(), v = new ArrayList<>();
    for (float[] s : segments) {
      // into the page as it is shown (and its text read): x from the left, y from the top
      float[] a = shown(s[0], s[1], box, rotation), b = shown(s[2], s[3], box, rotation);
      float x0 = Math.min(a[0], b[0]), x1 = Math.max(a[0], b[0]);
      float y0 = Math.min(a[1], b[1]), y1 = Math.max(a[1], b[1]);
      if (y1 - y0 <= THIN && x1 - x0 > THIN) h.add(new Ruling((y0 + y1) / 2, x0, x1));
      else if (x1 - x0 <= THIN && y1 - y0 > THIN) v.add(new Ruling((x0 + x1) / 2, y0, y1));
    }
    return new PdfRulings(join(h), join(v));
  }

  /**
   * A point of the page's user space as the page is shown, turned by {@code /Rotate} (clockwise): x
   * from the shown page's left edge, y from its top, as PDFBox places the text.
   */
  private static float[] shown(float x, float y, PDRectangle box, int rotation) {
    float left = box.getLowerLeftX(), bottom = box.getLowerLeftY();
    float right = box.getUpperRightX(), top = box.getUpperRightY();
    return switch (rotation) {
      case 90 -> new float[] {y - bottom, x - left};
      case 180 -> new float[] {right - x, y - bottom};
      case 270 -> new float[] {top - y, right - x};
      default -> new float[] {x - left, top - y};
    };
  }

  /** Pieces on one line that touch or overlap, joined. */
  private static List<Ruling> join(List<Ruling> pieces) {
    pieces.sort(Comparator.comparingDouble(Ruling::at).thenComparingDouble(Ruling::from));
    List<Ruling> out = new ArrayList<>();
    for (Ruling r : pieces) {
      Ruling last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && Math.abs(r.at() - last.at()) <= 1 && r.from() <= last.to() + JOIN) {
        out.set(out.size() - 1, new Ruling(last.at(), last.from(), Math.max(last.to(), r.to())));
      } else out.add(r);
    }
    return out;
  }

  /**
   * Collects the segments a page strokes, and its thin filled bars, from its path operators ({@code
   * re m l c v y h n S s f F f* B B* b b*}), their points already in the page's user space: the
   * text pass feeds it as it meets them ({@link PdfTableText}), so the page's drawing is read once
   * for its text and its rulings (a pass of its own was a tenth of ingest time on a real crawl).
   */
  static final class Paths {
    final List<float[]> segments = new ArrayList<>();
    private final List<float[]> lines = new ArrayList<>(); // the current path's straight pieces
    private final List<float[]> rects = new ArrayList<>(); // the current path's rectangles
    private Point2D current = new Point2D.Float();
    private Point2D start = new Point2D.Float();

    /** A rectangle by two opposite corners. */
    void rectangle(Point2D p0, Point2D p2) {
      rects.add(
          new float[] {
            (float) Math.min(p0.getX(), p2.getX()),
            (float) Math.min(p0.getY(), p2.getY()),
            (float) Math.max(p0.getX(), p2.getX()),
            (float) Math.max(p0.getY(), p2.getY())
          });
    }

    void moveTo(float x, float y) {
      current = new Point2D.Float(x, y);
      start = current;
    }

    void lineTo(float x, float y) {
      lines.add(new float[] {(float) current.getX(), (float) current.getY(), x, y});
      current = new Point2D.Float(x, y);
    }

    /** A curve is no ruling: only where it ends counts. */
    void curveTo(float x3, float y3) {
      current = new Point2D.Float(x3, y3);
    }

    void closePath() {
      if (!current.equals(start)) lineTo((float) start.getX(), (float) start.getY());
    }

    /** A path ended without painting (a clipping path): it draws nothing. */
    void endPath() {
      clear();
    }

    void strokePath() {
      segments.addAll(lines);
      for (float[] r : rects) { // a stroked rectangle: its four edges
        segments.add(new float[] {r[0], r[1], r[2], r[1]});
        segments.add(new float[] {r[0], r[3], r[2], r[3]});
        segments.add(new float[] {r[0], r[1], r[0], r[3]});
        segments.add(new float[] {r[2], r[1], r[2], r[3]});
      }
      clear();
    }

    void fillPath() {
      for (float[] r : rects) { // a thin bar is a line; a wide fill is a background
        if (r[2] - r[0] <= THIN || r[3] - r[1] <= THIN) segments.add(r);
      }
      clear();
    }

    /** A page begins: nothing carried over from the last. */
    void reset() {
      segments.clear();
      clear();
      current = new Point2D.Float();
      start = new Point2D.Float();
    }

    private void clear() {
      lines.clear();
      rects.clear();
    }
  }
}
