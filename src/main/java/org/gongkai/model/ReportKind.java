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
  /**
   * A government's report on its budget: last year's execution and this year's draft
   * (关于某某市2024年预算执行情况和 2025年预算草案的报告), read for the government's figures, never a department's.
   */
  GOVERNMENT_BUDGET("政府预算报告"),
  /** A government's final accounts (关于某某市2023年市级决算的报告) and their table packages. */
  GOVERNMENT_FINAL("政府决算报告"),
  OTHER("其他");

  private final String label;

  ReportKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Whether this is a government's own budget or final-accounts report, not a department's. */
  public boolean government() {
    return this == GOVERNMENT_BUDGET || this == GOVERNMENT_FINAL;
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
