package org.gongkai.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.model.DisclosureDocument;
import org.gongkai.model.IndicatorFlag;
import org.gongkai.model.IndicatorValue;
import org.gongkai.model.IngestedDocument;
import org.gongkai.model.Quote;
import org.gongkai.model.Section;
import org.gongkai.model.SourceKind;
import org.gongkai.model.TextTable;
import org.gongkai.text.Tables;

/**
 * Planted errors, made by a program from a report's own reads rather than listed by hand: one digit
 * of a number a reviewer would check changed in the report's clean text, where Gongkai read it — a
 * cell of its summary table (收支总表), a total its words state, a change its 比上年 sentence states, a
 * “三公” item, a 基本支出 or 项目支出 amount. Each digit changed is material (its place is worth at least a
 * hundredth of the number) and the text keeps its length, so the mutant is read exactly as the
 * report was (same pages, same sections, same tables): only the figures and checks run again.
 *
 * <p>A mutant is <em>caught</em> when it raises an error or warning the report as published does
 * not raise and that points at the planted place (a source or quote covering it);
 * <em>elsewhere</em> when new flags point only at other places; <em>missed</em> otherwise. Worse
 * than a miss: the planted value read as the report's headline with no flag said ({@link
 * Outcome#headlineUnflagged}). Pure: the caller reads and re-reads the report.
 */
public final class Mutants {

  private Mutants() {}

  /** What kind of number an error was planted in. */
  public enum Kind {
    TABLE_CELL("table_cell"),
    TEXT_TOTAL("text_total"),
    CHANGE("change"),
    THREE_PUBLIC_ITEM("three_public_item"),
    BASIC_PROJECT("basic_project"),
    /**
     * The amount a change is measured from ({@code 比2025年年初预算数A万元增加B万元，增长C%}): the third number of
     * the sentence, as a reviewer checks it. A kind of its own, so that {@code change}'s draw is
     * the one it always was.
     */
    CHANGE_BASE("change_base"),
    /** A project's amount: its row in a proven project table, or the words' list naming it. */
    PROJECT("project");

    public final String code;

    Kind(String code) {
      this.code = code;
    }
  }

  /**
   * One planted error: its kind, what was changed (an indicator, a table's title and row), where in
   * the clean text ({@code start}, {@code end} of the number) and the number as written before and
   * after.
   */
  public record Mutant(Kind kind, String what, int start, int end, String from, String to) {}

  /** What the checks made of a mutant. */
  public record Outcome(
      Mutant mutant,
      boolean caught,
      boolean elsewhere,
      boolean headline,
      boolean undecided,
      List<String> flags) {
    public boolean headlineUnflagged() {
      return headline && !caught;
    }

    public String verdict() {
      return caught ? "caught" : elsewhere ? "elsewhere" : "missed";
    }
  }

  /** A summary table's title: 收支总表, 收支预算总表, 收支决算总表, 收支总体情况表 … */
  private static final Pattern SUMMARY =
      Pattern.compile("收支(?:预算|决算)?(?:总表|总体情况表|总体情况)|收支预算总体情况|收入支出(?:预算|决算)?总表");

  /** A cell that is one number: 1,234.56, 0.39, -12 (a row's code is not). */
  private static final Pattern CELL = Pattern.compile("-?[0-9][0-9,]*(?:\\.[0-9]+)?");

  /**
   * A stated change the report gives the means to check: a sentence comparing with the year before
   * that states it both as an amount and as a percentage ({@code 比上年增加 7,331.92 万元，增长 8.0%}). A
   * change stated alone, against a year the report gives no amount of, is no error anyone could
   * find in the report; it is not planted.
   */
  private static final Pattern CHANGE =
      Pattern.compile(
          "(?:比|较|同比)(?:上年|上一年|20[0-9]{2}\\s*年)[^。；;\\n]{0,60}?(?:增加|减少|增长|下降|上升|降低)\\s*"
              + "([0-9][0-9,]*(?:\\.[0-9]+)?)\\s*(万元|亿元)\\s*[，,]\\s*(?:增长|下降|上升|减少|降低)\\s*"
              + "([0-9]+(?:\\.[0-9]+)?)\\s*[%％]");

  /** An amount said between a comparison and its change: what the change is measured from. */
  private static final Pattern BASE_AMOUNT =
      Pattern.compile("([0-9][0-9,]*(?:\\.[0-9]+)?)\\s*(万元|亿元|元)");

  private static final Set<String> THREE_PUBLIC_ITEMS =
      Set.of("overseas_travel", "vehicles_expenses", "reception");
  private static final Set<String> TOTALS = Set.of("income_total", "expenditure_total");
  private static final Set<String> BASIC_PROJECT =
      Set.of("basic_expenditure", "project_expenditure");

  /**
   * Up to {@code perKind} mutants of each kind for a report as read ({@code base}): each a number
   * Gongkai read there, chosen and changed by a generator seeded with the document's id (the same
   * report gives the same mutants on every run).
   */
  public static List<Mutant> plant(IngestedDocument base, int perKind) {
    return plan(base, perKind).mutants();
  }

  /**
   * The mutants {@link #plant} plants, and per kind how many reads were not planted in because
   * nothing in the report confirms them ({@link #proof}): an error planted there is one no reader
   * of the report could find, since no other statement or identity of it speaks of that figure.
   */
  public record Plan(List<Mutant> mutants, Map<Kind, Integer> unproven) {}

  /** {@link #plant}, with the reads left unplanted as unproven counted. */
  public static Plan plan(IngestedDocument base, int perKind) {
    DisclosureDocument d = base.document();
    Map<Kind, Integer> unproven = new LinkedHashMap<>();
    String text = d.text();
    List<Mutant> out = new ArrayList<>();
    Map<Kind, List<int[]>> candidates = new LinkedHashMap<>();
    Map<Kind, List<String>> names = new LinkedHashMap<>();
    for (Kind k : Kind.values()) {
      candidates.put(k, new ArrayList<>());
      names.put(k, new ArrayList<>());
    }
    Set<String> seen = new HashSet<>();
    // a number read more than once (two scopes, say) is planted in if any of its reads is proven;
    // it is counted as unproven only when none is
    Map<String, Kind> unprovenAt = new LinkedHashMap<>();
    org.gongkai.indicators.OtherBodies bodies =
        org.gongkai.indicators.OtherBodies.of(text, d.issuer());
    for (IndicatorValue v : base.figures()) {
      if (v.sourceKind() == SourceKind.DERIVED || v.end() <= v.start() || v.end() > text.length())
        continue;
      int[] span = number(text, v.start(), v.end());
      if (span == null) continue;
      String key = v.indicator() + "@" + span[0];
      if (seen.contains(key)) continue;
      Kind k = null;
      if (TOTALS.contains(v.indicator()) && v.sourceKind() == SourceKind.TEXT) k = Kind.TEXT_TOTAL;
      else if (THREE_PUBLIC_ITEMS.contains(v.indicator())) k = Kind.THREE_PUBLIC_ITEM;
      else if (BASIC_PROJECT.contains(v.indicator())) k = Kind.BASIC_PROJECT;
      if (k == null) continue;
      String proof = proof(v, base.figures(), bodies);
      if (proof == null) {
        unprovenAt.putIfAbsent(key, k);
        continue;
      }
      seen.add(key);
      unprovenAt.remove(key);
      candidates.get(k).add(span);
      names.get(k).add(v.indicator() + " " + v.sourceKind().code() + " " + proof);
    }
    unprovenAt.values().forEach(k -> unproven.merge(k, 1, Integer::sum));
    for (Section s : d.sections()) {
      int tab = text.indexOf('\t', s.start());
      if (tab < 0 || tab >= s.end()) continue;
      String body = text.substring(s.start(), s.end());
      for (TextTable t : Tables.find(s.id(), body)) {
        if (t.title() == null || !SUMMARY.matcher(t.title().replaceAll("\\s", "")).find()) continue;
        for (int r = t.headerRows(); r < t.rows().size(); r++) {
          List<String> row = t.rows().get(r);
          for (int c = 1; c < row.size(); c++) {
            String cell = row.get(c).strip();
            if (!CELL.matcher(cell).matches()) continue;
            int at = s.start() + t.offsets().get(r).get(c);
            int[] span = number(text, at, Math.min(text.length(), at + row.get(c).length()));
            if (span == null) continue;
            // the cell's label: the nearest words to its left (a two-sided row has two)
            String label = "";
            for (int k = c - 1; k >= 0 && label.isEmpty(); k--) {
              String left = row.get(k).strip();
              if (!left.isEmpty() && !CELL.matcher(left).matches()) label = left;
            }
            candidates.get(Kind.TABLE_CELL).add(span);
            names.get(Kind.TABLE_CELL).add(t.title().strip() + " / " + label);
          }
        }
      }
    }
    projects(base, text, candidates.get(Kind.PROJECT), names.get(Kind.PROJECT));
    Matcher m = CHANGE.matcher(text);
    while (m.find()) {
      if (!readNear(base, m.start(), m.end())) continue;
      for (int g : new int[] {1, 3}) {
        int[] span = number(text, m.start(g), m.end(g));
        if (span == null) continue;
        candidates.get(Kind.CHANGE).add(span);
        names.get(Kind.CHANGE).add(g == 1 ? "change " + m.group(2) : "change %");
      }
      // the one amount between the comparison and the change, if it names one
      Matcher compared = BASE_AMOUNT.matcher(text).region(m.start(), m.start(1));
      if (compared.find()) {
        int from = compared.start(1), to = compared.end(1);
        String unit = compared.group(2);
        int[] span = compared.find() ? null : number(text, from, to);
        if (span != null) {
          candidates.get(Kind.CHANGE_BASE).add(span);
          names.get(Kind.CHANGE_BASE).add("change base " + unit);
        }
      }
    }
    for (Kind k : Kind.values()) {
      List<int[]> spans = candidates.get(k);
      Random random = new Random((d.docId() + "/" + k.code).hashCode());
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < spans.size(); i++) order.add(i);
      java.util.Collections.shuffle(order, random);
      int made = 0;
      for (int i : order) {
        if (made == perKind) break;
        int[] span = spans.get(i);
        String from = text.substring(span[0], span[1]);
        String to = changed(from, random);
        if (to == null) continue;
        out.add(new Mutant(k, names.get(k).get(i), span[0], span[1], from, to));
        made++;
      }
    }
    out.sort(Comparator.comparingInt(Mutant::start));
    return new Plan(out, unproven);
  }

  /**
   * How the read {@code v} is proven, as #63 asks mutants to be planted "from its own proven
   * reads": something else in the report speaks of the same figure (indicator, role, scope) and
   * agrees with it, within the rounding each is written to — {@code verified} (its figure's
   * headline is, by a second, independent statement or an identity of the report's tables), {@code
   * twice} (another statement of it elsewhere states the same amount), {@code sum} (a sum it is a
   * part of holds: 基本支出 + 项目支出 = 支出合计, the three “三公” items = “三公”经费). Null for a read stated once
   * that nothing confirms: a digit changed there leaves the report consistent, an error no reader
   * of it could find.
   */
  static String proof(IndicatorValue v, List<IndicatorValue> figures) {
    return proof(v, figures, org.gongkai.indicators.OtherBodies.NONE);
  }

  /**
   * {@link #proof(IndicatorValue, List)}, knowing the passages of the report about its units
   * ({@code bodies}): a unit's two statements under one unit's heading are one figure, as the
   * checks compare them.
   */
  static String proof(
      IndicatorValue v, List<IndicatorValue> figures, org.gongkai.indicators.OtherBodies bodies) {
    if (v.valueWan() == null) return null;
    String twice = null;
    for (IndicatorValue h : figures) {
      if (!sameFigure(h, v.indicator(), v, bodies) || !agree(h, v)) continue;
      if (h != v && h.sourceKind() == SourceKind.DERIVED) continue; // computed from v: no proof
      if (h.headline() && h.verified()) return "verified"; // v itself, or another statement of it
      if (h != v && h.start() != v.start()) twice = "twice";
    }
    if (twice != null) return twice;
    for (List<String> sum : SUMS) {
      int at = sum.indexOf(v.indicator());
      if (at >= 0 && sumHolds(sum, at, v, figures)) return "sum";
    }
    return null;
  }

  /** Sums a report's figures must satisfy: the total first, then its parts. */
  private static final List<List<String>> SUMS =
      List.of(
          List.of("expenditure_total", "basic_expenditure", "project_expenditure"),
          List.of("three_public", "overseas_travel", "vehicles_expenses", "reception"));

  /**
   * At most this many combinations of the members' statements are tried for one read: a sum whose
   * members are stated more often than that is left unproven rather than searched at length.
   */
  private static final int MAX_COMBINATIONS = 4_096;

  /**
   * Whether some statement of each other member of {@code sum} makes it hold with {@code v}: stated
   * ones only (a total computed from these very parts proves nothing), each amount once (the same
   * amount stated again adds no combination), within the tried combinations' bound.
   */
  private static boolean sumHolds(
      List<String> sum, int at, IndicatorValue v, List<IndicatorValue> figures) {
    List<List<IndicatorValue>> members = new ArrayList<>();
    long combinations = 1;
    for (int i = 0; i < sum.size(); i++) {
      List<IndicatorValue> of = new ArrayList<>();
      if (i == at) of.add(v);
      else {
        Set<String> amounts = new HashSet<>();
        for (IndicatorValue o : figures)
          if (o.valueWan() != null
              && o.sourceKind() != SourceKind.DERIVED
              && sameFigure(o, sum.get(i), v, org.gongkai.indicators.OtherBodies.NONE)
              && amounts.add(o.valueWan() + "/" + halfUnitWan(o))) of.add(o);
      }
      if (of.isEmpty()) return false;
      combinations *= of.size();
      if (combinations > MAX_COMBINATIONS) return false;
      members.add(of);
    }
    return holds(members, 0, 0, 0);
  }

  /** Whether one statement of each member, from {@code i} on, makes total = parts. */
  private static boolean holds(List<List<IndicatorValue>> members, int i, double sum, double room) {
    if (i == members.size()) return Math.abs(sum) <= room + 1e-9;
    for (IndicatorValue o : members.get(i)) {
      double signed = i == 0 ? o.valueWan() : -o.valueWan();
      if (holds(members, i + 1, sum + signed, room + halfUnitWan(o))) return true;
    }
    return false;
  }

  /**
   * Whether {@code o} is a statement of {@code indicator} in {@code v}'s role and scope — and, for
   * a unit's figure (a scope says only that it is some unit's, not which), of the same unit: in the
   * same section.
   */
  private static boolean sameFigure(
      IndicatorValue o,
      String indicator,
      IndicatorValue v,
      org.gongkai.indicators.OtherBodies bodies) {
    return o.indicator().equals(indicator)
        && java.util.Objects.equals(o.role(), v.role())
        && o.scope().equals(v.scope())
        && (v.scope().whose() == org.gongkai.model.Scope.Whose.WHOLE
            || java.util.Objects.equals(o.sectionId(), v.sectionId())
            || sameBody(o, v, bodies));
  }

  /** Two statements in the words under one unit's heading (the checks' own grouping). */
  private static boolean sameBody(
      IndicatorValue o, IndicatorValue v, org.gongkai.indicators.OtherBodies bodies) {
    if (o.sourceKind() != SourceKind.TEXT || v.sourceKind() != SourceKind.TEXT) return false;
    int body = bodies.at(v.start());
    return body >= 0 && body == bodies.at(o.start());
  }

  private static boolean agree(IndicatorValue a, IndicatorValue b) {
    return a.valueWan() != null
        && Math.abs(a.valueWan() - b.valueWan()) <= halfUnitWan(a) + halfUnitWan(b) + 1e-9;
  }

  /** Half of the last digit a statement is written to, in 万元 ({@code 12.5 亿元}: 500). */
  static double halfUnitWan(IndicatorValue v) {
    return org.gongkai.indicators.Amounts.halfUnitWan(
        v.asWritten() == null ? "" : v.asWritten(), v.unit());
  }

  /**
   * The amounts of the projects read from tables their sums or columns prove (the cell on the row's
   * line), and of the words' items naming them.
   */
  private static void projects(
      IngestedDocument base, String text, List<int[]> spans, List<String> names) {
    List<org.gongkai.model.Project> read = base.projects().projects();
    for (org.gongkai.model.Project p : read) {
      if (!p.source().equals("table") || p.proof().equals("stated")) continue;
      String digits = p.asWritten().replaceAll("(万元|千元|亿元|元)$", "");
      if (digits.isEmpty() || digits.contains("…")) continue;
      int lineEnd = text.indexOf('\n', p.end());
      int at = text.indexOf(digits, p.end());
      if (at < 0 || lineEnd >= 0 && at > lineEnd) continue;
      int[] span = number(text, at, at + digits.length());
      if (span == null) continue;
      spans.add(span);
      names.add("project row " + p.name());
    }
    for (org.gongkai.projects.ProjectChecks.Item i :
        org.gongkai.projects.ProjectChecks.items(text, read)) {
      int[] span = number(text, i.amountStart(), i.amountEnd());
      if (span == null) continue;
      spans.add(span);
      names.add("project words " + i.name());
    }
  }

  /** Whether a value Gongkai read lies in the sentence {@code start}–{@code end}. */
  private static boolean readNear(IngestedDocument base, int start, int end) {
    for (IndicatorValue v : base.figures())
      if (v.sourceKind() != SourceKind.DERIVED && v.start() >= start - 80 && v.end() <= end)
        return true;
    return false;
  }

  /** The number written in {@code start}–{@code end} (its digits, commas and point), or null. */
  private static int[] number(String text, int start, int end) {
    int s = start;
    while (s < end && !Character.isDigit(text.charAt(s))) s++;
    if (s == end || text.charAt(s) > '9') return null;
    int e = s;
    while (e < end
        && (text.charAt(e) >= '0' && text.charAt(e) <= '9'
            || text.charAt(e) == ','
            || text.charAt(e) == '.')) e++;
    while (e > s && !Character.isDigit(text.charAt(e - 1))) e--;
    String n = text.substring(s, e).replace(",", "");
    try {
      if (new java.math.BigDecimal(n).compareTo(java.math.BigDecimal.ONE) < 0) return null;
    } catch (NumberFormatException bad) {
      return null;
    }
    return new int[] {s, e};
  }

  /**
   * {@code written} with one digit changed where its place is worth at least a hundredth of the
   * number (material), never to a leading zero; null when no digit qualifies.
   */
  static String changed(String written, Random random) {
    String plain = written.replace(",", "");
    java.math.BigDecimal value = new java.math.BigDecimal(plain);
    int point = plain.indexOf('.');
    int intDigits = point < 0 ? plain.length() : point;
    List<Integer> material = new ArrayList<>();
    int digit = 0; // the digit's place among the plain number's digits
    for (int i = 0; i < written.length(); i++) {
      char c = written.charAt(i);
      if (!Character.isDigit(c)) continue;
      int exponent = digit < intDigits ? intDigits - 1 - digit : intDigits - digit - 1;
      digit++;
      java.math.BigDecimal place = java.math.BigDecimal.ONE.scaleByPowerOfTen(exponent);
      if (place.multiply(java.math.BigDecimal.valueOf(100)).compareTo(value) >= 0) material.add(i);
    }
    if (material.isEmpty()) return null;
    int i = material.get(random.nextInt(material.size()));
    int old = written.charAt(i) - '0';
    boolean leading = i == 0;
    int now;
    do now = random.nextInt(10);
    while (now == old || leading && now == 0);
    return written.substring(0, i) + (char) ('0' + now) + written.substring(i + 1);
  }

  /** The report's text with the mutant planted: the same length, so every offset still holds. */
  public static String planted(String text, Mutant m) {
    return text.substring(0, m.start()) + m.to() + text.substring(m.end());
  }

  /** What the checks of the mutated report ({@code mutated}) made of the mutant. */
  public static Outcome judge(IngestedDocument base, IngestedDocument mutated, Mutant m) {
    Set<List<Object>> before = new HashSet<>();
    for (IndicatorFlag f : base.flags()) before.add(List.of(f.code(), f.args()));
    boolean at = false, elsewhere = false;
    List<String> raised = new ArrayList<>();
    for (IndicatorFlag f : mutated.flags()) {
      if (f.severity() == IndicatorFlag.Severity.NOTICE) continue;
      if (before.contains(List.of(f.code(), f.args()))) continue;
      raised.add(f.code());
      if (touches(f, m)) at = true;
      else elsewhere = true;
    }
    Map<String, Double> headlines = new LinkedHashMap<>();
    for (IndicatorValue v : base.figures())
      if (v.headline()) headlines.put(v.indicator() + "/" + v.role(), v.value());
    boolean headline = false, undecided = false;
    Set<String> still = new HashSet<>();
    for (IndicatorValue v : mutated.figures()) {
      if (!v.headline()) continue;
      String key = v.indicator() + "/" + v.role();
      still.add(key);
      if (v.start() < m.end()
          && m.start() < v.end()
          && !Double.valueOf(v.value()).equals(headlines.get(key))) headline = true;
    }
    for (IndicatorValue v : base.figures())
      if (v.headline()
          && v.start() < m.end()
          && m.start() < v.end()
          && !still.contains(v.indicator() + "/" + v.role())) undecided = true;
    return new Outcome(m, at, !at && elsewhere, headline, undecided, raised);
  }

  private static boolean touches(IndicatorFlag f, Mutant m) {
    for (IndicatorValue v : f.sources())
      if (v.start() < m.end() && m.start() < v.end()) return true;
    for (Quote q : f.quotes()) if (q.start() < m.end() && m.start() < q.end()) return true;
    return false;
  }
}
