package org.gongkai.indicators;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import org.gongkai.TestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The characters every label of an indicator holds ({@link Indicator#keys}): a text is searched for
 * labels only when it has one, so a label without any would be lost. Checked on the bundled
 * reports' texts and on each indicator's own name.
 */
class IndicatorKeysTest {

  static final List<String> texts = new ArrayList<>();

  @BeforeAll
  static void read() throws Exception {
    try (var files = Files.list(TestSupport.CORPUS.resolve("seeds"))) {
      for (Path f : files.sorted().toList()) texts.add(Files.readString(f));
    }
    try (var files = Files.list(TestSupport.CORPUS.resolve("formats"))) {
      for (Path f : files.sorted().toList())
        texts.add(TestSupport.ingestor().ingest(f).document().text());
    }
  }

  @Test
  void everyLabelFoundHoldsOneOfItsIndicatorsKeys() {
    int labels = 0;
    for (Indicator ind : Indicator.values()) {
      for (String text : texts) {
        Matcher m = ind.pattern.matcher(text);
        while (m.find()) {
          labels++;
          assertTrue(ind.mayLabel(m.group()), ind + ": " + m.group());
        }
      }
      assertTrue(ind.mayLabel(ind.label), ind + "'s own name " + ind.label);
    }
    assertTrue(labels > 100, "labels found: " + labels);
  }

  @Test
  void aTextWithoutTheKeysHoldsNoLabel() {
    for (Indicator ind : Indicator.values()) {
      String keys = ind.keys();
      for (String text : texts) {
        StringBuilder stripped = new StringBuilder();
        text.chars().filter(c -> keys.indexOf(c) < 0).forEach(c -> stripped.append((char) c));
        assertFalse(ind.pattern.matcher(stripped).find(), ind + " matched without " + keys);
      }
    }
  }

  @Test
  void aTextWithItsWordsBrokenHoldsNoLabel() {
    int broken = 0;
    for (Indicator ind : Indicator.values()) {
      for (String text : texts) {
        // each word's first character replaced by a mark that is in no label: 合计 → □计
        String without = text;
        for (String w : ind.words()) {
          if (without.contains(w)) broken++;
          without = without.replace(w, "□" + w.substring(1));
        }
        assertFalse(ind.mayLabel(without), ind + " still holds one of " + ind.words());
        assertFalse(ind.pattern.matcher(without).find(), ind + " matched without " + ind.words());
      }
    }
    assertTrue(broken > 100, "words broken: " + broken);
  }

  /** A table's reader passes over cells without a Chinese character: no label is such a cell. */
  @Test
  void everyDepartmentsWordHoldsAChineseCharacter() {
    for (Indicator ind : Indicator.values()) {
      if (ind.government()) continue;
      for (String w : ind.words())
        assertTrue(w.chars().anyMatch(c -> c >= 0x4e00 && c <= 0x9fff), ind + " " + w);
      assertFalse(ind.pattern.matcher("1,234.56").find(), ind.toString());
    }
  }
}
