package org.gongkai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.gongkai.TestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sections and hits know their pages in the original PDF; the citation names them; {@code
 * /d/{docId}/page/{n}.png} shows a page, and the section page shows the page of its first hit with
 * a link that opens the PDF there. The bundled 蔡甸区 PDF (41 pages) and DOCX are served.
 */
class OriginalPagesHttpTest {

  static final String CAIDIAN = "d42c6830081dfa35";
  static final String JINKOUHE = "e3eabb74bdb7bdb4"; // a DOCX: no pages
  static final String SANGONG = CAIDIAN + "-3.9.2"; // （二）“三公”经费…具体情况说明, pages 18–19

  @TempDir static Path dir;
  static TestPortal served;
  static final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void serve() throws Exception {
    Path files = Files.createDirectories(dir.resolve("files"));
    Files.copy(
        TestSupport.CORPUS.resolve("formats/002_38d7936824a76ef2.pdf"), files.resolve("蔡甸区.pdf"));
    Files.copy(
        TestSupport.CORPUS.resolve("formats/001_867eb05ee1b92696.docx"),
        files.resolve("金口河区.docx"));
    served = TestPortal.start(dir, List.of(files));
  }

  @AfterAll
  static void stop() throws Exception {
    served.close();
  }

  static HttpResponse<byte[]> get(String path) throws Exception {
    return served.getBytes(path);
  }

  static String text(String path) throws Exception {
    return new String(get(path).body(), StandardCharsets.UTF_8);
  }

  static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void sectionsKnowTheirPagesAndDocumentsTheirPageCount() throws Exception {
    JsonNode s = json.readTree(text("/api/sections/" + SANGONG));
    assertEquals("[18,19]", s.get("pages").toString());
    assertEquals(41, s.get("pageCount").asInt());
    JsonNode d = json.readTree(text("/api/documents/" + CAIDIAN));
    assertEquals(41, d.get("pageCount").asInt());
    TreeMap<String, String> pages = new TreeMap<>();
    for (JsonNode so : d.get("sections"))
      if (so.get("path").asText().startsWith("3.9"))
        pages.put(so.get("path").asText(), so.get("pages").toString());
    assertEquals("{3.9=[18,18], 3.9.1=[18,18], 3.9.2=[18,19]}", pages.toString());
    // a Word file records no pages: neither do its sections
    JsonNode w = json.readTree(text("/api/documents/" + JINKOUHE));
    assertTrue(w.get("pageCount") == null);
    assertTrue(w.get("sections").get(1).get("pages") == null);
  }

  @Test
  void aHitKnowsThePageOfItsFirstMatch() throws Exception {
    JsonNode r = json.readTree(text("/api/search?q=" + q("\"公务接待费预算为\"")));
    TreeMap<String, String> pages = new TreeMap<>();
    for (JsonNode h : r.get("hits"))
      pages.put(h.get("id").asText(), h.has("page") ? h.get("page").asText() : "-");
    // the section starts on page 18; this sentence is on page 19
    assertEquals("{" + SANGONG + "=19}", pages.toString());
    String page = text("/search?q=" + q("\"公务接待费预算为\""));
    // the page is a link to the original opened there
    String doc = SANGONG.substring(0, SANGONG.indexOf('-'));
    assertTrue(
        page.contains(
            "<a class=\"page\" href=\"/d/"
                + doc
                + "/file#page=19\" target=\"_blank\" rel=\"noopener\">原件第19页</a>"),
        page);
    assertTrue(
        text("/search?lang=en&q=" + q("\"公务接待费预算为\""))
            .contains(
                "<a class=\"page\" href=\"/d/"
                    + doc
                    + "/file#page=19\" target=\"_blank\" rel=\"noopener\">p. 19 of the original</a>"));
    // hits of a Word file name no page
    assertTrue(!text("/search?q=" + q("\"金口河区总工会\"")).contains("class=\"page\""));
  }

  @Test
  void aPageOfTheOriginalIsAPicture() throws Exception {
    HttpResponse<byte[]> r = get("/d/" + CAIDIAN + "/page/19.png");
    assertEquals(200, r.statusCode());
    assertEquals("image/png", r.headers().firstValue("Content-Type").orElse(""));
    assertEquals(
        "public, max-age=31536000, immutable", r.headers().firstValue("Cache-Control").orElse(""));
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(r.body()));
    // an A4 page (595 × 842 pt) at 110 dpi
    assertEquals(909, image.getWidth());
    assertEquals(1286, image.getHeight());
    // the same bytes the second time (from the cache)
    assertTrue(java.util.Arrays.equals(r.body(), get("/d/" + CAIDIAN + "/page/19.png").body()));
  }

  @Test
  void pagesThatDoNotExistAre404() throws Exception {
    for (String path :
        List.of(
            "/d/" + CAIDIAN + "/page/42.png",
            "/d/" + CAIDIAN + "/page/0.png",
            "/d/" + CAIDIAN + "/page/one.png",
            "/d/" + CAIDIAN + "/page/3.jpg",
            "/d/" + JINKOUHE + "/page/1.png",
            "/d/0000000000000000/page/1.png")) {
      HttpResponse<byte[]> r = get(path);
      assertEquals(404, r.statusCode(), path);
      assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), path);
    }
    assertTrue(
        text("/d/" + CAIDIAN + "/page/42.png")
            .contains("文件 " + CAIDIAN + " 没有原件第 42 页的图像（只有 PDF 原件有页面图像）。"));
  }

  @Test
  void theSectionPageShowsThePageOfItsFirstHitAndTheCitationNamesThePages() throws Exception {
    String page = text("/s/" + SANGONG + "?q=" + q("\"公务接待费预算为\""));
    assertTrue(
        page.contains(
            "<img src=\"/d/"
                + CAIDIAN
                + "/page/19.png?hl=%E5%85%AC%E5%8A%A1%E6%8E%A5%E5%BE%85%E8%B4%B9%E9%A2%84%E7%AE%97%E4%B8%BA\""
                + " loading=\"lazy\" alt=\"原件第19页\">"),
        page);
    assertTrue(page.contains("href=\"/d/" + CAIDIAN + "/file#page=19\""));
    assertTrue(page.contains(">打开原件第19页</a>"));
    assertTrue(page.contains("说明”，原件第18–19页。公开 Gongkai 永久链接："));
    // without a query: the section's first page
    assertTrue(text("/s/" + SANGONG).contains("/d/" + CAIDIAN + "/page/18.png"));
    String en = text("/s/" + SANGONG + "?lang=en");
    assertTrue(en.contains(", page 18–19 of the original. Gongkai permalink:"), en);
    assertTrue(en.contains(">Open the original at page 18</a>"));
    // a Word file's section: no page picture, and the citation names no page
    JsonNode w = json.readTree(text("/api/documents/" + JINKOUHE));
    String word = text("/s/" + w.get("sections").get(1).get("id").asText());
    assertTrue(!word.contains("original-page") && !word.contains("原件第"));
  }

  /** Pixels of the marks' outline colour (230, 120, 0) in a PNG, and their rows' extent. */
  static int[] marked(byte[] png) throws Exception {
    java.awt.image.BufferedImage img =
        javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
    int n = 0, top = Integer.MAX_VALUE, bottom = -1;
    for (int y = 0; y < img.getHeight(); y++)
      for (int x = 0; x < img.getWidth(); x++) {
        int rgb = img.getRGB(x, y) & 0xffffff;
        if (rgb == 0xe67800) {
          n++;
          top = Math.min(top, y);
          bottom = Math.max(bottom, y);
        }
      }
    return new int[] {n, top, bottom, img.getHeight()};
  }

  @Test
  void thePageOfTheHitMarksTheHitWhereThePdfPrintsIt() throws Exception {
    String page = text("/s/" + SANGONG + "?q=" + q("\"公务接待费预算为\""));
    String src = "/d/" + CAIDIAN + "/page/19.png?hl=" + q("公务接待费预算为");
    assertTrue(page.contains("<img src=\"" + src + "\""), page);
    int[] plain = marked(get("/d/" + CAIDIAN + "/page/19.png").body());
    byte[] png = get(src).body();
    int[] hit = marked(png);
    java.nio.file.Files.createDirectories(Path.of("target", "screenshots"));
    java.nio.file.Files.write(Path.of("target", "screenshots", "page-mark.png"), png);
    assertEquals(0, plain[0]);
    // one phrase on one line: an outline some 8 glyphs wide, a line high
    assertTrue(hit[0] > 200, "outline pixels: " + hit[0]);
    assertTrue(hit[2] - hit[1] < 40, "one line high: rows " + hit[1] + "–" + hit[2]);
    // a text the page does not hold marks nothing
    assertEquals(0, marked(get("/d/" + CAIDIAN + "/page/19.png?hl=" + q("不存在的词语")).body())[0]);
    // without a query the section's first page is shown, unmarked
    assertTrue(text("/s/" + SANGONG).contains("<img src=\"/d/" + CAIDIAN + "/page/18.png\""));
  }
}
