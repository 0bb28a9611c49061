package org.gongkai.model;

import java.util.List;

/**
 * One matching section with what a result line shows; {@code snippet} is text with the hits marked;
 * {@code ocr} when its document was read (partly or wholly) by OCR, so the text may be misread.
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
    int page) {

  public SearchHit {
    breadcrumb = List.copyOf(breadcrumb);
  }
}
