package org.gongkai.indicators;

import java.util.function.Supplier;

/**
 * The time a file's figures and checks may take, looked at inside their loops: the file's budget
 * was checked only after the stage, so a file of tens of thousands of statements held a run long
 * past it. Reading and checking figures is plain computation on one thread, nothing that an
 * interrupt stops; each loop over lines, statements or tables asks {@link #check} instead.
 */
public final class TimeLimit {

  /** The time is up: thrown from inside the work, caught by whoever set the limit. */
  public static final class Exceeded extends RuntimeException {
    Exceeded() {
      super("over the time limit", null, false, false);
    }
  }

  private static final ThreadLocal<long[]> DEADLINE = new ThreadLocal<>();

  private TimeLimit() {}

  /**
   * {@code work}, stopped by {@link Exceeded} once {@link System#nanoTime()} passes {@code
   * deadlineNanos}.
   */
  public static <T> T within(long deadlineNanos, Supplier<T> work) {
    long[] before = DEADLINE.get();
    DEADLINE.set(new long[] {deadlineNanos});
    try {
      return work.get();
    } finally {
      if (before == null) DEADLINE.remove();
      else DEADLINE.set(before);
    }
  }

  /** Throws {@link Exceeded} when this thread's work has a limit and is past it. */
  static void check() {
    long[] deadline = DEADLINE.get();
    if (deadline != null && System.nanoTime() - deadline[0] > 0) throw new Exceeded();
  }
}
