package org.gongkai.model;

import java.util.List;

/**
 * One page of a document as its page shows it: the document, its whole outline ({@code headings}),
 * the sections on page {@code page} of {@code pages} with the query's hits marked, its headline
 * figures and its flags, and whether the original file can still be served.
 */
public record DocumentReading(
    IndexedDocument document,
    List<IndexedSection> headings,
    int page,
    int pages,
    int sectionsPerPage,
    List<Shown> sections,
    List<IndicatorValue> headlines,
    List<IndicatorFlag> flags,
    boolean originalAvailable) {

  /** A section on the page; {@code cut} when its body was too long to show whole here. */
  public record Shown(IndexedSection section, Marked heading, Marked body, boolean cut) {}

  public DocumentReading {
    headings = List.copyOf(headings);
    sections = List.copyOf(sections);
    headlines = List.copyOf(headlines);
    flags = List.copyOf(flags);
  }

  /** The page of this document that shows the section at {@code ordinal}. */
  public int pageOf(int ordinal) {
    return ordinal / sectionsPerPage + 1;
  }
}
