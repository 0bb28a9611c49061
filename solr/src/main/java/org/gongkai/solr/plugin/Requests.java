package org.gongkai.solr.plugin;

import org.apache.solr.request.SolrQueryRequest;
import org.gongkai.regions.Gazetteer;
import org.gongkai.search.FacetTerms;
import org.gongkai.search.RequestReader;
import org.gongkai.solr.SolrRequests;
import org.gongkai.text.HanLpSegmenter;

/**
 * Reads a Gongkai search request on a Solr node, once per request, with the code the embedded index
 * reads it with: the section query and each dimension's selection both come from here.
 */
final class Requests {

  private Requests() {}

  private static final String CONTEXT_KEY = "gongkai.prepared";

  /** Built on first use: loading the gazetteer takes a moment, and a node may never be asked. */
  private static final class Holder {
    static final RequestReader READER;

    static {
      Gazetteer gazetteer = Gazetteer.load();
      // the word field's dictionary: the configset's divisions.txt holds these same names, and
      // whichever comes first installs them
      HanLpSegmenter.install(gazetteer.names());
      READER = new RequestReader(gazetteer, FacetTerms.solr());
    }
  }

  static RequestReader.Prepared prepared(SolrQueryRequest req) {
    Object cached = req.getContext().get(CONTEXT_KEY);
    if (cached instanceof RequestReader.Prepared p) return p;
    RequestReader.Prepared p = Holder.READER.read(SolrRequests.read(req.getParams()));
    req.getContext().put(CONTEXT_KEY, p);
    return p;
  }
}
