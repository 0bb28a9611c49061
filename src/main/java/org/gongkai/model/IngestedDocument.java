package org.gongkai.model;

import java.util.List;

/**
 * Everything ingest makes of one file: the document, the figures it states (headlines marked) and
 * the places where it contradicts itself, and which standard tables it discloses. What {@code
 * index} writes and {@code inspect} shows.
 */
public record IngestedDocument(
    DisclosureDocument document,
    List<IndicatorValue> figures,
    List<IndicatorFlag> flags,
    Completeness completeness) {
  public IngestedDocument {
    figures = List.copyOf(figures);
    flags = List.copyOf(flags);
  }
}
