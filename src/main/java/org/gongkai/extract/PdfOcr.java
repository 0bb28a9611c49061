package org.gongkai.extract;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.tika.exception.TikaConfigException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.ocr.TesseractOCRParser;
import org.apache.tika.sax.BodyContentHandler;
import org.gongkai.config.OcrConfig;
import org.xml.sax.SAXException;

/**
 * Reads the pages of a PDF that have no text layer with Tesseract, through Tika's {@link
 * TesseractOCRParser}, the pages of a scan side by side (one Tesseract per core).
 *
 * <p>Why not Tika's own {@code OCR_STRATEGY.AUTO}: it decides per page inside the PDF parser and
 * reports no page numbers, has no bound on the size of the image it renders, and its time is inside
 * the parse's time limit. Here each page is rendered by PDFBox (the library Tika uses) at a
 * resolution capped by {@link OcrConfig#maxPixels()}, read by Tika's Tesseract parser with {@link
 * OcrConfig#pageTimeout()}, and the caller learns which pages were read so.
 */
final class PdfOcr {

  private final OcrConfig config;
  private final TesseractOCRParser tesseract = new TesseractOCRParser();
  private volatile Boolean available; // looked up on first need: it starts a process

  PdfOcr(OcrConfig config) {
    this.config = config;
  }

  /** Tesseract is on the path with every language pack the configuration names. */
  /** Tika's wall-clock limit on a page, in times the page's processor-time limit. */
  static final int WALL_FACTOR = 4;

  /**
   * The least time Tika's clock gives beyond the processor-time limit: a small limit on a busy
   * machine (a page's 4 s among eight spinning threads on two cores) takes many times its processor
   * time on the clock, and must fail by its own limit, not by the backstop.
   */
  static final int WALL_MARGIN_SECONDS = 60;

  /** Tika's wall-clock backstop for a page whose processor time is limited to {@code cpu} s. */
  static long wallLimit(long cpu) {
    return Math.max(cpu * WALL_FACTOR, cpu + WALL_MARGIN_SECONDS);
  }

  private static boolean installed(TesseractOCRParser tesseract, String language, long cpuSeconds) {
    try {
      tesseract.initialize(java.util.Map.of()); // finds the program
      if (!tesseract.hasTesseract()) return false;
      Installed installed = installed(TesseractOCRParser.getTesseractProg());
      for (String lang : language.split("\\+")) {
        if (!installed.languages().contains(lang)) return false;
      }
      // Tika would look for the language packs beside the wrapper: only with their folder known
      String wrapper = installed.tessdata() == null ? null : singleThreaded(cpuSeconds);
      if (wrapper != null) {
        tesseract.setTesseractPath(wrapper);
        tesseract.setTessdataPath(installed.tessdata());
      }
      return true;
    } catch (TikaConfigException | RuntimeException e) {
      return false;
    }
  }

  /** Where Tesseract's language packs are, and which it has. */
  private record Installed(String tessdata, java.util.Set<String> languages) {}

  /**
   * What {@code tesseract --list-langs} says: the folder of the packs and their names. Tika's
   * parser lists the packs only when told where they are.
   */
  private static Installed installed(String program) {
    try {
      Process p = new ProcessBuilder(program, "--list-langs").redirectErrorStream(true).start();
      String out =
          new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Installed(null, java.util.Set.of());
      }
      String tessdata = null;
      java.util.Set<String> langs = new java.util.HashSet<>();
      for (String line : out.split("\\R")) {
        java.util.regex.Matcher in = java.util.regex.Pattern.compile("\"([^\"]+)\"").matcher(line);
        if (line.startsWith("List of") && in.find()) tessdata = in.group(1);
        else if (line.matches("[A-Za-z_]+")) langs.add(line);
      }
      return new Installed(tessdata, langs);
    } catch (IOException e) {
      return new Installed(null, java.util.Set.of());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Installed(null, java.util.Set.of());
    }
  }

  /** The wrapper's folder: {@code gongkai-tesseract-<pid>-<random>}. */
  static final String WRAPPER_PREFIX = "gongkai-tesseract-";

  /**
   * Removes the wrapper folders of processes that are gone: one killed (kill -9) never ran its exit
   * hooks, and its folder stayed in the temporary folder for good.
   */
  static void removeStale(Path tmp) {
    try (var folders = Files.newDirectoryStream(tmp, WRAPPER_PREFIX + "*")) {
      for (Path folder : folders) {
        String rest = folder.getFileName().toString().substring(WRAPPER_PREFIX.length());
        int dash = rest.indexOf('-');
        long pid;
        try {
          pid = Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
        } catch (NumberFormatException notOurs) {
          continue;
        }
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) continue;
        try (var inside = Files.list(folder)) {
          for (Path f : inside.toList()) Files.deleteIfExists(f);
        }
        Files.deleteIfExists(folder);
      }
    } catch (IOException | RuntimeException e) {
      // another process's folder, or one being removed by another: left as it is
    }
  }

  /**
   * A folder holding a {@code tesseract} that runs the installed one with {@code
   * OMP_THREAD_LIMIT=1} (unless set already) and at most {@code cpuSeconds} of processor time, or
   * null to run it as it is. Tesseract's OpenMP threads spin against each other and against the
   * index workers on a small machine (a page took 11 s instead of 1.8 s on two cores), and Tika's
   * parser offers no way to set a variable in the process it starts, so it is pointed at this
   * wrapper. The page's limit is its processor time, the same on a busy machine as on an idle one
   * (a wall-clock limit failed a dense 8000×8000 scan on one run and read it on the next); Tika's
   * own wall-clock limit stays, at {@link #wallLimit} of it, for a Tesseract that waits on nothing.
   * Not used where there is no POSIX shell.
   */
  private static String singleThreaded(long cpuSeconds) {
    Path sh = Path.of("/bin/sh");
    if (!Files.isExecutable(sh)) return null;
    String path = System.getenv("PATH");
    if (path == null) return null;
    for (String dir : path.split(java.io.File.pathSeparator)) {
      Path real = Path.of(dir).resolve("tesseract");
      if (!Files.isExecutable(real)) continue;
      try {
        removeStale(Path.of(System.getProperty("java.io.tmpdir")));
        Path folder =
            Files.createTempDirectory(WRAPPER_PREFIX + ProcessHandle.current().pid() + "-");
        Path script = folder.resolve("tesseract");
        Files.writeString(
            script,
            "#!/bin/sh\nulimit -t "
                + cpuSeconds
                + "\nOMP_THREAD_LIMIT=${OMP_THREAD_LIMIT:-1} exec '"
                + real.toAbsolutePath().toString().replace("'", "'\\''")
                + "' \"$@\"\n");
        script.toFile().setExecutable(true);
        // deleted at exit in the reverse order of these calls: the script, then its emptied folder
        folder.toFile().deleteOnExit();
        script.toFile().deleteOnExit();
        return folder.toString() + java.io.File.separator;
      } catch (IOException e) {
        return null;
      }
    }
    return null;
  }

  boolean available() {
    Boolean a = available;
    if (a == null) {
      synchronized (this) {
        if (available == null)
          available =
              config.enabled()
                  && installed(
                      tesseract, config.language(), Math.max(1, config.pageTimeout().toSeconds()));
        a = available;
      }
    }
    return a;
  }

  /** A page with fewer visible characters than this in its text layer may be a scan. */
  static final int MIN_PAGE_CHARS = 10;

  /**
   * The pages after OCR: {@code texts} has every page's text (scanned pages replaced by what OCR
   * read), {@code scanned} the 0-based pages that were read by OCR.
   */
  record Pages(List<String> texts, List<Integer> scanned) {}

  /**
   * Reads by OCR the pages of {@code pdf} that are scans: almost no text in their layer ({@code
   * texts}, one per page) but an image drawn on them. Without Tesseract, {@code scanned} lists the
   * pages that would need it and {@code texts} is unchanged.
   *
   * @throws ExtractionException when a page cannot be rendered or read, or there are too many
   */
  Pages read(byte[] pdf, List<String> texts) throws ExtractionException {
    // the common case, a text layer on every page, costs no second reading of the PDF
    if (texts.stream().allMatch(t -> visible(t) >= MIN_PAGE_CHARS))
      return new Pages(texts, List.of());
    try (PDDocument doc = Loader.loadPDF(new RandomAccessReadBuffer(pdf))) {
      if (doc.getNumberOfPages() != texts.size()) return new Pages(texts, List.of());
      List<Integer> scans = new ArrayList<>();
      for (int i = 0; i < texts.size(); i++) {
        if (visible(texts.get(i)) < MIN_PAGE_CHARS && drawsImage(doc.getPage(i))) scans.add(i);
      }
      if (scans.isEmpty() || !available()) return new Pages(texts, scans);
      if (scans.size() > config.maxPages()) {
        throw new ExtractionException(
            "too many scanned pages: "
                + scans.size()
                + " pages without a text layer (OCR reads at most "
                + config.maxPages()
                + " per file)");
      }
      List<String> out = new ArrayList<>(texts);
      // pages PDFBox would draw blank (JPEG 2000 images) are rendered by Poppler from a file
      Path jpx = null;
      try {
        if (!JpxPages.PDFBOX_READS_JPX)
          for (int i : scans)
            if (JpxPages.drawsJpx(doc.getPage(i))) {
              jpx = Files.createTempFile("gongkai-jpx-", ".pdf");
              Files.write(jpx, pdf);
              break;
            }
        List<String> read = readAll(pdf, doc, scans, jpx);
        for (int i = 0; i < scans.size(); i++) out.set(scans.get(i), read.get(i));
      } finally {
        if (jpx != null) Files.deleteIfExists(jpx);
      }
      return new Pages(out, scans);
    } catch (IOException e) {
      throw new ExtractionException("cannot render a scanned page for OCR: " + e.getMessage(), e);
    }
  }

  /**
   * Threads that read scanned pages, shared by every file: Tesseract reads a page on one core, so
   * the pages of one scan are read side by side, one per core, and a second file's scan shares the
   * same cores rather than doubling the processes. A daemon pool: it never keeps the JVM alive.
   */
  private static final java.util.concurrent.ExecutorService READERS =
      java.util.concurrent.Executors.newFixedThreadPool(
          Runtime.getRuntime().availableProcessors(),
          r -> {
            Thread t = new Thread(r, "ocr-page");
            t.setDaemon(true);
            return t;
          });

  /**
   * The text of each page in {@code scans}, in their order. One page alone is read on the calling
   * thread from {@code doc}; more are shared among up to one reader per core, each rendering its
   * pages from a document of its own (PDFBox's documents are not for several threads) and reading
   * them with Tesseract. The first page that fails, in page order, fails the file as it did when
   * pages were read one after another, and no reader goes on past it. A 20-page scan on two cores:
   * 1.84 → 0.92 s a page, the text the same.
   */
  private List<String> readAll(byte[] pdf, PDDocument doc, List<Integer> scans, Path jpx)
      throws ExtractionException {
    int readers = Math.min(scans.size(), Runtime.getRuntime().availableProcessors());
    if (readers <= 1) {
      List<String> out = new ArrayList<>();
      PDFRenderer renderer = new PDFRenderer(doc);
      for (int page : scans) out.add(readPage(renderer, doc, page, jpx));
      return out;
    }
    String[] out = new String[scans.size()];
    // the earliest failed page so far: a reader stops at pages after it, which reading one page
    // after another would never have reached
    java.util.concurrent.atomic.AtomicInteger failedAt =
        new java.util.concurrent.atomic.AtomicInteger(Integer.MAX_VALUE);
    List<java.util.concurrent.Future<?>> work = new ArrayList<>();
    for (int r = 0; r < readers; r++) {
      int first = r;
      work.add(
          READERS.submit(
              () -> {
                try (PDDocument own = Loader.loadPDF(new RandomAccessReadBuffer(pdf))) {
                  PDFRenderer renderer = new PDFRenderer(own);
                  for (int i = first; i < scans.size() && i < failedAt.get(); i += readers) {
                    try {
                      out[i] = readPage(renderer, own, scans.get(i), jpx);
                    } catch (ExtractionException e) {
                      failedAt.accumulateAndGet(i, Math::min);
                      throw new PageFailure(i, e);
                    }
                  }
                } catch (IOException e) {
                  failedAt.accumulateAndGet(first, Math::min);
                  throw new PageFailure(
                      first,
                      new ExtractionException(
                          "cannot render a scanned page for OCR: " + e.getMessage(), e));
                }
                return null;
              }));
    }
    try {
      PageFailure earliest = null;
      for (java.util.concurrent.Future<?> f : work) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          // the failure of the earliest page wins, whichever reader met it first
          PageFailure failed =
              e.getCause() instanceof PageFailure p
                  ? p
                  : new PageFailure(
                      Integer.MAX_VALUE,
                      new ExtractionException(
                          "OCR failed: " + TikaExtractor.rootMessage(e.getCause()), e.getCause()));
          if (earliest == null || failed.index < earliest.index) earliest = failed;
        }
      }
      if (earliest != null) throw earliest.failure;
      return java.util.Arrays.asList(out);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ExtractionException("interrupted", e);
    } finally {
      for (java.util.concurrent.Future<?> f : work) f.cancel(true);
    }
  }

  /** Why the scanned page at {@code index} of the list could not be read. */
  private static final class PageFailure extends RuntimeException {
    final int index;
    final ExtractionException failure;

    PageFailure(int index, ExtractionException failure) {
      super(failure.getMessage(), failure);
      this.index = index;
      this.failure = failure;
    }
  }

  /**
   * Page {@code page} (0-based) of {@code doc} rendered and read by Tesseract; rendered by Poppler
   * from {@code jpx}, the PDF's file, where it draws a JPEG 2000 image PDFBox cannot decode.
   */
  private String readPage(PDFRenderer renderer, PDDocument doc, int page, Path jpx)
      throws ExtractionException {
    if (Thread.currentThread().isInterrupted()) throw new ExtractionException("interrupted");
    BufferedImage image;
    float scale = scale(doc.getPage(page));
    try {
      if (jpx != null && JpxPages.drawsJpx(doc.getPage(page)))
        image =
            JpxPages.render(
                jpx, page, Math.round(scale * 72), Math.max(1, config.pageTimeout().toSeconds()));
      else image = renderer.renderImage(page, scale, ImageType.GRAY);
    } catch (IOException e) {
      throw new ExtractionException("cannot render a scanned page for OCR: " + e.getMessage(), e);
    }
    // a table's rulings out, and read as one block of lines (Tesseract's own layout analysis, the
    // default, drops a table's column of amounts): on 30 pages of the real reports scanned at 300
    // dpi, characters read 63% → 90%, numbers 76% → 94%, in 2.1 → 1.6 s a page (one column of
    // lines of any size, --psm 4, read 89% and 93%, and lost a cover's title set large)
    image = ScanImages.removed(image, (int) Math.round(RULING_INCHES * 72 * scale));
    String layout = BLOCK;
    if (ScanImages.sideways(image)) {
      // that layout reads only upright lines: Tesseract's orientation detection says which way
      // to turn a page scanned sideways; where it cannot, its own layout analysis reads it
      Integer turn = orientation(image);
      if (turn != null) image = ScanImages.turned(image, turn);
      else layout = AUTOMATIC;
    }
    return ocr(image, page, layout);
  }

  private static int visible(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) if (!Character.isWhitespace(text.charAt(i))) n++;
    return n;
  }

  /** The page draws an image of its own or inside a form it draws (where scanners put them). */
  private static boolean drawsImage(PDPage page) throws IOException {
    return drawsImage(page.getResources(), 0);
  }

  private static boolean drawsImage(PDResources resources, int depth) throws IOException {
    if (resources == null || depth > 3) return false;
    for (COSName name : resources.getXObjectNames()) {
      PDXObject x = resources.getXObject(name);
      if (x instanceof PDImageXObject) return true;
      if (x instanceof PDFormXObject form && drawsImage(form.getResources(), depth + 1))
        return true;
    }
    return false;
  }

  /** Render scale: the configured resolution, lowered for a page that would exceed the pixels. */
  private float scale(PDPage page) {
    PDRectangle box = page.getCropBox();
    double points = Math.max(1, box.getWidth()) * Math.max(1, box.getHeight());
    double scale = config.dpi() / 72.0;
    double pixels = points * scale * scale;
    if (pixels > config.maxPixels()) scale *= Math.sqrt(config.maxPixels() / pixels);
    return (float) scale;
  }

  /**
   * A run of ink at least this long (in inches) is a ruling: longer than a stroke of a title's
   * character (an 二号 character, 22 pt, is 0.31 in), shorter than a table's narrowest column.
   */
  static final double RULING_INCHES = 0.6;

  /** Tesseract's page layout: one uniform block of lines of text. */
  static final String BLOCK = "6";

  /** Tesseract's page layout: its own analysis, with orientation detection. */
  static final String AUTOMATIC = "1";

  /** What Tesseract's orientation detection says to do: {@code Rotate: 90}. */
  private static final java.util.regex.Pattern ROTATE =
      java.util.regex.Pattern.compile("(?m)^Rotate:\\s*(\\d+)");

  /**
   * How many degrees clockwise a sideways page must turn to be upright, by Tesseract's orientation
   * and script detection ({@code --psm 0}: {@code Rotate: 90}), or null where it cannot tell (no
   * detection data installed, a timeout, a page with too little text).
   */
  Integer orientation(BufferedImage image) {
    Path png = null, said = null;
    try {
      png = Files.createTempFile("gongkai-osd-", ".png");
      said = Files.createTempFile("gongkai-osd-", ".txt");
      javax.imageio.ImageIO.write(image, "png", png.toFile());
      List<String> command =
          new ArrayList<>(
              List.of(tesseract.getTesseractPath() + "tesseract", png.toString(), "stdout"));
      // the detection data where Tika is told the language packs are
      String tessdata = tesseract.getTessdataPath();
      if (tessdata != null && !tessdata.isEmpty())
        command.addAll(List.of("--tessdata-dir", tessdata));
      command.addAll(List.of("--psm", "0"));
      Process p =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(said.toFile())
              .start();
      if (!p.waitFor(Math.max(1, config.pageTimeout().toSeconds()), TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return null;
      }
      String out = Files.readString(said, java.nio.charset.StandardCharsets.UTF_8);
      java.util.regex.Matcher m = ROTATE.matcher(out);
      if (p.exitValue() != 0 || !m.find()) return null;
      int turn = Integer.parseInt(m.group(1));
      return turn % 90 == 0 ? turn % 360 : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } finally {
      for (Path f : java.util.Arrays.asList(png, said))
        if (f != null)
          try {
            Files.deleteIfExists(f);
          } catch (IOException ignored) {
            // a temporary file left behind
          }
    }
  }

  private String ocr(BufferedImage image, int page, String layout) throws ExtractionException {
    TesseractOCRConfig tc = new TesseractOCRConfig();
    tc.setLanguage(config.language());
    tc.setPageSegMode(layout);
    long limit = Math.max(1, config.pageTimeout().toSeconds());
    // with the wrapper, the limit is Tesseract's processor time; Tika's clock only a backstop
    boolean cpuLimited = tesseract.getTesseractPath().contains(WRAPPER_PREFIX);
    tc.setTimeoutSeconds((int) (cpuLimited ? wallLimit(limit) : limit));
    // tesseract's own limit on the image file, well above any page the pixel cap lets through
    tc.setMaxFileSizeToOcr(Math.max(config.maxPixels() * 4, tc.getMaxFileSizeToOcr()));
    ParseContext context = new ParseContext();
    context.set(TesseractOCRConfig.class, tc);
    BodyContentHandler text = new BodyContentHandler(-1);
    Metadata metadata = new Metadata();
    metadata.set(Metadata.CONTENT_TYPE, "image/png");
    try {
      java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
      javax.imageio.ImageIO.write(image, "png", png);
      try (var in = org.apache.tika.io.TikaInputStream.get(png.toByteArray())) {
        tesseract.parse(in, text, metadata, context);
      }
    } catch (IOException | SAXException | TikaException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      // killed at its processor-time limit: SIGXCPU (128 + 24), or SIGKILL past the hard limit
      if (cpuLimited && why.matches("(?s).*bad exit value (152|137)\\b.*")) {
        throw new ExtractionException(
            "timed out: OCR of page "
                + (page + 1)
                + " took more than "
                + limit
                + " s of processor time",
            e);
      }
      if (why.toLowerCase(java.util.Locale.ROOT).contains("timeout")) {
        throw new ExtractionException(
            "timed out: OCR of page "
                + (page + 1)
                + " took longer than "
                + config.pageTimeout().toSeconds()
                + " s",
            e);
      }
      throw new ExtractionException("OCR failed on page " + (page + 1) + ": " + why, e);
    }
    return tidy(text.toString());
  }

  /**
   * Tesseract's Chinese output spaces every word apart ({@code 部 门 决算 ( 境 ) 费 : 3 .}): spaces next
   * to a Chinese character or a punctuation mark are dropped, so the text reads, and searches, as a
   * text layer would. Spaces between Latin words and numbers stay.
   */
  static String tidy(String ocr) {
    StringBuilder out = new StringBuilder(ocr.length());
    int n = ocr.length();
    for (int i = 0; i < n; i++) {
      char c = ocr.charAt(i);
      if (c == ' ' || c == '\u3000') {
        int j = i;
        while (j < n && (ocr.charAt(j) == ' ' || ocr.charAt(j) == '\u3000')) j++;
        char before = out.isEmpty() ? '\n' : out.charAt(out.length() - 1);
        char after = j < n ? ocr.charAt(j) : '\n';
        boolean lineEdge = before == '\n' || after == '\n';
        char beforeThat = out.length() < 2 ? '\n' : out.charAt(out.length() - 2);
        if (!lineEdge && !joins(beforeThat, before, after)) out.append(' ');
        i = j - 1;
      } else {
        out.append(c);
      }
    }
    return DECIMAL_COMMA.matcher(out).replaceAll(".");
  }

  private static boolean joins(char beforeThat, char before, char after) {
    if (cjk(before) || cjk(after)) return true;
    // a mark that closes Chinese text is a Chinese mark read as its ASCII look-alike
    if (".,:;)".indexOf(before) >= 0 && cjk(beforeThat)) return true;
    // a decimal point with a space after it (6. 87)
    if (before == '.' && isDigit(beforeThat) && isDigit(after)) return true;
    return ".,:;)]%".indexOf(after) >= 0 || "([".indexOf(before) >= 0;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * A comma between digits with one or two digits after it is a decimal point OCR misread ({@code
   * 150,2万元}, {@code 32,3%}): a thousands separator always has three.
   */
  private static final java.util.regex.Pattern DECIMAL_COMMA =
      java.util.regex.Pattern.compile("(?<=\\d),(?=\\d{1,2}(?!\\d))");

  /** A Chinese character, or a mark of CJK or full-width punctuation. */
  private static boolean cjk(char c) {
    Character.UnicodeScript script = Character.UnicodeScript.of(c);
    return script == Character.UnicodeScript.HAN
        || (c >= '\u3000' && c <= '\u303f')
        || (c >= '\uff00' && c <= '\uffef')
        || c == '\u201c'
        || c == '\u201d'
        || c == '\u2018'
        || c == '\u2019'
        || c == '\u2014'
        || c == '\u2026';
  }
}
