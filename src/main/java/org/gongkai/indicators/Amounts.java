package org.gongkai.indicators;

import java.math.BigDecimal;

/**
 * Amounts as written, exactly: {@code 91,016,775.35} 元 is {@code 9101.677535} 万元, not {@code
 * 9101.677534999999}. Each amount keeps the precision it was stated with, so two statements agree
 * when they are equal within the rounding of the less precise ({@code 40,870万元} agrees with {@code
 * 408,696,000} 元).
 */
public final class Amounts {

  private Amounts() {}

  /**
   * The number written ({@code 1,234.50}, {@code ４６５．３８}) as a decimal with its digits; of two or
   * more points ({@code 486.554.95}, a scan's commas) the last is the decimal point.
   */
  static BigDecimal decimal(String written) {
    StringBuilder sb = new StringBuilder(written.length());
    int point = Math.max(written.lastIndexOf('.'), written.lastIndexOf('．'));
    for (int i = 0; i < written.length(); i++) {
      char c = written.charAt(i);
      if (c >= '０' && c <= '９') sb.append((char) (c - '０' + '0'));
      else if (c == '.' || c == '．') {
        if (i == point) sb.append('.');
      } else if (c == '－') sb.append('-');
      else if (c != ',' && c != '，' && !Character.isWhitespace(c)) sb.append(c);
    }
    return new BigDecimal(sb.toString());
  }

  /** {@code amount} in {@code unit} (元, 万元, 亿元) as 万元, exactly. */
  static BigDecimal wan(BigDecimal amount, String unit) {
    return switch (unit) {
      case "元" -> amount.movePointLeft(4);
      case "亿元" -> amount.movePointRight(4);
      default -> amount;
    };
  }

  /**
   * Half the last digit a statement was written with, in 万元: {@code 40,870} 万元 → 0.5; {@code
   * 408,696,000} 元 → 0.00005; {@code 9,101.68} 万元 → 0.005.
   */
  public static double halfUnitWan(String asWritten, String unit) {
    // the digits after the last decimal point (no regex: called for every pair a resolver compares)
    int decimals = 0;
    boolean dot = false;
    for (int i = 0; i < asWritten.length(); i++) {
      char c = asWritten.charAt(i);
      if (c == '.' || c == '．') {
        dot = true;
        decimals = 0;
      } else if (dot && ((c >= '0' && c <= '9') || (c >= '０' && c <= '９'))) {
        decimals++;
      }
    }
    double half = 0.5 * Math.pow(10, -decimals);
    return switch (unit == null ? "万元" : unit) {
      case "元" -> half / 10_000;
      case "千元" -> half / 10;
      case "亿元" -> half * 10_000;
      default -> half;
    };
  }

  /** The amount a table row's cell {@code c} holds; null for none (blank, a word, a percentage). */
  static BigDecimal cell(java.util.List<String> row, int c) {
    if (c >= row.size()) return null;
    String cell = row.get(c).strip();
    if (cell.isEmpty() || !org.gongkai.text.Tables.isNumber(cell) || cell.endsWith("%"))
      return null;
    try {
      return decimal(cell);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
