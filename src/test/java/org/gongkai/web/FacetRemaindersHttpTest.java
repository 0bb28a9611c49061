package org.gongkai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gongkai.ingest.PageRolesFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every facet's values add up to its total, the remainder named: a province's own reports (省本级),
 * what has no region (地区未定) or no year (年度不详).
 */
class FacetRemaindersHttpTest {

  @TempDir static Path dir;
  static TestPortal served;
  static final ObjectMapper JSON = new ObjectMapper();

  private static String article(String title, String source, String body) {
    return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>"
        + title
        + "</title></head><body><div class=\"article\"><h1>"
        + title
        + "</h1><p>来源："
        + source
        + "</p><p>"
        + body
        + "</p></div></body></html>";
  }

  @BeforeAll
  static void serve() throws Exception {
    Path src = Files.createDirectories(dir.resolve("crawl"));
    // a county's report and a county's news item
    Files.writeString(src.resolve("report.html"), PageRolesFixtures.reportPage());
    Files.copy(PageRolesFixtures.ROLES.resolve("news.html"), src.resolve("news.html"));
    // a province's own notice: in no city
    Files.writeString(
        src.resolve("province.html"),
        article(
            "湖北省财政厅关于做好预算公开工作的通知",
            "湖北省财政厅",
            "各市、州、县财政局：为做好预算公开工作，现将有关事项通知如下，请各地认真组织实施，按时完成公开任务，确保公开内容完整准确。"));
    // a page that names no place at all: its region is undecided
    Files.writeString(
        src.resolve("nowhere.html"),
        article("读书月活动圆满结束", "图书馆", "为期一个月的读书月活动圆满结束，活动期间共举办讲座、展览和阅读分享会二十余场，吸引了大量读者参与，取得了良好效果。"));
    served = TestPortal.start(dir, List.of(src));
  }

  @AfterAll
  static void stop() throws Exception {
    served.close();
  }

  /** A dimension's values as {@code value=count} lines, children indented, remainders marked. */
  private static String values(JsonNode values, String indent) {
    StringBuilder sb = new StringBuilder();
    for (JsonNode v : values) {
      sb.append(indent)
          .append(v.get("value").asText())
          .append('=')
          .append(v.get("count").asLong())
          .append(v.path("remainder").asBoolean() ? " (remainder)" : "")
          .append('\n');
      if (v.has("children")) sb.append(values(v.get("children"), indent + "  "));
    }
    return sb.toString();
  }

  @Test
  void aBatchByRegionNamesTheSectionsOfNoRegionApartFromFoldedColumns() throws Exception {
    var r =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(served.url("/api/batch")))
                    .header("Content-Type", "application/json")
                    .POST(
                        java.net.http.HttpRequest.BodyPublishers.ofString(
                            "{\"queries\": [\"读书月\"], \"by\": \"region\"}"))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    JsonNode table = JSON.readTree(r.body());
    assertEquals("[\"湖北省\",\"地区未定\"]", table.get("columns").toString());
    JsonNode row = table.get("rows").get(0);
    assertEquals(row.get("total").asInt(), row.get("counts").get("地区未定").asInt());
    assertEquals(0, row.get("counts").get("湖北省").asInt());
    assertTrue(row.get("urls").get("地区未定").isNull());
  }

  @Test
  void regionsAndYearsAddUpToTheReportsWithTheirRemaindersNamed() throws Exception {
    JsonNode list = JSON.readTree(served.get("/api/documents").body());
    assertEquals(4, list.get("total").asInt());
    assertEquals(
        "湖北省=3\n"
            + "  襄阳市=2\n"
            + "    南漳县=2\n"
            + "  own=1 (remainder)\n"
            + "unknown=1 (remainder)\n",
        values(list.get("facets").get("region"), ""));
    assertEquals("2026=1\nunknown=3 (remainder)\n", values(list.get("facets").get("year"), ""));
    // a selected dimension is counted without its own selection: no remainder beside it
    JsonNode chosen = JSON.readTree(served.get("/api/documents?year=2026").body());
    assertEquals("2026=1\n", values(chosen.get("facets").get("year"), ""));
    // the sidebar and the home page name them, as no link
    String page = served.get("/documents").body();
    assertTrue(
        page.contains(
            "<span class=\"remainder\"><span>省本级</span> <span class=\"count\">1</span></span>"),
        page);
    assertTrue(page.contains("<span>地区未定</span> <span class=\"count\">1</span>"), page);
    assertTrue(page.contains("<span>年度不详</span> <span class=\"count\">3</span>"), page);
    // the home page counts reports: the one report, its year and its county; the news, the
    // notice and the page of nowhere are counted apart as pages (#67), none a remainder of its own
    String home = served.get("/").body();
    assertTrue(home.contains("<li><strong>1</strong> <span>份报告</span></li>"), home);
    assertTrue(home.contains("<li class=\"other-pages\"><strong>3</strong>"), home);
    assertTrue(home.contains(">2026 (1)</a>"), home);
    assertFalse(home.contains("年度不详"), home);
  }
}
