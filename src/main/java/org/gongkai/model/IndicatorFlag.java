package org.gongkai.model;

import java.util.List;

/**
 * A place where a report contradicts itself, as data: which {@code check} failed, the message that
 * says how ({@code code}: {@code flag.<code>} in the message bundles, filled with {@code args}) and
 * the statements involved (so each can be opened at its source). An argument written {@code
 * figure:<id>} names an indicator and {@code role:<ROLE>} a {@link Role}; both are worded in the
 * reader's language.
 */
public record IndicatorFlag(
    String check, String code, List<String> args, List<IndicatorValue> sources) {
  public IndicatorFlag {
    args = List.copyOf(args);
    sources = List.copyOf(sources);
  }

  /** An argument naming the indicator {@code id}. */
  public static String figure(String id) {
    return "figure:" + id;
  }

  /** An argument naming a scope (worded as whose money, which money, which year). */
  public static String scope(Scope scope) {
    return "scope:" + scope.code();
  }

  /** An argument naming a role. */
  public static String role(Role role) {
    return "role:" + role.name();
  }
}
