package org.gongkai.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.gongkai.config.ServeConfig;
import picocli.CommandLine.Option;

/** The options {@code serve} and {@code demo} share, checked before either does any work. */
final class ServerOptions {

  @Option(
      names = "--index",
      paramLabel = "DIR",
      description = "Index directory (default: ${DEFAULT-VALUE}).")
  Path index = Path.of("index");

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port = ServeConfig.DEFAULT_PORT;

  @Option(
      names = "--host",
      paramLabel = "ADDRESS",
      description =
          "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for every address).")
  String host = ServeConfig.DEFAULT_HOST;

  @Option(
      names = "--public-url",
      paramLabel = "URL",
      description =
          "The address readers reach the portal at (https://gongkai.example.org): permalinks and citations are absolute with it, relative without.")
  String publicUrl;

  @Option(
      names = "--dev",
      description =
          "Read templates/ and static/ from the working directory, so edits show without a rebuild.")
  boolean dev;

  /** The settings these options make for the portal over {@code index}. */
  ServeConfig config(Path index) {
    return new ServeConfig(index, host, port, devRoot(), publicUrl);
  }

  /** The portal's address as people type it. */
  static String url(String host, int port) {
    String shown =
        host.equals("0.0.0.0") || host.equals("::")
            ? "localhost"
            : host.contains(":") ? "[" + host + "]" : host;
    return "http://" + shown + ":" + port + "/";
  }

  /** The folder templates and static files are read from with {@code --dev}; null without it. */
  Path devRoot() {
    return dev ? Path.of("").toAbsolutePath() : null;
  }

  /** Says what is wrong with the options and returns false, or returns true. */
  boolean valid(Console console) {
    if (port < 0 || port > 65535) {
      console.err().println("gongkai: --port must be 0–65535");
      return false;
    }
    // an address literal (or localhost) only: a name would need a DNS look-up, which may hang
    if (!host.equals("localhost")
        && !host.matches("[0-9]{1,3}(?:\\.[0-9]{1,3}){3}|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*")) {
      console
          .err()
          .println("gongkai: --host takes an IP address (127.0.0.1, 0.0.0.0, ::1 …), not " + host);
      return false;
    }
    if (publicUrl != null && !ServeConfig.validPublicUrl(publicUrl)) {
      console
          .err()
          .println(
              "gongkai: --public-url takes an http(s) address without query, such as https://gongkai.example.org, not "
                  + publicUrl);
      return false;
    }
    if (dev && !Files.isDirectory(devRoot().resolve("templates"))) {
      console
          .err()
          .println(
              "gongkai: --dev needs templates/ and static/ in the working directory (run it from the repository root)");
      return false;
    }
    // a port another server holds is found now, before demo spends a minute indexing
    if (port != 0) {
      try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
        probe.setReuseAddress(true);
        probe.bind(new java.net.InetSocketAddress(host, port));
      } catch (java.io.IOException inUse) {
        console
            .err()
            .println(
                "gongkai: port "
                    + port
                    + " on "
                    + host
                    + " is in use (another Gongkai running? choose one with --port N)");
        return false;
      }
    }
    return true;
  }
}
