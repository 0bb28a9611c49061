package org.gongkai.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.TestSupport;
import org.gongkai.index.IndexStore;
import org.gongkai.model.IndexedFile;
import org.gongkai.workspace.Role;
import org.gongkai.workspace.Uploads;
import org.gongkai.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the portal while an upload is being indexed, then a restart: the index opens
 * sound at its last commit, the upload is still recorded (files, their place in the collection,
 * every kept file on disk — no row pointing to nothing, no outcome claimed), and the restarted
 * portal indexes it again to the end, each file once.
 */
class UploadCrashTest {

  static final int FILES = 120;

  @TempDir Path dir;

  @Test
  void aPortalKilledWhileAnUploadIsIndexedFinishesItAfterARestart() throws Exception {
    String seed = Files.readString(Path.of("corpus/seeds/003_630d0209e54699b1.txt"));
    List<byte[]> files = new ArrayList<>();
    for (int i = 0; i < FILES; i++)
      files.add(org.gongkai.Crashes.ownReport(seed, i).getBytes(StandardCharsets.UTF_8));
    Path index = dir.resolve("index");
    TestSupport.index(index, List.of(Path.of("corpus/seeds/000_988c7a9063883e3f.txt"))).close();
    Path ws = dir.resolve("ws");
    String key;
    try (Workspace w = Workspace.open(ws)) {
      w.users().add("chen", Role.EDITOR, "correct horse".toCharArray(), null, "test");
      key = w.collections().create("desk", false, null, "test").key();
      w.collections().share("desk", "chen", "editor", null, "test");
    }
    // the collection's own index, where its uploads are read
    Path own = org.gongkai.index.CollectionIndexes.dir(index, key);

    int port = freePort();
    Process portal = serve(index, ws, port, "first.log");
    Client chen = new Client(port);
    chen.signIn("chen", "correct horse");
    String at = chen.upload("desk", files);
    // killed in the middle of indexing: some files read, not all
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      JsonNode n = chen.json("/api" + at);
      if (n.has("progress") && n.get("progress").get("read").asInt() >= 10) break;
      assertTrue(!n.get("state").asText().equals("done"), "done before it could be killed");
      Thread.sleep(20);
    }
    org.gongkai.Crashes.killTree(portal);
    assertTrue(org.gongkai.Crashes.checkIndex(own), "CheckIndex finds no problem after the kill");
    assertTrue(org.gongkai.Crashes.checkIndex(index));

    try (Workspace w = Workspace.open(ws)) {
      Uploads.Upload u = w.uploads().unfinished().get(0);
      assertEquals("indexing", u.state());
      assertEquals(FILES, u.files().size());
      // every file kept, none claimed indexed yet, each in the collection
      for (Uploads.File f : u.files()) {
        assertEquals(Uploads.Outcome.WAITING, f.outcome());
        assertTrue(Files.isRegularFile(ws.resolve("uploads").resolve(f.stored())), f.stored());
      }
      assertEquals(FILES, w.collections().find("desk").orElseThrow().files());
    }

    // restarted: the upload is indexed again to its end
    port = freePort();
    portal = serve(index, ws, port, "second.log");
    try {
      chen = new Client(port);
      chen.signIn("chen", "correct horse");
      JsonNode done = null;
      deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
      while (System.nanoTime() < deadline) {
        JsonNode n = chen.json("/api" + at);
        if (n.get("state").asText().equals("done")) {
          done = n;
          break;
        }
        Thread.sleep(200);
      }
      assertTrue(
          done != null,
          "not done after the restart: " + Files.readString(dir.resolve("second.log")));
      for (JsonNode f : done.get("files"))
        assertEquals("indexed", f.get("outcome").asText(), f.toString());
      assertEquals(1 + FILES, chen.json("/api/documents").get("total").asInt());
      assertEquals(1, new Client(port).json("/api/documents").get("total").asInt());
    } finally {
      org.gongkai.Crashes.killTree(portal);
    }
    assertTrue(org.gongkai.Crashes.checkIndex(index));
    assertTrue(org.gongkai.Crashes.checkIndex(own));
    try (IndexStore pub = IndexStore.openForReading(index)) {
      assertEquals(1, pub.documentCount(), "the public index holds none of the collection's");
    }
    try (IndexStore store = IndexStore.openForReading(own)) {
      assertEquals(FILES, store.documentCount(), "each file once");
      Set<String> indexed = new java.util.HashSet<>();
      for (IndexedFile f : store.files().values()) indexed.add(f.sha256());
      try (Workspace w = Workspace.open(ws)) {
        // no row pointing to nothing: each of the collection's files is in the index
        for (Uploads.File f : w.uploads().find(1).orElseThrow().files())
          assertTrue(indexed.contains(f.sha256()), f.name());
        assertEquals(List.of(), w.uploads().unfinished());
      }
    }
  }

  private Process serve(Path index, Path ws, int port, String log) throws Exception {
    return org.gongkai.Crashes.start(
        dir.resolve(log),
        "Gongkai is running at",
        "serve",
        "--index",
        index.toString(),
        "--workspace",
        ws.toString(),
        "--port",
        Integer.toString(port));
  }

  private static int freePort() throws Exception {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** A browser's session over plain HTTP: its cookie, its CSRF token. */
  static final class Client {
    final HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    final int port;

    Client(int port) {
      this.port = port;
    }

    HttpResponse<String> get(String path) throws Exception {
      return http.send(
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    JsonNode json(String path) throws Exception {
      return new ObjectMapper().readTree(get(path).body());
    }

    String token(String path) throws Exception {
      Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get(path).body());
      assertTrue(m.find(), path);
      return m.group(1);
    }

    void signIn(String name, String password) throws Exception {
      String body =
          "_csrf="
              + URLEncoder.encode(token("/login"), StandardCharsets.UTF_8)
              + "&name="
              + URLEncoder.encode(name, StandardCharsets.UTF_8)
              + "&password="
              + URLEncoder.encode(password, StandardCharsets.UTF_8)
              + "&next=%2F";
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertEquals(303, r.statusCode(), r.body());
    }

    /** Uploads {@code files} (report-NNN.txt) into {@code collection}; the upload's address. */
    String upload(String collection, List<byte[]> files) throws Exception {
      String boundary = "gongkaiCrash42";
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      String token = token("/upload");
      for (String[] f : new String[][] {{"_csrf", token}, {"collection", collection}})
        out.writeBytes(
            ("--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\""
                    + f[0]
                    + "\"\r\n\r\n"
                    + f[1]
                    + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < files.size(); i++) {
        out.writeBytes(
            ("--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                    + String.format("report-%03d.txt", i)
                    + "\"\r\nContent-Type: text/plain\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(files.get(i));
        out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
      }
      out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/upload"))
                  .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                  .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
                  .build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertEquals(303, r.statusCode(), r.body());
      return r.headers().firstValue("Location").orElseThrow();
    }
  }
}
