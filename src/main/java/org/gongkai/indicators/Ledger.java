package org.gongkai.indicators;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.model.ColumnRole;
import org.gongkai.model.Role;
import org.gongkai.model.Scope;

/**
 * A summary table (收支总表, 收入支出决算总表, 财政拨款收支总表) read as the ledger it is: an income side and a
 * spending side, each a list of items in order — the year's sources (一、财政拨款收入 … 其他收入), the year's
 * total (本年收入合计), what was carried in (上年结转结余, 年初结转和结余, 使用非财政拨款结余), and the grand total (收入总计, or
 * 总计, or 收入合计 where a template names it so) — and the spending side's functions (一、一般公共服务支出 …), its
 * year total, what is carried out (年末结转和结余, 结余分配) and its grand total.
 *
 * <p>An item's meaning comes from its place as well as its label: the total below the year's total
 * and the carry-overs is the grand total whatever it is called. The identities a ledger must
 * satisfy — each side's sources add up to its year total, the year total and the carry-overs to the
 * grand total, and both grand totals are equal — confirm the reading: a figure read from a ledger
 * whose identities hold is verified. Rows are read from the region's lines, not from table
 * detection, so a row that fell out of a ruled table as loose text ({@code 本年收入合计 2,946.25 本年支出合计
 * 2,940.05}) is still read. Pure.
 */
final class Ledger {

  /** What an item of a side is. */
  enum Kind {
    /** One of the year's sources (or, on the spending side, one function or item of spending). */
    PART,
    /** A part of a part: {@code 1. 一般公共预算资金} under {@code 一、财政拨款收入}. */
    SUB,
    YEAR_TOTAL,
    CARRY,
    GRAND,
    OTHER
  }

  /** One item of a side: its label, its amount (null when blank), where the amount stands. */
  record Item(String label, String asWritten, BigDecimal amount, int start, int end, Kind kind) {}

  /** The table's region, the scope of money it is about, and its two sides. */
  final Layout.Region region;

  final Scope.Funds funds;
  final String unit;
  final List<Item> income;
  final List<Item> spending;

  /**
   * The spending by its use, where a table prints it as a third group of columns beside the
   * functions ({@code 支出用途}: 一、基本支出 | 二、项目支出 | 三、单位预留机动经费): the same year's spending cut another
   * way, empty for a table of two groups.
   */
  final List<Item> uses;

  private Ledger(
      Layout.Region region,
      Scope.Funds funds,
      String unit,
      List<Item> income,
      List<Item> spending,
      List<Item> uses) {
    this.region = region;
    this.funds = funds;
    this.unit = unit;
    this.income = income;
    this.spending = spending;
    this.uses = uses;
  }

  // ---- the items that matter

  Item item(List<Item> side, Kind kind) {
    for (Item i : side) if (i.kind() == kind && i.amount() != null) return i;
    return null;
  }

  /** Whether a side lists an amount carried in or out other than zero. */
  boolean carries(List<Item> side) {
    for (Item i : side)
      if (i.kind() == Kind.CARRY && i.amount() != null && i.amount().signum() != 0) return true;
    return false;
  }

  /** Whether a side names a carry-over at all (with or without an amount). */
  boolean namesCarry(List<Item> side) {
    for (Item i : side) if (i.kind() == Kind.CARRY) return true;
    return false;
  }

  // ---- identities

  /**
   * The total a side's parts make: its year total, or its grand total where it lists no year total
   * and carries nothing in or out; null where it has neither.
   */
  Item yearTotal(List<Item> side) {
    Item year = item(side, Kind.YEAR_TOTAL);
    return year != null ? year : carries(side) ? null : item(side, Kind.GRAND);
  }

  /** Σ parts = year total (or = grand total where a side lists no year total and no carry-over). */
  boolean partsAddUp(List<Item> side) {
    Item total = yearTotal(side);
    if (total == null) return false;
    BigDecimal sum = BigDecimal.ZERO;
    int n = 0;
    for (Item i : side) {
      if (i.kind() == Kind.PART && i.amount() != null) {
        sum = sum.add(i.amount());
        n++;
      }
    }
    return n > 0 && close(sum, total.amount(), n);
  }

  /** Year total + carry-overs = grand total, on a side that lists its carry-overs. */
  boolean carryAddsUp(List<Item> side) {
    Item year = item(side, Kind.YEAR_TOTAL), grand = item(side, Kind.GRAND);
    if (year == null || grand == null || !namesCarry(side)) return false;
    BigDecimal sum = year.amount();
    int n = 1;
    for (Item i : side) {
      if (i.kind() == Kind.CARRY && i.amount() != null) {
        sum = sum.add(i.amount());
        n++;
      }
    }
    return close(sum, grand.amount(), n);
  }

  /**
   * Whether the spending by use ({@link #uses}) adds up to the spending's year total (its grand
   * total where it lists neither a year total nor a carry-over), and the functions do too: the
   * year's spending cut two ways, each proving the other's reading.
   */
  boolean usesAddUp() {
    if (uses.size() < 2 || !partsAddUp(spending)) return false;
    Item total = yearTotal(spending);
    if (total == null) return false; // (partsAddUp has none to add up to either)
    BigDecimal sum = BigDecimal.ZERO;
    for (Item i : uses) sum = sum.add(i.amount());
    return close(sum, total.amount(), uses.size());
  }

  /** The item of the spending by use a label names ({@code 基本支出}), or null. */
  Item use(String label) {
    for (Item i : uses) if (strip(i.label()).replaceAll("[\\s\\u3000]", "").equals(label)) return i;
    return null;
  }

  /** 收入总计 = 支出总计. */
  boolean balances() {
    Item in = item(income, Kind.GRAND), out = item(spending, Kind.GRAND);
    return in != null && out != null && close(in.amount(), out.amount(), 1);
  }

  /**
   * Two amounts of this table equal within its rounding: a cent of its unit per term added (a table
   * in 万元 rounded from 元 may be a cent off per row, and says so: 尾差).
   */
  private boolean close(BigDecimal a, BigDecimal b, int terms) {
    int scale = Math.max(Math.max(a.scale(), b.scale()), 0);
    BigDecimal cent = BigDecimal.ONE.movePointLeft(Math.max(scale, 2));
    return a.subtract(b).abs().compareTo(cent.multiply(BigDecimal.valueOf(terms))) <= 0;
  }

  // ---- reading

  private static final Pattern NUMBER =
      Pattern.compile(
          "(?<![0-9.,，])-?[0-9]{1,3}(?:[,，][0-9]{3})+(?:\\.[0-9]+)?(?![0-9])|(?<![0-9.,，])-?[0-9]+(?:\\.[0-9]+)?(?![0-9])");

  private static final Pattern ROW_NUMBERS = Pattern.compile("行\\s*次|栏\\s*次");

  private static final Pattern ORDINAL_CN = Pattern.compile("^[一二三四五六七八九十]{1,3}\\s*[、.．]");
  private static final Pattern ORDINAL_SUB =
      Pattern.compile("^(?:\\d{1,2}\\s*[.．、]|[（(][一二三四五六七八九十\\d]{1,3}[)）])");
  private static final Pattern ORDINAL =
      Pattern.compile(
          "^(?:[一二三四五六七八九十]{1,3}\\s*[、.．]|\\d{1,2}\\s*[.．、]|[（(][一二三四五六七八九十\\d]{1,3}[)）])\\s*");

  private static final Pattern INCOME_YEAR =
      Pattern.compile("^(?:本年|当年)(?:预算)?收入(?:预算)?(?:合计|小计)?$|^收入(?:预算|决算)?(?:合计|小计)$");
  private static final Pattern SPENDING_YEAR =
      Pattern.compile("^(?:本年|当年)(?:预算)?支出(?:预算)?(?:合计|小计)?$|^支出(?:预算|决算)?(?:合计|小计)$");
  private static final Pattern GRAND =
      Pattern.compile("^(?:收入|支出)?(?:预算|决算)?总计$|^(?:收入|支出)?(?:预算|决算)?合计$|^总\\s*计$");
  private static final Pattern CARRY_IN =
      Pattern.compile("上年结转|年初结转|上年结余|年初.*结余|使用.*结余|事业基金弥补|用事业基金|动用.*结余|结转结余|结转和结余");
  private static final Pattern CARRY_OUT = Pattern.compile("年末结转|年终结转|结转下年|结余分配|结转结余|结转和结余|下年");

  /** An income side's label: it ends in 收入 (or its 合计, 总计); 收入安排的支出 is spending's. */
  private static final Pattern INCOME_ITEM = Pattern.compile("收入(?:预算|决算)?(?:合计|总计|小计)?$");

  private static final Pattern SPENDING_LABEL = Pattern.compile("支出|结余分配|年末结转|年终结转|结转下年");

  /** A row's labelled amounts: each label and the amounts after it, in the row's order. */
  private record Pair(String label, List<int[]> numbers, boolean leadingBlank) {}

  /** Every ledger in {@code text}: one per summary table whose rows give a grand total. */
  static List<Ledger> read(String text, Layout layout, Role ownRole) {
    List<Ledger> out = new ArrayList<>();
    Layout.Region pending = null; // a summary table's first page, its totals on the next
    for (Layout.Region r : layout.regions()) {
      if (!r.summary(text)) {
        pending = null;
        continue;
      }
      Layout.Region whole = r;
      if (pending != null && sameTable(pending, r))
        whole =
            new Layout.Region(
                pending.title(),
                pending.funds(),
                pending.unit(),
                pending.start(),
                r.end(),
                pending.firstRow());
      Ledger l = read(text, whole, ownRole);
      if (l != null) out.add(l);
      pending = l == null ? whole : null;
    }
    return out;
  }

  /** Whether {@code next} is {@code first} going on after a page break: the same title. */
  private static boolean sameTable(Layout.Region first, Layout.Region next) {
    if (first.title() == null || next.title() == null) return false;
    return TableChecks.sameTitle(first.title(), next.title());
  }

  private static Ledger read(String text, Layout.Region r, Role ownRole) {
    List<Item> income = new ArrayList<>(), spending = new ArrayList<>(), uses = new ArrayList<>();
    int[] column = {0, 0}; // which amount of a side's row is the report's own figure
    boolean seenFigure = false, byUse = false;
    List<String> headerRoles = new ArrayList<>();
    // a table with a 行次 column numbers its rows: each row's first small whole number is its row
    boolean numbered = ROW_NUMBERS.matcher(text.substring(r.start(), r.end())).find();
    for (int from = r.start(); from < r.end(); ) {
      int nl = text.indexOf('\n', from);
      int to = nl < 0 || nl > r.end() ? r.end() : nl;
      String line = text.substring(from, to);
      // a page's furniture inside a table cut by a page break: its number, the caption repeated
      boolean furniture =
          TableChecks.pageLine(line.strip())
              || r.title() != null && TableChecks.sameTitle(line.strip(), r.title());
      if (from > r.start() && !furniture) {
        List<Pair> pairs = pairs(line);
        boolean figures = pairs.stream().anyMatch(p -> !p.numbers().isEmpty());
        if (!seenFigure && !figures) {
          byUse |= line.contains("支出用途");
          for (String cell : line.split("[\\t ]+")) {
            ColumnRole role = ColumnRole.of(cell);
            if (role != null && valueRole(role)) headerRoles.add(role.name());
          }
        }
        if (figures && !seenFigure) {
          seenFigure = true;
          column = columns(headerRoles, ownRole);
        }
        place(text, from, line, pairs, column, numbered, income, spending);
        // a third group of columns (支出用途) beside the income and the functions
        if (byUse && pairs.size() == 3) {
          Pair p = pairs.get(2);
          if (!p.numbers().isEmpty() && ORDINAL_CN.matcher(p.label()).find()) {
            int[] at = p.numbers().get(0);
            uses.add(
                new Item(
                    p.label(),
                    line.substring(at[0], at[1]),
                    Amounts.decimal(line.substring(at[0], at[1])),
                    from + at[0],
                    from + at[1],
                    Kind.PART));
          }
        }
      }
      from = to + 1;
    }
    classify(income, true);
    classify(spending, false);
    Scope.Funds funds = r.title() == null ? Scope.Funds.ALL : r.funds();
    Ledger l = new Ledger(r, funds, r.unit(), income, spending, uses);
    if (l.item(income, Kind.GRAND) == null && l.item(spending, Kind.GRAND) == null) return null;
    return l;
  }

  private static boolean valueRole(ColumnRole role) {
    return switch (role) {
      case PRIOR_ACTUAL,
              PRIOR_BUDGET,
              INITIAL_BUDGET,
              ADJUSTED_BUDGET,
              FULL_YEAR_BUDGET,
              ACTUAL,
              BUDGET ->
          true;
      default -> false;
    };
  }

  /**
   * Which amount of each side's row is the report's own: with a header naming the columns of both
   * sides (年初预算数 | 决算数 on each), the first that is not another year's or another kind of figure;
   * the first otherwise.
   */
  private static int[] columns(List<String> roles, Role ownRole) {
    if (roles.size() < 2 || roles.size() % 2 != 0) return new int[] {0, 0};
    int half = roles.size() / 2;
    int pick = 0;
    for (int i = 0; i < half; i++) {
      if (!Reading.otherFigure(ColumnRole.valueOf(roles.get(i)), ownRole)) {
        pick = i;
        break;
      }
    }
    return new int[] {pick, pick};
  }

  /** A row's labels and amounts, in order: tab cells, and label-amount runs within a cell. */
  private static List<Pair> pairs(String line) {
    List<Pair> out = new ArrayList<>();
    String label = null;
    List<int[]> numbers = new ArrayList<>();
    boolean leadingBlank = line.startsWith("\t");
    int pos = 0;
    for (String cell : line.split("\t", -1)) {
      int cellStart = pos;
      pos += cell.length() + 1;
      if (cell.isBlank()) continue;
      Matcher m = NUMBER.matcher(cell);
      int last = 0;
      while (m.find()) {
        // a label's own digits (1. 一般公共预算, 2026年…) are part of it; an amount stands apart
        if (!standsApart(cell, m.start(), m.end())) continue;
        String between = cell.substring(last, m.start());
        if (!between.isBlank()) {
          if (label != null) out.add(new Pair(label, numbers, leadingBlank && out.isEmpty()));
          label = between.replaceAll("[\\s\\u3000]", "");
          numbers = new ArrayList<>();
        }
        if (label != null) numbers.add(new int[] {cellStart + m.start(), cellStart + m.end()});
        last = m.end();
      }
      String rest = cell.substring(last);
      if (!rest.isBlank()) {
        if (label != null) out.add(new Pair(label, numbers, leadingBlank && out.isEmpty()));
        label = SPACES.matcher(rest).replaceAll("");
        numbers = new ArrayList<>();
      }
    }
    if (label != null) out.add(new Pair(label, numbers, leadingBlank && out.isEmpty()));
    return out;
  }

  /**
   * Whether a number is an amount of its own, not a label's digits ({@code 1. 一般公共预算}, {@code
   * 2023年}): it stands between spaces, or — an amount with decimals or thousands ({@code
   * 552.83使用非财政拨款结余}, where a PDF ran a row into the next) — touches words.
   */
  private static boolean standsApart(String cell, int start, int end) {
    boolean before = start == 0 || Character.isWhitespace(cell.charAt(start - 1));
    boolean after = end == cell.length() || Character.isWhitespace(cell.charAt(end));
    if (before && after) return true;
    String n = cell.substring(start, end);
    boolean amount = APART_AMOUNT.matcher(n).matches();
    boolean afterOk = after || amount && isHan(cell.charAt(end));
    boolean beforeOk = before || amount && isHan(cell.charAt(start - 1));
    return afterOk && beforeOk;
  }

  private static boolean isHan(char c) {
    return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
  }

  // compiled once: asked of every cell of every table
  private static final Pattern SPACES = Pattern.compile("[\\s\\u3000]");
  private static final Pattern HEADER_WORDS = Pattern.compile("^[项目合计栏次行次*]+$");

  /** Each pair of a row on its side: the first income's, the second spending's. */
  private static void place(
      String text,
      int lineStart,
      String line,
      List<Pair> pairs,
      int[] column,
      boolean numbered,
      List<Item> income,
      List<Item> spending) {
    if (pairs.isEmpty()) return;
    for (int k = 0; k < pairs.size() && k < 2; k++) {
      Pair p = pairs.get(k);
      if (p.label().isEmpty() || HEADER_WORDS.matcher(p.label()).matches() && p.numbers().isEmpty())
        continue;
      if (isHeaderLabel(p.label())) continue;
      boolean spendingSide;
      if (pairs.size() >= 2) spendingSide = k == 1;
      // a row whose income cells are blank (\t\t普法宣传\t119.63): the spending side's
      else if (p.leadingBlank() && !INCOME_ITEM.matcher(p.label()).find()) spendingSide = true;
      else if (SPENDING_LABEL.matcher(p.label()).find() && !p.label().contains("收入"))
        spendingSide = true;
      else if (GRAND.matcher(strip(p.label())).matches() && !p.label().contains("收入"))
        spendingSide = p.leadingBlank() || p.label().contains("支出");
      else spendingSide = false;
      int c = column[spendingSide ? 1 : 0];
      int[] at = null;
      // a row number (行次: 本年收入合计 | 23 | 1668.14) is not an amount
      List<int[]> amounts = new ArrayList<>(p.numbers());
      if (!amounts.isEmpty()) {
        String first = line.substring(amounts.get(0)[0], amounts.get(0)[1]);
        if (numbered
            ? first.matches("[0-9]{1,3}")
            : amounts.size() >= 2 && first.matches("[0-9]{1,2}")) amounts.remove(0);
      }
      if (c < amounts.size()) at = amounts.get(c);
      else if (!amounts.isEmpty()) at = amounts.get(0);
      String written = at == null ? null : line.substring(at[0], at[1]);
      BigDecimal amount = written == null ? null : Amounts.decimal(written);
      int start = at == null ? lineStart : lineStart + at[0];
      int end = at == null ? lineStart : lineStart + at[1];
      (spendingSide ? spending : income)
          .add(new Item(p.label(), written, amount, start, end, Kind.OTHER));
    }
  }

  // (compiled once: String.matches and replaceAll compile their pattern at every call)
  private static final Pattern HEADER_LABEL =
      Pattern.compile(
          "^(?:项目|收入|支出|本年收入|本年支出|预算数|决算数|金额|栏次|行次|科目|名称|[*]+|单位[:：].*|编制.*[:：].*|财政拨款收入|财政拨款支出)$");

  private static final Pattern APART_AMOUNT =
      Pattern.compile("-?[0-9]{1,3}(?:,[0-9]{3})+(?:\\.[0-9]+)?|-?[0-9]+\\.[0-9]{2}");

  private static boolean isHeaderLabel(String label) {
    String l = SPACES.matcher(label).replaceAll("");
    return HEADER_LABEL.matcher(l).matches();
  }

  private static String strip(String label) {
    return ORDINAL.matcher(label).replaceFirst("");
  }

  /** Whether an item before {@code i} on its side is numbered (一、 1. （一）). */
  private static boolean numberedBefore(List<Item> side, int i) {
    for (int k = 0; k < i; k++) if (ORDINAL.matcher(side.get(k).label()).find()) return true;
    return false;
  }

  /** Each item's kind, by its label and its place on its side. */
  private static void classify(List<Item> side, boolean incomeSide) {
    Pattern yearTotal = incomeSide ? INCOME_YEAR : SPENDING_YEAR;
    Pattern carry = incomeSide ? CARRY_IN : CARRY_OUT;
    boolean seenYear = false, seenCarry = false, yearFirst = false;
    int partLevel = -1; // 0: 一、 1: 1. or （一）
    for (int i = 0; i < side.size(); i++) {
      Item it = side.get(i);
      String label = strip(it.label());
      Kind kind;
      if (!seenYear && yearTotal.matcher(label).matches()) {
        kind = Kind.YEAR_TOTAL;
        seenYear = true;
        yearFirst = i == 0;
      } else if (GRAND.matcher(label).matches() && (seenYear || label.contains("总计"))) {
        kind = Kind.GRAND;
      } else if (carry.matcher(label).find() && (seenYear || !incomeSide || seenCarry || i > 0)) {
        kind = Kind.CARRY;
        seenCarry = true;
      } else if (seenCarry) {
        kind = Kind.SUB; // the carry-over's own breakdown (一、一般公共预算财政拨款 …)
      } else if (seenYear && !yearFirst) {
        kind = Kind.OTHER;
      } else {
        int level =
            ORDINAL_CN.matcher(it.label()).find()
                ? 0
                : ORDINAL_SUB.matcher(it.label()).find() ? 1 : -1;
        if (partLevel < 0 && level >= 0) partLevel = level;
        // under numbered parts (一、 二、), a row with a number of a lower level or with none is a
        // part's own breakdown (1. 事业收入; 行政事业单位养老支出 under 三、社会保障和就业支出)
        kind =
            partLevel >= 0 && (level > partLevel || level < 0 && numberedBefore(side, i))
                ? Kind.SUB
                : Kind.PART;
      }
      side.set(i, new Item(it.label(), it.asWritten(), it.amount(), it.start(), it.end(), kind));
    }
    closedBy(side);
    // no numbers, or an unnumbered first part over numbered ones (财政拨款 over 1.一般公共预算拨款)
    Item first = null;
    for (Item it : side) {
      if (it.kind() == Kind.PART && it.amount() != null) {
        first = it;
        break;
      }
    }
    if (partLevel < 0 || first != null && !ORDINAL.matcher(first.label()).find()) nestBySums(side);
  }

  /**
   * A side's plain 合计, the label of a table that carries nothing over: {@code 收入合计}, {@code
   * 支出决算合计}.
   */
  private static final Pattern PLAIN_TOTAL = Pattern.compile("^(?:收入|支出)(?:预算|决算)?合计$");

  /**
   * A side that ends in its plain 合计 ({@code 收入合计 69059.36 | 支出合计 69059.36}) with no carry-over and
   * no 总计 anywhere on it: the table carries nothing, and its 合计 is its grand total too. (A 本年收入合计
   * at a table's end is not: the carry-overs and the 总计 may stand on the next page.)
   */
  private static void closedBy(List<Item> side) {
    int last = side.size() - 1;
    if (last < 1) return;
    Item end = side.get(last);
    if (end.kind() != Kind.YEAR_TOTAL || end.amount() == null) return;
    if (!PLAIN_TOTAL.matcher(strip(end.label()).replaceAll("[\\s\\u3000]", "")).matches()) return;
    for (Item it : side) if (it.kind() == Kind.GRAND || it.kind() == Kind.CARRY) return;
    side.set(
        last,
        new Item(end.label(), end.asWritten(), end.amount(), end.start(), end.end(), Kind.GRAND));
  }

  /**
   * A side whose items carry no numbers (科学技术支出, 技术研究与开发, 科技成果转化与扩散 …: 类, 款 and 项 of the functions
   * one under another, told apart only by indent, which the text loses): read as a forest whose
   * roots add up to the side's total ({@link Forest}), the rows under a root its breakdown ({@link
   * Kind#SUB}). Where no reading adds up, each row that the rows after it add up to is still read
   * as their parent (depth first), so the one that does not add up shows.
   */
  private static void nestBySums(List<Item> side) {
    List<Integer> parts = new ArrayList<>();
    for (int i = 0; i < side.size(); i++) if (side.get(i).kind() == Kind.PART) parts.add(i);
    if (parts.size() < 3) return;
    boolean[] child = new boolean[parts.size()];
    Item total = null;
    for (Item it : side) if (it.kind() == Kind.YEAR_TOTAL && it.amount() != null) total = it;
    if (total == null)
      for (Item it : side) if (it.kind() == Kind.GRAND && it.amount() != null) total = it;
    List<BigDecimal> amounts = new ArrayList<>();
    for (int i : parts) amounts.add(side.get(i).amount());
    Forest forest = new Forest(amounts, 3);
    if (total != null && Boolean.TRUE.equals(forest.adds(0, total.amount(), parts.size())))
      forest.mark(0, total.amount(), parts.size(), child);
    else for (int k = 0; k < parts.size(); ) k = subtree(side, parts, k, child);
    for (int k = 0; k < parts.size(); k++) {
      if (!child[k]) continue;
      Item it = side.get(parts.get(k));
      side.set(
          parts.get(k),
          new Item(it.label(), it.asWritten(), it.amount(), it.start(), it.end(), Kind.SUB));
    }
  }

  /**
   * The index after the item {@code k} of {@code parts} and its breakdown: the items right after it
   * (each with its own breakdown) whose amounts add up to its own, marked as children; {@code k +
   * 1} when none do.
   */
  private static int subtree(List<Item> side, List<Integer> parts, int k, boolean[] child) {
    BigDecimal own = side.get(parts.get(k)).amount();
    if (own == null || own.signum() == 0) return k + 1;
    boolean[] local = child.clone(); // a breakdown that does not add up leaves no mark
    BigDecimal sum = BigDecimal.ZERO;
    int next = k + 1, terms = 0;
    List<Integer> kids = new ArrayList<>();
    while (next < parts.size()) {
      BigDecimal a = side.get(parts.get(next)).amount();
      sum = sum.add(a == null ? BigDecimal.ZERO : a);
      kids.add(next);
      terms++;
      if (sum.compareTo(own) > 0 && !closeTo(sum, own, terms)) break;
      next = subtree(side, parts, next, local);
      if (closeTo(sum, own, terms)) {
        for (int c : kids) local[c] = true;
        System.arraycopy(local, 0, child, 0, child.length);
        return next;
      }
    }
    return k + 1;
  }

  /**
   * Whether an item's breakdown adds up: {@code rows} is the item and the rows under it, read as a
   * forest by their sums (a 类's 款, a 款's 项; {@link Forest}); blank or zero rows are nothing to add.
   */
  static boolean breaksDown(List<Item> rows) {
    if (rows.size() < 2 || rows.get(0).amount() == null) return false;
    List<BigDecimal> amounts = new ArrayList<>();
    for (int i = 1; i < rows.size(); i++) amounts.add(rows.get(i).amount());
    return Boolean.TRUE.equals(
        new Forest(amounts, 3).adds(0, rows.get(0).amount(), amounts.size()));
  }

  private static boolean closeTo(BigDecimal a, BigDecimal b, int terms) {
    int scale = Math.max(Math.max(a.scale(), b.scale()), 0);
    BigDecimal cent = BigDecimal.ONE.movePointLeft(Math.max(scale, 2));
    return a.subtract(b).abs().compareTo(cent.multiply(BigDecimal.valueOf(terms))) <= 0;
  }
}
