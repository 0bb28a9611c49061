package org.gongkai.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.gongkai.config.ExtractConfig;
import org.gongkai.model.ExtractedText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TikaExtractorTest {

  @TempDir Path dir;
  private final TikaExtractor extractor = new TikaExtractor(ExtractConfig.defaults());

  private String reason(Path file) {
    return assertThrows(ExtractionException.class, () -> extractor.extract(file)).getMessage();
  }

  @Test
  void aZeroByteFileIsReportedAsEmpty() throws Exception {
    Path f = Files.createFile(dir.resolve("empty.pdf"));
    assertEquals("empty file (0 bytes)", reason(f));
  }

  @Test
  void binaryContentWithAPdfNameIsReported() throws Exception {
    byte[] junk = new byte[4096];
    new java.util.Random(7).nextBytes(junk);
    Path f = Files.write(dir.resolve("report.pdf"), junk);
    assertEquals("not a real PDF file: its content is unrecognised binary data", reason(f));
  }

  @Test
  void aTruncatedPdfIsReportedAsCorrupt() throws Exception {
    byte[] pdf = Files.readAllBytes(Path.of("corpus/formats/000_988c7a9063883e3f.pdf"));
    Path f = Files.write(dir.resolve("truncated.pdf"), java.util.Arrays.copyOf(pdf, 2000));
    assertTrue(reason(f).startsWith("cannot parse PDF (corrupt or truncated?)"), reason(f));
  }

  @Test
  void anEncryptedPdfIsReported() throws Exception {
    Path f = dir.resolve("locked.pdf");
    try (PDDocument doc = new PDDocument()) {
      doc.addPage(new PDPage());
      StandardProtectionPolicy policy =
          new StandardProtectionPolicy("owner", "secret", new AccessPermission());
      policy.setEncryptionKeyLength(128);
      doc.protect(policy);
      doc.save(f.toFile());
    }
    assertEquals("encrypted (password-protected) document", reason(f));
  }

  @Test
  void aPdfWithoutTextIsReportedAsHavingNoTextLayer() throws Exception {
    Path f = dir.resolve("scan.pdf");
    try (PDDocument doc = new PDDocument()) {
      doc.addPage(new PDPage());
      doc.save(f.toFile());
    }
    assertEquals("no text layer, and no scanned image on any page", reason(f));
  }

  @Test
  void gbkTextIsDecodedAfterStrictUtf8Fails() throws Exception {
    Path f =
        Files.write(dir.resolve("gbk.txt"), "鄂城区总工会2023年度部门决算".getBytes(Charset.forName("GBK")));
    ExtractedText t = extractor.extract(f);
    assertEquals("鄂城区总工会2023年度部门决算", t.text());
    assertEquals("GB18030", t.metadata().get("charset"));
  }

  @Test
  void utf8AndUtf16WithBomAreDecoded() throws Exception {
    Path u8 = Files.write(dir.resolve("u8.txt"), "收入合计".getBytes(StandardCharsets.UTF_8));
    assertEquals("收入合计", extractor.extract(u8).text());
    byte[] body = "收入合计".getBytes(StandardCharsets.UTF_16LE);
    byte[] withBom = new byte[body.length + 2];
    withBom[0] = (byte) 0xFF;
    withBom[1] = (byte) 0xFE;
    System.arraycopy(body, 0, withBom, 2, body.length);
    assertEquals("收入合计", extractor.extract(Files.write(dir.resolve("u16.txt"), withBom)).text());
  }

  @Test
  void aPagesBytesDecideItsEncodingWhereTheyContradictItsDeclaredCharset() throws Exception {
    String body = "某某市科学技术局2026年部门预算。收入预算合计1,234.56万元，支出预算合计1,234.56万元。";
    // saved as UTF-8 by a crawler, the page still declares gb2312
    String declaredGb =
        "<html><head><meta charset=\"gb2312\"><title>某某市科学技术局</title></head><body><p>"
            + body
            + "</p></body></html>";
    Path savedAsUtf8 =
        Files.write(dir.resolve("u8.html"), declaredGb.getBytes(StandardCharsets.UTF_8));
    assertEquals(body, extractor.extract(savedAsUtf8).text().strip());
    // as written in GBK under that declaration: its own
    Path gbk = Files.write(dir.resolve("gbk.html"), declaredGb.getBytes(Charset.forName("GBK")));
    assertEquals(body, extractor.extract(gbk).text().strip());
    // declared UTF-8, written in GBK
    String declaredUtf8 = declaredGb.replace("gb2312", "utf-8");
    Path mislabelled =
        Files.write(dir.resolve("gbk2.html"), declaredUtf8.getBytes(Charset.forName("GBK")));
    assertEquals(body, extractor.extract(mislabelled).text().strip());
    // a character beyond its declared Big5 (a Hong Kong one): the wider Big5 of its family
    String big5Body = "某某署2026年預算。收入合計1,234.56萬元，㗎。";
    String declaredBig5 =
        "<html><head><meta charset=\"big5\"></head><body><p>" + big5Body + "</p></body></html>";
    Path hk =
        Files.write(dir.resolve("big5.html"), declaredBig5.getBytes(Charset.forName("Big5-HKSCS")));
    assertEquals(big5Body, extractor.extract(hk).text().strip());
    // a stray byte in a GB2312 page costs one character, never the markup after it
    byte[] page = declaredGb.replace("</p>", "X</p>").getBytes(Charset.forName("GBK"));
    for (int i = 0; i < page.length; i++) if (page[i] == 'X') page[i] = (byte) 0xA0;
    String stray = extractor.extract(Files.write(dir.resolve("stray.html"), page)).text().strip();
    assertEquals(body + "\uFFFD", stray);
  }

  @Test
  void htmlKeepsTheArticleAndDropsTheSiteNavigationAndFooter() throws Exception {
    ExtractedText t = extractor.extract(Path.of("corpus/formats/004_37d039dcb8ad6afc.html"));
    assertTrue(t.text().contains("鄂城区总工会概况\n"));
    assertTrue(!t.text().contains("首页 > 政务公开"), "navigation kept");
    assertTrue(!t.text().contains("版权所有"), "footer kept");
    assertEquals("鄂城区总工会2023年度部门决算", t.metadata().get("title"));
  }

  @Test
  void aFileOverTheSizeLimitIsReportedNotRead() throws Exception {
    Path f = Files.write(dir.resolve("big.txt"), new byte[2048]);
    TikaExtractor small =
        new TikaExtractor(
            new ExtractConfig(1024, 1000, ExtractConfig.DEFAULT_PARSE_TIMEOUT, 2, 100));
    assertEquals(
        "file too large: 0 MB (limit 0 MB)",
        assertThrows(ExtractionException.class, () -> small.extract(f)).getMessage());
  }

  @Test
  void spreadsheetRowsKeepLabelsNextToTheirValues() throws Exception {
    Path f = dir.resolve("公开01表.xlsx");
    try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
        var out = Files.newOutputStream(f)) {
      var sheet = wb.createSheet("公开01表");
      var header = sheet.createRow(0);
      header.createCell(0).setCellValue("项目");
      header.createCell(1).setCellValue("决算数");
      var row = sheet.createRow(1);
      row.createCell(0).setCellValue("收入合计");
      row.createCell(1).setCellValue(465.38);
      wb.write(out);
    }
    assertEquals("公开01表\n\n项目\t决算数\n收入合计\t465.38", extractor.extract(f).text().strip());
  }

  @Test
  void wordTableRowsAreLinesEvenWhenOnlyTheirLastCellHasText() throws Exception {
    Path f = dir.resolve("表.docx");
    try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument();
        var out = Files.newOutputStream(f)) {
      doc.createParagraph().createRun().setText("单位：万元");
      var table = doc.createTable(3, 2);
      table.getRow(0).getCell(0).setText("项目");
      table.getRow(0).getCell(1).setText("金额");
      table.getRow(1).getCell(1).setText("（续上行）");
      table.getRow(2).getCell(0).setText("收入合计");
      table.getRow(2).getCell(1).setText("465.38");
      doc.write(out);
    }
    // "\t（续上行）" alone would read as one cell of a table written a cell per line, and be
    // folded into the next row
    assertEquals(
        "单位：万元\n项目\t金额\n\t（续上行）\n收入合计\t465.38",
        new org.gongkai.text.TextCleaner().clean(extractor.extract(f).text()));
  }

  @Test
  void wordCellsMergedAcrossColumnsAreFollowedByTheCellsTheyCover() throws Exception {
    Path f = dir.resolve("三公.docx");
    try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument();
        var out = Files.newOutputStream(f)) {
      var table = doc.createTable(3, 4);
      // the first row: 合计 | 公务用车购置及运行费 (over two columns) | 公务接待费
      var first = table.getRow(0);
      first.getCell(0).setText("合计");
      first.getCell(1).setText("公务用车购置及运行费");
      first.getCell(1).getCTTc().addNewTcPr().addNewGridSpan().setVal(java.math.BigInteger.TWO);
      first.getCell(2).setText("公务接待费");
      first.removeCell(3);
      table.getRow(1).getCell(1).setText("购置费");
      table.getRow(1).getCell(2).setText("运行费");
      String[] figures = {"18.60", "0.00", "14.10", "4.50"};
      for (int c = 0; c < 4; c++) table.getRow(2).getCell(c).setText(figures[c]);
      doc.write(out);
    }
    assertEquals(
        "合计\t公务用车购置及运行费\t\t公务接待费\n\t购置费\t运行费\n18.60\t0.00\t14.10\t4.50",
        new org.gongkai.text.TextCleaner().clean(extractor.extract(f).text()));
  }

  @Test
  void htmlCellsSpanningColumnsAndRowsKeepTheColumnsInPlace() throws Exception {
    Path f = dir.resolve("表.html");
    Files.writeString(
        f,
        "<html><head><meta charset=\"utf-8\"></head><body><table>"
            + "<tr><td rowspan=\"2\">合计</td><td colspan=\"2\">公务用车购置及运行费</td>"
            + "<td rowspan=\"2\">公务接待费</td></tr>"
            + "<tr><td>购置费</td><td>运行费</td></tr>"
            + "<tr><td>18.60</td><td>0.00</td><td>14.10</td><td>4.50</td></tr>"
            + "</table></body></html>");
    assertEquals(
        "合计\t公务用车购置及运行费\t\t公务接待费\n\t购置费\t运行费\n18.60\t0.00\t14.10\t4.50",
        new org.gongkai.text.TextCleaner().clean(extractor.extract(f).text()));
  }

  @Test
  void pdfPagesAreSeparatedByFormFeeds() throws Exception {
    ExtractedText t = extractor.extract(Path.of("corpus/formats/000_988c7a9063883e3f.pdf"));
    assertEquals(21, t.text().chars().filter(c -> c == '\f').count());
    assertEquals("application/pdf", t.metadata().get("contentType"));
  }

  @Test
  void aParseThatTakesTooLongIsReportedAsTimedOut() {
    TikaExtractor impatient =
        new TikaExtractor(
            new ExtractConfig(
                ExtractConfig.DEFAULT_MAX_FILE_BYTES,
                ExtractConfig.DEFAULT_MAX_CHARS,
                java.time.Duration.ofMillis(1),
                2,
                100));
    ExtractionException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            ExtractionException.class,
            () -> impatient.extract(Path.of("corpus/formats/002_38d7936824a76ef2.pdf")));
    assertEquals("timed out: parsing took longer than 1 ms", e.getMessage());
  }

  @Test
  void big5TextIsNotMisreadAsGbk() throws Exception {
    String traditional = "洪江區總工會2024年度部門整體支出績效評價報告。一、部門基本情況。";
    Path f = Files.write(dir.resolve("big5.txt"), traditional.getBytes(Charset.forName("Big5")));
    assertEquals(traditional, extractor.extract(f).text().strip());
    Path g =
        Files.write(
            dir.resolve("gbk2.txt"), "洪江区总工会2024年度部门整体支出绩效评价报告。".getBytes(Charset.forName("GBK")));
    assertEquals("洪江区总工会2024年度部门整体支出绩效评价报告。", extractor.extract(g).text().strip());
  }
}
