package org.gongkai.text;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A heading recognised on one line of clean text: its rank in the numbering scheme, its number, the
 * heading text as printed, and where its body starts on the line (run-in headings such as {@code
 * （一）收入情况。金口河区…} carry body text after the heading).
 */
record Heading(Rank rank, int number, String text, int bodyOffset) {

  /** Numbering schemes, outermost first. */
  enum Rank {
    PART, // 第一部分
    ANNEX, // 附件1 / 附表 / 附件：
    CHAPTER, // 一、
    CLAUSE, // （一） / (一)
    ITEM // 1. / 1、
  }

  private static final String CN = "[一二三四五六七八九十]+";
  private static final Pattern PART = Pattern.compile("^第(" + CN + ")部分\\s*(.*)$");
  private static final Pattern ANNEX =
      Pattern.compile("^(?:附件|附表)\\s*(\\d{1,2}|" + CN + ")?\\s*(?:[:：]\\s*(.*))?$");
  private static final Pattern CHAPTER = Pattern.compile("^(" + CN + ")\\s*、\\s*(.+)$");
  private static final Pattern CLAUSE = Pattern.compile("^[（(]\\s*(" + CN + ")\\s*[)）]\\s*(.+)$");
  private static final Pattern ITEM = Pattern.compile("^(\\d{1,2})\\s*[.．、](?!\\d)\\s*(.+)$");

  /**
   * In contents, {@code 4．2026年…表}: a full-width stop or 、 may touch the year; {@code 4.5} may not.
   */
  private static final Pattern ENTRY_ITEM =
      Pattern.compile("^(\\d{1,2})\\s*(?:[．、]|\\.(?!\\d))\\s*(.+)$");

  /** In contents, {@code 表1-1. 部门收入总表}: a table listed by its number. */
  private static final Pattern TABLE_ENTRY =
      Pattern.compile("^表\\s*(\\d{1,2})(?:[-－]\\d{1,2})?\\s*[.．、:：]?\\s*([^，。；]{2,40}表.{0,12})$");

  private static final Pattern TABLE_ROW_TAIL = Pattern.compile("\\s\\d+(?:\\.\\d+)?$");
  private static final Pattern INNER_ITEM = Pattern.compile("\\s\\d{1,2}[.．、]");
  private static final Pattern DEFINITION = Pattern.compile("[:：].{6,}");
  static final int MAX_HEADING = 40;
  private static final int MAX_RUN_IN = 20;
  private static final int MAX_ITEM = 25;

  /** Recognises a heading line; a sentence that merely starts with a number is not one. */
  static Optional<Heading> parse(String line) {
    if (line.indexOf('\t') >= 0) return Optional.empty();
    Matcher m = PART.matcher(line);
    if (m.matches()) {
      String title = m.group(2);
      if (title.length() > MAX_HEADING || title.contains("。")) return Optional.empty();
      return Optional.of(new Heading(Rank.PART, chineseNumber(m.group(1)), line, line.length()));
    }
    m = ANNEX.matcher(line);
    if (m.matches()) {
      String title = m.group(2) == null ? "" : m.group(2);
      if (title.length() > MAX_HEADING || title.endsWith("。")) return Optional.empty();
      int n =
          m.group(1) == null
              ? 0
              : m.group(1).chars().allMatch(Character::isDigit)
                  ? Integer.parseInt(m.group(1))
                  : chineseNumber(m.group(1));
      return Optional.of(new Heading(Rank.ANNEX, n, line, line.length()));
    }
    m = CHAPTER.matcher(line);
    if (m.matches()) return titled(Rank.CHAPTER, chineseNumber(m.group(1)), line, m.start(2));
    m = CLAUSE.matcher(line);
    if (m.matches()) return titled(Rank.CLAUSE, chineseNumber(m.group(1)), line, m.start(2));
    m = ITEM.matcher(line);
    if (m.matches()) {
      String title = m.group(2);
      if (title.length() > MAX_ITEM
          || Character.isDigit(title.charAt(0))
          || title.matches(".*[，。；：,;:☑□■√].*")
          || TABLE_ROW_TAIL.matcher(title).find()
          || INNER_ITEM.matcher(title).find()) {
        return Optional.empty();
      }
      return Optional.of(new Heading(Rank.ITEM, Integer.parseInt(m.group(1)), line, line.length()));
    }
    return Optional.empty();
  }

  /**
   * An entry of a table of contents: a heading, or a numbered entry that names a table and so may
   * start with its year ({@code 1. 2026年部门财务收支预算总表}), which {@link #parse} refuses in body text.
   */
  static Optional<Heading> parseEntry(String line) {
    Optional<Heading> h = parse(line);
    if (h.isPresent()) return h;
    Matcher t = TABLE_ENTRY.matcher(line);
    if (t.matches())
      return Optional.of(new Heading(Rank.ITEM, Integer.parseInt(t.group(1)), line, line.length()));
    Matcher m = ENTRY_ITEM.matcher(line);
    if (m.matches() && m.group(2).length() <= MAX_HEADING && !m.group(2).matches(".*[，。；：,;:].*"))
      return Optional.of(new Heading(Rank.ITEM, Integer.parseInt(m.group(1)), line, line.length()));
    return Optional.empty();
  }

  /**
   * A numbered line is a heading when it is short and not a sentence, or when it is a run-in
   * heading.
   */
  private static Optional<Heading> titled(Rank rank, int number, String line, int titleStart) {
    String title = line.substring(titleStart);
    if (TABLE_ROW_TAIL.matcher(title).find() || title.matches(".*\\d+\\s+\\S+\\s+\\d+.*"))
      return Optional.empty();
    String core = title.endsWith("。") ? title.substring(0, title.length() - 1) : title;
    boolean sentence =
        core.contains("。")
            || core.endsWith("；")
            || core.endsWith("，")
            || core.endsWith(";")
            || DEFINITION.matcher(core).find();
    if (!sentence && core.length() <= MAX_HEADING) {
      return Optional.of(
          new Heading(rank, number, line.substring(0, titleStart) + core, line.length()));
    }
    int stop = title.indexOf('。');
    if (stop > 1 && stop <= MAX_RUN_IN && !title.substring(0, stop).matches(".*[，：；,:;].*")) {
      return Optional.of(
          new Heading(rank, number, line.substring(0, titleStart + stop), titleStart + stop + 1));
    }
    return Optional.empty();
  }

  /** This heading with the rest of its title, printed on the next line. */
  Heading continued(String tail) {
    return new Heading(rank, number, text + tail, bodyOffset + 1 + tail.length());
  }

  /** 一 → 1, 十 → 10, 十三 → 13, 二十一 → 21. */
  static int chineseNumber(String s) {
    String digits = "零一二三四五六七八九";
    int ten = s.indexOf('十');
    if (ten < 0) return digits.indexOf(s.charAt(0));
    int tens = ten == 0 ? 1 : digits.indexOf(s.charAt(0));
    int units = ten == s.length() - 1 ? 0 : digits.indexOf(s.charAt(ten + 1));
    return tens * 10 + units;
  }
}
