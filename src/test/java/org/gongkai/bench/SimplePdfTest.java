package org.gongkai.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.gongkai.TestSupport;
import org.gongkai.ingest.DocumentIngestor;
import org.gongkai.model.DisclosureDocument;
import org.gongkai.model.Section;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The synthetic corpus's PDFs read back, through Tika, as the report they were written from. */
class SimplePdfTest {

  @TempDir Path tmp;

  @Test
  void aReportWrittenAsPdfReadsBackWithTheSameSectionsAndMetadata() throws Exception {
    DocumentIngestor ingestor = TestSupport.ingestor();
    List<String> seeds;
    try (var files = Files.list(TestSupport.CORPUS.resolve("seeds"))) {
      seeds = files.map(f -> f.getFileName().toString()).sorted().toList();
    }
    assertEquals(5, seeds.size());
    for (String seed : seeds) {
      // the same text, as plain text and as PDF (the PDF leaves out a few lines: see
      // SimplePdf.printable)
      String text = Files.readString(TestSupport.CORPUS.resolve("seeds").resolve(seed));
      Path txt = Files.writeString(tmp.resolve(seed), SimplePdf.printable(text));
      Path pdf = tmp.resolve(seed.replace(".txt", ".pdf"));
      SimplePdf.write(pdf, text);
      DisclosureDocument fromText = ingestor.document(txt), fromPdf = ingestor.document(pdf);
      assertEquals(fromText.title(), fromPdf.title(), seed);
      assertEquals(fromText.issuer(), fromPdf.issuer(), seed);
      assertEquals(fromText.year(), fromPdf.year(), seed);
      List<String> missing = new java.util.ArrayList<>(headings(fromText)),
          extra = new java.util.ArrayList<>(headings(fromPdf));
      missing.removeAll(headings(fromPdf));
      extra.removeAll(headings(fromText));
      assertEquals(List.of(), missing, seed);
      assertEquals(List.of(), extra, seed);
      assertEquals(headings(fromText), headings(fromPdf), seed);
      // the lines were broken at the page width, and the cleaner joins them again
      String a = fromText.text().replaceAll("\\s", "");
      String b = fromPdf.text().replaceAll("\\s", "");
      int at = 0;
      while (at < Math.min(a.length(), b.length()) && a.charAt(at) == b.charAt(at)) at++;
      assertEquals(
          a.length(),
          at,
          seed + " differs at " + at + ": " + around(a, at) + " | " + around(b, at));
      assertEquals(a.length(), b.length(), seed);
    }
  }

  @Test
  void aReportLaidOutWithTablesReadsBackAsTheSameReportWithItsTables() throws Exception {
    DocumentIngestor ingestor = TestSupport.ingestor();
    int seeds = 0;
    try (var files = Files.list(TestSupport.CORPUS.resolve("seeds"))) {
      for (Path seed : files.sorted().toList()) {
        DisclosureDocument read = ingestor.document(seed);
        long rows = tableRows(read.text());
        for (SimplePdf.Ruling ruling : SimplePdf.Ruling.values()) {
          Path pdf = tmp.resolve(seed.getFileName() + "-" + ruling + ".pdf");
          SimplePdf.report(pdf, read.text(), List.of(ruling));
          DisclosureDocument back = ingestor.document(pdf);
          String what = seed.getFileName() + " " + ruling;
          assertEquals(read.title(), back.title(), what);
          assertEquals(read.issuer(), back.issuer(), what);
          assertEquals(read.year(), back.year(), what);
          assertEquals(read.kind(), back.kind(), what);
          assertEquals(read.region().region(), back.region().region(), what);
          assertTrue(back.pageCount() > 1, what);
          // every character is there but the page numbers' and a few lone numbers the reader takes
          // for page numbers; cells wrapped in tables without rulings may come back in another
          // order, so the characters are compared as a multiset
          String a = letters(read.text()), b = letters(back.text());
          assertEquals(a, b, what);
          if (ruling == SimplePdf.Ruling.GRID) {
            assertEquals(headings(read), headings(back), what);
            // a ruled grid's rows come back as rows of cells (a wrapped cell as one cell)
            if (rows >= 20) assertTrue(tableRows(back.text()) >= rows * 0.8, what + " " + rows);
          }
        }
        seeds++;
      }
    }
    assertEquals(5, seeds);
  }

  @Test
  void aReportLaidOutIsTheSameBytesForTheSameTextAndRulings() throws Exception {
    String text =
        TestSupport.ingestor()
            .document(TestSupport.CORPUS.resolve("seeds/002_38d7936824a76ef2.txt"))
            .text();
    List<SimplePdf.Ruling> rulings = List.of(SimplePdf.Ruling.GRID, SimplePdf.Ruling.NONE);
    SimplePdf.report(tmp.resolve("a.pdf"), text, rulings);
    SimplePdf.report(tmp.resolve("b.pdf"), text, rulings);
    assertEquals(-1L, Files.mismatch(tmp.resolve("a.pdf"), tmp.resolve("b.pdf")));
  }

  private static long tableRows(String text) {
    return text.lines().filter(l -> l.indexOf('\t') >= 0).count();
  }

  /** The text's letters (digits, spaces and punctuation left out), sorted. */
  private static String letters(String text) {
    return text.codePoints()
        .filter(Character::isLetter)
        .sorted()
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
  }

  @Test
  void theFontMapsToUnicodeExactlyTheCharactersShownAsASubsetFontDoes() throws Exception {
    byte[] pdf =
        SimplePdf.pages(
            List.of(
                new SimplePdf.Page(
                    List.of(
                        new SimplePdf.Placed(66, 700, 10.5f, "经费·2023"),
                        new SimplePdf.Placed(66, 680, 9f, "经\t费\u3000A")),
                    List.of())));
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDPage page = doc.getPage(0);
      PDFont font = page.getResources().getFont(COSName.getPDFName("F1"));
      String cmap;
      try (var in = font.getCOSObject().getCOSStream(COSName.TO_UNICODE).createInputStream()) {
        cmap = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
      }
      List<String> mapped = new ArrayList<>();
      Matcher m = Pattern.compile("<([0-9A-F]{4})> <\\1>").matcher(cmap);
      while (m.find()) mapped.add(m.group(1));
      // tab and ideographic space are written as a space; each code once, in order
      assertEquals(List.of("0020", "0030", "0032", "0033", "0041", "00B7", "7ECF", "8D39"), mapped);
      // · is not in Adobe's GB1 table: only the map gives it back
      assertEquals("经费·2023\n经 费 A\n", new PDFTextStripper().getText(doc).replace("\r", ""));
    }
  }

  @Test
  void theSameTextGivesTheSameBytes() throws Exception {
    String text = Files.readString(TestSupport.CORPUS.resolve("seeds/000_988c7a9063883e3f.txt"));
    SimplePdf.write(tmp.resolve("a.pdf"), text);
    Thread.sleep(50);
    SimplePdf.write(tmp.resolve("b.pdf"), text);
    assertEquals(-1L, Files.mismatch(tmp.resolve("a.pdf"), tmp.resolve("b.pdf")));
  }

  private static String around(String s, int at) {
    return s.substring(Math.max(0, at - 20), Math.min(s.length(), at + 20));
  }

  private static List<String> headings(DisclosureDocument d) {
    return d.sections().stream().map(Section::heading).toList();
  }
}
