package org.gongkai.model;

import java.util.List;
import java.util.Map;

/**
 * Everything ingest makes of one disclosure file: identity, metadata, clean text and section tree.
 *
 * <p>{@code year} is the fiscal year the report covers, or null when it cannot be told. {@code
 * decidedFrom} says, per metadata field, which evidence decided it (see {@code DocumentMetadata});
 * {@code ocr} which pages of a scanned PDF were read by OCR. {@code role} is what the file is (only
 * a {@link PageRole#REPORT} has figures and a report's kind), {@code roleWhy} what decided it (null
 * when not read); {@code listed} the entries a list page or a portal's page lists.
 */
public record DisclosureDocument(
    String file,
    String sha256,
    String docId,
    String title,
    String issuer,
    String departmentType,
    ReportKind kind,
    Integer year,
    RegionMatch region,
    List<Section> sections,
    String text,
    Map<String, String> fileMetadata,
    Map<String, String> decidedFrom,
    ExtractedText.Ocr ocr,
    List<Integer> pageStarts,
    PageRole role,
    String roleWhy,
    List<ListedEntry> listed) {

  public DisclosureDocument {
    role = role == null ? PageRole.REPORT : role;
    listed = listed == null ? List.of() : List.copyOf(listed);
    sections = List.copyOf(sections);
    pageStarts = List.copyOf(pageStarts);
    fileMetadata = Map.copyOf(fileMetadata);
    decidedFrom = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(decidedFrom));
  }

  /** A report's document, listing nothing. */
  public DisclosureDocument(
      String file,
      String sha256,
      String docId,
      String title,
      String issuer,
      String departmentType,
      ReportKind kind,
      Integer year,
      RegionMatch region,
      List<Section> sections,
      String text,
      Map<String, String> fileMetadata,
      Map<String, String> decidedFrom,
      ExtractedText.Ocr ocr,
      List<Integer> pageStarts) {
    this(
        file,
        sha256,
        docId,
        title,
        issuer,
        departmentType,
        kind,
        year,
        region,
        sections,
        text,
        fileMetadata,
        decidedFrom,
        ocr,
        pageStarts,
        PageRole.REPORT,
        null,
        List.of());
  }

  /**
   * The same document with another clean text of the same length (every section's and page's
   * offsets still hold): a planted error ({@code bench --mutants}) read as the report was.
   */
  public DisclosureDocument withText(String text) {
    if (text.length() != this.text.length())
      throw new IllegalArgumentException("a text of another length moves every offset");
    return new DisclosureDocument(
        file,
        sha256,
        docId,
        title,
        issuer,
        departmentType,
        kind,
        year,
        region,
        sections,
        text,
        fileMetadata,
        decidedFrom,
        ocr,
        pageStarts,
        role,
        roleWhy,
        listed);
  }

  /** Whether it is a report (figures, checks and a report's kind), not another page of a crawl. */
  public boolean report() {
    return role == PageRole.REPORT;
  }

  /** The pages of a section in the original ({@link Pages#NONE} for a file without pages). */
  public Pages pages(Section s) {
    return Pages.of(pageStarts, s.start(), s.end());
  }

  /** How many pages the original has (0 for a file without pages). */
  public int pageCount() {
    return pageStarts.size();
  }
}
