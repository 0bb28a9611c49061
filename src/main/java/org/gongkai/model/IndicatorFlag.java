package org.gongkai.model;

import java.util.List;

/**
 * A place where a report contradicts itself: which check failed, a sentence saying how, and the
 * statements involved (so each can be opened at its source).
 */
public record IndicatorFlag(String check, String message, List<IndicatorValue> sources) {
  public IndicatorFlag {
    sources = List.copyOf(sources);
  }
}
