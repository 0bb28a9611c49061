package org.gongkai.indicators;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.model.IndicatorValue;

/**
 * A total's own breakdown: the parts its words list after it ({@code 收入预算X万元，比2025年年初预算数增加Y万元。
 * 其中：财政拨款收入A万元，…上年结转B万元}), read as evidence for the total — whether they add up to it, and whether
 * a carry-over is among them or stated beside them. Every answer is decided by the sums: parts that
 * do not add up to the total prove nothing, and nothing is guessed from them.
 */
final class Breakdown {

  /** Carry-overs brought into a year: 上年结转, 上年结转结余资金, 上年财政拨款结转, 以前年度结余. */
  static final Pattern INCOME_CARRY = Pattern.compile("(?:上年度?|年初|以前年度)[^，,。；;、：:\\d]{0,8}?结[转余]");

  /** Carry-overs out of a year: 结转下年, 年末结转和结余. */
  static final Pattern SPENDING_CARRY = Pattern.compile("结转下年|年末结转|年终结转");

  /** A comparison said right after an amount, to its clause's end. */
  private static final Pattern COMPARED_AFTER =
      Pattern.compile(
          "\\s*(?:万元|元|亿元)?\\s*[，,]\\s*(?:比|较|与|同)[^。；;\n]{0,60}?"
              + "(?:增加|减少|增长|下降|上升|降低|持平|相比|相同|一致|增|减)[^。；;]{0,60}?(?=[。；;]|[，,]\\s*(?:其中|包括))");

  /**
   * Where a grand total's breakdown ends: the next numbered part of the same level, or a few lines
   * on.
   */
  private static final Pattern NEXT_PART =
      Pattern.compile("\n[（(][一二三四五六七八九十]+[)）]|\n[一二三四五六七八九十]+、");

  /** An item of a list: {@code 1．}, {@code （1）}, {@code 一、}. */
  private static final Pattern ITEM =
      Pattern.compile(
          "\\s*(?:\\d{1,2}\\s*[.．、]|[（(]\\d{1,2}[)）]|[一二三四五六七八九十]{1,3}\\s*、|[（(][一二三四五六七八九十]{1,3}[)）])");

  /** Where a total's own breakdown begins. */
  private static final Pattern OPENS = Pattern.compile("(?:其中|包括)\\s*[：:，,]?");

  /** An amount with its unit: {@code 20702.25 万元}. */
  private static final Pattern AMOUNT =
      Pattern.compile(
          "([0-9]{1,3}(?:,[0-9]{3})+(?:\\.[0-9]+)?|[0-9]+(?:\\.[0-9]+)?)\\s*(万元|亿元|元)(?![/／])");

  /** Words that make the amount after them a change or a comparison, not a part. */
  private static final Pattern CHANGE_BEFORE =
      Pattern.compile("增加|减少|增长|下降|上升|降低|持平|相比|比上年|比\\d{4}|较");

  /** One part a breakdown lists: its amount in 万元, and whether it is a carry-over. */
  record Part(BigDecimal wan, boolean carry) {}

  private final String text;

  /** {@code text}: the document as read (simplified characters), offsets as the values'. */
  Breakdown(String text) {
    this.text = text;
  }

  /**
   * Where a total's own words go on after the comparison said right after it ({@code 收入预算X万元，
   * 比2025年年初预算数Y万元增加Z万元，增长W%。其中：…}): the breakdown that follows is the total's.
   */
  int afterComparison(int from) {
    Matcher m = COMPARED_AFTER.matcher(text).region(from, Math.min(text.length(), from + 200));
    return m.lookingAt() ? m.end() : from;
  }

  /** Whether the amounts of {@code parts} (two or more, changes aside) add up to {@code total}. */
  boolean partsAddUp(String parts, IndicatorValue total) {
    if (total.valueWan() == null) return false;
    BigDecimal sum = BigDecimal.ZERO;
    int n = 0;
    for (Matcher m = AMOUNT.matcher(parts); m.find(); ) {
      String before = parts.substring(Math.max(0, m.start() - 8), m.start());
      if (CHANGE_BEFORE.matcher(before).find()) continue;
      sum = sum.add(Amounts.wan(Amounts.decimal(m.group(1)), m.group(2)));
      n++;
    }
    double half = Amounts.halfUnitWan(total.asWritten(), total.unit());
    return n >= 2 && Math.abs(sum.doubleValue() - total.valueWan()) <= half * (n + 1) + 1e-6;
  }

  /** The words after a total up to the end of its part of the report (or a few lines on). */
  private String rest(int from) {
    int limit = Math.min(text.length(), from + 1500);
    Matcher next = NEXT_PART.matcher(text).region(from, limit);
    int end = next.find() ? next.start() : Math.min(text.length(), from + 600);
    return text.substring(from, Math.max(from, end));
  }

  /**
   * What a total's own breakdown says of carry-overs: true when it lists one with an amount other
   * than 0 (or names one without its amount), false when it lists one of 0 or lists the sources
   * without one, null when the total has no breakdown.
   */
  Boolean carried(IndicatorValue g, boolean income) {
    int from = afterComparison(g.end());
    int after = skipSpaceAndPunct(text, from);
    String rest = rest(from);
    // the breakdown of the sentence itself (其中：…；…) or of the lines that follow (包括：1. …)
    boolean breakdown =
        text.startsWith("包括", after)
            || text.startsWith("其中", after)
            || rest.matches("(?s)^[^。]{0,40}(?:其中|包括)[：:].*");
    if (!breakdown) return null;
    Pattern carry = income ? INCOME_CARRY : SPENDING_CARRY;
    for (Matcher c = carry.matcher(rest); c.find(); ) {
      // 年初预算数504.51万元，其中：一般公共预算拨款204.51万元，…事业收入300万元；上年结转结余29.81万元:
      // the parts before the carry-over already add up to the total, which is the year's
      if (partsAddUp(rest.substring(0, c.start()), g)) return false;
      // the amount said with it (上年结转资金预算数为 0); none said is a carry-over of unknown size
      Matcher amount =
          IndicatorExtractor.NUMBER
              .matcher(rest)
              .region(c.end(), Math.min(rest.length(), c.end() + 16));
      if (!amount.find() || IndicatorExtractor.parse(amount.group()) != 0) return true;
    }
    return false;
  }

  /** Whether a total's breakdown names a carry-over after parts that add up to the total. */
  boolean besideCarryOver(IndicatorValue g, boolean income) {
    int from = afterComparison(g.end());
    int after = skipSpaceAndPunct(text, from);
    if (!text.startsWith("其中", after) && !text.startsWith("包括", after)) return false;
    int end = text.indexOf('。', after);
    String rest = text.substring(from, end < 0 ? text.length() : end);
    Matcher c = (income ? INCOME_CARRY : SPENDING_CARRY).matcher(rest);
    return c.find() && partsAddUp(rest.substring(0, c.start()), g);
  }

  /** Whether the amounts a total's 其中/包括 lists (changes and shares aside) add up to it. */
  boolean addsUp(IndicatorValue v) {
    List<Part> parts = parts(v, false, true);
    return parts != null && prefixAddingUp(parts, v) > 0;
  }

  /**
   * The carry-overs a grand total's breakdown lists among the parts that add up to it ({@code
   * 收入预算12,345.67万元，…其中：财政拨款收入10,000万元，事业收入2,000万元，上年结转345.67万元}: 345.67), in 万元; null unless the
   * parts, carry-overs included, add up to the total and at least one other part is listed. The
   * year's total is then the grand total less them, by the report's own sum.
   */
  BigDecimal carriedIn(IndicatorValue g, boolean income) {
    List<Part> parts = parts(g, true, income);
    if (parts == null) return null;
    int n = prefixAddingUp(parts, g);
    if (n == 0) return null;
    BigDecimal carry = BigDecimal.ZERO;
    int others = 0;
    for (Part p : parts.subList(0, n)) {
      if (p.carry()) carry = carry.add(p.wan());
      else others++;
    }
    return others > 0 && carry.signum() > 0 ? carry : null;
  }

  /** How many of the first parts (two or more) add up to {@code v}, or 0. */
  private static int prefixAddingUp(List<Part> parts, IndicatorValue v) {
    double half = Amounts.halfUnitWan(v.asWritten(), v.unit());
    BigDecimal sum = BigDecimal.ZERO;
    for (int n = 1; n <= parts.size(); n++) {
      sum = sum.add(parts.get(n - 1).wan());
      double gap = sum.doubleValue() - v.valueWan();
      if (n >= 2 && Math.abs(gap) <= half * (n + 1) + 1e-6) return n;
      if (gap > half * (n + 1)) return 0; // past the total: these are not its parts
    }
    return 0;
  }

  /**
   * The parts a total's 其中/包括 lists, in order: the rest of the line, then the lines of the part
   * that follow; of listed items, the first level's only; in each clause its first amount that is
   * not a change. Clauses end at {@code ；。}, and, when {@code fine}, at {@code ，、} too (a list
   * written in one sentence). Null when the total has no breakdown in its sentence or the next.
   */
  private List<Part> parts(IndicatorValue v, boolean fine, boolean income) {
    if (v.valueWan() == null) return null;
    int from = afterComparison(v.end());
    String rest = rest(from);
    Matcher open = OPENS.matcher(rest);
    if (!open.find() || open.start() > 40) return null;
    // in the total's sentence, or the sentence right after it (…万元。包括：)
    String between = rest.substring(0, open.start());
    if (between.contains("。") && !between.strip().equals("。")) return null;
    Pattern carry = income ? INCOME_CARRY : SPENDING_CARRY;
    List<Part> parts = new ArrayList<>();
    String marker = null;
    boolean first = true;
    for (String line : rest.substring(open.end()).split("\n")) {
      Matcher item = ITEM.matcher(line);
      if (item.lookingAt()) {
        String style = item.group().replaceAll("[0-9一二三四五六七八九十]+", "N").strip();
        if (marker == null) marker = style;
        if (!marker.equals(style)) continue;
      } else if (marker != null && !first) continue; // a sub-item's or a note's line
      first = false;
      for (String clause : line.split(fine ? "[；;。，、]|,(?![0-9]{3})" : "[；;。]")) {
        Matcher m = AMOUNT.matcher(clause);
        while (m.find()) {
          String before = clause.substring(Math.max(0, m.start() - 8), m.start());
          if (CHANGE_BEFORE.matcher(before).find()) continue;
          boolean carried = carry.matcher(clause.substring(0, m.start())).find();
          parts.add(new Part(Amounts.wan(Amounts.decimal(m.group(1)), m.group(2)), carried));
          break;
        }
      }
    }
    return parts;
  }

  static int skipSpaceAndPunct(String text, int i) {
    while (i < text.length() && " 　\t\n。，,;；:：".indexOf(text.charAt(i)) >= 0) i++;
    return i;
  }
}
