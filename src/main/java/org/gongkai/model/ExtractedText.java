package org.gongkai.model;

import java.util.Map;

/**
 * Raw text of one file as the extractor produced it, with the file's media type and useful metadata
 * (title, author, created, modified). Pages of paginated formats are separated by form feeds.
 */
public record ExtractedText(String text, String mediaType, Map<String, String> metadata) {
  public ExtractedText {
    metadata = Map.copyOf(metadata);
  }
}
