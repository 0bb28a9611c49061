package org.gongkai.units;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Collectors;
import org.gongkai.model.UnitReading;
import org.junit.jupiter.api.Test;

/**
 * Each way the surveyed reports state the units they cover, in fixtures written for this test (the
 * bodies are invented): the reading shown as {@code layout n stated agreement | name [nature] *self
 * …}.
 */
class UnitReaderTest {

  private final UnitReader reader = new UnitReader();

  private String read(String text, String issuer) {
    UnitReading r = reader.read(text, issuer);
    String units =
        r.units().stream()
            .map(
                u ->
                    u.name()
                        + (u.nature() == null ? "" : " [" + u.nature() + "]")
                        + (u.self() ? " *" : ""))
            .collect(Collectors.joining(" | "));
    String staff =
        r.staff().stream().map(s -> s.label() + "=" + s.count()).collect(Collectors.joining(","));
    return r.layout()
        + " "
        + r.units().size()
        + " "
        + (r.stated() == null ? "-" : r.stated().count() + (r.stated().under() ? "u" : ""))
        + " "
        + r.agreement()
        + " | "
        + units
        + (staff.isEmpty() ? "" : " || " + staff);
  }

  @Test
  void aSentenceListsUnitsWithTheirNatureInBracketsWrappedOverLines() {
    String text =
        "一、主要职能\n负责全市林木种苗工作。\n（二）机构设置情况\n"
            + "从预算单位构成看，青溪市林业局部门预算包括：青溪市林业局本级预算（行政单位）、青溪市林木种苗站（参公事\n"
            + "业单位）、青溪市森林防火指挥中心（青溪市护林中心）（事业单位）预算和青溪市林业科学研究所（事业单位，合并在本级核算）预算。\n"
            + "二、收支预算情况\n";
    assertEquals(
        "sentence 4 - unstated | 青溪市林业局本级 [行政] * | 青溪市林木种苗站 [参公]"
            + " | 青溪市森林防火指挥中心（青溪市护林中心） [事业] | 青溪市林业科学研究所 [事业]",
        read(text, "青溪市林业局"));
  }

  @Test
  void theListOfEveryBudgetUnitIsPreferredToTheListOfUnitsUnderTheBody() {
    String text =
        "二、部门机构设置及预算单位构成情况\n"
            + "1.根据部门职责分工，本部门内设机构包括：办公室、财务处、规划处。本部门下属单位包括：白沙市档案修复中心，白沙市史志研究室。\n"
            + "2.从预算单位构成看，纳入本部门 2026 年部门汇总预算编制范围的预算单位共计 3 家，具体包括：白沙市档案局，白沙市档案修复中心，白沙市史志研究室。\n"
            + "三、2026 年度部门主要工作任务及目标\n";
    assertEquals("sentence 3 3 agrees | 白沙市档案局 * | 白沙市档案修复中心 | 白沙市史志研究室", read(text, "白沙市档案局"));
  }

  @Test
  void officesInsideTheBodyAreNoUnitsAndABodyWithoutUnitsCoversItselfAlone() {
    String text = "二、机构编制\n本单位无下属单位，部门预算为本级预算。本部门内设机构包括：办公室、综合处、法规处。\n";
    assertEquals("none 1 - unstated | 北湖市侨务办公室 *", read(text, "北湖市侨务办公室"));
    String named = "二、机构编制\n北湖市侨务办公室（本级）无独立核算下属单位，部门预算为本级预算。\n";
    assertEquals("none 1 - unstated | 北湖市侨务办公室（本级） *", read(named, null));
    String offices = "（二）机构设置\n本部门预算为本级预算，派出机构包括东区、西区、南区共 3 个分中心。\n";
    assertEquals(" 0 - unstated | ", read(offices, "北湖市侨务办公室"));
  }

  @Test
  void aNumberedListAfterItsSentenceNamesOneUnitAnItem() {
    String text =
        "二、机构编制\n南岭市港务局系统包括：南岭市港务局（本级）、南岭市航标处、南岭市港口档案馆共 3 家基层单位。"
            + "本部门预算为汇总预算，包括：南岭市港务局本级预算，以及纳入编制范围的下属单位预算，具体如下：\n"
            + "1.南岭市港务局（本级）下设办公室、规划处、安全处，共 3 个处室。\n"
            + "2.南岭市航标处下设综合科、\n航标科，共 2 个科室。\n"
            + "3.南岭市港口档案馆内设机构 2 个，包括：综合科、档案科。\n"
            + "三、2026 年主要工作目标\n1.建成东港区码头。\n";
    assertEquals("numbered 3 3 agrees | 南岭市港务局（本级） * | 南岭市航标处 | 南岭市港口档案馆", read(text, "南岭市港务局"));
  }

  @Test
  void aTableOfUnitsUnderItsSentenceWithNatureColumn() {
    String text =
        "二、部门预算单位构成\n从预算单位构成看，东坪市体育局包括 9个机关科室及 2个下属单位，其中：列入 2026年部门预算编制范围的单位详细情况见下表:\n"
            + "序号\t单位名称\t单位性质\n"
            + "1\t东坪市体育局（本级）\t行政单位\n"
            + "2\t东坪市体育运动学校\t全额拨款事业单位\n"
            + "3\t东坪市全民健身中心\t差额拨款事业单位\n"
            + "三、部门主要工作任务\n";
    assertEquals(
        "table 3 2u agrees | 东坪市体育局（本级） [行政] * | 东坪市体育运动学校 [事业] | 东坪市全民健身中心 [事业]",
        read(text, "东坪市体育局"));
  }

  @Test
  void aTableAfterASentenceEndingInAColon() {
    String text =
        "二、部门决算单位构成\n纳入西河区民政局 2024 年度部门决算编制范围的单位包括：\n"
            + "序号  单位名称  备注\n"
            + "1  西河区民政局（本级）\n"
            + "2  西河区救助管理站\n"
            + "第二部分 部门决算表\n";
    assertEquals("table 2 - unstated | 西河区民政局（本级） * | 西河区救助管理站", read(text, "西河区民政局"));
  }

  @Test
  void aStatedCountTheListDoesNotBearOutIsShownAsDiffering() {
    String text = "二、预算单位构成\n纳入本部门 2026 年部门预算编制范围的预算单位共计 4 家，具体包括：清江市商务局，清江市会展服务中心，清江市口岸服务中心。\n";
    assertEquals("sentence 3 4 differs | 清江市商务局 * | 清江市会展服务中心 | 清江市口岸服务中心", read(text, "清江市商务局"));
  }

  @Test
  void aListWithAnItemThatIsNoBodyIsNotAList() {
    String text = "（二）预算单位构成\n本部门预算包括：本级及所属单位的收支、往来款项。\n";
    assertEquals(" 0 - unstated | ", read(text, "清江市商务局"));
  }

  @Test
  void aUnitsOwnReportSaysWhatTheUnitIs() {
    String text = "六、其他相关情况说明\n平原市水文站（单位）主要职能\n平原市水文站是平原市水务局所属公益一类事业单位。\n主要职能包括：\n1.水文监测。\n";
    assertEquals("self 1 - unstated | 平原市水文站 [事业] *", read(text, "平原市水务局"));
  }

  @Test
  void postsByKindAreReadTheirTotalBeingAFigure() {
    String text = "（三）人员情况\n本部门在职人员编制120人，其中：行政编制100人，事业编制20人；实有人员115人。\n" + "主要用于在职人员工资福利支出。\n";
    assertEquals(" 0 - unstated |  || 行政编制=100,事业编制=20", read(text, "平原市水务局"));
  }

  @Test
  void theFirstSentenceUnderACompositionHeadingInWhateverWords() {
    String reflects = "（二）部门决算单位构成\n学校部门决算反映东湖大学本级、东湖大学附属中学及东湖大学附属小学的经费收支情况。\n二、决算报表\n";
    assertEquals("sentence 3 - unstated | 东湖大学本级 * | 东湖大学附属中学 | 东湖大学附属小学", read(reflects, "东湖大学"));
    String namely = "2.从预算单位构成看，纳入本部门 2019 年部门汇总预算编制范围的预算单位共计 1家，即北湖市政协办公厅本级。\n";
    assertEquals("sentence 1 1 agrees | 北湖市政协办公厅本级 *", read(namely, "北湖市政协办公厅"));
  }

  @Test
  void aNumberedListStartingOnItsVerbsLine() {
    String text =
        "西河区档案局机构设置\n西河区档案局部门预算包括档案局本部以及下属1家预算单位的综合收支计划。\n"
            + "本部门中，行政单位1家，事业单位1家，具体包括： 1. 西河区档案局本部\n2. 西河区档案修复中心\n名词解释\n";
    assertEquals("numbered 2 1u agrees | 西河区档案局本部 * | 西河区档案修复中心", read(text, "西河区档案局"));
  }

  @Test
  void aTablesRowsWhoseNumbersWereLostAreReadByTheirRemarks() {
    String text =
        "纳入西河区规划局 2024 年度部门决算编制范围的单位包括：\n序号\t单位名称\t备注\n"
            + "1\t西河区规划局（本级）\n\t西河区规划执法大队\n（下属参公事业单位）\n"
            + "西河区土地发展中心\n（下属事业单位）\n西河区规划和自然资源管理事务中\n心（下属事业单位）\n"
            + "西河区规划局 2024 年度部门决算表\n收入支出决算总表\n单位：万元\n";
    assertEquals(
        "table 4 - unstated | 西河区规划局（本级） * | 西河区规划执法大队 [参公] | 西河区土地发展中心 [事业]"
            + " | 西河区规划和自然资源管理事务中心 [事业]",
        read(text, "西河区规划局"));
  }

  @Test
  void theUnitsUnderTheBodyAloneWhenNothingElseIsSaid() {
    String text = "（28）本部门纳入本年预算的下属单位如下：东港铁路运输法院，其工作职责主要是审判案件。\n";
    assertEquals("numbered 1 - unstated | 东港铁路运输法院", read(text, "北湖市高级人民法院"));
  }

  @Test
  void whatTheReviewFoundListsThatAreNoUnitsAndUnitsThatWereMissed() {
    // a body with none under it is not contradicted by a list of projects' places
    assertEquals(
        "none 1 - unstated | 白沙市卫生健康局 *",
        read(
            "二、单位机构设置及预算单位构成情况\n本单位无下属单位。\n三、2026年度单位主要工作任务\n"
                + "2026年重点建设项目具体包括：白沙市急救指挥中心、白沙市第二人民医院和白沙市特殊教育学校。\n",
            "白沙市卫生健康局"));
    // offices named without 内设: short, ending as offices do
    assertEquals(" 0 - unstated | ", read("（二）预算单位构成\n本局机关包括：办公室、法规科、财务科、执法大队。\n", "白沙市水利局"));
    // offices first, units after, in one sentence
    assertEquals(
        "sentence 2 - unstated | 白沙市水文站 | 白沙市供水管理处",
        read("二、机构设置\n本局内设办公室、规划科、水政科共 3 个科室，下属单位 2 个，具体包括：白沙市水文站、白沙市供水管理处。\n", "白沙市水利局"));
    // 即 inside a place's name is no verb
    assertEquals(
        "sentence 2 - unstated | 即墨区农业农村局本级 [行政] * | 即墨区农业技术推广中心 [事业]",
        read(
            "（二）机构设置\n从预算单位构成看，青岛市即墨区农业农村局包括：即墨区农业农村局本级（行政单位）、即墨区农业技术推广中心（事业单位）。\n",
            "青岛市即墨区农业农村局"));
    // a list on 如下's own line; 下属 before a name is no part of it
    assertEquals(
        "sentence 3 3 agrees | 白沙市财政局（本级） * | 白沙市国库支付中心 | 白沙市财政投资评审中心",
        read("二、预算单位构成\n纳入本部门预算编制范围的单位共 3 个，具体如下：白沙市财政局（本级）；下属白沙市国库支付中心；白沙市财政投资评审中心。\n", "白沙市财政局"));
    // a unit under the body with a 本级 of its own is not the body
    assertEquals(
        "numbered 2 - unstated | 白沙市人力资源和社会保障局（本级） * | 白沙市社会保险基金管理局本级",
        read(
            "本部门预算为汇总预算，包括：局本级预算，以及纳入编制范围的下属单位预算，具体如下：\n"
                + "1.白沙市人力资源和社会保障局（本级）下设办公室。\n2.白沙市社会保险基金管理局本级下设办公室。\n三、主要工作目标\n",
            "白沙市人力资源和社会保障局"));
  }
}
