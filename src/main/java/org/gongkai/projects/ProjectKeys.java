package org.gongkai.projects;

import java.util.regex.Pattern;

/**
 * A project's name made a key that joins it across reports and years: widths and brackets made one,
 * spaces, quotes and 《》 dropped, a leading number or budget code ({@code （三）}, {@code 3.}, {@code
 * 236 }, {@code 301007_某分局_}) and any year ({@code 2026年度}) left out, a slash made a dash (a key is
 * the last segment of a project's page, {@code /p/{key}}), and what only says it is a project
 * ({@code 项目}, {@code 专项}, {@code （项目）}, {@code 项目绩效目标表}) taken off its end.
 */
public final class ProjectKeys {

  private ProjectKeys() {}

  private static final Pattern YEAR = Pattern.compile("(?:19|20)\\d{2}年度?");
  private static final Pattern LEADING_NUMBER =
      Pattern.compile("^(?:\\([一二三四五六七八九十0-9]{1,3}\\)|[一二三四五六七八九十]{1,3}、|\\d{1,3}[.、](?!\\d))");

  /**
   * A budget code before a name: three digits (a class code, {@code 236 }, {@code 236-}, {@code
   * 236} before the name's first character) or a unit's code with its name ({@code 301007_某分局_}) —
   * never a number that is the name's own ({@code 12345热线}, {@code 100%覆盖}, {@code 2026年}).
   */
  private static final Pattern LEADING_CODE =
      Pattern.compile("^(?:\\d{6,}_[^_]{1,40}_|\\d{3}(?![0-9%])[-_]?)(?=[\\u4e00-\\u9fa5(])");

  private static final Pattern FORM_SUFFIX = Pattern.compile("(?:项目)?(?:支出)?绩效(?:目标)?(?:表|填报表)$");
  private static final Pattern PROJECT_SUFFIX = Pattern.compile("(?:\\(项目\\)|\\(专项\\)|项目|专项)$");

  /** The key of a name (never empty for a name with a word in it). */
  public static String key(String name) {
    String s = fold(name);
    s = YEAR.matcher(s).replaceAll("");
    for (int guard = 0; guard < 3; guard++) {
      String before = s;
      s = LEADING_NUMBER.matcher(s).replaceFirst("");
      // (a code before a name of four characters at least: 985工程's number is its name's own)
      String uncoded = LEADING_CODE.matcher(s).replaceFirst("");
      if (uncoded.length() >= 4) s = uncoded;
      if (s.equals(before)) break;
    }
    s = FORM_SUFFIX.matcher(s).replaceFirst("");
    String bare = PROJECT_SUFFIX.matcher(s).replaceFirst("");
    // a name that is only the suffix (专项) stays itself; one that is only a year or a number its
    // folded form
    String key = bare.length() >= 2 ? bare : s;
    return key.isEmpty() ? fold(name) : key;
  }

  /** Full-width forms made half-width, brackets and dashes made one, spaces and quotes dropped. */
  static String fold(String name) {
    StringBuilder b = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c >= '\uFF01' && c <= '\uFF5E') c = (char) (c - 0xFEE0);
      switch (c) {
        case '【', '〔', '［' -> c = '(';
        case '】', '〕', '］' -> c = ')';
          // (a slash too: a key is a path's last segment, /p/{key})
        case '—', '–', '－', '―', '‐', '/', '\\' -> c = '-';
        default -> {}
      }
      if (Character.isWhitespace(c) || c == '\u3000') continue;
      if ("《》“”\"'‘’「」『』".indexOf(c) >= 0) continue;
      b.append(c);
    }
    // a doubled dash (——) is one
    return b.toString().replaceAll("-{2,}", "-");
  }
}
