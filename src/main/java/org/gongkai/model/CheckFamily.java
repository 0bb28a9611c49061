package org.gongkai.model;

import java.util.List;
import java.util.Optional;

/**
 * The families of checks a reviewer applies to a report, as a search facet ({@code check:表内合计}) and
 * on the document page: each flag belongs to one, by its code. The Chinese {@link #label} is the
 * facet's value (stored in the index, as {@link ReportKind}'s labels are); pages in English word it
 * from the message bundle ({@code check.<id>}).
 */
public enum CheckFamily {
  /** A figure the text states against its table, or stated twice differently. */
  TEXT_TABLE(
      "text_table",
      "文字与表格不符",
      "stated_twice",
      "undecided",
      "item_text_table",
      "project_text",
      "procurement_text_table"),
  /** 大于 / 小于 / 持平 / 增长X% / 占X% / 完成X% against the amounts they describe. */
  WORDING(
      "wording",
      "说法与数字不符",
      "budget_actual",
      "completion",
      "completion_of_nothing",
      "change_percent",
      "change_and_level",
      "change",
      "change_direction",
      "change_from_zero",
      "change_amount",
      "share",
      "share_of_parts",
      "carry_over"),
  /** A table's 合计 against its rows, 类 against 款 and 项, 合计 against 基本 + 项目. */
  TABLE(
      "table",
      "合计与分项不符",
      "table_sum",
      "parts_of_expenditure",
      "parts_of_stated_spending",
      "parts_of_basic",
      "parts_of_three_public",
      "parts_of_procurement",
      "parts_of_vehicles",
      "totals",
      "project_sum",
      "project_row",
      "project_columns"),
  /** The summary table's identities, one line in two tables. */
  ACROSS_TABLES("across_tables", "表与表不符", "summary_balance"),
  /** The report against itself: year and issuer in headings, placeholders, punctuation. */
  REPORT(
      "report",
      "年度单位与文字差错",
      "heading_year",
      "as_of_year",
      "broken_year",
      "heading_issuer",
      "placeholder",
      "doubled_punctuation",
      "missing_figure"),
  /** Standard tables missing, only named, or empty without saying so. */
  COMPLETENESS(
      "completeness",
      "公开表缺失或为空",
      "missing_table",
      "named_table",
      "empty_table",
      "empty_table_figures",
      "empty_table_money",
      "tables_apart"),
  /**
   * A government's own budget against itself: the whole city's figure against its own level's, tax
   * against the revenue it is part of, a debt balance against its limit.
   */
  GOVERNMENT(
      "government",
      "政府收支级次与限额不符",
      "level_order",
      "tax_over_revenue",
      "revenue_parts",
      "debt_over_limit",
      "growth_from_amounts",
      "completion_from_amounts",
      "debt_kinds");

  private final String id;
  private final String label;
  private final List<String> codes;

  CheckFamily(String id, String label, String... codes) {
    this.id = id;
    this.label = label;
    this.codes = List.of(codes);
  }

  public String id() {
    return id;
  }

  /** The family's name as the facet stores and Chinese pages show it. */
  public String label() {
    return label;
  }

  /** The codes of the flags of this family ({@code flag.<code>} in the message bundles). */
  public List<String> codes() {
    return codes;
  }

  /** The family a flag's code belongs to (none for a flag kept from an old index as a sentence). */
  public static Optional<CheckFamily> of(String code) {
    if (code == null) return Optional.empty();
    for (CheckFamily f : values()) if (f.codes.contains(code)) return Optional.of(f);
    return Optional.empty();
  }

  /** The family whose {@link #label} or {@link #id} is {@code s}. */
  public static Optional<CheckFamily> named(String s) {
    if (s == null) return Optional.empty();
    for (CheckFamily f : values()) if (f.label.equals(s) || f.id.equals(s)) return Optional.of(f);
    return Optional.empty();
  }
}
