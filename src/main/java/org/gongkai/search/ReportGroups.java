package org.gongkai.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.gongkai.index.Schema;
import org.gongkai.model.GroupedPage;
import org.gongkai.model.HitGroup;
import org.gongkai.model.Notice;
import org.gongkai.model.SearchHit;
import org.gongkai.model.SearchRequest;

/**
 * Search results grouped by report: every matching section is counted to its report, each report
 * keeps its best {@link #BEST} sections, and reports are ranked by their best section (or by year,
 * newest first). Written as one pass over the hits rather than with Lucene's grouping module, so
 * that the facets come from the same drill-sideways pass as on the ungrouped page.
 */
final class ReportGroups {

  /** Sections shown per report. */
  static final int BEST = 3;

  private final SearchService search;

  ReportGroups(SearchService search) {
    this.search = search;
  }

  /** One report's matches while collecting: how many, its year, and its best sections. */
  private static final class Group {
    final String docId;
    final int year;
    long hits;
    final List<ScoreDoc> best = new ArrayList<>(BEST + 1);

    Group(String docId, int year) {
      this.docId = docId;
      this.year = year;
    }

    float top() {
      return best.get(0).score;
    }

    void offer(int doc, float score) {
      hits++;
      if (best.size() == BEST && best.get(BEST - 1).score >= score) return;
      best.add(new ScoreDoc(doc, score));
      best.sort(ORDER);
      if (best.size() > BEST) best.remove(BEST);
    }
  }

  /** Higher score first, then earlier in the index (a report's sections are in order). */
  private static final Comparator<ScoreDoc> ORDER =
      Comparator.comparing((ScoreDoc s) -> -s.score).thenComparingInt(s -> s.doc);

  GroupedPage search(SearchRequest r) throws IOException {
    long started = System.nanoTime();
    RequestReader.Prepared p = search.prepare(r);
    List<Notice> messages = new ArrayList<>(p.messages());
    org.gongkai.index.Searchers manager = search.store().searchers();
    IndexSearcher searcher = manager.acquire();
    try {
      SortedSetDocValuesReaderState state = search.state(searcher.getIndexReader());
      if (state == null) {
        return GroupedPage.none(
            r.query(),
            r.page(),
            r.size(),
            SearchService.millisSince(started),
            p.selected(),
            messages);
      }
      DrillSideways ds = search.drillSideways(searcher, state);
      DrillSideways.ConcurrentDrillSidewaysResult<Map<String, Group>> result =
          ds.search(p.drill(), new GroupsManager());
      List<Group> groups = new ArrayList<>(result.collectorResult.values());
      long total = 0;
      for (Group g : groups) total += g.hits;
      Comparator<Group> byId = Comparator.comparing(g -> g.docId);
      Comparator<Group> byScore = Comparator.comparing((Group g) -> -g.top());
      groups.sort(
          r.order() == SearchRequest.Order.YEAR
              ? Comparator.comparingInt((Group g) -> g.year)
                  .reversed()
                  .thenComparing(byScore)
                  .thenComparing(byId)
              : byScore.thenComparing(byId));
      int from = Math.min(groups.size(), (r.page() - 1) * r.size());
      int to = Math.min(groups.size(), from + r.size());
      if (!groups.isEmpty() && from >= groups.size())
        messages.add(Notice.of("pastEnd", r.page(), (groups.size() + r.size() - 1) / r.size()));
      List<Group> shown = groups.subList(from, to);
      List<ScoreDoc> docs = new ArrayList<>();
      for (Group g : shown) docs.addAll(g.best);
      List<SearchHit> hits = search.hits(searcher, docs.toArray(ScoreDoc[]::new), p.highlights());
      List<HitGroup> out = new ArrayList<>();
      int at = 0;
      for (Group g : shown) {
        out.add(new HitGroup(g.docId, g.hits, hits.subList(at, at + g.best.size())));
        at += g.best.size();
      }
      var facetValues = search.facetValues(result.facets, p.selected(), false);
      return new GroupedPage(
          r.query(),
          total,
          groups.size(),
          r.page(),
          r.size(),
          SearchService.millisSince(started),
          out,
          facetValues,
          p.selected(),
          messages);
    } finally {
      manager.release(searcher);
    }
  }

  private static final class GroupsCollector extends SimpleCollector {
    final Map<String, Group> groups = new HashMap<>();
    private SortedDocValues ids;
    private NumericDocValues years;
    private Scorable scorer;
    private int base;

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
      ids = DocValues.getSorted(context.reader(), Schema.DOC_ORDER);
      years = DocValues.getNumeric(context.reader(), Schema.YEAR);
      base = context.docBase;
    }

    @Override
    public void setScorer(Scorable scorer) {
      this.scorer = scorer;
    }

    @Override
    public void collect(int doc) throws IOException {
      if (!ids.advanceExact(doc)) return;
      String id = ids.lookupOrd(ids.ordValue()).utf8ToString();
      Group g = groups.get(id);
      if (g == null) {
        int year = years.advanceExact(doc) ? (int) years.longValue() : Integer.MIN_VALUE;
        g = new Group(id, year);
        groups.put(id, g);
      }
      g.offer(base + doc, scorer.score());
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE;
    }
  }

  private static final class GroupsManager
      implements CollectorManager<GroupsCollector, Map<String, Group>> {
    @Override
    public GroupsCollector newCollector() {
      return new GroupsCollector();
    }

    @Override
    public Map<String, Group> reduce(java.util.Collection<GroupsCollector> collectors) {
      Map<String, Group> out = new HashMap<>();
      for (GroupsCollector c : collectors)
        c.groups.forEach(
            (id, g) ->
                out.merge(
                    id,
                    g,
                    (a, b) -> {
                      for (ScoreDoc s : b.best) a.offer(s.doc, s.score);
                      a.hits += b.hits - b.best.size();
                      return a;
                    }));
      return out;
    }
  }
}
