package org.gongkai.model;

import java.time.Instant;
import java.util.List;

/**
 * A document as the index holds it: identity, metadata, where its files are and when it was indexed
 * (its text is in its sections).
 *
 * <p>{@code region} is null when recognition could not decide ({@code regionNote} says why); {@code
 * year} is null when unknown. {@code files} lists every path with these exact bytes. {@code
 * ocrPages} are the pages of a scanned PDF (of {@code pageCount}) whose text was read by OCR.
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
    List<Integer> ocrPages,
    int pageCount) {

  public IndexedDocument {
    files = List.copyOf(files);
    ocrPages = List.copyOf(ocrPages);
  }

  /** Some of the text was read by OCR, so it may hold misread characters. */
  public boolean ocr() {
    return !ocrPages.isEmpty();
  }
}
