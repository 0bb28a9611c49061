package org.gongkai.model;

import java.util.List;

/**
 * A table of a section, as its clean text holds it (one row per line, cells separated by tabs):
 * {@code id} is the section's id and its place in the section ({@code …-3.9-t1}); {@code title} and
 * {@code unit} are what the lines above it or its first rows say (null when they say nothing); the
 * first {@code headerRows} rows hold no figure; {@code start} and {@code end} are offsets into the
 * section's text, and {@code captionStart} where the lines naming the table (title, unit) begin
 * above it ({@code start} when none do).
 */
public record TextTable(
    String id,
    String sectionId,
    String title,
    String unit,
    int headerRows,
    List<List<String>> rows,
    int start,
    int end,
    int captionStart) {

  public TextTable {
    rows = rows.stream().map(List::copyOf).toList();
  }

  /** The widest row's cell count: every row is as wide when shown or exported. */
  public int width() {
    return rows.stream().mapToInt(List::size).max().orElse(0);
  }
}
