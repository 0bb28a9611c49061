package org.gongkai.config;

import java.nio.file.Path;

/**
 * How the portal is served: the index directory, the port ({@code 0} picks a free one), and in
 * development mode the folder whose {@code templates/} and {@code static/} are read live (null: the
 * copies packaged in the jar).
 */
public record ServeConfig(Path index, int port, Path devRoot) {

  public static final int DEFAULT_PORT = 7070;

  public ServeConfig {
    if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be 0–65535, not " + port);
  }

  public boolean devMode() {
    return devRoot != null;
  }
}
