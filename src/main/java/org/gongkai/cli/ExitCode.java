package org.gongkai.cli;

/** The command line's exit codes, a public contract. */
public final class ExitCode {
  private ExitCode() {}

  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;
  public static final int SOME_FAILED = 3;

  /** The index is busy (another run writes to it), not a folder, or damaged. */
  public static final int INDEX_UNAVAILABLE = 4;
}
