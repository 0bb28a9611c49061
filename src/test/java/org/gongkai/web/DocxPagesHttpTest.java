package org.gongkai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gongkai.extract.DocxPagesTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Word file that records its page breaks: its sections and hits know their pages, the citation
 * names them, and the section page says which page of the original holds the hit — as words, since
 * only a PDF's pages are drawn ({@code /d/{docId}/page/{n}.png} is 404 for it).
 */
class DocxPagesHttpTest {

  @TempDir static Path dir;
  static TestPortal served;
  static final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void serve() throws Exception {
    Path files = Files.createDirectories(dir.resolve("files"));
    DocxPagesTest.write(files.resolve("武汉市某某区总工会2024年度部门决算.docx"));
    served = TestPortal.start(dir, List.of(files));
  }

  @AfterAll
  static void stop() throws Exception {
    served.close();
  }

  @Test
  void aWordFilesRecordedPagesAreTheSectionsAndHitsPages() throws Exception {
    String q = URLEncoder.encode("\"本年支出合计465.38万元\"", StandardCharsets.UTF_8);
    JsonNode hits = json.readTree(served.get("/api/search?q=" + q).body()).get("hits");
    assertEquals(1, hits.size());
    JsonNode hit = hits.get(0);
    assertEquals(4, hit.get("page").asInt()); // after the break Word recorded in the paragraph
    String section = hit.get("id").asText();
    String docId = hit.get("docId").asText();
    JsonNode s = json.readTree(served.get("/api/sections/" + section).body());
    assertEquals("[3,4]", s.get("pages").toString());
    assertEquals(5, s.get("pageCount").asInt());
    assertEquals(404, served.getBytes("/d/" + docId + "/page/4.png").statusCode());
    String page = served.get("/s/" + section + "?q=" + q).body();
    assertTrue(page.contains("<p class=\"original-page\">原件第4页</p>"), page);
    assertFalse(page.contains("/page/4.png"), page);
    assertTrue(page.contains("原件第3–4页"), page); // the citation
  }
}
