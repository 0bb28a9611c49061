package org.gongkai.model;

/** A report as lists name it: its id, title, issuer, region, year and kind. */
public record ReportRef(
    String docId, String title, String issuer, Region region, Integer year, String kind) {}
