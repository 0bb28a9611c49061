package org.gongkai.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.gongkai.TestSupport;
import org.gongkai.model.DisclosureDocument;
import org.gongkai.model.IndicatorFlag;
import org.gongkai.model.IndicatorValue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every bundled report: the headline value of every indicator it states (value, unit, role,
 * where it stands) and the contradictions it should be flagged for, in {@code
 * golden/indicators/NAME.json}. Regenerate with {@code -Dgolden.update=true} and read the diff
 * against the report.
 */
class IndicatorGoldenTest {

  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  static Stream<Path> reports() {
    return TestSupport.corpusFiles().stream()
        .filter(f -> f.getParent().getFileName().toString().equals("seeds"));
  }

  @ParameterizedTest
  @MethodSource("reports")
  void headlineValuesAndFlagsMatchTheGoldenFile(Path file) throws Exception {
    DisclosureDocument d = TestSupport.ingestor().document(file);
    List<IndicatorValue> values =
        new IndicatorExtractor().extract(d.docId(), d.text(), d.sections(), d.kind());
    // every family of checks, as indexing runs them
    List<IndicatorFlag> flags = TestSupport.ingestor().ingest(file).flags();
    ObjectNode out = JSON.createObjectNode();
    out.put("file", file.getFileName().toString());
    out.put("mentions", values.size());
    ArrayNode headlines = out.putArray("headlines");
    for (IndicatorValue v : values) {
      if (!v.headline()) continue;
      ObjectNode o = headlines.addObject();
      o.put("indicator", v.indicator());
      o.put("value", v.value());
      o.put("unit", v.unit());
      if (v.valueWan() != null) o.put("valueWan", v.valueWan());
      o.put("role", v.role().label());
      o.put("sourceKind", v.sourceKind().code());
      o.put("sectionId", v.sectionId());
      o.put("asWritten", v.asWritten());
      o.put("text", d.text().substring(v.start(), v.end()));
    }
    ArrayNode flagged = out.putArray("flags");
    for (IndicatorFlag f : flags) {
      ObjectNode o =
          flagged
              .addObject()
              .put("check", f.check())
              .put("code", f.code())
              .put("severity", f.severity().name())
              .put("message", org.gongkai.TestSupport.chinese(f));
      ArrayNode quotes = o.putArray("quotes");
      f.quotes().forEach(q -> quotes.add(q.text()));
    }
    TestSupport.assertGolden(
        TestSupport.GOLDEN.resolve("indicators/" + file.getFileName() + ".json"),
        JSON.writeValueAsString(out) + "\n");
  }

  static Stream<Path> variants() {
    return TestSupport.corpusFiles().stream()
        .filter(f -> !f.getParent().getFileName().toString().equals("seeds"));
  }

  /**
   * A report read from its PDF, DOCX, HTML or GB18030 file gives the same figures and flags as its
   * text.
   */
  @ParameterizedTest
  @MethodSource("variants")
  void everyFormatOfAReportGivesTheSameFigures(Path variant) throws Exception {
    Path seed =
        TestSupport.CORPUS
            .resolve("seeds")
            .resolve(variant.getFileName().toString().replaceAll("\\..*$", "") + ".txt");
    assertEquals(summary(seed), summary(variant));
  }

  private static List<String> summary(Path file) throws Exception {
    DisclosureDocument d = TestSupport.ingestor().document(file);
    List<IndicatorValue> values =
        new IndicatorExtractor().extract(d.docId(), d.text(), d.sections(), d.kind());
    List<String> out = new java.util.ArrayList<>();
    for (IndicatorValue v : values)
      if (v.headline()) out.add(v.indicator() + "=" + v.comparable() + " " + v.role().label());
    // words quoted as each format spaces them (截止 2022年 12月 in the PDF)
    for (IndicatorFlag f : TestSupport.ingestor().ingest(file).flags())
      out.add(f.check() + ": " + org.gongkai.TestSupport.chinese(f).replaceAll("\\s", ""));
    return out;
  }
}
