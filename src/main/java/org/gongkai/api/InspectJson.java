package org.gongkai.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gongkai.model.DisclosureDocument;
import org.gongkai.model.IndicatorFlag;
import org.gongkai.model.IndicatorValue;
import org.gongkai.model.IngestedDocument;
import org.gongkai.model.Region;
import org.gongkai.model.RegionMatch;
import org.gongkai.model.ReportKind;
import org.gongkai.model.Section;

/**
 * The JSON that {@code inspect --json} prints for one document (a public contract: extend, never
 * rename): metadata and where each field was decided, sections, the figures read and the
 * contradictions found (worded in Chinese, with their codes), file metadata and the clean text.
 */
public final class InspectJson {

  private final ObjectMapper mapper;
  private final Wording wording;

  public InspectJson(ObjectMapper mapper, Wording wording) {
    this.mapper = mapper;
    this.wording = wording;
  }

  /**
   * {@code [{"title", "date", "href", "names": {"issuer", "year", "kind"} or null}]}: the entries a
   * list or a portal's page lists.
   */
  public static ArrayNode listed(
      ObjectMapper mapper, java.util.List<org.gongkai.model.ListedEntry> entries) {
    ArrayNode out = mapper.createArrayNode();
    for (org.gongkai.model.ListedEntry e : entries) {
      ObjectNode eo =
          out.addObject().put("title", e.title()).put("date", e.date()).put("href", e.href());
      if (e.namesAReport())
        eo.putObject("names").put("issuer", e.issuer()).put("year", e.year()).put("kind", e.kind());
      else eo.putNull("names");
    }
    return out;
  }

  public ObjectNode toJson(IngestedDocument ingested) {
    DisclosureDocument d = ingested.document();
    ObjectNode o = mapper.createObjectNode();
    o.put("file", d.file());
    o.put("sha256", d.sha256());
    o.put("docId", d.docId());
    o.put("title", d.title());
    o.put("issuer", d.issuer());
    o.put("departmentType", d.departmentType());
    o.put("kind", ReportKind.label(d.kind()));
    if (d.year() == null) o.putNull("year");
    else o.put("year", d.year());
    o.set("region", region(d.region().region()));
    if (!d.region().decided()) {
      o.put("regionNote", d.region().note());
      ArrayNode candidates = o.putArray("regionCandidates");
      d.region().candidates().forEach(r -> candidates.add(region(r)));
    }
    // where each field was decided, so a journalist can see why (titleFrom, issuerFrom, yearFrom,
    // kindFrom, regionFrom)
    for (String field : new String[] {"title", "issuer", "year", "kind", "region"}) {
      String from = d.decidedFrom().get(field);
      if (from == null) o.putNull(field + "From");
      else o.put(field + "From", from);
    }
    ArrayNode sections = o.putArray("sections");
    for (Section s : d.sections()) sections.add(section(s, d.pages(s)));
    ArrayNode figures = o.putArray("indicators");
    for (IndicatorValue v : ingested.figures()) figures.add(IndicatorJson.figure(mapper, v));
    ArrayNode flags = o.putArray("flags");
    for (IndicatorFlag f : ingested.flags()) {
      ObjectNode fo = flags.addObject();
      fo.put("check", f.check());
      fo.put("code", f.code());
      f.args().forEach(fo.putArray("args")::add);
      f.evidence().forEach(fo.putArray("evidence")::add);
      fo.put("family", f.family().map(c -> c.id()).orElse(null));
      fo.put("severity", f.severity().name().toLowerCase(java.util.Locale.ROOT));
      fo.put("message", wording.flag(Wording.CHINESE, f));
      ArrayNode quotes = fo.putArray("quotes");
      for (org.gongkai.model.Quote q : f.quotes())
        quotes.addObject().put("text", q.text()).put("start", q.start()).put("end", q.end());
      ArrayNode sources = fo.putArray("sources");
      for (IndicatorValue v : f.sources())
        sources.add(v.indicator() + "@" + v.start() + "-" + v.end());
    }
    d.ocr().pages().forEach(o.putArray("ocrPages")::add);
    if (d.pageCount() > 0 || d.ocr().any())
      o.put("pageCount", d.pageCount() > 0 ? d.pageCount() : d.ocr().pageCount());
    if (!d.listed().isEmpty()) o.set("listed", listed(mapper, d.listed()));
    o.set("fileMetadata", mapper.valueToTree(new java.util.TreeMap<>(d.fileMetadata())));
    o.put("text", d.text());
    // what the file is (a report, or a list, a news item … of a crawl) and what decided it
    o.put("role", d.role().code());
    o.put("roleWhy", d.roleWhy());
    // the projects it funds, the tables they were read from and its own count of them
    o.set("projects", ProjectJson.reading(mapper, ingested.projects()));
    // the budget units it covers, as it lists them
    o.set("units", UnitJson.units(mapper, ingested.units(), null));
    // what its procurement table lists
    o.set("purchases", PurchaseJson.purchases(mapper, ingested.purchases(), null));
    return o;
  }

  public ObjectNode region(Region r) {
    return RegionJson.of(mapper, r);
  }

  private ObjectNode section(Section s, org.gongkai.model.Pages pages) {
    ObjectNode o = mapper.createObjectNode();
    o.put("id", s.id());
    o.put("path", s.path());
    o.put("level", s.level());
    o.put("heading", s.heading());
    ArrayNode crumbs = o.putArray("breadcrumb");
    s.breadcrumb().forEach(crumbs::add);
    o.put("category", s.category());
    o.put("start", s.start());
    o.put("end", s.end());
    if (pages.known()) o.putArray("pages").add(pages.first()).add(pages.last());
    return o;
  }

  /** One line for people: 湖北省/武汉市/汉阳区 (420105), or the reason there is none. */
  public static String describe(RegionMatch m) {
    if (!m.decided()) return "undecided: " + m.note();
    return String.join("/", m.region().path()) + " (" + m.region().code() + ")";
  }
}
