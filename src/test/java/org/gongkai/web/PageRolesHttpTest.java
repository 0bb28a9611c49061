package org.gongkai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * A crawl's pages through the portal: their role is a facet and in the API, a list's entries say
 * which reports the collection holds, and the issuer's page lists what it lacks.
 */
class PageRolesHttpTest {

  @TempDir static Path dir;
  static TestPortal served;
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void serve() throws Exception {
    Path src = Files.createDirectories(dir.resolve("crawl"));
    for (String name : List.of("list.html", "home.html", "news.html", "notice.html", "form.html"))
      Files.copy(PageRolesFixtures.ROLES.resolve(name), src.resolve(name));
    Files.writeString(src.resolve("report.html"), PageRolesFixtures.reportPage());
    PageRolesFixtures.reportPdf(src.resolve("report.pdf"));
    // a crawler saved a news page under a PDF's name
    Files.writeString(
        src.resolve("巡查.pdf"),
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>县图书馆开展读书月活动_南漳县人民政府"
            + "</title></head><body><h1>县图书馆开展读书月活动</h1><p>4月，县图书馆以“书香南漳”为主题，"
            + "开展了为期一个月的读书月活动，组织了亲子阅读、经典诵读和图书漂流等十余场活动，吸引了众多读者参与。"
            + "</p><p>活动期间，图书馆还延长了开放时间，并在乡镇设立了流动借阅点，方便群众就近借书。</p></body></html>");
    served = TestPortal.start(dir, List.of(src));
  }

  @AfterAll
  static void stop() throws Exception {
    served.close();
  }

  private static JsonNode json(String path) throws Exception {
    var r = served.get(path);
    assertEquals(200, r.statusCode(), r.body());
    return JSON.readTree(r.body());
  }

  /** Each listed entry of a JSON array as one line: title, date, what it names, what is held. */
  private static String lines(JsonNode listed) {
    StringBuilder sb = new StringBuilder();
    for (JsonNode e : listed)
      sb.append(e.get("title").asText())
          .append(" | ")
          .append(e.get("date").asText())
          .append(" | ")
          .append(
              e.get("names").isNull()
                  ? "-"
                  : e.get("names").get("issuer").asText()
                      + " "
                      + e.get("names").get("year").asInt()
                      + " "
                      + e.get("names").get("kind").asText())
          .append(" | ")
          .append(e.get("held").isNull() ? "lacking" : e.get("held").get("url").asText())
          .append('\n');
    return sb.toString();
  }

  private static String docId(String role) throws Exception {
    JsonNode list = json("/api/documents?role=" + role);
    assertEquals(1, list.get("total").asInt(), list.toPrettyString());
    return list.get("documents").get(0).get("docId").asText();
  }

  @Test
  void theHomePageCountsReportsApartFromTheCrawlsOtherPages() throws Exception {
    // the report's two formats are one report; the list, portal, news (two), notice and form pages
    // are pages, said apart and counted in no report figure of the page (#67)
    var r = served.get("/");
    assertEquals(200, r.statusCode());
    org.junit.jupiter.api.Assertions.assertTrue(
        r.body().contains("<li><strong>1</strong> <span>份报告</span></li>"), r.body());
    org.junit.jupiter.api.Assertions.assertTrue(
        r.body()
            .contains(
                "<li class=\"other-pages\"><strong>"
                    + (json("/api/documents").get("total").asInt() - 1)
                    + "</strong> <span>个其他页面（列表页、新闻、通知等，不计入报告）</span></li>"),
        r.body());
  }

  @Test
  void everyPageHasItsRoleAsAFacetThatAddsUpToTheDocuments() throws Exception {
    JsonNode all = json("/api/documents?size=20");
    assertEquals(7, all.get("total").asInt());
    StringBuilder roles = new StringBuilder();
    for (JsonNode v : all.get("facets").get("role"))
      roles.append(v.get("value").asText()).append('=').append(v.get("count").asInt()).append(' ');
    assertEquals("news=2 form=1 list=1 navigation=1 notice=1 report=1 ", roles.toString());
    // each document says what it is; only the report has a report's kind
    StringBuilder docs = new StringBuilder();
    for (JsonNode d : all.get("documents"))
      docs.append(d.get("role").asText()).append(' ').append(d.get("kind").asText()).append('\n');
    assertEquals(
        List.of(
            "form 其他",
            "list 其他",
            "navigation 其他",
            "news 其他",
            "news 其他",
            "notice 其他",
            "report 部门预算"),
        docs.toString().lines().sorted().toList());
    // the typed filter takes the Chinese word too
    assertEquals(1, json("/api/documents?q=" + enc("性质:列表页")).get("total").asInt());
    assertEquals(
        6,
        json("/api/documents?role=list&role=news&role=navigation&role=notice&role=form")
            .get("total")
            .asInt());
  }

  @Test
  void aListsEntriesSayWhichReportsTheCollectionHolds() throws Exception {
    String list = docId("list");
    String report = docId("report");
    JsonNode d = json("/api/documents/" + list);
    assertEquals("list", d.get("role").asText());
    assertEquals("部门预决算", d.get("title").asText());
    assertEquals(
        "南漳县文化和旅游局2026年部门预算公开 | 2026-02-12 | 南漳县文化和旅游局 2026 部门预算 | /d/"
            + report
            + "\n"
            + "南漳县教育局2026年部门预算公开 | 2026-02-12 | 南漳县教育局 2026 部门预算 | lacking\n"
            + "南漳县农业农村局2026年部门预算公开 | 2026-02-11 | 南漳县农业农村局 2026 部门预算 | lacking\n"
            + "南漳县财政局2026年部门预算公开 | 2026-02-10 | 南漳县财政局 2026 部门预算 | lacking\n"
            + "南漳县文化和旅游局2024年度部门决算公开 | 2025-09-20 | 南漳县文化和旅游局 2024 部门决算 | lacking\n"
            + "南漳县教育局2024年度部门决算公开 | 2025-09-19 | 南漳县教育局 2024 部门决算 | lacking\n"
            + "关于做好2025年部门预算公开工作的通知 | 2025-04-10 | - | lacking\n"
            + "南漳县文化和旅游局2025年部门预算公开 | 2025-02-14 | 南漳县文化和旅游局 2025 部门预算 | lacking\n",
        lines(d.get("listed")));
    // a report lists nothing
    assertTrue(json("/api/documents/" + report).path("listed").isMissingNode());
  }

  @Test
  void theIssuersPageAndApiShowWhichOfItsListedReportsAreHeldAndWhichLacking() throws Exception {
    String report = docId("report");
    JsonNode issuer = json("/api/issuer?name=" + enc("南漳县人民政府办公室"));
    assertEquals(1, issuer.get("listedHeld").asInt());
    assertEquals(6, issuer.get("listedLacking").asInt());
    assertEquals(0, issuer.get("reports").size());
    assertEquals("list", issuer.get("otherPages").get(0).get("role").asText());
    // newest year first, the lacking before the held of a year
    assertEquals(
        "南漳县农业农村局2026年部门预算公开 | 2026-02-11 | 南漳县农业农村局 2026 部门预算 | lacking\n"
            + "南漳县教育局2026年部门预算公开 | 2026-02-12 | 南漳县教育局 2026 部门预算 | lacking\n"
            + "南漳县财政局2026年部门预算公开 | 2026-02-10 | 南漳县财政局 2026 部门预算 | lacking\n"
            + "南漳县文化和旅游局2026年部门预算公开 | 2026-02-12 | 南漳县文化和旅游局 2026 部门预算 | /d/"
            + report
            + "\n"
            + "南漳县文化和旅游局2025年部门预算公开 | 2025-02-14 | 南漳县文化和旅游局 2025 部门预算 | lacking\n"
            + "南漳县教育局2024年度部门决算公开 | 2025-09-19 | 南漳县教育局 2024 部门决算 | lacking\n"
            + "南漳县文化和旅游局2024年度部门决算公开 | 2025-09-20 | 南漳县文化和旅游局 2024 部门决算 | lacking\n",
        lines(issuer.get("listed")));
    String page = served.get("/issuer?name=" + enc("南漳县人民政府办公室")).body();
    assertTrue(page.contains("<p>该单位网页列出的报告 7 份：本库已收录 1 份，未收录 6 份（下次采集可补）。</p>"), page);
    assertEquals(6, page.split("<span class=\"lacking\">未收录</span>", -1).length - 1);
    assertTrue(page.contains("<a href=\"/d/" + report + "\">已收录</a>"), page);
    // an absolute link of the portal's is followed; a relative one is shown as text
    assertTrue(
        page.contains(
            "<a href=\"https://www.example.gov.cn/zwgk/yjs/202502/t20250214_08.html\" rel=\"noopener"
                + " noreferrer nofollow\">南漳县文化和旅游局2025年部门预算公开</a>"),
        page);
    assertTrue(page.contains("<td><span>南漳县教育局2026年部门预算公开</span></td>"), page);
    assertEquals(404, served.get("/api/issuer?name=" + enc("无此单位")).statusCode());
    assertEquals(400, served.get("/api/issuer").statusCode());
  }

  @Test
  void aDocumentsPageNamesWhatItIs() throws Exception {
    String page = served.get("/d/" + docId("list")).body();
    assertTrue(page.contains("<dt>性质</dt><dd class=\"role\">列表页</dd>"), page);
    assertTrue(page.contains("<h2>页面所列条目</h2>"), page);
    String report = served.get("/d/" + docId("report")).body();
    assertTrue(!report.contains("class=\"role\""), report);
  }

  @Test
  void theListOfDocumentsNamesAPageForWhatItIsAndTheSidebarCountsRoles() throws Exception {
    String list = served.get("/documents?role=list").body();
    // its line says 列表页, not 其他; the sidebar counts every role in words
    assertTrue(list.contains("<span>列表页</span>"), list);
    String all = served.get("/documents").body();
    for (String role : List.of("报告", "列表页", "导航页", "新闻", "通知公告", "表格"))
      assertTrue(all.contains(">" + role + "<"), role + " in " + all);
    String help = served.get("/help").body();
    assertTrue(help.contains("<code>list 列表页</code>"), help);
  }

  @Test
  void aWebPagesCitationNamesTheAddressItWasSavedFrom() throws Exception {
    String id =
        json("/api/documents?role=news&q=" + enc("文物安全巡查"))
            .get("documents")
            .get(0)
            .get("docId")
            .asText();
    String section = json("/api/documents/" + id).get("sections").get(0).get("id").asText();
    String page = served.get("/s/" + section).body();
    assertTrue(page.contains("原网页：http://www.example.gov.cn/gzdt/202603/t20260318_1.html。"), page);
    String doc = served.get("/d/" + id).body();
    assertTrue(
        doc.contains(
            "<dt>原网页</dt><dd class=\"source\"><a href=\"http://www.example.gov.cn/gzdt/202603/t20260318_1.html\""
                + " rel=\"noopener noreferrer nofollow\">"),
        doc);
    // a page that records no address names none
    String list = json("/api/documents?role=list").get("documents").get(0).get("docId").asText();
    assertTrue(!served.get("/d/" + list).body().contains("原网页"));
  }

  @Test
  void aWebPageSavedUnderAPdfsNameIsServedAsTheWebPageItIs() throws Exception {
    JsonNode news = json("/api/documents?role=news&q=" + enc("读书月"));
    String id = news.get("documents").get(0).get("docId").asText();
    var r = served.getBytes("/d/" + id + "/file");
    assertEquals(200, r.statusCode());
    assertEquals("text/html", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
    assertEquals(
        "attachment; filename*=UTF-8''%E5%B7%A1%E6%9F%A5.pdf.html",
        r.headers().firstValue("Content-Disposition").orElse(""));
    // a real PDF is still one
    var pdf = served.getBytes("/d/" + docId("report") + "/file");
    assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }
}
