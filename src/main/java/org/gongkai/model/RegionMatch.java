package org.gongkai.model;

import java.util.List;

/**
 * What region recognition decided for a document: a region and the evidence it came from ({@code
 * from}: {@code issuer}, {@code title}, {@code tableHeader}, {@code pageChrome}, {@code fileTitle}
 * or {@code text}), or no region with the reason and the candidates it could not choose between.
 */
public record RegionMatch(Region region, String note, List<Region> candidates, String from) {

  public RegionMatch {
    candidates = List.copyOf(candidates);
  }

  public static RegionMatch of(Region region) {
    return new RegionMatch(region, null, List.of(), null);
  }

  public static RegionMatch of(Region region, String from) {
    return new RegionMatch(region, null, List.of(), from);
  }

  public static RegionMatch undecided(String note, List<Region> candidates) {
    return new RegionMatch(null, note, candidates, null);
  }

  public boolean decided() {
    return region != null;
  }
}
