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

  /**
   * A read is planted in only when the report proves it: by a sum that holds, by a second statement
   * alike, or by its verified headline; a part stated once beside no total is not, and is counted
   * instead. Texts written for the purpose.
   */
  @Test
  void onlyProvenReadsArePlantedIn() throws Exception {
    String head = "某县林业局2026年部门预算\n\n一、收支预算总体情况\n";
    Path sum = dir.resolve("sum.txt");
    Files.writeString(sum, head + "2026年支出预算1,250.00万元，其中基本支出950.00万元，项目支出300.00万元。\n");
    Path once = dir.resolve("once.txt");
    Files.writeString(
        once,
        head
            + "基本支出950.00万元，主要用于保障机构正常运转。项目支出300.00万元，主要用于森林防火。\n"
            + "二、“三公”经费预算情况\n"
            + "2026年因公出国（境）费2.00万元，公务用车购置及运行费6.00万元，公务接待费4.00万元。\n");
    // the “三公” total computed from the three items proves none of them
    assertEquals(
        List.of(
            "basic_expenditure null",
            "overseas_travel null",
            "project_expenditure null",
            "reception null",
            "vehicles_expenses null"),
        proofs(once));
    Mutants.Plan plan = Mutants.plan(TestSupport.ingestor().ingest(once), 2);
    assertEquals(
        java.util.Map.of(Mutants.Kind.BASIC_PROJECT, 2, Mutants.Kind.THREE_PUBLIC_ITEM, 3),
        plan.unproven());
    assertEquals(List.of(), plan.mutants());
    // a sum that misses by a unit proves nothing
    Path off = dir.resolve("off.txt");
    Files.writeString(off, head + "2026年支出预算1,250.00万元，其中基本支出950.00万元，项目支出301.00万元。\n");
    assertEquals(
        List.of("basic_expenditure null", "expenditure_total null", "project_expenditure null"),
        proofs(off));
    // stated twice alike: each statement proves the other
    Path twice = dir.resolve("twice.txt");
    Files.writeString(
        twice,
        head
            + "2026年项目支出300.00万元，主要用于森林防火。\n二、项目支出情况\n"
            + "2026年项目支出300.00万元，比上年增加20.00万元，增长7.1%。\n");
    assertEquals(List.of("project_expenditure twice", "project_expenditure twice"), proofs(twice));
  }

  /**
   * Each read of a text of the figures mutants are planted in (totals, 基本/项目, 三公 items), by
   * indicator and start, with how {@link Mutants#proof} proves it.
   */
  private static List<String> proofs(Path file) throws Exception {
    var read = TestSupport.ingestor().ingest(file);
    return read.figures().stream()
        .filter(
            v ->
                v.indicator()
                        .matches(
                            "(income|expenditure)_total|(basic|project)_expenditure|overseas_travel"
                                + "|vehicles_expenses|reception")
                    && v.scope().period() == org.gongkai.model.Scope.Period.CURRENT)
        .sorted(
            java.util.Comparator.comparing(org.gongkai.model.IndicatorValue::indicator)
                .thenComparingInt(org.gongkai.model.IndicatorValue::start))
        .map(v -> v.indicator() + " " + Mutants.proof(v, read.figures()))
        .toList();
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
