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
 * #TIME_LIMIT_SECONDS} seconds, and kept in a cache of {@link #CACHED_BYTES} bytes keyed by the
 * file's hash, page and marks. Rendering runs on {@link #RENDERERS} threads, so a burst of requests
 * cannot take every core, and a render that overruns is stopped, not left running: the page's
 * drawing checks for the stop between operations and gives up past {@link #MAX_OPERATIONS} (a page
 * of a million fills held the one render thread for minutes). A page that failed of itself
 * (damaged, such a bomb) is remembered and not tried again; one over the time limit for a minute;
 * one that met an out-of-memory error not.
 */
public final class PageImages {

  public static final int DPI = 110;
  public static final long MAX_PIXELS = 4_000_000;
  public static final int TIME_LIMIT_SECONDS = 20;

  /**
   * The most bytes of pictures kept: bounded by size, not count (one page asked with thirty
   * different marks is thirty pictures of up to a dozen megabytes each).
   */
  static final long CACHED_BYTES = 48L << 20;

  /** A page that took too long is not tried again for this long: it may have been the load. */
  static final java.time.Duration TIMED_OUT_REMEMBERED = java.time.Duration.ofMinutes(1);

  /** Pages rendered at once. */
  public static final int RENDERERS = 2;

  /** Drawing operations one page may take: real pages take thousands, a bomb millions. */
  public static final int MAX_OPERATIONS = 1_000_000;

  /** Failed pages remembered. */
  private static final int FAILURES_KEPT = 1024;

  private final int maxOperations;

  public PageImages() {
    this(MAX_OPERATIONS, java.time.Duration.ofSeconds(TIME_LIMIT_SECONDS));
  }

  /** With other limits (tests draw small bombs, and slow pages quickly). */
  PageImages(int maxOperations, java.time.Duration timeLimit) {
    this(maxOperations, timeLimit, CACHED_BYTES, TIMED_OUT_REMEMBERED);
  }

  PageImages(
      int maxOperations,
      java.time.Duration timeLimit,
      long cachedBytes,
      java.time.Duration timedOutRemembered) {
    this.maxOperations = maxOperations;
    this.timeLimit = timeLimit;
    this.maxCachedBytes = cachedBytes;
    this.timedOutRemembered = timedOutRemembered;
  }

  private final long maxCachedBytes;
  private final java.time.Duration timedOutRemembered;

  private final java.time.Duration timeLimit;

  /** What a page waiting behind others past the time limit gets (it may be asked again). */
  static final String BUSY = "the page renderer is busy: try again in a moment";

  private final ExecutorService renderer =
      Executors.newFixedThreadPool(
          RENDERERS,
          r -> {
            Thread t = new Thread(r, "page-render");
            t.setDaemon(true);
            return t;
          });

  /** A failure remembered, until {@code until} ({@link System#nanoTime()}). */
  private record Remembered(Failed failed, long until) {}

  private final Map<String, Remembered> failures =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
          return size() > FAILURES_KEPT;
        }
      };

  /** Pictures drawn, least recently asked first; {@link #cachedBytes} their size in all. */
  private final LinkedHashMap<String, byte[]> cache = new LinkedHashMap<>(16, 0.75f, true);

  private long cachedBytes;

  /** The bytes of pictures kept now (read by the tests). */
  long cachedBytes() {
    synchronized (cache) {
      return cachedBytes;
    }
  }

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
    return page(key, page, pdf, java.util.List.of());
  }

  /** Longest and most texts marked on one page. */
  public static final int MAX_MARKS = 5, MAX_MARK_LENGTH = 60;

  /**
   * The same, with every occurrence on the page of each of {@code marks} (a search's hits, a figure
   * as written) drawn over in translucent yellow, found by the glyphs' positions in the PDF
   * (spacing and compatibility forms of characters ignored).
   */
  public Result page(String key, int page, PdfSource pdf, java.util.List<String> marks) {
    java.util.List<String> m =
        marks.stream()
            .map(t -> t.strip())
            .filter(t -> !t.isEmpty() && t.length() <= MAX_MARK_LENGTH)
            .distinct()
            .limit(MAX_MARKS)
            .toList();
    String k = key + "#" + page + (m.isEmpty() ? "" : "#" + String.join("\u0000", m));
    synchronized (cache) {
      byte[] hit = cache.get(k);
      if (hit != null) return new Png(hit);
      Remembered failed = failures.get(k);
      if (failed != null && System.nanoTime() - failed.until() < 0) return failed.failed();
      if (failed != null) failures.remove(k);
    }
    // the time limit is the render's own, from when it starts: a page that waited behind others
    // is not failed (nor remembered as failed) for their slowness
    java.util.concurrent.atomic.AtomicLong started = new java.util.concurrent.atomic.AtomicLong();
    Future<Result> task =
        renderer.submit(
            () -> {
              started.set(System.nanoTime());
              return render(pdf, page, m, maxOperations);
            });
    Result r;
    // how long a failure is remembered: the page's own (damaged, a bomb) for good; over the time
    // limit, a while (the machine may have been busy); out of memory (another request's, perhaps)
    // or interrupted, not at all
    long remember = Long.MAX_VALUE;
    try {
      r = task.get(timeLimit.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      r = null;
      try {
        long began = started.get();
        if (began != 0) {
          long left = began + timeLimit.toNanos() - System.nanoTime();
          if (left > 0) r = task.get(left, TimeUnit.NANOSECONDS);
        }
      } catch (TimeoutException late) {
        // over its own time: stopped below
      } catch (ExecutionException failed) {
        r = new Failed(TikaExtractor.rootMessage(failed.getCause()));
        if (!(failed.getCause() instanceof IOException)) remember = 0;
      } catch (InterruptedException stop) {
        task.cancel(true);
        Thread.currentThread().interrupt();
        return new Failed("interrupted");
      }
      if (r == null) {
        task.cancel(true); // the drawing sees the stop at its next operation
        if (started.get() == 0) return new Failed(BUSY); // not tried: not remembered
        r = new Failed("rendering took longer than " + timeLimit.toSeconds() + " s");
        remember = timedOutRemembered.toNanos();
      }
    } catch (InterruptedException e) {
      task.cancel(true);
      Thread.currentThread().interrupt();
      return new Failed("interrupted");
    } catch (ExecutionException e) {
      r = new Failed(TikaExtractor.rootMessage(e.getCause()));
      if (!(e.getCause() instanceof IOException)) remember = 0;
    }
    synchronized (cache) {
      if (r instanceof Png png) keep(k, png.bytes());
      else if (r instanceof Failed f && remember > 0) {
        // for good: as far ahead as nanoTime can still compare
        long until =
            System.nanoTime() + (remember == Long.MAX_VALUE ? Long.MAX_VALUE >> 1 : remember);
        failures.put(k, new Remembered(f, until));
      }
    }
    return r;
  }

  /** Keeps a picture, dropping the least recently asked ones beyond the cache's bytes. */
  private void keep(String k, byte[] png) {
    if (png.length > maxCachedBytes / 4) return; // one picture never takes most of the cache
    byte[] before = cache.put(k, png);
    cachedBytes += png.length - (before == null ? 0 : before.length);
    var eldest = cache.entrySet().iterator();
    while (cachedBytes > maxCachedBytes && eldest.hasNext()) {
      var e = eldest.next();
      cachedBytes -= e.getValue().length;
      eldest.remove();
    }
  }

  /**
   * PDFBox's renderer whose page drawing can be stopped: PDFBox itself never looks at a thread's
   * interrupt, so a page of millions of operations ran on after its time-out.
   */
  private static final class StoppableRenderer extends PDFRenderer {
    private final int maxOperations;

    StoppableRenderer(PDDocument doc, int maxOperations) {
      super(doc);
      this.maxOperations = maxOperations;
    }

    @Override
    protected org.apache.pdfbox.rendering.PageDrawer createPageDrawer(
        org.apache.pdfbox.rendering.PageDrawerParameters parameters) throws IOException {
      org.apache.pdfbox.rendering.PageDrawer drawer =
          new org.apache.pdfbox.rendering.PageDrawer(parameters) {
            private int operations;

            @Override
            protected void processOperator(
                org.apache.pdfbox.contentstream.operator.Operator operator,
                java.util.List<org.apache.pdfbox.cos.COSBase> operands)
                throws IOException {
              if (Thread.currentThread().isInterrupted())
                throw new java.io.InterruptedIOException("rendering stopped");
              if (++operations > maxOperations)
                throw new IOException(
                    String.format(
                        java.util.Locale.ROOT,
                        "the page has more than %,d drawing operations",
                        maxOperations));
              super.processOperator(operator, operands);
            }
          };
      drawer.setAnnotationFilter(getAnnotationsFilter());
      return drawer;
    }
  }

  /** The bytes of an original, read only when a page must be rendered. */
  @FunctionalInterface
  public interface PdfSource {
    Optional<byte[]> bytes() throws IOException;
  }

  private static Result render(
      PdfSource source, int page, java.util.List<String> marks, int maxOperations)
      throws IOException {
    Optional<byte[]> bytes = source.bytes();
    if (bytes.isEmpty() || !isPdf(bytes.get())) return new NoSuchPage();
    try (PDDocument doc = Loader.loadPDF(new RandomAccessReadBuffer(bytes.get()))) {
      if (page < 1 || page > doc.getNumberOfPages()) return new NoSuchPage();
      PDRectangle box = doc.getPage(page - 1).getCropBox();
      double inches =
          Math.max(1e-3, box.getWidth() / 72.0) * Math.max(1e-3, box.getHeight() / 72.0);
      float dpi = (float) Math.min(DPI, Math.sqrt(MAX_PIXELS / inches));
      BufferedImage image =
          new StoppableRenderer(doc, maxOperations)
              .renderImageWithDPI(page - 1, dpi, ImageType.RGB);
      if (!marks.isEmpty()) mark(image, boxes(doc, page, marks), dpi / 72f);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return new Png(out.toByteArray());
    } catch (org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException e) {
      return new Failed("encrypted (password-protected) document");
    }
  }

  /** A rectangle of a page in points, from its top left corner. */
  public record Box(float x, float y, float width, float height) {}

  /**
   * Where {@code marks} stand on page {@code page}: one box per line of each occurrence, from the
   * glyphs PDFBox reads (whitespace between glyphs ignored, each character compared in its NFKC
   * form, as the clean text folds ⽀ into 支).
   */
  public static java.util.List<Box> boxes(PDDocument doc, int page, java.util.List<String> marks)
      throws IOException {
    java.util.List<org.apache.pdfbox.text.TextPosition> glyphs = new java.util.ArrayList<>();
    org.apache.pdfbox.text.PDFTextStripper stripper =
        new org.apache.pdfbox.text.PDFTextStripper() {
          @Override
          protected void writeString(
              String text, java.util.List<org.apache.pdfbox.text.TextPosition> positions) {
            glyphs.addAll(positions);
          }
        };
    stripper.setStartPage(page);
    stripper.setEndPage(page);
    stripper.getText(doc);
    StringBuilder chars = new StringBuilder();
    java.util.List<org.apache.pdfbox.text.TextPosition> at = new java.util.ArrayList<>();
    for (org.apache.pdfbox.text.TextPosition t : glyphs) {
      String u = t.getUnicode();
      if (u == null) continue;
      String folded = java.text.Normalizer.normalize(u, java.text.Normalizer.Form.NFKC);
      for (int i = 0; i < folded.length(); i++) {
        char c = folded.charAt(i);
        if (Character.isWhitespace(c)) continue;
        chars.append(c);
        at.add(t);
      }
    }
    java.util.List<Box> out = new java.util.ArrayList<>();
    for (String mark : marks) {
      String needle =
          java.text.Normalizer.normalize(mark, java.text.Normalizer.Form.NFKC)
              .replaceAll("\\s+", "");
      if (needle.isEmpty()) continue;
      for (int i = chars.indexOf(needle); i >= 0; i = chars.indexOf(needle, i + needle.length())) {
        Box line = null;
        for (int j = i; j < i + needle.length(); j++) {
          org.apache.pdfbox.text.TextPosition t = at.get(j);
          float h = Math.max(t.getHeightDir(), t.getFontSizeInPt() * 0.8f);
          Box g = new Box(t.getXDirAdj(), t.getYDirAdj() - h, t.getWidthDirAdj(), h);
          // a glyph on the line of the box before it widens that box; on another line, a new one
          if (line != null && Math.abs(line.y() - g.y()) < h / 2) {
            float left = Math.min(line.x(), g.x());
            float right = Math.max(line.x() + line.width(), g.x() + g.width());
            line =
                new Box(
                    left,
                    Math.min(line.y(), g.y()),
                    right - left,
                    Math.max(line.height(), g.height()));
          } else {
            if (line != null) out.add(line);
            line = g;
          }
        }
        if (line != null) out.add(line);
      }
    }
    return out;
  }

  private static void mark(BufferedImage image, java.util.List<Box> boxes, float scale) {
    if (boxes.isEmpty()) return;
    java.awt.Graphics2D g = image.createGraphics();
    try {
      float pad = 2f;
      for (Box b : boxes) {
        java.awt.geom.Rectangle2D r =
            new java.awt.geom.Rectangle2D.Float(
                b.x() * scale - pad,
                b.y() * scale - pad,
                b.width() * scale + 2 * pad,
                b.height() * scale + 2 * pad);
        g.setColor(new java.awt.Color(255, 214, 0, 110));
        g.fill(r);
        g.setColor(new java.awt.Color(230, 120, 0));
        g.setStroke(new java.awt.BasicStroke(2f));
        g.draw(r);
      }
    } finally {
      g.dispose();
    }
  }

  private static boolean isPdf(byte[] b) {
    // the header may follow a little junk; PDF readers look in the first 1024 bytes
    String head =
        new String(b, 0, Math.min(b.length, 1024), java.nio.charset.StandardCharsets.ISO_8859_1);
    return head.contains("%PDF-");
  }
}
