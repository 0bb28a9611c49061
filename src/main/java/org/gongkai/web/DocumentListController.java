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
import org.gongkai.search.SearchService;

/**
 * {@code /documents} and {@code /api/documents}: reports rather than sections, with the same query,
 * facets and selections as a search, every count a number of reports.
 */
final class DocumentListController {

  private final SearchService search;
  private final SearchJson json;
  private final Pages pages;
  private final Links links;
  private final FacetViews facetViews;

  DocumentListController(SearchService search, SearchJson json, Pages pages) {
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
    for (DocumentEntry d : list.documents()) rows.add(row(++rank, d, params));
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

  private Views.DocumentRow row(int rank, DocumentEntry d, SearchParams params) {
    Links.Carry carry = params.carry();
    List<Views.Link> files = new ArrayList<>();
    for (int i = 0; i < d.files().size(); i++) {
      FileRef f = d.files().get(i);
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
        d.kind(),
        d.department(),
        d.sections(),
        d.figures(),
        d.flags(),
        files,
        d.matching(),
        d.ocr());
  }

  void api(Context ctx) throws IOException {
    String format = ctx.queryParam("format");
    if (format != null && !format.isBlank() && !format.equals("json")) {
      pages.jsonError(ctx, 400, "unknown format \"" + format + "\"; use json");
      return;
    }
    DocumentList list = search.documents(SearchParams.from(ctx, links, "/documents").toRequest());
    pages.json(ctx, 200, json.documents(list));
  }
}
