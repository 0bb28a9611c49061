package org.gongkai.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gongkai.api.Html;
import org.gongkai.api.SectionJson;
import org.gongkai.api.TableCsv;
import org.gongkai.model.IndexedDocument;
import org.gongkai.model.IndexedSection;
import org.gongkai.model.IndicatorValue;
import org.gongkai.model.SectionReading;
import org.gongkai.search.ReadingService;

/** The section permalink {@code /s/{id}} and {@code /api/sections/{id}}. */
final class SectionController implements Routes {

  @Override
  public void register(Router on) {
    on.get("/s/{id}", this::page);
    on.get("/api/sections/{id}", this::api);
    on.get("/t/{file}", this::tableCsv);
  }

  private final ReadingService reading;
  private final SectionJson json;
  private final Pages pages;
  private final Links links;

  SectionController(ReadingService reading, SectionJson json, Pages pages) {
    this.reading = reading;
    this.json = json;
    this.pages = pages;
    this.links = pages.links();
  }

  void page(Context ctx) throws IOException {
    String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q");
    Optional<SectionReading> found = find(ctx, q, ctx.queryParam("mark"));
    if (found.isEmpty()) return;
    SectionReading r = found.get();
    IndexedSection s = r.section();
    IndexedDocument d = r.document();
    Locale locale = SearchParams.locale(ctx);
    Links.Carry carry = SearchParams.carry(ctx);
    // the citation's link is whole: the public URL, else the address this page was served at
    String cited = links.citedPermalink(s.id(), ctx);
    String permalink = cited == null ? links.permalink(s.id()) : cited;
    IndexedSection prev = r.previous(), next = r.next();
    // one page, one id="hit": the first mark, in the heading or else in the body
    Html.Writer html = new Html.Writer(true);
    String headingHtml = html.write(r.heading());
    String bodyHtml = html.write(r.body(), pages.shownTables(locale, s, reading.tables(s)));
    // the original page shown: the one holding the first hit, else the section's first
    int page =
        r.body().hasMarks()
            ? s.pages().at(s.bodyOffset() + r.body().marks().get(0).start())
            : s.pages().first();
    var view =
        new Views.SectionPage(
            s.id(),
            s.heading(),
            s.breadcrumb(),
            pages.wording().category(locale, s.category()),
            bodyHtml,
            d.title(),
            links.sectionInDocument(d.docId(), carry, s.id()),
            d.issuer(),
            Format.region(d.region()),
            d.year(),
            pages.wording().kind(locale, d.kind()),
            prev == null ? null : links.section(prev.id(), carry),
            prev == null ? null : prev.heading(),
            next == null ? null : links.section(next.id(), carry),
            next == null ? null : next.heading(),
            permalink,
            citation(locale, d, s, permalink) + measures(locale, d, s, ctx.queryParam("mark")),
            d.sha256(),
            Format.date(d.indexedAt()),
            q,
            Format.pages(d.ocrPages()),
            d.pageCount(),
            page,
            page > 0 && reading.drawsPages(d) ? links.originalPage(d.docId(), page) : null,
            page > 0 && reading.drawsPages(d)
                ? links.pageImage(d.docId(), page, marksOn(r, s, page))
                : null,
            pages.collectionName(d.collection()));
    pages.render(
        ctx,
        "section",
        // without --public-url the citation's link is made whole with the address served, checked
        // to
        // be a host and a port alone; when the request names none, it stays relative, said so
        Map.of("view", view, "headingHtml", headingHtml, "relativePermalink", cited == null),
        s.heading() + " · " + d.title(),
        links.otherLanguage(links.section(s.id()), carry));
  }

  /** The texts marked in the section's body on page {@code page}, to mark on its picture. */
  private static java.util.List<String> marksOn(SectionReading r, IndexedSection s, int page) {
    java.util.List<String> out = new java.util.ArrayList<>();
    var body = r.body();
    for (var m : body.marks()) {
      if (s.pages().at(s.bodyOffset() + m.start()) != page) continue;
      String t = body.text().substring(m.start(), m.end());
      if (!out.contains(t)) out.add(t);
    }
    return out;
  }

  void api(Context ctx) throws IOException {
    Optional<SectionReading> found = find(ctx, "", null);
    if (found.isEmpty()) return;
    IndexedSection s = found.get().section();
    pages.json(ctx, 200, json.section(s, found.get().document(), reading.tables(s)));
  }

  /**
   * A ready citation: issuer, title, year, section heading, permalink, file SHA-256, date indexed.
   */
  private String citation(Locale locale, IndexedDocument d, IndexedSection s, String permalink) {
    String cited =
        pages.text(
            locale,
            s.pages().known() ? "cite.formatPaged" : "cite.format",
            nz(d.issuer()),
            Format.inner(nz(d.title())),
            d.year() == null ? "?" : String.valueOf(d.year()),
            Format.inner(s.heading()),
            permalink,
            d.sha256(),
            Format.date(d.indexedAt()),
            s.pages().known() ? pagesCited(locale, d, s.pages().first(), s.pages().last()) : "");
    // a web page names the address it was saved from; a quote read by OCR says a number may be
    // misread
    if (d.sourceUrl() != null) cited += pages.text(locale, "cite.source", d.sourceUrl());
    return readByOcr(d, s) ? cited + pages.text(locale, "cite.ocr") : cited;
  }

  /**
   * What a citation must add of the figure its link marks ({@code ?mark=START-END}): that Gongkai
   * computed it, and how (the report states no such amount), or that it holds last year's
   * carry-over, unseparated — so that a quote never passes either off as a year's amount the report
   * wrote.
   */
  private String measures(Locale locale, IndexedDocument d, IndexedSection s, String mark)
      throws IOException {
    if (mark == null || !mark.matches("\\d{1,9}-\\d{1,9}")) return "";
    String[] at = mark.split("-");
    StringBuilder out = new StringBuilder();
    for (IndicatorValue v :
        reading.figuresAt(d.docId(), s.id(), Integer.parseInt(at[0]), Integer.parseInt(at[1]))) {
      String figure = pages.wording().figure(locale, v.indicator()) + " " + Format.value(v);
      String unit = pages.wording().unit(locale, Format.unit(v));
      if (v.derivation() != null)
        out.append(pages.text(locale, "cite.derived", figure, unit, v.derivation()));
      if (v.includesCarryOver()) out.append(pages.text(locale, "cite.carry", figure, unit));
    }
    return out.toString();
  }

  /**
   * The pages a citation names: those the report prints ({@code 第28–29页}) with the PDF's own index
   * beside them where they differ ({@code （PDF第30–31页）}), else the PDF's.
   */
  private String pagesCited(Locale locale, IndexedDocument d, int first, int last) {
    String pdf = Format.pageRange(first, last);
    int a = d.printedPage(first), b = d.printedPage(last);
    if (a <= 0 || b <= 0 || a == first && b == last) return pages.text(locale, "cite.pages", pdf);
    return pages.text(locale, "cite.pagesPrinted", Format.pageRange(a, b), pdf);
  }

  /** Whether any page the section lies on was read by OCR. */
  private static boolean readByOcr(IndexedDocument d, IndexedSection s) {
    if (!d.ocr()) return false;
    if (!s.pages().known()) return true;
    for (int p = s.pages().first(); p <= s.pages().last(); p++)
      if (d.ocrPages().contains(p)) return true;
    return false;
  }

  /** {@code /t/{tableId}.csv}: one table as CSV, every row as wide as the widest. */
  void tableCsv(Context ctx) throws IOException {
    String file = ctx.pathParam("file");
    String id = file.endsWith(".csv") ? file.substring(0, file.length() - 4) : "";
    Optional<ReadingService.SectionTable> found = reading.table(id);
    if (found.isEmpty()) {
      pages.error(ctx, 404, "error.table", file);
      return;
    }
    ctx.contentType("text/csv; charset=utf-8");
    ctx.header("Content-Disposition", "attachment; filename=\"" + id + ".csv\"");
    ctx.result(TableCsv.of(found.get().table()));
  }

  /** The section named in the path, or empty after answering 404. */
  private Optional<SectionReading> find(Context ctx, String q, String mark) throws IOException {
    String id = ctx.pathParam("id");
    Optional<SectionReading> found = reading.section(id, q, mark);
    if (found.isEmpty()) {
      int dash = id.indexOf('-');
      Optional<String> moved =
          dash < 0
              ? Optional.empty()
              : reading.mergedInto(id.substring(0, dash), id.substring(dash + 1));
      if (moved.isPresent() && !ctx.path().startsWith("/api/")) pages.moved(ctx, moved.get());
      else pages.error(ctx, 404, "error.section", id);
    }
    return found;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
