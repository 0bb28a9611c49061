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
  private final Links links;

  private SearchParams(
      String q,
      Map<Facet, List<String>> selections,
      String sort,
      int page,
      int size,
      boolean english,
      Links links) {
    this.q = q;
    this.selections = selections;
    this.sort = sort;
    this.page = page;
    this.size = size;
    this.english = english;
    this.links = links;
  }

  /** Reads the URL leniently: an unreadable page or size falls back to the default. */
  static SearchParams from(Context ctx, Links links) {
    String q = ctx.queryParam("q");
    Map<Facet, List<String>> selections = new LinkedHashMap<>();
    for (Facet dim : Facet.values()) {
      List<String> values = new ArrayList<>();
      for (String v : ctx.queryParams(dim.key()))
        if (v != null && !v.isBlank() && !values.contains(v.strip())) values.add(v.strip());
      selections.put(dim, values);
    }
    String sort = "year".equals(ctx.queryParam("sort")) ? "year" : "relevance";
    int page = Math.max(1, intParam(ctx.queryParam("page"), 1));
    int size =
        Math.min(
            SearchRequest.MAX_SIZE,
            Math.max(1, intParam(ctx.queryParam("size"), SearchRequest.DEFAULT_SIZE)));
    return new SearchParams(
        q == null ? "" : q, selections, sort, page, size, isEnglish(ctx), links);
  }

  static boolean isEnglish(Context ctx) {
    return "en".equals(ctx.queryParam("lang"));
  }

  static Locale locale(Context ctx) {
    return isEnglish(ctx) ? Locale.ENGLISH : Messages.CHINESE;
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
        sort.equals("year") ? SearchRequest.Order.YEAR : SearchRequest.Order.RELEVANCE,
        page,
        size,
        selections.get(Facet.MISSING));
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
    return links.search(q, s, sort, 0, english);
  }

  String withoutValue(Facet dim, String value) {
    Map<Facet, List<String>> s = copy();
    s.get(dim).remove(value);
    return links.search(q, s, sort, 0, english);
  }

  String withoutSelections() {
    return links.search(q, Map.of(), sort, 0, english);
  }

  String withPage(int n) {
    return links.search(q, selections, sort, n, english);
  }

  String withSort(String order) {
    return links.search(q, selections, order, 0, english);
  }

  /** This page in the other language. */
  String otherLanguage() {
    return links.search(q, selections, sort, page == 1 ? 0 : page, !english);
  }

  private Map<Facet, List<String>> copy() {
    Map<Facet, List<String>> s = new LinkedHashMap<>();
    selections.forEach((k, v) -> s.put(k, new ArrayList<>(v)));
    return s;
  }
}
