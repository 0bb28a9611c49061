package org.gongkai.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.extractor.ParsingEmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.ContentHandlerDecorator;
import org.apache.tika.sax.WriteOutContentHandler;
import org.gongkai.config.ExtractConfig;
import org.gongkai.model.ExtractedText;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Turns one disclosure file (PDF, DOCX, DOC, XLS, XLSX, WPS, ET, HTML, TXT, OFD) into raw text with
 * Apache Tika (OFD with ofdrw, see {@link OfdText}), or says in one line why it cannot.
 *
 * <p>Plain text is decoded by {@link TextDecoder}; HTML is cut to its main content first. For PDFs
 * a form feed marks each page break so the cleaner can recognise page numbers at page edges.
 */
public final class TikaExtractor {

  private final ExtractConfig config;
  private final AutoDetectParser parser = new AutoDetectParser();
  private final TextDecoder decoder = new TextDecoder();
  private final PdfOcr ocr;

  public TikaExtractor(ExtractConfig config) {
    this.config = config;
    this.ocr = new PdfOcr(config.ocr());
  }

  public ExtractConfig config() {
    return config;
  }

  /** Whether scanned PDF pages can be read here (Tesseract and its language packs installed). */
  public boolean ocrAvailable() {
    return ocr.available();
  }

  public ExtractedText extract(Path file) throws ExtractionException {
    return extract(file, read(file));
  }

  /**
   * The file's bytes, read once; a file that is empty or over the size limit is refused by its size
   * before any of it is read.
   */
  public byte[] read(Path file) throws ExtractionException {
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new ExtractionException("cannot read file: " + e.getMessage(), e);
    }
    if (size == 0) throw new ExtractionException("empty file (0 bytes)");
    if (size > config.maxFileBytes()) {
      throw new ExtractionException(
          "file too large: "
              + (size >> 20)
              + " MB (limit "
              + (config.maxFileBytes() >> 20)
              + " MB)");
    }
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ExtractionException("cannot read file: " + e.getMessage(), e);
    }
  }

  /**
   * Extracts the text of {@code bytes}, the content of {@code file} (whose name helps detection).
   */
  public ExtractedText extract(Path file, byte[] bytes) throws ExtractionException {
    if (bytes.length == 0) throw new ExtractionException("empty file (0 bytes)");
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    // content first: a file name must not make random bytes look like a PDF
    MediaType type =
        TextDecoder.utf16WithoutBom(bytes) != null ? MediaType.TEXT_PLAIN : detect(bytes, null);
    // the name refines what the content says; a .txt name adds nothing to plain text (and each
    // detection reads every magic pattern: a twentieth of ingest time on text files)
    boolean settled =
        name.endsWith(".txt") && type.equals(MediaType.TEXT_PLAIN)
            // a name that says what the content already does adds nothing either
            || name.endsWith(".pdf") && type.toString().equals("application/pdf");
    if (!settled && (!isBinaryType(type) || name.endsWith(".txt")))
      type = detect(bytes, file.getFileName().toString());
    boolean zipped = ARCHIVE_TYPES.contains(type.toString());
    if (name.endsWith(".ofd") || zipped && OfdText.isOfd(bytes)) {
      return readOfd(bytes);
    }
    String kingsoft = notReadableAsOffice(name, type);
    if (kingsoft != null) throw new ExtractionException(kingsoft);
    if (Archives.isArchive(name) || zipped) {
      throw new ExtractionException(
          "an archive: index reads each file in it as its own document (inspect one as"
              + " ARCHIVE!/PATH)");
    }
    ExtractedText result;
    if (type.getType().equals("text") && !isHtml(type)
        || name.endsWith(".txt") && !isBinaryType(type)) {
      TextDecoder.Decoded decoded = decoder.decode(bytes);
      // the same limit Tika's writer applies to every other format
      if (decoded.text().length() > config.maxChars()) {
        throw new ExtractionException(
            "text too long: more than " + config.maxChars() + " characters");
      }
      result =
          new ExtractedText(
              decoded.text(),
              "text/plain; charset=" + decoded.charset().name(),
              Map.of("contentType", "text/plain", "charset", decoded.charset().name()));
    } else if (isHtml(type)) {
      HtmlMainContent.Selected page = HtmlMainContent.split(decodeHtml(bytes));
      result = parse(page.html().getBytes(StandardCharsets.UTF_8), "text/html");
      Map<String, String> meta = new LinkedHashMap<>(result.metadata());
      if (!page.chrome().isBlank()) meta.put("pageChrome", page.chrome());
      // the files a page links to: a page that only offers its report for download names them
      if (!page.attachments().isEmpty())
        meta.put("attachments", String.join("\n", page.attachments()));
      // what the page is made of, and what it lists: its role is decided from these
      meta.put("pageShape", page.shape().encode());
      // where the page was saved from, as it records it: a citation names it
      if (page.sourceUrl() != null) meta.put("sourceUrl", page.sourceUrl());
      if (!page.entries().isEmpty()) {
        StringBuilder lines = new StringBuilder();
        for (org.gongkai.model.ListedEntry e : page.entries())
          lines.append(e.encode()).append('\n');
        meta.put("listEntries", lines.toString());
      }
      result = new ExtractedText(result.text(), result.mediaType(), meta);
      if (result.text().isBlank()) throw ExtractionException.ofEmptyPage();
    } else if (isBinaryType(type)) {
      String claimed = claimedType(name);
      throw new ExtractionException(
          claimed == null
              ? "unsupported or unrecognised file type (content is not a document Gongkai reads)"
              : "not a real " + claimed + " file: its content is unrecognised binary data");
    } else if (type.getSubtype().equals("pdf")) {
      result = withPrintedPages(readScannedPages(bytes, readPdf(bytes, type.toString())));
    } else {
      result = parse(bytes, type.toString());
    }
    if (result.text().isBlank()) throw new ExtractionException("no text found in the file");
    return result;
  }

  /**
   * A PDF's text with the page numbers its pages print ({@code printedPages}), where they agree.
   */
  private static ExtractedText withPrintedPages(ExtractedText pdf) {
    int[] printed = PrintedPages.of(pdf.text());
    if (printed == null) return pdf;
    Map<String, String> meta = new LinkedHashMap<>(pdf.metadata());
    meta.put("printedPages", PrintedPages.encode(printed));
    return new ExtractedText(pdf.text(), pdf.mediaType(), meta, pdf.ocr());
  }

  /** The media type of OFD files (GB/T 33190), which Tika does not know. */
  public static final String OFD_TYPE = "application/ofd";

  /**
   * Why a WPS Office file cannot be read, or null when it can. WPS writes {@code .wps} and {@code
   * .et} in Word's and Excel's binary formats, and those are read as such (by their content, not
   * their name); older Kingsoft formats, and Microsoft Works files that share the {@code .wps}
   * name, are not, and say so.
   */
  private static String notReadableAsOffice(String name, MediaType type) {
    String t = type.toString();
    boolean unreadable =
        isBinaryType(type)
            || t.equals("application/vnd.ms-works")
            || t.equals("application/x-tika-msoffice");
    if (!unreadable) return null;
    if (name.endsWith(".wps")) {
      return "a WPS document not in Word's format (an older Kingsoft WPS or a Microsoft Works"
          + " file): save it from WPS Office as .docx or .pdf";
    }
    if (name.endsWith(".et")) {
      return "a WPS spreadsheet not in Excel's format (an older Kingsoft ET file): save it from WPS"
          + " Office as .xlsx or .pdf";
    }
    if (!isBinaryType(type)) {
      return "an Office file of a kind Gongkai cannot read ("
          + (t.equals("application/vnd.ms-works") ? "Microsoft Works" : "an unknown OLE2 file")
          + "): save it as .docx, .xlsx or .pdf";
    }
    return null;
  }

  /** Why a PDF without a text layer cannot be read here. */
  public static final String NO_OCR =
      "no text layer (install tesseract-ocr and tesseract-ocr-chi-sim to read scans)";

  /**
   * The PDF's pages without a text layer that show an image (scans) are read by OCR and take the
   * place of their empty text; the result says which pages they were.
   */
  private ExtractedText readScannedPages(byte[] bytes, ExtractedText parsed)
      throws ExtractionException {
    List<String> pages = List.of(parsed.text().split("\f", -1));
    long t0 = System.nanoTime();
    PdfOcr.Pages read = ocr.read(bytes, pages);
    if (read.scanned().isEmpty()) {
      if (parsed.text().isBlank())
        throw new ExtractionException("no text layer, and no scanned image on any page");
      return parsed;
    }
    if (!ocr.available()) {
      if (parsed.text().isBlank()) throw new ExtractionException(NO_OCR);
      return parsed; // the pages with text are read; the scanned ones wait for Tesseract
    }
    String text = String.join("\f", read.texts());
    if (text.isBlank())
      throw new ExtractionException("no text layer, and OCR found no text on the scanned pages");
    if (text.length() > config.maxChars()) {
      throw new ExtractionException(
          "text too long: more than " + config.maxChars() + " characters");
    }
    Map<String, String> meta = new LinkedHashMap<>(parsed.metadata());
    List<Integer> numbers = read.scanned().stream().map(p -> p + 1).toList();
    return new ExtractedText(
        text,
        parsed.mediaType(),
        meta,
        new ExtractedText.Ocr(
            numbers, pages.size(), java.time.Duration.ofNanos(System.nanoTime() - t0)));
  }

  private static final java.util.Set<String> ARCHIVE_TYPES =
      java.util.Set.of(
          "application/zip",
          "application/x-7z-compressed",
          "application/x-rar-compressed",
          "application/vnd.rar");

  private MediaType detect(byte[] bytes, String name) {
    // a PDF's header opens the file: Tika's magic says application/pdf of it (all 188 PDFs of the
    // shared corpora), after trying every other pattern first — a twentieth of a benchmark's ingest
    if (name == null && startsWith(bytes, PDF_HEADER)) return PDF;
    Metadata m = new Metadata();
    if (name != null) m.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
    try (InputStream in = TikaInputStream.get(bytes)) {
      return parser.getDetector().detect(in, m);
    } catch (IOException e) {
      return MediaType.OCTET_STREAM;
    }
  }

  private static final byte[] PDF_HEADER = {'%', 'P', 'D', 'F', '-'};
  private static final MediaType PDF = MediaType.application("pdf");

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    if (bytes.length < prefix.length) return false;
    for (int i = 0; i < prefix.length; i++) if (bytes[i] != prefix[i]) return false;
    return true;
  }

  private static boolean isHtml(MediaType t) {
    return t.getSubtype().equals("html") || t.getSubtype().equals("xhtml+xml");
  }

  private static boolean isBinaryType(MediaType t) {
    return t.equals(MediaType.OCTET_STREAM);
  }

  private static String claimedType(String name) {
    int dot = name.lastIndexOf('.');
    if (dot < 0) return null;
    String ext = name.substring(dot + 1);
    return switch (ext) {
      case "pdf", "docx", "doc", "xls", "xlsx", "html", "htm", "ofd" ->
          ext.toUpperCase(java.util.Locale.ROOT);
      default -> null;
    };
  }

  /**
   * A page's declared charset ({@code <meta charset="gb2312">}, {@code content="…;
   * charset=utf-8"}).
   */
  private static final java.util.regex.Pattern DECLARED_CHARSET =
      java.util.regex.Pattern.compile("(?i)charset\\s*=\\s*[\"']?([\\w-]+)");

  /**
   * HTML: bytes that are valid UTF-8 are UTF-8, whatever the page declares (a page a crawler saved
   * as UTF-8 keeps its {@code charset=gb2312}). Else the declared charset, or a wider one of its
   * family (GB2312 → GB18030, Big5 → Big5-HKSCS, CP950), where the bytes are valid in it; a page
   * declared UTF-8 that is valid GB18030 is GBK. Else the declared charset as it reads, a stray
   * byte costing one character; with none declared, the same order as plain text. UTF-16 and
   * UTF-32, declared, are honoured as they are.
   */
  private String decodeHtml(byte[] bytes) throws ExtractionException {
    String head = new String(bytes, 0, Math.min(bytes.length, 2048), StandardCharsets.ISO_8859_1);
    var m = DECLARED_CHARSET.matcher(head);
    java.nio.charset.Charset declared = null;
    if (m.find()) {
      try {
        declared = java.nio.charset.Charset.forName(m.group(1));
      } catch (IllegalArgumentException unknownCharset) {
        // decoded by content below
      }
    }
    if (declared == null) return decoder.decode(bytes).text();
    String name = declared.name();
    if (name.startsWith("UTF-") && !name.equals("UTF-8")) return new String(bytes, declared);
    var utf8 = TextDecoder.strict(bytes, StandardCharsets.UTF_8);
    if (utf8.isPresent()) return utf8.get();
    List<String> family = new java.util.ArrayList<>(List.of(name));
    if (name.equals("UTF-8")) family.add("GB18030");
    else if (name.equals("GB2312") || name.equals("GBK") || name.equals("x-EUC-CN"))
      family.add("GB18030");
    else if (name.equals("Big5")) family.addAll(List.of("Big5-HKSCS", "x-windows-950"));
    for (String cs : family) {
      if (!java.nio.charset.Charset.isSupported(cs)) continue;
      var strict = TextDecoder.strict(bytes, java.nio.charset.Charset.forName(cs));
      if (strict.isPresent()) return strict.get();
    }
    return new String(bytes, declared);
  }

  /** A Word file's grid and recorded page breaks, the .docx opened once by POI for both. */
  private record WordLayout(List<List<int[]>> grids, DocxPageBreaks breaks) {
    static WordLayout of(byte[] bytes, String mediaType) {
      if (!mediaType.startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml"))
        return new WordLayout(WordGrids.of(bytes, mediaType), null);
      try (var doc =
          new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(bytes))) {
        return new WordLayout(WordGrids.docx(doc), DocxPageBreaks.of(doc));
      } catch (Exception | LinkageError | StackOverflowError unreadable) {
        // POI builds nested tables recursively: thousands of them overflow the stack here; the
        // stack is unwound by now, and Tika's parse refuses such a file with its own reason
        return new WordLayout(null, null); // Tika reads it all the same, with its own cells
      }
    }
  }

  private ExtractedText parse(byte[] bytes, String mediaType) throws ExtractionException {
    return parse(bytes, mediaType, false);
  }

  /**
   * Tika's parse; with {@code metadataOnly} it stops where the first page's text would begin: the
   * file is opened and its metadata read (or the file refused), no text is read.
   */
  private ExtractedText parse(byte[] bytes, String mediaType, boolean metadataOnly)
      throws ExtractionException {
    if (mediaType.startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml")
        && DocxDepth.tooDeep(bytes)) {
      // before POI, whose overflow in a JVM-wide lock would stop every later .docx
      throw new ExtractionException(
          "refused: elements nested more than " + DocxDepth.MAX_DEPTH + " levels deep");
    }
    StringWriter out = new StringWriter();
    WriteOutContentHandler limited = new WriteOutContentHandler(out, config.maxChars());
    WordLayout layout = metadataOnly ? new WordLayout(null, null) : WordLayout.of(bytes, mediaType);
    ContentHandler handler =
        metadataOnly
            ? new StopAtFirstPage()
            : new BodyContentHandler(
                new PageBreaks(new TableRows(limited, layout.grids(), layout.breaks())));
    Metadata metadata = new Metadata();
    metadata.set(Metadata.CONTENT_TYPE, mediaType);
    ParseContext context = new ParseContext();
    // no OCR inside Tika's parse: images embedded in documents are not read, and scanned PDF pages
    // are read afterwards by PdfOcr, page by page with their own limits
    TesseractOCRConfig noOcr = new TesseractOCRConfig();
    noOcr.setSkipOcr(true);
    context.set(TesseractOCRConfig.class, noOcr);
    // Tika's HTML mapping drops a cell's colspan and rowspan; TableRows needs them to keep
    // columns in place under merged headers
    context.set(
        org.apache.tika.parser.html.HtmlMapper.class,
        new org.apache.tika.parser.html.DefaultHtmlMapper() {
          @Override
          public String mapSafeAttribute(String element, String attribute) {
            if ((element.equalsIgnoreCase("td") || element.equalsIgnoreCase("th"))
                && (attribute.equalsIgnoreCase("colspan") || attribute.equalsIgnoreCase("rowspan")))
              return attribute.toLowerCase(java.util.Locale.ROOT);
            return super.mapSafeAttribute(element, attribute);
          }
        });
    PDFParserConfig pdf = new PDFParserConfig();
    pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
    context.set(PDFParserConfig.class, pdf);
    if (isSpreadsheet(mediaType)) {
      // a sheet's print header and footer are layout codes (&C&"Arial"&12&P), not the report's
      // words
      OfficeParserConfig office = new OfficeParserConfig();
      office.setIncludeHeadersAndFooters(false);
      context.set(OfficeParserConfig.class, office);
    }
    if (!mediaType.equals("application/pdf")) {
      // PDFBox's image and OCR handling needs Tika's own extractor; PDFs rarely embed documents
      context.set(
          EmbeddedDocumentExtractor.class,
          new LimitedEmbedded(context, config.maxEmbeddedDepth(), config.maxEmbedded()));
    }
    try (InputStream in = TikaInputStream.get(bytes)) {
      try {
        parseWithTimeout(in, handler, metadata, context);
      } catch (SAXException | TikaException | IOException | RuntimeException e) {
        if (!metadataOnly || !StopAtFirstPage.stopped(e)) throw e;
      }
    } catch (EncryptedDocumentException e) {
      throw new ExtractionException("encrypted (password-protected) document", e);
    } catch (SAXException e) {
      if (WriteLimitReachedException.isWriteLimitReached(e)) {
        throw new ExtractionException(
            "text too long: more than " + config.maxChars() + " characters", e);
      }
      throw new ExtractionException(
          "cannot parse " + describe(mediaType) + ": " + rootMessage(e), e);
    } catch (TikaException | IOException | RuntimeException e) {
      if (rootCause(e) instanceof OutOfMemoryError oom) throw fatal(oom);
      String root = rootMessage(e).toLowerCase(java.util.Locale.ROOT);
      if (rootCause(e) instanceof EncryptedDocumentException || root.contains("password")) {
        throw new ExtractionException("encrypted (password-protected) document", e);
      }
      // Tika's guard against deep nesting reports itself as a zip bomb; say what it is
      Matcher nesting =
          java.util.regex.Pattern.compile("(\\d+) levels of xml element nesting").matcher(root);
      if (nesting.find()) {
        throw new ExtractionException(
            "refused: elements nested more than " + nesting.group(1) + " levels deep", e);
      }
      // POI's guards against decompression bombs: the inflate ratio check and the record size cap
      if (root.contains("zip bomb")
          || root.contains("maximum length for this record type")
          || root.contains("inflate ratio")) {
        throw new ExtractionException(
            "refused: it would unpack to an implausible size (a zip bomb?)", e);
      }
      throw new ExtractionException(
          "cannot parse " + describe(mediaType) + " (corrupt or truncated?): " + rootMessage(e), e);
    }
    return new ExtractedText(out.toString(), mediaType, usefulMetadata(metadata, mediaType));
  }

  /**
   * Parses on a worker thread and gives up after the configured time: Tika has no time limit of its
   * own, and a pathological file must cost one file, not the run. The worker is interrupted; a
   * parser that ignores interrupts finishes in the background, on a daemon thread.
   */
  private void parseWithTimeout(
      InputStream in, ContentHandler handler, Metadata metadata, ParseContext context)
      throws IOException, SAXException, TikaException, ExtractionException {
    // parsers never look at a thread's interrupt: past the time limit, the parse is stopped where
    // it reads its input or writes its text, so it does not run on (and hold its memory) behind
    // the next files
    java.util.concurrent.atomic.AtomicBoolean stop =
        new java.util.concurrent.atomic.AtomicBoolean();
    InputStream stoppable = new Stopping.Input(in, stop);
    ContentHandler stopping = new Stopping.Handler(handler, stop);
    try {
      await(
          () -> {
            parser.parse(stoppable, stopping, metadata, context);
            return null;
          },
          () -> stop.set(true));
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) throw io;
      if (cause instanceof SAXException sax) throw sax;
      if (cause instanceof TikaException tika) throw tika;
      if (cause instanceof RuntimeException rt) throw rt;
      throw fatal(cause);
    }
  }

  /**
   * Runs {@code work} on a worker thread and waits at most the parse time limit: past it the worker
   * is interrupted and the file reported as timed out. The work's own failure is the cause of the
   * {@link ExecutionException}.
   */
  private <T> T await(java.util.concurrent.Callable<T> work)
      throws ExtractionException, ExecutionException {
    return await(work, () -> {});
  }

  /** The same; {@code stop} tells the work to stop when the time is up. */
  private <T> T await(java.util.concurrent.Callable<T> work, Runnable stop)
      throws ExtractionException, ExecutionException {
    Future<T> task = WORKERS.submit(work);
    try {
      return task.get(config.parseTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      stop.run();
      task.cancel(true);
      long ms = config.parseTimeout().toMillis();
      throw new ExtractionException(
          "timed out: parsing took longer than " + (ms >= 1000 ? ms / 1000 + " s" : ms + " ms"), e);
    } catch (InterruptedException e) {
      task.cancel(true);
      Thread.currentThread().interrupt();
      throw new ExtractionException("interrupted", e);
    }
  }

  /** Why a parse that died of an error (not an exception) failed. */
  private static ExtractionException fatal(Throwable cause) {
    if (cause instanceof StackOverflowError)
      return new ExtractionException("too deeply nested to parse", cause);
    if (cause instanceof OutOfMemoryError)
      return new ExtractionException("too large to parse in memory", cause);
    throw new IllegalStateException(cause);
  }

  /**
   * A PDF: Tika opens it and reads its metadata (refusing it as encrypted or damaged as it refuses
   * any file), and {@link PdfTableText} reads its text, tables as rows of cells. Tika's own text of
   * the pages was read as well and then thrown away wherever PdfTableText read a page: a third of a
   * PDF's reading time on a real crawl. It is read now only when PdfTableText leaves a page empty
   * (a scan, a page of form fields) or counts other pages than Tika, and then combined with it as
   * {@link #withTables} says; on the 101 PDFs of the development corpora that never happened.
   */
  private ExtractedText readPdf(byte[] bytes, String mediaType) throws ExtractionException {
    ExtractedText opened = parse(bytes, mediaType, true);
    String[] placed = timed(() -> PdfTableText.read(bytes), "PDF").split("\f", -1);
    boolean allRead =
        Integer.toString(placed.length).equals(opened.metadata().get("pages"))
            && java.util.Arrays.stream(placed).noneMatch(String::isBlank);
    if (!allRead) return withTables(parse(bytes, mediaType), placed);
    String text = String.join("\f", placed);
    if (text.length() > config.maxChars()) {
      throw new ExtractionException(
          "text too long: more than " + config.maxChars() + " characters");
    }
    return new ExtractedText(text, opened.mediaType(), opened.metadata());
  }

  /**
   * The PDF's text with its tables as rows of cells ({@link PdfTableText}) in place of Tika's, page
   * by page; a page it reads as empty keeps Tika's text, and Tika's text stays whole if the two do
   * not agree on the pages.
   */
  private ExtractedText withTables(ExtractedText parsed, String[] placed)
      throws ExtractionException {
    String[] tika = parsed.text().split("\f", -1);
    if (placed.length != tika.length) return parsed;
    StringBuilder text = new StringBuilder();
    for (int p = 0; p < tika.length; p++) {
      if (p > 0) text.append('\f');
      text.append(placed[p].isBlank() ? tika[p] : placed[p]);
    }
    if (text.length() > config.maxChars()) {
      throw new ExtractionException(
          "text too long: more than " + config.maxChars() + " characters");
    }
    return new ExtractedText(text.toString(), parsed.mediaType(), parsed.metadata());
  }

  /** An OFD, read on a worker thread under the same time limit as a Tika parse. */
  private ExtractedText readOfd(byte[] bytes) throws ExtractionException {
    return timed(() -> OfdText.read(bytes, config), "OFD");
  }

  /** Work on a worker thread under the same time limit as a Tika parse. */
  private <T> T timed(java.util.concurrent.Callable<T> work, String format)
      throws ExtractionException {
    try {
      return await(work);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof ExtractionException x) throw x;
      if (cause instanceof StackOverflowError || cause instanceof OutOfMemoryError)
        throw fatal(cause);
      throw new ExtractionException(
          "cannot parse " + format + " (corrupt or truncated?): " + rootMessage(cause), cause);
    }
  }

  private static final java.util.concurrent.ExecutorService WORKERS =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "tika-parse");
            t.setDaemon(true);
            return t;
          });

  /** Reads embedded documents (a sheet inside a DOCX) only so deep and only so many. */
  private static final class LimitedEmbedded extends ParsingEmbeddedDocumentExtractor {
    private final int maxDepth;
    private final int maxCount;
    private int depth;
    private int count;

    LimitedEmbedded(ParseContext context, int maxDepth, int maxCount) {
      super(context);
      this.maxDepth = maxDepth;
      this.maxCount = maxCount;
    }

    @Override
    public boolean shouldParseEmbedded(Metadata metadata) {
      return depth < maxDepth && count < maxCount && super.shouldParseEmbedded(metadata);
    }

    @Override
    public void parseEmbedded(
        InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
        throws SAXException, IOException {
      count++;
      depth++;
      try {
        super.parseEmbedded(stream, handler, metadata, outputHtml);
      } finally {
        depth--;
      }
    }
  }

  private static boolean isSpreadsheet(String mediaType) {
    return mediaType.equals("application/vnd.ms-excel")
        || mediaType.startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml")
        || mediaType.equals("application/vnd.oasis.opendocument.spreadsheet");
  }

  private static String describe(String mediaType) {
    return switch (mediaType) {
      case "application/pdf" -> "PDF";
      case "application/vnd.openxmlformats-officedocument.wordprocessingml.document" -> "DOCX";
      case "application/msword" -> "DOC";
      case "application/vnd.ms-excel" -> "XLS";
      case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" -> "XLSX";
      case "text/html" -> "HTML";
      default -> mediaType;
    };
  }

  private static Map<String, String> usefulMetadata(Metadata m, String mediaType) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("contentType", mediaType);
    put(out, "title", declaredTitle(m.get(TikaCoreProperties.TITLE)));
    put(out, "author", m.get(TikaCoreProperties.CREATOR));
    put(out, "created", m.get(TikaCoreProperties.CREATED));
    put(out, "modified", m.get(TikaCoreProperties.MODIFIED));
    put(out, "pages", m.get("xmpTPg:NPages"));
    return out;
  }

  /**
   * A declared title as text. Some PDF writers store a Chinese title as the hex of its GBK bytes in
   * angle brackets ({@code <BDADCBD5...>}); that is decoded, and a file name's extension dropped.
   */
  static String declaredTitle(String title) {
    if (title == null) return null;
    String t = title.strip();
    if (t.matches("<(?:[0-9A-Fa-f]{2})+>")) {
      byte[] bytes = java.util.HexFormat.of().parseHex(t.substring(1, t.length() - 1));
      try {
        t =
            java.nio.charset.Charset.forName("GB18030")
                .newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .decode(java.nio.ByteBuffer.wrap(bytes))
                .toString();
      } catch (java.nio.charset.CharacterCodingException notGbk) {
        return title;
      }
      t = t.replaceFirst("^Microsoft Word - ", "");
    }
    return t.replaceFirst("\\.(?i:xlsx?|docx?|pdf|wps|et)$", "");
  }

  private static void put(Map<String, String> out, String key, String value) {
    if (value != null && !value.isBlank()) out.put(key, value.strip());
  }

  private static Throwable rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) t = t.getCause();
    return t;
  }

  static String rootMessage(Throwable e) {
    Throwable root = rootCause(e);
    String msg = root.getMessage();
    return msg == null ? root.getClass().getSimpleName() : msg.lines().findFirst().orElse(msg);
  }

  /** Stops a parse where the first page begins (Tika marks pages as div.page). */
  private static final class StopAtFirstPage extends org.xml.sax.helpers.DefaultHandler {
    private static final class Stop extends SAXException {
      Stop() {
        super("stopped at the first page: only the metadata was asked for");
      }
    }

    @Override
    public void startElement(String uri, String local, String name, Attributes atts)
        throws SAXException {
      if ("div".equals(local) && "page".equals(atts.getValue("class"))) throw new Stop();
    }

    /** The parse failed because it was stopped here, not because of the file. */
    static boolean stopped(Throwable e) {
      for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause())
        if (t instanceof Stop) return true;
      return false;
    }
  }

  /** Writes a form feed before every PDF page but the first (Tika marks pages as div.page). */
  private static final class PageBreaks extends ContentHandlerDecorator {
    private boolean seenPage;

    PageBreaks(ContentHandler out) {
      super(out);
    }

    @Override
    public void startElement(String uri, String local, String name, Attributes atts)
        throws SAXException {
      if ("div".equals(local) && "page".equals(atts.getValue("class"))) {
        if (seenPage) super.characters(new char[] {'\f'}, 0, 1);
        seenPage = true;
      }
      super.startElement(uri, local, name, atts);
    }
  }
}
