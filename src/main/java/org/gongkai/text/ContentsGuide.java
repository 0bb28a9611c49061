package org.gongkai.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a report's own table of contents where the body prints its parts in other words.
 *
 * <p>上海's 部门预算 and 单位预算 list {@code 一、部门主要职能 … 五、部门预算表 … 六、其他相关情况说明} in their 目录, but the body
 * heads each part with an unnumbered, centred line ({@code 上海市普陀区司法局主要职能}, {@code 名词解释}, {@code
 * 2026年部门预算编制说明}). Clean text keeps no layout, so the outline is read from the contents: each entry
 * is matched, in order, to a short line of its own later in the text that names it — the entry's
 * title itself, or its title after the generic words ({@code 部门}, {@code 单位}, a year) with the
 * department's own name or the year before it. An entry that names tables ({@code 部门预算表}) starts at
 * the first table caption after the part before it, and an entry whose own line is missing but
 * whose first sub-entry is found starts there. Entries that match nothing are left out rather than
 * guessed.
 */
final class ContentsGuide {

  private static final Pattern NUMBER =
      Pattern.compile(
          "^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+\\s*、|[（(]\\s*[一二三四五六七八九十]+\\s*[)）]"
              + "|附件\\s*\\d{0,2}\\s*[:：]?|\\d{1,2}\\s*[.．、])\\s*");
  private static final Pattern GENERIC_START =
      Pattern.compile("^(?:(?:19|20)\\d{2}\\s*年度?)?(?:本部门|本单位|部门|单位)?");
  private static final Pattern SENTENCE = Pattern.compile("[。，；：:;,！？!?]");
  private static final Pattern YEAR = Pattern.compile("^(?:19|20)\\d{2}\\s*年度?");

  /**
   * What may stand before a part's title: the department's name (it ends as a body's name does).
   */
  private static final Pattern NAME =
      Pattern.compile(
          "[\\p{IsHan}（）()]{2,}(?:局|委|委员会|办|办公室|办公厅|院|中心|会|部|厅|处|所|站|队|校|学校|馆|社|园|政府"
              + "|街道办事处|镇|街道|集团|公司|协会|联合会|总队|支队|大队|学院|大学|医院)");

  private static final Pattern CAPTION_END = Pattern.compile("表(?:[（(][^）)]{1,12}[）)])?$");
  private static final int MAX_LINE = 40;
  private static final int MAX_NAME = 30;

  /** {@code 上海市数据局（单位）主要职能}: the name may say what kind of budget body it is. */
  private static final Pattern OWN_KIND = Pattern.compile("[（(](?:单位|部门|本级|汇总)[）)]$");

  private static final int LONG_TITLE = 6;
  private static final Pattern HAN = Pattern.compile("[\\p{IsHan}]+");

  /** One entry of the contents: its heading and the index of the entry it sits under, or -1. */
  record Entry(Heading heading, String title, int parent) {}

  private ContentsGuide() {}

  /**
   * Headings placed by the contents, by line index: each list holds the headings that start at that
   * line, outer first (a part whose own line is missing starts where its first sub-entry does).
   * Empty when fewer than two entries are found, so a stray 目录 changes nothing.
   */
  static Map<Integer, List<Heading>> place(
      List<Heading> contents, List<String> lines, int firstBodyLine) {
    return place(contents, lines, firstBodyLine, false);
  }

  /**
   * Where the body repeats its contents as they are, the entries it prints in other words only: a
   * {@code 第N部分} of tables whose title the body prints otherwise (or starts where its first table
   * does), and the tables such a part lists ({@code 一、收支总体情况表}) whose captions the body prints
   * without the number ({@code 收支总体情况表}), each with the rank the contents give it. Entries printed
   * as listed are left to the body's own headings.
   */
  static Map<Integer, List<Heading>> renamed(
      List<Heading> contents, List<String> lines, int firstBodyLine) {
    return place(contents, lines, firstBodyLine, true);
  }

  private static Map<Integer, List<Heading>> place(
      List<Heading> contents, List<String> lines, int firstBodyLine, boolean renamedOnly) {
    List<Entry> entries = entries(contents);
    int[] at = new int[entries.size()];
    java.util.Arrays.fill(at, -1);
    // pass 1: entries whose title stands on a line of its own (exactly, or after a name or a year)
    int cursor = firstBodyLine;
    for (int k = 0; k < entries.size(); k++) {
      if (namesTables(entries.get(k))) continue;
      int found = find(entries.get(k), lines, cursor, lines.size(), false);
      if (found >= 0) {
        at[k] = found;
        cursor = found + 1;
      }
    }
    // pass 2: an entry that names tables starts at its caption, or else at the first caption
    // between its neighbours; sub-entries first, so a part of tables never takes its first table's
    // line
    for (boolean leaves : new boolean[] {true, false}) {
      for (int k = 0; k < entries.size(); k++) {
        if (at[k] >= 0 || !namesTables(entries.get(k)) || hasChildren(entries, k) == leaves)
          continue;
        int from = firstBodyLine;
        for (int p = k - 1; p >= 0; p--) if (at[p] >= 0) from = Math.max(from, at[p] + 1);
        int to = lines.size();
        for (int n = k + 1; n < entries.size(); n++)
          if (at[n] >= 0) {
            to = at[n];
            break;
          }
        at[k] = find(entries.get(k), lines, from, to, false);
        if (at[k] < 0) at[k] = find(entries.get(k), lines, from, to, true);
      }
    }
    Map<Integer, List<Heading>> out = new HashMap<>();
    int placed = 0;
    int top = topRank(entries);
    for (int k = 0; k < entries.size(); k++) {
      Entry e = entries.get(k);
      int line = at[k];
      boolean own = line >= 0;
      if (!own) {
        // a part without its own line starts at its first sub-entry that was found
        for (int c = k + 1; c < entries.size() && isUnder(entries, c, k); c++)
          if (at[c] >= 0) {
            line = at[c];
            break;
          }
        if (line < 0) continue;
      }
      String printed = own ? lines.get(line).strip() : e.heading().text();
      if (renamedOnly) {
        boolean verbatim = own && squeeze(printed).equals(squeeze(e.heading().text()));
        boolean partOfTables = e.heading().rank() == Heading.Rank.PART && namesTables(e);
        boolean tableOfAPart = own && e.parent() >= 0 && namesTables(entries.get(e.parent()));
        // a 第N部分 of tables printed in other words (or not at all, before its first table), and
        // the tables it lists whose captions the body prints without their numbers
        if (!verbatim && (partOfTables || tableOfAPart && namesTables(e)))
          out.computeIfAbsent(line, x -> new ArrayList<>())
              .add(
                  new Heading(
                      e.heading().rank(),
                      e.heading().number(),
                      printed,
                      own ? printed.length() : 0));
        continue;
      }
      Heading.Rank rank =
          e.heading().rank().ordinal() == top ? Heading.Rank.PART : e.heading().rank();
      Heading h =
          new Heading(rank, e.heading().number(), printed, own ? lines.get(line).length() : 0);
      out.computeIfAbsent(line, x -> new ArrayList<>()).add(h);
      if (own) placed++;
    }
    return renamedOnly || placed >= 2 ? out : Map.of();
  }

  /** {@code 部门预算表}, {@code 2026年部门收入预算总表}: a part or an entry that is tables. */
  private static boolean namesTables(Entry e) {
    return namesTables(e.title());
  }

  static boolean namesTables(String heading) {
    return CAPTION_END.matcher(heading.strip()).find();
  }

  private static boolean hasChildren(List<Entry> entries, int k) {
    return k + 1 < entries.size() && entries.get(k + 1).parent() == k;
  }

  private static boolean isUnder(List<Entry> entries, int child, int ancestor) {
    for (int p = entries.get(child).parent(); p >= 0; p = entries.get(p).parent())
      if (p == ancestor) return true;
    return false;
  }

  private static int topRank(List<Entry> entries) {
    int top = Integer.MAX_VALUE;
    for (Entry e : entries) top = Math.min(top, e.heading().rank().ordinal());
    return top;
  }

  private static List<Entry> entries(List<Heading> contents) {
    List<Entry> out = new ArrayList<>();
    for (Heading h : contents) {
      int parent = -1;
      for (int p = out.size() - 1; p >= 0; p--) {
        if (out.get(p).heading().rank().ordinal() < h.rank().ordinal()) {
          parent = p;
          break;
        }
      }
      out.add(new Entry(h, NUMBER.matcher(h.text()).replaceFirst("").strip(), parent));
    }
    return out;
  }

  /** The first line in [from, to) that heads the part titled {@code title}; -1 if none. */
  private static int find(Entry e, List<String> lines, int from, int to, boolean caption) {
    String title = e.title();
    String entry = squeeze(e.heading().text());
    String core = GENERIC_START.matcher(title).replaceFirst("");
    if (core.length() < 2) core = title;
    for (int i = from; i < Math.min(to, lines.size()); i++) {
      String line = squeeze(lines.get(i));
      if (line.equals(entry)) return i; // printed as listed, number and all
      if (line.isEmpty()
          || line.length() > MAX_LINE
          || line.indexOf('\t') >= 0
          || SENTENCE.matcher(line).find()
          || NUMBER.matcher(line).lookingAt()) continue;
      if (caption) {
        if (CAPTION_END.matcher(line).find() && startsTable(lines, i)) return i;
        continue;
      }
      if (line.equals(squeeze(title))) return i;
      if (line.endsWith(core)) {
        String prefix = line.substring(0, line.length() - core.length());
        prefix = OWN_KIND.matcher(YEAR.matcher(prefix).replaceFirst("")).replaceFirst("");
        if (prefix.isEmpty()
            || prefix.equals("部门")
            || prefix.equals("单位")
            || prefix.length() <= MAX_NAME && NAME.matcher(prefix).matches()
            // a long title (项目经费情况说明) may follow any name (人民调解), a short one only an issuer's
            || core.length() >= LONG_TITLE
                && prefix.length() <= MAX_NAME
                && HAN.matcher(prefix).matches()) return i;
      }
    }
    return -1;
  }

  private static String squeeze(String s) {
    return s.strip().replace(" ", "").replace("\u3000", "");
  }

  /** A caption: a table's rows (tab-separated) follow within three lines. */
  private static boolean startsTable(List<String> lines, int i) {
    for (int k = i + 1; k < Math.min(lines.size(), i + 4); k++)
      if (lines.get(k).indexOf('\t') >= 0) return true;
    return false;
  }
}
