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
            List.of(
                TestSupport.CORPUS.resolve("seeds/000_988c7a9063883e3f.txt"),
                TestSupport.CORPUS.resolve("formats/002_38d7936824a76ef2.pdf")));
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

  /** Reads what comes until {@code quiet} passes with nothing new; the text so far. */
  private static String readFor(Socket s, int quietMs) throws Exception {
    // the answer's first bytes waited for as long as a loaded machine may take to render a page
    // the first time; then read until the connection is quiet
    s.setSoTimeout(10_000);
    java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      int first = s.getInputStream().read(buffer);
      if (first > 0) got.write(buffer, 0, first);
      s.setSoTimeout(quietMs);
      for (int n; first > 0 && (n = s.getInputStream().read(buffer)) > 0; ) got.write(buffer, 0, n);
    } catch (java.net.SocketTimeoutException quiet) {
      // all there is for now
    }
    return got.toString(StandardCharsets.UTF_8);
  }

  /** Whether the server has closed {@code s}: a read ends, or fails. */
  private static boolean closed(Socket s) {
    try {
      s.setSoTimeout(1);
      return s.getInputStream().read() == -1;
    } catch (java.net.SocketTimeoutException stillOpen) {
      return false;
    } catch (java.io.IOException reset) {
      return true;
    }
  }

  /**
   * The header time-out holds for every request of a kept-alive connection: a first request
   * answered, a second trickled a byte at a time is cut off as a first one is.
   */
  @Test
  void aSecondRequestTrickledOnAKeptAliveConnectionIsCutOff() throws Exception {
    assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () -> {
          try (Socket s = new Socket("127.0.0.1", portal.port())) {
            OutputStream out = s.getOutputStream();
            out.write(
                "GET /help HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String first = readFor(s, 400);
            assertTrue(first.startsWith("HTTP/1.1 200"), first.lines().findFirst().orElse(""));
            out.write("GET / HTTP/1.1\r\nHost: localhost\r\n".getBytes(StandardCharsets.US_ASCII));
            long started = System.nanoTime();
            boolean cut = false;
            for (int i = 0; i < 100 && !cut; i++) {
              try {
                out.write('X');
                out.flush();
                Thread.sleep(100);
                cut = closed(s);
              } catch (java.io.IOException gone) {
                cut = true;
              }
            }
            assertTrue(cut, "the trickling second request was cut off");
            long ms = (System.nanoTime() - started) / 1_000_000;
            assertTrue(ms < 5_000, "by the header time-out, not the idle one: " + ms + " ms");
          }
        });
  }

  /** A body sent a few bytes a second (never idle) is cut off, well before it could end. */
  @Test
  void aBodyTrickledAFewBytesASecondIsCutOff() throws Exception {
    assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () -> {
          try (Socket s = new Socket("127.0.0.1", portal.port())) {
            OutputStream out = s.getOutputStream();
            out.write(
                ("POST /api/batch HTTP/1.1\r\nHost: localhost\r\nContent-Type:"
                        + " application/json\r\nContent-Length: 1000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            long started = System.nanoTime();
            boolean cut = false;
            // 1,000 bytes at 5 a second would take 200 s
            for (int i = 0; i < 1000 && !cut; i++) {
              try {
                out.write(i == 0 ? '{' : ' ');
                out.flush();
                Thread.sleep(200);
                cut = closed(s);
              } catch (java.io.IOException gone) {
                cut = true;
              }
            }
            assertTrue(cut, "the trickled body was cut off");
            long ms = (System.nanoTime() - started) / 1_000_000;
            assertTrue(ms < 5_000, "by its rate, not the idle time-out: " + ms + " ms");
          }
        });
  }

  /**
   * An answer the client takes in a trickle (64 bytes every 100 ms, never idle) is cut off: a
   * download of a 393 KB original would otherwise hold its thread and memory for ten minutes.
   */
  @Test
  void anAnswerReadInATrickleIsCutOff() throws Exception {
    String pdf =
        store.documents().stream()
            .filter(d -> d.files().stream().anyMatch(f -> f.endsWith("002_38d7936824a76ef2.pdf")))
            .findFirst()
            .orElseThrow()
            .docId();
    assertTimeoutPreemptively(
        Duration.ofSeconds(40),
        () -> {
          try (Socket s = new Socket()) {
            s.setReceiveBufferSize(1024);
            s.connect(new java.net.InetSocketAddress("127.0.0.1", portal.port()));
            s.getOutputStream()
                .write(
                    ("GET /d/" + pdf + "/file HTTP/1.1\r\nHost: localhost\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
            long started = System.nanoTime();
            long read = 0;
            boolean cut = false;
            byte[] buffer = new byte[64];
            s.setSoTimeout(2_000);
            while (!cut && System.nanoTime() - started < 30_000_000_000L) {
              try {
                int n = s.getInputStream().read(buffer);
                if (n < 0) cut = true;
                else read += n;
              } catch (java.net.SocketTimeoutException nothingYet) {
                // the server has not written more
              } catch (java.io.IOException reset) {
                cut = true;
              }
              Thread.sleep(100);
            }
            assertTrue(cut, "the trickling reader was cut off after " + read + " bytes");
            assertTrue(read < 393_091, read + " bytes read");
          }
        });
  }

  /** A refused body sent in a trickle gets its 413 at once, not after the body is drained. */
  @Test
  void aTooLargeBodySentInATrickleIsRefusedAtOnce() throws Exception {
    assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () -> {
          try (Socket s = new Socket("127.0.0.1", portal.port())) {
            OutputStream out = s.getOutputStream();
            out.write(
                ("POST /api/batch HTTP/1.1\r\nHost: localhost\r\nContent-Type:"
                        + " application/json\r\nContent-Length: 50000000\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long started = System.nanoTime();
            String answer = readFor(s, 3_000);
            long ms = (System.nanoTime() - started) / 1_000_000;
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer.lines().findFirst().orElse(""));
            assertTrue(ms < 3_000, "answered in " + ms + " ms");
          }
        });
  }
}
