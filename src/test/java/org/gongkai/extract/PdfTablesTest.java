package org.gongkai.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gongkai.bench.SimplePdf;
import org.gongkai.bench.SimplePdf.Page;
import org.gongkai.bench.SimplePdf.Placed;
import org.gongkai.bench.SimplePdf.Rule;
import org.gongkai.config.ExtractConfig;
import org.gongkai.text.TextCleaner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PDF table read from where its text stands: rows on one baseline, cells in columns (empty ones
 * kept), a right-aligned amount touching the next column's label split from it, a letter-spaced
 * label ({@code 合 计}) kept whole, a header row above the full rows kept in the table; a heading
 * with a wide gap and no figure is not a table. A ruled table's cells are read whole from the
 * rulings, a wrapped cell without rulings is joined to its row, and a table continues on the next
 * page.
 */
class PdfTablesTest {

  @TempDir Path dir;

  private static final float SIZE = 10;

  /** {@code text} ending at {@code right} (every glyph is one em wide in this font). */
  private static Placed rightAligned(float right, float y, String text) {
    return new Placed(right - text.length() * SIZE, y, SIZE, text);
  }

  private static Placed at(float x, float y, String text) {
    return new Placed(x, y, SIZE, text);
  }

  @Test
  void aTableIsReadAsRowsOfCellsInColumns() throws Exception {
    List<Placed> page = new ArrayList<>();
    page.add(at(60, 780, "第一部分"));
    page.add(at(120, 780, "部门概况")); // two characters apart: no figure, so not a table
    page.add(at(200, 750, "收入支出决算总表"));
    page.add(at(450, 735, "单位：万元"));
    page.add(at(60, 718, "收入")); // a header row above the full ones: part of the table
    page.add(at(255, 718, "支出"));
    page.addAll(
        List.of(at(60, 700, "项目"), at(200, 700, "金额"), at(260, 700, "项目"), at(420, 700, "金额")));
    page.addAll(
        List.of(
            at(60, 680, "一、财政拨款收入"),
            rightAligned(250, 680, "1,523.40"),
            at(255, 680, "一、一般公共服务支出"), // half a character after the amount
            rightAligned(460, 680, "12.00")));
    page.addAll(
        List.of(
            at(60, 660, "本年收入合计"),
            rightAligned(250, 660, "1,523.40"),
            at(255, 660, "本年支出合计"),
            rightAligned(460, 660, "1,492.20")));
    page.addAll(
        List.of(
            at(60, 640, "合"),
            at(90, 640, "计"),
            rightAligned(250, 640, "1,558.50"),
            at(255, 640, "合"),
            at(285, 640, "计"),
            rightAligned(460, 640, "1,558.50")));
    page.add(at(255, 620, "二、农林水支出")); // a row whose only cell is the third
    page.add(at(60, 580, "本表反映部门收支总体情况。"));
    Path pdf = dir.resolve("表.pdf");
    Files.write(pdf, SimplePdf.placed(page));
    String text = new TikaExtractor(ExtractConfig.defaults()).extract(pdf).text();
    assertEquals(
        String.join(
            "\n",
            "第一部分部门概况",
            "收入支出决算总表",
            "单位：万元",
            "收入\t\t支出",
            "项目\t金额\t项目\t金额",
            "一、财政拨款收入\t1,523.40\t一、一般公共服务支出\t12.00",
            "本年收入合计\t1,523.40\t本年支出合计\t1,492.20",
            "合计\t1,558.50\t合计\t1,558.50",
            "\t\t二、农林水支出",
            "本表反映部门收支总体情况。"),
        new TextCleaner().clean(text));
  }

  @Test
  void aTableSetInFullWidthFiguresIsATable() throws Exception {
    // some governments set their tables in full-width figures (３４，６６０，７０６): amounts all the same,
    // kept as written
    List<Placed> page = new ArrayList<>();
    page.add(at(150, 780, "某市２０２２年市级政府性基金预算收入决算情况表"));
    page.add(at(60, 760, "表四"));
    page.add(at(450, 760, "单位：万元"));
    page.addAll(List.of(at(60, 740, "项目"), at(250, 740, "预算数"), at(400, 740, "决算数")));
    page.addAll(
        List.of(
            at(60, 720, "土地出让收入"),
            rightAligned(320, 720, "３４，６６０，７０６"),
            rightAligned(470, 720, "３１，０９０，９２８")));
    page.addAll(
        List.of(
            at(60, 700, "收入合计"),
            rightAligned(320, 700, "３５，０００，０００"),
            rightAligned(470, 700, "３１，５００，０００")));
    String text = read(List.of(new Page(page, List.of())));
    assertEquals(
        String.join(
            "\n",
            "某市２０２２年市级政府性基金预算收入决算情况表",
            "表四\t\t单位：万元",
            "项目\t预算数\t决算数",
            "土地出让收入\t３４，６６０，７０６\t３１，０９０，９２８",
            "收入合计\t３５，０００，０００\t３１，５００，０００"),
        text);
  }

  private String read(List<Page> pages) throws Exception {
    Path pdf = dir.resolve("表.pdf");
    Files.write(pdf, SimplePdf.pages(pages));
    return new TextCleaner().clean(new TikaExtractor(ExtractConfig.defaults()).extract(pdf).text());
  }

  @Test
  void aRuledTableReadsEachRuledCellWhole() throws Exception {
    List<Placed> text = new ArrayList<>();
    text.add(at(160, 740, "收入决算表"));
    text.add(at(350, 720, "单位：万元"));
    // the header: a name right-aligned four points before the ruling, the next column's header
    // four points after it; a header wrapped onto two lines in its ruled cell
    text.add(at(55, 680, "科目编码"));
    text.add(rightAligned(248, 680, "科目名称"));
    text.add(at(254, 686, "本年收入"));
    text.add(at(254, 672, "合计"));
    text.add(at(355, 680, "财政拨款收入"));
    text.addAll(
        List.of(
            at(55, 646, "205"),
            at(155, 646, "教育支出"),
            rightAligned(346, 646, "1,309.00"),
            rightAligned(446, 646, "1,309.00")));
    // a tall row: its name wrapped onto two lines, the code and amounts centred between them
    text.addAll(
        List.of(
            at(55, 616, "2080505"),
            at(155, 623, "机关事业单位基本"),
            at(155, 609, "养老保险缴费支出"),
            rightAligned(346, 616, "8,976.60"),
            rightAligned(446, 616, "8,897.19")));
    text.addAll(
        List.of(
            at(155, 586, "合计"),
            rightAligned(346, 586, "10,285.60"),
            rightAligned(446, 586, "10,206.19")));
    text.add(at(50, 550, "注：本表反映部门本年度取得的各项收入情况。"));
    List<Rule> rules = new ArrayList<>();
    for (float y : new float[] {700, 660, 635, 600, 575}) rules.add(new Rule(50, y, 450, y));
    for (float x : new float[] {50, 150, 250, 350, 450}) rules.add(new Rule(x, 575, x, 700));
    assertEquals(
        String.join(
            "\n",
            "收入决算表",
            "单位：万元",
            "科目编码\t科目名称\t本年收入合计\t财政拨款收入",
            "205\t教育支出\t1,309.00\t1,309.00",
            "2080505\t机关事业单位基本养老保险缴费支出\t8,976.60\t8,897.19",
            "\t合计\t10,285.60\t10,206.19",
            "注：本表反映部门本年度取得的各项收入情况。"),
        read(List.of(new Page(text, rules))));
  }

  @Test
  void aCellWrappedAroundItsRowJoinsItWithoutRulings() throws Exception {
    List<Placed> text = new ArrayList<>();
    text.addAll(
        List.of(
            at(60, 700, "208"), at(150, 700, "社会保障和就业支出"), rightAligned(400, 700, "13,465.06")));
    text.addAll(
        List.of(
            at(150, 677, "行政事业单位养老支"), // above its row, by half a line
            at(60, 670, "20805"),
            rightAligned(400, 670, "13,465.06"),
            at(150, 663, "出"))); // and below it
    text.addAll(
        List.of(
            at(60, 640, "2080505"), at(150, 640, "基本养老保险缴费"), rightAligned(400, 640, "8,976.60")));
    text.addAll(
        List.of(at(60, 610, "221"), at(150, 610, "住房保障支出"), rightAligned(400, 610, "16,278.27")));
    text.add(at(150, 580, "十三、交通运输支出")); // a row of its own: a row's distance below
    text.addAll(
        List.of(at(60, 550, "229"), at(150, 550, "其他支出"), rightAligned(400, 550, "109.50")));
    assertEquals(
        String.join(
            "\n",
            "208\t社会保障和就业支出\t13,465.06",
            "20805\t行政事业单位养老支出\t13,465.06",
            "2080505\t基本养老保险缴费\t8,976.60",
            "221\t住房保障支出\t16,278.27",
            "\t十三、交通运输支出",
            "229\t其他支出\t109.50"),
        read(List.of(new Page(text, List.of()))));
  }

  @Test
  void anAmountsLastDigitsWrappedBelowItsCellAreTheAmounts() throws Exception {
    List<Placed> text = new ArrayList<>();
    text.addAll(List.of(at(60, 700, "项目"), at(330, 700, "本年预算"), at(500, 700, "上年预算")));
    text.addAll(
        List.of(
            at(60, 680, "一般公共服务支出"),
            rightAligned(400, 680, "24,995.9"), // its cent on the line below, inside its row
            rightAligned(580, 680, "23,001.25")));
    text.add(rightAligned(400, 672, "4"));
    text.addAll(
        List.of(
            at(60, 650, "教育支出"),
            rightAligned(400, 650, "1,200"), // its decimals below
            rightAligned(580, 650, "1,100.00")));
    text.add(rightAligned(400, 642, ".50"));
    text.addAll(
        List.of(
            at(60, 620, "科学技术支出"),
            rightAligned(400, 620, "310.00"),
            rightAligned(580, 620, "300.00")));
    // a row's own small figure a row's distance below is a row, not digits of the amount above
    text.addAll(
        List.of(at(60, 590, "其他支出"), rightAligned(400, 590, "5"), rightAligned(580, 590, "6")));
    assertEquals(
        String.join(
            "\n",
            "项目\t本年预算\t上年预算",
            "一般公共服务支出\t24,995.94\t23,001.25",
            "教育支出\t1,200.50\t1,100.00",
            "科学技术支出\t310.00\t300.00",
            "其他支出\t5\t6"),
        read(List.of(new Page(text, List.of()))));
  }

  @Test
  void aTableAtThePageFootContinuesOnTheNextPage() throws Exception {
    List<Placed> first = new ArrayList<>();
    first.add(at(200, 200, "收入支出决算总表"));
    first.addAll(
        List.of(at(60, 160, "项目"), at(200, 160, "金额"), at(260, 160, "项目"), at(420, 160, "金额")));
    first.addAll(
        List.of(
            at(60, 140, "一、财政拨款收入"),
            rightAligned(240, 140, "1,523.40"),
            at(260, 140, "一、一般公共服务支出"),
            rightAligned(460, 140, "12.00")));
    first.addAll(
        List.of(
            at(60, 120, "二、事业收入"),
            rightAligned(240, 120, "30.00"),
            at(260, 120, "二、教育支出"),
            rightAligned(460, 120, "1,511.40")));
    first.add(at(290, 40, "7")); // the page number
    List<Placed> second = new ArrayList<>();
    second.add(at(260, 800, "三、科学技术支出")); // rows whose only cells are in the third column
    second.add(at(260, 780, "四、住房保障支出"));
    second.addAll(List.of(at(260, 760, "五、其他支出"), rightAligned(460, 760, "30.00")));
    second.addAll(
        List.of(
            at(60, 740, "本年收入合计"),
            rightAligned(240, 740, "1,553.40"),
            at(260, 740, "本年支出合计"),
            rightAligned(460, 740, "1,553.40")));
    second.add(at(60, 700, "注：本表反映部门收支总体情况。"));
    assertEquals(
        String.join(
            "\n",
            "收入支出决算总表",
            "项目\t金额\t项目\t金额",
            "一、财政拨款收入\t1,523.40\t一、一般公共服务支出\t12.00",
            "二、事业收入\t30.00\t二、教育支出\t1,511.40",
            "\t\t三、科学技术支出",
            "\t\t四、住房保障支出",
            "\t\t五、其他支出\t30.00",
            "本年收入合计\t1,553.40\t本年支出合计\t1,553.40",
            "注：本表反映部门收支总体情况。"),
        read(List.of(new Page(first, List.of()), new Page(second, List.of()))));
  }

  @Test
  void aRuledTableOfOneRowReadsItsHeaderCellsWhole() throws Exception {
    List<Placed> text = new ArrayList<>();
    text.add(at(150, 740, "“三公”经费支出决算表"));
    text.add(at(55, 676, "合计"));
    text.add(at(115, 684, "因公出国")); // wrapped in its ruled cell
    text.add(at(115, 670, "（境）费"));
    text.add(at(195, 687, "公务用车购置及运行费")); // over three columns, ruled below
    text.add(at(195, 666, "小计"));
    text.add(at(255, 666, "购置费"));
    text.add(at(315, 666, "运行费"));
    text.add(at(375, 676, "公务接待费"));
    float y = 646;
    text.addAll(
        List.of(
            rightAligned(108, y, "18.60"),
            rightAligned(188, y, "0.00"),
            rightAligned(248, y, "14.10"),
            rightAligned(308, y, "0.00"),
            rightAligned(368, y, "14.10"),
            rightAligned(448, y, "4.50")));
    text.add(at(50, 600, "注：本表反映“三公”经费支出情况。"));
    List<Rule> rules = new ArrayList<>();
    for (float h : new float[] {700, 660, 640}) rules.add(new Rule(50, h, 450, h));
    rules.add(new Rule(190, 680, 370, 680)); // under the group's header only
    for (float x : new float[] {50, 110, 190, 370, 450}) rules.add(new Rule(x, 640, x, 700));
    for (float x : new float[] {250, 310}) rules.add(new Rule(x, 640, x, 680));
    assertEquals(
        String.join(
            "\n",
            "“三公”经费支出决算表",
            "合计\t因公出国（境）费\t公务用车购置及运行费\t\t\t公务接待费",
            "\t\t小计\t购置费\t运行费",
            "18.60\t0.00\t14.10\t0.00\t14.10\t4.50",
            "注：本表反映“三公”经费支出情况。"),
        read(List.of(new Page(text, rules))));
  }
}
