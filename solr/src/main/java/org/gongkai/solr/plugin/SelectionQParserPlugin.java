package org.gongkai.solr.plugin;

import org.apache.lucene.search.Query;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.search.QParser;
import org.apache.solr.search.QParserPlugin;
import org.apache.solr.search.SyntaxError;
import org.gongkai.model.Facet;
import org.gongkai.solr.SolrRequests;

/**
 * {@code fq={!gongkai.filter dim=region tag=region}}: what the request selects in one dimension
 * (its values, and filters typed in the query, any of them), read as the embedded index reads it.
 * Tagged by dimension so that dimension's facet counts can leave it out (drill sideways).
 */
public final class SelectionQParserPlugin extends QParserPlugin {

  @Override
  public QParser createParser(
      String qstr, SolrParams localParams, SolrParams params, SolrQueryRequest req) {
    return new QParser(qstr, localParams, params, req) {
      @Override
      public Query parse() throws SyntaxError {
        String dim = localParams == null ? null : localParams.get(SolrRequests.DIMENSION);
        Facet facet =
            Facet.named(dim)
                .orElseThrow(() -> new SyntaxError("gongkai.filter: no such dimension: " + dim));
        Query q = Requests.prepared(req).filters().get(facet);
        if (q == null) throw new SyntaxError("gongkai.filter: nothing selected in " + dim);
        return q;
      }
    };
  }
}
