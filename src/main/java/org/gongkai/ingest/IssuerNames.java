package org.gongkai.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.model.RegionMatch;
import org.gongkai.regions.RegionResolver;

/**
 * Who issued a document, as {@link MetadataExtractor} decides it: the name its title gives before
 * the year or the kind, the name its part headings repeat, the unit its tables' headers name (by
 * majority), a web page's own title and 发布机构, the organisation its text names most often, and last
 * the title its file declares. {@link Issuers} says what an organisation's name is; this class says
 * where a report states its own.
 */
final class IssuerNames {

  private final RegionResolver regions;

  IssuerNames(RegionResolver regions) {
    this.regions = regions;
  }

  private static final Pattern CHROME_ISSUER =
      Pattern.compile("(?:发布机构|发文机关|发布单位|信息来源|来源)\\s*[:：]?\\s*([\\p{IsHan}（）()]{3,40})");

  /** The start of the next line that may finish a broken name. */
  private static final Pattern HAN_RUN = Pattern.compile("[\\p{IsHan}]{1,6}");

  /** The labels of a table header's unit (部门：, 单位名称： …); 单位 last, as it ends the others. */
  private static final List<String> HEADER_LABELS =
      List.of("部门名称", "单位名称", "编制单位", "填报单位", "预算单位", "部门", "单位");

  private static final Pattern HEADER_VALUE = Pattern.compile("\\s*([\\p{IsHan}（）()]{2,40})");

  /** Before a title: a file code (360035), spaces, 关于 — but not the year. */
  private static final Pattern LEADING_JUNK = Pattern.compile("^(?:\\d{5,}|[\\s.、-]+|关于)+");

  private static final int MAX_NAME = 30;

  /** The longest run of characters an organisation's name (place and all) is looked for in. */
  private static final int MAX_RUN = 24;

  /** Words that make a run a sentence, not a name (营盘乡人民政府作为一级政府). */
  private static final Pattern SENTENCE_WORDS = Pattern.compile("作为|是|的|在|由|将|按|负责|包括|履行");

  /** Where the issuer's name ends in a title: the year or the first word of the report's kind. */
  private static final Pattern TITLE_CUT =
      Pattern.compile(
          "(?:19|20)\\d{2}\\s*年|(?<![0-9])(?:19|20)\\d{2}(?=\\s?(?:部门|单位)(?:预算|决算))|[〇零一二三四五六七八九]{4}\\s*年|部门决算|部门预算|单位决算|单位预算|整体支出|项目支出|决算|预算|绩效");

  /** Words after an organisation's name that say its own body or level: 机关, 本级. */
  private static final Pattern OWN_BODY = Pattern.compile("(?:机关|本级)$");

  /** How much of a text is read for the organisations it names: enough for any report's body. */
  private static final int TEXT_SCAN = 30_000;

  static final Pattern TRAILING_ASIDE = Pattern.compile("\\s*[（(][^（()）]*[）)]\\s*$");

  record Named(String name, String from) {}

  /** Who published a page: 发布机构、来源、主办 … as its page or its opening says. */
  private static final Pattern PUBLISHER =
      Pattern.compile("(?:发布机构|发文机关|发布单位|信息来源|来源|主办单位|主办)\\s*[:：]\\s*([\\p{IsHan}（）()]{3,40})");

  /**
   * The body that published a page that is no report: named as its publisher (发布机构, 来源, 主办) in the
   * page around its content or in its opening, else the site its title names; null when neither
   * names an organisation.
   */
  static Named publisher(String chrome, String head, String pageTitle) {
    for (String where :
        new String[] {head.length() > 600 ? head.substring(0, 600) : head, chrome}) {
      if (where == null) continue;
      for (Matcher m = PUBLISHER.matcher(where); m.find(); ) {
        String n = organisationPrefix(m.group(1));
        if (n != null) return new Named(n, "pageChrome");
      }
    }
    if (pageTitle != null) {
      String[] parts = TITLE_PARTS.split(pageTitle.strip());
      for (int i = parts.length - 1; i >= 0; i--) {
        String site = parts[i].strip().replaceAll("(?:门户网站|网站|政府网|首页)$", "");
        if (Issuers.isOrganisation(site)) return new Named(site, "pageChrome");
      }
    }
    return null;
  }

  Named issuer(
      String title,
      String titleFrom,
      List<String> headers,
      String text,
      String chrome,
      String pageTitle,
      String fileTitle) {
    String fromTitle = title == null ? null : issuerInTitle(title);
    // the report's parts name it in full (第一部分上海市普陀区规划和自然资源局概况): the whole name of what a
    // title broke or shortened
    String inParts = issuerInParts(text.length() > TEXT_SCAN ? text.substring(0, TEXT_SCAN) : text);
    if (fromTitle != null) {
      if (inParts != null
          && inParts.length() > fromTitle.length()
          && Issuers.normal(inParts).endsWith(Issuers.normal(fromTitle)))
        return new Named(inParts, "parts");
      return new Named(fromTitle, titleFrom);
    }
    if (inParts != null) return new Named(inParts, "parts");
    String header = majority(headers);
    String inText = issuerInText(text.length() > TEXT_SCAN ? text.substring(0, TEXT_SCAN) : text);
    if (header != null) {
      // a table header may drop the district (上海市规划和自然资源局 in a 普陀区 report): the same
      // department the text names with a deeper place is the issuer
      if (inText != null && deeperSameDepartment(inText, header)) return new Named(inText, "text");
      return new Named(header, "tableHeader");
    }
    String inPageTitle = pageTitle == null ? null : issuerInTitle(withoutSiteName(pageTitle));
    if (inPageTitle != null) return new Named(inPageTitle, "pageChrome");
    if (inText != null) return new Named(inText, "text");
    if (chrome != null) {
      List<String> named = new ArrayList<>();
      for (Matcher m = CHROME_ISSUER.matcher(chrome); m.find(); ) {
        String n = organisationPrefix(m.group(1));
        if (n != null) named.add(n);
      }
      if (!named.isEmpty()) return new Named(named.get(0), "pageChrome");
    }
    String inFileTitle = fileTitle == null ? null : issuerInTitle(fileTitle);
    return inFileTitle == null ? null : new Named(inFileTitle, "fileTitle");
  }

  /** A part heading that names its report's issuer: 第一部分 NAME 概况, 第二部分 NAME 2024 年度部门决算表. */
  private static final Pattern PART_NAME =
      Pattern.compile(
          "(?m)^\\s*第[一二三四五六七八九十]+部分\\s*[:：]?\\s*([\\p{IsHan}（）()]{3,30}?)\\s*(?:概况|基本情况|(?:19|20)\\d{2}\\s*年)");

  /**
   * The issuer named alike by two or more of the report's part headings, or null: what the report
   * calls itself where it is most careful.
   */
  static String issuerInParts(String text) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Matcher m = PART_NAME.matcher(text); m.find(); ) {
      String name = m.group(1).strip();
      if (Issuers.isOrganisation(name)) counts.merge(name, 1, Integer::sum);
    }
    for (var e : counts.entrySet()) if (e.getValue() >= 2) return e.getKey();
    return null;
  }

  /**
   * Whether {@code deeper} is {@code shallower}'s department named with more of its place (普陀区
   * inside 上海市).
   */
  private boolean deeperSameDepartment(String deeper, String shallower) {
    String d = Issuers.normal(deeper);
    String s = Issuers.normal(shallower);
    int dPlace = regions.placePrefixLength(d);
    int sPlace = regions.placePrefixLength(s);
    if (dPlace <= sPlace || sPlace == 0 || !d.substring(dPlace).equals(s.substring(sPlace)))
      return false;
    RegionMatch inner = regions.resolve(d, null, "");
    RegionMatch outer = regions.resolve(s, null, "");
    return inner.decided()
        && outer.decided()
        && inner.region().path().size() > outer.region().path().size()
        && inner
            .region()
            .path()
            .subList(0, outer.region().path().size())
            .equals(outer.region().path());
  }

  /** Between the parts of a page's title: its article's title and its site's name. */
  static final Pattern TITLE_PARTS = Pattern.compile("\\s*(?:[_|｜—–－]+|(?<![0-9])-+(?![0-9]))\\s*");

  /** A part of a page's title that names the site (…人民政府, …门户网站), not what the page shows. */
  static final Pattern SITE_NAME = Pattern.compile(".*(?:人民政府|政府网|门户网站|网站|政务网|信息公开网|政府信息公开|政务公开)");

  /**
   * A page's title without the parts that name its site: a portal titles its pages {@code 第一部分 部门概况
   * - 某某市人民政府}, and the government that runs the site is not the department whose report the page
   * shows (a report of the government itself says so in its own part).
   */
  static String withoutSiteName(String pageTitle) {
    String[] parts = TITLE_PARTS.split(pageTitle.strip());
    if (parts.length < 2) return pageTitle;
    List<String> kept = new ArrayList<>();
    for (String part : parts) if (!SITE_NAME.matcher(part).matches()) kept.add(part);
    return String.join(" ", kept);
  }

  /** The name before the year or the kind in a title (2017 年度江苏省高级人民法院部门预算公开 → 江苏省高级人民法院). */
  static String issuerInTitle(String title) {
    String t = LEADING_JUNK.matcher(title.strip()).replaceFirst("");
    Matcher lead = MetadataExtractor.YEAR.matcher(t);
    if (lead.lookingAt()) t = t.substring(lead.end()).strip();
    Matcher cut = TITLE_CUT.matcher(t);
    String before =
        TRAILING_ASIDE
            .matcher((cut.find() ? t.substring(0, cut.start()) : t).strip())
            .replaceAll("");
    String[] words = before.split("\\s+");
    // 某某娱乐城 东城区人民法院: words before the name proper (an injected advert, a site's name) are dropped
    // when the last word is a whole organisation name of its own
    String last = words[words.length - 1];
    String name =
        words.length > 1 && Issuers.isOrganisation(last) && last.length() >= 5
            ? last
            : before.replaceAll("\\s+", "");
    if (name.endsWith("的")) name = name.substring(0, name.length() - 1);
    // 某某市人民政府办公室机关, 某某厅本级: the organisation's own body or level, named by the organisation
    String own = OWN_BODY.matcher(name).replaceFirst("");
    // 某某市教育局局本级: the bureau's own level, its 局 said twice
    int n = own.length();
    if (n >= 2
        && own.charAt(n - 1) == own.charAt(n - 2)
        && "局厅委办院署".indexOf(own.charAt(n - 1)) >= 0) own = own.substring(0, n - 1);
    if (!Issuers.isOrganisation(name) && Issuers.isOrganisation(own)) name = own;
    return name.length() <= MAX_NAME && Issuers.isOrganisation(name) ? name : null;
  }

  /**
   * Every unit a table header names ({@code 部门：中共江苏省委办公厅单位：万元}), mending a name broken over two
   * lines.
   */
  static List<String> headerValues(String text) {
    List<String> out = new ArrayList<>();
    // found from each colon backwards: one alternation tried at every position of a long text is
    // slow
    for (int colon = 0; colon < text.length(); colon++) {
      char c = text.charAt(colon);
      if (c != ':' && c != '：') continue;
      int label = colon;
      while (label > 0 && text.charAt(label - 1) == ' ') label--;
      if (!endsWithHeaderLabel(text, label)) continue;
      Matcher m = HEADER_VALUE.matcher(text).region(colon + 1, Math.min(text.length(), colon + 60));
      if (!m.lookingAt()) continue;
      String v = m.group(1);
      int unit = v.indexOf("单位");
      if (unit >= 0 && v.indexOf("办事处") != unit - 3) v = v.substring(0, unit);
      v = v.replaceFirst("金额$", "");
      String name = organisationPrefix(v);
      int eol = m.end(1);
      if (!v.equals(name) && eol < text.length() && text.charAt(eol) == '\n') {
        // 中国共产党江苏省委员会办 / 公厅: a name broken over two lines goes on at the start of the next
        Matcher next = HAN_RUN.matcher(text).region(eol + 1, text.length());
        String joined = next.lookingAt() ? organisationPrefix(v + next.group()) : null;
        if (joined != null && (name == null || joined.length() > v.length())) name = joined;
      }
      if (name != null) out.add(name);
    }
    return out;
  }

  private static boolean endsWithHeaderLabel(String text, int end) {
    for (String label : HEADER_LABELS)
      if (end >= label.length() && text.startsWith(label, end - label.length())) return true;
    return false;
  }

  /** The longest prefix of {@code s} that is an organisation's name, or null. */
  private static String organisationPrefix(String s) {
    String v = s.strip();
    for (int end = Math.min(v.length(), MAX_NAME); end >= 3; end--) {
      String p = v.substring(0, end);
      if (Issuers.isOrganisation(p)) return p;
    }
    return null;
  }

  private static String majority(List<String> values) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String v : values) counts.merge(v, 1, Integer::sum);
    return counts.entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey)
        .orElse(null);
  }

  /**
   * The organisation the text names most often: a place followed by an organisation's name
   * (鄂州市鄂城区总工会), short and long forms counted together, or the 省/市/县 shorthand of a report about
   * itself (省政协办公厅 in a province's report), spelled out with the province or city the text names.
   */
  String issuerInText(String text) {
    Map<String, Integer> counts = new HashMap<>();
    List<String> order = new ArrayList<>();
    Map<String, Integer> shorthand = new LinkedHashMap<>();
    // the place chain starting at each position, computed once: runs before nearby endings overlap
    Map<Integer, int[]> chains = new HashMap<>();
    for (int end = 1; end <= text.length(); end++) {
      int ending = Issuers.endingBefore(text, end);
      if (ending == 0) continue;
      int runStart = end - ending;
      while (runStart > 0 && isHan(text.codePointAt(runStart - 1)) && end - runStart < MAX_RUN)
        runStart--;
      String name = null;
      for (int s = runStart; s < end - ending && name == null; s++) {
        // 中共某某县委宣传部: the place follows the party's name
        int at = text.startsWith("中国共产党", s) ? s + 5 : text.startsWith("中共", s) ? s + 2 : s;
        final int start = at;
        int[] ends = chains.computeIfAbsent(start, k -> regions.placeEnds(text, k, k + MAX_RUN));
        int place = 0;
        for (int e : ends) if (e <= end - ending) place = e;
        int free = end - place;
        if (place > 0
            && free >= 2
            && free <= 12
            && !SENTENCE_WORDS.matcher(text).region(place, end).find()) {
          name = text.substring(s, end);
        }
      }
      if (name != null) {
        if (counts.merge(name, 1, Integer::sum) == 1) order.add(name);
        continue;
      }
      // 省政协办公厅: a level word opening the name, after a break or a word such as 即 or 包括
      for (int s = runStart; s < end - ending; s++) {
        char c = text.charAt(s);
        int length = end - s;
        if ((c == '省' || c == '市')
            && length >= 4
            && length <= 12
            && !text.startsWith("市场", s)
            && (s == runStart && (s == 0 || !isHan(text.codePointAt(s - 1)))
                || "即括由是和与及为对".indexOf(text.charAt(s - 1)) >= 0)) {
          shorthand.merge(text.substring(s, end), 1, Integer::sum);
          break;
        }
      }
    }
    String best = null;
    int bestScore = 0;
    // Group short and long forms of the same issuer (鄂城区总工会 / 鄂州市鄂城区总工会): a candidate
    // counts for every longer candidate that ends with it; the longest of the best group wins.
    for (String c : order) {
      int score = 0;
      for (String other : order) if (c.endsWith(other)) score += counts.get(other);
      if (score > bestScore || score == bestScore && best != null && c.length() > best.length()) {
        best = c;
        bestScore = score;
      }
    }
    var shortBest = shorthand.entrySet().stream().max(Map.Entry.comparingByValue()).orElse(null);
    if (shortBest != null && shortBest.getValue() >= 2 && shortBest.getValue() > bestScore) {
      boolean province = shortBest.getKey().startsWith("省");
      RegionMatch where =
          regions.resolve(
              List.of(), text, province ? RegionResolver.PROVINCE : RegionResolver.CITY);
      String place =
          !where.decided() ? null : province ? where.region().province() : where.region().city();
      if (place != null) return place + shortBest.getKey().substring(1);
    }
    return best;
  }

  private static boolean isHan(int cp) {
    return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
  }

  /**
   * How deep the text's own place mentions may decide the region: a province's report (省政协办公厅) to
   * the province, a named unit with no place (西南大学) to its city; a county's shorthand (区委宣传部) not
   * at all, as the text cannot tell its county.
   */
  /**
   * A central body: a 国家… bureau, a ministry's (中国…大学), the 国务院's — in no province, whatever places
   * its report mentions (对口支援新疆).
   */
  private static final Pattern CENTRAL = Pattern.compile("^(?:国家|国务院|中央|全国|中华人民共和国|中国(?!共产党))");

  static int textLevel(String issuer) {
    if (issuer == null) return RegionResolver.CITY;
    if (CENTRAL.matcher(issuer).find()) return 0;
    String n = Issuers.normal(issuer);
    if (n.startsWith("省")) return RegionResolver.PROVINCE;
    if (n.startsWith("县") || n.startsWith("区") || n.startsWith("旗")) return 0;
    return RegionResolver.CITY;
  }
}
