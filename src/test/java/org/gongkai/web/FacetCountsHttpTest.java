package org.gongkai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.gongkai.TestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The counts beside the filters as a journalist meets them: exact numbers, never marked as
 * estimates; the API's {@code facetsEstimated} stays, always false; the help page says they are
 * exact.
 */
class FacetCountsHttpTest {

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

  private static String q(String query) {
    return URLEncoder.encode(query, StandardCharsets.UTF_8);
  }

  @Test
  void theCountsBesideTheFiltersAreExactNumbers() throws Exception {
    for (String lang : List.of("", "&lang=en")) {
      String page = served.get("/search?q=" + q("\"经费\"") + lang).body();
      // 63 sections: 41 in 湖北省 (30 in 武汉市, 11 in 鄂州市), 19 in 四川省, 3 in 湖南省
      for (String count : List.of("41", "30", "11", "19", "3", "63"))
        assertTrue(page.contains("<span class=\"count\">" + count + "</span>"), count);
      assertFalse(page.contains("class=\"count\">约"), page);
      assertFalse(page.contains("class=\"count\">≈"), page);
    }
  }

  @Test
  void theApiSaysTheCountsAreNotEstimates() throws Exception {
    JsonNode j = new ObjectMapper().readTree(served.get("/api/search?q=" + q("\"经费\"")).body());
    assertEquals(63, j.get("total").asLong());
    assertEquals(41, j.at("/facets/region/0/count").asLong());
    assertFalse(j.get("facetsEstimated").asBoolean());
    assertTrue(j.get("facetsEstimated").isBoolean());
    assertEquals(0, j.get("messages").size());
  }

  @Test
  void theHelpPageSaysTheCountsAreExact() throws Exception {
    assertTrue(served.get("/help").body().contains("筛选项旁的计数、结果总数、结果列表、报告列表和批量检索的计数都是精确数，命中再多也一样。"));
    assertTrue(
        served
            .get("/help?lang=en")
            .body()
            .contains(
                "The counts beside the filters, the number of results, the results, the list of"
                    + " reports and batch counts are all exact, however many sections match."));
  }
}
