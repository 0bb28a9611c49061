package org.gongkai.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.model.ListedEntry;
import org.gongkai.model.PageShape;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Measures what a web page is made of ({@link PageShape}) and reads the entries it lists: each in
 * one pass over the elements, without recursion, so a page of any depth or size costs its length.
 */
final class PageShapes {

  private PageShapes() {}

  /**
   * A date beside an entry: 2026-02-12, 2026/2/12, 2026.02.12, 2026年2月12日, or without the year
   * (02-12, [02-12], 2月12日) as lists print them; never part of a longer number.
   */
  private static final Pattern DATE =
      Pattern.compile(
          "(?<![\\d.])(?:(?:19|20)\\d{2}\\s*[-/.年]\\s*\\d{1,2}\\s*[-/.月]\\s*\\d{1,2}\\s*日?"
              + "|\\d{1,2}\\s*[-/]\\s*\\d{1,2}(?![-/.\\d])|\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日)(?![\\d])");

  /** A pager: the links to a list's other pages. */
  private static final Pattern PAGER =
      Pattern.compile("下一页|下页|尾页|末页|上一页|共\\s*\\d+\\s*页|第\\s*\\d+\\s*页\\s*/|\\d+\\s*/\\s*\\d+\\s*页");

  /** A sentence's punctuation: prose has it, a menu or a list of titles seldom does. */
  private static final Pattern SENTENCE = Pattern.compile("[。；，,;]");

  /** A link's words need this many visible characters to be an entry's title, not a menu item. */
  private static final int TITLE_MIN = 8;

  /** A run of text this long, with a sentence's punctuation, is prose. */
  private static final int PROSE_MIN = 30;

  /** The most entries kept of one page (a portal's archive may list thousands). */
  static final int MAX_ENTRIES = 500;

  /** How far up from a link its row (the element holding the link and its date) is looked for. */
  private static final int ROW_DEPTH = 4;

  /** The longest row text a date is looked for in: a row is a line, not a block of prose. */
  private static final int ROW_MAX = 300;

  /** The whole page's counts and entries, measured before its content element is chosen. */
  record Whole(
      int chars,
      int linkChars,
      int entryCount,
      int largestBlock,
      int blockChars,
      boolean paged,
      List<ListedEntry> entries) {}

  /** Counts the page's text, the part of it in links, and reads its entries. */
  static Whole whole(Element body) {
    Map<Element, Integer> links = linkCounts(body);
    int[] chars = new int[2];
    NodeTraversor.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            if (node instanceof TextNode t) {
              int n = visible(t.getWholeText());
              chars[0] += n;
              if (inLink(t)) chars[1] += n;
            }
          }

          @Override
          public void tail(Node node, int depth) {}
        },
        body);
    List<ListedEntry> entries = new ArrayList<>();
    Map<Element, Integer> blocks = new IdentityHashMap<>();
    Map<Element, Integer> blockChars = new IdentityHashMap<>();
    int count = 0;
    for (Element a : body.getElementsByTag("a")) {
      String href = a.attr("href").strip();
      if (href.isEmpty()
          || href.startsWith("#")
          || href.regionMatches(true, 0, "javascript:", 0, 11)) continue;
      String words = a.text().strip();
      if (visible(words) < TITLE_MIN || han(words) < 4) continue;
      Element row = a;
      for (int up = 0; up < ROW_DEPTH; up++) {
        Element p = row.parent();
        if (p == null || p == body || links.getOrDefault(p, 0) != 1) break;
        row = p;
      }
      String rowText = row.text();
      if (rowText.length() > ROW_MAX) continue;
      Matcher date = DATE.matcher(rowText);
      if (!date.find()) continue;
      count++;
      Element block = row.parent() == null ? row : row.parent();
      blocks.merge(block, 1, Integer::sum);
      blockChars.merge(block, visible(words), Integer::sum);
      if (entries.size() < MAX_ENTRIES) {
        String title = a.attr("title").strip();
        // a list cuts long titles short (…); the link's own title holds them whole
        if (title.length() <= words.length() || visible(title) < TITLE_MIN) title = words;
        entries.add(new ListedEntry(withoutDate(title), normalDate(date.group()), href));
      }
    }
    int largest = 0;
    int largestChars = 0;
    for (Map.Entry<Element, Integer> b : blocks.entrySet()) {
      if (b.getValue() > largest) {
        largest = b.getValue();
        largestChars = blockChars.get(b.getKey());
      }
    }
    String text = body.text();
    boolean paged = PAGER.matcher(text).find();
    return new Whole(chars[0], chars[1], count, largest, largestChars, paged, List.copyOf(entries));
  }

  /** The page's shape: its whole counts and those of its content element {@code main}. */
  static PageShape shape(Whole whole, Element main) {
    int[] c = new int[3]; // characters, in links, prose
    NodeTraversor.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            if (!(node instanceof TextNode t)) return;
            String s = t.getWholeText().strip();
            int n = visible(s);
            c[0] += n;
            if (inLink(t)) c[1] += n;
            else if (n >= PROSE_MIN && SENTENCE.matcher(s).find()) c[2] += n;
          }

          @Override
          public void tail(Node node, int depth) {}
        },
        main);
    int tables = main.getElementsByTag("table").size();
    return new PageShape(
        whole.chars(),
        whole.linkChars(),
        c[0],
        c[1],
        c[2],
        tables,
        whole.entryCount(),
        whole.largestBlock(),
        whole.blockChars(),
        whole.paged());
  }

  /** How many links each element holds, counted bottom-up in one pass. */
  private static Map<Element, Integer> linkCounts(Element root) {
    Map<Element, Integer> counts = new IdentityHashMap<>();
    NodeTraversor.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {}

          @Override
          public void tail(Node node, int depth) {
            if (!(node instanceof Element e)) return;
            int n = e.normalName().equals("a") ? 1 : 0;
            for (Element c : e.children()) n += counts.getOrDefault(c, 0);
            counts.put(e, n);
          }
        },
        root);
    return counts;
  }

  private static boolean inLink(TextNode t) {
    for (Node p = t.parent(); p != null; p = p.parent())
      if (p instanceof Element e && e.normalName().equals("a")) return true;
    return false;
  }

  /** Characters other than white space (what a reader sees). */
  static int visible(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (!Character.isWhitespace(ch) && ch != '\u00a0' && ch != '\u3000') n++;
    }
    return n;
  }

  private static int han(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++)
      if (Character.UnicodeScript.of(s.charAt(i)) == Character.UnicodeScript.HAN) n++;
    return n;
  }

  private static final Pattern LEADING_DATE =
      Pattern.compile("^[\\[【(（]?\\s*(?:" + DATE.pattern() + ")\\s*[\\]】)）]?\\s*");
  private static final Pattern TRAILING_DATE =
      Pattern.compile("\\s*[\\[【(（]?\\s*(?:" + DATE.pattern() + ")\\s*[\\]】)）]?$");
  private static final Pattern FULL_DATE =
      Pattern.compile("((?:19|20)\\d{2})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})");

  /** A title without the date a list glued to it ({@code 2026-02-12长沙市财政局…}, {@code …公开 02-14}). */
  static String withoutDate(String title) {
    String t = title.strip();
    Matcher lead = LEADING_DATE.matcher(t);
    if (lead.find() && lead.end() < t.length()) t = t.substring(lead.end());
    Matcher trail = TRAILING_DATE.matcher(t);
    if (trail.find() && trail.start() > 0) t = t.substring(0, trail.start());
    return t.strip();
  }

  /** {@code 2026-02-12} for any way of writing a full date; a date without its year as written. */
  static String normalDate(String d) {
    Matcher m = FULL_DATE.matcher(d);
    if (m.find())
      return m.group(1)
          + "-"
          + (m.group(2).length() == 1 ? "0" : "")
          + m.group(2)
          + "-"
          + (m.group(3).length() == 1 ? "0" : "")
          + m.group(3);
    return d.replaceAll("\\s+", "");
  }
}
