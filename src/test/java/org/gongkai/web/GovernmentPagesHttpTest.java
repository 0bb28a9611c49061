package org.gongkai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A government's own budget reports served (#65): their kinds are facet values of their own, a
 * search for 一般公共预算收入 finds the sentence that states it, the document page lists every figure once
 * with its level and role, and the explorer names a government figure's level.
 */
class GovernmentPagesHttpTest {

  @TempDir static Path dir;
  static TestPortal served;
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void serve() throws Exception {
    Path files = Files.createDirectories(dir.resolve("files"));
    for (String f : List.of("mianyang-2026-budget-report.txt", "pingjiang-2025-final-account.txt"))
      Files.copy(Path.of("src/test/resources/fixtures/government", f), files.resolve(f));
    served = TestPortal.start(dir, List.of(files));
  }

  @AfterAll
  static void stop() throws Exception {
    served.close();
  }

  private static String docId(String titlePart) throws Exception {
    for (JsonNode d : JSON.readTree(served.get("/api/documents").body()).get("documents"))
      if (d.get("title").asText().contains(titlePart)) return d.get("docId").asText();
    throw new AssertionError("no document titled …" + titlePart);
  }

  @Test
  void theKindsAreFacetValuesAndASearchFindsTheSentence() throws Exception {
    JsonNode all = JSON.readTree(served.get("/api/search?q=%22一般公共预算收入%22").body());
    List<String> kinds = new ArrayList<>();
    for (JsonNode v : all.get("facets").get("kind")) kinds.add(v.get("value").asText());
    assertEquals(List.of("政府决算报告", "政府预算报告"), kinds.stream().sorted().toList());
    JsonNode finals =
        JSON.readTree(
            served
                .get(
                    "/api/search?q=%22一般公共预算收入%22+kind:%E6%94%BF%E5%BA%9C%E5%86%B3%E7%AE%97%E6%8A%A5%E5%91%8A")
                .body());
    assertTrue(finals.get("total").asInt() > 0, finals.toString());
    for (JsonNode hit : finals.get("hits"))
      assertEquals("平江县人民政府", hit.get("issuer").asText(), hit.toString());
  }

  @Test
  void theDocumentPageListsEachFigureOnceWithItsLevelAndRole() throws Exception {
    String page = served.get("/d/" + docId("绵阳")).body();
    int from = page.indexOf("<section class=\"doc-indicators\">");
    String figures = page.substring(from, page.indexOf("</section>", from));
    // 11 figures stated (210.5 twice, one line), this year's revenue undecided between two, and
    // four growths stated beside their figures
    assertEquals(16, figures.split("<tr class=\"").length - 1, figures);
    assertTrue(
        figures.contains(
            "<td><a href=\"/indicators?name=gov_general_revenue_growth\">一般公共预算收入增幅</a></td>\n"
                + "          <td class=\"num\"><span>3.2</span> <span>%</span></td>"),
        figures);
    assertTrue(
        figures.contains("<span>执行数</span><small class=\"scope\"> · 本级·上年</small>"), figures);
    assertTrue(
        figures.contains("<span>年初预算</span><small class=\"scope\"> · 本级·上年</small>"), figures);
    assertTrue(
        figures.contains("<span>本年预算</span><small class=\"scope\"> · 市级（县级）·本年</small>"), figures);
    assertTrue(figures.contains("<tr class=\"undecided\">"), figures);
  }

  @Test
  void theExplorerNamesAGovernmentFiguresLevel() throws Exception {
    JsonNode rows = JSON.readTree(served.get("/api/indicators?name=gov_general_revenue").body());
    JsonNode pingjiang = null;
    for (JsonNode r : rows) if (r.get("issuer").asText().equals("平江县人民政府")) pingjiang = r;
    assertEquals("21.6亿元", pingjiang.get("asWritten").asText());
    assertEquals(216000.0, pingjiang.get("valueWan").asDouble());
    assertEquals("本年决算", pingjiang.get("role").asText());
    assertEquals("全市（全县）·本年", pingjiang.get("scopeName").asText());
    assertEquals("whole/all/current", pingjiang.get("scope").asText());
  }
}
