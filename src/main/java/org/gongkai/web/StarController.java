package org.gongkai.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongkai.model.IndexedDocument;
import org.gongkai.search.ReadingService;
import org.gongkai.workspace.User;
import org.gongkai.workspace.Workspace;

/**
 * A signed-in user's starred documents (thin: they are {@link Workspace}'s): a star on a document's
 * page, and {@code /starred}, their own list. A document the index no longer holds is listed as
 * gone.
 */
final class StarController implements Routes {

  @Override
  public void register(Router on) {
    on.get("/starred", this::list);
    on.post("/d/{docId}/star", this::toggle);
  }

  /** One starred document: its title and where it is, or its id when the index lost it. */
  record Row(
      String docId,
      String title,
      String href,
      String issuer,
      String region,
      Integer year,
      String collection) {}

  private final Workspace workspace;
  private final AccountController accounts;
  private final ReadingService reading;
  private final Pages pages;

  StarController(
      Workspace workspace, AccountController accounts, ReadingService reading, Pages pages) {
    this.workspace = workspace;
    this.accounts = accounts;
    this.reading = reading;
    this.pages = pages;
  }

  /** Stars the document of the path, or takes its star away, and goes back to it. */
  void toggle(Context ctx) throws IOException {
    Optional<User> u = accounts.current(ctx);
    String docId = ctx.pathParam("docId");
    if (u.isEmpty() || reading.documentRecord(docId).isEmpty()) {
      pages.error(ctx, 404, "error.document", docId);
      return;
    }
    workspace.stars().toggle(u.get(), docId);
    ctx.redirect(pages.links().document(docId, SearchParams.isEnglish(ctx)), HttpStatus.SEE_OTHER);
  }

  void list(Context ctx) throws IOException {
    Optional<User> u = accounts.current(ctx);
    if (u.isEmpty()) {
      ctx.redirect(pages.links().login(pages.links().starred(false)), HttpStatus.SEE_OTHER);
      return;
    }
    boolean english = SearchParams.isEnglish(ctx);
    List<Row> rows = new ArrayList<>();
    for (String id : workspace.stars().list(u.get())) {
      Optional<IndexedDocument> d = reading.documentRecord(id);
      rows.add(
          d.map(
                  x ->
                      new Row(
                          id,
                          x.title(),
                          pages.links().document(id, english),
                          x.issuer(),
                          Format.region(x.region()),
                          x.year(),
                          pages.collectionName(x.collection())))
              .orElse(new Row(id, null, null, null, null, null, null)));
    }
    Map<String, Object> model = new HashMap<>();
    model.put("rows", rows);
    pages.render(
        ctx,
        "starred",
        model,
        pages.text(SearchParams.locale(ctx), "starred.title"),
        pages.links().starred(!english));
  }

  /** Whether the signed-in user starred {@code docId} (false when nobody is signed in). */
  boolean starred(Context ctx, String docId) {
    return accounts.current(ctx).map(u -> workspace.stars().starred(u, docId)).orElse(false);
  }
}
