package org.gongkai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.gongkai.TestSupport;
import org.gongkai.config.ServeConfig;
import org.gongkai.index.IndexStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slow-loris and friends, on loopback, with short limits so the test is quick; bounded loops that
 * stop by themselves.
 */
class SlowClientsTest {

  @TempDir static Path dir;
  static IndexStore store;
  static Portal portal;

  @BeforeAll
  static void serve() throws Exception {
    store =
        TestSupport.index(
            dir.resolve("index"),
            List.of(TestSupport.CORPUS.resolve("seeds/000_988c7a9063883e3f.txt")));
    portal =
        org.gongkai.TestSupport.portal(
                new ServeConfig(
                    dir.resolve("index"),
                    "127.0.0.1",
                    0,
                    null,
                    null,
                    new ServeConfig.Limits(4, 800, 5_000)),
                store)
            .start();
  }

  @AfterAll
  static void stop() throws Exception {
    portal.close();
    store.close();
  }

  private static String request(String raw) throws Exception {
    try (Socket s = new Socket("127.0.0.1", portal.port())) {
      s.getOutputStream().write(raw.getBytes(StandardCharsets.UTF_8));
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void aHeaderTrickledByteByByteIsCutOffAtTheHeaderTimeOut() throws Exception {
    assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () -> {
          try (Socket s = new Socket("127.0.0.1", portal.port())) {
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write("GET / HTTP/1.1\r\nHost: localhost\r\n".getBytes(StandardCharsets.US_ASCII));
            long started = System.nanoTime();
            boolean cut = false;
            // never idle (a byte every 100 ms), never done: only the header time-out (800 ms) can
            // end it
            for (int i = 0; i < 100 && !cut; i++) {
              try {
                out.write('X');
                out.flush();
                Thread.sleep(100);
                s.setSoTimeout(1);
                try {
                  if (in.read() == -1) cut = true;
                } catch (java.net.SocketTimeoutException stillOpen) {
                  // nothing to read yet
                }
              } catch (java.io.IOException closed) {
                cut = true;
              }
            }
            assertTrue(cut, "the trickling connection was closed");
            long ms = (System.nanoTime() - started) / 1_000_000;
            assertTrue(
                ms < 5_000, "closed by the header time-out, not the idle one: " + ms + " ms");
          }
        });
  }

  @Test
  void connectionsBeyondTheCapWaitAndTheServerStillAnswersOnceTheyGo() throws Exception {
    List<Socket> held = new ArrayList<>();
    try {
      for (int i = 0; i < 4; i++) held.add(new Socket("127.0.0.1", portal.port()));
      Thread.sleep(200);
      // a fifth connection is not served while four are held
      try (Socket fifth = new Socket()) {
        fifth.connect(new java.net.InetSocketAddress("127.0.0.1", portal.port()), 500);
        fifth
            .getOutputStream()
            .write(
                "GET /help HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
        fifth.setSoTimeout(300);
        boolean answered;
        try {
          answered = fifth.getInputStream().read() != -1;
        } catch (java.net.SocketTimeoutException waiting) {
          answered = false;
        }
        assertEquals(false, answered, "served beyond the cap");
      } catch (java.io.IOException notAccepted) {
        // not accepted at all: also within the cap
      }
    } finally {
      for (Socket s : held) s.close();
    }
    // the held connections are gone (or cut by the header time-out): the server answers again
    assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () -> {
          String answer = "";
          for (int i = 0; i < 50 && !answer.startsWith("HTTP/1.1 200"); i++) {
            answer = request("GET /help HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            if (!answer.startsWith("HTTP/1.1 200")) Thread.sleep(200);
          }
          assertTrue(answer.startsWith("HTTP/1.1 200"), answer.lines().findFirst().orElse(""));
        });
  }

  @Test
  void jettysOwnErrorAnswersCarryTheSecurityHeaders() throws Exception {
    String tooLarge =
        request(
            "GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: "
                + "a".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n");
    assertTrue(tooLarge.startsWith("HTTP/1.1 431"), tooLarge.lines().findFirst().orElse(""));
    String bad =
        request("GET / HTTP/1.1\r\nHost: localhost\r\nBad Header\r\nConnection: close\r\n\r\n");
    assertTrue(bad.startsWith("HTTP/1.1 400"), bad.lines().findFirst().orElse(""));
    for (String answer : List.of(tooLarge, bad)) {
      String head =
          answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase(java.util.Locale.ROOT);
      assertTrue(head.contains("content-security-policy: default-src 'self'"), head);
      assertTrue(head.contains("x-content-type-options: nosniff"), head);
      assertTrue(head.contains("x-frame-options: deny"), head);
      assertTrue(head.contains("referrer-policy: same-origin"), head);
    }
  }
}
