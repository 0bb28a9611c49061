package org.gongkai.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.model.ReportKind;

/**
 * A city's (county's, province's) own budget reports: the finance bureau's report to the People's
 * Congress on last year's execution and this year's draft ({@code 关于某某市2024年预算执行情况和2025年预算草案的报告}),
 * the final-accounts report ({@code 关于某某市2023年市级决算（草案）的报告}, {@code
 * 某某市人民政府关于2023年市级决算和2024年上半年预算执行情况的报告}) and their table packages ({@code 某某市2022年市级决算}). They
 * speak of a whole government's money, in 亿元, and no department's rule may read them.
 *
 * <p>Told by their title block — a title that names a government's budget or accounts (预算执行情况,
 * 预算草案, 市级/全市/本级/财政 决算, a level's 一般公共预算收入…) and no department or unit — confirmed by their
 * opening: addressed to the People's Congress or on the government's behalf (人民代表大会, 人大常委会,
 * 受市人民政府委托), or stating a level's 一般公共预算收入 (全市, 市级, 市本级 …). Either alone is not enough: a
 * department's report quotes the city's revenue, and a notice about the city's budget names it.
 */
final class GovernmentReports {

  private GovernmentReports() {}

  /**
   * A recognised report: its title as its block states it, its kind, its year (a final account's,
   * or a budget's draft year), every year its title names in order, and the place it names (null
   * when it names none: {@code 市人民政府关于2024年市级决算…}).
   */
  record Recognised(String title, ReportKind kind, int year, List<Integer> years, String place) {}

  /** How many of the opening's lines may stand above the title (会议文件 lines, the government). */
  private static final int TITLE_LINES = 10;

  /**
   * A line of a page's table of its own facts, above a report's title on a government site's page
   * (索引号, 发布机构, 成文日期, 主题分类, 体裁分类, 发文字号, 有效性 …) or its buttons (打印, 纠错, 分享到).
   */
  private static final Pattern PAGE_FACT =
      Pattern.compile(
          "^(?:索引号|发布机构|发文机关|发布单位|成文日期|发布日期|发布时间|主题分类|体裁分类|主题词|发文字号|文号|有效性"
              + "|信息来源|来源|所属主题|公开方式|公开范围|公开时限|浏览次数|字号|字体)\\s*[:：]?"
              + "|^(?:打印|纠错|分享到|关闭(?:窗口)?|【?[大中小]】?)(?:\\s*(?:打印|纠错|分享到|关闭|[大中小]))*$");

  /** A heading's number opening a line: 一、 （一） 1. */
  private static final Pattern NUMBERED =
      Pattern.compile("[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\\d]{1,3}[）)]|\\d{1,2}[、.．](?!\\d)");

  /** A table's name ending a line (…预算表, …情况表（一）). */
  private static final Pattern TABLE_NAME =
      Pattern.compile("表(?:[（(][^）)]{1,6}[）)]|[一二三四五六七八九十\\d])?$");

  /** A title longer than this is prose, not a title block. */
  private static final int TITLE_MAX = 80;

  /** What a government's budget or accounts title says (spaces removed). */
  private static final Pattern GOVERNMENT_TITLE =
      Pattern.compile(
          "预算执行情况|预算执行(?:及|和|与)|预算草案|"
              + org.gongkai.government.GovernmentFigures.ADJUSTMENT_TITLE.pattern()
              + "|(?:市级|市本级|县级|县本级|区级|区本级|本级|全市|全县|全区|全省|省级|财政|总)决算|决算草案"
              + "|年(?:市级|市本级|全市|县级|全县|区级|全区|省级|全省)(?:地方)?(?:一般公共预算|政府性基金预算|国有资本经营预算|社会保险基金预算)"
              // 某某区人民政府关于2022年决算(草案)的报告, 2023年政府决算公开, 财政收支决算报告
              + "|人民政府关于.{0,30}(?:预算|决算)|政府(?:预算|决算)|收支决算|决算[（(]草案[）)]"
              + "|\\d{4}年度?决算(?:情况)?的?报告");

  /** A department's or unit's report, or a news item or notice about the budget. */
  private static final Pattern NOT_GOVERNMENT =
      Pattern.compile(
          "部门|单位|学校|医院|通知|公告|解读|新闻|答记者问|审计|意见|办法|公开目录"
              // the congress's own papers on the report (审查结果报告, 决议, 调研报告) and news of its session
              + "|审查|决议|调研|会议审议");

  /** The opening of a report to the People's Congress, or one stating a level's revenue. */
  private static final Pattern CONFIRMED =
      Pattern.compile(
          "人民代表大会|人大常委会|人大.{0,6}次会议|(?:市|县|区|省)?(?:人民)?政府(?:的)?委托"
              // 公共财政预算 and 一般预算 are 一般公共预算's names before 2015, still written by some counties
              + "|(?:全市|全县|全区|全省|全旗|全州|市级|县级|区级|旗级|省级|市本级|县本级|区本级|旗本级)(?:地方)?"
              + "(?:一般公共预算|公共财政预算|一般预算)总?收入"
              // a package's tables only a government has: what it passes down to the levels below
              // it
              // (对下税收返还和转移支付), its debt's limits (一般债务和专项债务限额和余额情况表)
              + "|对下(?:税收返还和)?转移支付|(?:一般|专项)债务(?:和专项债务)?限额");

  /** The end of a title: its report, explanation or draft, with a closing aside ((书面)). */
  private static final Pattern TITLE_END =
      Pattern.compile("(?:报告|说明|草案|决算)(?:[（(][^）)]{1,8}[）)])?$");

  /** A line that goes on a title broken over lines. */
  private static final Pattern CONTINUES = Pattern.compile("报告|说明|预算|决算|执行|草案|情况|的$|^和|^与|^及");

  /** An amount of money. */
  private static final Pattern AMOUNT = Pattern.compile("\\d\\s*(?:亿元|万元)");

  /** A line that joins a second report to the title above it. */
  private static final Pattern JOINS = Pattern.compile("^[和与及]");

  /** The date line or speaker under a title. */
  private static final Pattern BELOW_TITLE = Pattern.compile("^[—–\\-－(（]|会议上|\\d+月\\d+日|局长");

  /** A partial year's execution reported beside a final account (上半年, 1—6月份). */
  private static final Pattern HALF_YEAR = Pattern.compile("上半年|1\\s*[-—–~至]\\s*6\\s*月");

  private static final Pattern YEAR = Pattern.compile("((?:19|20)\\d{2})年");

  /** What makes a year a day's date (2024年8月27日): no year a report speaks of. */
  private static final Pattern DATE_AFTER = Pattern.compile("\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日");

  /** The government above the title block (南宁市人民政府 / 关于2022年南宁市本级决算的报告). */
  private static final Pattern GOVERNMENT_LINE =
      Pattern.compile("^(\\p{IsHan}{2,12}?[省市县区州盟旗])人民政府$");

  /** The place a title names: 关于北京市2024年…, 南昌市人民政府关于…, 关于2022年南宁市本级决算. */
  private static final Pattern TITLE_PLACE =
      Pattern.compile(
          "^(\\p{IsHan}{2,12}?[省市县区州盟旗])人民政府"
              + "|关于(\\p{IsHan}{2,12}?[省市县区州盟旗])(?=\\d|及|与|和|本级|市级)"
              + "|^(\\p{IsHan}{2,12}?[省市县区州盟旗])(?=\\d{4}年)"
              + "|年(\\p{IsHan}{2,12}?[市县区州盟旗])(?=本级|级决算)");

  /** A level's word, never a place: 全市, 市级, 本级. */
  private static final Pattern NOT_A_PLACE = Pattern.compile("^(?:全|本|我)|级$");

  /**
   * The government report whose title block stands in {@code opening} (folded text: NFKC,
   * simplified), or null.
   */
  static Recognised recognise(String opening) {
    if (opening == null) return null;
    List<String> lines = new ArrayList<>();
    for (String l : opening.split("\n")) {
      String t = l.replace('\f', ' ').strip();
      // a page's own facts above its title (索引号, 发布机构, 成文日期 …, 打印 纠错): no line of its opening
      if (!t.isEmpty() && !PAGE_FACT.matcher(t).find()) lines.add(t);
      if (lines.size() >= TITLE_LINES + 3) break;
    }
    boolean rejected = false;
    for (int i = 0; i < Math.min(TITLE_LINES, lines.size()); i++) {
      String line = lines.get(i);
      // a page's table of its own facts (文号: | 所属主题: | 财政预决算 |) holds no title
      if (line.length() > TITLE_MAX
          || line.indexOf('\t') >= 0
          || line.indexOf('|') >= 0
          || line.contains("……")
          // the speech's own sentence (我受区人民政府的委托，…作关于…的报告。) is no title block
          || line.endsWith("。")
          || SPEECH.matcher(line).find()) continue;
      if (!line.contains("预算") && !line.contains("决算") && !line.contains("决鼻")) continue;
      // a contents' entry (1、一般公共预算收入预算表, 3.2023年全县一般公共预算收支决算表): a table's name
      if (NUMBERED.matcher(line).lookingAt() && TABLE_NAME.matcher(line).find()) continue;
      // below a title rejected (…报告解读), a numbered heading (一、2025年预算执行情况) is that page's
      // part, not a report's title
      if (rejected && NUMBERED.matcher(line).lookingAt()) continue;
      // a headline stating a figure (2023年全市一般公共预算总收入637.58亿元) is news, not a title
      if (AMOUNT.matcher(line).find()) continue;
      StringBuilder title = new StringBuilder(line);
      for (int j = i + 1; j < Math.min(i + 3, lines.size()); j++) {
        String next = lines.get(j);
        // 关于济南市2022年市级决算 / 和2023年上半年预算执行情况的报告: a title goes on after 和
        if (TITLE_END.matcher(squeeze(title)).find() && !JOINS.matcher(next).find()) break;
        if (BELOW_TITLE.matcher(next).find() || !CONTINUES.matcher(next).find()) break;
        if (title.length() + next.length() > TITLE_MAX) break;
        title.append(next);
      }
      String t = squeeze(title);
      if (!GOVERNMENT_TITLE.matcher(t).find()) continue;
      if (NOT_GOVERNMENT.matcher(t).find()) {
        // a department's (a notice's, an audit's) title: its speech names no government's report
        rejected = true;
        continue;
      }
      if (!CONFIRMED.matcher(opening).find()) return null;
      // the government above its title (南宁市人民政府 / 关于2022年南宁市本级决算的报告) is part of it
      if (i > 0
          && GOVERNMENT_LINE.matcher(squeeze(lines.get(i - 1))).matches()
          && !t.contains("人民政府")) t = squeeze(lines.get(i - 1)) + t;
      return of(t);
    }
    return rejected ? null : saidInOpening(opening);
  }

  /**
   * A report speaking to its congress: addressed to its deputies or members, on the government's
   * behalf.
   */
  private static final Pattern SPEECH = Pattern.compile("各位代表|各位委员|各位副主任|受.{0,12}委托");

  /**
   * Addressed to the deputies or the standing committee's members (a news item about it is not).
   */
  private static final Pattern SALUTATION = Pattern.compile("各位代表|各位委员|各位副主任");

  /** A body's own report (我局, 本部门), not its government's. */
  private static final Pattern OWN_BODY = Pattern.compile("我[局委厅办院]|本[局委厅办]|本部门|本单位");

  /** The report naming itself in its opening sentence: 作关于…的报告, 现将…报告如下. */
  private static final Pattern SAID_TITLE =
      Pattern.compile("(关于[^。；;，,：:\\n]{4,60}?的报告)|现将([^。；;，,：:\\n]{4,60}?)报告如下");

  /** How far into the opening a report names itself. */
  private static final int SAID_WITHIN = 400;

  /**
   * A report whose title block is missing (a page's excerpt opening with the speech, a reprint
   * under a portal's headline) that names itself in its opening sentence to its congress ({@code
   * 作关于2023年区本级决算和2024年上半年预算执行情况的报告}, {@code 现将全县2019年财政决算(草案)报告如下}): that title, when it names a
   * government's budget or accounts and no department's.
   */
  private static Recognised saidInOpening(String opening) {
    String head = squeeze(opening.substring(0, Math.min(opening.length(), SAID_WITHIN * 2)));
    head = head.substring(0, Math.min(head.length(), SAID_WITHIN));
    if (!SALUTATION.matcher(head).find() || !CONFIRMED.matcher(opening).find()) return null;
    Matcher m = SAID_TITLE.matcher(head);
    if (!m.find()) return null;
    String t = m.group(1) != null ? m.group(1) : "关于" + m.group(2) + "的报告";
    if (!GOVERNMENT_TITLE.matcher(t).find()
        || NOT_GOVERNMENT.matcher(t).find()
        || NOT_A_BUDGET_REPORT.matcher(t).find()
        || OWN_BODY.matcher(t).find()) return null;
    return of(t);
  }

  /** A level's statement of the general budget's revenue or spending with its amount. */
  private static final Pattern LEVEL_STATEMENT =
      Pattern.compile(
          "(?:全市|全县|全区|全省|全旗|市级|县级|区级|旗级|省级|市本级|县本级|区本级|旗本级|(?<!\\p{IsHan})本级)"
              + "(?:地方)?(?:一般公共预算|公共财政预算|一般预算)总?(?:当年|本级)?(?:收入|支出)"
              + "[^。；;\\n]{0,12}?\\d");

  /**
   * What only a government's budget balances: its debt's repayment and on-lending, its
   * stabilisation fund, what it pays up to the level above, its transfers (a department's report
   * has none of them).
   */
  private static final Pattern GOVERNMENT_BALANCE =
      Pattern.compile("债务还本支出|债务转贷收入|转贷收入|预算稳定调节基金|上解(?:上级)?支出|转移性(?:收入|支出)");

  /**
   * What states a city's revenue and is no budget report: a statistical bulletin, an economy's
   * review, an audit, a government's (or a bureau's) work report or summary, a month's release.
   */
  private static final Pattern NOT_A_BUDGET_REPORT =
      Pattern.compile("统计公报|国民经济和社会发展|审计|工作报告|工作总结|工作计划|月份|截至\\d{1,2}月|\\d{1,2}月末|快报|简报");

  /** A body below or beside the government: a zone, a township, a street office. */
  private static final Pattern OTHER_BODY = Pattern.compile("开发区|高新区|园区|管委会|街道办|[乡镇](?:人民政府|财政所)");

  /** How much of a text's opening names what it is (its title, its page's headline). */
  private static final int OPENING = 300;

  /** How much of it is its headline. */
  private static final int HEADLINE = 80;

  /** What only a department's (or unit's) report has: its profile, duties, its summary tables. */
  private static final Pattern DEPARTMENT_REPORT =
      Pattern.compile("部门概况|单位概况|部门(?:主要)?职责|机构设置|收支(?:预算|决算)?总表|部门收入|部门支出|单位收入|单位支出");

  /**
   * The government report a text is when its title block was not recognised (a page's own headline
   * above it, a reprint): one that states a level's general-budget figures at least twice and has
   * nothing of a department's report — never to be read as a department's. Its kind follows its
   * title's word (决算), its year the title's; null when the text is a department's or says less.
   */
  static Recognised speaksOfGovernment(String title, String head, Integer year) {
    if (head == null || DEPARTMENT_REPORT.matcher(head).find()) return null;
    // its title, or its opening's first words (a page's chrome says 责任部门, 发布单位: not the title's
    // words of a department)
    String opening = head.substring(0, Math.min(head.length(), OPENING));
    String headline = head.substring(0, Math.min(head.length(), HEADLINE));
    if (title != null
            && (NOT_A_BUDGET_REPORT.matcher(title).find()
                || NOT_GOVERNMENT.matcher(title).find()
                || OTHER_BODY.matcher(title).find())
        || NOT_A_BUDGET_REPORT.matcher(opening).find()
        || OTHER_BODY.matcher(headline).find()) return null;
    int statements = 0;
    for (Matcher m = LEVEL_STATEMENT.matcher(head); m.find() && statements < 2; ) statements++;
    // one statement beside two words of a government's budget balance (税收收入, 债务还本支出 …)
    java.util.Set<String> balance = new java.util.HashSet<>();
    for (Matcher m = GOVERNMENT_BALANCE.matcher(head); m.find() && balance.size() < 2; )
      balance.add(m.group());
    if (statements < 2 && (statements < 1 || balance.size() < 2)) return null;
    Recognised titled = title == null ? null : of(squeeze(title));
    if (titled != null && titled.kind() == ReportKind.GOVERNMENT_BUDGET) {
      // a page's own headline (2023年全市一般公共预算总收入637.58亿元) names the year executed; the
      // report drafts the year after it when it speaks of it (滨州's 2024, not 2023) — never a plan's
      // horizon further on (到2035年)
      int latest = titled.year();
      for (Matcher y = YEAR.matcher(head); y.find(); )
        if (Integer.parseInt(y.group(1)) == titled.year() + 1) latest = titled.year() + 1;
      if (latest != titled.year())
        return new Recognised(
            titled.title(), titled.kind(), latest, List.of(titled.year(), latest), titled.place());
    }
    if (titled != null) return titled;
    // no title: a text accounting for a year (收支决算情况) and drafting none is its final account
    boolean finals =
        title != null
            ? title.contains("决算")
            : head.contains("决算") && !head.contains("草案的报告") && !head.contains("预算草案");
    ReportKind kind = finals ? ReportKind.GOVERNMENT_FINAL : ReportKind.GOVERNMENT_BUDGET;
    if (kind == ReportKind.GOVERNMENT_BUDGET) {
      // the latest year it speaks of: a budget report's draft follows the year it executed
      year = null;
      for (Matcher y = YEAR.matcher(head); y.find(); )
        if (!DATE_AFTER.matcher(head).region(y.end(), head.length()).lookingAt())
          year = Math.max(year == null ? 0 : year, Integer.parseInt(y.group(1)));
      // …the latest year named as the one executed (一、2024年预算执行情况), the draft not reached
      // yet: the report is the next year's (never for a half year's execution)
      if (year != null && executedOnly(head, year)) year = year + 1;
    }
    if (year == null) return null;
    return new Recognised(title, kind, year, List.of(year), null);
  }

  private static Recognised of(String title) {
    List<Integer> years = new ArrayList<>();
    for (Matcher m = YEAR.matcher(title); m.find(); ) years.add(Integer.parseInt(m.group(1)));
    if (years.isEmpty()) return null;
    // a final account speaks of its year (and reports a half year's execution after it); a budget
    // report of the year it drafts, after the year it executed
    boolean finals =
        title.contains("决算") || title.contains("决鼻") || HALF_YEAR.matcher(title).find();
    ReportKind kind = finals ? ReportKind.GOVERNMENT_FINAL : ReportKind.GOVERNMENT_BUDGET;
    int year = finals ? years.get(0) : years.get(years.size() - 1);
    if (finals) years = List.of(year);
    else if (executedOnly(title, year) && !title.contains("草案")) {
      // (the report's first part standing for its lost title: a title of its own, 关于2024年预算执行
      // 情况的报告, may be a year-end report on that year, and keeps it)
      // 一、2021年预算执行情况 alone: the year executed, whose report drafts the next
      years = List.of(year, year + 1);
      year = year + 1;
    }
    return new Recognised(title, kind, year, List.copyOf(years), place(title));
  }

  /**
   * Whether {@code words} name {@code year} as the year whose budget was executed (2024年预算执行情况) and
   * no part of a year (上半年, 1—6月): a report on it drafts the year after.
   */
  private static boolean executedOnly(String words, int year) {
    return Pattern.compile(
                "(?m)^\\s*(?:[一二三四五六七八九十]{1,2}[、．.]|[（(][一二三四五六七八九十]{1,2}[）)])\\s*"
                    + year
                    + "年(?:度)?(?:全[市县区旗])?(?:财政)?预算执行情况")
            .matcher(words)
            .find()
        && !HALF_YEAR.matcher(words).find()
        && !MONTHS.matcher(words).find();
  }

  /** Months of a year done so far (1—11月, 1-9月份): a report before the year's end. */
  private static final Pattern MONTHS = Pattern.compile("1\\s*[-—–~至]\\s*\\d{1,2}\\s*月");

  private static String place(String title) {
    Matcher m = TITLE_PLACE.matcher(title);
    while (m.find()) {
      for (int g = 1; g <= m.groupCount(); g++) {
        String p = m.group(g);
        if (p != null && !NOT_A_PLACE.matcher(p).find()) return p;
      }
    }
    return null;
  }

  private static String squeeze(CharSequence s) {
    return s.toString().replaceAll("\\s+", "");
  }
}
