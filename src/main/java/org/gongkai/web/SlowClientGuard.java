package org.gongkai.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.component.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds what slow or idle clients can hold of the server (slow-loris, slow bodies, slow readers):
 *
 * <ul>
 *   <li>at most so many connections at once (Jetty's connection limit);
 *   <li>a connection waiting for a request's header (its first, or the next on a kept-alive
 *       connection) gets it whole within the header time-out, or is closed: trickling a header a
 *       byte at a time keeps a connection busy but not idle, so the idle time-out alone does not
 *       stop it;
 *   <li>while a request is answered, a body still arriving or an answer being sent moves at least
 *       {@code minBytesPerSecond} over each header time-out's span, or the connection is closed: a
 *       body at a byte per 15 s, or an export read at 64 bytes per 10 s, is never idle either. The
 *       time the server itself takes (nothing in, nothing out yet) is not the client's: it is not
 *       counted;
 *   <li>a connection idle past the idle time-out is closed (Jetty's).
 * </ul>
 *
 * Written here because Jetty 12 has no total time limit for a request's header, and its least data
 * rates are looked at only when the application reads or writes, not while a write waits on a
 * client that reads a trickle. The sweep survives any error (an out-of-memory error elsewhere once
 * ended it for good).
 */
final class SlowClientGuard implements Connection.Listener, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SlowClientGuard.class);

  private final long headerMs;
  private final long minBytesPerSecond;

  /** What the sweep last saw of a connection. */
  private static final class Seen {
    long messagesIn, messagesOut;

    /** When the connection last began to wait for a header, or a request began. */
    long since;

    /** The start of the span a body's or an answer's bytes are counted over, and its counts. */
    long spanStart, bytesIn, bytesOut;

    /** The bytes sent when the request began: the answer has begun once more were sent. */
    long bytesOutAtRequest;
  }

  private final Map<Connection, Seen> open = new ConcurrentHashMap<>();
  private final ScheduledExecutorService sweeper =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "slow-client-guard");
            t.setDaemon(true);
            return t;
          });

  SlowClientGuard(long headerMs, long minBytesPerSecond) {
    this.headerMs = headerMs;
    this.minBytesPerSecond = minBytesPerSecond;
    long every = Math.max(50, headerMs / 4);
    sweeper.scheduleWithFixedDelay(this::sweepSurviving, every, every, TimeUnit.MILLISECONDS);
  }

  SlowClientGuard(long headerMs) {
    this(headerMs, 1024);
  }

  /**
   * Installs the guard, the connection limit and the idle time-out on {@code server}'s connectors.
   */
  static SlowClientGuard install(Server server, int maxConnections, long headerMs, long idleMs) {
    return install(server, maxConnections, headerMs, idleMs, 1024);
  }

  static SlowClientGuard install(
      Server server, int maxConnections, long headerMs, long idleMs, long minBytesPerSecond) {
    SlowClientGuard guard = new SlowClientGuard(headerMs, minBytesPerSecond);
    server.addBean(new NetworkConnectionLimit(maxConnections, server));
    // Javalin adds its connector when it starts the server: configure connectors once they exist
    server.addEventListener(
        new LifeCycle.Listener() {
          @Override
          public void lifeCycleStarting(LifeCycle event) {
            for (Connector c : server.getConnectors()) {
              if (c instanceof ServerConnector sc) {
                sc.addBean(guard);
                sc.setIdleTimeout(idleMs);
              }
            }
          }
        });
    return guard;
  }

  @Override
  public void onOpened(Connection connection) {
    Seen seen = new Seen();
    seen.since = System.currentTimeMillis();
    open.put(connection, seen);
  }

  @Override
  public void onClosed(Connection connection) {
    open.remove(connection);
  }

  /** Connections watched now (read by the tests). */
  int watched() {
    return open.size();
  }

  /** The sweep, never ended by an error: a scheduled task that throws is not run again. */
  private void sweepSurviving() {
    try {
      sweep();
    } catch (Throwable t) {
      try {
        LOG.warn("slow-client sweep failed; sweeping on: {}", t.toString());
      } catch (Throwable ignored) {
        // not even a log line: the next sweep still runs
      }
    }
  }

  void sweep() {
    long now = System.currentTimeMillis();
    for (Map.Entry<Connection, Seen> e : open.entrySet()) {
      try {
        if (tooSlow(e.getKey(), e.getValue(), now)) {
          open.remove(e.getKey());
          cut(e.getKey());
        }
      } catch (RuntimeException broken) {
        open.remove(e.getKey()); // a connection that cannot say how it is doing is not watched
      } catch (Error passing) {
        // out of memory, for one: the other connections are swept, this one again next time
      }
    }
  }

  private boolean tooSlow(Connection c, Seen seen, long now) {
    long in = c.getMessagesIn(), out = c.getMessagesOut();
    long bytesIn = c.getBytesIn(), bytesOut = c.getBytesOut();
    if (in != seen.messagesIn || out != seen.messagesOut) { // a request began, or was answered
      seen.messagesIn = in;
      seen.messagesOut = out;
      seen.since = now;
      seen.spanStart = now;
      seen.bytesIn = bytesIn;
      seen.bytesOut = bytesOut;
      seen.bytesOutAtRequest = bytesOut;
      return false;
    }
    if (in <= out) return now - seen.since > headerMs; // waiting for a whole header
    if (now - seen.spanStart < headerMs) return false;
    long least = minBytesPerSecond * (now - seen.spanStart) / 1000;
    long came = bytesIn - seen.bytesIn, went = bytesOut - seen.bytesOut;
    boolean answering = bytesOut > seen.bytesOutAtRequest;
    // an answer under way that the client takes in a trickle; or a body arriving in a trickle
    // (nothing at all in the span is the server at work, or a stall the idle time-out ends)
    boolean slow = answering ? went < least && waitsOnTheClient(c) : came > 0 && came < least;
    seen.spanStart = now;
    seen.bytesIn = bytesIn;
    seen.bytesOut = bytesOut;
    return slow;
  }

  /**
   * Closes a connection at once, dropping what the system still holds to send it (an answer queued
   * for a client that reads a trickle would otherwise still hold the system's buffers).
   */
  private static void cut(Connection c) {
    try {
      if (c.getEndPoint().getTransport() instanceof java.nio.channels.NetworkChannel channel)
        channel.setOption(java.net.StandardSocketOptions.SO_LINGER, 0);
    } catch (java.io.IOException | RuntimeException notSet) {
      // closed as it is
    }
    c.getEndPoint().close();
  }

  /** Whether the answer's bytes wait for the client to take them (not for the server to write). */
  private static boolean waitsOnTheClient(Connection c) {
    return c.getEndPoint() instanceof org.eclipse.jetty.io.AbstractEndPoint ep
        && ep.getWriteFlusher().isPending();
  }

  @Override
  public void close() {
    sweeper.shutdownNow();
  }
}
