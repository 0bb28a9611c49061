package org.gongkai.model;

import java.time.Instant;
import java.util.List;

/**
 * One report as a list of reports shows it: what it is, how much it holds ({@code sections}, its
 * headline {@code figures}, the {@code flags} raised on it: contradictions and doubts, not notices
 * nor completeness), its files, and — when the list answers a query — how many of its sections
 * match ({@code matching}, 0 without a query); {@code checks} names the families of checks it fails
 * ({@link CheckFamily} labels, as the facet has them); {@code role} what the file is; {@code
 * collection} the storage key of the private collection it belongs to (null: public).
 */
public record DocumentEntry(
    String docId,
    String title,
    String issuer,
    String department,
    Region region,
    Integer year,
    String kind,
    int sections,
    int figures,
    int flags,
    List<FileRef> files,
    long matching,
    Instant indexedAt,
    boolean ocr,
    List<String> checks,
    PageRole role,
    String collection) {

  public DocumentEntry {
    files = List.copyOf(files);
    checks = checks == null ? List.of() : List.copyOf(checks);
    role = role == null ? PageRole.REPORT : role;
  }
}
