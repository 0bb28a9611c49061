package org.gongkai.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.gongkai.index.Schema;
import org.gongkai.model.BatchTable;
import org.gongkai.model.Facet;
import org.gongkai.model.SearchRequest;

/**
 * Counts many queries at once, each split by region, issuer or year: which districts mention a
 * phrase, and how often. Every count is of matching sections, as on the search page a cell links
 * to.
 */
public final class BatchCounts {

  /** What a batch may be split by. */
  static final List<String> BY = List.of("region", "issuer", "year");

  /**
   * Counts one request's sections in an engine (read as {@code query}): in all (returned) and by
   * column into {@code counts} (non-zero columns only). {@code regionPath} is the region whose
   * children are the columns when split by region.
   */
  @FunctionalInterface
  public interface Counter {
    long count(
        SearchRequest request,
        RequestReader.Prepared query,
        String by,
        List<String> regionPath,
        Map<String, Long> counts)
        throws IOException;
  }

  private BatchCounts() {}

  /**
   * Each query of {@code queries} with the filters of {@code filters} (its query is ignored), split
   * by {@code by}, counted by {@code counter}. Regions are split one level below the selected
   * region (provinces when none is).
   */
  public static BatchTable count(
      RequestReader reader, List<String> queries, String by, SearchRequest filters, Counter counter)
      throws IOException {
    if (!BY.contains(by)) throw new IllegalArgumentException("by: " + by);
    List<String> queriesRead = new ArrayList<>();
    List<Map<String, Long>> countsRead = new ArrayList<>();
    List<Long> totals = new ArrayList<>();
    List<List<org.gongkai.model.Notice>> notices = new ArrayList<>();
    Map<String, Long> columnTotals = new HashMap<>();
    for (String q : queries) {
      RequestReader.Prepared p = reader.read(withQuery(filters, q));
      Map<String, Long> counts = new LinkedHashMap<>();
      long total = counter.count(withQuery(filters, q), p, by, regionLevel(p), counts);
      if (by.equals("region")) rest(total, counts, !regionLevel(p).isEmpty());
      counts.forEach((c, n) -> columnTotals.merge(c, n, Long::sum));
      queriesRead.add(q);
      countsRead.add(counts);
      totals.add(total);
      notices.add(p.messages());
    }
    // every region and year the selection holds is a column, even where no query is found: a zero
    // is what a journalist looks for (which districts never mention it). Issuers are too many.
    if (!by.equals("issuer") && !queries.isEmpty()) {
      RequestReader.Prepared all = reader.read(withQuery(filters, ""));
      Map<String, Long> held = new LinkedHashMap<>();
      long total = counter.count(withQuery(filters, ""), all, by, regionLevel(all), held);
      if (by.equals("region")) rest(total, held, !regionLevel(all).isEmpty());
      held.keySet().forEach(c -> columnTotals.putIfAbsent(c, 0L));
    }
    List<String> columns = new ArrayList<>(columnTotals.keySet());
    // years newest first; regions and issuers by how many hits they hold, then by name; 其他 last
    columns.sort(
        by.equals("year")
            ? Comparator.<String>reverseOrder()
            : Comparator.comparing((String c) -> BatchTable.remainder(c))
                .thenComparing((String c) -> -columnTotals.get(c))
                .thenComparing(Comparator.naturalOrder()));
    // beyond the columns with the most hits, the rest are counted together in 其他
    int folded = 0;
    if (columns.size() > BatchTable.MAX_COLUMNS) {
      List<String> kept =
          new ArrayList<>(
              columns.stream()
                  .filter(c -> !BatchTable.remainder(c))
                  .limit(BatchTable.MAX_COLUMNS - 1)
                  .toList());
      folded = (int) columns.stream().filter(c -> !BatchTable.remainder(c)).count() - kept.size();
      java.util.Set<String> keep = new java.util.HashSet<>(kept);
      // the selected region's own and the undecided stay columns of their own, after the rest
      for (String c : columns)
        if (BatchTable.remainder(c) && !c.equals(BatchTable.OTHER)) keep.add(c);
      for (Map<String, Long> counts : countsRead) {
        long rest = 0;
        for (var it = counts.entrySet().iterator(); it.hasNext(); ) {
          var e = it.next();
          if (!keep.contains(e.getKey())) {
            rest += e.getValue();
            it.remove();
          }
        }
        if (rest > 0) counts.put(BatchTable.OTHER, rest);
      }
      kept.add(BatchTable.OTHER);
      for (String c : columns)
        if (BatchTable.remainder(c) && !c.equals(BatchTable.OTHER)) kept.add(c);
      columns = kept;
    }
    List<BatchTable.Row> rows = new ArrayList<>();
    for (int i = 0; i < queriesRead.size(); i++) {
      Map<String, Long> all = new LinkedHashMap<>();
      for (String c : columns) all.put(c, countsRead.get(i).getOrDefault(c, 0L));
      rows.add(new BatchTable.Row(queriesRead.get(i), totals.get(i), all, notices.get(i)));
    }
    return new BatchTable(by, columns, rows, folded);
  }

  /**
   * Sections counted in all but in no region's column: the selected region's own ({@link
   * BatchTable#OWN}) when a region is selected, else those of no decided region ({@link
   * BatchTable#UNDECIDED}).
   */
  private static void rest(long total, Map<String, Long> counts, boolean regionSelected) {
    long inColumns = counts.values().stream().mapToLong(Long::longValue).sum();
    if (total > inColumns)
      counts.put(regionSelected ? BatchTable.OWN : BatchTable.UNDECIDED, total - inColumns);
  }

  private static SearchRequest withQuery(SearchRequest filters, String q) {
    return filters.with(q, filters.order(), 1, 1);
  }

  /** The embedded index's counts: facet counts of the drill-down, issuers from doc values. */
  static BatchTable count(
      SearchService search, List<String> queries, String by, SearchRequest filters)
      throws IOException {
    org.gongkai.index.Searchers manager = search.store().searchers();
    IndexSearcher searcher = manager.acquire();
    try {
      SortedSetDocValuesReaderState state = search.state(searcher.getIndexReader());
      return count(
          search.requests(),
          queries,
          by,
          filters,
          (r, p, column, path, counts) -> {
            if (state == null) return 0;
            if (column.equals("issuer")) return byIssuer(searcher, p, counts);
            FacetsCollector fc = searcher.search(p.drill(), new FacetsCollectorManager());
            long total = fc.getMatchingDocs().stream().mapToLong(m -> m.totalHits).sum();
            Facets facets = search.facetCounter().count(state, fc);
            List<String> level = column.equals("region") ? path : List.of();
            String dim = column.equals("region") ? Facet.REGION.key() : Facet.YEAR.key();
            FacetResult fr;
            try {
              fr = facets.getAllChildren(dim, level.toArray(String[]::new));
            } catch (IllegalArgumentException e) {
              fr = null; // the dimension does not occur in the index
            }
            if (fr != null)
              for (LabelAndValue lv : fr.labelValues) {
                String c = level.isEmpty() ? lv.label : String.join("/", level) + "/" + lv.label;
                counts.put(c, lv.value.longValue());
              }
            return total;
          });
    } finally {
      manager.release(searcher);
    }
  }

  /**
   * The region path whose children are the columns: the one selected region (its children), or none
   * (provinces). With several regions selected, or a county, the columns are provinces.
   */
  private static List<String> regionLevel(RequestReader.Prepared p) {
    List<String> selected = p.selected().getOrDefault(Facet.REGION, List.of());
    if (selected.size() != 1 || selected.get(0).contains(" | ")) return List.of();
    List<String> path = List.of(selected.get(0).split("/"));
    return path.size() >= 3 ? List.of() : path;
  }

  /** Sections matching, in all and by issuer (from the sections' issuer doc values). */
  private static long byIssuer(
      IndexSearcher searcher, RequestReader.Prepared p, Map<String, Long> out) throws IOException {
    Map<String, long[]> counts =
        searcher.search(
            p.drill(),
            new CollectorManager<IssuerCollector, Map<String, long[]>>() {
              @Override
              public IssuerCollector newCollector() {
                return new IssuerCollector();
              }

              @Override
              public Map<String, long[]> reduce(java.util.Collection<IssuerCollector> collectors) {
                Map<String, long[]> all = new HashMap<>();
                for (IssuerCollector c : collectors)
                  c.counts.forEach((k, v) -> all.computeIfAbsent(k, x -> new long[1])[0] += v[0]);
                return all;
              }
            });
    long total = 0;
    for (var e : counts.entrySet()) {
      total += e.getValue()[0];
      if (!e.getKey().isEmpty()) out.put(e.getKey(), e.getValue()[0]);
    }
    return total;
  }

  private static final class IssuerCollector extends SimpleCollector {
    final Map<String, long[]> counts = new HashMap<>();
    private SortedDocValues issuers;

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
      issuers = DocValues.getSorted(context.reader(), Schema.ISSUER_KEY);
    }

    @Override
    public void collect(int doc) throws IOException {
      String issuer =
          issuers.advanceExact(doc) ? issuers.lookupOrd(issuers.ordValue()).utf8ToString() : "";
      counts.computeIfAbsent(issuer, k -> new long[1])[0]++;
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }
}
