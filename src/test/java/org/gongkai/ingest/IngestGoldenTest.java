package org.gongkai.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.gongkai.TestSupport;
import org.gongkai.api.InspectJson;
import org.gongkai.api.Wording;
import org.gongkai.model.DisclosureDocument;
import org.gongkai.model.IngestedDocument;
import org.gongkai.model.Section;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bundled file against its golden files: {@code NAME.meta.json} (metadata and the full
 * section list) and {@code NAME.clean.txt} (the clean text), side by side in {@code
 * golden/ingest/}.
 */
class IngestGoldenTest {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final Path DIR = TestSupport.GOLDEN.resolve("ingest");

  static Stream<Path> files() {
    return TestSupport.corpusFiles().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void metadataSectionsAndCleanTextMatchGoldenFiles(Path file) throws Exception {
    IngestedDocument ingested = TestSupport.ingestor().ingest(file);
    DisclosureDocument d = ingested.document();
    ObjectNode json = new InspectJson(JSON, Wording.bundled()).toJson(ingested);
    json.remove("text");
    json.remove("file");
    // figures and flags have golden files of their own (indicators/IndicatorGoldenTest)
    json.remove("indicators");
    json.remove("flags");
    String name = file.getFileName().toString();
    TestSupport.assertGolden(
        DIR.resolve(name + ".meta.json"), JSON.writeValueAsString(json) + "\n");
    TestSupport.assertGolden(DIR.resolve(name + ".clean.txt"), d.text() + "\n");
  }

  static Stream<String[]> variants() {
    return Stream.of(
        new String[] {"000_988c7a9063883e3f.txt", "formats/000_988c7a9063883e3f.pdf"},
        new String[] {"001_867eb05ee1b92696.txt", "formats/001_867eb05ee1b92696.docx"},
        new String[] {"002_38d7936824a76ef2.txt", "formats/002_38d7936824a76ef2.pdf"},
        new String[] {"003_630d0209e54699b1.txt", "formats/003_630d0209e54699b1.docx"},
        new String[] {"004_37d039dcb8ad6afc.txt", "formats/004_37d039dcb8ad6afc.html"},
        new String[] {"004_37d039dcb8ad6afc.txt", "variants/004_37d039dcb8ad6afc.gbk.txt"});
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("variants")
  void everyFormatGivesTheSameHeadingsAndMetadataAsTheText(String seed, String variant)
      throws Exception {
    DisclosureDocument text =
        TestSupport.ingestor().document(TestSupport.CORPUS.resolve("seeds").resolve(seed));
    DisclosureDocument other = TestSupport.ingestor().document(TestSupport.CORPUS.resolve(variant));
    assertEquals(outline(text), outline(other));
    assertEquals(
        List.of(
            text.title(),
            text.issuer(),
            text.departmentType(),
            text.kind(),
            text.year(),
            text.region()),
        List.of(
            other.title(),
            other.issuer(),
            other.departmentType(),
            other.kind(),
            other.year(),
            other.region()));
  }

  private static List<String> outline(DisclosureDocument d) {
    return d.sections().stream()
        .map(s -> s.path() + " " + s.heading() + " [" + s.category() + "] " + s.breadcrumb())
        .toList();
  }

  @Test
  void sameBytesGiveTheSameIdsWhateverElseIsIngested() throws Exception {
    Path file = TestSupport.CORPUS.resolve("seeds/000_988c7a9063883e3f.txt");
    List<String> first =
        TestSupport.ingestor().document(file).sections().stream().map(Section::id).toList();
    TestSupport.ingestor().document(TestSupport.CORPUS.resolve("seeds/002_38d7936824a76ef2.txt"));
    List<String> again =
        TestSupport.ingestor().document(file).sections().stream().map(Section::id).toList();
    assertEquals(first, again);
    assertEquals(
        "b1726a4ba7dd55ba-3.9",
        first.stream().filter(id -> id.endsWith("-3.9")).findFirst().orElseThrow());
  }

  @Test
  void noMeaningfulCharacterOfTheSourceIsLost() throws Exception {
    // every Han character and digit of the raw seed text survives cleaning, in the same order
    for (Path file : TestSupport.corpusFiles()) {
      if (!file.toString().contains("seeds")) continue;
      String raw = java.nio.file.Files.readString(file);
      String clean = TestSupport.ingestor().document(file).text();
      String pageNumbersRemoved = keep(clean);
      String source = keep(raw.replaceAll("\\[bookmark:[^\\]]*\\]", ""));
      assertEquals(
          0,
          lcsGap(source, pageNumbersRemoved, file),
          file + ": characters lost beyond page numbers");
    }
  }

  private static String keep(String s) {
    return s.codePoints()
        .filter(cp -> Character.isLetterOrDigit(cp))
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
  }

  /**
   * Characters of {@code source} missing from {@code clean}, minus the page numbers the cleaner may
   * drop.
   */
  private static int lcsGap(String source, String clean, Path file) {
    int i = 0, j = 0, missing = 0;
    StringBuilder dropped = new StringBuilder();
    while (i < source.length()) {
      if (j < clean.length() && source.charAt(i) == clean.charAt(j)) {
        i++;
        j++;
      } else {
        dropped.append(source.charAt(i));
        i++;
      }
    }
    // only page-number digits may be dropped
    for (char c : dropped.toString().toCharArray()) if (!Character.isDigit(c)) missing++;
    return missing;
  }
}
