package org.gongkai.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongkai.model.Facet;
import org.gongkai.model.FacetValue;
import org.gongkai.model.SearchHit;
import org.gongkai.model.SearchPage;

/**
 * The JSON of a search page, printed by {@code search --json} and served by {@code /api/search} — a
 * public contract: extend, never rename. Notices are worded in English.
 */
public final class SearchJson {

  private final ObjectMapper mapper;
  private final Wording wording;
  private final Hrefs hrefs;

  /** A private collection's name by its storage key. */
  private final java.util.function.UnaryOperator<String> collections;

  public SearchJson(ObjectMapper mapper, Wording wording, Hrefs hrefs) {
    this(mapper, wording, hrefs, key -> key);
  }

  /**
   * The same; {@code collections} names a private collection by its storage key: a private report's
   * hits and entries say {@code "collection": NAME} (a public one's, null).
   */
  public SearchJson(
      ObjectMapper mapper,
      Wording wording,
      Hrefs hrefs,
      java.util.function.UnaryOperator<String> collections) {
    this.mapper = mapper;
    this.wording = wording;
    this.hrefs = hrefs;
    this.collections = collections;
  }

  /** A private collection's name by its storage key (null for null). */
  public String collection(String key) {
    return key == null ? null : collections.apply(key);
  }

  public ObjectMapper mapper() {
    return mapper;
  }

  /** The links this JSON carries (the command line prints the same). */
  public Hrefs hrefs() {
    return hrefs;
  }

  public ObjectNode toJson(SearchPage p) {
    ObjectNode o = mapper.createObjectNode();
    o.put("query", p.query());
    o.put("total", p.total());
    o.put("page", p.page());
    o.put("size", p.size());
    o.put("tookMs", p.tookMs());
    ArrayNode hits = o.putArray("hits");
    for (SearchHit h : p.hits()) hits.add(hit(h));
    facetsSelectedMessages(o, p.facets(), p.selected(), p.notices());
    return o;
  }

  /**
   * Results one per report ({@code group=doc}): {@code {"query", "total" (sections), "reports",
   * "page", "size", "tookMs", "groups": [{"docId", "url", "docTitle", "issuer", "region", "year",
   * "kind", "hits", "sections": [hit, …]}], "facets", "selected", "messages"}}.
   */
  public ObjectNode grouped(org.gongkai.model.GroupedPage p) {
    ObjectNode o = mapper.createObjectNode();
    o.put("query", p.query());
    o.put("total", p.total());
    o.put("reports", p.reports());
    o.put("page", p.page());
    o.put("size", p.size());
    o.put("tookMs", p.tookMs());
    ArrayNode groups = o.putArray("groups");
    for (org.gongkai.model.HitGroup g : p.groups()) {
      SearchHit first = g.best().get(0);
      ObjectNode go = groups.addObject();
      go.put("docId", g.docId());
      go.put("url", hrefs.document(g.docId()));
      go.put("docTitle", first.docTitle());
      go.put("issuer", first.issuer());
      go.set("region", RegionJson.of(mapper, first.region()));
      if (first.year() == null) go.putNull("year");
      else go.put("year", first.year());
      go.put("kind", first.kind());
      go.put("hits", g.hits());
      ArrayNode sections = go.putArray("sections");
      for (SearchHit h : g.best()) sections.add(hit(h));
    }
    facetsSelectedMessages(o, p.facets(), p.selected(), p.notices());
    return o;
  }

  private ObjectNode hit(SearchHit h) {
    ObjectNode o = mapper.createObjectNode();
    o.put("id", h.id());
    o.put("url", hrefs.section(h.id()));
    o.put("docId", h.docId());
    o.put("docTitle", h.docTitle());
    o.put("issuer", h.issuer());
    o.set("region", RegionJson.of(mapper, h.region()));
    if (h.year() == null) o.putNull("year");
    else o.put("year", h.year());
    o.put("kind", h.kind());
    o.put("department", h.department());
    o.put("category", h.category());
    o.put("heading", h.heading());
    ArrayNode crumbs = o.putArray("breadcrumb");
    h.breadcrumb().forEach(crumbs::add);
    o.put("snippet", Html.of(h.snippet(), false));
    o.put("score", Math.round(h.score() * 1000) / 1000.0);
    o.put("ocr", h.ocr());
    if (h.page() > 0) o.put("page", h.page());
    o.put("collection", collection(h.collection()));
    return o;
  }

  /**
   * A list of reports ({@code /api/documents}): {@code {"total", "page", "size", "documents":
   * [{"docId", "url", "title", "issuer", "region", "year", "kind", "department", "sections",
   * "figures", "flags", "checks", "files", "downloads", "matching", "indexedAt", "ocr"}], "facets",
   * "selected", "messages"}}; facet counts are numbers of reports.
   */
  public ObjectNode documents(org.gongkai.model.DocumentList list) {
    ObjectNode o = mapper.createObjectNode();
    o.put("query", list.query());
    o.put("total", list.total());
    o.put("page", list.page());
    o.put("size", list.size());
    o.put("tookMs", list.tookMs());
    ArrayNode docs = o.putArray("documents");
    for (org.gongkai.model.DocumentEntry d : list.documents()) docs.add(document(d));
    facetsSelectedMessages(o, list.facets(), list.selected(), list.notices());
    return o;
  }

  /** One report of a list. */
  public ObjectNode document(org.gongkai.model.DocumentEntry d) {
    ObjectNode o = mapper.createObjectNode();
    o.put("docId", d.docId());
    o.put("url", hrefs.document(d.docId()));
    o.put("title", d.title());
    o.put("issuer", d.issuer());
    o.set("region", RegionJson.of(mapper, d.region()));
    if (d.year() == null) o.putNull("year");
    else o.put("year", d.year());
    o.put("kind", d.kind());
    o.put("department", d.department());
    o.put("sections", d.sections());
    o.put("figures", d.figures());
    o.put("flags", d.flags());
    d.checks().forEach(o.putArray("checks")::add);
    ArrayNode files = o.putArray("files");
    d.files().forEach(f -> files.add(f.name()));
    o.set("downloads", downloads(d.docId(), d.files()));
    o.put("matching", d.matching());
    o.put("indexedAt", d.indexedAt().toString());
    o.put("ocr", d.ocr());
    o.put("role", d.role().code());
    o.put("collection", collection(d.collection()));
    return o;
  }

  /** Each file of a report: name, format and where to download it. */
  public ArrayNode downloads(String docId, List<org.gongkai.model.FileRef> files) {
    return downloads(mapper, hrefs, docId, files);
  }

  /**
   * {@code [{"name", "format", "sha256", "url"}]}: a report's files (its own bytes first), as
   * {@code /api/documents} and {@code /api/documents/{id}} both give them.
   */
  static ArrayNode downloads(
      ObjectMapper mapper, Hrefs hrefs, String docId, List<org.gongkai.model.FileRef> files) {
    ArrayNode out = mapper.createArrayNode();
    for (int i = 0; i < files.size(); i++) {
      org.gongkai.model.FileRef f = files.get(i);
      out.addObject()
          .put("name", f.name())
          .put("format", f.format())
          .put("sha256", f.sha256())
          .put("url", hrefs.file(docId, i + 1, files.size()));
    }
    return out;
  }

  /** What every list ends with: its facets, the selections in force, the notes (in English). */
  private void facetsSelectedMessages(
      ObjectNode o,
      Map<Facet, List<FacetValue>> facetValues,
      Map<Facet, List<String>> selections,
      List<org.gongkai.model.Notice> notices) {
    ObjectNode facets = o.putObject("facets");
    for (Map.Entry<Facet, List<FacetValue>> e : facetValues.entrySet()) {
      ArrayNode values = facets.putArray(e.getKey().key());
      for (FacetValue v : e.getValue()) values.add(facet(v));
    }
    // the counts above are exact: this said, while they were estimated beyond 10,000 hits, whether
    // they were; kept for the clients that read it
    o.put("facetsEstimated", false);
    ObjectNode selected = o.putObject("selected");
    selections.forEach((dim, values) -> values.forEach(selected.withArray(dim.key())::add));
    ArrayNode messages = o.putArray("messages");
    notices.forEach(n -> messages.add(wording.notice(Locale.ENGLISH, n)));
  }

  private ObjectNode facet(FacetValue v) {
    ObjectNode o = mapper.createObjectNode();
    o.put("value", v.value());
    o.put("count", v.count());
    o.put("path", v.path());
    o.put("selected", v.selected());
    // what the values beside it leave out (own, other, unknown): counts add up; no selection
    if (v.remainder()) o.put("remainder", true);
    if (!v.children().isEmpty()) {
      ArrayNode children = o.putArray("children");
      for (FacetValue c : v.children()) children.add(facet(c));
    }
    return o;
  }
}
