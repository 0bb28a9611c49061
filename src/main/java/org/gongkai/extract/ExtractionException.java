package org.gongkai.extract;

/**
 * A file could not be turned into text; the message is the reason, phrased for the person who sent
 * it.
 */
public final class ExtractionException extends Exception {
  private final boolean emptyPage;

  public ExtractionException(String reason) {
    this(reason, false);
  }

  private ExtractionException(String reason, boolean emptyPage) {
    super(reason);
    this.emptyPage = emptyPage;
  }

  /**
   * A web page with no text of its own: a shell a script draws, a redirect, a server's error page.
   * A crawl brings home many; they are said apart from files that failed.
   */
  public static ExtractionException ofEmptyPage() {
    return new ExtractionException("a web page with no text of its own", true);
  }

  /** Whether this is a web page with no text of its own, not a file that failed. */
  public boolean isEmptyPage() {
    return emptyPage;
  }

  public ExtractionException(String reason, Throwable cause) {
    super(reason, cause);
    this.emptyPage = false;
  }
}
