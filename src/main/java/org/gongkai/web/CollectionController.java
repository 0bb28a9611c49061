package org.gongkai.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gongkai.model.IndexedDocument;
import org.gongkai.model.IndexedFile;
import org.gongkai.search.ReadingService;
import org.gongkai.workspace.Collection;
import org.gongkai.workspace.Collections;
import org.gongkai.workspace.Role;
import org.gongkai.workspace.User;
import org.gongkai.workspace.Workspace;
import org.gongkai.workspace.WorkspaceException;

/**
 * Collections and their sharing in the browser (thin: they are {@link Collections}'): {@code
 * /collections} lists those one may read with whom each is shared; an admin, or an editor of a
 * collection, shares it with a user or a group picked from a list, as reader or editor, and takes
 * it back — never so as to lose it themselves by mistake; an editor or an admin creates one (and
 * edits it). {@code /collections/{id}} lists a collection's files to those who may read it, and
 * lets its editors take one out. A collection one may not read, or not manage, is a 404 at its
 * addresses; every change is in the audit log. A mistake (a name not on the list) is said on the
 * page, in its language.
 */
final class CollectionController implements Routes {

  @Override
  public void register(Router on) {
    on.get("/collections", this::list);
    on.post("/collections", this::create);
    on.post("/collections/{id}/share", this::share);
    on.post("/collections/{id}/unshare", this::unshare);
    on.get("/collections/{id}", this::files);
    on.post("/collections/{id}/remove", this::remove);
  }

  /** One collection on the page: whether the user may manage it, and its shares. */
  record Row(Collection collection, boolean manage, List<Collections.Share> shares, String href) {}

  /**
   * One file of a collection: its name, its report (title and link), and what to post to remove.
   */
  record FileRow(String name, String title, String href, String path) {}

  private final Workspace workspace;
  private final AccountController accounts;
  private final ReadingService reading;
  private final org.gongkai.upload.UploadService uploads;
  private final Pages pages;

  CollectionController(
      Workspace workspace,
      AccountController accounts,
      ReadingService reading,
      org.gongkai.upload.UploadService uploads,
      Pages pages) {
    this.workspace = workspace;
    this.accounts = accounts;
    this.reading = reading;
    this.uploads = uploads;
    this.pages = pages;
  }

  private Optional<User> user(Context ctx) {
    Optional<User> u = accounts.current(ctx);
    if (u.isEmpty()) ctx.redirect(pages.links().login(ctx.path()), HttpStatus.SEE_OTHER);
    return u;
  }

  /** Whether {@code user} may create collections: an admin or an editor. */
  private static boolean creator(User user) {
    return user.role() == Role.ADMIN || user.role() == Role.EDITOR;
  }

  void list(Context ctx) throws IOException {
    Optional<User> u = user(ctx);
    if (u.isEmpty()) return;
    render(ctx, u.get(), 200, null);
  }

  private void render(Context ctx, User u, int status, String error) {
    List<Long> managed =
        workspace.collections().editableBy(u).stream().map(Collection::id).toList();
    List<Row> rows = new ArrayList<>();
    for (Collection c : workspace.collections().readableBy(u))
      rows.add(
          new Row(
              c,
              managed.contains(c.id()),
              managed.contains(c.id()) ? workspace.collections().shares(c) : List.of(),
              workspace.collections().mayRead(Optional.of(u), c)
                  ? pages.links().collection(c.id(), SearchParams.isEnglish(ctx))
                  : null));
    Map<String, Object> model = new HashMap<>();
    model.put("rows", rows);
    model.put("users", workspace.collections().userNames());
    model.put("groups", workspace.collections().groups());
    model.put("creator", creator(u));
    model.put("error", error);
    Locale locale = SearchParams.locale(ctx);
    ctx.status(status);
    pages.render(
        ctx,
        "collections",
        model,
        pages.text(locale, "collections.title"),
        pages.links().collections(!SearchParams.isEnglish(ctx)));
  }

  void create(Context ctx) {
    Optional<User> u = user(ctx);
    if (u.isEmpty()) return;
    if (!creator(u.get())) {
      pages.error(ctx, 404, "error.notFound", ctx.path());
      return;
    }
    Locale locale = SearchParams.locale(ctx);
    String name = ctx.formParam("name") == null ? "" : ctx.formParam("name").strip();
    if (name.isEmpty() || name.length() > 200) {
      render(ctx, u.get(), 400, pages.text(locale, "collections.badName"));
      return;
    }
    if (workspace.collections().find(name).isPresent()) {
      render(ctx, u.get(), 400, pages.text(locale, "collections.nameTaken", name));
      return;
    }
    Collection c =
        workspace
            .collections()
            .create(name, "public".equals(ctx.formParam("access")), u.get().name(), ctx.ip());
    // its maker edits it: uploads into it, shares it (an admin manages every one anyway)
    if (u.get().role() != Role.ADMIN)
      workspace.collections().share(c.name(), u.get().name(), "editor", u.get().name(), ctx.ip());
    back(ctx);
  }

  /** The collection of the path, when {@code user} may manage it (else a 404 is sent: empty). */
  private Optional<Collection> managed(Context ctx, User user) {
    long wanted = id(ctx);
    Optional<Collection> c =
        workspace.collections().editableBy(user).stream().filter(x -> x.id() == wanted).findFirst();
    if (c.isEmpty()) pages.error(ctx, 404, "error.notFound", ctx.path());
    return c;
  }

  private static long id(Context ctx) {
    try {
      return Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  void share(Context ctx) {
    change(ctx, true);
  }

  void unshare(Context ctx) {
    change(ctx, false);
  }

  private void change(Context ctx, boolean share) {
    Optional<User> u = user(ctx);
    if (u.isEmpty()) return;
    Optional<Collection> c = managed(ctx, u.get());
    if (c.isEmpty()) return;
    String who = ctx.formParam("who") == null ? "" : ctx.formParam("who").strip();
    boolean group = "group".equals(ctx.formParam("kind"));
    String role = "editor".equals(ctx.formParam("role")) ? "editor" : "reader";
    Collections cs = workspace.collections();
    Locale locale = SearchParams.locale(ctx);
    if (group ? !cs.groups().contains(who) : workspace.users().find(who).isEmpty()) {
      render(
          ctx,
          u.get(),
          400,
          pages.text(locale, group ? "collections.noGroup" : "collections.noUser", who));
      return;
    }
    String name = c.get().name();
    if (!cs.wouldManage(u.get(), c.get(), who, group, share ? role : null)) {
      render(ctx, u.get(), 400, pages.text(locale, "collections.selfLast", name));
      return;
    }
    try {
      if (share && group) cs.shareWithGroup(name, who, role, u.get().name(), ctx.ip());
      else if (share) cs.share(name, who, role, u.get().name(), ctx.ip());
      else if (group) cs.unshareFromGroup(name, who, u.get().name(), ctx.ip());
      else cs.unshare(name, who, u.get().name(), ctx.ip());
    } catch (WorkspaceException e) {
      render(ctx, u.get(), 400, pages.text(locale, "collections.refused", e.getMessage()));
      return;
    }
    back(ctx);
  }

  /** {@code /collections/{id}}: the collection's files, to those who may read it. */
  void files(Context ctx) throws IOException {
    Optional<User> u = user(ctx);
    if (u.isEmpty()) return;
    Optional<Collection> c =
        workspace.collections().byId(id(ctx)).filter(x -> workspace.collections().mayRead(u, x));
    if (c.isEmpty()) {
      pages.error(ctx, 404, "error.notFound", ctx.path());
      return;
    }
    boolean manage =
        uploads != null
            && !c.get().isPublic()
            && workspace.collections().editableBy(u.get()).stream()
                .anyMatch(x -> x.id() == c.get().id());
    List<FileRow> files = new ArrayList<>();
    if (!c.get().isPublic())
      for (Map.Entry<IndexedFile, Optional<IndexedDocument>> f :
          reading.collectionFiles(c.get().key())) {
        String path = f.getKey().path();
        files.add(
            new FileRow(
                path.substring(path.lastIndexOf('/') + 1),
                f.getValue().map(IndexedDocument::title).orElse(null),
                f.getValue()
                    .map(d -> pages.links().document(d.docId(), SearchParams.isEnglish(ctx)))
                    .orElse(null),
                path));
      }
    Map<String, Object> model = new HashMap<>();
    model.put("collection", c.get());
    model.put("files", files);
    model.put("manage", manage);
    model.put(
        "removeAction", pages.links().collectionRemove(c.get().id(), SearchParams.isEnglish(ctx)));
    Locale locale = SearchParams.locale(ctx);
    pages.render(
        ctx,
        "collection",
        model,
        pages.text(locale, "collection.title", c.get().name()),
        pages.links().collection(c.get().id(), !SearchParams.isEnglish(ctx)));
  }

  /** {@code POST /collections/{id}/remove}: an editor takes one file out. */
  void remove(Context ctx) throws IOException {
    Optional<User> u = user(ctx);
    if (u.isEmpty()) return;
    Optional<Collection> c = managed(ctx, u.get());
    if (c.isEmpty()) return;
    String path = ctx.formParam("path") == null ? "" : ctx.formParam("path");
    if (uploads == null || !uploads.remove(u.get(), c.get(), path, ctx.ip())) {
      pages.error(ctx, 404, "error.notFound", ctx.path());
      return;
    }
    ctx.redirect(
        pages.links().collection(c.get().id(), SearchParams.isEnglish(ctx)), HttpStatus.SEE_OTHER);
  }

  private void back(Context ctx) {
    ctx.redirect(pages.links().collections(SearchParams.isEnglish(ctx)), HttpStatus.SEE_OTHER);
  }
}
