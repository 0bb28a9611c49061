package org.gongkai.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a watch finds ready, look by look (#67): a new or changed file once it has stopped changing
 * for the settling time, a file gone at once, a moved file at once with its old name's prune.
 */
class FolderWatchTest {

  static final FolderWatch.Stamp A = new FolderWatch.Stamp(100, 1_000),
      B = new FolderWatch.Stamp(200, 2_000);

  private static String said(FolderWatch.Changes c) {
    return "ready " + c.ready() + " gone " + c.gone();
  }

  @Test
  void aNewFileIsReadyOnceItHasStoppedChanging() {
    FolderWatch w = new FolderWatch(Map.of(), 2_000);
    assertEquals(
        "ready [] gone []", said(w.look(Map.of("/c/a.pdf", new FolderWatch.Stamp(10, 500)), 0)));
    // still being written: its clock starts again
    assertEquals("ready [] gone []", said(w.look(Map.of("/c/a.pdf", A), 1_000)));
    assertEquals(1, w.waiting());
    assertEquals("ready [] gone []", said(w.look(Map.of("/c/a.pdf", A), 2_500)));
    assertEquals("ready [/c/a.pdf] gone []", said(w.look(Map.of("/c/a.pdf", A), 3_000)));
    assertEquals(0, w.waiting());
    // indexed: nothing more to do while it stays so
    assertEquals("ready [] gone []", said(w.look(Map.of("/c/a.pdf", A), 9_000)));
  }

  @Test
  void aChangedFileIsReadAgainAndAFileGoneIsGoneAtOnce() {
    FolderWatch w = new FolderWatch(Map.of("/c/a.pdf", A, "/c/b.pdf", B), 2_000);
    FolderWatch.Stamp edited = new FolderWatch.Stamp(120, 5_000);
    assertEquals("ready [] gone [/c/b.pdf]", said(w.look(Map.of("/c/a.pdf", edited), 0)));
    assertEquals("ready [/c/a.pdf] gone []", said(w.look(Map.of("/c/a.pdf", edited), 2_000)));
    // a file written and deleted before it settled was never ready, and is not gone either
    assertEquals(
        "ready [] gone []", said(w.look(Map.of("/c/a.pdf", edited, "/c/tmp.pdf", A), 3_000)));
    assertEquals("ready [] gone []", said(w.look(Map.of("/c/a.pdf", edited), 4_000)));
  }

  @Test
  void aMovedFileIsReadyWithItsOldNamesPrune() {
    FolderWatch w = new FolderWatch(Map.of("/c/a.pdf", A), 2_000);
    assertEquals(
        "ready [/c/2026/a.pdf] gone [/c/a.pdf]", said(w.look(Map.of("/c/2026/a.pdf", A), 0)));
    assertEquals("ready [] gone []", said(w.look(Map.of("/c/2026/a.pdf", A), 5_000)));
  }

  @Test
  void aBurstIsOneLook() {
    java.util.Map<String, FolderWatch.Stamp> many = new java.util.TreeMap<>();
    for (int i = 0; i < 1_000; i++) many.put(String.format("/c/%04d.pdf", i), A);
    FolderWatch w = new FolderWatch(Map.of(), 2_000);
    assertEquals(List.of(), w.look(many, 0).ready());
    assertEquals(1_000, w.look(many, 2_000).ready().size());
  }
}
