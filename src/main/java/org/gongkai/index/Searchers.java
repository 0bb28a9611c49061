package org.gongkai.index;

import java.io.IOException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.SearcherManager;
import org.gongkai.model.Visibility;

/**
 * The index's searchers as a request may see them: the latest one, with the documents {@link
 * Visibility} hides for the thread's request masked as deleted. Acquire and release as with
 * Lucene's {@link SearcherManager}.
 */
public final class Searchers {

  private final SearcherManager manager;
  private final ExecutorService threads;

  /** The latest searcher a masked one was made over, to release it with. */
  private final Map<IndexSearcher, IndexSearcher> baseOf =
      Collections.synchronizedMap(new IdentityHashMap<>());

  Searchers(SearcherManager manager, ExecutorService threads) {
    this.manager = manager;
    this.threads = threads;
  }

  /**
   * The masked readers made last, by the reader they mask and what they hide: a request acquires
   * several searchers, and requests of one user follow each other, so a mask is made once per
   * refresh and visibility, not per acquire. (A reader kept here after its refresh is only held,
   * never searched: the latest is looked up by identity.)
   */
  private final Map<List<Object>, MaskedReader> masks =
      new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Object>, MaskedReader> eldest) {
          return size() > MASKS;
        }
      };

  private static final int MASKS = 16;

  /** A searcher over what the current request may see. */
  public IndexSearcher acquire() throws IOException {
    IndexSearcher base = manager.acquire();
    Set<String> hidden = Visibility.hidden();
    Set<String> only = Visibility.only();
    if (hidden.isEmpty() && only == null) return base;
    try {
      IndexSearcher masked = IndexStore.searcher(mask(base, hidden, only), threads);
      baseOf.put(masked, base);
      return masked;
    } catch (IOException | RuntimeException e) {
      manager.release(base);
      throw e;
    }
  }

  private MaskedReader mask(IndexSearcher base, Set<String> hidden, Set<String> only)
      throws IOException {
    DirectoryReader reader = (DirectoryReader) base.getIndexReader();
    // the reader itself by identity (readers do not define equality), what it hides by value
    List<Object> key =
        List.of(new Identity(reader), hidden, only == null ? List.of() : List.of(only));
    synchronized (masks) {
      MaskedReader m = masks.get(key);
      if (m != null) return m;
    }
    MaskedReader m = MaskedReader.of(reader, hidden, only);
    synchronized (masks) {
      masks.put(key, m);
    }
    return m;
  }

  /** An object compared by identity. */
  private record Identity(Object of) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Identity i && i.of == of;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(of);
    }
  }

  public void release(IndexSearcher searcher) throws IOException {
    IndexSearcher base = baseOf.remove(searcher);
    manager.release(base != null ? base : searcher);
  }

  /**
   * The latest searcher as indexed, nothing masked (what caches are keyed by, with what is hidden
   * beside it); release with {@link #release}.
   */
  public IndexSearcher acquireLatest() throws IOException {
    return manager.acquire();
  }

  public void addListener(ReferenceManager.RefreshListener listener) {
    manager.addListener(listener);
  }

  public void removeListener(ReferenceManager.RefreshListener listener) {
    manager.removeListener(listener);
  }
}
