package org.gongkai.model;

/**
 * A report as lists name it: its id, title, issuer, region, year and kind, and the storage key of
 * the private collection it belongs to (null: a public report).
 */
public record ReportRef(
    String docId,
    String title,
    String issuer,
    Region region,
    Integer year,
    String kind,
    String collection) {}
