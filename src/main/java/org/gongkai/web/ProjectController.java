package org.gongkai.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongkai.api.ProjectJson;
import org.gongkai.model.Facet;
import org.gongkai.model.FacetValue;
import org.gongkai.model.ProjectHit;
import org.gongkai.search.ProjectService;

/**
 * The projects reports fund, as things of their own: {@code /projects} searches them by the words
 * of their name, with facets by region, year, department and kind and an amount range, most money
 * first; {@code /p/{key}} is one project's page — every report that states it, its amounts over the
 * years for each issuer and unit, each linked to the cell or sentence it was read from. Both as
 * JSON and CSV under {@code /api/}.
 */
final class ProjectController implements Routes {

  @Override
  public void register(Router on) {
    on.get("/projects", this::page);
    on.get("/api/projects", this::api);
    on.get("/p/{key}", this::project);
    on.get("/api/p/{key}", this::projectApi);
  }

  /** The most projects one export gives. */
  static final int MAX_EXPORT = 10_000;

  static final int DEFAULT_SIZE = 20;
  static final int MAX_SIZE = 100;

  private static final List<Facet> DIMENSIONS =
      List.of(Facet.REGION, Facet.YEAR, Facet.DEPARTMENT, Facet.KIND);

  private final ProjectService projects;
  private final Pages pages;
  private final Links links;
  private final ObjectMapper mapper;

  /**
   * {@code projects} null: the index holds no project records (a SolrCloud collection's portal).
   */
  ProjectController(ProjectService projects, Pages pages, ObjectMapper mapper) {
    this.projects = projects;
    this.pages = pages;
    this.links = pages.links();
    this.mapper = mapper;
  }

  // ---- reading a request

  /** A request as the URL states it; a value that cannot be read is a 400 saying what to type. */
  private record Asked(
      String q,
      Map<Facet, List<String>> selections,
      BigDecimal min,
      BigDecimal max,
      ProjectService.Order order,
      String sort,
      int page,
      int size,
      boolean english) {

    ProjectService.Request request() {
      return new ProjectService.Request(
          q,
          selections.get(Facet.REGION),
          selections.get(Facet.YEAR),
          selections.get(Facet.DEPARTMENT),
          selections.get(Facet.KIND),
          min,
          max,
          order,
          page,
          size);
    }

    /** This request's parameters, in a stable order, as a URL's query string takes them. */
    Map<String, List<String>> params() {
      Map<String, List<String>> p = new LinkedHashMap<>();
      if (!q.isBlank()) p.put("q", List.of(q));
      for (Facet f : DIMENSIONS)
        if (!selections.get(f).isEmpty()) p.put(f.key(), new ArrayList<>(selections.get(f)));
      if (min != null) p.put("min", List.of(min.toPlainString()));
      if (max != null) p.put("max", List.of(max.toPlainString()));
      if (!sort.equals("amount")) p.put("sort", List.of(sort));
      if (size != DEFAULT_SIZE) p.put("size", List.of(String.valueOf(size)));
      if (english) p.put("lang", List.of("en"));
      return p;
    }
  }

  private static Asked asked(Context ctx, int defaultSize, int maxSize) {
    String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
    Map<Facet, List<String>> selections = new LinkedHashMap<>();
    for (Facet f : Facet.values()) {
      List<String> values = new ArrayList<>();
      for (String v : ctx.queryParams(f.key()))
        if (v != null && !v.isBlank() && !values.contains(v.strip())) values.add(v.strip());
      selections.put(f, values);
    }
    SearchParams.checkFilterCount(selections);
    for (String y : selections.get(Facet.YEAR)) SearchParams.checkYear(y);
    BigDecimal min = amount(ctx.queryParam("min"), "min");
    BigDecimal max = amount(ctx.queryParam("max"), "max");
    String sort = ctx.queryParam("sort") == null ? "amount" : ctx.queryParam("sort").strip();
    ProjectService.Order order =
        switch (sort) {
          case "amount", "" -> ProjectService.Order.AMOUNT;
          case "amount-asc" -> ProjectService.Order.AMOUNT_ASC;
          case "year" -> ProjectService.Order.YEAR;
          default -> throw new BadParameter("projects.badSort", sort);
        };
    if (sort.isEmpty()) sort = "amount";
    int page =
        SearchParams.strictParam(ctx.queryParam("page"), 1, Integer.MAX_VALUE, "error.badPage");
    int size =
        SearchParams.strictParam(ctx.queryParam("size"), defaultSize, maxSize, "error.badSize");
    return new Asked(q, selections, min, max, order, sort, page, size, SearchParams.isEnglish(ctx));
  }

  /** An amount as a person writes one: digits (commas allowed) and up to six decimals. */
  private static final java.util.regex.Pattern AMOUNT =
      java.util.regex.Pattern.compile(
          "\\d{1,3}(?:,\\d{3})+(?:\\.\\d{1,6})?|\\d{1,15}(?:\\.\\d{1,6})?");

  /**
   * An amount in 万元, zero or more; absent or blank: none. Written as digits only (no exponent: a
   * {@code 1e999999999} would be a number of a billion digits to print).
   */
  private static BigDecimal amount(String s, String name) {
    if (s == null || s.isBlank()) return null;
    String v = s.strip();
    if (!AMOUNT.matcher(v).matches()) throw new BadParameter("projects.badAmount", name, s);
    return new BigDecimal(v.replace(",", ""));
  }

  private boolean unavailable(Context ctx) {
    if (projects != null) return false;
    pages.error(ctx, 501, "projects.unavailable");
    return true;
  }

  // ---- /projects and /api/projects

  void page(Context ctx) throws IOException {
    if (unavailable(ctx)) return;
    Asked a = asked(ctx, DEFAULT_SIZE, MAX_SIZE);
    Locale locale = SearchParams.locale(ctx);
    ProjectService.Result r = projects.search(a.request());
    List<Row> rows = new ArrayList<>();
    for (ProjectHit h : r.hits()) rows.add(row(h, a.english()));
    List<Dimension> facets = new ArrayList<>();
    for (Facet f : DIMENSIONS) {
      List<Option> options = new ArrayList<>();
      options(f, r.facets().getOrDefault(f, List.of()), a, 0, options);
      facets.add(new Dimension(pages.text(locale, "projects.facet." + f.key()), options));
    }
    List<Sorting> sorts = new ArrayList<>();
    for (String s : List.of("amount", "amount-asc", "year")) {
      Map<String, List<String>> p = a.params();
      p.remove("sort");
      if (!s.equals("amount")) p.put("sort", List.of(s));
      sorts.add(
          new Sorting(
              pages.text(locale, "projects.sort." + s), href("/projects", p), s.equals(a.sort())));
    }
    Map<String, List<String>> export = a.params();
    export.remove("lang");
    export.remove("size");
    List<String> messages = new ArrayList<>();
    for (var m : r.messages()) messages.add(pages.wording().notice(locale, m));
    long pagesCount = (r.total() + a.size() - 1) / a.size();
    Map<String, List<String>> prev = a.params(), next = a.params();
    prev.put("page", List.of(String.valueOf(a.page() - 1)));
    next.put("page", List.of(String.valueOf(a.page() + 1)));
    var view =
        new ListView(
            a.q(),
            a.min() == null ? "" : a.min().toPlainString(),
            a.max() == null ? "" : a.max().toPlainString(),
            hidden(a),
            r.total(),
            rows,
            facets,
            sorts,
            messages,
            href("/api/projects", with(export, "format", "csv")),
            href("/api/projects", export),
            a.page() > 1 ? href("/projects", prev) : null,
            a.page() < pagesCount ? href("/projects", next) : null,
            a.page(),
            pagesCount);
    Map<String, List<String>> other = a.params();
    if (a.english()) other.remove("lang");
    else other.put("lang", List.of("en"));
    pages.render(
        ctx,
        "projects",
        Map.of("view", view),
        pages.text(locale, "projects.title"),
        href("/projects", other));
  }

  void api(Context ctx) throws IOException {
    if (unavailable(ctx)) return;
    String format = ctx.queryParam("format") == null ? "json" : ctx.queryParam("format").strip();
    if (!format.equals("json") && !format.equals("csv")) {
      pages.jsonError(ctx, 400, "unknown format \"" + format + "\"; use json or csv");
      return;
    }
    boolean csv = format.equals("csv");
    // an export gives every project asked (to its cap); a page of JSON its page
    Asked a =
        csv || ctx.queryParam("size") == null && ctx.queryParam("page") == null
            ? asked(ctx, MAX_EXPORT, MAX_EXPORT)
            : asked(ctx, DEFAULT_SIZE, MAX_EXPORT);
    ProjectService.Result r = projects.search(a.request());
    if (csv) {
      ctx.contentType("text/csv; charset=utf-8");
      ctx.header("Content-Disposition", "attachment; filename=\"projects.csv\"");
      ctx.result(
          ProjectJson.csv(r.hits(), links, links::absolute, pages::collectionName, r.total()));
      return;
    }
    var o =
        ProjectJson.list(
            mapper,
            r.hits(),
            r.total(),
            a.page(),
            a.size(),
            links,
            links::absolute,
            pages::collectionName);
    var notes = o.putArray("messages");
    for (var m : r.messages()) notes.add(pages.wording().notice(Locale.ENGLISH, m));
    pages.json(ctx, 200, o);
  }

  // ---- /p/{key} and /api/p/{key}

  void project(Context ctx) throws IOException {
    if (unavailable(ctx)) return;
    String key = ctx.pathParam("key");
    Locale locale = SearchParams.locale(ctx);
    boolean english = SearchParams.isEnglish(ctx);
    List<ProjectHit> found = projects.byKey(key);
    if (found.isEmpty()) {
      pages.error(ctx, 404, "projects.none", key);
      return;
    }
    List<String> names = new ArrayList<>();
    for (ProjectHit h : found)
      if (!names.contains(h.project().name())) names.add(h.project().name());
    // one group per issuer and unit, its statements by year, each with its change from the year
    // before where both are the same scope of money
    List<Group> groups = new ArrayList<>();
    String at = null;
    List<Row> rows = null;
    ProjectHit before = null;
    for (ProjectHit h : found) {
      String g = nz(h.issuer()) + "\u0000" + nz(h.project().unit());
      if (!g.equals(at)) {
        at = g;
        rows = new ArrayList<>();
        groups.add(
            new Group(h.issuer(), h.project().unit(), links.issuer(nz(h.issuer()), english), rows));
        before = null;
      }
      // the change from the year before: that year's statement of this project by the same
      // issuer and unit, in the same scope of money (a 全部 and a 财政拨款 table are not compared)
      String change = null;
      before = null;
      for (ProjectHit o : found)
        if (h.year() != null
            && o.year() != null
            && o.year() == h.year() - 1
            && java.util.Objects.equals(o.issuer(), h.issuer())
            && java.util.Objects.equals(o.project().unit(), h.project().unit())
            && java.util.Objects.equals(o.project().scope(), h.project().scope())) {
          before = o;
          break;
        }
      if (before != null && before.project().amount().signum() > 0) {
        BigDecimal d = h.project().amount().subtract(before.project().amount());
        BigDecimal pct =
            d.multiply(BigDecimal.valueOf(100))
                .divide(before.project().amount(), 1, java.math.RoundingMode.HALF_UP);
        change =
            pages.text(
                locale,
                "projects.change",
                (d.signum() > 0 ? "+" : "") + Format.money(d.doubleValue()),
                (pct.signum() > 0 ? "+" : "") + pct.toPlainString());
      }
      rows.add(row(h, english).withChange(change));
    }
    var view = new ProjectView(key, names, groups);
    pages.render(
        ctx,
        "project",
        Map.of("view", view, "apiHref", "/api" + links.project(key)),
        names.get(0),
        english ? links.project(key) : links.project(key) + "?lang=en");
  }

  void projectApi(Context ctx) throws IOException {
    if (unavailable(ctx)) return;
    String key = ctx.pathParam("key");
    List<ProjectHit> found = projects.byKey(key);
    if (found.isEmpty()) {
      pages.error(ctx, 404, "projects.none", key);
      return;
    }
    String format = ctx.queryParam("format") == null ? "json" : ctx.queryParam("format").strip();
    if (format.equals("csv")) {
      ctx.contentType("text/csv; charset=utf-8");
      ctx.header("Content-Disposition", "attachment; filename=\"project.csv\"");
      ctx.result(
          ProjectJson.csv(found, links, links::absolute, pages::collectionName, found.size()));
      return;
    }
    if (!format.equals("json")) {
      pages.jsonError(ctx, 400, "unknown format \"" + format + "\"; use json or csv");
      return;
    }
    var o =
        ProjectJson.list(
            mapper,
            found,
            found.size(),
            1,
            found.size(),
            links,
            links::absolute,
            pages::collectionName);
    o.put("key", key);
    pages.json(ctx, 200, o);
  }

  // ---- views

  /** One statement of a project, as a row shows it. */
  record Row(
      String name,
      String projectHref,
      String amount,
      String asWritten,
      String cellHref,
      String unit,
      String issuer,
      String issuerHref,
      Integer year,
      String title,
      String documentHref,
      String region,
      String proof,
      String target,
      String collection,
      String change) {
    Row withChange(String c) {
      return new Row(
          name,
          projectHref,
          amount,
          asWritten,
          cellHref,
          unit,
          issuer,
          issuerHref,
          year,
          title,
          documentHref,
          region,
          proof,
          target,
          collection,
          c);
    }
  }

  record Option(String label, long count, String href, boolean selected, int depth) {}

  record Dimension(String name, List<Option> options) {}

  record Sorting(String label, String href, boolean on) {}

  record Hidden(String name, String value) {}

  record ListView(
      String q,
      String min,
      String max,
      List<Hidden> hidden,
      long total,
      List<Row> rows,
      List<Dimension> facets,
      List<Sorting> sorts,
      List<String> messages,
      String csvHref,
      String jsonHref,
      String prevHref,
      String nextHref,
      int page,
      long pages) {}

  record Group(String issuer, String unit, String issuerHref, List<Row> rows) {}

  record ProjectView(String key, List<String> names, List<Group> groups) {}

  private Row row(ProjectHit h, boolean english) {
    var p = h.project();
    String cell =
        h.sectionId() == null
            ? links.document(h.docId(), english)
            : links.passage(h.sectionId(), p.start(), p.end(), english);
    return new Row(
        p.name(),
        localized(links.project(p.key()), english),
        Format.money(p.amount().doubleValue()),
        p.asWritten(),
        cell,
        p.unit(),
        h.issuer(),
        h.issuer() == null ? null : links.issuer(h.issuer(), english),
        h.year(),
        h.title() == null ? h.docId() : h.title(),
        links.document(h.docId(), english),
        h.region(),
        pages.text(SearchParams.localeOf(english), "projects.proof." + p.proof()),
        p.target(),
        h.collection() == null ? null : pages.collectionName(h.collection()),
        null);
  }

  /** A dimension's values as links that add (or, when selected, remove) the value. */
  private void options(Facet f, List<FacetValue> values, Asked a, int depth, List<Option> out) {
    for (FacetValue v : values) {
      if (v.remainder()) continue;
      Map<String, List<String>> p = a.params();
      p.remove("page");
      List<String> chosen = new ArrayList<>(p.getOrDefault(f.key(), List.of()));
      if (chosen.contains(v.path())) chosen.remove(v.path());
      else chosen.add(v.path());
      if (chosen.isEmpty()) p.remove(f.key());
      else p.put(f.key(), chosen);
      out.add(new Option(v.value(), v.count(), href("/projects", p), v.selected(), depth));
      options(f, v.children(), a, depth + 1, out);
    }
  }

  /** What the search form carries besides its own fields: the facets chosen, sort, language. */
  private static List<Hidden> hidden(Asked a) {
    List<Hidden> out = new ArrayList<>();
    for (var e : a.params().entrySet()) {
      if (List.of("q", "min", "max").contains(e.getKey())) continue;
      for (String v : e.getValue()) out.add(new Hidden(e.getKey(), v));
    }
    return out;
  }

  private static Map<String, List<String>> with(Map<String, List<String>> p, String k, String v) {
    Map<String, List<String>> out = new LinkedHashMap<>(p);
    out.put(k, List.of(v));
    return out;
  }

  static String href(String path, Map<String, List<String>> params) {
    StringBuilder sb = new StringBuilder(path);
    for (var e : params.entrySet())
      for (String v : e.getValue())
        sb.append(sb.length() == path.length() ? '?' : '&')
            .append(e.getKey())
            .append('=')
            .append(Links.enc(v));
    return sb.toString();
  }

  private static String localized(String href, boolean english) {
    return Links.localized(href, english);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
