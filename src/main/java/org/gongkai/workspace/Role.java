package org.gongkai.workspace;

import java.util.Locale;
import java.util.Optional;

/**
 * What a user of a workspace may do: an {@code admin} manages accounts and reads the audit log, an
 * {@code editor} adds to the collections shared with them as editor, a {@code reader} reads.
 */
public enum Role {
  ADMIN,
  EDITOR,
  READER;

  /** The word stored and typed ({@code admin}). */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Role> of(String code) {
    for (Role r : values()) if (r.code().equals(code)) return Optional.of(r);
    return Optional.empty();
  }
}
