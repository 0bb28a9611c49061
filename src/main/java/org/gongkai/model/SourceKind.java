package org.gongkai.model;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a figure was read: a sentence, a table row, a sentence saying there was none (a statement),
 * or derived from figures the document states (“三公”经费 as the sum of its three items). {@link #code}
 * is the API's word.
 */
public enum SourceKind {
  TEXT,
  TABLE,
  STATEMENT,
  DERIVED;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<SourceKind> ofCode(String code) {
    for (SourceKind k : values()) if (k.code().equals(code)) return Optional.of(k);
    return Optional.empty();
  }
}
