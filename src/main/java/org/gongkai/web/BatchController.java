package org.gongkai.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongkai.api.BatchJson;
import org.gongkai.model.BatchTable;
import org.gongkai.model.Facet;
import org.gongkai.model.SearchRequest;
import org.gongkai.search.SearchService;
import org.gongkai.search.Searches;

/**
 * Batch search: {@code /batch} (paste or upload up to {@value SearchService#MAX_BATCH} queries, one
 * per line) and {@code POST /api/batch}: each query counted in all and by region, issuer or year,
 * each count linking to its search; CSV to download.
 */
final class BatchController implements Routes {

  @Override
  public void register(Router on) {
    on.get("/batch", this::form);
    on.before("/batch", this::refuseTooLarge);
    on.before("/api/batch", this::refuseTooLarge);
    on.post("/batch", this::submit);
    on.post("/api/batch", this::api);
  }

  private final Searches search;
  private final BatchJson json;
  private final Pages pages;
  private final Links links;
  private final ObjectMapper mapper;

  private final Admission admission;

  BatchController(
      Searches search, BatchJson json, Pages pages, ObjectMapper mapper, Admission admission) {
    this.admission = admission;
    this.search = search;
    this.json = json;
    this.pages = pages;
    this.links = pages.links();
    this.mapper = mapper;
  }

  /** A batch as asked: its queries, how to split, the selections, and what was wrong with it. */
  private record Asked(
      List<String> queries, String by, Map<Facet, List<String>> selections, String error) {}

  /**
   * {@code GET /batch}: the form; with {@code queries} (one per line) the answer, as {@code POST}
   * gives it — a batch's address that can be bookmarked and sent.
   */
  void form(Context ctx) throws IOException {
    if (ctx.queryParam("queries") == null) {
      render(ctx, new Asked(List.of(), "region", Map.of(), null), null);
      return;
    }
    answer(
        ctx,
        ctx.queryParam("queries"),
        ctx.queryParam("by"),
        ctx::queryParams,
        ctx.queryParam("format"));
  }

  /**
   * The most a posted batch may hold, form or JSON, its file included: 1,000 queries of a hundred
   * characters are a tenth of it.
   */
  static final long MAX_BODY_BYTES = 1L << 20;

  /**
   * Before a posted batch is read: a body larger than a batch takes answers 413 with what to send
   * (read from its Content-Length; a body sent without one is cut at the same size by the multipart
   * limits and by {@link #tooLarge}).
   */
  void refuseTooLarge(Context ctx) {
    if (ctx.method() != io.javalin.http.HandlerType.POST) return;
    String header = ctx.header("Content-Length");
    long length;
    try {
      length = header == null ? -1 : Long.parseLong(header.strip());
    } catch (NumberFormatException e) {
      length = -1;
    }
    if (length > MAX_BODY_BYTES) {
      tooLarge(ctx, length);
      ctx.skipRemainingHandlers();
    }
  }

  /** At most this much of a refused body is read and dropped before the answer (see below). */
  static final long MAX_DRAINED_BYTES = 16L << 20;

  /** For at most this long: a body sent in a trickle gets its 413 at once, not after the drain. */
  static final long MAX_DRAINING_MS = 500;

  /**
   * Reads and drops what is left of a refused body, up to {@link #MAX_DRAINED_BYTES} and {@link
   * #MAX_DRAINING_MS}, never waiting on a read: a client still sending when the server answers and
   * closes sees a reset connection, not the 413; a client sending a byte at a time is not waited
   * for.
   */
  private static void drain(Context ctx) {
    try {
      jakarta.servlet.ServletInputStream in = ctx.req().getInputStream();
      byte[] buffer = new byte[1 << 16];
      long read = 0;
      long until = System.nanoTime() + MAX_DRAINING_MS * 1_000_000;
      while (read < MAX_DRAINED_BYTES && !in.isFinished() && System.nanoTime() - until < 0) {
        int ready = in.available();
        if (ready <= 0) {
          Thread.sleep(5);
          continue;
        }
        int n = in.read(buffer, 0, Math.min(ready, buffer.length));
        if (n < 0) break;
        read += n;
      }
    } catch (IOException | RuntimeException e) {
      // the body is gone or broken: the answer goes out as it can
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void tooLarge(Context ctx, long length) {
    drain(ctx);
    ctx.header("Connection", "close");
    if (length < 0) // streamed without a length: cut at the limit, its size unknown
    pages.error(
          ctx, 413, "error.batchTooLargeStreamed", MAX_BODY_BYTES / 1024, SearchService.MAX_BATCH);
    else
      pages.error(
          ctx,
          413,
          "error.batchTooLarge",
          (length + 1023) / 1024,
          MAX_BODY_BYTES / 1024,
          SearchService.MAX_BATCH);
  }

  /** {@code POST /batch}: the form's answer, as a page or ({@code format=csv}) a download. */
  void submit(Context ctx) throws IOException {
    String[] form = new String[3];
    boolean read =
        readForm(
            ctx,
            () -> {
              form[0] = ctx.formParam("queries");
              form[1] = ctx.formParam("by");
              form[2] = ctx.formParam("format");
            });
    if (read) answer(ctx, form[0], form[1], ctx::formParams, form[2]);
  }

  /** Reads something of the posted form. */
  @FunctionalInterface
  private interface FormRead {
    void run() throws Exception;
  }

  /**
   * Runs {@code read}; false, with the 413 answered, when a body without a length outgrew the
   * multipart limits. (Jetty's ServletException comes through Kotlin unchecked.)
   */
  private boolean readForm(Context ctx, FormRead read) throws IOException {
    try {
      read.run();
      return true;
    } catch (Exception e) {
      if (!isTooLarge(e)) {
        if (e instanceof RuntimeException r) throw r;
        if (e instanceof IOException io) throw io;
        throw new IOException(e);
      }
      tooLarge(ctx, -1);
      return false;
    }
  }

  private void answer(
      Context ctx,
      String pasted,
      String byParam,
      java.util.function.Function<String, List<String>> params,
      String format)
      throws IOException {
    List<String> queries = new ArrayList<>(lines(pasted));
    UploadedFile[] uploaded = {null};
    if (ctx.method() == io.javalin.http.HandlerType.POST
        && !readForm(ctx, () -> uploaded[0] = ctx.uploadedFile("file"))) return;
    UploadedFile file = uploaded[0];
    if (file != null && file.size() > 0) {
      try (var in = file.content()) {
        // a list saved on Windows is often GBK: decoded like any text file
        queries.addAll(
            lines(new org.gongkai.extract.TextDecoder().decode(in.readAllBytes()).text()));
      } catch (org.gongkai.extract.ExtractionException e) {
        ctx.status(400);
        render(
            ctx,
            new Asked(queries, "region", Map.of(), file.filename() + ": " + e.getMessage()),
            null);
        return;
      }
    }
    Map<Facet, List<String>> selections = new LinkedHashMap<>();
    for (Facet f : Facet.values()) {
      List<String> values = new ArrayList<>();
      for (String v : params.apply(f.key())) if (v != null && !v.isBlank()) values.add(v.strip());
      selections.put(f, values);
    }
    SearchParams.checkFilterCount(selections);
    String by = byParam == null ? "region" : byParam;
    Asked asked = new Asked(queries, by, selections, check(queries, by));
    if (asked.error() != null) {
      ctx.status(400);
      render(ctx, asked, null);
      return;
    }
    try (Admission.Ticket admitted = admission.enter(ctx, pages)) {
      if (admitted == null) return;
      BatchTable table = search.batch(queries, by, request(selections));
      if ("csv".equals(format)) {
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"gongkai-batch-" + by + ".csv\"");
        writeNow(
            ctx, BatchJson.csv(table, (q, c) -> links.absolute(href(q, c, by, selections), ctx)));
        return;
      }
      render(ctx, asked, table);
    }
  }

  /** {@code POST /api/batch} with {@code {"queries": [...], "by": …, <filters>}}. */
  void api(Context ctx) throws IOException {
    JsonNode body;
    try {
      body = mapper.readTree(ctx.body());
    } catch (IOException e) {
      pages.jsonError(
          ctx, 400, "the body is not JSON: send {\"queries\": [\"…\"], \"by\": \"region\"}");
      return;
    }
    if (body == null || !body.isObject() || !body.path("queries").isArray()) {
      pages.jsonError(
          ctx, 400, "send {\"queries\": [\"…\"], \"by\": \"region\" | \"issuer\" | \"year\"}");
      return;
    }
    List<String> queries = new ArrayList<>();
    for (JsonNode q : body.path("queries"))
      if (!q.asText().isBlank()) queries.add(q.asText().strip());
    String by = body.path("by").asText("region");
    Map<Facet, List<String>> selections = new LinkedHashMap<>();
    for (Facet f : Facet.values()) {
      List<String> values = new ArrayList<>();
      JsonNode v = body.path(f.key());
      if (v.isArray()) v.forEach(x -> values.add(x.asText()));
      else if (v.isTextual() || v.isNumber()) values.add(v.asText());
      selections.put(f, values);
    }
    SearchParams.checkFilterCount(selections);
    String error = check(queries, by);
    if (error != null) {
      pages.jsonError(ctx, 400, error);
      return;
    }
    try (Admission.Ticket admitted = admission.enter(ctx, pages)) {
      if (admitted == null) return;
      BatchTable table = search.batch(queries, by, request(selections));
      if ("csv".equals(ctx.queryParam("format"))) {
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"gongkai-batch-" + by + ".csv\"");
        writeNow(
            ctx, BatchJson.csv(table, (q, c) -> links.absolute(href(q, c, by, selections), ctx)));
        return;
      }
      // written as it is made, not first made into one string (a thousand queries by issuer)
      ctx.status(200).contentType(Pages.JSON);
      mapper.writeValue(
          new java.io.FilterOutputStream(ctx.outputStream()) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
              out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
              flush(); // Jetty's stream is closed by Jetty, once the answer is done
            }
          },
          json.json(table, (q, c) -> href(q, c, by, selections)));
    }
  }

  /**
   * Writes the answer while the batch holds its admission (a result handed to Javalin would be
   * written after it, by then not counted).
   */
  private static void writeNow(Context ctx, String text) throws IOException {
    ctx.outputStream().write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** What is wrong with a batch, in English, or null. */
  private static boolean isTooLarge(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
      if (m.contains("exceed")) return true; // Jetty: "max length exceeded: 1048576"
    }
    return false;
  }

  private static String check(List<String> queries, String by) {
    if (!SearchService.BATCH_BY.contains(by))
      return "by must be region, issuer or year, not \"" + by + "\"";
    if (queries.isEmpty()) return "no queries: give one query per line";
    if (queries.size() > SearchService.MAX_BATCH)
      return queries.size() + " queries: a batch runs at most " + SearchService.MAX_BATCH;
    return null;
  }

  private static List<String> lines(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) return out;
    for (String line : text.split("\\R")) if (!line.isBlank()) out.add(line.strip());
    return out;
  }

  private static SearchRequest request(Map<Facet, List<String>> s) {
    return new SearchRequest(
        "",
        s.getOrDefault(Facet.REGION, List.of()),
        s.getOrDefault(Facet.YEAR, List.of()),
        s.getOrDefault(Facet.CATEGORY, List.of()),
        s.getOrDefault(Facet.DEPARTMENT, List.of()),
        s.getOrDefault(Facet.KIND, List.of()),
        SearchRequest.Order.RELEVANCE,
        1,
        1,
        s.getOrDefault(Facet.MISSING, List.of()),
        s.getOrDefault(Facet.CHECK, List.of()),
        s.getOrDefault(Facet.ROLE, List.of()));
  }

  private String href(String q, String column, String by, Map<Facet, List<String>> selections) {
    return links.batchSearch(q, column, by, selections);
  }

  private void render(Context ctx, Asked asked, BatchTable table) {
    Locale locale = SearchParams.locale(ctx);
    boolean english = SearchParams.isEnglish(ctx);
    List<Views.BatchRow> rows = new ArrayList<>();
    if (table != null) {
      for (BatchTable.Row r : table.rows()) {
        List<Views.Link> cells = new ArrayList<>();
        for (String c : table.columns()) {
          long n = r.counts().getOrDefault(c, 0L);
          // a zero opens nothing; 其他 is no selection a search can make
          cells.add(
              new Views.Link(
                  String.valueOf(n),
                  n == 0 || BatchTable.remainder(c)
                      ? null
                      : Links.localized(
                          href(r.query(), c, asked.by(), asked.selections()), english)));
        }
        rows.add(
            new Views.BatchRow(
                r.query(),
                new Views.Link(
                    String.valueOf(r.total()),
                    Links.localized(
                        href(r.query(), null, asked.by(), asked.selections()), english)),
                cells,
                r.notices().stream().map(n -> pages.wording().notice(locale, n)).toList()));
      }
    }
    List<String> columns = new ArrayList<>();
    if (table != null)
      for (String c : table.columns())
        columns.add(
            c.equals(BatchTable.OTHER)
                ? pages.text(locale, "batch.other")
                : c.equals(BatchTable.OWN)
                    ? pages.text(locale, "batch.own")
                    : c.equals(BatchTable.UNDECIDED)
                        ? pages.text(locale, "batch.undecided")
                        : asked.by().equals("region") ? c.substring(c.lastIndexOf('/') + 1) : c);
    List<Views.Link> filters = new ArrayList<>();
    asked
        .selections()
        .forEach((f, values) -> values.forEach(v -> filters.add(new Views.Link(f.key(), v))));
    var view =
        new Views.BatchView(
            String.join("\n", asked.queries()),
            asked.by(),
            asked.selections().getOrDefault(Facet.REGION, List.of()).stream()
                .findFirst()
                .orElse(""),
            filters,
            asked.error(),
            table == null ? null : columns,
            rows,
            SearchService.MAX_BATCH,
            table == null ? null : bookmark(asked, english),
            table != null
                && asked.by().equals("region")
                && table.columns().stream().anyMatch(BatchTable::remainder),
            table == null || table.folded() == 0
                ? null
                : pages.text(locale, "batch.folded", BatchTable.MAX_COLUMNS - 1, table.folded()));
    pages.render(
        ctx,
        "batch",
        Map.of("view", view),
        pages.text(locale, "batch.title"),
        links.batch(!english));
  }

  /** Longest address offered to bookmark: browsers and servers keep 8 KB of a request line. */
  private static final int MAX_BOOKMARK = 6_000;

  /** The {@code GET} address of this answer, or null when its queries make it too long. */
  private static String bookmark(Asked asked, boolean english) {
    StringBuilder sb = new StringBuilder("/batch?queries=");
    sb.append(Links.enc(String.join("\n", asked.queries()))).append("&by=").append(asked.by());
    asked
        .selections()
        .forEach(
            (f, values) ->
                values.forEach(
                    v -> sb.append('&').append(f.key()).append('=').append(Links.enc(v))));
    String href = Links.localized(sb.toString(), english);
    return href.length() > MAX_BOOKMARK ? null : href;
  }
}
