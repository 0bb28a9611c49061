package org.gongkai.text;

import java.util.ArrayList;
import java.util.List;
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
  private static final Pattern TOC_LEADER =
      Pattern.compile("(?:\\.{3,}|…{2,}|·{3,})\\s*\\d*$|\\s\\d{1,3}$");
  private static final Pattern BYLINE = Pattern.compile("^(?:发布时间|发布日期|来源|信息来源|发布机构|索引号|文号)[:：]");

  /** Preamble text before the first heading gets this path. */
  public static final String PREAMBLE_PATH = "0";

  private final SectionCategorizer categorizer = new SectionCategorizer();

  private static final class Node {
    final Heading heading; // null for the root and the preamble
    final int start;
    int bodyStart;
    int end;
    Node parent;
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
    boolean[] toc = tableOfContents(text, lines);
    Node root = new Node(null, 0, 0);
    List<Node> order = new ArrayList<>();
    Node current = root;
    for (int i = 0; i < lines.size(); i++) {
      if (toc[i]) continue;
      int s = lines.get(i)[0], e = lines.get(i)[1];
      Optional<Heading> h = Heading.parse(text.substring(s, e));
      if (h.isEmpty()) continue;
      Node parent = current;
      while (parent != root && parent.rank() >= h.get().rank().ordinal()) parent = parent.parent;
      if (!continuesNumbering(parent, h.get())) continue;
      int bodyStart =
          h.get().bodyOffset() >= e - s ? Math.min(e + 1, text.length()) : s + h.get().bodyOffset();
      Node node = new Node(h.get(), s, bodyStart);
      node.parent = parent;
      parent.children.add(node);
      order.add(node);
      current = node;
    }
    setEnds(order, text.length());
    foldBodilessLeaves(order, text);
    List<Section> out = new ArrayList<>();
    int firstStart = order.isEmpty() ? text.length() : order.get(0).start;
    String pre = text.substring(0, firstStart).strip();
    String heading = pre.lines().findFirst().orElse("");
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
    boolean titleSeen = false;
    for (int i = 0; i < lines.size() && lines.get(i)[0] < firstStart; i++) {
      String line = text.substring(lines.get(i)[0], lines.get(i)[1]).strip();
      if (line.isEmpty() || toc[i] || TOC.matcher(line).matches() || BYLINE.matcher(line).find())
        continue;
      if (!titleSeen) {
        titleSeen = true;
        continue;
      }
      return true;
    }
    return false;
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
   * Marks a table of contents: a {@code 目录} line and the heading-like entries after it, but only
   * when the first entry appears again later (otherwise the entries are the document's real
   * headings).
   */
  private static boolean[] tableOfContents(String text, List<int[]> lines) {
    boolean[] toc = new boolean[lines.size()];
    for (int i = 0; i < lines.size(); i++) {
      String line = text.substring(lines.get(i)[0], lines.get(i)[1]);
      if (!TOC.matcher(line).matches()) continue;
      int j = i + 1;
      List<String> entries = new ArrayList<>();
      while (j < lines.size()) {
        String entry =
            TOC_LEADER
                .matcher(text.substring(lines.get(j)[0], lines.get(j)[1]))
                .replaceAll("")
                .strip();
        if (Heading.parse(entry).isEmpty() || !entries.isEmpty() && entry.equals(entries.get(0)))
          break;
        entries.add(entry);
        j++;
      }
      if (entries.isEmpty()) continue;
      String first = entries.get(0);
      boolean repeated = false;
      for (int k = j; k < lines.size() && !repeated; k++) {
        repeated = text.substring(lines.get(k)[0], lines.get(k)[1]).strip().equals(first);
      }
      if (repeated) for (int k = i; k < j; k++) toc[k] = true;
    }
    return toc;
  }
}
