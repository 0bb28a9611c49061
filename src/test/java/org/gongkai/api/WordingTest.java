package org.gongkai.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.gongkai.model.IndicatorFlag;
import org.gongkai.model.Notice;
import org.gongkai.model.Role;
import org.gongkai.model.Scope;
import org.junit.jupiter.api.Test;

/** Notices and flags are codes with arguments, worded in the reader's language only when shown. */
class WordingTest {

  private final Wording wording = Wording.bundled();

  private static final List<Notice> NOTICES =
      List.of(
          Notice.of("tooLong", 500),
          Notice.of("tooManyTerms", 40, 32),
          Notice.of("strayBracket"),
          Notice.of("openBracket", 2),
          Notice.of("emptyFilter", "region:"),
          Notice.of("openQuote"),
          Notice.of("orAfter"),
          Notice.of("orBefore"),
          Notice.of("minus"),
          Notice.of("year", "去年"),
          Notice.of("region", "火星"),
          Notice.of("noLettersPhrase", "，"),
          Notice.of("noLetters", "-"),
          Notice.of("complex"),
          Notice.of("noTerms"),
          Notice.of("deep", 10000, 100));

  @Test
  void aTableWithoutATitleIsSaidToBeUntitledNotNamedByEmptyQuotes() {
    IndicatorFlag untitled =
        new IndicatorFlag("tables", "table_sum", List.of("", "合计 10.00 ≠ 各项之和 9.00"), List.of());
    assertEquals("一张无标题的表的数加不起来：合计 10.00 ≠ 各项之和 9.00", wording.flag(Wording.CHINESE, untitled));
    assertEquals(
        "In an untitled table the figures do not add up: 合计 10.00 ≠ 各项之和 9.00",
        wording.flag(Locale.ENGLISH, untitled));
    IndicatorFlag titled =
        new IndicatorFlag(
            "tables", "table_sum", List.of("收支预算总表", "合计 10.00 ≠ 各项之和 9.00"), List.of());
    assertEquals("表“收支预算总表”的数加不起来：合计 10.00 ≠ 各项之和 9.00", wording.flag(Wording.CHINESE, titled));
  }

  @Test
  void everyDepartmentTypeHasAnEnglishNameAndStaysItselfInChinese() {
    List<String> types = org.gongkai.ingest.Issuers.types();
    assertEquals(68, types.size());
    for (String t : types) {
      String en = wording.department(Locale.ENGLISH, t);
      assertTrue(en.matches("[A-Za-z][A-Za-z ,'()-]+"), t + " → " + en);
      assertEquals(t, wording.department(Locale.CHINESE, t));
    }
    assertEquals("Trade union federation", wording.department(Locale.ENGLISH, "总工会"));
    assertEquals("未知类型", wording.department(Locale.ENGLISH, "未知类型"));
    // a type named by the issuer's own words: the kind of body its last word says, and its name
    // (#67: 本级政府 and 级政府 stood in Chinese alone on English pages)
    assertEquals("Government (本级政府)", wording.department(Locale.ENGLISH, "本级政府"));
    assertEquals("Bureau (口岸管理局)", wording.department(Locale.ENGLISH, "口岸管理局"));
    assertEquals("Commission (机关事务管理委员会)", wording.department(Locale.ENGLISH, "机关事务管理委员会"));
    assertEquals("Other", wording.department(Locale.ENGLISH, "其他"));
    assertEquals("本级政府", wording.department(Locale.CHINESE, "本级政府"));
  }

  @Test
  void everyNoticeReadsInChineseOnAChinesePage() {
    assertEquals(
        List.of(
            "查询超过 500 个字符，只使用了前 500 个。",
            "查询有 40 个检索项，只使用了前 32 个。",
            "忽略了一个没有对应左括号的右括号。",
            "补上了 2 个未闭合的括号。",
            "筛选条件 region: 没有值，已忽略。",
            "引号没有闭合，短语一直延续到查询末尾。",
            "OR 后面没有检索项，已忽略。",
            "OR 前面没有检索项，已忽略。",
            "减号后面没有检索项，已忽略。",
            "已忽略 year:去年——请写成 2024 这样的年度，或 2022..2024 这样的范围。",
            "未知地区“火星”：没有以此为名的省、市或区县。",
            "已忽略“，”：其中没有文字或数字。",
            "已忽略“-”：其中没有文字或数字。",
            "查询过于复杂，请减少检索项。",
            "查询中没有检索词，显示全部章节。",
            "只能翻阅前 10000 条结果，现显示第 100 页。请缩小检索范围。"),
        NOTICES.stream().map(n -> wording.notice(Wording.CHINESE, n)).toList());
  }

  @Test
  void everyNoticeReadsInEnglishAsTheApiHasAlwaysSaidIt() {
    assertEquals(
        List.of(
            "The query is longer than 500 characters; only the first 500 were used.",
            "The query has 40 terms; only the first 32 were used.",
            "Ignored a closing bracket that has no opening bracket.",
            "Closed 2 bracket(s) that were left open.",
            "Ignored the filter region: because it has no value.",
            "A quote was not closed; the phrase runs to the end of the query.",
            "Ignored an OR with nothing after it.",
            "Ignored an OR with nothing before it.",
            "Ignored a minus sign with nothing after it.",
            "Ignored year:去年 — write a year such as 2024 or a range such as 2022..2024.",
            "Unknown region \"火星\": no province, city or county has that name.",
            "Ignored \"，\": it holds no letter or digit.",
            "Ignored -: it holds no letter or digit.",
            "The query is too complex; use fewer terms.",
            "The query has no search terms; showing every section.",
            "Only the first 10000 results can be paged; showing page 100. Narrow the search to see more."),
        NOTICES.stream().map(n -> wording.notice(Locale.ENGLISH, n)).toList());
  }

  @Test
  void aFlagNamesItsFiguresAndRolesInTheReadersLanguage() {
    IndicatorFlag twice =
        new IndicatorFlag(
            "stated_twice",
            "stated_twice",
            List.of(
                IndicatorFlag.figure("reception"),
                IndicatorFlag.role(Role.ACTUAL),
                IndicatorFlag.scope(Scope.WHOLE.withFunds(Scope.Funds.FISCAL)),
                "2.5万元 / 3万元"),
            List.of());
    assertEquals(
        "公务接待费（本年决算，部门整体·财政拨款·本年）各处所写不一致：2.5万元 / 3万元", wording.flag(Wording.CHINESE, twice));
    assertEquals(
        "Official reception (actual; whole department, fiscal appropriations (财政拨款), this year) is"
            + " stated differently in different places: 2.5万元 / 3万元",
        wording.flag(Locale.ENGLISH, twice));
    IndicatorFlag change =
        new IndicatorFlag(
            "change",
            "change",
            List.of(
                IndicatorFlag.figure("income_total"), "93.93", "增加19.08万元，上升16%", "74.85", "25.5"),
            List.of());
    assertEquals(
        "Total income of 93.93 × 10,000 yuan, “增加19.08万元，上升16%”: from the previous year's 74.85"
            + " × 10,000 yuan it should be 25.5%",
        wording.flag(Locale.ENGLISH, change));
  }

  @Test
  void aGovernmentsFlagNamesItsLevels() {
    IndicatorFlag order =
        new IndicatorFlag(
            "level_order",
            "level_order",
            List.of(
                IndicatorFlag.figure("gov_general_revenue"), "2105000", "level:SELF", "2623000"),
            List.of(),
            IndicatorFlag.Severity.ERROR,
            List.of());
    assertEquals(
        "全市一般公共预算收入 2105000 万元，小于本级 2623000 万元（全市含本级）", wording.flag(Wording.CHINESE, order));
    assertEquals(
        "General public budget revenue: the whole city's 2105000 × 10,000 yuan is less than 2623000 ×"
            + " 10,000 yuan at the city's own level (市本级), which the whole holds",
        wording.flag(Locale.ENGLISH, order));
  }

  @Test
  void aProjectsFlagsNameTheTableTheRowAndTheAmounts() {
    IndicatorFlag sum =
        new IndicatorFlag(
            "table_sum",
            "project_sum",
            List.of("2026年项目支出预算表", "300.00", "290.00", "万元", "3"),
            List.of(),
            IndicatorFlag.Severity.ERROR,
            List.of());
    assertEquals(
        "项目表“2026年项目支出预算表”的 3 个项目之和为 290.00万元，不等于其合计 300.00万元（每个项目的金额都等于其资金来源各栏之和）",
        wording.flag(Wording.CHINESE, sum));
    IndicatorFlag row =
        new IndicatorFlag(
            "table_sum",
            "project_row",
            List.of("项目支出总表", "信息化运维", "190.00", "150.00", "万元"),
            List.of(),
            IndicatorFlag.Severity.ERROR,
            List.of());
    assertEquals(
        "In the project table “项目支出总表”, “信息化运维” is 190.00 万元, but its funding columns add up to"
            + " 150.00 万元; with the latter the projects make the table's total exactly",
        wording.flag(Locale.ENGLISH, row));
    IndicatorFlag text =
        new IndicatorFlag(
            "text_table",
            "project_text",
            List.of("雷达站维护", "70.00万元", "2026年项目支出预算表", "75.00万元"),
            List.of(),
            IndicatorFlag.Severity.ERROR,
            List.of());
    assertEquals(
        "正文写“雷达站维护”70.00万元，项目表“2026年项目支出预算表”中该项目为 75.00万元", wording.flag(Wording.CHINESE, text));
    assertEquals("text_table", text.family().orElseThrow().id());
    assertEquals("table", row.family().orElseThrow().id());
  }

  @Test
  void everyFlagTheChecksWriteHasWordsInBothLanguages() {
    List<String> codes = new java.util.ArrayList<>(List.of("legacy"));
    for (org.gongkai.model.CheckFamily f : org.gongkai.model.CheckFamily.values()) {
      codes.addAll(f.codes());
      assertTrue(wording.has(Wording.CHINESE, "check." + f.id()), f.id());
      assertTrue(wording.has(Locale.ENGLISH, "check." + f.id()), f.id());
      assertEquals(f.label(), wording.check(Wording.CHINESE, f.label()));
    }
    assertEquals(50, codes.size());
    for (String code : codes) {
      assertTrue(wording.has(Wording.CHINESE, "flag." + code), code);
      assertTrue(wording.has(Locale.ENGLISH, "flag." + code), code);
    }
    for (org.gongkai.model.IndicatorFlag.Severity s :
        org.gongkai.model.IndicatorFlag.Severity.values()) {
      assertTrue(wording.has(Wording.CHINESE, "severity." + s.name()), s.name());
      assertTrue(wording.has(Locale.ENGLISH, "severity." + s.name()), s.name());
    }
    assertEquals("Totals against their parts", wording.check(Locale.ENGLISH, "合计与分项不符"));
  }
}
