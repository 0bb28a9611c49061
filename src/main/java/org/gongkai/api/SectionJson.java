package org.gongkai.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.gongkai.model.ColumnRole;
import org.gongkai.model.IndexedDocument;
import org.gongkai.model.IndexedSection;
import org.gongkai.model.RowCode;
import org.gongkai.model.TextTable;

/**
 * {@code /api/sections/{id}} (one section with its document's metadata) and {@code
 * /api/documents/{docId}} (a document's metadata and its outline) — public contracts.
 */
public final class SectionJson {

  private final ObjectMapper mapper;
  private final Hrefs hrefs;
  private final java.util.function.UnaryOperator<String> collections;

  public SectionJson(ObjectMapper mapper, Hrefs hrefs) {
    this(mapper, hrefs, key -> key);
  }

  /**
   * The same; {@code collections} names a private collection by its storage key: a private report's
   * sections and record say {@code "collection": NAME} (a public one's, null).
   */
  public SectionJson(
      ObjectMapper mapper, Hrefs hrefs, java.util.function.UnaryOperator<String> collections) {
    this.mapper = mapper;
    this.hrefs = hrefs;
    this.collections = collections;
  }

  /** A report's procurement items, with the permalink of the section holding its table. */
  public com.fasterxml.jackson.databind.node.ObjectNode purchases(
      org.gongkai.model.PurchaseReading purchases, String href) {
    return PurchaseJson.purchases(mapper, purchases, href);
  }

  /** The budget units a report covers, with the permalink of the section saying so. */
  public com.fasterxml.jackson.databind.node.ObjectNode units(
      org.gongkai.model.UnitReading units, String href) {
    return UnitJson.units(mapper, units, href);
  }

  /** A private collection's name by its storage key (null for a public report). */
  public String collection(IndexedDocument d) {
    return d.collection() == null ? null : collections.apply(d.collection());
  }

  /** A section with its tables. */
  public ObjectNode section(IndexedSection s, IndexedDocument d, List<TextTable> tables) {
    ObjectNode o = section(s, d);
    ArrayNode array = o.putArray("tables");
    for (TextTable t : tables) array.add(table(t, s.pages().at(t.start()), null));
    return o;
  }

  /**
   * One table: {@code {"id", "page", "title", "unit", "headerRows", "rows", "columns", "rowCodes",
   * "csv"}} (plus {@code "sectionId"} when given); every row as wide as the widest, {@code "page"}
   * null when the original has no pages. {@code "columns"} gives each column's header and role
   * ({@code {"head": "本年收入合计", "role": "total"}}, the role null when not known); {@code "rowCodes"}
   * each row's subject code ({@code {"code": "2080501", "level": "项", "name": "行政单位离退休"}}) or null.
   */
  public ObjectNode table(TextTable t, int page, String sectionId) {
    ObjectNode o = mapper.createObjectNode();
    o.put("id", t.id());
    if (sectionId != null) o.put("sectionId", sectionId);
    if (page > 0) o.put("page", page);
    else o.putNull("page"); // the original has no pages (a web page, a Word file)
    if (t.title() == null) o.putNull("title");
    else o.put("title", t.title());
    if (t.unit() == null) o.putNull("unit");
    else o.put("unit", t.unit());
    o.put("headerRows", t.headerRows());
    ArrayNode rows = o.putArray("rows");
    int width = t.width();
    for (List<String> r : t.rows()) {
      ArrayNode row = rows.addArray();
      for (int c = 0; c < width; c++) row.add(c < r.size() ? r.get(c) : "");
    }
    ArrayNode columns = o.putArray("columns");
    for (int c = 0; c < width; c++) {
      ObjectNode col = columns.addObject();
      col.put("head", c < t.heads().size() ? t.heads().get(c) : "");
      ColumnRole role = c < t.roles().size() ? t.roles().get(c) : null;
      if (role == null) col.putNull("role");
      else col.put("role", role.key());
    }
    ArrayNode codes = o.putArray("rowCodes");
    for (RowCode code : t.codes()) {
      if (code == null) {
        codes.addNull();
        continue;
      }
      ObjectNode c = codes.addObject();
      c.put("code", code.code());
      if (code.level() == null) c.putNull("level");
      else c.put("level", code.level());
      if (code.name() == null) c.putNull("name");
      else c.put("name", code.name());
    }
    o.put("csv", hrefs.tableCsv(t.id()));
    return o;
  }

  /** {@code {"docId", "tables": [...]}}. */
  public ObjectNode tables(String docId, List<ObjectNode> tables) {
    ObjectNode o = mapper.createObjectNode();
    o.put("docId", docId);
    o.putArray("tables").addAll(tables);
    return o;
  }

  public ObjectNode section(IndexedSection s, IndexedDocument d) {
    ObjectNode o = mapper.createObjectNode();
    o.put("id", s.id());
    o.put("url", hrefs.section(s.id()));
    o.put("docId", d.docId());
    o.put("docTitle", d.title());
    o.put("issuer", d.issuer());
    o.set("region", RegionJson.of(mapper, d.region()));
    if (d.year() == null) o.putNull("year");
    else o.put("year", d.year());
    o.put("kind", d.kind());
    o.put("department", d.department());
    o.put("category", s.category());
    o.put("heading", s.heading());
    s.breadcrumb().forEach(o.putArray("breadcrumb")::add);
    o.put("text", s.text());
    o.put("path", s.path());
    o.put("level", s.level());
    o.put("ocr", d.ocr());
    if (s.pages().known()) {
      o.putArray("pages").add(s.pages().first()).add(s.pages().last());
      o.put("pageCount", d.pageCount());
    }
    o.put("collection", collection(d));
    return o;
  }

  /**
   * A document with its standard tables: {@code "completeness": {"followsStandardSet", "tables":
   * [{"number", "name", "state"}]}} (state {@code present}, {@code empty}, {@code named} or {@code
   * missing}; no tables for a report of another kind).
   */
  public ObjectNode document(
      IndexedDocument d, List<IndexedSection> headings, org.gongkai.model.Completeness c) {
    ObjectNode o = document(d, headings);
    ObjectNode completeness = o.putObject("completeness");
    completeness.put("followsStandardSet", c.followsStandardSet());
    ArrayNode tables = completeness.putArray("tables");
    for (org.gongkai.model.Completeness.Entry e : c.tables())
      tables
          .addObject()
          .put("number", e.number())
          .put("name", e.name())
          .put("state", e.state().key());
    return o;
  }

  /**
   * A document's files, each downloadable: {@code "downloads": [{"name", "format", "sha256",
   * "url"}]} (its own bytes first, then the same report in other formats).
   */
  public void files(ObjectNode o, String docId, List<org.gongkai.model.FileRef> files) {
    o.set("downloads", SearchJson.downloads(mapper, hrefs, docId, files));
  }

  /**
   * Related reports: {@code "related": [{"docId", "url", "title", "issuer", "year", "overlap"}]}.
   */
  public void related(ObjectNode o, List<java.util.Map.Entry<IndexedDocument, Double>> related) {
    ArrayNode out = o.putArray("related");
    for (var e : related) {
      IndexedDocument d = e.getKey();
      ObjectNode r = out.addObject();
      r.put("docId", d.docId());
      r.put("url", hrefs.document(d.docId()));
      r.put("title", d.title());
      r.put("issuer", d.issuer());
      if (d.year() == null) r.putNull("year");
      else r.put("year", d.year());
      r.put("overlap", Math.round(e.getValue() * 1000) / 1000.0);
    }
  }

  /**
   * {@code "listed": [{"title", "date", "href", "names": {"issuer", "year", "kind"} or null,
   * "held": {"docId", "url", "title"} or null}]}: the entries a list or a portal's page lists, and
   * the report the collection holds for each (null: it lacks it, or the entry names none).
   */
  public ArrayNode listed(
      List<java.util.Map.Entry<org.gongkai.model.ListedEntry, java.util.Optional<IndexedDocument>>>
          listed) {
    ArrayNode out = mapper.createArrayNode();
    for (var e : listed) {
      org.gongkai.model.ListedEntry entry = e.getKey();
      ObjectNode eo =
          out.addObject()
              .put("title", entry.title())
              .put("date", entry.date())
              .put("href", entry.href());
      if (entry.namesAReport())
        eo.putObject("names")
            .put("issuer", entry.issuer())
            .put("year", entry.year())
            .put("kind", entry.kind());
      else eo.putNull("names");
      if (e.getValue().isPresent()) {
        IndexedDocument d = e.getValue().get();
        eo.putObject("held")
            .put("docId", d.docId())
            .put("url", hrefs.document(d.docId()))
            .put("title", d.title());
      } else eo.putNull("held");
    }
    return out;
  }

  /**
   * {@code /api/issuer}: {@code {"issuer", "reports": [{"docId", "url", "title", "year", "kind"}],
   * "otherPages": [{… "role"}], "listed": […as a page's "listed"], "listedHeld", "listedLacking"}}.
   */
  public ObjectNode issuer(
      String issuer,
      List<IndexedDocument> documents,
      List<java.util.Map.Entry<org.gongkai.model.ListedEntry, java.util.Optional<IndexedDocument>>>
          listed) {
    ObjectNode o = mapper.createObjectNode();
    o.put("issuer", issuer);
    ArrayNode reports = o.putArray("reports");
    ArrayNode others = o.putArray("otherPages");
    for (IndexedDocument d : documents) {
      ObjectNode r = (d.report() ? reports : others).addObject();
      r.put("docId", d.docId());
      r.put("url", hrefs.document(d.docId()));
      r.put("title", d.title());
      if (d.year() == null) r.putNull("year");
      else r.put("year", d.year());
      r.put("kind", d.kind());
      if (!d.report()) r.put("role", d.role().code());
    }
    o.set("listed", listed(listed));
    long held = listed.stream().filter(e -> e.getValue().isPresent()).count();
    o.put("listedHeld", held);
    o.put("listedLacking", listed.size() - held);
    return o;
  }

  public ObjectNode document(IndexedDocument d, List<IndexedSection> headings) {
    ObjectNode o = mapper.createObjectNode();
    o.put("docId", d.docId());
    o.put("url", hrefs.document(d.docId()));
    o.put("title", d.title());
    o.put("issuer", d.issuer());
    o.put("department", d.department());
    o.put("kind", d.kind());
    if (d.year() == null) o.putNull("year");
    else o.put("year", d.year());
    o.set("region", RegionJson.of(mapper, d.region()));
    if (d.regionNote() != null) o.put("regionNote", d.regionNote());
    o.put("sha256", d.sha256());
    o.put("indexedAt", d.indexedAt().toString());
    // names only: where the files lie on the server is nobody's business
    d.files().forEach(f -> o.withArray("files").add(org.gongkai.model.FileRef.of(f, null).name()));
    o.put("ocr", d.ocr());
    d.ocrPages().forEach(o.putArray("ocrPages")::add);
    if (d.pageCount() > 0) o.put("pageCount", d.pageCount());
    ArrayNode sections = o.putArray("sections");
    for (IndexedSection s : headings) {
      ObjectNode so = sections.addObject();
      so.put("id", s.id());
      so.put("path", s.path());
      so.put("level", s.level());
      so.put("heading", s.heading());
      so.put("category", s.category());
      if (s.pages().known()) so.putArray("pages").add(s.pages().first()).add(s.pages().last());
    }
    return o;
  }
}
