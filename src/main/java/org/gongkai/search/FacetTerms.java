package org.gongkai.search;

import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.gongkai.index.Schema;
import org.gongkai.model.Facet;

/**
 * How a facet value is selected in an index: the embedded index keeps facets as Lucene's drill-down
 * terms, a SolrCloud collection as one string field per dimension ({@link Schema#facetField}). The
 * filters and queries are otherwise built by the same code for both.
 */
@FunctionalInterface
public interface FacetTerms {

  /** The query selecting {@code path} (one value; for the region, a path from the province). */
  Query term(Facet facet, String... path);

  /** Lucene's facet module: the drill-down term of the dimension's index field. */
  static FacetTerms lucene(FacetsConfig facets) {
    return (facet, path) ->
        new TermQuery(
            DrillDownQuery.term(
                facets.getDimConfig(facet.key()).indexFieldName, facet.key(), path));
  }

  /** A SolrCloud collection's facet fields (the region tree as path levels). */
  static FacetTerms solr() {
    return (facet, path) ->
        new TermQuery(new Term(Schema.facetField(facet), Schema.facetValue(facet, path)));
  }
}
