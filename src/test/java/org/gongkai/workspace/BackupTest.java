package org.gongkai.workspace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.gongkai.TestSupport;
import org.gongkai.index.IndexStore;
import org.gongkai.model.IndexedDocument;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A workspace backed up to one file and restored into a fresh one, on H2 and PostgreSQL: every
 * table's rows the same, the index's documents the same, the originals the same bytes; accounts
 * sign in with their passwords, and new rows take ids past the restored ones.
 */
class BackupTest {

  @TempDir Path dir;

  /** Every table's rows, in order, as text: what must come back the same. */
  static List<String> rows(Workspace w) {
    List<String> out = new ArrayList<>();
    for (String table : Backup.TABLES.keySet())
      w.jdbi()
          .useHandle(
              h ->
                  h.createQuery("SELECT * FROM " + table)
                      .mapToMap()
                      .list()
                      .forEach(
                          r -> {
                            java.util.TreeMap<String, Object> sorted = new java.util.TreeMap<>();
                            r.forEach(
                                (k, v) ->
                                    sorted.put(
                                        k.toLowerCase(),
                                        v instanceof java.sql.Timestamp t
                                            ? t.toInstant()
                                            : v instanceof java.time.OffsetDateTime o
                                                ? o.toInstant()
                                                : v));
                            out.add(table + " " + sorted);
                          }));
    java.util.Collections.sort(out);
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void aWorkspaceRestoredIntoAFreshOneIsTheSame(String database) throws Exception {
    Path index = dir.resolve("index");
    Path uploads = Files.createDirectories(dir.resolve("uploads/2026-11-25-ab/0"));
    byte[] original =
        String.join(
                "\n",
                "武汉市江岸区档案局2024年度部门决算",
                "第一部分 部门概况",
                "一、主要职责",
                "负责全区档案的收集、保管和利用。",
                "第二部分 2024年度部门决算情况说明",
                "一、收入支出决算总体情况说明",
                "2024年度收入合计880.00万元，支出合计880.00万元。")
            .getBytes(StandardCharsets.UTF_8);
    Files.write(uploads.resolve("原件.txt"), original);
    TestSupport.index(index, List.of(TestSupport.CORPUS.resolve("formats"))).close();

    Workspace w = Databases.fresh(database, dir);
    User chen = w.users().add("chen", Role.EDITOR, "correct horse".toCharArray(), null, "test");
    w.users().add("li", Role.READER, "battery staple".toCharArray(), null, "test");
    Collection desk = w.collections().create("调查组", false, null, "test");
    // the collection's own index names the uploaded original where it is kept
    org.gongkai.index.CollectionIndexes.addRoots(
        index, desk.key(), List.of(dir.resolve("uploads")));
    TestSupport.indexInto(index, desk.key(), List.of(uploads)).close();
    w.collections().addFiles("调查组", Set.of("a".repeat(64)), null, "test");
    w.collections().share("调查组", "li", "reader", null, "test");
    w.collections().createGroup("编辑部", null, "test");
    w.collections().setMember("编辑部", "chen", true, null, "test");
    w.collections().shareWithGroup("调查组", "编辑部", "editor", null, "test");
    w.savedSearches().save(chen, "接待", "q=%E6%8E%A5%E5%BE%85");
    w.stars().toggle(chen, "52bbe3626a4811c6");
    w.notes()
        .add(chen, "52bbe3626a4811c6", "52bbe3626a4811c6-3", "公务接待", "问来源", true, Instant.now());
    w.notes().tag(chen, Set.of("52bbe3626a4811c6"), "线索", "test");
    w.uploads()
        .create(
            chen,
            desk,
            List.of(
                new Uploads.File(
                    0,
                    "原件.txt",
                    "2026-11-25-ab/0/原件.txt",
                    "b".repeat(64),
                    21,
                    Uploads.Outcome.WAITING,
                    null)),
            "test",
            Instant.now());
    List<String> before = rows(w);

    Path backup = dir.resolve("desk.zip");
    Backup.Summary written = Backup.write(w, index, dir.resolve("uploads"), backup);
    assertEquals(1, written.originals());
    assertEquals(2, written.rows().get("users"));
    assertEquals(1, written.rows().get("notes"));
    w.close();

    Path index2 = dir.resolve("restored/index");
    Path uploads2 = dir.resolve("restored/uploads");
    Workspace fresh = Databases.fresh(database, Files.createDirectories(dir.resolve("restored")));
    Backup.Summary restored = Backup.restore(backup, fresh, index2, uploads2);
    assertEquals(written.rows(), restored.rows());
    assertEquals(written.indexFiles(), restored.indexFiles());
    assertEquals(before, rows(fresh));
    assertArrayEquals(original, Files.readAllBytes(uploads2.resolve("2026-11-25-ab/0/原件.txt")));
    // the accounts sign in; a new row takes an id past the restored ones
    assertTrue(
        fresh.users().authenticate("chen", "correct horse".toCharArray(), "test").isPresent());
    User wang = fresh.users().add("wang", Role.READER, "tr0ub4dor &3".toCharArray(), null, "test");
    assertEquals(3, wang.id());
    // the index and the collection's own: the same reports, sound
    for (Path[] pair :
        List.of(
            new Path[] {index, index2},
            new Path[] {
              org.gongkai.index.CollectionIndexes.dir(index, desk.key()),
              org.gongkai.index.CollectionIndexes.dir(index2, desk.key())
            }))
      try (IndexStore a = IndexStore.openForReading(pair[0]);
          IndexStore b = IndexStore.openForReading(pair[1])) {
        assertEquals(
            a.documents().stream().map(IndexedDocument::docId).sorted().toList(),
            b.documents().stream().map(IndexedDocument::docId).sorted().toList());
        assertEquals(a.sectionCount(), b.sectionCount());
        assertEquals(a.domain(), b.domain());
        assertEquals(0, b.checkIntegrity() >= 0 ? 0 : 1);
      }
    // the folder of uploads is the collection's at its new place too: never indexed as public
    assertEquals(
        List.of(
            dir.resolve("restored/uploads").toAbsolutePath().normalize().toString(),
            dir.resolve("uploads").toAbsolutePath().normalize().toString()),
        org.gongkai.index.CollectionIndexes.roots(index2, desk.key()));
    // the old folder gone (another machine), the restored index finds the upload at its new place
    assertEquals(
        dir.resolve("uploads").toAbsolutePath().normalize() + "\n",
        Files.readString(uploads2.resolve(Backup.MOVED_FROM)));
    try (var walk = Files.walk(dir.resolve("uploads"))) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
    }
    try (IndexStore b =
        IndexStore.openForReading(org.gongkai.index.CollectionIndexes.dir(index2, desk.key()))) {
      IndexedDocument uploaded =
          b.documents().stream()
              .filter(d -> d.title().contains("江岸区档案局"))
              .findFirst()
              .orElseThrow();
      var search = new org.gongkai.search.SearchService(b, TestSupport.gazetteer());
      var reading = new org.gongkai.search.ReadingService(b, search);
      assertTrue(reading.original(uploaded).isEmpty(), "not where the index names it");
      org.gongkai.cli.Wiring.relocated(reading, uploads2);
      var found = reading.original(uploaded).orElseThrow();
      assertEquals(
          uploads2.resolve("2026-11-25-ab/0/原件.txt").toAbsolutePath().normalize(), found.path());
      search.close();
    }
    // a workspace that is not empty, or a folder that is not, is refused
    assertThrows(
        WorkspaceException.class, () -> Backup.restore(backup, fresh, dir.resolve("x"), null));
    Workspace other = Databases.fresh(database, Files.createDirectories(dir.resolve("other")));
    assertThrows(
        WorkspaceException.class, () -> Backup.restore(backup, other, index2, dir.resolve("y")));
    fresh.close();
    other.close();
  }
}
