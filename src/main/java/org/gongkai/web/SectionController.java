package org.gongkai.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gongkai.index.IndexStore;
import org.gongkai.model.IndexedDocument;
import org.gongkai.model.IndexedSection;
import org.gongkai.search.SearchJson;
import org.gongkai.search.SearchService;

/** The section permalink {@code /s/{id}} and {@code /api/sections/{id}}. */
final class SectionController {

  static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

  private final IndexStore store;
  private final SearchService search;
  private final ObjectMapper mapper;
  private final Pages pages;

  /**
   * What absolute permalinks start with: the configured public URL, or nothing (relative links).
   */
  private final String publicUrl;

  SectionController(
      IndexStore store, SearchService search, ObjectMapper mapper, Pages pages, String publicUrl) {
    this.publicUrl = publicUrl == null ? "" : publicUrl;
    this.store = store;
    this.search = search;
    this.mapper = mapper;
    this.pages = pages;
  }

  void page(Context ctx) throws IOException {
    Optional<Found> found = find(ctx);
    if (found.isEmpty()) return;
    IndexedSection s = found.get().section();
    IndexedDocument d = found.get().document();
    Locale locale = SearchParams.locale(ctx);
    String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q");
    String carry = SearchParams.from(ctx).carry();
    // the section and its two neighbours only: never the whole report, however long it is
    IndexedSection prev = store.sectionAt(d.docId(), s.ordinal() - 1).orElse(null);
    IndexedSection next = store.sectionAt(d.docId(), s.ordinal() + 1).orElse(null);
    String permalink = publicUrl + "/s/" + s.id();
    SearchService.TextMarker marker = search.marker(q);
    String body = marked(ctx.queryParam("mark"), s).orElse(marker.html(s.body()));
    var view =
        new Views.SectionPage(
            s.id(),
            s.heading(),
            s.breadcrumb(),
            s.category(),
            body,
            d.title(),
            "/d/" + d.docId() + carry + "#" + s.id(),
            d.issuer(),
            SearchController.regionLabel(d.region()),
            d.year(),
            d.kind(),
            prev == null ? null : "/s/" + prev.id() + carry,
            prev == null ? null : prev.heading(),
            next == null ? null : "/s/" + next.id() + carry,
            next == null ? null : next.heading(),
            permalink,
            citation(locale, d, s, permalink),
            d.sha256(),
            DATE.format(d.indexedAt()),
            q);
    String headingHtml = marker.html(s.heading());
    pages.render(
        ctx,
        "section",
        Map.of("view", view, "headingHtml", headingHtml),
        s.heading() + " · " + d.title(),
        SearchParams.isEnglish(ctx)
            ? "/s/" + s.id() + (q.isBlank() ? "" : "?q=" + SearchController.enc(q))
            : "/s/"
                + s.id()
                + "?"
                + (q.isBlank() ? "" : "q=" + SearchController.enc(q) + "&")
                + "lang=en");
  }

  void api(Context ctx) throws IOException {
    Optional<Found> found = find(ctx);
    if (found.isEmpty()) return;
    IndexedSection s = found.get().section();
    IndexedDocument d = found.get().document();
    ObjectNode o = mapper.createObjectNode();
    o.put("id", s.id());
    o.put("url", "/s/" + s.id());
    o.put("docId", d.docId());
    o.put("docTitle", d.title());
    o.put("issuer", d.issuer());
    o.set("region", SearchJson.region(mapper, d.region()));
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
    pages.json(ctx, 200, o);
  }

  private static final java.util.regex.Pattern MARK =
      java.util.regex.Pattern.compile("(\\d{1,9})-(\\d{1,9})");

  /**
   * {@code ?mark=START-END}: offsets in the document's clean text (as indicator values carry them),
   * marked exactly — the very figure a table or sentence stated, not every equal number.
   */
  private Optional<String> marked(String mark, IndexedSection s) {
    if (mark == null) return Optional.empty();
    var m = MARK.matcher(mark.strip());
    if (!m.matches()) return Optional.empty();
    String body = s.body();
    int from = Integer.parseInt(m.group(1)) - s.start() - s.bodyOffset();
    int to = Integer.parseInt(m.group(2)) - s.start() - s.bodyOffset();
    if (from < 0 || to > body.length() || from >= to) return Optional.empty();
    return Optional.of(search.markRange(body, from, to));
  }

  /**
   * A ready citation: issuer, title, year, section heading, permalink, file SHA-256, date indexed.
   */
  String citation(Locale locale, IndexedDocument d, IndexedSection s, String permalink) {
    return pages.text(
        locale,
        "cite.format",
        nz(d.issuer()),
        nz(d.title()),
        d.year() == null ? "?" : String.valueOf(d.year()),
        s.heading(),
        permalink,
        d.sha256(),
        DATE.format(d.indexedAt()));
  }

  private record Found(IndexedSection section, IndexedDocument document) {}

  /** The section named in the path with its document, or empty after answering 404. */
  private Optional<Found> find(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    Optional<IndexedSection> section = store.section(id);
    Optional<IndexedDocument> document =
        section.isEmpty() ? Optional.empty() : store.document(section.get().docId());
    if (document.isEmpty()) {
      pages.error(ctx, 404, "error.section", id);
      return Optional.empty();
    }
    return Optional.of(new Found(section.get(), document.get()));
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
