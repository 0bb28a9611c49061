package org.gongkai.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.gongkai.api.Numbers;
import org.gongkai.model.Region;

/** Numbers, dates and region labels as pages show them. */
final class Format {
  private Format() {}

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

  /** A figure as people write it: no exponent, no trailing zeros. */
  static String number(double v) {
    return Numbers.plain(v);
  }

  /**
   * An amount of money as a reader reads it: thousands grouped, two decimals ({@code 328,082.50});
   * the API and exports keep the full precision.
   */
  /**
   * A figure's value as shown: money grouped with two decimals — a government's in 亿元, as its
   * reports write it (a city's 2,210,000.00 万元 is 221.00 亿元), a department's in 万元 — a count, a
   * score or a rate as it is. The API and exports keep every amount in 万元.
   */
  static String value(org.gongkai.model.IndicatorValue v) {
    return v.valueWan() != null ? money(v.comparable() / scale(v)) : number(v.comparable());
  }

  /** The unit {@link #value} shows {@code v} in: 亿元, 万元, or the figure's own (人, 分, %). */
  static String unit(org.gongkai.model.IndicatorValue v) {
    return v.valueWan() == null ? v.unit() : scale(v) == 1 ? "万元" : "亿元";
  }

  /** How many 万元 one unit shown of {@code v} is: 10,000 for a government's money, else 1. */
  static double scale(org.gongkai.model.IndicatorValue v) {
    return v.valueWan() != null && v.indicator() != null && v.indicator().startsWith("gov_")
        ? 10_000
        : 1;
  }

  static String money(double v) {
    if (!Double.isFinite(v)) return "—";
    return String.format(Locale.ROOT, "%,.2f", v);
  }

  /** A page or a range of pages: {@code 5}, {@code 5–6}. */
  static String pageRange(int first, int last) {
    return first == last ? String.valueOf(first) : first + "–" + last;
  }

  /** A day, as ISO 8601 in UTC (citations name the day a file was indexed). */
  /** Page numbers in runs ({@code 1–3, 5}), or null when there are none. */
  static String pages(java.util.List<Integer> pages) {
    if (pages.isEmpty()) return null;
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < pages.size()) {
      int j = i;
      while (j + 1 < pages.size() && pages.get(j + 1) == pages.get(j) + 1) j++;
      if (out.length() > 0) out.append(", ");
      out.append(pages.get(i));
      if (j > i) out.append('–').append(pages.get(j));
      i = j + 1;
    }
    return out.toString();
  }

  static String date(Instant t) {
    return DATE.format(t);
  }

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  /** A moment to the second, in UTC (said so: a server's clock is nobody's local time). */
  static String time(Instant t) {
    return TIME.format(t);
  }

  /**
   * Words quoted inside a citation's quotation marks, their own marks made inner ones as Chinese
   * style does: “三公”经费 → 「三公」经费, 《预算法》 → 〈预算法〉.
   */
  static String inner(String s) {
    if (s == null) return null;
    return s.replace('“', '「')
        .replace('”', '」')
        .replace('‘', '『')
        .replace('’', '』')
        .replace('《', '〈')
        .replace('》', '〉');
  }

  /** 湖北省 武汉市 汉阳区, or null when undecided. */
  static String region(Region r) {
    return r == null ? null : String.join(" ", r.shown());
  }

  /** Milliseconds as seconds with two decimals. */
  static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.2f", millis / 1000.0);
  }

  /**
   * How Gongkai computed a figure the report does not state (see {@link
   * IndicatorValue#derivation}).
   */
  static String derivation(String source) {
    return org.gongkai.model.IndicatorValue.derivation(source);
  }

  /** A change in percent with its sign, one decimal. */
  static String change(double from, double to) {
    return String.format(Locale.ROOT, "%+.1f%%", (to - from) / from * 100);
  }
}
