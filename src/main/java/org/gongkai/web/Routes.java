package org.gongkai.web;

/**
 * A feature's routes, declared by its controller beside the handlers they name; {@link Portal}
 * composes the features (and {@link Portal#routes()} lists what they registered, for the test that
 * walks every route as every kind of visitor).
 */
interface Routes {

  /** Registers this feature's routes on {@code on}. */
  void register(Router on);

  /** Where a feature registers: a GET (answered for HEAD too), a POST, a check before a path. */
  final class Router {
    private final io.javalin.router.JavalinDefaultRoutingApi api;

    Router(io.javalin.router.JavalinDefaultRoutingApi api) {
      this.api = api;
    }

    /**
     * A GET route, and HEAD by the same handler (Jetty sends no body): Javalin alone would answer
     * 200 to a HEAD of any path with a GET route, unknown sections and files included.
     */
    Router get(String path, io.javalin.http.Handler handler) {
      api.get(path, handler);
      api.head(path, handler);
      return this;
    }

    Router post(String path, io.javalin.http.Handler handler) {
      api.post(path, handler);
      return this;
    }

    /** Runs {@code handler} before any route of {@code path}. */
    Router before(String path, io.javalin.http.Handler handler) {
      api.before(path, handler);
      return this;
    }
  }
}
