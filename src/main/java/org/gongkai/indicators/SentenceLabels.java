package org.gongkai.indicators;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.text.Starts;

/**
 * The labels of a sentence and whether each names the report's own figure: the wordings of totals
 * written without their kind, and the words before a label that make it the department's (本部门,
 * 某某局部门, the money's name), a part's or another body's (综合保障经费项目支出, 有关部门), a change (减少安排公务接待费) or
 * nothing at all (未安排). {@link SentenceFigures} reads each label's number.
 */
final class SentenceLabels {

  private SentenceLabels() {}

  /**
   * Labels of totals that do not say which total they are: {@code 收入预算X万元}, {@code 本部门收入预算为X},
   * {@code 本单位收入为X}, {@code 1、收入：X万元}; the spending side alike. See SentenceFigures' class comment.
   */
  private static final Starts INCOME_BUDGET = new Starts(budgetLabel("收入"), "收");

  private static final Starts SPENDING_BUDGET = new Starts(budgetLabel("支出"), "支");

  private static final Starts PLAIN_INCOME = new Starts(plainLabel("收入"), "本部单收");

  private static final Starts PLAIN_SPENDING = new Starts(plainLabel("支出"), "本部单支");

  /** {@code 收入预算}, {@code 收入总预算} (not 收入预算合计, 收入预算总计, 收入预算数为). */
  private static Pattern budgetLabel(String side) {
    return Pattern.compile(side + "总预算|" + side + "预算(?!合计|总计|总额|小计|数为?\\s*[0-9])");
  }

  /**
   * {@code 本单位收入为X}, {@code 部门收入：X}, {@code 1、收入：X}: the year's total, unless its own breakdown
   * lists a carry-over (then the grand total).
   */
  private static Pattern plainLabel(String side) {
    return Pattern.compile(
        "(?:本部门|本单位|部门|单位)(?:全年|年度|本年)?"
            + side
            + "(?:总额|总数)?(?=\\s*(?:为|是|共|[：:])?\\s*[0-9０-９])"
            + "|(?<=^|[、.．]\\s{0,2})"
            + side
            + "(?=\\s*[：:]\\s*[0-9０-９])");
  }

  /** A total of both sides ({@code 收支总预算X}, {@code 年度总收入X}): the grand total. */
  private static final Starts GRAND_EXTRA =
      new Starts(Pattern.compile("收支总预算|收支预算总额|总收入|总支出|收入预算总额|支出预算总额|预算收入总额|预算支出总额"), "收总支预");

  /** The year's income alone, however named ({@code 包括本年收入X万元}, {@code 本年预算收入X}). */
  private static final Starts YEAR_INCOME =
      new Starts(Pattern.compile("[本当]年(?:预算)?收入(?:预算)?(?!合计|总计|小计)"), "本当");

  private static final Starts YEAR_SPENDING =
      new Starts(Pattern.compile("[本当]年(?:预算)?支出(?:预算)?(?!合计|总计|小计)"), "本当");

  /** A label found in a sentence: which indicator, where, and the family of wording it is. */
  record Label(Indicator indicator, int start, int end, String text, String family) {}

  /** Every label of a sentence, the indicators' own and the totals written without their kind. */
  static List<Label> labels(String sentence) {
    List<Label> out = new ArrayList<>();
    for (Indicator ind : Indicator.values()) {
      if (ind.government() || !ind.mayLabel(sentence)) continue;
      Matcher m = ind.pattern.matcher(sentence);
      while (m.find()) out.add(new Label(ind, m.start(), m.end(), m.group(), ind.id));
    }
    // each family's wordings all hold the words given (总收入, 收支总预算 … all say 总)
    if (sentence.indexOf('总') >= 0)
      addLabels(out, sentence, GRAND_EXTRA, Indicator.GRAND_TOTAL, "grand_total");
    // 本年收入预算X is the year's own income (本年收入合计), not the income budget's grand total
    if (sentence.contains("本年") || sentence.contains("当年")) {
      addLabels(out, sentence, YEAR_INCOME, Indicator.INCOME_TOTAL, "year_income");
      addLabels(out, sentence, YEAR_SPENDING, Indicator.EXPENDITURE_TOTAL, "year_spending");
    }
    if (sentence.contains("预算")) {
      addLabels(out, sentence, INCOME_BUDGET, Indicator.GRAND_TOTAL, "income_budget");
      addLabels(out, sentence, SPENDING_BUDGET, Indicator.GRAND_TOTAL, "spending_budget");
    }
    if (sentence.contains("收入"))
      addLabels(out, sentence, PLAIN_INCOME, Indicator.INCOME_TOTAL, "plain_income");
    if (sentence.contains("支出"))
      addLabels(out, sentence, PLAIN_SPENDING, Indicator.EXPENDITURE_TOTAL, "plain_spending");
    out.sort(Comparator.comparingInt(Label::start));
    return out;
  }

  /** Labels of a wording family that no indicator's own label already covers at that place. */
  private static void addLabels(
      List<Label> out, String sentence, Starts p, Indicator ind, String family) {
    Starts.Scan m = p.in(sentence);
    while (m.find()) {
      int s = m.start(), e = m.end();
      boolean covered = out.stream().anyMatch(l -> l.start() < e && s < l.end());
      if (!covered) out.add(new Label(ind, s, e, m.group(), family));
    }
  }

  /** Before 安排/支出: a change (减少安排, 压缩开支) or one part's money (项目支出安排). */
  private static final Pattern CHANGED_OR_PART =
      Pattern.compile("减|增|压|缩|节约|节省|控制|少安排|多安排|基本支出|项目支出");

  /**
   * Words before a 政府采购 label (or one of its kinds, 货物 …) in its clause that make its amount a
   * share or a part: the share kept for small firms (面向中小企业预留, 授予小微企业), centralised or scattered
   * purchases, a project's.
   */
  private static final Pattern PROCUREMENT_PART =
      Pattern.compile("中小企业|小微|小型|微型|预留|面向|授予|集中|分散|涉及|项目|所属|下属");

  /** The words of a label's clause before it (back to the last comma, stop or colon). */
  private static String clauseBefore(String s, int start) {
    int from = start;
    while (from > 0 && start - from < 40 && "，,。；;：:\n".indexOf(s.charAt(from - 1)) < 0) from--;
    return s.substring(from, start);
  }

  /** The words before a “三公” label that name whose or which money's it is. */
  private static final Pattern THREE_PUBLIC_SUBJECT = Pattern.compile("(?:部门|单位|安排|公共预算|支出|开支)$");

  /**
   * Whether the label is the indicator itself and not part of a longer name: {@code 综合保障经费项目支出} is
   * one project's spending, {@code 基金预算收入} a fund's. A total preceded by the money it is about
   * ({@code 财政拨款收入支出总计}) is that money's total: its scope says so.
   */
  static boolean standsAlone(String s, int start, Indicator ind, String family) {
    // 出国（境）经费 without 因公: the “三公” item only where the sentence speaks of “三公” or says
    // none was arranged (a project's 其中：会议费…、出国（境）经费X is the project's)
    if (ind == Indicator.OVERSEAS_TRAVEL
        && !s.startsWith("因公", start)
        && !s.contains("三公")
        && !statesNone(s, start)) return false;
    if (start == 0) return true;
    if (ind == Indicator.FISCAL_INCOME) {
      String before = s.substring(Math.max(0, start - 4), start);
      if (before.endsWith("预算") || before.endsWith("基金")) return false;
    }
    if (ind == Indicator.PERFORMANCE_SCORE)
      return true; // checked by its own rule: the sentence must say 整体
    char c = s.charAt(start - 1);
    if (Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN) return true;
    if (ind == Indicator.STAFF_RETIRED) {
      // 其中退休人员, 现有离退休人员: the whole's; 退休职工 of a project's beneficiaries has no count
      String b = s.substring(Math.max(0, start - 4), start);
      if (b.endsWith("其中") || b.endsWith("现有") || b.endsWith("另有")) return true;
      // 为退休职工56人发放…: the people a payment serves, not a count of the department's
      if (c == '为' && s.startsWith("职工", start + 2)) return false;
      return STAFF_SUBJECT_END.indexOf(c) >= 0;
    }
    if (ind == Indicator.STAFF_QUOTA || ind == Indicator.STAFF_ACTUAL) {
      // 在职人员编制496人, 现有在职 12 人: the whole staff; 工勤人员编制26人 is one kind's part
      String b = s.substring(Math.max(0, start - 6), start);
      if (b.endsWith("在职人员") || b.endsWith("现有") || b.endsWith("实有")) return true;
      // 总编制36名, 总编制数25人: the whole's
      if (ind == Indicator.STAFF_QUOTA && c == '总') return true;
      if (STAFF_SUBJECT_END.indexOf(c) >= 0) return true; // 本单位实有人员, 本局编制
      if (b.endsWith("人员")) {
        char d = start >= 3 ? s.charAt(start - 3) : ' ';
        return Character.UnicodeScript.of(d) != Character.UnicodeScript.HAN
            || STAFF_SUBJECT_END.indexOf(d) >= 0;
      }
    }
    if (family.equals("income_budget")
        || family.equals("spending_budget")
        || family.equals("grand_total")
        || family.equals("plain_income")
        || family.equals("plain_spending")) {
      // 收入预算 after the issuer's name, 部门/单位 or the year (the money's name aside: 财政拨款收入预算):
      // the total; after a source's or a use's name (事业收入预算, “三公”经费财政拨款支出预算) a part of it
      String subject =
          FUNDS_AT_END.matcher(s.substring(Math.max(0, start - 16), start)).replaceFirst("");
      if (subject.isEmpty()) return true;
      // 单位财务总收入X: the unit's whole income
      if (family.equals("grand_total") && subject.endsWith("财务")) return true;
      char last = subject.charAt(subject.length() - 1);
      return Character.UnicodeScript.of(last) != Character.UnicodeScript.HAN
          || WHOLE_SUBJECT_END.indexOf(last) >= 0;
    }
    String before = s.substring(Math.max(0, start - 6), start);
    // 本部门“三公”经费, 财政拨款安排“三公”经费, 一般公共预算“三公”经费: the body or the money whose
    // “三公”经费 it is (压减“三公”经费, 节约“三公”经费 are no statement of its amount)
    if (Reading.THREE_PUBLIC_FAMILY.contains(ind) && THREE_PUBLIC_SUBJECT.matcher(before).find()) {
      // 减少安排公务接待费X (a change), 项目支出安排“三公”经费X (a part's): not the amount
      String lead = s.substring(Math.max(0, start - 10), start);
      return !CHANGED_OR_PART.matcher(lead).find();
    }
    if (before.endsWith("政府采购")) return false; // 政府采购支出总额 is an indicator of its own
    // 财政拨款收入支出总计, 一般公共预算财政拨款基本支出: a total or item of one kind of money
    if (before.endsWith("财政拨款")) return true;
    // 面向中小企业预留的政府采购预算, 政府集中采购预算总额, 某项目涉及政府采购金额: a share or a part
    if ((ind == Indicator.PROCUREMENT_TOTAL || Reading.PROCUREMENT_PARTS.contains(ind))
        && PROCUREMENT_PART.matcher(clauseBefore(s, start)).find()) return false;
    // 一般公共预算机关运行经费, 本部门政府性基金预算项目支出: the money's name aside, the subject decides
    // (本单位, 本部门, 2026 年; not 综合保障经费 as in 综合保障经费项目支出, a project's)
    String window = s.substring(Math.max(0, start - 16), start);
    String subject = FUNDS_AT_END.matcher(window).replaceFirst("");
    if (subject.isEmpty()) return true;
    char last = subject.charAt(subject.length() - 1);
    if (Character.UnicodeScript.of(last) != Character.UnicodeScript.HAN) return true;
    if (subject.endsWith("本单位") || subject.endsWith("我单位") || ownDepartment(subject)) return true;
    // 2023年度部门名称政府采购支出总额: the template's placeholder for the department's name, left in
    if (subject.endsWith("部门名称") || subject.endsWith("单位名称")) return true;
    // after the money's name, only the year or a list's 其中 besides: 下属某某中心一般公共预算机关运行经费 is
    // a unit's
    if (subject.length() < window.length()) return "度年为中：".indexOf(last) >= 0;
    // 2024 年度机关运行经费, 其中：基本支出, 武汉市汉阳区总工会整体绩效… (an issuer's name ends in 会, 局 …),
    // 实际政府采购支出总额 (the actual's)
    return "度中年为的及和与计：是无共其本款数会局委办院厅室站所心级际".indexOf(last) >= 0;
  }

  /**
   * Whether a subject ends by naming the report's own department: 本部门, 我部门, 部门 alone, or after the
   * issuer's name or the year (某某局部门, 2026年部门) — not 有关部门, 各部门, 主管部门, 其他部门, 政府部门, 党委部门 (other
   * bodies, or all of them; an issuer ending in 委 writes 委员会部门).
   */
  private static boolean ownDepartment(String subject) {
    if (!subject.endsWith("部门")) return false;
    if (subject.length() == 2) return true;
    char c = subject.charAt(subject.length() - 3);
    return Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN
        || OWN_DEPARTMENT_AFTER.indexOf(c) >= 0;
  }

  /**
   * How an issuer's name ends: 局, 办, 院, 处, 中心 … — not 委 or 部, which end other bodies too (党委, 市委,
   * 内部); each list below adds what its subjects may end in besides.
   */
  private static final String ISSUER_END = "局办院厅室站所心会处队校馆团社盟联园";

  /** What 部门 follows where it is this department: 本部门, 我部门, 2026年部门, 某某局部门. */
  private static final String OWN_DEPARTMENT_AFTER = "本我年度" + ISSUER_END;

  /** How the subject before a whole staff count ends: the issuer, 本部门, 共 (not 行政, 工勤 …). */
  private static final String STAFF_SUBJECT_END = ISSUER_END + "委部门位有共计为";

  /** The name of the money a label is about, just before it ({@code 财政拨款}, {@code 一般公共预算拨款}). */
  private static final Pattern FUNDS_AT_END =
      Pattern.compile("(?:财政拨款|一般公共预算(?:拨款|财政拨款)?|政府性基金(?:预算)?(?:拨款|财政拨款)?|国有资本经营预算(?:拨款|财政拨款)?)$");

  /**
   * How a subject naming the whole issuer, or a year, ends: 局, 委, 办, 院, 处 … (an issuer's name), 部门,
   * 单位, 年, 年度, 为, 的.
   */
  private static final String WHOLE_SUBJECT_END = "度年位门" + ISSUER_END + "委部中为的";

  /** {@code 本单位当年无财政拨款“三公”经费支出}, {@code 未安排出国（境）经费}: the sentence says the amount is nothing. */
  static boolean statesNone(String s, int labelStart) {
    String before = s.substring(Math.max(0, labelStart - 8), labelStart);
    return before.contains("无") && !before.contains("无法")
        || before.endsWith("未安排")
        || before.endsWith("没有安排");
  }

  /**
   * The words of a label's clause right before it, the money's names left out ({@code 一般公共预算} is a
   * kind of money, not a budget): {@code 年初预算安排}, {@code 上年}.
   */
  static String leadOf(String sentence, int labelStart) {
    int from = Math.max(0, labelStart - 10);
    for (int i = labelStart - 1; i >= from; i--)
      if ("，,；;。：:".indexOf(sentence.charAt(i)) >= 0) {
        from = i + 1;
        break;
      }
    return sentence.substring(from, labelStart).replace("公共预算", "").replace("财政预算拨款", "");
  }
}
