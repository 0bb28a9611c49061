package org.gongkai.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.gongkai.TestSupport;
import org.gongkai.bench.Scans;
import org.gongkai.config.ExtractConfig;
import org.gongkai.config.OcrConfig;
import org.gongkai.model.DisclosureDocument;
import org.gongkai.model.ExtractedText;
import org.gongkai.model.IndicatorValue;
import org.gongkai.model.IngestedDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scanned PDFs: pages without a text layer are read by Tesseract (installed by {@code .ci/run}),
 * and what OCR read goes through the same cleaning, sections, metadata and figures as a text layer.
 * The scans are made here from the bundled 汉阳区 report: its pages rendered to images at 300 dpi.
 */
class OcrTest {

  static final Path HANYANG = TestSupport.CORPUS.resolve("formats/000_988c7a9063883e3f.pdf");

  @TempDir static Path dir;

  static Path scan;
  static IngestedDocument scanned;

  @BeforeAll
  static void readTheScan() throws Exception {
    assertTrue(
        new TikaExtractor(ExtractConfig.defaults()).ocrAvailable(),
        "OCR tests need tesseract-ocr and tesseract-ocr-chi-sim (.ci/run installs them)");
    scan = dir.resolve("汉阳区总工会决算-扫描件.pdf");
    Files.write(scan, Scans.allScanned(HANYANG, 1, 3, 300));
    scanned = TestSupport.ingestor().ingest(scan);
  }

  @Test
  void aScannedReportGetsItsMetadataFromOcr() {
    DisclosureDocument d = scanned.document();
    assertEquals(List.of(1, 2, 3), d.ocr().pages());
    assertEquals(3, d.ocr().pageCount());
    assertEquals("武汉市汉阳区总工会2024年度部门决算", d.title()); // OCR's spacing is tidied
    assertEquals("武汉市汉阳区总工会", d.issuer());
    assertEquals("部门决算", d.kind().label());
    assertEquals(2024, d.year());
    assertEquals("420105", d.region().region().code());
  }

  @Test
  void keyPhrasesOfTheScanAreInTheText() {
    String text = scanned.document().text();
    for (String phrase : List.of("部门主要职责", "收入支出决算总体情况说明", "收入决算情况说明", "支出决算情况说明", "全心全意依靠工人阶级"))
      assertTrue(text.contains(phrase), phrase);
  }

  @Test
  void headlineTotalsOfTheScanAreReadAsFromTheTextLayer() throws Exception {
    assertEquals(HANYANG_HEADLINES, headlines(scanned));
    Path original = dir.resolve("original.pdf");
    Files.write(original, Scans.of(HANYANG, 1, 3, Set.of(), 300));
    assertEquals(headlines(TestSupport.ingestor().ingest(original)), headlines(scanned));
  }

  /** The headline figures of the 汉阳区 pages, as their text layer gives them (JpxScanTest too). */
  static final Map<String, String> HANYANG_HEADLINES =
      Collections.unmodifiableSortedMap(
          new TreeMap<>(
              Map.of(
                  "收支总计", "465.38万元",
                  "收入合计", "465.38万元",
                  "财政拨款收入", "465.38万元",
                  "支出合计", "465.38万元",
                  "基本支出", "315.18万元",
                  "一般公共预算财政拨款支出", "465.38万元",
                  "项目支出", "150.2万元")));

  static Map<String, String> headlines(IngestedDocument d) {
    Map<String, String> out = new TreeMap<>();
    for (IndicatorValue v : d.figures()) if (v.headline()) out.put(v.name(), v.valueWan() + "万元");
    return out;
  }

  @Test
  void onlyThePagesWithoutATextLayerAreReadByOcr() throws Exception {
    Path mixed = dir.resolve("mixed.pdf");
    Files.write(mixed, Scans.of(HANYANG, 1, 3, Set.of(2), 300));
    ExtractedText t = new TikaExtractor(ExtractConfig.defaults()).extract(mixed);
    assertEquals(List.of(2), t.ocr().pages());
    assertEquals(3, t.ocr().pageCount());
    String[] pages = t.text().split("\f", -1);
    assertEquals(3, pages.length);
    ExtractedText original =
        new TikaExtractor(ExtractConfig.defaults())
            .extract(dir.resolve("original.pdf"), Scans.of(HANYANG, 1, 3, Set.of(), 300));
    String[] originalPages = original.text().split("\f", -1);
    assertEquals(originalPages[0], pages[0]); // text layers are kept as they are
    assertEquals(originalPages[2], pages[2]);
    assertEquals(ExtractedText.Ocr.NONE, original.ocr());
  }

  @Test
  void pagesReadSideBySideAreThePagesReadAlone() throws Exception {
    // the 3-page scan is read by two readers at once; each page alone, by the calling thread
    TikaExtractor extractor = new TikaExtractor(ExtractConfig.defaults());
    String[] raw = extractor.extract(scan).text().split("\f", -1);
    assertEquals(3, raw.length);
    for (int p = 1; p <= 3; p++) {
      Path one = dir.resolve("page-" + p + ".pdf");
      Files.write(one, Scans.allScanned(HANYANG, p, p, 300));
      assertEquals(extractor.extract(one).text(), raw[p - 1], "page " + p);
    }
  }

  @Test
  void whenEveryPageFailsTheFirstPageIsTheOneNamed() {
    // a time limit no page can meet: the readers fail in any order, the report names page 1
    TikaExtractor hasty =
        new TikaExtractor(
            ExtractConfig.defaults()
                .withOcr(
                    new OcrConfig(
                        true,
                        OcrConfig.defaults().language(),
                        600,
                        OcrConfig.defaults().maxPixels(),
                        java.time.Duration.ofMillis(1),
                        OcrConfig.defaults().maxPages())));
    ExtractionException e = assertThrows(ExtractionException.class, () -> hasty.extract(scan));
    // (the limit is Tesseract's processor time, in whole seconds: at least one)
    assertEquals("timed out: OCR of page 1 took more than 1 s of processor time", e.getMessage());
  }

  @Test
  void withoutTesseractAScanIsReportedWithWhatToInstall() {
    TikaExtractor noOcr = new TikaExtractor(ExtractConfig.defaults().withOcr(OcrConfig.disabled()));
    ExtractionException e = assertThrows(ExtractionException.class, () -> noOcr.extract(scan));
    assertEquals(
        "no text layer (install tesseract-ocr and tesseract-ocr-chi-sim to read scans)",
        e.getMessage());
  }

  @Test
  void tesseractSpacingIsTidied() {
    assertEquals(
        "第三部分2024年度部门决算\n(一)因公出国(境)费:3.公务接待费0万元\nPage 3 of 22\n项目支出150.2万元,占32.3%;共6.87万元,计1,234,567元",
        PdfOcr.tidy(
            "第 三 部 分 2024 年 度 部 门 决算\n(一 ) 因 公 出 国 ( 境 ) 费 : 3 . 公务 接待 费 0 万 元\nPage 3 of 22\n项目 支出 150,2 万 元 , 占 32,3% ; 共 6. 87 万 元 , 计 1,234,567 元"));
  }

  /**
   * A page's limit is Tesseract's processor time, not the clock: on a machine kept busy (four
   * spinning threads per core) a page is read as on an idle one, where a limit by the clock failed
   * it on one run and read it on the next; a limit below the page's own work fails it, saying so.
   */
  @Test
  void aPagesLimitIsItsProcessorTimeSoABusyMachineReadsItAsAnIdleOne() throws Exception {
    Path one = dir.resolve("one-page.pdf");
    Files.write(one, Scans.allScanned(HANYANG, 1, 1, 300));
    java.util.concurrent.atomic.AtomicBoolean stop =
        new java.util.concurrent.atomic.AtomicBoolean();
    List<Thread> busy = new java.util.ArrayList<>();
    for (int i = 0; i < 4 * Runtime.getRuntime().availableProcessors(); i++) {
      Thread t =
          new Thread(
              () -> {
                long x = 0;
                while (!stop.get()) x += System.nanoTime() % 7;
                if (x == 42) System.out.print("");
              });
      t.setDaemon(true);
      t.start();
      busy.add(t);
    }
    org.gongkai.model.ExtractedText read;
    try {
      read =
          new TikaExtractor(
                  ExtractConfig.defaults()
                      .withOcr(
                          new org.gongkai.config.OcrConfig(
                              true,
                              "chi_sim",
                              300,
                              40_000_000L,
                              // ten processor seconds: a slower processor's page (about one second
                              // here) still within it
                              java.time.Duration.ofSeconds(10),
                              10)))
              .extract(one);
    } finally {
      stop.set(true);
      for (Thread t : busy) t.join();
    }
    assertTrue(read.text().contains("汉阳区总工会"), read.text());
    ExtractionException tight =
        org.junit.jupiter.api.Assertions.assertThrows(
            ExtractionException.class,
            () ->
                new TikaExtractor(
                        ExtractConfig.defaults()
                            .withOcr(
                                new org.gongkai.config.OcrConfig(
                                    true,
                                    "chi_sim",
                                    300,
                                    40_000_000L,
                                    java.time.Duration.ofSeconds(1),
                                    10)))
                    .extract(one));
    assertEquals(
        "timed out: OCR of page 1 took more than 1 s of processor time", tight.getMessage());
  }

  @Test
  void aPageScannedSidewaysIsTurnedUprightBeforeItIsRead() throws Exception {
    // page 1 of the report as a scanner fed sideways makes it: the image turned a quarter
    java.awt.image.BufferedImage upright;
    try (var doc = org.apache.pdfbox.Loader.loadPDF(Files.readAllBytes(HANYANG))) {
      upright =
          new org.apache.pdfbox.rendering.PDFRenderer(doc)
              .renderImageWithDPI(0, 300, org.apache.pdfbox.rendering.ImageType.GRAY);
    }
    for (int turn : new int[] {90, 270}) {
      java.awt.image.BufferedImage sideways = ScanImages.turned(upright, turn);
      assertTrue(ScanImages.sideways(sideways));
      Path pdf = dir.resolve("sideways-" + turn + ".pdf");
      try (var out = new org.apache.pdfbox.pdmodel.PDDocument()) {
        var box =
            new org.apache.pdfbox.pdmodel.common.PDRectangle(
                sideways.getWidth() * 72f / 300, sideways.getHeight() * 72f / 300);
        var page = new org.apache.pdfbox.pdmodel.PDPage(box);
        out.addPage(page);
        var image =
            org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory.createFromImage(out, sideways);
        try (var cs = new org.apache.pdfbox.pdmodel.PDPageContentStream(out, page)) {
          cs.drawImage(image, 0, 0, box.getWidth(), box.getHeight());
        }
        out.save(pdf.toFile());
      }
      String text = new TikaExtractor(ExtractConfig.defaults()).extract(pdf).text();
      assertTrue(text.contains("武汉市汉阳区总工会"), turn + ": " + text);
    }
    assertTrue(!ScanImages.sideways(upright));
    // which way: Tesseract's orientation detection, asked directly (were it to fail, its own
    // layout analysis would still read the page, and the text above would not tell)
    PdfOcr ocr = new PdfOcr(OcrConfig.defaults());
    assertTrue(ocr.available());
    assertEquals(270, ocr.orientation(ScanImages.turned(upright, 90)));
    assertEquals(90, ocr.orientation(ScanImages.turned(upright, 270)));
  }

  @Test
  void aScannedTablesAmountsAreRead() throws Exception {
    // a 收入预算总表 printed landscape on a portrait sheet (/Rotate), scanned at 200 dpi: its
    // amounts touch the cells' borders, and Tesseract's own layout analysis read every label of
    // it and not one amount
    Path tables = TestSupport.REAL.resolve("02_js_rendachangwei_2019_budget_tables.pdf");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.isRegularFile(tables), "../shared/corpus/real is not here");
    Path scan = dir.resolve("收入预算总表-扫描件.pdf");
    Files.write(scan, Scans.allScanned(tables, 2, 2, 200));
    try (var doc = org.apache.pdfbox.Loader.loadPDF(Files.readAllBytes(scan))) {
      var box = doc.getPage(0).getMediaBox();
      assertTrue(box.getWidth() > box.getHeight(), "the scan keeps the page landscape");
    }
    ExtractedText t = new TikaExtractor(ExtractConfig.defaults()).extract(scan);
    assertEquals(List.of(1), t.ocr().pages());
    List<String> rows =
        t.text().lines().filter(l -> l.contains("18,") && l.contains("330")).toList();
    assertEquals(3, rows.size(), t.text());
    assertEquals(List.of("收入总计18, 330.37", "小计18, 330.37"), rows.subList(0, 2));
  }
}
