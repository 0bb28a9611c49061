package org.gongkai.model;

import java.util.List;

/**
 * One section of a document: the unit that search returns and permalinks point to.
 *
 * <p>{@code start}/{@code end} are character offsets of the whole section (heading line and its own
 * body, not its children) in the document's clean text; {@code bodyStart} is where the body begins.
 *
 * <p>A heading (and so every breadcrumb entry) is at most {@link #MAX_HEADING} characters by
 * construction: a PDF whose lines all ran together can make a "first line" of millions, and every
 * hit and page would carry it.
 */
public record Section(
    String id,
    String path,
    int level,
    String heading,
    List<String> breadcrumb,
    String category,
    int start,
    int bodyStart,
    int end) {

  /**
   * The id of the section of {@code sections} holding {@code offset} of the clean text (else of the
   * last one starting before it; null when none does).
   */
  public static String idAt(List<Section> sections, int offset) {
    String id = null;
    for (Section s : sections) {
      if (s.start() <= offset) id = s.id();
      if (s.start() <= offset && offset < s.end()) return s.id();
    }
    return id;
  }

  /** The longest heading kept; a longer one is cut, with an ellipsis. */
  public static final int MAX_HEADING = 120;

  public Section {
    heading = bounded(heading);
    breadcrumb = breadcrumb.stream().map(Section::bounded).toList();
  }

  /**
   * {@code s} cut to {@link #MAX_HEADING} characters (an ellipsis marking the cut), never splitting
   * a surrogate pair.
   */
  public static String bounded(String s) {
    if (s == null || s.length() <= MAX_HEADING) return s;
    int end = MAX_HEADING - 1;
    if (Character.isHighSurrogate(s.charAt(end - 1))) end--;
    return s.substring(0, end) + "…";
  }
}
