package org.gongkai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.TestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No English in the Chinese portal (#67): every value of the Chinese message bundle, and the words
 * a reader sees on every page the router serves as HTML (each GET route of the public list, its
 * path filled with a real report, section and table), hold no English word but the names a Chinese
 * reader reads as they are — Gongkai, OCR, CSV, PDF, a query's OR and NOT, a command's name.
 */
class ChineseWordsHttpTest {

  /** Words a Chinese page may hold as they are: names, formats, query syntax, commands. */
  static final Set<String> AS_THEY_ARE =
      Set.of(
          "Gongkai",
          "KB",
          "Lines",
          "OCR",
          "CSV",
          "JSON",
          "Atom",
          "RSS",
          "XML",
          "SHA",
          "PDF",
          "URL",
          "API",
          "HTTP",
          "HTTPS",
          "ZooKeeper",
          "NOT",
          "OR",
          "UTC",
          "English",
          "TSV",
          "ZIP",
          "DOCX",
          "HTML",
          "MB",
          "NUL",
          "index",
          "serve",
          "SolrCloud");

  /** A word of Latin letters, two or more. */
  private static final Pattern WORD = Pattern.compile("[A-Za-z]{2,}");

  /** What is code, not words: a parameter ({0}), a tag, an address, an option, a query's field. */
  private static final Pattern CODE =
      Pattern.compile(
          "\\{\\d+\\}|<[^>]+>|https?://\\S+|/[a-z/]+\\??|\\b(?=[0-9a-f]*[0-9])[0-9a-f]{6,}\\S*|--[a-z-]+|[a-z]+[=:][^\\s，。）)]*|\\S+\\.[a-z]{2,4}\\b");

  @TempDir static Path dir;
  static TestPortal served;

  @BeforeAll
  static void start() throws Exception {
    // the bundled reports, and budgets with projects (for a project's page)
    Path projects = java.nio.file.Files.createDirectories(dir.resolve("projects"));
    ProjectFixtures.write(projects);
    served = TestPortal.start(dir, List.of(TestSupport.CORPUS.resolve("formats"), projects));
  }

  @AfterAll
  static void stop() throws Exception {
    if (served != null) served.close();
  }

  private static Set<String> english(String text) {
    Set<String> out = new TreeSet<>();
    Matcher m = WORD.matcher(CODE.matcher(text).replaceAll(" "));
    while (m.find()) if (!AS_THEY_ARE.contains(m.group())) out.add(m.group());
    return out;
  }

  @Test
  void theChineseBundleSaysEverythingInChinese() throws IOException {
    Properties zh = new Properties();
    try (var in =
        Files.newBufferedReader(
            Path.of("templates/i18n/messages_zh.properties"), StandardCharsets.UTF_8)) {
      zh.load(in);
    }
    Map<String, Set<String>> found = new LinkedHashMap<>();
    for (String key : new TreeSet<>(zh.stringPropertyNames())) {
      Set<String> words = english(zh.getProperty(key));
      if (!words.isEmpty()) found.put(key, words);
    }
    assertEquals(Map.of(), found);
  }

  /** A page's words as a reader sees them: no script, no style, no tag, entities read. */
  private static String visible(String html) {
    // code shown as code (the help page's API fields, a query's syntax) is not words
    String s =
        html.replaceAll(
            "(?s)<script.*?</script>|<style.*?</style>|<!--.*?-->|<code>.*?</code>|<pre>.*?</pre>",
            " ");
    // the words of a title or an alternative text are read too
    s = s.replaceAll("(?s)\\s(?:title|alt|placeholder|aria-label)=\"([^\"]*)\"", "> $1 <");
    s = s.replaceAll("(?s)<[^>]*>", " ");
    return s.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"");
  }

  @Test
  void everyPageTheRouterServesAsHtmlIsInChinese() throws Exception {
    var docs =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(served.get("/api/documents").body());
    String docId = docs.get("documents").get(0).get("docId").asText();
    var hits =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(
                served
                    .get(
                        "/api/search?q="
                            + java.net.URLEncoder.encode("三公经费", StandardCharsets.UTF_8))
                    .body());
    String sectionId = hits.get("hits").get(0).get("id").asText();
    // a project, for its page
    var projects =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(served.get("/api/projects").body())
            .get("projects");
    String key =
        java.net.URLEncoder.encode(projects.get(0).get("key").asText(), StandardCharsets.UTF_8);
    List<String> paths = new ArrayList<>();
    for (String route : served.portal.routes()) {
      if (!route.startsWith("GET ")
          || route.startsWith("GET /api/")
          || route.contains("/file")
          || route.contains("/page/")
          || route.startsWith("GET /t/")
          || route.equals("GET /feed")
          || route.equals("GET /favicon.ico")) continue;
      paths.add(
          route
              .substring(4)
              .replace("{docId}", docId)
              .replace("{id}", sectionId)
              .replace("{key}", key));
    }
    // and the pages' common states: a search, a filtered list, a figure compared
    paths.add("/search?q=" + java.net.URLEncoder.encode("公务接待费", StandardCharsets.UTF_8));
    paths.add("/indicators?name=income_total");
    paths.add(
        "/issuer?name="
            + java.net.URLEncoder.encode(
                docs.get("documents").get(0).get("issuer").asText(), StandardCharsets.UTF_8));
    Map<String, Set<String>> found = new LinkedHashMap<>();
    for (String p : paths) {
      var r = served.get(p);
      // a page asked without what it needs (/issuer with no name) says so, in Chinese too
      assertEquals(true, r.statusCode() == 200 || r.statusCode() == 400, p);
      Set<String> words = english(visible(r.body()));
      if (!words.isEmpty()) found.put(p, words);
    }
    assertEquals(Map.of(), found);
    // what a screen reader says is Chinese too
    String home = served.get("/").body();
    assertEquals(true, home.contains("aria-label=\"检索词\""), home);
    assertEquals(true, served.get("/s/" + sectionId).body().contains("aria-label=\"所在位置\""));
  }
}
