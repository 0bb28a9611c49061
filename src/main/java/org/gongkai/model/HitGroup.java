package org.gongkai.model;

import java.util.List;

/**
 * One report among grouped search results ({@code group=doc}): how many of its sections match
 * ({@code hits}) and its best few, best first.
 */
public record HitGroup(String docId, long hits, List<SearchHit> best) {
  public HitGroup {
    best = List.copyOf(best);
  }
}
