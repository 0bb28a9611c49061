package org.gongkai.text;

import java.io.Reader;

/**
 * Text already folded as the analyses fold it ({@link Analyzers#fold}), handed to them as a Reader:
 * their char filters pass it through and their tokenizers take the string itself instead of copying
 * it out through the filters. The index folds a section's text once for its exact and word fields;
 * read through NFKC's char filter and the script fold, each field had copied it character by
 * character (a fifth of the index stage). Offsets are the folded text's: for fields that index no
 * offsets (the highlighter analyses the stored text as written).
 */
public final class Folded extends Reader {

  private final String text;
  private int next;

  /** {@code folded}: the result of {@link Analyzers#fold}, not any text. */
  public Folded(String folded) {
    this.text = folded;
  }

  /** What is left to read, read at once (the whole text, not a copy, when none was read). */
  String rest() {
    String rest = text.substring(next);
    next = text.length();
    return rest;
  }

  @Override
  public int read(char[] buffer, int offset, int length) {
    if (next >= text.length()) return -1;
    int n = Math.min(length, text.length() - next);
    text.getChars(next, next + n, buffer, offset);
    next += n;
    return n;
  }

  @Override
  public void close() {
    next = text.length();
  }
}
