package org.gongkai.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollector.MatchingDocs;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FilterScorable;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.LongValues;

/**
 * Counts the facet values of a search's hits, exactly, from each segment's records read once into
 * the sets of values they carry.
 *
 * <p>A section carries its report's values (region at three levels, year, department, kind, the
 * tables it lacks: about ten) and its own category. Each segment's records are read once (when a
 * reader opens) into which set of shared values each carries — one per report, a few thousand a
 * segment, kept as runs of records since a report's records lie together — and which set of its own
 * ({@code ownDims}: a section's category; a byte a record). A search adds one to each hit's two
 * sets, then each counted set to its values: two additions a hit rather than eleven, and none of
 * the hit's doc values decoded. Lucene's {@code SortedSetDocValuesFacetCounts} decodes every value
 * of every hit and maps it to the reader's ordinal: on 1 M sections 2 ms at the median phrase on
 * two cores, which is why the counts had been estimated from a sample beyond 10,000 hits.
 */
final class FacetCounter {

  /**
   * Sets of segment ordinals, each stored once: set {@code i} is {@code ords[start[i]…start[i+1])}.
   */
  private record Sets(int[] start, int[] ords) {
    int count() {
      return start.length - 1;
    }
  }

  /**
   * One segment's records: their sets of shared values as runs (a report's records lie together, so
   * records {@code runStart[i]…runStart[i+1]} carry set {@code runSet[i]}, −1 for none), and each
   * record's set of its own values plus one (0 for none) in a byte where there are fewer than 255
   * such sets, else in an int. About a byte a record: the hits' lookups stay in the cores' caches
   * (8 bytes a record, as two ints, had cost 80 ns a hit on 1 M sections, most of it waiting for
   * memory).
   */
  private static final class Groups {
    final int[] runStart;
    final int[] runSet;
    final byte[] ownByte;
    final int[] ownInt;
    final Sets sharedSets;
    final Sets ownSets;

    Groups(int[] runStart, int[] runSet, byte[] ownByte, int[] ownInt, Sets shared, Sets own) {
      this.runStart = runStart;
      this.runSet = runSet;
      this.ownByte = ownByte;
      this.ownInt = ownInt;
      this.sharedSets = shared;
      this.ownSets = own;
    }

    /**
     * The run holding {@code doc}, searched from {@code near}: hits come in increasing order, most
     * a few runs on, so the search gallops forward before it halves.
     */
    int run(int doc, int near) {
      if (doc < runStart[near]) return last(doc, 0, near);
      if (doc < runStart[near + 1]) return near;
      int step = 1;
      int from = near + 1;
      while (from + step < runSet.length && runStart[from + step] <= doc) {
        from += step;
        step <<= 1;
      }
      return last(doc, from, Math.min(runSet.length, from + step));
    }

    /** The last run in {@code [from, to)} starting at or before {@code doc}. */
    private int last(int doc, int from, int to) {
      int at = Arrays.binarySearch(runStart, from, to, doc);
      return at >= 0 ? at : -at - 2;
    }

    int own(int doc) {
      return ownByte != null ? (ownByte[doc] & 0xff) - 1 : ownInt[doc] - 1;
    }
  }

  /**
   * Adds one segment's hits, in increasing order of record, to the counts of their sets. The sets a
   * search touches are listed as they are first counted, so that adding them to their values costs
   * what the hits touched, not a pass over every report of the segment; no counts are allocated for
   * a segment without a hit.
   */
  private static final class Tally {
    private static final int[] NONE = new int[0];
    final int leaf;
    final Groups groups;
    int[] bySharedSet;
    int[] byOwnSet;
    int[] touched = NONE;
    int touchedCount;
    int hits;
    boolean added;
    private int run;

    Tally(int leaf, Groups groups) {
      this.leaf = leaf;
      this.groups = groups;
    }

    void add(int doc) {
      Groups g = groups;
      if (hits++ == 0) {
        bySharedSet = new int[g.sharedSets.count()];
        byOwnSet = new int[g.ownSets.count()];
      }
      run = g.run(doc, run);
      int s = g.runSet[run];
      if (s >= 0 && bySharedSet[s]++ == 0) {
        if (touchedCount == touched.length)
          touched = Arrays.copyOf(touched, Math.max(16, 2 * touchedCount));
        touched[touchedCount++] = s;
      }
      int o = g.own(doc);
      if (o >= 0) byOwnSet[o]++;
    }

    /** Adds the counted sets to the values' counts, once. */
    void addTo(Labels l, int[] counts) {
      if (hits == 0 || added) return;
      added = true;
      int[] start = groups.sharedSets.start();
      int[] ords = l.sharedGlobal[leaf];
      for (int t = 0; t < touchedCount; t++) {
        int set = touched[t];
        int n = bySharedSet[set];
        for (int i = start[set], end = start[set + 1]; i < end; i++) counts[ords[i]] += n;
      }
      // a segment has a few dozen sets of own values: all are looked at
      int[] ownStart = groups.ownSets.start();
      int[] ownOrds = l.ownGlobal[leaf];
      for (int set = 0; set < byOwnSet.length; set++) {
        int n = byOwnSet[set];
        if (n == 0) continue;
        for (int i = ownStart[set], end = ownStart[set + 1]; i < end; i++) counts[ownOrds[i]] += n;
      }
      bySharedSet = null;
      byOwnSet = null;
      touched = null;
    }
  }

  private final Set<String> ownDims;
  private final Map<IndexReader.CacheKey, Groups> segments = new ConcurrentHashMap<>();

  /**
   * @param ownDims the dimensions whose values differ between records of one report (a section's
   *     category); the others are counted per set of records that share them
   */
  FacetCounter(Set<String> ownDims) {
    this.ownDims = Set.copyOf(ownDims);
  }

  /**
   * The labels of one reader's facet values, by global ordinal, each path's children, each
   * segment's ordinals as global ones ({@code global[leaf][segmentOrd]}: a segment has a few
   * thousand values, and reading Lucene's packed ordinal map value by value cost more than all the
   * counting), each segment's records ({@code groups[leaf]}) and their sets' values as global
   * ordinals ({@code sharedGlobal[leaf]}, {@code ownGlobal[leaf]}, in the order of the sets' {@code
   * ords}), so that a counted set's values are added with one look-up each.
   */
  private record Labels(
      IndexReader reader,
      int[][] global,
      String[][] paths,
      Map<String, Integer> ords,
      Map<String, int[]> children,
      Groups[] groups,
      int[][] sharedGlobal,
      int[][] ownGlobal) {}

  private volatile Labels labels;

  /**
   * Reads the reader's labels and the records of every segment of {@code state}'s reader not read
   * yet: done when a reader is opened, so that no search pays for it.
   */
  void warm(SortedSetDocValuesReaderState state) throws IOException {
    labels(state); // reads every segment's records
  }

  /** How many segments' records are held (for tests). */
  int segmentsRead() {
    return segments.size();
  }

  /** The exact counts of {@code hits}' facet values. */
  Facets count(SortedSetDocValuesReaderState state, FacetsCollector hits) throws IOException {
    Labels l = labels(state);
    int[] counts = new int[l.paths.length];
    boolean counted = false;
    for (MatchingDocs md : hits.getMatchingDocs()) {
      if (md.totalHits == 0 || md.bits == null) continue;
      counted = true;
      DocIdSetIterator it = md.bits.iterator();
      if (it == null) continue;
      Tally tally = new Tally(md.context.ord, l.groups[md.context.ord]);
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc())
        tally.add(doc);
      tally.addTo(l, counts);
    }
    return new Counts(l, counts, state.getFacetsConfig(), counted);
  }

  /**
   * Counts the facet values of a search's hits while it runs: each slice of segments adds its hits
   * to their sets as it collects them, and each segment's counted sets to the slice's values as the
   * segment finishes (on the search threads, with no list of hits kept); the slices' counts are
   * summed at the end. The same counts as {@link #count}.
   */
  CollectorManager<Counting, Facets> counting(SortedSetDocValuesReaderState state)
      throws IOException {
    Labels l = labels(state);
    return new CollectorManager<>() {
      @Override
      public Counting newCollector() {
        return new Counting(l);
      }

      @Override
      public Facets reduce(Collection<Counting> slices) {
        return counts(l, state, slices);
      }
    };
  }

  /** What one pass found: its hits as {@code ranking} reduced them, and their facets' counts. */
  record Found<T>(T ranked, Facets counts) {}

  /**
   * Ranks a search's hits with {@code ranking} and counts their facet values in the same pass, each
   * hit counted and then handed to the ranking in one call, where Lucene's {@code MultiCollector}
   * loops over a list of collectors for every hit (on 1 M sections, the benchmark's rare phrases
   * asked in turn: 0.02–0.1 ms less at the median, of 0.6 that counting costs there). Every hit is
   * counted, whatever {@code ranking} would skip: the pass is exhaustive, and the ranking is never
   * told a score below which hits may be passed over.
   */
  <C extends Collector, T> CollectorManager<Ranking<C>, Found<T>> rankingAndCounting(
      SortedSetDocValuesReaderState state, CollectorManager<C, T> ranking) throws IOException {
    Labels l = labels(state);
    return new CollectorManager<>() {
      @Override
      public Ranking<C> newCollector() throws IOException {
        return new Ranking<>(ranking.newCollector(), new Counting(l));
      }

      @Override
      public Found<T> reduce(Collection<Ranking<C>> slices) throws IOException {
        List<C> ranked = new ArrayList<>();
        List<Counting> counted = new ArrayList<>();
        for (Ranking<C> slice : slices) {
          ranked.add(slice.ranking);
          counted.add(slice.counting);
        }
        return new Found<>(ranking.reduce(ranked), counts(l, state, counted));
      }
    };
  }

  /**
   * The slices' counts summed: each slice adds its segments' sets to its values as each segment
   * finishes (on the search threads), and any segment not finished yet is added here.
   */
  private static Facets counts(
      Labels l, SortedSetDocValuesReaderState state, Collection<Counting> slices) {
    int[] counts = null;
    boolean counted = false;
    for (Counting slice : slices) {
      for (Tally tally : slice.segments) {
        if (tally.hits == 0) continue;
        counted = true;
        slice.finish(tally);
      }
      if (slice.counts == null) continue;
      if (counts == null) counts = slice.counts;
      else for (int i = 0; i < counts.length; i++) counts[i] += slice.counts[i];
    }
    return new Counts(
        l, counts != null ? counts : new int[l.paths.length], state.getFacetsConfig(), counted);
  }

  /** One slice's hits, counted by set, segment by segment. */
  static final class Counting implements Collector {
    private final Labels labels;
    private final List<Tally> segments = new ArrayList<>();
    private int[] counts; // by global ordinal, of the segments finished

    private Counting(Labels labels) {
      this.labels = labels;
    }

    /** Adds a segment's counted sets to this slice's counts of values. */
    void finish(Tally tally) {
      if (tally.hits == 0) return;
      if (counts == null) counts = new int[labels.paths.length];
      tally.addTo(labels, counts);
    }

    Tally tally(LeafReaderContext context) {
      Tally tally = new Tally(context.ord, labels.groups[context.ord]);
      segments.add(tally);
      return tally;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) {
      Tally tally = tally(context);
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) {
          tally.add(doc);
        }

        @Override
        public void finish() {
          Counting.this.finish(tally);
        }
      };
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }

  /** One slice's hits, ranked by {@code ranking} and counted by {@code counting}. */
  static final class Ranking<C extends Collector> implements Collector {
    private final C ranking;
    private final Counting counting;

    private Ranking(C ranking, Counting counting) {
      this.ranking = ranking;
      this.counting = counting;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      LeafCollector ranks;
      try {
        ranks = ranking.getLeafCollector(context);
      } catch (
          @SuppressWarnings("unused")
          CollectionTerminatedException e) {
        ranks = null; // it needs nothing of this segment; its hits are still counted
      }
      if (ranks == null) return counting.getLeafCollector(context);
      return new Both(counting, counting.tally(context), ranks);
    }

    @Override
    public void setWeight(Weight weight) {
      ranking.setWeight(weight);
    }

    @Override
    public ScoreMode scoreMode() {
      // exhaustive whatever the ranking's mode, so that no hit goes uncounted
      return ranking.scoreMode().needsScores() ? ScoreMode.COMPLETE : ScoreMode.COMPLETE_NO_SCORES;
    }
  }

  /** A segment's hits, each counted, then ranked until the ranking has all it needs. */
  private static final class Both implements LeafCollector {
    private final Counting counting;
    private final Tally tally;
    private LeafCollector ranks;

    Both(Counting counting, Tally tally, LeafCollector ranks) {
      this.counting = counting;
      this.tally = tally;
      this.ranks = ranks;
    }

    @Override
    public void setScorer(Scorable scorer) throws IOException {
      if (ranks == null) return; // some bulk scorers set a scorer again within a segment
      ranks.setScorer(
          new FilterScorable(scorer) {
            @Override
            public void setMinCompetitiveScore(float minScore) {
              // never skip: every hit is counted (FilterScorable passes none on either: said here
              // so that it stays so)
            }
          });
    }

    @Override
    public void collect(int doc) throws IOException {
      tally.add(doc);
      if (ranks == null) return;
      try {
        ranks.collect(doc);
      } catch (
          @SuppressWarnings("unused")
          CollectionTerminatedException e) {
        ranks.finish();
        ranks = null;
      }
    }

    @Override
    public void finish() throws IOException {
      counting.finish(tally);
      if (ranks != null) ranks.finish();
    }
  }

  private Labels labels(SortedSetDocValuesReaderState state) throws IOException {
    Labels cached = labels;
    if (cached != null && cached.reader == state.getReader()) return cached;
    SortedSetDocValues dv = state.getDocValues();
    OrdinalMap map = dv instanceof MultiDocValues.MultiSortedSetDocValues m ? m.mapping : null;
    int n = (int) dv.getValueCount();
    String[][] paths = new String[n][];
    Map<String, Integer> ords = new HashMap<>();
    Map<String, List<Integer>> kids = new HashMap<>();
    for (int ord = 0; ord < n; ord++) {
      String[] path = FacetsConfig.stringToPath(dv.lookupOrd(ord).utf8ToString());
      paths[ord] = path;
      ords.put(key(path, path.length), ord);
      if (path.length > 1)
        kids.computeIfAbsent(key(path, path.length - 1), k -> new ArrayList<>()).add(ord);
    }
    Map<String, int[]> children = new HashMap<>();
    kids.forEach((k, v) -> children.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
    List<LeafReaderContext> leaves = state.getReader().leaves();
    int[][] global = new int[leaves.size()][];
    for (LeafReaderContext leaf : leaves) {
      int values = (int) DocValues.getSortedSet(leaf.reader(), state.getField()).getValueCount();
      LongValues toGlobal = map == null ? LongValues.IDENTITY : map.getGlobalOrds(leaf.ord);
      int[] g = new int[values];
      for (int ord = 0; ord < values; ord++) g[ord] = (int) toGlobal.get(ord);
      global[leaf.ord] = g;
    }
    // each segment's sets with their values already global: a search adds a counted set's values
    // with one look-up each rather than two
    Groups[] groups = new Groups[leaves.size()];
    int[][] sharedGlobal = new int[leaves.size()][];
    int[][] ownGlobal = new int[leaves.size()][];
    for (LeafReaderContext leaf : leaves) {
      Groups g = groups(leaf, state.getField());
      groups[leaf.ord] = g;
      sharedGlobal[leaf.ord] = toGlobal(g.sharedSets.ords(), global[leaf.ord]);
      ownGlobal[leaf.ord] = toGlobal(g.ownSets.ords(), global[leaf.ord]);
    }
    Labels l =
        new Labels(
            state.getReader(), global, paths, ords, children, groups, sharedGlobal, ownGlobal);
    labels = l;
    return l;
  }

  private static int[] toGlobal(int[] segmentOrds, int[] global) {
    int[] out = new int[segmentOrds.length];
    for (int i = 0; i < out.length; i++) out[i] = global[segmentOrds[i]];
    return out;
  }

  /** The first {@code length} components of a path as one map key. */
  private static String key(String[] path, int length) {
    return String.join("\u001f", Arrays.copyOf(path, length));
  }

  private Groups groups(LeafReaderContext leaf, String field) throws IOException {
    IndexReader.CacheHelper helper = leaf.reader().getCoreCacheHelper();
    if (helper == null) return read(leaf.reader(), field);
    Groups cached = segments.get(helper.getKey());
    if (cached != null) return cached;
    Groups g = read(leaf.reader(), field);
    if (segments.putIfAbsent(helper.getKey(), g) == null)
      helper.addClosedListener(segments::remove);
    return g;
  }

  /** Reads a segment's records into their sets of shared and own values. */
  private Groups read(LeafReader reader, String field) throws IOException {
    int maxDoc = reader.maxDoc();
    int[] shared = new int[maxDoc];
    int[] own = new int[maxDoc]; // own set plus one; 0: none
    Arrays.fill(shared, -1);
    SortedSetDocValues dv = DocValues.getSortedSet(reader, field);
    boolean[] isOwn = new boolean[(int) dv.getValueCount()];
    for (int ord = 0; ord < isOwn.length; ord++) {
      String label = dv.lookupOrd(ord).utf8ToString();
      isOwn[ord] = ownDims.contains(FacetsConfig.stringToPath(label)[0]);
    }
    SetsBuilder sharedSets = new SetsBuilder();
    SetsBuilder ownSets = new SetsBuilder();
    for (int doc = dv.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = dv.nextDoc()) {
      sharedSets.clear();
      ownSets.clear();
      for (int i = dv.docValueCount(); i > 0; i--) {
        int ord = (int) dv.nextOrd();
        (isOwn[ord] ? ownSets : sharedSets).append(ord);
      }
      shared[doc] = sharedSets.id();
      own[doc] = ownSets.id() + 1;
    }
    // runs of records carrying the same shared set
    int runs = 0;
    for (int doc = 0; doc < maxDoc; doc++) if (doc == 0 || shared[doc] != shared[doc - 1]) runs++;
    int[] runStart = new int[runs + 1];
    int[] runSet = new int[runs];
    int run = -1;
    for (int doc = 0; doc < maxDoc; doc++)
      if (doc == 0 || shared[doc] != shared[doc - 1]) {
        runStart[++run] = doc;
        runSet[run] = shared[doc];
      }
    runStart[runs] = maxDoc;
    Sets ownBuilt = ownSets.build();
    byte[] ownByte = null;
    int[] ownInt = null;
    if (ownBuilt.count() < 255) {
      ownByte = new byte[maxDoc];
      for (int doc = 0; doc < maxDoc; doc++) ownByte[doc] = (byte) own[doc];
    } else ownInt = own;
    return new Groups(runStart, runSet, ownByte, ownInt, sharedSets.build(), ownBuilt);
  }

  /** Numbers distinct sets of ordinals as they are first seen, each stored once. */
  private static final class SetsBuilder {
    private final Map<OrdSet, Integer> known = new HashMap<>();
    private int[] start = {0, 0, 0, 0, 0, 0, 0, 0};
    private int[] ords = new int[64];
    private int sets;
    private int used;
    private final OrdSet probe = new OrdSet(new int[16], 0);

    void clear() {
      probe.length = 0;
    }

    void append(int ord) {
      if (probe.length == probe.ords.length)
        probe.ords = Arrays.copyOf(probe.ords, probe.length * 2);
      probe.ords[probe.length++] = ord;
    }

    /** The number of the set appended since {@link #clear}; −1 for none. */
    int id() {
      if (probe.length == 0) return -1;
      Integer at = known.get(probe);
      if (at != null) return at;
      int n = probe.length;
      known.put(new OrdSet(Arrays.copyOf(probe.ords, n), n), sets);
      if (ords.length < used + n) ords = Arrays.copyOf(ords, Math.max(ords.length * 2, used + n));
      System.arraycopy(probe.ords, 0, ords, used, n);
      used += n;
      if (start.length <= sets + 1) start = Arrays.copyOf(start, start.length * 2);
      start[++sets] = used;
      return sets - 1;
    }

    Sets build() {
      return new Sets(Arrays.copyOf(start, sets + 1), Arrays.copyOf(ords, used));
    }
  }

  /** The ordinals of one record's values, as a hash key (equal contents, equal keys). */
  private static final class OrdSet {
    int[] ords;
    int length;

    OrdSet(int[] ords, int length) {
      this.ords = ords;
      this.length = length;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof OrdSet s && Arrays.equals(ords, 0, length, s.ords, 0, s.length);
    }

    @Override
    public int hashCode() {
      int h = 1;
      for (int i = 0; i < length; i++) h = 31 * h + ords[i];
      return h;
    }
  }

  /**
   * Counts by global ordinal, read as Lucene's facet counts are: a path's children with a count,
   * the path's own count as the value where it is indexed (a level of a hierarchical dimension),
   * else the sum of the children for a single-valued dimension and −1 for a multi-valued one (its
   * records may be counted under several values); nothing for a path never indexed, or when no hit
   * was counted at all.
   */
  private static final class Counts extends Facets {
    private final Labels labels;
    private final int[] counts;
    private final FacetsConfig config;
    private final boolean counted;

    Counts(Labels labels, int[] counts, FacetsConfig config, boolean counted) {
      this.labels = labels;
      this.counts = counts;
      this.config = config;
      this.counted = counted;
    }

    @Override
    public FacetResult getAllChildren(String dim, String... path) {
      if (!counted) return null; // Lucene's counts of no hit answer nothing
      if (path.length > 0 && !config.getDimConfig(dim).hierarchical)
        throw new IllegalArgumentException("dimension \"" + dim + "\" is not hierarchical");
      String key = key(full(dim, path), path.length + 1);
      int[] kids = labels.children.getOrDefault(key, new int[0]);
      Integer own = labels.ords.get(key);
      if (kids.length == 0 && own == null) return null; // never indexed
      List<LabelAndValue> values = new ArrayList<>();
      long sum = 0;
      for (int ord : kids) {
        if (counts[ord] == 0) continue;
        String[] p = labels.paths[ord];
        values.add(new LabelAndValue(p[p.length - 1], counts[ord]));
        sum += counts[ord];
      }
      long value = own != null ? counts[own] : config.getDimConfig(dim).multiValued ? -1 : sum;
      return new FacetResult(dim, path, value, values.toArray(LabelAndValue[]::new), values.size());
    }

    @Override
    public FacetResult getTopChildren(int topN, String dim, String... path) {
      FacetResult all = getAllChildren(dim, path);
      if (all == null || all.labelValues.length == 0) return null;
      // most first; equal counts in the values' order (the index's, as Lucene gives them)
      LabelAndValue[] top = all.labelValues.clone();
      Arrays.sort(
          top,
          (a, b) ->
              a.value.intValue() != b.value.intValue()
                  ? Integer.compare(b.value.intValue(), a.value.intValue())
                  : a.label.compareTo(b.label));
      return new FacetResult(
          dim, path, all.value, Arrays.copyOf(top, Math.min(topN, top.length)), all.childCount);
    }

    @Override
    public Number getSpecificValue(String dim, String... path) {
      Integer ord = labels.ords.get(key(full(dim, path), path.length + 1));
      return ord == null ? -1 : counts[ord];
    }

    @Override
    public List<FacetResult> getAllDims(int topN) {
      Set<String> dims = new LinkedHashSet<>();
      for (String[] p : labels.paths) dims.add(p[0]);
      List<FacetResult> out = new ArrayList<>();
      for (String dim : dims) {
        FacetResult r = getTopChildren(topN, dim);
        if (r != null) out.add(r);
      }
      return out;
    }

    private static String[] full(String dim, String... path) {
      String[] full = new String[path.length + 1];
      full[0] = dim;
      System.arraycopy(path, 0, full, 1, path.length);
      return full;
    }
  }
}
