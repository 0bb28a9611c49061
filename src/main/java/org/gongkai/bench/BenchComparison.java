package org.gongkai.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Two versions of the code side by side: the same benchmark run several times on each, alternating
 * (base, change, base, change), and for each measure the ratio of the change's mean to the base's
 * with its spread — the lowest and highest ratio any pair of runs gives. A change is slower or
 * faster only where the two sets of runs do not overlap; where they do, the difference is within
 * what the machine does from one run to the next.
 */
public final class BenchComparison {

  private BenchComparison() {}

  /** A measure of bench.json: its name, unit, whether more is better, and where it stands. */
  record Measure(
      String name, String unit, boolean higherIsBetter, Function<JsonNode, JsonNode> at) {}

  /** What a change may cost: ingest and its stages, single searches, both loads, index size. */
  static final List<Measure> MEASURES =
      List.of(
          new Measure("ingest", "docs/s", true, r -> r.path("ingest").path("docsPerSec")),
          new Measure("ingest", "MB/s", true, r -> r.path("ingest").path("mbPerSec")),
          new Measure(
              "clean, a core", "MB/s", true, r -> r.path("ingest").path("stages").path("clean")),
          new Measure(
              "split, a core", "MB/s", true, r -> r.path("ingest").path("stages").path("split")),
          new Measure(
              "segment, a core",
              "MB/s",
              true,
              r -> r.path("ingest").path("stages").path("segment")),
          new Measure(
              "phrase-rare p50 (1 thread, facets)",
              "ms",
              false,
              r -> query(r, "phrase-rare").path("p50Ms")),
          new Measure(
              "phrase-rare p99 (1 thread, facets)",
              "ms",
              false,
              r -> query(r, "phrase-rare").path("p99Ms")),
          new Measure(
              "words p50 (1 thread, facets)", "ms", false, r -> query(r, "words").path("p50Ms")),
          new Measure("load (cached)", "req/s", true, r -> r.path("load").path("rps")),
          new Measure("load (cached) p99", "ms", false, r -> r.path("load").path("p99Ms")),
          new Measure("load (uncached)", "req/s", true, r -> r.path("loadUncached").path("rps")),
          new Measure(
              "load (uncached) p99", "ms", false, r -> r.path("loadUncached").path("p99Ms")),
          new Measure(
              "index size",
              "MB per MB of text",
              false,
              r -> r.path("ingest").path("indexMbPerTextMb")));

  /** The single-threaded run of a query class with facets, as the targets name it. */
  static JsonNode query(JsonNode result, String name) {
    for (JsonNode q : result.path("queries"))
      if (name.equals(q.path("name").asText())
          && q.path("threads").asInt() == 1
          && q.path("facets").asBoolean()) return q;
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  /** How a measure came out: slower or faster beyond the spread, or within it. */
  public enum Verdict {
    BETTER("better"),
    WORSE("worse"),
    WITHIN("within spread"),
    /** One run of a side: no spread to tell the machine from the code. */
    ONE_RUN("one run: no spread");

    final String label;

    Verdict(String label) {
      this.label = label;
    }
  }

  /**
   * One measure compared: the runs of each side, the ratio of the means (change ÷ base), the lowest
   * and highest ratio of any two runs, and the verdict.
   */
  public record Row(
      String measure,
      String unit,
      List<Double> base,
      List<Double> change,
      double ratio,
      double low,
      double high,
      Verdict verdict) {}

  /** Each measure both sides' every run states; one a run lacks (a load not run) is left out. */
  public static List<Row> compare(List<JsonNode> base, List<JsonNode> change) {
    if (base.isEmpty() || change.isEmpty())
      throw new IllegalArgumentException("each side needs at least one run");
    List<Row> rows = new ArrayList<>();
    for (Measure m : MEASURES) {
      List<Double> b = values(base, m), c = values(change, m);
      if (b == null || c == null) continue;
      double bMin = min(b), bMax = max(b), cMin = min(c), cMax = max(c);
      if (bMin <= 0 || cMin <= 0) continue;
      double ratio = mean(c) / mean(b);
      Verdict v;
      if (b.size() < 2 || c.size() < 2) v = Verdict.ONE_RUN;
      else if (cMin <= bMax && cMax >= bMin) v = Verdict.WITHIN;
      else if ((cMin > bMax) == m.higherIsBetter()) v = Verdict.BETTER;
      else v = Verdict.WORSE;
      rows.add(new Row(m.name(), m.unit(), b, c, ratio, cMin / bMax, cMax / bMin, v));
    }
    return rows;
  }

  private static List<Double> values(List<JsonNode> runs, Measure m) {
    List<Double> out = new ArrayList<>();
    for (JsonNode r : runs) {
      JsonNode n = m.at().apply(r);
      if (!n.isNumber()) return null;
      out.add(n.asDouble());
    }
    return out;
  }

  private static double mean(List<Double> xs) {
    double s = 0;
    for (double x : xs) s += x;
    return s / xs.size();
  }

  private static double min(List<Double> xs) {
    return xs.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
  }

  private static double max(List<Double> xs) {
    return xs.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
  }

  /** The comparison as a Markdown table, the base and the change named as given. */
  public static String markdown(String base, String change, List<Row> rows) {
    StringBuilder sb = new StringBuilder();
    sb.append("| measure | base ")
        .append(base)
        .append(" | change ")
        .append(change)
        .append(" | change ÷ base (spread) | |\n|---|---|---|---|---|\n");
    for (Row r : rows) {
      sb.append("| ")
          .append(r.measure())
          .append(", ")
          .append(r.unit())
          .append(" | ")
          .append(joined(r.base()))
          .append(" | ")
          .append(joined(r.change()))
          .append(" | ")
          .append(fixed(r.ratio(), 2))
          .append(" (")
          .append(fixed(r.low(), 2))
          .append("–")
          .append(fixed(r.high(), 2))
          .append(") | ")
          .append(r.verdict().label)
          .append(" |\n");
    }
    return sb.toString();
  }

  /** The comparison as JSON: both sides named, each measure's runs, ratio, spread and verdict. */
  public static ObjectNode json(ObjectMapper json, String base, String change, List<Row> rows) {
    ObjectNode o = json.createObjectNode();
    o.put("base", base);
    o.put("change", change);
    ArrayNode measures = o.putArray("measures");
    for (Row r : rows) {
      ObjectNode m = measures.addObject();
      m.put("measure", r.measure());
      m.put("unit", r.unit());
      r.base().forEach(m.putArray("base")::add);
      r.change().forEach(m.putArray("change")::add);
      m.put("ratio", Double.parseDouble(fixed(r.ratio(), 3)));
      m.put("low", Double.parseDouble(fixed(r.low(), 3)));
      m.put("high", Double.parseDouble(fixed(r.high(), 3)));
      m.put("verdict", r.verdict().label);
    }
    return o;
  }

  private static String joined(List<Double> xs) {
    List<String> s = new ArrayList<>();
    for (double x : xs) s.add(x == Math.rint(x) ? String.valueOf((long) x) : String.valueOf(x));
    return String.join(", ", s);
  }

  private static String fixed(double x, int digits) {
    return String.format(Locale.ROOT, "%." + digits + "f", x);
  }
}
