package org.gongkai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.TestSupport;
import org.gongkai.model.FacetValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The home page's example searches come from what the index holds, and each finds something. */
class HomeExamplesHttpTest {

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

  @Test
  void everyExampleOnTheHomePageFindsSections() throws Exception {
    String home = served.get("/").body();
    int from = home.indexOf("<p class=\"examples\">");
    String block = home.substring(from, home.indexOf("</p>", from));
    Matcher m = Pattern.compile("<a href=\"/search\\?q=([^\"]+)\">([^<]+)</a>").matcher(block);
    List<String> shown = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    while (m.find()) {
      shown.add(m.group(2).replace("&quot;", "\""));
      var api = served.get("/api/search?q=" + m.group(1).replace("&amp;", "&"));
      assertTrue(json.readTree(api.body()).get("total").asInt() > 0, m.group(2));
    }
    assertEquals(
        List.of(
            "\"三公经费\"",
            "公务接待 region:湖北省",
            "\"三公经费\" year:2024",
            "机关运行经费 -region:武汉市",
            "因公出国（境）费 OR 公务用车"),
        shown);
  }

  private static FacetValue v(String name, long n, FacetValue... children) {
    return new FacetValue(name, name, n, false, List.of(children));
  }

  @Test
  void anotherCorpusGetsItsOwnRegionsAndYear() {
    assertEquals(
        List.of(
            "\"三公经费\"",
            "公务接待 region:广东省",
            "\"三公经费\" year:2026",
            "机关运行经费 -region:深圳市",
            "因公出国（境）费 OR 公务用车"),
        SearchController.examples(
            List.of(v("上海市", 10, v("普陀区", 10)), v("广东省", 30, v("广州市", 12), v("深圳市", 18))),
            List.of(v("2025", 20), v("2026", 20))));
    // a province of one city: no city to leave out; an empty index: the plain examples
    assertEquals(
        List.of("\"三公经费\"", "公务接待 region:上海市", "\"三公经费\" year:2025", "因公出国（境）费 OR 公务用车"),
        SearchController.examples(List.of(v("上海市", 10, v("普陀区", 10))), List.of(v("2025", 1))));
    assertEquals(
        List.of("\"三公经费\"", "因公出国（境）费 OR 公务用车"), SearchController.examples(List.of(), List.of()));
  }
}
