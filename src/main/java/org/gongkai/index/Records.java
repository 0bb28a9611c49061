package org.gongkai.index;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongkai.model.Completeness;
import org.gongkai.model.FileRef;
import org.gongkai.model.IndexedDocument;
import org.gongkai.model.IndexedFile;
import org.gongkai.model.IndexedSection;
import org.gongkai.model.IndicatorFlag;
import org.gongkai.model.IndicatorValue;
import org.gongkai.model.Region;

/**
 * Reading Gongkai's records one report at a time: sections, reports, their figures and files. The
 * embedded index ({@link IndexStore}) and a SolrCloud collection ({@code
 * org.gongkai.solr.SolrReads}) both answer these, so the section and document pages read either.
 */
public interface Records {

  /** Makes changes committed since visible. */
  void refresh() throws IOException;

  /** Every file seen, by path. */
  Map<String, IndexedFile> files() throws IOException;

  Optional<IndexedSection> section(String id) throws IOException;

  /** The sections of one report in report order. */
  List<IndexedSection> sections(String docId) throws IOException;

  /** The section at {@code ordinal} in its report, if any. */
  Optional<IndexedSection> sectionAt(String docId, int ordinal) throws IOException;

  /** A report's table of contents: its sections without their text. */
  List<IndexedSection> headings(String docId) throws IOException;

  /** {@code count} sections of a report from {@code from}, in report order. */
  List<IndexedSection> sections(String docId, int from, int count) throws IOException;

  /** A report's record with its files. */
  Optional<IndexedDocument> document(String docId) throws IOException;

  /** The files a report was read from, its own bytes first. */
  List<FileRef> fileRefs(String docId, String sha256) throws IOException;

  /** Every figure statement of a report, in text order. */
  List<IndicatorValue> indicators(String docId) throws IOException;

  List<IndicatorFlag> flags(String docId) throws IOException;

  Completeness completeness(String docId) throws IOException;

  /** The entries a list's or a portal's page lists (none of a report). */
  List<org.gongkai.model.ListedEntry> listed(String docId) throws IOException;

  /** The budget units a report says it covers (none of a list, a page or a government's report). */
  org.gongkai.model.UnitReading units(String docId) throws IOException;

  /** What a report's procurement table lists (none where it publishes none). */
  org.gongkai.model.PurchaseReading purchases(String docId) throws IOException;

  /** Reports that may be the same report as one of this year, kind and region. */
  List<String> sameKindAndPlace(Integer year, String kind, Region region) throws IOException;

  /** Every report of one issuer, newest year first, then kind, then id. */
  List<IndexedDocument> byIssuer(String issuer) throws IOException;

  /** A report's whole clean text. */
  Optional<String> cleanText(String docId) throws IOException;

  int sectionCount() throws IOException;

  int documentCount() throws IOException;

  /**
   * The files of the private collection {@code key}'s own index, in path order, each with the
   * report it was read as (empty when it is none: a duplicate of another file's, or unread); none
   * where the collection has no index here.
   */
  default List<Map.Entry<IndexedFile, Optional<IndexedDocument>>> collectionFiles(String key)
      throws IOException {
    return List.of();
  }
}
