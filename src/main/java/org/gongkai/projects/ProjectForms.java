package org.gongkai.projects;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.model.Project;

/**
 * Reads the forms a report gives one project each (项目支出绩效目标表 of one project, 财政项目支出绩效目标填报表): the
 * project's name from its {@code 项目名称} line or, where there is none, from the form's own title
 * ({@code 某某项目绩效目标表}); its amount from {@code 年度资金总额} (the year's), else {@code 项目资金总额} / {@code
 * 资金总额}, in the unit the form names ({@code 项目资金（元）}); proven where its parts ({@code 财政拨款}, {@code
 * 上年结转}, {@code 其他资金}) make it. A department's own form (部门整体支出绩效目标表) is no project.
 */
final class ProjectForms {

  private ProjectForms() {}

  private static final Pattern NAME_LINE = Pattern.compile("^\\s*项目名称\\s*[:：]?\\s*\\t?\\s*(.*)$");
  private static final Pattern NAME_END =
      Pattern.compile("\\t|项目性质|项目类别|主管部门|实施单位|项目负责人|项目属性|\\s{2,}");
  private static final Pattern TITLE_LINE =
      Pattern.compile(
          "^\\s*(?:[（(][一二三四五六七八九十]{1,3}[）)])?\\s*([^\\t。，；]{2,60}?)(?:项目)?(?:支出)?绩效目标(?:表|填报表)");
  private static final Pattern NOT_A_PROJECT =
      Pattern.compile("^(?:\\d+[.、．]\\s*)?(?:项目支出|部门整体支出|整体支出|部门整体|项目|财政项目支出|部门|单位整体支出)$");
  private static final Pattern YEAR_TOTAL =
      Pattern.compile("(?:年度资金(?:申请)?总额)\\s*[:：]?\\s*\\t?\\s*([0-9][0-9,]*(?:\\.\\d+)?)");
  private static final Pattern ALL_TOTAL =
      Pattern.compile("(?:项目资金总额|资金总额)\\s*[:：]?\\s*\\t?\\s*([0-9][0-9,]*(?:\\.\\d+)?)");

  /** The form's unit: bracketed after 项目资金 / 专项资金情况, or said (金额单位：元), a whole word. */
  private static final Pattern UNIT =
      Pattern.compile("(?:[（(]\\s*(万元|元)\\s*[）)]|单位\\s*[:：]\\s*(万元|元)(?![\\u4e00-\\u9fa5]))");

  private static final Pattern APPROPRIATION =
      Pattern.compile("(?:当年)?财政拨款\\s*[:：]?\\s*\\t?\\s*([0-9][0-9,]*(?:\\.\\d+)?|-)");
  private static final Pattern CARRIED =
      Pattern.compile("上年结转(?:资金)?\\s*[:：]?\\s*\\t?\\s*([0-9][0-9,]*(?:\\.\\d+)?|-)");
  private static final Pattern OTHER =
      Pattern.compile("其他资金\\s*[:：]?\\s*\\t?\\s*([0-9][0-9,]*(?:\\.\\d+)?|-)");

  /** The longest a name is: a longer one is a form's text. */
  private static final int MAX_NAME = 80;

  /** The longest a form runs past its name, in characters. */
  private static final int SPAN = 4000;

  /** A form's name and where it stands. */
  private record Anchor(String name, int start, int end, boolean byLabel, String title) {}

  static List<Project> read(String text) {
    List<Anchor> anchors = new ArrayList<>();
    List<int[]> lines = Lines.of(text);
    for (int[] l : lines) {
      String line = Lines.at(text, l);
      // most lines are neither a form's name nor its title: look-ups before any pattern
      boolean named = line.contains("项目名称");
      if (!named && !line.contains("绩效目标")) continue;
      Matcher m = NAME_LINE.matcher(line);
      if (named && m.matches()) {
        String rest = m.group(1);
        Matcher e = NAME_END.matcher(rest);
        String name = (e.find() ? rest.substring(0, e.start()) : rest).strip();
        if (name.length() >= 2 && name.length() <= MAX_NAME) {
          int s = l[0] + m.start(1);
          anchors.add(new Anchor(name, s, s + name.length(), true, "项目名称"));
        }
        continue;
      }
      Matcher t = TITLE_LINE.matcher(line);
      if (t.find()) {
        String name = t.group(1).strip();
        if (!NOT_A_PROJECT.matcher(name).matches()
            && !name.contains("整体")
            && name.length() <= MAX_NAME) {
          int s = l[0] + t.start(1);
          anchors.add(
              new Anchor(
                  name, s, s + name.length(), false, line.substring(t.start(1), t.end()).strip()));
        }
      }
    }
    List<Project> out = new ArrayList<>();
    for (int a = 0; a < anchors.size(); a++) {
      Anchor anchor = anchors.get(a);
      int to = Math.min(text.length(), anchor.end() + SPAN);
      if (a + 1 < anchors.size()) to = Math.min(to, anchors.get(a + 1).start());
      String span = text.substring(anchor.end(), to);
      Matcher total = YEAR_TOTAL.matcher(span);
      if (!total.find()) {
        total = ALL_TOTAL.matcher(span);
        if (!total.find()) continue;
      }
      // a form's title followed by its 项目名称 line: the line names it
      if (!anchor.byLabel()
          && a + 1 < anchors.size()
          && anchors.get(a + 1).byLabel()
          && anchors.get(a + 1).start() - anchor.end() < 400) continue;
      String written = total.group(1);
      // the unit the form says before its targets' grid (a target's ≤30 万元 is no form's unit)
      int grid = span.indexOf("指标");
      Matcher u = UNIT.matcher(grid < 0 ? span : span.substring(0, grid));
      String unit = u.find() ? (u.group(1) != null ? u.group(1) : u.group(2)) : "万元";
      BigDecimal amount = ProjectTables.decimal(written);
      String after = span.substring(total.end());
      String proof = partsMake(after, amount) ? "parts" : "stated";
      out.add(
          new Project(
              anchor.name(),
              ProjectKeys.key(anchor.name()),
              null,
              ProjectTables.wan(amount, unit),
              written + unit,
              "全部",
              null,
              "form",
              anchor.byLabel() ? "项目名称" : anchor.title(),
              anchor.start(),
              anchor.end(),
              proof));
    }
    return out;
  }

  /** The form's funding parts after its total make it (a part written {@code -} is none). */
  private static boolean partsMake(String after, BigDecimal total) {
    String near = after.substring(0, Math.min(after.length(), 400));
    Matcher ap = APPROPRIATION.matcher(near);
    Matcher ot = OTHER.matcher(near);
    if (!ap.find() || !ot.find()) return false;
    BigDecimal sum = part(ap.group(1)).add(part(ot.group(1)));
    Matcher ca = CARRIED.matcher(near);
    if (ca.find()) sum = sum.add(part(ca.group(1)));
    return ProjectTables.near(sum, total, 3);
  }

  private static BigDecimal part(String s) {
    return s.equals("-") ? BigDecimal.ZERO : ProjectTables.decimal(s);
  }
}
