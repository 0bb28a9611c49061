package org.gongkai.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongkai.model.DocumentEntry;
import org.gongkai.model.DocumentList;
import org.gongkai.model.SearchRequest;
import org.gongkai.search.Searches;
import org.gongkai.workspace.SavedSearch;
import org.gongkai.workspace.User;
import org.gongkai.workspace.Workspace;
import org.gongkai.workspace.WorkspaceException;

/**
 * A signed-in user's saved searches (thin: they are {@link Workspace}'s): saved from a search page
 * with a name, listed with what is new since last looked at, opened, deleted; each with its Atom
 * feed at a secret address that a new one revokes. Another user's saved search is a 404.
 */
final class SavedSearchController implements Routes {

  @Override
  public void register(Router on) {
    on.get("/saved", this::list);
    on.post("/saved", this::save);
    on.get("/saved/{id}", this::open);
    on.post("/saved/{id}/feed", this::newFeed);
    on.post("/saved/{id}/delete", this::delete);
    on.get("/feed/saved/{token}", this::feed);
  }

  /** How many of a search's newest reports are looked at to count what is new (all: "100+"). */
  static final int NEW_LOOKED_AT = 100;

  /** One row of the list. */
  record Row(
      long id, String name, String searchHref, String openHref, String feed, String newSince) {}

  private final Workspace workspace;
  private final AccountController accounts;
  private final DocumentListController lists;
  private final Searches search;
  private final Pages pages;
  private final Links links;

  SavedSearchController(
      Workspace workspace,
      AccountController accounts,
      DocumentListController lists,
      Searches search,
      Pages pages,
      Links links) {
    this.workspace = workspace;
    this.accounts = accounts;
    this.lists = lists;
    this.search = search;
    this.pages = pages;
    this.links = links;
  }

  /** The signed-in user; else, for a page, on to the sign-in form and back (empty). */
  private Optional<User> user(Context ctx) {
    Optional<User> u = accounts.current(ctx);
    if (u.isEmpty()) ctx.redirect(links.login(links.savedSearches(false)), HttpStatus.SEE_OTHER);
    return u;
  }

  void save(Context ctx) {
    Optional<User> u = user(ctx);
    if (u.isEmpty()) return;
    // read as a search reads it (a bad parameter is a 400), kept in its one normal form
    SearchParams params =
        SearchParams.from(SearchParams.parameters(ctx.formParam("query")), false, links, "/search");
    try {
      workspace.savedSearches().save(u.get(), ctx.formParam("name"), params.saved());
    } catch (WorkspaceException e) {
      pages.error(ctx, 400, "saved.refused", e.getMessage());
      return;
    }
    ctx.redirect(links.savedSearches(SearchParams.isEnglish(ctx)), HttpStatus.SEE_OTHER);
  }

  void list(Context ctx) throws IOException {
    Optional<User> u = user(ctx);
    if (u.isEmpty()) return;
    List<Row> rows = new ArrayList<>();
    boolean english = SearchParams.isEnglish(ctx);
    for (SavedSearch s : workspace.savedSearches().list(u.get())) {
      int fresh = newSince(s);
      rows.add(
          new Row(
              s.id(),
              s.name(),
              links.savedRun(s.query(), english),
              links.savedSearch(s.id(), english),
              links.absolute(links.savedFeed(s.feedToken()), ctx),
              fresh == 0
                  ? null
                  : pages.text(
                      SearchParams.locale(ctx),
                      "saved.new",
                      fresh >= NEW_LOOKED_AT ? NEW_LOOKED_AT + "+" : String.valueOf(fresh))));
    }
    Map<String, Object> model = new HashMap<>();
    model.put("rows", rows);
    pages.render(
        ctx,
        "saved",
        model,
        pages.text(SearchParams.locale(ctx), "saved.title"),
        links.savedSearches(!SearchParams.isEnglish(ctx)));
  }

  /** Opens the search, and notes that its results were looked at now. */
  void open(Context ctx) {
    Optional<User> u = user(ctx);
    if (u.isEmpty()) return;
    Optional<SavedSearch> s = mine(ctx, u.get());
    if (s.isEmpty()) return;
    workspace.savedSearches().seen(u.get(), s.get().id(), Instant.now());
    ctx.redirect(
        links.savedRun(s.get().query(), SearchParams.isEnglish(ctx)), HttpStatus.SEE_OTHER);
  }

  void newFeed(Context ctx) {
    Optional<User> u = user(ctx);
    if (u.isEmpty()) return;
    Optional<SavedSearch> s = mine(ctx, u.get());
    if (s.isEmpty()) return;
    workspace.savedSearches().newFeedToken(u.get(), s.get().id());
    ctx.redirect(links.savedSearches(SearchParams.isEnglish(ctx)), HttpStatus.SEE_OTHER);
  }

  void delete(Context ctx) {
    Optional<User> u = user(ctx);
    if (u.isEmpty()) return;
    Optional<SavedSearch> s = mine(ctx, u.get());
    if (s.isEmpty()) return;
    workspace.savedSearches().delete(u.get(), s.get().id(), ctx.ip());
    ctx.redirect(links.savedSearches(SearchParams.isEnglish(ctx)), HttpStatus.SEE_OTHER);
  }

  /** The feed at a saved search's secret address; a revoked or unknown one is a 404. */
  void feed(Context ctx) throws IOException {
    Optional<SavedSearch> s = workspace.savedSearches().byFeedToken(ctx.pathParam("token"));
    if (s.isEmpty()) {
      pages.error(ctx, 404, "error.notFound", Pages.localPath(ctx));
      return;
    }
    SearchParams params =
        SearchParams.from(SearchParams.parameters(s.get().query()), false, links, "/search");
    // the feed reader signs in as nobody: the search reads what its owner may read (their private
    // collections too; a disabled owner's, nothing private), as the saved search's page shows
    org.gongkai.model.Visibility.readable(
        workspace.collections().readableKeys(workspace.users().byId(s.get().userId())));
    lists.feed(ctx, params, s.get().name());
  }

  /** The signed-in user's saved search of the path's id; a 404 (said) when it is not theirs. */
  private Optional<SavedSearch> mine(Context ctx, User u) {
    Optional<SavedSearch> s = Optional.empty();
    try {
      s = workspace.savedSearches().find(u, Long.parseLong(ctx.pathParam("id")));
    } catch (NumberFormatException e) {
      // not an id: not found either
    }
    if (s.isEmpty()) pages.error(ctx, 404, "error.notFound", Pages.localPath(ctx));
    return s;
  }

  /** How many of the search's reports were indexed after its results were last looked at. */
  private int newSince(SavedSearch s) throws IOException {
    SearchRequest r =
        SearchParams.from(SearchParams.parameters(s.query()), false, links, "/search").toRequest();
    DocumentList list =
        search.documents(r.with(r.query(), SearchRequest.Order.INDEXED, 1, NEW_LOOKED_AT));
    int n = 0;
    for (DocumentEntry d : list.documents())
      if (d.indexedAt() != null && d.indexedAt().isAfter(s.seenAt())) n++;
    return n;
  }
}
