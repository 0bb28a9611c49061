package org.gongkai.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The vocabulary of issuers: which endings make a run of characters an organisation's name (总工会,
 * 街道办事处, 人民检察院, 幼儿园, 中心 …), the short, stable department type each name belongs to (a facet value
 * that means the same in every county), and the one normal form of names written several ways
 * (中共江苏省委办公厅 = 中国共产党江苏省委员会办公厅 = 江苏省委办公厅).
 */
public final class Issuers {

  /** A department type and the pattern its names end with; the first that matches a name wins. */
  private record Type(Pattern ending, String type) {}

  private static final List<Type> TYPES = new ArrayList<>();

  /** Every department type, in the order they are tried. */
  public static List<String> types() {
    return TYPES.stream().map(Type::type).distinct().toList();
  }

  private static void type(String type, String... endings) {
    TYPES.add(new Type(Pattern.compile("(?:" + String.join("|", endings) + ")$"), type));
  }

  static {
    // Party, legislature, consultative conference, courts: named by their office, at every level.
    type("人大常委会办公厅", "人大常委会办公[厅室]", "人民代表大会常务委员会办公[厅室]", "人大办公[厅室]", "人大常委会");
    type("政协办公厅", "政协[^\\s]{0,8}委员会办公[厅室]", "政治协商会议[^\\s]{0,12}委员会办公[厅室]", "政协办公[厅室]");
    type("省委办公厅", "省委办公厅", "省委员会办公厅");
    type("市委办公室", "(?:市|州|盟)委办公室", "(?:市|州|盟)委员会办公室");
    type("县委办公室", "(?:县|区|旗)委办公室", "(?:县|区|旗)委员会办公室");
    type("宣传部", "委宣传部", "委员会宣传部");
    type("组织部", "委组织部", "委员会组织部");
    type("统战部", "委统战部", "委统一战线工作部", "委员会统一战线工作部");
    type("社会工作部", "委社会工作部", "委员会社会工作部", "社会工作部");
    type("政法委", "政法委员会", "政法委");
    type("纪委监委", "纪律检查委员会", "纪委", "监察委员会", "纪委监委");
    type("机构编制委员会办公室", "机构编制委员会办公室", "编委办", "编办");
    type("党校", "党校", "行政学院");
    type("法院", "人民法院", "法院");
    type("检察院", "人民检察院", "检察院");
    type("总工会", "总工会");
    type("共青团", "共青团[^\\s]{0,8}委员会", "团[市县区省州]委", "团委");
    type("妇联", "妇女联合会", "妇联");
    type("残联", "残疾人联合会", "残联");
    type("科协", "科学技术协会", "科协");
    type("红十字会", "红十字会");
    type("工商联", "工商业联合会", "工商联");
    // Governments and their offices.
    type("人民政府办公室", "人民政府办公[厅室]", "政府办公[厅室]");
    type("街道办事处", "街道办事处", "街道办", "街道");
    type("乡镇人民政府", "[乡镇]人民政府", "[乡镇]政府", "党政办公室", "党政办");
    type("人民政府", "人民政府");
    // Line departments; a province's 厅 is the county's 局.
    type("教育局", "教育和体育[局厅]", "教育体育局", "教育[局厅]", "教育委员会", "教体局");
    type("卫生健康局", "卫生健康委员会", "卫生健康[局厅]", "卫生和计划生育委员会", "卫健委", "卫健局");
    type("财政局", "财政[局厅]");
    type("人力资源和社会保障局", "人力资源和社会保障[局厅]", "人社局");
    type("民政局", "民政[局厅]");
    type("公安局", "公安[局厅]", "公安分局");
    type("司法局", "司法[局厅]");
    // 上海's districts join planning to it under their own name
    type("规划和自然资源局", "规划和自然资源[局委]");
    type("自然资源局", "自然资源和规划[局厅]", "自然资源[局厅]");
    type("生态环境局", "生态环境[局厅]", "生态环境分局");
    type("住房和城乡建设局", "住房和城乡建设[局厅委]", "住房和城乡建设委员会", "住房和建设局", "住建局");
    type("交通运输局", "交通运输[局厅]", "交通局", "交通(?:运输)?委员会");
    type("水务局", "水利[局厅]", "水务局", "水利和湖泊局");
    type("农业农村局", "农业农村[局厅委]", "农业局");
    type("商务局", "商务[局厅]");
    type("文化和旅游局", "文化和旅游[局厅]", "文化旅游[局厅]", "文化广电(?:和|体育和)?旅游局", "文化广电旅游体育局", "文旅局");
    type("应急管理局", "应急管理[局厅]");
    type("审计局", "审计[局厅]");
    type("市场监督管理局", "市场监督管理(?:总)?局", "市场监管局");
    type("统计局", "统计局");
    type("医疗保障局", "医疗保障局", "医保局");
    type("林业局", "林业(?:和草原)?局");
    type("城市管理局", "综合行政执法局", "城市管理(?:和综合)?执法(?:局|委员会)", "城市管理局", "城管局");
    type("发展和改革局", "发展和改革委员会", "发展和改革局", "发改委", "发改局");
    type("科技局", "科学技术[局厅]", "科技[局厅]");
    type("经济和信息化局", "经济和信息化[局厅委]", "工业和信息化[局厅]", "工信局");
    type("退役军人事务局", "退役军人事务[局厅]");
    type("信访局", "信访局", "信访办公室");
    type("国资委", "国有资产监督管理委员会", "国资委");
    type("气象局", "气象局");
    type("数据局", "政务服务和数据管理局", "大数据(?:发展)?管理局", "数据局");
    type("档案馆", "档案馆", "档案局");
    type("税务局", "税务局");
    // Schools, hospitals, homes, centres.
    type("高校", "大学", "高等专科学校", "职业技术学院", "学院");
    type("幼儿园", "幼儿园");
    type("学校", "小学", "中学", "学校", "学校本部", "教学点", "学区");
    type("社区卫生服务中心", "社区卫生服务中心", "社区卫生服务站");
    type("卫生院", "卫生院");
    type("医院", "妇幼保健院", "妇幼保健计划生育服务中心", "医院");
    type("疾控中心", "疾病预防控制中心", "疾控中心");
    type("社会福利院", "社会福利院");
    type("福利院", "福利院", "敬老院", "养老院", "救助站", "福利中心");
    // no type for what only says it is a 中心, 委员会 or 办公室: its own name (数据发展中心, 商务委员会) says more
  }

  /**
   * Endings that make a name an organisation's (longest first where one ends another). Single
   * characters only where they rarely end anything else in a report: 局, 厅, 馆, 站, 所, 队, 处 (not 社 or
   * 团, which end 社区 and 团结 as often as 合作社 and 艺术团).
   */
  private static final String ENDING_WORDS =
      "(?:总工会|联合会|工商联|妇联|残联|科协|红十字会|委员会|管委会|常委会|办公厅|办公室|党政办|编办|办事处|街道|人民政府|政府"
          + "|宣传部|组织部|统战部|工作部|武装部|政法委|纪委|监委|团委|党校|大学|学院|学校|小学|中学|学区|幼儿园|教学点"
          + "|中心|服务站|卫生院|医院|保健院|福利院|敬老院|养老院|救助站|检察院|法院|研究院|设计院|科学院"
          + "|合作社|供销社|艺术团|歌舞团|局|厅|馆|所|队|处|站)";

  private static final Pattern ORG_END = Pattern.compile(ENDING_WORDS + "$");

  /**
   * The same endings by their last character, longest first: scanning a text for where names end
   * looks up one character per position instead of trying seventy alternatives at each.
   */
  private static final java.util.Map<Character, List<String>> BY_LAST_CHAR = byLastChar();

  private static java.util.Map<Character, List<String>> byLastChar() {
    java.util.Map<Character, List<String>> m = new java.util.HashMap<>();
    for (String w : ENDING_WORDS.substring(3, ENDING_WORDS.length() - 1).split("\\|")) {
      m.computeIfAbsent(w.charAt(w.length() - 1), k -> new ArrayList<>()).add(w);
    }
    m.values().forEach(l -> l.sort((a, b) -> b.length() - a.length()));
    return m;
  }

  /**
   * The length of the longest organisation-name ending that ends at {@code end} in {@code text}, or
   * 0.
   */
  static int endingBefore(String text, int end) {
    List<String> words = BY_LAST_CHAR.get(text.charAt(end - 1));
    if (words == null) return 0;
    for (String w : words)
      if (end >= w.length() && text.startsWith(w, end - w.length())) return w.length();
    return 0;
  }

  private Issuers() {}

  /** Whether {@code name} ends the way an organisation's name does. */
  public static boolean isOrganisation(String name) {
    return name != null && name.length() >= 3 && ORG_END.matcher(name).find();
  }

  /**
   * The department type of {@code name}: a short, stable word; the name without its place when none
   * fits ({@code placeLength}: the length of the place that opens {@link #normal}{@code (name)}).
   */
  public static String type(String name, int placeLength) {
    String n = normal(name);
    for (Type t : TYPES) if (t.ending().matcher(n).find()) return t.type();
    // a county's branch of a city's bureau (规划和自然资源局宝安管理局): the bureau's type
    for (int at = n.indexOf('局'); at > 0 && at < n.length() - 1; at = n.indexOf('局', at + 1)) {
      String bureau = n.substring(0, at + 1);
      for (Type t : TYPES) if (t.ending().matcher(bureau).find()) return t.type();
    }
    String own =
        n.substring(Math.min(placeLength, n.length())); // the place was measured on the normal form
    // a government's own office or commission (人民政府口岸办公室) is named by the office, not the
    // government
    if (own.startsWith("人民政府") && own.length() > "人民政府".length() + 1)
      own = own.substring("人民政府".length());
    return own.isEmpty() ? "其他" : own;
  }

  /**
   * The one form of an issuer's name used to tell whether two reports share an issuer:
   * 中国共产党江苏省委员会办公厅 and 中共江苏省委办公厅 both become 江苏省委办公厅 ({@link org.gongkai.model.IssuerNames}).
   */
  public static String normal(String name) {
    return org.gongkai.model.IssuerNames.normal(name);
  }
}
