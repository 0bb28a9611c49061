package org.gongkai.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.TestSupport;
import org.gongkai.model.DisclosureDocument;
import org.gongkai.model.IndicatorValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Income, expenditure and grand totals of made-up reports worded as a survey of 61 disclosure pages
 * outside the crawl words them ({@code fixtures/outside}, its README says which): each report
 * ingested as a file and read by the whole pipeline, every figure its {@code # expect} line names
 * compared with the headline, to the digit.
 */
class OutsideWordingsTest {

  private static final Path FIXTURES = Path.of("src/test/resources/fixtures/outside");
  private static final Pattern EXPECT = Pattern.compile("([a-z_]+)=(-|[\\d.]+)");

  @Test
  void totalsWordedAsReportsOfOtherProvincesWordThemAreTheHeadlines(@TempDir Path dir)
      throws Exception {
    String all = Files.readString(FIXTURES.resolve("totals.txt"));
    List<String> got = new ArrayList<>(), want = new ArrayList<>();
    int n = 0;
    for (String block : all.split("\n====\n")) {
      n++;
      StringBuilder text = new StringBuilder();
      String expect = null;
      for (String line : block.strip().split("\n"))
        if (line.startsWith("# expect")) expect = line;
        else if (!line.startsWith("#")) text.append(line).append('\n');
      assertTrue(expect != null, "report " + n + " has no # expect line");
      Path file = dir.resolve(String.format(Locale.ROOT, "report-%02d.txt", n));
      Files.writeString(file, text);
      DisclosureDocument d = TestSupport.ingestor().document(file);
      List<IndicatorValue> values =
          new IndicatorExtractor().extract(d.docId(), d.text(), d.sections(), d.kind(), d.year());
      String title = text.substring(0, text.indexOf("\n"));
      for (Matcher m = EXPECT.matcher(expect); m.find(); ) {
        String figure = m.group(1);
        want.add(title + " " + figure + "=" + m.group(2));
        IndicatorValue h =
            values.stream()
                .filter(v -> v.headline() && v.indicator().equals(figure))
                .findFirst()
                .orElse(null);
        got.add(title + " " + figure + "=" + (h == null ? "-" : wan(h, m.group(2))));
      }
    }
    assertEquals(16, n);
    assertEquals(String.join("\n", want), String.join("\n", got));
  }

  /** The headline in 万元: as expected when it is that amount to the digit, else as it is. */
  private static String wan(IndicatorValue h, String expected) {
    if (!expected.equals("-") && Math.abs(h.valueWan() - Double.parseDouble(expected)) < 1e-9)
      return expected;
    return java.math.BigDecimal.valueOf(h.valueWan()).toPlainString();
  }
}
