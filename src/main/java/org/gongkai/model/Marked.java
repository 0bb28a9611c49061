package org.gongkai.model;

import java.util.List;

/**
 * Plain text with marked spans (a query's hits, or the very figure a link points at): {@code marks}
 * are {@code [start, end)} offsets into {@code text}, in order and not overlapping. Escaping for
 * HTML happens only where it is shown. {@code at} is where the first mark stands in the text the
 * marked text was cut from (a snippet's first hit in its section), or -1.
 */
public record Marked(String text, List<Span> marks, int at) {

  public record Span(int start, int end) {}

  public Marked {
    marks = List.copyOf(marks);
  }

  public Marked(String text, List<Span> marks) {
    this(text, marks, -1);
  }

  public static Marked plain(String text) {
    return new Marked(text, List.of());
  }

  public boolean hasMarks() {
    return !marks.isEmpty();
  }

  /** The same without leading and trailing white space (marks never start or end on it). */
  public Marked stripped() {
    int from = 0, to = text.length();
    while (from < to && Character.isWhitespace(text.charAt(from))) from++;
    while (to > from && Character.isWhitespace(text.charAt(to - 1))) to--;
    if (from == 0 && to == text.length()) return this;
    int shift = from, end = to;
    return new Marked(
        text.substring(from, to),
        marks.stream()
            .map(s -> new Span(Math.max(0, s.start() - shift), Math.min(end, s.end()) - shift))
            .toList(),
        at);
  }

  /** The text with each mark between {@code open} and {@code close} (for the command line: 【】). */
  public String bracketed(String open, String close) {
    StringBuilder sb = new StringBuilder();
    int pos = 0;
    for (Span s : marks) {
      sb.append(text, pos, s.start()).append(open).append(text, s.start(), s.end()).append(close);
      pos = s.end();
    }
    return sb.append(text, pos, text.length()).toString();
  }
}
