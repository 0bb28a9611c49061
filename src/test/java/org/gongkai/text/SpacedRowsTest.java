package org.gongkai.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Table rows that reached the text as words separated by spaces become rows of tab-separated cells,
 * in their order; wrapped rows are put back on one line; sentences, headings and lone rows stay as
 * they are.
 */
class SpacedRowsTest {

  private final TextCleaner cleaner = new TextCleaner();

  @Test
  void runsOfSpacedRowsBecomeRowsOfCells() {
    String text =
        String.join(
            "\n",
            "2023年度一般公共预算财政拨款支出决算表",
            "合计 552.83 490.95 61.88",
            "201 一般公共服务支出 355.18 295.02 60.16",
            "2080505",
            "机关事业单位基本养老保",
            "险缴费支出",
            "38.54 38.54",
            "一、一般公共预算财政拨款收入 1",
            "552.83",
            "9 九、卫生健康支出 40 28.37",
            "2023年度收入合计 552.83 万元，与上年相比减少 82.72 万元。",
            "1.一般公共服务支出 355.18 万元",
            "2024 年度部门决算",
            "满意率 95% 98% 2");
    assertEquals(
        String.join(
            "\n",
            "2023年度一般公共预算财政拨款支出决算表",
            "合计\t552.83\t490.95\t61.88",
            "201\t一般公共服务支出\t355.18\t295.02\t60.16",
            "2080505\t机关事业单位基本养老保险缴费支出\t38.54\t38.54",
            "一、一般公共预算财政拨款收入\t1\t552.83",
            "9\t九、卫生健康支出\t40\t28.37",
            // a sentence, an amount followed by its unit, a heading: not rows
            "2023年度收入合计 552.83 万元，与上年相比减少 82.72 万元。",
            "1.一般公共服务支出 355.18 万元",
            "2024 年度部门决算",
            // one row alone is not taken: two or more make a table
            "满意率 95% 98% 2"),
        cleaner.clean(text));
  }

  @Test
  void aLabelWithSpacesInsideIsOneCell() {
    assertEquals(
        "六、其他收入\t6\t51,324.41\n其中: 捐赠收入\t7\t44.20",
        cleaner.clean("六、其他收入 6 51,324.41\n其中: 捐赠收入 7 44.20"));
  }
}
