package org.gongkai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The explorer's region × department view and its landing (#67), over made-up budgets of two
 * cities' departments in two years and a final account: the explorer opens on the newest year's
 * department budgets; the view puts each city on a row and each kind of department in a column,
 * every value linked, a department a city did not report shown as such; its years, CSV and JSON.
 */
class ExplorerMatrixHttpTest {

  @TempDir static Path dir;
  static TestPortal served;

  /** Each city's departments and their 2026 “三公” budgets (万元); 2025 is each one less. */
  static final String[][] BUDGETS = {
    {"武汉市", "财政局", "12.5"},
    {"武汉市", "教育局", "30"},
    {"武汉市", "总工会", "4.2"},
    {"长沙市", "财政局", "9"},
    {"长沙市", "教育局", "41.75"},
  };

  static String report(String issuer, int year, String kind, String amount) {
    return issuer
        + year
        + "年"
        + kind
        + "\n\n一、"
        + kind
        + "情况说明\n"
        + year
        + "年“三公”经费财政拨款"
        + (kind.equals("部门预算") ? "预算" : "支出决算")
        + "为"
        + amount
        + "万元，其中：因公出国（境）费0万元，公务用车购置及运行维护费0万元，公务接待费"
        + amount
        + "万元。\n";
  }

  @BeforeAll
  static void serve() throws Exception {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    int n = 0;
    for (String[] b : BUDGETS) {
      String issuer = b[0] + b[1];
      double v = Double.parseDouble(b[2]);
      Files.writeString(corpus.resolve("b" + n++ + ".txt"), report(issuer, 2026, "部门预算", b[2]));
      Files.writeString(
          corpus.resolve("b" + n++ + ".txt"), report(issuer, 2025, "部门预算", Format.number(v - 1)));
    }
    // a final account of an older year: not what the explorer opens on
    Files.writeString(corpus.resolve("f.txt"), report("武汉市财政局", 2024, "部门决算", "99"));
    served = TestPortal.start(dir.resolve("work"), List.of(corpus));
  }

  @AfterAll
  static void stop() throws Exception {
    served.close();
  }

  static HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .build()
        .send(
            HttpRequest.newBuilder(URI.create(served.url(path))).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** The matrix table's text, a line per row, cells split by " | ". */
  static List<String> table(String html) {
    Matcher t = Pattern.compile("(?s)<table[^>]*id=\"matrix-table\">(.*?)</table>").matcher(html);
    assertTrue(t.find(), html);
    List<String> out = new ArrayList<>();
    Matcher row = Pattern.compile("(?s)<tr>(.*?)</tr>").matcher(t.group(1));
    while (row.find()) {
      List<String> cells = new ArrayList<>();
      Matcher cell = Pattern.compile("(?s)<t[hd][^>]*>(.*?)</t[hd]>").matcher(row.group(1));
      while (cell.find())
        cells.add(cell.group(1).replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").strip());
      out.add(String.join(" | ", cells));
    }
    return out;
  }

  @Test
  void theExplorerOpensOnTheNewestYearsDepartmentBudgets() throws Exception {
    HttpResponse<String> r = get("/indicators");
    assertEquals(200, r.statusCode());
    String page = r.body();
    // shown as if asked: the year and kind in the form, and in every link the page gives
    assertTrue(page.contains("name=\"year\" value=\"2026\""), page);
    String kind = Links.enc("部门预算");
    assertTrue(
        page.contains(
            "href=\"/indicators?name=three_public&amp;year=2026&amp;kind="
                + kind
                + "&amp;sort=year\""),
        page);
    assertTrue(
        page.contains(
            "href=\"/indicators?name=three_public&amp;year=2026&amp;kind="
                + kind
                + "&amp;view=matrix\""),
        page);
    assertTrue(
        get("/indicators?lang=en").body().contains("name=\"year\" value=\"2026\""),
        "in English too");
    // five budgets of 2026, largest first; the kind chosen in the form
    Matcher values = Pattern.compile("<span class=\"value\">([^<]+)</span>").matcher(page);
    List<String> shown = new ArrayList<>();
    while (values.find()) shown.add(values.group(1));
    assertEquals(List.of("41.75", "30.00", "12.50", "9.00", "4.20"), shown);
    assertTrue(page.contains("<option value=\"部门预算\" selected=\"selected\">部门预算</option>"), page);
    assertTrue(page.contains("<option value=\"\">全部类别</option>"), page);
  }

  @Test
  void eachCityARowEachDepartmentAColumn() throws Exception {
    String page =
        get("/indicators?name=three_public&kind=" + Links.enc("部门预算") + "&view=matrix").body();
    assertEquals(
        List.of(
            "地区 | 教育局 | 财政局 | 总工会", "湖北省 武汉市 | 30.00 | 12.50 | 4.20", "湖南省 长沙市 | 41.75 | 9.00 | —"),
        table(page));
    assertTrue(page.contains("“三公”经费 · 2026年 · 地区 × 部门"), page);
    // every value linked to where it is stated
    Matcher links =
        Pattern.compile("<a href=\"(/s/[^\"]+)\" title=\"[^\"]*\">41.75</a>").matcher(page);
    assertTrue(links.find(), page);
    assertTrue(get(links.group(1)).body().contains("41.75"));
    // the other year, one click away
    assertTrue(page.contains("&amp;year=2025&amp;view=matrix\">2025</a>"), page);
    String y2025 =
        get("/indicators?name=three_public&kind=" + Links.enc("部门预算") + "&year=2025&view=matrix")
            .body();
    assertEquals(
        List.of(
            "地区 | 教育局 | 财政局 | 总工会", "湖北省 武汉市 | 29.00 | 11.50 | 3.20", "湖南省 长沙市 | 40.75 | 8.00 | —"),
        table(y2025));
    // the list view links to it, and it back to the list
    String list = get("/indicators?name=three_public&year=2026").body();
    assertTrue(
        list.contains(
            "<a class=\"matrix\" href=\"/indicators?name=three_public&amp;year=2026&amp;view=matrix\">地区 × 部门</a>"),
        list);
    assertEquals(400, get("/indicators?name=three_public&view=pie").statusCode());
  }

  @Test
  void theViewAsCsvAndJson() throws Exception {
    String q = "/api/indicators?name=three_public&kind=" + Links.enc("部门预算") + "&view=matrix";
    HttpResponse<String> csv = get(q + "&format=csv");
    assertEquals(200, csv.statusCode());
    assertEquals(
        "\ufeffregion,教育局,财政局,总工会\r\n湖北省 武汉市,30,12.5,4.2\r\n湖南省 长沙市,41.75,9,\r\n", csv.body());
    JsonNode json = new ObjectMapper().readTree(get(q).body());
    assertEquals(2026, json.get("year").asInt());
    assertEquals("[2026,2025]", json.get("years").toString());
    assertEquals("[\"教育局\",\"财政局\",\"总工会\"]", json.get("departments").toString());
    JsonNode changsha = json.get("regions").get(1);
    assertEquals("湖南省 长沙市", changsha.get("region").asText());
    assertEquals(41.75, changsha.get("cells").get("教育局").get(0).get("value").asDouble());
    assertTrue(changsha.get("cells").get("教育局").get(0).get("url").asText().startsWith("http"));
    assertEquals(null, changsha.get("cells").get("总工会"));
    assertEquals(400, get(q.replace("matrix", "pie")).statusCode());
  }
}
