package org.gongkai.model;

import java.util.List;

/**
 * A table of a section, as its clean text holds it (one row per line, cells separated by tabs):
 * {@code id} is the section's id and its place in the section ({@code …-3.9-t1}); {@code title} and
 * {@code unit} are what the lines above it or its first rows say (null when they say nothing); the
 * first {@code headerRows} rows hold no figure; {@code start} and {@code end} are offsets into the
 * section's text, and {@code captionStart} where the lines naming the table (title, unit) begin
 * above it ({@code start} when none do).
 *
 * <p>{@code heads} is each column's header (its header rows' cells read top to bottom, {@code 本年收入}
 * / {@code 合计} as {@code 本年收入合计}) and {@code roles} what the column holds ({@link ColumnRole}, null
 * when the header says nothing known); {@code codes} has each row's subject code (null for a row
 * without one); {@code offsets} where each cell's text begins in the section's text.
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
    int captionStart,
    List<String> heads,
    List<ColumnRole> roles,
    List<RowCode> codes,
    List<List<Integer>> offsets) {

  public TextTable {
    rows = rows.stream().map(List::copyOf).toList();
    heads = List.copyOf(heads);
    roles = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(roles));
    codes = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(codes));
    offsets = offsets.stream().map(List::copyOf).toList();
  }

  /** The first column with this role, or -1. */
  public int column(ColumnRole role) {
    return roles.indexOf(role);
  }

  /** The widest row's cell count: every row is as wide when shown or exported. */
  public int width() {
    return rows.stream().mapToInt(List::size).max().orElse(0);
  }
}
