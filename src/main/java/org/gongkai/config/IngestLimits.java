package org.gongkai.config;

import java.time.Duration;

/**
 * Limits on what one file may become, applied after extraction whatever its format, so one hostile
 * or absurd file costs one file and never the run: its clean text's characters, its sections, the
 * lines of one section, its figures, and the time the whole pipeline (extract, clean, split,
 * metadata, figures) may take for it.
 */
public record IngestLimits(
    int maxChars, int maxSections, int maxSectionLines, int maxFigures, Duration budget) {

  public static final int DEFAULT_MAX_SECTIONS = 20_000;
  public static final int DEFAULT_MAX_SECTION_LINES = 100_000;
  public static final int DEFAULT_MAX_FIGURES = 50_000;
  public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(300);

  public IngestLimits {
    if (maxChars < 1
        || maxSections < 1
        || maxSectionLines < 1
        || maxFigures < 1
        || budget.isNegative()
        || budget.isZero()) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  public static IngestLimits defaults() {
    return new IngestLimits(
        ExtractConfig.DEFAULT_MAX_CHARS,
        DEFAULT_MAX_SECTIONS,
        DEFAULT_MAX_SECTION_LINES,
        DEFAULT_MAX_FIGURES,
        DEFAULT_BUDGET);
  }
}
