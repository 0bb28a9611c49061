package org.gongkai.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gongkai.api.IndicatorJson;
import org.gongkai.indicators.Indicator;
import org.gongkai.model.Comparison;
import org.gongkai.model.Facet;
import org.gongkai.model.FigureRow;
import org.gongkai.model.IndicatorRow;
import org.gongkai.model.IndicatorValue;
import org.gongkai.model.Notice;
import org.gongkai.model.ReportRef;
import org.gongkai.model.Role;
import org.gongkai.model.Scope;
import org.gongkai.search.IndicatorService;

/** The indicator explorer {@code /indicators} and {@code /api/indicators} (JSON or CSV). */
final class IndicatorController implements Routes {

  @Override
  public void register(Router on) {
    on.get("/indicators", this::page);
    on.get("/api/indicators", this::api);
  }

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

  /**
   * A report's value of the figure: its scope when not the whole report's, how it is confirmed
   * ({@code verification}, empty when nothing confirms it); an undecided figure has no value and
   * lists the values stated ({@code candidates}), computed ones said so. A value Gongkai computed
   * says {@code how} (null: the report states it); {@code carry} when it holds last year's
   * carry-over, unseparated.
   */
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
      List<String> flags,
      String scope,
      boolean verified,
      String verification,
      List<Views.Candidate> candidates,
      String collection,
      String how,
      boolean carry) {

    /** Whether every value listed is Gongkai's arithmetic, none the report's words. */
    public boolean unstated() {
      return Views.Candidate.allDerived(candidates);
    }
  }

  /**
   * A year of a series: its value and the change from the year before it in the series; {@code
   * since} that year when it is not the one just before (a year's report missing between them).
   */
  record YearValue(Integer year, String value, String change, String since) {}

  record Series(String region, List<YearValue> years) {}

  record Choice(String id, String label, boolean selected) {}

  /** One figure of a report in the several-figures view: its value, link, and value per person. */
  /** A figure of a report in the several-figures view, with its 口径 (预算数, 决算数 …). */
  record Cell(
      String value,
      String href,
      String source,
      String perPerson,
      String role,
      String how,
      boolean carry) {}

  /** A report in the several-figures view. */
  record WideRow(
      String region,
      Integer year,
      String issuer,
      String title,
      String href,
      String staff,
      List<Cell> cells,
      String collection) {}

  /** A figure's column in the several-figures view. */
  record Column(String id, String label, String unit) {}

  /** A report that states no value for the figure. */
  record Unreported(
      String title,
      String href,
      String issuer,
      String region,
      Integer year,
      String kind,
      String collection) {}

  /** A row of budget against actual; the side a report does not state is null. */
  record CompareRow(
      String region,
      Integer year,
      String issuer,
      String budget,
      String budgetHref,
      String budgetSource,
      String actual,
      String actualHref,
      String actualSource,
      String difference,
      String percent,
      boolean over,
      boolean actualNotYet,
      String collection) {}

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
      List<String> messages,
      boolean comparing,
      List<CompareRow> comparison,
      String unit,
      String compareHref,
      String listHref,
      List<Unreported> unreported,
      List<Column> columns,
      List<WideRow> wide,
      boolean perPerson,
      String perPersonHref,
      int unreportedTotal,
      List<Views.PageLink> pages,
      String prevHref,
      String nextHref,
      String sort,
      List<ScopeChoice> levels,
      List<ScopeChoice> roles,
      List<ScopeChoice> kinds,
      ExplorerMatrix.Matrix matrix,
      String matrixHref,
      String matrixCsvHref) {}

  /** A level or role a government's figure may be shown in, linked; the one shown selected. */
  record ScopeChoice(String label, String href, boolean selected) {}

  /**
   * Rows of each list shown per page: at 50,000 reports the whole table was a 7 MB page; the JSON
   * and CSV exports keep every row.
   */
  static final int PAGE_ROWS = 200;

  /** The time zone the years of reports are counted in. */
  private static final java.time.ZoneId CHINA = java.time.ZoneId.of("Asia/Shanghai");

  /** Rows {@code [from, to)} of the page. */
  private static <T> List<T> pageOf(List<T> all, int page) {
    int from = (int) Math.min(all.size(), (long) (page - 1) * PAGE_ROWS);
    return List.copyOf(all.subList(from, Math.min(all.size(), from + PAGE_ROWS)));
  }

  /** This page's address with {@code page=n} (none for the first). */
  @SuppressWarnings("unchecked")
  private static String pageHref(Context ctx, int n) {
    StringBuilder sb = new StringBuilder(ctx.path());
    char sep = '?';
    Map<String, List<String>> params = new LinkedHashMap<>();
    Map<String, List<String>> defaults =
        (Map<String, List<String>>) ctx.attribute(ExplorerParams.DEFAULTS);
    if (defaults != null) params.putAll(defaults);
    params.putAll(ctx.queryParamMap());
    for (var e : params.entrySet()) {
      if (e.getKey().equals("page")) continue;
      for (String v : e.getValue()) {
        sb.append(sep).append(Links.enc(e.getKey())).append('=').append(Links.enc(v));
        sep = '&';
      }
    }
    if (n > 1) sb.append(sep).append("page=").append(n);
    return sb.toString();
  }

  void page(Context ctx) throws IOException {
    Locale locale = SearchParams.locale(ctx);
    // nothing asked: the default view, shown as if asked (its choices in the form and every link)
    if (ctx.queryParamMap().keySet().stream().allMatch("lang"::equals))
      ctx.attribute(ExplorerParams.DEFAULTS, landing());
    List<String> askedNames = ExplorerParams.split(ExplorerParams.values(ctx, "name"));
    String asked = askedNames.isEmpty() ? "" : askedNames.get(0);
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
    List<String> names = new ArrayList<>();
    for (String n : ExplorerParams.split(ExplorerParams.values(ctx, "name"))) {
      Optional<Indicator> found = Indicator.byId(n).or(() -> Indicator.named(n));
      if (found.isEmpty()) {
        pages.error(
            ctx,
            400,
            "error.unknownIndicator",
            n,
            String.join(
                ", ", Indicator.all().stream().map(i -> i.id + " (" + i.label + ")").toList()));
        return;
      }
      if (!names.contains(found.get().id)) names.add(found.get().id);
    }
    if (names.isEmpty()) names.add(id);
    String per = ctx.queryParam("per");
    if (per != null && !per.equals("person")) {
      pages.error(ctx, 400, "error.unknownPer", per);
      return;
    }
    boolean wideView = names.size() > 1 || per != null;
    boolean english = SearchParams.isEnglish(ctx);
    // a government's figure is shown in one level and one role, never its whole city's beside its
    // own level's, nor a budget beside what was done: the whole city's budget unless chosen
    boolean government = Indicator.byId(id).orElseThrow().government();
    Scope.Whose level = ExplorerParams.level(ctx.queryParam("level"));
    Role role = ExplorerParams.role(ctx.queryParam("role"));
    if (government && level == null) level = Scope.Whose.WHOLE;
    if (government && role == null) role = Role.PLANNED;
    IndicatorService.Request chosen = ExplorerParams.request(ctx, id, level, role);

    String compare = ctx.queryParam("compare");
    if (compare != null && !compare.equals("budget")) {
      pages.error(ctx, 400, "error.unknownCompare", compare);
      return;
    }
    String viewAsked = ctx.queryParam("view");
    if (viewAsked != null && !viewAsked.isBlank() && !viewAsked.equals("matrix")) {
      pages.error(ctx, 400, "error.unknownView", viewAsked);
      return;
    }
    boolean matrixView = "matrix".equals(viewAsked) && compare == null && !wideView;
    List<Notice> messages = new ArrayList<>();
    List<IndicatorRow> rows =
        compare != null || wideView ? List.of() : indicators.table(chosen, messages);
    List<Column> columns = new ArrayList<>();
    List<WideRow> wide = new ArrayList<>();
    if (wideView && compare == null) {
      for (String n : names) {
        Indicator ind = Indicator.byId(n).orElseThrow();
        columns.add(
            new Column(
                n,
                pages.wording().figure(SearchParams.locale(ctx), n),
                pages
                    .wording()
                    .unit(
                        SearchParams.locale(ctx),
                        ind.kind == Indicator.Kind.MONEY
                            ? ind.government() ? "亿元" : "万元"
                            : ind.kind == Indicator.Kind.SCORE
                                ? "分"
                                : ind.kind == Indicator.Kind.PERCENT ? "%" : "")));
      }
      for (FigureRow f : indicators.figures(names, chosen, messages)) {
        List<Cell> cells = new ArrayList<>();
        for (String n : names) {
          IndicatorValue v = f.values().get(n);
          Double pp = f.perPerson(n);
          cells.add(
              v == null
                  ? new Cell(null, null, null, null, null, null, false)
                  : new Cell(
                      Format.value(v),
                      links.figure(v, english),
                      v.source(),
                      pp == null ? null : Format.number(pp),
                      pages.wording().role(SearchParams.locale(ctx), v.role()),
                      v.derivation(),
                      v.includesCarryOver()));
        }
        wide.add(
            new WideRow(
                Format.region(f.report().region()),
                f.report().year(),
                f.report().issuer(),
                f.report().title(),
                links.document(f.report().docId(), english),
                // a department's staff, or a government's residents (万人) of its figures' year
                f.staff() != null
                    ? Format.number(f.staff().value())
                    : f.population() != null ? Format.number(f.population().value()) : null,
                cells,
                pages.collectionName(f.report().collection())));
      }
    }
    Map<Facet, List<String>> filtersAsked = ExplorerParams.filters(ctx);
    ExplorerMatrix.Matrix matrix =
        matrixView ? matrix(rows, id, filtersAsked, english, locale, level, role) : null;
    List<Unreported> unreported = new ArrayList<>();
    // the reports that state none of the figures asked for are named, not dropped
    java.util.Set<String> shown = new java.util.HashSet<>();
    for (WideRow w : wide) shown.add(w.href());
    if (compare == null && !matrixView)
      for (ReportRef ref : indicators.notReported(chosen, new ArrayList<>()))
        if (!wideView || !shown.contains(links.document(ref.docId(), english)))
          unreported.add(
              new Unreported(
                  ref.title(),
                  links.document(ref.docId(), english),
                  ref.issuer(),
                  Format.region(ref.region()),
                  ref.year(),
                  pages.wording().kind(SearchParams.locale(ctx), ref.kind()),
                  pages.collectionName(ref.collection())));
    List<CompareRow> comparison = new ArrayList<>();
    String unit = "万元";
    if (compare != null) {
      for (Comparison c : indicators.compare(chosen, messages)) {
        IndicatorRow any = c.actual() != null ? c.actual() : c.budget();
        unit = Format.unit(any.value());
        double scale = Format.scale(any.value());
        comparison.add(
            new CompareRow(
                Format.region(c.region()),
                c.year(),
                c.issuer(),
                c.budget() == null ? null : marked(locale, c.budget().value()),
                c.budget() == null ? null : links.figure(c.budget().value(), english),
                c.budget() == null ? null : titleOf(c.budget().value()),
                c.actual() == null ? null : marked(locale, c.actual().value()),
                c.actual() == null ? null : links.figure(c.actual().value(), english),
                c.actual() == null ? null : titleOf(c.actual().value()),
                c.difference() == null
                    ? null
                    : (c.difference() > 0 ? "+" : "")
                        + (c.budget() != null && c.budget().value().valueWan() != null
                            ? Format.money(c.difference() / scale)
                            : Format.number(c.difference())),
                c.percent() == null
                    ? null
                    : (c.percent() > 0 ? "+" : "") + Format.number(c.percent()) + "%",
                c.difference() != null && c.difference() > 0,
                // a year's final accounts are published the year after: not yet, not missing
                c.actual() == null
                    && c.year() != null
                    && c.year() >= java.time.Year.now(CHINA).getValue(),
                // a pair with a private side is marked as that side's collection's
                pages.collectionName(
                    c.actual() != null && c.actual().collection() != null
                        ? c.actual().collection()
                        : c.budget() == null ? null : c.budget().collection())));
      }
    }
    // largest first, as the first of the orders offered says; by region or year when asked
    String sort = param(ctx, "sort", "value");
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
    if (matrixView) sorted.clear();
    double max = 0;
    // an undecided figure is one row of its report, listing the values it states
    Map<String, List<IndicatorRow>> undecided = new LinkedHashMap<>();
    for (IndicatorRow r : sorted)
      if (r.value().candidate())
        undecided.computeIfAbsent(r.value().docId(), k -> new ArrayList<>()).add(r);
    for (IndicatorRow r : sorted) {
      IndicatorValue v = r.value();
      List<String> flagged = r.flags().stream().map(f -> pages.wording().flag(locale, f)).toList();
      if (v.candidate()) {
        List<IndicatorRow> values = undecided.remove(v.docId());
        if (values == null) continue; // listed with the report's first value
        List<Views.Candidate> candidates = new ArrayList<>();
        for (IndicatorRow c : values)
          candidates.add(Views.Candidate.of(c.value(), links.figure(c.value(), english)));
        view.add(
            new Row(
                Format.region(r.region()),
                r.year(),
                r.issuer(),
                r.docTitle(),
                links.document(v.docId(), english),
                null,
                0,
                pages.wording().unit(locale, Format.unit(v)),
                pages.wording().role(locale, v.role()),
                null,
                null,
                flagged,
                null,
                false,
                "",
                candidates,
                pages.collectionName(r.collection()),
                null,
                false));
        continue;
      }
      max = Math.max(max, v.comparable());
      view.add(
          new Row(
              Format.region(r.region()),
              r.year(),
              r.issuer(),
              r.docTitle(),
              links.document(v.docId(), english),
              Format.value(v),
              v.comparable(),
              pages.wording().unit(locale, Format.unit(v)),
              pages.wording().role(locale, v.role()),
              links.figure(v, english),
              v.source(),
              flagged,
              pages.wording().shownScope(locale, v),
              v.verified(),
              pages.wording().verification(locale, v.by()),
              List.of(),
              pages.collectionName(r.collection()),
              v.derivation(),
              v.includesCarryOver()));
    }
    List<Choice> choices = new ArrayList<>();
    for (Indicator i : Indicator.all())
      choices.add(new Choice(i.id, pages.wording().figure(locale, i.id), i.id.equals(id)));
    Map<Facet, List<String>> filters = ExplorerParams.filters(ctx);
    int page =
        SearchParams.strictParam(ctx.queryParam("page"), 1, Integer.MAX_VALUE, "error.badPage");
    int longest =
        Math.max(
            Math.max(view.size(), wide.size()), Math.max(comparison.size(), unreported.size()));
    int last = Math.max(1, (longest + PAGE_ROWS - 1) / PAGE_ROWS);
    List<Views.PageLink> pageLinks = new ArrayList<>();
    if (last > 1)
      for (int p = Math.max(1, page - 4); p <= Math.min(last, page + 4); p++)
        pageLinks.add(new Views.PageLink(String.valueOf(p), pageHref(ctx, p), p == page));

    // the level and role shown, each a link to the others (a comparison pairs the roles itself)
    String lv = level == null ? null : level.name().toLowerCase(Locale.ROOT);
    String rl = role == null || compare != null ? null : role.name().toLowerCase(Locale.ROOT);
    List<ScopeChoice> levels = new ArrayList<>();
    List<ScopeChoice> roles = new ArrayList<>();
    if (government) {
      String base =
          compare != null
              ? links.indicatorsCompare(id, filters, english)
              : links.indicators(id, filters, null, english);
      for (Scope.Whose w : ExplorerParams.LEVELS)
        levels.add(
            new ScopeChoice(
                pages.text(locale, "scope.level." + w.name()),
                links.chosen(base, w.name().toLowerCase(Locale.ROOT), rl),
                w == level));
      if (compare == null)
        for (Role r : ExplorerParams.ROLES)
          roles.add(
              new ScopeChoice(
                  pages.wording().role(locale, r),
                  links.chosen(base, lv, r.name().toLowerCase(Locale.ROOT)),
                  r == role));
    }
    var model =
        new ExplorerView(
            id,
            pages.wording().figure(locale, id),
            choices,
            pageOf(view, page),
            max,
            series(rows),
            String.join(",", ExplorerParams.values(ctx, "region")),
            String.join(",", ExplorerParams.values(ctx, "year")),
            links.chosen(links.indicators(id, filters, "value", english), lv, rl),
            links.chosen(links.indicators(id, filters, "year", english), lv, rl),
            links.chosen(links.indicators(id, filters, "region", english), lv, rl),
            links.chosen(links.indicatorsExport(id, filters, "json", english, compare), lv, rl),
            links.chosen(links.indicatorsExport(id, filters, "csv", english, compare), lv, rl),
            messages.stream().map(m -> pages.wording().notice(locale, m)).toList(),
            compare != null,
            pageOf(comparison, page),
            pages.wording().unit(locale, unit),
            links.chosen(links.indicatorsCompare(id, filters, english), lv, null),
            links.chosen(links.indicators(id, filters, null, english), lv, rl),
            pageOf(unreported, page),
            columns,
            pageOf(wide, page),
            per != null,
            links.chosen(links.indicatorsPerPerson(names, filters, english), lv, rl),
            unreported.size(),
            pageLinks,
            page > 1 && page <= last ? pageHref(ctx, page - 1) : null,
            page < last ? pageHref(ctx, page + 1) : null,
            sortOf(ctx),
            levels,
            roles,
            kinds(locale, filtersAsked),
            matrix,
            matrixView || compare != null || wideView
                ? null
                : links.chosen(links.indicatorsMatrix(id, filtersAsked, null, english), lv, rl),
            matrix == null
                ? null
                : links.chosen(
                    links.indicatorsMatrixExport(id, filtersAsked, matrix.year(), "csv"), lv, rl));
    pages.render(
        ctx,
        "indicators",
        Map.of("view", model),
        pages.text(locale, "indicators.title"),
        compare != null
            ? links.indicatorsCompare(id, filters, !english)
            : links.indicators(id, filters, null, !english));
  }

  /**
   * What {@code /indicators} shows when nothing is asked: the default figure in the newest year's
   * department budgets (部门预算), as a newsroom opens it in budget season — or, in an index with no
   * budgets stating it, in the newest year of the kind of report stating it most (nothing more when
   * no report states it: the page says so).
   */
  private Map<String, List<String>> landing() throws IOException {
    String id = Indicator.THREE_PUBLIC.id;
    Map<String, List<String>> out = new LinkedHashMap<>();
    out.put("name", List.of(id));
    List<IndicatorRow> all =
        indicators.table(
            new IndicatorService.Request(id, List.of(), List.of(), List.of(), List.of(), false),
            new ArrayList<>());
    Map<String, Integer> kinds = new LinkedHashMap<>();
    for (IndicatorRow r : all) if (r.kind() != null) kinds.merge(r.kind(), 1, Integer::sum);
    if (kinds.isEmpty()) return out;
    String kind =
        kinds.containsKey(org.gongkai.model.ReportKind.BUDGET.label())
            ? org.gongkai.model.ReportKind.BUDGET.label()
            : java.util.Collections.max(kinds.entrySet(), Map.Entry.comparingByValue()).getKey();
    int year = 0;
    for (IndicatorRow r : all)
      if (kind.equals(r.kind()) && r.year() != null) year = Math.max(year, r.year());
    if (year > 0) out.put(Facet.YEAR.key(), List.of(String.valueOf(year)));
    out.put(Facet.KIND.key(), List.of(kind));
    return out;
  }

  /** The kinds of report the explorer's form offers, the one asked selected ("" first: any). */
  private List<ScopeChoice> kinds(Locale locale, Map<Facet, List<String>> asked) {
    List<String> on = asked.getOrDefault(Facet.KIND, List.of());
    List<ScopeChoice> out = new ArrayList<>();
    out.add(new ScopeChoice(pages.text(locale, "indicators.anyKind"), "", on.isEmpty()));
    for (org.gongkai.model.ReportKind k : org.gongkai.model.ReportKind.values())
      out.add(
          new ScopeChoice(
              pages.wording().kind(locale, k.label()), k.label(), on.contains(k.label())));
    return out;
  }

  /**
   * {@code /api/indicators?view=matrix}: the region × department view as the page shows it (a
   * government's figure in the whole city's budget unless chosen), departments named as the facet
   * names them; CSV a row per region, JSON each cell's values with their links.
   */
  private void matrixExport(Context ctx, String id, String format) throws IOException {
    boolean government = Indicator.byId(id).orElseThrow().government();
    Scope.Whose level = ExplorerParams.level(ctx.queryParam("level"));
    Role role = ExplorerParams.role(ctx.queryParam("role"));
    if (government && level == null) level = Scope.Whose.WHOLE;
    if (government && role == null) role = Role.PLANNED;
    Map<Facet, List<String>> asked = ExplorerParams.filters(ctx);
    List<IndicatorRow> rows =
        indicators.table(ExplorerParams.request(ctx, id, level, role), new ArrayList<>());
    List<String> years = asked.getOrDefault(Facet.YEAR, List.of());
    Integer year =
        years.size() == 1 && years.get(0).matches("\\d{4}") ? Integer.valueOf(years.get(0)) : null;
    ExplorerMatrix.Matrix m =
        ExplorerMatrix.of(
            rows,
            year,
            y -> links.indicatorsMatrixExport(id, asked, y, format),
            v -> links.absolute(links.figure(v, false), ctx),
            d -> d,
            "",
            u -> u,
            pages::collectionName);
    if (format.equals("csv")) {
      ctx.contentType("text/csv; charset=utf-8");
      ctx.header(
          "Content-Disposition",
          "attachment; filename=\""
              + id
              + (m.year() == null ? "" : "-" + m.year())
              + "-matrix.csv\"");
      ctx.result(ExplorerMatrix.csv(m, "region"));
      return;
    }
    pages.json(ctx, 200, ExplorerMatrix.json(id, m));
  }

  /**
   * The region × department view of {@code rows}: of the one year asked, or the newest stated; each
   * year a link to its own view.
   */
  private ExplorerMatrix.Matrix matrix(
      List<IndicatorRow> rows,
      String id,
      Map<Facet, List<String>> asked,
      boolean english,
      Locale locale,
      Scope.Whose level,
      Role role) {
    List<String> years = asked.getOrDefault(Facet.YEAR, List.of());
    Integer year = null;
    if (years.size() == 1 && years.get(0).matches("\\d{4}")) year = Integer.valueOf(years.get(0));
    String lv = level == null ? null : level.name().toLowerCase(Locale.ROOT);
    String rl = role == null ? null : role.name().toLowerCase(Locale.ROOT);
    return ExplorerMatrix.of(
        rows,
        year,
        y -> links.chosen(links.indicatorsMatrix(id, asked, y, english), lv, rl),
        v -> links.figure(v, english),
        d -> pages.wording().department(locale, d),
        pages.text(locale, "indicators.matrix.other"),
        u -> pages.wording().unit(locale, u),
        pages::collectionName);
  }

  /**
   * A value as a line of text shows it: with （算得） where Gongkai computed it, 含上年结转 where it holds
   * last year's carry-over unseparated.
   */
  private String marked(Locale locale, IndicatorValue v) {
    String shown = Format.value(v);
    if (v.derivation() != null) shown += pages.text(locale, "figures.derived");
    if (v.includesCarryOver()) shown += " " + pages.text(locale, "figures.carry");
    return shown;
  }

  /** The words a value's link shows on hover: how it was computed, or where it was read. */
  private static String titleOf(IndicatorValue v) {
    return v.derivation() != null ? v.derivation() : v.source();
  }

  /** The order the explorer's table is in: value (the default), year or region. */
  private static String sortOf(Context ctx) {
    String s = ctx.queryParam("sort");
    return "year".equals(s) || "region".equals(s) ? s : "value";
  }

  void api(Context ctx) throws IOException {
    List<String> asked = ExplorerParams.split(ctx.queryParams("name"));
    String name = asked.isEmpty() ? null : asked.get(0);
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
    List<String> names = new ArrayList<>();
    for (String n : ExplorerParams.split(ctx.queryParams("name"))) {
      Optional<Indicator> found = Indicator.byId(n).or(() -> Indicator.named(n));
      if (found.isEmpty()) {
        pages.jsonError(
            ctx,
            400,
            "unknown indicator \""
                + n
                + "\"; use one of "
                + String.join(", ", Indicator.all().stream().map(i -> i.id).toList()));
        return;
      }
      if (!names.contains(found.get().id)) names.add(found.get().id);
    }
    String per = ctx.queryParam("per");
    if (per != null && !per.equals("person")) {
      pages.jsonError(ctx, 400, "unknown per \"" + per + "\"; use per=person");
      return;
    }
    if (names.size() > 1 || per != null) { // several figures at once, each report a row
      List<FigureRow> figures =
          indicators.figures(names, ExplorerParams.request(ctx, id), new ArrayList<>());
      if (format.equals("csv")) {
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header(
            "Content-Disposition", "attachment; filename=\"" + String.join("-", names) + ".csv\"");
        ctx.result(json.figuresCsv(names, figures, per != null));
        return;
      }
      pages.json(ctx, 200, json.figuresJson(names, figures, per != null));
      return;
    }
    String reported = ctx.queryParam("reported");
    if (reported != null) {
      if (!reported.equals("false")) {
        pages.jsonError(ctx, 400, "reported takes only false (the reports that state no value)");
        return;
      }
      List<ReportRef> refs =
          indicators.notReported(ExplorerParams.request(ctx, id), new ArrayList<>());
      if (format.equals("csv")) {
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"" + id + "-not-reported.csv\"");
        ctx.result(json.reportsCsv(refs));
        return;
      }
      pages.json(ctx, 200, json.reportsJson(refs));
      return;
    }
    String compare = ctx.queryParam("compare");
    if (compare != null) {
      if (!compare.equals("budget")) {
        pages.jsonError(ctx, 400, "unknown comparison \"" + compare + "\"; use compare=budget");
        return;
      }
      Indicator indicator = Indicator.byId(id).orElseThrow();
      List<Comparison> pairs =
          indicators.compare(ExplorerParams.request(ctx, id), new ArrayList<>());
      if (format.equals("csv")) {
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"" + id + "-budget.csv\"");
        ctx.result(json.compareCsv(indicator, pairs));
        return;
      }
      pages.json(ctx, 200, json.compareJson(indicator, pairs));
      return;
    }
    String view = ctx.queryParam("view");
    if (view != null && !view.isBlank()) {
      if (!view.equals("matrix")) {
        pages.jsonError(ctx, 400, "unknown view \"" + view + "\"; use view=matrix");
        return;
      }
      matrixExport(ctx, id, format);
      return;
    }
    List<IndicatorRow> rows = indicators.table(ExplorerParams.request(ctx, id), new ArrayList<>());
    if (format.equals("csv")) {
      ctx.contentType("text/csv; charset=utf-8");
      ctx.header("Content-Disposition", "attachment; filename=\"" + id + ".csv\"");
      ctx.result(json.csv(rows, href -> links.absolute(href, ctx), SearchParams.locale(ctx)));
      return;
    }
    pages.json(ctx, 200, json.json(rows, SearchParams.locale(ctx)));
  }

  /**
   * Per issuer and kind of report with several years: the values year by year and the change from
   * the year before. Only one issuer's reports of one kind are a series (a 部门 budget and its 单位
   * version, or two issuers of one district, are not two years of anything); the issuer is matched
   * however each report spells it.
   */
  private static List<Series> series(List<IndicatorRow> rows) {
    Map<String, String> names = new LinkedHashMap<>();
    Map<String, Map<Integer, Double>> byIssuer = new LinkedHashMap<>();
    for (IndicatorRow r : rows) {
      if (r.issuer() == null || r.year() == null || !r.value().headline()) continue;
      String key = org.gongkai.model.IssuerNames.normal(r.issuer()) + "\u0000" + r.kind();
      names.putIfAbsent(key, r.issuer() + (r.kind() == null ? "" : "（" + r.kind() + "）"));
      byIssuer
          .computeIfAbsent(key, k -> new java.util.TreeMap<>())
          .putIfAbsent(r.year(), r.value().comparable() / Format.scale(r.value()));
    }
    List<Series> out = new ArrayList<>();
    byIssuer.forEach(
        (key, years) -> {
          if (years.size() < 2) return;
          List<YearValue> values = new ArrayList<>();
          Double previous = null;
          Integer previousYear = null;
          for (var e : years.entrySet()) {
            String change =
                previous == null || previous == 0 ? "" : Format.change(previous, e.getValue());
            // a change over two years or more says from when: no report of the years between
            String since =
                previousYear != null && !change.isEmpty() && e.getKey() - previousYear > 1
                    ? String.valueOf(previousYear)
                    : null;
            values.add(new YearValue(e.getKey(), Format.number(e.getValue()), change, since));
            previous = e.getValue();
            previousYear = e.getKey();
          }
          out.add(new Series(names.get(key), values));
        });
    return out;
  }

  private static String param(Context ctx, String name, String fallback) {
    String v = ctx.queryParam(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
