package org.gongkai.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.gongkai.model.Facet;
import org.gongkai.model.FacetValue;
import org.gongkai.model.Region;
import org.gongkai.model.SearchHit;
import org.gongkai.model.SearchPage;
import org.gongkai.regions.RegionJson;

/**
 * The JSON of a search page, printed by {@code search --json} and served by {@code /api/search} — a
 * public contract: extend, never rename.
 */
public final class SearchJson {

  private final ObjectMapper mapper;
  private final org.gongkai.api.Wording wording;

  public SearchJson(ObjectMapper mapper, org.gongkai.api.Wording wording) {
    this.mapper = mapper;
    this.wording = wording;
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
    p.notices().forEach(n -> messages.add(wording.notice(java.util.Locale.ENGLISH, n)));
    return o;
  }

  private ObjectNode hit(SearchHit h) {
    ObjectNode o = mapper.createObjectNode();
    o.put("id", h.id());
    o.put("url", "/s/" + h.id());
    o.put("docId", h.docId());
    o.put("docTitle", h.docTitle());
    o.put("issuer", h.issuer());
    o.set("region", region(mapper, h.region()));
    if (h.year() == null) o.putNull("year");
    else o.put("year", h.year());
    o.put("kind", h.kind());
    o.put("department", h.department());
    o.put("category", h.category());
    o.put("heading", h.heading());
    ArrayNode crumbs = o.putArray("breadcrumb");
    h.breadcrumb().forEach(crumbs::add);
    o.put("snippet", h.snippet());
    o.put("score", Math.round(h.score() * 1000) / 1000.0);
    return o;
  }

  /**
   * A region as the API shows it everywhere: code, province, city, county (nulls when undecided).
   */
  public static ObjectNode region(ObjectMapper mapper, Region r) {
    return RegionJson.of(mapper, r);
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
