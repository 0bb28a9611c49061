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
 * {@code role} is what the file is (a report, or a list, a news item … of a crawl); {@code
 * printedPages} the number each page of a PDF prints (0: none; empty when it prints no numbering);
 * {@code sourceUrl} the address a saved web page records it came from (null when none); {@code
 * collection} the storage key of the private collection it belongs to (null: public).
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
    int pageCount,
    PageRole role,
    List<Integer> printedPages,
    String sourceUrl,
    String collection) {

  public IndexedDocument {
    files = List.copyOf(files);
    ocrPages = List.copyOf(ocrPages);
    role = role == null ? PageRole.REPORT : role;
    printedPages = printedPages == null ? List.of() : List.copyOf(printedPages);
  }

  /**
   * The number the original prints on its page {@code page} (from 1), or 0 when it prints none or
   * it is not known.
   */
  public int printedPage(int page) {
    return page >= 1 && page <= printedPages.size() ? printedPages.get(page - 1) : 0;
  }

  /** A report's document. */
  public IndexedDocument(
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
    this(
        docId,
        sha256,
        title,
        issuer,
        department,
        kind,
        year,
        region,
        regionNote,
        files,
        indexedAt,
        sectionCount,
        ocrPages,
        pageCount,
        PageRole.REPORT,
        List.of(),
        null);
  }

  /** A public report's document, in no private collection. */
  public IndexedDocument(
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
      int pageCount,
      PageRole role,
      List<Integer> printedPages,
      String sourceUrl) {
    this(
        docId,
        sha256,
        title,
        issuer,
        department,
        kind,
        year,
        region,
        regionNote,
        files,
        indexedAt,
        sectionCount,
        ocrPages,
        pageCount,
        role,
        printedPages,
        sourceUrl,
        null);
  }

  /** Whether it belongs to a private collection. */
  public boolean isPrivate() {
    return collection != null;
  }

  /** Whether it is a report, not another page of a crawl (a list, a news item …). */
  public boolean report() {
    return role == PageRole.REPORT;
  }

  /** Some of the text was read by OCR, so it may hold misread characters. */
  public boolean ocr() {
    return !ocrPages.isEmpty();
  }
}
