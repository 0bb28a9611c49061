package org.gongkai.projects;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
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
 *       (一般公共预算, 政府性基金 … beside the row's amount), with no line of the table left unread, and
 *       together do not make the table's 合计;
 *   <li>{@code project_row}: one row whose amount is not its funding columns' sum while every other
 *       row's is, and whose columns' sum is what the table's 合计 needs — the row's amount is the one
 *       figure two identities both contradict;
 *   <li>{@code project_text}: the words' list of projects with their amounts ({@code 6.轨道交通管理
 *       175,400.59 万元，主要用于…}) against the row of the same project in a proven table — only where
 *       the list's other items agree with their rows (so the list speaks of the table's money), and
 *       beyond the two amounts' rounding.
 * </ul>
 */
public final class ProjectChecks {

  private ProjectChecks() {}

  /** The most items of the words' list tried against a table's sums, and the largest table. */
  private static final int MAX_TRIED = 20, MAX_ROWS = 2000;

  /** The most units a department's words are read through, and places where they are named. */
  private static final int MAX_UNITS = 200, MAX_MENTIONS = 20_000;

  /** Two amounts in 万元 rounded to 0.01 may differ by this much and still agree. */
  private static final BigDecimal TOLERANCE = new BigDecimal("0.015");

  /**
   * An item of the words' list: its number at a line's start, the project's name, its amount right
   * after ({@code 12.安全生产和应急管理专项经费 470.29 万元}, {@code （3）课题研究 50万元}).
   */
  private static final Pattern ITEM =
      Pattern.compile(
          "(?m)^[ \\t\\u3000]*[（(]?[0-9]{1,3}[)）.、．][ \\u3000]*([^\\n\\t，。；：:]{2,80}?)[ \\u3000]*"
              + "([0-9][0-9,]*(?:\\.[0-9]+)?)[ \\u3000]*(万元|元)");

  /**
   * The checks of one table as read ({@code text} the report's, for its words' list); none for a
   * targets table, a table its sums prove, or one with a line of amounts left unread.
   */
  static List<IndicatorFlag> table(String text, ProjectTables.Read r, ProjectTables.Tree t) {
    List<ProjectTables.Row> rows = r.rows();
    if (r.targets() || t.closed() || r.dropped() > 0 || rows.size() < 3) return List.of();
    if (rows.stream().anyMatch(x -> x.amount() == null)) return List.of();
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
    if (allHold && t.units().isEmpty() && t.total() >= 0) {
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
              List.of(quote(total)),
              evidence));
      return out;
    }
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
      if (closesWith(rows, i, columns))
        out.add(
            new IndicatorFlag(
                "table_sum",
                "project_row",
                List.of(
                    r.title(), f.name(), f.asWritten(), written(columns, f.asWritten()), r.unit()),
                List.of(),
                IndicatorFlag.Severity.ERROR,
                List.of(quote(f)),
                List.of(
                    "row = Σ its columns × " + others,
                    "Σ rows with " + written(columns, f.asWritten()) + " = " + total.asWritten())));
    }
    if (!out.isEmpty()) return out;
    // the words' list names the rows: where it states one row otherwise, and with the words'
    // amount the table's sums close, the row is the one wrong (the words and the total agree)
    List<Stated> stated = stated(text, rows, r.unit());
    int agree = 0;
    List<Stated> differ = new ArrayList<>();
    for (Stated st : stated)
      if (st.agrees()) agree++;
      else differ.add(st);
    if (differ.isEmpty() || agree < 2 || agree <= differ.size()) return out;
    // each tried costs a reading of the table's sums: a few are a report's slips, hundreds are a
    // list
    // of something else (or a crafted file), and are left alone
    if (differ.size() > MAX_TRIED || rows.size() > MAX_ROWS) return out;
    for (Stated st : differ) {
      int hit = -1, hits = 0;
      for (int i : st.rows()) {
        BigDecimal in = inUnit(st.amount(), r.unit());
        if (closesWith(rows, i, in)) {
          hit = i;
          hits++;
        }
      }
      if (hits != 1) continue;
      ProjectTables.Row row = rows.get(hit);
      out.add(
          new IndicatorFlag(
              "text_table",
              "project_text",
              List.of(st.name(), st.asWritten(), r.title(), row.asWritten() + r.unit()),
              List.of(),
              IndicatorFlag.Severity.ERROR,
              List.of(
                  new Quote(text.substring(st.start(), st.end()), st.start(), st.end()),
                  quote(row)),
              List.of(
                  "items = their rows × " + agree,
                  "Σ rows with " + st.asWritten() + " = " + total.asWritten())));
    }
    return out;
  }

  /** Whether the table's sums close with row {@code i}'s amount {@code amount} instead. */
  private static boolean closesWith(List<ProjectTables.Row> rows, int i, BigDecimal amount) {
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
   * An item of the words' list naming rows of a table: its amount in 万元 and whether it agrees with
   * one of them ({@code rows}: the rows of its name).
   */
  private record Stated(
      String name,
      BigDecimal amount,
      String asWritten,
      int start,
      int end,
      List<Integer> rows,
      boolean agrees) {}

  private static List<Stated> stated(String text, List<ProjectTables.Row> rows, String unit) {
    List<Stated> out = new ArrayList<>();
    // the rows by key, made once (a key is a few patterns' work)
    java.util.Map<String, List<Integer>> byKey = new java.util.HashMap<>();
    for (int i = 0; i < rows.size(); i++)
      if (!ProjectTables.isTotal(rows.get(i).name()))
        byKey.computeIfAbsent(ProjectKeys.key(rows.get(i).name()), k -> new ArrayList<>()).add(i);
    Matcher m = ITEM.matcher(text);
    while (m.find()) {
      String key = ProjectKeys.key(m.group(1).strip());
      if (key.isEmpty()) continue;
      List<Integer> named = byKey.get(key);
      if (named == null) continue;
      BigDecimal amount;
      try {
        amount = ProjectTables.wan(ProjectTables.decimal(m.group(2)), m.group(3));
      } catch (NumberFormatException e) {
        continue;
      }
      boolean agrees = false;
      for (int i : named)
        if (ProjectTables.wan(rows.get(i).amount(), unit)
                .subtract(amount)
                .abs()
                .compareTo(TOLERANCE)
            <= 0) agrees = true;
      out.add(
          new Stated(
              m.group(1).strip(),
              amount,
              m.group(2) + m.group(3),
              m.start(1),
              m.end(3),
              named,
              agrees));
    }
    return out;
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
   * words are last said to be of.
   */
  public static List<Item> items(String text, List<Project> projects) {
    List<Project> proven = new ArrayList<>();
    for (Project p : projects)
      if (p.source().equals("table") && !p.proof().equals("stated")) proven.add(p);
    List<Item> out = new ArrayList<>();
    if (proven.isEmpty()) return out;
    java.util.Map<String, List<Project>> byKey = new java.util.HashMap<>();
    java.util.Set<String> units = new java.util.LinkedHashSet<>();
    for (Project p : proven) {
      byKey.computeIfAbsent(p.key(), k -> new ArrayList<>()).add(p);
      if (p.unit() != null) units.add(p.unit());
    }
    // where each unit is named in the words, found once
    if (units.size() > MAX_UNITS) return out;
    java.util.TreeMap<Integer, String> named0 = named(text, units);
    Matcher m = ITEM.matcher(text);
    while (m.find()) {
      String key = ProjectKeys.key(m.group(1).strip());
      if (key.isEmpty()) continue;
      List<Project> named = byKey.get(key);
      if (named == null) continue;
      Project p = named.size() == 1 ? named.get(0) : null;
      if (!units.isEmpty()) {
        // a department going through its units: the unit the words last named before the item
        java.util.Map.Entry<Integer, String> before = named0.lowerEntry(m.start());
        String unit = before == null ? null : before.getValue();
        p = null;
        for (Project q : named)
          if (q.unit() != null && q.unit().equals(unit)) p = p == null ? q : null;
        if (p == null && named.size() == 1 && named.get(0).unit() == null) p = named.get(0);
      }
      if (p == null) continue;
      BigDecimal amount;
      try {
        amount = ProjectTables.wan(ProjectTables.decimal(m.group(2)), m.group(3));
      } catch (NumberFormatException e) {
        continue;
      }
      out.add(
          new Item(
              m.group(1).strip(),
              amount,
              m.group(2) + m.group(3),
              m.start(1),
              m.end(3),
              m.start(2),
              m.end(2),
              p));
    }
    return out;
  }

  /**
   * The words' items against their rows: a flag for each that differs beyond rounding, where at
   * least two items agree and more agree than differ (the list is of the table's money).
   */
  static List<IndicatorFlag> text(String text, List<Project> projects) {
    List<Item> items = items(text, projects);
    List<Item> differ = new ArrayList<>();
    int agree = 0;
    for (Item i : items) {
      if (i.amount().subtract(i.project().amount()).abs().compareTo(TOLERANCE) <= 0) agree++;
      else differ.add(i);
    }
    if (differ.isEmpty() || agree < 2 || agree <= differ.size()) return List.of();
    List<IndicatorFlag> out = new ArrayList<>();
    for (Item i : differ) {
      Project p = i.project();
      out.add(
          new IndicatorFlag(
              "text_table",
              "project_text",
              List.of(i.name(), i.asWritten(), p.title(), p.asWritten()),
              List.of(),
              IndicatorFlag.Severity.ERROR,
              List.of(
                  new Quote(text.substring(i.start(), i.end()), i.start(), i.end()),
                  new Quote(text.substring(p.start(), p.end()), p.start(), p.end())),
              List.of("items = their rows × " + agree, p.name() + ": " + p.proof())));
    }
    return out;
  }

  /** Where each of {@code names} is said in {@code text} (a longer name where two begin alike). */
  private static java.util.TreeMap<Integer, String> named(
      String text, java.util.Collection<String> names) {
    java.util.TreeMap<Integer, String> at = new java.util.TreeMap<>();
    for (String n : names) {
      if (n.isEmpty()) continue;
      for (int i = text.indexOf(n);
          i >= 0 && at.size() < MAX_MENTIONS;
          i = text.indexOf(n, i + 1)) {
        String there = at.get(i);
        if (there == null || there.length() < n.length()) at.put(i, n);
      }
    }
    return at;
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

  private static Quote quote(ProjectTables.Row row) {
    int end = row.amountEnd() > row.start() ? row.amountEnd() : row.end();
    return new Quote(row.name() + " " + row.asWritten(), row.start(), end);
  }
}
