package org.gongkai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One flag per contradiction, readable in one line: a wrong cell that fails its row and its
 * parent's column is one flag saying the first, counting the other, with both in its details (on
 * the page, on demand; in the API, as {@code details}).
 */
class FlagLinesHttpTest {

  @TempDir static Path dir;
  static TestPortal served;

  @BeforeAll
  static void serve() throws Exception {
    Path files = Files.createDirectories(dir.resolve("files"));
    String report =
        Files.readString(Path.of("src/test/resources/fixtures/checks/library-2024-final.txt"))
            .replace("2070104\t图书馆\t50.00\t0.00\t50.00", "2070104\t图书馆\t50.00\t0.00\t45.00");
    Files.writeString(files.resolve("library.txt"), report);
    served = TestPortal.start(dir, List.of(files));
  }

  @AfterAll
  static void stop() throws Exception {
    served.close();
  }

  @Test
  void aContradictionIsOneLineWithItsDetailsOnDemand() throws Exception {
    JsonNode docs = new ObjectMapper().readTree(served.get("/api/documents").body());
    String id = docs.get("documents").get(0).get("docId").asText();
    String page = served.get("/d/" + id).body();
    String flags =
        page.substring(
            page.indexOf("<section class=\"flags\">"),
            page.indexOf("</section>", page.indexOf("<section class=\"flags\">")));
    assertEquals(1, flags.split("<li class=\"flag-").length - 1, flags);
    assertTrue(
        flags.contains(
            "<span class=\"message\">表“一般公共预算财政拨款支出决算表”的数加不起来：20701 文化和旅游（项目支出） 50 ≠ 45"
                + "（另有 1 处相关，见详情）</span>"),
        flags);
    assertTrue(
        flags.contains(
            "<details class=\"more\"><summary>详情</summary><ul class=\"related\">"
                + "<li>20701 文化和旅游（项目支出） 50 ≠ 45</li>"
                + "<li>2070104 图书馆（合计 = 基本支出 + 项目支出） 50 ≠ 45</li></ul>"
                + "<small class=\"evidence\">依据（同一报告中成立的关系）："),
        flags);
    String english = served.get("/d/" + id + "?lang=en").body();
    assertTrue(
        english.contains(
            "the figures do not add up: 20701 文化和旅游（项目支出） 50 ≠ 45 (and 1 related, see"
                + " details)</span>"),
        english);
    JsonNode flag =
        new ObjectMapper().readTree(served.get("/api/documents/" + id).body()).get("flags").get(0);
    assertEquals(
        "[\"20701 文化和旅游（项目支出） 50 ≠ 45\",\"2070104 图书馆（合计 = 基本支出 + 项目支出） 50 ≠ 45\"]",
        flag.get("details").toString());
  }
}
