package org.gongkai.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.gongkai.model.TextTable;
import org.junit.jupiter.api.Test;

class TablesTest {

  static final String TEXT =
      String.join(
          "\n",
          "二、收入支出决算总表", // a heading line: not a caption
          "收入支出决算总表",
          "金额单位：万元",
          "项目\t行次\t决算数",
          "栏次\t\t1",
          "本年收入合计\t27\t552.83",
          "一般公共预算财政拨款\t\t-3.5",
          "说明：本表反映本年度收支。",
          "另一行\t只有一行不是表",
          "正文。",
          "第二张表没有标题",
          "单位：元\t2024年",
          "甲\t1,000");

  @Test
  void tablesAreRunsOfRowsWithTheirCaptionUnitAndHeader() {
    List<TextTable> tables = Tables.find("d-3.1", TEXT);
    assertEquals(2, tables.size());
    TextTable t = tables.get(0);
    assertEquals("d-3.1-t1", t.id());
    assertEquals("收入支出决算总表", t.title());
    assertEquals("万元", t.unit());
    assertEquals(1, t.headerRows()); // 栏次 1 is a figure row to the eye of a rule, not a header
    assertEquals(
        List.of(
            List.of("项目", "行次", "决算数"),
            List.of("栏次", "", "1"),
            List.of("本年收入合计", "27", "552.83"),
            List.of("一般公共预算财政拨款", "", "-3.5")),
        t.rows());
    assertEquals(TEXT.indexOf("项目\t"), t.start());
    assertEquals(TEXT.indexOf("\n说明"), t.end());
    assertEquals(TEXT.indexOf("\n收入支出决算总表\n") + 1, t.captionStart());
    assertEquals(3, t.width());

    TextTable u = tables.get(1);
    assertNull(u.title()); // the line above names no table
    assertEquals("元", u.unit()); // said in its first row
    assertEquals(List.of(List.of("单位：元", "2024年"), List.of("甲", "1,000")), u.rows());
    assertEquals(u.start(), u.captionStart());
  }

  @Test
  void aTablesNumberIsPartOfItsCaptionNotItsTitle() {
    String text = "收入支出决算总表\n公开01表\n单位：万元\n项目\t金额\n合计\t5.00";
    TextTable t = Tables.find("d-2", text).get(0);
    assertEquals("收入支出决算总表", t.title());
    assertEquals("万元", t.unit());
    assertEquals(0, t.captionStart());
  }

  @Test
  void figuresAreAmountsCountsAndPercentages() {
    for (String s : List.of("1,523.40", "0", "-3.5", "95%", " 12 "))
      assertEquals(true, Tables.isNumber(s), s);
    for (String s : List.of("", "2024年", "合计", "1.2.3", "—"))
      assertEquals(false, Tables.isNumber(s), s);
  }
}
