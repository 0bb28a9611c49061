package org.gongkai.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.gongkai.indicators.Indicator;
import org.gongkai.model.IndicatorRow;
import org.gongkai.model.IndicatorValue;
import org.gongkai.model.Notice;
import org.gongkai.search.IndicatorService;
import org.gongkai.search.SearchJson;

/** The indicator explorer {@code /indicators} and {@code /api/indicators} (JSON or CSV). */
final class IndicatorController {

  /** The export's columns, in order: a public contract shared by JSON and CSV. */
  static final List<String> COLUMNS =
      List.of(
          "indicator",
          "name",
          "value",
          "unit",
          "valueWan",
          "role",
          "headline",
          "docId",
          "sectionId",
          "url",
          "issuer",
          "region",
          "year",
          "source");

  private final IndicatorService indicators;
  private final ObjectMapper mapper;
  private final Pages pages;

  IndicatorController(IndicatorService indicators, ObjectMapper mapper, Pages pages) {
    this.indicators = indicators;
    this.mapper = mapper;
    this.pages = pages;
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
              SearchController.regionLabel(r.region()),
              r.year(),
              r.issuer(),
              r.docTitle(),
              "/d/" + v.docId(),
              number(v.comparable()),
              v.comparable(),
              v.valueWan() != null ? "万元" : v.unit(),
              v.role().label(),
              sourceHref(v),
              v.source(),
              r.flags().stream().map(f -> pages.wording().flag(locale, f)).toList()));
    }
    List<Choice> choices = new ArrayList<>();
    for (Indicator i : Indicator.all()) choices.add(new Choice(i.id, i.label, i.id.equals(id)));
    String base = "/indicators?name=" + id + carryFilters(ctx);
    String api = "/api/indicators?name=" + id + carryFilters(ctx);
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
            base + "&sort=value",
            base + "&sort=year",
            base + "&sort=region",
            api + "&format=json",
            api + "&format=csv",
            messages.stream().map(m -> pages.wording().notice(locale, m)).toList());
    pages.render(
        ctx,
        "indicators",
        Map.of("view", model),
        pages.text(locale, "indicators.title"),
        base + (SearchParams.isEnglish(ctx) ? "" : "&lang=en"));
  }

  void api(Context ctx) throws IOException {
    String name = ctx.queryParam("name");
    if (name == null || Indicator.byId(name).or(() -> Indicator.named(name)).isEmpty()) {
      pages.json(
          ctx,
          400,
          mapper
              .createObjectNode()
              .put(
                  "error",
                  "unknown indicator \""
                      + (name == null ? "" : name)
                      + "\"; use one of "
                      + String.join(", ", Indicator.all().stream().map(i -> i.id).toList())));
      return;
    }
    String format = param(ctx, "format", "json");
    if (!format.equals("json") && !format.equals("csv")) {
      pages.jsonError(ctx, 400, "unknown format \"" + format + "\"; use json or csv");
      return;
    }
    String id = Indicator.byId(name).or(() -> Indicator.named(name)).get().id;
    List<IndicatorRow> rows = indicators.table(request(ctx, id), new ArrayList<>());
    if ("csv".equals(ctx.queryParam("format"))) {
      StringWriter out = new StringWriter();
      out.write('\ufeff'); // so spreadsheet programs read the file as UTF-8
      try (CSVPrinter csv =
          new CSVPrinter(
              out, CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new)).build())) {
        for (IndicatorRow r : rows) {
          IndicatorValue v = r.value();
          csv.printRecord(
              v.indicator(),
              v.name(),
              number(v.value()),
              v.unit(),
              v.valueWan() == null ? "" : number(v.valueWan()),
              v.role().label(),
              v.headline(),
              v.docId(),
              v.sectionId(),
              sourceHref(v),
              CsvCells.text(r.issuer()),
              r.region() == null ? "" : CsvCells.text(String.join("/", r.region().path())),
              r.year() == null ? "" : r.year(),
              CsvCells.text(v.source()));
        }
      }
      ctx.contentType("text/csv; charset=utf-8");
      ctx.header("Content-Disposition", "attachment; filename=\"" + id + ".csv\"");
      ctx.result(out.toString());
      return;
    }
    ArrayNode array = mapper.createArrayNode();
    for (IndicatorRow r : rows) {
      IndicatorValue v = r.value();
      ObjectNode o = array.addObject();
      o.put("indicator", v.indicator());
      o.put("name", v.name());
      o.put("value", v.value());
      o.put("unit", v.unit());
      if (v.valueWan() == null) o.putNull("valueWan");
      else o.put("valueWan", v.valueWan());
      o.put("role", v.role().label());
      o.put("headline", v.headline());
      o.put("docId", v.docId());
      o.put("sectionId", v.sectionId());
      o.put("url", sourceHref(v));
      o.put("issuer", r.issuer());
      o.set("region", SearchJson.region(mapper, r.region()));
      if (r.year() == null) o.putNull("year");
      else o.put("year", r.year());
      o.put("source", v.source());
      o.put("docTitle", r.docTitle());
      o.put("asWritten", v.asWritten());
      o.put("sourceKind", v.sourceKind().code());
      r.flags()
          .forEach(
              f -> o.withArray("flags").add(pages.wording().flag(SearchParams.locale(ctx), f)));
    }
    pages.json(ctx, 200, array);
  }

  /** The section permalink with this very statement of the number marked (by its offsets). */
  static String sourceHref(IndicatorValue v) {
    if (v.sectionId() == null) return "/d/" + v.docId();
    return "/s/" + v.sectionId() + "?mark=" + v.start() + "-" + v.end() + "#hit";
  }

  private static IndicatorService.Request request(Context ctx, String id) {
    return new IndicatorService.Request(
        id,
        split(ctx.queryParams("region")),
        split(ctx.queryParams("year")),
        split(ctx.queryParams("department")),
        split(ctx.queryParams("kind")),
        "true".equals(ctx.queryParam("all")));
  }

  /** Repeated parameters and comma-separated lists both select several values. */
  private static List<String> split(List<String> values) {
    List<String> out = new ArrayList<>();
    for (String v : values)
      for (String part : v.split("[,，]")) if (!part.isBlank()) out.add(part.strip());
    return out;
  }

  private static String carryFilters(Context ctx) {
    StringBuilder sb = new StringBuilder();
    for (String dim : List.of("region", "year", "department", "kind")) {
      for (String v : split(ctx.queryParams(dim)))
        sb.append('&').append(dim).append('=').append(SearchController.enc(v));
    }
    if (SearchParams.isEnglish(ctx)) sb.append("&lang=en");
    return sb.toString();
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
                previous == null || previous == 0
                    ? ""
                    : String.format(
                        Locale.ROOT, "%+.1f%%", (e.getValue() - previous) / previous * 100);
            values.add(new YearValue(e.getKey(), number(e.getValue()), change));
            previous = e.getValue();
          }
          out.add(new Series(region, values));
        });
    return out;
  }

  /**
   * A figure as people write it (no exponent, no trailing zeros); a value no figure can have (an
   * index written before figures were bounded) shows as a dash rather than breaking the page.
   */
  static String number(double v) {
    if (!Double.isFinite(v)) return "—";
    return new java.math.BigDecimal(String.valueOf(v)).stripTrailingZeros().toPlainString();
  }

  private static String param(Context ctx, String name, String fallback) {
    String v = ctx.queryParam(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
