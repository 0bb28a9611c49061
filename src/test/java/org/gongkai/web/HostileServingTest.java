package org.gongkai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a hostile document must not do to the portal: break pages with impossible figures, or plant
 * formulas in exports.
 */
class HostileServingTest {

  @TempDir static Path dir;
  static TestPortal served;
  static String docId;
  static String longId;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void serve() throws Exception {
    Path report = dir.resolve("hostile.txt");
    Files.writeString(
        report,
        "某某县审计局2024年度部门决算\n第一部分 部门概况\n一、收入支出决算总体情况说明\n"
            + "=HYPERLINK(\"http://evil.example\",\"看这里\")基本支出 100 万元。\n"
            + "支出合计 "
            + "9".repeat(400)
            + " 万元。\n"
            + "公务接待费 1"
            + "0".repeat(30)
            + " 元。\n");
    // a long report: 250 numbered sections, read a page at a time
    StringBuilder longReport = new StringBuilder("某某县长报告局2024年度部门决算\n");
    for (String part : List.of("一", "二", "三")) {
      longReport.append("第").append(part).append("部分 说明").append(part).append("\n");
      for (int i = 1; i <= 90; i++) {
        longReport
            .append(chinese(i))
            .append("、事项")
            .append(part)
            .append(i)
            .append("\n第")
            .append(i)
            .append("段正文，内容编号")
            .append(part)
            .append(i)
            .append("。\n");
      }
    }
    Files.writeString(dir.resolve("long.txt"), longReport);
    served = TestPortal.start(dir, List.of(report, dir.resolve("long.txt")));
    docId =
        served.store.documents().stream()
            .filter(d -> d.title().contains("审计局"))
            .findFirst()
            .orElseThrow()
            .docId();
    longId =
        served.store.documents().stream()
            .filter(d -> d.title().contains("长报告局"))
            .findFirst()
            .orElseThrow()
            .docId();
  }

  @AfterAll
  static void stop() throws Exception {
    served.close();
  }

  /** 1 → 一, 12 → 十二, 90 → 九十. */
  static String chinese(int n) {
    String d = "零一二三四五六七八九";
    if (n < 10) return String.valueOf(d.charAt(n));
    return (n / 10 == 1 ? "" : String.valueOf(d.charAt(n / 10)))
        + "十"
        + (n % 10 == 0 ? "" : String.valueOf(d.charAt(n % 10)));
  }

  static HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(served.url(path))).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void csvCellsThatASpreadsheetWouldRunStayText() throws Exception {
    HttpResponse<String> r = get("/api/indicators?name=basic_expenditure&format=csv");
    assertEquals(200, r.statusCode());
    List<CSVRecord> rows =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .build()
            .parse(new StringReader(r.body().substring(1)))
            .getRecords();
    assertEquals(1, rows.size());
    assertEquals(
        "'=HYPERLINK(\"http://evil.example\",\"看这里\")基本支出 100 万元。", rows.get(0).get("source"));
    assertEquals("100", rows.get(0).get("value"));
    assertEquals("'-5", org.gongkai.api.CsvCells.text("-5"));
    assertEquals("'@SUM(A1)", org.gongkai.api.CsvCells.text("@SUM(A1)"));
    assertEquals("'+1", org.gongkai.api.CsvCells.text("+1"));
    assertEquals("'\tx", org.gongkai.api.CsvCells.text("\tx"));
    assertEquals("收入合计", org.gongkai.api.CsvCells.text("收入合计"));
  }

  @Test
  void numbersNoReportCouldMeanAreNotFiguresAndBreakNoPage() throws Exception {
    JsonNode spending =
        new ObjectMapper()
            .readTree(get("/api/indicators?name=expenditure_total&format=json").body());
    assertEquals(0, spending.size(), "400 digits are not a 支出合计");
    JsonNode reception =
        new ObjectMapper().readTree(get("/api/indicators?name=reception&format=json").body());
    assertEquals(0, reception.size(), "10^30 元 is not a 公务接待费");
    for (String path :
        List.of(
            "/indicators?name=expenditure_total",
            "/indicators?name=basic_expenditure",
            "/d/" + docId,
            "/api/indicators?name=expenditure_total&format=csv",
            "/search?q=" + URLEncoder.encode("支出合计", StandardCharsets.UTF_8))) {
      HttpResponse<String> r = get(path);
      assertEquals(200, r.statusCode(), path);
      assertFalse(r.body().contains("Infinity"), path);
    }
    assertTrue(Format.number(Double.POSITIVE_INFINITY).equals("—"));
  }

  /** A raw request, so the Host header and the request path are exactly what an attacker sends. */
  static String raw(int port, String path, String host) throws Exception {
    try (var socket = new java.net.Socket("127.0.0.1", port)) {
      socket
          .getOutputStream()
          .write(
              ("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.UTF_8));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void noLinkIsMadeFromTheRequestsHostOrPath() throws Exception {
    String sectionId = served.store.sections(docId).get(0).id();
    String page = raw(served.portal.port(), "/s/" + sectionId, "evil.example");
    assertFalse(page.contains("evil.example"), "the Host header is never copied into the page");
    assertTrue(
        page.contains("/s/" + sectionId + "。原文件") || page.contains("永久链接：/s/" + sectionId),
        "a relative permalink");
    String offSite = raw(served.portal.port(), "//evil.example/", "localhost");
    assertTrue(offSite.startsWith("HTTP/1.1 404"), offSite.lines().findFirst().orElse(""));
    assertFalse(
        offSite.contains("href=\"//evil.example"), "no protocol-relative link off the site");
    assertTrue(
        offSite.contains("href=\"/evil.example/?lang=en\""), "the language link stays on the site");
  }

  @Test
  void aCitationsLinkIsWholeWhereThePortalIsReachedAtItsOwnAddressOnly() throws Exception {
    String sectionId = served.store.sections(docId).get(0).id();
    int port = served.portal.port();
    for (String own : List.of("localhost:" + port, "127.0.0.1:" + port)) {
      String page = raw(port, "/s/" + sectionId, own);
      assertTrue(page.contains("永久链接：http://" + own + "/s/" + sectionId + "。"), own + ": " + page);
      assertFalse(page.contains("站内相对地址"), own);
    }
    // another name, or another port, is not this portal's address: the link stays relative
    for (String other :
        List.of("evil.example:" + port, "localhost:1", "127.0.0.1:" + port + "@x")) {
      String page = raw(port, "/s/" + sectionId, other);
      assertFalse(page.contains("http://evil") || page.contains("localhost:1/"), other);
      assertTrue(
          page.contains("永久链接：/s/" + sectionId + "。") || page.startsWith("HTTP/1.1 400"), other);
    }
  }

  @Test
  void aConfiguredPublicUrlMakesPermalinksAndCitationsAbsolute() throws Exception {
    try (Portal pub =
        org.gongkai.TestSupport.portal(
                new org.gongkai.config.ServeConfig(
                    dir.resolve("index"), "127.0.0.1", 0, null, "https://gongkai.example.org/"),
                served.store)
            .start()) {
      String sectionId = served.store.sections(docId).get(0).id();
      String page = raw(pub.port(), "/s/" + sectionId, "evil.example");
      assertTrue(page.contains("永久链接：https://gongkai.example.org/s/" + sectionId + "。"), page);
      assertFalse(page.contains("站内相对地址"), "an absolute permalink needs no note");
      assertFalse(page.contains("evil.example"));
    }
  }

  @Test
  void aLongReportIsReadAPageAtATimeAndASectionPageReadsOnlyItsSection() throws Exception {
    List<org.gongkai.model.IndexedSection> sections = served.store.sections(longId);
    assertTrue(sections.size() > 200, "sections: " + sections.size());
    String first = get("/d/" + longId).body();
    String onPage2 = sections.get(150).id();
    assertTrue(first.contains("id=\"" + sections.get(99).id() + "\""), "section 100 is on page 1");
    assertFalse(first.contains("id=\"" + onPage2 + "\""), "section 151 is not rendered on page 1");
    assertTrue(
        first.contains("href=\"/d/" + longId + "?page=2#" + onPage2 + "\""),
        "the contents link to it on its page");
    assertTrue(
        first.contains("href=\"/d/" + longId + "?page=2\" rel=\"next\""), "a next-page link");
    String second = get("/d/" + longId + "?page=2").body();
    assertTrue(second.contains("id=\"" + onPage2 + "\""));
    assertTrue(second.contains("href=\"/d/" + longId + "?page=1\" rel=\"prev\""));
    assertEquals(
        200, get("/d/" + longId + "?page=999").statusCode(), "a page past the end shows the last");
    assertEquals(200, get("/d/" + longId + "?page=x").statusCode());
    String section = get("/s/" + onPage2).body();
    assertTrue(
        section.contains("href=\"/s/" + sections.get(149).id() + "\" rel=\"prev\""),
        "previous section");
    assertTrue(
        section.contains("href=\"/s/" + sections.get(151).id() + "\" rel=\"next\""),
        "next section");
  }
}
