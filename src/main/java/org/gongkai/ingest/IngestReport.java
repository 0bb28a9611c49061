package org.gongkai.ingest;

import java.util.List;

/**
 * What one indexing run did: files newly indexed or replaced, unchanged (same bytes as last time),
 * duplicates (same bytes as another indexed file), skipped (not a supported type, inside a folder;
 * and what the folder walk could not enter or follow — a link loop, an unreadable folder, a
 * dangling link — each listed in {@code unreadable} with its reason), failed (with the reason), and
 * documents removed because their file changed or, with prune, is gone.
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
    List<Failure> unreadable) {

  /** A file that could not be indexed and why, in one line. */
  public record Failure(String file, String reason) {}

  public IngestReport {
    failures = List.copyOf(failures);
    unreadable = List.copyOf(unreadable);
  }

  public boolean allIndexed() {
    return failures.isEmpty();
  }
}
