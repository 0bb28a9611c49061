package org.gongkai.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongkai.TestSupport;
import org.gongkai.model.DisclosureDocument;
import org.gongkai.model.IndicatorValue;
import org.junit.jupiter.api.Test;

/**
 * The headline totals of every bundled file (each report in each of its formats) against what the
 * reports state ({@code golden/bundled-figures.tsv}, read by hand): all right, and a figure a
 * report does not state is not given one.
 */
class BundledFiguresTest {

  private static final List<String> FIGURES =
      List.of("income_total", "expenditure_total", "grand_total", "three_public");

  @Test
  void everyBundledFileGivesTheTotalsItsReportStates() throws Exception {
    Map<String, String[]> gold = new HashMap<>();
    for (String line : Files.readAllLines(TestSupport.GOLDEN.resolve("bundled-figures.tsv"))) {
      if (line.startsWith("#") || line.startsWith("report")) continue;
      String[] cells = line.split("\t", -1);
      gold.put(cells[0], cells);
    }
    IndicatorExtractor extractor = new IndicatorExtractor();
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (Path file : TestSupport.corpusFiles()) {
      String report = file.getFileName().toString().substring(0, 20);
      String[] want = gold.get(report);
      DisclosureDocument d = TestSupport.ingestor().document(file);
      List<IndicatorValue> values = extractor.extract(d.docId(), d.text(), d.sections(), d.kind());
      for (int i = 0; i < FIGURES.size(); i++) {
        String figure = FIGURES.get(i);
        Optional<IndicatorValue> got =
            values.stream()
                .filter(v -> v.indicator().equals(figure) && v.headline() && v.valueWan() != null)
                .findFirst();
        String expected = want[i + 1];
        checked++;
        if (expected.isEmpty()) {
          if (got.isPresent())
            wrong.add(file.getFileName() + " " + figure + " = " + got.get().valueWan());
        } else if (got.isEmpty()
            || Math.abs(got.get().valueWan() - Double.parseDouble(expected)) > 0.006) {
          wrong.add(
              file.getFileName()
                  + " "
                  + figure
                  + " = "
                  + got.map(IndicatorValue::valueWan).orElse(null)
                  + ", stated "
                  + expected);
        }
      }
    }
    assertEquals(List.of(), wrong, checked + " figures checked");
  }
}
