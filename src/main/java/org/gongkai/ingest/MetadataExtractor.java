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
 * Reads a document's metadata from its clean text: the title line, the issuing department (a place
 * name followed by a department name such as 总工会 or 教育局), its type, the fiscal year the report
 * covers, the kind of report, and the region.
 */
public final class MetadataExtractor {

  public static final String FINAL_ACCOUNTS = "部门决算";
  public static final String BUDGET = "部门预算";
  public static final String PERFORMANCE = "绩效评价";
  public static final String OTHER = "其他";

  /** Department name endings and the department type each one means; longer endings first. */
  private static final Map<String, String> DEPARTMENTS = new LinkedHashMap<>();

  static {
    String[][] table = {
      {"总工会", "总工会"},
      {"教育和体育局", "教育局"}, {"教育体育局", "教育局"}, {"教育局", "教育局"},
      {"卫生健康委员会", "卫生健康局"}, {"卫生健康局", "卫生健康局"}, {"卫生和计划生育委员会", "卫生健康局"},
      {"财政局", "财政局"},
      {"人力资源和社会保障局", "人力资源和社会保障局"},
      {"民政局", "民政局"}, {"公安局", "公安局"}, {"公安分局", "公安局"}, {"司法局", "司法局"},
      {"自然资源和规划局", "自然资源局"}, {"自然资源局", "自然资源局"},
      {"生态环境局", "生态环境局"}, {"生态环境分局", "生态环境局"},
      {"住房和城乡建设局", "住房和城乡建设局"}, {"交通运输局", "交通运输局"},
      {"水利局", "水务局"}, {"水务局", "水务局"}, {"水利和湖泊局", "水务局"},
      {"农业农村局", "农业农村局"}, {"商务局", "商务局"},
      {"文化和旅游局", "文化和旅游局"}, {"文化旅游局", "文化和旅游局"},
      {"应急管理局", "应急管理局"}, {"审计局", "审计局"}, {"市场监督管理局", "市场监督管理局"},
      {"统计局", "统计局"}, {"医疗保障局", "医疗保障局"}, {"林业局", "林业局"},
      {"城市管理执法局", "城市管理局"}, {"城市管理局", "城市管理局"},
      {"发展和改革委员会", "发展和改革局"}, {"发展和改革局", "发展和改革局"},
      {"科学技术局", "科技局"}, {"科技局", "科技局"}, {"经济和信息化局", "经济和信息化局"},
      {"退役军人事务局", "退役军人事务局"}, {"信访局", "信访局"}, {"档案馆", "档案馆"},
      {"人民法院", "法院"}, {"人民检察院", "检察院"},
      {"妇女联合会", "妇联"}, {"妇联", "妇联"}, {"残疾人联合会", "残联"}, {"残联", "残联"},
      {"科学技术协会", "科协"}, {"科协", "科协"}, {"红十字会", "红十字会"},
      {"人民政府办公室", "政府办公室"}, {"街道办事处", "街道办事处"}, {"人民政府", "人民政府"},
      {"小学", "学校"}, {"中学", "学校"}, {"学校", "学校"}, {"幼儿园", "学校"}, {"学院", "学校"}, {"大学", "学校"},
      {"妇幼保健院", "医院"}, {"卫生院", "医院"}, {"医院", "医院"}, {"疾病预防控制中心", "疾控中心"},
    };
    for (String[] row : table) DEPARTMENTS.put(row[0], row[1]);
  }

  /** Types whose names carry a free part between place and ending (武汉市第一中学, 汉阳区妇幼保健院). */
  private static final List<String> NAMED_TYPES = List.of("学校", "医院");
  private static final int MAX_FREE_PART = 8;
  private static final Pattern TITLE_WORDS = Pattern.compile("决算|预算|报告|绩效|自评|公开");
  private static final Pattern YEAR = Pattern.compile("(20\\d{2})\\s*年度?");
  private static final Pattern YEAR_OF_REPORT = Pattern.compile("(20\\d{2})\\s*年度");
  private static final int TITLE_MAX = 60;
  private static final int HEAD = 3000;

  private final RegionResolver regions;

  public MetadataExtractor(RegionResolver regions) {
    this.regions = regions;
  }

  /**
   * @param preamble the clean text before the first section heading
   * @param fileTitle the title the file format declares (HTML {@code <title>}), or null
   */
  public DocumentMetadata extract(String text, String preamble, String fileTitle) {
    String title = titleLine(preamble);
    if (title == null && fileTitle != null && TITLE_WORDS.matcher(fileTitle).find()) title = fileTitle.strip();
    String head = text.length() > HEAD ? text.substring(0, HEAD) : text;
    Issuer issuer = issuer(title, text);
    Integer year = year(title, head);
    String kind = kind(title, head);
    String issuerName = issuer == null ? null : issuer.name();
    if (title == null && issuerName != null) {
      title = issuerName + (year == null ? "" : year + "年度") + (kind.equals(OTHER) ? "报告" : kind);
    }
    RegionMatch region = regions.resolve(issuerName, title, text);
    return new DocumentMetadata(title, issuerName, issuer == null ? null : issuer.type(), kind, year, region);
  }

  private static String titleLine(String preamble) {
    for (String line : preamble.split("\n")) {
      String t = line.strip();
      if (t.length() >= 6 && t.length() <= TITLE_MAX && TITLE_WORDS.matcher(t).find()) return t;
    }
    return null;
  }

  record Issuer(String name, String type) {}

  /** The issuer named in the title, else the one the text names most often. */
  Issuer issuer(String title, String text) {
    if (title != null) {
      List<String> inTitle = candidates(title);
      if (!inTitle.isEmpty()) return typed(inTitle.get(0));
    }
    Map<String, Integer> counts = new HashMap<>();
    List<String> order = new ArrayList<>();
    for (String c : candidates(text)) {
      if (counts.merge(c, 1, Integer::sum) == 1) order.add(c);
    }
    if (order.isEmpty()) return null;
    // Group short and long forms of the same issuer (鄂城区总工会 / 鄂州市鄂城区总工会): a candidate
    // counts for every longer candidate that ends with it; the longest of the best group wins.
    String best = null;
    int bestScore = -1;
    for (String c : order) {
      int score = 0;
      for (String other : order) if (c.endsWith(other)) score += counts.get(other);
      if (score > bestScore || score == bestScore && c.length() > best.length()) {
        best = c;
        bestScore = score;
      }
    }
    return typed(best);
  }

  private static Issuer typed(String name) {
    for (var e : DEPARTMENTS.entrySet()) if (name.endsWith(e.getKey())) return new Issuer(name, e.getValue());
    return new Issuer(name, OTHER);
  }

  /** Every "place names + department ending" in the text, in order, longest form at each place. */
  private List<String> candidates(String text) {
    List<String> out = new ArrayList<>();
    for (var e : DEPARTMENTS.entrySet()) {
      String ending = e.getKey();
      for (int at = text.indexOf(ending); at >= 0; at = text.indexOf(ending, at + ending.length())) {
        String name = withPlace(text, at, ending, NAMED_TYPES.contains(e.getValue()));
        if (name != null) out.add(name);
      }
    }
    // keep the candidates in text order for the title case
    out.sort((a, b) -> Integer.compare(text.indexOf(a), text.indexOf(b)));
    return out;
  }

  /** The name ending at {@code at + ending}: the longest run of Han characters before it that starts with a place. */
  private String withPlace(String text, int at, String ending, boolean freePart) {
    int runStart = at;
    while (runStart > 0 && Character.UnicodeScript.of(text.codePointAt(runStart - 1)) == Character.UnicodeScript.HAN
        && at - runStart < 24) {
      runStart--;
    }
    for (int s = runStart; s < at; s++) {
      String prefix = text.substring(s, at);
      int place = regions.placePrefixLength(prefix);
      if (place == 0) continue;
      int free = prefix.length() - place;
      if (free == 0 || freePart && free <= MAX_FREE_PART) {
        return prefix + ending;
      }
    }
    return null;
  }

  static Integer year(String title, String head) {
    if (title != null) {
      Matcher m = YEAR.matcher(title);
      if (m.find()) return Integer.parseInt(m.group(1));
    }
    Map<Integer, Integer> counts = new HashMap<>();
    for (Matcher m = YEAR_OF_REPORT.matcher(head); m.find(); ) counts.merge(Integer.parseInt(m.group(1)), 1, Integer::sum);
    return counts.entrySet().stream()
        .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey)
        .orElse(null);
  }

  static String kind(String title, String head) {
    if (title != null) {
      if (title.contains("绩效")) return PERFORMANCE;
      if (title.contains("决算")) return FINAL_ACCOUNTS;
      if (title.contains("预算")) return BUDGET;
    }
    int finals = count(head, "部门决算") + count(head, "单位决算") + count(head, "决算表");
    int budgets = count(head, "部门预算") + count(head, "单位预算") + count(head, "预算表") - count(head, "部门预算项目");
    int performance = count(head, "绩效评价") + count(head, "绩效自评") + count(head, "整体支出绩效");
    if (performance > 0 && performance >= finals && performance >= budgets) return PERFORMANCE;
    if (finals > 0 && finals >= budgets) return FINAL_ACCOUNTS;
    if (budgets > 0) return BUDGET;
    return OTHER;
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) n++;
    return n;
  }
}
