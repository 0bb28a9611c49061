package org.gongkai.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a report's procurement table ({@code 政府采购支出表}, {@code 政府采购预算表}) says it will buy: each item
 * ({@link Purchase}) and each table as read ({@link Table}). Amounts in 万元.
 */
public record PurchaseReading(List<Purchase> items, List<Table> tables) {

  public static final PurchaseReading NONE = new PurchaseReading(List.of(), List.of());

  public PurchaseReading {
    items = List.copyOf(items);
    tables = List.copyOf(tables);
  }

  public boolean read() {
    return !tables.isEmpty();
  }

  /**
   * One item to be bought: its category ({@code 货物}, {@code 工程}, {@code 服务}; null when the table
   * gives none), the unit buying it, the spending it comes from ({@code 专项名称}), its economic
   * subject ({@code 经济科目}), what is bought ({@code 采购品目名称}), how ({@code 采购组织形式}), its amount in 万元
   * and as written, {@code proof} ({@code sums}: the unit's items make the unit's row; {@code
   * stated}: read, proven by nothing) and its row's place in the clean text.
   */
  public record Purchase(
      String category,
      String unit,
      String project,
      String economic,
      String item,
      String method,
      BigDecimal amount,
      String asWritten,
      String proof,
      int start,
      int end) {}

  /**
   * A procurement table as read: its title and place, how many items it lists, its stated total
   * (null when none), its categories' totals, and {@code status}: {@code sums} (items make their
   * units, units their categories, categories the total), {@code open} (read, the sums do not all
   * close), {@code empty} (the report says it buys nothing: {@code 本单位无政府采购支出}).
   */
  public record Table(
      String title,
      int start,
      int end,
      int items,
      BigDecimal total,
      List<Part> categories,
      String status) {
    public Table {
      categories = List.copyOf(categories);
    }
  }

  /** A category's line of a table: its name and amount. */
  public record Part(String name, BigDecimal amount) {}
}
