package org.gongkai.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.gongkai.TestSupport;
import org.gongkai.index.IndexStore;
import org.gongkai.model.IndexedDocument;
import org.gongkai.model.SearchRequest;
import org.gongkai.search.SearchService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever a government site served: a corpus of broken and hostile files, generated here, indexed
 * in one run with good files among them. Every bad file is reported by name with a clear reason,
 * every good one is indexed and searchable, and the run says some failed.
 */
class HostileFilesTest {

  static final String SEED = "corpus/seeds/003_630d0209e54699b1.txt";

  @TempDir static Path dir;
  static Path corpus;
  static IngestReport report;
  static IndexStore store;

  @BeforeAll
  static void indexTheHostileCorpus() throws Exception {
    corpus = Files.createDirectories(dir.resolve("corpus"));
    String seed = Files.readString(Path.of(SEED));
    byte[] pdf = Files.readAllBytes(Path.of("corpus/formats/000_988c7a9063883e3f.pdf"));

    Files.write(
        corpus.resolve("corrupt.pdf"),
        ("%PDF-1.7\n" + "x".repeat(5000)).getBytes(StandardCharsets.US_ASCII));
    Files.write(corpus.resolve("truncated.pdf"), java.util.Arrays.copyOf(pdf, pdf.length / 3));
    encryptedPdf(corpus.resolve("encrypted.pdf"));
    scannedPdf(corpus.resolve("scan.pdf"));
    zipBomb(corpus.resolve("bomb.docx"));
    Files.write(corpus.resolve("empty.txt"), new byte[0]);
    try (RandomAccessFile huge = new RandomAccessFile(corpus.resolve("huge.txt").toFile(), "rw")) {
      huge.setLength(200L << 20); // 200 MB, sparse: costs no disk
    }
    byte[] binary = new byte[4096];
    new java.util.Random(1).nextBytes(binary);
    Files.write(corpus.resolve("binary.pdf"), binary);
    Files.writeString(
        corpus.resolve("deep.html"),
        "<html><body>"
            + "<div>".repeat(10_000)
            + "鄂城区总工会深层嵌套页面2023年度部门决算"
            + "</div>".repeat(10_000)
            + "</body></html>");
    Files.write(corpus.resolve("gbk.txt"), seed.getBytes(Charset.forName("GBK")));
    Files.write(corpus.resolve("big5.txt"), traditional(seed).getBytes(Charset.forName("Big5")));
    byte[] utf16 = seed.replace("洪江区", "洪江区UTF16").getBytes(StandardCharsets.UTF_16LE);
    byte[] bom = {(byte) 0xFF, (byte) 0xFE};
    Files.write(corpus.resolve("utf16.txt"), concat(bom, utf16));
    // Windows' "Unicode" text: UTF-16 with no byte-order mark, in either byte order
    Files.write(
        corpus.resolve("utf16le-nobom.txt"),
        seed.replace("洪江区", "洪江区无标记小端").getBytes(StandardCharsets.UTF_16LE));
    Files.write(
        corpus.resolve("utf16be-nobom.txt"),
        seed.replace("洪江区", "洪江区无标记大端").getBytes(StandardCharsets.UTF_16BE));
    Files.writeString(corpus.resolve("报告 2024 (终稿).txt"), seed.replace("洪江区", "洪江区终稿"));

    store = IndexStore.openForWriting(dir.resolve("index"));
    report = TestSupport.indexer().run(store, List.of(corpus), false, Indexer.Progress.NONE);
  }

  @Test
  void everyBadFileIsReportedByNameWithAClearReason() {
    Map<String, String> reasons = new LinkedHashMap<>();
    for (IngestReport.Failure f : report.failures())
      reasons.put(Path.of(f.file()).getFileName().toString(), f.reason());
    assertEquals(
        List.of(
            "binary.pdf",
            "bomb.docx",
            "corrupt.pdf",
            "empty.txt",
            "encrypted.pdf",
            "huge.txt",
            "scan.pdf",
            "truncated.pdf"),
        List.copyOf(reasons.keySet()));
    assertEquals(
        "not a real PDF file: its content is unrecognised binary data", reasons.get("binary.pdf"));
    assertEquals("empty file (0 bytes)", reasons.get("empty.txt"));
    assertEquals("encrypted (password-protected) document", reasons.get("encrypted.pdf"));
    assertEquals("file too large: 200 MB (limit 100 MB)", reasons.get("huge.txt"));
    assertEquals(
        "no text layer, and OCR found no text on the scanned pages", reasons.get("scan.pdf"));
    assertTrue(reasons.get("bomb.docx").contains("zip bomb"), reasons.get("bomb.docx"));
    assertTrue(
        reasons.get("corrupt.pdf").startsWith("cannot parse PDF"), reasons.get("corrupt.pdf"));
    assertTrue(
        reasons.get("truncated.pdf").startsWith("cannot parse PDF"), reasons.get("truncated.pdf"));
  }

  @Test
  void everyGoodFileIsIndexedAndFoundWhateverItsEncodingOrName() throws Exception {
    assertEquals(7, report.indexed());
    SearchService search = new SearchService(store, TestSupport.gazetteer());
    assertEquals(
        1, search.search(SearchRequest.of("\"深层嵌套页面\"")).total(), "10,000 nested elements");
    assertEquals(Set.of(docOf("utf16.txt")), docIds(search, "\"洪江区utf16\""));
    assertEquals(Set.of(docOf("utf16le-nobom.txt")), docIds(search, "\"洪江区无标记小端\""));
    assertEquals(Set.of(docOf("utf16be-nobom.txt")), docIds(search, "\"洪江区无标记大端\""));
    assertEquals(
        Set.of(docOf("报告 2024 (终稿).txt")),
        docIds(search, "\"洪江区终稿\""),
        "a file name with spaces and Chinese");
    // traditional and simplified characters are one text to search: the Big5 copy and the GBK copy
    // both match, either way
    assertEquals(Set.of(docOf("big5.txt"), docOf("gbk.txt")), docIds(search, "\"洪江區總工會\""));
    assertEquals(docIds(search, "\"洪江区总工会\""), docIds(search, "\"洪江區總工會\""));
    IndexedDocument big5 =
        store.documents().stream()
            .filter(d -> d.files().get(0).endsWith("big5.txt"))
            .findFirst()
            .orElseThrow();
    String big5Text = store.cleanText(big5.docId()).orElseThrow();
    assertTrue(big5Text.contains("洪江區總工會"), big5Text.substring(0, 200));
    IndexedDocument gbk =
        store.documents().stream()
            .filter(d -> d.files().get(0).endsWith("gbk.txt"))
            .findFirst()
            .orElseThrow();
    String gbkText = store.cleanText(gbk.docId()).orElseThrow();
    assertTrue(gbkText.contains("洪江区总工会"), gbkText.substring(0, 200));
  }

  private static String docOf(String fileName) throws IOException {
    return store.documents().stream()
        .filter(d -> d.files().get(0).endsWith(fileName))
        .findFirst()
        .orElseThrow()
        .docId();
  }

  private static Set<String> docIds(SearchService search, String query) throws IOException {
    return search.search(SearchRequest.of(query).withSize(100)).hits().stream()
        .map(h -> h.docId())
        .collect(Collectors.toSet());
  }

  // ---- generators

  static void encryptedPdf(Path out) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      doc.addPage(new PDPage());
      StandardProtectionPolicy policy =
          new StandardProtectionPolicy("owner", "secret", new AccessPermission());
      policy.setEncryptionKeyLength(128);
      doc.protect(policy);
      doc.save(out.toFile());
    }
  }

  static void scannedPdf(Path out) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      var image =
          new java.awt.image.BufferedImage(200, 100, java.awt.image.BufferedImage.TYPE_INT_RGB);
      PDImageXObject x = LosslessFactory.createFromImage(doc, image);
      try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
        content.drawImage(x, 50, 500);
      }
      doc.save(out.toFile());
    }
  }

  /** A DOCX whose document.xml inflates from about 200 KB to 200 MB. */
  static void zipBomb(Path out) throws IOException {
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
      entry(
          zip,
          "[Content_Types].xml",
          "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
              + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
              + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
      entry(
          zip,
          "_rels/.rels",
          "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
              + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
      zip.putNextEntry(new ZipEntry("word/document.xml"));
      zip.write(
          "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>"
              .getBytes(StandardCharsets.UTF_8));
      byte[] block = new byte[1 << 20];
      java.util.Arrays.fill(block, (byte) ' ');
      for (int i = 0; i < 200; i++) zip.write(block);
      zip.write("</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
  }

  private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(text.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  /** The seed with the characters Big5 cannot hold swapped for their traditional forms. */
  static String traditional(String s) {
    String simplified = "区总会门决预算绩评价财拨费项为与经计结余实际资产设备专业务综";
    String traditional = "區總會門決預算績評價財撥費項為與經計結餘實際資產設備專業務綜";
    StringBuilder sb = new StringBuilder();
    Charset big5 = Charset.forName("Big5");
    var enc = big5.newEncoder();
    for (char c : s.toCharArray()) {
      int i = simplified.indexOf(c);
      char t = i >= 0 ? traditional.charAt(i) : c;
      sb.append(enc.canEncode(t) ? t : ' ');
    }
    return sb.toString();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
