package org.gongkai.model;

/**
 * A table row's subject code ({@code 科目编码}) and the subject it names: {@code 2080501} 行政单位离退休 at
 * the level of a {@code 项}. Function codes are {@code 类} (3 digits), {@code 款} (5) and {@code 项}
 * (7); economic codes {@code 类} (3) and {@code 款} (5).
 */
public record RowCode(String code, String level, String name) {

  /** The level of a code by its length: 类, 款 or 项 (null for other lengths). */
  public static String level(String code) {
    return switch (code.length()) {
      case 3 -> "类";
      case 5 -> "款";
      case 7 -> "项";
      default -> null;
    };
  }
}
