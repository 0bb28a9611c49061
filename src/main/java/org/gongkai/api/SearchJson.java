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

  public SearchJson(ObjectMapper mapper, Wording wording, Hrefs hrefs) {
    this.mapper = mapper;
    this.wording = wording;
    this.hrefs = hrefs;
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
    ObjectNode facets = o.putObject("facets");
    for (Map.Entry<Facet, List<FacetValue>> e : p.facets().entrySet()) {
      ArrayNode values = facets.putArray(e.getKey().key());
      for (FacetValue v : e.getValue()) values.add(facet(v));
    }
    ObjectNode selected = o.putObject("selected");
    p.selected().forEach((dim, values) -> values.forEach(selected.withArray(dim.key())::add));
    ArrayNode messages = o.putArray("messages");
    p.notices().forEach(n -> messages.add(wording.notice(Locale.ENGLISH, n)));
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
    return o;
  }

  private ObjectNode facet(FacetValue v) {
    ObjectNode o = mapper.createObjectNode();
    o.put("value", v.value());
    o.put("count", v.count());
    o.put("path", v.path());
    o.put("selected", v.selected());
    if (!v.children().isEmpty()) {
      ArrayNode children = o.putArray("children");
      for (FacetValue c : v.children()) children.add(facet(c));
    }
    return o;
  }
}
