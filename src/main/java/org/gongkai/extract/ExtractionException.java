package org.gongkai.extract;

/**
 * A file could not be turned into text; the message is the reason, phrased for the person who sent
 * it.
 */
public final class ExtractionException extends Exception {
  public ExtractionException(String reason) {
    super(reason);
  }

  public ExtractionException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
