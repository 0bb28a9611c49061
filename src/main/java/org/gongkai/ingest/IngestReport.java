package org.gongkai.ingest;

import java.util.List;

/**
 * What one indexing run did: files newly indexed or replaced, unchanged (same bytes as last time),
 * duplicates (same bytes as another indexed file), skipped (not a supported type, inside a folder;
 * and what the folder walk could not enter or follow — a link loop, an unreadable folder, a
 * dangling link — each listed in {@code unreadable} with its reason), failed (with the reason),
 * documents removed because their file changed or, with prune, is gone, and web pages not indexed
 * because they only offer the report as a file ({@code landingPages}: each with the files it
 * names). {@code skippedFiles} names the files of an unsupported type; {@code copies} names each
 * duplicate and the file whose report it is. Of the documents indexed, {@code reportKinds} counts
 * the reports by kind (部门预算 …) and {@code otherRoles} the rest by role ({@code list}, {@code news}
 * …); {@code emptyPages} are web pages with no text of their own, not indexed. {@code collections}
 * are the runs of the files that belong to private collections (given to one, or under a folder
 * given to one), indexed in each collection's own index, by the collection's storage key.
 */
public record IngestReport(
    int indexed,
    int unchanged,
    int duplicates,
    int skipped,
    List<Failure> failures,
    int removed,
    int documents,
    int sections,
    List<Failure> unreadable,
    List<Failure> landingPages,
    List<String> skippedFiles,
    List<Copy> copies,
    int tablesSummed,
    int tablesMisread,
    int reportsMisread,
    java.util.Map<String, Integer> reportKinds,
    java.util.Map<String, Integer> otherRoles,
    List<Failure> emptyPages,
    java.util.Map<String, IngestReport> collections) {

  /** A file that could not be indexed and why, in one line. */
  public record Failure(String file, String reason) {}

  /**
   * A file not indexed again because {@code of} holds its report: the same bytes, or ({@code
   * sameBytes} false) the same report in another format.
   */
  public record Copy(String file, String of, boolean sameBytes) {}

  public IngestReport {
    failures = List.copyOf(failures);
    unreadable = List.copyOf(unreadable);
    landingPages = List.copyOf(landingPages);
    skippedFiles = List.copyOf(skippedFiles);
    copies = List.copyOf(copies);
    reportKinds =
        reportKinds == null
            ? java.util.Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(reportKinds));
    otherRoles =
        otherRoles == null
            ? java.util.Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(otherRoles));
    emptyPages = emptyPages == null ? List.of() : List.copyOf(emptyPages);
    collections =
        collections == null
            ? java.util.Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(collections));
  }

  public IngestReport(
      int indexed,
      int unchanged,
      int duplicates,
      int skipped,
      List<Failure> failures,
      int removed,
      int documents,
      int sections,
      List<Failure> unreadable,
      List<Failure> landingPages,
      List<String> skippedFiles,
      List<Copy> copies,
      int tablesSummed,
      int tablesMisread,
      int reportsMisread,
      java.util.Map<String, Integer> reportKinds,
      java.util.Map<String, Integer> otherRoles,
      List<Failure> emptyPages) {
    this(
        indexed,
        unchanged,
        duplicates,
        skipped,
        failures,
        removed,
        documents,
        sections,
        unreadable,
        landingPages,
        skippedFiles,
        copies,
        tablesSummed,
        tablesMisread,
        reportsMisread,
        reportKinds,
        otherRoles,
        emptyPages,
        null);
  }

  /** This report with the runs of private collections' files beside it. */
  public IngestReport withCollections(java.util.Map<String, IngestReport> runs) {
    return new IngestReport(
        indexed,
        unchanged,
        duplicates,
        skipped,
        failures,
        removed,
        documents,
        sections,
        unreadable,
        landingPages,
        skippedFiles,
        copies,
        tablesSummed,
        tablesMisread,
        reportsMisread,
        reportKinds,
        otherRoles,
        emptyPages,
        runs);
  }

  public IngestReport(
      int indexed,
      int unchanged,
      int duplicates,
      int skipped,
      List<Failure> failures,
      int removed,
      int documents,
      int sections,
      List<Failure> unreadable,
      List<Failure> landingPages,
      List<String> skippedFiles,
      List<Copy> copies,
      int tablesSummed,
      int tablesMisread,
      int reportsMisread) {
    this(
        indexed,
        unchanged,
        duplicates,
        skipped,
        failures,
        removed,
        documents,
        sections,
        unreadable,
        landingPages,
        skippedFiles,
        copies,
        tablesSummed,
        tablesMisread,
        reportsMisread,
        null,
        null,
        null);
  }

  public IngestReport(
      int indexed,
      int unchanged,
      int duplicates,
      int skipped,
      List<Failure> failures,
      int removed,
      int documents,
      int sections,
      List<Failure> unreadable,
      List<Failure> landingPages,
      List<String> skippedFiles,
      List<Copy> copies) {
    this(
        indexed,
        unchanged,
        duplicates,
        skipped,
        failures,
        removed,
        documents,
        sections,
        unreadable,
        landingPages,
        skippedFiles,
        copies,
        0,
        0,
        0,
        null,
        null,
        null);
  }

  /** Every file indexed, here and in the private collections' runs. */
  public boolean allIndexed() {
    return failures.isEmpty() && collections.values().stream().allMatch(IngestReport::allIndexed);
  }
}
