package org.gongkai.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongkai.model.Facet;
import org.gongkai.model.SearchRequest;

/**
 * The whole state of a search page as it stands in the URL — {@code
 * /search?q=&region=&year=&category=&department=&kind=&sort=&page=&size=&lang=} — and the URLs one
 * change away from it (tick or untick a value, another page, another order, the other language),
 * built by {@link Links}.
 */
final class SearchParams {

  final String q;
  final Map<Facet, List<String>> selections;
  final String sort;
  final int page;
  final int size;
  final boolean english;

  /** One result per report ({@code group=doc}) rather than per section. */
  final boolean byReport;

  /** The page these parameters are of: {@code /search} or {@code /documents}. */
  final String path;

  private final Links links;

  private SearchParams(
      String q,
      Map<Facet, List<String>> selections,
      String sort,
      int page,
      int size,
      boolean english,
      boolean byReport,
      String path,
      Links links) {
    this.q = q;
    this.selections = selections;
    this.sort = sort;
    this.page = page;
    this.size = size;
    this.english = english;
    this.byReport = byReport;
    this.path = path;
    this.links = links;
  }

  /** A year or a range of years as a URL's {@code year} takes them: 2024, 2022..2024, ..2023. */
  private static final java.util.regex.Pattern YEAR_PARAM =
      java.util.regex.Pattern.compile(
          "\\d{4}|\\d{4}\\s*(?:\\.\\.|-|–|~|～|至)\\s*(?:\\d{4})?|(?:\\.\\.|-|–|~|～|至)\\s*\\d{4}");

  /**
   * A whole number from 1 to {@code max}, or {@code fallback} when the parameter is missing or
   * empty; anything else is a {@link BadParameter} (400, saying what to type).
   */
  static int strictParam(String s, int fallback, int max, String key) {
    if (s == null || s.isBlank()) return fallback;
    try {
      int v = Integer.parseInt(s.strip());
      if (v >= 1 && v <= max) return v;
    } catch (NumberFormatException e) {
      // said below
    }
    throw new BadParameter(key, s, max);
  }

  /** Reads the URL: page and size must be whole numbers in range, a year a year (else 400). */
  static SearchParams from(Context ctx, Links links) {
    return from(ctx, links, "/search");
  }

  /** The same, for the page at {@code path}. */
  static SearchParams from(Context ctx, Links links, String path) {
    return from(ctx.queryParamMap(), isEnglish(ctx), links, path).narrowing(ctx.queryParamMap());
  }

  /** The same, from a query string's parameters ({@code q=…&region=…}, as a saved search keeps). */
  static SearchParams from(
      Map<String, List<String>> params, boolean english, Links links, String path) {
    java.util.function.Function<String, String> one =
        k -> params.getOrDefault(k, List.of()).stream().findFirst().orElse(null);
    java.util.function.Function<String, List<String>> all = k -> params.getOrDefault(k, List.of());
    String q = one.apply("q");
    Map<Facet, List<String>> selections = new LinkedHashMap<>();
    for (Facet dim : Facet.values()) {
      List<String> values = new ArrayList<>();
      for (String v : all.apply(dim.key()))
        if (v != null && !v.isBlank() && !values.contains(v.strip())) values.add(v.strip());
      selections.put(dim, values);
    }
    checkFilterCount(selections);
    String asked = one.apply("sort");
    String sort = "year".equals(asked) || "indexed".equals(asked) ? asked : "relevance";
    // a list of reports without a query has no relevance to rank by: newest year first, said so
    boolean noQuery = q == null || q.isBlank();
    if ("/documents".equals(path)
        && noQuery
        && !"relevance".equals(asked)
        && sort.equals("relevance")) sort = "year";
    int page = strictParam(one.apply("page"), 1, Integer.MAX_VALUE, "error.badPage");
    int size =
        strictParam(
            one.apply("size"), SearchRequest.DEFAULT_SIZE, SearchRequest.MAX_SIZE, "error.badSize");
    for (String y : all.apply(Facet.YEAR.key())) checkYear(y);
    return new SearchParams(
        q == null ? "" : q,
        selections,
        sort,
        page,
        size,
        english,
        "doc".equals(one.apply("group")),
        path,
        links);
  }

  /** A year or a range of years, or a 400 saying how to write one. */
  static void checkYear(String y) {
    if (y != null && !y.isBlank() && !YEAR_PARAM.matcher(y.strip()).matches())
      throw new BadParameter("error.badYear", y);
  }

  /** More filter values than a search takes answer 400, saying what to select instead. */
  static void checkFilterCount(Map<Facet, List<String>> selections) {
    int n = selections.values().stream().mapToInt(List::size).sum();
    if (n > SearchRequest.MAX_FILTER_VALUES)
      throw new BadParameter("error.tooManyFilters", n, SearchRequest.MAX_FILTER_VALUES);
  }

  static boolean isEnglish(Context ctx) {
    return "en".equals(ctx.queryParam("lang"));
  }

  static Locale locale(Context ctx) {
    return isEnglish(ctx) ? Locale.ENGLISH : Messages.CHINESE;
  }

  static Locale localeOf(boolean english) {
    return english ? Locale.ENGLISH : Messages.CHINESE;
  }

  /** What a link from this page carries along: the query and the language. */
  static Links.Carry carry(Context ctx) {
    String q = ctx.queryParam("q");
    return new Links.Carry(q == null ? "" : q, isEnglish(ctx));
  }

  /** A whole number parameter, or {@code fallback} when absent or unreadable. */
  static int intParam(String s, int fallback) {
    if (s == null) return fallback;
    try {
      return Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  SearchRequest toRequest() {
    return new SearchRequest(
        q,
        selections.get(Facet.REGION),
        selections.get(Facet.YEAR),
        selections.get(Facet.CATEGORY),
        selections.get(Facet.DEPARTMENT),
        selections.get(Facet.KIND),
        switch (sort) {
          case "year" -> SearchRequest.Order.YEAR;
          case "indexed" -> SearchRequest.Order.INDEXED;
          default -> SearchRequest.Order.RELEVANCE;
        },
        page,
        size,
        selections.get(Facet.MISSING),
        selections.get(Facet.CHECK),
        selections.get(Facet.ROLE));
  }

  Links.Carry carry() {
    return new Links.Carry(q, english);
  }

  boolean hasSelections() {
    return selections.values().stream().anyMatch(v -> !v.isEmpty());
  }

  boolean isSelected(Facet dim, String value) {
    return selections.get(dim).contains(value);
  }

  // ---- URLs one change away

  String withValue(Facet dim, String value) {
    Map<Facet, List<String>> s = copy();
    if (!s.get(dim).contains(value)) s.get(dim).add(value);
    return link(q, s, sort, 0, english, byReport);
  }

  String withoutValue(Facet dim, String value) {
    Map<Facet, List<String>> s = copy();
    s.get(dim).remove(value);
    return link(q, s, sort, 0, english, byReport);
  }

  /** The page with a filter typed in the query ({@code region:湖北省}) taken out of it. */
  String withoutTyped(String typed) {
    return link(
        org.gongkai.search.QueryParser.without(q, typed), selections, sort, 0, english, byReport);
  }

  /** No selection left: none ticked, none typed in the query. */
  String withoutSelections() {
    return link(
        org.gongkai.search.QueryParser.withoutFilters(q), Map.of(), sort, 0, english, byReport);
  }

  String withPage(int n) {
    return link(q, selections, sort, n, english, byReport);
  }

  String withSort(String order) {
    return link(q, selections, order, 0, english, byReport);
  }

  /** The same search, one result per report or one per section. */
  String withGrouping(boolean grouped) {
    return link(q, selections, sort, 0, english, grouped);
  }

  /** This page in the other language. */
  String otherLanguage() {
    return link(q, selections, sort, page == 1 ? 0 : page, !english, byReport);
  }

  /**
   * The search as a saved search keeps it: the query string of {@code /search} with the query, the
   * selections, the order and the grouping (no page, no language): {@code q=…&region=…}.
   */
  String saved() {
    String l = links.list("/search", q, selections, sort, 0, false, byReport);
    int at = l.indexOf('?');
    return at < 0 ? "" : l.substring(at + 1);
  }

  /** A query string's parameters, decoded ({@code a=1&a=2&b=} → a: [1, 2], b: [""]). */
  static Map<String, List<String>> parameters(String queryString) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (queryString == null || queryString.isEmpty()) return out;
    for (String pair : queryString.split("&")) {
      if (pair.isEmpty()) continue;
      int eq = pair.indexOf('=');
      String k = decode(eq < 0 ? pair : pair.substring(0, eq));
      String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
      out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
    return out;
  }

  private static String decode(String s) {
    try {
      return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new BadParameter("error.badQueryString");
    }
  }

  /** The same query and selections on another page ({@code /documents}, {@code /search}). */
  String on(String otherPath) {
    return links.list(otherPath, q, selections, null, 0, english, false);
  }

  private String link(
      String query,
      Map<Facet, List<String>> s,
      String order,
      int pageNumber,
      boolean inEnglish,
      boolean grouped) {
    return narrowed(links.list(path, query, s, order, pageNumber, inEnglish, grouped));
  }

  /**
   * A workspace's narrowing of a list ({@code noted=1}, {@code tag=…}: reports with notes, or with
   * tags), kept by every link of the page; empty when none.
   */
  private String narrowing = "";

  SearchParams narrowing(Map<String, List<String>> params) {
    StringBuilder sb = new StringBuilder();
    if (params.getOrDefault("noted", List.of()).contains("1")) sb.append("noted=1");
    for (String t : params.getOrDefault("tag", List.of())) {
      if (t == null || t.isBlank()) continue;
      if (sb.length() > 0) sb.append('&');
      sb.append("tag=")
          .append(java.net.URLEncoder.encode(t.strip(), java.nio.charset.StandardCharsets.UTF_8));
    }
    this.narrowing = sb.toString();
    return this;
  }

  private String narrowed(String href) {
    if (narrowing.isEmpty()) return href;
    int hash = href.indexOf('#');
    String p = hash < 0 ? href : href.substring(0, hash);
    String h = hash < 0 ? "" : href.substring(hash);
    return p + (p.contains("?") ? "&" : "?") + narrowing + h;
  }

  private Map<Facet, List<String>> copy() {
    Map<Facet, List<String>> s = new LinkedHashMap<>();
    selections.forEach((k, v) -> s.put(k, new ArrayList<>(v)));
    return s;
  }
}
