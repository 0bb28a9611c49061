package org.gongkai.model;

import java.time.Instant;
import java.util.List;

/**
 * A document as the index holds it: identity, metadata, where its files are, when it was indexed,
 * and its clean text.
 *
 * <p>{@code region} is null when recognition could not decide ({@code regionNote} says why); {@code
 * year} is null when unknown. {@code files} lists every path with these exact bytes.
 */
public record IndexedDocument(
    String docId,
    String sha256,
    String title,
    String issuer,
    String department,
    String kind,
    Integer year,
    Region region,
    String regionNote,
    List<String> files,
    Instant indexedAt,
    int sectionCount,
    String text) {

  public IndexedDocument {
    files = List.copyOf(files);
  }
}
