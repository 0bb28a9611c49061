package org.gongkai.model;

/**
 * A passage of a document's clean text that a flag points at — a heading naming another year, a
 * placeholder, a doubled 。。 — with its offsets, so it can be opened at its page and section.
 */
public record Quote(String text, int start, int end) {}
