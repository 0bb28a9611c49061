package org.gongkai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.gongkai.TestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batch search as a journalist reads it: every region of the selection is a column, zeros included;
 * sections of a city's own departments (no district) are counted under 本级; the answer has an
 * address to bookmark. Over the bundled reports and one city-level report.
 */
class BatchHttpTest {

  @TempDir static Path dir;
  static TestPortal served;
  static final HttpClient http = HttpClient.newHttpClient();
  static final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void serve() throws Exception {
    served =
        TestPortal.start(
            dir,
            List.of(
                TestSupport.CORPUS.resolve("formats"),
                Path.of("src/test/resources/fixtures/batch")));
  }

  @AfterAll
  static void stop() throws Exception {
    served.close();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static JsonNode api(String body) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(served.url("/api/batch")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(200, r.statusCode(), r.body());
    return json.readTree(r.body());
  }

  @Test
  void everyRegionIsAColumnAndACitysOwnReportsAreItsOwnLevel() throws Exception {
    JsonNode inWuhan =
        api(
            "{\"queries\": [\"公务接待\", \"职工帮扶\", \"不存在的词语\"], \"by\": \"region\","
                + " \"region\": \"湖北省/武汉市\"}");
    assertEquals("[\"湖北省/武汉市/蔡甸区\",\"湖北省/武汉市/汉阳区\",\"本级\"]", inWuhan.path("columns").toString());
    JsonNode rows = inWuhan.path("rows");
    // the city's own trade union is in no district: its sections are the city's own (本级), not
    // 其他, which names only columns beyond those shown
    assertEquals(
        "{\"湖北省/武汉市/蔡甸区\":4,\"湖北省/武汉市/汉阳区\":2,\"本级\":1}", rows.get(0).path("counts").toString());
    assertEquals(7, rows.get(0).path("total").asInt());
    assertTrue(rows.get(0).path("urls").path("本级").isNull());
    // a district that never mentions it is still a column, with 0
    assertEquals(
        "{\"湖北省/武汉市/蔡甸区\":0,\"湖北省/武汉市/汉阳区\":0,\"本级\":0}", rows.get(2).path("counts").toString());
    // the counts add up to the total
    for (JsonNode row : rows) {
      int sum = 0;
      for (JsonNode n : row.path("counts")) sum += n.asInt();
      assertEquals(row.path("total").asInt(), sum, row.toString());
    }
  }

  @Test
  void provincesWithoutAHitStayAsZeros() throws Exception {
    JsonNode all = api("{\"queries\": [\"蔡甸\"], \"by\": \"region\"}");
    assertEquals("[\"湖北省\",\"四川省\",\"湖南省\"]", all.path("columns").toString());
    assertEquals(
        "{\"湖北省\":16,\"四川省\":0,\"湖南省\":0}", all.path("rows").get(0).path("counts").toString());
  }

  @Test
  void aBatchHasAnAddressThatGivesTheSameTable() throws Exception {
    String form = "queries=" + enc("公务接待\n不存在的词语") + "&by=region&region=" + enc("湖北省/武汉市");
    HttpResponse<String> posted =
        http.send(
            HttpRequest.newBuilder(URI.create(served.url("/batch")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(200, posted.statusCode());
    String bookmark =
        "/batch?queries=%E5%85%AC%E5%8A%A1%E6%8E%A5%E5%BE%85%0A%E4%B8%8D%E5%AD%98%E5%9C%A8%E7%9A%84%E8%AF%8D%E8%AF%AD"
            + "&amp;by=region&amp;region=%E6%B9%96%E5%8C%97%E7%9C%81%2F%E6%AD%A6%E6%B1%89%E5%B8%82";
    assertTrue(posted.body().contains("<a href=\"" + bookmark + "\">"), posted.body());
    HttpResponse<String> got = served.get(bookmark.replace("&amp;", "&"));
    assertEquals(200, got.statusCode());
    assertEquals(table(posted.body()), table(got.body()));
    assertTrue(
        table(got.body()).contains("<th>检索式</th><th>合计</th><th>蔡甸区</th><th>汉阳区</th><th>本级</th>"),
        table(got.body()));
    // a zero is shown and opens nothing; 本级 opens nothing either and is explained under the table
    assertEquals(
        3,
        count(table(got.body()), "<td class=\"num\"><span class=\"zero\">0</span></td>"),
        table(got.body()));
    assertTrue(
        table(got.body()).contains("<td class=\"num\"><span class=\"unlinked\">1</span></td>"));
    assertTrue(got.body().contains("本级：所选地区本身的报告（不在任何下级地区）"), got.body());
    // and the CSV of the same address
    HttpResponse<String> csv = served.get(bookmark.replace("&amp;", "&") + "&format=csv");
    assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    String base = served.url("");
    String inWuhan = "&region=%E6%B9%96%E5%8C%97%E7%9C%81%2F%E6%AD%A6%E6%B1%89%E5%B8%82";
    assertEquals(
        List.of(
            "\ufeffquery,total,湖北省/武汉市/蔡甸区,湖北省/武汉市/汉阳区,本级,search",
            "公务接待,7,4,2,1," + base + "/search?q=" + enc("公务接待") + inWuhan,
            "不存在的词语,0,0,0,0," + base + "/search?q=" + enc("不存在的词语") + inWuhan),
        csv.body().lines().toList());
  }

  private static int count(String s, String of) {
    int n = 0;
    for (int i = s.indexOf(of); i >= 0; i = s.indexOf(of, i + 1)) n++;
    return n;
  }

  private static String table(String page) {
    int from = page.indexOf("<table class=\"batch-table\">");
    return from < 0 ? "" : page.substring(from, page.indexOf("</table>", from));
  }
}
