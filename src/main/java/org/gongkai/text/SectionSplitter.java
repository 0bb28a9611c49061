package org.gongkai.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.gongkai.model.Section;

/**
 * Splits clean text into a tree of sections ({@code 第X部分 → 一、 → （一） → 1.}, plus {@code 附件} blocks)
 * and flattens it in document order with ids, ordinal paths, breadcrumbs and categories.
 *
 * <p>A numbered line counts as a heading only when it is short and not a sentence, and when its
 * number continues its siblings' numbering (so table rows such as {@code 四、上级补助收入 4} and lists
 * inside body text do not become sections). A run of headings with no body (a table of contents, or
 * the list of table names in 第二部分) is folded back into the body of the section that holds it.
 */
public final class SectionSplitter {

  private static final Pattern TOC = Pattern.compile("^目\\s*录$");

  /** {@code 1、2025年部门收支总体情况表;}: an entry of a list that ends as list items do. */
  private static final Pattern ENTRY_END = Pattern.compile("[;；。]$");

  private static final Pattern TOC_LEADER =
      Pattern.compile("(?:\\.{3,}|…{2,}|·{3,})\\s*\\d*$|\\s\\d{1,3}$");
  private static final Pattern BYLINE = Pattern.compile("^(?:发布时间|发布日期|来源|信息来源|发布机构|索引号|文号)[:：]");

  private static final int WRAPPED_TAIL = 20;
  private static final Pattern TITLE_END = Pattern.compile("(?:表|说明|概况|解释|报告|目标|目录)$");
  private static final Pattern WRAP_STOP = Pattern.compile("[，。；：:,;、！？（(]|^表|\\d+$");

  /** Preamble text before the first heading gets this path. */
  public static final String PREAMBLE_PATH = "0";

  private final SectionCategorizer categorizer = new SectionCategorizer();

  private static final class Node {
    final Heading heading; // null for the root and the preamble
    final int start;
    int bodyStart;
    int end;
    Node parent;
    boolean guided; // placed by the report's table of contents
    final List<Node> children = new ArrayList<>();

    Node(Heading heading, int start, int bodyStart) {
      this.heading = heading;
      this.start = start;
      this.bodyStart = bodyStart;
    }

    int rank() {
      return heading == null ? -1 : heading.rank().ordinal();
    }
  }

  /** Sections of {@code text} in document order; ids are {@code docId-path}. */
  public List<Section> split(String docId, String text) {
    List<int[]> lines = lines(text);
    List<String> lineTexts = new ArrayList<>(lines.size());
    for (int[] l : lines) lineTexts.add(text.substring(l[0], l[1]));
    Map<Integer, List<Heading>> guided = new HashMap<>();
    Map<Integer, List<Heading>> renamed = new HashMap<>();
    boolean[] toc = tableOfContents(lineTexts, guided, renamed);
    Node root = new Node(null, 0, 0);
    List<Node> order = new ArrayList<>();
    Node current = root;
    for (int i = 0; i < lines.size(); i++) {
      if (toc[i]) continue;
      int s = lines.get(i)[0], e = lines.get(i)[1];
      List<Heading> placed = guided.get(i);
      if (placed != null) {
        // parts placed by the report's own contents: no numbering to continue
        for (Heading h : placed) {
          int bodyStart = h.bodyOffset() == 0 ? s : Math.min(e + 1, text.length());
          // a part of the contents sits under a part of the contents, never under a body heading
          Node under = current;
          while (under != root && (!under.guided || under.rank() >= h.rank().ordinal()))
            under = under.parent;
          current = attach(under, root, h, s, bodyStart, order);
          current.guided = true;
        }
        continue;
      }
      List<Heading> named = renamed.get(i);
      if (named != null) { // parts and tables the contents list, printed here in other words
        for (Heading h : named) {
          if (partAlreadyOpen(current, h)) continue; // 第二部分 / 2026 年度 / … / 部门预算表
          int bodyStart = h.bodyOffset() == 0 ? s : Math.min(e + 1, text.length());
          current = attach(current, root, h, s, bodyStart, order);
        }
        continue;
      }
      Optional<Heading> h = Heading.parse(lineTexts.get(i));
      if (h.isEmpty() || inTables(current, h.get()) && !ContentsGuide.namesTables(h.get().text()))
        continue;
      Node parent = current;
      while (parent != root && parent.rank() >= h.get().rank().ordinal()) parent = parent.parent;
      if (!continuesNumbering(parent, h.get())) continue;
      int bodyStart =
          h.get().bodyOffset() >= e - s ? Math.min(e + 1, text.length()) : s + h.get().bodyOffset();
      Heading heading = h.get();
      if (wrapsOnto(heading, lineTexts, i)) { // 第三部分江苏省高级人民法院 2017 年度 / 部门预算情况说明
        i++;
        heading = heading.continued(lineTexts.get(i).strip());
        bodyStart = Math.min(lines.get(i)[1] + 1, text.length());
      }
      current = attach(current, root, heading, s, bodyStart, order);
    }
    setEnds(order, text.length());
    foldBodilessLeaves(order, text);
    List<Section> out = new ArrayList<>();
    int firstStart = order.isEmpty() ? text.length() : order.get(0).start;
    String pre = text.substring(0, firstStart).strip();
    // the preamble is named by its first line that is not the contents (their 目录 and entries)
    String heading = pre.lines().findFirst().orElse("");
    for (int i = 0; i < lines.size() && lines.get(i)[0] < firstStart; i++) {
      String line = lineTexts.get(i).strip();
      if (!line.isEmpty() && !toc[i] && !TOC.matcher(line).matches()) {
        heading = line;
        break;
      }
    }
    if (order.isEmpty() && !pre.isEmpty() || preambleHasContent(text, lines, toc, firstStart)) {
      out.add(
          new Section(
              docId + "-" + PREAMBLE_PATH,
              PREAMBLE_PATH,
              1,
              heading,
              List.of(),
              categorizer.categorize(heading, pre, null),
              0,
              0,
              trimEnd(text, 0, firstStart)));
    }
    emit(docId, root, "", List.of(), null, text, out);
    return out;
  }

  /**
   * The preamble is a section only when it holds more than the title: not just a table of contents,
   * a 目录 line or a web page's byline (发布时间：… 来源：…).
   */
  private static boolean preambleHasContent(
      String text, List<int[]> lines, boolean[] toc, int firstStart) {
    boolean titleSeen = false, contentsSeen = false;
    for (int i = 0; i < lines.size() && lines.get(i)[0] < firstStart; i++) {
      String line = text.substring(lines.get(i)[0], lines.get(i)[1]).strip();
      if (toc[i] || TOC.matcher(line).matches()) contentsSeen = true;
      if (line.isEmpty() || toc[i] || TOC.matcher(line).matches() || BYLINE.matcher(line).find())
        continue;
      // the title stands before the contents; a line after them (注：…) is the preamble's text
      if (!titleSeen && !contentsSeen) {
        titleSeen = true;
        continue;
      }
      return true;
    }
    return false;
  }

  /**
   * Whether a part's heading goes on on the next line: a short line that is neither a heading nor a
   * sentence and ends the title, the two together no longer than a heading (a long part title
   * wrapped in print).
   */
  private static boolean wrapsOnto(Heading h, List<String> lines, int i) {
    if (h.rank() != Heading.Rank.PART || i + 1 >= lines.size()) return false;
    String next = lines.get(i + 1).strip();
    // a part's title ends as titles do (…表, …说明, …概况); one cut in print does not, until joined
    return !TITLE_END.matcher(h.text()).find()
        && TITLE_END.matcher(next).find()
        && !next.isEmpty()
        && next.length() <= WRAPPED_TAIL
        && h.text().length() + next.length() <= Heading.MAX_HEADING
        && next.indexOf('\t') < 0
        && !WRAP_STOP.matcher(next).find()
        && Heading.parse(next).isEmpty()
        && !TOC.matcher(next).matches();
  }

  /**
   * Whether the node is in a part of tables ({@code 五、部门预算表}, {@code 第二部分…部门决算表}): there a numbered
   * line is a heading only when it names a table; others ({@code 四、其他收入}, {@code 二、政府性基金预算财政拨}) are
   * a table's rows set without rulings.
   */
  private static boolean inTables(Node node, Heading h) {
    for (Node n = node; n != null && n.heading != null; n = n.parent)
      if (n.guided || n.heading.rank() == Heading.Rank.PART)
        // a part of the contents holds every numbered line below it; a 第N部分 only deeper ones
        return (n.guided ? h.rank() != Heading.Rank.PART : n.rank() < h.rank().ordinal())
            && ContentsGuide.namesTables(n.heading.text());
    return false;
  }

  /** Whether the body has already opened the part {@code h} names (its 第N部分 printed alone). */
  private static boolean partAlreadyOpen(Node current, Heading h) {
    if (h.rank() != Heading.Rank.PART) return false;
    for (Node n = current; n != null && n.heading != null; n = n.parent)
      if (n.heading.rank() == Heading.Rank.PART) return n.heading.number() == h.number();
    return false;
  }

  private static Node attach(
      Node current, Node root, Heading h, int start, int bodyStart, List<Node> order) {
    Node parent = current;
    while (parent != root && parent.rank() >= h.rank().ordinal()) parent = parent.parent;
    Node node = new Node(h, start, bodyStart);
    node.parent = parent;
    parent.children.add(node);
    order.add(node);
    return node;
  }

  private static boolean continuesNumbering(Node parent, Heading h) {
    if (h.rank() == Heading.Rank.ANNEX) return true;
    // 1. / 1、 items are sub-headings of a 一、 or （一） section; elsewhere they are list items
    if (h.rank() == Heading.Rank.ITEM
        && (parent.heading == null || parent.heading.rank().compareTo(Heading.Rank.CHAPTER) < 0)) {
      return false;
    }
    Node last = null;
    for (Node c : parent.children) if (c.heading.rank() == h.rank()) last = c;
    if (last == null) return h.number() <= 2;
    return h.number() > last.heading.number() && h.number() <= last.heading.number() + 3;
  }

  private static void setEnds(List<Node> order, int textLength) {
    for (int k = 0; k < order.size(); k++) {
      order.get(k).end = k + 1 < order.size() ? order.get(k + 1).start : textLength;
    }
  }

  /**
   * Removes leaves with no body, until none is left; the lines of a removed heading become the body
   * of the section before it, so a list of headings (a table of contents, a list of table names)
   * ends up as the body of the section that holds it.
   */
  private static void foldBodilessLeaves(List<Node> order, String text) {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int k = order.size() - 1; k >= 0; k--) {
        if (!isBodilessLeaf(order.get(k), text)) continue;
        // the whole run of body-less leaves ending here goes at once, to the section before the run
        int first = k;
        while (first > 0 && isBodilessLeaf(order.get(first - 1), text)) first--;
        int runEnd = order.get(k).end;
        for (int r = k; r >= first; r--) {
          Node n = order.remove(r);
          n.parent.children.remove(n);
        }
        if (first > 0) order.get(first - 1).end = runEnd;
        k = first;
        changed = true;
      }
    }
  }

  private static boolean isBodilessLeaf(Node n, String text) {
    return n.children.isEmpty() && text.substring(Math.min(n.bodyStart, n.end), n.end).isBlank();
  }

  private void emit(
      String docId,
      Node node,
      String path,
      List<String> crumbs,
      String parentCategory,
      String text,
      List<Section> out) {
    int ordinal = 0;
    for (Node child : node.children) {
      ordinal++;
      String childPath = path.isEmpty() ? Integer.toString(ordinal) : path + "." + ordinal;
      String body = text.substring(Math.min(child.bodyStart, child.end), child.end);
      String category = categorizer.categorize(child.heading.text(), body, parentCategory);
      int end = trimEnd(text, child.start, child.end);
      out.add(
          new Section(
              docId + "-" + childPath,
              childPath,
              crumbs.size() + 1,
              child.heading.text(),
              crumbs,
              category,
              child.start,
              Math.min(child.bodyStart, end),
              end));
      List<String> childCrumbs = new ArrayList<>(crumbs);
      childCrumbs.add(child.heading.text());
      emit(docId, child, childPath, childCrumbs, category, text, out);
    }
  }

  private static int trimEnd(String text, int start, int end) {
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) end--;
    return end;
  }

  /** [start, end) of every line. */
  private static List<int[]> lines(String text) {
    List<int[]> out = new ArrayList<>();
    int s = 0;
    while (s <= text.length()) {
      int e = text.indexOf('\n', s);
      if (e < 0) e = text.length();
      out.add(new int[] {s, e});
      s = e + 1;
    }
    return out;
  }

  /**
   * Marks a table of contents: a {@code 目录} line and the heading-like entries after it. When the
   * first entry appears again later, the entries are left out and the body's own headings make the
   * outline; when it does not, the body heads its parts in other words, and the entries place them
   * ({@link ContentsGuide}) into {@code guided}. Otherwise the entries are the document's real
   * headings.
   */
  private static boolean[] tableOfContents(
      List<String> lines, Map<Integer, List<Heading>> guided, Map<Integer, List<Heading>> renamed) {
    boolean[] toc = new boolean[lines.size()];
    for (int i = 0; i < lines.size(); i++) {
      if (!TOC.matcher(lines.get(i)).matches()) continue;
      int j = i + 1;
      List<Heading> entries = new ArrayList<>();
      List<String> printed = new ArrayList<>();
      while (j < lines.size()) {
        String entry =
            ENTRY_END
                .matcher(TOC_LEADER.matcher(lines.get(j)).replaceAll("").strip())
                .replaceAll("");
        Optional<Heading> h = Heading.parseEntry(entry);
        if (h.isEmpty() || !printed.isEmpty() && entry.equals(printed.get(0))) break;
        printed.add(entry);
        entries.add(h.get());
        j++;
      }
      if (entries.isEmpty()) continue;
      // the body repeats the contents when it prints the first entry, or most of them, as they are
      java.util.Set<String> later = new java.util.HashSet<>();
      for (int k = j; k < lines.size(); k++) later.add(lines.get(k).strip());
      int again = 0;
      for (String p : printed) if (later.contains(p)) again++;
      boolean repeated = later.contains(printed.get(0)) || 2 * again >= printed.size();
      Map<Integer, List<Heading>> placed =
          repeated ? Map.of() : ContentsGuide.place(entries, lines, j);
      if (repeated || !placed.isEmpty()) for (int k = i; k < j; k++) toc[k] = true;
      guided.putAll(placed);
      if (repeated) renamed.putAll(ContentsGuide.renamed(entries, lines, j));
    }
    return toc;
  }
}
