package org.gongkai.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.gongkai.TestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The planted errors of {@code bench --mutants} (#63): one material digit changed and nothing else,
 * the halves of a crawl split as {@code crawl-check.py} splits them, and the recall of the checks
 * on the real reports pinned mutant by mutant (what each planted error became: caught at its place,
 * flagged elsewhere, missed, or read as the headline with no flag).
 */
class MutantsTest {

  @TempDir Path dir;

  @Test
  void aMutantChangesOneMaterialDigitAndKeepsTheLength() {
    Random numbers = new Random(63);
    Random planting = new Random(7);
    for (int i = 0; i < 5_000; i++) {
      BigDecimal value = BigDecimal.valueOf(1 + numbers.nextInt(9_999_999), numbers.nextInt(4));
      String written =
          numbers.nextBoolean()
              ? String.format(java.util.Locale.ROOT, "%,." + value.scale() + "f", value)
              : value.toPlainString();
      String to = Mutants.changed(written, planting);
      assertEquals(written.length(), to.length(), written);
      int differ = 0, at = -1;
      for (int k = 0; k < written.length(); k++)
        if (written.charAt(k) != to.charAt(k)) {
          differ++;
          at = k;
        }
      assertEquals(1, differ, written + " → " + to);
      assertTrue(Character.isDigit(to.charAt(at)), written + " → " + to);
      assertNotEquals('0', to.charAt(0), written + " → " + to);
      // material: the change is at least a hundredth of the number
      BigDecimal before = new BigDecimal(written.replace(",", ""));
      BigDecimal after = new BigDecimal(to.replace(",", ""));
      assertTrue(
          after.subtract(before).abs().multiply(BigDecimal.valueOf(100)).compareTo(before) >= 0,
          written + " → " + to);
    }
  }

  @Test
  void theHalvesAreCrawlChecksHalves() throws Exception {
    Path crawl = dir.resolve("crawl");
    List<String> expected = Files.readAllLines(TestSupport.GOLDEN.resolve("crawl-halves.tsv"));
    List<String> got = new ArrayList<>();
    for (String line : expected) {
      String city = line.substring(0, line.indexOf('\t'));
      Path file = crawl.resolve(city).resolve("a.txt");
      got.add(city + "\t" + MutantRecall.halfOf(crawl, file));
    }
    assertEquals(expected, got);
  }

  @Test
  void theRealReportsMutantByMutant() throws Exception {
    assumeTrue(Files.isRegularFile(TestSupport.REAL.resolve("gold.tsv")), "../shared/corpus/real");
    Path real = TestSupport.REAL;
    MutantRecall.Result r =
        new MutantRecall(
                TestSupport.ingestor(),
                new java.io.PrintWriter(java.io.OutputStream.nullOutputStream()))
            .run(real, MutantRecall.files(real, null), 2);
    MutantRecall.write(r, dir);
    TestSupport.assertGolden(
        TestSupport.GOLDEN.resolve("mutants-real.tsv"),
        Files.readString(dir.resolve("mutants.tsv")));
    TestSupport.assertGolden(
        TestSupport.GOLDEN.resolve("mutants-real.md"), Files.readString(dir.resolve("mutants.md")));
    TestSupport.assertGolden(
        TestSupport.GOLDEN.resolve("mutants-real-flags.tsv"),
        Files.readString(dir.resolve("published-flags.tsv")));
  }
}
