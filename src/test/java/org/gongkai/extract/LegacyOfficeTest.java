package org.gongkai.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.gongkai.TestSupport;
import org.gongkai.config.ExtractConfig;
import org.gongkai.model.DisclosureDocument;
import org.gongkai.model.IndicatorValue;
import org.gongkai.model.IngestedDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Legacy Word and Excel files with merged cells keep each table row on one line, its cells
 * separated by tabs; WPS Office's {@code .wps} and {@code .et} are read as the Word and Excel files
 * they are, and ones that are not say why. The files are in {@code fixtures/formats} (see its
 * README for how they were made).
 */
class LegacyOfficeTest {

  static final Path FIXTURES = Path.of("src/test/resources/fixtures/formats");
  static final Path DOC = FIXTURES.resolve("merged-cells.doc");
  static final Path XLS = FIXTURES.resolve("merged-cells.xls");

  private final TikaExtractor extractor = new TikaExtractor(ExtractConfig.defaults());

  @TempDir Path dir;

  /** The tables of the .doc, as the cleaned text has them. */
  static final String DOC_TABLES =
      String.join(
          "\n",
          "收入支出决算总表",
          "单位：万元",
          "收入\t\t支出",
          "项目\t决算数\t项目\t决算数",
          "一、财政拨款收入\t1,523.40\t一、一般公共服务支出\t12.00",
          "二、事业收入\t0.00\t二、农林水支出\t1,480.20",
          "本年收入合计\t1,523.40\t本年支出合计\t1,492.20",
          "年初结转和结余\t35.10\t年末结转和结余\t66.30",
          "总计\t1,558.50\t总计\t1,558.50",
          "“三公”经费支出决算表",
          // a cell merged across columns is followed by the empty cells it covers (read from
          // the cells' edges in the file, as Tika keeps it one cell); a vertically merged one
          // leaves empty cells below it, so the second header row starts with two
          "合计\t因公出国（境）费\t公务用车购置及运行费\t\t\t公务接待费",
          "\t\t小计\t公务用车购置费\t公务用车运行费",
          "18.60\t0.00\t14.10\t0.00\t14.10\t4.50");

  /** The whole sheet of the .xls, cleaned: merged title rows are rows of their own. */
  static final String XLS_TEXT =
      String.join(
          "\n",
          "Sheet1",
          "收入支出决算总表",
          "公开01表",
          "部门：西吉县农业农村局\t\t2023年度\t金额单位：万元",
          "收入\t\t支出",
          "项目\t决算数\t项目\t决算数",
          "一、财政拨款收入\t1523.4\t一、一般公共服务支出\t12",
          "二、事业收入\t0\t二、农林水支出\t1480.2",
          "本年收入合计\t1523.4\t本年支出合计\t1492.2",
          "年初结转和结余\t35.1\t年末结转和结余\t66.3",
          "总计\t1558.5\t总计\t1558.5",
          "“三公”经费支出决算表",
          // Excel repeats a merged region as empty cells, so its columns stay in place
          "合计\t因公出国（境）费\t公务用车购置及运行费\t\t\t公务接待费",
          "\t\t小计\t公务用车购置费\t公务用车运行费",
          "18.6\t0\t14.1\t0\t14.1\t4.5");

  @Test
  void aLegacyWordTableWithMergedCellsKeepsItsRows() throws Exception {
    String text = TestSupport.ingestor().ingest(DOC).document().text();
    int from = text.indexOf("收入支出决算总表");
    int to = text.indexOf("\n第三部分");
    assertEquals(DOC_TABLES, text.substring(from, to));
  }

  @Test
  void aLegacySheetWithMergedCellsKeepsItsRows() throws Exception {
    // no print header or footer codes (&C&"Times New Roman"&12&A) either
    assertEquals(XLS_TEXT, TestSupport.ingestor().ingest(XLS).document().text());
  }

  @Test
  void metadataAndFiguresOfTheLegacyFiles() throws Exception {
    for (Path f : new Path[] {DOC, XLS}) {
      DisclosureDocument d = TestSupport.ingestor().ingest(f).document();
      assertEquals("西吉县农业农村局", d.issuer(), f.toString());
      assertEquals("部门决算", d.kind().label(), f.toString());
      assertEquals(2023, d.year(), f.toString());
      assertEquals("640422", d.region().region().code(), f.toString());
    }
    assertEquals(
        Map.of(
            "财政拨款收入", "1523.4万元",
            "收入合计", "1523.4万元",
            "支出合计", "1492.2万元",
            "收支总计", "1558.5万元",
            "“三公”经费", "18.6万元",
            "因公出国（境）费", "0.0万元",
            "公务用车购置及运行（维护）费", "14.1万元",
            "公务接待费", "4.5万元"),
        headlines(TestSupport.ingestor().ingest(DOC)));
    assertEquals(
        Map.of(
            "财政拨款收入", "1523.4万元",
            "收入合计", "1523.4万元",
            "支出合计", "1492.2万元",
            "收支总计", "1558.5万元", // the 总计 row below the year totals
            // the 三公 table's items, named in its header rows, read by column
            "“三公”经费", "18.6万元",
            "因公出国（境）费", "0.0万元",
            "公务用车购置及运行（维护）费", "14.1万元",
            "公务接待费", "4.5万元"),
        headlines(TestSupport.ingestor().ingest(XLS)));
  }

  @Test
  void wpsAndEtFilesAreReadAsTheWordAndExcelFilesTheyAre() throws Exception {
    Path wps = dir.resolve("西吉县农业农村局决算.wps");
    Path et = dir.resolve("西吉县农业农村局决算表.et");
    Files.copy(DOC, wps);
    Files.copy(XLS, et);
    assertEquals(extractor.extract(DOC).text(), extractor.extract(wps).text());
    assertEquals("application/msword", extractor.extract(wps).mediaType());
    assertEquals(extractor.extract(XLS).text(), extractor.extract(et).text());
    assertEquals("application/vnd.ms-excel", extractor.extract(et).mediaType());
    IngestedDocument d = TestSupport.ingestor().ingest(wps);
    assertEquals("西吉县农业农村局2023年度部门决算", d.document().title());
  }

  @Test
  void wpsFilesNotInWordsFormatSayWhy() throws Exception {
    // Microsoft Works also wrote .wps: an OLE2 file whose text is in a stream Word does not have
    Path works = dir.resolve("works.wps");
    writeOle2(works, "MatOST");
    Path kingsoft = dir.resolve("旧版.wps");
    Files.write(
        kingsoft, "WPS DOCUMENT\u0000\u0001\u0002 binary of an older Kingsoft format".getBytes());
    Path et = dir.resolve("旧版.et");
    writeOle2(et, "ETExtData");
    Path works2 = dir.resolve("works-named.doc");
    writeOle2(works2, "MatOST");
    String wpsWhy =
        "a WPS document not in Word's format (an older Kingsoft WPS or a Microsoft Works file):"
            + " save it from WPS Office as .docx or .pdf";
    assertEquals(wpsWhy, why(works));
    assertEquals(wpsWhy, why(kingsoft));
    assertEquals(
        "a WPS spreadsheet not in Excel's format (an older Kingsoft ET file): save it from WPS"
            + " Office as .xlsx or .pdf",
        why(et));
    assertEquals(
        "an Office file of a kind Gongkai cannot read (Microsoft Works): save it as .docx, .xlsx"
            + " or .pdf",
        why(works2));
  }

  private String why(Path f) {
    return assertThrows(ExtractionException.class, () -> extractor.extract(f)).getMessage();
  }

  private static void writeOle2(Path f, String stream) throws Exception {
    try (POIFSFileSystem fs = new POIFSFileSystem();
        OutputStream out = Files.newOutputStream(f)) {
      fs.createDocument(new ByteArrayInputStream(new byte[4096]), stream);
      fs.writeFilesystem(out);
    }
  }

  private static Map<String, String> headlines(IngestedDocument d) {
    Map<String, String> out = new TreeMap<>();
    for (IndicatorValue v : d.figures()) if (v.headline()) out.put(v.name(), v.valueWan() + "万元");
    return out;
  }
}
