package org.gongkai.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongkai.api.IndicatorJson;
import org.gongkai.indicators.Indicator;
import org.gongkai.model.Facet;
import org.gongkai.model.IndicatorRow;
import org.gongkai.model.IndicatorValue;
import org.gongkai.model.Notice;
import org.gongkai.search.IndicatorService;

/** The indicator explorer {@code /indicators} and {@code /api/indicators} (JSON or CSV). */
final class IndicatorController {

  private final IndicatorService indicators;
  private final IndicatorJson json;
  private final Pages pages;
  private final Links links;

  IndicatorController(IndicatorService indicators, IndicatorJson json, Pages pages) {
    this.indicators = indicators;
    this.json = json;
    this.pages = pages;
    this.links = pages.links();
  }

  record Row(
      String region,
      Integer year,
      String issuer,
      String docTitle,
      String docHref,
      String value,
      double comparable,
      String unit,
      String role,
      String sourceHref,
      String source,
      List<String> flags) {}

  record YearValue(Integer year, String value, String change) {}

  record Series(String region, List<YearValue> years) {}

  record Choice(String id, String label, boolean selected) {}

  record ExplorerView(
      String indicator,
      String label,
      List<Choice> choices,
      List<Row> rows,
      double max,
      List<Series> series,
      String region,
      String year,
      String sortValueHref,
      String sortYearHref,
      String sortRegionHref,
      String jsonHref,
      String csvHref,
      List<String> messages) {}

  void page(Context ctx) throws IOException {
    Locale locale = SearchParams.locale(ctx);
    String asked = param(ctx, "name", "");
    // a figure that does not exist is said so, not silently replaced by another
    if (!asked.isEmpty() && Indicator.byId(asked).or(() -> Indicator.named(asked)).isEmpty()) {
      pages.error(
          ctx,
          400,
          "error.unknownIndicator",
          asked,
          String.join(
              ", ", Indicator.all().stream().map(i -> i.id + " (" + i.label + ")").toList()));
      return;
    }
    String id =
        asked.isEmpty()
            ? Indicator.THREE_PUBLIC.id
            : Indicator.byId(asked).or(() -> Indicator.named(asked)).get().id;
    List<Notice> messages = new ArrayList<>();
    List<IndicatorRow> rows = indicators.table(request(ctx, id), messages);
    String sort = param(ctx, "sort", "region");
    Comparator<IndicatorRow> order =
        switch (sort) {
          case "value" ->
              Comparator.comparingDouble((IndicatorRow r) -> r.value().comparable()).reversed();
          case "year" ->
              Comparator.comparing((IndicatorRow r) -> r.year() == null ? 0 : r.year()).reversed();
          default -> (a, b) -> 0; // the service's order: region, then year
        };
    List<IndicatorRow> sorted = new ArrayList<>(rows);
    sorted.sort(order);
    List<Row> view = new ArrayList<>();
    double max = 0;
    for (IndicatorRow r : sorted) {
      IndicatorValue v = r.value();
      max = Math.max(max, v.comparable());
      view.add(
          new Row(
              Format.region(r.region()),
              r.year(),
              r.issuer(),
              r.docTitle(),
              links.document(v.docId()),
              Format.number(v.comparable()),
              v.comparable(),
              v.valueWan() != null ? "万元" : v.unit(),
              v.role().label(),
              links.figure(v),
              v.source(),
              r.flags().stream().map(f -> pages.wording().flag(locale, f)).toList()));
    }
    List<Choice> choices = new ArrayList<>();
    for (Indicator i : Indicator.all()) choices.add(new Choice(i.id, i.label, i.id.equals(id)));
    Map<Facet, List<String>> filters = filters(ctx);
    boolean english = SearchParams.isEnglish(ctx);
    var model =
        new ExplorerView(
            id,
            Indicator.byId(id).orElseThrow().label,
            choices,
            view,
            max,
            series(rows),
            String.join(",", ctx.queryParams("region")),
            String.join(",", ctx.queryParams("year")),
            links.indicators(id, filters, "value", english),
            links.indicators(id, filters, "year", english),
            links.indicators(id, filters, "region", english),
            links.indicatorsExport(id, filters, "json", english),
            links.indicatorsExport(id, filters, "csv", english),
            messages.stream().map(m -> pages.wording().notice(locale, m)).toList());
    pages.render(
        ctx,
        "indicators",
        Map.of("view", model),
        pages.text(locale, "indicators.title"),
        links.indicators(id, filters, null, !english));
  }

  void api(Context ctx) throws IOException {
    String name = ctx.queryParam("name");
    if (name == null || Indicator.byId(name).or(() -> Indicator.named(name)).isEmpty()) {
      pages.jsonError(
          ctx,
          400,
          "unknown indicator \""
              + (name == null ? "" : name)
              + "\"; use one of "
              + String.join(", ", Indicator.all().stream().map(i -> i.id).toList()));
      return;
    }
    String format = param(ctx, "format", "json");
    if (!format.equals("json") && !format.equals("csv")) {
      pages.jsonError(ctx, 400, "unknown format \"" + format + "\"; use json or csv");
      return;
    }
    String id = Indicator.byId(name).or(() -> Indicator.named(name)).get().id;
    List<IndicatorRow> rows = indicators.table(request(ctx, id), new ArrayList<>());
    if (format.equals("csv")) {
      ctx.contentType("text/csv; charset=utf-8");
      ctx.header("Content-Disposition", "attachment; filename=\"" + id + ".csv\"");
      ctx.result(json.csv(rows));
      return;
    }
    pages.json(ctx, 200, json.json(rows, SearchParams.locale(ctx)));
  }

  private static IndicatorService.Request request(Context ctx, String id) {
    return new IndicatorService.Request(
        id,
        split(ctx.queryParams(Facet.REGION.key())),
        split(ctx.queryParams(Facet.YEAR.key())),
        split(ctx.queryParams(Facet.DEPARTMENT.key())),
        split(ctx.queryParams(Facet.KIND.key())),
        "true".equals(ctx.queryParam("all")));
  }

  /** Repeated parameters and comma-separated lists both select several values. */
  private static List<String> split(List<String> values) {
    List<String> out = new ArrayList<>();
    for (String v : values)
      for (String part : v.split("[,，]")) if (!part.isBlank()) out.add(part.strip());
    return out;
  }

  /** The filters the explorer takes (every facet but the section category), as asked. */
  private static Map<Facet, List<String>> filters(Context ctx) {
    Map<Facet, List<String>> out = new java.util.LinkedHashMap<>();
    for (Facet f : List.of(Facet.REGION, Facet.YEAR, Facet.DEPARTMENT, Facet.KIND)) {
      List<String> values = split(ctx.queryParams(f.key()));
      if (!values.isEmpty()) out.put(f, values);
    }
    return out;
  }

  /** Per region with several years: the values year by year and the change from the year before. */
  private static List<Series> series(List<IndicatorRow> rows) {
    Map<String, Map<Integer, Double>> byRegion = new LinkedHashMap<>();
    for (IndicatorRow r : rows) {
      if (r.region() == null || r.year() == null || !r.value().headline()) continue;
      byRegion
          .computeIfAbsent(String.join(" ", r.region().path()), k -> new java.util.TreeMap<>())
          .putIfAbsent(r.year(), r.value().comparable());
    }
    List<Series> out = new ArrayList<>();
    byRegion.forEach(
        (region, years) -> {
          if (years.size() < 2) return;
          List<YearValue> values = new ArrayList<>();
          Double previous = null;
          for (var e : years.entrySet()) {
            String change =
                previous == null || previous == 0 ? "" : Format.change(previous, e.getValue());
            values.add(new YearValue(e.getKey(), Format.number(e.getValue()), change));
            previous = e.getValue();
          }
          out.add(new Series(region, values));
        });
    return out;
  }

  private static String param(Context ctx, String name, String fallback) {
    String v = ctx.queryParam(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
