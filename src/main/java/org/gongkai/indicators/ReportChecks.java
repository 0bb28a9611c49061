package org.gongkai.indicators;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.model.IndicatorFlag;
import org.gongkai.model.IndicatorFlag.Severity;
import org.gongkai.model.IssuerNames;
import org.gongkai.model.Quote;
import org.gongkai.model.ReportKind;
import org.gongkai.model.Section;
import org.gongkai.text.Starts;

/**
 * The report read against itself, as an editor reads it: the year every heading, table title and
 * {@code 截至} date names must be the report's own; the part headings must name its issuer;
 * placeholders a template left ({@code XX局}, {@code ××}, {@code 某某}, {@code 待填写}, {@code [单位名称]})
 * and doubled punctuation ({@code 。。}) must be gone. Pure: text in, flags out.
 *
 * <p>A budget's year is next year's plan made this year: it may name the year before (截至2025年8月31日
 * in a 2026 budget, 2025年度绩效自评) as well as its own. A heading that compares years (与2023年相比) names
 * another year by right.
 */
final class ReportChecks {

  private ReportChecks() {}

  private static final Pattern YEAR = Pattern.compile("((?:19|20)\\d{2})\\s*年");
  private static final Pattern COMPARING = Pattern.compile("与|比|较|对比|相比|同期|上年|以来|至");
  private static final Pattern AS_OF =
      Pattern.compile("截[至止]\\s*((?:19|20)\\d{2})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日");
  private static final Pattern PART = Pattern.compile("^\\s*第[一二三四五六七八九十]+部分\\s*[:：]?\\s*(.*)$");

  /** A part heading's organisation: what stands before its 概况, year or report words. */
  private static final Pattern PART_NAME =
      Pattern.compile(
          "^([\\p{IsHan}（）()ＸXx×某]{3,30}?)\\s*(?:概况|基本情况|(?:19|20)\\d{2}\\s*年|部门(?:预算|决算)|单位(?:预算|决算))");

  /** Words a template leaves to be filled in. */
  private static final Pattern PLACEHOLDER =
      Pattern.compile(
          // every wording opens with one of these: a look ahead at one character passes over the
          // rest of the text without trying each wording at each place
          "(?=[XxＸｘ×某待\\[【{（(])"
              + "(?:(?<![A-Za-z0-9])(?:[XxＸｘ]{2,}|×{2,})(?![A-Za-z0-9])|某某|待填写|待补充|[\\[【{（(]\\s*(?:单位|部门)名称\\s*[\\]】}）)]|\\{[^{}\\n]{1,10}\\})");

  /** The same stop twice, or two stops of a sentence's end in a row (an ellipsis is not). */
  private static final Pattern DOUBLED = Pattern.compile("([。，；：！？、])\\1|[。；][，。]|，[。；]");

  // where the patterns above are tried: each opens with one of these characters
  private static final Starts AS_OF_STARTS = new Starts(AS_OF, "截");
  private static final Starts PLACEHOLDER_STARTS = new Starts(PLACEHOLDER, "XxＸｘ×某待[【{（(");
  private static final Starts DOUBLED_STARTS = new Starts(DOUBLED, "。，；：！？、");

  /** How many quotes one flag of many places shows. */
  static final int MAX_QUOTES = 10;

  static List<IndicatorFlag> check(
      String text, List<Section> sections, ReportKind kind, Integer year, String issuer) {
    List<IndicatorFlag> out = new ArrayList<>();
    if (year != null && (kind == ReportKind.BUDGET || kind == ReportKind.FINAL_ACCOUNTS)) {
      headingYears(text, sections, kind, year, out);
      asOfDates(text, kind, year, out);
    }
    partIssuers(text, issuer, out);
    placeholders(text, out);
    brokenYears(text, out);
    punctuation(text, out);
    return out;
  }

  /** A year of three digits where a report's year stands (202 年度部门决算: a digit lost). */
  private static final Pattern BROKEN_YEAR =
      Pattern.compile("(?<![0-9０-９.,，])20[0-9][ \\t]?年(?:度|部门|单位|预算|决算)");

  private static final Starts BROKEN_YEAR_STARTS = new Starts(BROKEN_YEAR, "2");

  private static void brokenYears(String text, List<IndicatorFlag> out) {
    List<Quote> quotes = new ArrayList<>();
    Starts.Scan m = BROKEN_YEAR_STARTS.in(text);
    while (m.find() && quotes.size() < MAX_QUOTES) quotes.add(passage(text, m.start(), m.end()));
    if (quotes.isEmpty()) return;
    out.add(
        new IndicatorFlag(
            "year",
            "broken_year",
            List.of(quotes.get(0).text(), String.valueOf(quotes.size())),
            List.of(),
            Severity.WARNING,
            quotes));
  }

  /** The years a report of {@code kind} for {@code year} may name in a heading or a date. */
  private static Set<Integer> allowed(ReportKind kind, int year) {
    return kind == ReportKind.BUDGET ? Set.of(year, year - 1) : Set.of(year);
  }

  /**
   * Headings, part headings and table titles that name another year than the report's, unless they
   * compare years: one flag per year named, quoting each heading that names it.
   */
  private static void headingYears(
      String text, List<Section> sections, ReportKind kind, int year, List<IndicatorFlag> out) {
    Set<Integer> ok = allowed(kind, year);
    Set<Integer> seen = new LinkedHashSet<>();
    List<int[]> headings = new ArrayList<>();
    for (Section s : sections) headings.add(new int[] {s.start(), s.bodyStart()});
    for (Layout.Region r : Layout.of(text).regions())
      if (r.title() != null) headings.add(new int[] {r.start(), lineEnd(text, r.start())});
    headings.sort(java.util.Comparator.comparingInt(h -> h[0]));
    java.util.Map<Integer, List<Quote>> byYear = new java.util.LinkedHashMap<>();
    for (int[] h : headings) {
      if (!seen.add(h[0])) continue;
      int end = Math.min(Math.max(h[1], h[0]), text.length());
      String heading = text.substring(h[0], end).strip();
      if (heading.isEmpty() || heading.length() > 80 || COMPARING.matcher(heading).find()) continue;
      Matcher m = YEAR.matcher(heading);
      if (!m.find()) continue;
      int named = Integer.parseInt(m.group(1));
      if (ok.contains(named)) continue;
      int at = text.indexOf(heading, h[0]);
      byYear
          .computeIfAbsent(named, k -> new ArrayList<>())
          .add(new Quote(heading, at, at + heading.length()));
    }
    byYear.forEach((named, quotes) -> out.add(yearFlag("heading_year", quotes, named, year)));
  }

  /** One flag for the places that name {@code named} instead of {@code year}. */
  private static IndicatorFlag yearFlag(String code, List<Quote> quotes, int named, int year) {
    return new IndicatorFlag(
        "year",
        code,
        List.of(quotes.get(0).text(), String.valueOf(named), String.valueOf(year)),
        List.of(),
        Severity.WARNING,
        quotes.subList(0, Math.min(MAX_QUOTES, quotes.size())));
  }

  private static int lineEnd(String text, int from) {
    int nl = text.indexOf('\n', from);
    return nl < 0 ? text.length() : nl;
  }

  /**
   * {@code 截至YYYY年M月D日} naming a year before the report's: a final account counts its assets at its
   * own year's end, a budget at a date of the year before or its own. A later date (截至2025年6月底 已整改
   * in a 2024 final account) tells of what happened since, by right. One flag per year named.
   */
  private static void asOfDates(String text, ReportKind kind, int year, List<IndicatorFlag> out) {
    int earliest = java.util.Collections.min(allowed(kind, year));
    java.util.Map<Integer, List<Quote>> byYear = new java.util.LinkedHashMap<>();
    Starts.Scan m = AS_OF_STARTS.in(text);
    while (m.find()) {
      int named = Integer.parseInt(m.group(1));
      if (named >= earliest) continue;
      byYear
          .computeIfAbsent(named, k -> new ArrayList<>())
          .add(new Quote(m.group(), m.start(), m.end()));
    }
    byYear.forEach((named, quotes) -> out.add(yearFlag("as_of_year", quotes, named, year)));
  }

  /**
   * Part headings that name another organisation than the report's issuer (第一部分 某某局概况 in the report
   * of another bureau): the part was copied from another report. A heading with a placeholder is
   * left to {@link #placeholders}.
   */
  private static void partIssuers(String text, String issuer, List<IndicatorFlag> out) {
    if (issuer == null) return;
    String own = IssuerNames.normal(issuer);
    int from = 0;
    while (from < text.length()) {
      int end = lineEnd(text, from);
      String line = text.substring(from, end);
      Matcher part = PART.matcher(line);
      if (part.matches()) {
        Matcher name = PART_NAME.matcher(part.group(1));
        if (name.find() && !PLACEHOLDER.matcher(name.group(1)).find()) {
          String n = IssuerNames.normal(name.group(1));
          boolean organisation = n.matches(".*(?:局|委|办|厅|院|会|部|处|所|站|中心|校|园|馆|队|社|室)$");
          if (organisation && !own.contains(n) && !n.contains(own) && !sameTail(n, own)) {
            String heading = line.strip();
            int at = from + line.indexOf(heading);
            out.add(
                new IndicatorFlag(
                    "issuer",
                    "heading_issuer",
                    List.of(heading, name.group(1), issuer),
                    List.of(),
                    Severity.WARNING,
                    List.of(new Quote(heading, at, at + heading.length()))));
          }
        }
      }
      from = end + 1;
    }
  }

  /**
   * Whether two names end alike for three characters or more: one organisation written two ways
   * (省人大办公厅 for 江苏省人大常委会办公厅), where another's differs in its own words (财政局, 司法局).
   */
  private static boolean sameTail(String a, String b) {
    int n = 0;
    while (n < a.length()
        && n < b.length()
        && a.charAt(a.length() - 1 - n) == b.charAt(b.length() - 1 - n)) n++;
    return n >= 3;
  }

  /** Placeholders left in the text: one flag per distinct placeholder, every place quoted. */
  private static void placeholders(String text, List<IndicatorFlag> out) {
    java.util.Map<String, List<Quote>> found = new java.util.LinkedHashMap<>();
    Starts.Scan m = PLACEHOLDER_STARTS.in(text);
    while (m.find()) {
      // a JSON-like or code brace in a web page's script is not a placeholder of the report
      if (m.group().startsWith("{") && !m.group().matches("\\{\\p{IsHan}.*")) continue;
      found
          .computeIfAbsent(m.group(), k -> new ArrayList<>())
          .add(passage(text, m.start(), m.end()));
    }
    found.forEach(
        (placeholder, quotes) ->
            out.add(
                new IndicatorFlag(
                    "placeholder",
                    "placeholder",
                    List.of(placeholder, String.valueOf(quotes.size())),
                    List.of(),
                    Severity.WARNING,
                    quotes.subList(0, Math.min(MAX_QUOTES, quotes.size())))));
  }

  /** Doubled punctuation: one flag for the report, its places quoted. */
  private static void punctuation(String text, List<IndicatorFlag> out) {
    List<Quote> quotes = new ArrayList<>();
    int count = 0;
    Starts.Scan m = DOUBLED_STARTS.in(text);
    while (m.find()) {
      count++;
      if (quotes.size() < MAX_QUOTES) quotes.add(passage(text, m.start(), m.end()));
    }
    if (count == 0) return;
    out.add(
        new IndicatorFlag(
            "punctuation",
            "doubled_punctuation",
            List.of(String.valueOf(count)),
            List.of(),
            Severity.NOTICE,
            quotes));
  }

  /** The words around {@code [start, end)} on its line, to quote it by. */
  static Quote passage(String text, int start, int end) {
    int lineStart = text.lastIndexOf('\n', start - 1) + 1;
    int lineEnd = lineEnd(text, end);
    int from = Math.max(lineStart, start - 20), to = Math.min(lineEnd, end + 20);
    return new Quote(text.substring(from, to), start, end);
  }
}
