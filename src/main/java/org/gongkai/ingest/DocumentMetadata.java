package org.gongkai.ingest;

import java.util.Map;
import org.gongkai.model.RegionMatch;
import org.gongkai.model.ReportKind;

/**
 * What a document says about itself — title, issuer, department type, kind, year, region — and, per
 * field ({@code title}, {@code issuer}, {@code year}, {@code kind}, {@code region}), where it was
 * decided: {@code title}, {@code tableHeader}, {@code pageChrome}, {@code text}, {@code fileTitle},
 * or {@code issuer} (a region read from the issuer's name, a title made from the issuer).
 */
public record DocumentMetadata(
    String title,
    String issuer,
    String departmentType,
    ReportKind kind,
    Integer year,
    RegionMatch region,
    Map<String, String> decidedFrom) {

  public DocumentMetadata {
    decidedFrom = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(decidedFrom));
  }
}
