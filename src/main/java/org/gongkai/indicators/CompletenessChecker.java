package org.gongkai.indicators;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.model.Completeness;
import org.gongkai.model.Completeness.Entry;
import org.gongkai.model.Completeness.State;
import org.gongkai.model.IndicatorFlag;
import org.gongkai.model.ReportKind;

/**
 * Which standard tables a report discloses. A 部门决算 has nine (公开01–09表: 收入支出决算总表 … 财政拨款“三公”经费支出决算表);
 * a 部门预算 the nine of the 财政部 template (部门收支总表 … 国有资本经营预算支出表). Each is looked for by its name on a
 * line of its own (a title: short, the name its last words, maybe with its year and number); what
 * follows the title decides its state — rows of a table or lines of figures: present; a statement
 * that it is empty ({@code 本表无数据}, {@code 空表}, {@code 本部门当年无政府性基金…支出}): declared empty; neither:
 * only named (a list of the tables, a picture). Pure: text in, completeness out.
 */
public final class CompletenessChecker {

  private record Standard(String number, String name, Pattern pattern) {}

  private static Standard std(String number, String name, String pattern) {
    return new Standard(number, name, Pattern.compile(pattern));
  }

  private static final List<Standard> FINAL =
      List.of(
          std("01", "收入支出决算总表", "(?<!拨款)收入?、?支出?决算总表|(?<!拨款)收支决算总表"),
          std("02", "收入决算表", "(?<![款算金])收入决算表"),
          std("03", "支出决算表", "(?<![款费营本算金入])支出决算表"),
          std("04", "财政拨款收入支出决算总表", "财政拨款收入?、?支出?决算总表|财政拨款收支决算总表"),
          std("05", "一般公共预算财政拨款支出决算表", "一般公共预算财政拨款支出决算表"),
          std("06", "一般公共预算财政拨款基本支出决算表", "一般公共预算财政拨款基本支出决算(?:明细)?表"),
          std("07", "政府性基金预算财政拨款收入支出决算表", "政府性基金预算财政拨款(?:收入)?支出决算表"),
          std("08", "国有资本经营预算财政拨款支出决算表", "国有资本经营预算财政拨款(?:收入)?支出决算表"),
          std("09", "财政拨款“三公”经费支出决算表", "三公[”\"]?经费.{0,12}决算表"));

  private static final List<Standard> BUDGET =
      List.of(
          std("01", "部门收支总表", "(?<!拨款)收支(?:预算)?总表"),
          std("02", "部门收入总表", "(?<![款算金])收入(?:预算)?总?表"),
          std("03", "部门支出总表", "(?<![款费营本算金])支出(?:预算)?总?表"),
          std("04", "财政拨款收支总表", "财政拨款收支(?:预算)?总表"),
          std("05", "一般公共预算支出表", "一般公共预算(?:财政拨款)?支出(?:预算)?表|(?<!性基金)财政拨款支出预算表"),
          std("06", "一般公共预算基本支出表", "(?:一般公共预算)?(?:财政拨款)?基本支出(?:预算)?表"),
          std("07", "一般公共预算“三公”经费支出表", "三公[”\"]?经费.{0,14}(?:预算)?表"),
          std("08", "政府性基金预算支出表", "政府性基金(?:预算)?(?:财政拨款)?支出(?:预算)?表"),
          std("09", "国有资本经营预算支出表", "国有资本经营预算(?:财政拨款)?支出(?:预算)?表"));

  /** A statement that a table is empty. */
  private static final Pattern EMPTY =
      Pattern.compile(
          "本表无数据|空表|无数据|(?:本|该)(?:部门|单位)(?:当年|本年度?|\\d{4}年度?)?(?:没有|无|未安排|不涉及)"
              + "|(?:当年|本年度?)(?:没有|无).{0,30}(?:收入|支出|经费)|不涉及");

  /** A part of the report: 第三部分 …. */
  private static final Pattern PART = Pattern.compile("第[一二三四五六七八九十]+部分");

  /** A line of a table's rows: tab-separated cells, or two figures. */
  private static final Pattern FIGURES = Pattern.compile("\\t|\\d[\\d,]*(?:\\.\\d+)?\\s+-?\\d");

  /**
   * How many lines below a title its rows or its empty statement are looked for (a PDF's header
   * cells may stand a line each).
   */
  private static final int BELOW = 60;

  public Completeness check(ReportKind kind, String text) {
    List<Standard> set =
        kind == ReportKind.FINAL_ACCOUNTS ? FINAL : kind == ReportKind.BUDGET ? BUDGET : null;
    if (set == null) return Completeness.NONE;
    String[] lines = text.split("\n", -1);
    int[] starts = new int[lines.length];
    for (int i = 1; i < lines.length; i++) starts[i] = starts[i - 1] + lines[i - 1].length() + 1;
    List<Entry> out = new ArrayList<>();
    for (Standard s : set) {
      State best = State.MISSING;
      int at = -1;
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i].strip();
        if (line.length() > 60 || line.indexOf('\t') >= 0 && !isTitleCell(line)) continue;
        Matcher m = s.pattern().matcher(line);
        if (!m.find() || !endsTitle(line, m.end())) continue;
        State state = below(lines, i);
        if (rank(state) > rank(best)) {
          best = state;
          at = starts[i] + lines[i].indexOf(line);
        }
      }
      out.add(new Entry(s.number(), s.name(), best, at));
    }
    return new Completeness(out);
  }

  /** A caption row read with its table ({@code 收入决算表\t\t单位：万元}): its first cell names it. */
  private static boolean isTitleCell(String line) {
    String first = line.split("\t")[0].strip();
    return !first.isEmpty() && first.endsWith("表");
  }

  /**
   * Whether the name ends the title: only a table number, a unit or the issuer may follow ({@code
   * 收入决算表 公开02表}), not more words of a sentence.
   */
  private static boolean endsTitle(String line, int end) {
    String rest = line.substring(end).strip();
    return rest.isEmpty()
        || rest.matches(
                "(?:[（(][^）)]{0,12}[）)])?\\s*(?:公开)?\\s*(?:表)?\\s*[0-9０-９一二三四五六七八九十]{0,3}\\s*表?.*")
            && !rest.matches(".*[，。；].*");
  }

  /**
   * What the lines below a title hold, up to the next title: rows (present), a statement that the
   * table is empty, or neither (named only: a list of the tables' names, a picture).
   */
  private static State below(String[] lines, int title) {
    for (int k = title + 1; k < Math.min(lines.length, title + 1 + BELOW); k++) {
      String l = lines[k].strip();
      if (EMPTY.matcher(l).find()) return State.EMPTY;
      if (FIGURES.matcher(l).find()) return State.PRESENT;
      if (l.length() <= 40
          && l.endsWith("表")
          && !l.matches("(?:公开)?\\s*[0-9０-９一二三四五六七八九十]{1,3}\\s*表")) break; // the next table's title
      if (PART.matcher(l).lookingAt() || l.length() > 40 && l.contains("。"))
        break; // the report's next part, or its prose
    }
    return State.NAMED;
  }

  private static int rank(State s) {
    return switch (s) {
      case PRESENT -> 3;
      case EMPTY -> 2;
      case NAMED -> 1;
      case MISSING -> 0;
    };
  }

  /**
   * A flag for each standard table the report neither discloses nor declares empty: {@code
   * missing_table} when it does not mention it, {@code named_table} when it names it without its
   * rows.
   */
  public static List<IndicatorFlag> flags(Completeness c) {
    List<IndicatorFlag> out = new ArrayList<>();
    // a report that follows another set of tables (a university's, an older template) is not
    // flagged for lacking this one's: undecided, not wrong
    if (!c.followsStandardSet()) return out;
    for (Entry e : c.tables()) {
      if (e.state() == State.MISSING)
        out.add(new IndicatorFlag("completeness", "missing_table", List.of(e.name()), List.of()));
      else if (e.state() == State.NAMED)
        out.add(new IndicatorFlag("completeness", "named_table", List.of(e.name()), List.of()));
    }
    return out;
  }
}
