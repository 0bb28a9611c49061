package org.gongkai.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gongkai.model.DisclosureDocument;
import org.gongkai.model.IndicatorFlag;
import org.gongkai.model.IndicatorValue;
import org.gongkai.model.Pages;
import org.gongkai.model.Quote;

/**
 * What Gongkai may say of the pages it read by OCR. A scanned page's text is Tesseract's reading,
 * not the report's words: where a check fails on it — a total below its part, items that do not add
 * up to their total, a percentage that does not fit its amounts, a doubled 。。 or a stray {@code xx}
 * — a misread (a 5 read as {@code $}, a comma read as a point, a cell of the next column) is as
 * likely as the report's error, and Gongkai cannot tell them apart. So no flag rests on an OCR'd
 * passage:
 *
 * <ul>
 *   <li>a flag on figures makes each OCR'd headline it names that nothing confirms undecided —
 *       Gongkai's doubt, shown with its value as a candidate, never the report's contradiction; a
 *       confirmed one stays, its read proved;
 *   <li>a flag on words quoting an OCR'd passage is dropped.
 * </ul>
 *
 * Measured on the 27 PDFs of {@code ../shared/corpus/real} rendered as 200-dpi scans: 11 flags on 5
 * reports, every one a misread, where their text layers give none.
 */
final class ScanReadings {

  private ScanReadings() {}

  /** A report's figures and flags once what rests on its OCR'd pages is weighed. */
  record Weighed(List<IndicatorValue> values, List<IndicatorFlag> flags) {}

  static Weighed weigh(
      DisclosureDocument d, List<IndicatorValue> values, List<IndicatorFlag> flags) {
    if (d.ocr() == null || !d.ocr().any()) return new Weighed(values, flags);
    Set<Integer> scanned = new HashSet<>(d.ocr().pages());
    List<IndicatorFlag> kept = new ArrayList<>();
    Set<IndicatorValue> doubted = new HashSet<>();
    for (IndicatorFlag f : flags) {
      boolean onScan = false;
      for (IndicatorValue v : f.sources())
        if (scanned(d, scanned, v.start(), v.end())) {
          onScan = true;
          if (v.headline() && !v.verified()) doubted.add(v);
        }
      for (Quote q : f.quotes()) if (scanned(d, scanned, q.start(), q.end())) onScan = true;
      if (!onScan) kept.add(f);
    }
    if (doubted.isEmpty()) return new Weighed(values, kept);
    List<IndicatorValue> weighed = new ArrayList<>(values.size());
    for (IndicatorValue v : values) weighed.add(doubted.contains(v) ? v.asCandidate() : v);
    return new Weighed(weighed, kept);
  }

  /** Whether any page of the span {@code [start, end)} was read by OCR. */
  private static boolean scanned(DisclosureDocument d, Set<Integer> scanned, int start, int end) {
    // a text without page breaks: the scan is all of it
    if (d.pageStarts().isEmpty()) return true;
    Pages pages = Pages.of(d.pageStarts(), start, Math.max(start + 1, end));
    for (int p = pages.first(); p <= pages.first() + pages.breaks().size(); p++)
      if (scanned.contains(p)) return true;
    return false;
  }
}
