package org.gongkai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
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
 * A reader who chose English stays in English: every page reached by following links from {@code
 * /?lang=en} links on in English, and names what it shows in English.
 */
class EnglishPathHttpTest {

  @TempDir static Path dir;
  static TestPortal served;

  @BeforeAll
  static void serve() throws Exception {
    served = TestPortal.start(dir, List.of(TestSupport.CORPUS.resolve("formats")));
  }

  @AfterAll
  static void stop() throws Exception {
    served.close();
  }

  private static final Pattern HREF = Pattern.compile("<a\\b([^>]*?)href=\"(/[^\"]*)\"");

  /** Links that are not pages of the portal: files, images, exports, feeds, assets. */
  private static boolean isPage(String href) {
    String path = href.replaceAll("[?#].*", "");
    return !path.startsWith("/static/")
        && !path.startsWith("/api/")
        && !path.startsWith("/t/")
        && !path.endsWith("/file")
        && !path.contains("/page/")
        && !path.equals("/feed")
        && !path.equals("/favicon.ico")
        && !href.contains("format=");
  }

  /** A page's kind: its path without ids and query. */
  private static String kind(String url) {
    return url.replaceAll("[?#].*", "").replaceAll("/[0-9a-f]{8,}[^/]*", "/…");
  }

  /** Pages reached from the English home page, breadth first, with the links each one has. */
  private static List<String[]> crawl(int max) throws Exception {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of("/?lang=en"));
    List<String[]> links = new ArrayList<>();
    while (!todo.isEmpty() && seen.size() < max) {
      String url = todo.poll();
      if (!seen.add(url)) continue;
      var r = served.get(url);
      assertEquals(200, r.statusCode(), url);
      Matcher m = HREF.matcher(r.body());
      while (m.find()) {
        String href = m.group(2).replace("&amp;", "&");
        // the switch to Chinese leaves English on purpose; a permalink is the same in both
        if (!isPage(href)
            || m.group(1).contains("class=\"lang\"")
            || m.group(1).contains("rel=\"bookmark\"")) continue;
        links.add(new String[] {url, href});
        if (href.contains("lang=en") && !seen.contains(href)) todo.add(href);
      }
    }
    return links;
  }

  @Test
  void everyLinkOnAnEnglishPageStaysInEnglish() throws Exception {
    List<String[]> links = crawl(120);
    Set<String> pages = new TreeSet<>();
    for (String[] l : links) pages.add(kind(l[0]));
    // the crawl reaches every kind of page a reader can reach by clicking
    for (String p : List.of("/", "/search", "/d/…", "/s/…", "/indicators", "/documents", "/issuer"))
      assertTrue(pages.contains(p), p + " not reached: " + pages);
    List<String> chinese = new ArrayList<>();
    for (String[] l : links) {
      if (!l[1].contains("lang=en")) chinese.add(kind(l[0]) + " → " + kind(l[1]));
    }
    assertEquals(List.of(), List.copyOf(new TreeSet<>(chinese)), "of " + chinese.size());
  }

  @Test
  void departmentTypesAndKindsAreNamedInEnglish() throws Exception {
    String doc = served.get("/d/7c47e9c7f99b77e3?lang=en").body();
    assertTrue(doc.contains("<dt>Department</dt><dd>Trade union federation</dd>"), doc);
    assertTrue(doc.contains("<dt>Kind</dt><dd>Performance evaluation</dd>"), doc);
    String list = served.get("/documents?lang=en").body();
    // five reports (the GBK text and the web page are one), each named so, and the facet's option
    assertEquals(5, count(list, "<li class=\"hit report\">"));
    assertEquals(6, count(list, "<span>Trade union federation</span>"));
    assertEquals(0, count(list, "<span>总工会</span>"));
    String search = served.get("/search?q=%E7%BB%8F%E8%B4%B9&lang=en").body();
    assertTrue(
        search.contains("value=\"总工会\">\n      <span>Trade union federation</span>"),
        "the facet filters by the type and shows its English name");
    String chinese = served.get("/d/7c47e9c7f99b77e3").body();
    assertTrue(chinese.contains("<dd>总工会</dd>"));
  }

  @Test
  void unitsAreNamedInEnglishAndTheCitationLinksWithoutTheLanguage() throws Exception {
    // the figure as the report states it, the unit saying what to multiply it by
    String explorer = served.get("/indicators?name=reception&lang=en").body();
    assertTrue(
        explorer.contains(
            "<td class=\"num\" data-label=\"Official reception\"><span class=\"value\">0.35</span>"
                + " <span>× 10,000 yuan</span>"),
        explorer);
    assertEquals(0, count(explorer, "<span>万元</span>")); // the report's own words keep theirs
    String compare = served.get("/indicators?name=reception&compare=budget&lang=en").body();
    assertTrue(
        compare.contains("<th>Budget (× 10,000 yuan)</th><th>Actual (× 10,000 yuan)</th>"),
        compare);
    String wide = served.get("/indicators?name=reception&name=vehicles&lang=en").body();
    assertTrue(wide.contains("<th>Official reception (× 10,000 yuan)</th>"), wide);
    String doc = served.get("/d/e3eabb74bdb7bdb4?lang=en").body();
    assertTrue(
        doc.contains("<td class=\"num\"><span>395.14</span> <span>× 10,000 yuan</span></td>"));
    assertTrue(
        doc.contains(
            "its income total of 395.14 × 10,000 yuan and its expenditure total of 197.57 × 10,000"
                + " yuan differ"),
        doc);
    // the scope of a figure: its English name, the report's word beside it
    assertTrue(doc.contains("fiscal appropriations (财政拨款)"), doc);
    // the page stays in English; the citation's permalink is the section's, for any reader
    String section = served.get("/s/e3eabb74bdb7bdb4-2.7.2?lang=en").body();
    assertTrue(section.contains("Gongkai permalink: http://"), section);
    assertTrue(section.contains("/s/e3eabb74bdb7bdb4-2.7.2. File SHA-256"), section);
    // and in Chinese, as the report writes it
    String chinese = served.get("/indicators?name=reception").body();
    assertTrue(chinese.contains("<span class=\"value\">0.35</span> <span>万元</span>"), chinese);
  }

  private static int count(String s, String of) {
    int n = 0;
    for (int i = s.indexOf(of); i >= 0; i = s.indexOf(of, i + 1)) n++;
    return n;
  }
}
