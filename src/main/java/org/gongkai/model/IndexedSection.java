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

  /** The text after the heading line. */
  public String body() {
    return text.substring(Math.min(bodyOffset, text.length()));
  }
}
