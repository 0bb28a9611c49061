package org.gongkai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.App;
import org.gongkai.TestSupport;
import org.gongkai.watch.WatchStatus;
import org.gongkai.workspace.Role;
import org.gongkai.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /documents/files} (#67): an admin reads what the index made of each file of a crawl — the
 * manifest {@code index} wrote — sorted by any column, narrowed by outcome and role, as CSV, with
 * where the watch stands; nobody else finds the page.
 */
class FileListHttpTest {

  @TempDir Path dir;

  /** The files' names in the page's table, in its order. */
  static List<String> files(String html) {
    List<String> out = new ArrayList<>();
    Matcher m =
        Pattern.compile("<td class=\"file\"><code title=\"[^\"]*\">([^<]*)</code>").matcher(html);
    while (m.find()) out.add(m.group(1));
    return out;
  }

  @Test
  void anAdminReadsWhatEachFileBecameAndNobodyElseFindsThePage() throws Exception {
    Path crawl = Files.createDirectories(dir.resolve("crawl"));
    Files.copy(
        TestSupport.CORPUS.resolve("seeds/000_988c7a9063883e3f.txt"), crawl.resolve("a.txt"));
    Files.copy(
        TestSupport.CORPUS.resolve("seeds/000_988c7a9063883e3f.txt"), crawl.resolve("b.txt"));
    Files.copy(
        TestSupport.CORPUS.resolve("seeds/004_37d039dcb8ad6afc.txt"), crawl.resolve("c.txt"));
    Files.writeString(crawl.resolve("d.xyz"), "not a report");
    Files.write(crawl.resolve("e.pdf"), "%PDF-1.4 not really".getBytes(StandardCharsets.US_ASCII));
    Path index = dir.resolve("index");
    StringWriter out = new StringWriter();
    assertEquals(
        3, // some failed
        App.execute(
            new PrintWriter(out),
            new PrintWriter(new StringWriter()),
            "index",
            "--index",
            index.toString(),
            crawl.toString()));
    new WatchStatus(
            List.of(crawl.toString()),
            "indexing",
            1000,
            340,
            2,
            new WatchStatus.Run(Instant.parse("2026-11-28T01:02:03Z"), 3, 1, 2, 0, 1, 1, 0),
            null,
            Instant.now())
        .write(index);
    Path ws = dir.resolve("ws");
    try (Workspace w = Workspace.open(ws)) {
      w.users().add("root", Role.ADMIN, "correct horse".toCharArray(), null, "test");
      w.users().add("chen", Role.EDITOR, "battery staple".toCharArray(), null, "test");
    }
    try (Workspace w = Workspace.open(ws);
        TestPortal portal = TestPortal.over(index, w)) {
      SignInHttpTest.Browser nobody = new SignInHttpTest.Browser(portal);
      SignInHttpTest.Browser chen = new SignInHttpTest.Browser(portal);
      SignInHttpTest.Browser root = new SignInHttpTest.Browser(portal);
      assertEquals(303, chen.signIn("chen", "battery staple").statusCode());
      assertEquals(303, root.signIn("root", "correct horse").statusCode());
      for (SignInHttpTest.Browser b : List.of(nobody, chen)) {
        assertEquals(404, b.get("/documents/files").statusCode());
        assertEquals(404, b.get("/documents/files?format=csv").statusCode());
        assertTrue(!b.get("/documents").body().contains("/documents/files"));
      }
      // the admin's header links it
      assertTrue(root.get("/documents").body().contains("href=\"/documents/files\""));

      String page = root.get("/documents/files").body();
      assertEquals(List.of("a.txt", "b.txt", "c.txt", "d.xyz", "e.pdf"), files(page));
      String base = crawl.toAbsolutePath().normalize() + "/";
      assertTrue(page.contains("<code class=\"common\">" + base + "</code>"), page);
      assertTrue(page.contains("显示 5 个文件，共 5 个"), page);
      assertTrue(page.contains(">已编入 2</a>") && page.contains(">副本 1</a>"), page);
      assertTrue(page.contains(">未编入 1</a>") && page.contains(">失败 1</a>"), page);
      assertTrue(page.contains("<td>与 a.txt 字节相同</td>"), page);
      assertTrue(page.contains("<td>不是 Gongkai 读取的文件类型</td>"), page);
      // an extractor's own message, as written and marked so
      assertTrue(
          page.contains(
              "<td class=\"as-written\" lang=\"en\">cannot parse PDF (corrupt or truncated?)"),
          page);
      // where the watch stands
      assertTrue(page.contains("<span class=\"state\">正在编入</span>"), page);
      assertTrue(page.contains("已读 340 / 1,000 个文件"), page);
      assertTrue(page.contains("2 个文件仍在写入"), page);
      assertTrue(
          page.contains("上一轮（2026-11-28 01:02:03 UTC）：3 个新增或改动、1 个删除；编入 2，未变 0，重复 1，移除 1，失败 0"),
          page);

      // sorted: by outcome, then the other way
      assertEquals(
          List.of("b.txt", "e.pdf", "a.txt", "c.txt", "d.xyz"),
          files(root.get("/documents/files?sort=outcome").body()));
      assertEquals(
          List.of("d.xyz", "a.txt", "c.txt", "e.pdf", "b.txt"),
          files(root.get("/documents/files?sort=outcome&desc=1").body()));
      String byOutcome = root.get("/documents/files?sort=outcome").body();
      assertTrue(
          byOutcome.contains(
              "<th aria-sort=\"ascending\"><a href=\"/documents/files?sort=outcome&amp;desc=1\">结果 ▲</a></th>"),
          byOutcome);
      // narrowed
      assertEquals(List.of("e.pdf"), files(root.get("/documents/files?outcome=failed").body()));
      assertEquals(
          List.of("a.txt", "b.txt", "c.txt"),
          files(root.get("/documents/files?role=report").body()));

      // every row as CSV, in the order asked
      var csv = root.get("/documents/files?sort=figures&desc=1&format=csv");
      assertEquals(200, csv.statusCode());
      assertEquals("text/csv; charset=utf-8", csv.headers().firstValue("Content-Type").orElse(""));
      List<String> lines = csv.body().lines().toList();
      assertEquals(
          "\ufefffile,sha256,outcome,role,kind,year,region,issuer,document,title,figures,flags,reason",
          lines.get(0));
      assertEquals(6, lines.size());
      assertTrue(lines.get(5).startsWith(base + "e.pdf,,failed,"), lines.get(5));

      // a column that is none is said, not a 500
      var bad = root.get("/documents/files?sort=nope");
      assertEquals(400, bad.statusCode());
      assertTrue(bad.body().contains("看不懂 sort=nope"), bad.body());
      assertEquals(400, root.get("/documents/files?page=9").statusCode());

      // in English
      String en = root.get("/documents/files?lang=en").body();
      assertTrue(en.contains("5 of 5 files shown") && en.contains("340 of 1,000 files read"), en);
    }
  }

  @Test
  void anIndexWithoutAManifestSaysHowToMakeOne() throws Exception {
    Path index = dir.resolve("index");
    TestSupport.index(index, List.of(TestSupport.CORPUS.resolve("seeds/000_988c7a9063883e3f.txt")))
        .close();
    Path ws = dir.resolve("ws");
    try (Workspace w = Workspace.open(ws)) {
      w.users().add("root", Role.ADMIN, "correct horse".toCharArray(), null, "test");
    }
    try (Workspace w = Workspace.open(ws);
        TestPortal portal = TestPortal.over(index, w)) {
      SignInHttpTest.Browser root = new SignInHttpTest.Browser(portal);
      assertEquals(303, root.signIn("root", "correct horse").statusCode());
      var r = root.get("/documents/files");
      assertEquals(200, r.statusCode());
      assertTrue(r.body().contains("还没有文件清单"), r.body());
      assertTrue(!r.body().contains("id=\"watch\""), r.body());
    }
  }
}
