package org.gongkai.workspace;

/** A request the workspace refuses, with the reason said to the person who made it. */
public final class WorkspaceException extends RuntimeException {
  public WorkspaceException(String message) {
    super(message);
  }

  public WorkspaceException(String message, Throwable cause) {
    super(message, cause);
  }
}
