package org.gongkai.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.gongkai.TestSupport;
import org.gongkai.config.ExtractConfig;
import org.gongkai.model.IngestedDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scan whose pages are JPEG 2000 images (#64): PDFBox draws them blank without a JPEG 2000 reader
 * (not bundled: its licence), so they are rendered by Poppler's {@code pdftoppm} and read by
 * Tesseract like any scan. The scan is made here from pages 1–3 of the bundled 汉阳区 report, each
 * rendered at 300 dpi and encoded by OpenJPEG's {@code opj_compress} (both installed by {@code
 * .ci/run}).
 */
class JpxScanTest {

  @TempDir static Path dir;

  static Path jpx;

  @BeforeAll
  static void makeTheScan() throws Exception {
    assertTrue(
        new TikaExtractor(ExtractConfig.defaults()).ocrAvailable(),
        "OCR tests need tesseract-ocr and tesseract-ocr-chi-sim (.ci/run installs them)");
    jpx = dir.resolve("汉阳区总工会决算-JPEG2000扫描件.pdf");
    Files.write(jpx, jpxScan(OcrTest.HANYANG, 1, 3, 300));
  }

  @Test
  void aJpeg2000ScanIsReadAsAnyScanIs() throws Exception {
    assertTrue(!JpxPages.PDFBOX_READS_JPX, "this test is about a JPEG 2000 reader not bundled");
    IngestedDocument d = TestSupport.ingestor().ingest(jpx);
    assertEquals(List.of(1, 2, 3), d.document().ocr().pages());
    assertEquals("武汉市汉阳区总工会2024年度部门决算", d.document().title());
    assertEquals("部门决算", d.document().kind().label());
    // the headlines OcrTest reads from the same pages scanned without loss
    assertEquals(OcrTest.HANYANG_HEADLINES, OcrTest.headlines(d));
  }

  @Test
  void withoutPopplerTheFileFailsWithItsReason() {
    String was = JpxPages.program;
    JpxPages.program = "gongkai-no-such-pdftoppm";
    try {
      ExtractionException e =
          assertThrows(
              ExtractionException.class,
              () -> new TikaExtractor(ExtractConfig.defaults()).extract(jpx));
      assertEquals(
          "page 1 is a JPEG 2000 image: install poppler-utils (pdftoppm) to read it",
          e.getMessage());
    } finally {
      JpxPages.program = was;
    }
  }

  /** Pages {@code first}..{@code last} of {@code pdf} as grey JPEG 2000 images, no text layer. */
  static byte[] jpxScan(Path pdf, int first, int last, int dpi) throws Exception {
    try (PDDocument in = Loader.loadPDF(Files.readAllBytes(pdf));
        PDDocument out = new PDDocument()) {
      PDFRenderer renderer = new PDFRenderer(in);
      for (int n = first; n <= last; n++) {
        BufferedImage image = renderer.renderImageWithDPI(n - 1, dpi, ImageType.GRAY);
        Path pgm = dir.resolve("page-" + n + ".pgm");
        Path jp2 = dir.resolve("page-" + n + ".jp2");
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(pgm))) {
          o.write(("P5\n" + image.getWidth() + " " + image.getHeight() + "\n255\n").getBytes());
          Raster r = image.getRaster();
          for (int y = 0; y < image.getHeight(); y++)
            for (int x = 0; x < image.getWidth(); x++) o.write(r.getSample(x, y, 0));
        }
        Process p =
            new ProcessBuilder(
                    "opj_compress", "-i", pgm.toString(), "-o", jp2.toString(), "-r", "20")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("opj.txt").toFile())
                .start();
        assertEquals(0, p.waitFor(), "opj_compress (libopenjp2-tools, installed by .ci/run)");
        PDRectangle box =
            new PDRectangle(image.getWidth() * 72f / dpi, image.getHeight() * 72f / dpi);
        PDPage page = new PDPage(box);
        out.addPage(page);
        COSStream stream = out.getDocument().createCOSStream();
        try (OutputStream o = stream.createRawOutputStream()) {
          o.write(Files.readAllBytes(jp2));
        }
        stream.setItem(COSName.TYPE, COSName.XOBJECT);
        stream.setItem(COSName.SUBTYPE, COSName.IMAGE);
        stream.setInt(COSName.WIDTH, image.getWidth());
        stream.setInt(COSName.HEIGHT, image.getHeight());
        stream.setItem(COSName.FILTER, COSName.JPX_DECODE);
        PDImageXObject x = new PDImageXObject(new PDStream(stream), null);
        try (PDPageContentStream cs = new PDPageContentStream(out, page)) {
          cs.drawImage(x, 0, 0, box.getWidth(), box.getHeight());
        }
      }
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      out.save(bytes);
      return bytes.toByteArray();
    }
  }
}
