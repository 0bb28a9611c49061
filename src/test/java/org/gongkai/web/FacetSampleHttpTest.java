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
 * Estimated facet counts as a journalist meets them: the counts beside the filters marked 约 (≈), a
 * note saying why and how to get exact ones, and {@code facetsEstimated} in the API; exact counts
 * unmarked. The portal here estimates beyond 20 hits, so the bundled corpus shows both.
 */
class FacetSampleHttpTest {

  @TempDir static Path dir;
  static TestPortal served;

  @BeforeAll
  static void serve() throws Exception {
    served = TestPortal.start(dir, List.of(TestSupport.CORPUS.resolve("formats")), 20);
  }

  @AfterAll
  static void stop() throws Exception {
    served.close();
  }

  private static String q(String query) {
    return URLEncoder.encode(query, StandardCharsets.UTF_8);
  }

  @Test
  void estimatedCountsAreMarkedAndExplained() throws Exception {
    String page = served.get("/search?q=" + q("\"经费\"")).body();
    // 湖北省: 14 of the 21 sampled hits, scaled by 63/21 (the exact count is 41)
    assertTrue(page.contains("<span class=\"count\">约42</span>"), page);
    assertTrue(page.contains("筛选项旁的计数为估计值（约），由其中约 20 个的抽样按比例推算"), page);
    assertTrue(page.contains("63"), page);

    String english = served.get("/search?lang=en&q=" + q("\"经费\"")).body();
    assertTrue(english.contains("<span class=\"count\">≈42</span>"), english);
  }

  @Test
  void theHelpPageSaysWhenCountsAreEstimates() throws Exception {
    assertTrue(served.get("/help").body().contains("超过时按约 1 万个命中的抽样推算，标为“约”"));
    assertTrue(
        served
            .get("/help?lang=en")
            .body()
            .contains(
                "beyond, they are estimated from a sample of about 10,000 hits and shown as ≈"));
  }

  @Test
  void exactCountsAreNotMarked() throws Exception {
    String page = served.get("/search?q=" + q("\"公务接待费\"")).body();
    assertFalse(page.contains("class=\"count\">约"), page);
    assertFalse(page.contains("估计值"), page);
  }

  @Test
  void theApiSaysWhetherCountsAreEstimates() throws Exception {
    ObjectMapper json = new ObjectMapper();
    JsonNode estimated = json.readTree(served.get("/api/search?q=" + q("\"经费\"")).body());
    assertEquals(63, estimated.get("total").asLong());
    assertTrue(estimated.get("facetsEstimated").asBoolean());
    assertEquals(
        "More than 20 sections match: the counts beside the filters are estimates (≈), scaled up"
            + " from a sample of about 20 of them. The number of results and the results"
            + " themselves are exact; narrow the search for exact counts.",
        estimated.get("messages").get(0).asText());
    JsonNode exact = json.readTree(served.get("/api/search?q=" + q("\"公务接待费\"")).body());
    assertFalse(exact.get("facetsEstimated").asBoolean());
    assertEquals(0, exact.get("messages").size());
  }
}
