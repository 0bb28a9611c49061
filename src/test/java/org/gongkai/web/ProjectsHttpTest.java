package org.gongkai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Projects over real HTTP (#68): three department budgets written for the purpose, 11 projects in
 * all; searched by the words of their names, narrowed by year and amount, sorted, exported, and one
 * project's page across its two years.
 */
class ProjectsHttpTest {

  @TempDir static Path dir;
  static TestPortal served;
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void serve() throws Exception {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    ProjectFixtures.write(corpus);
    served = TestPortal.start(dir.resolve("work"), List.of(corpus));
  }

  @AfterAll
  static void stop() throws Exception {
    served.close();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static JsonNode api(String query) throws Exception {
    var r = served.get("/api/projects" + query);
    assertEquals(200, r.statusCode(), r.body());
    return JSON.readTree(r.body());
  }

  private static List<String> names(JsonNode page) {
    List<String> out = new ArrayList<>();
    for (JsonNode p : page.get("projects"))
      out.add(
          p.get("name").asText() + " " + p.get("amount").asText() + " " + p.get("year").asText());
    return out;
  }

  @Test
  void everyProjectIsFoundMostMoneyFirstAndNarrowedByWordsYearAndAmount() throws Exception {
    JsonNode all = api("");
    assertEquals(18, all.get("total").asInt()); // 7 + 7 of the port's two years, 4 of climate
    assertEquals(
        List.of("码头设施改造工程 102345.67 2026", "码头设施改造工程 102345.67 2025"), names(api("?size=2")));
    assertEquals(
        List.of("航道疏浚维护 1200.00 2026", "航道疏浚维护 1100.00 2025"), names(api("?q=" + enc("疏浚"))));
    assertEquals(List.of("航道疏浚维护 1200.00 2026"), names(api("?q=" + enc("疏浚") + "&year=2026")));
    assertEquals(
        List.of(
            "人工影响天气作业 600.00 2026",
            "日常运行保障 500.00 2026",
            "日常运行保障 500.00 2025",
            "港区安全巡查经费 350.50 2026",
            "港区安全巡查经费 350.50 2025",
            "日常保障运行 318.90 2026",
            "预警信息发布平台 300.00 2026"),
        names(api("?min=300&max=600")));
    assertEquals(
        List.of("预算准备金 20.00 2026", "预算准备金 20.00 2025"), names(api("?size=2&sort=amount-asc")));
    // each statement links to its very cell, its report and its project's page
    JsonNode first = api("?q=" + enc("人工影响")).get("projects").get(0);
    assertEquals("杭州市气候服务局（气象灾害防御中心）", first.get("unit").asText());
    assertEquals("完成年度增雨作业，作业安全事故为零。", first.get("target").asText());
    // its table's sums prove it (its targets table states it alike, and gives its target)
    assertEquals("sums", first.get("proof").asText());
    assertEquals("/p/" + enc("人工影响天气作业"), first.get("url").asText());
    String cell = first.get("cellUrl").asText();
    var section = served.get(cell);
    assertEquals(200, section.statusCode());
    assertTrue(section.body().contains("id=\"hit\">人工影响天气作业</mark>"), section.body());
  }

  @Test
  void theFacetsCountTheProjectsOfEachYearAndRegion() throws Exception {
    String page = served.get("/projects").body();
    assertTrue(page.contains("共 18 条项目记录"), page);
    assertTrue(page.contains("<span>2026</span> <small>11</small>"), page);
    assertTrue(page.contains("<span>2025</span> <small>7</small>"), page);
    assertTrue(page.contains("<span>湖北省</span> <small>14</small>"), page);
    assertTrue(page.contains("<span>浙江省</span> <small>4</small>"), page);
    String narrowed = served.get("/projects?region=" + enc("浙江省")).body();
    assertTrue(narrowed.contains("共 4 条项目记录"), narrowed);
  }

  @Test
  void aProjectsPageGivesItsAmountOverTheYearsWithTheChange() throws Exception {
    var r = served.get("/p/" + enc("航道疏浚维护"));
    assertEquals(200, r.statusCode());
    String body = r.body();
    assertTrue(body.contains("<h1>航道疏浚维护</h1>"), body);
    assertTrue(body.contains("武汉市港务局</a> · <span>武汉市港务局（本级）</span>"), body);
    assertTrue(body.contains("+100.00 万元（+9.1%）"), body);
    JsonNode api = JSON.readTree(served.get("/api/p/" + enc("航道疏浚维护")).body());
    assertEquals(2, api.get("total").asInt());
    assertEquals("航道疏浚维护", api.get("key").asText());
    assertEquals(404, served.get("/p/" + enc("没有这个项目")).statusCode());
    assertEquals(404, served.get("/api/p/" + enc("没有这个项目")).statusCode());
  }

  @Test
  void anIssuersPageListsItsLatestYearsProjectsWithTheYearBefore() throws Exception {
    String page = served.get("/issuer?name=" + enc("武汉市港务局")).body();
    assertTrue(page.contains("2026年的项目（按金额）"), page);
    String rows =
        page.substring(
                page.indexOf("issuer-projects"),
                page.indexOf("</table>", page.indexOf("issuer-projects")))
            .replaceAll("<[^>]+>", " ")
            .replaceAll("\\s+", " ");
    assertTrue(rows.contains("航道疏浚维护 武汉市港务局（本级） 1,200.00 1,100.00 +9.1%"), rows);
    assertTrue(rows.contains("码头设施改造工程 武汉市港口建设服务中心 102,345.67 102,345.67 0.0%"), rows);
  }

  @Test
  void anExportGivesEveryProjectAskedAsCsv() throws Exception {
    var r = served.get("/api/projects?format=csv&year=2026");
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    List<String> lines = r.body().lines().toList();
    assertEquals(12, lines.size(), r.body()); // the header and 11 projects
    assertTrue(lines.get(0).startsWith("\ufeffname,key,unit,amount_wan,as_written,scope,proof"));
    assertTrue(
        lines.stream().anyMatch(l -> l.startsWith("码头设施改造工程,码头设施改造工程,武汉市港口建设服务中心,102345.67,")),
        r.body());
  }

  @Test
  void aRequestThatCannotBeReadSaysWhatToType() throws Exception {
    var bad = served.get("/projects?min=abc");
    assertEquals(400, bad.statusCode());
    assertTrue(bad.body().contains("看不懂 min=abc：请写以万元计的非负金额，如 min=100。"), bad.body());
    // an exponent is no amount a person types (and 1e999999999 would be a billion digits to print)
    assertEquals(400, served.get("/projects?min=1e999999999").statusCode());
    assertEquals(400, served.get("/api/projects?max=-5").statusCode());
    var sort = served.get("/api/projects?sort=biggest");
    assertEquals(400, sort.statusCode());
    assertEquals(
        "Unknown sort \"biggest\": use sort=amount (largest first), sort=amount-asc or sort=year.",
        JSON.readTree(sort.body()).get("error").asText());
    assertEquals(400, served.get("/api/projects?format=xml").statusCode());
    assertEquals(400, served.get("/projects?year=abc").statusCode());
    assertEquals(400, served.get("/projects?page=0").statusCode());
    // a page far past the last is empty, not the first again
    JsonNode far = api("?page=2147483647&size=100");
    assertEquals(18, far.get("total").asInt());
    assertEquals(0, far.get("projects").size());
  }
}
