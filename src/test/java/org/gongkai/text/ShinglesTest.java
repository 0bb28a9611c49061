package org.gongkai.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ShinglesTest {

  static final String REPORT =
      "武汉市汉阳区总工会2024年度部门决算。一、收入支出决算总体情况说明：2024年度收入总计465.38万元，支出总计465.38万元。"
          + "与上年相比，收入、支出总计各增加12.5万元，主要原因是职工服务项目增加。";

  @Test
  void layoutSpacingPunctuationAndScriptDoNotCount() {
    String asPdf = REPORT.replace("。", "\n").replace("，", " ， ").replace("2024年度", "2024 年度");
    String traditional = REPORT.replace("总", "總").replace("说明", "說明");
    assertEquals(1.0, Shingles.of(REPORT).overlap(Shingles.of(asPdf)));
    assertEquals(1.0, Shingles.of(REPORT).overlap(Shingles.of(traditional)));
  }

  @Test
  void overlapIsJaccardOfTheShingles() {
    // the same report with a few words changed shares most, an unrelated text almost nothing
    String edited = REPORT.replace("职工服务项目增加", "帮扶困难职工支出增加");
    double same = Shingles.of(REPORT).overlap(Shingles.of(edited));
    assertTrue(same > 0.7 && same < Shingles.SAME, "overlap " + same);
    double other = Shingles.of(REPORT).overlap(Shingles.of("鄂城区财政局2023年度部门预算公开说明，本部门预算收入合计三百万元。"));
    assertTrue(other < 0.05, "overlap " + other);
    assertEquals(0.0, Shingles.of("").overlap(Shingles.of(REPORT)));
    assertEquals(1.0, Shingles.of("短文").overlap(Shingles.of("短 文")), "shorter than a shingle");
  }

  @Test
  void lettersCountsLettersAndDigitsOnly() {
    assertEquals(9, Shingles.letters("收入 465.38（万元）"));
  }
}
