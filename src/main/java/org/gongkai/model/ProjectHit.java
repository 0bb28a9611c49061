package org.gongkai.model;

/**
 * One statement of a project as the index holds it, with its report's facts to show and link: the
 * report ({@code docId}, {@code title}, {@code issuer}, {@code year}, {@code kind}, {@code region}
 * as a path, {@code department}), the section its name stands in ({@code sectionId}, null when none
 * holds it) and the private collection it belongs to (null for a public report).
 */
public record ProjectHit(
    Project project,
    String docId,
    String sectionId,
    String title,
    String issuer,
    Integer year,
    String kind,
    String region,
    String department,
    String collection) {}
