package org.gongkai.model;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Raw text of one file as the extractor produced it, with the file's media type and useful metadata
 * (title, author, created, modified). Pages of paginated formats are separated by form feeds.
 * {@code ocr} says which pages had no text layer and were read by OCR.
 */
public record ExtractedText(String text, String mediaType, Map<String, String> metadata, Ocr ocr) {
  public ExtractedText {
    metadata = Map.copyOf(metadata);
  }

  public ExtractedText(String text, String mediaType, Map<String, String> metadata) {
    this(text, mediaType, metadata, Ocr.NONE);
  }

  /**
   * The pages (counting from 1) whose text came from OCR, of {@code pageCount}, and how long OCR
   * took.
   */
  public record Ocr(List<Integer> pages, int pageCount, Duration took) {
    public static final Ocr NONE = new Ocr(List.of(), 0, Duration.ZERO);

    public Ocr {
      pages = List.copyOf(pages);
    }

    public boolean any() {
      return !pages.isEmpty();
    }
  }
}
