package org.gongkai.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongkai.api.SearchJson;
import org.gongkai.model.DocumentEntry;
import org.gongkai.model.DocumentList;
import org.gongkai.model.FileRef;
import org.gongkai.search.QueryParser;
import org.gongkai.search.Searches;

/**
 * {@code /documents} and {@code /api/documents}: reports rather than sections, with the same query,
 * facets and selections as a search, every count a number of reports.
 */
final class DocumentListController implements Routes {

  @Override
  public void register(Router on) {
    on.get("/documents", this::page);
    on.get("/api/documents", this::api);
    on.get("/feed", this::feed);
  }

  private final Searches search;
  private final SearchJson json;
  private final Pages pages;
  private final Links links;
  private final FacetViews facetViews;

  DocumentListController(Searches search, SearchJson json, Pages pages) {
    this.search = search;
    this.json = json;
    this.pages = pages;
    this.links = pages.links();
    this.facetViews = new FacetViews(pages);
  }

  void page(Context ctx) throws IOException {
    SearchParams params = SearchParams.from(ctx, links, "/documents");
    Locale locale = SearchParams.locale(ctx);
    DocumentList list = search.documents(params.toRequest());
    List<QueryParser.TypedFilter> typed = QueryParser.typedFilters(params.q);
    List<Views.DocumentRow> rows = new ArrayList<>();
    int rank = (list.page() - 1) * list.size();
    for (DocumentEntry d : list.documents()) rows.add(row(++rank, d, params, locale));
    List<Views.PageLink> pageLinks = new ArrayList<>();
    int last = list.pages();
    int from = Math.max(1, list.page() - 4), to = Math.min(last, from + 8);
    for (int p = from; p <= to && last > 1; p++)
      pageLinks.add(new Views.PageLink(String.valueOf(p), params.withPage(p), p == list.page()));
    var view =
        new Views.DocumentsView(
            params.q,
            list.total(),
            Format.seconds(list.tookMs()),
            rows,
            facetViews.facets(params, list.facets(), list.selected(), typed, locale),
            facetViews.chips(params, typed, locale),
            pageLinks,
            list.page() > 1 && list.page() <= last ? params.withPage(list.page() - 1) : null,
            list.page() < last ? params.withPage(list.page() + 1) : null,
            list.notices().stream().map(m -> pages.wording().notice(locale, m)).toList(),
            params.sort,
            params.withSort("relevance"),
            params.withSort("year"),
            params.withSort("indexed"),
            params.hasSelections() || !typed.isEmpty() ? params.withoutSelections() : null,
            params.on("/search"),
            links.export("/api/documents", params.q, params.selections, "csv"));
    String title = pages.text(locale, "documents.title");
    pages.render(
        ctx,
        "documents",
        Map.of("view", view),
        (params.q.isBlank() ? "" : params.q + " · ") + title,
        params.otherLanguage());
  }

  private Views.DocumentRow row(int rank, DocumentEntry d, SearchParams params, Locale locale) {
    Links.Carry carry = params.carry();
    List<Views.Link> files = new ArrayList<>();
    java.util.Set<String> listed = new java.util.HashSet<>();
    for (int i = 0; i < d.files().size(); i++) {
      FileRef f = d.files().get(i);
      // the same bytes reached through two folders are one file to a reader
      if (f.sha256() != null && !listed.add(f.sha256())) continue;
      files.add(new Views.Link(f.name(), links.file(d.docId(), i + 1, d.files().size())));
    }
    return new Views.DocumentRow(
        rank,
        d.title() == null ? d.docId() : d.title(),
        links.document(d.docId(), carry),
        d.issuer(),
        d.issuer() == null ? null : links.issuer(d.issuer(), params.english),
        Format.region(d.region()),
        d.year(),
        // a page of a crawl that is no report is named for what it is (列表页, 新闻), not 其他
        d.role() == org.gongkai.model.PageRole.REPORT
            ? pages.wording().kind(locale, d.kind())
            : pages.wording().pageRole(locale, d.role().code()),
        pages.wording().department(locale, d.department()),
        d.sections(),
        d.figures(),
        d.flags(),
        files,
        d.matching(),
        d.ocr(),
        pages.collectionName(d.collection()));
  }

  /** Every report of the list (not one page) as CSV, up to the export cap. */
  private void csv(Context ctx) throws IOException {
    SearchParams params = SearchParams.from(ctx, links, "/documents");
    DocumentList list = search.documents(params.toRequest(), SearchController.EXPORT_CAP);
    ctx.contentType("text/csv; charset=utf-8");
    ctx.header("Content-Disposition", "attachment; filename=\"gongkai-documents.csv\"");
    ctx.result(
        org.gongkai.api.DocumentCsv.of(
            list,
            href -> links.absolute(href, ctx),
            links,
            SearchController.EXPORT_CAP,
            json::collection));
  }

  /** Entries a feed holds: the reports indexed last. */
  static final int FEED_ENTRIES = 50;

  /**
   * {@code /feed?q=…&<filters>}: the reports that match, newest indexed first, as Atom — an alert
   * on a saved search without an account.
   */
  void feed(Context ctx) throws IOException {
    feed(ctx, SearchParams.from(ctx, links, "/search"), null);
  }

  /**
   * The Atom feed of the reports {@code params} finds, newest indexed first; {@code title} names it
   * (null: the query).
   */
  void feed(Context ctx, SearchParams params, String name) throws IOException {
    Locale locale = SearchParams.locale(ctx);
    org.gongkai.model.SearchRequest asked = params.toRequest();
    org.gongkai.model.SearchRequest r =
        asked.with(asked.query(), org.gongkai.model.SearchRequest.Order.INDEXED, 1, FEED_ENTRIES);
    DocumentList list = search.documents(r);
    Links.Carry carry = params.carry();
    // which sections matched, for the reports among the 100 that match best (grouped by report)
    java.util.Map<String, List<org.gongkai.model.SearchHit>> best = new java.util.HashMap<>();
    if (!asked.query().isBlank() && list.total() > 0) {
      org.gongkai.model.SearchRequest grouped =
          asked.with(
              asked.query(),
              org.gongkai.model.SearchRequest.Order.RELEVANCE,
              1,
              org.gongkai.model.SearchRequest.MAX_SIZE);
      for (org.gongkai.model.HitGroup g : search.searchByReport(grouped).groups())
        best.put(g.docId(), g.best());
    }
    List<org.gongkai.api.AtomFeed.Entry> entries = new ArrayList<>();
    for (DocumentEntry d : list.documents()) {
      List<String> parts = new ArrayList<>();
      if (d.issuer() != null) parts.add(d.issuer());
      if (d.region() != null) parts.add(Format.region(d.region()));
      if (d.year() != null) parts.add(String.valueOf(d.year()));
      if (d.role() != org.gongkai.model.PageRole.REPORT)
        parts.add(pages.wording().pageRole(locale, d.role().code()));
      else if (d.kind() != null) parts.add(pages.wording().kind(locale, d.kind()));
      if (d.matching() > 0) parts.add(pages.text(locale, "documents.matching", d.matching()));
      List<org.gongkai.model.SearchHit> hits = best.getOrDefault(d.docId(), List.of());
      if (!hits.isEmpty())
        parts.add(
            pages.text(
                locale,
                "feed.sections",
                String.join(
                    "；", hits.stream().map(org.gongkai.model.SearchHit::heading).toList())));
      entries.add(
          new org.gongkai.api.AtomFeed.Entry(
              d, links.absolute(links.document(d.docId(), carry), ctx), String.join(" · ", parts)));
    }
    String title =
        pages.text(locale, "app.name")
            + (name != null ? ": " + name : params.q.isBlank() ? "" : ": " + params.q)
            + (list.selected().isEmpty()
                ? ""
                : " ["
                    + String.join(
                        "; ",
                        list.selected().entrySet().stream()
                            .map(e -> e.getKey().key() + ":" + String.join(",", e.getValue()))
                            .toList())
                    + "]");
    // a saved search's feed is its own address (its secret stays in it); any other, /feed?…
    String self =
        links.absolute(
            name != null
                ? ctx.path()
                : "/feed" + (ctx.queryString() == null ? "" : "?" + ctx.queryString()),
            ctx);
    String body =
        org.gongkai.api.AtomFeed.of(
            title,
            self,
            links.absolute(params.withPage(0), ctx),
            pages.text(locale, "app.name"),
            entries);
    ctx.contentType("application/atom+xml; charset=utf-8");
    ctx.result(body);
  }

  void api(Context ctx) throws IOException {
    String format = ctx.queryParam("format");
    if ("csv".equals(format)) {
      csv(ctx);
      return;
    }
    if (format != null && !format.isBlank() && !format.equals("json")) {
      pages.jsonError(ctx, 400, "unknown format \"" + format + "\"; use json or csv");
      return;
    }
    DocumentList list = search.documents(SearchParams.from(ctx, links, "/documents").toRequest());
    pages.json(ctx, 200, json.documents(list));
  }
}
