package org.gongkai.solr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.CursorMarkParams;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.gongkai.index.DocumentMapper;
import org.gongkai.index.Records;
import org.gongkai.index.Schema;
import org.gongkai.model.Completeness;
import org.gongkai.model.Facet;
import org.gongkai.model.FileRef;
import org.gongkai.model.IndexedDocument;
import org.gongkai.model.IndexedFile;
import org.gongkai.model.IndexedSection;
import org.gongkai.model.IndicatorFlag;
import org.gongkai.model.IndicatorValue;
import org.gongkai.model.IssuerNames;
import org.gongkai.model.Region;

/**
 * A SolrCloud collection's records read one report at a time, as the embedded index reads them
 * ({@link org.gongkai.index.IndexStore}): the same records (written by {@code index --solr}), read
 * back into the same model by {@link DocumentMapper}.
 */
public final class SolrReads implements Records {

  /** Records fetched per request when reading many (cursor paging, so any number can be read). */
  static final int PAGE = 1000;

  private final SolrCollection collection;

  public SolrReads(SolrCollection collection) {
    this.collection = collection;
  }

  @Override
  public void refresh() {
    // every query sees the collection's last commit
  }

  @Override
  public Map<String, IndexedFile> files() throws IOException {
    Map<String, IndexedFile> out = new LinkedHashMap<>();
    for (Document d : all(List.of(type(Schema.TYPE_FILE)), null, null)) {
      IndexedFile f = DocumentMapper.file(d);
      out.put(f.path(), f);
    }
    return out;
  }

  @Override
  public Optional<IndexedSection> section(String id) throws IOException {
    return first(List.of(type(Schema.TYPE_SECTION), term(Schema.ID, id)), null)
        .map(DocumentMapper::section);
  }

  @Override
  public List<IndexedSection> sections(String docId) throws IOException {
    return all(List.of(type(Schema.TYPE_SECTION), term(Schema.DOC_ID, docId)), ORDER, null).stream()
        .map(DocumentMapper::section)
        .toList();
  }

  @Override
  public Optional<IndexedSection> sectionAt(String docId, int ordinal) throws IOException {
    if (ordinal < 0) return Optional.empty();
    return first(
            List.of(
                type(Schema.TYPE_SECTION),
                term(Schema.DOC_ID, docId),
                Schema.ORDINAL + ":" + ordinal),
            null)
        .map(DocumentMapper::section);
  }

  /** The fields a table of contents needs (as the embedded index reads them). */
  private static final String HEADING_FIELDS = String.join(",", Schema.OUTLINE_FIELDS);

  @Override
  public List<IndexedSection> headings(String docId) throws IOException {
    List<IndexedSection> out = new ArrayList<>();
    for (Document d :
        all(
            List.of(type(Schema.TYPE_SECTION), term(Schema.DOC_ID, docId)),
            ORDER,
            HEADING_FIELDS)) {
      d.add(new StoredField(Schema.TEXT, ""));
      out.add(DocumentMapper.section(d));
    }
    return out;
  }

  @Override
  public List<IndexedSection> sections(String docId, int from, int count) throws IOException {
    return all(
            List.of(
                type(Schema.TYPE_SECTION),
                term(Schema.DOC_ID, docId),
                Schema.ORDINAL + ":[" + from + " TO " + ((long) from + count - 1) + "]"),
            ORDER,
            null)
        .stream()
        .map(DocumentMapper::section)
        .toList();
  }

  @Override
  public Optional<IndexedDocument> document(String docId) throws IOException {
    Optional<Document> rec =
        first(List.of(type(Schema.TYPE_DOCUMENT), term(Schema.DOC_ID, docId)), null);
    if (rec.isEmpty()) return Optional.empty();
    List<String> files =
        fileRefs(docId, rec.get().get(Schema.SHA256)).stream().map(FileRef::path).toList();
    return Optional.of(DocumentMapper.document(rec.get(), files));
  }

  @Override
  public List<FileRef> fileRefs(String docId, String sha256) throws IOException {
    List<FileRef> out = new ArrayList<>();
    for (Document f :
        all(List.of(type(Schema.TYPE_FILE), term(Schema.FILE_DOC_ID, docId)), null, null))
      out.add(FileRef.of(f.get(Schema.FILE_PATH), f.get(Schema.FILE_SHA256)));
    out.sort(FileRef.order(sha256));
    return out;
  }

  /** The files of several reports at once, by report (each list in no particular order). */
  Map<String, List<FileRef>> fileRefs(List<String> docIds) throws IOException {
    Map<String, List<FileRef>> out = new LinkedHashMap<>();
    if (docIds.isEmpty()) return out;
    for (Document f :
        all(
            List.of(
                type(Schema.TYPE_FILE),
                "{!terms f=" + Schema.FILE_DOC_ID + "}" + String.join(",", docIds)),
            null,
            null))
      out.computeIfAbsent(f.get(Schema.FILE_DOC_ID), k -> new ArrayList<>())
          .add(FileRef.of(f.get(Schema.FILE_PATH), f.get(Schema.FILE_SHA256)));
    return out;
  }

  @Override
  public List<IndicatorValue> indicators(String docId) throws IOException {
    return all(List.of(type(Schema.TYPE_INDICATOR), term(Schema.DOC_ID, docId)), null, null)
        .stream()
        .map(DocumentMapper::indicator)
        .sorted(Comparator.comparingInt(IndicatorValue::start))
        .toList();
  }

  @Override
  public List<IndicatorFlag> flags(String docId) throws IOException {
    return first(List.of(type(Schema.TYPE_DOCUMENT), term(Schema.DOC_ID, docId)), Schema.FLAGS)
        .map(DocumentMapper::flags)
        .orElse(List.of());
  }

  @Override
  public Completeness completeness(String docId) throws IOException {
    return first(
            List.of(type(Schema.TYPE_DOCUMENT), term(Schema.DOC_ID, docId)), Schema.COMPLETENESS)
        .map(DocumentMapper::completeness)
        .orElse(Completeness.NONE);
  }

  @Override
  public List<org.gongkai.model.ListedEntry> listed(String docId) throws IOException {
    return first(List.of(type(Schema.TYPE_DOCUMENT), term(Schema.DOC_ID, docId)), Schema.LISTED)
        .map(DocumentMapper::listed)
        .orElse(List.of());
  }

  @Override
  public org.gongkai.model.PurchaseReading purchases(String docId) throws IOException {
    return first(List.of(type(Schema.TYPE_DOCUMENT), term(Schema.DOC_ID, docId)), Schema.PURCHASES)
        .map(DocumentMapper::purchases)
        .orElse(org.gongkai.model.PurchaseReading.NONE);
  }

  @Override
  public org.gongkai.model.UnitReading units(String docId) throws IOException {
    return first(List.of(type(Schema.TYPE_DOCUMENT), term(Schema.DOC_ID, docId)), Schema.UNITS)
        .map(DocumentMapper::units)
        .orElse(org.gongkai.model.UnitReading.NONE);
  }

  @Override
  public List<String> sameKindAndPlace(Integer year, String kind, Region region)
      throws IOException {
    if (kind == null || region == null) return List.of();
    List<String> filters = new ArrayList<>();
    filters.add(type(Schema.TYPE_DOCUMENT));
    filters.add(term(Schema.facetField(Facet.KIND), Schema.facetValue(Facet.KIND, kind)));
    filters.add(
        term(
            Schema.facetField(Facet.REGION),
            Schema.facetValue(Facet.REGION, region.path().toArray(String[]::new))));
    if (year != null) filters.add(Schema.YEAR + ":" + year);
    List<String> out = new ArrayList<>();
    for (Document d : all(filters, null, Schema.DOC_ID)) out.add(d.get(Schema.DOC_ID));
    java.util.Collections.sort(out);
    return out;
  }

  @Override
  public List<IndexedDocument> byIssuer(String issuer) throws IOException {
    if (issuer == null || issuer.isBlank()) return List.of();
    List<IndexedDocument> out = new ArrayList<>();
    for (Document d :
        all(
            List.of(
                type(Schema.TYPE_DOCUMENT),
                term(Schema.ISSUER_NORMAL, IssuerNames.normal(issuer.strip()))),
            null,
            Schema.DOC_ID)) document(d.get(Schema.DOC_ID)).ifPresent(out::add);
    out.sort(
        Comparator.comparing(
                (IndexedDocument d) -> d.year() == null ? Integer.MIN_VALUE : d.year(),
                Comparator.reverseOrder())
            .thenComparing(d -> d.kind() == null ? "" : d.kind())
            .thenComparing(IndexedDocument::docId));
    return out;
  }

  @Override
  public Optional<String> cleanText(String docId) throws IOException {
    Optional<Document> report =
        first(List.of(type(Schema.TYPE_DOCUMENT), term(Schema.DOC_ID, docId)), null);
    if (report.isEmpty()) return Optional.empty();
    List<Document> sections =
        all(List.of(type(Schema.TYPE_SECTION), term(Schema.DOC_ID, docId)), null, null);
    return Optional.of(DocumentMapper.cleanText(report.get(), sections));
  }

  @Override
  public int sectionCount() throws IOException {
    return (int) count(List.of(type(Schema.TYPE_SECTION)));
  }

  @Override
  public int documentCount() throws IOException {
    return (int) count(List.of(type(Schema.TYPE_DOCUMENT)));
  }

  // ---- queries

  private static final String ORDER = Schema.ORDINAL + " asc";

  static String type(String type) {
    return term(Schema.TYPE, type);
  }

  static String term(String field, String value) {
    return "{!term f=" + field + " v=" + quoted(value) + "}";
  }

  /** A local parameter's value, quoted (Solr's local parameters read backslash escapes). */
  static String quoted(String v) {
    return "'" + v.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  private long count(List<String> filters) throws IOException {
    ModifiableSolrParams p = params(filters, null);
    p.set("rows", 0);
    return collection.query(p).getResults().getNumFound();
  }

  private Optional<Document> first(List<String> filters, String fields) throws IOException {
    ModifiableSolrParams p = params(filters, fields);
    p.set("rows", 1);
    p.set("sort", Schema.KEY + " asc");
    QueryResponse r = collection.query(p);
    return r.getResults().isEmpty()
        ? Optional.empty()
        : Optional.of(SolrRecords.fromSolr(r.getResults().get(0)));
  }

  /** Every record matching {@code filters}, in {@code sort} order (then by key), page by page. */
  private List<Document> all(List<String> filters, String sort, String fields) throws IOException {
    return all(filters, sort, fields, new ModifiableSolrParams());
  }

  /** The same, with {@code extra} parameters (a request's {@code gk.*}, read by the filters). */
  List<Document> all(
      List<String> filters,
      String sort,
      String fields,
      org.apache.solr.common.params.SolrParams extra)
      throws IOException {
    List<Document> out = new ArrayList<>();
    String cursor = CursorMarkParams.CURSOR_MARK_START;
    while (true) {
      ModifiableSolrParams p = params(filters, fields);
      p.add(extra);
      p.set("rows", PAGE);
      p.set("sort", (sort == null ? "" : sort + ",") + Schema.KEY + " asc");
      p.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
      QueryResponse r = collection.query(p);
      for (SolrDocument d : r.getResults()) out.add(SolrRecords.fromSolr(d));
      String next = r.getNextCursorMark();
      if (next == null || next.equals(cursor)) return out;
      cursor = next;
    }
  }

  private static ModifiableSolrParams params(List<String> filters, String fields) {
    ModifiableSolrParams p = new ModifiableSolrParams();
    p.set("q", "*:*");
    for (String f : filters) p.add("fq", f);
    if (fields != null) p.set("fl", fields);
    return p;
  }
}
