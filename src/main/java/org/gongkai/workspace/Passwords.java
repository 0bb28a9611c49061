package org.gongkai.workspace;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Passwords hashed with Argon2id (Spring Security's encoder over Bouncy Castle: salt, memory and
 * iterations in the stored string, so they can be raised later without losing old hashes).
 */
final class Passwords {
  private Passwords() {}

  private static final Argon2PasswordEncoder ENCODER =
      Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();

  /** The fewest characters a password may have. */
  static final int MIN_LENGTH = 10;

  static final int MAX_LENGTH = 1024;

  /**
   * A hash compared against when no such user exists, so a wrong name costs the time a wrong
   * password does (no telling which names exist by timing).
   */
  private static final String DECOY = ENCODER.encode("no such user: a decoy's password");

  static String hash(char[] password) {
    return ENCODER.encode(java.nio.CharBuffer.wrap(password));
  }

  static boolean matches(char[] password, String hash) {
    return ENCODER.matches(java.nio.CharBuffer.wrap(password), hash);
  }

  /** Spends the time a check of a password takes, against nothing. */
  static void decoy(char[] password) {
    ENCODER.matches(java.nio.CharBuffer.wrap(password), DECOY);
  }

  /** Why {@code password} cannot be one, or null. */
  static String refusal(char[] password) {
    if (password == null || password.length < MIN_LENGTH)
      return "a password has at least " + MIN_LENGTH + " characters";
    if (password.length > MAX_LENGTH) return "a password has at most " + MAX_LENGTH + " characters";
    return null;
  }
}
