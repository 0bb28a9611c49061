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
    IndexStore store = TestSupport.index(dir.resolve("index"), paths);
    Portal portal =
        org.gongkai.TestSupport.portal(new ServeConfig(dir.resolve("index"), 0, null), store)
            .start();
    return new TestPortal(store, portal);
  }

  String url(String pathAndQuery) {
    return "http://localhost:" + portal.port() + pathAndQuery;
  }

  @Override
  public void close() throws Exception {
    portal.close();
    store.close();
  }
}
