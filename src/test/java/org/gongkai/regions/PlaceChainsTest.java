package org.gongkai.regions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gongkai.TestSupport;
import org.junit.jupiter.api.Test;

/**
 * The place chains read at each position of a text (where an issuer's name may start) are what a
 * look-up of every length at every position finds: the two-letter starts only skip positions where
 * no name begins.
 */
class PlaceChainsTest {

  static final Gazetteer GAZETTEER = TestSupport.gazetteer();
  static final RegionResolver RESOLVER = new RegionResolver(GAZETTEER);

  /** Each length tried at each position, longest first, as the resolver did before. */
  static int[] everyLength(String text, int from, int limit) {
    String name = text.substring(from, Math.min(limit, text.length()));
    List<Integer> ends = new ArrayList<>();
    int pos = 0;
    outer:
    while (pos < name.length()) {
      for (int len = Math.min(GAZETTEER.longestName(), name.length() - pos); len >= 2; len--) {
        if (!GAZETTEER.named(name.substring(pos, pos + len)).isEmpty()) {
          pos += len;
          ends.add(from + pos);
          continue outer;
        }
      }
      break;
    }
    return ends.stream().mapToInt(Integer::intValue).toArray();
  }

  @Test
  void everyPositionOfTheBundledReportsGivesTheSameChain() throws Exception {
    int chains = 0;
    for (Path f : TestSupport.corpusFiles()) {
      String text = TestSupport.ingestor().document(f).text();
      for (int at = 0; at < text.length(); at++) {
        int[] expected = everyLength(text, at, at + 40);
        assertArrayEquals(expected, RESOLVER.placeEnds(text, at, at + 40), f + " at " + at);
        if (expected.length > 0) chains++;
      }
    }
    // the bundled reports name places many times over (湖北省武汉市汉阳区 …)
    assertEquals(true, chains > 100, "chains: " + chains);
  }

  @Test
  void everyNameStartsAChainOfItsOwn() {
    for (String name : GAZETTEER.names()) {
      assertEquals(true, GAZETTEER.mayStartName(name, 0), name);
      assertArrayEquals(
          everyLength(name, 0, name.length()), RESOLVER.placeEnds(name, 0, name.length()), name);
    }
  }
}
