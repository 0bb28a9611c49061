package org.gongkai.model;

import java.util.List;

/**
 * Everything ingest makes of one file: the document, the figures it states (headlines marked) and
 * the places where it contradicts itself, and which standard tables it discloses. What {@code
 * index} writes and {@code inspect} shows. {@code tablesSummed} counts its tables whose sums were
 * checked, {@code tablesMisread} those of them not understood (most of their sums fail: a misread,
 * never flagged as the report's error). {@code projects} is what it says of its projects, {@code
 * units} which budget units it covers, {@code purchases} what its procurement table lists (a
 * department's report; none for others).
 */
public record IngestedDocument(
    DisclosureDocument document,
    List<IndicatorValue> figures,
    List<IndicatorFlag> flags,
    Completeness completeness,
    int tablesSummed,
    int tablesMisread,
    ProjectReading projects,
    UnitReading units,
    PurchaseReading purchases) {
  public IngestedDocument {
    figures = List.copyOf(figures);
    flags = List.copyOf(flags);
    if (projects == null) projects = ProjectReading.NONE;
    if (units == null) units = UnitReading.NONE;
    if (purchases == null) purchases = PurchaseReading.NONE;
  }

  public IngestedDocument(
      DisclosureDocument document,
      List<IndicatorValue> figures,
      List<IndicatorFlag> flags,
      Completeness completeness,
      int tablesSummed,
      int tablesMisread,
      ProjectReading projects) {
    this(
        document,
        figures,
        flags,
        completeness,
        tablesSummed,
        tablesMisread,
        projects,
        UnitReading.NONE,
        PurchaseReading.NONE);
  }

  public IngestedDocument(
      DisclosureDocument document,
      List<IndicatorValue> figures,
      List<IndicatorFlag> flags,
      Completeness completeness,
      int tablesSummed,
      int tablesMisread) {
    this(document, figures, flags, completeness, tablesSummed, tablesMisread, ProjectReading.NONE);
  }

  public IngestedDocument(
      DisclosureDocument document,
      List<IndicatorValue> figures,
      List<IndicatorFlag> flags,
      Completeness completeness) {
    this(document, figures, flags, completeness, 0, 0, ProjectReading.NONE);
  }
}
