package org.gongkai.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Puts back the empty cells of a 行次 table whose text lost them.
 *
 * <p>A 收入支出决算总表 copied as text (a web page, a PDF typeset from that text) keeps each row's words
 * but not its empty cells: {@code 二、政府性基金预算财政拨款收入 2 二、外交支出 33} has no 决算数 on either side, {@code 9
 * 九、卫生健康支出 40 28.37} no label on the left, and a row may even be split in two lines ({@code
 * 一、一般公共预算财政拨款收入 1 552.83} / {@code 一、一般公共服务支出 32 355.18}). Read by position, its figures stand
 * under the wrong headers. The row numbers (行次) say where each side's cells belong: a side is a
 * label, its row number, then its figures. So a table whose numbering row ({@code 栏次 | 1 | 栏次 | 2})
 * declares its sides is re-read side by side: each row's cells are cut into sides at each row
 * number, a lone side goes left or right by its number (the right side's numbers follow the
 * left's), and a left half and the right half that follows it on the next line, numbered as the
 * other rows pair them, are one row. Rows this reading does not fit are left as they are.
 */
final class LineNumberedRows {

  private static final Pattern LINE_NO = Pattern.compile("^[0-9]{1,3}$");
  private static final Pattern AMOUNT = Pattern.compile("^-?[0-9][0-9,]*(?:\\.[0-9]+)?%?$");
  private static final Pattern MARKER = Pattern.compile("^(?:栏次|行次)$");

  private LineNumberedRows() {}

  /** One side of a row: its label, its row number and its figures, each with its offset. */
  private record Side(
      String label,
      int labelAt,
      int number,
      int numberAt,
      List<String> values,
      List<Integer> valuesAt) {}

  /** A table's rows and the offsets of their cells. */
  record Rows(List<List<String>> cells, List<List<Integer>> offsets) {
    void add(List<String> row, List<Integer> at) {
      cells.add(row);
      offsets.add(at);
    }
  }

  /**
   * The rows with their empty cells in place, offsets alike; null when the table declares no sides
   * or its rows already line up.
   */
  static Rows realign(List<List<String>> rows, List<List<Integer>> offsets) {
    int numbering = -1, sides = 0, values = 0;
    for (int r = 0; r < Math.min(4, rows.size()) && numbering < 0; r++) {
      long markers = rows.get(r).stream().filter(c -> MARKER.matcher(c.strip()).matches()).count();
      long numbers = rows.get(r).stream().filter(c -> LINE_NO.matcher(c.strip()).matches()).count();
      if (markers >= 1 && numbers >= markers && numbers % markers == 0) {
        numbering = r;
        sides = (int) markers;
        values = (int) (numbers / markers);
      }
    }
    if (numbering < 0 || sides > 2) return null;
    int width = sides * (2 + values);
    List<List<Side>> parsed = new ArrayList<>();
    boolean misaligned = false;
    for (int r = numbering + 1; r < rows.size(); r++) {
      List<String> row = rows.get(r);
      if (row.size() != width) misaligned = true;
      parsed.add(sides(row, offsets.get(r), values));
    }
    if (!misaligned) return null;
    // where the right side's numbers begin, and how far they run ahead of the left's
    int lastLeft = 0;
    Map<Integer, Integer> gaps = new HashMap<>();
    for (List<Side> p : parsed)
      if (p != null && p.size() == 2) {
        lastLeft = Math.max(lastLeft, p.get(0).number());
        gaps.merge(p.get(1).number() - p.get(0).number(), 1, Integer::sum);
      }
    if (sides == 2 && lastLeft == 0) return null;
    int gap =
        gaps.entrySet().stream()
            .max(Map.Entry.comparingByValue())
            .map(Map.Entry::getKey)
            .orElse(-1);
    Rows out = new Rows(new ArrayList<>(), new ArrayList<>());
    for (int r = 0; r < numbering; r++) out.add(rows.get(r), offsets.get(r));
    numberingRow(rows.get(numbering), offsets.get(numbering), values, out);
    for (int k = 0; k < parsed.size(); k++) {
      int r = numbering + 1 + k;
      List<Side> p = parsed.get(k);
      if (p == null || p.size() > sides) {
        out.add(rows.get(r), offsets.get(r));
        continue;
      }
      Side left = null, right = null;
      if (p.size() == 2) {
        left = p.get(0);
        right = p.get(1);
      } else if (sides == 1 || p.get(0).number() <= lastLeft) left = p.get(0);
      else right = p.get(0);
      // a left half whose right half follows on the next line
      if (sides == 2 && right == null && k + 1 < parsed.size()) {
        List<Side> next = parsed.get(k + 1);
        if (next != null
            && next.size() == 1
            && next.get(0).number() > lastLeft
            && next.get(0).number() - left.number() == gap) {
          right = next.get(0);
          k++;
        }
      }
      int rowAt = offsets.get(r).isEmpty() ? 0 : offsets.get(r).get(0);
      List<String> cells = new ArrayList<>();
      List<Integer> at = new ArrayList<>();
      put(left, values, rowAt, cells, at);
      if (sides == 2) put(right, values, rowAt, cells, at);
      out.add(cells, at);
    }
    return out;
  }

  /** {@code 栏次 | 1 | 栏次 | 2} as {@code 栏次 | | 1 | 栏次 | | 2}: each side's marker over its labels. */
  private static void numberingRow(List<String> row, List<Integer> offsets, int values, Rows out) {
    List<String> cells = new ArrayList<>();
    List<Integer> at = new ArrayList<>();
    int filled = values;
    for (int i = 0; i < row.size(); i++) {
      String c = row.get(i).strip();
      if (c.isEmpty()) continue;
      if (MARKER.matcher(c).matches()) {
        for (; filled < values; filled++) {
          cells.add("");
          at.add(offsets.get(i));
        }
        cells.add(c);
        at.add(offsets.get(i));
        cells.add("");
        at.add(offsets.get(i));
        filled = 0;
      } else {
        cells.add(c);
        at.add(offsets.get(i));
        filled++;
      }
    }
    out.add(cells, at);
  }

  private static void put(Side s, int values, int rowAt, List<String> cells, List<Integer> at) {
    cells.add(s == null ? "" : s.label());
    at.add(s == null || s.label().isEmpty() ? rowAt : s.labelAt());
    cells.add(s == null ? "" : Integer.toString(s.number()));
    at.add(s == null ? rowAt : s.numberAt());
    for (int v = 0; v < values; v++) {
      boolean has = s != null && v < s.values().size();
      cells.add(has ? s.values().get(v) : "");
      at.add(has ? s.valuesAt().get(v) : rowAt);
    }
  }

  /**
   * A row cut into sides at each row number: a label (or none), the number, then up to {@code
   * values} figures; null when the row does not read so (no number, a figure before a number, a
   * side with more figures than columns).
   */
  private static List<Side> sides(List<String> row, List<Integer> offsets, int values) {
    List<Side> out = new ArrayList<>();
    String label = "";
    int labelAt = -1;
    int i = 0;
    while (i < row.size()) {
      String c = row.get(i).strip();
      if (c.isEmpty()) {
        i++;
        continue;
      }
      if (LINE_NO.matcher(c).matches()) {
        int number = Integer.parseInt(c);
        int numberAt = offsets.get(i);
        List<String> vs = new ArrayList<>();
        List<Integer> vsAt = new ArrayList<>();
        i++;
        // its figures: amounts up to the next label, or the next row number
        while (i < row.size()) {
          String v = row.get(i).strip();
          if (v.isEmpty()) {
            i++;
            continue;
          }
          boolean nextNumber =
              LINE_NO.matcher(v).matches() && (vs.size() >= values || isNextSide(row, i));
          if (!AMOUNT.matcher(v).matches() || nextNumber) break;
          vs.add(v);
          vsAt.add(offsets.get(i));
          i++;
        }
        if (vs.size() > values) return null;
        out.add(new Side(label, labelAt, number, numberAt, vs, vsAt));
        label = "";
        labelAt = -1;
        continue;
      }
      if (AMOUNT.matcher(c).matches() || !label.isEmpty()) return null;
      label = c;
      labelAt = offsets.get(i);
      i++;
    }
    return out.isEmpty() || !label.isEmpty() ? null : out;
  }

  /** Whether the whole number at {@code i} starts the next side: a label follows it. */
  private static boolean isNextSide(List<String> row, int i) {
    for (int k = i + 1; k < row.size(); k++) {
      String c = row.get(k).strip();
      if (c.isEmpty()) continue;
      return !AMOUNT.matcher(c).matches();
    }
    return false;
  }
}
