package org.gongkai.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gongkai.bench.SimplePdf;
import org.gongkai.model.IndexedSection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A report numbers its pages after an unnumbered cover and contents: a citation gives the file's
 * own page, as the page image's link does (原件第N页 means one thing everywhere, #67), and the page
 * number printed on it (原件第4页（页面所印页码2）).
 */
class PrintedPagesHttpTest {

  @TempDir static Path dir;
  static TestPortal served;

  /** A page of lines from the top, and the number it prints at its foot (none when null). */
  private static SimplePdf.Page page(String number, String... lines) {
    List<SimplePdf.Placed> text = new ArrayList<>();
    float y = 780;
    for (String l : lines) {
      text.add(new SimplePdf.Placed(72, y, 12, l));
      y -= 24;
    }
    if (number != null) text.add(new SimplePdf.Placed(290, 40, 10, number));
    return new SimplePdf.Page(text, List.of());
  }

  @BeforeAll
  static void serve() throws Exception {
    Path src = Files.createDirectories(dir.resolve("src"));
    Files.write(
        src.resolve("report.pdf"),
        SimplePdf.pages(
            List.of(
                page(null, "南漳县文化和旅游局", "2026年部门预算"),
                page(null, "目录", "第一部分 部门概况", "第二部分 2026年部门预算情况说明"),
                page("-1-", "第一部分 部门概况", "一、主要职能", "负责全县文化、旅游和文物保护工作，组织实施文化惠民工程。"),
                page("-2-", "二、机构设置", "本部门预算由局机关本级和县图书馆、县文化馆的预算组成。"),
                page(
                    "-3-",
                    "第二部分 2026年部门预算情况说明",
                    "一、收支预算总体情况",
                    "2026年收入预算合计1,856.40万元，支出预算合计1,856.40万元。"))));
    served = TestPortal.start(dir, List.of(src));
  }

  @AfterAll
  static void stop() throws Exception {
    served.close();
  }

  @Test
  void aCitationGivesThePageTheReportPrintsAndThePdfsPage() throws Exception {
    String docId = served.store.documents().get(0).docId();
    IndexedSection structure = null;
    for (IndexedSection s : served.store.sections(docId)) {
      if (s.heading().contains("机构设置")) structure = s;
    }
    assertTrue(structure != null, served.store.sections(docId).toString());
    String page = served.get("/s/" + structure.id()).body();
    assertTrue(page.contains("“二、机构设置”，原件第4页（页面所印页码2）。"), page);
    String en = served.get("/s/" + structure.id() + "?lang=en").body();
    assertTrue(
        en.contains("section “二、机构设置”, page 4 of the original (printed page number 2)."), en);
    // the picture and the viewer still open the PDF's own page
    assertTrue(page.contains("/d/" + docId + "/file#page=4"), page);
  }
}
