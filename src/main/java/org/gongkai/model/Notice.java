package org.gongkai.model;

import java.util.List;

/**
 * Something a reader should know about how a query was read (a filter ignored, a bracket closed),
 * as data: {@code code} names the message ({@code note.<code>} in the message bundles) and {@code
 * args} fill it. Worded only where it is shown, in the reader's language.
 */
public record Notice(String code, List<String> args) {

  public Notice {
    args = List.copyOf(args);
  }

  public static Notice of(String code, Object... args) {
    return new Notice(code, java.util.Arrays.stream(args).map(String::valueOf).toList());
  }
}
