package org.gongkai.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.gongkai.model.IndexedDocument;
import org.gongkai.model.IndexedSection;

/**
 * {@code /api/sections/{id}} (one section with its document's metadata) and {@code
 * /api/documents/{docId}} (a document's metadata and its outline) — public contracts.
 */
public final class SectionJson {

  private final ObjectMapper mapper;
  private final Hrefs hrefs;

  public SectionJson(ObjectMapper mapper, Hrefs hrefs) {
    this.mapper = mapper;
    this.hrefs = hrefs;
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
    d.files().forEach(o.putArray("files")::add);
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
