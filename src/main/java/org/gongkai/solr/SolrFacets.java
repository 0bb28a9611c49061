package org.gongkai.solr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.solr.client.solrj.response.json.BucketBasedJsonFacet;
import org.apache.solr.client.solrj.response.json.BucketJsonFacet;
import org.apache.solr.client.solrj.response.json.NestableJsonFacet;
import org.gongkai.model.Facet;

/**
 * A SolrCloud collection's facet counts (JSON Facet API terms facets, the region one per level) as
 * Lucene's {@link Facets}, so the pages list them with the very code that lists the embedded
 * index's ({@link org.gongkai.search.SearchService#facetValues}).
 */
final class SolrFacets extends Facets {

  /** The region levels counted: province, city, county. */
  static final int REGION_LEVELS = 3;

  /** Count of each path, by dimension. */
  private final Map<String, Map<List<String>, Long>> counts = new LinkedHashMap<>();

  /** The JSON facet name of a dimension (and, for the region, of one level). */
  static String name(Facet f, int level) {
    return f.hierarchical() ? f.key() + "_" + level : f.key();
  }

  static SolrFacets of(NestableJsonFacet response) {
    SolrFacets out = new SolrFacets();
    for (Facet f : Facet.values()) {
      Map<List<String>, Long> dim = new LinkedHashMap<>();
      out.counts.put(f.key(), dim);
      int levels = f.hierarchical() ? REGION_LEVELS : 1;
      for (int level = 1; level <= levels; level++) {
        BucketBasedJsonFacet facet =
            response == null ? null : response.getBucketBasedFacets(name(f, level));
        if (facet == null) continue;
        for (BucketJsonFacet b : facet.getBuckets()) {
          String v = String.valueOf(b.getVal());
          List<String> path =
              f.hierarchical() ? List.of(v.substring(v.indexOf('/') + 1).split("/")) : List.of(v);
          if (b.getCount() > 0) dim.put(path, b.getCount());
        }
      }
    }
    return out;
  }

  @Override
  public FacetResult getAllChildren(String dim, String... path) {
    Map<List<String>, Long> dimCounts = counts.get(dim);
    if (dimCounts == null) return null;
    List<String> parent = Arrays.asList(path);
    List<LabelAndValue> children = new ArrayList<>();
    long total = 0;
    for (var e : dimCounts.entrySet()) {
      List<String> p = e.getKey();
      if (p.size() == parent.size() + 1 && p.subList(0, parent.size()).equals(parent)) {
        children.add(new LabelAndValue(p.get(p.size() - 1), e.getValue()));
        total += e.getValue();
      }
    }
    if (children.isEmpty()) return null;
    return new FacetResult(
        dim, path, total, children.toArray(LabelAndValue[]::new), children.size());
  }

  @Override
  public FacetResult getTopChildren(int topN, String dim, String... path) {
    FacetResult all = getAllChildren(dim, path);
    if (all == null) return null;
    LabelAndValue[] top =
        Arrays.stream(all.labelValues)
            .sorted(
                Comparator.comparing((LabelAndValue lv) -> -lv.value.longValue())
                    .thenComparing(lv -> lv.label))
            .limit(topN)
            .toArray(LabelAndValue[]::new);
    return new FacetResult(dim, path, all.value, top, all.childCount);
  }

  @Override
  public Number getSpecificValue(String dim, String... path) {
    Map<List<String>, Long> dimCounts = counts.get(dim);
    Long n = dimCounts == null ? null : dimCounts.get(Arrays.asList(path));
    return n == null ? -1 : n;
  }

  @Override
  public List<FacetResult> getAllDims(int topN) {
    List<FacetResult> out = new ArrayList<>();
    for (String dim : counts.keySet()) {
      FacetResult r = getTopChildren(topN, dim);
      if (r != null) out.add(r);
    }
    return out;
  }
}
