package org.gongkai.config;

/**
 * Limits for extraction, so one hostile file cannot exhaust memory.
 *
 * @param maxFileBytes files larger than this are reported, not read
 * @param maxChars extracted text longer than this is reported as too long
 */
public record ExtractConfig(long maxFileBytes, int maxChars) {

  public static final long DEFAULT_MAX_FILE_BYTES = 100L << 20;
  public static final int DEFAULT_MAX_CHARS = 20_000_000;

  public ExtractConfig {
    if (maxFileBytes <= 0 || maxChars <= 0) throw new IllegalArgumentException("limits must be positive");
  }

  public static ExtractConfig defaults() {
    return new ExtractConfig(DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_CHARS);
  }
}
