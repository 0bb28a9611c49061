package org.gongkai.extract;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Cuts a government web page down to the element that holds the report, dropping the site's
 * navigation, header and footer.
 *
 * <p>Written here rather than using Tika's Boilerpipe handler because Boilerpipe drops short
 * blocks, and in a disclosure the short blocks are headings and table cells that must be kept.
 */
final class HtmlMainContent {

  private static final String BLOCKS = "p, h1, h2, h3, h4, h5, h6, table, ul, ol, pre, blockquote";

  /**
   * The tags of {@link #BLOCKS}, looked up by name: {@code Element.is(String)} parses its query on
   * every call, which was most of the time spent choosing a web page's main content.
   */
  private static final java.util.Set<String> BLOCK_TAGS = java.util.Set.of(BLOCKS.split(",\\s*"));

  /**
   * How deep elements may nest before they are unwrapped (Tika's own limit is 100, with its
   * wrappers).
   */
  static final int MAX_DEPTH = 60;

  /** How much of the page around the report is kept as evidence of who published it. */
  private static final int CHROME_MAX = 4000;

  private HtmlMainContent() {}

  /**
   * The report's element as a standalone page, and the page's chrome: the text of the page around
   * it (site name, breadcrumbs such as {@code 首页 > … > 葛坳乡 > 财政预决算}, {@code 发布机构：}, {@code 来源：}) —
   * not the report, but evidence of who issued it.
   */
  record Selected(
      String html,
      String chrome,
      List<String> attachments,
      org.gongkai.model.PageShape shape,
      List<org.gongkai.model.ListedEntry> entries,
      String sourceUrl) {}

  /**
   * A browser's note of where it saved a page from: {@code <!-- saved from url=(0054)https://…
   * -->}.
   */
  private static final java.util.regex.Pattern SAVED_FROM =
      java.util.regex.Pattern.compile("saved from url=\\(\\d+\\)(https?://[^\\s>]+)");

  /**
   * The address a saved page came from, as the page records it: its canonical link, its {@code
   * og:url}, the note a browser leaves when saving it, or its {@code <base>}; null when it records
   * none (an absolute http(s) address only).
   */
  static String sourceUrl(Document doc, String html) {
    List<String> found = new java.util.ArrayList<>();
    for (Element e : doc.select("link[rel~=(?i)canonical][href]")) found.add(e.attr("href"));
    for (Element e : doc.select("meta[property=og:url][content], meta[name=og:url][content]"))
      found.add(e.attr("content"));
    java.util.regex.Matcher m =
        SAVED_FROM.matcher(html.length() > 4096 ? html.substring(0, 4096) : html);
    if (m.find()) found.add(m.group(1));
    for (Element e : doc.select("base[href]")) found.add(e.attr("href"));
    for (String u : found) {
      String t = u.strip();
      if (t.regionMatches(true, 0, "http://", 0, 7) || t.regionMatches(true, 0, "https://", 0, 8))
        if (t.length() <= 2000 && t.indexOf(' ') < 0) return t;
    }
    return null;
  }

  /** A link to a document file (the report a landing page offers): by its target's extension. */
  private static final java.util.regex.Pattern DOCUMENT_FILE =
      java.util.regex.Pattern.compile(
          "(?i)\\.(?:pdf|docx?|xlsx?|wps|et|ofd|zip|rar|7z)(?:[?#].*)?$");

  /**
   * The document files the page links to or embeds ({@code 名称\ttarget}, in page order): what a page
   * that only offers its report for download points at.
   */
  private static List<String> attachments(Document doc) {
    List<String> out = new java.util.ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Element e : doc.select("a[href], iframe[src], embed[src], object[data]")) {
      String target =
          e.hasAttr("href") ? e.attr("href") : e.hasAttr("src") ? e.attr("src") : e.attr("data");
      String t = target.strip();
      String name = e.text().strip();
      // a download link may hide the file behind a script (download.jsp?id=…): its words name it
      boolean file =
          DOCUMENT_FILE.matcher(t).find()
              || DOCUMENT_FILE.matcher(name.replaceAll("[】\\]]$", "")).find();
      if (!file || !seen.add(t)) continue;
      if (name.isEmpty()) name = t.substring(t.lastIndexOf('/') + 1);
      out.add(name.replace('\t', ' ').replace('\n', ' ') + "\t" + t);
      if (out.size() >= 50) break;
    }
    return out;
  }

  /** Returns a standalone HTML page holding the title and the content element of {@code html}. */
  static String select(String html) {
    return split(html).html();
  }

  /** The report's element and the chrome around it (see {@link Selected}). */
  static Selected split(String html) {
    Document doc = Jsoup.parse(html);
    List<String> attachments = attachments(doc);
    String source = sourceUrl(doc, html);
    doc.select("script, style, noscript, template").remove();
    flatten(doc.body());
    // the whole page's make-up (its navigation too) before the content is chosen from it
    PageShapes.Whole whole = PageShapes.whole(doc.body());
    doc.select("nav, header, footer, aside, iframe").remove();
    Map<Element, Integer> scores = scores(doc.body());
    Element best = doc.body();
    int bestScore = scores.getOrDefault(best, 0);
    for (Element candidate : doc.body().select("div, article, main, section, td")) {
      int s = scores.getOrDefault(candidate, 0);
      // Prefer the innermost element that still holds nearly all the text (>= 90% of the best).
      if (s >= bestScore * 0.9 && s > 0) {
        best = candidate;
        bestScore = Math.max(bestScore, s);
      }
    }
    String title = doc.title();
    String page =
        "<html><head><meta charset=\"utf-8\"><title>"
            + org.jsoup.nodes.Entities.escape(title)
            + "</title></head><body>"
            + best.html()
            + "</body></html>";
    return new Selected(
        page,
        chrome(doc, best),
        attachments,
        PageShapes.shape(whole, best),
        whole.entries(),
        source);
  }

  /** The page's text outside {@code report}, block by block, bounded. */
  private static String chrome(Document doc, Element report) {
    StringBuilder sb = new StringBuilder();
    NodeTraversor.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            if (sb.length() >= CHROME_MAX) return;
            if (node instanceof org.jsoup.nodes.TextNode t && !inside(t, report)) {
              String text = t.text().strip();
              if (!text.isEmpty()) sb.append(text).append(' ');
            } else if (node instanceof Element e
                && e.isBlock()
                && sb.length() > 0
                && sb.charAt(sb.length() - 1) != '\n') {
              sb.append('\n');
            }
          }

          @Override
          public void tail(Node node, int depth) {}
        },
        doc.body());
    String text = sb.length() > CHROME_MAX ? sb.substring(0, CHROME_MAX) : sb.toString();
    return text.replaceAll(" *\n[\s]*", "\n").strip();
  }

  private static boolean inside(Node n, Element report) {
    for (Node p = n.parent(); p != null; p = p.parent()) if (p == report) return true;
    return false;
  }

  /**
   * For every element under {@code root}: the characters of text held by its block children (a
   * non-block child counts with its own score). One pass, bottom-up and without recursion, with
   * each element's text length summed from its children's, so a page nested 100,000 levels deep
   * neither overflows the stack nor takes quadratic time.
   */
  private static Map<Element, Integer> scores(Element root) {
    Map<Element, Integer> scores = new IdentityHashMap<>();
    Map<Element, Integer> textLength = new IdentityHashMap<>();
    NodeTraversor.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {}

          @Override
          public void tail(Node node, int depth) {
            if (!(node instanceof Element e)) return;
            int n = 0;
            int length = 0;
            for (Node child : e.childNodes()) {
              if (child instanceof org.jsoup.nodes.TextNode t) {
                length += t.text().strip().length();
              } else if (child instanceof Element c) {
                int childLength = textLength.getOrDefault(c, 0);
                length += childLength;
                n += BLOCK_TAGS.contains(c.normalName()) ? childLength : scores.getOrDefault(c, 0);
              }
            }
            scores.put(e, n);
            textLength.put(e, length);
          }
        },
        root);
    return scores;
  }

  /**
   * Elements nested deeper than {@link #MAX_DEPTH} are unwrapped (their text kept in place): real
   * pages never nest so deep, and Tika refuses a document nested past 100 levels as a suspected
   * bomb.
   */
  private static void flatten(Element root) {
    List<Element> deep = new java.util.ArrayList<>();
    NodeTraversor.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            if (depth > MAX_DEPTH && node instanceof Element e) deep.add(e);
          }

          @Override
          public void tail(Node node, int depth) {}
        },
        root);
    for (int i = deep.size() - 1; i >= 0; i--) deep.get(i).unwrap();
  }
}
