package org.gongkai.extract;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Cuts a government web page down to the element that holds the report, dropping the site's
 * navigation, header and footer.
 *
 * <p>Written here rather than using Tika's Boilerpipe handler because Boilerpipe drops short blocks,
 * and in a disclosure the short blocks are headings and table cells that must be kept.
 */
final class HtmlMainContent {

  private static final String BLOCKS = "p, h1, h2, h3, h4, h5, h6, table, ul, ol, pre, blockquote";

  private HtmlMainContent() {}

  /** Returns a standalone HTML page holding the title and the content element of {@code html}. */
  static String select(String html) {
    Document doc = Jsoup.parse(html);
    doc.select("script, style, nav, header, footer, aside, noscript, iframe").remove();
    Element best = doc.body();
    int bestScore = score(best);
    for (Element candidate : doc.body().select("div, article, main, section, td")) {
      int s = score(candidate);
      // Prefer the innermost element that still holds nearly all the text (>= 90% of the best).
      if (s >= bestScore * 0.9 && s > 0) {
        best = candidate;
        bestScore = Math.max(bestScore, s);
      }
    }
    String title = doc.title();
    return "<html><head><meta charset=\"utf-8\"><title>"
        + org.jsoup.nodes.Entities.escape(title)
        + "</title></head><body>"
        + best.html()
        + "</body></html>";
  }

  /** Characters of text held by the block children of {@code e}. */
  private static int score(Element e) {
    int n = 0;
    for (Element child : e.children()) {
      if (child.is(BLOCKS)) n += child.text().length();
      else n += score(child);
    }
    return n;
  }
}
