package org.gongkai.projects;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.gongkai.model.IndicatorFlag;
import org.gongkai.model.ProjectReading;
import org.gongkai.model.Quote;
import org.junit.jupiter.api.Test;

/**
 * Where a report contradicts itself about its projects (#68), on reports written for the purpose: a
 * table whose rows, each made by its own funding columns, fall short of its 合计; one row whose
 * amount is not its columns' sum while the columns' sum is what the 合计 needs; the words' list
 * against the rows — and the reads that prove nothing, where no flag may be raised.
 */
class ProjectChecksTest {

  private static final String HEAD =
      "部门名称：某市档案服务中心\n表7：2026年项目支出预算表\n单位：万元\n项目名称\t合计\t一般公共预算\t政府性基金预算\n";

  private static List<String> flags(String text) {
    ProjectReading r = new ProjectReader().read(text);
    List<String> out = new ArrayList<>();
    for (IndicatorFlag f : r.flags()) {
      StringBuilder s = new StringBuilder(f.check() + " " + f.code() + " " + f.args());
      s.append(" ").append(f.severity());
      for (Quote q : f.quotes()) s.append(" «").append(text, q.start(), q.end()).append("»");
      s.append(" ").append(f.evidence());
      out.add(s.toString());
    }
    return out;
  }

  @Test
  void rowsEachMadeByTheirColumnsThatFallShortOfTheTotal() {
    String text =
        HEAD
            + "合计\t300.00\t250.00\t50.00\n"
            + "档案数字化加工\t120.00\t120.00\t\n"
            + "库房安防维护\t80.00\t30.00\t50.00\n"
            + "地方志编纂出版\t90.00\t90.00\t\n";
    assertEquals(
        List.of(
            "table_sum project_sum [2026年项目支出预算表, 300.00, 290.00, 万元, 3] ERROR"
                + " «合计\t300.00» [row = Σ its columns × 3]"),
        flags(text));
  }

  @Test
  void theTotalsOwnColumnsMakingTheRowsSumAreSaid() {
    // the 合计 cell alone is off: its own columns add up to what the rows make
    String text =
        HEAD
            + "合计\t390.00\t240.00\t50.00\n"
            + "档案数字化加工\t120.00\t120.00\t\n"
            + "库房安防维护\t80.00\t30.00\t50.00\n"
            + "地方志编纂出版\t90.00\t90.00\t\n";
    assertEquals(
        List.of(
            "table_sum project_sum [2026年项目支出预算表, 390.00, 290.00, 万元, 3] ERROR"
                + " «合计\t390.00» [row = Σ its columns × 3, 合计 Σ columns = 290.00]"),
        flags(text));
  }

  @Test
  void oneRowAgainstItsColumnsAndTheTotal() {
    String text =
        "表8：2026年项目支出预算表\n单位：万元\n项目名称\t合计\t一般公共预算\t其他资金\n"
            + "合计\t500.00\t420.00\t80.00\n"
            + "网络安全等级保护测评\t150.00\t150.00\t\n"
            + "志愿服务站点运维\t260.00\t180.00\t60.00\n"
            + "应急广播系统升级\t110.00\t90.00\t20.00\n";
    assertEquals(
        List.of(
            "table_sum project_row [2026年项目支出预算表, 志愿服务站点运维, 260.00, 240.00, 万元] ERROR"
                + " «志愿服务站点运维\t260.00» [row = Σ its columns × 2, Σ rows with 240.00 = 500.00]"),
        flags(text));
  }

  @Test
  void oneRowAgainstItsOwnColumnsWhereTheSumsCannotSayWhich() {
    String rows =
        "档案数字化加工\t120.00\t100.00\t20.00\n"
            + "库房安防维护\t80.00\t30.00\t50.00\n"
            + "地方志编纂出版\t95.00\t90.00\t\n"
            + "史料征集\t110.00\t60.00\t50.00\n"
            + "展陈更新\t100.00\t70.00\t30.00\n";
    // the table's sums fail already (a second error): they close with neither of the row's two
    // statements, so which is wrong is not known — the row still contradicts itself
    assertEquals(
        List.of(
            "table_sum project_columns [2026年项目支出预算表, 地方志编纂出版, 95.00, 90.00, 万元, 4] ERROR"
                + " «地方志编纂出版\t95.00\t90.00\t» [row = Σ its columns × 4, Σ rows ≠ 510.00]"),
        flags(HEAD + "合计\t510.00\t400.00\t100.00\n" + rows));
    // the sums close with the row's amount: one of its columns is off
    assertEquals(
        List.of(
            "table_sum project_columns [2026年项目支出预算表, 地方志编纂出版, 95.00, 90.00, 万元, 4] ERROR"
                + " «地方志编纂出版\t95.00\t90.00\t» [row = Σ its columns × 4, Σ rows = 505.00]"),
        flags(HEAD + "合计\t505.00\t400.00\t100.00\n" + rows));
    // only rows with one amount in their columns besides: they say nothing of a column that sums
    // others, too few to trust the columns' reading
    assertEquals(
        List.of(),
        flags(
            HEAD
                + "合计\t510.00\t400.00\t100.00\n"
                + "档案数字化加工\t120.00\t120.00\t\n"
                + "库房安防维护\t80.00\t30.00\t50.00\n"
                + "地方志编纂出版\t95.00\t90.00\t\n"
                + "史料征集\t110.00\t60.00\t50.00\n"
                + "展陈更新\t100.00\t100.00\t\n"));
    // a column that sums others (财政拨款 over 一般公共预算), or one of another kind (其中：政府采购): the
    // row's columns pass its amount by what some of them make — a reading, no contradiction
    assertEquals(
        List.of(),
        flags(
            "表7：2026年项目支出预算表\n单位：万元\n项目名称\t合计\t财政拨款\t一般公共预算\t财政专户\t单位资金\n"
                + "合计\t490.00\t200.00\t200.00\t120.00\t170.00\n"
                + "档案数字化加工\t80.00\t0.00\t0.00\t30.00\t50.00\n"
                + "库房安防维护\t90.00\t0.00\t0.00\t40.00\t50.00\n"
                + "地方志编纂出版\t200.00\t200.00\t200.00\t0.00\t0.00\n"
                + "史料征集\t120.00\t0.00\t0.00\t50.00\t70.00\n"));
    assertEquals(
        List.of(),
        flags(
            "表7：2026年项目支出预算表\n单位：万元\n项目名称\t合计\t一般公共预算\t单位资金\t其中：政府采购\n"
                + "合计\t540.00\t390.00\t150.00\t120.00\n"
                + "档案数字化加工\t80.00\t30.00\t50.00\t\n"
                + "库房安防维护\t90.00\t60.00\t30.00\t\n"
                + "信息化运维\t250.00\t200.00\t50.00\t120.00\n"
                + "史料征集\t120.00\t100.00\t20.00\t\n"));
    // whole 万元, each cell rounded as printed (3.4 + 3.4 = 6.8 printed 3 + 3 and 7): no
    // contradiction
    assertEquals(
        List.of(),
        flags(
            HEAD
                + "合计\t38\t22\t15\n"
                + "档案数字化加工\t10\t6\t4\n"
                + "库房安防维护\t8\t5\t3\n"
                + "地方志编纂出版\t12\t7\t5\n"
                + "史料征集\t7\t3\t3\n"));
    // the amount is the columns' sum cut short, as a cell wrapped over two lines reads
    assertEquals(
        List.of(),
        flags(
            HEAD
                + "合计\t510.00\t400.00\t100.00\n"
                + rows.replace("地方志编纂出版\t95.00\t90.00", "地方志编纂出版\t90.0\t90.04")));
  }

  @Test
  void noFlagWhereTheReadCannotBeProven() {
    // an amount on a row with no name: a row may be missing, the shortfall is not the report's
    assertEquals(
        List.of(),
        flags(
            HEAD
                + "合计\t300.00\t250.00\t50.00\n"
                + "档案数字化加工\t120.00\t120.00\t\n"
                + "\t10.00\t10.00\t\n"
                + "库房安防维护\t80.00\t30.00\t50.00\n"
                + "地方志编纂出版\t90.00\t90.00\t\n"));
    // rows without funding columns: nothing proves them, nothing is flagged
    assertEquals(
        List.of(),
        flags(
            "表7：2026年项目支出预算表\n单位：万元\n项目名称\t金额\n"
                + "合计\t300.00\n档案数字化加工\t120.00\n库房安防维护\t80.00\n地方志编纂出版\t90.00\n"));
    // two rows off their columns: which is wrong is not known
    assertEquals(
        List.of(),
        flags(
            "表8：2026年项目支出预算表\n单位：万元\n项目名称\t合计\t一般公共预算\t其他资金\n"
                + "合计\t500.00\t420.00\t80.00\n"
                + "网络安全等级保护测评\t150.00\t140.00\t\n"
                + "志愿服务站点运维\t260.00\t180.00\t60.00\n"
                + "应急广播系统升级\t110.00\t90.00\t20.00\n"));
    // a table its sums prove: nothing to say
    assertEquals(
        List.of(),
        flags(
            HEAD
                + "合计\t290.00\t240.00\t50.00\n"
                + "档案数字化加工\t120.00\t120.00\t\n"
                + "库房安防维护\t80.00\t30.00\t50.00\n"
                + "地方志编纂出版\t90.00\t90.00\t\n"));
  }

  private static final String PROVEN =
      HEAD
          + "合计\t290.00\t240.00\t50.00\n"
          + "档案数字化加工\t120.00\t120.00\t\n"
          + "库房安防维护\t80.00\t30.00\t50.00\n"
          + "地方志编纂出版\t90.00\t90.00\t\n";

  @Test
  void theWordsListAgainstTheRows() {
    String words =
        "（二）项目支出\n"
            + "1.档案数字化加工 120.00 万元，主要用于馆藏纸质档案的扫描与著录。\n"
            + "2.库房安防维护 80.00 万元，主要用于监控和消防设施的维保。\n"
            + "3.地方志编纂出版 95.00 万元，主要用于年鉴的编纂和印制。\n";
    String text = words + PROVEN;
    assertEquals(
        List.of(
            "text_table project_text [地方志编纂出版, 95.00万元, 2026年项目支出预算表, 90.00万元] ERROR"
                + " «地方志编纂出版 95.00 万元» «地方志编纂出版\t90.00» [items = their rows × 2, 地方志编纂出版: sums]"),
        flags(text));
    // the items the words name, each with its row, whatever they say
    List<ProjectChecks.Item> items =
        ProjectChecks.items(text, new ProjectReader().read(text).projects());
    assertEquals(3, items.size());
    assertEquals("95.00", text.substring(items.get(2).amountStart(), items.get(2).amountEnd()));
  }

  @Test
  void aListOfOtherMoneyOrWithinRoundingIsNoContradiction() {
    // every item differs: the list speaks of other money (its 财政拨款 alone, another year)
    assertEquals(
        List.of(),
        flags("1.档案数字化加工 100.00 万元，其中财政拨款。\n2.库房安防维护 60.00 万元。\n3.地方志编纂出版 70.00 万元。\n" + PROVEN));
    // one hundredth apart: the two amounts' rounding
    assertEquals(
        List.of(),
        flags("1.档案数字化加工 120.00 万元。\n2.库房安防维护 80.00 万元。\n3.地方志编纂出版 90.01 万元。\n" + PROVEN));
    // one item agreeing is no proof the list is of the table's money
    assertEquals(List.of(), flags("1.档案数字化加工 120.00 万元。\n2.地方志编纂出版 95.00 万元。\n" + PROVEN));
  }

  @Test
  void aDepartmentGoingThroughItsUnitsComparesEachItemWithItsUnitsRow() {
    String text =
        "一、某市气象局（本级）\n"
            + "1.业务运行保障 100.00 万元，主要用于机关日常业务。\n"
            + "2.气象科普宣传 50.00 万元，主要用于科普场馆活动。\n"
            + "二、某市气象台\n"
            + "1.业务运行保障 180.00 万元，主要用于预报业务系统。\n"
            + "2.雷达站维护 75.00 万元，主要用于雷达的定期检修。\n"
            + "表5：2026年项目支出预算表\n单位：万元\n项目名称\t合计\t一般公共预算\t其他资金\n"
            + "合计\t400.00\t400.00\t\n"
            + "某市气象局（本级）\t150.00\t150.00\t\n"
            + "业务运行保障\t100.00\t100.00\t\n"
            + "气象科普宣传\t50.00\t50.00\t\n"
            + "某市气象台\t250.00\t250.00\t\n"
            + "业务运行保障\t180.00\t180.00\t\n"
            + "雷达站维护\t70.00\t70.00\t\n";
    assertEquals(
        List.of(
            "text_table project_text [雷达站维护, 75.00万元, 2026年项目支出预算表, 70.00万元] ERROR"
                + " «雷达站维护 75.00 万元» «雷达站维护\t70.00» [items = their rows × 3, 雷达站维护: sums]"),
        flags(text));
  }

  @Test
  void aRowTheWordsAndTheTotalBothContradict() {
    // no funding columns to prove a row by: the words state the row otherwise, and with the
    // words' amount the table's sums close, its unit's subtotal and all
    // (one list: where the table's sums fail its units are not known, and a list numbered anew
    // is another list)
    String text =
        "（二）项目支出\n"
            + "1.业务运行保障 100.00 万元，主要用于机关日常业务。\n"
            + "2.气象科普宣传 50.00 万元，主要用于科普场馆活动。\n"
            + "3.业务运行保障 180.00 万元，主要用于预报业务系统。\n"
            + "4.雷达站维护 70.00 万元，主要用于雷达的定期检修。\n"
            + "表5：2026年项目支出预算表\n单位：万元\n项目名称\t金额\n"
            + "合计\t400.00\n"
            + "某市气象局（本级）\t150.00\n"
            + "业务运行保障\t100.00\n"
            + "气象科普宣传\t50.00\n"
            + "某市气象台\t250.00\n"
            + "业务运行保障\t180.00\n"
            + "雷达站维护\t75.00\n";
    assertEquals(
        List.of(
            "text_table project_text [雷达站维护, 70.00万元, 2026年项目支出预算表, 75.00万元] ERROR"
                + " «雷达站维护 70.00 万元» «雷达站维护\t75.00»"
                + " [items = their rows × 3, Σ rows with 70.00万元 = 400.00]"),
        flags(text));
    // the words agreeing with the row, nothing closes the sums: the table is misread or wrong, and
    // which row is not known — no flag
    assertEquals(List.of(), flags(text.replace("雷达站维护 70.00", "雷达站维护 75.00")));
  }

  @Test
  void aTableTotalledByItsFirstRow() {
    // no 合计: the department's first row is the total its rows make
    String text =
        "（五）项目支出总表\n单位：万元\n项目名称\t合计\t一般公共预算\t其他资金\n"
            + "某市统计局\t500.00\t500.00\t0.00\n"
            + "统计调查\t200.00\t200.00\t0.00\n"
            + "普查业务\t150.00\t150.00\t0.00\n"
            + "信息化运维\t190.00\t150.00\t0.00\n";
    assertEquals(
        List.of(
            "table_sum project_row [项目支出总表, 信息化运维, 190.00, 150.00, 万元] ERROR"
                + " «信息化运维\t190.00» [row = Σ its columns × 2, Σ rows with 150.00 = 500.00]"),
        flags(text));
  }

  @Test
  void tablesReadInPartOrOfAnotherShapeAreNoContradiction() {
    String rows = "档案数字化加工\t120.00\t120.00\t\n库房安防维护\t80.00\t30.00\t50.00\n";
    String last = "地方志编纂出版\t90.00\t90.00\t\n";
    String head = HEAD + "合计\t290.00\t240.00\t50.00\n";
    // a page's 续表: one table
    assertEquals(List.of(), flags(head + rows + "表7：2026年项目支出预算表（续）\n" + last));
    // a heading between pages ended the table's region: the rows going on after it are its
    assertEquals(List.of(), flags(head + rows + "第三部分 部门预算公开表\n" + last));
    // a row whose digits read as no amount: a row unread
    assertEquals(List.of(), flags(head + rows + "地方志编纂出版\t９０.００\t９０.００\t\n"));
    assertEquals(List.of(), flags(head + rows + "地方志编纂出版\t90.00万\t90.00\t\n"));
    assertEquals(List.of(), flags(head + rows + "地方志编纂出版\t9O.00\t9O.00\t\n"));
    // a 其中 row, a second total, a level between projects and total: not rows of one level
    assertEquals(List.of(), flags(head + rows + last + "其中：设备购置\t40.00\t40.00\t\n"));
    assertEquals(List.of(), flags(head + rows + last + "本页合计\t290.00\t240.00\t50.00\n"));
    assertEquals(
        List.of(),
        flags(
            HEAD
                + "合计\t300.00\t250.00\t50.00\n"
                + "档案业务\t200.00\t150.00\t50.00\n"
                + rows
                + "方志业务\t90.00\t90.00\t\n"
                + last));
  }

  @Test
  void wordsOfOtherMoneyOtherListsOrCoarserRoundingAreNoContradiction() {
    String list = "1.档案数字化加工 120.00 万元，主要用于扫描。\n2.地方志编纂出版 90.00 万元，主要用于年鉴。\n";
    // its 一般公共预算 alone: one of the row's own columns
    assertEquals(List.of(), flags(list + "3.库房安防维护 30.00 万元，财政拨款安排。\n" + PROVEN));
    // written in whole 万元: 80 is 79.96 rounded
    assertEquals(
        List.of(),
        flags(
            list.replace("120.00", "120").replace("90.00", "90")
                + "3.库房安防维护 80 万元。\n"
                + PROVEN
                    .replace("80.00\t30.00\t50.00", "79.96\t29.96\t50.00")
                    .replace("290.00\t240.00", "289.96\t239.96")));
    // another list, numbered anew: the purchases, last year's
    assertEquals(
        List.of(),
        flags(list + "3.库房安防维护 80.00 万元。\n（三）政府采购\n1.档案数字化加工 45.00万元（服务类采购）。\n" + PROVEN));
    assertEquals(
        List.of(), flags(list + "3.库房安防维护 80.00 万元。\n4.2025年档案数字化加工 100.00万元。\n" + PROVEN));
    // a price is no amount of the project
    assertEquals(
        List.of(), flags(list + "3.库房安防维护 80.00 万元。\n4.地方志编纂出版 500元/册，共1800册。\n" + PROVEN));
  }
}
