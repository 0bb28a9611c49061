package org.gongkai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.gongkai.TestSupport;
import org.gongkai.config.ServeConfig;
import org.gongkai.index.IndexStore;
import org.gongkai.search.IndicatorService;
import org.gongkai.search.ReadingService;
import org.gongkai.search.SearchService;
import org.gongkai.search.SearchUnavailable;
import org.gongkai.search.Searches;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search engine that cannot be reached (a SolrCloud cluster whose ZooKeeper is down) makes the
 * portal answer 503 with what happened and when to ask again, in the page's language and in the
 * API's; never 500.
 */
class UnreachableClusterHttpTest {

  @Test
  void aClusterThatCannotBeReachedIsA503ThatSaysSo(@TempDir Path dir) throws Exception {
    IndexStore store = TestSupport.bundledIndex();
    SearchService reads = new SearchService(store, TestSupport.gazetteer());
    // every search fails as SolrCollection fails when ZooKeeper is gone
    Searches down =
        (Searches)
            Proxy.newProxyInstance(
                Searches.class.getClassLoader(),
                new Class<?>[] {Searches.class},
                (proxy, method, args) -> {
                  if (method.getDeclaringClass() == Object.class) {
                    try {
                      return method.invoke(reads, args);
                    } catch (InvocationTargetException e) {
                      throw e.getCause();
                    }
                  }
                  throw new SearchUnavailable(
                      "SolrCloud collection gongkai cannot be reached: Could not load collection"
                          + " from ZK: gongkai",
                      null);
                });
    Portal portal =
        new Portal(
                new ServeConfig(dir, 0, null),
                down,
                new IndicatorService(store, TestSupport.gazetteer()),
                new ReadingService(store, reads),
                new com.fasterxml.jackson.databind.ObjectMapper())
            .start();
    try {
      HttpClient http = HttpClient.newHttpClient();
      var api =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://localhost:" + portal.port() + "/api/search?q=x"))
                  .build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertEquals(503, api.statusCode());
      assertEquals("10", api.headers().firstValue("Retry-After").orElse(""));
      assertEquals(
          "{\"error\":\"The search cluster cannot be reached just now (its ZooKeeper or its nodes"
              + " do not answer). Searching resumes by itself when it is back; please try again in"
              + " a minute.\"}",
          api.body().replaceAll("\\s*\\n\\s*", "").replace("\" : \"", "\":\""));
      var page =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://localhost:" + portal.port() + "/search?q=x"))
                  .build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertEquals(503, page.statusCode());
      assertEquals(
          1, page.body().split("搜索集群暂时无法连接（ZooKeeper 或节点没有响应）。集群恢复后搜索会自动恢复，请稍后再试。", -1).length - 1);
    } finally {
      portal.close();
    }
  }
}
