package org.gongkai.model;

import java.util.Set;

/**
 * What the request being answered may read besides the public index: the private collections its
 * user is given, by their storage keys ({@link Domain}) — set by the portal for the thread
 * answering a request, read by the index when a searcher is acquired, so every search, count,
 * facet, term statistic and lookup made for the request is over the public index and those
 * collections' own indexes, and nothing else. Empty (the public index alone) outside a workspace's
 * requests, and on every thread the portal did not set it for.
 */
public final class Visibility {
  private Visibility() {}

  private static final ThreadLocal<Set<String>> READABLE = ThreadLocal.withInitial(Set::of);

  /** The storage keys of the private collections the request may read. */
  public static Set<String> readable() {
    return READABLE.get();
  }

  public static void readable(Set<String> keys) {
    READABLE.set(Set.copyOf(keys));
  }

  public static void clear() {
    READABLE.remove();
    ONLY.remove();
  }

  /**
   * The documents (by id) the request is narrowed to — reports with a note, or with a tag, a search
   * asked for — or null when it is not narrowed.
   */
  private static final ThreadLocal<Set<String>> ONLY = new ThreadLocal<>();

  public static Set<String> only() {
    return ONLY.get();
  }

  public static void only(Set<String> docIds) {
    if (docIds == null) ONLY.remove();
    else ONLY.set(Set.copyOf(docIds));
  }
}
