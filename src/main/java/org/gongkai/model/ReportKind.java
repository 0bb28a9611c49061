package org.gongkai.model;

import java.util.Optional;

/**
 * What kind of disclosure a document is; {@link #label} is the word reports, facets and the API
 * use.
 */
public enum ReportKind {
  FINAL_ACCOUNTS("部门决算"),
  BUDGET("部门预算"),
  PERFORMANCE("绩效评价"),
  OTHER("其他");

  private final String label;

  ReportKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The kind with this label ({@code 部门预算}), if any. */
  public static Optional<ReportKind> ofLabel(String label) {
    for (ReportKind k : values()) if (k.label.equals(label)) return Optional.of(k);
    return Optional.empty();
  }

  /** The label of {@code kind}, or null when there is none. */
  public static String label(ReportKind kind) {
    return kind == null ? null : kind.label;
  }
}
