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
import org.gongkai.workspace.Collection;
import org.gongkai.workspace.Collections;
import org.gongkai.workspace.Role;
import org.gongkai.workspace.User;
import org.gongkai.workspace.Workspace;
import org.gongkai.workspace.WorkspaceException;

/**
 * Collections and their sharing in the browser (thin: they are {@link Collections}'): {@code
 * /collections} lists those one may read with whom each is shared; an admin, or an editor of a
 * collection, shares it with a user or a group as reader or editor and takes it back; an admin
 * creates one. A collection one may not read, or not manage, is a 404 at its addresses; every
 * change is in the audit log.
 */
final class CollectionController {

  /** One collection on the page: whether the user may manage it, and its shares. */
  record Row(Collection collection, boolean manage, List<Collections.Share> shares) {}

  private final Workspace workspace;
  private final AccountController accounts;
  private final Pages pages;

  CollectionController(Workspace workspace, AccountController accounts, Pages pages) {
    this.workspace = workspace;
    this.accounts = accounts;
    this.pages = pages;
  }

  private Optional<User> user(Context ctx) {
    Optional<User> u = accounts.current(ctx);
    if (u.isEmpty()) ctx.redirect("/login?next=%2Fcollections", HttpStatus.SEE_OTHER);
    return u;
  }

  void list(Context ctx) throws IOException {
    Optional<User> u = user(ctx);
    if (u.isEmpty()) return;
    List<Long> managed =
        workspace.collections().editableBy(u.get()).stream().map(Collection::id).toList();
    List<Row> rows = new ArrayList<>();
    for (Collection c : workspace.collections().readableBy(u.get()))
      rows.add(
          new Row(
              c,
              managed.contains(c.id()),
              managed.contains(c.id()) ? workspace.collections().shares(c) : List.of()));
    Map<String, Object> model = new HashMap<>();
    model.put("rows", rows);
    model.put("groups", workspace.collections().groups());
    model.put("creator", u.get().role() == Role.ADMIN);
    Locale locale = SearchParams.locale(ctx);
    pages.render(
        ctx,
        "collections",
        model,
        pages.text(locale, "collections.title"),
        SearchParams.isEnglish(ctx) ? "/collections" : "/collections?lang=en");
  }

  void create(Context ctx) {
    Optional<User> u = user(ctx);
    if (u.isEmpty()) return;
    if (u.get().role() != Role.ADMIN) {
      pages.error(ctx, 404, "error.notFound", ctx.path());
      return;
    }
    try {
      workspace
          .collections()
          .create(
              ctx.formParam("name"),
              "public".equals(ctx.formParam("access")),
              u.get().name(),
              ctx.ip());
    } catch (WorkspaceException e) {
      pages.error(ctx, 400, "collections.refused", e.getMessage());
      return;
    }
    back(ctx);
  }

  /** The collection of the path, when {@code user} may manage it (else a 404 is sent: empty). */
  private Optional<Collection> managed(Context ctx, User user) {
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      id = -1;
    }
    long wanted = id;
    Optional<Collection> c =
        workspace.collections().editableBy(user).stream().filter(x -> x.id() == wanted).findFirst();
    if (c.isEmpty()) pages.error(ctx, 404, "error.notFound", ctx.path());
    return c;
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
    String role = ctx.formParam("role") == null ? "reader" : ctx.formParam("role");
    Collections cs = workspace.collections();
    String name = c.get().name();
    try {
      if (share && group) cs.shareWithGroup(name, who, role, u.get().name(), ctx.ip());
      else if (share) cs.share(name, who, role, u.get().name(), ctx.ip());
      else if (group) cs.unshareFromGroup(name, who, u.get().name(), ctx.ip());
      else cs.unshare(name, who, u.get().name(), ctx.ip());
    } catch (WorkspaceException e) {
      pages.error(ctx, 400, "collections.refused", e.getMessage());
      return;
    }
    back(ctx);
  }

  private static void back(Context ctx) {
    ctx.redirect(
        SearchParams.isEnglish(ctx) ? "/collections?lang=en" : "/collections",
        HttpStatus.SEE_OTHER);
  }
}
