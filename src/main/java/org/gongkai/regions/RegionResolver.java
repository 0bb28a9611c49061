package org.gongkai.regions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongkai.model.Region;
import org.gongkai.model.RegionMatch;
import org.gongkai.regions.Gazetteer.Division;

/**
 * Decides the region of a document from the place names at the start of its issuer's name (or title),
 * resolving a name shared by several divisions (鼓楼区, 市中区, 朝阳区 …) by the city or province the
 * document mentions most; when it still cannot be decided it says so and lists the candidates.
 */
public final class RegionResolver {

  private final Gazetteer gazetteer;

  public RegionResolver(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  /** One place name found in a name: the divisions it may mean and where it ends. */
  private record Place(List<Division> divisions, int end) {}

  /** The place names that follow one another from the start of {@code name} (武汉市|汉阳区|总工会), longest first. */
  private List<Place> leadingPlaces(String name) {
    List<Place> chain = new ArrayList<>();
    int pos = 0;
    outer:
    while (pos < name.length()) {
      for (int len = Math.min(gazetteer.longestName(), name.length() - pos); len >= 2; len--) {
        List<Division> ds = gazetteer.named(name.substring(pos, pos + len));
        if (!ds.isEmpty()) {
          pos += len;
          chain.add(new Place(ds, pos));
          continue outer;
        }
      }
      break;
    }
    return chain;
  }

  /** Length of the place-name prefix of {@code name} (0 when it starts with no place). */
  public int placePrefixLength(String name) {
    List<Place> chain = leadingPlaces(name);
    return chain.isEmpty() ? 0 : chain.get(chain.size() - 1).end();
  }

  public RegionMatch resolve(String issuer, String title, String text) {
    for (String name : new String[] {issuer, title}) {
      if (name == null || name.isBlank()) continue;
      List<Place> chain = leadingPlaces(name);
      if (chain.isEmpty()) continue;
      return decide(chain.stream().map(Place::divisions).toList(), text);
    }
    return RegionMatch.undecided("no place name in the issuer or title", List.of());
  }

  private RegionMatch decide(List<List<Division>> chain, String text) {
    // Intersect: each later name must lie inside one of the earlier ones.
    List<Division> candidates = chain.get(0);
    for (int i = 1; i < chain.size(); i++) {
      List<Division> inner = new ArrayList<>();
      for (Division d : chain.get(i)) {
        for (Division outer : candidates) if (Gazetteer.within(d, outer)) inner.add(d);
      }
      if (inner.isEmpty()) break; // 武汉市 + 江夏区(other city): keep what was consistent so far
      candidates = inner;
    }
    candidates = deepest(candidates);
    if (candidates.size() == 1) return RegionMatch.of(candidates.get(0).region());
    Division chosen = byMentions(candidates, text);
    if (chosen != null) return RegionMatch.of(chosen.region());
    List<Region> regions = candidates.stream().map(Division::region).toList();
    return RegionMatch.undecided(
        "ambiguous place name " + candidates.get(0).name() + ": " + candidates.size()
            + " divisions share it and the document names none of their cities", regions);
  }

  private static List<Division> deepest(List<Division> ds) {
    int max = ds.stream().mapToInt(Division::level).max().orElse(0);
    Map<String, Division> unique = new LinkedHashMap<>();
    for (Division d : ds) if (d.level() == max) unique.putIfAbsent(d.code(), d);
    return new ArrayList<>(unique.values());
  }

  /** The candidate whose city (or province) the text names most often, if one leads. */
  private Division byMentions(List<Division> candidates, String text) {
    Map<Division, Integer> score = new LinkedHashMap<>();
    for (Division c : candidates) {
      int s = 0;
      for (Division up = c.parent(); up != null; up = up.parent()) s += count(text, up.name()) * (up.level() == 2 ? 10 : 1);
      score.put(c, s);
    }
    List<Map.Entry<Division, Integer>> ranked = new ArrayList<>(score.entrySet());
    ranked.sort(Map.Entry.<Division, Integer>comparingByValue(Comparator.reverseOrder()));
    if (ranked.get(0).getValue() > 0 && (ranked.size() == 1 || ranked.get(0).getValue() > ranked.get(1).getValue())) {
      return ranked.get(0).getKey();
    }
    return null;
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) n++;
    return n;
  }
}
