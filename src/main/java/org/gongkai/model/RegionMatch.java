package org.gongkai.model;

import java.util.List;

/**
 * What region recognition decided for a document: a region, or no region with the reason and the
 * candidates it could not choose between.
 */
public record RegionMatch(Region region, String note, List<Region> candidates) {

  public static RegionMatch of(Region region) {
    return new RegionMatch(region, null, List.of());
  }

  public static RegionMatch undecided(String note, List<Region> candidates) {
    return new RegionMatch(null, note, List.copyOf(candidates));
  }

  public boolean decided() {
    return region != null;
  }
}
