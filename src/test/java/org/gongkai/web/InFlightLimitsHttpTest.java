package org.gongkai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.gongkai.TestSupport;
import org.gongkai.config.ServeConfig;
import org.gongkai.index.IndexStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exports and batches at once are bounded (here one of each): one more is answered 503 at once,
 * with Retry-After and words that say why, and served again once the first is done.
 */
class InFlightLimitsHttpTest {

  @TempDir static Path dir;
  static IndexStore store;
  static Portal portal;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void serve() throws Exception {
    store = TestSupport.index(dir.resolve("index"), List.of(TestSupport.CORPUS.resolve("formats")));
    portal =
        TestSupport.portal(
                new ServeConfig(
                    dir.resolve("index"),
                    "127.0.0.1",
                    0,
                    null,
                    null,
                    new ServeConfig.Limits(16, 10_000, 30_000, 1024, 1, 1)),
                store)
            .start();
  }

  @AfterAll
  static void stop() throws Exception {
    portal.close();
    store.close();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** A client that asks and then does not read: its answer waits, holding what it was given. */
  static Socket holding(String request) throws Exception {
    Socket s = new Socket();
    s.setReceiveBufferSize(1024);
    s.connect(new java.net.InetSocketAddress("127.0.0.1", portal.port()));
    s.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
    s.getOutputStream().flush();
    // its answer has begun (it is past its admission, and writing) ...
    long until = System.nanoTime() + 30_000_000_000L;
    while (s.getInputStream().available() == 0 && System.nanoTime() - until < 0) Thread.sleep(10);
    // ... and is soon stuck: the client takes nothing, the buffers between fill in moments
    Thread.sleep(2_000);
    return s;
  }

  static HttpResponse<String> get(String pathAndQuery) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + portal.port() + pathAndQuery))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static HttpResponse<String> batch(String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + portal.port() + "/api/batch"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void asecondExportWhileOneIsUnderWayIsAnswered503AtOnce() throws Exception {
    String export = "/api/search?q=&format=jsonl"; // every section: 120 KB
    // twenty exports asked at once on one connection, none read: more than the buffers between
    // hold, so one of them waits on the client in the middle of its answer
    try (Socket first =
        holding(("GET " + export + " HTTP/1.1\r\nHost: localhost\r\n\r\n").repeat(20))) {
      HttpResponse<String> second = get(export);
      assertEquals(503, second.statusCode(), second.body());
      assertEquals("5", second.headers().firstValue("Retry-After").orElse(""));
      assertEquals(
          "{\"error\":\"The server is already doing as many of these as it does at once (1):"
              + " please try again in a few seconds.\"}",
          second.body().replaceAll("\\s*\\n\\s*", "").replace("\" : \"", "\":\""));
      // searching is not an export: served meanwhile
      assertEquals(200, get("/api/search?q=" + enc("经费")).statusCode());
    }
    HttpResponse<String> again = get(export);
    for (int i = 0; i < 50 && again.statusCode() == 503; i++) {
      Thread.sleep(100); // the held answer's connection is being closed
      again = get(export);
    }
    assertEquals(200, again.statusCode());
  }

  @Test
  void aSecondBatchWhileOneIsUnderWayIsAnswered503AtOnce() throws Exception {
    StringBuilder queries = new StringBuilder();
    for (int i = 0; i < 1000; i++)
      queries.append(i == 0 ? "" : ",").append("\"经费").append(i).append(" OR 支出 OR 收入\"");
    // a thousand queries by issuer: an answer of 1.4 MB
    String big = "{\"queries\": [" + queries + "], \"by\": \"issuer\"}";
    byte[] body = big.getBytes(StandardCharsets.UTF_8);
    // four of them asked at once on one connection, none read: more than the buffers between hold
    String one =
        "POST /api/batch HTTP/1.1\r\nHost: localhost\r\nContent-Type:"
            + " application/json\r\nContent-Length: "
            + body.length
            + "\r\n\r\n"
            + big;
    try (Socket first = holding(one.repeat(4))) {
      HttpResponse<String> second = batch("{\"queries\": [\"经费\"]}");
      assertEquals(503, second.statusCode(), second.body());
      assertEquals("5", second.headers().firstValue("Retry-After").orElse(""));
      assertTrue(second.body().contains("as many of these as it does at once (1)"), second.body());
    }
    HttpResponse<String> again = batch("{\"queries\": [\"经费\"]}");
    for (int i = 0; i < 50 && again.statusCode() == 503; i++) {
      Thread.sleep(100);
      again = batch("{\"queries\": [\"经费\"]}");
    }
    assertEquals(200, again.statusCode(), again.body());
  }
}
