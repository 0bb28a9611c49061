package org.gongkai.projects;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gongkai.model.Project;
import org.gongkai.model.ProjectReading;
import org.junit.jupiter.api.Test;

/**
 * The project reader on reports written for the purpose in the layouts the crawl's survey found
 * (docs/projects.md): a department's table with its units' subtotals over two pages, amounts and
 * names the page wrapped; a table with a unit column and its targets table; one-project forms in 万元
 * and in 元.
 */
class ProjectReaderTest {

  private static final Path FIXTURES = Path.of("src/test/resources/fixtures/projects");

  private static String text(String name) throws Exception {
    return Files.readString(FIXTURES.resolve(name));
  }

  private static List<String> lines(ProjectReading r) {
    List<String> out = new ArrayList<>();
    for (ProjectReading.Table t : r.tables())
      out.add(
          "table "
              + t.title()
              + " | "
              + t.source()
              + " | rows "
              + t.rows()
              + " | projects "
              + t.projects()
              + " | total "
              + t.total()
              + " | difference "
              + t.difference()
              + " | "
              + t.status());
    for (ProjectReading.Declared d : r.declared())
      out.add("declared " + d.count() + " | " + d.amount() + " | " + d.asWritten());
    for (Project p : r.projects())
      out.add(
          p.unit()
              + " | "
              + p.name()
              + " | "
              + p.key()
              + " | "
              + p.amount().toPlainString()
              + " | "
              + p.asWritten()
              + " | "
              + p.scope()
              + " | "
              + p.source()
              + " | "
              + p.proof()
              + (p.target() == null ? "" : " | " + p.target()));
    return out;
  }

  @Test
  void aDepartmentsTableOverTwoPagesIsReadByItsUnitsSumsWithItsWrappedAmountsAndNames()
      throws Exception {
    String text = text("units-and-wraps.txt");
    ProjectReading r = new ProjectReader().read(text);
    assertEquals(
        List.of(
            "table 项目支出总表 | amounts | rows 10 | projects 7 | total 108496.17 | difference null | sums",
            "declared 7 | 108496.17 | 108,496.17万元",
            "示例市港务局（本级） | 航道疏浚维护 | 航道疏浚维护 | 1200.00 | 1,200.00万元 | 全部 | table | sums",
            "示例市港务局（本级） | 港区安全巡查经费 | 港区安全巡查经费 | 350.50 | 350.50万元 | 全部 | table | sums",
            "示例市港务局（本级） | 智慧港口信息化（系统运维服务） | 智慧港口信息化(系统运维服务) | 80.00 | 80.00万元 | 全部 | table | sums",
            "示例市港务局（本级） | 预算准备金 | 预算准备金 | 20.00 | 20.00万元 | 全部 | table | sums",
            "示例市港口建设服务中心 | 码头设施改造工程 | 码头设施改造工程 | 102345.67 | 102,345.67万元 | 全部 | table | sums",
            "示例市港口建设服务中心 | 示例市港口建设专项资金岸线整治领域与生态修复 | 示例市港口建设专项资金岸线整治领域与生态修复 | 4000.00 | 4,000.00万元 | 全部 | table | sums",
            "示例市港口建设服务中心 | 日常运行保障 | 日常运行保障 | 500.00 | 500.00万元 | 全部 | table | sums"),
        lines(r));
    // each name's place is its cell's in the text (the wrapped one from its first line)
    Project wrapped = r.projects().get(5);
    assertEquals("示例市港口建设专", text.substring(wrapped.start(), wrapped.start() + 8));
  }

  @Test
  void aTableWithAUnitColumnAndItsTargetsTableAreOneProjectEachWithItsTarget() throws Exception {
    ProjectReading r = new ProjectReader().read(text("units-column-and-targets.txt"));
    assertEquals(
        List.of(
            "table 2026年市级部门项目支出预算表 | amounts | rows 5 | projects 4 | total 2031.30 | difference null | sums",
            "table 2026年市级部门项目支出绩效表 | targets | rows 4 | projects 4 | total null | difference null | open",
            "declared 4 | 2031.30 | 2,031.30万元",
            "示例市气候服务局 | 气象观测站网运维 | 气象观测站网运维 | 812.40 | 812.40万元 | 全部 | table | sums | 保障全市自动观测站稳定运行，数据到报率不低于98%。",
            "示例市气候服务局 | 日常保障运行 | 日常保障运行 | 318.90 | 318.90万元 | 全部 | table | sums | 保障单位日常运转。",
            "示例市气候服务局（气象灾害防御中心） | 人工影响天气作业 | 人工影响天气作业 | 600.00 | 600.00万元 | 全部 | table | sums | 完成年度增雨作业，作业安全事故为零。",
            "示例市气候服务局（气象灾害防御中心） | 预警信息发布平台 | 预警信息发布平台 | 300.00 | 300.00万元 | 全部 | table | sums | 预警信息覆盖率达到95%以上。"),
        lines(r));
  }

  @Test
  void aTargetsTableASentenceIntroducesGivesItsRowsTheirTargets() {
    // no title of its own: a sentence ending 如下： over a header naming projects and targets; a
    // name and a unit the page wrapped beside the target's words, in their columns or at a
    // line's start
    String text =
        "第七部分重点项目预算绩效情况说明\n"
            + "2026年，本单位重点项目绩效目标情况如下：\n"
            + "二级预算单位名称\t一级项目名称\t预算数（万元）\t绩效目标\n"
            + "示例市档案馆\t档案数字化（馆藏扫\t120.00\t完成馆藏纸质档案的\n"
            + "描）扫描与著录，全年不少于十万页。\n"
            + "示例市档案馆（本\t库房安防维护\t80.00\t监控和消防\n"
            + "级）\t\t\t设施全年完好率达到百分之百。\n"
            + "第八部分其他需要说明情况\n"
            + "表5：2026年项目支出预算表\n单位：万元\n项目名称\t合计\t一般公共预算\t其他资金\n"
            + "合计\t200.00\t200.00\t\n"
            + "档案数字化（馆藏扫描）\t120.00\t120.00\t\n"
            + "库房安防维护\t80.00\t80.00\t\n";
    ProjectReading r = new ProjectReader().read(text);
    assertEquals(
        List.of(
            "table 2026年，本单位重点项目绩效目标情况 | targets | rows 2 | projects 2 | total null | difference null | open",
            "table 2026年项目支出预算表 | amounts | rows 3 | projects 2 | total 200.00 | difference null | sums",
            "null | 档案数字化（馆藏扫描） | 档案数字化(馆藏扫描) | 120.00 | 120.00万元 | 全部 | table | sums | 完成馆藏纸质档案的扫描与著录，全年不少于十万页。",
            "null | 库房安防维护 | 库房安防维护 | 80.00 | 80.00万元 | 全部 | table | sums | 监控和消防设施全年完好率达到百分之百。"),
        lines(r));
  }

  @Test
  void rowsEachMadeByTheirColumnsThatFallShortOfTheirTotalAreTheReportsDifference()
      throws Exception {
    // the 合计 says 200 more than its rows, in the 一般公共预算 column as in the total
    String text =
        text("units-column-and-targets.txt")
            .replace("\t合计\t2,031.30\t1,881.30", "\t合计\t2,231.30\t2,081.30");
    ProjectReading r = new ProjectReader().read(text);
    assertEquals(
        "table 2026年市级部门项目支出预算表 | amounts | rows 5 | projects 4 | total 2231.30 | difference 200.00 | differs",
        lines(r).get(0));
    assertEquals(4, r.projects().size());
    // a targets row of another name stating exactly the shortfall is the row the table may lack;
    // one stating any other amount is a misread row, not another project
    ProjectReading missing =
        new ProjectReader()
            .read(
                text.replace(
                    "第四部分 名词解释",
                    "示例市气候服务局\t雷电灾害防御\t200.00\t完成防雷检测。\n"
                        + "示例市气候服务局\t不相干的行\t7.00\t无。\n第四部分 名词解释"));
    assertEquals(
        List.of("雷电灾害防御 200.00 stated"),
        missing.projects().stream()
            .filter(p -> p.source().equals("targets"))
            .map(p -> p.name() + " " + p.amount() + " " + p.proof())
            .toList());
    // each row is still proven, by its own columns and by the targets table stating it alike
    assertEquals(
        List.of("both", "both", "both", "both"),
        r.projects().stream().map(Project::proof).toList());
  }

  @Test
  void oneProjectFormsAreReadByTheirLabelOrTitleInTheirOwnUnitAndADepartmentsFormIsNone()
      throws Exception {
    ProjectReading r = new ProjectReader().read(text("forms.txt"));
    assertEquals(
        List.of(
            "table 项目绩效目标表 | forms | rows 3 | projects 3 | total null | difference null | parts",
            "null | 301 示例高校课程建设专项 | 示例高校课程建设 | 1250.40 | 1,250.40万元 | 全部 | form | parts",
            "null | 示例市政务大厅安保服务 | 示例市政务大厅安保服务 | 360.00 | 360.00万元 | 全部 | form | parts",
            "null | 社区养老驿站运营补贴 | 社区养老驿站运营补贴 | 156.00 | 1,560,000.00元 | 全部 | form | parts"),
        lines(r));
  }

  @Test
  void aTableInYuanWithSubjectCodesAndANumberColumnReadsItsNamedRowsOnly() throws Exception {
    ProjectReading r = new ProjectReader().read(text("codes-and-numbers.txt"));
    assertEquals(
        List.of(
            "table 2026年预算单位财政拨款项目支出预算表 | amounts | rows 3 | projects 2 | total 53.00 | difference null | sums",
            "null | 口岸通关便利化专项 | 口岸通关便利化 | 31.00 | 310,000元 | 财政拨款 | table | sums",
            "null | 进出口数据监测 | 进出口数据监测 | 22.00 | 220,000元 | 财政拨款 | table | sums"),
        lines(r));
  }

  @Test
  void aRowRepeatingAnUnprovenTablesTotalIsItsUnitNotAProject() {
    List<ProjectTables.Row> rows = new ArrayList<>();
    for (String[] r :
        new String[][] {{"合计", "100.00"}, {"某某中心", "100.00"}, {"甲项目", "40.00"}, {"乙项目", "30.00"}})
      rows.add(
          new ProjectTables.Row(
              null, r[0], new java.math.BigDecimal(r[1]), r[1], List.of(), null, 0, 0, -1, -1));
    ProjectTables.Tree t = ProjectTables.tree(rows);
    assertEquals(false, t.closed());
    assertEquals(List.of(1), t.units());
    assertEquals(List.of(2, 3), t.projects());
  }

  /** What a review found by probing the reader (2026-11-29), each kept here. */
  @Test
  void aTablesUnitItsTotalsAndItsPageMarksAreReadAsTheyAre() {
    // the unit on the title's own line; 元谋县's 元 is no unit
    ProjectReading yuan =
        new ProjectReader()
            .read(
                String.join(
                    "\n",
                    "项目支出预算表  单位：元",
                    "编制单位：元谋县示例局\t单位：万元",
                    "项目名称\t金额",
                    "甲项目\t60.00",
                    "小计\t60.00",
                    "乙项目\t40.00",
                    "第 3 页",
                    "小计\t40.00",
                    "合计\t100.00"));
    assertEquals(
        List.of(
            "table 项目支出预算表 | amounts | rows 5 | projects 2 | total 100.00 | difference null | sums",
            "null | 甲项目 | 甲项目 | 60.00 | 60.00万元 | 全部 | table | sums",
            "null | 乙项目 | 乙项目 | 40.00 | 40.00万元 | 全部 | table | sums"),
        lines(yuan));
    ProjectReading title =
        new ProjectReader().read(String.join("\n", "项目支出预算表  单位：元", "项目名称\t金额", "丙项目\t100,000.00"));
    assertEquals("10.00", title.projects().get(0).amount().toPlainString());
  }

  @Test
  void aTargetsRowJoinsOnlyTheProjectOfItsNameNotAnotherOfItsAmount() {
    ProjectReading r =
        new ProjectReader()
            .read(
                String.join(
                    "\n",
                    "项目支出预算表",
                    "单位名称\t项目名称\t总计\t一般公共预算",
                    "\t合计\t200.00\t200.00",
                    "某局\t甲项目\t100.00\t100.00",
                    "某局\t乙项目\t100.00\t100.00",
                    "项目支出绩效表",
                    "单位名称\t项目名称\t金额\t绩效目标",
                    "某局\t丙项目\t100.00\t完成丙。",
                    "某局\t乙项目\t100.00\t完成乙。"));
    assertEquals(
        List.of("甲项目 null", "乙项目 完成乙。"),
        r.projects().stream().map(p -> p.name() + " " + p.target()).toList());
  }

  @Test
  void rowsOfNoughtsThatFitEveryToleranceAreTriedOnceEach() {
    // a 合计 and 60 rows of 0.00 that no partition closes: each start tried once, not 1.6^60 times
    List<ProjectTables.Row> rows = new ArrayList<>();
    rows.add(
        new ProjectTables.Row(
            null, "合计", new java.math.BigDecimal("5.00"), "5.00", List.of(), null, 0, 0, -1, -1));
    for (int i = 0; i < 60; i++)
      rows.add(
          new ProjectTables.Row(
              null,
              "项目" + i,
              java.math.BigDecimal.ZERO.setScale(2),
              "0.00",
              List.of(),
              null,
              0,
              0,
              -1,
              -1));
    rows.add(
        new ProjectTables.Row(
            null, "末项", new java.math.BigDecimal("3.00"), "3.00", List.of(), null, 0, 0, -1, -1));
    ProjectTables.Tree t = ProjectTables.tree(rows);
    assertEquals(false, t.closed());
    assertEquals(61, t.projects().size());
  }

  @Test
  void aReportsOwnProjectCountIsReadInEachWayTheCrawlSaysIt() {
    assertEquals(
        List.of("12 | 3456.78", "5 | 1531.45", "31 | 28506.17", "9 | 1234.00", "39 | null"),
        Declared.find(
                String.join(
                    "\n",
                    "编报绩效目标的项目共12个，涉及项目预算资金3,456.78万元。",
                    "所有项目支出纳入绩效管理，涉及预算资金 1,531.45 万元，设置并编报 5 个项目绩效目标。",
                    "本部门共计31个一级项目，涉及资金28,506.17万元。",
                    "共9个项目纳入绩效目标管理，涉及财政性资金合计1,234.00万元。",
                    "编报绩效目标的2024年度项目39个。",
                    "本单位共有车辆2辆，其中：机要通信用车1辆。",
                    "其中3个项目为新增项目。"))
            .stream()
            .map(d -> d.count() + " | " + d.amount())
            .toList());
  }
}
