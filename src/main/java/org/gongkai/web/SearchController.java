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
import org.gongkai.model.GroupedPage;
import org.gongkai.model.HitGroup;
import org.gongkai.model.SearchHit;
import org.gongkai.model.SearchPage;
import org.gongkai.search.QueryParser;
import org.gongkai.search.ReadingService;
import org.gongkai.search.Searches;

/** The home page, the search page, the query help and {@code /api/search}. */
final class SearchController implements Routes {

  @Override
  public void register(Router on) {
    on.get("/", this::home);
    on.get("/search", this::searchPage);
    on.get("/help", this::help);
    on.get("/api/search", this::api);
  }

  /**
   * Example searches: words every such report uses, with a region and a year drawn from what the
   * index holds (its province with most reports, that province's city with most, its newest year),
   * so that each example finds something in any corpus, not only the bundled one.
   */
  static List<String> examples(List<FacetValue> regions, List<FacetValue> years) {
    List<String> out = new ArrayList<>();
    out.add("\"三公经费\"");
    FacetValue province = most(regions);
    if (province != null) out.add("公务接待 region:" + province.value());
    String newest =
        years.stream()
            .filter(y -> !y.remainder())
            .map(FacetValue::value)
            .max(java.util.Comparator.naturalOrder())
            .orElse(null);
    if (newest != null) out.add("\"三公经费\" year:" + newest);
    FacetValue city = province == null ? null : most(province.children());
    if (city != null && province.children().size() > 1) out.add("机关运行经费 -region:" + city.value());
    out.add("因公出国（境）费 OR 公务用车");
    return out;
  }

  /** The value with most reports (the first named in a tie), or null. */
  private static FacetValue most(List<FacetValue> values) {
    FacetValue best = null;
    for (FacetValue v : values)
      if (v.remainder()) continue;
      else if (best == null
          || v.count() > best.count()
          || v.count() == best.count() && v.value().compareTo(best.value()) < 0) best = v;
    return best;
  }

  private final Searches search;
  private final ReadingService reading;
  private final SearchJson json;
  private final Pages pages;
  private final Links links;
  private final FacetViews facetViews;

  private final Admission exports;

  SearchController(
      Searches search, ReadingService reading, SearchJson json, Pages pages, Admission exports) {
    this.exports = exports;
    this.search = search;
    this.reading = reading;
    this.json = json;
    this.pages = pages;
    this.links = pages.links();
    this.facetViews = new FacetViews(pages);
  }

  void home(Context ctx) throws IOException {
    Locale locale = SearchParams.locale(ctx);
    // every count on the home page is of reports; the sections are said once, in the overview
    org.gongkai.model.DocumentList reports = search.browseReports();
    boolean english = SearchParams.isEnglish(ctx);
    List<Views.Link> examples = new ArrayList<>();
    for (String q : examples(reports.facets().get(Facet.REGION), reports.facets().get(Facet.YEAR)))
      examples.add(new Views.Link(q, links.search(q, english)));
    List<Views.Link> years = new ArrayList<>();
    for (FacetValue y : reports.facets().get(Facet.YEAR))
      years.add(
          y.remainder()
              // the reports of no known year: counted, so the years add up to the reports
              ? new Views.Link(
                  pages.text(locale, "facet.unknown.year") + " (" + y.count() + ")", null)
              : new Views.Link(
                  y.value() + " (" + y.count() + ")",
                  links.documents(Facet.YEAR, y.value(), english)));
    List<Views.Option> tree = browseTree(reports.facets().get(Facet.REGION), english, locale, null);
    long regions = countLeaves(reports.facets().get(Facet.REGION));
    var view =
        new Views.HomeView(
            reports.total(),
            // the pages a crawl brings home beside its reports: said apart, never as reports
            Math.max(
                0,
                search.documents(org.gongkai.model.SearchRequest.of("").withSize(1)).total()
                    - reports.total()),
            reading.sectionCount(),
            regions,
            reports.facets().get(Facet.YEAR).stream()
                .filter(y -> !y.remainder())
                .map(FacetValue::value)
                .toList(),
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
    Map<String, Object> model = new HashMap<>();
    if (params.byReport) {
      GroupedPage grouped = search.searchByReport(params.toRequest());
      model.put("view", groupedView(params, grouped, locale, ctx));
    } else {
      model.put("view", view(params, search.search(params.toRequest()), locale, ctx));
    }
    // a feed reader finds the search's Atom feed from the page itself (autodiscovery)
    model.put("feed", links.export("/feed", params.q, params.selections, null));
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
    List<Views.Link> indicators = new ArrayList<>();
    for (org.gongkai.indicators.Indicator i : org.gongkai.indicators.Indicator.all())
      indicators.add(new Views.Link(i.label, i.id));
    pages.render(
        ctx,
        "help",
        Map.of(
            "categories",
            org.gongkai.text.SectionCategorizer.CATEGORIES,
            "kinds",
            java.util.Arrays.stream(org.gongkai.model.ReportKind.values())
                .map(k -> k.label())
                .toList(),
            "roles",
            java.util.Arrays.stream(org.gongkai.model.PageRole.values())
                .filter(r -> r != org.gongkai.model.PageRole.LANDING)
                .map(r -> r.code() + " " + r.label())
                .toList(),
            "indicators",
            indicators),
        pages.text(locale, "help.title"),
        links.help(!SearchParams.isEnglish(ctx)));
  }

  /** The most rows an export writes (a larger search is narrowed, or exported in parts). */
  static final int EXPORT_CAP = 100_000;

  void api(Context ctx) throws IOException {
    String format = ctx.queryParam("format");
    if (format != null && (format.equals("csv") || format.equals("jsonl"))) {
      export(ctx, format);
      return;
    }
    if (format != null && !format.isBlank() && !format.equals("json")) {
      pages.jsonError(ctx, 400, "unknown format \"" + format + "\"; use json, csv or jsonl");
      return;
    }
    SearchParams params = SearchParams.from(ctx, links);
    if (params.byReport) {
      pages.json(ctx, 200, json.grouped(search.searchByReport(params.toRequest())));
      return;
    }
    SearchPage result = search.search(params.toRequest());
    pages.json(ctx, 200, json.toJson(result));
  }

  /**
   * Every hit of the search (not one page), streamed as CSV or JSON Lines, up to {@code limit} rows
   * (at most {@link #EXPORT_CAP}); the file says so when it stops short.
   */
  private void export(Context ctx, String format) throws IOException {
    SearchParams params = SearchParams.from(ctx, links);
    String limitParam = ctx.queryParam("limit");
    int cap = EXPORT_CAP;
    if (limitParam != null) {
      int asked = SearchParams.intParam(limitParam, -1);
      if (asked < 1) {
        pages.jsonError(
            ctx,
            400,
            "limit must be a whole number from 1 to " + EXPORT_CAP + ", not " + limitParam);
        return;
      }
      cap = Math.min(asked, EXPORT_CAP);
    }
    try (Admission.Ticket admitted = exports.enter(ctx, pages)) {
      if (admitted != null) write(ctx, params, format, cap);
    }
  }

  private void write(Context ctx, SearchParams params, String format, int cap) throws IOException {
    boolean csv = format.equals("csv");
    ctx.contentType(csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8");
    ctx.header("Content-Disposition", "attachment; filename=\"gongkai-search." + format + "\"");
    var out =
        new java.io.BufferedWriter(
            new java.io.OutputStreamWriter(
                ctx.outputStream(), java.nio.charset.StandardCharsets.UTF_8));
    try (org.gongkai.api.HitExport export =
        new org.gongkai.api.HitExport(
            out,
            format,
            json.mapper(),
            links,
            href -> links.absolute(href, ctx),
            json::collection)) {
      long total = search.export(params.toRequest(), cap, export::write);
      export.finish(total, cap);
    }
  }

  // ---- view building

  private Views.Hit hit(
      int rank, SearchHit h, Links.Carry carry, Locale locale, io.javalin.http.Context ctx) {
    String cited = links.citedPermalink(h.id(), ctx);
    return new Views.Hit(
        rank,
        links.sectionHit(h.id(), carry),
        // the permalink followed: in English it keeps the page's language
        links.section(h.id(), new Links.Carry("", carry.english())),
        // the permalink as people quote it: absolute where the portal knows its address, for any
        // reader (no language)
        cited != null ? cited : links.section(h.id(), new Links.Carry("", false)),
        h.docTitle(),
        links.document(h.docId(), carry),
        Format.region(h.region()),
        h.year(),
        pages.wording().kind(locale, h.kind()),
        pages.wording().category(locale, h.category()),
        h.breadcrumb(),
        h.heading(),
        Html.of(h.snippet(), false),
        h.ocr(),
        h.page(),
        // reports of one district often share a title (上海市普陀区2025年区级部门预算): the issuer
        // tells them apart, where the title does not already name it
        h.issuer() == null || h.docTitle() != null && h.docTitle().contains(h.issuer())
            ? null
            : h.issuer(),
        // 原件第N页 opens the original there (a PDF viewer honours #page)
        h.page() > 0 ? links.originalPage(h.docId(), h.page()) : null,
        h.docId(),
        pages.collectionName(h.collection()));
  }

  /** One result per report: each with its hit count and best sections. */
  private Views.SearchView groupedView(
      SearchParams params, GroupedPage r, Locale locale, io.javalin.http.Context ctx)
      throws IOException {
    Links.Carry carry = params.carry();
    List<Views.Group> groups = new ArrayList<>();
    int rank = (r.page() - 1) * r.size();
    for (HitGroup g : r.groups()) {
      List<Views.Hit> best = new ArrayList<>();
      for (SearchHit h : g.best()) best.add(hit(0, h, carry, locale, ctx));
      SearchHit first = g.best().get(0);
      groups.add(
          new Views.Group(
              ++rank,
              first.docTitle() == null ? g.docId() : first.docTitle(),
              links.document(g.docId(), carry),
              first.issuer(),
              first.issuer() == null ? null : links.issuer(first.issuer(), params.english),
              Format.region(first.region()),
              first.year(),
              pages.wording().kind(locale, first.kind()),
              g.hits(),
              best,
              pages.collectionName(first.collection())));
    }
    List<QueryParser.TypedFilter> typed = QueryParser.typedFilters(params.q);
    return new Views.SearchView(
        params.q,
        r.total(),
        Format.seconds(r.tookMs()),
        List.of(),
        facetViews.facets(params, r.facets(), r.selected(), typed, locale),
        facetViews.chips(params, typed, locale),
        pageLinks(params, r.page(), r.pages()),
        r.page() > 1 ? params.withPage(r.page() - 1) : null,
        r.page() < r.pages() ? params.withPage(r.page() + 1) : null,
        r.notices().stream().map(m -> pages.wording().notice(locale, m)).toList(),
        params.sort,
        params.withSort("relevance"),
        params.withSort("year"),
        params.hasSelections() || !typed.isEmpty() ? params.withoutSelections() : null,
        params.selections.get(Facet.REGION).isEmpty() ? null : params.withoutSelections(),
        true,
        r.reports(),
        groups,
        params.withGrouping(false),
        params.withGrouping(true),
        exports(params),
        suggestions(params, r.total()));
  }

  private List<Views.PageLink> pageLinks(SearchParams params, int page, int last) {
    List<Views.PageLink> pageLinks = new ArrayList<>();
    int from = Math.max(1, page - 4), to = Math.min(last, from + 8);
    for (int p = from; p <= to && last > 1; p++)
      pageLinks.add(new Views.PageLink(String.valueOf(p), params.withPage(p), p == page));
    return pageLinks;
  }

  /** The exports and the feed of this search (every hit, not one page). */
  private Views.Exports exports(SearchParams params) {
    return new Views.Exports(
        links.export("/api/search", params.q, params.selections, "csv"),
        links.export("/api/search", params.q, params.selections, "jsonl"),
        links.export("/feed", params.q, params.selections, null),
        params.on("/documents"));
  }

  private Views.SearchView view(
      SearchParams params, SearchPage r, Locale locale, io.javalin.http.Context ctx)
      throws IOException {
    Links.Carry carry = params.carry();
    List<Views.Hit> hits = new ArrayList<>();
    int rank = (r.page() - 1) * r.size();
    for (SearchHit h : r.hits()) hits.add(hit(++rank, h, carry, locale, ctx));
    List<QueryParser.TypedFilter> typed = QueryParser.typedFilters(params.q);
    List<Views.Facet> facets = facetViews.facets(params, r.facets(), r.selected(), typed, locale);
    List<Views.Chip> chips = facetViews.chips(params, typed, locale);
    int last = r.pages();
    List<Views.PageLink> pageLinks = pageLinks(params, r.page(), last);
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
        params.selections.get(Facet.REGION).isEmpty() ? null : params.withoutSelections(),
        false,
        0,
        List.of(),
        params.withGrouping(false),
        params.withGrouping(true),
        exports(params),
        suggestions(params, r.total()));
  }

  /** A search that finds this few sections or none offers the phrases one character off it. */
  static final int FEW_HITS = 2;

  /**
   * Links to the same search with a word that finds nothing replaced by a phrase the index holds
   * one character off it, each with its count ({@code 公务接待费（201 处）}).
   */
  private List<Views.Link> suggestions(SearchParams params, long total) throws IOException {
    if (total > FEW_HITS || params.q.isBlank()) return List.of();
    List<Views.Link> out = new ArrayList<>();
    Locale locale = params.english ? Locale.ENGLISH : Messages.CHINESE;
    for (org.gongkai.model.Suggestion s : search.suggest(params.q)) {
      String q = params.q.replace(s.typed(), s.phrase());
      out.add(
          new Views.Link(
              pages.text(locale, "search.suggestion", s.phrase(), s.hits()),
              links.list("/search", q, params.selections, params.sort, 0, params.english, false)));
    }
    return out;
  }

  private List<Views.Option> browseTree(
      List<FacetValue> values, boolean english, Locale locale, String parent) {
    List<Views.Option> out = new ArrayList<>();
    for (FacetValue v : values) {
      if (v.remainder()) {
        // a region's own reports (省本级) or those of no region: counted, not a link
        String label =
            FacetValue.OWN.equals(v.value())
                ? pages.text(
                    locale,
                    "facet.own",
                    parent == null || parent.isEmpty() ? "" : parent.substring(parent.length() - 1))
                : FacetValue.OTHER.equals(v.value())
                    ? pages.text(locale, "facet.other")
                    : pages.text(locale, "facet.unknown.region");
        out.add(new Views.Option(label, null, v.count(), false, null, false, List.of(), false));
        continue;
      }
      out.add(
          new Views.Option(
              v.value(),
              v.path(),
              v.count(),
              false,
              links.documents(Facet.REGION, v.path(), english),
              false,
              browseTree(v.children(), english, locale, v.value()),
              false));
    }
    return out;
  }

  private static long countLeaves(List<FacetValue> values) {
    long n = 0;
    for (FacetValue v : values)
      if (!v.remainder()) n += v.children().isEmpty() ? 1 : countLeaves(v.children());
    return n;
  }
}
