package org.gongkai.config;

import java.nio.file.Path;

/**
 * How the portal is served: the index directory, the address it listens on ({@code 127.0.0.1} by
 * default: only this machine; {@code 0.0.0.0} every address, when asked), the port ({@code 0} picks a
 * free one), and in development mode the folder whose {@code templates/} and {@code static/} are
 * read live (null: the copies packaged in the jar).
 */
public record ServeConfig(Path index, String host, int port, Path devRoot) {

  public static final int DEFAULT_PORT = 7070;
  public static final String DEFAULT_HOST = "127.0.0.1";

  public ServeConfig {
    if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be 0–65535, not " + port);
    if (host == null || host.isBlank()) throw new IllegalArgumentException("no address to listen on");
  }

  /** On this machine only. */
  public ServeConfig(Path index, int port, Path devRoot) {
    this(index, DEFAULT_HOST, port, devRoot);
  }

  public boolean devMode() {
    return devRoot != null;
  }
}
