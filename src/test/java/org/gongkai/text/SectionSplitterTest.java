package org.gongkai.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.gongkai.model.Section;
import org.junit.jupiter.api.Test;

class SectionSplitterTest {

  private final SectionSplitter splitter = new SectionSplitter();

  private List<String> outline(String text) {
    return splitter.split("d", text).stream().map(s -> s.path() + " " + s.heading()).toList();
  }

  @Test
  void eachHeadingPatternIsRecognised() {
    assertEquals(Heading.Rank.PART, Heading.parse("第三部分 2024年度部门决算情况说明").orElseThrow().rank());
    assertEquals(Heading.Rank.CHAPTER, Heading.parse("九、财政拨款“三公”经费支出决算情况说明").orElseThrow().rank());
    assertEquals(
        Heading.Rank.CLAUSE, Heading.parse("（一）“三公”经费财政拨款支出决算总体情况说明。").orElseThrow().rank());
    assertEquals(Heading.Rank.CLAUSE, Heading.parse("(二)一般公共预算财政拨款支出决算结构情况").orElseThrow().rank());
    assertEquals(Heading.Rank.ITEM, Heading.parse("1.公务用车购置和维护经费").orElseThrow().rank());
    assertEquals(Heading.Rank.ITEM, Heading.parse("3、公务接待").orElseThrow().rank());
    assertEquals(Heading.Rank.ANNEX, Heading.parse("附件1").orElseThrow().rank());
    assertEquals(Heading.Rank.ANNEX, Heading.parse("附件 2").orElseThrow().rank());
    assertEquals(
        Heading.Rank.ANNEX, Heading.parse("附表：部门预算项目支出绩效自评表（2024年度）").orElseThrow().rank());
    assertEquals(13, Heading.parse("十三、预算绩效情况说明").orElseThrow().number());
    assertEquals(21, Heading.chineseNumber("二十一"));
  }

  @Test
  void aSentenceThatStartsLikeAHeadingIsBodyText() {
    assertEquals(Optional.empty(), Heading.parse("一、维护职能：是工会的基本职责，是工会服务于党的中心任务的主要手段。"));
    assertEquals(Optional.empty(), Heading.parse("1.一般公共服务（类）支出 362.1 万元，占 77.8%。"));
    assertEquals(Optional.empty(), Heading.parse("(一)一般公共预算财政拨款收入：指省级财政一般公共预算当年拨付的资金。"));
    assertEquals(Optional.empty(), Heading.parse("1.5万元用于职工活动"));
  }

  @Test
  void tableRowsThatLookNumberedAreNotHeadings() {
    assertEquals(Optional.empty(), Heading.parse("四、上级补助收入 4 四、公共安全支出 35"));
    assertEquals(Optional.empty(), Heading.parse("一、一般公共服务支出 32"));
    assertEquals(Optional.empty(), Heading.parse("一、部门基本支出\t121.14"));
    assertEquals(Optional.empty(), Heading.parse("1、持续性项目 ☑ 2、新增性项目 □"));
  }

  @Test
  void aRunInHeadingEndsAtItsFullStop() {
    Heading h = Heading.parse("（一）收入情况。金口河区总工会2024年年初预算收入197.57万元，其中财政拨款197.57万元。").orElseThrow();
    assertEquals("（一）收入情况", h.text());
    List<Section> sections =
        splitter.split("d", "一、部门资金收支情况\n（一）收入情况。年初预算收入197.57万元。\n（二）支出情况。年初预算支出197.57万元。");
    Section income = sections.get(1);
    assertEquals("（一）收入情况", income.heading());
    assertEquals(
        "年初预算收入197.57万元。", "一、部门资金收支情况\n（一）收入情况。年初预算收入197.57万元。".substring(income.bodyStart()));
  }

  @Test
  void sectionsNestAndCarryPathsLevelsBreadcrumbsAndOffsets() {
    String text = "标题\n本报告依法公开。\n第一部分 概况\n一、部门职责\n正文甲。\n第二部分 情况说明\n一、收入\n正文乙。\n二、支出\n（一）基本支出\n正文丙。";
    List<Section> s = splitter.split("doc", text);
    assertEquals(
        List.of(
            "0 标题",
            "1 第一部分 概况",
            "1.1 一、部门职责",
            "2 第二部分 情况说明",
            "2.1 一、收入",
            "2.2 二、支出",
            "2.2.1 （一）基本支出"),
        s.stream().map(x -> x.path() + " " + x.heading()).toList());
    Section basic = s.get(6);
    assertEquals("doc-2.2.1", basic.id());
    assertEquals(3, basic.level());
    assertEquals(List.of("第二部分 情况说明", "二、支出"), basic.breadcrumb());
    assertEquals("（一）基本支出\n正文丙。", text.substring(basic.start(), basic.end()));
    assertEquals("基本支出", basic.category());
  }

  @Test
  void numberingMustContinueSoStrayNumbersStayInTheBody() {
    List<String> o = outline("一、收入\n正文。\n二、支出\n正文。\n八、其他收入\n正文。\n一、重复\n正文。");
    assertEquals(List.of("1 一、收入", "2 二、支出"), o);
  }

  @Test
  void aListOfHeadingsWithoutBodiesFoldsIntoItsParent() {
    String text = "第二部分 部门决算表\n一、收入支出决算总表\n二、收入决算表\n三、支出决算表\n第三部分 情况说明\n一、收入\n正文。";
    List<Section> s = splitter.split("d", text);
    assertEquals(
        List.of("1 第二部分 部门决算表", "2 第三部分 情况说明", "2.1 一、收入"),
        s.stream().map(x -> x.path() + " " + x.heading()).toList());
    assertEquals(
        "第二部分 部门决算表\n一、收入支出决算总表\n二、收入决算表\n三、支出决算表",
        text.substring(s.get(0).start(), s.get(0).end()));
  }

  @Test
  void aTableOfContentsProducesNoSections() {
    String text =
        "部门决算\n目录\n第一部分 概况 …… 3\n一、部门职责 …… 3\n第二部分 说明 …… 5\n第一部分 概况\n一、部门职责\n正文。\n第二部分 说明\n正文。";
    assertEquals(List.of("1 第一部分 概况", "1.1 一、部门职责", "2 第二部分 说明"), outline(text));
    assertTrue(splitter.split("d", text).get(0).start() > text.indexOf("第二部分 说明 …… 5"));
  }

  @Test
  void anEmptyTableOfContentsDoesNotSwallowTheRealHeadings() {
    assertEquals(List.of("1 第一部分 概况", "1.1 一、部门主要职责"), outline("目录\n第一部分 概况\n一、部门主要职责\n正文。"));
  }

  @Test
  void itemHeadingsOnlyNestInsideChaptersOrClauses() {
    assertEquals(List.of("1 第一部分 概况"), outline("第一部分 概况\n1.武汉市汉阳区职工服务中心\n正文。"));
    assertEquals(
        List.of("1 一、公用经费", "1.1 1.公务用车", "1.2 2.公务接待"),
        outline("一、公用经费\n1.公务用车\n正文。\n2.公务接待\n正文。"));
  }

  @Test
  void categoriesComeFromTheHeadingThenTheBodyThenTheParent() {
    SectionCategorizer c = new SectionCategorizer();
    assertEquals("三公经费", c.categorize("九、财政拨款“三公”经费支出决算情况说明", "", null));
    assertEquals("基本支出", c.categorize("六、一般公共预算财政拨款基本支出决算情况说明", "", null));
    assertEquals("预算绩效", c.categorize("六、部门整体支出绩效情况", "", null));
    assertEquals("收支总体", c.categorize("一、收入支出决算总体情况说明", "", null));
    assertEquals("决算报表", c.categorize("第二部分 武汉市蔡甸区总工会", "项 目 行次 决算数 栏次 1", null));
    assertEquals("政府采购", c.categorize("（二）其他", "本年度政府采购支出总额0万元。", "其他"));
    assertEquals("预算绩效", c.categorize("四、评价结论及建议", "", "预算绩效"));
    assertEquals("其他", c.categorize("第四部分 其他需要说明的情况", "加强清廉工会建设", null));
    assertEquals("机关运行经费", c.categorize("十二、机构运行经费支出决算情况说明", "", null));
    assertEquals("机关运行经费", c.categorize("（一）机关（机构）运行经费", "", null));
  }

  /**
   * A made-up budget in the layout of 上海's: numbered contents, unnumbered part titles in the body.
   */
  private static final String CONTENTS_IN_OTHER_WORDS =
      String.join(
          "\n",
          "某市某区2026年区级部门预算",
          "目 录",
          "一、部门主要职能 ……………………",
          "二、部门机构设置 ……………………",
          "三、名词解释 ………………………",
          "四、部门预算编制说明 ……………",
          "五、部门预算表 ……………………",
          "1. 2026年部门财务收支预算总表 ………",
          "2．2026年部门收入预算总表 …………",
          "六、其他相关情况说明 ……………",
          "某市某区档案局主要职能",
          "档案局负责全区档案工作的统筹规划和监督指导。",
          "（一）收集和保管本区重要档案。",
          "对本区档案工作进行监督和指导。",
          "某市某区档案局机构设置",
          "本部门包括机关本部和下属一家事业单位。",
          "名词解释",
          "财政拨款收入：指本级财政当年拨付的资金。",
          "2026年部门预算编制说明",
          "收入预算120.5万元，其中财政拨款收入120.5万元。",
          "2026年部门财务收支预算总表",
          "项目\t预算数\t项目\t预算数",
          "一、财政拨款收入\t120.50\t一、一般公共服务支出\t120.50",
          "2026年部门收入预算总表",
          "项目\t合计\t财政拨款收入",
          "二、事业收入",
          "合计\t120.50\t120.50",
          "其他相关情况说明",
          "一、“三公”经费预算情况说明",
          "“三公”经费预算为零。",
          "二、机关运行经费预算",
          "机关运行经费预算为8.2万元。");

  @Test
  void theContentsPlacePartsTheBodyTitlesInOtherWords() {
    assertEquals(
        List.of(
            "1 某市某区档案局主要职能",
            "1.1 （一）收集和保管本区重要档案",
            "2 某市某区档案局机构设置",
            "3 名词解释",
            "4 2026年部门预算编制说明",
            "5 五、部门预算表",
            "5.1 2026年部门财务收支预算总表",
            "5.2 2026年部门收入预算总表",
            "6 其他相关情况说明",
            "6.1 一、“三公”经费预算情况说明",
            "6.2 二、机关运行经费预算"),
        outline(CONTENTS_IN_OTHER_WORDS));
  }

  @Test
  void contentsTheBodyRepeatsLeaveTheBodysHeadingsAlone() {
    String text =
        String.join(
            "\n",
            "目录",
            "第一部分 部门概况",
            "第二部分 部门决算表",
            "第一部分 部门概况",
            "一、主要职能",
            "负责全区的档案工作。",
            "第二部分 部门决算表",
            "收入支出决算总表",
            "项目\t决算数",
            "合计\t10.00");
    assertEquals(List.of("1 第一部分 部门概况", "1.1 一、主要职能", "2 第二部分 部门决算表"), outline(text));
  }

  @Test
  void aPartTitleWrappedInPrintIsOneHeading() {
    String text =
        String.join(
            "\n",
            "第一部分 概况",
            "一、主要职能",
            "负责全区的档案工作。",
            "第三部分某市某区档案局 2024 年度",
            "部门决算情况说明",
            "一、收入支出决算总体情况说明",
            "本年收入合计10万元。");
    assertEquals(
        List.of("1 第一部分 概况", "1.1 一、主要职能", "2 第三部分某市某区档案局 2024 年度部门决算情况说明", "2.1 一、收入支出决算总体情况说明"),
        outline(text));
  }
}
