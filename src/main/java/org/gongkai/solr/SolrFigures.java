package org.gongkai.solr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.gongkai.index.Schema;
import org.gongkai.model.Facet;
import org.gongkai.model.IndicatorFlag;
import org.gongkai.model.Notice;
import org.gongkai.model.SearchRequest;
import org.gongkai.regions.Gazetteer;
import org.gongkai.search.FacetTerms;
import org.gongkai.search.IndicatorService;
import org.gongkai.search.RequestReader;

/**
 * A SolrCloud collection's figures for {@link IndicatorService}: the statements and reports a
 * request's regions, years, departments and kinds select, each dimension's selection read on the
 * nodes by Gongkai's filter parser (as the embedded index reads it).
 */
public final class SolrFigures implements IndicatorService.Source {

  private final SolrReads reads;
  private final RequestReader requests;

  public SolrFigures(SolrCollection collection, Gazetteer gazetteer) {
    this.reads = new SolrReads(collection);
    this.requests = new RequestReader(gazetteer, FacetTerms.solr());
  }

  @Override
  public List<Document> statements(IndicatorService.Request r, List<Notice> messages)
      throws IOException {
    List<String> filters = new ArrayList<>();
    filters.add(SolrReads.type(Schema.TYPE_INDICATOR));
    filters.add(SolrReads.term(Schema.INDICATOR, r.indicator()));
    if (!r.allMentions()) filters.add(Schema.HEADLINE + ":true OR " + Schema.CANDIDATE + ":true");
    return selected(filters, r, messages);
  }

  @Override
  public List<Document> firstSections(IndicatorService.Request r, List<Notice> messages)
      throws IOException {
    List<String> filters = new ArrayList<>();
    filters.add(SolrReads.type(Schema.TYPE_SECTION));
    filters.add(Schema.ORDINAL + ":0");
    return selected(filters, r, messages);
  }

  @Override
  public List<IndicatorFlag> flags(String docId) throws IOException {
    return reads.flags(docId);
  }

  private List<Document> selected(
      List<String> filters, IndicatorService.Request r, List<Notice> messages) throws IOException {
    SearchRequest request =
        new SearchRequest(
            "",
            r.regions(),
            r.years(),
            List.of(),
            r.departments(),
            r.kinds(),
            null,
            1,
            SearchRequest.DEFAULT_SIZE);
    RequestReader.Prepared p = requests.read(request);
    messages.addAll(p.messages());
    for (Facet f : p.filters().keySet())
      filters.add(
          "{!" + SolrRequests.FILTER_PARSER + " " + SolrRequests.DIMENSION + "=" + f.key() + "}");
    ModifiableSolrParams gk = new ModifiableSolrParams();
    SolrRequests.write(request, gk);
    return reads.all(filters, null, null, gk);
  }
}
