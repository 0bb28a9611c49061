package org.gongkai.model;

import java.util.Set;

/**
 * What the request being answered may not see (the files of private collections its user is not
 * given), by their SHA-256 — or documents by their id: set by the portal for the thread answering a
 * request, read by the index when a searcher is acquired, so every search, count, facet and lookup
 * made for the request leaves them out. Empty (nothing hidden) outside a workspace's requests.
 */
public final class Visibility {
  private Visibility() {}

  private static final ThreadLocal<Set<String>> HIDDEN = ThreadLocal.withInitial(Set::of);

  public static Set<String> hidden() {
    return HIDDEN.get();
  }

  public static void set(Set<String> docIds) {
    HIDDEN.set(Set.copyOf(docIds));
  }

  public static void clear() {
    HIDDEN.remove();
    ONLY.remove();
  }

  /**
   * The documents (by id) the request is narrowed to besides what it hides — reports with a note,
   * or with a tag, a search asked for — or null when it is not narrowed.
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
