package org.gongkai.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import org.gongkai.api.IndicatorJson;
import org.gongkai.api.SearchJson;
import org.gongkai.api.SectionJson;
import org.gongkai.api.Wording;
import org.gongkai.config.ServeConfig;
import org.gongkai.search.IndicatorService;
import org.gongkai.search.ReadingService;
import org.gongkai.search.SearchUnavailable;
import org.gongkai.search.Searches;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web portal: routes, static files, templates and error handling on one Javalin server. Pages
 * and the JSON API share controllers; every response declares {@code charset=utf-8}.
 */
public final class Portal implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Portal.class);

  private final Javalin app;

  /** A workspace's sessions, set when Jetty's context is built (none without a workspace). */
  private final org.eclipse.jetty.ee10.servlet.SessionHandler[] sessionHandler;

  /** How many sessions the portal keeps now (each a signed-in user's). */
  int sessions() {
    var h = sessionHandler[0];
    if (h == null) return 0;
    return h.getSessionCache() instanceof org.eclipse.jetty.session.DefaultSessionCache c
        ? (int) c.getSessionsCurrent()
        : -1;
  }

  /** Set when Jetty's server is built (Javalin builds it on start). */
  private final SlowClientGuard[] guard;

  private final org.gongkai.upload.UploadService uploads;

  /** The lists a request narrows to reports with notes ({@code noted=1}) or tags ({@code tag=}). */
  private static final java.util.Set<String> NARROWED =
      java.util.Set.of("/search", "/documents", "/api/search", "/api/documents", "/feed");

  public Portal(
      ServeConfig config,
      Searches search,
      IndicatorService indicatorService,
      ReadingService reading,
      ObjectMapper mapper) {
    this(config, search, indicatorService, reading, mapper, null);
  }

  /**
   * The portal; with a {@code workspace}, accounts are on: sign-in and sign-out, the audit log for
   * admins, sessions and CSRF tokens (null: one user, no sign-in, as {@code demo} and {@code serve
   * --index}).
   */
  public Portal(
      ServeConfig config,
      Searches search,
      IndicatorService indicatorService,
      ReadingService reading,
      ObjectMapper mapper,
      org.gongkai.workspace.Workspace workspace) {
    this(config, search, indicatorService, reading, mapper, workspace, null);
  }

  /**
   * The portal with a workspace and upload from the browser into {@code uploads}' index (null: no
   * upload); the portal closes it.
   */
  public Portal(
      ServeConfig config,
      Searches search,
      IndicatorService indicatorService,
      ReadingService reading,
      ObjectMapper mapper,
      org.gongkai.workspace.Workspace workspace,
      org.gongkai.upload.UploadService uploads) {
    this.uploads = uploads;
    java.nio.file.Path devTemplates =
        config.devMode() ? config.devRoot().resolve("templates") : null;
    Wording wording = devTemplates == null ? Wording.bundled() : new Wording(devTemplates);
    Messages messages = new Messages(wording);
    Links links = new Links(config.publicUrl());
    Pages pages = new Pages(messages, mapper, links);
    SearchController searches =
        new SearchController(
            search,
            reading,
            new SearchJson(mapper, wording, links, pages::collectionName),
            pages,
            new Admission(config.limits().maxExports()));
    SectionJson sectionJson = new SectionJson(mapper, links, pages::collectionName);
    SectionController sections = new SectionController(reading, sectionJson, pages);
    DocumentController documents =
        new DocumentController(
            reading, sectionJson, new org.gongkai.api.FlagJson(mapper, wording, links), pages);
    DocumentListController documentLists =
        new DocumentListController(
            search, new SearchJson(mapper, wording, links, pages::collectionName), pages);

    BatchController batches =
        new BatchController(
            search,
            new org.gongkai.api.BatchJson(mapper, wording),
            pages,
            mapper,
            new Admission(config.limits().maxBatches()));
    // the projects reports fund: read from the embedded index's project records (a SolrCloud
    // collection holds them too, but no search of them is written for it yet: its pages say so)
    org.gongkai.search.ProjectService projectService =
        search instanceof org.gongkai.search.SearchService embedded
            ? new org.gongkai.search.ProjectService(embedded)
            : null;
    ProjectController projectPages = new ProjectController(projectService, pages, mapper);
    IssuerController issuers = new IssuerController(reading, pages, sectionJson, projectService);
    IndicatorController indicators =
        new IndicatorController(
            indicatorService,
            new IndicatorJson(mapper, wording, links, pages::collectionName),
            pages);
    AccountController accounts =
        workspace == null
            ? null
            : new AccountController(workspace, new org.gongkai.workspace.LoginThrottle(), pages);
    if (accounts != null)
      accounts.secureCookies(config.publicUrl() != null && config.publicUrl().startsWith("https:"));
    pages.accounts(accounts);
    StarController stars =
        workspace == null ? null : new StarController(workspace, accounts, reading, pages);
    pages.stars(stars);
    SavedSearchController saved =
        workspace == null
            ? null
            : new SavedSearchController(workspace, accounts, documentLists, search, pages, links);
    UploadController upload =
        uploads == null ? null : new UploadController(workspace, uploads, accounts, pages, mapper);
    pages.uploads(upload != null);
    CollectionController collections =
        workspace == null
            ? null
            : new CollectionController(workspace, accounts, reading, uploads, pages);
    NoteController notes =
        workspace == null
            ? null
            : new NoteController(workspace, accounts, search, reading, pages, links, mapper);
    pages.notes(notes);
    FileListController files =
        accounts == null ? null : new FileListController(accounts, pages, config.index());
    SlowClientGuard[] installed = new SlowClientGuard[1];
    org.eclipse.jetty.ee10.servlet.SessionHandler[] sessionHandler =
        new org.eclipse.jetty.ee10.servlet.SessionHandler[1];
    this.app =
        Javalin.create(
            cfg -> {
              cfg.jetty.modifyServer(
                  server -> {
                    installed[0] =
                        SlowClientGuard.install(
                            server,
                            config.limits().maxConnections(),
                            config.limits().headerTimeoutMs(),
                            config.limits().idleTimeoutMs(),
                            config.limits().minBytesPerSecond());
                    // Jetty answers some requests itself (a header too large: 431, a bad request:
                    // 400) before any
                    // route runs: those answers carry the same security headers as every page
                    server.setErrorHandler(
                        new org.eclipse.jetty.server.handler.ErrorHandler() {
                          @Override
                          public boolean handle(
                              org.eclipse.jetty.server.Request request,
                              org.eclipse.jetty.server.Response response,
                              org.eclipse.jetty.util.Callback callback)
                              throws Exception {
                            securityHeaders(response.getHeaders());
                            return super.handle(request, response, callback);
                          }
                        });
                  });
              cfg.fileRenderer(new ThymeleafRenderer(devTemplates, messages));
              cfg.http.defaultContentType = Pages.HTML;
              // a batch's uploaded list: no larger than a batch takes, kept in memory; with upload
              // from the browser, files to its limits (a batch still refuses a larger body)
              // (a file over the upload's own limit is taken, and failed by the upload with its
              // reason: refused here, it would lose the whole upload)
              long maxFile =
                  uploads == null
                      ? BatchController.MAX_BODY_BYTES
                      : Math.max(BatchController.MAX_BODY_BYTES, uploads.limits().maxTotalBytes());
              long maxTotal =
                  uploads == null
                      ? BatchController.MAX_BODY_BYTES
                      : Math.max(
                          BatchController.MAX_BODY_BYTES,
                          uploads.limits().maxTotalBytes() + (1L << 20));
              cfg.jetty.multipartConfig.maxFileSize(maxFile, io.javalin.config.SizeUnit.BYTES);
              cfg.jetty.multipartConfig.maxTotalRequestSize(
                  maxTotal, io.javalin.config.SizeUnit.BYTES);
              cfg.jetty.multipartConfig.maxInMemoryFileSize(
                  (int) BatchController.MAX_BODY_BYTES, io.javalin.config.SizeUnit.BYTES);
              cfg.startup.showJavalinBanner = false;
              if (accounts != null)
                cfg.jetty.modifyServletContextHandler(
                    h -> {
                      sessionHandler[0] = sessions(config.publicUrl());
                      h.setSessionHandler(sessionHandler[0]);
                    });
              cfg.jetty.host = config.host();
              cfg.jetty.port = config.port();
              if (config.devMode()) {
                cfg.staticFiles.add(
                    s -> {
                      s.hostedPath = "/static";
                      s.directory = config.devRoot().resolve("static").toAbsolutePath().toString();
                      s.location = Location.EXTERNAL;
                    });
              } else {
                cfg.staticFiles.add(
                    s -> {
                      s.hostedPath = "/static";
                      s.directory = "/static";
                      s.location = Location.CLASSPATH;
                    });
              }
              var r = cfg.routes;
              // a NUL character is stored by no database and meant by no one: refused before any
              // handler (or what a request may see) reads it
              r.before(Portal::refuseNul);
              if (accounts != null) {
                // what this request may read besides the public index (the private collections
                // shared with its user) is joined to it for the thread answering it, whatever it
                // reads; nothing else is ever in its reader
                r.before(
                    ctx -> {
                      org.gongkai.model.Visibility.clear();
                      if (!ctx.path().startsWith("/static/"))
                        org.gongkai.model.Visibility.readable(
                            workspace.collections().readableKeys(accounts.current(ctx)));
                      // a list narrowed to reports with notes, or with tags
                      if (NARROWED.contains(ctx.path()))
                        org.gongkai.model.Visibility.only(notes.narrowed(ctx));
                    });
                r.after(ctx -> org.gongkai.model.Visibility.clear());
              }
              // another process (`index`) may have committed since the last request: every page and
              // API call
              // sees the latest commit (a cheap check of the directory when nothing changed)
              r.before(
                  ctx -> {
                    if (!ctx.path().startsWith("/static/")) reading.refresh();
                  });
              r.after(Portal::securityHeaders);
              // a signed-in user's answers (their name, tokens, private collections' reports) are
              // kept by no cache, shared or the browser's
              if (accounts != null)
                r.after(
                    ctx -> {
                      if (accounts.current(ctx).isPresent())
                        ctx.header("Cache-Control", DocumentController.PRIVATE);
                    });

              if (accounts != null) r.before(accounts::checkCsrf);
              // each feature registers its own routes (those of the workspace only with one)
              Routes.Router router = new Routes.Router(r);
              // browsers ask for /favicon.ico whatever the page says
              router.get(
                  "/favicon.ico",
                  ctx ->
                      ctx.redirect(
                          "/static/favicon.svg", io.javalin.http.HttpStatus.MOVED_PERMANENTLY));
              for (Routes feature :
                  java.util.Arrays.asList(
                      searches,
                      sections,
                      documents,
                      indicators,
                      documentLists,
                      issuers,
                      projectPages,
                      batches,
                      accounts,
                      saved,
                      stars,
                      collections,
                      notes,
                      files,
                      upload)) if (feature != null) feature.register(router);
              r.error(
                  404,
                  "*",
                  ctx -> {
                    // our own 404s (unknown section or document) are already rendered; Javalin's
                    // "no such route" is not
                    String type = ctx.res().getContentType();
                    if (type == null
                        || !(type.startsWith("text/html") || type.startsWith("application/json"))) {
                      pages.error(ctx, 404, "error.notFound", ctx.path());
                    }
                  });
              r.exception(BadParameter.class, (e, ctx) -> pages.error(ctx, 400, e.key, e.args));
              r.exception(
                  org.jdbi.v3.core.JdbiException.class,
                  (e, ctx) -> {
                    // the workspace's database is down (its disk full, its server gone): this
                    // request cannot be answered, the portal goes on (public pages never ask it)
                    LOG.warn(
                        "{} {}: the workspace's database: {}",
                        ctx.method(),
                        ctx.path(),
                        e.toString());
                    // the error page's header asks no more who is signed in
                    if (accounts != null) accounts.unknown(ctx);
                    ctx.header("Retry-After", "30");
                    pages.error(ctx, 503, "error.workspaceDown");
                  });
              r.exception(
                  Exception.class,
                  (e, ctx) -> {
                    SearchUnavailable down = SearchUnavailable.in(e);
                    if (down != null) {
                      // the cluster, not the request: say so, and when to ask again
                      LOG.warn("{} {}: {}", ctx.method(), ctx.path(), down.getMessage());
                      ctx.header("Retry-After", "10");
                      pages.error(ctx, 503, "error.unavailable");
                      return;
                    }
                    LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                    pages.error(ctx, 500, "error.internal");
                  });
            });
    this.guard = installed;
    this.sessionHandler = sessionHandler;
  }

  /**
   * A workspace's sessions: Jetty's, in memory (a restart signs everyone out), their cookie
   * HttpOnly and SameSite=Lax, Secure when the portal's public URL is https, ended after 8 hours
   * idle.
   */
  private static org.eclipse.jetty.ee10.servlet.SessionHandler sessions(String publicUrl) {
    var h = new org.eclipse.jetty.ee10.servlet.SessionHandler();
    h.setSessionCookie("gongkai_session");
    h.setHttpOnly(true);
    h.setSameSite(org.eclipse.jetty.http.HttpCookie.SameSite.LAX);
    h.setSecureCookies(publicUrl != null && publicUrl.startsWith("https:"));
    h.setMaxInactiveInterval(AccountController.SIGNED_IN_SECONDS);
    h.setUsingCookies(true);
    return h;
  }

  /** A request whose path, query or form holds a NUL character: a 400, said why. */
  static void refuseNul(io.javalin.http.Context ctx) {
    boolean nul = ctx.path().indexOf('\u0000') >= 0;
    for (var values : ctx.queryParamMap().values())
      for (String v : values) nul |= v.indexOf('\u0000') >= 0;
    String type = ctx.contentType() == null ? "" : ctx.contentType();
    if (!nul && type.startsWith("application/x-www-form-urlencoded"))
      for (var values : ctx.formParamMap().values())
        for (String v : values) nul |= v.indexOf('\u0000') >= 0;
    if (nul) throw new BadParameter("error.nul");
  }

  /**
   * Every page's scripts and styles come from /static, so the policy forbids inline script and
   * anything from elsewhere; documents are untrusted text, and this is the second line of defence
   * after escaping.
   */
  static void securityHeaders(io.javalin.http.Context ctx) {
    SECURITY_HEADERS.forEach(ctx::header);
  }

  static void securityHeaders(org.eclipse.jetty.http.HttpFields.Mutable headers) {
    SECURITY_HEADERS.forEach(headers::put);
  }

  private static final java.util.Map<String, String> SECURITY_HEADERS =
      java.util.Map.of(
          "Content-Security-Policy",
              "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                  + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
          "X-Content-Type-Options", "nosniff",
          "Referrer-Policy", "same-origin",
          "X-Frame-Options", "DENY");

  public Portal start() {
    app.start();
    if (uploads != null) uploads.resume();
    return this;
  }

  /**
   * Every route the portal answers, as {@code METHOD path} ({@code GET /d/{docId}}): what a test of
   * who may see what walks, so a new route cannot be forgotten.
   */
  java.util.List<String> routes() {
    return app.unsafe.internalRouter.allHttpHandlers().stream()
        .filter(e -> e.endpoint.method.isHttpMethod())
        .map(e -> e.endpoint.method.name() + " " + e.endpoint.path)
        .distinct()
        .sorted()
        .toList();
  }

  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
    if (uploads != null) uploads.close();
    if (guard[0] != null) guard[0].close();
  }
}
