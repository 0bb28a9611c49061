package org.gongkai.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.gongkai.model.IndicatorFlag;
import org.gongkai.model.IndicatorFlag.Severity;
import org.gongkai.model.Quote;
import org.junit.jupiter.api.Test;

/** A contradiction said once: two flags worded alike are one, with the places of both. */
class FlagsOnceTest {

  @Test
  void flagsWordedAlikeAreOneWithBothPlaces() {
    Quote first = new Quote("截止 2022年 12月 31日", 10, 25);
    Quote second = new Quote("截至 2022年 12月 31日", 90, 105);
    IndicatorFlag a =
        new IndicatorFlag(
            "as_of",
            "as_of_date",
            List.of("2022年12月31日"),
            List.of(),
            Severity.WARNING,
            List.of(first));
    IndicatorFlag b =
        new IndicatorFlag(
            "as_of",
            "as_of_date",
            List.of("2022年12月31日"),
            List.of(),
            Severity.ERROR,
            List.of(first, second));
    IndicatorFlag other =
        new IndicatorFlag(
            "as_of", "as_of_date", List.of("2023年12月31日"), List.of(), Severity.WARNING, List.of());
    List<IndicatorFlag> once = DocumentIngestor.distinct(List.of(a, other, b));
    assertEquals(2, once.size());
    assertEquals(List.of(first, second), once.get(0).quotes());
    assertEquals(Severity.ERROR, once.get(0).severity()); // the heavier of the two
    assertEquals(other, once.get(1));
  }
}
