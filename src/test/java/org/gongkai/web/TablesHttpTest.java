package org.gongkai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tables of a section in the API ({@code "tables"}), a document's tables, a table as CSV, and
 * tables shown as HTML tables on the section page. Served: the legacy Word fixture with merged
 * cells ({@code fixtures/formats/merged-cells.doc}).
 */
class TablesHttpTest {

  static final String DOC = "2f74fe45998af863";
  static final String SECTION = DOC + "-2"; // 第二部分 2023年度部门决算表: two tables

  @TempDir static Path dir;
  static TestPortal served;
  static final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void serve() throws Exception {
    Path files = Files.createDirectories(dir.resolve("files"));
    Files.copy(
        Path.of("src/test/resources/fixtures/formats/merged-cells.doc"), files.resolve("决算.doc"));
    served = TestPortal.start(dir, List.of(files));
  }

  @AfterAll
  static void stop() throws Exception {
    served.close();
  }

  static HttpResponse<String> get(String path) throws Exception {
    return served.get(path);
  }

  @Test
  void aSectionsTablesAreInItsJson() throws Exception {
    JsonNode s = json.readTree(get("/api/sections/" + SECTION).body());
    JsonNode tables = s.get("tables");
    assertEquals(2, tables.size());
    assertEquals(
        "{\"id\":\"2f74fe45998af863-2-t2\",\"page\":null,\"title\":\"“三公”经费支出决算表\","
            + "\"unit\":null,\"headerRows\":2,\"rows\":["
            + "[\"合计\",\"因公出国（境）费\",\"公务用车购置及运行费\",\"\",\"\",\"公务接待费\"],"
            + "[\"\",\"\",\"小计\",\"公务用车购置费\",\"公务用车运行费\",\"\"],"
            + "[\"18.60\",\"0.00\",\"14.10\",\"0.00\",\"14.10\",\"4.50\"]],"
            + "\"columns\":[{\"head\":\"合计\",\"role\":\"total\"},"
            + "{\"head\":\"因公出国（境）费\",\"role\":\"abroad\"},"
            + "{\"head\":\"公务用车购置及运行费小计\",\"role\":\"vehicles\"},"
            + "{\"head\":\"公务用车购置费\",\"role\":\"vehiclePurchase\"},"
            + "{\"head\":\"公务用车运行费\",\"role\":\"vehicleOperation\"},"
            + "{\"head\":\"公务接待费\",\"role\":\"reception\"}],"
            + "\"rowCodes\":[null,null,null],"
            + "\"csv\":\"/t/2f74fe45998af863-2-t2.csv\"}",
        tables.get(1).toString());
    JsonNode first = tables.get(0);
    assertEquals("收入支出决算总表", first.get("title").asText());
    assertEquals("万元", first.get("unit").asText());
    assertEquals(2, first.get("headerRows").asInt());
    assertEquals(7, first.get("rows").size());
    assertEquals(
        "[\"本年收入合计\",\"1,523.40\",\"本年支出合计\",\"1,492.20\"]", first.at("/rows/4").toString());
    // a section without tables says so
    assertEquals(
        "[]", json.readTree(get("/api/sections/" + DOC + "-1").body()).get("tables").toString());
  }

  @Test
  void aDocumentsTablesAreListedWithTheirSections() throws Exception {
    JsonNode d = json.readTree(get("/api/documents/" + DOC + "/tables").body());
    assertEquals(DOC, d.get("docId").asText());
    List<String> ids = new java.util.ArrayList<>();
    for (JsonNode t : d.get("tables"))
      ids.add(t.get("sectionId").asText() + " " + t.get("id").asText());
    assertEquals(List.of(SECTION + " " + SECTION + "-t1", SECTION + " " + SECTION + "-t2"), ids);
    assertEquals(404, get("/api/documents/0000000000000000/tables").statusCode());
  }

  @Test
  void aTableIsACsvFile() throws Exception {
    HttpResponse<String> r = get("/t/" + SECTION + "-t2.csv");
    assertEquals(200, r.statusCode());
    assertEquals(
        "text/csv;charset=utf-8",
        r.headers().firstValue("Content-Type").orElse("").replace(" ", ""));
    assertEquals(
        "attachment; filename=\"" + SECTION + "-t2.csv\"",
        r.headers().firstValue("Content-Disposition").orElse(""));
    assertEquals(
        "\ufeff合计,因公出国（境）费,公务用车购置及运行费,,,公务接待费\r\n"
            + "\"\",,小计,公务用车购置费,公务用车运行费,\r\n"
            + "18.60,0.00,14.10,0.00,14.10,4.50\r\n",
        r.body());
    for (String missing :
        List.of("/t/" + SECTION + "-t3.csv", "/t/" + SECTION + "-t1.txt", "/t/nothing.csv"))
      assertEquals(404, get(missing).statusCode(), missing);
  }

  @Test
  void theSectionPageShowsTablesAsTablesWithTheHitsCellMarked() throws Exception {
    String page =
        get("/s/" + SECTION + "?q=" + URLEncoder.encode("公务接待费", StandardCharsets.UTF_8)).body();
    assertTrue(
        page.contains(
            "<div class=\"table\" id=\""
                + SECTION
                + "-t2\"><p class=\"table-caption\">"
                + "<span class=\"table-title\">“三公”经费支出决算表</span> "
                + "<a class=\"csv\" href=\"/t/"
                + SECTION
                + "-t2.csv\" download>下载 CSV</a></p>"
                + "<div class=\"table-scroll\"><table><thead>"
                + "<tr><th>合计</th><th>因公出国（境）费</th><th>公务用车购置及运行费</th><th></th><th></th>"
                + "<th class=\"hit\"><mark id=\"hit\">公务接待费</mark></th></tr>"
                // the last header row names each column's role
                + "<tr><th data-role=\"total\" title=\"合计\"></th>"
                + "<th data-role=\"abroad\" title=\"因公出国（境）费\"></th>"
                + "<th data-role=\"vehicles\" title=\"公务用车购置及运行费\">小计</th>"
                + "<th data-role=\"vehiclePurchase\" title=\"公务用车购置费\">公务用车购置费</th>"
                + "<th data-role=\"vehicleOperation\" title=\"公务用车运行费\">公务用车运行费</th>"
                + "<th data-role=\"reception\" title=\"公务接待费\"></th></tr>"
                + "</thead><tbody><tr><td class=\"num\">18.60</td><td class=\"num\">0.00</td>"
                + "<td class=\"num\">14.10</td><td class=\"num\">0.00</td><td class=\"num\">14.10</td>"
                + "<td class=\"num\">4.50</td></tr></tbody></table></div></div>"),
        page);
    // the caption lines are shown in the caption, not twice
    assertEquals(1, page.split("“三公”经费支出决算表", -1).length - 1);
    assertTrue(page.contains("<span class=\"unit\">单位：万元</span>"));
    // the whole document shows them too
    assertTrue(get("/d/" + DOC).body().contains("<div class=\"table\" id=\"" + SECTION + "-t1\">"));
  }
}
