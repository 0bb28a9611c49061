package org.gongkai.config;

import java.nio.file.Path;

/**
 * How the portal is served: the index directory, the address it listens on ({@code 127.0.0.1} by
 * default: only this machine; {@code 0.0.0.0} every address, when asked), the port ({@code 0} picks
 * a free one), in development mode the folder whose {@code templates/} and {@code static/} are read
 * live (null: the copies packaged in the jar), and the public URL absolute links start with (null:
 * links are relative; nothing a request says — its Host header, its path — ever makes a link).
 */
public record ServeConfig(
    Path index, String host, int port, Path devRoot, String publicUrl, Limits limits) {

  /**
   * What slow or idle clients may hold: connections at once, how long a connection may take to send
   * its first whole request (a slow-loris trickles its header), and how long it may stay idle.
   */
  public record Limits(
      int maxConnections,
      long headerTimeoutMs,
      long idleTimeoutMs,
      long minBytesPerSecond,
      int maxBatches,
      int maxExports) {
    /**
     * A request's header within 10 s (every request's, not only a connection's first), no
     * connection idle 30 s, a body or an answer moving at least 1 KiB/s; batches one per core (at
     * least two) and exports four per core (at least eight) at once.
     */
    public static final Limits DEFAULT = new Limits(512, 10_000, 30_000);

    public Limits {
      if (maxConnections < 1
          || headerTimeoutMs < 1
          || idleTimeoutMs < 1
          || minBytesPerSecond < 1
          || maxBatches < 1
          || maxExports < 1) throw new IllegalArgumentException("limits must be positive");
    }

    /** With the default least rate of a body or an answer, and of batches and exports at once. */
    public Limits(int maxConnections, long headerTimeoutMs, long idleTimeoutMs) {
      this(
          maxConnections,
          headerTimeoutMs,
          idleTimeoutMs,
          1024,
          Math.max(2, Runtime.getRuntime().availableProcessors()),
          Math.max(8, 4 * Runtime.getRuntime().availableProcessors()));
    }
  }

  public static final int DEFAULT_PORT = 7070;
  public static final String DEFAULT_HOST = "127.0.0.1";

  public ServeConfig {
    if (port < 0 || port > 65535)
      throw new IllegalArgumentException("port must be 0–65535, not " + port);
    if (host == null || host.isBlank())
      throw new IllegalArgumentException("no address to listen on");
    if (publicUrl != null) {
      if (!validPublicUrl(publicUrl))
        throw new IllegalArgumentException("not an http(s) URL without query: " + publicUrl);
      publicUrl = publicUrl.replaceAll("/+$", "");
    }
  }

  /** On this machine only, with relative links. */
  public ServeConfig(Path index, int port, Path devRoot) {
    this(index, DEFAULT_HOST, port, devRoot, null);
  }

  /** With the default limits on slow clients. */
  public ServeConfig(Path index, String host, int port, Path devRoot, String publicUrl) {
    this(index, host, port, devRoot, publicUrl, Limits.DEFAULT);
  }

  /**
   * Whether {@code url} can start every absolute link: http(s), a host, maybe a port and a path; no
   * query or fragment.
   */
  public static boolean validPublicUrl(String url) {
    return url.matches(
        "https?://[A-Za-z0-9.-]+(?::[0-9]{1,5})?(?:/[A-Za-z0-9._~%!$&'()*+,;=:@/-]*)?");
  }

  public boolean devMode() {
    return devRoot != null;
  }
}
