package org.gongkai.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The side by side of two builds: ratios of the means, their spread, and what overlaps. */
class BenchComparisonTest {

  static final ObjectMapper JSON = new ObjectMapper();

  /** A bench.json with the measures a comparison reads (the load left out when {@code rps} ≤ 0). */
  static JsonNode run(
      double docsPerSec, double split, double rareP50, double rareP99, double rps, double index)
      throws Exception {
    String load = rps <= 0 ? "" : ", \"load\": {\"rps\": " + rps + ", \"p99Ms\": 40}";
    return JSON.readTree(
        "{\"ingest\": {\"docsPerSec\": "
            + docsPerSec
            + ", \"mbPerSec\": 1.5, \"stages\": {\"clean\": 11, \"split\": "
            + split
            + ", \"segment\": 15}, \"indexMbPerTextMb\": "
            + index
            + "}, \"queries\": ["
            // the two-thread run and the one without facets are not the targets' measure
            + "{\"name\": \"phrase-rare\", \"threads\": 2, \"facets\": true, \"p50Ms\": 99,"
            + " \"p99Ms\": 99},"
            + "{\"name\": \"phrase-rare\", \"threads\": 1, \"facets\": false, \"p50Ms\": 98,"
            + " \"p99Ms\": 98},"
            + "{\"name\": \"phrase-rare\", \"threads\": 1, \"facets\": true, \"p50Ms\": "
            + rareP50
            + ", \"p99Ms\": "
            + rareP99
            + "}]"
            + load
            + "}");
  }

  @Test
  void eachMeasureIsARatioOfMeansWithTheSpreadOfAnyTwoRunsAndAVerdict() throws Exception {
    List<JsonNode> base =
        List.of(run(32.4, 10.8, 1.2, 30, 1680, 1.8), run(33.8, 11.1, 1.3, 31, 1782, 1.8));
    // slower ingest and split beyond the spread; phrase latency within it; a faster load; the
    // same index size
    List<JsonNode> change =
        List.of(run(28.7, 5.5, 1.25, 29, 1900, 1.8), run(28.9, 5.7, 1.3, 33, 1950, 1.8));
    var rows = BenchComparison.compare(base, change);
    assertEquals(
        "| measure | base 7df4ed1 | change (this build) | change ÷ base (spread) | |\n"
            + "|---|---|---|---|---|\n"
            + "| ingest, docs/s | 32.4, 33.8 | 28.7, 28.9 | 0.87 (0.85–0.89) | worse |\n"
            + "| ingest, MB/s | 1.5, 1.5 | 1.5, 1.5 | 1.00 (1.00–1.00) | within spread |\n"
            + "| clean, a core, MB/s | 11, 11 | 11, 11 | 1.00 (1.00–1.00) | within spread |\n"
            + "| split, a core, MB/s | 10.8, 11.1 | 5.5, 5.7 | 0.51 (0.50–0.53) | worse |\n"
            + "| segment, a core, MB/s | 15, 15 | 15, 15 | 1.00 (1.00–1.00) | within spread |\n"
            + "| phrase-rare p50 (1 thread, facets), ms | 1.2, 1.3 | 1.25, 1.3 | 1.02 (0.96–1.08) |"
            + " within spread |\n"
            + "| phrase-rare p99 (1 thread, facets), ms | 30, 31 | 29, 33 | 1.02 (0.94–1.10) |"
            + " within spread |\n"
            + "| load (cached), req/s | 1680, 1782 | 1900, 1950 | 1.11 (1.07–1.16) | better |\n"
            + "| load (cached) p99, ms | 40, 40 | 40, 40 | 1.00 (1.00–1.00) | within spread |\n"
            + "| index size, MB per MB of text | 1.8, 1.8 | 1.8, 1.8 | 1.00 (1.00–1.00) |"
            + " within spread |\n",
        BenchComparison.markdown("7df4ed1", "(this build)", rows));
    // a latency that rose beyond the spread is worse, one that fell is better
    var slower =
        BenchComparison.compare(
            List.of(run(30, 10, 1.0, 30, 0, 1.8), run(30, 10, 1.1, 31, 0, 1.8)),
            List.of(run(30, 10, 2.0, 20, 0, 1.8), run(30, 10, 2.1, 21, 0, 1.8)));
    assertEquals("worse", slower.get(5).verdict().label);
    assertEquals("better", slower.get(6).verdict().label);
    assertEquals(
        "{\"measure\":\"phrase-rare p50 (1 thread, facets)\",\"unit\":\"ms\",\"base\":[1.0,1.1],"
            + "\"change\":[2.0,2.1],\"ratio\":1.952,\"low\":1.818,\"high\":2.1,\"verdict\":\"worse\"}",
        BenchComparison.json(JSON, "a", "b", slower).get("measures").get(5).toString());
    // one run a side gives no spread: no verdict either way, however far apart
    var once =
        BenchComparison.compare(
            List.of(run(30, 10, 1.0, 30, 0, 1.8)), List.of(run(30, 10, 2.0, 20, 0, 1.8)));
    assertEquals("one run: no spread", once.get(5).verdict().label);
    // a measure one run lacks is left out: no load without a load on both sides
    assertEquals(8, slower.size());
    assertThrows(
        IllegalArgumentException.class, () -> BenchComparison.compare(List.of(), List.of()));
  }
}
