package org.gongkai.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.gongkai.TestSupport;
import org.gongkai.config.ExtractConfig;
import org.gongkai.model.DisclosureDocument;
import org.gongkai.model.Section;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page breaks a Word file records — a paragraph set to start a page, where Word last laid a
 * page out inside a paragraph or a table row, a hard page break — are the pages of its text, so its
 * sections and hits know their pages; a Word file that records none has none.
 */
public class DocxPagesTest {

  @TempDir Path dir;

  static void paragraph(XWPFDocument doc, String text) {
    doc.createParagraph().createRun().setText(text);
  }

  /**
   * A report of five pages by its recorded breaks: page 2 starts at 第二部分 (set to start a page),
   * page 3 at the table's third row, page 4 inside a paragraph of 第三部分, page 5 after a hard break
   * inside 二、其他说明.
   */
  public static Path write(Path f) throws Exception {
    try (XWPFDocument doc = new XWPFDocument();
        var out = Files.newOutputStream(f)) {
      paragraph(doc, "武汉市某某区总工会2024年度部门决算");
      paragraph(doc, "第一部分 部门概况");
      paragraph(doc, "主要职责是维护职工合法权益。");
      XWPFParagraph tables = doc.createParagraph();
      tables.setPageBreak(true); // starts page 2
      tables.createRun().setText("第二部分 部门决算表");
      var table = doc.createTable(3, 2);
      table.getRow(0).getCell(0).setText("项目");
      table.getRow(0).getCell(1).setText("决算数");
      table.getRow(1).getCell(0).setText("本年收入合计");
      table.getRow(1).getCell(1).setText("465.38");
      // Word laid the third row out at the top of page 3
      var run = table.getRow(2).getCell(0).getParagraphs().get(0).createRun();
      run.getCTR().addNewLastRenderedPageBreak();
      run.setText("本年支出合计");
      table.getRow(2).getCell(1).setText("465.38");
      paragraph(doc, "第三部分 部门决算情况说明");
      XWPFParagraph text = doc.createParagraph();
      text.createRun().setText("一、本年收入合计465.38万元，");
      var next = text.createRun(); // page 4 begins inside the paragraph
      next.getCTR().addNewLastRenderedPageBreak();
      next.setText("本年支出合计465.38万元。");
      var hard = doc.createParagraph().createRun(); // a hard page break: page 5
      hard.setText("二、其他说明");
      hard.addBreak(org.apache.poi.xwpf.usermodel.BreakType.PAGE);
      hard.setText("无。", 1);
      doc.write(out);
    }
    return f;
  }

  @Test
  void recordedPageBreaksArePages() throws Exception {
    Path f = write(dir.resolve("武汉市某某区总工会2024年度部门决算.docx"));
    String text = new TikaExtractor(ExtractConfig.defaults()).extract(f).text();
    assertEquals(4, text.chars().filter(c -> c == '\f').count(), text);
    assertEquals(
        List.of("第二部分 部门决算表", "本年支出合计\t465.38", "本年支出合计465.38万元。", "无。"),
        java.util.Arrays.stream(text.split("\f"))
            .skip(1)
            .map(p -> p.strip().lines().findFirst().orElse(""))
            .toList());

    DisclosureDocument d = TestSupport.ingestor().document(f);
    assertEquals(5, d.pageCount());
    // each section: its path and its first and last page
    StringBuilder ranges = new StringBuilder();
    for (Section s : d.sections())
      ranges
          .append(s.id().substring(s.id().indexOf('-') + 1))
          .append(' ')
          .append(range(d, s))
          .append('\n');
    // 第三部分's text runs from page 3 onto page 4; 二、其他说明 has a hard break inside it
    assertEquals("1 1-1\n2 2-3\n3 3-4\n3.1 4-5\n", ranges.toString());
  }

  @Test
  void aWordFileRecordingNoBreaksHasNoPages() throws Exception {
    DisclosureDocument d =
        TestSupport.ingestor().document(Path.of("corpus/formats/001_867eb05ee1b92696.docx"));
    assertEquals(0, d.pageCount());
  }

  private static Section section(DisclosureDocument d, String heading) {
    return d.sections().stream()
        .filter(s -> s.heading().startsWith(heading))
        .findFirst()
        .orElseThrow();
  }

  private static String range(DisclosureDocument d, Section s) {
    var p = d.pages(s);
    return p.first() + "-" + p.last();
  }
}
