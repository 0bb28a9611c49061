package org.gongkai.indicators;

import static org.gongkai.indicators.TableChecks.MIN_HOLDING;
import static org.gongkai.indicators.TableChecks.say;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.gongkai.indicators.TableChecks.Sum;
import org.gongkai.model.IndicatorFlag;
import org.gongkai.model.IndicatorFlag.Severity;

/**
 * The identities of a summary table read as a ledger ({@link Ledger}) — {@link TableChecks}' stage
 * after a table's own columns and rows: each side's parts to its year total, year total and
 * carry-overs to its grand total, the two grand totals equal, the spending by use to the spending's
 * year total; a failure said only where the ledger's other identities show it was read right. Pure.
 */
final class LedgerChecks {

  private LedgerChecks() {}

  /**
   * A summary table whose two grand totals differ (收入总计 ≠ 支出总计): a budget and a final account
   * balance by construction. Its other identities (parts, carry-overs) only confirm figures: a
   * ledger read from a table with nested sources misses them more often than a report does.
   */
  /*
   * A ledger's identities name the rows they read by keys, so that two failing through one row are
   * one contradiction: a side's year total (its side × 10), its grand total (that + 1), one of its
   * items (its side × ITEM + its place), the balance of the two grand totals (BALANCE).
   */
  private static final int INCOME = 1, SPENDING = 2, ITEM = 1000, BALANCE = -1;

  /** The key of the spending by use ({@link Ledger#uses}) against the spending's year total. */
  private static final int USES = 30;

  private static int total(int side) {
    return side * 10;
  }

  private static int sideOf(int key) {
    return key >= ITEM ? key / ITEM : key / 10;
  }

  private static boolean item(int key) {
    return key >= ITEM;
  }

  static void ledger(Ledger l, String text, List<IndicatorFlag> out) {
    Ledger.Item in = l.item(l.income, Ledger.Kind.GRAND),
        spent = l.item(l.spending, Ledger.Kind.GRAND);
    String title = l.region.title() == null ? "" : l.region.title();
    if (in != null && spent != null && !l.balances()) {
      out.add(
          new IndicatorFlag(
              "summary",
              "summary_balance",
              List.of(title, in.asWritten(), spent.asWritten()),
              List.of(),
              Severity.ERROR,
              List.of(ReportChecks.passage(text, in.start(), spent.end()))));
    }
    // each side summed as a coded table's rows are: its items to its 合计, 合计 and carry-overs to
    // its 总计; a failure believed only where the ledger's other identities hold (a ledger misread —
    // a row on the wrong side, a column taken for another — fails most of them)
    List<Sum> sums = new ArrayList<>();
    side(l, l.income, text, sums);
    side(l, l.spending, text, sums);
    uses(l, text, sums);
    if (in != null && spent != null)
      sums.add(
          new Sum(
              in.label() + " = " + spent.label(),
              in.amount(),
              spent.amount(),
              1,
              ReportChecks.passage(text, in.start(), spent.end()),
              List.of(BALANCE)));
    long holding = sums.stream().filter(Sum::holds).count();
    boolean balanced = in == null || spent == null || l.balances();
    // a side of one source (its one part its total, its totals closing) holds a sum of its own:
    // it counts where the two grand totals balance
    if (in != null && spent != null && l.balances()) {
      if (oneSource(l, l.income)) holding++;
      if (oneSource(l, l.spending)) holding++;
    }
    // a grand total that fails its side's carry-over and the balance is summary_balance's to say
    List<Sum> failing =
        sums.stream()
            .filter(x -> !x.holds() && !x.rows().equals(List.of(BALANCE)))
            .filter(x -> balanced || x.rows().size() == 1)
            .toList();
    if (failing.isEmpty() || holding < MIN_HOLDING || holding < failing.size()) return;
    // a side's parts that fail are believed only where the other side's parts add up: that its
    // rows were read on their sides, from the right column (a misread ledger fails both)
    // (an item's own breakdown that fails is believed where its own side's parts add up too)
    for (Sum f : failing) {
      int key = f.rows().get(0), side = sideOf(key);
      // the spending by use against the year's spending: believed where the functions make that
      // total, or the sources make theirs and the grand totals balance
      if (key == USES) {
        if (!holds(sums, List.of(total(SPENDING)))
            && !(holds(sums, List.of(total(INCOME))) && in != null && spent != null && balanced))
          return;
        continue;
      }
      int opposite = INCOME + SPENDING - side;
      List<Ledger.Item> own = side == INCOME ? l.income : l.spending,
          across = side == INCOME ? l.spending : l.income;
      List<Integer> other = List.of(total(opposite));
      List<Integer> mine = List.of(total(side));
      boolean proven =
          sums.stream()
                  .anyMatch(
                      x ->
                          x.holds()
                              && (x.rows().equals(other) || item(key) && x.rows().equals(mine)))
              // (only a side's parts failing its year total, its year total and carry-overs making
              // its grand total)
              || f.rows().equals(mine) && balanced && closes(l, own) && oneSource(l, across)
              // (a side's year total and carry-overs failing its grand total, where its parts make
              // its year total and the other side's year total and carry-overs make the grand total
              // both sides state: the carry-over row is what fails)
              || f.rows().equals(List.of(total(side), total(side) + 1))
                  && in != null
                  && spent != null
                  && l.balances()
                  && writtenAsAmounts(l, own)
                  && holds(sums, mine)
                  && holds(sums, List.of(total(opposite), total(opposite) + 1))
              // (a side's year total failing both its parts and its grand total, where its parts
              // and carry-overs make the grand total both sides state: the year total is what
              // fails)
              || (f.rows().equals(mine) || f.rows().equals(List.of(total(side), total(side) + 1)))
                  && yearTotalAlone(l, own)
                  && closes(l, across);
      if (!proven) return;
    }
    say(title, sums, failing, out);
  }

  /**
   * Whether a side has one source only, its amount its year total's and its year total and
   * carry-overs its grand total's ({@code 一、一般公共预算拨款收入 17,466.65} … {@code 本年收入合计 17,466.65} …
   * {@code 收入总计 17,466.65}): a department funded from one source. Its one-term sum proves nothing
   * by itself, but with the two grand totals balancing it says the rows were read on their sides —
   * the other side's parts failing their total are then the report's (a misread ledger puts a row
   * on the wrong side, and this side would hold two parts).
   */
  private static boolean oneSource(Ledger l, List<Ledger.Item> side) {
    Ledger.Item year = l.item(side, Ledger.Kind.YEAR_TOTAL);
    if (year == null) year = l.namesCarry(side) ? null : l.item(side, Ledger.Kind.GRAND);
    if (year == null || !closes(l, side)) return false;
    List<Ledger.Item> parts =
        side.stream()
            .filter(i -> i.kind() == Ledger.Kind.PART && i.amount() != null)
            .filter(i -> i.amount().signum() != 0)
            .toList();
    return parts.size() == 1 && parts.get(0).amount().compareTo(year.amount()) == 0;
  }

  /**
   * The spending by use (基本支出, 项目支出, 单位预留机动经费 …: a third group of columns) against the spending's
   * year total (its grand total where it lists neither a year total nor a carry-over): the same
   * year's spending cut by function and by use.
   */
  private static void uses(Ledger l, String text, List<Sum> sums) {
    if (l.uses.size() < 2) return;
    Ledger.Item total = l.yearTotal(l.spending);
    if (total == null) return;
    BigDecimal parts = BigDecimal.ZERO;
    int from = total.start(), to = total.end();
    for (Ledger.Item i : l.uses) {
      parts = parts.add(i.amount());
      from = Math.min(from, i.start());
      to = Math.max(to, i.end());
    }
    sums.add(
        new Sum(
            total.label() + "（支出用途）",
            total.amount(),
            parts,
            l.uses.size(),
            ReportChecks.passage(text, from, to),
            List.of(USES)));
  }

  /**
   * Whether a side's carry-overs are written as its grand total is, to the same decimals: a 决算
   * table's 行次 read beside a carry-over's label ({@code 年末结转和结余 60}) is a row's number, not the
   * amount a failing sum would blame.
   */
  private static boolean writtenAsAmounts(Ledger l, List<Ledger.Item> side) {
    Ledger.Item grand = l.item(side, Ledger.Kind.GRAND);
    if (grand == null) return false;
    for (Ledger.Item i : side)
      if (i.kind() == Ledger.Kind.CARRY
          && i.amount() != null
          && i.amount().signum() != 0
          && Math.max(i.amount().scale(), 0) != Math.max(grand.amount().scale(), 0)) return false;
    return true;
  }

  /**
   * Whether a side's year total is the one amount its identities fail through: it differs from its
   * parts' sum, and its parts and carry-overs make the grand total, which the other side's grand
   * total equals ({@code 一、本年支出 9,136.23} over items adding up to 1,136.23, {@code 支出总计 1,136.23}).
   */
  private static boolean yearTotalAlone(Ledger l, List<Ledger.Item> side) {
    Ledger.Item year = l.item(side, Ledger.Kind.YEAR_TOTAL),
        grand = l.item(side, Ledger.Kind.GRAND);
    if (year == null || grand == null || !l.balances() || !writtenAsAmounts(l, side)) return false;
    BigDecimal parts = BigDecimal.ZERO;
    int n = 0;
    for (Ledger.Item i : side) {
      if (i.kind() != Ledger.Kind.PART || i.amount() == null) continue;
      parts = parts.add(i.amount());
      n++;
    }
    if (n == 0 || Sum.close(year.amount(), parts, n)) return false;
    BigDecimal whole = parts;
    for (Ledger.Item i : side)
      if (i.kind() == Ledger.Kind.CARRY && i.amount() != null) {
        whole = whole.add(i.amount());
        n++;
      }
    return Sum.close(grand.amount(), whole, n);
  }

  /** Whether an identity through {@code rows} is among {@code sums} and holds. */
  private static boolean holds(List<Sum> sums, List<Integer> rows) {
    return sums.stream().anyMatch(x -> x.holds() && x.rows().equals(rows));
  }

  /**
   * Whether a side's totals close: its year total and carry-overs make its grand total, or it names
   * neither a year total nor a carry-over and its grand total is its year's ({@code 收入总计} right
   * under the sources, as 上海's 财务收支预算总表 prints it).
   */
  private static boolean closes(Ledger l, List<Ledger.Item> side) {
    if (l.carryAddsUp(side)) return true;
    return l.item(side, Ledger.Kind.YEAR_TOTAL) == null
        && !l.namesCarry(side)
        && l.item(side, Ledger.Kind.GRAND) != null;
  }

  /**
   * A ledger side's identities: its parts add up to its year total (to its grand total where it
   * lists neither a year total nor a carry-over), and its year total and carry-overs to its grand
   * total. A sum's rows are the side's total (so the two identities through one total are one
   * contradiction).
   */
  private static void side(Ledger l, List<Ledger.Item> side, String text, List<Sum> sums) {
    Ledger.Item year = l.item(side, Ledger.Kind.YEAR_TOTAL),
        grand = l.item(side, Ledger.Kind.GRAND);
    Ledger.Item total = l.yearTotal(side);
    int key = side == l.income ? INCOME : SPENDING;
    if (total != null) {
      BigDecimal parts = BigDecimal.ZERO;
      int n = 0, from = total.start(), to = total.end();
      for (Ledger.Item i : side) {
        if (i.kind() != Ledger.Kind.PART || i.amount() == null) continue;
        parts = parts.add(i.amount());
        n++;
        from = Math.min(from, i.start());
        to = Math.max(to, i.end()); // a total written above its parts (一、本年收入 over （一）…)
      }
      Sum own =
          new Sum(
              total.label(),
              total.amount(),
              parts,
              n,
              ReportChecks.passage(text, from, to),
              List.of(total(key)));
      // one part with an amount (一般公共预算拨款 and blank rows under 本年收入): it must be the total,
      // but its holding proves nothing of the ledger's reading, so it counts only where it fails
      if (n >= 2 || n == 1 && !own.holds()) sums.add(own);
    }
    // each part's own breakdown (五、住房保障支出 over 住房改革支出 over 住房公积金 and 购房补贴)
    for (int i = 0; i < side.size(); i++) {
      Ledger.Item head = side.get(i);
      if (head.kind() != Ledger.Kind.PART && head.kind() != Ledger.Kind.CARRY
          || head.amount() == null
          || head.amount().signum() == 0) continue;
      List<Ledger.Item> rows = new ArrayList<>(List.of(head));
      int to = head.end();
      for (int k = i + 1; k < side.size() && side.get(k).kind() == Ledger.Kind.SUB; k++) {
        rows.add(side.get(k));
        if (side.get(k).amount() != null) to = Math.max(to, side.get(k).end());
      }
      if (rows.stream().filter(r -> r.amount() != null && r.amount().signum() != 0).count() < 2)
        continue;
      // 其中：捐赠收入 names a share of the item, not its breakdown
      if (rows.stream().skip(1).anyMatch(r -> r.label().startsWith("其中"))) continue;
      boolean holds = Ledger.breaksDown(rows);
      BigDecimal stated = head.amount();
      // a breakdown of several levels whose rows happen to add up to the item: nothing to say
      if (!holds && childrenSum(rows).compareTo(stated) == 0) continue;
      sums.add(
          new Sum(
              head.label(),
              stated,
              holds ? stated : childrenSum(rows),
              rows.size() - 1,
              ReportChecks.passage(text, head.start(), to),
              List.of(key * ITEM + i)));
    }
    if (year != null && grand != null && l.namesCarry(side)) {
      BigDecimal sum = year.amount();
      int n = 1;
      int from = year.start(), to = grand.end();
      for (Ledger.Item i : side) {
        if (i.kind() != Ledger.Kind.CARRY || i.amount() == null) continue;
        sum = sum.add(i.amount());
        n++;
        from = Math.min(from, i.start());
        to = Math.max(to, i.end());
      }
      sums.add(
          new Sum(
              grand.label(),
              grand.amount(),
              sum,
              n,
              ReportChecks.passage(text, from, to),
              List.of(total(key), total(key) + 1)));
    }
  }

  /**
   * What an item's rows under it add up to where they do not make its breakdown: those at the first
   * level under it (the rows after it up to one with its own amount again, or all of them).
   */
  private static BigDecimal childrenSum(List<Ledger.Item> rows) {
    BigDecimal sum = BigDecimal.ZERO;
    for (int k = 1; k < rows.size(); k++)
      if (rows.get(k).amount() != null) sum = sum.add(rows.get(k).amount());
    return sum;
  }
}
