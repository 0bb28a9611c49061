package org.gongkai.ingest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tidies a title as pages hand it over: a date a list glued before or after it ({@code
 * 2026-02-12长沙市财政局2026年部门预算公开}, {@code …公开 [2025-09-25]}), a column's tag before it ({@code [部门预决算]
 * }), and the same words said two or three times over ({@code 国家统计局部门预算(2026)国家统计局部门预算(2026)}) are
 * dropped; a year that names the report stays.
 */
final class Titles {

  private Titles() {}

  /** A full date: 2026-02-12, 2026/2/12, 2026.02.12, 2026年2月12日. */
  private static final String FULL =
      "(?:19|20)\\d{2}\\s*(?:[-/.]\\s*\\d{1,2}\\s*[-/.]\\s*\\d{1,2}|年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日)";

  /**
   * A date without its year (02-12), as lists print it: only in brackets or set apart by a space.
   */
  private static final String SHORT = "\\d{1,2}\\s*[-/]\\s*\\d{1,2}";

  private static final Pattern LEADING =
      Pattern.compile(
          "^(?:[\\[【(（]\\s*(?:"
              + FULL
              + "|"
              + SHORT
              + ")\\s*[\\]】)）]|"
              + FULL
              + "(?!\\d)|"
              + SHORT
              + "(?=\\s))\\s*");
  private static final Pattern TRAILING =
      Pattern.compile(
          "\\s*(?:[\\[【(（]\\s*(?:"
              + FULL
              + "|"
              + SHORT
              + ")\\s*[\\]】)）]|(?<!\\d)"
              + FULL
              + "|(?<=\\s)"
              + SHORT
              + ")$");

  /** A column's tag in brackets before a title ({@code [部门预决算] }, {@code 【通知公告】}). */
  private static final Pattern TAG = Pattern.compile("^[\\[【][^\\]】]{1,10}[\\]】]\\s*");

  /** The title tidied, or null when nothing of it is left. */
  static String tidy(String title) {
    if (title == null) return null;
    String t = title.replaceAll("\\s+", " ").strip();
    for (int i = 0; i < 3; i++) {
      String before = t;
      t = TAG.matcher(t).replaceFirst("");
      Matcher lead = LEADING.matcher(t);
      if (lead.find() && lead.end() < t.length()) t = t.substring(lead.end());
      Matcher trail = TRAILING.matcher(t);
      if (trail.find() && trail.start() > 0) t = t.substring(0, trail.start());
      t = t.strip();
      if (t.equals(before)) break;
    }
    t = once(t);
    return t.isEmpty() ? null : t;
  }

  /** Words said two or more times in a row, once ({@code XX XX XX} → {@code XX}). */
  static String once(String t) {
    String compact = t.replace(" ", "");
    for (int times = 3; times >= 2; times--) {
      if (compact.length() % times != 0) continue;
      String part = compact.substring(0, compact.length() / times);
      if (part.length() >= 4 && part.repeat(times).equals(compact)) {
        // keep the first saying as the page spaced it
        int seen = 0;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < t.length() && seen < part.length(); i++) {
          char c = t.charAt(i);
          sb.append(c);
          if (c != ' ') seen++;
        }
        return sb.toString().strip();
      }
    }
    return t;
  }
}
