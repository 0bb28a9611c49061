package org.gongkai.indicators;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Rows of amounts one under another (a summary table's functions: 类, 款 and 项 with no code or number
 * to tell them apart) read as a forest by their sums: each row is a leaf or the parent of the rows
 * right after it that add up to it. Every reading is tried (memoised, within a bound of steps), so
 * a 项 that happens to equal the sum of its next siblings does not swallow them when another reading
 * makes the whole add up. Pure; not thread-safe (one per side read).
 */
final class Forest {

  /** Steps of the search before it gives up (a table of a few hundred rows needs far fewer). */
  static final int MAX_STEPS = 200_000;

  private final List<BigDecimal> amounts;
  private final BigDecimal tolerance;
  private final Map<String, Set<Integer>> memo = new HashMap<>();
  private int steps;

  /** Amounts in row order (null for a blank cell: nothing), within {@code cents} of rounding. */
  Forest(List<BigDecimal> amounts, int cents) {
    this.amounts = amounts;
    int scale = 2;
    for (BigDecimal a : amounts) if (a != null) scale = Math.max(scale, a.scale());
    this.tolerance = BigDecimal.ONE.movePointLeft(scale).multiply(BigDecimal.valueOf(cents));
  }

  private BigDecimal at(int i) {
    BigDecimal a = amounts.get(i);
    return a == null ? BigDecimal.ZERO : a;
  }

  /**
   * Whether the rows {@code from}… up to {@code end} read as a forest adding up to {@code target};
   * null when the search ran out of steps.
   */
  Boolean adds(int from, BigDecimal target, int end) {
    try {
      return ends(from, target).contains(end);
    } catch (IllegalStateException tooLong) {
      return null;
    }
  }

  /**
   * Marks in {@code child} the rows that are some row's breakdown in a reading of {@code from}… up
   * to {@code end} adding up to {@code target} (which {@link #adds} said there is).
   */
  void mark(int from, BigDecimal target, int end, boolean[] child) {
    while (from < end) {
      BigDecimal rest = target.subtract(at(from));
      int next = -1;
      if (at(from).signum() > 0) {
        for (int e : ends(from + 1, at(from))) {
          if (e > from + 1 && e <= end && ends(e, rest).contains(end)) {
            next = e;
            break;
          }
        }
      }
      if (next > 0) {
        for (int k = from + 1; k < next; k++) child[k] = true;
      } else {
        next = from + 1;
      }
      from = next;
      target = rest;
    }
  }

  /** The ends e of readings of rows from…e−1 as a forest adding up to {@code target}. */
  private Set<Integer> ends(int from, BigDecimal target) {
    String key = from + "|" + target.toPlainString();
    Set<Integer> known = memo.get(key);
    if (known != null) return known;
    if (++steps > MAX_STEPS) throw new IllegalStateException("too many readings");
    Set<Integer> out = new TreeSet<>();
    if (target.abs().compareTo(tolerance) <= 0) out.add(from);
    if (from < amounts.size()) {
      BigDecimal rest = target.subtract(at(from));
      if (rest.compareTo(tolerance.negate()) >= 0) {
        // the row as a leaf, then as the parent of each run of rows after it adding up to it
        out.addAll(ends(from + 1, rest));
        if (at(from).signum() > 0)
          for (int e : ends(from + 1, at(from))) if (e > from + 1) out.addAll(ends(e, rest));
      }
    }
    memo.put(key, out);
    return out;
  }
}
