package org.gongkai.index;

import java.io.IOException;

/**
 * The index cannot be opened, said in one line for people: another run holds it, the path is not a
 * folder, or its files are damaged. Commands answer it with exit code 4, not a stack trace.
 */
public final class IndexUnavailableException extends IOException {

  public IndexUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
