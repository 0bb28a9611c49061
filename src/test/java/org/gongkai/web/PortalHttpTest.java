package org.gongkai.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.TestSupport;
import org.gongkai.config.ServeConfig;
import org.gongkai.index.IndexStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The portal over real HTTP: an index of the bundled corpus plus a hostile fixture document, served
 * by Javalin on a free port, asked with Java's HTTP client.
 */
class PortalHttpTest {

  static final String HOSTILE = "05b71b08bd764211";

  @TempDir static Path dir;
  static TestPortal served;
  static IndexStore store;
  static Portal portal;
  static final HttpClient http = HttpClient.newHttpClient();
  static final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void serve() throws Exception {
    served =
        TestPortal.start(
            dir,
            List.of(
                TestSupport.CORPUS.resolve("formats"),
                Path.of("src/test/resources/fixtures/hostile")));
    store = served.store;
    portal = served.portal;
  }

  @AfterAll
  static void stop() throws Exception {
    served.close();
  }

  record Response(int status, String type, String body) {}

  static Response get(String pathAndQuery) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + portal.port() + pathAndQuery))
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

  private static final Pattern HIT_LINK =
      Pattern.compile("<a class=\"hit-link\" href=\"([^\"]+)\"");

  @Test
  void aSearchThatFindsNothingOffersThePhraseOneCharacterOffAndNoDanglingHint() throws Exception {
    Response r = get("/search?q=" + enc("\"公务接侍费\""));
    assertTrue(r.body().contains("没有找到结果。"), r.body());
    // nothing to loosen: the hint ends as a sentence, no colon before an empty list
    assertTrue(r.body().contains("<p>请检查拼写，或试试更短的词语、去掉引号。</p>"), r.body());
    assertTrue(r.body().contains("<span>您是不是要找：</span>"), r.body());
    assertTrue(
        r.body()
            .contains(
                "<a href=\"/search?q=%22%E5%85%AC%E5%8A%A1%E6%8E%A5%E5%BE%85%E8%B4%B9%22\">“公务接待费”（"),
        r.body());
    // with a filter to loosen, the hint leads into the list of filters
    Response filtered = get("/search?q=" + enc("\"公务接侍费\"") + "&year=2024");
    assertTrue(filtered.body().contains("或放宽筛选条件：</p>"), filtered.body());
  }

  @Test
  void homePageShowsTheCorpusAndWaysIn() throws Exception {
    Response r = get("/");
    assertEquals(200, r.status());
    assertEquals("text/html;charset=utf-8", r.type().replace(" ", "").toLowerCase());
    // every count is of reports but the overview's count of sections
    assertTrue(r.body().contains("<strong>6</strong> <span>份报告</span>"), r.body());
    assertTrue(r.body().contains("<strong>201</strong> <span>个章节</span>"), r.body());
    assertTrue(r.body().contains("<strong>6</strong> <span>个地区</span>"), r.body());
    assertTrue(
        r.body()
            .contains(
                "href=\"/documents?region=%E6%B9%96%E5%8C%97%E7%9C%81%2F%E6%AD%A6%E6%B1%89%E5%B8%82\">武汉市</a> <span class=\"count\">2</span>"),
        r.body());
    assertTrue(r.body().contains("href=\"/documents?year=2024\">2024 (4)</a>"), r.body());
  }

  @Test
  void searchPageListsHitsWithPermalinksFacetsAndCount() throws Exception {
    Response r = get("/search?q=" + enc("\"三公经费\""));
    assertEquals(200, r.status());
    assertTrue(r.body().contains("共 23 个章节"));
    List<String> links = all(HIT_LINK, r.body());
    assertEquals(10, links.size());
    assertEquals(
        "/s/52bbe3626a4811c6-3.9?q=%22%E4%B8%89%E5%85%AC%E7%BB%8F%E8%B4%B9%22#hit", links.get(0));
    assertTrue(r.body().contains("<mark>三公”经费</mark>"));
    assertTrue(
        r.body().contains("<input type=\"checkbox\" name=\"region\" value=\"湖北省\">"),
        "facet checkbox");
    assertTrue(r.body().contains("<span>湖北省</span> <span class=\"count\">17</span>"));
    assertTrue(r.body().contains("<span>2023</span> <span class=\"count\">12</span>"));
    assertTrue(r.body().contains("rel=\"next\""), "pagination");
  }

  @Test
  void facetSelectionsAreInTheUrlAndCanBeRemoved() throws Exception {
    Response r =
        get(
            "/search?q="
                + enc("\"三公经费\"")
                + "&region="
                + enc("湖北省/武汉市/汉阳区")
                + "&region="
                + enc("四川省"));
    assertTrue(r.body().contains("共 9 个章节"), r.body());
    assertTrue(
        r.body()
            .contains(
                "<input type=\"checkbox\" name=\"region\" value=\"四川省\" checked=\"checked\">"));
    // a chip per selection, each removing just that one
    assertTrue(
        r.body()
            .contains(
                "<a class=\"chip\" href=\"/search?q=%22%E4%B8%89%E5%85%AC%E7%BB%8F%E8%B4%B9%22&amp;region=%E5%9B%9B%E5%B7%9D%E7%9C%81\""),
        r.body());
    Response page2 = get("/search?q=" + enc("\"三公经费\"") + "&page=2");
    assertEquals(
        List.of("/s/52bbe3626a4811c6-3.9.2?q=%22%E4%B8%89%E5%85%AC%E7%BB%8F%E8%B4%B9%22#hit"),
        all(HIT_LINK, page2.body()).subList(1, 2));
  }

  @Test
  void noResultsSuggestsDroppingFilters() throws Exception {
    Response r = get("/search?q=" + enc("\"三公经费\"") + "&year=2022");
    assertEquals(200, r.status());
    assertTrue(r.body().contains("没有找到结果。"));
    assertTrue(r.body().contains("不加筛选重新检索"));
    assertTrue(r.body().contains("href=\"/search?q=%22%E4%B8%89%E5%85%AC%E7%BB%8F%E8%B4%B9%22\""));
  }

  @Test
  void malformedParametersAndQueriesNeverFail() throws Exception {
    Response r = get("/search?q=" + enc("\"三公经费 ((") + "&sort=price");
    assertEquals(200, r.status());
    assertTrue(r.body().contains("引号没有闭合，短语一直延续到查询末尾。"), r.body());
    assertTrue(
        get("/search?q=" + enc("\"三公") + "&lang=en")
            .body()
            .contains("A quote was not closed; the phrase runs to the end of the query."));
    assertEquals(200, get("/api/search?q=" + enc("OR ) \" -")).status());
  }

  @Test
  void aPageFarPastTheEndIsAnsweredNotOverflowed() throws Exception {
    // (page - 1) × size once overflowed an int: 500 on every list
    for (String path :
        List.of(
            "/documents?page=214748366",
            "/api/documents?page=214748366",
            "/search?q=" + enc("经费") + "&group=doc&page=214748366",
            "/api/search?q=" + enc("经费") + "&page=214748366&size=100",
            "/search?q=" + enc("经费") + "&page=2147483647")) {
      Response r = get(path);
      assertEquals(200, r.status(), path + ": " + r.body());
    }
    JsonNode past = json.readTree(get("/api/documents?page=214748366").body());
    assertEquals(0, past.get("documents").size());
  }

  @Test
  void unreadableParametersAre400sThatSayWhatToType() throws Exception {
    Response page = get("/search?q=" + enc("经费") + "&page=abc");
    assertEquals(400, page.status());
    assertTrue(page.type().startsWith("text/html"), page.type());
    assertTrue(page.body().contains("看不懂 page=abc：请写从 1 开始的页码，如 page=2。"), page.body());
    Response size = get("/documents?size=-1&lang=en");
    assertEquals(400, size.status());
    assertTrue(
        size.body()
            .contains(
                "Cannot read size=-1: give a number of results per page from 1 to 100, such as"
                    + " size=20."),
        size.body());
    assertEquals(400, get("/search?q=" + enc("经费") + "&size=101").status());
    Response api = get("/api/search?q=" + enc("经费") + "&year=abc");
    assertEquals(400, api.status());
    // the API speaks English, as its notices do; Chinese when asked
    assertEquals(
        "{\"error\":\"Cannot read year=abc: give a year such as 2024, or a range such as"
            + " 2022..2024.\"}",
        json.readTree(api.body()).toString());
    assertEquals(
        "{\"error\":\"看不懂 year=abc：请写成 2024 这样的年度，或 2022..2024 这样的范围。\"}",
        json.readTree(get("/api/search?q=" + enc("经费") + "&year=abc&lang=zh").body()).toString());
    Response none = get("/api/documents/nope");
    assertEquals(404, none.status());
    assertTrue(json.readTree(none.body()).get("error").asText().matches("[ -~]+"), none.body());
    // a range of years and a form's empty page and size still answer
    assertEquals(200, get("/search?q=" + enc("经费") + "&year=2020..2024&page=&size=").status());
    // the query language says it ignores year:abc, and it does: the same hits as without it
    JsonNode plain = json.readTree(get("/api/search?q=" + enc("经费")).body());
    JsonNode typed = json.readTree(get("/api/search?q=" + enc("经费 year:abc")).body());
    assertEquals(plain.get("total").asInt(), typed.get("total").asInt());
    assertTrue(plain.get("total").asInt() > 0);
  }

  @Test
  void moreFilterValuesThanASearchTakesAnswer400SayingWhatToSelect() throws Exception {
    // as many as a URL can carry (Jetty answers 414 beyond 8 KB)
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 600; i++) many.append("&kind=k").append(i);
    String said =
        "600 filter values are more than one search takes (at most 200): select a broader value"
            + " instead, such as a province rather than its counties, or a range of years such as"
            + " 2020..2024.";
    for (String path :
        List.of(
            "/search?q=" + enc("经费"),
            "/api/search?q=" + enc("经费"),
            "/documents?q=",
            "/feed?q=" + enc("经费"),
            "/indicators?name=income_total",
            "/batch?queries=" + enc("经费"))) {
      Response r = get(path + many + "&lang=en");
      assertEquals(400, r.status(), path);
      assertTrue(r.body().contains(said), path + " " + r.body());
    }
    // and a batch posted as JSON, which has no such limit on its size: 1,100 regions
    StringBuilder regions = new StringBuilder();
    for (int i = 0; i < 1100; i++)
      regions.append(i == 0 ? "" : ",").append("\"某地").append(i).append('"');
    HttpResponse<String> posted =
        http.send(
            HttpRequest.newBuilder(URI.create(served.url("/api/batch")))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"queries\": [\"经费\"], \"region\": [" + regions + "]}"))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(400, posted.statusCode(), posted.body());
    assertEquals(
        "{\"error\":\"" + said.replace("600", "1,100") + "\"}",
        json.readTree(posted.body()).toString());
    // two hundred are still a search
    StringBuilder some = new StringBuilder();
    for (int i = 0; i < 199; i++) some.append("&kind=k").append(i);
    Response fine = get("/api/search?q=" + enc("经费") + some + "&kind=" + enc("部门决算"));
    assertEquals(200, fine.status(), fine.body());
    assertTrue(json.readTree(fine.body()).get("total").asInt() > 0);
  }

  @Test
  void aSearchPageOffersItsFeedToFeedReadersAndSaysWhatItIs() throws Exception {
    String body = get("/search?q=" + enc("经费") + "&year=2024").body();
    assertTrue(
        body.contains(
            "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/feed?q=%E7%BB%8F%E8%B4%B9&amp;year=2024\" title=\"本检索的订阅源（Atom）\">"),
        body);
    assertTrue(body.contains("title=\"订阅源（Atom）：把这个链接加到 RSS/Atom 阅读器里"), body);
    assertFalse(get("/").body().contains("application/atom+xml"), "only a search has a feed");
  }

  @Test
  void headAnswersAsGetWould() throws Exception {
    for (String path :
        List.of("/", "/s/0000000000000000-9.9", "/no/such/page", "/api/documents/nope")) {
      HttpResponse<Void> head =
          http.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + portal.port() + path))
                  .method("HEAD", HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      assertEquals(get(path).status(), head.statusCode(), path);
    }
  }

  @Test
  void sectionPermalinkHighlightsTheHitAndOffersACitation() throws Exception {
    Response r = get("/s/52bbe3626a4811c6-3.9.2?q=" + enc("公务接待"));
    assertEquals(200, r.status());
    assertTrue(r.body().contains("<mark id=\"hit\">"), "first hit is the scroll target");
    assertTrue(r.body().contains("<mark>公务接待</mark>费全年预算为 0 万元"), r.body());
    assertTrue(
        r.body()
            .contains(
                "武汉市汉阳区总工会：《武汉市汉阳区总工会 2024 年度部门决算》（2024年度），“(二)「三公」经费财政拨款支出决算具体情况说明”，原件第6–7页。"
                    + "公开 Gongkai 永久链接：http://localhost:"
                    + portal.port()
                    + "/s/52bbe3626a4811c6-3.9.2。原文件 SHA-256："
                    + "52bbe3626a4811c66559d0a3fc005be7be5c1a01f3389721e560ed16ee270d1c；索引日期：2026-01-15。"),
        r.body());
    assertTrue(
        r.body()
            .contains(
                "href=\"/s/52bbe3626a4811c6-3.9.1?q=%E5%85%AC%E5%8A%A1%E6%8E%A5%E5%BE%85\" rel=\"prev\""),
        "previous section");
    assertTrue(
        r.body()
            .contains(
                "href=\"/s/52bbe3626a4811c6-3.10?q=%E5%85%AC%E5%8A%A1%E6%8E%A5%E5%BE%85\" rel=\"next\""),
        "next section");
    assertTrue(
        r.body()
            .contains(
                "href=\"/d/52bbe3626a4811c6?q=%E5%85%AC%E5%8A%A1%E6%8E%A5%E5%BE%85#52bbe3626a4811c6-3.9.2\""),
        "whole document");
    // served without --public-url and reached at its own address: the citation's link is whole,
    // and needs no note
    assertFalse(r.body().contains("站内相对地址"), r.body());
    Response plain = get("/s/52bbe3626a4811c6-3.9.2");
    assertFalse(plain.body().contains("<mark"), "no query, no marks");
  }

  @Test
  void documentPageHasEverySectionWithItsAnchorAndTheOriginalFile() throws Exception {
    Response r = get("/d/52bbe3626a4811c6?q=" + enc("\"乡村振兴\""));
    assertEquals(200, r.status());
    // which standard tables it discloses: 汉阳区 names all nine, their figures are pictures; three it
    // says it has nothing for (本单位当年无政府性基金…) are declared empty
    assertTrue(r.body().contains("<section class=\"completeness\" id=\"completeness\">"));
    assertTrue(r.body().contains("<p>9 张标准公开表：0 张有数据，3 张声明为空表，6 张只列出名称，0 张未见。</p>"), r.body());
    assertTrue(r.body().contains("<li class=\"table-named\"><span>01 收入支出决算总表</span>"));
    List<String> toc =
        all(Pattern.compile("<li class=\"level-\\d\"><a href=\"#([^\"]+)\""), r.body());
    List<String> anchors = all(Pattern.compile("<section id=\"([^\"]+)\""), r.body());
    assertEquals(store.sections("52bbe3626a4811c6").size(), toc.size());
    assertEquals(toc, anchors);
    assertEquals(
        1, all(Pattern.compile("(<mark id=\"hit\">)"), r.body()).size(), "one scroll target");
    assertTrue(r.body().contains("<mark>乡村振兴</mark>"));
    HttpResponse<byte[]> file =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + portal.port() + "/d/52bbe3626a4811c6/file"))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, file.statusCode());
    // a PDF opens in the browser, so #page=N works; no charset on binary content
    assertEquals(
        "inline; filename*=UTF-8''000_988c7a9063883e3f.pdf",
        file.headers().firstValue("Content-Disposition").orElse(""));
    assertEquals("application/pdf", file.headers().firstValue("Content-Type").orElse(""));
    assertArrayEquals(
        Files.readAllBytes(TestSupport.CORPUS.resolve("formats/000_988c7a9063883e3f.pdf")),
        file.body());
  }

  @Test
  void theHomePagesLanguageLinkGoesToTheOtherLanguageAndThereIsAFavicon() throws Exception {
    assertTrue(
        get("/").body().contains("<a class=\"lang\" href=\"/?lang=en\""),
        "Chinese home links to the English one");
    assertTrue(
        get("/?lang=en").body().contains("<a class=\"lang\" href=\"/\""),
        "English home links to the Chinese one");
    assertTrue(get("/").body().contains("<link rel=\"icon\" href=\"/static/favicon.svg\""));
    HttpResponse<String> ico =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + portal.port() + "/favicon.ico"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(301, ico.statusCode());
    assertEquals("/static/favicon.svg", ico.headers().firstValue("Location").orElse(""));
    Response svg = get("/static/favicon.svg");
    assertEquals(200, svg.status());
    assertTrue(svg.type().startsWith("image/svg+xml"), svg.type());
  }

  @Test
  void anUnknownFormatOrFigureIsSaidSoNotSilentlyReplaced() throws Exception {
    Response xml = get("/api/search?q=" + enc("三公") + "&format=xml");
    assertEquals(400, xml.status());
    assertEquals(
        "unknown format \"xml\"; use json, csv or jsonl",
        json.readTree(xml.body()).get("error").asText());
    Response indicatorsXml = get("/api/indicators?name=reception&format=xml");
    assertEquals(400, indicatorsXml.status());
    assertTrue(indicatorsXml.body().contains("use json or csv"), indicatorsXml.body());
    Response bogus = get("/indicators?name=bogus");
    assertEquals(400, bogus.status());
    assertTrue(bogus.body().contains("没有名为“bogus”的指标。可选：income_total (收入合计)"), bogus.body());
    assertTrue(
        get("/indicators?name=bogus&lang=en")
            .body()
            .contains("There is no figure called “bogus”."));
    assertEquals(
        200, get("/indicators?name=" + enc("公务接待费")).status(), "a figure by its Chinese name");
    assertEquals(200, get("/indicators").status(), "no name: the default figure");
  }

  @Test
  void unknownIdsGetHelpfulNotFoundPages() throws Exception {
    Response section = get("/s/0000000000000000-9.9");
    assertEquals(404, section.status());
    assertTrue(section.body().contains("找不到章节 0000000000000000-9.9。"), section.body());
    assertEquals(404, get("/d/nope").status());
    Response route = get("/no/such/page");
    assertEquals(404, route.status());
    assertTrue(route.type().startsWith("text/html"), route.type());
    assertTrue(route.body().contains("页面 /no/such/page 不存在。"), route.body());
    Response api = get("/api/sections/nope");
    assertEquals(404, api.status());
    assertTrue(api.type().startsWith("application/json"));
    assertEquals(
        "{\"error\":\"No section nope. It may have changed when its file was updated; please search"
            + " again.\"}",
        json.readTree(api.body()).toString());
    assertEquals(404, get("/api/documents/nope").status());
  }

  @Test
  void apiSearchHasTheSameJsonAsTheCommandLine() throws Exception {
    Response r =
        get("/api/search?q=" + enc("\"三公经费\"") + "&region=" + enc("湖北省") + "&year=2024&size=2");
    assertEquals(200, r.status());
    assertEquals("application/json;charset=utf-8", r.type().replace(" ", "").toLowerCase());
    JsonNode j = json.readTree(r.body());
    assertEquals(TestSupport.PAGE_KEYS, keys(j));
    assertEquals(5, j.get("total").asInt());
    assertEquals("52bbe3626a4811c6-3.9", j.at("/hits/0/id").asText());
    assertEquals(TestSupport.HIT_KEYS, keys(j.at("/hits/0")));
  }

  @Test
  void apiSectionAndDocumentHaveTheDocumentedShapes() throws Exception {
    JsonNode s = json.readTree(get("/api/sections/52bbe3626a4811c6-3.9").body());
    assertEquals(
        List.of(
            "id",
            "url",
            "docId",
            "docTitle",
            "issuer",
            "region",
            "year",
            "kind",
            "department",
            "category",
            "heading",
            "breadcrumb",
            "text",
            "path",
            "level",
            "ocr",
            "pages",
            "pageCount",
            "collection",
            "tables"),
        keys(s));
    assertEquals("/s/52bbe3626a4811c6-3.9", s.get("url").asText());
    assertEquals("汉阳区", s.at("/region/county").asText());
    assertTrue(s.get("text").asText().startsWith("九、财政拨款“三公”经费支出决算情况说明"));
    JsonNode d = json.readTree(get("/api/documents/52bbe3626a4811c6").body());
    assertEquals(
        List.of(
            "docId",
            "url",
            "title",
            "issuer",
            "department",
            "kind",
            "year",
            "region",
            "sha256",
            "indexedAt",
            "files",
            "ocr",
            "ocrPages",
            "pageCount",
            "sections",
            "completeness",
            "flags",
            "downloads",
            "related",
            "role",
            "collection",
            "units",
            "purchases"),
        keys(d));
    // its flags, each side placed: the page of the PDF and the section with the words marked
    JsonNode flags = d.get("flags");
    assertEquals(2, flags.size());
    JsonNode wording = flags.get(0);
    assertEquals(
        List.of(
            "check",
            "code",
            "family",
            "severity",
            "message",
            "args",
            "evidence",
            "details",
            "sources",
            "quotes"),
        keys(wording));
    assertEquals(0, wording.get("details").size()); // one line says it all
    // a flag about words rests on its quotes: no identity to name
    assertEquals(0, wording.get("evidence").size());
    assertEquals(
        "budget_actual warning wording",
        wording.get("code").asText()
            + " "
            + wording.get("severity").asText()
            + " "
            + wording.get("family").asText());
    assertEquals("预算 360.05万元、决算 465.38 万元，句中却说“决算数小于年初预算数”", wording.get("message").asText());
    JsonNode quote = wording.at("/quotes/0");
    assertEquals(List.of("text", "start", "end", "sectionId", "page", "url"), keys(quote));
    assertEquals(
        "4 52bbe3626a4811c6-3.5.3 /s/52bbe3626a4811c6-3.5.3?mark=2205-2303#hit",
        quote.get("page").asText()
            + " "
            + quote.get("sectionId").asText()
            + " "
            + quote.get("url").asText());
    String marked = get(quote.get("url").asText().replace("#hit", "")).body();
    assertTrue(marked.contains("<mark id=\"hit\">2024年度一般公共预算财政拨款支出年初预算为 360.05万元"), marked);
    assertEquals(
        "tables_apart notice completeness",
        flags.get(1).get("code").asText()
            + " "
            + flags.get(1).get("severity").asText()
            + " "
            + flags.get(1).get("family").asText());
    assertEquals(store.sections("52bbe3626a4811c6").size(), d.get("sections").size());
    // 汉阳区 names its nine standard tables, but their figures are not in its text (pictures)
    assertEquals(true, d.at("/completeness/followsStandardSet").asBoolean());
    assertEquals(9, d.at("/completeness/tables").size());
    assertEquals(
        "{\"number\":\"09\",\"name\":\"财政拨款“三公”经费支出决算表\",\"state\":\"empty\"}",
        d.at("/completeness/tables/8").toString());
    assertEquals(
        List.of("id", "path", "level", "heading", "category", "pages"), keys(d.at("/sections/0")));
    assertEquals("[6,6]", s.get("pages").toString()); // on page 6 of the PDF
    assertEquals(22, s.get("pageCount").asInt());
  }

  @Test
  void englishIsOneParameterAway() throws Exception {
    Response r = get("/search?q=" + enc("\"三公经费\"") + "&lang=en");
    assertTrue(r.body().contains("23 sections"), r.body());
    assertTrue(r.body().contains("<legend>Region</legend>"));
    assertTrue(
        r.body().contains("#hit") && r.body().contains("lang=en#hit"), "links keep the language");
    assertTrue(get("/help?lang=en").body().contains("<h1>Query syntax</h1>"));
    // one is singular, in counts of sections, of reports and of matching sections
    Response one = get("/search?q=" + enc("\"粗体\"") + "&lang=en");
    assertTrue(one.body().contains(">1 section<"), one.body());
    assertFalse(one.body().contains("1 sections"), one.body());
    Response grouped = get("/search?q=" + enc("\"粗体\"") + "&lang=en&group=doc");
    assertTrue(grouped.body().contains(">1 section in 1 report<"), grouped.body());
    assertTrue(grouped.body().contains(">1 matching section<"), grouped.body());
  }

  @Test
  void noticesAndFlagsReadInThePagesLanguage() throws Exception {
    String zh = get("/search?q=" + enc("三公 year:去年")).body();
    String en = get("/search?q=" + enc("三公 year:去年") + "&lang=en").body();
    assertTrue(zh.contains("已忽略 year:去年——请写成 2024 这样的年度"), zh);
    assertTrue(en.contains("Ignored year:去年 — write a year such as 2024"), en);
    // the same contradiction of the 洪江区 report, worded for each page
    String flagZh = "支出合计 93.93 万元，“增加14.14万元，上升9%”：按上年 79.79 万元计应为 17.7%";
    String flagEn =
        "Total expenditure of 93.93 × 10,000 yuan, “增加14.14万元，上升9%”: from the previous"
            + " year&#39;s 79.79 × 10,000 yuan it should be 17.7%";
    String indicatorsZh = get("/indicators?name=expenditure_total").body();
    String indicatorsEn = get("/indicators?name=expenditure_total&lang=en").body();
    assertTrue(indicatorsZh.contains(flagZh), indicatorsZh);
    assertTrue(indicatorsEn.contains(flagEn), indicatorsEn);
    assertFalse(indicatorsEn.contains(flagZh));
  }

  @Test
  void nothingInADocumentOrAQueryCanInjectHtml() throws Exception {
    List<String> pages =
        List.of(
            "/search?q=" + enc("<script>alert('q')</script> \"注入测试\""),
            "/search?q=" + enc("教育事务"),
            "/search?q=" + enc("\"><img src=x onerror=alert(1)>"),
            "/s/" + HOSTILE + "-1.1?q=" + enc("注入测试"),
            "/s/" + HOSTILE + "-1.2",
            "/d/" + HOSTILE + "?q=" + enc("\"注入测试\" <b>"),
            "/s/" + enc("<script>alert(1)</script>"),
            "/d/" + enc("\"><svg onload=alert(1)>"),
            "/");
    for (String p : pages) {
      Response r = get(p);
      String body = r.body().toLowerCase();
      assertFalse(body.contains("<script>alert"), p);
      assertFalse(body.contains("<img src=x"), p);
      assertFalse(body.contains("<b onmouseover"), p);
      assertFalse(body.contains("<a href=\"javascript"), p);
      assertFalse(body.contains("<style>body"), p);
      assertFalse(body.contains("<svg"), p);
      assertFalse(body.contains("' onclick='"), p);
    }
    Response section = get("/s/" + HOSTILE + "-1.1");
    assertTrue(
        section.body().contains("&lt;script&gt;alert(document.cookie)&lt;/script&gt;"),
        section.body());
    assertTrue(
        section.body().contains("&amp;amp;实体&amp;lt;"), "entities in text are shown as typed");
  }

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  @Test
  void developmentModeReadsTemplatesAndStaticFilesFromTheFolders() throws Exception {
    Path root = dir.resolve("dev");
    for (String folder : List.of("templates", "static")) {
      try (var files = Files.walk(Path.of(folder))) {
        for (Path f : files.toList()) {
          Path target = root.resolve(f.toString());
          if (Files.isDirectory(f)) Files.createDirectories(target);
          else Files.copy(f, target);
        }
      }
    }
    try (Portal dev =
        org.gongkai.TestSupport.portal(new ServeConfig(dir.resolve("index"), 0, root), store)
            .start()) {
      String base = "http://localhost:" + dev.port();
      Path zh = root.resolve("templates/i18n/messages_zh.properties");
      Files.writeString(zh, Files.readString(zh).replace("search.button=检索", "search.button=搜一搜"));
      Files.writeString(root.resolve("static/gongkai.css"), "/* edited */");
      String page =
          http.send(
                  HttpRequest.newBuilder(URI.create(base + "/search?q=x")).build(),
                  HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
              .body();
      assertTrue(page.contains(">搜一搜</button>"), "edited words show without a rebuild");
      String css =
          http.send(
                  HttpRequest.newBuilder(URI.create(base + "/static/gongkai.css")).build(),
                  HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
              .body();
      assertEquals("/* edited */", css);
    }
  }

  @Test
  void regionFacetsOpenOnlyWhereTheSearchIsSoANationalCorpusStaysReadable() throws Exception {
    JsonNode all = json.readTree(get("/api/search?q=" + enc("部门")).body()).at("/facets/region");
    assertEquals(4, all.size(), "four provinces: more than three, so none opens");
    for (JsonNode p : all) assertFalse(p.has("children"), p.toString());
    JsonNode hubei =
        json.readTree(get("/api/search?q=" + enc("部门") + "&region=" + enc("湖北省")).body())
            .at("/facets/region");
    JsonNode selected = null;
    for (JsonNode p : hubei) if (p.get("value").asText().equals("湖北省")) selected = p;
    assertEquals(2, selected.get("children").size(), "the selected province opens into its cities");
  }
}
