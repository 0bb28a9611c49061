package org.gongkai.solr.plugin;

import org.apache.lucene.search.Query;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.search.QParser;
import org.apache.solr.search.QParserPlugin;

/**
 * {@code q={!gongkai}}: the section query of the request's {@code gk.*} parameters (the query and
 * the selections), as the embedded index builds it: exact phrases that never miss, BM25 on HanLP
 * words, headings boosted. The selections are {@link SelectionQParserPlugin}'s filters.
 */
public final class SectionQParserPlugin extends QParserPlugin {

  @Override
  public QParser createParser(
      String qstr, SolrParams localParams, SolrParams params, SolrQueryRequest req) {
    return new QParser(qstr, localParams, params, req) {
      @Override
      public Query parse() {
        return Requests.prepared(req).base();
      }
    };
  }
}
