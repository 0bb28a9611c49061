package org.gongkai.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gongkai.App;
import org.gongkai.index.CollectionIndexes;
import org.gongkai.index.IndexStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A private collection's files never reach the public index from the command line: {@code
 * collection add} reads them into the collection's own index; {@code index} of the same folders
 * later — a file edited in place, a file added to a folder given to the collection, a file the
 * public index held before it was given — reads them there too, and says so.
 */
class CollectionIndexingTest {

  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter(), err = new StringWriter();
    int code = App.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  static final String REPORT =
      String.join(
          "\n",
          "武汉市江岸区档案局2024年度部门决算",
          "第一部分 部门概况",
          "负责全区档案的收集、保管和利用，推进涉密档案数字化专项工作。",
          "第二部分 2024年度部门决算情况说明",
          "2024年度收入合计880.00万元，支出合计880.00万元。");

  /** How many reports the public index and the collection's own index hold. */
  private static List<Integer> counts(Path index, String key) throws Exception {
    try (IndexStore pub = IndexStore.openForReading(index);
        IndexStore own = IndexStore.openForReading(CollectionIndexes.dir(index, key))) {
      return List.of(pub.documentCount(), own.documentCount());
    }
  }

  private static String words(Path index, String key) throws Exception {
    StringBuilder all = new StringBuilder();
    try (IndexStore own = IndexStore.openForReading(CollectionIndexes.dir(index, key))) {
      for (String id : own.documentIds()) all.append(own.cleanText(id).orElse(""));
    }
    return all.toString();
  }

  @Test
  void aPrivateCollectionsFilesStayInItsOwnIndexWhateverIsIndexedLater() throws Exception {
    String ws = dir.resolve("desk").toString(), idx = dir.resolve("index").toString();
    Path leak = Files.createDirectories(dir.resolve("leak"));
    Files.writeString(leak.resolve("a.txt"), REPORT);
    Files.writeString(leak.resolve("b.txt"), REPORT.replace("档案局", "城管局"));
    // a file the public index held before it was given to the collection
    Path crawl = Files.createDirectories(dir.resolve("crawl"));
    Files.writeString(crawl.resolve("c.txt"), REPORT.replace("档案局", "水务局"));
    assertEquals(0, run("index", "--index", idx, crawl.toString()).code());
    assertEquals(0, run("collection", "create", "泄露", "--workspace", ws).code());
    String key;
    try (Workspace w = Workspace.open(dir.resolve("desk"))) {
      key = w.collections().find("泄露").orElseThrow().key();
    }
    Run added =
        run(
            "collection",
            "add",
            "泄露",
            leak.toString(),
            crawl.resolve("c.txt").toString(),
            "--workspace",
            ws,
            "--index",
            idx);
    assertEquals(
        new Run(0, "added 3 files to 泄露; its own index: 3 indexed, 0 held already, 0 failed\n", ""),
        added);
    assertEquals(List.of(0, 3), counts(dir.resolve("index"), key));

    // the same folders indexed again, as a crawl's nightly run does: nothing public
    Run again = run("index", "--index", idx, leak.toString(), crawl.toString());
    assertEquals(0, again.code(), again.toString());
    assertTrue(
        again
            .out()
            .contains(
                "private:    3 files of 1 private collection, read into its own index (0 indexed,"
                    + " 3 unchanged, 0 failed), never into the public one\n"),
        again.out());
    assertEquals(List.of(0, 3), counts(dir.resolve("index"), key));

    // edited in place, and a new file dropped into the folder: the collection's still
    Files.writeString(leak.resolve("a.txt"), REPORT + "\n外包合同另册保管。");
    Files.writeString(leak.resolve("d.txt"), REPORT.replace("档案局", "园林局"));
    Run edited = run("index", "--index", idx, leak.toString());
    assertEquals(0, edited.code(), edited.toString());
    assertTrue(edited.out().contains("(2 indexed, 1 unchanged, 0 failed)"), edited.out());
    assertTrue(edited.out().startsWith("indexed:    0\n"), edited.out());
    assertEquals(List.of(0, 4), counts(dir.resolve("index"), key));
    assertTrue(words(dir.resolve("index"), key).contains("外包合同另册保管"));

    // what each file became is the public index's account: it names none of the collection's
    // files, not even one the run skipped (a file's name may be a source's)
    Files.writeString(leak.resolve("线人联系方式.md"), "x");
    assertEquals(0, run("index", "--index", idx, leak.toString(), crawl.toString()).code());
    assertEquals(
        List.of(
            "file\tsha256\toutcome\trole\tkind\tyear\tregion\tissuer\tdocument\ttitle\tfigures\tflags\treason"),
        Files.readAllLines(dir.resolve("index/manifest.tsv")));
  }

  @Test
  void filesAnEarlierVersionReadIntoThePublicIndexAreMovedIntoTheirCollection() throws Exception {
    Path index = dir.resolve("index");
    Path leak = Files.createDirectories(dir.resolve("leak"));
    Files.writeString(leak.resolve("a.txt"), REPORT);
    Path gone = leak.resolve("gone.txt");
    Files.writeString(gone, REPORT.replace("档案局", "城管局"));
    // as an earlier version left it: the collection's files in the public index, hidden by their
    // bytes alone
    org.gongkai.TestSupport.index(
            index, List.of(org.gongkai.TestSupport.CORPUS.resolve("formats"), leak))
        .close();
    String key;
    java.util.Map<String, java.util.Set<String>> shas;
    try (Workspace w = Workspace.open(dir.resolve("desk"))) {
      key = w.collections().create("泄露", false, null, "t").key();
      w.collections()
          .addFiles(
              "泄露",
              java.util.Set.of(
                  org.gongkai.index.ContentHash.of(leak.resolve("a.txt")),
                  org.gongkai.index.ContentHash.of(gone)),
              null,
              "t");
      shas = w.collections().privateFiles();
    }
    Files.delete(gone); // one of them no longer on disk
    try (IndexStore before = IndexStore.openForReading(index)) {
      assertEquals(7, before.documentCount());
    }
    assertEquals(2, org.gongkai.TestSupport.indexer().intoCollections(index, shas));
    assertEquals(List.of(5, 1), counts(index, key));
    // its place given back: the public index scores as one that never held it
    try (IndexStore moved = IndexStore.openForReading(index);
        IndexStore never =
            org.gongkai.TestSupport.index(
                dir.resolve("never"), List.of(org.gongkai.TestSupport.CORPUS.resolve("formats")))) {
      var a = new org.gongkai.search.SearchService(moved, org.gongkai.TestSupport.gazetteer());
      var b = new org.gongkai.search.SearchService(never, org.gongkai.TestSupport.gazetteer());
      for (String q : List.of("公务接待费", "档案", "\"部门决算\"")) {
        var x = a.search(org.gongkai.model.SearchRequest.of(q));
        var y = b.search(org.gongkai.model.SearchRequest.of(q));
        assertEquals(
            y.hits().stream().map(h -> h.id() + " " + h.score()).toList(),
            x.hits().stream().map(h -> h.id() + " " + h.score()).toList(),
            q);
      }
      a.close();
      b.close();
    }
    // nothing left to move, and an index run of the folder keeps it the collection's
    assertEquals(0, org.gongkai.TestSupport.indexer().intoCollections(index, shas));
    assertEquals(0, run("index", "--index", index.toString(), leak.toString()).code());
    assertEquals(List.of(5, 1), counts(index, key));
  }

  @Test
  void aReportWithAnotherPublicFormatIsReadAgainFromItAlone() throws Exception {
    Path index = dir.resolve("index");
    Path formats = org.gongkai.TestSupport.CORPUS.resolve("formats");
    Path variants = org.gongkai.TestSupport.CORPUS.resolve("variants");
    org.gongkai.TestSupport.index(index, List.of(formats, variants)).close();
    String ws = dir.resolve("desk").toString();
    assertEquals(0, run("collection", "create", "泄露", "--workspace", ws).code());
    String key;
    try (Workspace w = Workspace.open(dir.resolve("desk"))) {
      key = w.collections().find("泄露").orElseThrow().key();
    }
    // the 鄂城区 report is one report of two files, its web page and a GBK text
    Path page = formats.resolve("004_37d039dcb8ad6afc.html");
    String pageSha = org.gongkai.index.ContentHash.of(page);
    Run added =
        run(
            "collection",
            "add",
            "泄露",
            page.toString(),
            "--workspace",
            ws,
            "--index",
            index.toString());
    assertEquals(0, added.code(), added.toString());
    // still five public reports: the text's its own now, nothing of the page's reading left
    assertEquals(List.of(5, 1), counts(index, key));
    try (IndexStore pub = IndexStore.openForReading(index)) {
      var ecreng =
          pub.documents().stream().filter(d -> d.title().contains("鄂城区")).findFirst().orElseThrow();
      assertEquals(
          List.of(
              variants
                  .resolve("004_37d039dcb8ad6afc.gbk.txt")
                  .toAbsolutePath()
                  .normalize()
                  .toString()),
          ecreng.files());
      assertTrue(!ecreng.sha256().equals(pageSha));
      assertTrue(pub.files().values().stream().noneMatch(f -> f.sha256().equals(pageSha)));
    }
  }
}
