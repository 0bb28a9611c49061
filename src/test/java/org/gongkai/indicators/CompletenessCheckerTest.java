package org.gongkai.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.gongkai.model.Completeness;
import org.gongkai.model.IndicatorFlag;
import org.gongkai.model.ReportKind;
import org.junit.jupiter.api.Test;

/**
 * Which standard tables a report discloses: a title followed by rows is present, one followed by a
 * statement that it is empty is declared empty, one followed by the next title is only named, and
 * one never named is missing; the flags name what is missing or only named, and a report that does
 * not follow the standard set is not flagged.
 */
class CompletenessCheckerTest {

  private final CompletenessChecker checker = new CompletenessChecker();

  private static String states(Completeness c) {
    StringBuilder sb = new StringBuilder();
    for (Completeness.Entry e : c.tables())
      sb.append(e.number()).append('=').append(e.state().key()).append(' ');
    return sb.toString().strip();
  }

  @Test
  void eachStandardTableOfAFinalAccountHasAState() {
    String text =
        String.join(
            "\n",
            "第二部分 2023年度部门决算表",
            "2023年度收入支出决算总表",
            "公开01表",
            "项目\t行次\t决算数",
            "本年收入合计\t27\t552.83",
            "2023年度收入决算表",
            "公开02表",
            "合计\t552.83\t552.83",
            "支出决算表", // only named: the next title follows
            "财政拨款收入支出决算总表",
            "一、一般公共预算财政拨款\t1\t552.83",
            "一般公共预算财政拨款支出决算表",
            "合计\t552.83",
            "一般公共预算财政拨款基本支出决算明细表",
            "人员经费合计\t460.03",
            "政府性基金预算财政拨款收入支出决算表",
            "本单位当年无政府性基金预算财政拨款收入支出。",
            "国有资本经营预算财政拨款支出决算表",
            "本表无数据。",
            "第三部分 2023年度部门决算情况说明",
            "一、收入支出决算总体情况说明",
            "2023年度收、支总计552.83万元。");
    Completeness c = checker.check(ReportKind.FINAL_ACCOUNTS, text);
    assertEquals(
        "01=present 02=present 03=named 04=present 05=present 06=present 07=empty 08=empty 09=missing",
        states(c));
    assertEquals(true, c.followsStandardSet());
    assertEquals(text.indexOf("2023年度收入支出决算总表"), c.tables().get(0).start());
    List<IndicatorFlag> flags = CompletenessChecker.flags(c);
    // one table of the set never mentioned: a report following a set of its year that lacks it
    assertEquals(
        List.of("named_table 支出决算表"),
        flags.stream().map(f -> f.code() + " " + f.args().get(0)).toList());
    // two never mentioned: tables left out
    String twoLeftOut = text.replace("国有资本经营预算财政拨款支出决算表\n本表无数据。\n", "");
    assertEquals(
        List.of(
            "named_table 支出决算表",
            "missing_table 国有资本经营预算财政拨款支出决算表",
            "missing_table 财政拨款“三公”经费支出决算表"),
        CompletenessChecker.flags(checker.check(ReportKind.FINAL_ACCOUNTS, twoLeftOut)).stream()
            .map(f -> f.code() + " " + f.args().get(0))
            .toList());
  }

  @Test
  void aReportFollowingAnotherSetIsNotFlagged() {
    String text = "表 1：高等学校收支决算总表\n项目\t决算数\n合计\t1.00\n表 2：高等学校收入决算表\n合计\t1.00";
    Completeness c = checker.check(ReportKind.FINAL_ACCOUNTS, text);
    assertEquals(false, c.followsStandardSet());
    assertEquals(List.of(), CompletenessChecker.flags(c));
    assertEquals(Completeness.NONE, checker.check(ReportKind.PERFORMANCE, text));
  }

  @Test
  void aBudgetsStandardTables() {
    String text =
        String.join(
            "\n",
            "收支预算总表",
            "一、财政拨款\t13,649.07",
            "收入预算总表",
            "收入总计\t13,649.07",
            "支出预算总表",
            "合计\t13,649.07",
            "财政拨款收支预算总表",
            "一、一般公共预算\t13,649.07",
            "一般公共预算支出预算表",
            "合计\t13,649.07",
            "一般公共预算基本支出预算表",
            "合计\t7,666.68",
            "“三公”经费支出预算表",
            "合计\t833.60",
            "政府性基金预算支出预算表",
            "本部门当年没有政府性基金预算支出。");
    assertEquals(
        "01=present 02=present 03=present 04=present 05=present 06=present 07=present 08=empty 09=missing",
        states(checker.check(ReportKind.BUDGET, text)));
  }

  @Test
  void aTemplatesOwnNamesOfTheStandardTablesAreTheTables() {
    // 部门综合预算收入总表 / 支出总表: another template's names of 部门收入总表 and 部门支出总表 (#63)
    String text =
        String.join(
            "\n",
            "部门综合预算收支总表",
            "一、财政拨款\t980.00",
            "部门综合预算收入总表",
            "合计\t980.00\t900.00",
            "部门综合预算支出总表",
            "合计\t1,000.00\t700.00");
    assertEquals(
        "01=present 02=present 03=present 04=missing 05=missing 06=missing 07=missing 08=missing"
            + " 09=missing",
        states(checker.check(ReportKind.BUDGET, text)));
  }
}
