package org.gongkai.extract;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Scanned pages whose images are JPEG 2000 ({@code /JPXDecode}), rendered by Poppler's {@code
 * pdftoppm} instead of PDFBox.
 *
 * <p>PDFBox decodes JPEG 2000 only with an image reader for it on the class path; the one there is
 * ({@code jai-imageio-jpeg2000}) carries the JJ2000 licence, which the Apache projects themselves
 * keep out of their distributions, so it is not bundled. Without it PDFBox draws such a page blank,
 * and a scan made of them was said to have "no text". Poppler (Debian's {@code poppler-utils},
 * installed by {@code .ci/run}) decodes them with OpenJPEG; where it is missing, the file fails
 * with that reason instead.
 */
final class JpxPages {
  private JpxPages() {}

  /** The program that renders a page (a test names one that is not there). */
  static volatile String program = "pdftoppm";

  /** An image reader for JPEG 2000 is on the class path: PDFBox renders such pages itself. */
  static final boolean PDFBOX_READS_JPX = ImageIO.getImageReadersByFormatName("jpeg2000").hasNext();

  /** The page draws a JPEG 2000 image of its own or inside a form it draws. */
  static boolean drawsJpx(PDPage page) throws IOException {
    return drawsJpx(page.getResources(), 0);
  }

  private static boolean drawsJpx(PDResources resources, int depth) throws IOException {
    if (resources == null || depth > 3) return false;
    for (COSName name : resources.getXObjectNames()) {
      PDXObject x = resources.getXObject(name);
      if (x instanceof PDImageXObject image) {
        List<COSName> filters = image.getStream().getFilters();
        if (filters != null && filters.contains(COSName.JPX_DECODE)) return true;
      }
      if (x instanceof PDFormXObject form && drawsJpx(form.getResources(), depth + 1)) return true;
    }
    return false;
  }

  /**
   * Page {@code page} (0-based) of the PDF file {@code pdf} rendered by {@code pdftoppm} in grey at
   * {@code dpi}, within {@code seconds}.
   *
   * @throws ExtractionException where Poppler is not installed, fails or takes too long
   */
  static BufferedImage render(Path pdf, int page, int dpi, long seconds)
      throws ExtractionException {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("gongkai-jpx-");
      Path prefix = dir.resolve("page");
      Process p;
      try {
        p =
            new ProcessBuilder(
                    program,
                    "-f",
                    String.valueOf(page + 1),
                    "-l",
                    String.valueOf(page + 1),
                    "-r",
                    String.valueOf(dpi),
                    "-gray",
                    "-png",
                    "-singlefile",
                    pdf.toString(),
                    prefix.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("said.txt").toFile())
                .start();
      } catch (IOException e) {
        throw new ExtractionException(
            "page "
                + (page + 1)
                + " is a JPEG 2000 image: install poppler-utils (pdftoppm) to read it",
            e);
      }
      if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new ExtractionException(
            "timed out: rendering page " + (page + 1) + " took longer than " + seconds + " s");
      }
      Path png = dir.resolve("page.png");
      if (p.exitValue() != 0 || !Files.isRegularFile(png)) {
        String said = Files.readString(dir.resolve("said.txt")).strip();
        throw new ExtractionException(
            "cannot render page "
                + (page + 1)
                + " (a JPEG 2000 image) for OCR: pdftoppm "
                + (said.isEmpty()
                    ? "exited with " + p.exitValue()
                    : said.lines().findFirst().get()));
      }
      BufferedImage image = ImageIO.read(png.toFile());
      if (image == null)
        throw new ExtractionException("cannot render page " + (page + 1) + " for OCR");
      return image;
    } catch (IOException e) {
      throw new ExtractionException(
          "cannot render page " + (page + 1) + " for OCR: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ExtractionException("interrupted", e);
    } finally {
      if (dir != null) {
        try (var files = Files.list(dir)) {
          for (Path f : files.toList()) Files.deleteIfExists(f);
          Files.deleteIfExists(dir);
        } catch (IOException ignored) {
          // a temporary folder left behind
        }
      }
    }
  }
}
