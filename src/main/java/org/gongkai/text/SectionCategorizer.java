package org.gongkai.text;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives a section one category from the fixed list, from its heading; where the heading is vague,
 * from the keywords its body uses most; failing that, its parent's category.
 */
public final class SectionCategorizer {

  public static final String OTHER = "其他";

  /**
   * Checked in this order: the first match on a heading wins, so specific categories come first.
   */
  private static final Map<String, Pattern> RULES = new LinkedHashMap<>();

  static {
    RULES.put("名词解释", Pattern.compile("名词解释"));
    RULES.put("三公经费", Pattern.compile("三公|因公出国|公务接待|公务用车"));
    // 机关运行经费; 机构运行经费 (as later final accounts name it), 机关（机构）运行经费
    RULES.put("机关运行经费", Pattern.compile("机关运行|机构运行经费|机关[（(]机构[）)]运行"));
    RULES.put("政府采购", Pattern.compile("政府采购"));
    RULES.put("国有资产", Pattern.compile("国有资产"));
    RULES.put("预算绩效", Pattern.compile("绩效|自评"));
    RULES.put("政府性基金与国有资本", Pattern.compile("政府性基金|国有资本"));
    RULES.put("基本支出", Pattern.compile("基本支出"));
    RULES.put("财政拨款", Pattern.compile("财政拨款"));
    RULES.put("收支总体", Pattern.compile("收入支出|收支|收、支|收入、支出"));
    RULES.put("收入", Pattern.compile("收入"));
    RULES.put("支出", Pattern.compile("支出"));
    RULES.put("决算报表", Pattern.compile("决算表|预算表|报表|公开\\d+表"));
    RULES.put("部门概况", Pattern.compile("概况|职责|职能|机构设置|机构组成|基本情况|人员|编制"));
  }

  /** Every category a section may have, in the order rules are checked, then {@link #OTHER}. */
  public static final List<String> CATEGORIES;

  static {
    List<String> all = new java.util.ArrayList<>(RULES.keySet());
    all.add(OTHER);
    CATEGORIES = List.copyOf(all);
  }

  private static final int BODY_SAMPLE = 300;

  /** Column and row labels that only the statutory report tables carry. */
  private static final Pattern REPORT_TABLE = Pattern.compile("行次|栏次|公开\\d+表|财决\\d+表");

  public String categorize(String heading, String body, String parentCategory) {
    for (var rule : RULES.entrySet()) {
      if (rule.getValue().matcher(heading).find()) return rule.getKey();
    }
    String sample = body.length() > BODY_SAMPLE ? body.substring(0, BODY_SAMPLE) : body;
    if (REPORT_TABLE.matcher(sample).find()) return "决算报表";
    String best = null;
    int bestCount = 0;
    for (var rule : RULES.entrySet()) {
      int count = 0;
      for (Matcher m = rule.getValue().matcher(sample); m.find(); ) count++;
      if (count > bestCount) {
        best = rule.getKey();
        bestCount = count;
      }
    }
    if (best != null) return best;
    return parentCategory == null ? OTHER : parentCategory;
  }
}
