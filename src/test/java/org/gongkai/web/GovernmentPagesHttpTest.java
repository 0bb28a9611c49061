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
    for (String f :
        List.of(
            "mianyang-2026-budget-report.txt",
            "pingjiang-2025-final-account.txt",
            "pingjiang-2025-budget-report.txt"))
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
    // 12 figures stated (210.5 twice, one line; the 市本级 debt balance said right after the whole's),
    // this year's revenue undecided between two, and four growths stated beside their figures
    assertEquals(17, figures.split("<tr class=\"").length - 1, figures);
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
    for (JsonNode r : rows)
      if (r.get("issuer").asText().equals("平江县人民政府") && r.get("role").asText().equals("本年决算"))
        pingjiang = r;
    assertEquals("21.6亿元", pingjiang.get("asWritten").asText());
    assertEquals(216000.0, pingjiang.get("valueWan").asDouble());
    assertEquals("本年决算", pingjiang.get("role").asText());
    assertEquals("全市（全县）·本年", pingjiang.get("scopeName").asText());
    assertEquals("whole/all/current", pingjiang.get("scope").asText());
  }

  /** Issuer, year, value as written and how it is weighed, of each row of the explorer's API. */
  private static List<String> rows(String query) throws Exception {
    var r = served.get("/api/indicators?name=gov_general_revenue" + query);
    assertEquals(200, r.statusCode(), r.body());
    List<String> out = new ArrayList<>();
    for (JsonNode row : JSON.readTree(r.body()))
      out.add(
          row.get("issuer").asText()
              + " "
              + row.get("year").asText()
              + " "
              + row.get("asWritten").asText()
              + " "
              + row.get("role").asText()
              + " "
              + row.get("scopeName").asText()
              + (row.get("candidate").asBoolean() ? " candidate" : ""));
    return out;
  }

  @Test
  void theExplorerShowsAGovernmentsFigureInOneLevelAndOneRole() throws Exception {
    // what was done last year, stated twice alike: one value, of the year it was done in
    assertEquals(
        List.of("绵阳市人民政府 2025 210.5亿元 执行数 全市（全县）·上年", "平江县人民政府 2024 20.4亿元 执行数 全市（全县）·上年"),
        rows("&level=whole&role=executed"));
    assertEquals(List.of("绵阳市人民政府 2025 62.3亿元 执行数 本级·上年"), rows("&level=self&role=executed"));
    assertEquals(List.of("绵阳市人民政府 2026 65.0亿元 本年预算 市级（县级）·本年"), rows("&level=level&role=planned"));
    assertEquals(List.of("平江县人民政府 2025 21.6亿元 本年决算 全市（全县）·本年"), rows("&level=全市&role=本年决算"));
    // this year's budget stated twice, differently: both, each a candidate
    assertEquals(
        List.of(
            "绵阳市人民政府 2026 218.9亿元 本年预算 全市（全县）·本年 candidate",
            "绵阳市人民政府 2026 221.0亿元 本年预算 全市（全县）·本年 candidate",
            "平江县人民政府 2025 21.3亿元 本年预算 全市（全县）·本年"),
        rows("&level=whole&role=planned"));
    // the growth stated beside a figure is chosen the same way
    var growth =
        JSON.readTree(
            served
                .get("/api/indicators?name=gov_general_revenue_growth&level=level&role=planned")
                .body());
    assertEquals(1, growth.size(), growth.toString());
    assertEquals(4.3, growth.get(0).get("value").asDouble());
    assertEquals("增长4.3%", growth.get(0).get("asWritten").asText());

    var bad = served.get("/api/indicators?name=gov_general_revenue&level=town");
    assertEquals(400, bad.statusCode());
    assertEquals(
        "Unknown level \"town\". Use level=whole (the whole city), level (the city's own level) or"
            + " self (本级).",
        JSON.readTree(bad.body()).get("error").asText());
    assertEquals(400, served.get("/indicators?name=gov_general_revenue&role=guess").statusCode());
  }

  @Test
  void theExplorerPageOffersTheLevelsAndRolesAndKeepsTheChoiceInItsLinks() throws Exception {
    String page = served.get("/indicators?name=gov_general_revenue").body();
    int from = page.indexOf("<p class=\"tools scope-choice\">");
    String choice = page.substring(from, page.indexOf("</p>", from));
    // the whole city's budget unless chosen
    assertTrue(
        choice.contains(
            "<a class=\"level on\" href=\"/indicators?name=gov_general_revenue&amp;level=whole&amp;role=planned\" aria-current=\"true\">全市（全县）</a>"),
        choice);
    assertTrue(
        choice.contains(
            "<a class=\"role\" href=\"/indicators?name=gov_general_revenue&amp;level=whole&amp;role=executed\">执行数</a>"),
        choice);
    assertTrue(
        page.contains(
            "href=\"/api/indicators?name=gov_general_revenue&amp;format=csv&amp;level=whole&amp;role=planned\""),
        page);
    // a department's figure has no level to choose
    assertEquals(-1, served.get("/indicators?name=three_public").body().indexOf("scope-choice"));
  }

  @Test
  void aGovernmentsBudgetIsSetAgainstWhatItDid() throws Exception {
    JsonNode pairs =
        JSON.readTree(served.get("/api/indicators?name=gov_general_revenue&compare=budget").body());
    List<String> out = new ArrayList<>();
    for (JsonNode p : pairs)
      out.add(
          p.get("issuer").asText()
              + " "
              + p.get("year").asText()
              + " "
              + p.get("budget")
              + " "
              + p.get("actual")
              + " "
              + p.get("difference"));
    // the whole county's budget of 2025 against its final accounts; 2024's and 绵阳's 2025 done
    // stand without the budget of their year, which is not indexed
    assertEquals(
        List.of(
            "绵阳市人民政府 2025 null 2105000.0 null",
            "平江县人民政府 2024 null 204000.0 null",
            "平江县人民政府 2025 213000.0 216000.0 3000.0"),
        out,
        pairs.toString());
    // the final accounts restate the year's budget as 21.5 亿元; its budget report said 21.3
    String page = served.get("/indicators?name=gov_general_revenue&compare=budget").body();
    assertTrue(
        page.contains(
            "<p class=\"notes\">平江县人民政府 2025 年的年初预算，《平江县人民政府关于2025年全县财政决算(草案)的报告》写作 21.5亿元，"
                + "而当年的预算报告《关于平江县2024年预算执行情况和2025年预算草案的报告》写作 21.3亿元</p>"),
        page);
  }

  @Test
  void aGovernmentsFiguresPerResidentDivideByThePopulationOfTheirYear() throws Exception {
    // 平江's final accounts state its people at the year's end (86.4 万人): its revenue and spending
    // per resident in 元; its budget report of the same year and 绵阳's state none, so none is divided
    JsonNode rows =
        JSON.readTree(
            served
                .get("/api/indicators?name=gov_general_revenue,gov_general_expenditure&per=person")
                .body());
    List<String> lines = new ArrayList<>();
    for (JsonNode r : rows)
      lines.add(
          r.get("issuer").asText()
              + " "
              + r.get("year").asText()
              + " population="
              + r.get("population")
              + " revenue="
              + r.at("/values/gov_general_revenue/value")
              + "/"
              + r.at("/values/gov_general_revenue/perPerson")
              + " spending="
              + r.at("/values/gov_general_expenditure/value")
              + "/"
              + r.at("/values/gov_general_expenditure/perPerson"));
    assertEquals(
        List.of(
            "绵阳市人民政府 2026 population=null revenue=/ spending=5300000.0/null",
            "平江县人民政府 2025 population=null revenue=213000.0/null spending=560000.0/null",
            "平江县人民政府 2025 population=86.4 revenue=216000.0/2500.0 spending=604000.0/6990.74"),
        lines,
        rows.toString());
    // the CSV: each per-resident value, and the residents last
    String csv =
        served
            .get("/api/indicators?name=gov_general_revenue&per=person&format=csv&role=actual")
            .body();
    assertEquals(
        List.of(
            "docId,url,title,issuer,region,regionCode,year,kind,staff,gov_general_revenue,"
                + "gov_general_revenue_per_person,gov_general_revenue_role,collection,population,"
                + "gov_general_revenue_measure",
            "8dfdf98c2c2f0078,/d/8dfdf98c2c2f0078,平江县人民政府关于2025年全县财政决算(草案)的报告,平江县人民政府,"
                + "湖南省/岳阳市/平江县,430626,2025,政府决算报告,,216000,2500,本年决算,,86.4,"),
        csv.strip().replace("\ufeff", "").lines().toList());
    // the page (a government's final figures chosen: it shows the budgets unless asked) names the
    // residents and the unit, not a department's staff
    String page =
        served
            .get(
                "/indicators?name=gov_general_revenue&name=gov_general_expenditure&per=person"
                    + "&role=actual")
            .body();
    assertTrue(page.contains("<th>常住人口（万人）</th>"), page);
    assertTrue(page.contains("<th>一般公共预算收入人均（元）</th>"), page);
    assertTrue(page.contains("data-label=\"常住人口（万人）\">86.4</td>"), page);
    assertTrue(page.contains("data-label=\"一般公共预算收入人均（元）\">2500</td>"), page);
    assertTrue(page.contains("data-label=\"一般公共预算支出人均（元）\">6990.74</td>"), page);
  }

  @Test
  void aBudgetReportIsFoundUnderTheYearItExecutesAsWellAsTheOneItDrafts() throws Exception {
    JsonNode r = JSON.readTree(served.get("/api/search?q=%22一般公共预算收入%22&year=2025").body());
    List<String> issuers = new ArrayList<>();
    for (JsonNode hit : r.get("hits"))
      if (!issuers.contains(hit.get("issuer").asText())) issuers.add(hit.get("issuer").asText());
    assertEquals(List.of("平江县人民政府", "绵阳市人民政府"), issuers.stream().sorted().toList());
    JsonNode all = JSON.readTree(served.get("/api/search?q=%22一般公共预算收入%22").body());
    List<String> years = new ArrayList<>();
    for (JsonNode v : all.get("facets").get("year"))
      years.add(v.get("value").asText() + "=" + v.get("count").asText());
    // sections: 绵阳's (2026, and 2025 it executed), 平江's final (2025) and budget (2025, 2024)
    assertEquals(List.of("2026=4", "2025=8", "2024=2"), years);
  }
}
