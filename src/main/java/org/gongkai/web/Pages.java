package org.gongkai.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Renders pages (with the model every page shares), JSON bodies and error answers, always as UTF-8.
 */
final class Pages {

  static final String HTML = "text/html; charset=utf-8";
  static final String JSON = "application/json; charset=utf-8";

  private final Messages messages;
  private final ObjectMapper mapper;
  private final Links links;

  Pages(Messages messages, ObjectMapper mapper, Links links) {
    this.messages = messages;
    this.mapper = mapper;
    this.links = links;
  }

  Links links() {
    return links;
  }

  /** Sign-in and the signed-in user's name on every page; null: no workspace. */
  private AccountController accounts;

  void accounts(AccountController accounts) {
    this.accounts = accounts;
  }

  /** Whether this page is a document's that the signed-in user starred. */
  private boolean starredHere(Context ctx) {
    String docId;
    try {
      docId = ctx.pathParamMap().get("docId");
    } catch (RuntimeException e) {
      return false; // a page of no route (a 404 of an unknown path) has no path parameters
    }
    return docId != null && stars.starred(ctx, docId);
  }

  /** Stars on documents' pages; null: no workspace. */
  private StarController stars;

  /** Whether upload from the browser is on (the header links to it for those who may upload). */
  private boolean uploads;

  void uploads(boolean on) {
    this.uploads = on;
  }

  /** Notes and tags on sections' and reports' pages; null: no workspace. */
  private NoteController notes;

  void notes(NoteController notes) {
    this.notes = notes;
  }

  /**
   * The name of the private collection whose storage key is {@code key} (null for null: a public
   * report), as a badge shows it; only a request that may read the collection meets its key.
   */
  String collectionName(String key) {
    if (key == null) return null;
    if (accounts == null) return "?";
    return collectionNames.computeIfAbsent(
        key,
        k ->
            accounts
                .workspace()
                .collections()
                .byKey(k)
                .map(org.gongkai.workspace.Collection::name)
                .orElse("?"));
  }

  /** Collections' names by storage key (a collection is never renamed). */
  private final java.util.Map<String, String> collectionNames =
      new java.util.concurrent.ConcurrentHashMap<>();

  void stars(StarController stars) {
    this.stars = stars;
  }

  org.gongkai.api.Wording wording() {
    return messages.wording();
  }

  String text(Locale locale, String key, Object... args) {
    return messages.get(locale, key, args);
  }

  /**
   * Renders {@code template} with {@code model} plus what every page needs: the locale, the title,
   * the query (for the search box in the header) and the link to this page in the other language.
   */
  void render(
      Context ctx, String template, Map<String, ?> model, String title, String otherLanguageHref) {
    Map<String, Object> all = new HashMap<>(model);
    all.put(ThymeleafRenderer.LOCALE, SearchParams.locale(ctx));
    all.put("english", SearchParams.isEnglish(ctx));
    all.put("title", title);
    all.put("q", ctx.queryParam("q") == null ? "" : ctx.queryParam("q"));
    all.put("otherLanguageHref", otherLanguageHref);
    all.put("langParam", SearchParams.isEnglish(ctx) ? "en" : null);
    // a workspace's pages say who is signed in, and carry the session's CSRF token to their forms
    all.put("workspace", accounts != null);
    java.util.Optional<org.gongkai.workspace.User> user =
        accounts == null ? java.util.Optional.empty() : accounts.current(ctx);
    all.put("account", user.map(org.gongkai.workspace.User::name).orElse(null));
    all.put("admin", user.map(u -> u.role() == org.gongkai.workspace.Role.ADMIN).orElse(false));
    all.put("uploader", uploads && user.map(UploadController::uploader).orElse(false));
    // (the sign-in form brings its own, bound to its cookie: it has no session)
    if (!model.containsKey("csrf"))
      all.put("csrf", accounts == null ? null : AccountController.token(ctx));
    // a document's page: whether the signed-in user starred it
    all.put("starred", stars != null && starredHere(ctx));
    // a section's or a report's page: its notes and tags, for a signed-in user
    if (notes != null && ("section".equals(template) || "document".equals(template)))
      all.put("noting", notes.here(ctx));
    // a result list's way back after tagging, and its narrowing to reports with notes or tags
    if (accounts != null)
      all.put("backHere", ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString()));
    if (notes != null && "search".equals(template)) {
      try {
        all.put("narrowings", notes.narrowings(ctx));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    // what a signed-in user saves from this page: its own query string
    all.put("here", ctx.queryString() == null ? "" : ctx.queryString());
    ctx.render(template + ".html", all);
    ctx.contentType(HTML);
  }

  /**
   * A permanent redirect to {@code path} (a permalink of a report merged into another), with the
   * request's query string kept.
   */
  void moved(Context ctx, String path) {
    String query = ctx.queryString();
    ctx.redirect(
        path + (query == null || query.isEmpty() ? "" : "?" + query),
        io.javalin.http.HttpStatus.MOVED_PERMANENTLY);
  }

  /** An API error: {@code {"error": message}} with a 4xx status. */
  void jsonError(Context ctx, int status, String message) {
    json(ctx, status, mapper.createObjectNode().put("error", message));
  }

  void json(Context ctx, int status, JsonNode body) {
    try {
      ctx.status(status).contentType(JSON).result(mapper.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An error as JSON under {@code /api/}, as a page elsewhere: never a stack trace. */
  /**
   * The tables of section {@code s} placed in its body's text (offsets after the heading), with the
   * words shown with them.
   */
  java.util.List<org.gongkai.api.Html.Shown> shownTables(
      Locale locale,
      org.gongkai.model.IndexedSection s,
      java.util.List<org.gongkai.model.TextTable> tables) {
    java.util.List<org.gongkai.api.Html.Shown> out = new java.util.ArrayList<>();
    for (org.gongkai.model.TextTable t : tables) {
      if (t.start() < s.bodyOffset()) continue; // a table in the heading line: none
      out.add(
          new org.gongkai.api.Html.Shown(
              t,
              Math.max(t.captionStart(), s.bodyOffset()) - s.bodyOffset(),
              t.start() - s.bodyOffset(),
              t.end() - s.bodyOffset(),
              t.unit() == null
                  ? null
                  : text(locale, "table.unit", wording().unit(locale, t.unit())),
              links.tableCsv(t.id()),
              text(locale, "table.csv"),
              role -> text(locale, "table.role." + role.key())));
    }
    return out;
  }

  void error(Context ctx, int status, String messageKey, Object... args) {
    boolean api = ctx.path().startsWith("/api/");
    // the API speaks English (its fields, its notices), Chinese when asked with lang=zh
    Locale locale =
        api
            ? ("zh".equals(ctx.queryParam("lang")) ? Messages.CHINESE : Locale.ENGLISH)
            : SearchParams.locale(ctx);
    String message = text(locale, messageKey, args);
    if (api) {
      json(ctx, status, mapper.createObjectNode().put("error", message));
      return;
    }
    ctx.status(status);
    render(
        ctx,
        "error",
        Map.of("status", status, "message", message),
        status + " · " + text(locale, "app.name"),
        links.otherLanguage(localPath(ctx), new Links.Carry("", SearchParams.isEnglish(ctx))));
  }

  /**
   * The request's path as a link on this site: {@code //evil.example/} would be a link to another
   * site (a protocol-relative URL), so leading slashes are folded into one.
   */
  static String localPath(Context ctx) {
    return "/" + ctx.path().replaceFirst("^[/\\\\]+", "");
  }
}
