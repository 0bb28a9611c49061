package org.gongkai.model;

import java.util.List;

/**
 * One section of a document: the unit that search returns and permalinks point to.
 *
 * <p>{@code start}/{@code end} are character offsets of the whole section (heading line and its own
 * body, not its children) in the document's clean text; {@code bodyStart} is where the body begins.
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

  public Section {
    breadcrumb = List.copyOf(breadcrumb);
  }
}
