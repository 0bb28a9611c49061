package org.gongkai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.junit.jupiter.api.Test;

/**
 * The guard's sweep outlives errors: an out-of-memory error met while looking at one connection
 * (the heap filled by other requests) neither ends the sweeping for good nor spares the others.
 */
class SlowClientGuardTest {

  /** A connection waiting for its first header since it opened; {@code closed} counts down. */
  private static Connection waiting(CountDownLatch closed, AtomicInteger errorsFirst) {
    long opened = System.currentTimeMillis();
    EndPoint endPoint =
        (EndPoint)
            Proxy.newProxyInstance(
                EndPoint.class.getClassLoader(),
                new Class<?>[] {EndPoint.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("close")) closed.countDown();
                  return defaultOf(method.getReturnType());
                });
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getMessagesIn" -> {
                    if (errorsFirst.getAndDecrement() > 0)
                      throw new OutOfMemoryError("Java heap space");
                    yield 0L;
                  }
                  case "getEndPoint" -> endPoint;
                  case "getCreatedTimeStamp" -> opened;
                  case "hashCode" -> System.identityHashCode(proxy);
                  case "equals" -> proxy == args[0];
                  default -> defaultOf(method.getReturnType());
                });
  }

  private static Object defaultOf(Class<?> type) {
    if (type == long.class) return 0L;
    if (type == int.class) return 0;
    if (type == boolean.class) return false;
    return null;
  }

  @Test
  void errorsInTheSweepEndNeitherTheSweepNorTheOthersCutOff() {
    try (SlowClientGuard guard = new SlowClientGuard(200, 1024)) {
      CountDownLatch troubledClosed = new CountDownLatch(1);
      CountDownLatch otherClosed = new CountDownLatch(1);
      // the first connection throws OutOfMemoryError at each of the first ten looks
      guard.onOpened(waiting(troubledClosed, new AtomicInteger(10)));
      guard.onOpened(waiting(otherClosed, new AtomicInteger(0)));
      assertTimeoutPreemptively(
          Duration.ofSeconds(20),
          () -> {
            otherClosed.await(); // past its header time-out, though the sweep met errors
            troubledClosed.await(); // and the troubled one too, once it answers again
          });
      assertEquals(0, guard.watched());
    }
  }
}
