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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.gongkai.TestSupport;
import org.gongkai.model.Facet;
import org.gongkai.model.SearchRequest;
import org.gongkai.search.SearchService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The indicator explorer, its JSON and CSV exports, numeric queries and the document page's
 * figures, over HTTP.
 */
class IndicatorHttpTest {

  /** The export's columns, the same in JSON and CSV. */
  static final List<String> COLUMNS =
      new org.gongkai.api.IndicatorJson(
              new com.fasterxml.jackson.databind.ObjectMapper(),
              org.gongkai.api.Wording.bundled(),
              org.gongkai.web.Links.relative())
          .columns();

  /** The CSV: the JSON's columns, then the report's title, the region's code and the flags. */
  static final List<String> CSV_COLUMNS =
      java.util.stream.Stream.concat(
              COLUMNS.stream(), org.gongkai.api.IndicatorJson.CSV_EXTRA.stream())
          .toList();

  @TempDir static Path dir;
  static TestPortal served;
  static final HttpClient http = HttpClient.newHttpClient();
  static final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void serve() throws Exception {
    served = TestPortal.start(dir, List.of(TestSupport.CORPUS.resolve("formats")));
  }

  @AfterAll
  static void stop() throws Exception {
    served.close();
  }

  static HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(served.url(path))).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** The body of {@code path} on a portal of a test's own. */
  static String body(TestPortal portal, String path) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(portal.url(path))).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
        .body();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void apiListsEachDocumentsHeadlineWithProvenance() throws Exception {
    HttpResponse<String> r = get("/api/indicators?name=expenditure_total&format=json");
    assertEquals(200, r.statusCode());
    JsonNode rows = json.readTree(r.body());
    assertEquals(4, rows.size(), "the performance report states no 支出合计");
    List<String> lines = new ArrayList<>();
    for (JsonNode row : rows)
      lines.add(
          row.get("region").get("county").asText()
              + " "
              + row.get("year").asInt()
              + " "
              + row.get("valueWan").asDouble());
    assertEquals(
        List.of("金口河区 2024 197.57", "汉阳区 2024 465.38", "蔡甸区 2023 552.83", "鄂城区 2023 93.93"), lines);
    JsonNode first = rows.get(0);
    List<String> keys = new ArrayList<>();
    first.fieldNames().forEachRemaining(keys::add);
    assertEquals(COLUMNS, keys.subList(0, COLUMNS.size()));
    assertEquals("/s/e3eabb74bdb7bdb4-2.3?mark=725-733#hit", first.get("url").asText());
    // the link marks this very statement of the figure, by its offsets
    String source = get(first.get("url").asText().replace("#hit", "")).body();
    assertTrue(source.contains("本年支出合计<mark id=\"hit\">197.57万元</mark>，其中"), source);
    assertEquals(1, source.split("<mark").length - 1);
    // a mark outside the section, or not a range, is ignored
    assertTrue(!get("/s/e3eabb74bdb7bdb4-2.3?mark=1-2").body().contains("<mark"));
    assertTrue(!get("/s/e3eabb74bdb7bdb4-2.3?mark=%3Cb%3E").body().contains("<mark"));
    assertEquals(
        "2024年度本年支出合计197.57万元，其中：基本支出139.47万元，占70.59%；项目支出58.1万元，占29.41%。",
        first.get("source").asText()); // the whole sentence, every part of its breakdown
    assertEquals("本年决算", first.get("role").asText());
    assertTrue(first.get("headline").asBoolean());
    // what it is about and how it is confirmed: its parts add up to it
    assertEquals("whole/all/current", first.get("scope").asText());
    assertEquals("部门整体·全部资金·本年", first.get("scopeName").asText());
    assertTrue(first.get("verified").asBoolean());
    assertEquals("[\"breakdown\",\"basic_plus_project\"]", first.get("by").toString());
    assertEquals("所列各项之和等于该数；基本支出与项目支出之和等于支出合计", first.get("verifiedBy").asText());
    assertFalse(first.get("candidate").asBoolean());
  }

  @Test
  void exportsRespectTheFilters() throws Exception {
    JsonNode hubei =
        json.readTree(
            get("/api/indicators?name=expenditure_total&region=" + enc("湖北省") + "&year=2023")
                .body());
    assertEquals(2, hubei.size());
    HttpResponse<String> csv =
        get("/api/indicators?name=" + enc("公务接待费") + "&region=" + enc("湖北省") + "&format=csv");
    assertEquals(200, csv.statusCode());
    assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    List<CSVRecord> records =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .build()
            .parse(new StringReader(csv.body().substring(1)))
            .getRecords();
    assertEquals(3, records.size());
    assertEquals("reception", records.get(0).get("indicator"));
    assertEquals("湖北省/武汉市/汉阳区", records.get(0).get("region"));
    assertEquals("0", records.get(0).get("valueWan"));
    assertEquals(
        CSV_COLUMNS,
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .build()
            .parse(new StringReader(csv.body().substring(1)))
            .getHeaderNames());
    assertEquals("420105", records.get(0).get("regionCode"));
    assertEquals("武汉市汉阳区总工会 2024 年度部门决算", records.get(0).get("docTitle"));
  }

  @Test
  void unknownIndicatorIsABadRequestThatListsTheKnownOnes() throws Exception {
    HttpResponse<String> r = get("/api/indicators?name=bogus");
    assertEquals(400, r.statusCode());
    assertTrue(json.readTree(r.body()).get("error").asText().contains("three_public"));
  }

  @Test
  void explorerShowsValuesFlagsAndLinksToTheSourceSentence() throws Exception {
    HttpResponse<String> r = get("/indicators?name=expenditure_total&sort=value");
    assertEquals(200, r.statusCode());
    List<String> values = new ArrayList<>();
    var m =
        java.util.regex.Pattern.compile("<span class=\"value\">([^<]+)</span>").matcher(r.body());
    while (m.find()) values.add(m.group(1));
    assertEquals(List.of("552.83", "465.38", "197.57", "93.93"), values);
    assertTrue(
        r.body().contains("⚠ 支出合计 93.93 万元，“增加14.14万元，上升9%”：按上年 79.79 万元计应为 17.7%"), r.body());
    assertTrue(r.body().contains("href=\"/api/indicators?name=expenditure_total&amp;format=csv\""));
  }

  @Test
  void theExplorerIsLargestFirstUnlessAskedAndShowsMoneyAsAReaderReadsIt() throws Exception {
    // no order asked: by value, largest first, as the first order offered says, and marked so
    String page = get("/indicators?name=income_total").body();
    List<String> values = new ArrayList<>();
    var m = java.util.regex.Pattern.compile("<span class=\"value\">([^<]+)</span>").matcher(page);
    while (m.find()) values.add(m.group(1));
    List<Double> amounts = values.stream().map(v -> Double.valueOf(v.replace(",", ""))).toList();
    List<Double> sorted = new ArrayList<>(amounts);
    sorted.sort(java.util.Comparator.reverseOrder());
    assertEquals(sorted, amounts);
    // thousands grouped, two decimals: the API keeps the value as stated
    for (String v : values) assertTrue(v.matches("\\d{1,3}(?:,\\d{3})*\\.\\d{2}"), v);
    assertTrue(page.contains("class=\"on\">"), page);
    assertTrue(
        java.util.regex.Pattern.compile("<a href=\"[^\"]*sort=value[^\"]*\" class=\"on\">")
            .matcher(page)
            .find(),
        page);
  }

  @Test
  void documentPageListsKeyFiguresAndContradictions() throws Exception {
    String page = get("/d/aa71aabe09c7bab1").body();
    assertTrue(page.contains("报告中的矛盾与存疑之处"));
    assertTrue(page.contains("支出合计 93.93 万元，“增加14.14万元，上升9%”：按上年 79.79 万元计应为 17.7%"), page);
    assertTrue(page.contains("公务用车购置及运行（维护）费：“决算为万元”处缺少数字"));
    assertTrue(page.contains("<a href=\"/indicators?name=operating_expenses\">机关运行经费</a>"));
    // each flag with its severity and family, and each side: the statement, its scope, where it is
    String flags =
        page.substring(
            page.indexOf("<section class=\"flags\">"),
            page.indexOf("</section>", page.indexOf("<section class=\"flags\">")));
    assertTrue(
        flags.contains(
            "<li class=\"flag-error\"><span class=\"severity\">矛盾</span> <span class=\"message\">收入合计 93.93 万元，“增加19.08万元，上升16%”：按上年 74.85 万元计应为 25.5%</span> <small class=\"family\">说法与数字不符</small>"
                // why the read is trusted: the total's listed parts add up to it
                + "<details class=\"more\"><summary>详情</summary><small class=\"evidence\">依据（同一报告中成立的关系）：93.93万元：所列各项之和等于该数</small></details>\n"
                + "          <ul class=\"sides\">\n"
                + "            <li><a class=\"source\" href=\"/s/aa71aabe09c7bab1-3.1?mark=818-825#hit\">收入合计 93.93万元 · 本年决算</a> <small class=\"scope\">部门整体·全部资金·本年</small> </li>"),
        flags);
    assertTrue(
        flags.contains(
            "<li class=\"flag-warning\"><span class=\"severity\">存疑</span> <span class=\"message\">按预算 69.9万元、决算 77.88万元 计，“完成年初预算的100%”应为 111.42%</span> <small class=\"family\">说法与数字不符</small>\n"
                + "          <ul class=\"sides\">\n"
                + "            <li><a class=\"source\" href=\"/s/aa71aabe09c7bab1-3.4.3?mark=1818-1855#hit\">“年初预算为69.9万元，支出决算为77.88万元，完成年初预算的100%。”</a>  </li>"),
        flags);
    assertEquals(11, flags.split("<li class=\"flag-").length - 1);
    // a PDF's: the page of the original each quote is on, opened there
    String caidian = get("/d/d42c6830081dfa35").body();
    String dated =
        caidian.substring(
            caidian.indexOf("<section class=\"flags\">"),
            caidian.indexOf("</section>", caidian.indexOf("<section class=\"flags\">")));
    assertTrue(
        dated.contains(
            "<li><a class=\"source\" href=\"/s/d42c6830081dfa35-3.9.2?mark=9513-9529#hit\">“截止 2022年 12月 31日”</a>  <a class=\"page\" href=\"/d/d42c6830081dfa35/file#page=18\">第 18 页</a></li>\n"
                + "            <li><a class=\"source\" href=\"/s/d42c6830081dfa35-3.12?mark=9874-9890#hit\">“截至 2022年 12月 31日”</a>  <a class=\"page\" href=\"/d/d42c6830081dfa35/file#page=19\">第 19 页</a></li>"),
        dated);
    assertTrue(dated.contains("<span class=\"severity\">存疑</span>"), dated);
  }

  @Test
  void numericConditionsSelectDocumentsByTheirFigures() throws Exception {
    SearchService search = new SearchService(served.store, TestSupport.gazetteer());
    // only 金口河区 reports 公务接待费 above zero (0.35 万元)
    var page = search.search(SearchRequest.of("公务接待费>0.1").withSize(100));
    assertEquals(59, page.total());
    assertTrue(page.hits().stream().allMatch(h -> h.docId().equals("e3eabb74bdb7bdb4")));
    // with words: the sections of those documents that state the figure
    assertEquals(
        List.of("e3eabb74bdb7bdb4-2.7.2"),
        search.search(SearchRequest.of("公务接待费>0.1 \"公务接待费支出决算0.35万元\"")).hits().stream()
            .map(h -> h.id())
            .toList());
    assertEquals(2, docs(search, "支出合计:400..600"));
    assertEquals(3, docs(search, "支出合计>100 year:2023..2024"));
    assertEquals(1, docs(search, "expenditure_total<100"));
    assertEquals(4, docs(search, "-公务接待费>0.1"));
  }

  private static long docs(SearchService search, String q) throws Exception {
    return search.search(SearchRequest.of(q).withSize(100)).facets().get(Facet.REGION).stream()
        .flatMap(p -> p.children().stream())
        .flatMap(c -> c.children().stream())
        .count();
  }

  @Test
  void oneIssuersReportsOfOneKindGetAYearOverYearRowAndNoOtherReportsDo(@TempDir Path other)
      throws Exception {
    Path corpus = java.nio.file.Files.createDirectories(other.resolve("corpus"));
    String seed =
        java.nio.file.Files.readString(
            TestSupport.CORPUS.resolve("seeds/000_988c7a9063883e3f.txt"));
    java.nio.file.Files.writeString(corpus.resolve("2024.txt"), seed);
    java.nio.file.Files.writeString(
        corpus.resolve("2023.txt"),
        seed.replace("2024", "2023").replace("支出合计 465.38", "支出合计 400"));
    // two years earlier, with no report of the year between
    java.nio.file.Files.writeString(
        corpus.resolve("2021.txt"),
        seed.replace("2024", "2021").replace("支出合计 465.38", "支出合计 350"));
    // another issuer of the same district, a year earlier: not the same series
    java.nio.file.Files.writeString(
        corpus.resolve("other-2022.txt"),
        seed.replace("2024", "2022").replace("总工会", "妇女联合会").replace("支出合计 465.38", "支出合计 30"));
    try (TestPortal two = TestPortal.start(other, List.of(corpus))) {
      String page =
          http.send(
                  HttpRequest.newBuilder(URI.create(two.url("/indicators?name=expenditure_total")))
                      .build(),
                  HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
              .body();
      assertTrue(page.contains("同一发布单位、同类报告逐年比较"), page);
      String series = page.substring(page.indexOf("class=\"series\""));
      assertTrue(series.contains("<th>武汉市汉阳区总工会（部门决算）</th>"), series);
      assertTrue(series.contains("<span>2021: 350</span> <small></small>"), series);
      // a change over a gap says from when
      assertTrue(
          series.contains(
              "<span>2023: 400</span> <small>+14.3%</small><small class=\"since\">（比2021年，中间年度无报告）</small>"),
          series);
      assertTrue(series.contains("<span>2024: 465.38</span> <small>+16.3%</small></td>"), series);
      assertFalse(series.contains("2022"), series); // 妇女联合会's one year stands alone
    }
  }

  @Test
  void anUndecidedFigureIsListedWithItsValuesAndAVerifiedOneWithItsTick(@TempDir Path other)
      throws Exception {
    Path corpus = java.nio.file.Files.createDirectories(other.resolve("corpus"));
    java.nio.file.Files.writeString(
        corpus.resolve("undecided.txt"),
        String.join(
            "\n",
            "某某县审计局2024年度部门决算",
            "一、收入支出决算总体情况说明",
            "2024年度收入合计59,593.70万元。",
            "收入支出决算总表",
            "单位：万元",
            "项目\t决算数",
            "本年收入合计\t357,143.58",
            "二、支出决算情况说明",
            "2024年度支出合计100.00万元，其中：基本支出60.00万元，占60%；项目支出40.00万元，占40%。"));
    try (TestPortal one = TestPortal.start(other, List.of(corpus))) {
      JsonNode rows = json.readTree(body(one, "/api/indicators?name=income_total"));
      List<String> values = new ArrayList<>();
      for (JsonNode r : rows)
        values.add(
            r.get("asWritten").asText()
                + " headline="
                + r.get("headline").asBoolean()
                + " candidate="
                + r.get("candidate").asBoolean());
      assertEquals(
          List.of(
              "59,593.70万元 headline=false candidate=true",
              "357,143.58 headline=false candidate=true"),
          values);
      String page = body(one, "/indicators?name=income_total");
      assertTrue(page.contains("<strong>未能判定</strong>"), page);
      // each value on its own, formatted as every figure is, as written in its title; the unit once
      assertTrue(
          page.contains(
              "title=\"357,143.58\" class=\"source candidate\">357,143.58</a><span class=\"sep\"> ｜ </span>"
                  + "<a href=\""),
          page);
      assertTrue(
          page.contains(
              "title=\"59,593.70万元\" class=\"source candidate\">59,593.70</a> <span>万元</span>"),
          page);
      assertFalse(page.contains("id=\"not-reported\""), page); // undecided is not unreported
      String csv = body(one, "/api/indicators?name=expenditure_total&format=csv");
      assertTrue(
          csv.lines()
              .skip(1)
              .findFirst()
              .orElseThrow()
              .endsWith(",whole/all/current,true,breakdown basic_plus_project,false,,text,false,"),
          csv);
      String doc = body(one, "/api/documents?size=1");
      String docId = json.readTree(doc).get("documents").get(0).get("docId").asText();
      String docPage = body(one, "/d/" + docId);
      assertTrue(docPage.contains("<tr class=\"undecided\">"), docPage);
      assertTrue(docPage.contains("<tr class=\"verified\">"), docPage);
      assertTrue(
          docPage.contains(
              "<span aria-hidden=\"true\">✓</span> <small>所列各项之和等于该数；基本支出与项目支出之和等于支出合计</small>"),
          docPage);
      // Gongkai's own doubt is said as such beside the figure, never as the report's contradiction
      assertTrue(docPage.contains("<strong>未能判定</strong>"), docPage);
      assertTrue(docPage.contains("这是读取上的存疑，不是报告的矛盾"), docPage);
      assertFalse(docPage.contains("无法判定哪一个是报告的数字"), docPage);
      assertFalse(docPage.contains("<span class=\"severity\">矛盾</span>"), docPage);
    }
  }

  @Test
  void aFigureTheReportStatesNowhereIsItsHeadlineMarkedComputedEverywhereItIsShown(
      @TempDir Path other) throws Exception {
    // a budget that states its grand total and, as parts, the year's income and the carry-over:
    // the year's income alone is written nowhere; Gongkai's arithmetic on the amounts it does state
    // is the figure's headline (to sort and compare), marked （算得） with how, never quoted as stated
    Path corpus = java.nio.file.Files.createDirectories(other.resolve("corpus"));
    java.nio.file.Files.writeString(
        corpus.resolve("unstated.txt"),
        String.join(
            "\n",
            "某某市档案局2026年部门预算",
            "二、收入预算情况说明",
            "2026年度收入预算1200.00万元。",
            "（一）本年财政拨款收入1000.00万元",
            "（二）本年其他资金收入150.00万元",
            "（三）上年结转结余50.00万元"));
    String how = "收入总计减所列结转 50万元：即本年收入；报告未列明此数";
    try (TestPortal one = TestPortal.start(other, List.of(corpus))) {
      JsonNode rows = json.readTree(body(one, "/api/indicators?name=income_total"));
      assertEquals(1, rows.size(), rows.toString());
      JsonNode row = rows.get(0);
      assertEquals("1150.00万元", row.get("asWritten").asText());
      assertEquals(1150.0, row.get("valueWan").asDouble());
      assertEquals("derived", row.get("sourceKind").asText());
      assertEquals(how, row.get("derivation").asText());
      assertFalse(row.get("includesCarryOver").asBoolean());
      assertFalse(row.get("candidate").asBoolean());
      assertTrue(row.get("headline").asBoolean());
      // the export says so in its own columns
      String csv = body(one, "/api/indicators?name=income_total&format=csv");
      String[] lines = csv.strip().split("\r?\n");
      assertEquals(2, lines.length, csv);
      assertTrue(
          lines[0].endsWith(",collection,sourceKind,includesCarryOver,derivation"), lines[0]);
      assertTrue(lines[1].endsWith(",derived,false," + how), lines[1]);
      // the explorer: the value, sortable, with its mark and how
      String page = body(one, "/indicators?name=income_total");
      assertTrue(
          page.contains(
              "<span class=\"value\">1,150.00</span><span class=\"derived\" title=\""
                  + how
                  + "\">（算得）</span> <span>万元</span>"),
          page);
      assertFalse(page.contains("<strong>未能判定</strong>"), page);
      assertFalse(page.contains("<strong>报告未列明</strong>"), page);
      // several figures at once: the cell marked, the CSV's measure column
      String wide = body(one, "/indicators?name=income_total&name=grand_total");
      assertTrue(wide.contains("title=\"" + how + "\" class=\"derived\">1,150.00（算得）</a>"), wide);
      String wideCsv = body(one, "/api/indicators?name=income_total&name=grand_total&format=csv");
      assertTrue(
          wideCsv.strip().split("\r?\n")[0].endsWith(",income_total_measure,grand_total_measure"),
          wideCsv);
      assertTrue(wideCsv.strip().split("\r?\n")[1].endsWith(",derived,"), wideCsv);
      // the document page: the headline marked, its computation beside its source
      String doc = body(one, "/api/documents?size=1");
      String docId = json.readTree(doc).get("documents").get(0).get("docId").asText();
      String docPage = body(one, "/d/" + docId);
      assertTrue(
          docPage.contains(
              "<span>1,150.00</span><span class=\"derived\" title=\"" + how + "\">（算得）</span>"),
          docPage);
      assertTrue(docPage.contains("<small class=\"derivation\">（" + how + "）</small>"), docPage);
      assertFalse(docPage.contains("<strong>未能判定</strong>"), docPage);
      // the grand total the report does state is its figure
      assertTrue(docPage.contains("<span>1,200.00</span>"), docPage);
      // the citation of the passage the figure links to says it is computed, and how
      String section = body(one, row.get("url").asText().replace("#hit", ""));
      assertTrue(
          section.contains("其中“收入合计 1,150.00 万元”不是报告原文，是 Gongkai 由报告所列数字算得：" + how + "。"), section);
    }
  }

  @Test
  void anIncomeHoldingTheCarryOverUnseparatedIsMarkedSoEverywhereItIsShown(@TempDir Path other)
      throws Exception {
    Path corpus = java.nio.file.Files.createDirectories(other.resolve("corpus"));
    java.nio.file.Files.writeString(
        corpus.resolve("folded.txt"),
        String.join(
            "\n",
            "某某市档案局2026年部门预算",
            "二、收支预算总体情况",
            "2026年收入预算3,580.60万元，其中一般公共预算拨款收入3,400.60万元，事业收入180.00万元。"
                + "上述收入包括2025年结转并编制到2026年预算的资金。"));
    try (TestPortal one = TestPortal.start(other, List.of(corpus))) {
      JsonNode row = json.readTree(body(one, "/api/indicators?name=income_total")).get(0);
      assertTrue(row.get("headline").asBoolean());
      assertTrue(row.get("includesCarryOver").asBoolean());
      assertEquals("text", row.get("sourceKind").asText());
      assertTrue(row.get("derivation").isNull());
      String csv = body(one, "/api/indicators?name=income_total&format=csv");
      assertTrue(csv.strip().split("\r?\n")[1].endsWith(",text,true,"), csv);
      String carry =
          "<small class=\"carry\" title=\"报告把上年结转资金并入了这项收入、没有单列：它不是本年收入，与别的报告比较时请注意\">含上年结转</small>";
      String page = body(one, "/indicators?name=income_total");
      assertTrue(page.contains(carry), page);
      String wide = body(one, "/indicators?name=income_total&name=grand_total");
      assertTrue(wide.contains(carry), wide);
      assertTrue(
          body(one, "/api/indicators?name=income_total&name=grand_total&format=csv")
              .strip()
              .split("\r?\n")[1]
              .endsWith(",includesCarryOver,"));
      String docId =
          json.readTree(body(one, "/api/documents?size=1"))
              .get("documents")
              .get(0)
              .get("docId")
              .asText();
      String docPage = body(one, "/d/" + docId);
      assertTrue(docPage.contains(carry), docPage);
      String section = body(one, row.get("url").asText().replace("#hit", ""));
      assertTrue(section.contains("其中“收入合计 3,580.60 万元”含上年结转资金（报告未单列），不是本年收入。"), section);
      // in English too
      String en = body(one, "/indicators?name=income_total&lang=en");
      assertTrue(en.contains("incl. last year&#39;s carry-over"), en);
    }
  }
}
