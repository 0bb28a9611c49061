package org.gongkai.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gongkai.manifest.Manifest;
import org.gongkai.watch.WatchStatus;
import org.gongkai.workspace.Role;
import org.gongkai.workspace.User;

/**
 * {@code /documents/files}, for a workspace's admins (#67): what the index made of each file its
 * runs were given — the manifest {@code index} and a watch write beside the index — sortable by
 * every column, narrowed by outcome and role, as CSV; and where a watch of the crawl's folders
 * stands (a burst's progress, the last run). A misfiling is seen the day it happens. To anyone else
 * the page does not exist; it names no file of a private collection (the manifest never holds one).
 */
final class FileListController implements Routes {

  /** Rows on one page (the CSV has them all). */
  static final int PAGE = 200;

  /** A watch that has not written for this long while saying it runs is said to be silent. */
  static final Duration SILENT = Duration.ofMinutes(2);

  @Override
  public void register(Router on) {
    on.get("/documents/files", this::page);
  }

  private final AccountController accounts;
  private final Pages pages;
  private final Links links;
  private final Path index;

  FileListController(AccountController accounts, Pages pages, Path index) {
    this.accounts = accounts;
    this.pages = pages;
    this.links = pages.links();
    this.index = index;
  }

  /** One file's line as shown. */
  record FileRow(
      String file,
      String shown,
      String outcome,
      String outcomeCode,
      String role,
      String kind,
      Integer year,
      String region,
      String issuer,
      String documentHref,
      String title,
      int figures,
      int flags,
      String reason,
      boolean reasonAsWritten) {}

  /** A column's header: its label, the link that sorts by it, and the order in force (or null). */
  record Column(String label, String href, String order) {}

  /** A narrowing by outcome or role: its label, count, link, whether in force. */
  record Narrowing(String label, int count, String href, boolean on) {}

  /** Where the watch stands, said. */
  record Watch(
      List<String> folders,
      String state,
      int queued,
      int read,
      int waiting,
      String last,
      String error,
      String updated,
      boolean silent) {}

  void page(Context ctx) throws IOException {
    Optional<User> u = accounts.current(ctx);
    if (u.isEmpty() || u.get().role() != Role.ADMIN) {
      pages.error(ctx, 404, "error.notFound", Pages.localPath(ctx));
      return;
    }
    boolean english = SearchParams.isEnglish(ctx);
    Locale locale = SearchParams.locale(ctx);
    String sort = ctx.queryParam("sort");
    if (sort == null || sort.isBlank()) sort = "file";
    if (!Manifest.COLUMNS.contains(sort))
      throw new BadParameter("files.badSort", sort, String.join(", ", Manifest.COLUMNS));
    boolean desc = "1".equals(ctx.queryParam("desc"));
    String outcome = blankless(ctx.queryParam("outcome"));
    String role = blankless(ctx.queryParam("role"));
    List<Manifest.Row> all = Manifest.readPublic(index);
    List<Manifest.Row> kept = new ArrayList<>();
    Map<String, Integer> outcomes = new LinkedHashMap<>(), roles = new LinkedHashMap<>();
    for (Manifest.Row r : all) {
      outcomes.merge(r.outcome(), 1, Integer::sum);
      if (r.role() != null) roles.merge(r.role(), 1, Integer::sum);
      if ((outcome == null || outcome.equals(r.outcome()))
          && (role == null || role.equals(r.role()))) kept.add(r);
    }
    kept = Manifest.sorted(kept, sort, desc);
    if ("csv".equals(ctx.queryParam("format"))) {
      ctx.header("Content-Disposition", "attachment; filename=\"gongkai-files.csv\"");
      ctx.contentType("text/csv; charset=utf-8");
      ctx.result(Manifest.csv(kept));
      return;
    }
    int pageCount = Math.max(1, (kept.size() + PAGE - 1) / PAGE);
    int page = SearchParams.strictParam(ctx.queryParam("page"), 1, pageCount, "error.badPage");
    String common = commonFolder(all);
    List<FileRow> rows = new ArrayList<>();
    for (Manifest.Row r : kept.subList((page - 1) * PAGE, Math.min(kept.size(), page * PAGE))) {
      String reason = reason(locale, r.reason(), common);
      rows.add(
          new FileRow(
              r.file(),
              r.file() != null && r.file().startsWith(common)
                  ? r.file().substring(common.length())
                  : r.file(),
              pages.text(locale, "files.outcome." + r.outcome()),
              r.outcome(),
              r.role() == null ? null : pages.wording().pageRole(locale, r.role()),
              r.kind() == null ? null : pages.wording().kind(locale, r.kind()),
              r.year(),
              r.region(),
              r.issuer(),
              r.document() == null ? null : links.document(r.document(), english),
              r.title(),
              r.figures(),
              r.flags(),
              reason,
              reason != null && reason.equals(r.reason())));
    }
    List<Column> columns = new ArrayList<>();
    for (String c : List.of("file", "outcome", "role", "kind", "year", "region", "issuer"))
      columns.add(column(locale, c, sort, desc, outcome, role, english));
    columns.add(column(locale, "title", sort, desc, outcome, role, english));
    columns.add(column(locale, "figures", sort, desc, outcome, role, english));
    columns.add(column(locale, "flags", sort, desc, outcome, role, english));
    columns.add(column(locale, "reason", sort, desc, outcome, role, english));
    List<Narrowing> byOutcome = new ArrayList<>(), byRole = new ArrayList<>();
    for (var e : outcomes.entrySet())
      byOutcome.add(
          new Narrowing(
              pages.text(locale, "files.outcome." + e.getKey()),
              e.getValue(),
              links.files(
                  sort, desc, e.getKey().equals(outcome) ? null : e.getKey(), role, 1, english),
              e.getKey().equals(outcome)));
    for (var e : roles.entrySet())
      byRole.add(
          new Narrowing(
              pages.wording().pageRole(locale, e.getKey()),
              e.getValue(),
              links.files(
                  sort, desc, outcome, e.getKey().equals(role) ? null : e.getKey(), 1, english),
              e.getKey().equals(role)));
    Map<String, Object> model = new HashMap<>();
    model.put("rows", rows);
    model.put("columns", columns);
    model.put("total", all.size());
    model.put("shown", kept.size());
    model.put("common", common);
    model.put("byOutcome", byOutcome);
    model.put("byRole", byRole);
    model.put("narrowed", outcome != null || role != null);
    model.put("everyFile", links.files(sort, desc, null, null, 1, english));
    model.put("csvHref", links.filesCsv(sort, desc, outcome, role));
    model.put("watch", watch(locale).orElse(null));
    model.put("page", page);
    model.put("pages", pageCount);
    model.put("prevHref", links.files(sort, desc, outcome, role, page - 1, english));
    model.put("nextHref", links.files(sort, desc, outcome, role, page + 1, english));
    pages.render(
        ctx,
        "files",
        model,
        pages.text(locale, "files.title"),
        links.files(sort, desc, outcome, role, page, !english));
  }

  private Column column(
      Locale locale,
      String c,
      String sort,
      boolean desc,
      String outcome,
      String role,
      boolean english) {
    boolean current = c.equals(sort);
    // a click on the column in force turns its order round; on another, sorts by it (numbers and
    // years largest first, words from A)
    boolean nextDesc = current ? !desc : List.of("figures", "flags", "year").contains(c);
    return new Column(
        pages.text(locale, "files.column." + c),
        links.files(c, nextDesc, outcome, role, 1, english),
        current ? (desc ? "descending" : "ascending") : null);
  }

  private Optional<Watch> watch(Locale locale) {
    return WatchStatus.read(index)
        .map(
            s -> {
              String last =
                  s.last() == null
                      ? null
                      : pages.text(
                          locale,
                          "files.watch.last",
                          Format.time(s.last().at()),
                          s.last().ready(),
                          s.last().gone(),
                          s.last().indexed(),
                          s.last().unchanged(),
                          s.last().duplicates(),
                          s.last().removed(),
                          s.last().failed());
              // a run writes as it reads, but relating a burst's reports and committing them
              // may take a while: it is given longer before it is said to be silent
              boolean silent =
                  !s.state().equals("stopped")
                      && s.updated()
                          .isBefore(
                              Instant.now()
                                  .minus(
                                      s.state().equals("indexing")
                                          ? SILENT.multipliedBy(5)
                                          : SILENT));
              return new Watch(
                  s.folders(),
                  pages.text(locale, "files.watch.state." + s.state()),
                  s.queued(),
                  s.read(),
                  s.waiting(),
                  last,
                  s.error(),
                  Format.time(s.updated()),
                  silent);
            });
  }

  /**
   * Why a file is not a report of its own, in the reader's language where the manifest says it in
   * words of its own (a copy, a type not read, a page without text); a reader's or an extractor's
   * own message (a PDF's damage) as it was written, marked as such on the page.
   */
  private String reason(Locale locale, String reason, String common) {
    if (reason == null) return null;
    for (String[] known :
        new String[][] {
          {"same bytes as ", "files.reason.sameBytes"},
          {"same report as ", "files.reason.sameReport"}
        })
      if (reason.startsWith(known[0])) {
        String of = reason.substring(known[0].length());
        if (!common.isEmpty() && of.startsWith(common)) of = of.substring(common.length());
        return pages.text(locale, known[1], of);
      }
    if (reason.equals("not a supported file type"))
      return pages.text(locale, "files.reason.unsupported");
    if (reason.equals("a web page with no text of its own"))
      return pages.text(locale, "files.reason.empty");
    return reason;
  }

  /** The folder every file is under (shown once above the table, not on each line). */
  static String commonFolder(List<Manifest.Row> rows) {
    String common = null;
    for (Manifest.Row r : rows) {
      if (r.file() == null) continue;
      if (common == null) {
        common = r.file();
        continue;
      }
      int n = 0;
      while (n < common.length() && n < r.file().length() && common.charAt(n) == r.file().charAt(n))
        n++;
      common = common.substring(0, n);
    }
    if (common == null) return "";
    int slash = common.lastIndexOf('/');
    return slash < 0 ? "" : common.substring(0, slash + 1);
  }

  private static String blankless(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
