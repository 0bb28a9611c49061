package org.gongkai.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The folder of Tesseract's one-thread wrapper is named after its process: a process killed with
 * kill -9 (no exit hooks) leaves its folder, and the next one removes it; a live process's stays.
 */
class TesseractWrapperTest {

  @TempDir Path tmp;

  @Test
  void foldersOfGoneProcessesAreRemovedAndLiveOnesKept() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Path stale = Files.createDirectory(tmp.resolve(PdfOcr.WRAPPER_PREFIX + gone.pid() + "-123"));
    Files.writeString(stale.resolve("tesseract"), "#!/bin/sh\n");
    Path live =
        Files.createDirectory(
            tmp.resolve(PdfOcr.WRAPPER_PREFIX + ProcessHandle.current().pid() + "-456"));
    Files.writeString(live.resolve("tesseract"), "#!/bin/sh\n");
    Path other = Files.createDirectory(tmp.resolve(PdfOcr.WRAPPER_PREFIX + "notapid"));
    PdfOcr.removeStale(tmp);
    try (var left = Files.list(tmp)) {
      assertEquals(
          List.of(live.getFileName().toString(), other.getFileName().toString()),
          left.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }
}
