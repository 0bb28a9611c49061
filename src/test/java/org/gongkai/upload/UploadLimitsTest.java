package org.gongkai.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.gongkai.TestSupport;
import org.gongkai.index.CollectionIndexes;
import org.gongkai.index.IndexStore;
import org.gongkai.workspace.Collection;
import org.gongkai.workspace.Role;
import org.gongkai.workspace.Uploads;
import org.gongkai.workspace.User;
import org.gongkai.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upload's limits count what is kept, not what is sent: an archive's members are files of the
 * upload, each within the limit of a file and all within the upload's; nothing is kept of a file
 * that fails, nor of the archive; a disk without room fails each file with its reason. An upload
 * that meets an index another run holds waits, says so, and goes on once it is free.
 */
class UploadLimitsTest {

  @TempDir Path dir;

  static byte[] zip(int members, int bytes) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      for (int i = 0; i < members; i++) {
        z.putNextEntry(new ZipEntry("m" + i + ".txt"));
        // compresses to nearly nothing: what is sent says nothing of what is kept
        byte[] text = ("第" + i + "份。").getBytes(StandardCharsets.UTF_8);
        for (int k = 0; k < bytes; k++) z.write(k < text.length ? text[k] : ' ');
        z.closeEntry();
      }
    }
    return out.toByteArray();
  }

  static UploadService.Incoming incoming(String name, byte[] bytes) {
    return new UploadService.Incoming(name, bytes.length, () -> new ByteArrayInputStream(bytes));
  }

  private List<String> outcomes(Uploads.Upload u) {
    List<String> out = new ArrayList<>();
    for (Uploads.File f : u.files())
      out.add(f.name() + " " + f.outcome().code() + (f.detail() == null ? "" : ": " + f.detail()));
    return out;
  }

  @Test
  void archiveMembersCountAsFilesAndNothingFailedIsKept() throws Exception {
    try (Workspace w = Workspace.open(dir.resolve("ws"))) {
      User chen = w.users().add("chen", Role.EDITOR, "correct horse".toCharArray(), null, "t");
      Collection desk = w.collections().create("desk", false, null, "t");
      w.collections().share("desk", "chen", "editor", null, "t");
      Path index = dir.resolve("index");
      TestSupport.index(index, List.of(TestSupport.CORPUS.resolve("formats"))).close();
      Path uploads = dir.resolve("uploads");
      // 2 MB a file, 3 MB an upload
      try (UploadService s =
          new UploadService(
              w,
              uploads,
              index,
              c -> TestSupport.indexer(),
              new UploadService.Limits(10, 2L << 20, 3L << 20, 0),
              Clock.systemUTC())) {
        byte[] bomb = zip(4, 1 << 20); // four members of 1 MB: a few KB sent
        assertTrue(bomb.length < 64 << 10, "sent: " + bomb.length);
        byte[] big = zip(1, 5 << 19); // one member of 2.5 MB
        Uploads.Upload u =
            s.receive(chen, desk, List.of(incoming("大.zip", big), incoming("材料.zip", bomb)), "t");
        assertEquals(
            List.of(
                "大.zip/m0.txt failed: larger than 2 MB",
                "材料.zip/m0.txt waiting",
                "材料.zip/m1.txt waiting",
                "材料.zip/m2.txt waiting",
                "材料.zip/m3.txt failed: past 3 MB in one upload"),
            outcomes(u));
        // kept: the three members that fit, not the archives, not the failed
        long kept;
        try (var walk = Files.walk(uploads)) {
          kept = walk.filter(Files::isRegularFile).count();
        }
        assertEquals(3, kept);
      }
      // a disk without the room asked for: each file fails with its reason, nothing is kept
      try (UploadService s =
          new UploadService(
              w,
              dir.resolve("uploads2"),
              index,
              c -> TestSupport.indexer(),
              new UploadService.Limits(10, 2L << 20, 3L << 20, Long.MAX_VALUE / 4),
              Clock.systemUTC())) {
        Uploads.Upload u =
            s.receive(
                chen,
                desk,
                List.of(incoming("a.txt", "一份文件".getBytes(StandardCharsets.UTF_8))),
                "t");
        assertEquals(List.of("a.txt failed: " + UploadService.NO_ROOM), outcomes(u));
        try (var walk = Files.walk(dir.resolve("uploads2"))) {
          assertEquals(0, walk.filter(Files::isRegularFile).count());
        }
      }
      w.close();
    }
  }

  @Test
  void anUploadThatMeetsAHeldIndexWaitsSaysSoAndGoesOn() throws Exception {
    try (Workspace w = Workspace.open(dir.resolve("ws"))) {
      User chen = w.users().add("chen", Role.EDITOR, "correct horse".toCharArray(), null, "t");
      Collection desk = w.collections().create("desk", false, null, "t");
      w.collections().share("desk", "chen", "editor", null, "t");
      Path index = dir.resolve("index");
      TestSupport.index(index, List.of(TestSupport.CORPUS.resolve("formats"))).close();
      try (UploadService s =
          new UploadService(
              w,
              dir.resolve("uploads"),
              index,
              c -> TestSupport.indexer(),
              UploadService.Limits.DEFAULT,
              Clock.systemUTC())) {
        s.lockWait(Duration.ofMillis(200), Duration.ofMillis(500));
        Uploads.Upload u;
        // another run writes the collection's index
        try (IndexStore held = CollectionIndexes.openForWriting(index, desk.key())) {
          u =
              s.receive(
                  chen,
                  desk,
                  List.of(
                      incoming(
                          "a.txt",
                          "武汉市江岸区园林局2025年度部门决算\n负责全区绿地的养护。".getBytes(StandardCharsets.UTF_8))),
                  "t");
          long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
          while (!s.waitingForIndex(u.id()) && System.nanoTime() < until) Thread.sleep(50);
          assertTrue(s.waitingForIndex(u.id()), "said to wait");
          Thread.sleep(1500); // tried again, and waits again: never given up, never stuck
          assertTrue(s.waitingForIndex(u.id()));
          assertEquals("indexing", w.uploads().find(u.id()).orElseThrow().state());
        }
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!w.uploads().find(u.id()).orElseThrow().finished() && System.nanoTime() < until)
          Thread.sleep(100);
        Uploads.Upload done = w.uploads().find(u.id()).orElseThrow();
        assertEquals("done", done.state());
        assertEquals(Uploads.Outcome.INDEXED, done.files().get(0).outcome());
        assertTrue(!s.waitingForIndex(u.id()));
      }
      w.close();
    }
  }
}
