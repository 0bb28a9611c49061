package org.gongkai.ingest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.model.PageRole;
import org.gongkai.model.PageShape;

/**
 * Decides what a file is — a report, or a list, a news item, a notice, a form, a page of
 * navigation, a page that links to one file — before what kind of report it is.
 *
 * <p>A report is told by what only a report has: amounts stated with their words (收入、支出、经费 … in 万元
 * or 元), the sections and tables of a disclosure, or an evaluation's score. A web page without them
 * is told by its make-up ({@link PageShape}): how much of it is links, how many entries with dates
 * one block of it lists, how much prose it holds; the words of its title, which crawlers and
 * portals get wrong, decide nothing. Of prose, the first lines tell a notice (a body's document:
 * 关于…的通知, a salutation 各有关单位：) from a news item.
 */
final class PageRoles {

  private PageRoles() {}

  /** The role, and what decided it (for {@code inspect}: a journalist can see why). */
  record Decided(PageRole role, String why) {}

  /**
   * An amount stated with a report's words before it ({@code 支出预算 1,234.56 万元}, {@code 经费 12 万元}):
   * what the outside reader of a crawl counts too.
   */
  static final Words WORDED_AMOUNT =
      new Words(
          "收支经预决拨资结合总",
          "(?:收入|支出|经费|预算|决算|拨款|资金|结转|合计|总计)[^。\\n]{0,30}?\\d[\\d,]*(?:\\.\\d+)?\\s*(?:万元|亿元|元)");

  /** A table's amount: a cell with cents ({@code \t1234.56}), as budget tables print them. */
  private static final Pattern CELL_AMOUNT =
      Pattern.compile("(?:^|\\t)-?\\d[\\d,]*\\.\\d{2}(?=\\t|\\n|$)", Pattern.MULTILINE);

  /** An evaluation's score (得分 92.5 分, 自评得分：95分). */
  static final Words SCORE =
      new Words("得评总分", "(?:得分|评分|总分|分值)[^。\\n]{0,20}?\\d+(?:\\.\\d+)?\\s*分");

  /** The sections and tables only a disclosure has. */
  static final Words STRUCTURE =
      new Words(
          "收财“三部单基项机政国决预绩主",
          "收支(?:预算|决算)?总表|收入支出决算总?表|财政拨款收[入支]|“?三公”?经费|部门概况|单位概况|基本支出|项目支出|机关运行经费"
              + "|政府采购|国有资产占用|[决预]算报表|[决预]算情况说明|绩效目标|部门职责|主要职能|机构设置");

  /**
   * The opening of a body's official document: 关于…的通知 / 公告 / 意见 …, a call for comment, a salutation
   * to those it is sent to (各区县人民政府，市各委办局：).
   */
  private static final Pattern NOTICE_HEAD =
      Pattern.compile(
          "(?:通知|通告|公告|公示|通报|意见|办法|规定|细则|方案|决定|批复|复函|答复|函|征求意见稿|征求意见|条例|规则|指引|指南|措施|标准)"
              + "\\s*(?:[(（][^)）]{0,12}[)）])?\\s*$|^关于"
              + "|关于[^。]{2,100}?(?:通知|通告|公告|公示|意见|征求意见稿|办法|规定|批复|复函|答复|决定)");

  private static final Pattern SALUTATION =
      Pattern.compile("(?m)^\\s*各[^\\n。]{1,40}[:：]\\s*$|^\\s*各[^\\n。]{1,40}[:：]");

  /** Words a form to fill in carries: blanks for a name, a signature, a seal, a date to write. */
  private static final Pattern FORM_WORDS =
      Pattern.compile("填表|填报|签字|签名|盖章|申请人|联系电话[:：]\\s*(?:\\t|\\n|$)|问卷|请在.{0,6}(?:打|划)|□");

  /** A page whose own content is shorter than this (in visible characters) has none to speak of. */
  private static final int EMPTY = 40;

  /** A page offering files with less prose than this has no body of its own. */
  private static final int LANDING_PROSE = 150;

  /** Prose of an article or a notice: at least this many characters of sentences. */
  private static final int PROSE_MIN = 60;

  /** At least this many entries with dates in one block make a list. */
  private static final int LIST_MIN = 5;

  /**
   * The role of one file.
   *
   * @param shape the make-up of a web page, or null for any other file
   * @param text the clean text (folded: full-width digits read as digits)
   * @param opening the text before the first section heading
   * @param landing whether the page only offers files (see {@link MetadataExtractor#landingPage})
   */
  static Decided decide(
      PageShape shape,
      String text,
      String opening,
      String heading,
      boolean landing,
      String attachments,
      boolean titledAsReport) {
    int worded = WORDED_AMOUNT.count(text, 50);
    int cells = count(CELL_AMOUNT, text, 50);
    int structure = STRUCTURE.distinct(text, 20);
    boolean score = SCORE.count(text, 1) > 0;
    // a report's evidence: amounts stated in its words or its tables, with its sections, or a score
    // a file's: amounts in its words with a report's section or table, or many of either
    boolean evidence =
        shape == null
            ? worded >= 2 && (structure >= 1 || cells >= 3)
                || worded >= 5
                || cells >= 10 && structure >= 1
                || score && structure >= 1
            // a page's: a portal's news and home pages quote amounts too (资金1,234万元), and name a
            // section or two; a report on a page names several of a report's sections
            : worded >= 2 && structure >= 3
                || cells >= 10 && structure >= 2
                || score && structure >= 1;
    if (shape == null) {
      if (evidence) return new Decided(PageRole.REPORT, reportWhy(worded, cells, structure));
      // a file (not a page) without a report's evidence: what its opening and words say it is
      // a notice first: a body's document speaks of what applicants fill in and sign too
      if (notice(heading, opening, text)) return new Decided(PageRole.NOTICE, "a body's document");
      if (form(text, worded, 1))
        return new Decided(PageRole.FORM, "a form: blanks to fill in, no amounts");
      // a file with too few amounts to tell is kept as what its title and words say (a short 情况说明)
      if (titledAsReport || worded >= 1 || cells >= 1 || structure >= 2)
        return new Decided(
            PageRole.REPORT,
            "its title or sections name a report; " + reportWhy(worded, cells, structure));
      return new Decided(PageRole.OTHER, "no report's amounts, sections or score");
    }
    double links = shape.mainLinkShare();
    // a list: one block of entries with dates whose titles are most of the page's links (a good
    // share of them where a pager leads to its other pages)
    boolean listed =
        shape.largestBlock() >= LIST_MIN
            && (shape.blockShare() >= 0.4 || shape.paged() && shape.blockShare() >= 0.2)
            && shape.prose() < 0.3 * shape.mainChars();
    // a report on a page: its amounts and sections are the page's content, not its links'
    if (evidence && links < 0.5 && !listed)
      return new Decided(PageRole.REPORT, reportWhy(worded, cells, structure));
    // a page that offers files and has no body of its own (a notice with attachments has one)
    if (landing && shape.entries() < LIST_MIN && shape.prose() < LANDING_PROSE) {
      // a page offering a form to fill in offers no report
      return offersForms(attachments)
          ? new Decided(PageRole.LANDING, "a page that links to a form")
          : new Decided(PageRole.LANDING, "a page that offers files, states no amounts");
    }
    if (shape.mainChars() < EMPTY)
      return new Decided(PageRole.NAVIGATION, "next to no content of its own");
    if (listed)
      return new Decided(
          PageRole.LIST,
          "a list: "
              + shape.largestBlock()
              + " entries with dates in one block, "
              + Math.round(100 * shape.blockShare())
              + "% of its links");
    // a report's page whose words give no amount: its own heading names a report, and its prose
    // has a report's sections (a page of table names and a missing attachment has no prose)
    if (titledAsReport
        && structure >= 2
        && links < 0.5
        && shape.prose() >= PROSE_MIN
        && shape.prose() >= 0.2 * shape.mainChars())
      return new Decided(
          PageRole.REPORT, "its heading names a report, its prose a report's sections");
    if (links < 0.5 && !notice(heading, null, "") && form(text, worded, shape.tables()))
      return new Decided(PageRole.FORM, "a form: blanks to fill in, no amounts");
    if (shape.prose() >= PROSE_MIN && shape.prose() >= 0.2 * shape.mainChars()) {
      if (notice(heading, opening, text))
        return new Decided(PageRole.NOTICE, "prose: a body's document");
      return new Decided(PageRole.NEWS, "prose: an article");
    }
    // a notice whose body the page draws by script: its own heading is all it shows
    if (links < 0.5 && notice(heading, null, "")) {
      return new Decided(PageRole.NOTICE, "a body's document, its text not on the page");
    }
    return new Decided(
        PageRole.NAVIGATION,
        String.format(
            java.util.Locale.ROOT,
            "links and short items: %.0f%% of its text in links, %d characters of prose",
            100 * shape.linkShare(),
            shape.prose()));
  }

  /** A form: a table with three of a form's words (or a questionnaire), no amount stated. */
  private static boolean form(String text, int worded, int tables) {
    if (worded > 0) return false;
    String t = text.length() > 20_000 ? text.substring(0, 20_000) : text;
    if (t.contains("问卷") && t.contains("调查")) return true;
    return tables > 0 && distinct(FORM_WORDS, t) >= 3;
  }

  /** A file to fill in, by its name: 申请表, 登记表, 检查表, 问卷, 承诺书, 模板 … */
  private static final Pattern FORM_FILE =
      Pattern.compile("(?:申请|登记|报名|检查|自查|核查|抽查|评分|考核|调查|征集|反馈|备案|审批|推荐|汇总)表|问卷|回执|承诺书|模板|样表|样式");

  /** Every file the page offers (named in {@code attachments}, one per line) is a form. */
  static boolean offersForms(String attachments) {
    if (attachments == null || attachments.isBlank()) return false;
    for (String a : attachments.split("\n")) {
      String name = a.contains("\t") ? a.substring(0, a.indexOf('\t')) : a;
      if (!name.isBlank() && !FORM_FILE.matcher(name).find()) return false;
    }
    return true;
  }

  private static String reportWhy(int worded, int cells, int structure) {
    return "a report: "
        + worded
        + " amounts with their words, "
        + cells
        + " table amounts, "
        + structure
        + " of a report's sections";
  }

  /**
   * Its heading or first lines name a body's document (关于…的通知, …管理办法, a document number 〔2026〕10号),
   * or it opens with a salutation.
   */
  private static boolean notice(String heading, String opening, String text) {
    String head =
        (heading == null ? "" : heading + "\n")
            + firstLines(opening == null || opening.isBlank() ? text : opening, 3);
    for (String line : head.split("\n")) {
      String t = line.strip();
      if (t.length() >= 4 && t.length() <= 120 && NOTICE_HEAD.matcher(t).find()) return true;
      if (DOCUMENT_NUMBER.matcher(t).find()) return true;
    }
    String start = text.length() > 600 ? text.substring(0, 600) : text;
    return SALUTATION.matcher(start).find() || DOCUMENT_NUMBER.matcher(start).find();
  }

  /** A body's document number: 扬府办发〔2026〕10号, 周政〔2025〕11号. */
  private static final Pattern DOCUMENT_NUMBER =
      Pattern.compile("[\\p{IsHan}]{1,8}[〔\\[［]\\s*(?:19|20)\\d{2}\\s*[〕\\]］]\\s*\\d{1,4}\\s*号");

  private static String firstLines(String s, int n) {
    StringBuilder sb = new StringBuilder();
    int seen = 0;
    for (String line : s.split("\n", 40)) {
      if (line.isBlank()) continue;
      sb.append(line).append('\n');
      if (++seen >= n) break;
    }
    return sb.toString();
  }

  private static int count(Pattern p, String text, int enough) {
    int n = 0;
    for (Matcher m = p.matcher(text); m.find() && n < enough; ) n++;
    return n;
  }

  /**
   * A pattern whose every match starts with one of a few letters ({@code first}), found only where
   * one of them stands: the regex engine would try the whole pattern at every position of a text,
   * and on synthetic reports these scans were a fifth of ingest. The matches are find()'s, in
   * order.
   */
  static final class Words {
    private final boolean[] first = new boolean[Character.MAX_VALUE + 1];
    private final Pattern pattern;

    Words(String first, String regex) {
      for (char c : first.toCharArray()) this.first[c] = true;
      this.pattern = Pattern.compile(regex);
    }

    /** How many matches, up to {@code enough}. */
    int count(String text, int enough) {
      int n = 0;
      Matcher m = matcher(text);
      for (int at = next(text, 0); at >= 0 && n < enough; ) {
        m.region(at, text.length());
        if (m.lookingAt()) {
          n++;
          at = next(text, Math.max(m.end(), at + 1));
        } else at = next(text, at + 1);
      }
      return n;
    }

    /** How many different matches, up to {@code enough}. */
    int distinct(String text, int enough) {
      java.util.Set<String> seen = new java.util.HashSet<>();
      Matcher m = matcher(text);
      for (int at = next(text, 0); at >= 0 && seen.size() < enough; ) {
        m.region(at, text.length());
        if (m.lookingAt()) {
          seen.add(m.group());
          at = next(text, Math.max(m.end(), at + 1));
        } else at = next(text, at + 1);
      }
      return seen.size();
    }

    Pattern pattern() {
      return pattern;
    }

    private Matcher matcher(String text) {
      return pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    }

    private int next(String text, int from) {
      for (int i = from; i < text.length(); i++) if (first[text.charAt(i)]) return i;
      return -1;
    }
  }

  private static int distinct(Pattern p, String text) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Matcher m = p.matcher(text); m.find() && seen.size() < 20; ) seen.add(m.group());
    return seen.size();
  }
}
