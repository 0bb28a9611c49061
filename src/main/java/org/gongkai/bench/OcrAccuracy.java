package org.gongkai.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.gongkai.extract.ExtractionException;
import org.gongkai.extract.TikaExtractor;
import org.gongkai.model.ExtractedText;

/**
 * How well OCR reads: pages of PDFs with a text layer are rendered to images at 300 dpi (a scan of
 * the same page), read back by OCR, and compared with the text layer.
 *
 * <p>Character accuracy is {@code 1 − edit distance / characters} over the page's text without
 * whitespace (the text layer's line breaks and OCR's are not the same thing); number recall is the
 * share of the text layer's numbers ({@code 465.38}, {@code 2024}) that OCR read exactly — the
 * figures a journalist compares.
 */
public final class OcrAccuracy {

  private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");
  private static final Pattern SPACE = Pattern.compile("\\s+");
  private static final int DPI = 300;

  private final TikaExtractor extractor;
  private final PrintWriter log;

  public OcrAccuracy(TikaExtractor extractor, PrintWriter log) {
    this.extractor = extractor;
    this.log = log;
  }

  /** One measured page. */
  record Page(
      String file, int page, int chars, int edits, int numbers, int numbersRead, double seconds) {}

  /**
   * Measures {@code pages} pages spread evenly over the PDFs (each page's place in its file), or
   * says why it cannot ({@code skipped}).
   */
  public ObjectNode measure(List<Path> pdfs, int pages, ObjectMapper json) throws IOException {
    ObjectNode out = json.createObjectNode();
    if (!extractor.ocrAvailable()) {
      out.put("skipped", TikaExtractor.NO_OCR);
      return out;
    }
    List<Path> files = new ArrayList<>();
    List<Integer> numbers = new ArrayList<>();
    Map<Path, List<String>> layers = new HashMap<>();
    for (Path pdf : pdfs) {
      List<String> layer;
      try {
        layer = List.of(extractor.extract(pdf).text().split("\f", -1));
      } catch (ExtractionException e) {
        log.println("ocr accuracy: " + pdf + " skipped: " + e.getMessage());
        continue;
      }
      layers.put(pdf, layer);
      for (int n = 1; n <= layer.size(); n++) {
        files.add(pdf);
        numbers.add(n);
      }
    }
    List<Page> measured = new ArrayList<>();
    int take = Math.min(pages, files.size());
    for (int i = 0; i < take; i++) {
      int k = (int) ((long) i * files.size() / take); // evenly spread
      Path pdf = files.get(k);
      int n = numbers.get(k);
      measured.add(page(pdf, n, layers.get(pdf).get(n - 1)));
    }
    long chars = 0, edits = 0, nums = 0, read = 0;
    double seconds = 0;
    ArrayNode each = out.putArray("pages");
    for (Page p : measured) {
      chars += p.chars();
      edits += p.edits();
      nums += p.numbers();
      read += p.numbersRead();
      seconds += p.seconds();
      ObjectNode o = each.addObject();
      o.put("file", p.file());
      o.put("page", p.page());
      o.put("chars", p.chars());
      o.put("charAccuracy", ratio(p.chars() - p.edits(), p.chars()));
      o.put("numberRecall", ratio(p.numbersRead(), p.numbers()));
      o.put("seconds", round(p.seconds()));
    }
    out.put("dpi", DPI);
    out.put("pagesMeasured", measured.size());
    out.put("chars", chars);
    out.put("charAccuracy", ratio(chars - edits, chars));
    out.put("numbers", nums);
    out.put("numberRecall", ratio(read, nums));
    out.put("secondsPerPage", measured.isEmpty() ? 0 : round(seconds / measured.size()));
    // a whole scan read as one file, as index reads it: its pages side by side
    Path longest = null;
    for (Map.Entry<Path, List<String>> e : layers.entrySet())
      if (longest == null
          || e.getValue().size() > layers.get(longest).size()
          || e.getValue().size() == layers.get(longest).size() && e.getKey().compareTo(longest) < 0)
        longest = e.getKey();
    if (longest != null && scanPages > 0) {
      ObjectNode scan =
          scan(longest, Math.min(scanPages, layers.get(longest).size()), layers, json);
      out.set("scan", scan);
      out.put("wallSecondsPerPage", scan.get("wallSecondsPerPage").asDouble());
    }
    return out;
  }

  /** Pages of a whole scan read as one file (the bench's default: 20). */
  private int scanPages = 20;

  /** Reads a scan of {@code pages} pages as one file; 0 skips it. */
  public OcrAccuracy scanPages(int pages) {
    this.scanPages = pages;
    return this;
  }

  /**
   * Pages 1..{@code pages} of {@code pdf}, all scanned, read as one file: the wall time per page,
   * and the accuracy of the whole against the text layer.
   */
  private ObjectNode scan(Path pdf, int pages, Map<Path, List<String>> layers, ObjectMapper json)
      throws IOException {
    byte[] scanned = Scans.allScanned(pdf, 1, pages, DPI);
    Path tmp = Files.createTempFile("gongkai-ocr-scan-", ".pdf");
    ObjectNode out = json.createObjectNode();
    try {
      Files.write(tmp, scanned);
      log.printf("  ocr: a %d-page scan of %s read as one file …%n", pages, pdf.getFileName());
      log.flush();
      long t0 = System.nanoTime();
      String[] read;
      try {
        read = extractor.extract(tmp).text().split("\f", -1);
      } catch (ExtractionException e) {
        read = new String[0];
        out.put("failed", e.getMessage());
      }
      double wall = (System.nanoTime() - t0) / 1e9;
      long chars = 0, edits = 0, nums = 0, numsRead = 0;
      for (int p = 0; p < pages; p++) {
        String truth = SPACE.matcher(layers.get(pdf).get(p)).replaceAll("");
        String ocr = p < read.length ? SPACE.matcher(read[p]).replaceAll("") : "";
        chars += truth.length();
        edits +=
            Math.min(truth.length(), LevenshteinDistance.getDefaultInstance().apply(truth, ocr));
        Map<String, Integer> found = counts(ocr);
        for (Map.Entry<String, Integer> e : counts(truth).entrySet()) {
          nums += e.getValue();
          numsRead += Math.min(e.getValue(), found.getOrDefault(e.getKey(), 0));
        }
      }
      out.put("file", pdf.getFileName().toString());
      out.put("pages", pages);
      out.put("cores", Runtime.getRuntime().availableProcessors());
      out.put("wallSeconds", round(wall));
      out.put("wallSecondsPerPage", round(wall / pages));
      out.put("chars", chars);
      out.put("charAccuracy", ratio(chars - edits, chars));
      out.put("numbers", nums);
      out.put("numberRecall", ratio(numsRead, nums));
      log.printf(
          "  ocr scan: %d pages in %.1f s (%.2f s a page), characters %.4f, numbers %.4f%n",
          pages, wall, wall / pages, ratio(chars - edits, chars), ratio(numsRead, nums));
      log.flush();
      return out;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private Page page(Path pdf, int n, String layer) throws IOException {
    byte[] scan = Scans.allScanned(pdf, n, n, DPI);
    Path tmp = Files.createTempFile("gongkai-ocr-", ".pdf");
    try {
      Files.write(tmp, scan);
      long t0 = System.nanoTime();
      String ocr;
      try {
        ExtractedText t = extractor.extract(tmp);
        ocr = t.text();
      } catch (ExtractionException e) {
        ocr = ""; // nothing read: every character is an edit
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      String truth = SPACE.matcher(layer).replaceAll("");
      String read = SPACE.matcher(ocr).replaceAll("");
      int edits = LevenshteinDistance.getDefaultInstance().apply(truth, read);
      Map<String, Integer> found = counts(read);
      int numbers = 0, numbersRead = 0;
      for (Map.Entry<String, Integer> e : counts(truth).entrySet()) {
        numbers += e.getValue();
        numbersRead += Math.min(e.getValue(), found.getOrDefault(e.getKey(), 0));
      }
      log.printf(
          "  ocr %s p.%d: %d chars, %d edits, numbers %d/%d, %.1f s%n",
          pdf.getFileName(), n, truth.length(), edits, numbersRead, numbers, seconds);
      log.flush();
      return new Page(
          pdf.getFileName().toString(),
          n,
          truth.length(),
          Math.min(edits, truth.length()),
          numbers,
          numbersRead,
          seconds);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static Map<String, Integer> counts(String text) {
    Map<String, Integer> out = new HashMap<>();
    Matcher m = NUMBER.matcher(text);
    while (m.find()) out.merge(m.group(), 1, Integer::sum);
    return out;
  }

  private static double ratio(long part, long whole) {
    return whole == 0 ? 1.0 : Math.round(part * 10000.0 / whole) / 10000.0;
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
