package org.gongkai.extract;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;

/**
 * A scanned page made ready for Tesseract: its table's ruling lines taken out, and turned upright
 * when its lines of text run down the page.
 *
 * <p>Rulings. Tesseract reads a table's cells badly where its lines touch them: an amount against a
 * cell's right border ({@code 18,330.37|}) is taken for a picture and the whole column of amounts
 * is dropped (a 收入预算总表 scanned at 200 dpi: its labels read, not one of its amounts). A ruling is a
 * run of dark pixels, across or down, far longer than any stroke of a character (a Chinese
 * character at 10.5 pt is about 45 pixels high at 300 dpi; a title's about 90), so the runs of at
 * least {@code minRun} pixels are whitened and every other pixel is kept as it was.
 */
final class ScanImages {

  private ScanImages() {}

  /** Darker than this (of 255) is ink. */
  private static final int INK = 160;

  /** The page without its rulings: a grey image of the same size. */
  static BufferedImage removed(BufferedImage page, int minRun) {
    int w = page.getWidth(), h = page.getHeight();
    // the page's greys, copied into the new image's own pixels, whitened there where a ruling ran
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    java.awt.Graphics2D g = out.createGraphics();
    g.drawImage(page, 0, 0, null);
    g.dispose();
    byte[] pixels = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
    boolean[] rule = new boolean[w * h];
    for (int y = 0; y < h; y++) markRuns(pixels, rule, y * w, 1, w, minRun);
    for (int x = 0; x < w; x++) markRuns(pixels, rule, x, w, h, minRun);
    for (int i = 0; i < rule.length; i++) if (rule[i]) pixels[i] = (byte) 255;
    return out;
  }

  /**
   * Marks in {@code rule} the runs of ink at least {@code minRun} long among the {@code count}
   * pixels from {@code start}, {@code step} apart (a row: step 1; a column: step the width).
   */
  private static void markRuns(
      byte[] pixels, boolean[] rule, int start, int step, int count, int minRun) {
    int n = 0;
    while (n < count) {
      if (!ink(pixels[start + n * step])) {
        n++;
        continue;
      }
      int from = n;
      while (n < count && ink(pixels[start + n * step])) n++;
      if (n - from >= minRun) for (int i = from; i < n; i++) rule[start + i * step] = true;
    }
  }

  private static boolean ink(byte grey) {
    return (grey & 0xff) < INK;
  }

  /**
   * Whether the page's lines of text run down it (a landscape table scanned sideways): between
   * lines of text, across the page, rows of pixels hold no ink (about half of a page of prose, a
   * quarter of a table's); down the page, a column without ink is rare, characters of one line
   * rarely leaving a gap at the same place as every other line's. A page with more empty columns
   * than empty rows, within the box its ink fills, is turned.
   */
  static boolean sideways(BufferedImage page) {
    Raster in = page.getRaster();
    int w = page.getWidth(), h = page.getHeight();
    boolean[] rowInk = new boolean[h], columnInk = new boolean[w];
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      in.getSamples(0, y, w, 1, 0, row);
      for (int x = 0; x < w; x++)
        if (row[x] < INK) {
          rowInk[y] = true;
          columnInk[x] = true;
        }
    }
    double rows = emptyShare(rowInk), columns = emptyShare(columnInk);
    return columns > rows + 0.1;
  }

  /** Of the places between the first and the last with ink, the share with none. */
  private static double emptyShare(boolean[] ink) {
    int first = 0, last = ink.length - 1;
    while (first < ink.length && !ink[first]) first++;
    while (last > first && !ink[last]) last--;
    if (first >= last) return 0;
    int empty = 0;
    for (int i = first; i <= last; i++) if (!ink[i]) empty++;
    return empty / (double) (last - first + 1);
  }

  /** The page turned {@code degrees} (90, 180, 270) clockwise. */
  static BufferedImage turned(BufferedImage page, int degrees) {
    int w = page.getWidth(), h = page.getHeight();
    boolean quarter = degrees % 180 != 0;
    BufferedImage out =
        new BufferedImage(quarter ? h : w, quarter ? w : h, BufferedImage.TYPE_BYTE_GRAY);
    java.awt.Graphics2D g = out.createGraphics();
    g.setColor(java.awt.Color.WHITE);
    g.fillRect(0, 0, out.getWidth(), out.getHeight());
    switch (((degrees % 360) + 360) % 360) {
      case 90 -> g.translate(h, 0);
      case 180 -> g.translate(w, h);
      case 270 -> g.translate(0, w);
      default -> {}
    }
    g.rotate(Math.toRadians(degrees));
    g.drawImage(page, 0, 0, null);
    g.dispose();
    return out;
  }
}
