package org.gongkai.government;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.indicators.Indicator;
import org.gongkai.model.DisclosureDocument;
import org.gongkai.model.IndicatorValue;
import org.gongkai.model.Role;
import org.gongkai.model.Scope;
import org.gongkai.model.SourceKind;
import org.gongkai.text.ScriptFold;

/**
 * The figures of a government's tables (a 决算 or 预算 package's 表一 北京市2022年市级一般公共预算收入决算情况表, its 附表 of
 * the whole city, a report's attached tables): the budgets' 收入 and 支出, 税收收入, and the debt's 限额 and
 * 余额 with their kinds — each in the level the table's title names and the role and year its
 * column's header names.
 *
 * <ul>
 *   <li>A table is read only under a title naming one of the four budgets' 收入, 支出 or 收支 (or the
 *       debt's 限额及余额) of a year, of the report's own government — its place, then a level word or
 *       none (none: the whole government); or a level word alone — and a line naming its unit. A
 *       明细表, a table of transfers, of districts, of one kind of spending is none of these titles,
 *       and nothing under it is read.
 *   <li>A column's role and year are its header's (several header lines read as one, a group's
 *       words carried over the columns under it): 预算数 (年初预算), 调整预算数, 决算数, 执行数; a rate column
 *       (决算数为调整预算数％, 增长%) and a part of a group (经费支出, 基本建设, not its 小计) are not read.
 *   <li>A row is a figure when its label names the table's budget (政府性基金预算收入, 一般公共预算支出合计), or is
 *       the table's 收入合计/支出合计 where the table names no row so and no transfer (上解, 调入, 债务收入, 上年结转
 *       …) was added before it; 税收收入 in a table of the general budget's revenue; the debt's row of
 *       the government itself (北京市 the whole, 北京市本级 its own level).
 * </ul>
 *
 * A table's statements are weighed with the text's ({@link GovernmentFigures}): where both state
 * one figure they confirm each other when they agree to the text's rounding.
 */
final class Tables {

  private Tables() {}

  /** The budgets a title may name, as the figure's budget words. */
  private static final String BUDGET = "一般公共预算|政府性基金(?:预算)?|国有资本经营(?:预算)?|社会保险基金(?:预算)?";

  /** A title of one budget's main table: place, year, level, budget, direction. */
  private static final Pattern TITLE =
      Pattern.compile(
          "^(?:附表[一二三四五六七八九十]+)?(?<place>[^\\d年]{0,12}?)(?<year>(?:19|20)\\d{2})年(?:度)?"
              + "(?<level>全市|全县|全区|市级|县级|区级|市本级|县本级|区本级|本级)?"
              + "(?<budget>"
              + BUDGET
              + ")(?<dir>收入|支出|收支)(?:预算|决算|预算执行|执行)?(?:情况)?总?表$");

  /** A title of the debt's limits and balances. */
  private static final Pattern DEBT_TITLE =
      Pattern.compile(
          "^(?:附表[一二三四五六七八九十]+)?(?<place>[^\\d年]{0,12}?)(?<year>(?:19|20)\\d{2})年(?:度)?(?:末)?"
              + "(?:地方)?政府债务(?:限额|余额)(?:及|和|、)(?:余额|限额)(?:决算)?(?:情况)?表$");

  /** Any other table's title: what is under it is not read. */
  private static final Pattern OTHER_TITLE = Pattern.compile("(?:19|20)\\d{2}年.{0,40}表$");

  private static final Pattern UNIT = Pattern.compile("单位[:：]\\s*(亿元|万元|元)");

  private static final Pattern AMOUNT =
      Pattern.compile("-?\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|-?\\d+(?:\\.\\d+)?");

  private static final Pattern YEAR = Pattern.compile("((?:19|20)\\d{2})年");

  /** A row's numbering and a 其中 before its label. */
  private static final Pattern LEAD =
      Pattern.compile("^(?:其中[：:]?)?(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\\d{1,2}[.．、])?");

  /** A row naming a budget's 收入 or 支出 (its 合计). */
  private static final Pattern NAMED =
      Pattern.compile("^(?:本年)?(?<budget>" + BUDGET + ")(?<dir>收入|支出)(?:合计|总计)?$");

  /** A row of a table's own total. */
  private static final Pattern TOTAL = Pattern.compile("^(?:本年)?(?<dir>收入|支出)?合计$");

  /** A row of money moved in or carried, not collected or spent: a total after it is no figure. */
  private static final Pattern TRANSFER =
      Pattern.compile("上解|调入|调出|转移支付收入|返还收入|补助收入|补助下级|债务收入|债券收入|转贷|还本|结转|结余|预算稳定调节|动用|上年");

  /** A column of a rate or of a comparison, not an amount. */
  private static final Pattern RATE_COLUMN = Pattern.compile("[%％]|为|比|增减|增长|占");

  /** The figures {@code d}'s tables state; {@code place} is its government's (北京市), or null. */
  static List<IndicatorValue> read(DisclosureDocument d, String place) {
    List<IndicatorValue> out = new ArrayList<>();
    // traditional characters folded (財政預算 as 财政预算), one for one: offsets stay the clean text's,
    // and a statement quotes the words as written (d.text()'s, at the same places)
    String text = ScriptFold.simplify(d.text());
    Table table = null;
    int at = 0;
    while (at <= text.length()) {
      int nl = text.indexOf('\n', at);
      int end = nl < 0 ? text.length() : nl;
      String line = text.substring(at, end);
      String written = d.text().substring(at, end);
      String flat = fold(line.replaceAll("[\\s\t]", ""));
      Matcher t = TITLE.matcher(flat);
      Matcher debt = DEBT_TITLE.matcher(flat);
      Matcher m = t.matches() ? t : debt.matches() ? debt : null;
      if (m != null) {
        Table next =
            ours(m, place, m == debt)
                ? new Table(flat, fold(written.replaceAll("[\\s\t]", "")), m, m == debt)
                : null;
        // a table's title repeated on each of its pages: the same table goes on
        if (table == null || next == null || !table.title.equals(next.title)) {
          if (table != null) table.finish(out);
          table = next;
        } else table.newPage();
      } else if (table != null
          && OTHER_TITLE.matcher(flat).find()
          && (line.indexOf('\t') < 0 || !hasAmount(line.split("\t", -1)))) {
        // another table's title, set as a line or spread over a row's cells (北京市 2022 | | 年…明细表)
        table.finish(out);
        table = null;
      } else if (table != null) {
        Matcher u = UNIT.matcher(flat);
        if (u.find()) table.unit = u.group(1);
        // the unit's line (表一 | 单位：万元) is no header
        else if (line.indexOf('\t') >= 0 && table.unit != null)
          table.row(d, place, line, written, at, out);
      }
      if (nl < 0) break;
      at = nl + 1;
    }
    if (table != null) table.finish(out);
    return out;
  }

  /**
   * Whether a title names the report's own government: its place (北京市2022年…), or a level word alone
   * (2025年市本级…). A title naming neither says nothing of whose budget it is (a package's 全市 and 市级
   * tables look alike without it): not read.
   */
  private static boolean ours(Matcher title, String place, boolean debt) {
    String said = title.group("place");
    if (said.isEmpty()) return !debt && title.group("level") != null;
    return place != null && said.equals(place);
  }

  /** One column's meaning: its role and period, or null for a column not read. */
  private record Column(Role role, Scope.Period period, String kind, String measure) {}

  /** A table being read: its title's meaning, its header, and the figures its rows gave. */
  private static final class Table {
    final String title;

    /** The title as written, for what a statement quotes. */
    final String shown;

    final int year;
    final Scope.Whose whose;
    final String budget;
    final String dir;
    final boolean debt;
    String unit;

    /** The header's lines, cell by cell, until the first row of figures. */
    final List<String[]> header = new ArrayList<>();

    boolean body;
    boolean named;
    boolean transferred;
    final List<IndicatorValue> totals = new ArrayList<>();

    Table(String title, String shown, Matcher m, boolean debt) {
      this.title = title;
      this.shown = shown;
      this.year = Integer.parseInt(m.group("year"));
      this.debt = debt;
      if (debt) {
        whose = Scope.Whose.WHOLE;
        budget = "政府债务";
        dir = "";
      } else {
        String level = m.group("level");
        whose =
            level == null || level.startsWith("全")
                ? Scope.Whose.WHOLE
                : level.contains("本级") ? Scope.Whose.SELF : Scope.Whose.LEVEL;
        budget = budget(m.group("budget"));
        dir = m.group("dir");
      }
    }

    /** The title again on the next page: its header is read anew. */
    void newPage() {
      header.clear();
      body = false;
    }

    void row(
        DisclosureDocument d,
        String place,
        String line,
        String written,
        int at,
        List<IndicatorValue> out) {
      String[] cells = line.split("\t", -1);
      String[] shownCells = written.split("\t", -1); // the same cells as written: one for one
      if (!body && !hasAmount(cells)) {
        header.add(cells);
        return;
      }
      body = true;
      // the label of each amount: the nearest text cell before it
      String label = null, shownLabel = null;
      int offset = at;
      for (int c = 0; c < cells.length; c++) {
        String cell = cells[c];
        String folded = fold(cell.strip());
        int cellAt = offset;
        offset += cell.length() + 1;
        if (folded.isEmpty()) continue;
        if (!AMOUNT.matcher(folded).matches()) {
          label = LEAD.matcher(folded.replaceAll("\\s", "")).replaceFirst("");
          shownLabel =
              LEAD.matcher(fold(shownCells[c].strip()).replaceAll("\\s", "")).replaceFirst("");
          if (!debt && TRANSFER.matcher(label).find()) transferred = true;
          continue;
        }
        if (label == null) continue;
        Column col = column(d, c);
        if (col == null) continue;
        Indicator ind = debt ? debtFigure(col) : figure(label, c);
        if (ind == null) continue;
        Scope.Whose who = debt ? debtWhose(label, place) : whose;
        if (who == null) continue;
        BigDecimal v = new BigDecimal(folded.replace(",", ""));
        double wan =
            switch (unit) {
              case "亿元" -> v.movePointRight(4).doubleValue();
              case "元" -> v.movePointLeft(4).doubleValue();
              default -> v.doubleValue();
            };
        int lead = cell.indexOf(cell.strip());
        int start = cellAt + Math.max(0, lead), end = start + cell.strip().length();
        IndicatorValue s =
            GovernmentFigures.statement(
                d,
                ind,
                v.doubleValue(),
                unit,
                folded + unit,
                wan,
                col.role,
                new Scope(who, Scope.Funds.ALL, col.period),
                start,
                end,
                shown + "：" + shownLabel + " " + folded,
                SourceKind.TABLE);
        if (TOTAL.matcher(label).matches()) totals.add(s);
        else out.add(s);
      }
    }

    /** The figure a row's label names in a budget's table, for the amount in column {@code c}. */
    private Indicator figure(String label, int c) {
      String d = direction(c);
      Matcher n = NAMED.matcher(label);
      if (n.matches()) {
        if (!budget(n.group("budget")).equals(budget)) return null;
        named = true;
        return indicator(budget, n.group("dir"));
      }
      if (label.equals("税收收入") && budget.equals("一般公共预算") && "收入".equals(d))
        return Indicator.GOV_TAX_REVENUE;
      Matcher t = TOTAL.matcher(label);
      if (!t.matches() || d == null) return null;
      if (t.group("dir") != null && !t.group("dir").equals(d)) return null;
      // a fund's total of money moved in is no figure; a social insurance fund's 收入合计 is its
      // income, transfers between funds included, as its reports state it
      if (transferred && !budget.equals("社会保险基金")) return null;
      return indicator(budget, d);
    }

    /** The direction of column {@code c}: the title's, or its side's in a table of both. */
    private String direction(int c) {
      if (!dir.equals("收支")) return dir;
      for (String[] h : header)
        for (int k = Math.min(c, h.length - 1); k >= 0; k--) {
          String w = h[k].strip();
          if (w.isEmpty()) continue;
          if (w.contains("收入") && !w.contains("支出")) return "收入";
          if (w.contains("支出") && !w.contains("收入")) return "支出";
          break;
        }
      return null;
    }

    /** The rows of the table's own total, unless a row named its budget's figure. */
    void finish(List<IndicatorValue> out) {
      if (!named) out.addAll(totals);
      totals.clear();
    }

    /**
     * The meaning of column {@code c}: its header's words over every header line, a group's words
     * carried over the empty cells to its right; null for a rate, a part of a group, a column of no
     * role.
     */
    private Column column(DisclosureDocument d, int c) {
      StringBuilder words = new StringBuilder();
      String sub = "";
      for (int r = 0; r < header.size(); r++) {
        String[] h = header.get(r);
        String w = c < h.length ? h[c].strip() : "";
        boolean last = r == header.size() - 1;
        // a group's words (2022年预算数 over 小计 | 经费支出 | 基本建设) stand over the empty cells to
        // their right; only the top line groups
        if (w.isEmpty() && r == 0 && !last)
          for (int k = Math.min(c, h.length) - 1; k > 0; k--)
            if (!h[k].strip().isEmpty()) {
              w = h[k].strip();
              break;
            }
        if (last && header.size() > 1) sub = w;
        words.append(w);
      }
      String all = fold(words.toString().replaceAll("\\s", ""));
      if (RATE_COLUMN.matcher(all).find()) return null;
      String kind = all.contains("一般债务") ? "一般" : all.contains("专项债务") ? "专项" : "";
      // a part of a group's amount (经费支出, 资本性支出 under 2022年预算数), not its 小计
      if (!debt && !sub.isEmpty() && !sub.matches(".*(?:小计|合计|预算|决算|执行|完成).*")) return null;
      String measure = all.contains("限额") ? "限额" : all.contains("余额") ? "余额" : "";
      if (debt && measure.isEmpty()) return null;
      int y = year;
      Matcher ym = YEAR.matcher(all);
      while (ym.find()) y = Integer.parseInt(ym.group(1));
      if (all.contains("上年")) y = year - 1;
      boolean adjusted = all.contains("调整预算");
      boolean budgeted =
          !adjusted && all.contains("预算") && !all.contains("决算") && !all.contains("执行");
      if (!debt && !adjusted && !budgeted && !all.matches(".*(?:决算|执行|完成).*")) return null;
      Timings.Timing t = Timings.timing(d, y, budgeted, "");
      if (t == null) return null;
      Role role = adjusted ? Role.ADJUSTED_BUDGET : t.role();
      return new Column(role, t.period(), kind, measure);
    }

    /** The debt's figure a column states: its limit or balance, of one kind or both. */
    private static Indicator debtFigure(Column col) {
      boolean limit = col.measure.equals("限额");
      return switch (col.kind) {
        case "一般" -> limit ? Indicator.GOV_DEBT_LIMIT_GENERAL : Indicator.GOV_DEBT_BALANCE_GENERAL;
        case "专项" -> limit ? Indicator.GOV_DEBT_LIMIT_SPECIAL : Indicator.GOV_DEBT_BALANCE_SPECIAL;
        default -> limit ? Indicator.GOV_DEBT_LIMIT : Indicator.GOV_DEBT_BALANCE;
      };
    }

    /**
     * Whose debt a row of a debt table is: the government's name (北京市) or 全市 is the whole, its 本级
     * (北京市本级, 市本级) its own level; a district's row or the districts' sum is none.
     */
    private static Scope.Whose debtWhose(String label, String place) {
      String own =
          place != null && label.startsWith(place) ? label.substring(place.length()) : label;
      if (own.isEmpty() && place != null || own.equals("全市") || own.equals("全县"))
        return Scope.Whose.WHOLE;
      if (own.equals("本级") || own.matches("[市县区]本级")) return Scope.Whose.SELF;
      return null;
    }
  }

  /**
   * {@code s} with full-width digits, commas, points and signs as ASCII (compatibility folding).
   */
  private static String fold(String s) {
    return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC);
  }

  private static boolean hasAmount(String[] cells) {
    for (int c = 1; c < cells.length; c++) {
      String f = fold(cells[c].strip());
      if (!f.isEmpty() && AMOUNT.matcher(f).matches() && !YEAR.matcher(f + "年").lookingAt())
        return true;
    }
    return false;
  }

  /** A budget's name as a figure's: 一般公共预算, 政府性基金, 国有资本经营, 社会保险基金. */
  private static String budget(String said) {
    for (String b : List.of("一般公共预算", "政府性基金", "国有资本经营", "社会保险基金"))
      if (said.startsWith(b)) return b;
    return said;
  }

  private static Indicator indicator(String budget, String dir) {
    boolean in = dir.equals("收入");
    return switch (budget) {
      case "一般公共预算" -> in ? Indicator.GOV_GENERAL_REVENUE : Indicator.GOV_GENERAL_EXPENDITURE;
      case "政府性基金" -> in ? Indicator.GOV_FUND_REVENUE : Indicator.GOV_FUND_EXPENDITURE;
      case "国有资本经营" -> in ? Indicator.GOV_CAPITAL_REVENUE : Indicator.GOV_CAPITAL_EXPENDITURE;
      default -> in ? Indicator.GOV_SOCIAL_REVENUE : Indicator.GOV_SOCIAL_EXPENDITURE;
    };
  }
}
