package org.gongkai.config;

import java.time.Duration;

/**
 * How scanned PDF pages (pages without a text layer) are read with Tesseract through Tika.
 *
 * @param enabled false to never run OCR (pages without text are then reported)
 * @param language Tesseract's language packs, {@code +}-joined
 * @param dpi the resolution a page is rendered at for OCR
 * @param maxPixels a page is rendered at a lower resolution when it would exceed this many pixels,
 *     so one huge page cannot exhaust memory (8-bit grey: one byte per pixel)
 * @param pageTimeout Tesseract is stopped on a page that takes longer
 * @param maxPages at most this many pages of one file are read by OCR; a file with more is refused
 */
public record OcrConfig(
    boolean enabled, String language, int dpi, long maxPixels, Duration pageTimeout, int maxPages) {

  public OcrConfig {
    if (dpi <= 0
        || maxPixels <= 0
        || pageTimeout.isNegative()
        || pageTimeout.isZero()
        || maxPages < 0) throw new IllegalArgumentException("OCR limits must be positive");
  }

  public static OcrConfig defaults() {
    return new OcrConfig(true, "chi_sim", 300, 40_000_000L, Duration.ofSeconds(60), 300);
  }

  public static OcrConfig disabled() {
    return new OcrConfig(false, "chi_sim", 300, 40_000_000L, Duration.ofSeconds(60), 0);
  }
}
