package org.gongkai.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.gongkai.index.DocumentMapper;
import org.gongkai.index.IndexStore;
import org.gongkai.index.Schema;
import org.gongkai.model.Comparison;
import org.gongkai.model.Facet;
import org.gongkai.model.FigureRow;
import org.gongkai.model.IndicatorFlag;
import org.gongkai.model.IndicatorRow;
import org.gongkai.model.IndicatorValue;
import org.gongkai.model.IssuerNames;
import org.gongkai.model.Notice;
import org.gongkai.model.ReportKind;
import org.gongkai.model.ReportRef;
import org.gongkai.model.Role;
import org.gongkai.model.Scope;
import org.gongkai.regions.Gazetteer;

/**
 * Answers "this indicator across documents": the statements of one indicator (headlines only, or
 * all), filtered like a search by region, year, department and kind, each with its document and the
 * contradictions flagged in it that involve this indicator.
 */
public final class IndicatorService {

  /**
   * A table of one indicator; lists of values in one dimension mean any of them. {@code level} and
   * {@code role}, when given, choose the statements of that level (全市, 市级, 市本级 of a government's
   * figure) and role (执行数, 本年预算, 本年决算 …) in place of each report's headline — one value per report
   * where its statements there agree, its candidates where they do not — so a government's executed
   * and budgeted figures, or its whole city's and its own level's, are never mixed.
   */
  public record Request(
      String indicator,
      List<String> regions,
      List<String> years,
      List<String> departments,
      List<String> kinds,
      boolean allMentions,
      Scope.Whose level,
      Role role) {

    /** Each report's headline (or every statement), whatever its level and role. */
    public Request(
        String indicator,
        List<String> regions,
        List<String> years,
        List<String> departments,
        List<String> kinds,
        boolean allMentions) {
      this(indicator, regions, years, departments, kinds, allMentions, null, null);
    }

    /** This request of another indicator, or of its headlines only, with the same choices. */
    Request of(String id, List<String> kindsAsked, boolean all) {
      return new Request(id, regions, years, departments, kindsAsked, all, level, role);
    }

    /** Whether a level or a role is chosen in place of the headlines. */
    public boolean chosen() {
      return level != null || role != null;
    }
  }

  /**
   * Where the figures come from: the records an engine selects by a request's regions, years,
   * departments and kinds (read as {@link Filters} reads them). The embedded index and a SolrCloud
   * collection each give them; everything else here is the same for both.
   */
  public interface Source {
    /**
     * The stored fields of the statements of {@code r.indicator()} (headlines only unless {@code
     * r.allMentions()}) selected by {@code r}; notes on filter values that could not be read.
     */
    List<Document> statements(Request r, List<Notice> messages) throws IOException;

    /** The first section of every report selected by {@code r} (it carries the report's facets). */
    List<Document> firstSections(Request r, List<Notice> messages) throws IOException;

    /** The contradictions flagged in one report. */
    List<IndicatorFlag> flags(String docId) throws IOException;
  }

  private final Source source;

  public IndicatorService(IndexStore store, Gazetteer gazetteer) {
    this(new Embedded(store, gazetteer));
  }

  public IndicatorService(Source source) {
    this.source = source;
  }

  /** The embedded index's records. */
  private static final class Embedded implements Source {
    private final IndexStore store;
    private final Filters filters;

    Embedded(IndexStore store, Gazetteer gazetteer) {
      this.store = store;
      this.filters = new Filters(gazetteer, FacetTerms.lucene(store.facetsConfig()));
    }

    @Override
    public List<Document> statements(Request r, List<Notice> messages) throws IOException {
      BooleanQuery.Builder q =
          new BooleanQuery.Builder()
              .add(IndexStore.type(Schema.TYPE_INDICATOR), Occur.FILTER)
              .add(new TermQuery(new Term(Schema.INDICATOR, r.indicator())), Occur.FILTER);
      if (!r.allMentions()) {
        // the headlines, and the values of the figures each report leaves undecided
        q.add(
            new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Schema.HEADLINE, "true")), Occur.SHOULD)
                .add(new TermQuery(new Term(Schema.CANDIDATE, "true")), Occur.SHOULD)
                .build(),
            Occur.FILTER);
      }
      return all(selected(q, r, messages));
    }

    @Override
    public List<Document> firstSections(Request r, List<Notice> messages) throws IOException {
      BooleanQuery.Builder q =
          new BooleanQuery.Builder()
              .add(IndexStore.type(Schema.TYPE_SECTION), Occur.FILTER)
              .add(
                  org.apache.lucene.document.NumericDocValuesField.newSlowExactQuery(
                      Schema.ORDINAL, 0),
                  Occur.FILTER);
      return all(selected(q, r, messages));
    }

    @Override
    public List<IndicatorFlag> flags(String docId) throws IOException {
      return store.flags(docId);
    }

    private Query selected(BooleanQuery.Builder q, Request r, List<Notice> messages) {
      addAny(q, Facet.REGION, r.regions(), messages);
      addAny(q, Facet.YEAR, r.years(), messages);
      addAny(q, Facet.DEPARTMENT, r.departments(), messages);
      addAny(q, Facet.KIND, r.kinds(), messages);
      return q.build();
    }

    private List<Document> all(Query query) throws IOException {
      org.gongkai.index.Searchers manager = store.searchers();
      IndexSearcher searcher = manager.acquire();
      try {
        int n = Math.max(1, searcher.count(query));
        var stored = searcher.storedFields();
        List<Document> out = new ArrayList<>();
        for (ScoreDoc hit : searcher.search(query, n).scoreDocs) out.add(stored.document(hit.doc));
        return out;
      } finally {
        manager.release(searcher);
      }
    }

    private void addAny(
        BooleanQuery.Builder q, Facet dim, List<String> values, List<Notice> messages) {
      if (values.isEmpty()) return;
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      for (String v : values) {
        Filters.Resolved res = filters.resolve(dim, v, messages);
        any.add(res.query() == null ? new MatchNoDocsQuery() : res.query(), Occur.SHOULD);
      }
      q.add(any.build(), Occur.FILTER);
    }
  }

  /**
   * The rows — the headlines, and the values (candidates) of the figures a report leaves undecided
   * unless {@code r.allMentions()} asks for every statement — ordered by region path then year;
   * messages say which filter values could not be read.
   */
  public List<IndicatorRow> table(Request r, List<Notice> messages) throws IOException {
    List<IndicatorRow> rows = new ArrayList<>();
    Map<String, List<IndicatorFlag>> flagsByDoc = new HashMap<>();
    Request fetch = r.chosen() ? r.of(r.indicator(), r.kinds(), true) : r;
    for (Document d : source.statements(fetch, messages)) {
      IndicatorValue v = DocumentMapper.indicator(d);
      if (r.level() != null && v.scope().whose() != r.level()) continue;
      if (r.role() != null && v.role() != r.role()) continue;
      List<IndicatorFlag> flags =
          flagsByDoc.computeIfAbsent(v.docId(), this::flags).stream()
              .filter(f -> f.sources().stream().anyMatch(s -> s.indicator().equals(v.indicator())))
              .toList();
      rows.add(
          new IndicatorRow(
              v,
              d.get(Schema.TITLE),
              d.get(Schema.ISSUER),
              DocumentMapper.region(d),
              DocumentMapper.year(d),
              d.get(Schema.KIND),
              d.get(Schema.DEPARTMENT),
              flags,
              d.get(Schema.COLLECTION)));
    }
    // ties fall to the report and its order, never to the engine's order of records
    rows.sort(
        Comparator.comparing(
                (IndicatorRow row) ->
                    row.region() == null ? "\uffff" : String.join("/", row.region().path()))
            .thenComparing(row -> row.year() == null ? 0 : row.year())
            .thenComparing(row -> row.value().start())
            .thenComparing(row -> row.value().docId())
            .thenComparing(row -> row.value().end()));
    return r.chosen() && !r.allMentions() ? decided(rows) : rows;
  }

  /**
   * Of the statements of one level and role, each report's value: its first statement where all
   * agree (the year the figure is of — last year's for an execution a budget report states), each
   * as a candidate where they do not.
   */
  private static List<IndicatorRow> decided(List<IndicatorRow> rows) {
    Map<String, List<IndicatorRow>> byDoc = new java.util.LinkedHashMap<>();
    for (IndicatorRow row : rows)
      byDoc.computeIfAbsent(row.value().docId(), k -> new ArrayList<>()).add(row);
    List<IndicatorRow> out = new ArrayList<>();
    for (List<IndicatorRow> statements : byDoc.values()) {
      double first = amount(statements.get(0).value());
      boolean agree = statements.stream().allMatch(x -> amount(x.value()) == first);
      for (IndicatorRow row : agree ? statements.subList(0, 1) : statements) {
        IndicatorValue v = agree ? row.value().asHeadline() : row.value().asCandidate();
        Integer year = row.year();
        if (year != null && v.scope().period() == Scope.Period.PREVIOUS) year = year - 1;
        out.add(
            new IndicatorRow(
                v,
                row.docTitle(),
                row.issuer(),
                row.region(),
                year,
                row.kind(),
                row.department(),
                row.flags(),
                row.collection()));
      }
    }
    return out;
  }

  private static double amount(IndicatorValue v) {
    return v.valueWan() != null ? v.valueWan() : v.value();
  }

  /**
   * Several figures at once: every report (filtered like {@link #table}) stating at least one of
   * {@code indicators} as a headline, with each of them and its staff count (实有人数) for figures per
   * person. Ordered by region, year, title.
   */
  public List<FigureRow> figures(List<String> indicators, Request r, List<Notice> messages)
      throws IOException {
    Map<String, ReportRef> reports = new java.util.LinkedHashMap<>();
    Map<String, Map<String, IndicatorValue>> values = new HashMap<>();
    Map<String, IndicatorValue> staff = new HashMap<>();
    List<String> wanted = new ArrayList<>(indicators);
    wanted.add(org.gongkai.indicators.Indicator.STAFF_ACTUAL.id);
    for (String id : wanted) {
      Request one = r.of(id, r.kinds(), false);
      for (IndicatorRow row : table(one, id.equals(r.indicator()) ? messages : new ArrayList<>())) {
        if (!row.value().headline()) continue; // an undecided figure has no value to set beside
        String docId = row.value().docId();
        if (id.equals(org.gongkai.indicators.Indicator.STAFF_ACTUAL.id)
            && !indicators.contains(id)) {
          staff.putIfAbsent(docId, row.value());
          continue;
        }
        if (id.equals(org.gongkai.indicators.Indicator.STAFF_ACTUAL.id))
          staff.putIfAbsent(docId, row.value());
        reports.putIfAbsent(
            docId,
            new ReportRef(
                docId,
                row.docTitle(),
                row.issuer(),
                row.region(),
                row.year(),
                row.kind(),
                row.collection()));
        values
            .computeIfAbsent(docId, k -> new java.util.LinkedHashMap<>())
            .putIfAbsent(id, row.value());
      }
    }
    // a government's figures per resident: the population its report states for the figures' year
    // (whole government; its level and role are the report's own, whatever level or role is chosen)
    Map<String, List<IndicatorValue>> population = new HashMap<>();
    if (indicators.stream().anyMatch(id -> id.startsWith("gov_"))) {
      Request people =
          new Request(
              org.gongkai.indicators.Indicator.GOV_POPULATION.id,
              r.regions(),
              r.years(),
              r.departments(),
              r.kinds(),
              true);
      for (IndicatorRow row : table(people, new ArrayList<>()))
        population.computeIfAbsent(row.value().docId(), k -> new ArrayList<>()).add(row.value());
    }
    List<FigureRow> out = new ArrayList<>();
    for (ReportRef ref : reports.values()) {
      Map<String, IndicatorValue> own = values.get(ref.docId());
      IndicatorValue people = null;
      Scope.Period period =
          own.values().stream()
              .filter(v -> v.indicator().startsWith("gov_"))
              .map(v -> v.scope().period())
              .findFirst()
              .orElse(null);
      for (IndicatorValue p : population.getOrDefault(ref.docId(), List.of()))
        if (p.scope().period() == period) {
          people = p;
          break;
        }
      out.add(new FigureRow(ref, own, staff.get(ref.docId()), people));
    }
    out.sort(
        byRegionYear(
                (FigureRow f) -> f.report().region(),
                f -> f.report().year(),
                f -> f.report().title())
            .thenComparing(f -> f.report().docId()));
    return out;
  }

  /**
   * Budget against actual: the headline of each issuer's 部门预算 beside that of its 部门决算 for the same
   * year (issuers matched by {@link IssuerNames#normal}, whatever spelling each report uses),
   * filtered like {@link #table} but for the kind; ordered by region, year and issuer. An issuer
   * and year with only one of the two is listed with the other missing.
   */
  public List<Comparison> compare(Request r, List<Notice> messages) throws IOException {
    if (org.gongkai.indicators.Indicator.byId(r.indicator())
        .map(org.gongkai.indicators.Indicator::government)
        .orElse(false)) return governments(r, messages);
    Request both =
        new Request(
            r.indicator(),
            r.regions(),
            r.years(),
            r.departments(),
            List.of(ReportKind.BUDGET.label(), ReportKind.FINAL_ACCOUNTS.label()),
            false);
    Map<String, IndicatorRow[]> pairs = new java.util.LinkedHashMap<>();
    for (IndicatorRow row : table(both, messages)) {
      if (!row.value().headline() || row.year() == null) continue;
      boolean budget = ReportKind.BUDGET.label().equals(row.kind());
      String key = IssuerNames.normal(row.issuer()) + "\u0000" + row.year();
      IndicatorRow[] pair = pairs.computeIfAbsent(key, k -> new IndicatorRow[2]);
      int side = budget ? 0 : 1;
      if (pair[side] == null) pair[side] = row;
    }
    return comparisons(pairs);
  }

  /**
   * A government's budget against what it did, in one level (the whole city's unless {@code
   * r.level()} says): each year's 本年预算 in its budget report beside that year's 本年决算 in its final
   * accounts — or, where those are not indexed, the 执行数 the next year's budget report states.
   * Governments matched by {@link IssuerNames#normal}, as departments are. A year's budget that a
   * later report restates (its 年初预算) differently from that year's budget report is said in {@code
   * messages}: one of the two reports misstates it, or the budget was restated.
   */
  private List<Comparison> governments(Request r, List<Notice> messages) throws IOException {
    Scope.Whose level = r.level() == null ? Scope.Whose.WHOLE : r.level();
    List<String> budgets = List.of(ReportKind.GOVERNMENT_BUDGET.label());
    List<String> finals = List.of(ReportKind.GOVERNMENT_FINAL.label());
    Map<String, IndicatorRow[]> pairs = new java.util.LinkedHashMap<>();
    List<List<IndicatorRow>> sides =
        List.of(
            table(chosen(r, budgets, level, Role.PLANNED), messages),
            table(chosen(r, finals, level, Role.ACTUAL), new ArrayList<>()),
            table(chosen(r, budgets, level, Role.EXECUTED), new ArrayList<>()));
    for (int k = 0; k < sides.size(); k++) {
      for (IndicatorRow row : sides.get(k)) {
        if (!row.value().headline() || row.year() == null) continue;
        String key = IssuerNames.normal(row.issuer()) + "\u0000" + row.year();
        IndicatorRow[] pair = pairs.computeIfAbsent(key, x -> new IndicatorRow[2]);
        int side = k == 0 ? 0 : 1;
        if (pair[side] == null) pair[side] = row; // a final's 决算 before a budget's 执行数
      }
    }
    // a year's budget as a later report restates it (年初预算) against the budget report of that year
    for (String kinds : List.of("final", "budget")) {
      Request initial =
          chosen(r, kinds.equals("final") ? finals : budgets, level, Role.INITIAL_BUDGET);
      for (IndicatorRow restated : table(initial, new ArrayList<>())) {
        if (!restated.value().headline() || restated.year() == null) continue;
        IndicatorRow[] pair =
            pairs.get(IssuerNames.normal(restated.issuer()) + "\u0000" + restated.year());
        if (pair == null || pair[0] == null) continue;
        IndicatorValue said = pair[0].value();
        IndicatorValue again = restated.value();
        double apart = Math.abs(said.valueWan() - again.valueWan());
        if (apart
            > org.gongkai.government.GovernmentChecks.half(said)
                + org.gongkai.government.GovernmentChecks.half(again)
                + 1e-6)
          messages.add(
              Notice.of(
                  "restatedBudget",
                  restated.issuer(),
                  restated.year(),
                  again.asWritten(),
                  restated.docTitle(),
                  said.asWritten(),
                  pair[0].docTitle()));
      }
    }
    return comparisons(pairs);
  }

  /** Each budget and actual paired (either may be missing), by region, year and issuer. */
  private static List<Comparison> comparisons(Map<String, IndicatorRow[]> pairs) {
    List<Comparison> out = new ArrayList<>();
    for (IndicatorRow[] pair : pairs.values()) {
      IndicatorRow named = pair[1] != null ? pair[1] : pair[0];
      out.add(new Comparison(named.issuer(), named.region(), named.year(), pair[0], pair[1]));
    }
    out.sort(byRegionYear(Comparison::region, Comparison::year, Comparison::issuer));
    return out;
  }

  private static Request chosen(Request r, List<String> kinds, Scope.Whose level, Role role) {
    return new Request(
        r.indicator(), r.regions(), r.years(), r.departments(), kinds, false, level, role);
  }

  /**
   * The reports (filtered like {@link #table}) that state no value for the indicator: every report
   * matching the filters whose headline figures do not include it. Ordered by region, year, title.
   */
  public List<ReportRef> notReported(Request r, List<Notice> messages) throws IOException {
    // a government's figure is missing only from a government's report, never from a department's
    if (r.kinds().isEmpty()
        && org.gongkai.indicators.Indicator.byId(r.indicator())
            .map(org.gongkai.indicators.Indicator::government)
            .orElse(false))
      r =
          r.of(
              r.indicator(),
              List.of(ReportKind.GOVERNMENT_BUDGET.label(), ReportKind.GOVERNMENT_FINAL.label()),
              r.allMentions());
    // a report that states the figure, decided or not (its values disagree), is not listed
    java.util.Set<String> stated = new java.util.HashSet<>();
    for (IndicatorRow row : table(r.of(r.indicator(), r.kinds(), false), new ArrayList<>()))
      stated.add(row.value().docId());
    // one record per report: its first section, which carries the report's facets
    List<ReportRef> out = new ArrayList<>();
    for (Document d : source.firstSections(r, messages)) {
      String docId = d.get(Schema.DOC_ID);
      if (stated.contains(docId)) continue;
      out.add(
          new ReportRef(
              docId,
              d.get(Schema.TITLE),
              d.get(Schema.ISSUER),
              DocumentMapper.region(d),
              DocumentMapper.year(d),
              d.get(Schema.KIND),
              d.get(Schema.COLLECTION)));
    }
    out.sort(
        byRegionYear(ReportRef::region, ReportRef::year, ReportRef::title)
            .thenComparing(ReportRef::docId));
    return out;
  }

  /** The explorer's order of reports: by region path (undecided last), then year, then a name. */
  private static <T> Comparator<T> byRegionYear(
      java.util.function.Function<T, org.gongkai.model.Region> region,
      java.util.function.Function<T, Integer> year,
      java.util.function.Function<T, String> name) {
    return Comparator.comparing(
            (T t) -> region.apply(t) == null ? "\uffff" : String.join("/", region.apply(t).path()))
        .thenComparing(t -> year.apply(t) == null ? 0 : year.apply(t))
        .thenComparing(t -> name.apply(t) == null ? "" : name.apply(t));
  }

  private List<IndicatorFlag> flags(String docId) {
    try {
      return source.flags(docId);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
