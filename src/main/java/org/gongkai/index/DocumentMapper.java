package org.gongkai.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.util.BytesRef;
import org.gongkai.model.DisclosureDocument;
import org.gongkai.model.Facet;
import org.gongkai.model.IndexedDocument;
import org.gongkai.model.IndexedFile;
import org.gongkai.model.IndexedSection;
import org.gongkai.model.IndicatorFlag;
import org.gongkai.model.IndicatorValue;
import org.gongkai.model.Pages;
import org.gongkai.model.Region;
import org.gongkai.model.ReportKind;
import org.gongkai.model.Role;
import org.gongkai.model.Section;
import org.gongkai.model.SourceKind;
import org.gongkai.text.Analyzers;

/**
 * Converts ingested documents to Lucene records and stored Lucene records back to model records.
 */
public final class DocumentMapper {

  private final FacetsConfig facets;

  /** The storage key of the private collection whose index this maps for (null: the public's). */
  private final String collection;

  public DocumentMapper(FacetsConfig facets) {
    this(facets, null);
  }

  public DocumentMapper(FacetsConfig facets, String collection) {
    this.facets = facets;
    this.collection = collection;
  }

  /**
   * The document record, one record per section in document order, and one per indicator statement.
   */
  public List<Document> toLucene(
      DisclosureDocument d,
      Instant indexedAt,
      List<IndicatorValue> indicators,
      List<IndicatorFlag> flags,
      org.gongkai.model.Completeness completeness) {
    return toLucene(
        d, indexedAt, indicators, flags, completeness, org.gongkai.model.ProjectReading.NONE);
  }

  /** The same, with one record per project the report funds. */
  public List<Document> toLucene(
      DisclosureDocument d,
      Instant indexedAt,
      List<IndicatorValue> indicators,
      List<IndicatorFlag> flags,
      org.gongkai.model.Completeness completeness,
      org.gongkai.model.ProjectReading projects) {
    return toLucene(
        d,
        indexedAt,
        indicators,
        flags,
        completeness,
        projects,
        org.gongkai.model.UnitReading.NONE,
        org.gongkai.model.PurchaseReading.NONE);
  }

  /** The same, the report's record holding the budget units it covers. */
  public List<Document> toLucene(
      DisclosureDocument d,
      Instant indexedAt,
      List<IndicatorValue> indicators,
      List<IndicatorFlag> flags,
      org.gongkai.model.Completeness completeness,
      org.gongkai.model.ProjectReading projects,
      org.gongkai.model.UnitReading units,
      org.gongkai.model.PurchaseReading purchases) {
    List<Document> out = new ArrayList<>(d.sections().size() + 1);
    Document rec = new Document();
    rec.add(new StringField(Schema.TYPE, Schema.TYPE_DOCUMENT, Field.Store.NO));
    // the replace key: re-indexing a document deletes every record with its id, then adds these
    rec.add(new StringField(Schema.DOC_ID, d.docId(), Field.Store.YES));
    rec.add(new StoredField(Schema.SHA256, d.sha256()));
    addMetadata(rec, d);
    if (!d.region().decided() && d.region().note() != null)
      rec.add(new StoredField(Schema.REGION_NOTE, d.region().note()));
    rec.add(new StoredField(Schema.INDEXED_AT, indexedAt.toEpochMilli()));
    // lists of reports sort by when they were indexed (feeds: newest first) and by id (ties)
    rec.add(new NumericDocValuesField(Schema.INDEXED_ORDER, indexedAt.toEpochMilli()));
    rec.add(new SortedDocValuesField(Schema.DOC_ORDER, new BytesRef(d.docId())));
    rec.add(new StoredField(Schema.SECTION_COUNT, d.sections().size()));
    if (d.issuer() != null)
      rec.add(
          new StringField(
              Schema.ISSUER_NORMAL,
              org.gongkai.model.IssuerNames.normal(d.issuer()),
              Field.Store.NO));
    // the clean text is stored once: the sections hold it, the report only what lies between them
    rec.add(new StoredField(Schema.CLEAN_LENGTH, d.text().length()));
    for (String gap : gaps(d)) rec.add(new StoredField(Schema.CLEAN_GAPS, gap));
    rec.add(new StoredField(Schema.FLAGS, json(flags)));
    String printed = d.fileMetadata().get("printedPages");
    if (printed != null && !printed.isBlank())
      rec.add(new StoredField(Schema.PRINTED_PAGES, printed));
    String source = d.fileMetadata().get("sourceUrl");
    if (source != null && !source.isBlank()) rec.add(new StoredField(Schema.SOURCE_URL, source));
    if (!d.listed().isEmpty()) {
      StringBuilder listed = new StringBuilder();
      for (org.gongkai.model.ListedEntry e : d.listed()) listed.append(e.encode()).append('\n');
      rec.add(new StoredField(Schema.LISTED, listed.toString()));
    }
    rec.add(new StoredField(Schema.COMPLETENESS, completeness(completeness)));
    if (units.read()) rec.add(new StoredField(Schema.UNITS, write(units)));
    if (purchases.read()) rec.add(new StoredField(Schema.PURCHASES, write(purchases)));
    // the standard tables it lacks (or only names): a facet of the report, its sections and figures
    List<String> lacking = new ArrayList<>();
    if (completeness.followsStandardSet())
      for (org.gongkai.model.Completeness.Entry e : completeness.tables())
        if (e.state() == org.gongkai.model.Completeness.State.MISSING
            || e.state() == org.gongkai.model.Completeness.State.NAMED) lacking.add(e.name());
    // the families of checks it fails: a facet of the report, its sections and figures too
    java.util.Set<String> checks = new java.util.TreeSet<>();
    for (IndicatorFlag f : flags) f.family().ifPresent(c -> checks.add(c.label()));
    ReportFacets report = new ReportFacets(lacking, List.copyOf(checks));
    // a list of reports has the same facets as a search; a report's categories are its sections'
    addFacets(rec, d, report);
    for (String category :
        d.sections().stream()
            .map(Section::category)
            .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)))
      rec.add(new SortedSetDocValuesFacetField(Facet.CATEGORY.key(), category));
    try {
      out.add(facets.build(rec));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int ordinal = 0;
    List<IndicatorValue> headlines = indicators.stream().filter(IndicatorValue::headline).toList();
    for (Section s : d.sections()) out.add(section(d, s, ordinal++, headlines, report));
    for (IndicatorValue v : indicators) out.add(indicator(d, v, report));
    for (org.gongkai.model.Project p : projects.projects()) out.add(project(d, p, report));
    return out;
  }

  private Document project(DisclosureDocument d, org.gongkai.model.Project p, ReportFacets report) {
    Document doc = new Document();
    doc.add(new StringField(Schema.TYPE, Schema.TYPE_PROJECT, Field.Store.NO));
    doc.add(new StringField(Schema.DOC_ID, d.docId(), Field.Store.YES));
    doc.add(new StoredField(Schema.PROJECT_NAME, p.name()));
    // the name's words found anywhere in it, as a section's text is
    doc.add(new TextField(Schema.PROJECT_NAME_TEXT, p.name(), Field.Store.NO));
    // a keyword: a project's page asks for every record of its key
    doc.add(new StringField(Schema.PROJECT_KEY, p.key(), Field.Store.YES));
    if (p.unit() != null) doc.add(new StoredField(Schema.PROJECT_UNIT, p.unit()));
    double amount = p.amount().doubleValue();
    // a point for amount ranges, doc values for sorting by amount, stored exactly as read
    doc.add(new DoublePoint(Schema.PROJECT_AMOUNT, amount));
    doc.add(new DoubleDocValuesField(Schema.PROJECT_AMOUNT, amount));
    doc.add(new StoredField(Schema.PROJECT_AMOUNT, p.amount().toPlainString()));
    // an issuer's page lists its projects, however each report spells its name
    if (d.issuer() != null)
      doc.add(
          new StringField(
              Schema.ISSUER_NORMAL,
              org.gongkai.model.IssuerNames.normal(d.issuer()),
              Field.Store.NO));
    // equal amounts in a stable order: the newest year first, then by report
    doc.add(new SortedDocValuesField(Schema.DOC_ORDER, new BytesRef(d.docId())));
    doc.add(new StoredField(Schema.PROJECT_AS_WRITTEN, p.asWritten()));
    if (p.scope() != null) doc.add(new StoredField(Schema.PROJECT_SCOPE, p.scope()));
    if (p.target() != null) doc.add(new StoredField(Schema.PROJECT_TARGET, p.target()));
    doc.add(new StoredField(Schema.PROJECT_SOURCE, p.source()));
    doc.add(new StoredField(Schema.PROJECT_TABLE, p.title()));
    doc.add(new StringField(Schema.PROJECT_PROOF, p.proof(), Field.Store.YES));
    doc.add(new StoredField(Schema.START, p.start()));
    doc.add(new StoredField(Schema.END, p.end()));
    // the section its name stands in: a project links to its very cell
    for (Section s : d.sections())
      if (s.start() <= p.start() && p.start() < s.end()) {
        doc.add(new StoredField(Schema.SECTION_ID, s.id()));
        break;
      }
    addMetadata(doc, d);
    addFacets(doc, d, report);
    try {
      return facets.build(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A project as its record stores it. */
  public static org.gongkai.model.Project project(Document doc) {
    String start = doc.get(Schema.START), end = doc.get(Schema.END);
    return new org.gongkai.model.Project(
        doc.get(Schema.PROJECT_NAME),
        doc.get(Schema.PROJECT_KEY),
        doc.get(Schema.PROJECT_UNIT),
        new java.math.BigDecimal(doc.get(Schema.PROJECT_AMOUNT)),
        doc.get(Schema.PROJECT_AS_WRITTEN),
        doc.get(Schema.PROJECT_SCOPE),
        doc.get(Schema.PROJECT_TARGET),
        doc.get(Schema.PROJECT_SOURCE),
        doc.get(Schema.PROJECT_TABLE),
        start == null ? 0 : Integer.parseInt(start),
        end == null ? 0 : Integer.parseInt(end),
        doc.get(Schema.PROJECT_PROOF));
  }

  private Document indicator(DisclosureDocument d, IndicatorValue v, ReportFacets report) {
    Document doc = new Document();
    doc.add(new StringField(Schema.TYPE, Schema.TYPE_INDICATOR, Field.Store.NO));
    doc.add(new StringField(Schema.DOC_ID, d.docId(), Field.Store.YES));
    doc.add(new StringField(Schema.INDICATOR, v.indicator(), Field.Store.YES));
    doc.add(new StringField(Schema.HEADLINE, String.valueOf(v.headline()), Field.Store.YES));
    doc.add(new StoredField(Schema.VALUE, v.value()));
    if (v.valueWan() != null) doc.add(new StoredField(Schema.VALUE_WAN, v.valueWan()));
    // a point for ranges, doc values for sorting by value
    doc.add(new DoublePoint(Schema.COMPARABLE, v.comparable()));
    doc.add(new DoubleDocValuesField(Schema.COMPARABLE, v.comparable()));
    doc.add(new StoredField(Schema.UNIT, v.unit()));
    doc.add(new StoredField(Schema.AS_WRITTEN, v.asWritten()));
    doc.add(new StoredField(Schema.ROLE, v.role().label()));
    doc.add(new StoredField(Schema.SOURCE_KIND, v.sourceKind().code()));
    doc.add(new StringField(Schema.SCOPE, v.scope().code(), Field.Store.YES));
    doc.add(new StringField(Schema.VERIFIED, String.valueOf(v.verified()), Field.Store.YES));
    if (!v.by().isEmpty()) doc.add(new StoredField(Schema.VERIFIED_BY, String.join(",", v.by())));
    // a figure's values when it is undecided, to list beside the headlines
    doc.add(new StringField(Schema.CANDIDATE, String.valueOf(v.candidate()), Field.Store.YES));
    if (v.includesCarryOver()) doc.add(new StoredField(Schema.INCLUDES_CARRY_OVER, "true"));
    if (v.sectionId() != null) doc.add(new StoredField(Schema.SECTION_ID, v.sectionId()));
    doc.add(new StoredField(Schema.SOURCE, v.source()));
    doc.add(new StoredField(Schema.START, v.start()));
    doc.add(new StoredField(Schema.END, v.end()));
    addMetadata(doc, d);
    addFacets(doc, d, report);
    try {
      return facets.build(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String completeness(org.gongkai.model.Completeness c) {
    StringBuilder sb = new StringBuilder();
    for (org.gongkai.model.Completeness.Entry e : c.tables()) {
      if (sb.length() > 0) sb.append(';');
      sb.append(e.number()).append('|').append(e.name()).append('|').append(e.state().name());
    }
    return sb.toString();
  }

  /** The completeness stored on a document's record (none for a report of another kind). */
  public static org.gongkai.model.Completeness completeness(Document rec) {
    String s = rec.get(Schema.COMPLETENESS);
    if (s == null || s.isEmpty()) return org.gongkai.model.Completeness.NONE;
    List<org.gongkai.model.Completeness.Entry> out = new ArrayList<>();
    for (String entry : s.split(";")) {
      String[] p = entry.split("\\|", -1);
      out.add(
          new org.gongkai.model.Completeness.Entry(
              p[0], p[1], org.gongkai.model.Completeness.State.valueOf(p[2]), -1));
    }
    return new org.gongkai.model.Completeness(out);
  }

  /** The report's own facet values every record of it carries: tables it lacks, checks it fails. */
  private record ReportFacets(List<String> lacking, List<String> checks) {}

  private static void addFacets(Document doc, DisclosureDocument d, ReportFacets report) {
    for (String table : report.lacking())
      doc.add(new SortedSetDocValuesFacetField(Facet.MISSING.key(), table));
    for (String check : report.checks())
      doc.add(new SortedSetDocValuesFacetField(Facet.CHECK.key(), check));
    if (d.departmentType() != null)
      doc.add(new SortedSetDocValuesFacetField(Facet.DEPARTMENT.key(), d.departmentType()));
    if (d.kind() != null)
      doc.add(new SortedSetDocValuesFacetField(Facet.KIND.key(), d.kind().label()));
    doc.add(new SortedSetDocValuesFacetField(Facet.ROLE.key(), d.role().code()));
    if (d.year() != null)
      doc.add(new SortedSetDocValuesFacetField(Facet.YEAR.key(), d.year().toString()));
    // a government's budget report speaks of two years: the one it drafts and the one before,
    // whose execution it reports — it is found under both (its stored year stays the draft's)
    if (d.year() != null && d.kind() == ReportKind.GOVERNMENT_BUDGET)
      doc.add(new SortedSetDocValuesFacetField(Facet.YEAR.key(), String.valueOf(d.year() - 1)));
    if (d.region().decided()) {
      doc.add(
          new SortedSetDocValuesFacetField(
              Facet.REGION.key(), d.region().region().path().toArray(String[]::new)));
    }
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private static String json(List<IndicatorFlag> flags) {
    try {
      return JSON.writeValueAsString(flags);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The flags stored on a document record. A record written before flags were data (pipeline 2 and
   * earlier) holds sentences: each is kept as a {@code legacy} flag until the next {@code index}
   * run reads the file again.
   */
  public static List<IndicatorFlag> flags(Document doc) {
    String json = doc.get(Schema.FLAGS);
    if (json == null) return List.of();
    try {
      com.fasterxml.jackson.databind.JsonNode array = JSON.readTree(json);
      List<IndicatorFlag> out = new ArrayList<>();
      for (com.fasterxml.jackson.databind.JsonNode f : array) {
        if (f.has("code")) out.add(JSON.treeToValue(f, IndicatorFlag.class));
        else
          out.add(
              new IndicatorFlag(
                  f.path("check").asText(),
                  "legacy",
                  List.of(f.path("message").asText()),
                  List.of()));
      }
      return out;
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static IndicatorValue indicator(Document doc) {
    IndexableField wan = doc.getField(Schema.VALUE_WAN);
    IndexableField section = doc.getField(Schema.SECTION_ID);
    return new IndicatorValue(
        doc.get(Schema.INDICATOR),
        org.gongkai.indicators.Indicator.byId(doc.get(Schema.INDICATOR))
            .map(i -> i.label)
            .orElse(doc.get(Schema.INDICATOR)),
        doc.getField(Schema.VALUE).numericValue().doubleValue(),
        doc.get(Schema.UNIT),
        doc.get(Schema.AS_WRITTEN),
        wan == null ? null : wan.numericValue().doubleValue(),
        Role.ofLabel(doc.get(Schema.ROLE)).orElse(Role.ACTUAL),
        Boolean.parseBoolean(doc.get(Schema.HEADLINE)),
        SourceKind.ofCode(doc.get(Schema.SOURCE_KIND)).orElse(SourceKind.TEXT),
        doc.get(Schema.DOC_ID),
        section == null ? null : section.stringValue(),
        doc.get(Schema.SOURCE),
        intValue(doc, Schema.START),
        intValue(doc, Schema.END),
        // records written before scopes (pipeline 10 and earlier) are of the headline scope
        org.gongkai.model.Scope.ofCode(doc.get(Schema.SCOPE)).orElse(org.gongkai.model.Scope.WHOLE),
        Boolean.parseBoolean(doc.get(Schema.VERIFIED)),
        doc.get(Schema.VERIFIED_BY) == null
            ? List.of()
            : List.of(doc.get(Schema.VERIFIED_BY).split(",")),
        Boolean.parseBoolean(doc.get(Schema.CANDIDATE)),
        Boolean.parseBoolean(doc.get(Schema.INCLUDES_CARRY_OVER)));
  }

  private Document section(
      DisclosureDocument d,
      Section s,
      int ordinal,
      List<IndicatorValue> headlines,
      ReportFacets report) {
    Document doc = new Document();
    doc.add(new StringField(Schema.TYPE, Schema.TYPE_SECTION, Field.Store.NO));
    doc.add(new StringField(Schema.ID, s.id(), Field.Store.YES));
    doc.add(new StringField(Schema.DOC_ID, d.docId(), Field.Store.YES));
    // stored for prev/next links; doc values so a document's sections can be listed in order
    doc.add(new StoredField(Schema.ORDINAL, ordinal));
    doc.add(new NumericDocValuesField(Schema.ORDINAL, ordinal));
    doc.add(new SortedDocValuesField(Schema.DOC_ORDER, new BytesRef(d.docId())));
    if (d.issuer() != null)
      doc.add(new SortedDocValuesField(Schema.ISSUER_KEY, new BytesRef(d.issuer())));
    doc.add(new StoredField(Schema.PATH, s.path()));
    doc.add(new StoredField(Schema.LEVEL, s.level()));
    doc.add(new StoredField(Schema.BODY_OFFSET, s.bodyStart() - s.start()));
    doc.add(new StoredField(Schema.SECTION_START, s.start()));
    Pages pages = d.pages(s);
    if (pages.known()) doc.add(new StoredField(Schema.PAGES, pages.encode()));
    // the heading is searched on its own so that a section named after the term ranks first
    doc.add(
        new FoldedField(
            Schema.HEADING, s.heading(), Analyzers.fold(s.heading()), TextField.TYPE_STORED));
    for (String crumb : s.breadcrumb()) doc.add(new StoredField(Schema.BREADCRUMB, crumb));
    doc.add(new StoredField(Schema.CATEGORY, s.category()));
    String text = d.text().substring(s.start(), s.end());
    String folded = Analyzers.fold(text); // once for both fields
    doc.add(new FoldedField(Schema.TEXT, text, folded, Schema.TEXT_TYPE));
    doc.add(new FoldedField(Schema.WORDS, text, folded, TextField.TYPE_NOT_STORED));
    addMetadata(doc, d);
    for (IndicatorValue v : headlines)
      doc.add(new DoublePoint(Schema.indicatorField(v.indicator()), v.comparable()));
    doc.add(new SortedSetDocValuesFacetField(Facet.CATEGORY.key(), s.category()));
    addFacets(doc, d, report);
    try {
      return facets.build(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void addMetadata(Document doc, DisclosureDocument d) {
    // every record of a private collection's report says whose it is: a hit, a report and a
    // figure read from it are marked so wherever they are shown or exported
    if (collection != null) doc.add(new StoredField(Schema.COLLECTION, collection));
    if (d.ocr().any()) {
      StringBuilder pages = new StringBuilder();
      for (int p : d.ocr().pages()) pages.append(pages.isEmpty() ? "" : ",").append(p);
      doc.add(new StoredField(Schema.OCR_PAGES, pages.toString()));
    }
    int pageCount = d.pageCount() > 0 ? d.pageCount() : d.ocr().pageCount();
    if (pageCount > 0) doc.add(new StoredField(Schema.PAGE_COUNT, pageCount));
    storeIfPresent(doc, Schema.TITLE, d.title());
    storeIfPresent(doc, Schema.ISSUER, d.issuer());
    if (d.title() != null) doc.add(new TextField(Schema.TITLE_TEXT, d.title(), Field.Store.NO));
    if (d.issuer() != null) doc.add(new TextField(Schema.ISSUER_TEXT, d.issuer(), Field.Store.NO));
    storeIfPresent(doc, Schema.DEPARTMENT, d.departmentType());
    storeIfPresent(doc, Schema.KIND, ReportKind.label(d.kind()));
    doc.add(new StoredField(Schema.PAGE_ROLE, d.role().code()));
    if (d.year() != null) {
      // a point for year ranges, doc values for sorting newest first, stored for display
      doc.add(new IntPoint(Schema.YEAR, d.year()));
      doc.add(new NumericDocValuesField(Schema.YEAR, d.year()));
      doc.add(new StoredField(Schema.YEAR, d.year()));
    }
    if (d.region().decided()) {
      Region r = d.region().region();
      doc.add(new StoredField(Schema.REGION_CODE, r.code()));
      storeIfPresent(doc, Schema.PROVINCE, r.province());
      storeIfPresent(doc, Schema.CITY, r.city());
      storeIfPresent(doc, Schema.COUNTY, r.county());
    }
  }

  private static void storeIfPresent(Document doc, String field, String value) {
    if (value != null) doc.add(new StoredField(field, value));
  }

  /** The record of one file on disk; replaced by its path. */
  public Document toLucene(IndexedFile f) {
    Document doc = new Document();
    doc.add(new StringField(Schema.TYPE, Schema.TYPE_FILE, Field.Store.NO));
    doc.add(new StringField(Schema.FILE_PATH, f.path(), Field.Store.YES));
    // indexed too: a private collection's file is found by its content wherever it was merged
    doc.add(new StringField(Schema.FILE_SHA256, f.sha256(), Field.Store.YES));
    doc.add(new StringField(Schema.FILE_DOC_ID, f.docId(), Field.Store.YES));
    doc.add(new StoredField(Schema.FILE_PIPELINE, f.pipeline()));
    return doc;
  }

  public static IndexedFile file(Document doc) {
    var pipeline = doc.getField(Schema.FILE_PIPELINE);
    // records written before the pipeline was versioned read as version 0: stale
    return new IndexedFile(
        doc.get(Schema.FILE_PATH),
        doc.get(Schema.FILE_SHA256),
        doc.get(Schema.FILE_DOC_ID),
        pipeline == null ? 0 : pipeline.numericValue().intValue());
  }

  public static IndexedSection section(Document doc) {
    return new IndexedSection(
        doc.get(Schema.ID),
        doc.get(Schema.DOC_ID),
        intValue(doc, Schema.ORDINAL),
        doc.get(Schema.PATH),
        intValue(doc, Schema.LEVEL),
        doc.get(Schema.HEADING),
        Arrays.asList(doc.getValues(Schema.BREADCRUMB)),
        doc.get(Schema.CATEGORY),
        doc.get(Schema.TEXT),
        intValue(doc, Schema.BODY_OFFSET),
        intValue(doc, Schema.SECTION_START),
        Pages.decode(doc.get(Schema.PAGES)));
  }

  public static IndexedDocument document(Document doc, List<String> files) {
    IndexableField at = doc.getField(Schema.INDEXED_AT);
    return new IndexedDocument(
        doc.get(Schema.DOC_ID),
        doc.get(Schema.SHA256),
        doc.get(Schema.TITLE),
        doc.get(Schema.ISSUER),
        doc.get(Schema.DEPARTMENT),
        doc.get(Schema.KIND),
        year(doc),
        region(doc),
        doc.get(Schema.REGION_NOTE),
        files,
        Instant.ofEpochMilli(at.numericValue().longValue()),
        intValue(doc, Schema.SECTION_COUNT),
        ocrPages(doc),
        doc.getField(Schema.PAGE_COUNT) == null ? 0 : intValue(doc, Schema.PAGE_COUNT),
        org.gongkai.model.PageRole.orReport(doc.get(Schema.PAGE_ROLE)),
        printedPages(doc.get(Schema.PRINTED_PAGES)),
        doc.get(Schema.SOURCE_URL),
        doc.get(Schema.COLLECTION));
  }

  /** The page numbers a PDF prints, per page from 1 (0: none), or empty when unknown. */
  static List<Integer> printedPages(String stored) {
    if (stored == null || stored.isBlank()) return List.of();
    List<Integer> out = new ArrayList<>();
    for (String n : stored.split(",")) {
      try {
        out.add(Integer.parseInt(n.strip()));
      } catch (NumberFormatException e) {
        return List.of(); // not ours: no printed numbers rather than wrong ones
      }
    }
    return out;
  }

  private static String write(Record reading) {
    try {
      return JSON.writeValueAsString(reading);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The budget units a report's record says it covers; none when it holds none (or not ours). */
  public static org.gongkai.model.UnitReading units(Document doc) {
    String s = doc.get(Schema.UNITS);
    if (s == null || s.isEmpty()) return org.gongkai.model.UnitReading.NONE;
    try {
      return JSON.readValue(s, org.gongkai.model.UnitReading.class);
    } catch (java.io.IOException e) {
      return org.gongkai.model.UnitReading
          .NONE; // a record of another version: none rather than wrong
    }
  }

  /** What a report's record says its procurement table lists; none when it holds none. */
  public static org.gongkai.model.PurchaseReading purchases(Document doc) {
    String s = doc.get(Schema.PURCHASES);
    if (s == null || s.isEmpty()) return org.gongkai.model.PurchaseReading.NONE;
    try {
      return JSON.readValue(s, org.gongkai.model.PurchaseReading.class);
    } catch (java.io.IOException e) {
      return org.gongkai.model.PurchaseReading.NONE; // a record of another version
    }
  }

  /** The entries a list's or a portal's record lists (none on a report's). */
  public static List<org.gongkai.model.ListedEntry> listed(Document doc) {
    String s = doc.get(Schema.LISTED);
    if (s == null || s.isEmpty()) return List.of();
    List<org.gongkai.model.ListedEntry> out = new ArrayList<>();
    for (String line : s.split("\n")) {
      org.gongkai.model.ListedEntry e = org.gongkai.model.ListedEntry.decode(line);
      if (e != null) out.add(e);
    }
    return out;
  }

  /** The pieces of the clean text in no section, each as its offset, a colon and the text. */
  static List<String> gaps(DisclosureDocument d) {
    List<Section> sections = new ArrayList<>(d.sections());
    sections.sort(java.util.Comparator.comparingInt(Section::start));
    List<String> gaps = new ArrayList<>();
    int at = 0;
    for (Section s : sections) {
      if (s.start() > at) gaps.add(at + ":" + d.text().substring(at, s.start()));
      at = Math.max(at, s.end());
    }
    if (at < d.text().length()) gaps.add(at + ":" + d.text().substring(at));
    return gaps;
  }

  /**
   * A report's clean text put back together from its record's length and gaps and its sections'
   * starts and texts.
   */
  public static String cleanText(Document report, List<Document> sections) {
    char[] text = new char[intValue(report, Schema.CLEAN_LENGTH)];
    for (Document s : sections) put(text, intValue(s, Schema.SECTION_START), s.get(Schema.TEXT));
    for (String gap : report.getValues(Schema.CLEAN_GAPS)) {
      int colon = gap.indexOf(':');
      put(text, Integer.parseInt(gap.substring(0, colon)), gap.substring(colon + 1));
    }
    return new String(text);
  }

  private static void put(char[] text, int at, String piece) {
    piece.getChars(0, Math.min(piece.length(), text.length - at), text, at);
  }

  /** The pages of a document or section record that were read by OCR (empty when none). */
  public static List<Integer> ocrPages(Document doc) {
    String pages = doc.get(Schema.OCR_PAGES);
    if (pages == null || pages.isEmpty()) return List.of();
    return Arrays.stream(pages.split(",")).map(Integer::valueOf).toList();
  }

  /** The stored year of a section or document record, or null. */
  public static Integer year(Document doc) {
    IndexableField f = doc.getField(Schema.YEAR);
    return f == null ? null : f.numericValue().intValue();
  }

  /** The stored region of a section or document record, or null when undecided. */
  public static Region region(Document doc) {
    String code = doc.get(Schema.REGION_CODE);
    if (code == null) return null;
    return new Region(code, doc.get(Schema.PROVINCE), doc.get(Schema.CITY), doc.get(Schema.COUNTY));
  }

  private static int intValue(Document doc, String field) {
    return doc.getField(field).numericValue().intValue();
  }
}
