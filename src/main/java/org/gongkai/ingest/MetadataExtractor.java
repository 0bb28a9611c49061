package org.gongkai.ingest;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.model.PageRole;
import org.gongkai.model.PageShape;
import org.gongkai.model.RegionMatch;
import org.gongkai.model.ReportKind;
import org.gongkai.regions.RegionResolver;
import org.gongkai.regions.RegionResolver.Evidence;
import org.gongkai.text.ScriptFold;

/**
 * Reads a document's metadata — title, issuer, department type, fiscal year, kind and region — from
 * every place a real disclosure states them, strongest first, and records where each was decided:
 *
 * <ol>
 *   <li>{@code title}: the title block at the top (one to three lines: issuer, year, kind, in any
 *       order), wherever in the first lines it stands;
 *   <li>{@code tableHeader}: the unit a standard table names ({@code 部门：}, {@code 单位名称：}, {@code
 *       编制单位：}), by majority;
 *   <li>{@code pageChrome}: a web page's own title, 发布机构 and breadcrumbs (kept aside by
 *       extraction);
 *   <li>{@code text}: organisation names the text repeats (a place and an ending such as 总工会, or
 *       the 省/市/县 shorthand a report uses for itself: 省政协办公厅), and for the year, the year of the
 *       report's tables;
 *   <li>{@code fileTitle}: the title a PDF or Office file declares — last, as templates carry them
 *       over from other reports and years.
 * </ol>
 *
 * Traditional characters are read as simplified, so metadata always comes out simplified.
 */
public final class MetadataExtractor {

  /**
   * A fiscal year: 2023年, 2023 年度, 2 0 2 3 年 (letter-spaced), but not a date (2024 年 4 月); and a
   * year a title writes without 年 right before the report's kind (2026 部门预算情况的说明).
   */
  static final Pattern YEAR =
      Pattern.compile(
          "((?:1\\s?9|2\\s?0)\\s?\\d\\s?\\d)(?:\\s*年(?!\\s*\\d{1,2}\\s*月)(度)?|(?<![0-9]\\d{4})(?=\\s?(?:部门|单位)(?:预算|决算)))");

  private static final Pattern HAN_YEAR =
      Pattern.compile("([〇零一二三四五六七八九]{4})\\s*年(?!\\s*[一二三四五六七八九十]{1,2}\\s*月)(度)?");

  /** A year followed closely by the words of a report or its tables (2019年政府采购预算表). */
  private static final Pattern YEAR_OF_TABLE =
      Pattern.compile("((?:19|20)\\d{2})\\s*年度?[^\\n。，；,;]{0,16}?(?:预算|决算|绩效|收支|公开)");

  private static final Pattern KIND_WORD = Pattern.compile("决算|预算|绩效|评价|自评");

  /**
   * The name of one of a report's tables ({@code 财政拨款支出预算表(功能科目)公开表五}, {@code 收支预算总表}, {@code
   * 一般公共预算支出决算明细表}): a report published as its tables alone opens with one, and its file may
   * declare one as its title. Not the report's title: a title naming the report's set of tables
   * ({@code 江苏省人大常委会办公厅2019年部门预算公开表}) names its kind (部门预算) as well.
   */
  private static final Pattern TABLE_NAME =
      Pattern.compile(
          "(?:预算|决算|总|明细|情况|科目|分类)表\\s*(?:[（(][^）)]{1,12}[）)])?\\s*"
              + "(?:(?:公开|附)?表\\s*[一二三四五六七八九十\\d]{1,3}(?:[-－—]\\d{1,2})?"
              + "|(?:公开)?\\s*\\d{1,2}\\s*表)?\\s*$");

  private static final Pattern REPORT_WORD =
      Pattern.compile("(?:部门|单位|整体)(?:预算|决算)|(?:预算|决算)(?:公开|报告|情况说明)");

  /**
   * Whether a list's entry names a disclosure report ({@code 2026年台州市民政局部门预算公开}, {@code
   * 周口市红十字会2025年预算公开}): a year and a report's kind, and none of the words of a rule, a notice or
   * news about reports.
   */
  static boolean namesAReport(String title) {
    if (title == null) return false;
    String t = fold(title);
    ReportKind k = kindOfTitle(t);
    if (k == null || k == ReportKind.OTHER || firstYear(t) == null) return false;
    // an enterprise's rating (信用评价, 绩效分级) is no evaluation of a budget's spending
    return k != ReportKind.PERFORMANCE
        || t.contains("绩效") && !NOT_A_BUDGETS_EVALUATION.matcher(t).find();
  }

  /**
   * The entry with the report it names (issuer, year, kind) when it names one: a name the list
   * shortens to its place's word ({@code 市民政局}) is given the place the page is of ({@code 台州市民政局}).
   */
  static org.gongkai.model.ListedEntry named(org.gongkai.model.ListedEntry e, RegionMatch where) {
    if (!namesAReport(e.title())) return e;
    String t = fold(Titles.tidy(e.title()));
    String issuer = IssuerNames.issuerInTitle(t);
    if (issuer == null || issuer.length() < 2 || !Issuers.isOrganisation(issuer)) return e;
    if (where != null && where.decided()) {
      var r = where.region();
      if (issuer.startsWith("市") && r.city() != null) issuer = r.city() + issuer.substring(1);
      else if ((issuer.startsWith("县") || issuer.startsWith("区")) && r.county() != null)
        issuer = r.county() + issuer.substring(1);
    }
    return e.naming(issuer, Integer.valueOf(firstYear(t)), kindOfTitle(t).label());
  }

  private static final Pattern NOT_A_BUDGETS_EVALUATION = Pattern.compile("企业|信用|分级|环境影响|环评|公示");

  /** Whether {@code title} is a table's name, not a report's. */
  static boolean namesATable(String title) {
    return title != null && TABLE_NAME.matcher(title).find() && !REPORT_WORD.matcher(title).find();
  }

  private static final Pattern TITLE_WORDS = Pattern.compile("决算|预算|报告|绩效|自评|公开");

  /** Headings, tables of contents and table rows: never a title line. */
  private static final Pattern NOT_TITLE =
      Pattern.compile(
          "^(?:第[一二三四五六七八九十百\\d]+部分|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\\d]+[）)]|\\d+[、.．]|表\\s*\\d|附件|附表|目\\s*录)"
              + "|\\.{3,}|…{2,}|·{3,}|[。，；;,]|\\t|[:：]");

  /**
   * A postal address (地址：重庆市北碚区…): where the issuer sits, evidence of its city when nothing else
   * names a place.
   */
  private static final Pattern ADDRESS = Pattern.compile("地址\\s*[:：]\\s*([^\\n]{2,40})");

  /**
   * Titles of things that are not a department's report, even when they name 部门预算 and every table.
   */
  private static final Pattern NOT_A_REPORT =
      Pattern.compile(
          "办法|细则|规定|规程|通知|意见|指引|指南|审计(?:工作)?报告|审计结果|审计情况|信息公开工作|工作总结|工作要点|工作计划"
              + "|召开|举办|举行|开展|启动|部署|推进|完成|印发|培训|调研|座谈|(?<!政治协商)会议|解读|问答|清单|检查|自查|整改|批复|审核"
              + "|全部公开|公开率|如期|按时公开|个部门");

  /**
   * Titles of a form or a notice about reports: a check-list (公开情况检查表, 自查表, 评分表), a notice, a rule,
   * an answer to questions.
   */
  private static final Pattern FORM =
      Pattern.compile("(?:检查|自查|核查|抽查|评分|考核)(?:情况)?(?:表|清单)$|的通知$|通知$|通报$|办法$|细则$|规定$|问答$|解读$");

  /** A form's heading: a check-list, a table or list to fill in. */
  private static final Pattern FORM_TABLE = Pattern.compile("(?:表|清单)$");

  /** A title that ends as an evaluation's report does. */
  private static final Pattern PERFORMANCE_REPORT =
      Pattern.compile("(?:绩效|评价|自评)[^，。]{0,12}(?:报告|表)(?:[(（][^)）]*[)）])?$");

  /**
   * The sections and tables only a real report has: news and rules about reports have at most one.
   */
  private static final Pattern STRUCTURE =
      Pattern.compile(
          "收支(?:预算|决算)?总表|收入支出决算总?表|财政拨款收[入支]|“?三公”?经费|名词解释|部门概况|单位概况|基本支出|项目支出|机关运行经费"
              + "|[决预]算报表|[决预]算情况说明");

  private static final int TITLE_MAX = 60;
  private static final int TITLE_LINES = 40;
  private static final int HEAD = 5000;

  /** The issuer of a government's own budget report, after its place: 北京市人民政府. */
  private static final String GOVERNMENT = "人民政府";

  /**
   * The opening a title-less report's kind is counted in: later, a 决算 has its 绩效 and 预算 sections
   * too.
   */
  private static final int KIND_HEAD = 3000;

  /**
   * How much of a text metadata is read from (tables-only reports state their unit in every table).
   */
  private static final int SCAN = 300_000;

  private final RegionResolver regions;
  private final IssuerNames issuers;

  public MetadataExtractor(RegionResolver regions) {
    this.regions = regions;
    this.issuers = new IssuerNames(regions);
  }

  /** A place at the start of a name: up to six characters and the ending of a division. */
  private static final Pattern LEADING_PLACE = Pattern.compile("^[\\p{IsHan}]{1,6}?[省市县区州盟旗]");

  /**
   * Metadata of a document read by OCR, with a misread place name mended: OCR now and then takes
   * one character of a name for a look-alike ({@code 江甸省} for {@code 江苏省}). When the issuer starts
   * with a place no division bears, and the region the document was placed in (by all its evidence)
   * has a division of the same length and ending one character away, the issuer and the title are
   * given that division's name. Anything less certain is left as read.
   */
  public DocumentMetadata mendMisreadPlaces(DocumentMetadata m) {
    if (m.issuer() == null || m.region() == null || !m.region().decided()) return m;
    if (regions.placePrefixLength(m.issuer()) > 0) return m; // it starts with a real place
    Matcher lead = LEADING_PLACE.matcher(m.issuer());
    if (!lead.find()) return m;
    String read = lead.group();
    var r = m.region().region();
    String mended = null;
    for (String name : new String[] {r.province(), r.city(), r.county()}) {
      if (name == null || name.length() != read.length() || oneApart(name, read) == false) continue;
      if (mended != null && !mended.equals(name)) return m; // two fit: undecided
      mended = name;
    }
    if (mended == null) return m;
    String title = m.title() == null ? null : m.title().replace(read, mended);
    return new DocumentMetadata(
        title,
        mended + m.issuer().substring(read.length()),
        m.departmentType(),
        m.kind(),
        m.year(),
        m.region(),
        m.decidedFrom(),
        m.role(),
        m.roleWhy());
  }

  /** Same length, the same last character, and exactly one other character different. */
  private static boolean oneApart(String a, String b) {
    if (a.charAt(a.length() - 1) != b.charAt(b.length() - 1)) return false;
    int diff = 0;
    for (int i = 0; i < a.length(); i++) if (a.charAt(i) != b.charAt(i)) diff++;
    return diff == 1;
  }

  /**
   * @param text the clean text
   * @param preamble the clean text before the first section heading
   * @param fileMetadata what extraction kept of the file: its declared {@code title}, its {@code
   *     contentType} and, for a web page, {@code pageChrome} (title, breadcrumbs, 发布机构 …)
   */
  public DocumentMetadata extract(String text, String preamble, Map<String, String> fileMetadata) {
    // metadata is stated in a report's opening, its tables' headers and its first pages: a bounded
    // read
    String folded = fold(text.length() > SCAN ? text.substring(0, SCAN) : text);
    List<String> headers = IssuerNames.headerValues(folded);
    String head = folded.length() > HEAD ? folded.substring(0, HEAD) : folded;
    boolean html = fileMetadata.getOrDefault("contentType", "").contains("html");
    String declared = fold(fileMetadata.get("title"));
    String chrome = fold(fileMetadata.get("pageChrome"));
    String pageTitle = html ? declared : null;
    String fileTitle = html ? null : declared;
    Map<String, String> from = new LinkedHashMap<>();
    String opening = fold(preamble);

    String title = titleBlock(opening);
    if (title != null) from.put("title", "title");
    if (title == null && chrome != null) {
      // a web page's heading often stands outside the element that holds the report
      title = titleBlock(chrome);
      if (title != null) from.put("title", "pageChrome");
    }
    String article = pageTitle == null ? null : IssuerNames.withoutSiteName(pageTitle).strip();
    if (title == null && article != null && KIND_WORD.matcher(article).find()) {
      title = article;
      from.put("title", "pageChrome");
    }
    if (title == null) {
      title = firstTitleLine(opening);
      if (title != null) from.put("title", "title");
    }
    if (namesATable(title)) {
      // a report published as its tables: its title is made from its issuer, year and kind below
      title = null;
      from.remove("title");
    }

    IssuerNames.Named issuer =
        issuers.issuer(title, from.get("title"), headers, folded, chrome, pageTitle, fileTitle);
    if (issuer != null) from.put("issuer", issuer.from());

    Integer year = null;
    String titleYear = title == null ? null : firstYear(title);
    if (titleYear != null) {
      year = Integer.parseInt(titleYear);
      from.put("year", from.get("title"));
    } else if ((year = year(null, head)) != null) {
      from.put("year", "text");
    } else if (pageTitle != null && firstYear(pageTitle) != null) {
      year = Integer.parseInt(firstYear(pageTitle));
      from.put("year", "pageChrome");
    } else if (fileTitle != null && firstYear(fileTitle) != null) {
      year = Integer.parseInt(firstYear(fileTitle));
      from.put("year", "fileTitle");
    }

    ReportKind kind = kind(title, head);
    from.put("kind", title != null && kindOfTitle(title) != null ? from.get("title") : "text");
    // a web page that only links to its report's file (or embeds a PDF viewer) and states no figure
    // is a landing page: what it is about stands, and it says which file it offers
    if (html && landingPage(folded, fileMetadata.get("attachments")))
      from.put("landingPage", linked(fileMetadata.get("attachments")));
    String form = aboutReports(opening);
    if (form != null) {
      // a check-list or a notice about a report (2026年度部门预算公开情况检查表): not the report; the
      // department its form names (部门名称：…) is what it is about, not who issued it
      kind = ReportKind.OTHER;
      from.put("kind", "title");
      if (issuer != null && !issuer.from().equals("title") && !issuer.from().equals("pageChrome")) {
        issuer = null;
        from.remove("issuer");
      }
    }
    String headline = headline(opening);
    if (title == null
        && headline != null
        && KIND_WORD.matcher(headline).find()
        && NOT_A_REPORT.matcher(headline).find()) {
      // a news headline (用心审核“2023年度预算公开”，守好财政关口) is no title block, but says what the page is
      kind = ReportKind.OTHER;
      from.put("kind", "title");
    }
    // what the file is, before what kind of report: only a report has a report's kind, and a page
    // that is not one is named by its own heading, never by a list entry or a made-up title
    PageShape shape = html ? PageShape.decode(fileMetadata.get("pageShape")) : null;
    boolean landing = from.containsKey("landingPage");
    PageRoles.Decided role =
        PageRoles.decide(
            shape,
            folded,
            opening,
            article,
            landing,
            fileMetadata.get("attachments"),
            kind != ReportKind.OTHER && form == null && title != null);
    if (form != null && role.role() == PageRole.REPORT) {
      // a check-list about a report (公开情况检查表) or a notice about reports quotes a report's
      // amounts and sections: what its heading says it is decides
      role =
          FORM_TABLE.matcher(form).find()
              ? new PageRoles.Decided(PageRole.FORM, "a check-list about a report: " + form)
              : new PageRoles.Decided(PageRole.NOTICE, "a notice about reports: " + form);
    }
    // a government's report to its People's Congress sent as a body's document (区人民政府关于2022年
    // 决算(草案)的报告, with its 发文字号 and 区人大常委会：) is the report itself, not a notice about one
    if (role.role() == PageRole.NOTICE
        && form == null
        && (GovernmentReports.recognise(opening) != null
            || GovernmentReports.recognise(head) != null))
      role =
          new PageRoles.Decided(
              PageRole.REPORT, "a government's budget or accounts report to its People's Congress");
    if (role.role() != PageRole.LANDING) from.remove("landingPage");
    if (role.role() != PageRole.REPORT && role.role() != PageRole.LANDING) {
      kind = ReportKind.OTHER;
      from.put("kind", "role");
      String own = ownHeading(role.role(), pageTitle, opening, title);
      if (own != null) {
        title = own;
        from.put("title", "heading");
      } else {
        title = null;
        from.remove("title");
      }
      // its year and issuer are its own: not a list entry's, which the title block may have read
      String own_year = title == null ? null : firstYear(title);
      year = own_year == null ? null : Integer.valueOf(own_year);
      if (year == null) from.remove("year");
      else from.put("year", "heading");
      IssuerNames.Named host = IssuerNames.publisher(chrome, head, pageTitle);
      if (host != null) {
        issuer = host;
        from.put("issuer", host.from());
      } else if (issuer != null && !"pageChrome".equals(issuer.from())) {
        issuer = null;
        from.remove("issuer");
      }
    }

    // a title glued to a list's date or said twice over, tidied (a year that names it stays)
    if (title != null && Titles.tidy(title) != null) title = Titles.tidy(title);
    // a government's own budget or accounts report: its title block says what and which year, and
    // the government is its issuer (the finance bureau only drafts it)
    GovernmentReports.Recognised government =
        role.role() == PageRole.REPORT ? GovernmentReports.recognise(opening) : null;
    if (government == null && role.role() == PageRole.REPORT)
      government = GovernmentReports.recognise(head);
    if (government == null
        && role.role() == PageRole.REPORT
        && (kind == ReportKind.BUDGET
            || kind == ReportKind.FINAL_ACCOUNTS
            || kind == ReportKind.OTHER)) {
      // a city's budget under a headline of its own (a newspaper's, a portal's): its figures are a
      // government's, never a department's income
      government = GovernmentReports.speaksOfGovernment(title, head, year);
    }
    if (government != null) {
      if (government.title() != null) title = government.title();
      kind = government.kind();
      year = government.year();
      for (String field : List.of("title", "kind", "year")) from.put(field, "title");
      String place = government.place();
      if (place != null && regions.placePrefixLength(place) == place.length()) {
        issuer = new IssuerNames.Named(place + GOVERNMENT, "title");
        from.put("issuer", "title");
      }
    }
    String issuerName = issuer == null ? null : issuer.name();
    if (title == null && issuerName != null && role.role() == PageRole.REPORT) {
      title =
          issuerName
              + (year == null ? "" : year + "年度")
              + (kind == ReportKind.OTHER ? "报告" : kind.label());
      from.put("title", "issuer");
    }

    List<Evidence> evidence = new ArrayList<>();
    if (issuer != null) evidence.add(Evidence.name("issuer", issuer.name()));
    // a title made from the issuer adds nothing; one the document or its page states is evidence
    evidence.add(Evidence.name("title", "issuer".equals(from.get("title")) ? null : title));
    for (String h : headers) evidence.add(Evidence.name("tableHeader", h));
    evidence.add(Evidence.name("pageChrome", pageTitle));
    evidence.add(Evidence.anywhere("pageChrome", chrome));
    evidence.add(Evidence.name("fileTitle", fileTitle));
    for (String where : List.of(chrome == null ? "" : chrome, head)) {
      for (Matcher m = ADDRESS.matcher(where); m.find(); )
        evidence.add(Evidence.address(m.group(1)));
    }
    RegionMatch region = regions.resolve(evidence, folded, IssuerNames.textLevel(issuerName));
    if (region.from() != null) from.put("region", region.from());
    if (government != null && (issuer == null || !"title".equals(from.get("issuer")))) {
      // 市人民政府关于2024年市级决算…: the government of the place all its evidence names (the
      // drafter or the congress its opening names only told where)
      issuerName = null;
      from.remove("issuer");
      if (region.decided()) {
        var r = region.region();
        String place = r.county() != null ? r.county() : r.city() != null ? r.city() : r.province();
        if (place != null) {
          issuerName = place + GOVERNMENT;
          from.put("issuer", "region");
        }
      }
    }
    String type =
        issuerName == null
            ? null
            : Issuers.type(issuerName, regions.placePrefixLength(Issuers.normal(issuerName)));
    return new DocumentMetadata(
        title, issuerName, type, kind, year, region, from, role.role(), role.why());
  }

  /**
   * A page's own heading, for a file that is not a report: the longest part of the page's title
   * that does not name its site (a portal's name where that is all the title holds), or the first
   * line of its content; never a list's entry or a made-up title. Repeated words ({@code
   * 国家统计局部门预算(2026)国家统计局部门预算(2026)}) and dates glued to it are dropped.
   */
  private static String ownHeading(PageRole role, String pageTitle, String opening, String title) {
    String page = null;
    String site = null;
    if (pageTitle != null) {
      for (String part : IssuerNames.TITLE_PARTS.split(pageTitle.strip())) {
        String p = part.strip();
        if (p.isEmpty()) continue;
        if (site == null) site = p;
        // a site's name after a space (关于…的公告 湛江市人民政府门户网站)
        String[] words = p.split("\\s+");
        int keep = words.length;
        while (keep > 1 && IssuerNames.SITE_NAME.matcher(words[keep - 1]).matches()) keep--;
        p = String.join(" ", java.util.Arrays.copyOf(words, keep));
        if (IssuerNames.SITE_NAME.matcher(p).matches()) continue;
        if (page == null || p.length() > page.length()) page = p;
      }
    }
    String first = headline(opening);
    List<String> candidates = new ArrayList<>();
    boolean prose = role == PageRole.NEWS || role == PageRole.NOTICE || role == PageRole.FORM;
    if (prose && first != null && page != null && !page.contains(first) && !first.contains(page)) {
      // the page's title names it; the content's first line may be the page's furniture
      candidates.add(page);
      candidates.add(first);
    } else {
      candidates.add(page);
      candidates.add(first);
    }
    candidates.add(site);
    candidates.add(title);
    for (String c : candidates) {
      String t = Titles.tidy(c);
      if (t != null && t.length() >= 2 && t.length() <= 120) return t;
    }
    return null;
  }

  /**
   * NFKC (full-width digits and letters) and simplified characters, so one set of patterns reads
   * every report.
   */
  static String fold(String s) {
    return s == null ? null : ScriptFold.simplify(Normalizer.normalize(s, Normalizer.Form.NFKC));
  }

  // ---- title

  /**
   * The title block: the first line among the opening lines that names a report's kind and is not a
   * heading, a table row or a line of a table of contents, joined with the one or two lines before
   * it when they hold only the issuer's name and/or the year ({@code 江苏省人大常委会办公厅} / {@code 2017
   * 年度部门预算}).
   */
  static String titleBlock(String head) {
    List<String> lines = new ArrayList<>();
    for (String l : head.split("\n")) {
      String t = l.replace('\f', ' ').strip();
      if (!t.isEmpty()) lines.add(t);
      if (lines.size() >= TITLE_LINES) break;
    }
    String withYear = null;
    for (int i = 0; i < lines.size(); i++) {
      if (!isTitleLine(lines.get(i))) continue;
      StringBuilder sb = new StringBuilder(lines.get(i));
      String lead = "";
      for (int j = i - 1; j >= Math.max(0, i - 3); j--) {
        // a line of the name itself, or the start of a name broken over lines (上海市普陀区规划和自然 /
        // 资源局, 中共上海市普陀区委 / 社会工作部 2024 年度)
        String joined = lines.get(j) + lead;
        boolean brokenName =
            !lead.isEmpty()
                && lines.get(j).length() <= 20
                && !NOT_TITLE.matcher(lines.get(j)).find()
                && Issuers.isOrganisation(YEAR.matcher(joined).replaceAll("").strip());
        if (!isTitleLead(lines.get(j)) && !brokenName) break;
        // a cover's name line over a title that says the name again (国家统计局 / 国家统计局2025年部门预算):
        // the name once, not 国家统计局国家统计局
        if (sb.toString().startsWith(lines.get(j))) break;
        sb.insert(0, lines.get(j));
        lead = joined;
      }
      String block = sb.toString();
      // the block that names its issuer is the title (a page's column name, 2021年财政经费决算, may
      // stand above it); failing one, the first that names a year; a table's row label names
      // neither
      if (IssuerNames.issuerInTitle(block) != null) return block;
      if (withYear == null && firstYear(block) != null) withYear = block;
    }
    return withYear;
  }

  private static boolean isTitleLine(String t) {
    if (t.length() < 4 || t.length() > TITLE_MAX || NOT_TITLE.matcher(t).find()) return false;
    if (!KIND_WORD.matcher(t).find()) return false;
    // a table's own title (2019年政府采购预算表) is not the report's, unless it says the tables are
    // published
    return !t.endsWith("表")
        || t.contains("公开")
        || PERFORMANCE_REPORT.matcher(t).find() && firstYear(t) != null;
  }

  /** A line that may stand above a title line: only a year, only a name, or a name and a year. */
  private static boolean isTitleLead(String t) {
    if (t.length() < 2
        || t.length() > 40
        || NOT_TITLE.matcher(t).find()
        || KIND_WORD.matcher(t).find()) return false;
    String withoutYear = YEAR.matcher(t).replaceAll("").strip();
    return withoutYear.isEmpty()
        || firstYear(t) != null && withoutYear.length() <= 20
        || Issuers.isOrganisation(IssuerNames.TRAILING_ASIDE.matcher(withoutYear).replaceAll(""));
  }

  /**
   * The line among the opening's first ones that names a report and says the document is about it —
   * a check-list, a notice, a rule ({@code 2026年度普陀区部门预算公开情况检查表}) — or null.
   */
  private static String aboutReports(String opening) {
    if (opening == null) return null;
    int seen = 0;
    for (String line : opening.split("\n")) {
      String t = line.strip();
      if (t.isEmpty()) continue;
      if (++seen > 4) break;
      if (t.length() <= TITLE_MAX
          && t.indexOf('\t') < 0
          && KIND_WORD.matcher(t).find()
          && FORM.matcher(t).find()) return t;
    }
    return null;
  }

  /** An amount a report states: in 万元 or 元, or a table's cell with cents. */
  private static final Pattern STATED_AMOUNT =
      Pattern.compile(
          "\\d(?:[\\d,]*\\d)?(?:\\.\\d+)?\\s*(?:万元|亿元|元)|\\t-?\\d[\\d,]*\\.\\d{2}(?:\\t|\\n|$)");

  private static final Pattern VIEWER = Pattern.compile("请安装\\s*(?:pdf|PDF)|PDF阅读器|点击下载|附件下载|下载附件");

  /**
   * Whether a web page only offers its report as a file: it links to (or embeds) document files, or
   * asks for a PDF reader, and states no amount itself.
   */
  static boolean landingPage(String text, String attachments) {
    boolean offers = attachments != null && !attachments.isBlank() || VIEWER.matcher(text).find();
    return offers && !STATED_AMOUNT.matcher(text).find();
  }

  /**
   * The files a landing page offers, by name ({@code 西南大学2024年度部门预算.pdf}); "" when it embeds one.
   */
  private static String linked(String attachments) {
    if (attachments == null || attachments.isBlank()) return "";
    List<String> names = new ArrayList<>();
    for (String a : attachments.split("\n")) {
      String name = a.contains("\t") ? a.substring(0, a.indexOf('\t')) : a;
      if (!name.isBlank() && names.size() < 5) names.add(name.strip());
    }
    return String.join("; ", names);
  }

  /** The first line of the opening, if it is short enough to be a headline. */
  private static String headline(String preamble) {
    if (preamble == null) return null;
    for (String line : preamble.split("\n")) {
      String t = line.strip();
      if (!t.isEmpty()) return t.length() <= TITLE_MAX ? t : null;
    }
    return null;
  }

  /**
   * The old rule, for files whose opening lines hold no title block: the first short line with a
   * report's words.
   */
  private static String firstTitleLine(String preamble) {
    if (preamble == null) return null;
    for (String line : preamble.split("\n")) {
      String t = line.strip();
      if (t.length() >= 6
          && t.length() <= TITLE_MAX
          && TITLE_WORDS.matcher(t).find()
          && !NOT_TITLE.matcher(t).find()
          && (!t.endsWith("表") || t.contains("公开"))) {
        return t;
      }
    }
    return null;
  }

  // ---- year and kind

  /** The first fiscal year written in {@code s} (arabic or Chinese numerals), or null. */
  static String firstYear(String s) {
    Matcher m = YEAR.matcher(s);
    Matcher h = HAN_YEAR.matcher(s);
    boolean arabic = m.find();
    boolean han = h.find();
    if (arabic && (!han || m.start() < h.start())) return m.group(1).replaceAll("\\s", "");
    if (han) return hanYear(h.group(1));
    return null;
  }

  private static String hanYear(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) sb.append(c == '〇' || c == '零' ? 0 : "一二三四五六七八九".indexOf(c) + 1);
    return sb.toString();
  }

  /**
   * The fiscal year of a document: the year in its title, else the year its tables and report words
   * are most often stated for ({@code 2019年政府采购预算表}, {@code 2023年度}); dates ({@code 2024年4月}) never
   * count.
   */
  static Integer year(String title, String head) {
    if (title != null) {
      String y = firstYear(fold(title));
      if (y != null) return Integer.parseInt(y);
    }
    Map<Integer, Integer> counts = new HashMap<>();
    for (Matcher m = YEAR.matcher(head); m.find(); ) {
      if (m.group(2) != null && !compared(head, m.start()))
        counts.merge(Integer.parseInt(m.group(1).replaceAll("\\s", "")), 2, Integer::sum);
    }
    for (Matcher m = YEAR_OF_TABLE.matcher(head); m.find(); )
      if (!compared(head, m.start())) counts.merge(Integer.parseInt(m.group(1)), 3, Integer::sum);
    return counts.entrySet().stream()
        .max(
            Map.Entry.<Integer, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey)
        .orElse(null);
  }

  /**
   * Whether the year at {@code at} is one compared against ({@code 比2019年预算减少}, {@code
   * 与2019年预算相比}): a budget's words name the year before as often as their own.
   */
  private static boolean compared(String s, int at) {
    int b = at;
    while (b > 0 && Character.isWhitespace(s.charAt(b - 1))) b--;
    return b > 0 && "比较与同".indexOf(s.charAt(b - 1)) >= 0;
  }

  /** The kind a title states, or null when it states none. */
  private static ReportKind kindOfTitle(String title) {
    String t = fold(title);
    // 关于开展2022年度部门整体支出绩效自评工作的报告: a report of an evaluation, whatever verbs it uses
    if (PERFORMANCE_REPORT.matcher(t).find() && !t.contains("审计")) return ReportKind.PERFORMANCE;
    if (NOT_A_REPORT.matcher(t).find()) return ReportKind.OTHER;
    if (t.contains("绩效") || t.contains("评价") || t.contains("自评")) return ReportKind.PERFORMANCE;
    if (t.contains("决算")) return ReportKind.FINAL_ACCOUNTS;
    if (t.contains("预算")) return ReportKind.BUDGET;
    return null;
  }

  /**
   * The kind: what the title says (其他 for rules, notices, news, audits and work reports about
   * budgets); failing a title, what the text's report words say — but only in a text with the
   * sections and tables of a real report.
   */
  static ReportKind kind(String title, String head) {
    if (title != null) {
      ReportKind k = kindOfTitle(title);
      if (k != null) return k;
    }
    String h = fold(head.length() > KIND_HEAD ? head.substring(0, KIND_HEAD) : head);
    java.util.Set<String> structure = new java.util.HashSet<>();
    for (Matcher m = STRUCTURE.matcher(h); m.find(); ) structure.add(m.group());
    if (structure.size() < 2) return ReportKind.OTHER;
    int finals = count(h, "部门决算") + count(h, "单位决算") + count(h, "决算表");
    int budgets = count(h, "部门预算") + count(h, "单位预算") + count(h, "预算表") - count(h, "部门预算项目");
    int performance = count(h, "绩效评价") + count(h, "绩效自评") + count(h, "整体支出绩效");
    // a 决算 or 预算 has its own 绩效 sections: a performance report must say 绩效 more than either
    if (performance > finals && performance > budgets) return ReportKind.PERFORMANCE;
    if (finals > 0 && finals >= budgets) return ReportKind.FINAL_ACCOUNTS;
    if (budgets > 0) return ReportKind.BUDGET;
    return ReportKind.OTHER;
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) n++;
    return n;
  }
}
