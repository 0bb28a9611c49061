package org.gongkai.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVRecord;
import org.gongkai.TestSupport;
import org.gongkai.model.DisclosureDocument;
import org.gongkai.model.IndicatorValue;
import org.junit.jupiter.api.Test;

/**
 * Headline totals of the 29 real development reports ({@code ../shared/corpus/real/gold.tsv};
 * skipped where absent) against their gold values, both ways: every figure the gold states is the
 * headline, within a cent of a 万元 (the 上海 budgets' gold is their 元 tables' figure, 9101.677535),
 * and a report gets no headline for a figure its gold leaves empty (西南大学's “三公”经费, the check-list
 * and the page that only links to its PDF). {@code golden/real-figures.tsv} pins, beside each
 * figure, how it was confirmed — the identities of its summary table, the text and a table agreeing
 * — so that a figure that loses its confirmation shows.
 */
class RealCorpusFiguresTest {

  private static final Path REAL = TestSupport.REAL;
  private static final List<String> FIGURES =
      List.of("income_total", "expenditure_total", "grand_total", "three_public");

  @Test
  void everyGoldFigureOfTheRealReportsIsTheHeadlineAndNoOtherIs() throws Exception {
    assumeTrue(Files.isRegularFile(REAL.resolve("gold.tsv")), "../shared/corpus/real is not here");
    List<CSVRecord> gold = TestSupport.realGold();
    IndicatorExtractor extractor = new IndicatorExtractor();
    List<String> wrong = new ArrayList<>();
    StringBuilder table = new StringBuilder("file\tfigure\tgold\theadline\tverified by\n");
    int stated = 0;
    for (CSVRecord g : gold) {
      DisclosureDocument d = TestSupport.ingestor().document(REAL.resolve(g.get("file")));
      List<IndicatorValue> values =
          extractor.extract(d.docId(), d.text(), d.sections(), d.kind(), d.year());
      String n = g.get("file").substring(0, 2);
      for (String figure : FIGURES) {
        Optional<IndicatorValue> got =
            values.stream().filter(v -> v.indicator().equals(figure) && v.headline()).findFirst();
        String want = g.get(figure);
        if (want.isEmpty()) {
          if (got.isPresent())
            wrong.add(n + " " + figure + ": not stated, got " + got.get().valueWan());
          continue;
        }
        stated++;
        double w = Double.parseDouble(want);
        if (got.isEmpty()
            || got.get().valueWan() == null
            || Math.abs(got.get().valueWan() - w) >= 0.006)
          wrong.add(
              n
                  + " "
                  + figure
                  + ": "
                  + want
                  + ", got "
                  + got.map(IndicatorValue::valueWan).orElse(null));
        table
            .append(n)
            .append('\t')
            .append(figure)
            .append('\t')
            .append(want)
            .append('\t')
            .append(got.map(v -> v.valueWan() + " " + v.sourceKind().code()).orElse("-"))
            .append('\t')
            .append(got.map(v -> String.join(",", v.by())).orElse(""))
            .append('\n');
      }
    }
    System.out.printf(
        "real-corpus headline figures: %d of %d right%n", stated - wrong.size(), stated);
    assertEquals(List.of(), wrong);
    assertEquals(103, stated);
    TestSupport.assertGolden(TestSupport.GOLDEN.resolve("real-figures.tsv"), table.toString());
  }

  /**
   * Staff counts, both ways, against {@code golden/real-staff.tsv} (read by hand from the files):
   * the whole issuer's 编制数, 实有人数 and 离退休人数 where a report states them, nothing where it states none
   * or only its units' (江苏省政协's two units' 在职人员).
   */
  @Test
  void staffCountsOfTheRealReportsAreReadWhereTheyAreStatedAndNowhereElse() throws Exception {
    assumeTrue(Files.isRegularFile(REAL.resolve("gold.tsv")), "../shared/corpus/real is not here");
    java.util.Map<String, String[]> staff = new java.util.TreeMap<>();
    for (String line : Files.readAllLines(Path.of("src/test/resources/golden/real-staff.tsv"))) {
      if (line.startsWith("#") || line.startsWith("file")) continue;
      String[] c = line.split("\t", -1);
      staff.put(c[0], new String[] {c[1], c[2], c[3]});
    }
    IndicatorExtractor extractor = new IndicatorExtractor();
    List<String> expected = new ArrayList<>(), got = new ArrayList<>();
    for (CSVRecord g : TestSupport.realGold()) {
      String n = g.get("file").substring(0, 2);
      String[] want = staff.get(n);
      if (want == null) throw new AssertionError("no staff row for " + n);
      DisclosureDocument d = TestSupport.ingestor().document(REAL.resolve(g.get("file")));
      List<IndicatorValue> values =
          extractor.extract(d.docId(), d.text(), d.sections(), d.kind(), d.year());
      String[] ids = {"staff_quota", "staff_actual", "staff_retired"};
      for (int i = 0; i < ids.length; i++) {
        String id = ids[i];
        expected.add(n + " " + id + " " + (want[i].isEmpty() ? "-" : want[i]));
        got.add(
            n
                + " "
                + id
                + " "
                + values.stream()
                    .filter(v -> v.indicator().equals(id) && v.headline())
                    .map(v -> String.valueOf((long) v.value()))
                    .findFirst()
                    .orElse("-"));
      }
    }
    assertEquals(expected, got);
  }
}
