package org.gongkai.web;

import java.util.Set;
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

/**
 * Bounds what slow or idle clients can hold of the server (slow-loris): at most so many connections
 * at once, a connection idle for too long is closed, and a connection that has not sent one whole
 * request within the header time-out of opening is closed (see {@code ServeConfig.Limits}) —
 * trickling a header a byte at a time keeps a connection busy but not idle, so the idle time-out
 * alone does not stop it. Written here because Jetty 12 has no total time limit for a request's
 * header; its connection limit and idle time-out are used as they are.
 */
final class SlowClientGuard implements Connection.Listener, AutoCloseable {

  private final long headerMs;
  private final Set<Connection> waiting = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService sweeper =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "slow-client-guard");
            t.setDaemon(true);
            return t;
          });

  SlowClientGuard(long headerMs) {
    this.headerMs = headerMs;
    sweeper.scheduleWithFixedDelay(
        this::sweep, Math.max(50, headerMs / 4), Math.max(50, headerMs / 4), TimeUnit.MILLISECONDS);
  }

  /**
   * Installs the guard, the connection limit and the idle time-out on {@code server}'s connectors.
   */
  static SlowClientGuard install(Server server, int maxConnections, long headerMs, long idleMs) {
    SlowClientGuard guard = new SlowClientGuard(headerMs);
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
    waiting.add(connection);
  }

  @Override
  public void onClosed(Connection connection) {
    waiting.remove(connection);
  }

  private void sweep() {
    long now = System.currentTimeMillis();
    for (Connection c : waiting) {
      if (c.getMessagesIn() > 0) {
        waiting.remove(c); // a whole request arrived: from here the idle time-out governs it
      } else if (now - c.getCreatedTimeStamp() > headerMs) {
        waiting.remove(c);
        c.getEndPoint().close();
      }
    }
  }

  @Override
  public void close() {
    sweeper.shutdownNow();
  }
}
