package org.gongkai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.TestSupport;
import org.gongkai.config.ServeConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journalist's workflow over real HTTP, on the bundled corpus: lists of reports, results
 * grouped by report, every hit exported, feeds, batch search, issuer pages, and the query
 * language's messages. A second portal over the same index has a public URL, as {@code serve
 * --public-url} gives it.
 */
class WorkflowHttpTest {

  static final String HANYANG = "52bbe3626a4811c6";
  static final String JINKOUHE = "e3eabb74bdb7bdb4";
  static final String ECHENG = "aa71aabe09c7bab1";
  static final String HONGJIANG = "7c47e9c7f99b77e3";
  static final String CAIDIAN = "d42c6830081dfa35";
  static final String PUBLIC = "https://gongkai.example.org";

  @TempDir static Path dir;
  static TestPortal served;
  static Portal withPublicUrl;
  static final HttpClient http = HttpClient.newHttpClient();
  static final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void serve() throws Exception {
    served = TestPortal.start(dir, List.of(TestSupport.CORPUS.resolve("formats")));
    withPublicUrl =
        TestSupport.portal(
                new ServeConfig(dir.resolve("index"), ServeConfig.DEFAULT_HOST, 0, null, PUBLIC),
                served.store)
            .start();
  }

  @AfterAll
  static void stop() throws Exception {
    withPublicUrl.close();
    served.close();
  }

  record Response(int status, String type, String body) {}

  static Response get(String pathAndQuery) throws Exception {
    return get(served.portal, pathAndQuery);
  }

  static Response get(Portal portal, String pathAndQuery) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + portal.port() + pathAndQuery))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Response(
        r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
  }

  static Response post(String path, String type, String body) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(served.url(path)))
                .header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Response(
        r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static List<String> all(Pattern p, String s) {
    List<String> out = new ArrayList<>();
    Matcher m = p.matcher(s);
    while (m.find()) out.add(m.group(1));
    return out;
  }

  static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.path(field).asText()));
    return out;
  }

  // ---- lists of reports

  @Test
  void reportsAreSelectedByTheFamiliesOfChecksTheyFail() throws Exception {
    JsonNode all = json.readTree(get("/api/documents").body());
    assertEquals(
        "[{\"value\":\"年度单位与文字差错\",\"count\":3,\"path\":\"年度单位与文字差错\",\"selected\":false},"
            + "{\"value\":\"说法与数字不符\",\"count\":3,\"path\":\"说法与数字不符\",\"selected\":false},"
            + "{\"value\":\"公开表缺失或为空\",\"count\":2,\"path\":\"公开表缺失或为空\",\"selected\":false}]",
        all.path("facets").path("check").toString());
    // ticked in the URL, or typed as a filter
    JsonNode wording = json.readTree(get("/api/documents?check=" + enc("说法与数字不符")).body());
    assertEquals(List.of(HANYANG, JINKOUHE, ECHENG), texts(wording.path("documents"), "docId"));
    JsonNode typed = json.readTree(get("/api/documents?q=" + enc("检查:年度单位与文字差错")).body());
    assertEquals(List.of(JINKOUHE, ECHENG, CAIDIAN), texts(typed.path("documents"), "docId"));
    // sections carry their report's families: a search narrowed to reports that fail a check
    JsonNode hits =
        json.readTree(get("/api/search?q=" + enc("\"三公\"") + "&check=" + enc("公开表缺失或为空")).body());
    assertEquals(
        java.util.Set.of(HANYANG, ECHENG),
        new java.util.HashSet<>(texts(hits.path("hits"), "docId")));
    // a feed of the selection holds the same reports
    String feed = get("/feed?check=" + enc("说法与数字不符")).body();
    assertEquals(3, feed.split("<entry>", -1).length - 1, feed);
    for (String id : List.of(HANYANG, JINKOUHE, ECHENG)) assertTrue(feed.contains("/d/" + id), id);
    // the page words each family in the reader's language
    Response en = get("/documents?lang=en");
    assertTrue(en.body().contains("Words against the numbers"), en.body());
    assertTrue(en.body().contains("Checks failed"), en.body());
  }

  @Test
  void apiDocumentsListsReportsWithTheSameFacetsCountedInReports() throws Exception {
    Response r = get("/api/documents");
    assertEquals(200, r.status());
    assertTrue(r.type().startsWith("application/json"), r.type());
    JsonNode d = json.readTree(r.body());
    assertEquals(5, d.path("total").asInt());
    // no query: newest year first, then by id
    assertEquals(
        List.of(HANYANG, HONGJIANG, JINKOUHE, ECHENG, CAIDIAN),
        texts(d.path("documents"), "docId"));
    JsonNode hanyang = d.path("documents").get(0);
    assertEquals("/d/" + HANYANG, hanyang.path("url").asText());
    assertEquals("武汉市汉阳区总工会 2024 年度部门决算", hanyang.path("title").asText());
    assertEquals("武汉市汉阳区总工会", hanyang.path("issuer").asText());
    assertEquals("420105", hanyang.path("region").path("code").asText());
    assertEquals(2024, hanyang.path("year").asInt());
    assertEquals("部门决算", hanyang.path("kind").asText());
    assertEquals("总工会", hanyang.path("department").asText());
    assertEquals(31, hanyang.path("sections").asInt());
    assertEquals(21, hanyang.path("figures").asInt());
    // its words say 决算数小于年初预算数 of an actual above the budget
    assertEquals(1, hanyang.path("flags").asInt());
    assertEquals("[\"公开表缺失或为空\",\"说法与数字不符\"]", hanyang.path("checks").toString());
    assertEquals("[\"000_988c7a9063883e3f.pdf\"]", hanyang.path("files").toString());
    assertEquals("/d/" + HANYANG + "/file", hanyang.path("downloads").get(0).path("url").asText());
    assertEquals("pdf", hanyang.path("downloads").get(0).path("format").asText());
    // 鄂城区: four contradictions, and seven sentences whose words do not fit their figures
    assertEquals(11, d.path("documents").get(3).path("flags").asInt());
    // facet counts are reports, not sections
    assertEquals(
        "[{\"value\":\"2024\",\"count\":3,\"path\":\"2024\",\"selected\":false},"
            + "{\"value\":\"2023\",\"count\":2,\"path\":\"2023\",\"selected\":false}]",
        d.path("facets").path("year").toString());
    assertEquals("湖北省", d.path("facets").path("region").get(0).path("value").asText());
    assertEquals(3, d.path("facets").path("region").get(0).path("count").asInt());
    assertEquals(
        "[{\"value\":\"部门决算\",\"count\":4,\"path\":\"部门决算\",\"selected\":false},"
            + "{\"value\":\"绩效评价\",\"count\":1,\"path\":\"绩效评价\",\"selected\":false}]",
        d.path("facets").path("kind").toString());
  }

  @Test
  void aQueryListsTheReportsWithAMatchingSectionBestFirst() throws Exception {
    JsonNode d =
        json.readTree(
            get("/api/documents?q=" + enc("公务接待") + "&region=" + enc("湖北省") + "&size=2").body());
    assertEquals(3, d.path("total").asInt());
    assertEquals(2, d.path("size").asInt());
    assertEquals(List.of(HANYANG, ECHENG), texts(d.path("documents"), "docId"));
    assertEquals(
        List.of("2", "4"), texts(d.path("documents"), "matching"), "matching sections per report");
    assertEquals("[\"湖北省\"]", d.path("selected").path("region").toString());
    // a region typed in the query selects like the parameter
    JsonNode typed =
        json.readTree(get("/api/documents?q=" + enc("公务接待 region:湖北省") + "&size=2").body());
    assertEquals(3, typed.path("total").asInt());
    assertEquals(List.of(HANYANG, ECHENG), texts(typed.path("documents"), "docId"));
    // sorted by year, page 2
    JsonNode page2 = json.readTree(get("/api/documents?sort=year&size=2&page=2").body());
    assertEquals(List.of(JINKOUHE, ECHENG), texts(page2.path("documents"), "docId"));
    assertEquals(
        400, get("/api/documents?format=xml").status(), "an unknown format is said, not ignored");
  }

  @Test
  void theDocumentsPageListsReportsWithFacetsAndExports() throws Exception {
    Response r = get("/documents?q=" + enc("公务接待") + "&year=2023");
    assertEquals(200, r.status());
    assertTrue(r.body().contains("<span class=\"total\">共 2 份报告</span>"), r.body());
    assertEquals(
        List.of("/d/" + ECHENG + "?q=" + enc("公务接待"), "/d/" + CAIDIAN + "?q=" + enc("公务接待")),
        all(Pattern.compile("<h3><a href=\"([^\"]+)\""), r.body()).stream()
            .map(h -> h.replace("&amp;", "&"))
            .toList());
    assertTrue(r.body().contains("<span>43 个章节</span>"), r.body());
    assertTrue(r.body().contains("<span class=\"flagged\">11 处矛盾或存疑</span>"), r.body());
    assertTrue(r.body().contains("4 个章节命中"), r.body());
    assertTrue(
        r.body()
            .contains(
                "<a class=\"issuer\" href=\"/issuer?name=%E9%84%82%E5%9F%8E%E5%8C%BA%E6%80%BB%E5%B7%A5%E4%BC%9A\">鄂城区总工会</a>"),
        r.body());
    assertTrue(r.body().contains("href=\"/d/" + ECHENG + "/file\">004_37d039dcb8ad6afc.html</a>"));
    assertTrue(
        r.body()
            .contains(
                "href=\"/api/documents?q=%E5%85%AC%E5%8A%A1%E6%8E%A5%E5%BE%85&amp;year=2023&amp;format=csv\""),
        r.body());
    // the CSV holds every report of the list, links absolute
    Response csv = get("/api/documents?q=" + enc("公务接待") + "&year=2023&format=csv");
    assertTrue(csv.type().startsWith("text/csv"), csv.type());
    List<String> lines = csv.body().lines().toList();
    assertEquals(
        "\ufeffdocId,url,title,issuer,region,regionCode,year,kind,department,sections,figures,flags,matching,files,indexedAt,checks,role,collection",
        lines.get(0));
    assertEquals(3, lines.size());
    assertEquals(
        ECHENG
            + ",http://localhost:"
            + served.portal.port()
            + "/d/"
            + ECHENG
            + ",鄂城区总工会2023年度部门决算,鄂城区总工会,湖北省/鄂州市/鄂城区,420704,2023,部门决算,总工会,43,22,11,4,004_37d039dcb8ad6afc.html,2026-01-15T08:00:00Z,"
            + "公开表缺失或为空 | 年度单位与文字差错 | 说法与数字不符,report,",
        lines.get(1));
  }

  @Test
  void aListOfReportsWithoutAQueryIsNewestYearFirstAndSaysSo() throws Exception {
    Response r = get("/documents");
    // no query, no relevance: the year order is on, and relevance is not offered
    assertTrue(r.body().contains("class=\"on\">年度（新→旧）</a>"), r.body());
    assertTrue(!r.body().contains(">相关度</a>"), r.body());
    List<Integer> years = new ArrayList<>();
    for (JsonNodeLike d : documents("/api/documents?size=20")) years.add(d.year());
    List<Integer> sorted = new ArrayList<>(years);
    sorted.sort(java.util.Comparator.reverseOrder());
    assertEquals(sorted, years);
    assertEquals(2024, years.get(0));
    // a query ranks by relevance as before
    assertTrue(get("/documents?q=" + enc("公务接待")).body().contains("class=\"on\">相关度</a>"));
  }

  /** A report's year from a list of reports in JSON. */
  private record JsonNodeLike(Integer year) {}

  private List<JsonNodeLike> documents(String path) throws Exception {
    var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(get(path).body());
    List<JsonNodeLike> out = new ArrayList<>();
    for (var d : tree.get("documents"))
      out.add(new JsonNodeLike(d.get("year").isNull() ? null : d.get("year").asInt()));
    return out;
  }

  @Test
  void theHomePageCountsReports() throws Exception {
    Response r = get("/");
    assertTrue(r.body().contains("<strong>5</strong> <span>份报告</span>"), r.body());
    assertTrue(r.body().contains("<strong>196</strong> <span>个章节</span>"), r.body());
    // the tree and the years count reports, and open the list of reports
    assertTrue(
        r.body()
            .contains(
                "<a href=\"/documents?region=%E6%B9%96%E5%8C%97%E7%9C%81\">湖北省</a> <span class=\"count\">3</span>"),
        r.body());
    assertTrue(r.body().contains("<a href=\"/documents?year=2024\">2024 (3)</a>"), r.body());
  }

  // ---- one result per report

  @Test
  void searchGroupedByReportGivesEachReportOnceWithItsBestSectionsAndHitCount() throws Exception {
    JsonNode d = json.readTree(get("/api/search?q=" + enc("公务接待") + "&group=doc").body());
    assertEquals(16, d.path("total").asInt(), "sections, as without grouping");
    assertEquals(5, d.path("reports").asInt());
    assertEquals(
        List.of(JINKOUHE, HANYANG, ECHENG, HONGJIANG, CAIDIAN), texts(d.path("groups"), "docId"));
    assertEquals(List.of("4", "2", "4", "2", "4"), texts(d.path("groups"), "hits"));
    int sections = 0;
    for (JsonNode g : d.path("groups")) sections += g.path("sections").size();
    assertEquals(13, sections, "at most three sections per report");
    assertEquals(
        "（二）“三公”经费财政拨款支出决算具体情况说明",
        d.path("groups").get(0).path("sections").get(0).path("heading").asText());
    // the page: one entry per report, a toggle back to sections
    Response page = get("/search?q=" + enc("公务接待") + "&group=doc");
    assertEquals(5, all(Pattern.compile("(<li class=\"group\">)"), page.body()).size());
    assertTrue(page.body().contains("5 份报告中的 16 个章节"), page.body());
    assertTrue(
        page.body().contains("<a href=\"/search?q=%E5%85%AC%E5%8A%A1%E6%8E%A5%E5%BE%85\">按章节</a>"),
        page.body());
    assertTrue(page.body().contains("在报告中查看另外 1 个命中章节"), page.body());
    Response ungrouped = get("/search?q=" + enc("公务接待"));
    assertTrue(
        ungrouped
            .body()
            .contains(
                "<a href=\"/search?q=%E5%85%AC%E5%8A%A1%E6%8E%A5%E5%BE%85&amp;group=doc\">按报告</a>"),
        ungrouped.body());
  }

  // ---- exports

  @Test
  void csvExportHoldsEveryHitNotOnePageWithAbsolutePermalinks() throws Exception {
    Response r = get("/api/search?q=" + enc("公务接待") + "&format=csv");
    assertEquals(200, r.status());
    assertTrue(r.type().startsWith("text/csv"), r.type());
    List<String> lines = r.body().lines().toList();
    assertEquals(
        "\ufeffrank,permalink,docId,title,issuer,region,regionCode,year,kind,department,category,heading,page,ocr,snippet,collection",
        lines.get(0));
    assertEquals(17, lines.size(), "all 16 hits and the header");
    String base = "http://localhost:" + served.portal.port();
    assertTrue(
        lines
            .get(2)
            .startsWith(
                "2,"
                    + base
                    + "/s/52bbe3626a4811c6-3.9.2,52bbe3626a4811c6,武汉市汉阳区总工会 2024 年度部门决算,武汉市汉阳区总工会,湖北省/武汉市/汉阳区,420105,2024,部门决算,总工会,三公经费,(二)“三公”经费财政拨款支出决算具体情况说明,7,false,…"),
        lines.get(2));
    // the search page links every export and the feed
    Response page = get("/search?q=" + enc("公务接待") + "&region=" + enc("湖北省"));
    assertTrue(
        page.body()
            .contains(
                "href=\"/api/search?q=%E5%85%AC%E5%8A%A1%E6%8E%A5%E5%BE%85&amp;region=%E6%B9%96%E5%8C%97%E7%9C%81&amp;format=csv\""),
        page.body());
    assertTrue(page.body().contains("&amp;format=jsonl\""));
    assertTrue(
        page.body()
            .contains(
                "href=\"/feed?q=%E5%85%AC%E5%8A%A1%E6%8E%A5%E5%BE%85&amp;region=%E6%B9%96%E5%8C%97%E7%9C%81\""));
  }

  @Test
  void jsonLinesExportRespectsFiltersAndSaysWhenTheCapStoppedIt() throws Exception {
    Response r =
        get("/api/search?q=" + enc("公务接待") + "&region=" + enc("湖北省") + "&format=jsonl&limit=3");
    assertTrue(r.type().startsWith("application/x-ndjson"), r.type());
    List<String> lines = r.body().lines().toList();
    assertEquals(4, lines.size(), r.body());
    JsonNode first = json.readTree(lines.get(0));
    assertEquals(1, first.path("rank").asInt());
    assertEquals("湖北省/武汉市/汉阳区", first.path("region").asText());
    assertEquals("420105", first.path("regionCode").asText());
    for (int i = 0; i < 3; i++)
      assertTrue(json.readTree(lines.get(i)).path("region").asText().startsWith("湖北省/"));
    JsonNode last = json.readTree(lines.get(3));
    assertTrue(last.path("truncated").asBoolean());
    assertEquals(3, last.path("rows").asInt());
    assertEquals(10, last.path("total").asInt());
    // with a public URL, permalinks are on it
    Response pub = get(withPublicUrl, "/api/search?q=" + enc("公务接待") + "&format=jsonl&limit=1");
    assertEquals(
        PUBLIC + "/s/e3eabb74bdb7bdb4-2.7.2",
        json.readTree(pub.body().lines().findFirst().orElseThrow()).path("permalink").asText());
    assertEquals(400, get("/api/search?q=x&format=jsonl&limit=zero").status());
    assertEquals(400, get("/api/search?q=x&format=xml").status());
  }

  // ---- feeds

  @Test
  void theFeedIsAtomOfTheMatchingReports() throws Exception {
    Response r = get(withPublicUrl, "/feed?q=" + enc("公务接待") + "&year=2023");
    assertEquals(200, r.status());
    assertEquals("application/atom+xml;charset=utf-8", r.type().replace(" ", "").toLowerCase());
    assertTrue(
        r.body()
            .startsWith(
                "<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"),
        r.body());
    assertTrue(r.body().contains("<title>公开 Gongkai: 公务接待 [year:2023]</title>"), r.body());
    assertEquals(
        List.of("urn:gongkai:document:" + ECHENG, "urn:gongkai:document:" + CAIDIAN),
        all(Pattern.compile("<id>(urn:[^<]+)</id>"), r.body()));
    assertTrue(
        r.body()
            .contains(
                "<link rel=\"alternate\" type=\"text/html\" href=\""
                    + PUBLIC
                    + "/d/"
                    + ECHENG
                    + "?q=%E5%85%AC%E5%8A%A1%E6%8E%A5%E5%BE%85\"/>"),
        r.body());
    assertTrue(r.body().contains("<updated>2026-01-15T08:00:00Z</updated>"), r.body());
    // each entry says which sections matched (its best three)
    assertTrue(
        r.body()
            .contains(
                "<summary>鄂城区总工会 · 湖北省 鄂州市 鄂城区 · 2023 · 部门决算 · 4 个章节命中 · 最相关的章节："
                    + "（二）“三公”经费财政拨款支出决算具体情况说明；第五部分名词解释；"
                    + "（一）“三公”经费财政拨款支出决算总体情况说明</summary>"),
        r.body());
  }

  @Test
  void aFeedStaysXmlWhateverItsQueryHolds() throws Exception {
    for (String q : List.of("\u0001公务接待", "公务接待\uFFFF", "公务\u001b接待\uFFFE", "\uD800接待")) {
      Response r = get("/feed?q=" + enc(q));
      assertEquals(200, r.status());
      // a parser reads it: XML 1.0 forbids these characters even escaped
      org.w3c.dom.Document doc =
          javax.xml.parsers.DocumentBuilderFactory.newInstance()
              .newDocumentBuilder()
              .parse(new java.io.ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
      String title = doc.getElementsByTagName("title").item(0).getTextContent();
      assertTrue(title.startsWith("公开 Gongkai: "), title);
      assertTrue(title.chars().allMatch(c -> c >= 0x20 && c != 0xFFFE && c != 0xFFFF), title);
    }
  }

  // ---- batch search

  @Test
  void batchApiCountsEachQueryByRegionIssuerOrYear() throws Exception {
    Response r =
        post(
            "/api/batch",
            "application/json",
            "{\"queries\": [\"公务接待\", \"\\\"三公经费\\\"\", \"不存在的词语\"], \"by\": \"region\"}");
    assertEquals(200, r.status(), r.body());
    JsonNode d = json.readTree(r.body());
    assertEquals("[\"湖北省\",\"四川省\",\"湖南省\"]", d.path("columns").toString());
    assertEquals(List.of("16", "23", "0"), texts(d.path("rows"), "total"));
    assertEquals(
        "{\"湖北省\":10,\"四川省\":4,\"湖南省\":2}", d.path("rows").get(0).path("counts").toString());
    // a query found nowhere has a zero in every column
    assertEquals(
        "{\"湖北省\":0,\"四川省\":0,\"湖南省\":0}", d.path("rows").get(2).path("counts").toString());
    assertEquals(
        "/search?q=%E5%85%AC%E5%8A%A1%E6%8E%A5%E5%BE%85&region=%E5%9B%9B%E5%B7%9D%E7%9C%81",
        d.path("rows").get(0).path("urls").path("四川省").asText());
    // within a region: the level below it
    JsonNode inHubei =
        json.readTree(
            post(
                    "/api/batch",
                    "application/json",
                    "{\"queries\": [\"公务接待\"], \"by\": \"region\", \"region\": \"湖北省\"}")
                .body());
    assertEquals("[\"湖北省/武汉市\",\"湖北省/鄂州市\"]", inHubei.path("columns").toString());
    assertEquals(
        "{\"湖北省/武汉市\":6,\"湖北省/鄂州市\":4}", inHubei.path("rows").get(0).path("counts").toString());
    JsonNode byYear =
        json.readTree(
            post("/api/batch", "application/json", "{\"queries\": [\"公务接待\"], \"by\": \"year\"}")
                .body());
    assertEquals("[\"2024\",\"2023\"]", byYear.path("columns").toString());
    assertEquals("{\"2024\":8,\"2023\":8}", byYear.path("rows").get(0).path("counts").toString());
    JsonNode byIssuer =
        json.readTree(
            post(
                    "/api/batch",
                    "application/json",
                    "{\"queries\": [\"公务接待\"], \"by\": \"issuer\", \"year\": 2023}")
                .body());
    assertEquals("[\"武汉市蔡甸区总工会\",\"鄂城区总工会\"]", byIssuer.path("columns").toString());
    assertEquals(
        "/search?q=%E5%85%AC%E5%8A%A1%E6%8E%A5%E5%BE%85+issuer%3A%22%E9%84%82%E5%9F%8E%E5%8C%BA%E6%80%BB%E5%B7%A5%E4%BC%9A%22&year=2023",
        byIssuer.path("rows").get(0).path("urls").path("鄂城区总工会").asText());
    // the link's search finds what the cell counts
    JsonNode linked =
        json.readTree(get("/api/search?q=" + enc("公务接待 issuer:\"鄂城区总工会\"") + "&year=2023").body());
    assertEquals(4, linked.path("total").asInt());
  }

  @Test
  void aBadBatchIsToldWhatToSend() throws Exception {
    Response bad =
        post("/api/batch", "application/json", "{\"queries\": [\"x\"], \"by\": \"city\"}");
    assertEquals(400, bad.status());
    assertEquals(
        "by must be region, issuer or year, not \"city\"",
        json.readTree(bad.body()).path("error").asText());
    assertEquals(400, post("/api/batch", "application/json", "not json").status());
    assertEquals(400, post("/api/batch", "application/json", "{\"q\": 1}").status());
    StringBuilder many = new StringBuilder("{\"queries\": [");
    for (int i = 0; i < 1001; i++)
      many.append(i == 0 ? "" : ",").append("\"q").append(i).append('"');
    Response tooMany = post("/api/batch", "application/json", many + "]}");
    assertEquals(400, tooMany.status());
    assertEquals(
        "1001 queries: a batch runs at most 1000",
        json.readTree(tooMany.body()).path("error").asText());
  }

  @Test
  void theBatchPageTakesPastedQueriesAndGivesATableOrACsv() throws Exception {
    assertEquals(200, get("/batch").status());
    String form = "queries=" + enc("公务接待\n\n\"三公经费\"\n") + "&by=year&region=&format=html";
    Response page = post("/batch", "application/x-www-form-urlencoded", form);
    assertEquals(200, page.status(), page.body());
    assertTrue(
        page.body()
            .contains("<thead><tr><th>检索式</th><th>合计</th><th>2024</th><th>2023</th></tr></thead>"),
        page.body());
    assertTrue(
        page.body()
            .contains(
                "<td class=\"num\"><a href=\"/search?q=%E5%85%AC%E5%8A%A1%E6%8E%A5%E5%BE%85&amp;year=2024\">8</a></td>"),
        page.body());
    Response csv =
        post(
            "/batch",
            "application/x-www-form-urlencoded",
            form.replace("format=html", "format=csv"));
    assertTrue(csv.type().startsWith("text/csv"), csv.type());
    String base = "http://localhost:" + served.portal.port();
    assertEquals(
        List.of(
            "\ufeffquery,total,2024,2023,search",
            "公务接待,16,8,8," + base + "/search?q=%E5%85%AC%E5%8A%A1%E6%8E%A5%E5%BE%85",
            "\"\"\"三公经费\"\"\",23,11,12,"
                + base
                + "/search?q=%22%E4%B8%89%E5%85%AC%E7%BB%8F%E8%B4%B9%22"),
        csv.body().lines().toList());
    Response empty = post("/batch", "application/x-www-form-urlencoded", "queries=&by=region");
    assertEquals(400, empty.status());
    assertTrue(empty.body().contains("no queries: give one query per line"), empty.body());
  }

  @Test
  void theBatchPageTakesAnUploadedListInGbk() throws Exception {
    String boundary = "----gongkai-test";
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    java.util.function.Consumer<String> text =
        t -> body.writeBytes(t.getBytes(StandardCharsets.UTF_8));
    text.accept(
        "--" + boundary + "\r\nContent-Disposition: form-data; name=\"queries\"\r\n\r\n\r\n");
    text.accept(
        "--" + boundary + "\r\nContent-Disposition: form-data; name=\"by\"\r\n\r\nissuer\r\n");
    text.accept(
        "--" + boundary + "\r\nContent-Disposition: form-data; name=\"year\"\r\n\r\n2023\r\n");
    text.accept(
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"queries.txt\"\r\n"
            + "Content-Type: text/plain\r\n\r\n");
    body.writeBytes("公务接待\r\n乡村振兴\r\n".getBytes(java.nio.charset.Charset.forName("GBK")));
    text.accept("\r\n--" + boundary + "--\r\n");
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(served.url("/batch")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(
        r.body()
            .contains(
                "<thead><tr><th>检索式</th><th>合计</th><th>鄂城区总工会</th><th>武汉市蔡甸区总工会</th></tr></thead>"),
        r.body());
    assertEquals(
        List.of("公务接待", "乡村振兴"),
        all(Pattern.compile("<th scope=\"row\"><span>([^<]+)</span>"), r.body()));
  }

  @Test
  void aBatchLargerThanABatchTakesAnswers413SayingWhatToSend() throws Exception {
    String boundary = "----gongkai-big";
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    byte[] line = "公务接待费用情况\r\n".getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < 100_000; i++) body.writeBytes(line); // 2.2 MB
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    byte[] bytes = body.toByteArray();
    String said = "：一次最多 1,000 个检索词，每行一个，粘贴的文字或上传的文件不超过 1,024 KB。";
    // with its length said up front, and streamed without one: the same answer, nothing kept
    for (HttpRequest.BodyPublisher publisher :
        List.of(
            HttpRequest.BodyPublishers.ofByteArray(bytes),
            HttpRequest.BodyPublishers.ofInputStream(
                () -> new java.io.ByteArrayInputStream(bytes)))) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(served.url("/batch")))
                  .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                  .POST(publisher)
                  .build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertEquals(413, r.statusCode(), r.body());
      assertTrue(r.body().contains(said), r.body());
    }
    HttpResponse<String> api =
        http.send(
            HttpRequest.newBuilder(URI.create(served.url("/api/batch")))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"queries\": [\"" + "经费".repeat(400_000) + "\"]}"))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(413, api.statusCode(), api.body());
    assertEquals(
        "{\"error\":\"The batch sent is 2,344 KB, more than a batch takes (1,024 KB): send at most"
            + " 1,000 queries, one per line, in a text or a file under 1,024 KB.\"}",
        json.readTree(api.body()).toString());
  }

  // ---- issuers and documents

  @Test
  void anIssuerPageHasItsReportsAndKeyFigures() throws Exception {
    Response r = get("/issuer?name=" + enc("武汉市汉阳区总工会"));
    assertEquals(200, r.status());
    assertTrue(r.body().contains("<h1>武汉市汉阳区总工会</h1>"), r.body());
    assertTrue(r.body().contains("href=\"/d/" + HANYANG + "\">武汉市汉阳区总工会 2024 年度部门决算</a>"));
    assertTrue(
        r.body()
            .contains("<th scope=\"row\"><a href=\"/indicators?name=reception\">公务接待费</a></th>"),
        r.body());
    assertEquals(404, get("/issuer?name=" + enc("没有这个单位")).status());
    assertEquals(400, get("/issuer").status());
    // a report's issuer links to its page
    assertTrue(
        get("/d/" + HANYANG)
            .body()
            .contains(
                "<a class=\"issuer\" href=\"/issuer?name=%E6%AD%A6%E6%B1%89%E5%B8%82%E6%B1%89%E9%98%B3%E5%8C%BA%E6%80%BB%E5%B7%A5%E4%BC%9A\">"));
  }

  @Test
  void theDocumentApiNamesFilesWithoutServerPaths() throws Exception {
    JsonNode d = json.readTree(get("/api/documents/" + HANYANG).body());
    assertEquals("[\"000_988c7a9063883e3f.pdf\"]", d.path("files").toString());
    assertFalse(get("/api/documents/" + HANYANG).body().contains(dir.toString()));
    assertFalse(get("/api/documents/" + HANYANG).body().contains("corpus/formats"));
    assertEquals(
        "{\"name\":\"000_988c7a9063883e3f.pdf\",\"format\":\"pdf\",\"sha256\":\"52bbe3626a4811c66559d0a3fc005be7be5c1a01f3389721e560ed16ee270d1c\",\"url\":\"/d/52bbe3626a4811c6/file\"}",
        d.path("downloads").get(0).toString());
    assertEquals("[]", d.path("related").toString());
  }

  // ---- the query language

  @Test
  void aFilterTypedInTheQueryIsAChipTickedAndClearedWithTheRest() throws Exception {
    Response r = get("/search?q=" + enc("公务接待 region:湖北省") + "&year=2024");
    String box =
        all(
                Pattern.compile("(<input type=\"checkbox\" name=\"region\" value=\"湖北省\"[^>]*>)"),
                r.body())
            .get(0);
    assertTrue(box.contains(" checked=\"checked\""), box);
    assertTrue(box.contains(" disabled=\"disabled\""), box);
    assertTrue(box.contains(" title=\"这一项写在检索式里；从检索式中删去即可取消\""), box);
    // its chip takes it out of the query; the ticked year stays
    assertTrue(
        r.body()
            .contains(
                "<a class=\"chip\" href=\"/search?q=%E5%85%AC%E5%8A%A1%E6%8E%A5%E5%BE%85&amp;year=2024\" title=\"移除\">\n"
                    + "        <span class=\"chip-dim\">地区</span> <span>湖北省</span>"),
        r.body());
    // clearing all leaves the words alone
    assertTrue(
        r.body()
            .contains(
                "<a class=\"chip clear\" href=\"/search?q=%E5%85%AC%E5%8A%A1%E6%8E%A5%E5%BE%85\">清除全部筛选</a>"),
        r.body());
    // and with no result, the selections are listed to drop
    Response none = get("/search?q=" + enc("公务接待 region:湖北省") + "&year=2022");
    assertTrue(none.body().contains("没有找到结果。"));
    assertTrue(
        none.body()
            .contains(
                "<li><a href=\"/search?q=%E5%85%AC%E5%8A%A1%E6%8E%A5%E5%BE%85&amp;year=2022\"><span>移除</span> <span>地区: 湖北省</span></a></li>"),
        none.body());
  }

  static JsonNode api(String q) throws Exception {
    return json.readTree(get("/api/search?q=" + enc(q)).body());
  }

  @Test
  void notLowerCaseOperatorsFieldsUnknownValuesAndPagesPastTheEndAreSaid() throws Exception {
    assertEquals(api("公务接待 -公务用车").path("total"), api("公务接待 NOT 公务用车").path("total"));
    assertEquals(
        "[\"A lower-case “or” was searched as a word; to match either term, write OR in capitals: 公务接待 OR 公务用车.\"]",
        api("公务接待 or 公务用车").path("messages").toString());
    assertEquals(5, api("\"三公经费\" title:汉阳区").path("total").asInt());
    assertEquals(api("\"三公经费\" region:汉阳区").path("total"), api("\"三公经费\" title:汉阳区").path("total"));
    assertEquals(
        api("\"三公经费\" region:鄂城区").path("total"), api("\"三公经费\" issuer:\"鄂城区总工会\"").path("total"));
    JsonNode partial = api("公务接待 category:三公");
    assertEquals("[\"Read category:三公 as category:三公经费.\"]", partial.path("messages").toString());
    assertEquals("[\"三公经费\"]", partial.path("selected").path("category").toString());
    JsonNode unknown = api("公务接待 category:差旅");
    assertEquals(0, unknown.path("total").asInt());
    assertTrue(
        unknown
            .path("messages")
            .get(0)
            .asText()
            .startsWith("There is no category “差旅”; use one of: 名词解释, 三公经费, 机关运行经费,"),
        unknown.toString());
    JsonNode kind = api("公务接待 kind:预算");
    assertEquals("[\"Read kind:预算 as kind:部门预算.\"]", kind.path("messages").toString());
    JsonNode past = json.readTree(get("/api/search?q=" + enc("公务接待") + "&page=9").body());
    assertEquals(
        "[\"There is no page 9: the results have 2 page(s); go back to page 2.\"]",
        past.path("messages").toString());
    Response page = get("/search?q=" + enc("公务接待") + "&page=9");
    assertTrue(page.body().contains("没有第 9 页：结果只有 2 页，请回到第 2 页。"), page.body());
  }

  // ---- English

  @Test
  void englishPagesNameKindsCategoriesFiguresAndRolesInEnglishAndKeepTheLanguage()
      throws Exception {
    Response r = get("/search?q=" + enc("公务接待") + "&lang=en");
    assertTrue(
        r.body().contains("<span class=\"category\">“Three public” spending</span>"), r.body());
    assertTrue(r.body().contains("<span>Final accounts</span>"), r.body());
    assertTrue(
        r.body()
            .contains(
                // followed in English; quoted whole, for any reader
                "href=\"/s/e3eabb74bdb7bdb4-2.7.2?lang=en\">Permalink: http://localhost:"
                    + served.portal.port()
                    + "/s/e3eabb74bdb7bdb4-2.7.2</a>"),
        r.body());
    // facet values of kind and category
    assertTrue(r.body().contains("<span>Performance evaluation</span>"), r.body());
    Response doc = get("/d/" + HANYANG + "?lang=en");
    assertTrue(doc.body().contains(">Official reception</a></td>"), doc.body());
    assertTrue(doc.body().contains("<td><span>actual</span></td>"), doc.body());
    Response explorer = get("/indicators?name=reception&lang=en");
    assertTrue(explorer.body().contains("Official reception"), explorer.body());
  }

  @Test
  void theIndicatorsCsvHasAbsoluteLinksTitlesRegionCodesAndFlags() throws Exception {
    Response r = get(withPublicUrl, "/api/indicators?name=reception&format=csv");
    List<String> lines = r.body().lines().toList();
    assertEquals(
        "\ufeffindicator,name,value,unit,valueWan,role,headline,docId,sectionId,url,issuer,region,year,source,docTitle,regionCode,flags,scope,verified,by,candidate,collection,sourceKind,includesCarryOver,derivation",
        lines.get(0));
    assertTrue(lines.get(1).contains("," + PUBLIC + "/s/"), lines.get(1));
    assertTrue(
        lines.stream().anyMatch(l -> l.contains(",武汉市汉阳区总工会 2024 年度部门决算,420105,")), r.body());
  }

  @Test
  void theHelpPageExplainsFiguresValuesAndTheApi() throws Exception {
    String zh = get("/help").body();
    assertTrue(zh.contains("<code>公务接待费&gt;1</code>"), zh);
    assertTrue(zh.contains("<code>政府性基金与国有资本</code>"), zh);
    assertTrue(zh.contains("<code>绩效评价</code>"), zh);
    assertTrue(zh.contains("<code>reception</code>"), zh);
    assertTrue(zh.contains("POST /api/batch"), zh);
    String en = get("/help?lang=en").body();
    assertTrue(en.contains("GET /feed?q=…"), en);
    assertTrue(en.contains("<code>NOT 公务用车</code>"), en);
    // letters the segmenter leaves side by side are searched together (LettersTogetherTest)
    assertTrue(zh.contains("<code>三公经费</code></td><td>分词时留下的相邻单字"), zh);
    assertTrue(en.contains("must occur together as typed"), en);
  }
}
