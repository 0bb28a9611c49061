package org.gongkai.search;

import java.io.IOException;
import java.util.List;
import org.gongkai.model.BatchTable;
import org.gongkai.model.DocumentList;
import org.gongkai.model.GroupedPage;
import org.gongkai.model.SearchPage;
import org.gongkai.model.SearchRequest;

/**
 * What the portal asks of a search engine: the embedded index ({@link SearchService}) or a
 * SolrCloud collection ({@code org.gongkai.solr.SolrSearchService}), which answer alike.
 */
public interface Searches {

  /** One page of matching sections, with facets. */
  SearchPage search(SearchRequest r) throws IOException;

  /**
   * The phrases the index holds one character off each word of {@code query} that finds nothing;
   * none where the engine cannot enumerate its terms.
   */
  default List<org.gongkai.model.Suggestion> suggest(String query) throws IOException {
    return List.of();
  }

  /** One page of reports with their best sections. */
  GroupedPage searchByReport(SearchRequest r) throws IOException;

  /** Every hit, up to {@code cap}, in order; returns how many sections match in all. */
  long export(SearchRequest r, int cap, SearchService.HitSink sink) throws IOException;

  /** Many queries, each counted in all and by region, issuer or year. */
  BatchTable batch(List<String> queries, String by, SearchRequest filters) throws IOException;

  /** One page of reports with a matching section, counted by the reports' facets. */
  DocumentList documents(SearchRequest r) throws IOException;

  /** The first {@code cap} reports of a list, on one page. */
  DocumentList documents(SearchRequest r, int cap) throws IOException;

  /** Every report, with the whole region tree opened (pages of other roles are not reports). */
  DocumentList browseReports() throws IOException;

  /** What {@link #browseReports} lists: the reports, none of a crawl's list or news pages. */
  SearchRequest REPORTS_ONLY =
      SearchRequest.of("").withSize(1).withRoles(List.of(org.gongkai.model.PageRole.REPORT.code()));

  /** Marks what {@code query} matches in whole texts. */
  SearchService.TextMarker marker(String query);
}
