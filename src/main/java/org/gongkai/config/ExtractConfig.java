package org.gongkai.config;

import java.time.Duration;

/**
 * Limits for extraction, so one hostile file cannot exhaust memory or time.
 *
 * @param maxFileBytes files larger than this are reported, not read
 * @param maxChars extracted text longer than this is reported as too long
 * @param parseTimeout a file whose parsing takes longer is reported as timed out
 * @param maxEmbeddedDepth documents embedded deeper than this (a sheet in a document in a zip …)
 *     are skipped
 * @param maxEmbedded at most this many embedded documents are read per file
 * @param ocr how pages without a text layer are read
 */
public record ExtractConfig(
    long maxFileBytes,
    int maxChars,
    Duration parseTimeout,
    int maxEmbeddedDepth,
    int maxEmbedded,
    OcrConfig ocr) {

  public static final long DEFAULT_MAX_FILE_BYTES = 100L << 20;
  public static final int DEFAULT_MAX_CHARS = 20_000_000;
  public static final Duration DEFAULT_PARSE_TIMEOUT = Duration.ofSeconds(120);
  public static final int DEFAULT_MAX_EMBEDDED_DEPTH = 2;
  public static final int DEFAULT_MAX_EMBEDDED = 100;

  public ExtractConfig {
    if (maxFileBytes <= 0
        || maxChars <= 0
        || parseTimeout.isNegative()
        || parseTimeout.isZero()
        || maxEmbeddedDepth < 0
        || maxEmbedded < 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  public ExtractConfig(
      long maxFileBytes,
      int maxChars,
      Duration parseTimeout,
      int maxEmbeddedDepth,
      int maxEmbedded) {
    this(maxFileBytes, maxChars, parseTimeout, maxEmbeddedDepth, maxEmbedded, OcrConfig.defaults());
  }

  public static ExtractConfig defaults() {
    return new ExtractConfig(
        DEFAULT_MAX_FILE_BYTES,
        DEFAULT_MAX_CHARS,
        DEFAULT_PARSE_TIMEOUT,
        DEFAULT_MAX_EMBEDDED_DEPTH,
        DEFAULT_MAX_EMBEDDED);
  }

  /** The same limits with other OCR settings. */
  public ExtractConfig withOcr(OcrConfig ocr) {
    return new ExtractConfig(
        maxFileBytes, maxChars, parseTimeout, maxEmbeddedDepth, maxEmbedded, ocr);
  }
}
