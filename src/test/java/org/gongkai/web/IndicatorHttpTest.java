package org.gongkai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    assertEquals("2024年度本年支出合计197.57万元，其中：基本支出139.47万元，占70.59%；", first.get("source").asText());
    assertEquals("本年决算", first.get("role").asText());
    assertTrue(first.get("headline").asBoolean());
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
  void documentPageListsKeyFiguresAndContradictions() throws Exception {
    String page = get("/d/aa71aabe09c7bab1").body();
    assertTrue(page.contains("报告中的自相矛盾之处"));
    assertTrue(page.contains("支出合计 93.93 万元，“增加14.14万元，上升9%”：按上年 79.79 万元计应为 17.7%"), page);
    assertTrue(page.contains("公务用车购置及运行（维护）费：“决算为万元”处缺少数字"));
    assertTrue(page.contains("<a href=\"/indicators?name=operating_expenses\">机关运行经费</a>"));
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
  void aRegionWithSeveralYearsGetsAYearOverYearRow(@TempDir Path other) throws Exception {
    Path corpus = java.nio.file.Files.createDirectories(other.resolve("corpus"));
    String seed =
        java.nio.file.Files.readString(
            TestSupport.CORPUS.resolve("seeds/000_988c7a9063883e3f.txt"));
    java.nio.file.Files.writeString(corpus.resolve("2024.txt"), seed);
    java.nio.file.Files.writeString(
        corpus.resolve("2023.txt"),
        seed.replace("2024", "2023").replace("支出合计 465.38", "支出合计 400"));
    try (TestPortal two = TestPortal.start(other, List.of(corpus))) {
      String page =
          http.send(
                  HttpRequest.newBuilder(URI.create(two.url("/indicators?name=expenditure_total")))
                      .build(),
                  HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
              .body();
      assertTrue(page.contains("按地区逐年比较"), page);
      assertTrue(page.contains("<th>湖北省 武汉市 汉阳区</th>"), page);
      assertTrue(page.contains("<span>2023: 400</span> <small></small>"), page);
      assertTrue(page.contains("<span>2024: 465.38</span> <small>+16.3%</small>"), page);
    }
  }
}
