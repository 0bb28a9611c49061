package org.gongkai.web;

import io.javalin.http.Context;
import java.util.concurrent.Semaphore;

/**
 * Work that holds much memory while it runs (a batch of a thousand queries, an export of ten
 * thousand hits) at most so many at once: beyond that a request is answered 503 at once, with
 * {@code Retry-After}, rather than each taking its share of a heap that cannot hold them all (eight
 * batches by issuer ran a 512 MB portal out of memory; 260 exports read slowly held it for
 * minutes).
 */
final class Admission {

  /** What one admitted request holds, given back when it is done. */
  interface Ticket extends AutoCloseable {
    @Override
    void close();
  }

  private final Semaphore permits;
  private final int size;

  Admission(int size) {
    if (size < 1) throw new IllegalArgumentException("at least one at a time");
    this.size = size;
    this.permits = new Semaphore(size);
  }

  /** The work's ticket, or null with the 503 answered. */
  Ticket enter(Context ctx, Pages pages) {
    if (!permits.tryAcquire()) {
      ctx.header("Retry-After", "5");
      pages.error(ctx, 503, "error.busy", size);
      return null;
    }
    java.util.concurrent.atomic.AtomicBoolean given =
        new java.util.concurrent.atomic.AtomicBoolean();
    Runnable release =
        () -> {
          if (given.compareAndSet(false, true)) permits.release();
        };
    // held until the answer's last byte is handed to the connection, not only until the handler
    // returns: Jetty writes its last buffer after, and a client that reads nothing holds it there
    var request =
        org.eclipse.jetty.ee10.servlet.ServletContextRequest.getServletContextRequest(ctx.req());
    if (request != null) {
      org.eclipse.jetty.server.Request.addCompletionListener(request, failure -> release.run());
      return () -> {};
    }
    return release::run;
  }
}
