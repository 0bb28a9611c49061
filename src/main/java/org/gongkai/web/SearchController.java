package org.gongkai.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongkai.api.Html;
import org.gongkai.api.SearchJson;
import org.gongkai.model.Facet;
import org.gongkai.model.FacetValue;
import org.gongkai.model.SearchHit;
import org.gongkai.model.SearchPage;
import org.gongkai.search.QueryParser;
import org.gongkai.search.ReadingService;
import org.gongkai.search.SearchService;

/** The home page, the search page, the query help and {@code /api/search}. */
final class SearchController {

  private static final List<String> EXAMPLES =
      List.of(
          "\"三公经费\"",
          "公务接待 region:湖北省",
          "\"乡村振兴\" year:2024",
          "机关运行经费 -region:武汉市",
          "因公出国（境）费 OR 公务用车");

  private final SearchService search;
  private final ReadingService reading;
  private final SearchJson json;
  private final Pages pages;
  private final Links links;
  private final FacetViews facetViews;

  SearchController(SearchService search, ReadingService reading, SearchJson json, Pages pages) {
    this.search = search;
    this.reading = reading;
    this.json = json;
    this.pages = pages;
    this.links = pages.links();
    this.facetViews = new FacetViews(pages);
  }

  void home(Context ctx) throws IOException {
    Locale locale = SearchParams.locale(ctx);
    SearchPage all = search.browse();
    boolean english = SearchParams.isEnglish(ctx);
    List<Views.Link> examples = new ArrayList<>();
    for (String q : EXAMPLES) examples.add(new Views.Link(q, links.search(q, english)));
    List<Views.Link> years = new ArrayList<>();
    for (FacetValue y : all.facets().get(Facet.YEAR))
      years.add(
          new Views.Link(
              y.value() + " (" + y.count() + ")", links.search(Facet.YEAR, y.value(), english)));
    List<Views.Option> tree = browseTree(all.facets().get(Facet.REGION), english);
    long regions = countLeaves(all.facets().get(Facet.REGION));
    var view =
        new Views.HomeView(
            reading.documentCount(),
            all.total(),
            regions,
            all.facets().get(Facet.YEAR).stream().map(FacetValue::value).toList(),
            tree,
            years,
            examples);
    // the other language's home page: English from Chinese, Chinese from English
    pages.render(
        ctx, "home", Map.of("view", view), pages.text(locale, "home.title"), links.home(!english));
  }

  void searchPage(Context ctx) throws IOException {
    SearchParams params = SearchParams.from(ctx, links);
    Locale locale = SearchParams.locale(ctx);
    SearchPage result = search.search(params.toRequest());
    Map<String, Object> model = new HashMap<>();
    model.put("view", view(params, result, locale));
    String title = params.q.isBlank() ? pages.text(locale, "search.browse") : params.q;
    pages.render(
        ctx,
        "search",
        model,
        title + " · " + pages.text(locale, "app.name"),
        params.otherLanguage());
  }

  void help(Context ctx) {
    Locale locale = SearchParams.locale(ctx);
    pages.render(
        ctx,
        "help",
        Map.of(),
        pages.text(locale, "help.title"),
        links.help(!SearchParams.isEnglish(ctx)));
  }

  void api(Context ctx) throws IOException {
    String format = ctx.queryParam("format");
    if (format != null && !format.isBlank() && !format.equals("json")) {
      pages.jsonError(ctx, 400, "unknown format \"" + format + "\"; use json");
      return;
    }
    SearchPage result = search.search(SearchParams.from(ctx, links).toRequest());
    pages.json(ctx, 200, json.toJson(result));
  }

  // ---- view building

  private Views.SearchView view(SearchParams params, SearchPage r, Locale locale) {
    Links.Carry carry = params.carry();
    List<Views.Hit> hits = new ArrayList<>();
    int rank = (r.page() - 1) * r.size();
    for (SearchHit h : r.hits()) {
      String permalink = links.section(h.id());
      String href = links.sectionHit(h.id(), carry);
      String docHref = links.document(h.docId(), carry);
      hits.add(
          new Views.Hit(
              ++rank,
              href,
              permalink,
              h.docTitle(),
              docHref,
              Format.region(h.region()),
              h.year(),
              h.kind(),
              h.category(),
              h.breadcrumb(),
              h.heading(),
              Html.of(h.snippet(), false),
              h.ocr(),
              h.page()));
    }
    List<QueryParser.TypedFilter> typed = QueryParser.typedFilters(params.q);
    List<Views.Facet> facets = facetViews.facets(params, r.facets(), r.selected(), typed, locale);
    List<Views.Chip> chips = facetViews.chips(params, typed, locale);
    List<Views.PageLink> pageLinks = new ArrayList<>();
    int last = r.pages();
    int from = Math.max(1, r.page() - 4), to = Math.min(last, from + 8);
    for (int p = from; p <= to && last > 1; p++)
      pageLinks.add(new Views.PageLink(String.valueOf(p), params.withPage(p), p == r.page()));
    String took = Format.seconds(r.tookMs());
    return new Views.SearchView(
        params.q,
        r.total(),
        took,
        hits,
        facets,
        chips,
        pageLinks,
        r.page() > 1 ? params.withPage(r.page() - 1) : null,
        r.page() < last ? params.withPage(r.page() + 1) : null,
        r.notices().stream().map(m -> pages.wording().notice(locale, m)).toList(),
        params.sort,
        params.withSort("relevance"),
        params.withSort("year"),
        params.hasSelections() || !typed.isEmpty() ? params.withoutSelections() : null,
        params.selections.get(Facet.REGION).isEmpty() ? null : params.withoutSelections());
  }

  private List<Views.Option> browseTree(List<FacetValue> values, boolean english) {
    List<Views.Option> out = new ArrayList<>();
    for (FacetValue v : values) {
      out.add(
          new Views.Option(
              v.value(),
              v.path(),
              v.count(),
              false,
              links.search(Facet.REGION, v.path(), english),
              false,
              browseTree(v.children(), english),
              false));
    }
    return out;
  }

  private static long countLeaves(List<FacetValue> values) {
    long n = 0;
    for (FacetValue v : values) n += v.children().isEmpty() ? 1 : countLeaves(v.children());
    return n;
  }
}
