package org.gongkai.government;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.indicators.Indicator;
import org.gongkai.model.DisclosureDocument;
import org.gongkai.model.IndicatorValue;
import org.gongkai.model.ReportKind;
import org.gongkai.model.Scope;

/**
 * The resident population a government's report states (2024年末全市常住人口933.4万人, 我县常住人口为52.18万人), so
 * its figures can be read per resident (#65): the whole government's, of the year it names — or, in
 * a final account naming none, of the year accounted for. Another body's people (主城区常住人口, 户籍人口), a
 * count without its year in a budget report, and a part of a year are not read.
 */
final class Population {

  private Population() {}

  /** The clause stating the population: its year, its whole (a level word or the place), 常住人口. */
  private static final String STATED =
      "(?:^|[，,。；;：:])\\s*(?:(?<year>(?:19|20)\\d{2})\\s*年(?:末|底)?)?\\s*(?<whole>全市|全县|全区|全省|全州|我市|我县|我区|我省|%s)?"
          + "\\s*(?:(?<year2>(?:19|20)\\d{2})\\s*年)?(?:年末|年底|末)?常住人口(?:总量|总数|规模)?\\s*(?:为|达到|达|是)?\\s*"
          + "(?<n>\\d+(?:\\.\\d+)?)\\s*(?<unit>万人|人)";

  static List<IndicatorValue> read(DisclosureDocument d, String place, Prose prose) {
    Pattern stated =
        Pattern.compile(
            String.format(STATED, place == null ? "\\p{IsHan}{0}" : Pattern.quote(place)));
    List<IndicatorValue> out = new ArrayList<>();
    for (Prose.Paragraph p : prose.paragraphs()) {
      Matcher m = stated.matcher(p.text());
      while (m.find()) {
        String y = m.group("year") != null ? m.group("year") : m.group("year2");
        int year;
        if (y != null) year = Integer.parseInt(y);
        else if (d.kind() == ReportKind.GOVERNMENT_FINAL) year = d.year();
        else continue; // a budget report's count without its year: which year's people is unsaid
        Timings.Timing t = Timings.timing(d, year, false, "");
        if (t == null) continue;
        String digits = m.group("n");
        String unit = m.group("unit");
        double value = Double.parseDouble(digits);
        // kept in 万人, as reports write it
        if (unit.equals("人")) value = value / 10_000;
        int start = p.offset(m.start("n"));
        int end = p.offset(m.end("unit") - 1) + 1;
        int from = Math.max(0, m.start());
        String source = p.written().substring(from, Math.min(p.text().length(), m.end() + 20));
        out.add(
            GovernmentFigures.statement(
                d,
                Indicator.GOV_POPULATION,
                value,
                "万人",
                digits + unit,
                null,
                t.role(),
                new Scope(Scope.Whose.WHOLE, Scope.Funds.ALL, t.period()),
                start,
                end,
                source));
      }
    }
    return out;
  }
}
