package org.gongkai.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollector.MatchingDocs;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BitDocIdSet;
import org.apache.lucene.util.FixedBitSet;
import org.gongkai.index.Schema;

/**
 * Facet counts of a search with very many hits, estimated from a sample of them: counting costs a
 * fixed time per hit and value (on 1 M sections, 4 ms at the median phrase and 30 ms at the 99th
 * percentile), so beyond {@code size} hits only about {@code size} of them, chosen by a hash of
 * their ids, are counted and every count is scaled to the whole. The totals and the hits are always
 * exact; pages say the facet counts are estimates.
 *
 * <p>Lucene's {@code RandomSamplingFacetsCollector} samples inside one collector of one search; the
 * hits here are gathered by concurrent slices and by drill sideways (whose collectors Lucene
 * makes), so the sample is drawn once they are all in. It is chosen by the sections' ids rather
 * than at random or by position: the same search gives the same counts whatever order the files
 * were indexed in.
 */
final class FacetSample {

  private FacetSample() {}

  /** How many hits {@code hits} holds. */
  static long total(FacetsCollector hits) {
    long n = 0;
    for (MatchingDocs md : hits.getMatchingDocs()) n += md.totalHits;
    return n;
  }

  /**
   * {@code hits} itself when they are at most {@code size}; else about {@code size} of them: those
   * whose {@link Schema#SAMPLE_KEY} (a hash of the section id, spread evenly over 0…2³²−1) lies
   * below {@code size/total·2³²}. A record without one (indexed before the key) is sampled by its
   * document number instead.
   */
  static FacetsCollector of(FacetsCollector hits, int size) throws IOException {
    long total = total(hits);
    if (total <= size) return hits;
    long bound = (long) Math.ceil((double) size / total * (1L << 32));
    List<MatchingDocs> sampled = new ArrayList<>();
    for (MatchingDocs md : hits.getMatchingDocs()) {
      FixedBitSet kept = new FixedBitSet(md.context.reader().maxDoc());
      int[] keys = keys(md.context);
      int n = 0;
      DocIdSetIterator it = md.bits == null ? null : md.bits.iterator();
      if (it != null)
        for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
          if (Integer.toUnsignedLong(keys[doc]) < bound) {
            kept.set(doc);
            n++;
          }
        }
      sampled.add(new MatchingDocs(md.context, new BitDocIdSet(kept, n), n, null));
    }
    return new FacetsCollector() {
      @Override
      public List<MatchingDocs> getMatchingDocs() {
        return sampled;
      }
    };
  }

  /** Each segment's keys, read once per segment and dropped when the segment is closed. */
  private static final Map<IndexReader.CacheKey, int[]> KEYS = new ConcurrentHashMap<>();

  /**
   * The sample keys of one segment's records, by document number (4 bytes a record, kept in
   * memory): reading the doc values hit by hit cost 9 ns a hit, 6 ms for the largest result sets of
   * the 1 M-section benchmark.
   */
  private static int[] keys(LeafReaderContext segment) throws IOException {
    IndexReader.CacheHelper helper = segment.reader().getCoreCacheHelper();
    if (helper == null) return readKeys(segment.reader());
    int[] cached = KEYS.get(helper.getKey());
    if (cached != null) return cached;
    int[] keys = readKeys(segment.reader());
    if (KEYS.putIfAbsent(helper.getKey(), keys) == null) helper.addClosedListener(KEYS::remove);
    return keys;
  }

  private static int[] readKeys(LeafReader reader) throws IOException {
    int[] keys = new int[reader.maxDoc()];
    for (int doc = 0; doc < keys.length; doc++)
      keys[doc] = (int) ((doc * 0x9E3779B97F4A7C15L) >>> 32); // Fibonacci hashing, for no key
    NumericDocValues values = DocValues.getNumeric(reader, Schema.SAMPLE_KEY);
    for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc())
      keys[doc] = (int) values.longValue();
    return keys;
  }

  /** Counts of a sample scaled by {@code factor} (hits ÷ sampled), a value seen at least 1. */
  static Facets scaled(Facets sample, double factor) {
    return new Facets() {
      @Override
      public FacetResult getAllChildren(String dim, String... path) throws IOException {
        return scale(sample.getAllChildren(dim, path), factor);
      }

      @Override
      public FacetResult getTopChildren(int topN, String dim, String... path) throws IOException {
        return scale(sample.getTopChildren(topN, dim, path), factor);
      }

      @Override
      public Number getSpecificValue(String dim, String... path) throws IOException {
        Number n = sample.getSpecificValue(dim, path);
        return n == null ? null : scale(n, factor);
      }

      @Override
      public List<FacetResult> getAllDims(int topN) throws IOException {
        return sample.getAllDims(topN).stream().map(r -> scale(r, factor)).toList();
      }
    };
  }

  private static FacetResult scale(FacetResult r, double factor) {
    if (r == null) return null;
    LabelAndValue[] values = new LabelAndValue[r.labelValues.length];
    for (int i = 0; i < values.length; i++) {
      LabelAndValue lv = r.labelValues[i];
      values[i] = new LabelAndValue(lv.label, scale(lv.value, factor), lv.count);
    }
    return new FacetResult(r.dim, r.path, scale(r.value, factor), values, r.childCount);
  }

  private static Number scale(Number n, double factor) {
    long v = n.longValue();
    return v <= 0 ? v : Math.max(1, Math.round(v * factor));
  }
}
