package org.gongkai.ingest;

/**
 * What the heap allows a run to index: a document refused before Lucene's writer runs out of memory
 * (which would close it and lose what is not committed), and the reason a file that ran out of
 * memory fails with. Split from {@link Indexer}.
 */
final class HeapGuard {

  private HeapGuard() {}

  /** Why a file that ran out of memory failed, the same wherever it ran out. */
  static String outOfMemory() {
    return "out of memory: reading the file needs more than the "
        + (Runtime.getRuntime().maxMemory() >> 20)
        + " MB heap allows (run index with a larger -Xmx to read it)";
  }

  /**
   * Heap that indexing takes per character of a document's text while Lucene holds it (words,
   * postings, stored text): measured 92 bytes on a 9.6 M-character report of one section.
   */
  static final long INDEXING_BYTES_PER_CHAR = 96;

  /**
   * Refuses, as out of memory, a document the heap cannot hold while it is indexed: running out of
   * memory inside Lucene's index writer closes the writer, and with it everything not yet
   * committed, so the run could not go on. The heap in use is what the last collection left.
   */
  static void ensureHeapToIndex(int chars) {
    long need = chars * INDEXING_BYTES_PER_CHAR;
    long live = 0;
    for (java.lang.management.MemoryPoolMXBean pool :
        java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() != java.lang.management.MemoryType.HEAP) continue;
      java.lang.management.MemoryUsage afterGc = pool.getCollectionUsage();
      if (afterGc != null) live += afterGc.getUsed();
    }
    if (need > Runtime.getRuntime().maxMemory() - live) {
      // the last collection's count may hold what other files left: measured again after one,
      // so whether a large file fits does not depend on when the collector last ran
      System.gc();
      live =
          java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      if (need > Runtime.getRuntime().maxMemory() - live)
        throw new OutOfMemoryError(
            "indexing " + chars + " characters needs about " + (need >> 20) + " MB");
    }
  }
}
