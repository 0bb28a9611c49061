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
  private final org.gongkai.workspace.Workspace workspace;

  private TestPortal(IndexStore store, Portal portal, org.gongkai.workspace.Workspace workspace) {
    this.store = store;
    this.portal = portal;
    this.workspace = workspace;
  }

  /** The workspace it serves (null: none). */
  org.gongkai.workspace.Workspace workspace() {
    return workspace;
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
    return new TestPortal(store, portal, workspace);
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
    return new TestPortal(store, portal, workspace);
  }

  /**
   * As {@link #serving}, with the files of private collections of {@code workspace} (by name) read
   * into each collection's own index, as {@code collection add} puts them there.
   */
  static TestPortal serving(
      Path dir,
      List<Path> paths,
      org.gongkai.workspace.Workspace workspace,
      java.util.Map<String, List<Path>> collections)
      throws Exception {
    Path index = dir.resolve("index");
    TestSupport.index(index, paths).close();
    for (var c : collections.entrySet()) {
      String key = workspace.collections().find(c.getKey()).orElseThrow().key();
      org.gongkai.index.CollectionIndexes.addRoots(index, key, c.getValue());
      TestSupport.indexInto(index, key, c.getValue()).close();
    }
    IndexStore store = IndexStore.openForReading(index);
    Portal portal =
        org.gongkai.TestSupport.portal(new ServeConfig(index, 0, null), store, workspace).start();
    return new TestPortal(store, portal, workspace);
  }

  /** Serves the index already written at {@code index}, read-only, as {@code serve} does. */
  static TestPortal over(Path index, org.gongkai.workspace.Workspace workspace) throws Exception {
    IndexStore store = IndexStore.openForReading(index);
    Portal portal =
        org.gongkai.TestSupport.portal(new ServeConfig(index, 0, null), store, workspace).start();
    return new TestPortal(store, portal, workspace);
  }

  /** The id of the report the file {@code file} of the private collection {@code name} became. */
  static String privateId(org.gongkai.workspace.Workspace workspace, String name, Path file)
      throws java.io.IOException {
    return org.gongkai.model.Domain.of(workspace.collections().find(name).orElseThrow().key())
        .docId(org.gongkai.index.ContentHash.of(file));
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
