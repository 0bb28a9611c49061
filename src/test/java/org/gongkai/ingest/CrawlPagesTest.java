package org.gongkai.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gongkai.TestSupport;
import org.gongkai.index.IndexStore;
import org.gongkai.model.IndexedDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crawl as it comes: its reports are indexed by kind, its other pages by role, its pages with no
 * text of their own are said apart from failures, and one report saved as a web page and as a PDF
 * is one report with two files.
 */
class CrawlPagesTest {

  @TempDir Path tmp;

  private final Indexer indexer = TestSupport.indexer();

  /** The fixtures' pages and the report in both its forms, in a crawl's folder. */
  private Path crawl() throws Exception {
    Path src = Files.createDirectories(tmp.resolve("crawl"));
    for (String name :
        List.of(
            "list.html",
            "home.html",
            "news.html",
            "notice.html",
            "form.html",
            "form-link.html",
            "empty.html")) Files.copy(PageRolesFixtures.ROLES.resolve(name), src.resolve(name));
    Files.writeString(src.resolve("report.html"), PageRolesFixtures.reportPage());
    PageRolesFixtures.reportPdf(src.resolve("report.pdf"));
    return src;
  }

  @Test
  void aCrawlsReportsAreCountedByKindAndItsOtherPagesByRole() throws Exception {
    Path src = crawl();
    try (IndexStore store = IndexStore.openForWriting(tmp.resolve("index"))) {
      IngestReport r = indexer.run(store, List.of(src), false, Indexer.Progress.NONE);
      // the page and the PDF of one report: one report, the page counted as its duplicate
      assertEquals(Map.of("部门预算", 1), r.reportKinds());
      assertEquals(
          Map.of("list", 1, "navigation", 1, "news", 1, "notice", 1, "form", 1), r.otherRoles());
      assertEquals(6, r.indexed());
      assertEquals(1, r.duplicates());
      assertEquals(
          List.of(
              new IngestReport.Copy(
                  src.resolve("report.html").toString(),
                  src.resolve("report.pdf").toString(),
                  false)),
          r.copies());
      // a page a script draws is no failure: it is named apart
      assertEquals(List.of(), r.failures());
      assertEquals(
          List.of(src.resolve("empty.html").toString()),
          r.emptyPages().stream().map(IngestReport.Failure::file).toList());
      assertEquals(
          List.of(
              new IngestReport.Failure(
                  src.resolve("form-link.html").toString(),
                  "a page that links to a form, no report: 2026年部门预算公开情况自查表.xlsx")),
          r.landingPages());
      // the report stays a PDF with the page as its second file
      IndexedDocument report =
          store.documents().stream().filter(IndexedDocument::report).findFirst().orElseThrow();
      assertEquals(
          List.of(src.resolve("report.pdf").toString(), src.resolve("report.html").toString()),
          report.files());
      assertEquals("部门预算", report.kind());
    }
  }

  @Test
  void aWebPageAndAPdfOfDifferentFiguresStayTwoReports() throws Exception {
    Path src = Files.createDirectories(tmp.resolve("two"));
    Files.writeString(src.resolve("report.html"), PageRolesFixtures.reportPage());
    // the PDF of another year's report of the same body: its totals differ
    Path pdf = src.resolve("other.pdf");
    PageRolesFixtures.reportPdf(pdf);
    String page = PageRolesFixtures.reportPage().replace("1,856.40", "1,901.20");
    Files.writeString(src.resolve("report.html"), page);
    try (IndexStore store = IndexStore.openForWriting(tmp.resolve("index"))) {
      IngestReport r = indexer.run(store, List.of(src), false, Indexer.Progress.NONE);
      assertEquals(2, r.indexed());
      assertEquals(0, r.duplicates());
      assertEquals(Map.of("部门预算", 2), r.reportKinds());
    }
  }
}
