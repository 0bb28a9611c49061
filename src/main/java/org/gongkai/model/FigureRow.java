package org.gongkai.model;

import java.util.Map;

/**
 * One report with several of its headline figures side by side ({@code values} by indicator id; a
 * figure the report does not state is absent) and its staff count ({@code 实有人数}, null when not
 * stated) for figures per person.
 */
public record FigureRow(
    ReportRef report, Map<String, IndicatorValue> values, IndicatorValue staff) {

  public FigureRow {
    values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
  }

  /** A figure per person of the staff (its comparable value ÷ 实有人数), or null. */
  public Double perPerson(String indicator) {
    IndicatorValue v = values.get(indicator);
    if (v == null || staff == null || staff.value() <= 0) return null;
    return Math.round(v.comparable() / staff.value() * 10_000) / 10_000.0;
  }
}
