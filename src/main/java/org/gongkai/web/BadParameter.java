package org.gongkai.web;

/**
 * A URL parameter that cannot be read ({@code page=abc}, {@code size=-1}, {@code year=abc}): the
 * page answers 400 with what to type, in the bundle's words ({@code key} and its {@code args}),
 * rather than silently reading something else.
 */
final class BadParameter extends RuntimeException {
  final String key;
  final transient Object[] args;

  BadParameter(String key, Object... args) {
    super(key, null, false, false);
    this.key = key;
    this.args = args;
  }
}
