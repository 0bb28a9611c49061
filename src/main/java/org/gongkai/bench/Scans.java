package org.gongkai.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Makes scanned PDFs: pages of a real PDF rendered to images, without text (the OCR tests, and the
 * benchmark's OCR accuracy against the text layer).
 */
public final class Scans {
  private Scans() {}

  /**
   * A PDF of pages {@code first}..{@code last} (from 1) of {@code pdf}, the pages in {@code
   * scanned} as grey images at {@code dpi} (no text layer), the others copied as they are.
   */
  public static byte[] of(Path pdf, int first, int last, Set<Integer> scanned, int dpi)
      throws IOException {
    try (PDDocument in = Loader.loadPDF(Files.readAllBytes(pdf));
        PDDocument out = new PDDocument()) {
      PDFRenderer renderer = new PDFRenderer(in);
      for (int n = first; n <= last; n++) {
        PDPage source = in.getPage(n - 1);
        if (!scanned.contains(n)) {
          out.importPage(source);
          continue;
        }
        // the page as it is shown (its /Rotate applied: a landscape table on a portrait sheet),
        // at its own size: the scan of a rotated page is a landscape image, not one squeezed
        java.awt.image.BufferedImage shown =
            renderer.renderImageWithDPI(n - 1, dpi, ImageType.GRAY);
        PDRectangle box =
            new PDRectangle(shown.getWidth() * 72f / dpi, shown.getHeight() * 72f / dpi);
        PDPage page = new PDPage(box);
        out.addPage(page);
        PDImageXObject image = LosslessFactory.createFromImage(out, shown);
        try (PDPageContentStream cs = new PDPageContentStream(out, page)) {
          cs.drawImage(image, 0, 0, box.getWidth(), box.getHeight());
        }
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      out.save(bytes);
      return bytes.toByteArray();
    }
  }

  /** Every page from {@code first} to {@code last} scanned. */
  public static byte[] allScanned(Path pdf, int first, int last, int dpi) throws IOException {
    java.util.Set<Integer> all = new java.util.HashSet<>();
    for (int n = first; n <= last; n++) all.add(n);
    return of(pdf, first, last, all, dpi);
  }
}
