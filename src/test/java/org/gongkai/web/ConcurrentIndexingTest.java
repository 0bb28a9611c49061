package org.gongkai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.gongkai.TestSupport;
import org.gongkai.config.ServeConfig;
import org.gongkai.index.IndexStore;
import org.gongkai.ingest.Indexer;
import org.gongkai.ingest.IngestReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server keeps answering while {@code index} writes to its index, and shows the new documents
 * without a restart.
 */
class ConcurrentIndexingTest {

  @TempDir Path dir;

  @Test
  void searchesKeepWorkingDuringIndexingAndSeeNewDocumentsAfterwards() throws Exception {
    Path index = dir.resolve("index");
    try (IndexStore writer = IndexStore.openForWriting(index)) {
      TestSupport.indexer()
          .run(
              writer,
              List.of(TestSupport.CORPUS.resolve("seeds/000_988c7a9063883e3f.txt")),
              false,
              Indexer.Progress.NONE);
    }
    HttpClient http = HttpClient.newHttpClient();
    ObjectMapper json = new ObjectMapper();
    try (IndexStore reader = IndexStore.openForReading(index);
        Portal portal =
            org.gongkai.TestSupport.portal(new ServeConfig(index, 0, null), reader).start()) {
      URI search =
          URI.create(
              "http://localhost:"
                  + portal.port()
                  + "/api/search?q=%22%E6%80%BB%E5%B7%A5%E4%BC%9A%22&size=1");
      URI newDocument =
          URI.create("http://localhost:" + portal.port() + "/api/documents/e3eabb74bdb7bdb4");
      long before = json.readTree(get(http, search).body()).get("total").asLong();
      assertEquals(404, get(http, newDocument).statusCode());

      CompletableFuture<IngestReport> indexing =
          CompletableFuture.supplyAsync(
              () -> {
                try (IndexStore writer = IndexStore.openForWriting(index)) {
                  return TestSupport.indexer()
                      .run(
                          writer,
                          List.of(TestSupport.CORPUS.resolve("formats")),
                          false,
                          Indexer.Progress.NONE);
                } catch (Exception e) {
                  throw new RuntimeException(e);
                }
              });
      AtomicInteger answered = new AtomicInteger();
      while (!indexing.isDone()) {
        HttpResponse<String> r = get(http, search);
        assertEquals(200, r.statusCode(), r.body());
        answered.incrementAndGet();
      }
      // the 汉阳区 PDF is the report already indexed as text: it joins it as another format
      assertEquals(4, indexing.get().indexed());
      assertEquals(1, indexing.get().duplicates());
      assertTrue(answered.get() > 0);
      // the new documents show without a restart
      assertEquals(200, get(http, newDocument).statusCode());
      assertTrue(json.readTree(get(http, search).body()).get("total").asLong() > before);
    }
  }

  private static HttpResponse<String> get(HttpClient http, URI uri) throws Exception {
    return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }
}
