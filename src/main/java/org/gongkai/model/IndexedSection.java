package org.gongkai.model;

import java.util.List;

/**
 * A section as the index holds it: its place in the document ({@code ordinal} counts from 0 in
 * document order) and its text, heading line included; the body starts at {@code bodyOffset}, and
 * the text at {@code start} in the document's clean text, and on {@code pages} of the original.
 */
public record IndexedSection(
    String id,
    String docId,
    int ordinal,
    String path,
    int level,
    String heading,
    List<String> breadcrumb,
    String category,
    String text,
    int bodyOffset,
    int start,
    Pages pages) {

  public IndexedSection {
    breadcrumb = List.copyOf(breadcrumb);
  }

  /**
   * The section of {@code outline} (a report's sections in order) holding the character at {@code
   * offset} of the report's clean text: the last that starts at or before it.
   */
  public static java.util.Optional<IndexedSection> holding(
      List<IndexedSection> outline, int offset) {
    IndexedSection found = null;
    for (IndexedSection s : outline) {
      if (s.start() > offset) break;
      found = s;
    }
    return java.util.Optional.ofNullable(found);
  }

  /** The page of the original holding the clean text's character at {@code offset} (0: unknown). */
  public int pageAt(int offset) {
    return pages.at(Math.max(0, offset - start));
  }

  /** The text after the heading line. */
  public String body() {
    return text.substring(Math.min(bodyOffset, text.length()));
  }
}
