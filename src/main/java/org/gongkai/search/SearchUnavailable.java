package org.gongkai.search;

import java.io.IOException;

/**
 * The search engine cannot be reached for now (a SolrCloud cluster whose ZooKeeper or nodes do not
 * answer): not a fault of the request, and gone by itself when the cluster returns. The portal
 * answers 503 and says so.
 */
public final class SearchUnavailable extends IOException {

  public SearchUnavailable(String message, Throwable cause) {
    super(message, cause);
  }

  /** The first {@code SearchUnavailable} among {@code e} and its causes, if any. */
  public static SearchUnavailable in(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause())
      if (t instanceof SearchUnavailable u) return u;
    return null;
  }
}
