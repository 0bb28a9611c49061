package org.gongkai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.gongkai.TestSupport;

/**
 * Hostile queries and requests against a running portal: random Unicode, operators, quotes,
 * brackets, huge inputs and odd parameters never give a 500 and always answer in bounded time; path
 * traversal finds nothing; every response carries the security headers.
 */
class HostileRequestsTest {

  static Path dir;
  static TestPortal served;
  static final HttpClient http = HttpClient.newHttpClient();

  /** A hang detector, not a speed target (speed lives in the benchmark). */
  static final Duration BOUND = Duration.ofSeconds(10);

  @BeforeContainer
  static void serve() throws Exception {
    dir = Files.createTempDirectory("gongkai-hostile");
    served = TestPortal.start(dir, List.of(TestSupport.CORPUS.resolve("formats")));
  }

  @AfterContainer
  static void stop() throws Exception {
    served.close();
    try (var files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList())
        Files.deleteIfExists(p);
    }
  }

  static HttpResponse<String> get(String pathAndQuery) {
    return assertTimeoutPreemptively(
        BOUND,
        () ->
            http.send(
                HttpRequest.newBuilder(URI.create(served.url(pathAndQuery))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)),
        pathAndQuery);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Provide
  Arbitrary<String> queries() {
    Arbitrary<String> syntax =
        Arbitraries.of(
            "\"",
            "“",
            "”",
            "(",
            ")",
            "（",
            "）",
            "-",
            "OR",
            " ",
            "region:",
            "year:",
            "..",
            ":",
            "：",
            "\\",
            "*",
            "?",
            "~",
            "^",
            "[",
            "]",
            "{",
            "}",
            "&&",
            "||",
            "!",
            "<script>",
            "%",
            "%00",
            "\u0000",
            "\u200b",
            "\ud83d\ude00",
            "三公",
            "经费",
            "湖北",
            "2024",
            "465.38",
            "年度",
            "kind:",
            "category:",
            "　",
            "\n",
            "\t");
    Arbitrary<String> unicode = Arbitraries.strings().all().ofMaxLength(40);
    return Arbitraries.oneOf(syntax, unicode)
        .list()
        .ofMaxSize(60)
        .map(parts -> String.join("", parts));
  }

  @Property(tries = 150)
  void anyQueryGetsAnAnswerNeverAServerError(@ForAll("queries") String q) {
    // a NUL character is refused, said why (a 400): it is no query anyone types
    int expected = q.indexOf('\u0000') >= 0 ? 400 : 200;
    HttpResponse<String> page = get("/search?q=" + enc(q));
    assertEquals(expected, page.statusCode(), q);
    HttpResponse<String> api = get("/api/search?q=" + enc(q) + "&size=5");
    assertEquals(expected, api.statusCode(), q);
  }

  @Property(tries = 60)
  void anyParametersGetAnAnswerNeverAServerError(
      @ForAll("queries") String value, @ForAll("params") String param) {
    HttpResponse<String> r = get("/search?q=" + enc("三公") + "&" + param + "=" + enc(value));
    assertTrue(r.statusCode() < 500, param + "=" + value + " → " + r.statusCode());
  }

  @Provide
  Arbitrary<String> params() {
    return Arbitraries.of(
        "region", "year", "category", "department", "kind", "sort", "page", "size", "lang", "q");
  }

  @Property(tries = 5)
  void longQueriesAreCutNotChoked(@ForAll("longQueries") String q) {
    HttpResponse<String> r = get("/api/search?q=" + enc(q));
    assertEquals(200, r.statusCode());
    assertTrue(r.body().contains("only the first 500 were used"), r.body().substring(0, 300));
  }

  @Provide
  Arbitrary<String> longQueries() {
    return Arbitraries.strings().withChars("三公经费\"()- OR").ofMinLength(600).ofMaxLength(700);
  }

  @Property(tries = 5)
  void hugeRequestsAreCutOrRefusedNeverProcessedWhole(@ForAll("huge") String q) {
    HttpResponse<String> r = get("/api/search?q=" + enc(q));
    // beyond Jetty's 8 KB request-line limit a 414 comes before any of our code runs — or a 431
    // where
    // the line fills the buffer Jetty reads the request's head into (it depends on the draw's
    // length)
    if (r.statusCode() == 414 || r.statusCode() == 431) return;
    assertEquals(200, r.statusCode());
    assertTrue(r.body().contains("only the first 500 were used"), r.body().substring(0, 300));
  }

  @Provide
  Arbitrary<String> huge() {
    return Arbitraries.strings().withChars("三公经费\"()- OR").ofMinLength(5_000).ofMaxLength(20_000);
  }

  @net.jqwik.api.Example
  void aPagePastTheResultsIsSaidOnceAsThePageAsked() {
    // far past the few pages of results: said as the page asked, not also as a page too deep
    HttpResponse<String> r = get("/api/search?q=" + enc("经费") + "&page=100000&size=100");
    assertEquals(200, r.statusCode());
    assertTrue(
        r.body()
            .contains("There is no page 100000: the results have 1 page(s); go back to page 1."),
        r.body());
    assertTrue(!r.body().contains("Only the first 10000 results"), r.body());
    String page = get("/search?q=" + enc("经费") + "&page=999999").body();
    assertTrue(page.contains("没有第 999999 页"), page);
    assertTrue(!page.contains("现显示第"), page);
  }

  /**
   * A region of separators alone ({@code /}, {@code //}, {@code ›} …) names no division: every
   * route that takes a region says so, as for any unknown region, and never answers 500.
   */
  @net.jqwik.api.Example
  void separatorsAloneAreAnUnknownRegionOnEveryRoute() throws Exception {
    List<String> routes =
        List.of(
            "/search?q=" + enc("三公") + "&region=",
            "/api/search?q=" + enc("三公") + "&region=",
            "/documents?region=",
            "/api/documents?region=",
            "/feed?region=",
            "/indicators?name=reception&region=",
            "/api/indicators?name=reception&region=");
    for (String region : List.of("/", ">", "//", "／", "›", " › ", "/ /")) {
      for (String route : routes) {
        HttpResponse<String> r = get(route + enc(region));
        assertEquals(200, r.statusCode(), route + region + " → " + r.body());
      }
      HttpResponse<String> api = get("/api/search?q=" + enc("三公") + "&region=" + enc(region));
      assertTrue(api.body().contains("Unknown region"), region + " → " + api.body());
      HttpResponse<String> batch =
          http.send(
              HttpRequest.newBuilder(URI.create(served.url("/api/batch")))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"queries\": [\"三公\"], \"region\": \""
                              + region.replace("\\", "\\\\")
                              + "\"}",
                          StandardCharsets.UTF_8))
                  .build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertTrue(batch.statusCode() < 500, region + " → " + batch.body());
    }
    // typed into the query, in either language
    for (String q : List.of("三公 地区:›", "三公 region:/", "三公 地区://")) {
      HttpResponse<String> r = get("/api/search?q=" + enc(q));
      assertEquals(200, r.statusCode(), q);
      assertTrue(r.body().contains("Unknown region"), q + " → " + r.body());
    }
  }

  @net.jqwik.api.Example
  void pathTraversalFindsNothing() {
    for (String p :
        List.of(
            "/d/..%2F..%2F..%2Fetc%2Fpasswd/file",
            "/d/%2e%2e%2f%2e%2e%2fpom.xml/file",
            "/static/../pom.xml",
            "/static/%2e%2e/%2e%2e/pom.xml",
            "/static/..%2F..%2Fpom.xml",
            "/s/..%2F..%2Fetc%2Fpasswd",
            "/d/../../etc/passwd")) {
      HttpResponse<String> r = get(p);
      assertTrue(r.statusCode() == 404 || r.statusCode() == 400, p + " → " + r.statusCode());
      assertFalse(r.body().contains("<artifactId>") || r.body().contains("root:x:"), p);
    }
  }

  @net.jqwik.api.Example
  void everyResponseCarriesTheSecurityHeaders() {
    for (String p :
        List.of(
            "/",
            "/search?q=x",
            "/s/52bbe3626a4811c6-3.9",
            "/d/52bbe3626a4811c6",
            "/api/search?q=x",
            "/static/gongkai.css",
            "/no/such/page",
            "/api/sections/nope")) {
      HttpResponse<String> r = get(p);
      assertEquals(
          "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
              + "base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
          r.headers().firstValue("Content-Security-Policy").orElse(""),
          p);
      assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), p);
      assertEquals("same-origin", r.headers().firstValue("Referrer-Policy").orElse(""), p);
    }
  }

  @net.jqwik.api.Example
  void pagesNeedNoInlineScriptOrStyleSoTheStrictPolicyHolds() {
    Pattern inline =
        Pattern.compile(
            "<script(?![^>]*\\bsrc=)[^>]*>|\\sstyle=\"|\\son[a-z]+=\"", Pattern.CASE_INSENSITIVE);
    for (String p :
        List.of(
            "/",
            "/search?q=%22%E4%B8%89%E5%85%AC%E7%BB%8F%E8%B4%B9%22",
            "/s/52bbe3626a4811c6-3.9?q=x",
            "/d/52bbe3626a4811c6",
            "/help",
            "/nope")) {
      Matcher m = inline.matcher(get(p).body());
      List<String> found = new ArrayList<>();
      while (m.find()) found.add(m.group());
      assertEquals(List.of(), found, p);
    }
  }
}
