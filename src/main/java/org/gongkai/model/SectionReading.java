package org.gongkai.model;

/**
 * One section as its page shows it: the section, its document, its neighbours (null at the ends)
 * and its heading and body with the query's hits (or one figure) marked.
 */
public record SectionReading(
    IndexedSection section,
    IndexedDocument document,
    IndexedSection previous,
    IndexedSection next,
    Marked heading,
    Marked body) {}
