package org.gongkai.model;

/**
 * A phrase the index holds that is one character off what was typed ({@code 公务接侍费} → {@code
 * 公务接待费}), with the number of sections holding it: offered where a search finds nothing.
 */
public record Suggestion(String typed, String phrase, long hits) {}
