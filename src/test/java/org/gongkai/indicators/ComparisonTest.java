package org.gongkai.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.gongkai.model.Role;
import org.gongkai.model.Scope;
import org.junit.jupiter.api.Test;

/**
 * The comparison grammar, one family of wordings a test (sentences in our own words, shaped as the
 * surveyed reports write them): the amount a comparison names is the compared statement's.
 */
class ComparisonTest {

  /** What the comparison says of the amount marked {@code ^} in {@code s}, or "-" for none. */
  private static String at(String marked, Integer year) {
    int at = marked.indexOf('^');
    String s = marked.substring(0, at) + marked.substring(at + 1);
    Comparison.Compared c = Comparison.before(s, at, year);
    return c == null ? "-" : c.period() + " " + c.role();
  }

  @Test
  void aYearBeforeWithItsRoleNamesTheOtherYearsAmount() {
    // 北京's template: the amount of the year before between the comparison and the change
    assertEquals(
        "PREVIOUS PREVIOUS_YEAR", at("收入预算 500.00 万元，比2025年年初预算数^480.00万元增加20.00万元", 2026));
    assertEquals("PREVIOUS PREVIOUS_YEAR", at("支出 9.5 万元，较上年决算数 ^8.1 万元增长", 2026));
    assertEquals("PREVIOUS PREVIOUS_YEAR", at("较上年预算执行数^12万元减少", 2026));
    assertEquals("PREVIOUS PREVIOUS_YEAR", at("与2025年预算^30万元相比增加", 2026));
    assertEquals("PREVIOUS PREVIOUS_YEAR", at("比去年同期的^7万元", 2026));
    assertEquals("PREVIOUS PREVIOUS_YEAR", at("比上一年度^7万元", 2026));
  }

  @Test
  void theYearBeforeStatedOnItsOwn() {
    assertEquals("PREVIOUS PREVIOUS_YEAR", at("2026年预算 20 万元，上年为^18 万元", 2026));
    assertEquals("PREVIOUS PREVIOUS_YEAR", at("增加 5 万元（去年预算数为^0 万元，无法计算增减比率）", 2026));
    assertEquals("PREVIOUS PREVIOUS_YEAR", at("（2025年执行数为^40万元）", 2026));
    // the report's own year stated so is its own amount, not a comparison's
    assertEquals("-", at("，2026年预算数为^20万元", 2026));
  }

  @Test
  void brokenAndLetterSpacedComparisons() {
    // a PDF's line break and letter spacing inside the comparison
    assertEquals("PREVIOUS PREVIOUS_YEAR", at("比2025年年初预算数\n^1,100.00 万元增加", 2026));
    assertEquals("PREVIOUS PREVIOUS_YEAR", at("较 2 0 2 5 年 年 初 预 算 ^1 8 万元", 2026));
  }

  @Test
  void aBudgetOfTheSameYearComparedInAFinalAccount() {
    assertEquals("CURRENT INITIAL_BUDGET", at("决算数比年初预算数^339万元减少217万元", 2024));
    assertEquals("CURRENT ADJUSTED_BUDGET", at("比调整后预算^50万元", 2024));
    assertEquals("CURRENT " + Role.ACTUAL, at("比2024年执行数^50万元", 2024));
  }

  @Test
  void notAComparisonsAmount() {
    // the change itself, the report's own amount, a part, a marker naming nothing
    assertEquals("-", at("比上年增加^20万元", 2026));
    assertEquals("-", at("收入预算^500万元", 2026));
    assertEquals("-", at("其中：财政拨款收入^400万元", 2026));
    assertEquals("-", at("与^3个单位", 2026));
    assertEquals("-", at("比2025年预算增加^2,642万元", 2026));
  }

  @Test
  void aYearNamedWithoutTheReportsYearIsTakenAsTheOther() {
    assertEquals(
        Scope.Period.PREVIOUS,
        Comparison.before("比2025年预算数50万元", "比2025年预算数".length(), null).period());
    assertNull(Comparison.before("预算数50万元", 3, null));
  }

  @Test
  void aChangeOrTheOtherYearsAmountIsNoStatementOfTheFiguresOwn() {
    String s = "收入预算100万元，比上年增加5万元；其他30万元，比2025年年初预算数480.00万元增加。";
    assertEquals(false, Comparison.changeOrCompared(s, s.indexOf("100"), 2026));
    assertEquals(true, Comparison.changeOrCompared(s, s.indexOf("5万"), 2026));
    // a change word just before, in the clause before, is not this amount's
    assertEquals(false, Comparison.changeOrCompared(s, s.indexOf("30"), 2026));
    assertEquals(true, Comparison.changeOrCompared(s, s.indexOf("480"), 2026));
  }
}
