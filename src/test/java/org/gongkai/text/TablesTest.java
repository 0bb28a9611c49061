package org.gongkai.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.gongkai.model.ColumnRole;
import org.gongkai.model.RowCode;
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
    assertEquals(2, t.headerRows()); // the 栏次 row numbers the columns: a header row
    assertEquals(List.of("项目", "行次", "决算数"), t.heads());
    assertEquals(List.of(ColumnRole.LABEL, ColumnRole.LINE, ColumnRole.ACTUAL), t.roles());
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

  @Test
  void columnsHaveRolesFromTheirHeadersAndRowsTheirSubjectCodes() {
    String text =
        String.join(
            "\n",
            "支出决算表",
            "部门：某某区总工会\t单位：万元", // the issuer and unit line of the caption
            "科目编码\t科目名称\t本年支出\t基本支出\t项目支出\t上年决算数",
            "\t\t合计",
            "类款项\t合计\t552.83\t490.95\t61.88\t600.00",
            "208\t社会保障和就业支出\t136.04\t136.04\t\t130.00",
            "20805\t行政事业单位养老支出\t118.13\t118.13",
            "2080501\t行政单位离退休\t78.93\t78.93");
    TextTable t = Tables.find("d-2", text).get(0);
    assertEquals("支出决算表", t.title());
    assertEquals("万元", t.unit());
    assertEquals(0, t.captionStart());
    assertEquals(2, t.headerRows());
    assertEquals(List.of("科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出", "上年决算数"), t.heads());
    assertEquals(
        List.of(
            ColumnRole.CODE,
            ColumnRole.LABEL,
            ColumnRole.TOTAL,
            ColumnRole.BASIC,
            ColumnRole.PROJECT,
            ColumnRole.PRIOR_ACTUAL),
        t.roles());
    assertEquals(
        java.util.Arrays.asList(
            null,
            null,
            null,
            new RowCode("208", "类", "社会保障和就业支出"),
            new RowCode("20805", "款", "行政事业单位养老支出"),
            new RowCode("2080501", "项", "行政单位离退休")),
        t.codes());
    assertEquals(2, t.column(ColumnRole.TOTAL));
    int row = 5; // each cell knows where its text is
    assertEquals(text.indexOf("118.13"), (int) t.offsets().get(row - 1).get(2));
    assertEquals(text.indexOf("行政单位离退休"), (int) t.offsets().get(row).get(1));
  }

  @Test
  void codesInTheirOwnColumnsOrWithTheirNameInOneCell() {
    String split = "类\t款\t项\t科目名称\t金额\n208\t\t\t社会保障和就业支出\t1.00\n208\t05\t01\t行政单位离退休\t1.00";
    TextTable t = Tables.find("d-2", split).get(0);
    assertEquals(
        java.util.Arrays.asList(
            null, new RowCode("208", "类", "社会保障和就业支出"), new RowCode("2080501", "项", "行政单位离退休")),
        t.codes());
    String merged = "功能科目编码及名称\t金额\n201 一般公共服务支出\t10,528.33\n20101 人大事务\t10,528.33";
    assertEquals(
        java.util.Arrays.asList(
            null, new RowCode("201", "类", "一般公共服务支出"), new RowCode("20101", "款", "人大事务")),
        Tables.find("d-2", merged).get(0).codes());
    // a lone three-digit first cell is not a code
    assertEquals(
        java.util.Arrays.asList(null, null, null),
        Tables.find("d-2", "项目\t金额\n100\t1.00\n合计\t1.00").get(0).codes());
  }

  @Test
  void aTableOfWordsHasItsFirstRowForAHeaderNotItsFirstFive() {
    // a check-list of a budget's publication: items and answers, no figure anywhere
    String text =
        String.join(
            "\n",
            "检查内容\t\t符合要求\t问题",
            "及时性\t及时公开部门预算\t是\t",
            "内容规范性\t封面\t是\t",
            "\t目录\t否\t多一页空表",
            "\t主要职能\t否\t部分文字未显示",
            "\t机构设置\t是\t",
            "\t名词解释\t是\t");
    TextTable t = Tables.find("c-0", text).get(0);
    assertEquals(1, t.headerRows());
    assertEquals(List.of("检查内容", "", "符合要求", "问题"), t.heads());
    assertEquals(7, t.rows().size());
  }

  @Test
  void aHeaderWordOnALineOfItsOwnStaysWithItsTable() {
    // a 收入决算表 whose PDF wrote 科目编码 under 支出功能分类 on its own line
    String text =
        String.join(
            "\n",
            "收入决算表",
            "单位：万元",
            "项目\t\t\t\t本年收入合计\t财政拨款收入\t其他收入",
            "支出功能分类\t\t\t科目名称",
            "科目编码",
            "类\t款\t项\t合计\t120.50\t118.00\t2.50",
            "201\t\t\t一般公共服务支出\t120.50\t118.00\t2.50",
            "201\t06\t01\t行政运行\t120.50\t118.00\t2.50",
            "说明：本表反映收入。");
    List<TextTable> tables = Tables.find("r-2", text);
    assertEquals(1, tables.size());
    TextTable t = tables.get(0);
    assertEquals("收入决算表", t.title());
    assertEquals(3, t.headerRows());
    assertEquals("项目支出功能分类科目编码", t.heads().get(0));
    assertEquals(ColumnRole.FISCAL, t.roles().get(5));
    assertEquals(6, t.rows().size());
    // a sentence parts two tables, and so does a short line after more rows than a header has
    assertEquals(2, Tables.find("r-3", "甲\t乙\n丙\t丁\n本表为空。\n戊\t1.00\n己\t2.00").size());
    assertEquals(2, Tables.find("r-4", "甲\t乙\n丙\t丁\n子\t丑\n寅\t卯\n名词解释\n戊\t1.00\n己\t2.00").size());
  }

  @Test
  void aCodeWrittenApartInOneCellIsOneCode() {
    String text =
        String.join(
            "\n",
            "功能分类科目名称\t合计\t基本支出\t项目支出",
            "229 其他支出\t300\t20\t280",
            "229 08 彩票发行销售机构业务费安排的支出\t290\t20\t270",
            "229 08 04 福利彩票销售机构的业务费支出\t290\t20\t270",
            "229 99 其他支出\t10\t\t10",
            "229 99 99 其他支出\t10\t\t10");
    TextTable t = Tables.find("c-1", text).get(0);
    assertEquals(
        java.util.Arrays.asList(null, "229", "22908", "2290804", "22999", "2299999"),
        t.codes().stream().map(c -> c == null ? null : c.code()).toList());
    assertEquals("福利彩票销售机构的业务费支出", t.codes().get(3).name());
  }

  @Test
  void aTwoSidedTableThatLostItsEmptyCellsIsReadSideBySide() {
    // as a text copy prints a 收入支出决算总表: empty cells gone, one row split over two lines
    String text =
        String.join(
            "\n",
            "收入支出决算总表",
            "公开01表",
            "单位：万元",
            "项目行次决算数项目行次决算数",
            "栏次\t1\t栏次\t2",
            "一、财政拨款收入\t1\t80.50",
            "一、一般公共服务支出\t21\t60.25",
            "二、事业收入\t2\t二、教育支出\t22",
            "三、其他收入\t3\t三、住房保障支出\t23\t20.25",
            "4\t四、其他支出\t24",
            "本年收入合计\t5\t80.50\t本年支出合计\t25\t80.50");
    TextTable t = Tables.find("s", text).get(0);
    assertEquals("收入支出决算总表", t.title());
    assertEquals("万元", t.unit());
    assertEquals(
        List.of(
            List.of("栏次", "", "1", "栏次", "", "2"),
            List.of("一、财政拨款收入", "1", "80.50", "一、一般公共服务支出", "21", "60.25"),
            List.of("二、事业收入", "2", "", "二、教育支出", "22", ""),
            List.of("三、其他收入", "3", "", "三、住房保障支出", "23", "20.25"),
            List.of("", "4", "", "四、其他支出", "24", ""),
            List.of("本年收入合计", "5", "80.50", "本年支出合计", "25", "80.50")),
        t.rows());
    // each cell keeps where it stands in the text
    int at = t.offsets().get(1).get(3);
    assertEquals("一、一般公共服务支出", text.substring(at, at + "一、一般公共服务支出".length()));
  }

  @Test
  void anItemWhoseCellsAreAllBlankStaysARowOfItsTable() {
    // a row with only its label written without a tab (三、事业单位经营收入) between rows of figures:
    // one table, the item a row of it — not a paragraph that cuts the table in two
    String text =
        String.join(
            "\n",
            "收支预算总表",
            "单位：万元",
            "收入\t预算数\t支出\t预算数",
            "一、财政拨款收入\t100.00\t一、教育支出\t120.00",
            "二、事业收入\t20.00",
            "三、事业单位经营收入",
            "四、其他收入\t0.00",
            "收入总计\t120.00\t支出总计\t120.00",
            "三、部门预算情况说明");
    List<TextTable> tables = Tables.find("d-4", text);
    assertEquals(1, tables.size());
    assertEquals(
        List.of(
            List.of("收入", "预算数", "支出", "预算数"),
            List.of("一、财政拨款收入", "100.00", "一、教育支出", "120.00"),
            List.of("二、事业收入", "20.00"),
            List.of("三、事业单位经营收入"),
            List.of("四、其他收入", "0.00"),
            List.of("收入总计", "120.00", "支出总计", "120.00")),
        tables.get(0).rows());
    // a heading after the table's last row is no row of it
    assertEquals(text.indexOf("\n三、部门预算情况说明"), tables.get(0).end());
  }
}
