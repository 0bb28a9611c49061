package org.gongkai.ingest;

import java.util.Map;
import org.gongkai.model.PageRole;
import org.gongkai.model.RegionMatch;
import org.gongkai.model.ReportKind;

/**
 * What a document says about itself — title, issuer, department type, kind, year, region — and, per
 * field ({@code title}, {@code issuer}, {@code year}, {@code kind}, {@code region}), where it was
 * decided: {@code title}, {@code tableHeader}, {@code pageChrome}, {@code text}, {@code fileTitle},
 * or {@code issuer} (a region read from the issuer's name, a title made from the issuer). {@code
 * role} is what the file is (only a report is given a report's kind), {@code roleWhy} what decided
 * it.
 */
public record DocumentMetadata(
    String title,
    String issuer,
    String departmentType,
    ReportKind kind,
    Integer year,
    RegionMatch region,
    Map<String, String> decidedFrom,
    PageRole role,
    String roleWhy) {

  public DocumentMetadata {
    decidedFrom = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(decidedFrom));
    role = role == null ? PageRole.REPORT : role;
  }

  /** Metadata of a report. */
  public DocumentMetadata(
      String title,
      String issuer,
      String departmentType,
      ReportKind kind,
      Integer year,
      RegionMatch region,
      Map<String, String> decidedFrom) {
    this(title, issuer, departmentType, kind, year, region, decidedFrom, PageRole.REPORT, null);
  }
}
