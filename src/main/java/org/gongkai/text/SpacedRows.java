package org.gongkai.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Table rows that reached the text as words separated by spaces — a PDF whose text was set without
 * the gaps of its columns, a text file saved from one ({@code 2012901 行政运行 242.9 242.9}, {@code
 * 八、其他收入 8 八、社会保障和就业支出 39 136.04}) — become rows of cells separated by tabs, like every other table
 * row, so they are read, shown and searched as rows: a label with the figures on its line.
 *
 * <p>Only the cells are recovered, in their order: without positions, which column an amount stands
 * in (is a row's second 60.16 its 基本支出 or its 项目支出?) cannot be told, so the rows are not aligned
 * under a header. A line is such a row when it holds a figure with decimals or thousands separators
 * (or starts with a subject code, or holds two figures), its words are short labels (no sentence
 * punctuation, at most 30 characters), and no figure is followed by its unit ({@code 355.18 万元} is
 * a sentence's amount); two or more such lines in a row are taken.
 */
final class SpacedRows {

  private SpacedRows() {}

  private static final Pattern NUMBER = Pattern.compile("-?[0-9][0-9,]*(?:\\.[0-9]+)?%?");
  private static final Pattern AMOUNT =
      Pattern.compile("-?[0-9]{1,3}(?:,[0-9]{3})+(?:\\.[0-9]+)?|-?[0-9]+\\.[0-9]+");
  private static final Pattern CODE = Pattern.compile("[0-9]{3}(?:[0-9]{2}){0,2}");
  private static final Pattern UNIT = Pattern.compile("^(?:万元|亿元|千元|元|%|％|人|个|辆|次|年|月|日)");
  private static final Pattern SENTENCE = Pattern.compile("[，。；！？,;!?]");

  /** Run of at least this many row lines is taken. */
  private static final int MIN_RUN = 2;

  /** The lines, with runs of spaced rows written as tab-separated cells. */
  static List<String> rows(List<String> raw) {
    List<String> lines = unwrapped(raw);
    List<String> out = new ArrayList<>(lines.size());
    int i = 0;
    while (i < lines.size()) {
      List<String> first = cells(lines.get(i));
      if (first == null) {
        out.add(lines.get(i++));
        continue;
      }
      int j = i;
      List<List<String>> run = new ArrayList<>();
      run.add(first);
      while (j + 1 < lines.size()) {
        List<String> next = cells(lines.get(j + 1));
        if (next == null) break;
        run.add(next);
        j++;
      }
      if (run.size() >= MIN_RUN) for (List<String> r : run) out.add(String.join("\t", r));
      else for (int k = i; k <= j; k++) out.add(lines.get(k));
      i = j + 1;
    }
    return out;
  }

  /**
   * The lines with rows wrapped over several lines put back on one: a row whose figures stand on
   * the next line alone ({@code 一、一般公共预算财政拨款收入 1} / {@code 552.83}), and a subject code whose name
   * wraps over one or two lines above its figures ({@code 2080505} / {@code 机关事业单位基本养老保} / {@code
   * 险缴费支出} / {@code 38.54 38.54}) — each only when the line put back is a row.
   */
  private static List<String> unwrapped(List<String> lines) {
    List<String> out = new ArrayList<>(lines.size());
    int i = 0;
    while (i < lines.size()) {
      String line = lines.get(i);
      String code = line.strip();
      if (CODE.matcher(code).matches()) {
        StringBuilder name = new StringBuilder();
        int k = i + 1;
        while (k < lines.size() && k <= i + 2 && isNamePiece(lines.get(k)))
          name.append(lines.get(k++).strip());
        if (name.length() > 0 && k < lines.size() && isFigures(lines.get(k))) {
          String row = code + " " + name + " " + lines.get(k).strip();
          if (cells(row) != null) {
            out.add(row);
            i = k + 1;
            continue;
          }
        }
      } else if (i + 1 < lines.size() && line.indexOf(' ') > 0 && isFigures(lines.get(i + 1))) {
        String row = line.strip() + " " + lines.get(i + 1).strip();
        if (cells(row) != null) {
          out.add(row);
          i += 2;
          continue;
        }
      }
      out.add(line);
      i++;
    }
    return out;
  }

  /** A line of figures alone, one with decimals or separators among them. */
  private static boolean isFigures(String line) {
    if (line.indexOf('\t') >= 0 || line.isBlank()) return false;
    boolean amount = false;
    for (String t : line.strip().split(" +")) {
      if (!NUMBER.matcher(t).matches()) return false;
      amount |= AMOUNT.matcher(t).matches();
    }
    return amount;
  }

  /** A piece of a wrapped label: short, without figures, spaces or sentence punctuation. */
  private static boolean isNamePiece(String line) {
    String s = line.strip();
    return !s.isEmpty()
        && s.length() <= 20
        && s.indexOf(' ') < 0
        && s.indexOf('\t') < 0
        && !SENTENCE.matcher(s).find()
        && s.chars().noneMatch(Character::isDigit);
  }

  /** The cells of a spaced table row, or null when the line is not one. */
  static List<String> cells(String line) {
    if (line.indexOf('\t') >= 0 || line.indexOf(' ') < 0 || line.indexOf('\f') >= 0) return null;
    String[] tokens = line.strip().split(" +");
    if (tokens.length < 2) return null;
    List<String> cells = new ArrayList<>();
    int numbers = 0;
    boolean amount = false, text = false;
    StringBuilder label = null;
    for (int k = 0; k < tokens.length; k++) {
      String t = tokens[k];
      if (NUMBER.matcher(t).matches()) {
        if (k + 1 < tokens.length && UNIT.matcher(tokens[k + 1]).find()) return null;
        if (label != null) cells.add(label.toString());
        label = null;
        cells.add(t);
        numbers++;
        amount |= AMOUNT.matcher(t).matches();
      } else {
        if (t.length() > 30 || SENTENCE.matcher(t).find()) return null;
        if (label == null) label = new StringBuilder(t);
        else label.append(' ').append(t);
        text = true;
      }
    }
    if (label != null) cells.add(label.toString());
    if (label != null && label.length() > 30) return null;
    boolean coded = CODE.matcher(cells.get(0)).matches() && numbers >= 2;
    if (!text || !(amount || coded || numbers >= 2) || cells.size() < 2) return null;
    return cells;
  }
}
