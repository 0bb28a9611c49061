package org.gongkai.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongkai.indicators.Indicator;
import org.gongkai.model.IndexedDocument;
import org.gongkai.model.IndicatorValue;
import org.gongkai.search.ReadingService;

/**
 * {@code /issuer?name=…}: every report of one issuer across years and kinds, and its key figures
 * side by side, each linked to where the report states it.
 */
final class IssuerController implements Routes {

  @Override
  public void register(Router on) {
    on.get("/issuer", this::page);
    on.get("/api/issuer", this::api);
  }

  private final ReadingService reading;
  private final Pages pages;
  private final Links links;

  private final org.gongkai.api.SectionJson json;

  /** Null over a SolrCloud collection: no project is listed. */
  private final org.gongkai.search.ProjectService projects;

  IssuerController(
      ReadingService reading,
      Pages pages,
      org.gongkai.api.SectionJson json,
      org.gongkai.search.ProjectService projects) {
    this.reading = reading;
    this.pages = pages;
    this.links = pages.links();
    this.json = json;
    this.projects = projects;
  }

  /**
   * {@code /api/issuer?name=…}: the issuer's reports, its other pages (by role) and the reports its
   * pages list, each held here or lacking.
   */
  void api(Context ctx) throws IOException {
    String name = ctx.queryParam("name") == null ? "" : ctx.queryParam("name").strip();
    if (name.isEmpty()) {
      pages.error(ctx, 400, "issuer.noName");
      return;
    }
    List<ReadingService.IssuerReport> found = reading.issuer(name);
    if (found.isEmpty()) {
      pages.error(ctx, 404, "issuer.none", name);
      return;
    }
    var listed =
        reading.listedBy(name).stream()
            .map(l -> java.util.Map.entry(l.entry(), java.util.Optional.ofNullable(l.held())))
            .toList();
    pages.json(
        ctx,
        200,
        json.issuer(
            found.get(0).document().issuer(),
            found.stream().map(ReadingService.IssuerReport::document).toList(),
            listed));
  }

  /** A project of one report's: its key, unit and scope — the same project the year before. */
  private static String projectKey(org.gongkai.model.ProjectHit h) {
    return h.project().key() + "\u0000" + h.project().unit() + "\u0000" + h.project().scope();
  }

  void page(Context ctx) throws IOException {
    Locale locale = SearchParams.locale(ctx);
    boolean english = SearchParams.isEnglish(ctx);
    String name = ctx.queryParam("name") == null ? "" : ctx.queryParam("name").strip();
    if (name.isEmpty()) {
      pages.error(ctx, 400, "issuer.noName");
      return;
    }
    List<ReadingService.IssuerReport> reports = reading.issuer(name);
    if (reports.isEmpty()) {
      pages.error(ctx, 404, "issuer.none", name);
      return;
    }
    Links.Carry carry = new Links.Carry("", english);
    List<Views.IssuerColumn> columns = new ArrayList<>();
    List<Views.IssuerColumn> otherPages = new ArrayList<>();
    for (ReadingService.IssuerReport r : reports) {
      IndexedDocument d = r.document();
      // reports side by side; a crawl's other pages of the issuer (lists, news …) named apart
      (d.report() ? columns : otherPages)
          .add(
              new Views.IssuerColumn(
                  d.title() == null ? d.docId() : d.title(),
                  links.document(d.docId(), carry),
                  d.year(),
                  d.report()
                      ? pages.wording().kind(locale, d.kind())
                      : pages.wording().pageRole(locale, d.role().code()),
                  Format.region(d.region()),
                  d.issuer()));
    }
    reports = reports.stream().filter(r -> r.document().report()).toList();
    List<Views.ListedLine> listed = new ArrayList<>();
    int held = 0;
    for (ReadingService.Listed l : reading.listedBy(name)) {
      var e = l.entry();
      if (l.held() != null) held++;
      listed.add(
          new Views.ListedLine(
              e.title(),
              e.date(),
              Links.outward(e.href()),
              true,
              l.held() == null ? null : l.held().title(),
              l.held() == null ? null : links.document(l.held().docId(), carry)));
    }
    // one row per figure any of the reports states, in the indicators' order
    Map<Indicator, List<Views.Cell>> rows = new LinkedHashMap<>();
    for (Indicator i : Indicator.values()) {
      List<Views.Cell> cells = new ArrayList<>();
      boolean any = false;
      for (ReadingService.IssuerReport r : reports) {
        IndicatorValue v =
            r.figures().stream().filter(f -> f.indicator().equals(i.id)).findFirst().orElse(null);
        if (v == null) cells.add(new Views.Cell(null, null, null));
        else {
          any = true;
          cells.add(
              new Views.Cell(
                  Format.value(v),
                  pages.wording().unit(locale, Format.unit(v)),
                  links.figure(v, english)));
        }
      }
      if (any) rows.put(i, cells);
    }
    List<Views.IssuerRow> figureRows = new ArrayList<>();
    rows.forEach(
        (i, cells) ->
            figureRows.add(
                new Views.IssuerRow(
                    pages.wording().figure(locale, i.id),
                    links.indicators(i.id, Map.of(), null, english),
                    cells)));
    String shown =
        reports.isEmpty()
            ? reading.issuer(name).get(0).document().issuer()
            : reports.get(0).document().issuer();
    // its projects of its latest year, most money first, each with the year before's amount
    List<Views.IssuerProject> projectRows = new ArrayList<>();
    Integer projectYear = null;
    if (projects != null) {
      List<org.gongkai.model.ProjectHit> all = projects.byIssuer(name);
      for (var h : all)
        if (h.year() != null && (projectYear == null || h.year() > projectYear))
          projectYear = h.year();
      Map<String, org.gongkai.model.ProjectHit> before = new java.util.HashMap<>();
      for (var h : all)
        if (projectYear != null && h.year() != null && h.year() == projectYear - 1)
          before.putIfAbsent(projectKey(h), h);
      for (var h : all) {
        if (projectYear == null || h.year() == null || !h.year().equals(projectYear)) continue;
        var p = h.project();
        var b = before.get(projectKey(h));
        String change = null;
        if (b != null && b.project().amount().signum() > 0) {
          java.math.BigDecimal d = p.amount().subtract(b.project().amount());
          change =
              (d.signum() > 0 ? "+" : "")
                  + d.multiply(java.math.BigDecimal.valueOf(100))
                      .divide(b.project().amount(), 1, java.math.RoundingMode.HALF_UP)
                      .toPlainString()
                  + "%";
        }
        projectRows.add(
            new Views.IssuerProject(
                p.name(),
                Links.localized(links.project(p.key()), english),
                p.unit(),
                Format.money(p.amount().doubleValue()),
                h.sectionId() == null
                    ? links.document(h.docId(), english)
                    : links.passage(h.sectionId(), p.start(), p.end(), english),
                b == null ? null : Format.money(b.project().amount().doubleValue()),
                change));
      }
    }
    var view =
        new Views.IssuerView(
            shown,
            columns,
            figureRows,
            links.list(
                "/documents", "issuer:\"" + shown + "\"", Map.of(), "year", 0, english, false),
            otherPages,
            listed,
            held,
            projectYear,
            projectRows);
    pages.render(ctx, "issuer", Map.of("view", view), shown, links.issuer(name, !english));
  }
}
