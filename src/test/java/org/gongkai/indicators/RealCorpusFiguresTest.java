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
 * Headline totals of the real development reports ({@code ../shared/corpus/real/gold.tsv}; skipped
 * where absent) against their gold values. The test pins exactly which figures are right, so a
 * regression and an improvement both show. All 55 right: PDF tables read as rows of cells in
 * columns found the tables-only PDFs' grand totals (02, 05, 06) and 05's expenditure; the summary
 * table's total row below its year totals decides the final accounts' grand totals (26, 28), whose
 * text calls the year's income 收入总计; 01's income (its 收入合计 wrapped in a ruled cell, on the page
 * after the table began) is read from the page's rulings; the tables-only PDFs' “三公”经费 (02, 05,
 * 06), named in ruled header rows over the amounts of the row below on a landscape page, are read
 * by their columns' roles.
 */
class RealCorpusFiguresTest {

  private static final Path REAL = TestSupport.REAL;
  private static final List<String> FIGURES =
      List.of("income_total", "expenditure_total", "grand_total", "three_public");

  private static final List<String> RIGHT =
      List.of(
          "01 income_total",
          "01 expenditure_total",
          "01 grand_total",
          "01 three_public",
          "02 income_total",
          "02 expenditure_total",
          "02 grand_total",
          "02 three_public",
          "03 income_total",
          "03 expenditure_total",
          "03 grand_total",
          "03 three_public",
          "04 income_total",
          "04 expenditure_total",
          "04 grand_total",
          "04 three_public",
          "05 income_total",
          "05 expenditure_total",
          "05 grand_total",
          "05 three_public",
          "06 income_total",
          "06 expenditure_total",
          "06 grand_total",
          "06 three_public",
          "07 income_total",
          "07 expenditure_total",
          "07 grand_total",
          "07 three_public",
          "08 income_total",
          "08 expenditure_total",
          "08 grand_total",
          "08 three_public",
          "09 income_total",
          "09 expenditure_total",
          "09 grand_total",
          "09 three_public",
          "10 income_total",
          "10 expenditure_total",
          "10 grand_total",
          "10 three_public",
          "24 income_total",
          "24 expenditure_total",
          "24 grand_total",
          "25 income_total",
          "25 expenditure_total",
          "25 grand_total",
          "26 income_total",
          "26 expenditure_total",
          "26 grand_total",
          "27 income_total",
          "27 expenditure_total",
          "27 grand_total",
          "28 income_total",
          "28 expenditure_total",
          "28 grand_total");

  @Test
  void headlineTotalsOfTheRealReports() throws Exception {
    assumeTrue(Files.isRegularFile(REAL.resolve("gold.tsv")), "../shared/corpus/real is not here");
    List<CSVRecord> gold = TestSupport.realGold();
    IndicatorExtractor extractor = new IndicatorExtractor();
    List<String> right = new ArrayList<>();
    int total = 0;
    for (CSVRecord g : gold) {
      DisclosureDocument d = TestSupport.ingestor().document(REAL.resolve(g.get("file")));
      List<IndicatorValue> values = extractor.extract(d.docId(), d.text(), d.sections(), d.kind());
      for (String figure : FIGURES) {
        if (g.get(figure).isEmpty()) continue;
        total++;
        double want = Double.parseDouble(g.get(figure));
        Optional<IndicatorValue> got =
            values.stream().filter(v -> v.indicator().equals(figure) && v.headline()).findFirst();
        if (got.isPresent()
            && got.get().valueWan() != null
            && Math.abs(got.get().valueWan() - want) < 0.006) {
          right.add(g.get("file").substring(0, 2) + " " + figure);
        }
      }
    }
    System.out.printf("real-corpus headline figures: %d of %d right%n", right.size(), total);
    assertEquals(String.join("\n", RIGHT), String.join("\n", right));
  }
}
