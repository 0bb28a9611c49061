package org.gongkai.extract;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Pictures of an original PDF's pages (PNG), as a reader sees them beside the text: rendered by
 * PDFBox at {@link #DPI} dpi, fewer where a page would exceed {@link #MAX_PIXELS}, within {@link
 * #TIME_LIMIT_SECONDS} seconds, and kept in a small cache keyed by the file's hash and page.
 * Rendering runs one page at a time, so a burst of requests cannot take every core.
 */
public final class PageImages {

  public static final int DPI = 110;
  public static final long MAX_PIXELS = 4_000_000;
  public static final int TIME_LIMIT_SECONDS = 20;
  private static final int CACHED = 64;

  private final ExecutorService renderer =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "page-render");
            t.setDaemon(true);
            return t;
          });

  private final Map<String, byte[]> cache =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
          return size() > CACHED;
        }
      };

  /** What a page request gets: the PNG, or why there is none. */
  public sealed interface Result {}

  public record Png(byte[] bytes) implements Result {}

  /** The page is not in the file (or the file is not a PDF). */
  public record NoSuchPage() implements Result {}

  /** The page could not be rendered (damaged, or over the time limit). */
  public record Failed(String reason) implements Result {}

  /**
   * Page {@code page} (from 1) of the PDF whose bytes {@code pdf} opens, {@code key} naming the
   * file's content for the cache (its SHA-256).
   */
  public Result page(String key, int page, PdfSource pdf) {
    String k = key + "#" + page;
    synchronized (cache) {
      byte[] hit = cache.get(k);
      if (hit != null) return new Png(hit);
    }
    Future<Result> task = renderer.submit(() -> render(pdf, page));
    Result r;
    try {
      r = task.get(TIME_LIMIT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      task.cancel(true);
      return new Failed("rendering took longer than " + TIME_LIMIT_SECONDS + " s");
    } catch (InterruptedException e) {
      task.cancel(true);
      Thread.currentThread().interrupt();
      return new Failed("interrupted");
    } catch (ExecutionException e) {
      return new Failed(TikaExtractor.rootMessage(e.getCause()));
    }
    if (r instanceof Png png) {
      synchronized (cache) {
        cache.put(k, png.bytes());
      }
    }
    return r;
  }

  /** The bytes of an original, read only when a page must be rendered. */
  @FunctionalInterface
  public interface PdfSource {
    Optional<byte[]> bytes() throws IOException;
  }

  private static Result render(PdfSource source, int page) throws IOException {
    Optional<byte[]> bytes = source.bytes();
    if (bytes.isEmpty() || !isPdf(bytes.get())) return new NoSuchPage();
    try (PDDocument doc = Loader.loadPDF(new RandomAccessReadBuffer(bytes.get()))) {
      if (page < 1 || page > doc.getNumberOfPages()) return new NoSuchPage();
      PDRectangle box = doc.getPage(page - 1).getCropBox();
      double inches =
          Math.max(1e-3, box.getWidth() / 72.0) * Math.max(1e-3, box.getHeight() / 72.0);
      float dpi = (float) Math.min(DPI, Math.sqrt(MAX_PIXELS / inches));
      BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(page - 1, dpi, ImageType.RGB);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return new Png(out.toByteArray());
    } catch (org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException e) {
      return new Failed("encrypted (password-protected) document");
    }
  }

  private static boolean isPdf(byte[] b) {
    // the header may follow a little junk; PDF readers look in the first 1024 bytes
    String head =
        new String(b, 0, Math.min(b.length, 1024), java.nio.charset.StandardCharsets.ISO_8859_1);
    return head.contains("%PDF-");
  }
}
