package org.gongkai.indicators;

import static org.gongkai.indicators.TableChecks.MIN_HOLDING;
import static org.gongkai.indicators.TableChecks.amount;
import static org.gongkai.indicators.TableChecks.figures;
import static org.gongkai.indicators.TableChecks.head;
import static org.gongkai.indicators.TableChecks.label;
import static org.gongkai.indicators.TableChecks.numbersColumns;
import static org.gongkai.indicators.TableChecks.quote;
import static org.gongkai.indicators.TableChecks.shift;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.gongkai.indicators.TableChecks.Sum;
import org.gongkai.model.ColumnRole;
import org.gongkai.model.RowCode;
import org.gongkai.model.TextTable;
import org.gongkai.text.Tables;

/**
 * The sums across a table's row ({@link TableChecks}' stage between a column's subjects and a
 * summary table's ledger): a total against its kinds of spending, its budgets, its “三公” items, each
 * reading named by the header and taken only where the rows bear it out. Pure.
 */
final class RowSums {

  private RowSums() {}

  /**
   * In each row, a total is the sum of its kinds of spending: 合计 = 基本支出 + 项目支出, 基本支出 = 人员经费 + 公用经费,
   * and 合计 = 人员经费 + 公用经费 + 项目支出 where the header names no 基本支出 of its own (基本支出 over 人员经费 | 公用经费).
   * The columns are told by their headers; a total's group runs from it to the next label or 合计.
   * Where other columns stand in the group (上缴上级支出, 经营支出, 对附属单位补助支出: parts the header may split
   * further), only that the kinds never exceed the total. An identity is taken only where its rows
   * bear it out (at least {@link #MIN_HOLDING} rows add up as they stand, and no fewer than twice
   * those that do not); a header read wrong is no error of the report.
   */
  static void parts(TextTable t, String body, int base, List<Sum> sums) {
    int width = t.width();
    for (int total = 0; total < width; total++) {
      if (!figures(t, total)) continue;
      Kind own = Kind.of(head(t, total));
      boolean whole =
          own == Kind.TOTAL || own == Kind.OTHER && t.roles().get(total) == ColumnRole.TOTAL;
      if (!whole && own != Kind.BASIC_TOTAL) continue;
      int basic = -1, personnel = -1, publicExpense = -1, project = -1, others = 0;
      for (int c = total + 1; c < width; c++) {
        Kind k = Kind.of(head(t, c));
        if (k == Kind.TOTAL || t.roles().get(c) == ColumnRole.LABEL) break;
        if (own == Kind.BASIC_TOTAL && k == Kind.PROJECT) break; // a 基本支出's group ends there
        // a kind's column counts though no row fills it (a table with no 项目支出); another only with
        // figures in it
        if (k == Kind.SHARE || k == Kind.OTHER && !figures(t, c)) continue;
        if (k == Kind.BASIC || k == Kind.BASIC_TOTAL) basic = basic < 0 ? c : basic;
        else if (k == Kind.PERSONNEL) personnel = personnel < 0 ? c : personnel;
        else if (k == Kind.PUBLIC) publicExpense = publicExpense < 0 ? c : publicExpense;
        else if (k == Kind.PROJECT) project = project < 0 ? c : project;
        else others++;
      }
      List<Integer> columns = new ArrayList<>();
      if (own == Kind.BASIC_TOTAL) {
        if (personnel < 0 || publicExpense < 0) continue;
        columns.addAll(List.of(personnel, publicExpense));
      } else if (basic >= 0 && project >= 0) columns.addAll(List.of(basic, project));
      else if (basic < 0 && personnel >= 0 && publicExpense >= 0 && project >= 0)
        columns.addAll(List.of(personnel, publicExpense, project));
      else continue;
      boolean atMost = own != Kind.BASIC_TOTAL && others > 0;
      bornOut(t, total, columns, atMost, body, base, sums);
    }
  }

  /** The budgets 财政拨款 is made of, each a column of its own. */
  private static final java.util.Set<ColumnRole> FUNDS =
      java.util.EnumSet.of(
          ColumnRole.GENERAL_PUBLIC, ColumnRole.GOVERNMENT_FUND, ColumnRole.STATE_CAPITAL);

  /**
   * In each row, a total is the sum of the budgets in the columns right after it: 合计 = 一般公共预算 +
   * 政府性基金预算 + 国有资本经营预算 (a 财政拨款收支总表's spending side, a 财政拨款小计's group). Where other money stands
   * after them under a plain 合计 (财政专户管理资金, 事业收入 …), only that they never exceed it. As {@link
   * #parts}, taken only where the rows bear it out.
   */
  static void funds(TextTable t, String body, int base, List<Sum> sums) {
    int width = t.width();
    List<ColumnRole> roles = t.roles();
    for (int total = 0; total + 1 < width; total++) {
      String h = head(t, total).replaceAll("[\\s\u3000]", "");
      if (Kind.of(h) != Kind.TOTAL && roles.get(total) != ColumnRole.TOTAL || !figures(t, total))
        continue;
      if (FUNDS.contains(roles.get(total))) continue; // 一般公共预算合计: a fund's own total
      List<Integer> columns = new ArrayList<>();
      int c = total + 1;
      for (; c < width && FUNDS.contains(roles.get(c)); c++) if (figures(t, c)) columns.add(c);
      if (c - total - 1 < 2 || columns.isEmpty()) continue;
      boolean closed =
          c == width
              || roles.get(c) == ColumnRole.LABEL
              || Kind.of(head(t, c)) == Kind.TOTAL
              || h.contains("财政拨款");
      bornOut(t, total, columns, !closed, body, base, sums);
    }
  }

  /**
   * In each row of a “三公” table, its total is 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费, and the vehicles' 小计
   * its 购置费 + 运行维护费 — for each year's group of columns where a table prints two. As {@link #parts},
   * an identity is taken only where its rows bear it out.
   */
  static void threePublic(TextTable t, String body, int base, List<Sum> sums) {
    int width = t.width();
    List<ColumnRole> roles = t.roles();
    for (int total = 0; total < width; total++) {
      ColumnRole own = roles.get(total);
      if (own != ColumnRole.THREE_PUBLIC && own != ColumnRole.TOTAL && own != ColumnRole.VEHICLES
          || !figures(t, total)) continue;
      int abroad = -1, vehicles = -1, purchase = -1, operation = -1, reception = -1, others = 0;
      for (int c = total + 1; c < width; c++) {
        ColumnRole r = roles.get(c);
        if (r == ColumnRole.THREE_PUBLIC || r == ColumnRole.TOTAL || r == ColumnRole.LABEL) break;
        if (own == ColumnRole.VEHICLES
            && r != ColumnRole.VEHICLE_PURCHASE
            && r != ColumnRole.VEHICLE_OPERATION) break;
        if (Kind.of(head(t, c)) == Kind.SHARE) continue;
        if (r == ColumnRole.ABROAD && abroad < 0) abroad = c;
        else if (r == ColumnRole.VEHICLES && vehicles < 0) vehicles = c;
        else if (r == ColumnRole.VEHICLE_PURCHASE && purchase < 0) purchase = c;
        else if (r == ColumnRole.VEHICLE_OPERATION && operation < 0) operation = c;
        else if (r == ColumnRole.RECEPTION && reception < 0) reception = c;
        else if (figures(t, c)) others++;
      }
      List<Integer> columns = new ArrayList<>();
      if (own == ColumnRole.VEHICLES) {
        if (purchase < 0 || operation < 0) continue;
        columns.addAll(List.of(purchase, operation));
      } else {
        if (abroad < 0 || reception < 0) continue;
        columns.add(abroad);
        if (vehicles >= 0) columns.add(vehicles);
        else if (purchase >= 0 && operation >= 0) columns.addAll(List.of(purchase, operation));
        else continue;
        columns.add(reception);
      }
      bornOut(t, total, columns, others > 0, body, base, sums);
    }
  }

  /** What a column's header says it holds, as a row's kinds of spending go. */
  private enum Kind {
    TOTAL,
    BASIC_TOTAL,
    BASIC,
    PERSONNEL,
    PUBLIC,
    PROJECT,
    SHARE,
    OTHER;

    static Kind of(String head) {
      String h = head.replaceAll("[\\s\\u3000]", "");
      if (h.startsWith("其中")) return SHARE;
      if (h.contains("人员经费") || h.contains("人员支出")) return PERSONNEL;
      if (h.contains("公用经费") || h.contains("公用支出")) return PUBLIC;
      if (h.contains("基本支出")) return h.endsWith("小计") || h.endsWith("合计") ? BASIC_TOTAL : BASIC;
      if (h.contains("项目支出")) return PROJECT;
      if (h.endsWith("合计") || h.endsWith("总计") || h.equals("小计")) return TOTAL;
      return OTHER;
    }
  }

  /**
   * The row sums {@code total} = Σ {@code columns} into {@code sums} where the rows bear the
   * reading out: at least {@link TableChecks#MIN_HOLDING} hold as they stand, and no fewer than
   * twice those that fail.
   */
  private static void bornOut(
      TextTable t,
      int total,
      List<Integer> columns,
      boolean atMost,
      String body,
      int base,
      List<Sum> sums) {
    List<Sum> read = new ArrayList<>();
    int informative = rowSums(t, total, columns, atMost, body, base, read);
    int failing = (int) read.stream().filter(x -> !x.holds()).count();
    if (informative >= MIN_HOLDING && informative >= 2 * failing) sums.addAll(read);
  }

  /**
   * Each row's sum {@code total} = Σ {@code columns} (or, {@code atMost}, Σ ≤ {@code total}) into
   * {@code sums}; returns how many rows hold as they stand (a short row read otherwise proves
   * nothing about the columns).
   */
  private static int rowSums(
      TextTable t,
      int total,
      List<Integer> columns,
      boolean atMost,
      String body,
      int base,
      List<Sum> sums) {
    int informative = 0;
    ShortRows cells = new ShortRows(t);
    for (int r = t.headerRows(); r < t.rows().size(); r++) {
      List<String> row = t.rows().get(r);
      if (numbersColumns(row) || !cells.trusted(r)) continue;
      BigDecimal stated = amount(row, total);
      if (stated == null) continue;
      BigDecimal sum = BigDecimal.ZERO;
      List<BigDecimal> shifts = new ArrayList<>();
      shift(cells, r, total, -1, shifts);
      int filled = 0;
      List<String> names = new ArrayList<>();
      for (int c : columns) {
        BigDecimal v = amount(row, c);
        names.add(head(t, c));
        shift(cells, r, c, 1, shifts);
        if (v == null) continue;
        sum = sum.add(v);
        filled++;
      }
      if (filled == 0) continue;
      List<BigDecimal> rowShifts = new ArrayList<>();
      if (!shifts.isEmpty())
        rowShifts.add(shifts.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
      // beside other parts, the kinds fall short of the total; they never exceed it
      if (atMost && sum.compareTo(stated) <= 0) sum = stated;
      Sum s =
          new Sum(
              labelBefore(t, r, total)
                  + "（"
                  + head(t, total)
                  + " = "
                  + String.join(" + ", names)
                  + "）",
              stated,
              sum,
              columns.size(),
              quote(t, r, body, base),
              List.of(r),
              rowShifts);
      if (s.holdsAsPlaced()) informative++;
      sums.add(s);
    }
    return informative;
  }

  /** A row's label nearest before column {@code c} (a two-sided table's spending item). */
  private static String labelBefore(TextTable t, int r, int c) {
    RowCode code = t.codes().get(r);
    if (code != null) return label(t, r);
    List<String> row = t.rows().get(r);
    for (int k = Math.min(c, row.size()) - 1; k >= 0; k--)
      if (!row.get(k).isBlank() && !Tables.isNumber(row.get(k).strip())) return row.get(k).strip();
    return label(t, r);
  }
}
