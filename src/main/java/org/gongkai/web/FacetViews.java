package org.gongkai.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongkai.model.Facet;
import org.gongkai.model.FacetValue;
import org.gongkai.search.QueryParser;

/**
 * The facet column and the selection chips of a search or a list of reports: each value ticked
 * where it is selected — in the URL or by a filter typed in the query — with the URL that ticks or
 * unticks it.
 */
final class FacetViews {

  private final Pages pages;

  FacetViews(Pages pages) {
    this.pages = pages;
  }

  /** Every dimension's values, ticked where selected (in the URL or typed in the query). */
  List<Views.Facet> facets(
      SearchParams params,
      Map<Facet, List<FacetValue>> values,
      Map<Facet, List<String>> selected,
      List<QueryParser.TypedFilter> typed,
      Locale locale) {
    List<Views.Facet> facets = new ArrayList<>();
    for (Facet dim : Facet.values()) {
      List<String> resolved = selected.getOrDefault(dim, List.of());
      List<QueryParser.TypedFilter> typedHere =
          typed.stream().filter(t -> t.facet() == dim).toList();
      facets.add(
          new Views.Facet(
              dim.key(),
              pages.text(locale, "facet." + dim.key()),
              options(
                  params,
                  dim,
                  values.getOrDefault(dim, List.of()),
                  resolved,
                  typedHere,
                  null,
                  locale)));
    }
    return facets;
  }

  /** A chip per selection: each ticked value, and each filter typed in the query. */
  List<Views.Chip> chips(SearchParams params, List<QueryParser.TypedFilter> typed, Locale locale) {
    List<Views.Chip> chips = new ArrayList<>();
    for (Facet dim : Facet.values()) {
      for (String v : params.selections.get(dim)) {
        chips.add(
            new Views.Chip(
                pages.text(locale, "facet." + dim.key()),
                shown(dim, v),
                params.withoutValue(dim, v)));
      }
    }
    for (QueryParser.TypedFilter t : typed)
      chips.add(
          new Views.Chip(
              pages.text(locale, "facet." + t.facet().key()),
              t.value(),
              params.withoutTyped(t.text())));
    return chips;
  }

  /**
   * A remainder's name: a region's own ({@code 省本级}, {@code 市本级}, by the last character of the
   * region's name), the values not listed ({@code 其他}), or what has no value ({@code 地区未定}, {@code
   * 年度不详} …).
   */
  private String remainderLabel(Facet dim, String code, String parent, Locale locale) {
    if (FacetValue.OWN.equals(code)) {
      String level =
          parent == null || parent.isEmpty() ? "" : parent.substring(parent.length() - 1);
      return pages.text(locale, "facet.own", level);
    }
    if (FacetValue.OTHER.equals(code)) return pages.text(locale, "facet.other");
    return pages.text(locale, "facet.unknown." + dim.key());
  }

  /** A selected value as a reader reads it: a region's levels with ›, a municipality once. */
  private static String shown(Facet dim, String v) {
    if (dim != Facet.REGION || v.indexOf('/') < 0) return v;
    return String.join(" › ", org.gongkai.model.Region.once(java.util.Arrays.asList(v.split("/"))));
  }

  private List<Views.Option> options(
      SearchParams params,
      Facet dim,
      List<FacetValue> values,
      List<String> resolved,
      List<QueryParser.TypedFilter> typed,
      String parent,
      Locale locale) {
    List<Views.Option> out = new ArrayList<>();
    for (FacetValue v : values) {
      if (v.remainder()) {
        // what the values beside it leave out, so the counts add up: named, not selectable
        out.add(
            new Views.Option(
                remainderLabel(dim, v.value(), parent, locale),
                null,
                v.count(),
                false,
                null,
                false,
                List.of(),
                false));
        continue;
      }
      boolean ticked = params.isSelected(dim, v.path());
      // a value typed in the query (region:武汉 reads as 湖北省/武汉市) is ticked too; unticking it
      // takes it out of the query
      boolean byTyping = !ticked && !typed.isEmpty() && resolved.contains(v.path());
      String toggle;
      if (ticked) toggle = params.withoutValue(dim, v.path());
      else if (byTyping) toggle = params.withoutTyped(typedFor(typed, v).text());
      else toggle = params.withValue(dim, v.path());
      List<Views.Option> children =
          options(params, dim, v.children(), resolved, typed, v.value(), locale);
      boolean selected = ticked || byTyping;
      boolean open = selected || children.stream().anyMatch(c -> c.selected() || c.open());
      out.add(
          new Views.Option(
              label(dim, v.value(), params.english),
              v.path(),
              v.count(),
              selected,
              toggle,
              open,
              children,
              byTyping));
    }
    return out;
  }

  /** A value as the page's language shows it: kinds and categories in English, the rest as is. */
  private String label(Facet dim, String value, boolean english) {
    if (dim == Facet.ROLE)
      return pages.wording().pageRole(english ? Locale.ENGLISH : Messages.CHINESE, value);
    if (!english) return value;
    Locale locale = Locale.ENGLISH;
    return switch (dim) {
      case KIND -> pages.wording().kind(locale, value);
      case CATEGORY -> pages.wording().category(locale, value);
      case DEPARTMENT -> pages.wording().department(locale, value);
      case MISSING -> pages.wording().table(locale, value);
      case CHECK -> pages.wording().check(locale, value);
      default -> value;
    };
  }

  /** The typed filter that selected {@code v}: the one naming it, else the first of its kind. */
  private static QueryParser.TypedFilter typedFor(
      List<QueryParser.TypedFilter> typed, FacetValue v) {
    for (QueryParser.TypedFilter t : typed)
      if (t.value().equals(v.path()) || t.value().equals(v.value())) return t;
    return typed.get(0);
  }
}
