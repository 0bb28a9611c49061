package org.gongkai.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.App;
import org.gongkai.TestSupport;
import org.gongkai.watch.WatchStatus;
import org.gongkai.workspace.Role;
import org.gongkai.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --workspace W --watch DIR} (#67): a newsroom's portal keeps its crawl folder indexed
 * while its journalists upload into the same public index — the watch opens the index for each run
 * and an upload waits for it (and it for an upload), so both land; where the watch stands is
 * written beside the index for the admin's page.
 */
class UploadWhileWatchingTest {

  @TempDir Path dir;

  static void until(java.util.concurrent.Callable<Boolean> done, String what) throws Exception {
    long end = System.nanoTime() + 90_000_000_000L;
    while (!done.call()) {
      if (System.nanoTime() > end) throw new AssertionError("waited 90 s for " + what);
      Thread.sleep(100);
    }
  }

  @Test
  void aWatchedCrawlAndABrowsersUploadBothReachThePublicIndex() throws Exception {
    Path crawl = Files.createDirectories(dir.resolve("crawl"));
    Path index = dir.resolve("index");
    Files.copy(
        TestSupport.CORPUS.resolve("seeds/000_988c7a9063883e3f.txt"), crawl.resolve("a.txt"));
    TestSupport.index(index, List.of(crawl)).close();
    Path ws = dir.resolve("ws");
    try (Workspace w = Workspace.open(ws)) {
      w.users().add("wang", Role.ADMIN, "battery staple".toCharArray(), null, "test");
      w.collections().create("open", true, null, "test");
    }
    StringWriter out = new StringWriter(), err = new StringWriter();
    int[] exit = {-1};
    Thread server =
        new Thread(
            () ->
                exit[0] =
                    App.execute(
                        new PrintWriter(out),
                        new PrintWriter(err),
                        "serve",
                        "--index",
                        index.toString(),
                        "--workspace",
                        ws.toString(),
                        "--port",
                        "0",
                        "--watch",
                        crawl.toString()));
    server.start();
    try {
      until(
          () -> out.toString().contains("watch: the index is up to date") || exit[0] >= 0,
          "the watch: " + err);
      assertEquals(-1, exit[0], err.toString());
      Matcher m = Pattern.compile("running at http://[^:/]+:(\\d+)").matcher(out.toString());
      assertTrue(m.find(), out.toString());
      UploadCrashTest.Client wang = new UploadCrashTest.Client(Integer.parseInt(m.group(1)));
      UploadCrashTest.Client anyone = new UploadCrashTest.Client(Integer.parseInt(m.group(1)));
      assertEquals(1, anyone.json("/api/documents").get("total").asInt());
      wang.signIn("wang", "battery staple");

      // a report dropped into the crawl and another uploaded, at once
      Files.copy(
          TestSupport.CORPUS.resolve("seeds/004_37d039dcb8ad6afc.txt"), crawl.resolve("b.txt"));
      String uploaded =
          Files.readString(TestSupport.CORPUS.resolve("seeds/003_630d0209e54699b1.txt"));
      String at = wang.upload("open", List.of(uploaded.getBytes(StandardCharsets.UTF_8)));
      until(() -> wang.json("/api" + at).get("state").asText().equals("done"), "the upload");
      assertEquals(
          "indexed",
          wang.json("/api" + at).get("files").get(0).get("outcome").asText(),
          wang.json("/api" + at).toString());
      until(() -> anyone.json("/api/documents").get("total").asInt() == 3, "both reports");

      // the watch's word beside the index: watching its folder, its last run the dropped file
      WatchStatus s = WatchStatus.read(index).orElseThrow();
      assertEquals(List.of(crawl.toString()), s.folders());
      assertEquals("watching", s.state());
      assertEquals(1, s.last().ready());
      assertEquals(1, s.last().indexed());
      assertTrue(!err.toString().contains("the watch stopped"), err.toString());
    } finally {
      server.interrupt();
      server.join(60_000);
    }
    assertEquals("stopped", WatchStatus.read(index).orElseThrow().state());
  }
}
