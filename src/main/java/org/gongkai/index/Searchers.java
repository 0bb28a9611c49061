package org.gongkai.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.SearcherManager;
import org.gongkai.model.Visibility;

/**
 * The index's searchers as a request may see them: the latest one of this index, joined with the
 * latest of each private collection's own index the request may read ({@link Visibility}), and
 * narrowed to the documents it asks for. A request that may read no private collection searches
 * this index alone, exactly as a portal that never held one: its hits, counts and term statistics
 * (the scores) are this index's. Acquire and release as with Lucene's {@link SearcherManager}.
 */
public final class Searchers {

  /** The private collections' own indexes, by storage key (empty: none on disk). */
  @FunctionalInterface
  public interface Overlay {
    Optional<Searchers> of(String key) throws IOException;

    Overlay NONE = key -> Optional.empty();
  }

  private final SearcherManager manager;
  private final ExecutorService threads;
  private volatile Overlay overlay = Overlay.NONE;

  /** What a joined searcher holds: each index's own searcher, to release with it. */
  private record Held(Searchers of, IndexSearcher searcher) {}

  private final Map<IndexSearcher, List<Held>> heldBy =
      Collections.synchronizedMap(new IdentityHashMap<>());

  Searchers(SearcherManager manager, ExecutorService threads) {
    this.manager = manager;
    this.threads = threads;
  }

  /** From now on, requests read the private collections {@code overlay} opens besides this. */
  public void overlay(Overlay overlay) {
    this.overlay = overlay == null ? Overlay.NONE : overlay;
  }

  /**
   * The readers joined last, by the readers they join and what they narrow to: a request acquires
   * several searchers, and requests of one user follow each other, so a join is made once per
   * refresh and user, not per acquire. (A reader kept here after its refresh is only held, never
   * searched: the latest is looked up by identity.) Neither a join nor a narrowing holds a
   * reference of its own: the searchers acquired beside it keep its readers open, and it is
   * dropped, never closed.
   */
  private final Map<List<Object>, IndexReader> joins =
      new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Object>, IndexReader> eldest) {
          return size() > JOINS;
        }
      };

  private static final int JOINS = 16;

  /** A searcher over what the current request may see. */
  public IndexSearcher acquire() throws IOException {
    Set<String> readable = Visibility.readable();
    Set<String> only = Visibility.only();
    IndexSearcher base = manager.acquire();
    if (readable.isEmpty() && only == null) return base;
    List<Held> held = new ArrayList<>();
    held.add(new Held(this, base));
    try {
      for (String key : new TreeSet<>(readable)) {
        Optional<Searchers> collection = overlay.of(key);
        if (collection.isPresent())
          held.add(new Held(collection.get(), collection.get().manager.acquire()));
      }
      if (held.size() == 1 && only == null) return base;
      IndexSearcher joined = IndexStore.searcher(join(held, only), threads);
      heldBy.put(joined, held);
      return joined;
    } catch (IOException | RuntimeException e) {
      for (Held h : held) h.of().manager.release(h.searcher());
      throw e;
    }
  }

  private IndexReader join(List<Held> held, Set<String> only) throws IOException {
    List<Object> key = new ArrayList<>();
    // the readers themselves by identity (readers do not define equality), what it keeps by value
    for (Held h : held) key.add(new Identity(h.searcher().getIndexReader()));
    key.add(only == null ? List.of() : List.of(only));
    synchronized (joins) {
      IndexReader r = joins.get(key);
      if (r != null) return r;
    }
    IndexReader[] parts = new IndexReader[held.size()];
    for (int i = 0; i < parts.length; i++) {
      DirectoryReader reader = (DirectoryReader) held.get(i).searcher().getIndexReader();
      parts[i] = only == null ? reader : MaskedReader.keeping(reader, only);
    }
    // closeSubReaders true: the join takes no reference of its own (one with false would incRef
    // its parts, and keep old readers open for as long as it is cached); it is never closed
    IndexReader r = parts.length == 1 ? parts[0] : new MultiReader(parts, true);
    synchronized (joins) {
      joins.put(key, r);
    }
    return r;
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
    List<Held> held = heldBy.remove(searcher);
    if (held == null) {
      manager.release(searcher);
      return;
    }
    IOException failed = null;
    for (Held h : held) {
      try {
        h.of().manager.release(h.searcher());
      } catch (IOException e) {
        failed = e;
      }
    }
    if (failed != null) throw failed;
  }

  /**
   * The latest searcher of this index alone, as indexed, nothing joined nor narrowed (what caches
   * are keyed by, with {@link #versions} beside it); release with {@link #release}.
   */
  public IndexSearcher acquireLatest() throws IOException {
    return manager.acquire();
  }

  /**
   * The private collections the current request reads, each with the version of its index now (keys
   * and versions in turn, by key): with {@link #acquireLatest}, what an answer depends on.
   */
  public List<Object> versions() throws IOException {
    Set<String> readable = Visibility.readable();
    if (readable.isEmpty()) return List.of();
    List<Object> out = new ArrayList<>();
    for (String key : new TreeSet<>(readable)) {
      Optional<Searchers> collection = overlay.of(key);
      if (collection.isEmpty()) continue;
      IndexSearcher s = collection.get().manager.acquire();
      try {
        out.add(key);
        out.add(((DirectoryReader) s.getIndexReader()).getVersion());
      } finally {
        collection.get().manager.release(s);
      }
    }
    return out;
  }

  /** Makes what the private collections the current request reads committed visible. */
  public void refreshOverlay() throws IOException {
    for (String key : Visibility.readable()) {
      Optional<Searchers> collection = overlay.of(key);
      if (collection.isPresent()) collection.get().manager.maybeRefresh();
    }
  }

  public void addListener(ReferenceManager.RefreshListener listener) {
    manager.addListener(listener);
  }

  public void removeListener(ReferenceManager.RefreshListener listener) {
    manager.removeListener(listener);
  }
}
