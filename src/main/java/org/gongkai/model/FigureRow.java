package org.gongkai.model;

import java.util.Map;

/**
 * One report with several of its headline figures side by side ({@code values} by indicator id; a
 * figure the report does not state is absent), its staff count ({@code 实有人数}, null when not stated)
 * for a department's figures per person, and — for a government's report — the resident population
 * it states for the same year ({@code 常住人口} in 万人, null when not stated) for its figures per
 * resident.
 */
public record FigureRow(
    ReportRef report,
    Map<String, IndicatorValue> values,
    IndicatorValue staff,
    IndicatorValue population) {

  public FigureRow {
    values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
  }

  public FigureRow(ReportRef report, Map<String, IndicatorValue> values, IndicatorValue staff) {
    this(report, values, staff, null);
  }

  /**
   * A figure per person, or null: a government's money per resident in 元 (its 万元 × 10,000 ÷ 常住人口,
   * the population of the figure's own year), anything else per person of the staff (its comparable
   * value ÷ 实有人数).
   */
  public Double perPerson(String indicator) {
    IndicatorValue v = values.get(indicator);
    if (v == null) return null;
    if (indicator.startsWith("gov_")) {
      if (population == null || population.value() <= 0 || v.valueWan() == null) return null;
      if (v.scope().period() != population.scope().period()) return null;
      return Math.round(v.valueWan() / population.value() * 100) / 100.0;
    }
    if (staff == null || staff.value() <= 0) return null;
    return Math.round(v.comparable() / staff.value() * 10_000) / 10_000.0;
  }
}
