package org.gongkai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class FormatTest {

  @Test
  void aComputedFiguresDerivationIsTheLastBracketOfItsSource() {
    assertEquals(
        "收入总计减所列结转 50万元：即本年收入；报告未列明此数",
        Format.derivation("2026年度收入预算1200.00万元。（收入总计减所列结转 50万元：即本年收入；报告未列明此数）"));
    // brackets inside it stay, the sentence's own brackets before it are not it
    assertEquals("离休1人＋退休（含内退）240人", Format.derivation("离退休人员（不含遗属）241人（离休1人＋退休（含内退）240人）"));
    assertNull(Format.derivation("2026年度收入预算1200.00万元。"));
    assertNull(Format.derivation("（）"));
    assertNull(Format.derivation("只有右括号）"));
    assertNull(Format.derivation(null));
  }
}
