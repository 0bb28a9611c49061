package org.gongkai.web;

import java.nio.file.Path;
import java.util.List;
import org.gongkai.TestSupport;
import org.gongkai.config.ServeConfig;
import org.gongkai.index.IndexStore;

/**
 * An index of the given files served by the real portal on a free port, for HTTP and browser tests.
 */
final class TestPortal implements AutoCloseable {

  final IndexStore store;
  final Portal portal;

  private TestPortal(IndexStore store, Portal portal) {
    this.store = store;
    this.portal = portal;
  }

  static TestPortal start(Path dir, List<Path> paths) throws Exception {
    return start(dir, paths, null);
  }

  /** With accounts on over {@code workspace} (null: none). */
  static TestPortal start(Path dir, List<Path> paths, org.gongkai.workspace.Workspace workspace)
      throws Exception {
    IndexStore store = TestSupport.index(dir.resolve("index"), paths);
    Portal portal =
        org.gongkai.TestSupport.portal(
                new ServeConfig(dir.resolve("index"), 0, null), store, workspace)
            .start();
    return new TestPortal(store, portal);
  }

  /**
   * As {@code serve} runs it: the index written and closed, then served read-only, so that another
   * writer (an upload from the browser) may write it.
   */
  static TestPortal serving(Path dir, List<Path> paths, org.gongkai.workspace.Workspace workspace)
      throws Exception {
    TestSupport.index(dir.resolve("index"), paths).close();
    IndexStore store = IndexStore.openForReading(dir.resolve("index"));
    Portal portal =
        org.gongkai.TestSupport.portal(
                new ServeConfig(dir.resolve("index"), 0, null), store, workspace)
            .start();
    return new TestPortal(store, portal);
  }

  String url(String pathAndQuery) {
    return "http://localhost:" + portal.port() + pathAndQuery;
  }

  private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();

  /** A GET of {@code pathAndQuery}, its body as bytes. */
  java.net.http.HttpResponse<byte[]> getBytes(String pathAndQuery) throws Exception {
    return HTTP.send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(url(pathAndQuery))).build(),
        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
  }

  /** A GET of {@code pathAndQuery}, its body as UTF-8 text. */
  java.net.http.HttpResponse<String> get(String pathAndQuery) throws Exception {
    return HTTP.send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(url(pathAndQuery))).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Override
  public void close() throws Exception {
    portal.close();
    store.close();
  }
}
