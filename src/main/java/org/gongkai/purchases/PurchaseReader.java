package org.gongkai.purchases;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.model.PurchaseReading;
import org.gongkai.model.PurchaseReading.Part;
import org.gongkai.model.PurchaseReading.Purchase;
import org.gongkai.model.PurchaseReading.Table;

/**
 * Reads a report's procurement table from its clean text: a title ({@code 政府采购支出表}, {@code
 * 部门政府采购预算表}) over a header naming the item's columns ({@code 采购品目大类 专项名称 经济科目 采购品目名称 采购组织形式 …
 * 总计}), then rows of three shapes — a label alone with its amounts ({@code 合计}, a category {@code
 * 货物}/{@code 工程}/{@code 服务}, or a unit's name), or an item (its words' cells, then its amounts; the
 * last is its total). A unit's name wrapped onto the next line (with a page's running head glued in
 * front of its end) is joined; pages' heads and numbers are passed over. Each unit's items are
 * proven by its row, each category by its units, the table by its categories. The title of a table
 * of contents has no header under it, and is no table.
 */
public final class PurchaseReader {

  /** The most rows one table is read to. */
  static final int MAX_ROWS = 5000;

  private static final Pattern TITLE =
      Pattern.compile(
          "^\\s*(?:[一二三四五六七八九十]+[、.．]\\s*)?(?:\\d+[、.．]?\\s*)?(?:\\d{4}\\s*年(?:度)?)?(?:部门|单位)?"
              + "政府采购(?:支出|预算)(?:预算)?(?:明细|情况)?表\\s*$");

  private static final Pattern MONEY_UNIT = Pattern.compile("单位[：:]\\s*(万元|元)");

  /** The longest amount read (digits, commas and a point): a table's amounts are far shorter. */
  static final int MAX_AMOUNT = 24;

  private static final Pattern AMOUNT =
      Pattern.compile("^-?\\d{1,3}(?:,\\d{3})*(?:\\.\\d+)?$|^-?\\d+(?:\\.\\d+)?$");

  private static boolean amount(String s) {
    return s.length() <= MAX_AMOUNT && AMOUNT.matcher(s).matches();
  }

  /** A page's running head ({@code 某局 2026年度部门预算公开}) glued to a cell, and page numbers. */
  private static final Pattern RUNNING_HEAD =
      Pattern.compile("^.{0,40}?\\d{4}\\s*年度?(?:部门|单位)(?:预算|决算)公开(?:\\s*公开\\s*\\d+\\s*表)?");

  private static final Pattern PAGE_NUMBER = Pattern.compile("^[\\s\\-—－\\d第页/]*$");

  private static final Pattern NOTHING = Pattern.compile("无政府采购|本表无数据|本表为空");

  /** A category's row: 货物, 服务类, 一、货物 A (江苏's, with the category's letter). */
  private static final Pattern CATEGORY =
      Pattern.compile(
          "^(?:[一二三][、.．]\\s*|[（(][一二三][）)]\\s*)?(?:[A-CＡ-Ｃ]\\s*)?(货物|工程|服务)(?:类)?(?:\\s*[A-CＡ-Ｃ])?$");

  private static final Pattern TOTAL = Pattern.compile("^(合计|总计)$");

  /** How an item is procured: the closed words of the 采购组织形式 column. */
  private static final Pattern METHOD =
      Pattern.compile("^(?:政府|部门|单位)?(?:集中|分散)(?:采购|自行组织|自行采购)?(?:机构采购|机构)?$|^自行采购$|^委托(?:代理)?采购$");

  public PurchaseReading read(String text) {
    List<Purchase> items = new ArrayList<>();
    List<Table> tables = new ArrayList<>();
    int lineStart = 0;
    while (lineStart < text.length()) {
      int lineEnd = end(text, lineStart);
      String line = text.substring(lineStart, lineEnd);
      if (TITLE.matcher(line).matches()) {
        String title = line.strip().replaceFirst("^(?:[一二三四五六七八九十]+[、.．]|\\d+[、．])\\s*", "");
        int next = table(text, title, lineStart, lineEnd + 1, items, tables);
        if (next > lineStart) {
          lineStart = next;
          continue;
        }
      }
      lineStart = lineEnd + 1;
    }
    return new PurchaseReading(items, tables);
  }

  /** Where the header first names a source of funds (一般公共预算, 财政拨款 …), -1 when it names none. */
  private static int firstSource(String head) {
    int first = -1;
    for (String w : new String[] {"一般公共预算", "财政拨款", "政府性基金", "其他资金", "上年结转", "财政专户", "资金来源"}) {
      int at = head.indexOf(w);
      if (at >= 0 && (first < 0 || at < first)) first = at;
    }
    return first;
  }

  private static int end(String text, int from) {
    int nl = text.indexOf('\n', from);
    return nl < 0 ? text.length() : nl;
  }

  /** The table under a title; where the text goes on after it, or -1 when no table is there. */
  private static int table(
      String text,
      String title,
      int titleStart,
      int from,
      List<Purchase> items,
      List<Table> tables) {
    BigDecimal scale = BigDecimal.ONE; // 万元 unless the caption says 元
    int at = from;
    int header = -1;
    for (int k = 0; k < 5 && at < text.length(); k++) {
      int e = end(text, at);
      String line = text.substring(at, e);
      Matcher unit = MONEY_UNIT.matcher(line);
      String last = null;
      while (unit.find()) last = unit.group(1);
      if (last != null) scale = last.equals("元") ? new BigDecimal("0.0001") : BigDecimal.ONE;
      if (NOTHING.matcher(line).find() && header < 0) {
        tables.add(new Table(title, titleStart, e, 0, null, List.of(), "empty"));
        return e + 1;
      }
      if (line.contains("品目")
          && (line.contains("总计") || line.contains("合计") || line.contains("金额"))) {
        header = at;
        at = e + 1;
        break;
      }
      at = e + 1;
    }
    if (header < 0) return -1;
    Builder b = new Builder(scale);
    // the row's total is its last amount, or its first where the header puts 总计 before the sources
    String head = text.substring(header, end(text, header));
    int totalAt = head.indexOf("总计") >= 0 ? head.indexOf("总计") : head.indexOf("合计");
    int sourceAt = firstSource(head);
    boolean totalFirst = totalAt >= 0 && sourceAt >= 0 && totalAt < sourceAt;
    int lastRowEnd = at;
    int before = 0; // lines of the header's second and third rows, before any row
    for (int rows = 0; at < text.length() && rows < MAX_ROWS; rows++) {
      int e = end(text, at);
      String line = text.substring(at, e);
      String[] cells = line.split("\t", -1);
      List<String> words = new ArrayList<>();
      List<String> amounts = new ArrayList<>();
      for (String c : cells) {
        String s = c.strip();
        if (s.isEmpty()) continue;
        if (amount(s)) amounts.add(s);
        else if (amounts.isEmpty()) words.add(s);
      }
      if (amounts.isEmpty()) {
        String rest = RUNNING_HEAD.matcher(line.strip()).replaceFirst("").strip();
        if (line.isBlank() || PAGE_NUMBER.matcher(line).matches()) {
          // a page's number or a blank line: a new page may keep its tabs
          if (!line.isBlank()) b.shifted = false;
        } else if (b.rows == 0 && NOTHING.matcher(line).find()) {
          tables.add(new Table(title, titleStart, e, 0, null, List.of(), "empty"));
          return e + 1;
        } else if (rest.isEmpty()) {
          // a page's running head
        } else if (line.contains("采购品目")
            || line.contains("资金来源")
            || line.contains("一般公共预算")
            || line.contains("财政拨款")
            || line.contains("其他资金")) {
          // the header again on a new page, or its second line
        } else if (b.wrapping(rest)) {
          // the rest of a unit's name wrapped below its row
        } else if (b.itemWrapping(line)) {
          // the rest of an item's cells wrapped below its row (over a page's head)
        } else if (b.rows == 0 && before++ < 4) {
          // the header's other rows (資金来源's columns, a bare 合计 of an empty table)
        } else {
          break; // words of another kind: the table has ended
        }
        at = e + 1;
        continue;
      }
      String total = totalFirst ? amounts.get(0) : amounts.get(amounts.size() - 1);
      // a label stands in the first column; one word further right is a spending line's subject
      if (words.size() == 1 && !cells[0].isBlank()) b.label(words.get(0), total, at, e);
      else if (words.size() == 1 && b.groupOpen()) b.item(cells, 1, total, at, e);
      else if (words.size() >= 2) b.item(cells, words.size(), total, at, e);
      else b.dropped++;
      lastRowEnd = e;
      at = e + 1;
    }
    if (b.rows == 0) return -1;
    Table t = b.table(title, titleStart, lastRowEnd);
    tables.add(t);
    items.addAll(b.purchases(t.status()));
    return lastRowEnd + 1;
  }

  /** The rows of one table as they come, and the proof of their sums. */
  private static final class Builder {
    final BigDecimal scale;
    int rows;
    int dropped;
    BigDecimal total;
    String category;
    boolean unitOpen; // the last row was a unit's label: its name may go on below
    boolean itemOpen; // the last row was an item: its cells may go on below
    int unitIndex = -1;
    final List<Part> categories = new ArrayList<>();
    final List<BigDecimal> categoryUnitsSum = new ArrayList<>();
    final List<String[]> units = new ArrayList<>(); // name, category index
    final List<BigDecimal> unitAmounts = new ArrayList<>();
    final List<BigDecimal> unitItemsSum = new ArrayList<>();
    final List<Purchase> read = new ArrayList<>();
    final List<Integer> itemUnit = new ArrayList<>();
    final List<BigDecimal> categoryDirect = new ArrayList<>();
    // a spending line's row (专项名称, 经济科目, its subtotal) over the items bought from it (江苏's)
    int groupIndex = -1;
    boolean shifted; // a page's rows lost their first tab
    BigDecimal topLevel = BigDecimal.ZERO; // items and lines under no unit and no category
    final List<String[]> groups = new ArrayList<>(); // 专项名称, 经济科目
    final List<BigDecimal> groupAmounts = new ArrayList<>();
    final List<BigDecimal> groupItemsSum = new ArrayList<>();
    final List<Integer> itemGroup = new ArrayList<>();

    Builder(BigDecimal scale) {
      this.scale = scale;
    }

    BigDecimal wan(String s) {
      BigDecimal v = new BigDecimal(s.replace(",", ""));
      if (scale.compareTo(BigDecimal.ONE) == 0) return v;
      BigDecimal w = v.multiply(scale).stripTrailingZeros();
      return w.scale() < 2 ? w.setScale(2) : w;
    }

    /**
     * A line of word cells alone below an item (its cells wrapped: {@code 商品和服务支出(定额非} above,
     * {@code 三保)} below): each piece joined to the item's cell in its order.
     */
    /** Whether the table has spending lines' rows (江苏's): a word alone further right is one. */
    boolean groupOpen() {
      return !groups.isEmpty();
    }

    boolean itemWrapping(String line) {
      if (!itemOpen || read.isEmpty() || line.contains("。")) return false;
      String[] raw = line.split("\t", -1);
      int firstAt = 0;
      while (firstAt < raw.length && raw[firstAt].isBlank()) firstAt++;
      List<String> pieces = new ArrayList<>();
      List<Integer> at = new ArrayList<>();
      for (int k = 0; k < raw.length; k++)
        if (!raw[k].isBlank()) {
          pieces.add(raw[k].strip());
          at.add(k);
        }
      if (pieces.isEmpty() || pieces.size() > 4) return false;
      for (String p : pieces) if (p.length() > 20) return false;
      // a piece with no cell before it and alone is a wrap only when it closes a bracket its cell
      // left open; else it is the words after the table (a heading, a note)
      boolean placed = firstAt > 0; // leading empty cells: the pieces stand in their columns
      if (!placed
          && pieces.size() == 1
          && !(pieces.get(0).startsWith(")") || pieces.get(0).startsWith("）"))) return false;
      itemOpen = false; // a row's cells wrap once
      Purchase p = read.get(read.size() - 1);
      String[] cells = {p.project(), p.economic(), p.item(), p.method()};
      int first = p.project() == null ? 1 : 0;
      for (int k = 0; k < pieces.size(); k++) {
        // placed: column 1 is 专项名称 (column 0 the category's); else in order from the first cell
        int c = placed ? at.get(k) - 1 : first + k;
        if (c < 0 || c >= cells.length || cells[c] == null) return false;
        cells[c] = cells[c] + pieces.get(k);
      }
      read.set(
          read.size() - 1,
          new Purchase(
              p.category(),
              p.unit(),
              cells[0],
              cells[1],
              cells[2],
              cells[3],
              p.amount(),
              p.asWritten(),
              p.proof(),
              p.start(),
              p.end()));
      return true;
    }

    boolean wrapping(String rest) {
      if (!unitOpen || unitIndex < 0 || rest.length() > 20 || rest.contains("。")) return false;
      if (rest.indexOf('\t') >= 0 || !rest.matches("[\\p{IsHan}（）()·]+")) return false;
      String[] u = units.get(unitIndex);
      // a whole name goes on no further (a header's words or a running head after it are no part)
      if (org.gongkai.units.UnitReader.isBody(u[0])) return false;
      u[0] = u[0] + rest.replaceAll("\\s+", "");
      return true;
    }

    void label(String label, String amount, int start, int end) {
      rows++;
      BigDecimal a = wan(amount);
      unitOpen = false;
      itemOpen = false;
      if (TOTAL.matcher(label).matches()) {
        if (total == null) total = a;
        return;
      }
      Matcher c = CATEGORY.matcher(label);
      if (c.matches()) {
        categories.add(new Part(c.group(1), a));
        categoryUnitsSum.add(BigDecimal.ZERO);
        categoryDirect.add(BigDecimal.ZERO);
        category = c.group(1);
        unitIndex = -1;
        groupIndex = -1;
        return;
      }
      units.add(new String[] {label.replaceAll("\\s+", ""), String.valueOf(categories.size() - 1)});
      unitAmounts.add(a);
      unitItemsSum.add(BigDecimal.ZERO);
      unitIndex = units.size() - 1;
      groupIndex = -1;
      unitOpen = true;
      if (!categories.isEmpty()) {
        int ci = categories.size() - 1;
        categoryUnitsSum.set(ci, categoryUnitsSum.get(ci).add(a));
      }
    }

    void item(String[] cells, int words, String amount, int start, int end) {
      rows++;
      unitOpen = false;
      itemOpen = true;
      // the cells by their columns: 专项名称, 经济科目, 品目, 组织形式 after the category's column (empty
      // on an item's row, left out where a page's break lost the row's first tab)
      // the method's cell (集中采购, 分散自行组织 …) places the item's cells before it, whatever tabs a
      // page's break lost; a row without one (a spending line's subtotal, an item with no method)
      // is placed by its columns
      int amountsAt = cells.length;
      for (int k = 0; k < cells.length; k++)
        if (amount(cells[k].strip())) {
          amountsAt = k;
          break;
        }
      int methodAt = -1;
      for (int k = amountsAt - 1; k >= 0; k--)
        if (!cells[k].isBlank()) {
          if (METHOD.matcher(cells[k].strip()).matches()) methodAt = k;
          break;
        }
      String[] fields = new String[4];
      if (methodAt >= 0) {
        for (int f = 3, k = methodAt; f >= 0 && k >= 0; f--, k--) {
          String c = cells[k].strip();
          fields[f] = c.isEmpty() ? null : c;
        }
      } else {
        if (!cells[0].isBlank())
          shifted = true; // a row's first tab lost: its page's rows start at 0
        // a subject alone on a shifted page (\t会议费) stands in the subject's column
        int offset = words >= 5 || (cells[0].isBlank() && !(shifted && words == 1)) ? 1 : 0;
        for (int k = offset; k < amountsAt && k - offset < 4; k++) {
          String c = cells[k].strip();
          fields[k - offset] = c.isEmpty() ? null : c;
        }
        if (fields[0] == null && fields[1] != null && fields[2] == null && groupIndex >= 0)
          fields[0] =
              groups.get(groupIndex)[0]; // the spending line's cell merged with the one above
      }
      String project = fields[0], economic = fields[1], item = fields[2], method = fields[3];
      BigDecimal a = wan(amount);
      if (item == null && method == null) {
        // a spending line's subtotal: the items below are bought from it
        if (project == null && economic == null) {
          dropped++;
          return;
        }
        groups.add(new String[] {project, economic});
        groupAmounts.add(a);
        groupItemsSum.add(BigDecimal.ZERO);
        groupIndex = groups.size() - 1;
        itemOpen = false;
        if (unitIndex >= 0) return; // inside a unit: its items make the unit
        if (categories.isEmpty()) topLevel = topLevel.add(a);
        else {
          int ci = categories.size() - 1;
          categoryUnitsSum.set(ci, categoryUnitsSum.get(ci).add(a));
        }
        return;
      }
      if (item == null) {
        dropped++;
        return;
      }
      if (project == null && economic == null && groupIndex >= 0) {
        project = groups.get(groupIndex)[0];
        economic = groups.get(groupIndex)[1];
      }
      read.add(
          new Purchase(
              category, null, project, economic, item, method, a, amount, "stated", start, end));
      itemUnit.add(unitIndex);
      itemGroup.add(groupIndex);
      if (groupIndex >= 0) groupItemsSum.set(groupIndex, groupItemsSum.get(groupIndex).add(a));
      if (unitIndex >= 0) unitItemsSum.set(unitIndex, unitItemsSum.get(unitIndex).add(a));
      else if (groupIndex < 0 && categories.isEmpty()) topLevel = topLevel.add(a);
      else if (groupIndex < 0) {
        int ci = categories.size() - 1;
        categoryDirect.set(ci, categoryDirect.get(ci).add(a));
      }
    }

    private static boolean close(BigDecimal a, BigDecimal b, int parts) {
      BigDecimal tolerance = new BigDecimal("0.005").multiply(BigDecimal.valueOf(parts + 1L));
      return a.subtract(b).abs().compareTo(tolerance) <= 0;
    }

    private boolean[] groupsHold() {
      boolean[] hold = new boolean[groups.size()];
      for (int g = 0; g < groups.size(); g++) {
        final int at = g;
        int count = (int) itemGroup.stream().filter(x -> x == at).count();
        hold[g] = count > 0 && close(groupItemsSum.get(g), groupAmounts.get(g), count);
      }
      return hold;
    }

    private boolean[] unitsHold() {
      boolean[] hold = new boolean[units.size()];
      for (int u = 0; u < units.size(); u++) {
        final int unitAt = u;
        int count = (int) itemUnit.stream().filter(x -> x == unitAt).count();
        hold[u] = count > 0 && close(unitItemsSum.get(u), unitAmounts.get(u), count);
      }
      return hold;
    }

    private boolean[] categoriesHold() {
      boolean[] hold = new boolean[categories.size()];
      for (int c = 0; c < categories.size(); c++) {
        final String at = String.valueOf(c);
        int parts = (int) units.stream().filter(u -> u[1].equals(at)).count();
        hold[c] =
            close(
                categoryUnitsSum.get(c).add(categoryDirect.get(c)),
                categories.get(c).amount(),
                Math.max(1, parts));
      }
      return hold;
    }

    Table table(String title, int start, int end) {
      boolean sums = dropped == 0 && !read.isEmpty() && total != null;
      for (boolean h : unitsHold()) sums &= h;
      for (boolean h : groupsHold()) sums &= h;
      for (boolean h : categoriesHold()) sums &= h;
      if (sums) {
        BigDecimal parts = BigDecimal.ZERO;
        int n;
        if (categories.isEmpty()) {
          // the units' rows and whatever stands under no unit make the total
          for (BigDecimal a : unitAmounts) parts = parts.add(a);
          parts = parts.add(topLevel);
          n = unitAmounts.size() + read.size();
        } else {
          for (Part c : categories) parts = parts.add(c.amount());
          n = categories.size();
        }
        sums = close(parts, total, n);
      }
      return new Table(title, start, end, read.size(), total, categories, sums ? "sums" : "open");
    }

    /** The items with their units' names (as joined) and their proof. */
    List<Purchase> purchases(String status) {
      boolean[] unitHolds = unitsHold();
      boolean[] groupHolds = groupsHold();
      List<Purchase> out = new ArrayList<>();
      for (int i = 0; i < read.size(); i++) {
        Purchase p = read.get(i);
        int u = itemUnit.get(i);
        int g = itemGroup.get(i);
        boolean proven =
            status.equals("sums") || (u >= 0 && unitHolds[u]) || (u < 0 && g >= 0 && groupHolds[g]);
        out.add(
            new Purchase(
                p.category(),
                u >= 0 ? units.get(u)[0] : null,
                p.project(),
                p.economic(),
                p.item(),
                p.method(),
                p.amount(),
                p.asWritten(),
                proven ? "sums" : "stated",
                p.start(),
                p.end()));
      }
      return out;
    }
  }
}
