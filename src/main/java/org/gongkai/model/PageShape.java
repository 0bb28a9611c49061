package org.gongkai.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a web page is made of, counted in visible characters (spaces aside): all its text and the
 * part of it inside links; the same for the element chosen as its content ({@code main…}); the
 * prose in that element (runs of sentences, outside links); its tables; and its list entries (links
 * of a title's length with a date beside them), with how many of them one block holds and the
 * characters of their titles. {@code paged} says the page has a pager (下一页, 尾页, 共 N 页). A page's
 * role is decided from these, not from the words of its title, which crawlers get wrong.
 */
public record PageShape(
    int chars,
    int linkChars,
    int mainChars,
    int mainLinkChars,
    int prose,
    int tables,
    int entries,
    int largestBlock,
    int blockChars,
    boolean paged) {

  /** The share of the page's text inside links (0 for a page with no text). */
  public double linkShare() {
    return chars == 0 ? 0 : linkChars / (double) chars;
  }

  /** The share of the page's link text that the titles of its largest block of entries make. */
  public double blockShare() {
    return linkChars == 0 ? 0 : blockChars / (double) linkChars;
  }

  /** The share of the content element's text inside links. */
  public double mainLinkShare() {
    return mainChars == 0 ? 0 : mainLinkChars / (double) mainChars;
  }

  /** {@code chars=…,links=…}: how extraction hands the shape on in a file's metadata. */
  public String encode() {
    return "chars="
        + chars
        + ",links="
        + linkChars
        + ",main="
        + mainChars
        + ",mainLinks="
        + mainLinkChars
        + ",prose="
        + prose
        + ",tables="
        + tables
        + ",entries="
        + entries
        + ",largestBlock="
        + largestBlock
        + ",blockChars="
        + blockChars
        + ",paged="
        + paged;
  }

  /** The shape of an {@link #encode()}d string, or null when there is none. */
  public static PageShape decode(String s) {
    if (s == null || s.isBlank()) return null;
    Map<String, String> v = new LinkedHashMap<>();
    for (String part : s.split(",")) {
      int eq = part.indexOf('=');
      if (eq > 0) v.put(part.substring(0, eq), part.substring(eq + 1));
    }
    try {
      return new PageShape(
          Integer.parseInt(v.getOrDefault("chars", "0")),
          Integer.parseInt(v.getOrDefault("links", "0")),
          Integer.parseInt(v.getOrDefault("main", "0")),
          Integer.parseInt(v.getOrDefault("mainLinks", "0")),
          Integer.parseInt(v.getOrDefault("prose", "0")),
          Integer.parseInt(v.getOrDefault("tables", "0")),
          Integer.parseInt(v.getOrDefault("entries", "0")),
          Integer.parseInt(v.getOrDefault("largestBlock", "0")),
          Integer.parseInt(v.getOrDefault("blockChars", "0")),
          Boolean.parseBoolean(v.getOrDefault("paged", "false")));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
