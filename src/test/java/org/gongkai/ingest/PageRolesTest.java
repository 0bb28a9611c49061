package org.gongkai.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.gongkai.TestSupport;
import org.gongkai.extract.ExtractionException;
import org.gongkai.model.DisclosureDocument;
import org.gongkai.model.ListedEntry;
import org.gongkai.model.PageRole;
import org.gongkai.model.ReportKind;
import org.junit.jupiter.api.Test;

/**
 * A crawl's pages are told apart by their make-up before any kind of report is given: a list, a
 * portal's home page, a news item, a notice, a form and a page that only links to a form are no
 * reports (fixtures in {@code fixtures/roles}, written for these tests).
 */
class PageRolesTest {

  private static final Path ROLES = PageRolesFixtures.ROLES;

  private static DisclosureDocument read(String name) throws Exception {
    return TestSupport.ingestor().document(ROLES.resolve(name));
  }

  /** What a test compares: role, kind, title, issuer and year, one line. */
  private static String said(DisclosureDocument d) {
    return d.role().code()
        + " | "
        + ReportKind.label(d.kind())
        + " | "
        + d.title()
        + " | "
        + d.issuer()
        + " | "
        + d.year();
  }

  private static String entries(List<ListedEntry> listed) {
    StringBuilder sb = new StringBuilder();
    for (ListedEntry e : listed)
      sb.append(e.title())
          .append(" | ")
          .append(e.date())
          .append(" | ")
          .append(e.href())
          .append(" | ")
          .append(e.namesAReport() ? e.issuer() + " " + e.year() + " " + e.kind() : "-")
          .append('\n');
    return sb.toString();
  }

  @Test
  void aColumnsListOfReportsIsAListNamedByItsColumnWithEveryEntryKept() throws Exception {
    DisclosureDocument d = read("list.html");
    // the title is the column's, never its first entry's; the issuer the portal's host
    assertEquals("list | 其他 | 部门预决算 | 南漳县人民政府办公室 | null", said(d));
    assertEquals(
        "南漳县文化和旅游局2026年部门预算公开 | 2026-02-12 | /zwgk/yjs/202602/t20260212_01.html | 南漳县文化和旅游局 2026 部门预算\n"
            + "南漳县教育局2026年部门预算公开 | 2026-02-12 | /zwgk/yjs/202602/t20260212_02.html | 南漳县教育局 2026 部门预算\n"
            // a title the list cut short (…) is the link's own title, whole
            + "南漳县农业农村局2026年部门预算公开 | 2026-02-11 | /zwgk/yjs/202602/t20260211_03.html | 南漳县农业农村局 2026 部门预算\n"
            + "南漳县财政局2026年部门预算公开 | 2026-02-10 | /zwgk/yjs/202602/t20260210_04.html | 南漳县财政局 2026 部门预算\n"
            + "南漳县文化和旅游局2024年度部门决算公开 | 2025-09-20 | /zwgk/yjs/202509/t20250920_05.html | 南漳县文化和旅游局 2024 部门决算\n"
            + "南漳县教育局2024年度部门决算公开 | 2025-09-19 | /zwgk/yjs/202509/t20250919_06.html | 南漳县教育局 2024 部门决算\n"
            // a notice about reports is listed, and names none
            + "关于做好2025年部门预算公开工作的通知 | 2025-04-10 | /zwgk/yjs/202504/t20250410_07.html | -\n"
            + "南漳县文化和旅游局2025年部门预算公开 | 2025-02-14 | https://www.example.gov.cn/zwgk/yjs/202502/t20250214_08.html | 南漳县文化和旅游局 2025 部门预算\n",
        entries(d.listed()));
    assertEquals("a list: 8 entries with dates in one block, 86% of its links", why(d));
  }

  @Test
  void aPortalsHomePageIsNavigationKeepingOnlyTheEntriesThatNameReports() throws Exception {
    DisclosureDocument d = read("home.html");
    assertEquals("navigation | 其他 | 南漳县教育局 | 南漳县教育局 | null", said(d));
    // its news and notices are no report's entries: only the three of its 财政预决算 block are kept
    assertEquals(
        // the page records where it was saved from: its links are made whole against it
        "南漳县教育局2026年部门预算公开 | 2026-02-12 | http://jyj.example.gov.cn/zwgk/yjs/1.html | 南漳县教育局 2026 部门预算\n"
            + "南漳县教育局2024年度部门决算公开 | 2025-09-19 | http://jyj.example.gov.cn/zwgk/yjs/2.html | 南漳县教育局 2024 部门决算\n"
            + "南漳县教育局2025年部门预算公开 | 2025-02-14 | http://jyj.example.gov.cn/zwgk/yjs/3.html | 南漳县教育局 2025 部门预算\n",
        entries(d.listed()));
  }

  @Test
  void anArticleIsANewsItemNamedByItsHeadline() throws Exception {
    DisclosureDocument d = read("news.html");
    assertEquals("news | 其他 | 县文旅局组织开展春季文物安全巡查 | 南漳县文化和旅游局 | null", said(d));
    assertEquals(List.of(), d.listed());
  }

  @Test
  void aBodysCallForCommentIsANotice() throws Exception {
    DisclosureDocument d = read("notice.html");
    assertEquals("notice | 其他 | 关于公开征求《南漳县城区停车管理办法(征求意见稿)》意见的公告 | 南漳县人民政府 | null", said(d));
  }

  @Test
  void aTableOfBlanksToFillInIsAForm() throws Exception {
    assertEquals("form | 其他 | 政府信息公开申请表 | 南漳县人民政府 | null", said(read("form.html")));
  }

  @Test
  void aPageThatOnlyLinksToAFormOffersNoReport() throws Exception {
    DisclosureDocument d = read("form-link.html");
    assertEquals(PageRole.LANDING, d.role());
    assertEquals("a page that links to a form", why(d));
    assertEquals("2026年部门预算公开情况自查表.xlsx", d.decidedFrom().get("landingPage"));
  }

  @Test
  void aPageAScriptDrawsHasNoTextOfItsOwn() {
    ExtractionException e = assertThrows(ExtractionException.class, () -> read("empty.html"));
    assertTrue(e.isEmptyPage());
    assertEquals("a web page with no text of its own", e.getMessage());
  }

  @Test
  void aReportPublishedAsAWebPageIsAReportWithItsFigures() throws Exception {
    java.nio.file.Path page = java.nio.file.Files.createTempFile("report-", ".html");
    try {
      java.nio.file.Files.writeString(page, PageRolesFixtures.reportPage());
      var ingested = TestSupport.ingestor().ingest(page);
      DisclosureDocument d = ingested.document();
      assertEquals("report | 部门预算 | 南漳县文化和旅游局2026年部门预算 | 南漳县文化和旅游局 | 2026", said(d));
      assertEquals(
          "1856.4",
          ingested.figures().stream()
              .filter(v -> v.indicator().equals("income_total") && v.headline())
              .map(v -> String.valueOf(v.valueWan()))
              .findFirst()
              .orElse("none"));
    } finally {
      java.nio.file.Files.deleteIfExists(page);
    }
  }

  /** The document made of {@code content} saved as {@code name}. */
  private static DisclosureDocument written(String name, String content) throws Exception {
    Path dir = java.nio.file.Files.createTempDirectory("roles-");
    try {
      Path f = dir.resolve(name);
      java.nio.file.Files.writeString(f, content);
      return TestSupport.ingestor().document(f);
    } finally {
      try (var files = java.nio.file.Files.list(dir)) {
        for (Path f : files.toList()) java.nio.file.Files.delete(f);
      }
      java.nio.file.Files.delete(dir);
    }
  }

  @Test
  void aCheckListAboutAReportIsAFormThoughItQuotesTheReportsAmounts() throws Exception {
    DisclosureDocument d =
        written(
            "checklist.txt",
            "2026年度某区部门预算公开情况检查表\n部门名称：某区文化和旅游局\n"
                + "检查内容\t是否符合\t问题说明\n"
                + "部门收支预算总表\t是\t\n"
                + "“三公”经费预算表\t否\t说明中“三公”经费12.50万元，表中为12.05万元\n"
                + "机关运行经费\t是\t\n"
                + "预算编制说明\t否\t收入预算合计1,856.40万元与总表不一致\n");
    assertEquals(PageRole.FORM, d.role());
    assertEquals("a check-list about a report: 2026年度某区部门预算公开情况检查表", d.roleWhy());
  }

  @Test
  void aBodysGuideToItsDisclosuresIsANotice() throws Exception {
    StringBuilder body = new StringBuilder();
    for (String p :
        List.of(
            "为了更好地开展政府信息公开工作，方便公民、法人和其他组织获取本局的政府信息，根据有关规定编制本指南。",
            "本局主动公开的政府信息主要包括机构职能、政策文件、财政预决算、行政许可等内容，通过门户网站集中公开。",
            "申请人可以通过信函、当面或网上申请等方式提出政府信息公开申请，本局自收到申请之日起二十个工作日内答复。"))
      body.append("<p>").append(p).append("</p>");
    DisclosureDocument d =
        written(
            "guide.html",
            "<html><head><title>某市民政局政府信息公开指南</title></head><body><div class=\"nav\">"
                + "<a href=\"/\">首页</a></div><div class=\"article\"><h1>某市民政局政府信息公开指南</h1>"
                + body
                + "</div></body></html>");
    assertEquals(PageRole.NOTICE, d.role());
  }

  @Test
  void aNewsItemQuotingAmountsIsNoReport() throws Exception {
    // a portal's article on a budget: amounts and a section's name, but not a report's sections
    DisclosureDocument d =
        written(
            "news.html",
            "<html><head><title>我县下达2026年文化惠民资金 - 工作动态</title></head><body>"
                + "<div class=\"article\"><h1>我县下达2026年文化惠民资金</h1>"
                + "<p>近日，县财政局下达2026年文化惠民专项资金320万元，比上年增加40万元，主要用于乡镇综合文化站建设。</p>"
                + "<p>其中，项目支出资金280万元用于设备购置，其余40万元用于开展送戏下乡活动，资金已全部拨付到位。</p>"
                + "<p>县财政局表示，将加强资金监管，确保专款专用，切实提高财政资金使用效益。</p>"
                + "</div></body></html>");
    assertEquals(PageRole.NEWS, d.role());
    assertEquals(ReportKind.OTHER, d.kind());
  }

  @Test
  void theRealReportsStayReports() throws Exception {
    // every report of the bundled corpus, in each of its formats, is still read as a report
    for (Path f : java.nio.file.Files.list(Path.of("corpus/formats")).sorted().toList()) {
      DisclosureDocument d = TestSupport.ingestor().document(f);
      assertEquals(PageRole.REPORT, d.role(), f + ": " + d.roleWhy());
    }
  }

  private static String why(DisclosureDocument d) {
    return d.roleWhy();
  }
}
