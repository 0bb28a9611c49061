package org.gongkai.projects;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.model.IndicatorFlag;
import org.gongkai.model.Project;
import org.gongkai.model.Quote;

/**
 * Where a report contradicts itself about its projects — each on a read proven on its own, never on
 * Gongkai's doubt:
 *
 * <ul>
 *   <li>{@code project_sum}: a project table whose rows are each made by their own funding columns
 *       (一般公共预算, 政府性基金 … beside the row's amount), with no line of the table left unread, no second
 *       total, no row a subtotal of those after it, no 其中 row, no rows going on after it, and
 *       together do not make the table's 合计;
 *   <li>{@code project_row}: one row whose amount is not its funding columns' sum while every other
 *       row's is, and whose columns' sum is what the table's sums need — the row's amount is the
 *       one figure two identities both contradict;
 *   <li>{@code project_text}: an item of the words' numbered list ({@code 6.轨道交通管理 175,400.59
 *       万元，主要用于…}) naming a project of the table (by key, in the unit the words' last heading
 *       names) with another amount, beyond the words' own rounding and none of the row's columns —
 *       only where at least two other items of the same list agree and more agree than differ (the
 *       list speaks of the table's money); against a row the table's sums or its columns prove, or,
 *       where the sums fail, only when the words' amount is what closes them.
 * </ul>
 */
public final class ProjectChecks {

  private ProjectChecks() {}

  /** Two amounts in 万元 rounded to 0.01 may differ by this much and still agree. */
  private static final BigDecimal TOLERANCE = new BigDecimal("0.015");

  /** The most readings of a table's sums tried with another amount, and the largest table tried. */
  private static final int MAX_TRIED = 20, MAX_ROWS = 500;

  /** The most units a department's words are read through, and places where they are named. */
  private static final int MAX_UNITS = 200, MAX_MENTIONS = 20_000;

  /**
   * An item of the words' list: its number at a line's start, the project's name, its amount right
   * after ({@code 12.安全生产和应急管理专项经费 470.29 万元}, {@code （3）课题研究 50万元}) — not a price ({@code
   * 500元/册}).
   */
  private static final Pattern ITEM =
      Pattern.compile(
          "(?m)^[ \\t\\u3000]*[（(]?([0-9]{1,3})[)）.、．][ \\u3000]*([^\\n\\t，。；：:]{2,80}?)[ \\u3000]*"
              + "([0-9][0-9,]*(?:\\.[0-9]+)?)[ \\u3000]*(万元|元)(?![/／每])");

  private static final Pattern YEAR = Pattern.compile("20[0-9]{2}\\s*年");

  /**
   * An item of the words' lists as written: {@code number} its number in its list, {@code amount}
   * in 万元, {@code room} what the words' own rounding leaves it (half their last digit, and the
   * table's).
   */
  record Word(
      int number,
      String name,
      String key,
      BigDecimal amount,
      BigDecimal room,
      String asWritten,
      int start,
      int end,
      int amountStart,
      int amountEnd) {}

  /** The items of every numbered list of the words, read once a report. */
  static List<Word> words(String text) {
    List<Word> out = new ArrayList<>();
    Matcher m = ITEM.matcher(text);
    while (m.find()) {
      int number = Integer.parseInt(m.group(1));
      String name = m.group(2).strip();
      String key = ProjectKeys.key(name);
      if (key.isEmpty()) continue;
      BigDecimal amount;
      try {
        amount = ProjectTables.wan(ProjectTables.decimal(m.group(3)), m.group(4));
      } catch (NumberFormatException e) {
        continue;
      }
      String digits = m.group(3);
      int point = digits.indexOf('.');
      int decimals = point < 0 ? 0 : digits.length() - point - 1;
      BigDecimal half = new BigDecimal("0.5").movePointLeft(decimals);
      if (m.group(4).equals("元")) half = half.movePointLeft(4);
      BigDecimal room = TOLERANCE.max(half.add(new BigDecimal("0.005")));
      out.add(
          new Word(
              number,
              name,
              key,
              amount,
              room,
              digits + m.group(4),
              m.start(2),
              m.end(4),
              m.start(3),
              m.end(3)));
    }
    return out;
  }

  /**
   * The checks of one table as read, against the words' lists ({@code words}); none for a targets
   * table or one with a line of amounts left unread.
   */
  static List<IndicatorFlag> table(
      String text, List<Word> words, ProjectTables.Read r, ProjectTables.Tree t) {
    List<ProjectTables.Row> rows = r.rows();
    if (r.targets() || r.dropped() > 0 || rows.size() < 3) return List.of();
    if (rows.stream().anyMatch(x -> x.amount() == null)) return List.of();
    if (t.closed()) return withColumns(text, r, t, wordsAgainstRows(text, words, r, t));
    List<IndicatorFlag> out = new ArrayList<>();
    // the table's total: its 合计, else its first row (the department's, as its sums would prove)
    ProjectTables.Row total = rows.get(Math.max(t.total(), 0));
    List<Integer> projects = t.projects();
    BigDecimal sum = BigDecimal.ZERO;
    boolean allHold = projects.size() >= 2;
    for (int i : projects) {
      sum = sum.add(rows.get(i).amount());
      if (!ProjectTables.partsHold(rows.get(i))) allHold = false;
    }
    if (allHold && t.units().isEmpty() && t.total() >= 0 && whole(text, r, t)) {
      // every row made by its own columns: the rows are right, their total is not theirs
      List<String> evidence = new ArrayList<>();
      evidence.add("row = Σ its columns × " + projects.size());
      // the total's own columns: they make the rows' sum where its amount alone is off
      if (!total.parts().isEmpty() && ProjectTables.near(partsSum(total), sum, projects.size()))
        evidence.add(total.name() + " Σ columns = " + written(partsSum(total), total.asWritten()));
      out.add(
          new IndicatorFlag(
              "table_sum",
              "project_sum",
              List.of(
                  r.title(),
                  total.asWritten(),
                  written(sum, total.asWritten()),
                  r.unit(),
                  String.valueOf(projects.size())),
              List.of(),
              IndicatorFlag.Severity.ERROR,
              quotes(text, quote(text, total)),
              evidence));
      return out;
    }
    if (rows.size() > MAX_ROWS) return out;
    int[] tried = {0};
    // one row off its own columns, every other row made by its: with its columns' sum the table's
    // sums close (units and all) — the row's amount is the one figure two identities contradict
    List<Integer> failing = new ArrayList<>();
    int others = 0;
    for (int i = 0; i < rows.size(); i++) {
      if (ProjectTables.isTotal(rows.get(i).name()) || rows.get(i) == total) continue;
      if (rows.get(i).parts().isEmpty()) failing.add(-1); // a row nothing proves: no such check
      else if (!ProjectTables.partsHold(rows.get(i))) failing.add(i);
      else others++;
    }
    if (failing.size() == 1 && failing.get(0) >= 0 && others >= 2) {
      int i = failing.get(0);
      ProjectTables.Row f = rows.get(i);
      BigDecimal columns = partsSum(f);
      Quote q = quote(text, f);
      if (q != null && closesWith(rows, i, columns, tried))
        out.add(
            new IndicatorFlag(
                "table_sum",
                "project_row",
                List.of(
                    r.title(), f.name(), f.asWritten(), written(columns, f.asWritten()), r.unit()),
                List.of(),
                IndicatorFlag.Severity.ERROR,
                List.of(q),
                List.of(
                    "row = Σ its columns × " + others,
                    "Σ rows with " + written(columns, f.asWritten()) + " = " + total.asWritten())));
    }
    if (!out.isEmpty()) return out;
    // the words' list names the rows: where it states one row otherwise, and the row is made by
    // its columns or with the words' amount the table's sums close, the row is the one wrong
    for (Stated st : differing(text, words, r, t)) {
      int hit = -1, hits = 0;
      for (int i : st.rows()) {
        ProjectTables.Row row = rows.get(i);
        if (ProjectTables.partsHold(row)
            || tried[0] < MAX_TRIED
                && closesWith(rows, i, inUnit(st.word().amount(), r.unit()), tried)) {
          hit = i;
          hits++;
        }
      }
      if (hits != 1) continue;
      ProjectTables.Row row = rows.get(hit);
      out.add(
          textFlag(
              text,
              st,
              r,
              row,
              ProjectTables.partsHold(row)
                  ? row.name() + " = Σ its columns"
                  : "Σ rows with " + st.word().asWritten() + " = " + total.asWritten()));
    }
    return withColumns(text, r, t, out);
  }

  /**
   * {@code flags} and, where none of them is about it, the one row whose amount is not its own
   * funding columns' sum while every other row (at least three) is: the report states the row's
   * amount twice — as a figure and as its parts — and the two differ. The columns are read right
   * (every other row's add up); which of the two is wrong the table says only when its sums close
   * ({@code project_row}); otherwise the contradiction is still the report's ({@code
   * project_columns}). Not where the two differ as a wrapped cell would (one's digits the other's
   * start: `24,995.9` over `4`).
   */
  private static List<IndicatorFlag> withColumns(
      String text, ProjectTables.Read r, ProjectTables.Tree t, List<IndicatorFlag> flags) {
    List<ProjectTables.Row> rows = r.rows();
    ProjectTables.Row total = rows.get(Math.max(t.total(), 0));
    Set<Integer> units = new java.util.HashSet<>(t.units());
    int off = -1, others = 0;
    for (int i = 0; i < rows.size(); i++) {
      ProjectTables.Row row = rows.get(i);
      if (ProjectTables.isTotal(row.name()) || row == total) continue;
      if (row.parts().isEmpty()) return flags; // a row nothing proves: no such check
      if (ProjectTables.partsHold(row)) {
        // evidence that the columns are all parts, none a sum of others: a project's row with two
        // amounts or more in its columns (a unit's subtotal row repeats its projects')
        if (!units.contains(i) && nonZero(row.parts()) >= 2) others++;
      } else if (off >= 0) return flags; // two rows off: the columns may be misread
      else off = i;
    }
    if (off < 0 || others < 3) return flags;
    ProjectTables.Row f = rows.get(off);
    BigDecimal columns = partsSum(f);
    // columns past the amount by what some of them make: a column that sums others (财政拨款 over its
    // budgets) or one of another kind (其中：政府采购) the other rows leave empty — a reading, not an
    // error
    if (madeBySome(f.parts(), columns.subtract(f.amount()))) return flags;
    // within the rounding of the row's cells as written (whole 万元: 3.4 + 3.4 printed 3 + 3 = 7)
    BigDecimal half =
        BigDecimal.ONE.movePointLeft(decimals(f.asWritten())).divide(BigDecimal.valueOf(2));
    BigDecimal room = half.multiply(BigDecimal.valueOf(f.parts().size() + 1L));
    if (columns.subtract(f.amount()).abs().compareTo(room) <= 0) return flags;
    String a = digits(f.asWritten()), b = digits(written(columns, f.asWritten()));
    if (a.isEmpty() || b.isEmpty() || a.startsWith(b) || b.startsWith(a)) return flags;
    int lineEnd = text.indexOf('\n', f.amountEnd());
    if (lineEnd < 0) lineEnd = text.length();
    if (f.start() < 0 || f.start() >= lineEnd) return flags;
    for (IndicatorFlag g : flags)
      for (Quote q : g.quotes()) if (q.start() < lineEnd && q.end() > f.start()) return flags;
    List<IndicatorFlag> out = new ArrayList<>(flags);
    out.add(
        new IndicatorFlag(
            "table_sum",
            "project_columns",
            List.of(
                r.title(),
                f.name(),
                f.asWritten(),
                written(columns, f.asWritten()),
                r.unit(),
                String.valueOf(others)),
            List.of(),
            IndicatorFlag.Severity.ERROR,
            List.of(new Quote(text.substring(f.start(), lineEnd), f.start(), lineEnd)),
            List.of(
                "row = Σ its columns × " + others,
                t.closed() ? "Σ rows = " + total.asWritten() : "Σ rows ≠ " + total.asWritten())));
    return out;
  }

  /** The decimals an amount is written with ({@code 1,234.5}: 1). */
  private static int decimals(String written) {
    String bare = written.replaceAll("[^0-9.]", "");
    int point = bare.lastIndexOf('.');
    return point < 0 ? 0 : bare.length() - point - 1;
  }

  private static int nonZero(List<BigDecimal> parts) {
    int n = 0;
    for (BigDecimal p : parts) if (p.signum() != 0) n++;
    return n;
  }

  /**
   * Whether some of {@code parts} (at most twelve tried) add up to {@code excess} within a cent a
   * part.
   */
  private static boolean madeBySome(List<BigDecimal> parts, BigDecimal excess) {
    if (excess.signum() <= 0) return false;
    int n = Math.min(parts.size(), 12);
    for (int mask = 1; mask < 1 << n; mask++) {
      BigDecimal sum = BigDecimal.ZERO;
      for (int i = 0; i < n; i++) if ((mask & 1 << i) != 0) sum = sum.add(parts.get(i));
      if (ProjectTables.near(sum, excess, Integer.bitCount(mask) + 1)) return true;
    }
    return false;
  }

  private static String digits(String written) {
    return written.replaceAll("[^0-9]", "").replaceFirst("^0+", "");
  }

  /** A table its sums prove, against the words' lists. */
  private static List<IndicatorFlag> wordsAgainstRows(
      String text, List<Word> words, ProjectTables.Read r, ProjectTables.Tree t) {
    List<IndicatorFlag> out = new ArrayList<>();
    for (Stated st : differing(text, words, r, t)) {
      if (st.rows().size() != 1) continue;
      ProjectTables.Row row = r.rows().get(st.rows().get(0));
      out.add(textFlag(text, st, r, row, row.name() + ": sums"));
    }
    return out;
  }

  private static IndicatorFlag textFlag(
      String text, Stated st, ProjectTables.Read r, ProjectTables.Row row, String proof) {
    Word w = st.word();
    return new IndicatorFlag(
        "text_table",
        "project_text",
        List.of(w.name(), w.asWritten(), r.title(), row.asWritten() + r.unit()),
        List.of(),
        IndicatorFlag.Severity.ERROR,
        quotes(
            text,
            new Quote(text.substring(w.start(), w.end()), w.start(), w.end()),
            quote(text, row)),
        List.of("items = their rows × " + st.agree(), proof));
  }

  /**
   * The words' items that state one of the table's projects otherwise: each with the rows of its
   * name (in its unit where the table has units) and how many items of its list agree — only items
   * of a list where at least two agree and more agree than differ.
   */
  private record Stated(Word word, List<Integer> rows, int agree) {}

  private static List<Stated> differing(
      String text, List<Word> words, ProjectTables.Read r, ProjectTables.Tree t) {
    List<ProjectTables.Row> rows = r.rows();
    // each project row's unit: its unit column's, else (sums proving them) the unit row above it
    String[] unitOf = new String[rows.size()];
    Map<String, List<Integer>> byKey = new HashMap<>();
    Set<String> units = new LinkedHashSet<>();
    Set<Integer> heads = new java.util.HashSet<>(t.units());
    for (int i = 0; i < rows.size(); i++) {
      ProjectTables.Row row = rows.get(i);
      if (ProjectTables.isTotal(row.name()) || heads.contains(i) || i == t.total()) continue;
      if (!t.projects().contains(i)) continue;
      String unit = row.unit();
      if (unit == null && t.closed()) for (int h : t.units()) if (h < i) unit = rows.get(h).name();
      unitOf[i] = unit;
      if (unit != null) units.add(unit);
      byKey.computeIfAbsent(ProjectKeys.key(row.name()), k -> new ArrayList<>()).add(i);
    }
    if (units.size() > MAX_UNITS) return List.of();
    TreeMap<Integer, String> headings = headings(text, units);
    Map<Integer, int[]> tally = new HashMap<>(); // list → agree, differ
    Map<Word, Integer> listOf = new HashMap<>();
    List<Stated> candidates = new ArrayList<>();
    // a list goes on while its items' numbers grow, and past a heading naming one of the table's
    // units (a department's words going through its units, numbering each anew); another list —
    // last year's, the purchases' — is tallied on its own
    int list = 0, last = Integer.MAX_VALUE, lastEnd = 0;
    for (Word w : words) {
      boolean unitBetween = headings.subMap(lastEnd, w.start()).size() > 0;
      if (w.number() <= last && !unitBetween) list++;
      last = w.number();
      lastEnd = w.end();
      listOf.put(w, list);
    }
    for (Word w : words) {
      List<Integer> named = byKey.get(w.key());
      if (named == null) continue;
      // a year in the words' name the row's does not say: another year's list
      Matcher y = YEAR.matcher(w.name());
      if (y.find() && !rows.get(named.get(0)).name().contains(y.group())) continue;
      if (!units.isEmpty()) {
        Map.Entry<Integer, String> before = headings.lowerEntry(w.start());
        String unit = before == null ? null : before.getValue();
        List<Integer> inUnit = new ArrayList<>();
        for (int i : named) if (unit != null && unit.equals(unitOf[i])) inUnit.add(i);
        if (inUnit.isEmpty() && named.size() == 1 && unitOf[named.get(0)] == null)
          inUnit.add(named.get(0));
        named = inUnit;
      }
      if (named.isEmpty()) continue;
      boolean agrees = false, column = false;
      for (int i : named) {
        ProjectTables.Row row = rows.get(i);
        if (near(ProjectTables.wan(row.amount(), r.unit()), w)) agrees = true;
        // one of the row's own columns: the words speak of that money (its 财政拨款 alone)
        for (BigDecimal p : row.parts()) if (near(ProjectTables.wan(p, r.unit()), w)) column = true;
      }
      int[] n = tally.computeIfAbsent(listOf.get(w), k -> new int[2]);
      if (agrees) n[0]++;
      else if (!column) {
        n[1]++;
        candidates.add(new Stated(w, named, 0));
      }
    }
    List<Stated> out = new ArrayList<>();
    for (Stated s : candidates) {
      int[] n = tally.get(listOf.get(s.word()));
      if (n[0] >= 2 && n[0] > n[1]) out.add(new Stated(s.word(), s.rows(), n[0]));
    }
    return out;
  }

  private static boolean near(BigDecimal wan, Word w) {
    return wan.subtract(w.amount()).abs().compareTo(w.room()) <= 0;
  }

  /**
   * Whether the table's rows as read are all of it: one total, no 其中 row, no row the sum of the
   * rows after it (a level between the projects and the total), and no rows going on after it (a
   * page whose heading ended the table's region early).
   */
  private static boolean whole(String text, ProjectTables.Read r, ProjectTables.Tree t) {
    List<ProjectTables.Row> rows = r.rows();
    int totals = 0;
    for (ProjectTables.Row row : rows) {
      String n = row.name().replaceAll("\\s", "");
      if (n.contains("合计") || n.contains("总计") || n.contains("小计")) totals++;
      if (n.startsWith("其中")) return false;
    }
    if (totals != 1) return false;
    List<Integer> ps = t.projects();
    for (int a = 0; a < ps.size(); a++) {
      BigDecimal head = rows.get(ps.get(a)).amount(), sum = BigDecimal.ZERO;
      for (int b = a + 1; b < ps.size() && b <= a + 200; b++) {
        sum = sum.add(rows.get(ps.get(b)).amount());
        if (b > a + 1 && ProjectTables.near(sum, head, b - a)) return false;
        if (sum.compareTo(head) > 0) break;
      }
    }
    // the lines after the table: a row of figures naming none of its projects is more of it (a
    // targets table's rows after it name the same projects again)
    Set<String> names = new java.util.HashSet<>();
    for (ProjectTables.Row row : rows) names.add(row.name().replaceAll("\\s", ""));
    int cells = rows.get(ps.get(ps.size() - 1)).parts().size();
    int from = Math.min(text.length(), r.end()), seen = 0;
    while (from < text.length() && seen < 8) {
      int next = text.indexOf('\n', from + 1);
      if (next < 0) next = text.length();
      String line = text.substring(from, next);
      from = next;
      if (line.isBlank()) continue;
      seen++;
      if (line.indexOf('\t') < 0) continue;
      String[] c = line.strip().split("\t", -1);
      int numbers = 0;
      boolean known = false;
      for (String x : c) {
        String cell = x.strip();
        if (ProjectTables.NUMBER.matcher(cell).matches()) numbers++;
        else if (names.contains(cell.replaceAll("\\s", ""))) known = true;
      }
      if (!known
          && numbers >= Math.max(1, cells)
          && !ProjectTables.NUMBER.matcher(c[0].strip()).matches()) return false;
    }
    return true;
  }

  /** Whether the table's sums close with row {@code i}'s amount {@code amount} instead. */
  private static boolean closesWith(
      List<ProjectTables.Row> rows, int i, BigDecimal amount, int[] tried) {
    tried[0]++;
    List<ProjectTables.Row> changed = new ArrayList<>(rows);
    ProjectTables.Row row = rows.get(i);
    changed.set(
        i,
        new ProjectTables.Row(
            row.unit(),
            row.name(),
            amount,
            row.asWritten(),
            row.parts(),
            row.target(),
            row.start(),
            row.end(),
            row.amountStart(),
            row.amountEnd()));
    ProjectTables.Tree t = ProjectTables.tree(changed);
    return t.closed() && t.projects().contains(i);
  }

  /**
   * An item of the words' list naming a project read from a table: {@code amount} in 万元 as the
   * words state it ({@code amountStart}–{@code amountEnd} its digits), {@code project} the table's
   * row it names.
   */
  public record Item(
      String name,
      BigDecimal amount,
      String asWritten,
      int start,
      int end,
      int amountStart,
      int amountEnd,
      Project project) {}

  /**
   * The items of the words' lists that name a project of a table ({@code projects}, proven by its
   * table's sums or its row's columns): one name (by key), one project of that name in the unit the
   * words' last heading names.
   */
  public static List<Item> items(String text, List<Project> projects) {
    Map<String, List<Project>> byKey = new HashMap<>();
    Set<String> units = new LinkedHashSet<>();
    for (Project p : projects) {
      if (!p.source().equals("table") || p.proof().equals("stated")) continue;
      byKey.computeIfAbsent(p.key(), k -> new ArrayList<>()).add(p);
      if (p.unit() != null) units.add(p.unit());
    }
    List<Item> out = new ArrayList<>();
    if (byKey.isEmpty() || units.size() > MAX_UNITS) return out;
    TreeMap<Integer, String> headings = headings(text, units);
    for (Word w : words(text)) {
      List<Project> named = byKey.get(w.key());
      if (named == null) continue;
      Project p = named.size() == 1 ? named.get(0) : null;
      if (!units.isEmpty()) {
        Map.Entry<Integer, String> before = headings.lowerEntry(w.start());
        String unit = before == null ? null : before.getValue();
        p = null;
        for (Project q : named)
          if (q.unit() != null && q.unit().equals(unit)) p = p == null ? q : null;
        if (p == null && named.size() == 1 && named.get(0).unit() == null) p = named.get(0);
      }
      if (p == null) continue;
      out.add(
          new Item(
              w.name(),
              w.amount(),
              w.asWritten(),
              w.start(),
              w.end(),
              w.amountStart(),
              w.amountEnd(),
              p));
    }
    return out;
  }

  /**
   * Where each of {@code names} heads a line of the words (within its first characters: a heading
   * {@code 二、某市气象台}, not a unit named inside an item's words); a longer name where two begin alike.
   */
  private static TreeMap<Integer, String> headings(String text, Set<String> names) {
    TreeMap<Integer, String> at = new TreeMap<>();
    int mentions = 0;
    for (String n : names) {
      if (n.isEmpty()) continue;
      for (int i = text.indexOf(n); i >= 0 && mentions < MAX_MENTIONS; i = text.indexOf(n, i + 1)) {
        mentions++;
        int lineStart = text.lastIndexOf('\n', i - 1) + 1;
        if (i - lineStart > 8 || text.substring(lineStart, i).indexOf('\t') >= 0) continue;
        String there = at.get(i);
        if (there == null || there.length() < n.length()) at.put(i, n);
      }
    }
    return at;
  }

  /** An amount in 万元 in a table's unit. */
  private static BigDecimal inUnit(BigDecimal wan, String unit) {
    return switch (unit) {
      case "元" -> wan.movePointRight(4);
      case "千元" -> wan.movePointRight(1);
      case "亿元" -> wan.movePointLeft(4);
      default -> wan;
    };
  }

  private static BigDecimal partsSum(ProjectTables.Row row) {
    BigDecimal s = BigDecimal.ZERO;
    for (BigDecimal p : row.parts()) s = s.add(p);
    return s;
  }

  /** {@code amount} written as {@code like} is: its decimals, thousands grouped if it groups. */
  static String written(BigDecimal amount, String like) {
    String bare = like.replace("…", "");
    int point = bare.indexOf('.');
    int decimals = point < 0 ? 0 : bare.length() - point - 1;
    BigDecimal a = amount.setScale(Math.max(decimals, 0), RoundingMode.HALF_UP);
    if (!bare.contains(",")) return a.toPlainString();
    java.text.DecimalFormat f =
        new java.text.DecimalFormat(
            decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
            java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));
    return f.format(a);
  }

  /**
   * A row's passage, from its name to its amount, as the text has it; null for a row whose amount
   * the page wrapped over lines (no one place to point at).
   */
  private static Quote quote(String text, ProjectTables.Row row) {
    if (row.amountStart() < 0 || row.amountEnd() <= row.start() || row.amountEnd() > text.length())
      return null;
    return new Quote(text.substring(row.start(), row.amountEnd()), row.start(), row.amountEnd());
  }

  private static List<Quote> quotes(String text, Quote... qs) {
    List<Quote> out = new ArrayList<>();
    for (Quote q : qs) if (q != null) out.add(q);
    return out;
  }
}
