package org.gongkai.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gongkai.upload.UploadService;
import org.gongkai.workspace.Collection;
import org.gongkai.workspace.Role;
import org.gongkai.workspace.Uploads;
import org.gongkai.workspace.Uploads.Upload;
import org.gongkai.workspace.User;
import org.gongkai.workspace.Workspace;
import org.gongkai.workspace.WorkspaceException;

/**
 * Upload from the browser (thin: the work is {@link UploadService}'s): {@code /upload}, the form
 * (the collections one may edit, the limits) and one's recent uploads; {@code POST /upload}, the
 * files; {@code /upload/{id}} and {@code /api/upload/{id}}, an upload's progress and each file's
 * outcome — the uploader's and an admin's, a 404 to anyone else.
 */
final class UploadController implements Routes {

  @Override
  public void register(Router on) {
    on.get("/upload", this::form);
    on.post("/upload", this::submit);
    on.get("/upload/{id}", this::status);
    on.get("/api/upload/{id}", this::api);
  }

  /** One file's line on the page: its name, outcome (a message key's last part) and detail. */
  record Row(String name, String outcome, String detail, String href) {}

  private final Workspace workspace;
  private final UploadService uploads;
  private final AccountController accounts;
  private final Pages pages;
  private final ObjectMapper mapper;

  UploadController(
      Workspace workspace,
      UploadService uploads,
      AccountController accounts,
      Pages pages,
      ObjectMapper mapper) {
    this.workspace = workspace;
    this.uploads = uploads;
    this.accounts = accounts;
    this.pages = pages;
    this.mapper = mapper;
  }

  /** Whether {@code user} may upload at all (an admin or an editor). */
  static boolean uploader(User user) {
    return user.role() == Role.ADMIN || user.role() == Role.EDITOR;
  }

  private Optional<User> user(Context ctx, String back) {
    Optional<User> u = accounts.current(ctx);
    if (u.isEmpty()) ctx.redirect(pages.links().login(back), HttpStatus.SEE_OTHER);
    return u;
  }

  void form(Context ctx) throws IOException {
    Optional<User> u = user(ctx, pages.links().uploadForm(false));
    if (u.isEmpty()) return;
    Locale locale = SearchParams.locale(ctx);
    UploadService.Limits l = uploads.limits();
    Map<String, Object> model = new HashMap<>();
    model.put(
        "collections",
        uploader(u.get()) ? workspace.collections().editableBy(u.get()) : List.<Collection>of());
    model.put(
        "limits",
        pages.text(
            locale,
            "upload.limits",
            l.maxFiles(),
            l.maxFileBytes() >> 20,
            l.maxTotalBytes() >> 20));
    List<Map<String, Object>> recent = new ArrayList<>();
    for (Upload up : workspace.uploads().of(u.get(), 20)) {
      Map<String, Object> r = new HashMap<>();
      r.put("href", pages.links().upload(up.id(), SearchParams.isEnglish(ctx)));
      r.put("collection", up.collection());
      r.put("files", up.files().size());
      r.put("state", pages.text(locale, "upload.state." + up.state()));
      r.put("at", Format.date(up.createdAt()));
      recent.add(r);
    }
    model.put("recent", recent);
    pages.render(
        ctx,
        "upload",
        model,
        pages.text(locale, "upload.title"),
        pages.links().uploadForm(!SearchParams.isEnglish(ctx)));
  }

  void submit(Context ctx) throws IOException {
    Optional<User> u = user(ctx, pages.links().uploadForm(false));
    if (u.isEmpty()) return;
    String name = ctx.formParam("collection");
    Optional<Collection> c =
        workspace.collections().editableBy(u.get()).stream()
            .filter(x -> x.name().equals(name))
            .findFirst();
    if (!uploader(u.get()) || c.isEmpty()) {
      pages.error(ctx, 400, "upload.notYours", name == null ? "" : name);
      return;
    }
    List<UploadService.Incoming> files = new ArrayList<>();
    for (UploadedFile f : ctx.uploadedFiles("files"))
      files.add(new UploadService.Incoming(f.filename(), f.size(), f::content));
    if (files.isEmpty() || files.stream().allMatch(f -> f.size() == 0 && f.name().isBlank())) {
      pages.error(ctx, 400, "upload.none");
      return;
    }
    Upload up;
    try {
      up = uploads.receive(u.get(), c.get(), files, ctx.ip());
    } catch (WorkspaceException e) {
      pages.error(ctx, 400, "upload.refused", e.getMessage());
      return;
    }
    ctx.redirect(pages.links().upload(up.id(), SearchParams.isEnglish(ctx)), HttpStatus.SEE_OTHER);
  }

  /** The upload of the path, when the signed-in user may see it (theirs, or any for an admin). */
  private Optional<Upload> visible(Context ctx, User u) {
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    return workspace.uploads().find(id).filter(x -> x.userId() == u.id() || u.role() == Role.ADMIN);
  }

  void status(Context ctx) throws IOException {
    Optional<User> u = user(ctx, ctx.path());
    if (u.isEmpty()) return;
    Optional<Upload> up = visible(ctx, u.get());
    if (up.isEmpty()) {
      pages.error(ctx, 404, "error.notFound", ctx.path());
      return;
    }
    Locale locale = SearchParams.locale(ctx);
    Upload x = up.get();
    List<Row> rows = new ArrayList<>();
    for (Uploads.File f : x.files()) {
      String href =
          f.outcome() == Uploads.Outcome.INDEXED && f.detail() != null
              ? Links.localized(f.detail(), SearchParams.isEnglish(ctx))
              : null;
      rows.add(
          new Row(
              f.name(),
              pages.text(locale, "upload.outcome." + f.outcome().code()),
              href == null ? detail(locale, f) : null,
              href));
    }
    Map<String, Object> model = new HashMap<>();
    model.put("upload", x);
    model.put("rows", rows);
    model.put("state", pages.text(locale, "upload.state." + x.state()));
    model.put("summary", summary(locale, x));
    model.put(
        "progress",
        uploads.waitingForIndex(x.id())
            ? pages.text(locale, "upload.waitingIndex")
            : uploads
                .progress(x.id())
                .map(p -> pages.text(locale, "upload.progress", p.read(), p.files()))
                .orElse(null));
    model.put("refresh", !x.finished());
    pages.render(
        ctx,
        "upload-status",
        model,
        pages.text(locale, "upload.statusTitle", x.id()),
        Links.localized(ctx.path(), !SearchParams.isEnglish(ctx)));
  }

  /**
   * A file's detail as the page words it: a duplicate's code ({@code sameBytes.collection} …) in
   * the page's language, an older upload's words as they were, a failure's reason as read.
   */
  private String detail(Locale locale, Uploads.File f) {
    String d = f.detail();
    if (d == null) return null;
    if (d.matches("(sameBytes|sameReport)\\.(public|collection)"))
      return pages.text(locale, "upload.detail." + d);
    if (f.outcome() == Uploads.Outcome.PUBLIC) return pages.text(locale, "upload.detail.public");
    for (var known : KNOWN.entrySet()) {
      var m = known.getKey().matcher(d);
      if (m.matches())
        return m.groupCount() == 0
            ? pages.text(locale, known.getValue())
            : pages.text(locale, known.getValue(), m.group(1));
    }
    return d;
  }

  /** The upload's own reasons (said in English where they are kept), by their message keys. */
  private static final Map<java.util.regex.Pattern, String> KNOWN = new LinkedHashMap<>();

  static {
    KNOWN.put(java.util.regex.Pattern.compile("larger than (\\d+) MB"), "upload.detail.tooLarge");
    KNOWN.put(
        java.util.regex.Pattern.compile("past (\\d+) MB in one upload"), "upload.detail.pastTotal");
    KNOWN.put(
        java.util.regex.Pattern.compile("more than (\\d+) files in one upload"),
        "upload.detail.tooMany");
    KNOWN.put(
        java.util.regex.Pattern.compile(
            java.util.regex.Pattern.quote(org.gongkai.upload.UploadService.NO_ROOM)),
        "upload.detail.noRoom");
    KNOWN.put(
        java.util.regex.Pattern.compile("not a supported file type"), "upload.detail.unsupported");
    KNOWN.put(java.util.regex.Pattern.compile("the kept file is gone"), "upload.detail.gone");
  }

  /** How many files came to each outcome: {@code 已编入索引 3 · 失败 1}. */
  private String summary(Locale locale, Upload x) {
    Map<Uploads.Outcome, Long> n = new LinkedHashMap<>();
    for (Uploads.File f : x.files()) n.merge(f.outcome(), 1L, Long::sum);
    List<String> parts = new ArrayList<>();
    n.forEach((o, k) -> parts.add(pages.text(locale, "upload.outcome." + o.code()) + " " + k));
    return String.join(" · ", parts);
  }

  void api(Context ctx) throws IOException {
    Optional<User> u = accounts.current(ctx);
    Optional<Upload> up = u.isEmpty() ? Optional.empty() : visible(ctx, u.get());
    if (up.isEmpty()) {
      ctx.status(404).json(Map.of("error", "no such upload"));
      return;
    }
    Upload x = up.get();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", x.id());
    out.put("collection", x.collection());
    out.put("user", x.user());
    out.put("state", x.state());
    out.put("createdAt", x.createdAt().toString());
    out.put("finishedAt", x.finishedAt() == null ? null : x.finishedAt().toString());
    uploads
        .progress(x.id())
        .ifPresent(p -> out.put("progress", Map.of("read", p.read(), "files", p.files())));
    // another run holds the index: it is tried again by itself
    out.put("waitingForIndex", uploads.waitingForIndex(x.id()));
    List<Map<String, Object>> files = new ArrayList<>();
    for (Uploads.File f : x.files()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", f.name());
      m.put("bytes", f.bytes());
      m.put("sha256", f.sha256());
      m.put("outcome", f.outcome().code());
      m.put("detail", f.detail());
      files.add(m);
    }
    out.put("files", files);
    ctx.contentType("application/json; charset=utf-8").result(mapper.writeValueAsString(out));
  }
}
