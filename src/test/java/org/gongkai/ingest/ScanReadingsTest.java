package org.gongkai.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.gongkai.model.DisclosureDocument;
import org.gongkai.model.ExtractedText;
import org.gongkai.model.IndicatorFlag;
import org.gongkai.model.IndicatorValue;
import org.gongkai.model.Quote;
import org.gongkai.model.ReportKind;
import org.gongkai.model.Role;
import org.gongkai.model.SourceKind;
import org.junit.jupiter.api.Test;

class ScanReadingsTest {

  // page 1 has a text layer; page 2 was read by OCR
  private static final String PAGE1 = "某某局2026年部门预算。。\n本年收入预算560.00万元。\n";
  private static final String PAGE2 = "2026年收支总预算120.00万元。xx\n";
  private static final String TEXT = PAGE1 + PAGE2;

  private static DisclosureDocument doc(List<Integer> ocrPages) {
    return new DisclosureDocument(
        "f.pdf",
        "0".repeat(64),
        "d",
        "某某局2026年部门预算",
        "某某局",
        null,
        ReportKind.BUDGET,
        2026,
        null,
        List.of(),
        TEXT,
        Map.of(),
        Map.of(),
        new ExtractedText.Ocr(ocrPages, 2, java.time.Duration.ZERO),
        List.of(0, PAGE1.length()));
  }

  private static IndicatorValue headline(String indicator, String written, boolean verified) {
    int at = TEXT.indexOf(written);
    double v = Double.parseDouble(written);
    return new IndicatorValue(
        indicator,
        indicator,
        v,
        "万元",
        written + "万元",
        v,
        Role.PLANNED,
        true,
        SourceKind.TEXT,
        "d",
        "d-1",
        "",
        at,
        at + written.length(),
        null,
        verified,
        verified ? List.of("text_and_table") : List.of(),
        false);
  }

  private static final IndicatorValue GRAND = headline("grand_total", "120.00", false);
  private static final IndicatorValue INCOME = headline("income_total", "560.00", false);
  private static final IndicatorFlag TOTALS =
      new IndicatorFlag("totals", "totals", List.of(), List.of(GRAND, INCOME), null, List.of());

  private static IndicatorFlag quoting(String passage) {
    int at = TEXT.indexOf(passage);
    return new IndicatorFlag(
        "punctuation",
        "punctuation",
        List.of(),
        List.of(),
        IndicatorFlag.Severity.NOTICE,
        List.of(new Quote(passage, at, at + passage.length())));
  }

  @Test
  void aFigureFlagOnAnOcrdPageMakesItsUnconfirmedOcrdFiguresUndecided() {
    ScanReadings.Weighed w =
        ScanReadings.weigh(doc(List.of(2)), List.of(GRAND, INCOME), List.of(TOTALS));
    assertEquals(List.of(), w.flags());
    // the total on the scanned page is Gongkai's doubt; the income on the text layer stays
    assertEquals(List.of(GRAND.asCandidate(), INCOME), w.values());
  }

  @Test
  void aConfirmedFigureStaysWhereItsFlagIsDropped() {
    IndicatorValue confirmed = headline("grand_total", "120.00", true);
    IndicatorFlag flag =
        new IndicatorFlag(
            "totals", "totals", List.of(), List.of(confirmed, INCOME), null, List.of());
    ScanReadings.Weighed w =
        ScanReadings.weigh(doc(List.of(1, 2)), List.of(confirmed, INCOME), List.of(flag));
    assertEquals(List.of(), w.flags());
    assertEquals(List.of(confirmed, INCOME.asCandidate()), w.values());
  }

  @Test
  void aFlagOnWordsIsDroppedOnlyWhereItQuotesAnOcrdPage() {
    IndicatorFlag onText = quoting("。。"), onScan = quoting("xx");
    ScanReadings.Weighed w =
        ScanReadings.weigh(doc(List.of(2)), List.of(GRAND, INCOME), List.of(onText, onScan));
    assertEquals(List.of(onText), w.flags());
    assertEquals(List.of(GRAND, INCOME), w.values());
  }

  @Test
  void aReportWithNoOcrdPageKeepsEveryFlagAndFigure() {
    ScanReadings.Weighed w =
        ScanReadings.weigh(doc(List.of()), List.of(GRAND, INCOME), List.of(TOTALS));
    assertEquals(List.of(TOTALS), w.flags());
    assertEquals(List.of(GRAND, INCOME), w.values());
  }

  @Test
  void theIngestorFlagsAReportsOwnContradictionOnATextLayerAndOnlyDoubtsItsReadingOfAScan(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    // a made-up budget whose grand total is below its income: the report's contradiction where
    // its words are its own; where they are OCR's, the same failed sum is what a misread digit
    // makes (a 5 read as $), so Gongkai's doubt of its figures, no flag
    java.nio.file.Path file = dir.resolve("budget.txt");
    java.nio.file.Files.writeString(
        file,
        String.join(
            "\n",
            "鄂州市档案局2026年部门预算",
            "一、收支预算总体情况",
            "2026年收支总预算120.00万元。",
            "本年收入预算560.00万元，比上年增加10.00万元。"));
    DocumentIngestor ingestor = org.gongkai.TestSupport.ingestor();
    DisclosureDocument d = ingestor.document(file);
    org.gongkai.model.IngestedDocument onText = ingestor.figures(d);
    assertEquals(List.of("totals"), onText.flags().stream().map(IndicatorFlag::check).toList());
    assertEquals("收支总计=120.0 收入合计=560.0", figures(onText, IndicatorValue::headline));
    DisclosureDocument scanned =
        new DisclosureDocument(
            d.file(),
            d.sha256(),
            d.docId(),
            d.title(),
            d.issuer(),
            d.departmentType(),
            d.kind(),
            d.year(),
            d.region(),
            d.sections(),
            d.text(),
            d.fileMetadata(),
            d.decidedFrom(),
            new ExtractedText.Ocr(List.of(1), 1, java.time.Duration.ZERO),
            List.of(0));
    org.gongkai.model.IngestedDocument onScan = ingestor.figures(scanned);
    assertEquals(List.of(), onScan.flags());
    assertEquals("", figures(onScan, IndicatorValue::headline));
    assertEquals("收支总计=120.0 收入合计=560.0", figures(onScan, IndicatorValue::candidate));
  }

  private static String figures(
      org.gongkai.model.IngestedDocument d, java.util.function.Predicate<IndicatorValue> which) {
    StringBuilder sb = new StringBuilder();
    for (IndicatorValue v : d.figures())
      if (which.test(v)) sb.append(v.name()).append('=').append(v.valueWan()).append(' ');
    return sb.toString().strip();
  }
}
