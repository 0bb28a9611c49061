package org.gongkai.model;

/**
 * One issuer's figure for one year, budget against actual: the headline of its 部门预算 and of its 部门决算
 * (either null when that report is not indexed or states no value), the issuer as the 决算 names it
 * (else the 预算).
 */
public record Comparison(
    String issuer, Region region, Integer year, IndicatorRow budget, IndicatorRow actual) {

  /** Actual minus budget, in the figure's comparable unit (万元 for money); null without both. */
  public Double difference() {
    if (budget == null || actual == null) return null;
    return Math.round((actual.value().comparable() - budget.value().comparable()) * 1_000_000)
        / 1_000_000.0;
  }

  /** The difference as a percentage of the budget; null without both or with a budget of 0. */
  public Double percent() {
    Double d = difference();
    if (d == null || budget.value().comparable() == 0) return null;
    return Math.round(d / budget.value().comparable() * 1000) / 10.0;
  }
}
