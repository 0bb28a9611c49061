package org.gongkai.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gongkai.api.Html;
import org.gongkai.api.SectionJson;
import org.gongkai.extract.PageImages;
import org.gongkai.model.DocumentReading;
import org.gongkai.model.IndexedDocument;
import org.gongkai.model.IndexedSection;
import org.gongkai.model.IndicatorFlag;
import org.gongkai.model.IndicatorValue;
import org.gongkai.search.ReadingService;

/** The whole document {@code /d/{docId}}, its original file and {@code /api/documents/{docId}}. */
final class DocumentController implements Routes {

  @Override
  public void register(Router on) {
    on.get("/d/{docId}", this::page);
    on.get("/d/{docId}/file", this::file);
    on.get("/d/{docId}/page/{file}", this::pageImage);
    on.get("/api/documents/{docId}", this::api);
    on.get("/api/documents/{docId}/tables", this::tables);
  }

  private final ReadingService reading;
  private final SectionJson json;
  private final org.gongkai.api.FlagJson flagJson;
  private final Pages pages;
  private final Links links;
  private final CoverageViews coverage;

  DocumentController(
      ReadingService reading, SectionJson json, org.gongkai.api.FlagJson flagJson, Pages pages) {
    this.reading = reading;
    this.json = json;
    this.flagJson = flagJson;
    this.pages = pages;
    this.links = pages.links();
    this.coverage = new CoverageViews(pages);
  }

  void page(Context ctx) throws IOException {
    String docId = ctx.pathParam("docId");
    String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q");
    int asked = SearchParams.intParam(ctx.queryParam("page"), 1);
    Optional<DocumentReading> found = reading.document(docId, q, asked);
    if (found.isEmpty()) {
      Optional<String> moved = reading.mergedInto(docId, null);
      if (moved.isPresent()) pages.moved(ctx, moved.get());
      else pages.error(ctx, 404, "error.document", docId);
      return;
    }
    DocumentReading r = found.get();
    IndexedDocument d = r.document();
    Locale locale = SearchParams.locale(ctx);
    Links.Carry carry = SearchParams.carry(ctx);
    int page = r.page();
    // the contents list the whole report; a section on another page links there
    List<Views.TocEntry> toc = new ArrayList<>();
    for (IndexedSection h : r.headings()) {
      int on = r.pageOf(h.ordinal());
      toc.add(
          new Views.TocEntry(
              h.id(),
              h.level(),
              h.heading(),
              links.inDocument(d.docId(), carry, on, page, h.id())));
    }
    // one page, one id="hit": the first mark of the page, so #hit scrolls to it
    Html.Writer html = new Html.Writer(true);
    List<Views.SectionBlock> blocks = new ArrayList<>();
    for (DocumentReading.Shown s : r.sections()) {
      String heading = html.write(s.heading());
      String body =
          html.write(s.body(), pages.shownTables(locale, s.section(), reading.tables(s.section())))
              + (s.cut() ? "\n…" : "");
      IndexedSection section = s.section();
      blocks.add(
          new Views.SectionBlock(
              section.id(),
              section.level(),
              heading,
              body,
              links.section(section.id(), carry),
              pages.wording().category(locale, section.category())));
    }
    var view =
        new Views.DocumentPage(
            d.docId(),
            d.title(),
            d.issuer(),
            pages.wording().department(locale, d.department()),
            Format.region(d.region()),
            d.regionNote(),
            d.year(),
            pages.wording().kind(locale, d.kind()),
            d.sha256(),
            Format.date(d.indexedAt()),
            fileLines(d),
            r.originalAvailable() ? links.originalFile(d.docId()) : null,
            toc,
            blocks,
            q,
            indicatorLines(r.headlines(), locale),
            flagLines(
                r.flags().stream().filter(f -> !f.check().equals("completeness")).toList(),
                r.headings(),
                d,
                r.originalAvailable(),
                locale),
            page,
            r.pages(),
            page > 1 ? links.documentPage(d.docId(), carry, page - 1) : null,
            page < r.pages() ? links.documentPage(d.docId(), carry, page + 1) : null,
            Format.pages(d.ocrPages()),
            d.pageCount(),
            completenessView(reading.completeness(d), locale),
            d.issuer() == null ? null : links.issuer(d.issuer(), carry.english()),
            relatedLines(d, carry),
            d.report() ? null : pages.wording().pageRole(locale, d.role().code()),
            listedLines(reading.listed(d), carry),
            Links.outward(d.sourceUrl()),
            pages.collectionName(d.collection()),
            coverage.units(reading.units(d), r.headings(), carry, locale),
            coverage.purchases(reading.purchases(d), r.headings(), carry, locale));
    pages.render(
        ctx,
        "document",
        Map.of("view", view),
        d.title() == null ? d.docId() : d.title(),
        links.otherLanguage(links.document(d.docId()), carry));
  }

  /**
   * The files of a report, each once: a file with the same bytes as one listed before it (the same
   * file reached through two folders or archives) is named under it, not listed again.
   */
  private List<Views.FileLine> fileLines(IndexedDocument d) throws IOException {
    List<org.gongkai.model.FileRef> files = reading.files(d);
    List<Views.FileLine> out = new ArrayList<>();
    java.util.Map<String, List<String>> same = new java.util.HashMap<>();
    for (int i = 0; i < files.size(); i++) {
      org.gongkai.model.FileRef f = files.get(i);
      List<String> before = f.sha256() == null ? null : same.get(f.sha256());
      if (before != null) {
        before.add(f.name());
        continue;
      }
      List<String> copies = new ArrayList<>();
      if (f.sha256() != null) same.put(f.sha256(), copies);
      out.add(
          new Views.FileLine(
              f.name(),
              f.format(),
              links.file(d.docId(), i + 1, files.size()),
              d.sha256().equals(f.sha256()),
              copies));
    }
    return out;
  }

  private List<Views.RelatedLine> relatedLines(IndexedDocument d, Links.Carry carry)
      throws IOException {
    List<Views.RelatedLine> out = new ArrayList<>();
    for (ReadingService.Related r : reading.related(d)) {
      IndexedDocument o = r.document();
      out.add(
          new Views.RelatedLine(
              o.title() == null ? o.docId() : o.title(),
              links.document(o.docId(), carry),
              o.issuer(),
              o.year(),
              Math.round(r.overlap() * 100) + "%"));
    }
    return out;
  }

  private List<Views.IndicatorLine> indicatorLines(List<IndicatorValue> figures, Locale locale) {
    List<Views.IndicatorLine> out = new ArrayList<>();
    java.util.Map<String, List<IndicatorValue>> undecided = new java.util.LinkedHashMap<>();
    for (IndicatorValue v : figures) {
      if (v.candidate()) {
        undecided.computeIfAbsent(v.indicator(), k -> new ArrayList<>()).add(v);
        continue;
      }
      out.add(
          new Views.IndicatorLine(
              pages.wording().figure(locale, v.indicator()),
              Format.value(v),
              pages.wording().unit(locale, Format.unit(v)),
              pages.wording().role(locale, v.role()),
              v.asWritten(),
              links.figure(v, english(locale)),
              links.indicators(v.indicator(), english(locale)),
              pages.wording().shownScope(locale, v),
              v.verified(),
              pages.wording().verification(locale, v.by()),
              List.of(),
              v.derivation(),
              v.includesCarryOver()));
    }
    for (var e : undecided.entrySet()) {
      IndicatorValue first = e.getValue().get(0);
      List<Views.Candidate> candidates = new ArrayList<>();
      for (IndicatorValue c : e.getValue())
        candidates.add(Views.Candidate.of(c, links.figure(c, english(locale))));
      out.add(
          new Views.IndicatorLine(
              pages.wording().figure(locale, e.getKey()),
              null,
              null,
              pages.wording().role(locale, first.role()),
              null,
              null,
              links.indicators(e.getKey(), english(locale)),
              null,
              false,
              "",
              candidates,
              null,
              false));
    }
    return out;
  }

  /** The standard tables and what the report does with each; null for a report of another kind. */
  private Views.CompletenessView completenessView(org.gongkai.model.Completeness c, Locale locale) {
    if (c.tables().isEmpty()) return null;
    List<Views.TableState> tables = new ArrayList<>();
    for (org.gongkai.model.Completeness.Entry e : c.tables())
      tables.add(
          new Views.TableState(
              e.number(),
              pages.wording().table(locale, e.name()),
              e.state().key(),
              pages.text(locale, "completeness." + e.state().key())));
    int found = c.tables().size() - c.in(org.gongkai.model.Completeness.State.MISSING).size();
    String summary =
        c.followsStandardSet()
            ? pages.text(
                locale,
                "completeness.summary",
                c.tables().size(),
                c.in(org.gongkai.model.Completeness.State.PRESENT).size(),
                c.in(org.gongkai.model.Completeness.State.EMPTY).size(),
                c.in(org.gongkai.model.Completeness.State.NAMED).size(),
                c.in(org.gongkai.model.Completeness.State.MISSING).size())
            : pages.text(locale, "completeness.otherSet", c.tables().size(), found);
    return new Views.CompletenessView(summary, tables);
  }

  private List<Views.FlagLine> flagLines(
      List<IndicatorFlag> flags,
      List<IndexedSection> outline,
      IndexedDocument d,
      boolean original,
      Locale locale) {
    List<Views.FlagLine> out = new ArrayList<>();
    for (IndicatorFlag f : flags) {
      List<Views.Link> sources = new ArrayList<>();
      List<Views.FlagSide> sides = new ArrayList<>();
      for (IndicatorValue v : f.sources()) {
        String label = pages.wording().figure(locale, v.indicator()) + " " + v.asWritten();
        sources.add(new Views.Link(label, links.figure(v, english(locale))));
        int page =
            IndexedSection.holding(outline, v.start()).map(s -> s.pageAt(v.start())).orElse(0);
        sides.add(
            side(
                label + " · " + pages.wording().role(locale, v.role()),
                pages.wording().scope(locale, v.scope(), v.indicator()),
                page,
                links.figure(v, english(locale)),
                d,
                original,
                locale));
      }
      for (org.gongkai.model.Quote q : f.quotes()) {
        var in = IndexedSection.holding(outline, q.start());
        int page = in.map(s -> s.pageAt(q.start())).orElse(0);
        String href =
            in.map(s -> links.passage(s.id(), q.start(), q.end(), english(locale)))
                .orElse(links.document(d.docId(), english(locale)));
        sides.add(side("“" + q.text() + "”", null, page, href, d, original, locale));
      }
      out.add(
          new Views.FlagLine(
              pages.wording().flag(locale, f),
              f.severity().name().toLowerCase(Locale.ROOT),
              pages.wording().severity(locale, f.severity()),
              f.family().map(c -> pages.wording().check(locale, c.label())).orElse(null),
              sources,
              sides,
              evidence(f, locale),
              org.gongkai.api.Wording.details(f)));
    }
    return out;
  }

  /**
   * Why a flag trusts its read, worded: the sums that hold in the same table, the identities that
   * confirm a side ({@code 330.00: balance} → {@code 330.00：收入总计等于支出总计}); null when none.
   */
  private String evidence(org.gongkai.model.IndicatorFlag f, Locale locale) {
    if (f.evidence().isEmpty()) return null;
    List<String> worded = new ArrayList<>();
    for (String e : f.evidence()) {
      int colon = e.lastIndexOf(": ");
      if (colon < 0) {
        worded.add(e);
        continue;
      }
      List<String> by = List.of(e.substring(colon + 2).split(", "));
      worded.add(e.substring(0, colon) + "：" + pages.wording().verification(locale, by));
    }
    return pages.text(locale, "document.flagEvidence", String.join("；", worded));
  }

  private Views.FlagSide side(
      String label,
      String scope,
      int page,
      String href,
      IndexedDocument d,
      boolean original,
      Locale locale) {
    String pageText = page > 0 ? pages.text(locale, "document.flagQuote", page) : null;
    String pageHref = page > 0 && original ? links.originalPage(d.docId(), page) : null;
    return new Views.FlagSide(label, scope, pageText, href, pageHref);
  }

  /**
   * What the first bytes of {@code in} say it is: {@code application/pdf} ({@code %PDF-}), {@code
   * text/html} (a web page's opening tags), or null; the stream is left where it was.
   */
  static String sniff(InputStream in) throws IOException {
    in.mark(2048);
    byte[] head = in.readNBytes(2048);
    in.reset();
    String start = new String(head, StandardCharsets.ISO_8859_1);
    int at = 0;
    // a byte-order mark and white space may come before either
    if (start.startsWith("\u00ef\u00bb\u00bf")) at = 3;
    while (at < start.length() && Character.isWhitespace(start.charAt(at))) at++;
    String rest = start.substring(at);
    if (rest.startsWith("%PDF-") || start.indexOf("%PDF-") >= 0 && start.indexOf("%PDF-") < 1024)
      return "application/pdf";
    String lower = rest.toLowerCase(Locale.ROOT);
    if (lower.startsWith("<!doctype html")
        || lower.startsWith("<html")
        || lower.startsWith("<head")
        || lower.startsWith("<!--") && lower.contains("<html")
        || lower.startsWith("<?xml") && lower.contains("<html")) return "text/html";
    return null;
  }

  /**
   * The original file, as it was indexed (the first of its paths that still has the same bytes).
   */
  void file(Context ctx) throws IOException {
    Optional<IndexedDocument> found = find(ctx);
    if (found.isEmpty()) return;
    int n = SearchParams.intParam(ctx.queryParam("n"), 1);
    Optional<ReadingService.Original> file = reading.file(found.get(), n);
    if (file.isEmpty()) {
      pages.error(ctx, 404, "error.file", found.get().docId());
      return;
    }
    String name = file.get().name();
    InputStream in = new java.io.BufferedInputStream(file.get().open());
    // the type of what the file is, not of its name: a crawler saves web pages as .pdf too
    String sniffed = sniff(in);
    String type = java.net.URLConnection.guessContentTypeFromName(name);
    boolean pdf = "application/pdf".equals(sniffed);
    if ("text/html".equals(sniffed) && !"text/html".equals(type)) {
      type = "text/html";
      name = name + ".html";
    } else if (!pdf && "application/pdf".equals(type)) {
      type = null; // named .pdf, and no PDF: served as bytes
    }
    // a PDF opens in the browser (so #page=N goes to the page a citation names); others download
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
            + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
    ctx.result(in);
  }

  void api(Context ctx) throws IOException {
    Optional<IndexedDocument> found = find(ctx);
    if (found.isEmpty()) return;
    IndexedDocument d = found.get();
    List<IndexedSection> outline = reading.outline(d.docId());
    var o = json.document(d, outline, reading.completeness(d));
    // every flag with both its sides placed: page, section, permalink, and a figure's scope
    o.set("flags", flagJson.flags(reading.flags(d.docId()), outline, SearchParams.locale(ctx)));
    json.files(o, d.docId(), reading.files(d));
    json.related(
        o,
        reading.related(d).stream()
            .map(r -> java.util.Map.entry(r.document(), r.overlap()))
            .toList());
    // what the file is (a report, or a list, a news item … of a crawl), and what a page lists
    o.put("role", d.role().code());
    if (!d.report()) o.set("listed", json.listed(listed(d)));
    o.put("collection", json.collection(d));
    // the budget units it covers, and the section saying so
    org.gongkai.model.UnitReading units = reading.units(d);
    int at =
        units.start() >= 0
            ? units.start()
            : units.staff().isEmpty() ? -1 : units.staff().get(0).start();
    String unitsHref =
        at < 0
            ? null
            : IndexedSection.holding(outline, at)
                .map(s -> links.section(s.id(), SearchParams.carry(ctx)))
                .orElse(null);
    o.set("units", json.units(units, unitsHref));
    org.gongkai.model.PurchaseReading purchases = reading.purchases(d);
    String purchasesHref =
        purchases.tables().isEmpty()
            ? null
            : IndexedSection.holding(outline, purchases.tables().get(0).start())
                .map(s -> links.section(s.id(), SearchParams.carry(ctx)))
                .orElse(null);
    o.set("purchases", json.purchases(purchases, purchasesHref));
    pages.json(ctx, 200, o);
  }

  /** The entries a page lists, as the page shows them: each with the report held for it. */
  private List<Views.ListedLine> listedLines(
      List<org.gongkai.search.ReadingService.Listed> listed, Links.Carry carry) {
    List<Views.ListedLine> out = new ArrayList<>();
    for (var l : listed) {
      var e = l.entry();
      out.add(
          new Views.ListedLine(
              e.title(),
              e.date(),
              Links.outward(e.href()),
              e.namesAReport(),
              l.held() == null ? null : l.held().title(),
              l.held() == null ? null : links.document(l.held().docId(), carry)));
    }
    return out;
  }

  /** The entries a page lists, each with the report the collection holds for it (if any). */
  private List<java.util.Map.Entry<org.gongkai.model.ListedEntry, Optional<IndexedDocument>>>
      listed(IndexedDocument d) throws IOException {
    return reading.listed(d).stream()
        .map(l -> java.util.Map.entry(l.entry(), Optional.ofNullable(l.held())))
        .toList();
  }

  /** {@code /api/documents/{docId}/tables}: every table of the document, in order. */
  void tables(Context ctx) throws IOException {
    String docId = ctx.pathParam("docId");
    var found = reading.documentTables(docId);
    if (found.isEmpty()) {
      pages.error(ctx, 404, "error.document", docId);
      return;
    }
    var tables = new java.util.ArrayList<com.fasterxml.jackson.databind.node.ObjectNode>();
    for (var t : found.get()) tables.add(json.table(t.table(), t.page(), t.section().id()));
    pages.json(ctx, 200, json.tables(docId, tables));
  }

  /** What no cache may keep: a private collection's, or a signed-in user's, answers. */
  static final String PRIVATE = "private, no-store";

  private static final java.util.regex.Pattern PAGE_PNG =
      java.util.regex.Pattern.compile("([1-9][0-9]{0,5})\\.png");

  /**
   * {@code /d/{docId}/page/{n}.png}: a picture of page n of the original PDF. The document id is
   * its content's hash, so a public report's picture never changes and may be cached for good; a
   * private collection's is kept by no cache.
   */
  void pageImage(Context ctx) throws IOException {
    Optional<IndexedDocument> found = find(ctx);
    if (found.isEmpty()) return;
    var m = PAGE_PNG.matcher(ctx.pathParam("file"));
    if (!m.matches()) {
      pages.error(ctx, 404, "error.page", ctx.pathParam("file"), found.get().docId());
      return;
    }
    int n = Integer.parseInt(m.group(1));
    // hl: texts to mark on the page (a search's hits, a figure as written)
    PageImages.Result r = reading.pageImage(found.get(), n, ctx.queryParams("hl"));
    if (r instanceof PageImages.Png png) {
      ctx.res().setCharacterEncoding(null);
      ctx.res().setContentType("image/png");
      ctx.header(
          "Cache-Control",
          found.get().isPrivate() ? PRIVATE : "public, max-age=31536000, immutable");
      ctx.result(png.bytes());
    } else if (r instanceof PageImages.Failed failed) {
      pages.error(ctx, 422, "error.pageRender", n, failed.reason());
    } else {
      pages.error(ctx, 404, "error.page", n, found.get().docId());
    }
  }

  private Optional<IndexedDocument> find(Context ctx) throws IOException {
    String docId = ctx.pathParam("docId");
    Optional<IndexedDocument> found = reading.documentRecord(docId);
    if (found.isEmpty()) pages.error(ctx, 404, "error.document", docId);
    return found;
  }

  private static boolean english(Locale locale) {
    return "en".equals(locale.getLanguage());
  }
}
