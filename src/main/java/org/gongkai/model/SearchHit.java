package org.gongkai.model;

import java.util.List;

/**
 * One matching section with what a result line shows; {@code snippet} is text with the hits marked;
 * {@code ocr} when its document was read (partly or wholly) by OCR, so the text may be misread;
 * {@code collection} the storage key of the private collection its report belongs to (null:
 * public).
 */
public record SearchHit(
    String id,
    String docId,
    String docTitle,
    String issuer,
    Region region,
    Integer year,
    String kind,
    String department,
    String category,
    String heading,
    List<String> breadcrumb,
    Marked snippet,
    float score,
    boolean ocr,
    int page,
    String collection) {

  public SearchHit {
    breadcrumb = List.copyOf(breadcrumb);
  }

  /** A hit of a public report. */
  public SearchHit(
      String id,
      String docId,
      String docTitle,
      String issuer,
      Region region,
      Integer year,
      String kind,
      String department,
      String category,
      String heading,
      List<String> breadcrumb,
      Marked snippet,
      float score,
      boolean ocr,
      int page) {
    this(
        id,
        docId,
        docTitle,
        issuer,
        region,
        year,
        kind,
        department,
        category,
        heading,
        breadcrumb,
        snippet,
        score,
        ocr,
        page,
        null);
  }
}
