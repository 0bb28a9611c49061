package org.gongkai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gongkai.TestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several figures at once ({@code name} repeated or comma-separated): a row per report, a column
 * per figure, a figure the report does not state left empty; {@code per=person} adds each divided
 * by the report's 实有人数 — over the bundled corpus, in the explorer, its JSON and CSV.
 */
class SeveralFiguresHttpTest {

  @TempDir static Path dir;
  static TestPortal served;
  static final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void serve() throws Exception {
    served = TestPortal.start(dir, List.of(TestSupport.CORPUS.resolve("formats")));
  }

  @AfterAll
  static void stop() throws Exception {
    served.close();
  }

  @Test
  void theApiGivesAColumnPerFigureAndPerPersonValues() throws Exception {
    JsonNode rows =
        json.readTree(
            served.get("/api/indicators?name=income_total,three_public&per=person").body());
    List<String> lines = new ArrayList<>();
    for (JsonNode r : rows) {
      JsonNode v = r.get("values");
      lines.add(
          r.get("title").asText()
              + " staff="
              + r.get("staff")
              + " income="
              + v.at("/income_total/value")
              + "/"
              + v.at("/income_total/perPerson")
              + " three_public="
              + v.at("/three_public/value")
              + "/"
              + v.at("/three_public/perPerson"));
    }
    assertEquals(
        List.of(
            "乐山市金口河区总工会2024年度部门决算 staff=6.0 income=395.14/65.8567 three_public=0.35/0.0583",
            "武汉市汉阳区总工会 2024 年度部门决算 staff=null income=465.38/null three_public=0.0/null",
            "武汉市蔡甸区总工会2023年度部门决算 staff=null income=552.83/null three_public=0.0/null",
            "鄂城区总工会2023年度部门决算 staff=3.0 income=93.93/31.31 three_public=0.0/0.0",
            // a performance evaluation states its 三公 (none) but no income: absent, not zero
            "洪江区总工会2024年度绩效评价 staff=7.0 income=/ three_public=0.0/0.0"),
        lines);
    assertTrue(rows.get(4).get("values").get("income_total") == null);
  }

  @Test
  void theCsvAndTheExplorerShowTheSameColumns() throws Exception {
    String csv =
        served
            .get("/api/indicators?name=income_total&name=three_public&per=person&format=csv")
            .body();
    List<String> lines = csv.lines().toList();
    assertEquals(
        "\ufeffdocId,url,title,issuer,region,regionCode,year,kind,staff,income_total,"
            + "income_total_per_person,three_public,three_public_per_person,"
            + "income_total_role,three_public_role,collection,"
            + "income_total_measure,three_public_measure",
        lines.get(0));
    assertTrue(
        lines
            .get(1)
            .endsWith(",四川省/乐山市/金口河区,511113,2024,部门决算,6,395.14,65.8567,0.35,0.0583,本年决算,本年决算,,,"),
        lines.get(1));
    String page = served.get("/indicators?name=income_total&name=three_public&per=person").body();
    assertTrue(page.contains("<table class=\"data explorer-table\" id=\"figures-table\">"), page);
    assertTrue(page.contains("<th>收入合计（万元）</th>"), page);
    assertTrue(page.contains("<th>收入合计人均</th>"), page);
    assertTrue(page.contains("<td class=\"num\" data-label=\"收入合计人均\">65.8567</td>"), page);
    // each value says which it is (口径)
    assertTrue(page.contains("</a> <small class=\"role\">本年决算</small></td>"), page);
    assertEquals(400, served.get("/indicators?name=income_total&per=head").statusCode());
    // a report that states none of the figures asked for is named under the table, not dropped
    String none = served.get("/indicators?name=performance_score&name=staff_quota").body();
    int from = none.indexOf("id=\"not-reported\"");
    assertTrue(from > 0, none);
    String named = none.substring(from, none.indexOf("</section>", from));
    assertTrue(named.contains("<h2>这几项指标都未报告的报告（1 份）</h2>"), named);
    assertTrue(
        named.contains(
            "<a href=\"/d/d42c6830081dfa35\">武汉市蔡甸区总工会2023年度部门决算</a>\n"
                + "        <small>湖北省 武汉市 蔡甸区 · 2023 · 部门决算</small>"),
        named);
    // the reports that do state one of them are the table's rows, not listed again
    assertEquals(1, named.split("<li>", -1).length - 1, named);
    assertEquals(400, served.get("/api/indicators?name=income_total,bogus").statusCode());
  }
}
