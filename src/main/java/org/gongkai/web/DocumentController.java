package org.gongkai.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gongkai.index.IndexStore;
import org.gongkai.model.IndexedDocument;
import org.gongkai.model.IndexedSection;
import org.gongkai.model.IndicatorFlag;
import org.gongkai.model.IndicatorValue;
import org.gongkai.search.SearchJson;
import org.gongkai.search.SearchService;

/** The whole document {@code /d/{docId}}, its original file and {@code /api/documents/{docId}}. */
final class DocumentController {

  private final IndexStore store;
  private final SearchService search;
  private final ObjectMapper mapper;
  private final Pages pages;

  DocumentController(IndexStore store, SearchService search, ObjectMapper mapper, Pages pages) {
    this.store = store;
    this.search = search;
    this.mapper = mapper;
    this.pages = pages;
  }

  void page(Context ctx) throws IOException {
    Optional<IndexedDocument> found = find(ctx);
    if (found.isEmpty()) return;
    IndexedDocument d = found.get();
    String docId = d.docId();
    String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q");
    String carry = SearchParams.from(ctx).carry();
    List<IndexedSection> headings = store.headings(docId);
    int pageCount = Math.max(1, (headings.size() + PAGE_SECTIONS - 1) / PAGE_SECTIONS);
    int page = pageParam(ctx, pageCount);
    List<Views.TocEntry> toc = new ArrayList<>();
    String here = "/d/" + docId;
    for (IndexedSection h : headings) {
      // the contents list the whole report; a section on another page links there
      int on = h.ordinal() / PAGE_SECTIONS + 1;
      String pageQuery = on == page ? "" : (carry.isEmpty() ? "?" : carry + "&") + "page=" + on;
      toc.add(
          new Views.TocEntry(
              h.id(), h.level(), h.heading(), (on == page ? "" : here + pageQuery) + "#" + h.id()));
    }
    List<Views.SectionBlock> blocks = new ArrayList<>();
    boolean hitSeen = false;
    SearchService.TextMarker marker = search.marker(q); // the query is read once for all sections
    // one page of sections at a time: a report of tens of thousands of sections is never rendered
    // whole
    for (IndexedSection s : store.sections(docId, (page - 1) * PAGE_SECTIONS, PAGE_SECTIONS)) {
      String heading = marker.html(s.heading());
      String text = s.body();
      boolean cut = text.length() > MAX_SECTION_CHARS;
      String body = marker.html(cut ? text.substring(0, MAX_SECTION_CHARS) : text);
      if (cut) body += "\n…";
      // only the document's first hit keeps id="hit", so #hit scrolls to it
      if (hitSeen) heading = heading.replace("<mark id=\"hit\">", "<mark>");
      hitSeen |= heading.contains("id=\"hit\"");
      if (hitSeen && !heading.contains("id=\"hit\""))
        body = body.replace("<mark id=\"hit\">", "<mark>");
      hitSeen |= body.contains("id=\"hit\"");
      blocks.add(
          new Views.SectionBlock(
              s.id(), s.level(), heading, body, "/s/" + s.id() + carry, s.category()));
    }
    boolean available = d.files().stream().anyMatch(f -> Files.isRegularFile(Path.of(f)));
    var view =
        new Views.DocumentPage(
            d.docId(),
            d.title(),
            d.issuer(),
            d.department(),
            SearchController.regionLabel(d.region()),
            d.regionNote(),
            d.year(),
            d.kind(),
            d.sha256(),
            SectionController.DATE.format(d.indexedAt()),
            d.files(),
            available ? "/d/" + d.docId() + "/file" : null,
            toc,
            blocks,
            q,
            indicatorLines(docId),
            flagLines(docId, SearchParams.locale(ctx)),
            page,
            pageCount,
            page > 1 ? here + pageLink(carry, page - 1) : null,
            page < pageCount ? here + pageLink(carry, page + 1) : null);
    pages.render(
        ctx,
        "document",
        Map.of("view", view),
        d.title() == null ? d.docId() : d.title(),
        "/d/" + d.docId() + (SearchParams.isEnglish(ctx) ? "" : "?lang=en"));
  }

  /**
   * Sections shown on one page of a document, and the most of one section's text shown there (its
   * own page shows all).
   */
  static final int PAGE_SECTIONS = 100;

  static final int MAX_SECTION_CHARS = 100_000;

  private static int pageParam(Context ctx, int pages) {
    try {
      int p = Integer.parseInt(ctx.queryParam("page") == null ? "1" : ctx.queryParam("page"));
      return Math.max(1, Math.min(pages, p));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private static String pageLink(String carry, int page) {
    return (carry.isEmpty() ? "?" : carry + "&") + "page=" + page;
  }

  private List<Views.IndicatorLine> indicatorLines(String docId) throws IOException {
    List<Views.IndicatorLine> out = new ArrayList<>();
    for (IndicatorValue v : store.indicators(docId)) {
      if (!v.headline()) continue;
      out.add(
          new Views.IndicatorLine(
              v.name(),
              IndicatorController.number(v.comparable()),
              v.valueWan() != null ? "万元" : v.unit(),
              v.role().label(),
              v.asWritten(),
              IndicatorController.sourceHref(v),
              "/indicators?name=" + v.indicator()));
    }
    return out;
  }

  private List<Views.FlagLine> flagLines(String docId, Locale locale) throws IOException {
    List<Views.FlagLine> out = new ArrayList<>();
    for (IndicatorFlag f : store.flags(docId)) {
      List<Views.Link> sources = new ArrayList<>();
      for (IndicatorValue v : f.sources())
        sources.add(
            new Views.Link(v.name() + " " + v.asWritten(), IndicatorController.sourceHref(v)));
      out.add(new Views.FlagLine(pages.wording().flag(locale, f), sources));
    }
    return out;
  }

  /**
   * The original file, as it was indexed (the first of its paths that still has the same bytes).
   */
  void file(Context ctx) throws IOException {
    Optional<IndexedDocument> found = find(ctx);
    if (found.isEmpty()) return;
    Optional<Path> file = original(found.get());
    if (file.isEmpty()) {
      pages.error(ctx, 404, "error.file", found.get().docId());
      return;
    }
    String name = file.get().getFileName().toString();
    String type = Files.probeContentType(file.get());
    boolean pdf = name.toLowerCase(Locale.ROOT).endsWith(".pdf");
    // a PDF opens in the browser (so #page=N goes to the page a citation names); other formats
    // download
    ctx.contentType(pdf ? "application/pdf" : type == null ? "application/octet-stream" : type);
    if (pdf) {
      // binary: no charset (the default content type's utf-8 would otherwise be appended)
      ctx.res().setCharacterEncoding(null);
      ctx.res().setContentType("application/pdf");
    }
    ctx.header(
        "Content-Disposition",
        (pdf ? "inline" : "attachment")
            + "; filename*=UTF-8''"
            + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
    InputStream in = Files.newInputStream(file.get());
    ctx.result(in);
  }

  void api(Context ctx) throws IOException {
    Optional<IndexedDocument> found = find(ctx);
    if (found.isEmpty()) return;
    IndexedDocument d = found.get();
    String docId = d.docId();
    ObjectNode o = mapper.createObjectNode();
    o.put("docId", d.docId());
    o.put("url", "/d/" + d.docId());
    o.put("title", d.title());
    o.put("issuer", d.issuer());
    o.put("department", d.department());
    o.put("kind", d.kind());
    if (d.year() == null) o.putNull("year");
    else o.put("year", d.year());
    o.set("region", SearchJson.region(mapper, d.region()));
    if (d.regionNote() != null) o.put("regionNote", d.regionNote());
    o.put("sha256", d.sha256());
    o.put("indexedAt", d.indexedAt().toString());
    d.files().forEach(o.putArray("files")::add);
    ArrayNode sections = o.putArray("sections");
    for (IndexedSection s : store.headings(docId)) {
      ObjectNode so = sections.addObject();
      so.put("id", s.id());
      so.put("path", s.path());
      so.put("level", s.level());
      so.put("heading", s.heading());
      so.put("category", s.category());
    }
    pages.json(ctx, 200, o);
  }

  /**
   * A path of the document whose file still holds the indexed bytes: a file changed since indexing
   * must not be served as the original the citation names.
   */
  private static Optional<Path> original(IndexedDocument d) {
    for (String f : d.files()) {
      Path p = Path.of(f);
      if (Files.isRegularFile(p) && d.sha256().equals(sha256(p))) return Optional.of(p);
    }
    return Optional.empty();
  }

  private static String sha256(Path p) {
    try (InputStream in = Files.newInputStream(p)) {
      var md = java.security.MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
      return java.util.HexFormat.of().formatHex(md.digest());
    } catch (IOException | java.security.NoSuchAlgorithmException e) {
      return null; // unreadable now: not servable
    }
  }

  /** The document named in the path, or empty after answering 404. */
  private Optional<IndexedDocument> find(Context ctx) throws IOException {
    String docId = ctx.pathParam("docId");
    Optional<IndexedDocument> found = store.document(docId);
    if (found.isEmpty()) pages.error(ctx, 404, "error.document", docId);
    return found;
  }
}
