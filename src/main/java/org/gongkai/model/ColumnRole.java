package org.gongkai.model;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What a table's column holds, read from its header ({@code 本年决算数}, {@code 年初预算数}, {@code 基本支出} …):
 * the vocabulary of the standard disclosure tables. {@code key} names it in the API and the message
 * bundles ({@code table.role.KEY}); the first role whose pattern the header matches is the
 * column's, so the narrower come first ({@code 上年决算数} before {@code 决算数}).
 */
public enum ColumnRole {
  CODE("code", "科目编码|科目代码|分类编码|^编码$|^代码$|^类款项|^类$|^款$"),
  LINE("line", "^行次$|^栏次$"),
  PRIOR_ACTUAL("priorActual", "上年(?:度)?决算|上年(?:度)?实际|上年(?:度)?执行"),
  PRIOR_BUDGET("priorBudget", "上年(?:度)?预算"),
  INITIAL_BUDGET("initialBudget", "年初预算"),
  ADJUSTED_BUDGET("adjustedBudget", "调整(?:后)?预算|预算调整"),
  FULL_YEAR_BUDGET("fullYearBudget", "全年预算"),
  ACTUAL("actual", "决算数|决算金额|^决算$|本年实际|执行数"),
  BUDGET("budget", "预算数|预算金额|^预算$|本年预算"),
  BASIC("basic", "基本支出"),
  PROJECT("project", "项目支出"),
  PERSONNEL("personnel", "人员经费"),
  PUBLIC_EXPENSE("publicExpense", "公用经费"),
  GENERAL_PUBLIC("generalPublic", "一般公共预算"),
  GOVERNMENT_FUND("governmentFund", "政府性基金"),
  STATE_CAPITAL("stateCapital", "国有资本经营"),
  FISCAL("fiscal", "财政拨款"),
  THREE_PUBLIC("threePublic", "三公"),
  ABROAD("abroad", "因公出国"),
  VEHICLE_PURCHASE("vehiclePurchase", "公务用车购置费"),
  VEHICLE_OPERATION("vehicleOperation", "公务用车运行(?:维护)?费|公务用车运行[（(]维护[)）]费"),
  VEHICLES("vehicles", "公务用车购置及运行"),
  RECEPTION("reception", "公务接待"),
  MEETING("meeting", "^会议费"),
  TRAINING("training", "^培训费"),
  // staff counts: 编制数, 实有人数 (年末实有人数, 实际在职人数), 离退休人数 — not a staff's money (离退休人员经费)
  STAFF_QUOTA("staffQuota", "编制数|编制人数|核定编制"),
  STAFF_ACTUAL("staffActual", "实有人数|实有人员(?!经费|支出|费)|实际在职人数|在职人数|在职实有"),
  STAFF_RETIRED("staffRetired", "离退休人数|离退休人员(?!经费|支出|费)"),
  TOTAL("total", "合计|小计|总计"),
  LABEL("label", "项目|科目名称|名称|^收入$|^支出$"),
  AMOUNT("amount", "金额$|^数额$");

  private final String key;
  private final Pattern header;

  ColumnRole(String key, String header) {
    this.key = key;
    this.header = Pattern.compile(header);
  }

  public String key() {
    return key;
  }

  /** The role of a column with this header (its header rows' cells joined), or null. */
  public static ColumnRole of(String header) {
    String h = SPACES.matcher(header).replaceAll("");
    if (h.isEmpty()) return null;
    for (ColumnRole r : ALL) if (r.header.matcher(h).find()) return r;
    return null;
  }

  private static final List<ColumnRole> ALL = List.of(values());

  private static final java.util.regex.Pattern SPACES =
      java.util.regex.Pattern.compile("[\\s\\u3000]");
}
