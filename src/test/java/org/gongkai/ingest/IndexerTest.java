package org.gongkai.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.gongkai.TestSupport;
import org.gongkai.config.IndexConfig;
import org.gongkai.index.IndexStore;
import org.gongkai.model.IndexedDocument;
import org.gongkai.model.IndexedSection;
import org.gongkai.model.SearchRequest;
import org.gongkai.search.SearchService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-indexing: unchanged files skipped, changed files replaced, pruning, failures isolated, stable
 * ids.
 */
class IndexerTest {

  @TempDir Path tmp;

  private final Indexer indexer = TestSupport.indexer();

  private IngestReport run(IndexStore store, boolean prune, Path... paths) throws Exception {
    return indexer.run(store, List.of(paths), prune, Indexer.Progress.NONE);
  }

  private static List<String> sectionIds(IndexStore store) throws Exception {
    List<String> ids = new ArrayList<>();
    for (IndexedDocument d : store.documents())
      for (IndexedSection s : store.sections(d.docId())) ids.add(s.id());
    return List.copyOf(new TreeSet<>(ids));
  }

  private static long hits(IndexStore store, String query) throws Exception {
    return new SearchService(store, TestSupport.gazetteer())
        .search(SearchRequest.of(query))
        .total();
  }

  @Test
  void whatTheFolderWalkCannotFollowIsSkippedWithItsReasonAndTheRunGoesOn() throws Exception {
    Path src = Files.createDirectories(tmp.resolve("walk"));
    Files.copy(
        TestSupport.CORPUS.resolve("seeds/000_988c7a9063883e3f.txt"),
        Files.createDirectories(src.resolve("ok")).resolve("a.txt"));
    Files.createSymbolicLink(Files.createDirectories(src.resolve("loop")).resolve("back"), src);
    Files.createSymbolicLink(src.resolve("dangling.txt"), tmp.resolve("nowhere.txt"));
    Path locked = Files.createDirectories(src.resolve("locked"));
    Files.copy(
        TestSupport.CORPUS.resolve("seeds/001_867eb05ee1b92696.txt"), locked.resolve("b.txt"));
    boolean canLock =
        locked.toFile().setReadable(false, false)
            && !Files.isReadable(locked); // root reads anything
    try (IndexStore store = IndexStore.openForWriting(tmp.resolve("index"))) {
      IngestReport r = run(store, false, src);
      assertEquals(canLock ? 1 : 2, r.indexed());
      List<String> expected =
          new ArrayList<>(
              List.of(
                  src.resolve("dangling.txt")
                      + ": dangling symbolic link: its target does not exist",
                  src.resolve("loop/back")
                      + ": symbolic link loop: it leads back into a folder already walked"));
      if (canLock)
        expected.add(1, locked + ": permission denied: the folder or file cannot be read");
      assertEquals(
          expected, r.unreadable().stream().map(f -> f.file() + ": " + f.reason()).toList());
      assertEquals(expected.size(), r.skipped());
      assertTrue(r.failures().isEmpty());
    } finally {
      locked.toFile().setReadable(true, false);
    }
  }

  /**
   * A named pipe is said, not dropped (nor read: that would wait for a writer); a link to itself is
   * a loop, not dangling; a name holding U+FFFD written in UTF-8 is a name like any other.
   */
  @Test
  void pipesSelfLinksAndReplacementCharactersAreToldApart() throws Exception {
    Path src = Files.createDirectories(tmp.resolve("odd"));
    Path fifo = src.resolve("pipe.txt");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertEquals(0, mkfifo.waitFor());
    Files.createSymbolicLink(src.resolve("self.txt"), src.resolve("self.txt"));
    Path odd = src.resolve("报告\uFFFD.txt");
    Files.copy(TestSupport.CORPUS.resolve("seeds/000_988c7a9063883e3f.txt"), odd);
    try (IndexStore store = IndexStore.openForWriting(tmp.resolve("index"))) {
      IngestReport r =
          org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
              Duration.ofSeconds(60), () -> run(store, false, src));
      assertEquals(1, r.indexed());
      assertEquals(
          List.of(
              fifo + ": not a regular file (a named pipe, socket or device): not read",
              src.resolve("self.txt") + ": symbolic link loop: it leads back to itself"),
          r.unreadable().stream().map(f -> f.file() + ": " + f.reason()).toList());
      assertEquals(List.of(odd.toAbsolutePath().toString()), store.documents().get(0).files());
    }
  }

  /** A member stored as {@code a//b.txt} is found again by the path that names it. */
  @Test
  void aMemberNamedWithADoubleSlashIsFoundAgain() throws Exception {
    Path src = Files.createDirectories(tmp.resolve("zips"));
    Path zip = src.resolve("r.zip");
    try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
      out.putNextEntry(new java.util.zip.ZipEntry("a//b.txt"));
      out.write(Files.readAllBytes(TestSupport.CORPUS.resolve("seeds/000_988c7a9063883e3f.txt")));
      out.closeEntry();
    }
    try (IndexStore store = IndexStore.openForWriting(tmp.resolve("index"))) {
      assertEquals(1, run(store, false, src).indexed());
      String key = store.documents().get(0).files().get(0);
      assertEquals(zip.toAbsolutePath() + "!/a/b.txt", key);
      // read again by that name, as inspect, a download or a re-run does
      byte[] bytes = TestSupport.ingestor().read(Path.of(key));
      assertEquals(
          Files.size(TestSupport.CORPUS.resolve("seeds/000_988c7a9063883e3f.txt")), bytes.length);
    }
  }

  @Test
  void aFileOverTheLimitIsRefusedByItsSizeWithoutBeingRead() throws Exception {
    Path src = Files.createDirectories(tmp.resolve("big"));
    try (var huge = new java.io.RandomAccessFile(src.resolve("huge.txt").toFile(), "rw")) {
      huge.setLength(
          50L << 30); // 50 GB, sparse: reading it would take minutes, refusing it takes none
    }
    Files.copy(TestSupport.CORPUS.resolve("seeds/000_988c7a9063883e3f.txt"), src.resolve("a.txt"));
    try (IndexStore store = IndexStore.openForWriting(tmp.resolve("index"))) {
      IngestReport r =
          org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
              Duration.ofSeconds(60), () -> run(store, false, src));
      assertEquals(1, r.indexed());
      assertEquals(
          List.of("file too large: 51200 MB (limit 100 MB)"),
          r.failures().stream().map(IngestReport.Failure::reason).toList());
    }
  }

  @Test
  void webPagesSavedUnderAServersNameOrAPdfsAreReadAsTheWebPagesTheyAre() throws Exception {
    Path src = Files.createDirectories(tmp.resolve("pages"));
    String page = Files.readString(TestSupport.CORPUS.resolve("formats/004_37d039dcb8ad6afc.html"));
    Files.writeString(src.resolve("detail.jsp"), page);
    Files.writeString(src.resolve("saved.pdf"), page.replace("鄂城区总工会", "鄂城区妇联"));
    try (IndexStore store = IndexStore.openForWriting(tmp.resolve("index"))) {
      // both walked and indexed (not skipped as unsupported, not failed as a broken PDF)
      assertEquals(List.of(2, 0, 0, 0, 0), counts(run(store, false, src)));
      assertEquals(2, store.documents().size());
    }
  }

  @Test
  void filesReadByAnOlderPipelineAreReadAgainThoughTheirBytesAreUnchanged() throws Exception {
    Path src = Files.createDirectories(tmp.resolve("src"));
    Path a =
        Files.copy(
            TestSupport.CORPUS.resolve("seeds/000_988c7a9063883e3f.txt"), src.resolve("a.txt"));
    Files.copy(TestSupport.CORPUS.resolve("seeds/001_867eb05ee1b92696.txt"), src.resolve("b.txt"));
    try (IndexStore store = IndexStore.openForWriting(tmp.resolve("index"))) {
      assertEquals(List.of(2, 0, 0, 0, 0), counts(run(store, false, src)));
      List<String> ids = sectionIds(store);
      // a's record says an older pipeline read it (as records written before versioning do)
      var record = store.files().get(Indexer.key(a));
      store.putFile(
          new org.gongkai.model.IndexedFile(record.path(), record.sha256(), record.docId(), 1));
      store.commit();
      assertEquals(
          List.of(1, 1, 0, 0, 0), counts(run(store, false, src))); // a read again, b unchanged
      assertEquals(DocumentIngestor.PIPELINE_VERSION, store.files().get(Indexer.key(a)).pipeline());
      assertEquals(ids, sectionIds(store));
      assertEquals(2, store.documents().size());
      assertEquals(List.of(0, 2, 0, 0, 0), counts(run(store, false, src)));
    }
  }

  @Test
  void reindexingSkipsUnchangedReplacesChangedAndPrunesOnlyWhenAsked() throws Exception {
    Path src = Files.createDirectories(tmp.resolve("src"));
    Path a =
        Files.copy(
            TestSupport.CORPUS.resolve("seeds/000_988c7a9063883e3f.txt"), src.resolve("a.txt"));
    Path b =
        Files.copy(
            TestSupport.CORPUS.resolve("seeds/001_867eb05ee1b92696.txt"), src.resolve("b.txt"));
    Files.writeString(src.resolve("notes.md"), "not a disclosure");
    try (IndexStore store = IndexStore.openForWriting(tmp.resolve("index"))) {
      IngestReport first = run(store, false, src);
      assertEquals(
          List.of(2, 0, 0, 1, 0),
          counts(first)); // indexed, unchanged, duplicates, skipped, removed
      List<String> ids = sectionIds(store);

      IngestReport again = run(store, false, src);
      assertEquals(List.of(0, 2, 0, 1, 0), counts(again));
      assertEquals(ids, sectionIds(store));

      Files.writeString(
          b, Files.readString(b) + "\n附件3：补充说明\n本单位新增一段测试文字甲乙丙丁。\n", StandardCharsets.UTF_8);
      IngestReport changed = run(store, false, src);
      assertEquals(List.of(1, 1, 0, 1, 1), counts(changed)); // b replaced: its old document removed
      assertEquals(2, store.documents().size());
      assertEquals(1, hits(store, "\"测试文字甲乙丙丁\""));
      String newB = org.gongkai.index.ContentHash.of(b).substring(0, 16);
      assertTrue(store.document("5803293ec4bb623f").isEmpty(), "old version of b is gone");
      assertTrue(store.document(newB).isPresent());

      Files.copy(a, src.resolve("copy-of-a.txt"));
      IngestReport duplicate = run(store, false, src);
      assertEquals(List.of(0, 2, 1, 1, 0), counts(duplicate));
      assertEquals(
          List.of(
              a.toAbsolutePath().toString(),
              src.resolve("copy-of-a.txt").toAbsolutePath().toString()),
          store.document("b1726a4ba7dd55ba").orElseThrow().files());

      Files.delete(a);
      Files.delete(src.resolve("copy-of-a.txt"));
      IngestReport kept = run(store, false, src);
      assertEquals(List.of(0, 1, 0, 1, 0), counts(kept));
      assertEquals(2, store.documents().size(), "without --prune a vanished file stays searchable");
      IngestReport pruned = run(store, true, src);
      assertEquals(List.of(0, 1, 0, 1, 1), counts(pruned));
      assertEquals(List.of(newB), store.documents().stream().map(IndexedDocument::docId).toList());
      assertEquals(0, hits(store, "\"汉阳区总工会\""));
    }
  }

  /**
   * A folder named {@code 重要!} holds files, not an archive's members: {@code --prune} keeps its
   * report run after run, its original is served, and its name is the file's.
   */
  @Test
  void aFolderNamedWithAnExclamationMarkIsAFolderNotAnArchive() throws Exception {
    Path src = Files.createDirectories(tmp.resolve("src"));
    Path folder = Files.createDirectories(src.resolve("重要!"));
    Files.copy(
        TestSupport.CORPUS.resolve("seeds/003_630d0209e54699b1.txt"), folder.resolve("a.txt"));
    try (IndexStore store = IndexStore.openForWriting(tmp.resolve("ix"))) {
      assertEquals(List.of(1, 0, 0, 0, 0), counts(run(store, true, src)));
      for (int again = 0; again < 2; again++) {
        assertEquals(List.of(0, 1, 0, 0, 0), counts(run(store, true, src)));
        assertEquals(1, store.documentCount());
      }
      IndexedDocument d = store.documents().get(0);
      assertEquals(List.of(folder.resolve("a.txt").toAbsolutePath().toString()), d.files());
      var original =
          new org.gongkai.search.ReadingService(store, q -> null).original(d).orElseThrow();
      assertEquals("a.txt", original.name());
      assertEquals(
          "a.txt",
          org.gongkai.model.FileRef.of(d.files().get(0), d.sha256()).name(),
          "a folder's name is not shown as an archive's");
    }
  }

  @Test
  void aFileThatFailsIsReportedAndTheOthersAreStillIndexed() throws Exception {
    Path src = Files.createDirectories(tmp.resolve("src"));
    Files.copy(TestSupport.CORPUS.resolve("seeds/003_630d0209e54699b1.txt"), src.resolve("a.txt"));
    Files.write(
        src.resolve("broken.pdf"),
        "%PDF-1.7\nthis is not really a pdf".getBytes(StandardCharsets.US_ASCII));
    Files.write(src.resolve("empty.docx"), new byte[0]);
    Files.copy(TestSupport.CORPUS.resolve("seeds/004_37d039dcb8ad6afc.txt"), src.resolve("z.txt"));
    try (IndexStore store = IndexStore.openForWriting(tmp.resolve("index"))) {
      IngestReport r = run(store, false, src);
      assertEquals(2, r.indexed());
      assertEquals(
          List.of(src.resolve("broken.pdf").toString(), src.resolve("empty.docx").toString()),
          r.failures().stream().map(IngestReport.Failure::file).toList());
      assertEquals("empty file (0 bytes)", r.failures().get(1).reason());
      assertTrue(
          r.failures().get(0).reason().startsWith("cannot parse PDF"),
          r.failures().get(0).reason());
      assertEquals(2, store.documents().size());
      // a failed file is tried again next time; the good ones are not
      IngestReport again = run(store, false, src);
      assertEquals(List.of(0, 2, 0, 0, 0), counts(again));
      assertEquals(2, again.failures().size());
    }
  }

  @Test
  void rebuildingFromScratchGivesTheSameSectionIds() throws Exception {
    Path corpus = TestSupport.CORPUS.resolve("formats");
    List<String> first, second;
    try (IndexStore store = IndexStore.openForWriting(tmp.resolve("one"))) {
      run(store, false, corpus);
      first = sectionIds(store);
    }
    try (IndexStore store = IndexStore.openForWriting(tmp.resolve("two"))) {
      run(store, false, corpus);
      second = sectionIds(store);
    }
    assertEquals(196, first.size());
    assertEquals(first, second);
    assertTrue(first.contains("52bbe3626a4811c6-3.9.1"));
  }

  @Test
  void aReportsCleanTextIsPutBackTogetherFromItsSectionsExactly() throws Exception {
    Path corpus = TestSupport.CORPUS.resolve("seeds");
    try (IndexStore store = IndexStore.openForWriting(tmp.resolve("text"))) {
      run(store, false, corpus);
      int compared = 0;
      for (IndexedDocument d : store.documents()) {
        Path file = corpus.resolve(d.files().get(0));
        String ingested = TestSupport.ingestor().document(file).text();
        assertEquals(ingested, store.cleanText(d.docId()).orElseThrow(), d.files().get(0));
        compared++;
      }
      assertEquals(5, compared);
    }
  }

  @Test
  void manyWorkersGiveTheSameIndexAndReportAsOne() throws Exception {
    // the five reports, a copy of one, and two copies of a broken file: duplicates are settled in
    // file
    // order whatever the timing, and a copy of a file that failed fails the same way
    Path src = Files.createDirectories(tmp.resolve("src"));
    try (var files = Files.list(TestSupport.CORPUS.resolve("formats"))) {
      for (Path f : files.toList()) Files.copy(f, src.resolve(f.getFileName()));
    }
    Path first = src.resolve("000_988c7a9063883e3f.pdf");
    assertTrue(Files.exists(first), "fixture name");
    Files.copy(first, src.resolve("000_copy.pdf"));
    Files.write(
        src.resolve("broken-a.pdf"), "%PDF-1.7 truncated".getBytes(StandardCharsets.US_ASCII));
    Files.write(
        src.resolve("broken-b.pdf"), "%PDF-1.7 truncated".getBytes(StandardCharsets.US_ASCII));
    List<Object> outcomes = new ArrayList<>();
    for (int threads : new int[] {1, 4}) {
      Indexer workers =
          new Indexer(
              TestSupport.ingestor(), TestSupport.CLOCK, new IndexConfig(threads, Duration.ZERO));
      try (IndexStore store = IndexStore.openForWriting(tmp.resolve("index-" + threads))) {
        IngestReport r = workers.run(store, List.of(src), false, Indexer.Progress.NONE);
        List<String> failed =
            r.failures().stream()
                .map(f -> Path.of(f.file()).getFileName() + ": " + f.reason())
                .toList();
        outcomes.add(
            List.of(
                counts(r),
                failed,
                sectionIds(store),
                store.document("52bbe3626a4811c6").orElseThrow().files(),
                store.files().size(),
                new SearchService(store, TestSupport.gazetteer())
                    .search(SearchRequest.of("三公经费")).hits().stream().map(h -> h.id()).toList()));
      }
    }
    assertEquals(outcomes.get(0), outcomes.get(1));
    assertEquals(List.of(5, 0, 1, 0, 0), ((List<?>) outcomes.get(0)).get(0));
    assertEquals(2, ((List<?>) ((List<?>) outcomes.get(0)).get(1)).size());
    assertEquals(
        List.of(
            first.toAbsolutePath().toString(),
            src.resolve("000_copy.pdf").toAbsolutePath().toString()),
        ((List<?>) outcomes.get(0)).get(3));
  }

  private static List<Integer> counts(IngestReport r) {
    return List.of(r.indexed(), r.unchanged(), r.duplicates(), r.skipped(), r.removed());
  }
}
