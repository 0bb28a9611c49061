package org.gongkai.model;

import java.util.Optional;

/**
 * Which figure a stated value is: this year's actual (决算), the budget set at the start of the year
 * or as adjusted during it, this year's budget (in a budget report), or last year's figure. {@link
 * #label} is the report's word.
 */
public enum Role {
  ACTUAL("本年决算"),
  INITIAL_BUDGET("年初预算"),
  ADJUSTED_BUDGET("调整预算"),
  PLANNED("本年预算"),
  PREVIOUS_YEAR("上年"),
  /** A government's budget report on the year just ended: what it collected and spent (执行数). */
  EXECUTED("执行数");

  private final String label;

  Role(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Optional<Role> ofLabel(String label) {
    for (Role r : values()) if (r.label.equals(label)) return Optional.of(r);
    return Optional.empty();
  }

  /** The figure a report of {@code kind} states as its own: a budget plans, the others account. */
  public static Role ownFigure(ReportKind kind) {
    return kind == ReportKind.BUDGET || kind == ReportKind.GOVERNMENT_BUDGET ? PLANNED : ACTUAL;
  }
}
