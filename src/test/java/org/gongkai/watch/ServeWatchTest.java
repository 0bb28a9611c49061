package org.gongkai.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.App;
import org.gongkai.TestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --watch DIR} (#67): the portal's own index kept up to date with a crawl's folder — a
 * report dropped into it is found by the portal, a report deleted is gone from it, with nobody
 * running {@code index}.
 */
class ServeWatchTest {

  @TempDir Path tmp;

  static long total(String base) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base + "/api/documents")).build(),
                HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) throw new AssertionError(r.statusCode() + " " + r.body());
    return new ObjectMapper().readTree(r.body()).get("total").asLong();
  }

  static void until(java.util.concurrent.Callable<Boolean> done, String what) throws Exception {
    long end = System.nanoTime() + 60_000_000_000L;
    while (!done.call()) {
      if (System.nanoTime() > end) throw new AssertionError("waited a minute for " + what);
      Thread.sleep(100);
    }
  }

  @Test
  void aReportDroppedIntoTheWatchedFolderIsFoundByThePortal() throws Exception {
    Path crawl = Files.createDirectories(tmp.resolve("crawl"));
    Path index = tmp.resolve("index");
    Files.copy(
        TestSupport.CORPUS.resolve("seeds/000_988c7a9063883e3f.txt"), crawl.resolve("a.txt"));
    assertEquals(
        0,
        App.execute(
            new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()),
            "index",
            "--index",
            index.toString(),
            crawl.toString()));
    StringWriter out = new StringWriter();
    Thread server =
        new Thread(
            () ->
                App.execute(
                    new PrintWriter(out),
                    new PrintWriter(new StringWriter()),
                    "serve",
                    "--index",
                    index.toString(),
                    "--port",
                    "0",
                    "--watch",
                    crawl.toString()));
    server.start();
    try {
      until(() -> out.toString().contains("watch: the index is up to date"), "the watch");
      Matcher m = Pattern.compile("running at (http://\\S+)").matcher(out.toString());
      assertEquals(true, m.find(), out.toString());
      String base = m.group(1).replaceAll("/+$", "");
      assertEquals(1, total(base));
      Files.copy(
          TestSupport.CORPUS.resolve("seeds/004_37d039dcb8ad6afc.txt"), crawl.resolve("b.txt"));
      until(() -> total(base) == 2, "the new report served");
      Files.delete(crawl.resolve("a.txt"));
      until(() -> total(base) == 1, "the deleted report gone");
    } finally {
      server.interrupt();
      server.join(60_000);
    }
  }

  @Test
  void aWatchIsRefusedWhereItCannotKeepItsWord() {
    StringWriter err = new StringWriter();
    assertEquals(
        2,
        App.execute(
            new PrintWriter(new StringWriter()),
            new PrintWriter(err),
            "serve",
            "--solr",
            "localhost:9983/gongkai",
            "--watch",
            tmp.toString()));
    assertEquals(
        "gongkai: --watch keeps an index folder up to date, not a SolrCloud collection\n",
        err.toString());
  }
}
