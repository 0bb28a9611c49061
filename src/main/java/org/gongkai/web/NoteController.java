package org.gongkai.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gongkai.api.CsvCells;
import org.gongkai.model.IndexedDocument;
import org.gongkai.model.Visibility;
import org.gongkai.search.ReadingService;
import org.gongkai.search.Searches;
import org.gongkai.workspace.Notes;
import org.gongkai.workspace.User;
import org.gongkai.workspace.Workspace;
import org.gongkai.workspace.WorkspaceException;

/**
 * Notes on passages and tags on reports, for signed-in users (thin: they are {@link Notes}'): a
 * note is left on a section's page on the passage selected (its author's, or shared with whoever
 * may read the report), shows beside the section, on the report's page and in {@code /notes}
 * (searched by its words or its passage, exported as CSV or JSON with permalinks that mark the
 * passage); tags are put on a report's page or on the reports ticked in a result list, and narrow a
 * search ({@code tag=…}, and {@code noted=1} for reports with notes). Only notes on reports the
 * request may read are ever shown: the index's mask decides.
 */
final class NoteController implements Routes {

  @Override
  public void register(Router on) {
    on.post("/s/{id}/notes", this::add);
    on.post("/notes/{id}/delete", this::delete);
    on.get("/notes", this::list);
    on.post("/d/{docId}/tags", this::tag);
    on.post("/d/{docId}/tags/delete", this::untag);
    on.post("/tags", this::bulkTag);
  }

  /** One note as pages show it. */
  record NoteView(
      long id,
      String author,
      String quote,
      String body,
      boolean shared,
      boolean own,
      String when,
      String href,
      String docTitle,
      String permalink,
      String collection) {}

  /** What a section's or a report's page shows of notes and tags. */
  record Here(String docId, String sectionId, List<NoteView> notes, List<String> tags) {}

  static final int LIST = 500;

  /** The most tags a result list offers to narrow to (those on the most reports first). */
  static final int TAGS_OFFERED = 20;

  /**
   * A way to narrow a result list the workspace adds beside its facets: to reports with notes, or
   * with one tag; how many sections it would leave, its address (on: the address without it).
   */
  record Narrowing(String label, boolean tag, long count, String href, boolean on) {}

  private final Workspace workspace;
  private final AccountController accounts;
  private final ReadingService reading;
  private final Pages pages;
  private final Links links;
  private final ObjectMapper mapper;
  private final Searches search;

  NoteController(
      Workspace workspace,
      AccountController accounts,
      Searches search,
      ReadingService reading,
      Pages pages,
      Links links,
      ObjectMapper mapper) {
    this.workspace = workspace;
    this.accounts = accounts;
    this.search = search;
    this.reading = reading;
    this.pages = pages;
    this.links = links;
    this.mapper = mapper;
  }

  private Optional<User> user(Context ctx, String back) {
    Optional<User> u = accounts.current(ctx);
    if (u.isEmpty()) ctx.redirect(links.login(back), HttpStatus.SEE_OTHER);
    return u;
  }

  /** A note on a passage of the section of the path. */
  void add(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    Optional<User> u = user(ctx, links.section(id));
    if (u.isEmpty()) return;
    var section = reading.section(id, "", null);
    if (section.isEmpty()) {
      pages.error(ctx, 404, "error.section", id);
      return;
    }
    try {
      workspace
          .notes()
          .add(
              u.get(),
              section.get().document().docId(),
              id,
              ctx.formParam("quote"),
              ctx.formParam("body"),
              "shared".equals(ctx.formParam("visibility")),
              Instant.now());
    } catch (WorkspaceException e) {
      pages.error(ctx, 400, "notes.refused", e.getMessage());
      return;
    }
    ctx.redirect(links.section(id, SearchParams.isEnglish(ctx)) + "#notes", HttpStatus.SEE_OTHER);
  }

  void delete(Context ctx) throws IOException {
    Optional<User> u = user(ctx, links.notes("", false));
    if (u.isEmpty()) return;
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      id = -1;
    }
    Optional<Notes.Note> n = workspace.notes().find(id);
    // a note on a report the user may not read is not there for them
    if (n.isEmpty()
        || reading.documentRecord(n.get().docId()).isEmpty()
        || !workspace.notes().delete(u.get(), id, ctx.ip())) {
      pages.error(ctx, 404, "error.notFound", ctx.path());
      return;
    }
    ctx.redirect(
        links.section(n.get().sectionId(), SearchParams.isEnglish(ctx)) + "#notes",
        HttpStatus.SEE_OTHER);
  }

  /** {@code /notes}: the notes one may read, searched by {@code q}; as CSV or JSON with format. */
  void list(Context ctx) throws IOException {
    Optional<User> u = user(ctx, links.notes("", false));
    if (u.isEmpty()) return;
    String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
    List<NoteView> notes = readable(ctx, u.get(), q, null);
    String format = ctx.queryParam("format");
    if ("csv".equals(format)) {
      StringBuilder sb =
          new StringBuilder(
              "\uFEFFid,author,shared,created,report,quote,note,permalink,collection\r\n");
      for (NoteView n : notes)
        sb.append(
                String.join(
                    ",",
                    List.of(
                        Long.toString(n.id()),
                        cell(n.author()),
                        Boolean.toString(n.shared()),
                        n.when(),
                        cell(n.docTitle()),
                        cell(n.quote()),
                        cell(n.body()),
                        cell(n.permalink()),
                        n.collection() == null ? "" : cell(n.collection()))))
            .append("\r\n");
      ctx.contentType("text/csv; charset=utf-8")
          .header("Content-Disposition", "attachment; filename=\"notes.csv\"")
          .result(sb.toString());
      return;
    }
    if ("json".equals(format)) {
      List<Map<String, Object>> out = new ArrayList<>();
      for (NoteView n : notes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", n.id());
        m.put("author", n.author());
        m.put("shared", n.shared());
        m.put("created", n.when());
        m.put("report", n.docTitle());
        m.put("quote", n.quote());
        m.put("note", n.body());
        m.put("permalink", n.permalink());
        m.put("collection", n.collection());
        out.add(m);
      }
      Map<String, Object> all = new LinkedHashMap<>();
      all.put("query", q);
      all.put("notes", out);
      ctx.contentType("application/json; charset=utf-8").result(mapper.writeValueAsString(all));
      return;
    }
    if (format != null) throw new BadParameter("error.badFormat", format);
    Locale locale = SearchParams.locale(ctx);
    Map<String, Object> model = new HashMap<>();
    model.put("notes", notes);
    model.put("nq", q);
    String qs = q.isEmpty() ? "" : "q=" + Links.enc(q) + "&";
    model.put("csv", links.notes(qs + "format=csv", false));
    model.put("json", links.notes(qs + "format=json", false));
    List<Map<String, Object>> tags = new ArrayList<>();
    for (var t : workspace.notes().tagged().entrySet()) {
      long n = 0;
      for (String d : t.getValue()) if (reading.documentRecord(d).isPresent()) n++;
      if (n == 0) continue;
      tags.add(
          Map.of(
              "tag",
              t.getKey(),
              "count",
              n,
              "href",
              links.tagged(t.getKey(), SearchParams.isEnglish(ctx))));
    }
    model.put("tags", tags);
    model.put("noted", links.noted(SearchParams.isEnglish(ctx)));
    pages.render(
        ctx,
        "notes",
        model,
        pages.text(locale, "notes.title"),
        links.notes("", !SearchParams.isEnglish(ctx)));
  }

  /** The notes {@code user} may read (on reports the request may read), of one report or all. */
  private List<NoteView> readable(Context ctx, User user, String q, String docId)
      throws IOException {
    List<NoteView> out = new ArrayList<>();
    Map<String, Optional<IndexedDocument>> docs = new HashMap<>();
    java.util.function.Function<String, Optional<IndexedDocument>> record =
        id ->
            docs.computeIfAbsent(
                id,
                k -> {
                  try {
                    return reading.documentRecord(k);
                  } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                  }
                });
    for (Notes.Note n :
        workspace.notes().readable(user, q, docId, LIST, id -> record.apply(id).isPresent())) {
      Optional<IndexedDocument> d = record.apply(n.docId());
      if (d.isEmpty()) continue;
      String href = links.notePassage(n.sectionId(), n.quote());
      out.add(
          new NoteView(
              n.id(),
              n.author(),
              n.quote(),
              n.body(),
              n.shared(),
              n.authorId() == user.id(),
              Format.date(n.createdAt()),
              Links.localized(href, SearchParams.isEnglish(ctx)),
              d.get().title(),
              links.absolute(href, ctx),
              pages.collectionName(d.get().collection())));
    }
    return out;
  }

  /** What a section's page ({@code /s/{id}}) or a report's ({@code /d/{docId}}) shows. */
  Here here(Context ctx) {
    Optional<User> u = accounts.current(ctx);
    if (u.isEmpty()) return null;
    String path = ctx.path();
    try {
      if (path.startsWith("/s/") && path.indexOf('/', 3) < 0) {
        String id = path.substring(3);
        var s = reading.section(id, "", null);
        if (s.isEmpty()) return null;
        String docId = s.get().document().docId();
        List<NoteView> notes = new ArrayList<>();
        for (NoteView n : readable(ctx, u.get(), "", docId))
          if (n.href().startsWith(links.section(id) + "?")) notes.add(n);
        return new Here(docId, id, notes, workspace.notes().tags(docId));
      }
      if (path.startsWith("/d/") && path.indexOf('/', 3) < 0) {
        String docId = path.substring(3);
        if (reading.documentRecord(docId).isEmpty()) return null;
        return new Here(
            docId, null, readable(ctx, u.get(), "", docId), workspace.notes().tags(docId));
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return null;
  }

  /** Tags the report of the path. */
  void tag(Context ctx) throws IOException {
    tagDocuments(ctx, List.of(ctx.pathParam("docId")), links.document(ctx.pathParam("docId")));
  }

  /** Tags the reports ticked in a result list ({@code doc}, several), then back to the list. */
  void bulkTag(Context ctx) throws IOException {
    String back = ctx.formParam("back");
    // back to a page of this portal only
    if (back == null || !back.startsWith("/") || back.startsWith("//")) back = "/search";
    tagDocuments(ctx, ctx.formParams("doc"), back);
  }

  private void tagDocuments(Context ctx, List<String> docIds, String back) throws IOException {
    Optional<User> u = user(ctx, back);
    if (u.isEmpty()) return;
    Set<String> ids = new LinkedHashSet<>();
    for (String d : docIds) {
      // a report the user may not read is not there for them
      if (reading.documentRecord(d).isEmpty()) {
        pages.error(ctx, 404, "error.document", d);
        return;
      }
      ids.add(d);
    }
    if (ids.isEmpty()) {
      pages.error(ctx, 400, "tags.none");
      return;
    }
    try {
      workspace.notes().tag(u.get(), ids, ctx.formParam("tag"), ctx.ip());
    } catch (WorkspaceException e) {
      pages.error(ctx, 400, "notes.refused", e.getMessage());
      return;
    }
    ctx.redirect(back, HttpStatus.SEE_OTHER);
  }

  void untag(Context ctx) throws IOException {
    String docId = ctx.pathParam("docId");
    Optional<User> u = user(ctx, links.document(docId));
    if (u.isEmpty()) return;
    if (reading.documentRecord(docId).isEmpty()) {
      pages.error(ctx, 404, "error.document", docId);
      return;
    }
    try {
      workspace.notes().untag(u.get(), docId, ctx.formParam("tag"), ctx.ip());
    } catch (WorkspaceException e) {
      pages.error(ctx, 400, "notes.refused", e.getMessage());
      return;
    }
    ctx.redirect(links.document(docId, SearchParams.isEnglish(ctx)), HttpStatus.SEE_OTHER);
  }

  /**
   * The reports a request narrows to ({@code noted=1}: with a note the user may read; {@code
   * tag=…}: with that tag, several meaning all of them), or null when it narrows nothing.
   */
  Set<String> narrowed(Context ctx) {
    boolean noted = "1".equals(ctx.queryParam("noted"));
    List<String> tags = ctx.queryParams("tag");
    if (!noted && tags.isEmpty()) return null;
    Optional<User> u = accounts.current(ctx);
    if (u.isEmpty()) return Set.of();
    Set<String> only = noted ? workspace.notes().notedDocuments(u.get()) : null;
    Map<String, Set<String>> tagged = tags.isEmpty() ? Map.of() : workspace.notes().tagged();
    for (String t : tags) {
      Set<String> these = tagged.getOrDefault(t.strip(), Set.of());
      if (only == null) only = new java.util.HashSet<>(these);
      else only.retainAll(these);
    }
    return only;
  }

  /**
   * The narrowings a signed-in user's search page offers (reports with notes, each tag), each with
   * the number of the page's reports it leaves; those leaving none, and not on, are left out.
   */
  List<Narrowing> narrowings(Context ctx) throws IOException {
    Optional<User> u = accounts.current(ctx);
    if (u.isEmpty()) return List.of();
    var request = SearchParams.from(ctx, links).toRequest();
    Set<String> base = Visibility.only();
    List<Narrowing> out = new ArrayList<>();
    boolean notedOn = "1".equals(ctx.queryParam("noted"));
    out.add(
        new Narrowing(
            "notes",
            false,
            count(request, base, workspace.notes().notedDocuments(u.get())),
            toggled(ctx, "noted", "1", notedOn),
            notedOn));
    Set<String> tagsOn = new java.util.HashSet<>();
    for (String t : ctx.queryParams("tag")) tagsOn.add(t.strip());
    List<Map.Entry<String, Set<String>>> tags =
        new ArrayList<>(workspace.notes().tagged().entrySet());
    // the tags on the most reports first, the ones asked for always
    tags.sort(
        java.util.Comparator.<Map.Entry<String, Set<String>>>comparingInt(
                e -> tagsOn.contains(e.getKey()) ? 0 : 1)
            .thenComparing(e -> -e.getValue().size()));
    for (var t : tags.subList(0, Math.min(tags.size(), TAGS_OFFERED))) {
      boolean on = tagsOn.contains(t.getKey());
      out.add(
          new Narrowing(
              t.getKey(),
              true,
              count(request, base, t.getValue()),
              toggled(ctx, "tag", t.getKey(), on),
              on));
    }
    out.removeIf(n -> n.count() == 0 && !n.on());
    return out;
  }

  /** The reports the request finds among {@code docs} and those it is narrowed to already. */
  private long count(org.gongkai.model.SearchRequest request, Set<String> base, Set<String> docs)
      throws IOException {
    Set<String> only = new java.util.HashSet<>(docs);
    if (base != null) only.retainAll(base);
    if (only.isEmpty()) return 0;
    try {
      Visibility.only(only);
      // the label says reports: the reports the page's sections are in, not the sections
      return search.searchByReport(request).reports();
    } finally {
      Visibility.only(base);
    }
  }

  /** This page's address with {@code name=value} added (or taken off when {@code on}), page 1. */
  private static String toggled(Context ctx, String name, String value, boolean on) {
    StringBuilder sb = new StringBuilder(ctx.path());
    char sep = '?';
    for (var e : ctx.queryParamMap().entrySet()) {
      if (e.getKey().equals("page")) continue;
      for (String v : e.getValue()) {
        if (e.getKey().equals(name) && v.strip().equals(value)) continue;
        sb.append(sep)
            .append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
            .append('=')
            .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        sep = '&';
      }
    }
    if (!on)
      sb.append(sep)
          .append(name)
          .append('=')
          .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    return sb.toString();
  }

  private static String cell(String s) {
    return "\"" + CsvCells.text(s == null ? "" : s).replace("\"", "\"\"") + "\"";
  }
}
