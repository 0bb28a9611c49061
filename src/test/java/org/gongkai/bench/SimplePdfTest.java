package org.gongkai.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
