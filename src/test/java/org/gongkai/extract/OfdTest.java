package org.gongkai.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.gongkai.TestSupport;
import org.gongkai.config.ExtractConfig;
import org.gongkai.model.DisclosureDocument;
import org.gongkai.model.ExtractedText;
import org.gongkai.model.IndicatorValue;
import org.gongkai.model.IngestedDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ofdrw.layout.OFDDoc;
import org.ofdrw.layout.PageLayout;
import org.ofdrw.layout.VirtualPage;
import org.ofdrw.layout.element.Paragraph;
import org.ofdrw.layout.element.Position;

/**
 * OFD files (GB/T 33190): one written by ofdrw's layout engine, and one built here the way
 * converters write them — a text object per character or per table cell, drawn out of reading
 * order, a running header on a template page. Both come out as lines and table rows; hostile
 * packages are refused with their reason.
 */
class OfdTest {

  @TempDir Path dir;

  private final TikaExtractor extractor = new TikaExtractor(ExtractConfig.defaults());

  @Test
  void anOfdLaidOutByOfdrwIsReadAsItsLinesAndItsTableAsRows() throws Exception {
    Path f = dir.resolve("西吉县农业农村局2023年度部门决算.ofd");
    try (OFDDoc doc = new OFDDoc(f)) {
      for (String line :
          List.of(
              "西吉县农业农村局2023年度部门决算",
              "第一部分 部门概况",
              "西吉县农业农村局是县人民政府工作部门。",
              "第二部分 2023年度部门决算情况说明",
              "一、收入支出决算总体情况说明",
              "2023年度收入总计1,558.50万元，支出总计1,558.50万元。",
              "二、“三公”经费支出决算情况说明",
              "2023年度“三公”经费支出18.60万元。")) {
        doc.add(new Paragraph(line, 4d));
      }
      VirtualPage table = new VirtualPage(PageLayout.A4());
      String[][] rows = {
        {"收入支出决算总表", "", "", "单位：万元"},
        {"项目", "决算数", "项目", "决算数"},
        {"本年收入合计", "1,523.40", "本年支出合计", "1,492.20"},
        {"总计", "1,558.50", "总计", "1,558.50"}
      };
      double[] xs = {25, 75, 105, 160};
      for (int r = 0; r < rows.length; r++) {
        for (int c = 0; c < 4; c++) {
          if (rows[r][c].isEmpty()) continue;
          Paragraph cell = new Paragraph(rows[r][c], 4d);
          cell.setPosition(Position.Absolute);
          cell.setXY(xs[c], 40d + r * 9);
          cell.setWidth(c == 0 ? 45d : 28d);
          table.add(cell);
        }
      }
      doc.addVPage(table);
    }
    ExtractedText raw = extractor.extract(f);
    assertEquals(TikaExtractor.OFD_TYPE, raw.mediaType());
    assertEquals("2", raw.metadata().get("pages"));
    String[] pages = raw.text().split("\f", -1);
    assertEquals(2, pages.length);
    // ofdrw places a fixed page before the flowing text it lays out on closing
    assertTrue(pages[1].startsWith("西吉县农业农村局2023年度部门决算\n第一部分 部门概况\n"), pages[1]);
    assertEquals(
        String.join(
            "\n",
            "收入支出决算总表\t单位：万元",
            "项目\t决算数\t项目\t决算数",
            "本年收入合计\t1,523.40\t本年支出合计\t1,492.20",
            "总计\t1,558.50\t总计\t1,558.50"),
        pages[0]);

    IngestedDocument ingested = TestSupport.ingestor().ingest(f);
    DisclosureDocument d = ingested.document();
    assertEquals("西吉县农业农村局2023年度部门决算", d.title());
    assertEquals("西吉县农业农村局", d.issuer());
    assertEquals(2023, d.year());
    assertEquals("部门决算", d.kind().label());
    assertEquals("640422", d.region().region().code());
    assertTrue(d.text().contains("\n2023年度收入总计1,558.50万元，支出总计1,558.50万元。\n"));
    assertEquals(
        Map.of(
            "收入合计", "1523.4万元",
            "支出合计", "1492.2万元",
            "收支总计", "1558.5万元",
            "“三公”经费", "18.6万元"),
        headlines(ingested));
  }

  @Test
  void aConvertersOfdOfLooseCharactersIsReadInReadingOrder() throws Exception {
    Package p = new Package();
    // page 1: the title one character at a time, the table's rows drawn bottom-up, cells apart
    StringBuilder page1 = new StringBuilder();
    page1.append(rowOfRow(40, 30, "本年收入合计", "465.38", "本年支出合计", "465.38"));
    page1.append(characters(25, 20, 5, "汉阳区总工会2024年度部门决算"));
    page1.append(rowOfRow(33, 30, "项目", "决算数", "项目", "决算数"));
    p.page(page1.toString());
    // page 2: a sentence in two text codes, the second continuing without its own X
    p.page(
        "<ofd:TextObject ID=\"90\" Boundary=\"25 20 160 10\" Font=\"1\" Size=\"4\">"
            + "<ofd:TextCode X=\"0\" Y=\"5\" DeltaX=\"g 8 4\">一、收入支出决算</ofd:TextCode>"
            + "<ofd:TextCode DeltaX=\"g 5 4\">总体情况说明</ofd:TextCode></ofd:TextObject>"
            // inside a page block, as some writers group objects
            + "<ofd:PageBlock ID=\"91\"><ofd:TextObject ID=\"92\" Boundary=\"25 30 160 10\""
            + " Font=\"1\" Size=\"4\"><ofd:TextCode X=\"0\" Y=\"5\" DeltaX=\"g 30 2\">"
            + "2024年度收入总计465.38万元。</ofd:TextCode></ofd:TextObject></ofd:PageBlock>");
    Path f = dir.resolve("converted.ofd");
    Files.write(f, p.bytes("汉阳区总工会2024年度部门决算.pdf"));
    long unpackedBefore = unpackedFolders();
    ExtractedText raw = extractor.extract(f);
    assertEquals(unpackedBefore, unpackedFolders(), "the unpacked package is deleted");
    assertEquals(
        "汉阳区总工会2024年度部门决算\n"
            + "项目\t决算数\t项目\t决算数\n"
            + "本年收入合计\t465.38\t本年支出合计\t465.38"
            + "\f"
            + "一、收入支出决算总体情况说明\n"
            + "2024年度收入总计465.38万元。",
        raw.text()); // the template page's running header (内部资料) is left out
    Map<String, String> meta = new LinkedHashMap<>(raw.metadata());
    assertEquals("汉阳区总工会2024年度部门决算", meta.get("title")); // a file name's extension dropped
    assertEquals("武汉市汉阳区总工会", meta.get("author"));
    assertEquals("2025-09-01", meta.get("created"));
    assertEquals("2", meta.get("pages"));
  }

  @Test
  void ofdFilesThatCannotBeReadSayWhy() throws Exception {
    assertEquals(
        "not a real OFD file: an OFD is a zip package with OFD.xml at its root",
        why("fake.ofd", "这不是OFD".getBytes(StandardCharsets.UTF_8)));
    assertEquals(
        "not a real OFD file: an OFD is a zip package with OFD.xml at its root",
        why("no-root.ofd", zip(Map.of("Doc_0/Document.xml", "<x/>"))));
    Package scanned = new Package();
    scanned.page(
        "<ofd:ImageObject ID=\"50\" Boundary=\"0 0 210 297\" CTM=\"210 0 0 297 0 0\""
            + " ResourceID=\"51\"/>");
    assertEquals(
        "no text layer in the OFD (scanned pages: OCR reads scanned PDFs, not OFD; export it as"
            + " PDF)",
        why("scan.ofd", scanned.bytes(null)));
    byte[] truncated = new Package().pageAnd("<ofd:TextObject").bytes(null);
    assertTrue(
        why("broken.ofd", truncated).startsWith("cannot parse OFD (corrupt or truncated?): "));
  }

  @Test
  void hostilePackagesAreRefusedBeforeOfdrwReadsThem() throws Exception {
    // an external entity would put a file of this machine into the index
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "机密");
    Package entity = new Package();
    entity.doctype = "<!DOCTYPE ofd:Page [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>";
    entity.page(characters(25, 20, 5, "&x;"));
    assertEquals(
        "refused: Doc_0/Pages/Page_0/Content.xml declares a document type (OFD never does)",
        why("entity.ofd", entity.bytes(null)));
    // a member that would be written outside the folder it is unpacked in
    Map<String, String> escape = new Package().page(characters(25, 20, 5, "正文")).members(null);
    escape.put("../../escaped.xml", "<x/>");
    assertTrue(why("escape.ofd", zip(escape)).startsWith("refused: a path outside the package"));
    assertFalse(Files.exists(dir.resolve("escaped.xml")));
    // unpacking is bounded like an archive's: a member over the file-size limit
    ExtractConfig small =
        new ExtractConfig(
            1 << 20,
            ExtractConfig.DEFAULT_MAX_CHARS,
            ExtractConfig.DEFAULT_PARSE_TIMEOUT,
            ExtractConfig.DEFAULT_MAX_EMBEDDED_DEPTH,
            ExtractConfig.DEFAULT_MAX_EMBEDDED);
    Map<String, String> big = new Package().page(characters(25, 20, 5, "正文")).members(null);
    big.put("Doc_0/Res/padding.xml", "0".repeat(2 << 20));
    Path f = dir.resolve("big.ofd");
    Files.write(f, zip(big));
    assertEquals(
        "Doc_0/Res/padding.xml: file too large: more than 1 MB unpacked (limit 1 MB)",
        assertThrows(ExtractionException.class, () -> new TikaExtractor(small).extract(f))
            .getMessage());
  }

  private static long unpackedFolders() throws Exception {
    try (var all = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return all.filter(p -> p.getFileName().toString().startsWith("gongkai-ofd-")).count();
    }
  }

  private String why(String name, byte[] bytes) throws Exception {
    Path f = dir.resolve(name);
    Files.write(f, bytes);
    return assertThrows(ExtractionException.class, () -> extractor.extract(f)).getMessage();
  }

  /** Each character of {@code text} its own text object, {@code step} mm apart on one baseline. */
  private static String characters(double x, double y, double step, String text) {
    StringBuilder out = new StringBuilder();
    int id = 200 + (int) y * 10;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String s = c == '&' ? text.substring(i, text.indexOf(';', i) + 1) : String.valueOf(c);
      out.append("<ofd:TextObject ID=\"")
          .append(id++)
          .append("\" Boundary=\"")
          .append(x + i * step)
          .append(' ')
          .append(y)
          .append(" 6 6\" Font=\"1\" Size=\"4.5\"><ofd:TextCode X=\"0\" Y=\"4.5\">")
          .append(s)
          .append("</ofd:TextCode></ofd:TextObject>");
      if (c == '&') i = text.indexOf(';', i);
    }
    return out.toString();
  }

  /** A table row: each cell one text object, the cells far apart on one baseline. */
  private static String rowOfRow(double y, double width, String... cells) {
    StringBuilder out = new StringBuilder();
    for (int c = 0; c < cells.length; c++) {
      out.append("<ofd:TextObject ID=\"")
          .append(500 + (int) y * 10 + c)
          .append("\" Boundary=\"")
          .append(25 + c * 42)
          .append(' ')
          .append(y)
          .append(' ')
          .append(width)
          .append(" 6\" Font=\"1\" Size=\"3.5\"><ofd:TextCode X=\"1\" Y=\"4\" DeltaX=\"g ")
          .append(cells[c].length() - 1)
          .append(" 3.5\">")
          .append(cells[c])
          .append("</ofd:TextCode></ofd:TextObject>");
    }
    return out.toString();
  }

  private static Map<String, String> headlines(IngestedDocument d) {
    Map<String, String> out = new TreeMap<>();
    for (IndicatorValue v : d.figures()) if (v.headline()) out.put(v.name(), v.valueWan() + "万元");
    return out;
  }

  private static byte[] zip(Map<String, String> members) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (var m : members.entrySet()) {
        zip.putNextEntry(new ZipEntry(m.getKey()));
        zip.write(m.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  /** An OFD package as converters write it: one document, its pages, a template page. */
  private static final class Package {
    private static final String NS = "xmlns:ofd=\"http://www.ofdspec.org/2016\"";
    private final List<String> pages = new ArrayList<>();
    private String tail = "";
    String doctype = "";

    Package page(String objects) {
      pages.add(objects);
      return this;
    }

    /** A page whose XML ends with {@code broken}: not well-formed. */
    Package pageAnd(String broken) {
      pages.add("");
      tail = broken;
      return this;
    }

    Map<String, String> members(String title) {
      Map<String, String> m = new LinkedHashMap<>();
      m.put(
          "OFD.xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:OFD "
              + NS
              + " Version=\"1.0\" DocType=\"OFD\"><ofd:DocBody><ofd:DocInfo>"
              + "<ofd:DocID>6f2a0d1c9b8e4f5a</ofd:DocID>"
              + (title == null ? "" : "<ofd:Title>" + title + "</ofd:Title>")
              + "<ofd:Author>武汉市汉阳区总工会</ofd:Author>"
              + "<ofd:CreationDate>2025-09-01</ofd:CreationDate></ofd:DocInfo>"
              + "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>");
      StringBuilder doc =
          new StringBuilder(
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Document "
                  + NS
                  + "><ofd:CommonData><ofd:MaxUnitID>999</ofd:MaxUnitID><ofd:PageArea>"
                  + "<ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>"
                  + "<ofd:PublicRes>PublicRes.xml</ofd:PublicRes>"
                  + "<ofd:TemplatePage ID=\"2\" BaseLoc=\"Tpls/Tpl_0/Content.xml\"/>"
                  + "</ofd:CommonData><ofd:Pages>");
      for (int i = 0; i < pages.size(); i++) {
        doc.append("<ofd:Page ID=\"")
            .append(10 + i)
            .append("\" BaseLoc=\"Pages/Page_")
            .append(i)
            .append("/Content.xml\"/>");
      }
      doc.append("</ofd:Pages></ofd:Document>");
      m.put("Doc_0/Document.xml", doc.toString());
      m.put(
          "Doc_0/PublicRes.xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Res "
              + NS
              + " BaseLoc=\"Res\"><ofd:Fonts><ofd:Font ID=\"1\" FontName=\"宋体\""
              + " FamilyName=\"宋体\"/></ofd:Fonts></ofd:Res>");
      m.put(
          "Doc_0/Tpls/Tpl_0/Content.xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Page "
              + NS
              + "><ofd:Content><ofd:Layer ID=\"3\">"
              + characters(170, 8, 4, "内部资料")
              + "</ofd:Layer></ofd:Content></ofd:Page>");
      for (int i = 0; i < pages.size(); i++) {
        boolean last = i == pages.size() - 1;
        m.put(
            "Doc_0/Pages/Page_" + i + "/Content.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + doctype
                + "<ofd:Page "
                + NS
                + "><ofd:Template TemplateID=\"2\"/><ofd:Content><ofd:Layer ID=\""
                + (100 + i)
                + "\">"
                + pages.get(i)
                + (last && !tail.isEmpty() ? tail : "</ofd:Layer></ofd:Content></ofd:Page>"));
      }
      return m;
    }

    byte[] bytes(String title) throws Exception {
      return zip(members(title));
    }
  }
}
