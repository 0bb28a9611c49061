package org.gongkai.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The phrases of the uncached load are drawn until they differ: drawn only, a corpus that repeats
 * itself gave far fewer searches than draws, and the load asked some twice.
 */
class DistinctPhrasesTest {

  @Test
  void drawsUntilThePhrasesDiffer() {
    List<String[]> sections =
        List.of(
            new String[] {"s1", "一般公共预算财政拨款支出决算表公务接待费机关运行经费"},
            new String[] {"s2", "一般公共预算财政拨款支出决算表公务接待费机关运行经费"});
    List<String> phrases = Benchmark.distinctPhrases(sections, new Random(3), 60);
    assertEquals(60, phrases.size());
    assertEquals(60, new HashSet<>(phrases).size());
    for (String p : phrases) assertTrue(sections.get(0)[1].contains(p), p);
  }

  @Test
  void theDrawIsTheOneTheCommittedRunsMade() {
    // the runs in docs/bench compare only if a seed keeps drawing the same phrases
    List<String[]> sections =
        List.of(
            new String[] {"s1", "一般公共预算财政拨款支出决算表公务接待费机关运行经费"}, new String[] {"s2", "三公经费支出12.5万元"});
    List<String> drawn = List.of("预算财政拨款支出", "关运行", "经费", "务接待费", "公务接待费机", "款支出决算表公务");
    assertEquals(drawn, Benchmark.phrases(sections, new Random(1), 6));
    assertEquals(drawn, Benchmark.distinctPhrases(sections, new Random(1), 6));
  }

  @Test
  void givesFewerWhenTheTextHasNoMore() {
    // a phrase is shorter than its text and never ends at its last letter (the draw the benchmark
    // has always made, kept so runs stay comparable): of 三公经, only 三公
    List<String> phrases =
        Benchmark.distinctPhrases(List.<String[]>of(new String[] {"s", "三公经"}), new Random(1), 5);
    assertEquals(List.of("三公"), phrases);
  }

  @Test
  void signsOtherThanLettersAreNotDrawn() {
    assertEquals(
        List.of(),
        Benchmark.distinctPhrases(
            List.<String[]>of(new String[] {"s", "12，34。56"}), new Random(1), 3));
  }
}
