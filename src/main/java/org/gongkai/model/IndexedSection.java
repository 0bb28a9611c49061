package org.gongkai.model;

import java.util.List;

/**
 * A section as the index holds it: its place in the document ({@code ordinal} counts from 0 in
 * document order) and its text, heading line included.
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
    String text) {

  public IndexedSection {
    breadcrumb = List.copyOf(breadcrumb);
  }
}
