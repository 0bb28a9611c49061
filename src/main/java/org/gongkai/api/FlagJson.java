package org.gongkai.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gongkai.model.IndexedSection;
import org.gongkai.model.IndicatorFlag;
import org.gongkai.model.IndicatorValue;
import org.gongkai.model.Quote;

/**
 * A report's flags as JSON, each with both sides placed: {@code {"check", "code", "family",
 * "severity", "message", "args", "evidence", "details", "sources": [figure + "page", "url"],
 * "quotes": [{"text", "start", "end", "sectionId", "page", "url"}]}}; {@code "evidence"} says why
 * the read is trusted. {@code "page"} is the original's page (null when it has none); {@code "url"}
 * the section with the passage marked.
 */
public final class FlagJson {

  private final ObjectMapper mapper;
  private final Wording wording;
  private final Hrefs hrefs;

  public FlagJson(ObjectMapper mapper, Wording wording, Hrefs hrefs) {
    this.mapper = mapper;
    this.wording = wording;
    this.hrefs = hrefs;
  }

  /** The flags of one report, placed in {@code outline} (its sections in order). */
  public ArrayNode flags(List<IndicatorFlag> flags, List<IndexedSection> outline, Locale locale) {
    ArrayNode out = mapper.createArrayNode();
    for (IndicatorFlag f : flags) {
      ObjectNode o = out.addObject();
      o.put("check", f.check());
      o.put("code", f.code());
      o.put("family", f.family().map(c -> c.id()).orElse(null));
      o.put("severity", f.severity().name().toLowerCase(Locale.ROOT));
      o.put("message", wording.flag(locale, f));
      f.args().forEach(o.putArray("args")::add);
      f.evidence().forEach(o.putArray("evidence")::add);
      Wording.details(f).forEach(o.putArray("details")::add);
      ArrayNode sources = o.putArray("sources");
      for (IndicatorValue v : f.sources()) {
        ObjectNode s = IndicatorJson.figure(mapper, v);
        page(s, IndexedSection.holding(outline, v.start()), v.start());
        s.put("url", hrefs.figure(v));
        sources.add(s);
      }
      ArrayNode quotes = o.putArray("quotes");
      for (Quote q : f.quotes()) {
        ObjectNode s = quotes.addObject();
        s.put("text", q.text());
        s.put("start", q.start());
        s.put("end", q.end());
        Optional<IndexedSection> in = IndexedSection.holding(outline, q.start());
        s.put("sectionId", in.map(IndexedSection::id).orElse(null));
        page(s, in, q.start());
        s.put("url", in.map(x -> hrefs.passage(x.id(), q.start(), q.end())).orElse(null));
      }
    }
    return out;
  }

  private static void page(ObjectNode o, Optional<IndexedSection> in, int offset) {
    int page = in.map(s -> s.pageAt(offset)).orElse(0);
    if (page > 0) o.put("page", page);
    else o.putNull("page");
  }
}
