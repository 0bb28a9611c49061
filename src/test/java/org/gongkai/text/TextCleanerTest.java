package org.gongkai.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;
import org.junit.jupiter.api.Test;

class TextCleanerTest {

  private final TextCleaner cleaner = new TextCleaner();

  /** A page of hard-wrapped text like PDF extraction gives: 30 full lines of 27 Han characters. */
  private static String filler() {
    return String.join("\n", Collections.nCopies(30, "这是一段用来撑满页面宽度的正文内容这是一段用来撑满。"));
  }

  @Test
  void widthCountsChineseCharactersAndCurlyQuotesAsTwoColumns() {
    assertEquals(0, Chars.width(""));
    assertEquals(4, Chars.width("收入"));
    assertEquals(10, Chars.width("“三公”ab"));
    assertEquals(11, Chars.width("465.38 万元"));
  }

  @Test
  void pinyinReadingsAMirrorAddsAfterCharactersAreDroppedButBracketsOfTheReportKept() {
    assertEquals("第一部分柏祥鎮人民政府概況", cleaner.clean("第一部分 柏祥鎮(zhèn)人民政府概況"));
    assertEquals("三、鎮財政決算單位構成", cleaner.clean("三、鎮(zhèn)財政決算單位構成"));
    // words in brackets without tone marks are the report's own
    assertEquals("因公出国(境)费用(zhen)", cleaner.clean("因公出国(境)费用(zhen)"));
  }

  @Test
  void anAmountsLastDigitsWrappedOntoALineOfTheirOwnAreJoinedInAnyTable() {
    // as a text extractor writes a table whose cell wrapped: the cent on the next line, alone
    assertEquals(
        "本年收入合计\t24,995.94\t本年支出合计\t24,995.94\n收入总计\t24,995.94\t支出总计\t24,995.94",
        cleaner.clean(
            "本年收入合计\t24,995.94\t本年支出合计\t24,995.94\n收入总计\t24,995.9\t支出总计\t24,995.94\n\t4\t\t\n"));
    // the decimals wrapped, and two cells of one row at once
    assertEquals(
        "教育支出\t1,200.50\t1,100.00\t300.25",
        cleaner.clean("教育支出\t1,200\t1,100.00\t300.2\n\t.50\t\t5\n"));
    // a row's own small figure, its amounts already to the cent: a row of its own
    assertEquals(
        "科学技术支出\t310.00\t300.00\n\t5\t6", cleaner.clean("科学技术支出\t310.00\t300.00\n\t5\t6\n"));
    // a row numbering the columns under a header, or digits under words: no amount to complete
    assertEquals("项目\t本年\t上年\n1\t2\t3", cleaner.clean("项目\t本年\t上年\n1\t2\t3\n"));
    // a row whose amounts are all whole (no cents to complete) keeps its next row
    assertEquals("编制数\t12\t8\n\t4", cleaner.clean("编制数\t12\t8\n\t4\t\n"));
  }

  @Test
  void bookmarkMarkersAreDropped() {
    assertEquals("一、部门职责", cleaner.clean("[bookmark: _Toc15377197][bookmark: _Toc15396600]一、部门职责"));
  }

  @Test
  void wordFieldCodesAreDropped() {
    assertEquals("一、部门职责", cleaner.clean("一、部门职责 PAGEREF _Toc123 h 4"));
    assertEquals("目录", cleaner.clean("TOC \\o \"1-3\" \\h \\z \\u 目录"));
    assertEquals("第一部分", cleaner.clean("HYPERLINK \\l \"_Toc15377197\" 第一部分"));
  }

  @Test
  void pageNumberAndFooterLinesAreDropped() {
    assertEquals("甲。\n乙。\n丙。\n丁。\n戊。", cleaner.clean("甲。\n乙。\n丙。\n丁。\n\n5\n\n戊。"));
    // where every line is followed by a blank line, a page number stands out by a wider gap
    assertEquals("正文一。\n正文二。\n正文三。", cleaner.clean("正文一。\n\n正文二。\n\n\n\n5\n\n正文三。\n\n"));
    assertEquals("正文一。\n正文二。", cleaner.clean("正文一。\n— 13\n正文二。"));
    assertEquals("正文一。\n正文二。", cleaner.clean("正文一。\n-5-\n正文二。"));
    assertEquals("正文一。\n正文二。", cleaner.clean("正文一。\n第 5 页 共 38 页\n正文二。"));
    assertEquals("正文一。\n正文二。", cleaner.clean("12\n正文一。\n正文二。\n13"));
  }

  @Test
  void aNumberInsideATableIsKept() {
    assertEquals("得分\n3\n备注。", cleaner.clean("得分\n3\n备注。"));
  }

  @Test
  void pageNumberAtAPageBreakIsDroppedAndTheParagraphRejoined() {
    String page1 = filler() + "\n组织职工学习习近平总书记系列重要讲话精神和党的基本理论进行社\n7";
    String page2 = "会主义核心价值观教育。\n" + filler();
    String clean = cleaner.clean(page1 + "\f" + page2);
    assertEquals(true, clean.contains("进行社会主义核心价值观教育。"), clean);
    assertEquals(false, clean.contains("\n7\n"));
  }

  @Test
  void eachPageOfTheRawTextIsFoundInTheCleanText() {
    // three pages: a footer number, a page left empty, a last page
    TextCleaner.Cleaned c = cleaner.cleanPaged("一、概况。\n甲。\n\n1\f乙。\n2\f\f丙。\n");
    assertEquals("一、概况。\n甲。\n乙。\n丙。", c.text());
    assertEquals(java.util.List.of(0, 9, 12, 12), c.pageStarts());
    assertEquals(java.util.List.of(0), cleaner.cleanPaged("没有分页。").pageStarts());
  }

  @Test
  void aParagraphJoinedAcrossAPageBreakKnowsWhereTheNextPageBegins() {
    String page1 = filler() + "\n组织职工学习习近平总书记系列重要讲话精神和党的基本理论进行社\n7";
    String page2 = "会主义核心价值观教育。\n" + filler();
    TextCleaner.Cleaned c = cleaner.cleanPaged(page1 + "\f" + page2);
    int at = c.text().indexOf("进行社会主义");
    assertEquals(2, c.pageStarts().size());
    assertEquals(at + "进行社".length(), c.pageStarts().get(1)); // 会 is the first of page 2
    assertEquals(false, c.text().contains("\uffff"));
  }

  @Test
  void aTableWrittenACellPerLineEndsAtAPageBreak() {
    TextCleaner.Cleaned c = cleaner.cleanPaged("表一\n\t项目\n\t金额\f\t合计\n\t5.00\n\n尾。");
    assertEquals("表一\n项目\t金额\n合计\t5.00\n尾。", c.text());
    assertEquals(java.util.List.of(0, c.text().indexOf("合计")), c.pageStarts());
  }

  @Test
  void hardWrappedLinesAreRejoinedMidWord() {
    String raw =
        filler()
            + "\n1.贯彻执行党的路线、方针、政策，确定全区工会工作的指导思想和工作任务，贯彻全区\n"
            + "工会代表大会和全委会确定的方针、任务和决议。\n"
            + filler();
    assertEquals(true, cleaner.clean(raw).contains("贯彻全区工会代表大会和全委会确定的方针、任务和决议。"));
  }

  @Test
  void aLineIsNotJoinedToAHeadingListItemOrTableRow() {
    String wide = "一般公共预算财政拨款支出决算具体情况如下所述并将在后文中逐项详细说明其主要原因及";
    String raw =
        filler()
            + "\n"
            + wide
            + "\n二、收入决算情况说明\n"
            + wide
            + "\n（一）总体情况\n"
            + wide
            + "\n2.社保支出\n"
            + wide
            + "\n项目\t金额\n"
            + filler();
    String clean = cleaner.clean(raw);
    assertEquals(true, clean.contains(wide + "\n二、收入决算情况说明\n"));
    assertEquals(true, clean.contains(wide + "\n（一）总体情况\n"));
    assertEquals(true, clean.contains(wide + "\n2.社保支出\n"));
    assertEquals(true, clean.contains(wide + "\n项目\t金额\n"));
  }

  @Test
  void aShortHeadingIsNotJoinedToTheBodyBelowIt() {
    String raw = filler() + "\n五、一般公共预算财政拨款支出决算情况说明\n2024 年度一般公共预算财政拨款支出 465.38 万元。\n" + filler();
    assertEquals(true, cleaner.clean(raw).contains("五、一般公共预算财政拨款支出决算情况说明\n2024 年度"));
  }

  @Test
  void paragraphPerLineTextIsNeverJoined() {
    assertEquals(
        "主要变动原因是调整项目\n（图4：财政拨款收、支决算总计变动情况）", cleaner.clean("主要变动原因是调整项目\n\n（图4：财政拨款收、支决算总计变动情况）"));
  }

  @Test
  void spacesBetweenHanCharactersAreRemovedButNotAroundNumbers() {
    assertEquals("目录", cleaner.clean("目    录"));
    assertEquals("一、一般公共预算财政拨款收入", cleaner.clean("一 、一般公共预算 财政拨款收入"));
    assertEquals("收、支总计均为 465.38 万元。", cleaner.clean("收、支总计均为 465.38 万元。"));
  }

  @Test
  void wordTablesWithOneCellPerLineBecomeOneRowPerLine() {
    String raw =
        "说明\n\t主管部门及代码\n\t306001\n\t实施单位\n\t\n\n\t项目预算\n执行情况\n（万元）\n\t 预算数：\n\t58.1\n\n正文。";
    assertEquals("说明\n主管部门及代码\t306001\t实施单位\n项目预算执行情况（万元）\t预算数：\t58.1\n正文。", cleaner.clean(raw));
  }

  @Test
  void tableRowsThatExtractOneRowPerLineKeepTheirEmptyCells() {
    assertEquals("一、部门基本支出\t121.14\t\t94.25", cleaner.clean("一、部门基本支出\t121.14\t\t94.25\t"));
    assertEquals("\t8\t\t7", cleaner.clean("\t8\t\t7\t\t"));
  }

  @Test
  void numbersAreNotMergedWhenALineIsJoined() {
    String raw =
        filler() + "\n其中财政拨款收入为全年收入的主要来源，全部用于保障机构正常运转与日常工作任务完成的 1\n" + "552.83 万元。\n" + filler();
    assertEquals(true, cleaner.clean(raw).contains("完成的 1 552.83 万元。"));
  }

  @Test
  void hanGapsCloseAndPinyinNotesGoWithOrWithoutSpaces() {
    // no space: only the pinyin note goes (the gap patterns are skipped)
    assertEquals("工会经费", TextCleaner.closeHanGaps("工会(gōng)经费"));
    assertEquals("工会经费ABC", TextCleaner.closeHanGaps("工会经费ABC"));
    // spaces: gaps between Han characters close, other runs of spaces become one
    assertEquals("工会经费 ABC 12", TextCleaner.closeHanGaps("工 会\u3000经费  ABC  12"));
    assertEquals("机关运行经费 4.72", TextCleaner.closeHanGaps("机关(jī)运行 经费 4.72"));
  }

  /** The patterns {@link TextCleaner#closeGaps} and {@link TextCleaner#collapseSpaces} replace. */
  private static final java.util.regex.Pattern HAN_GAP =
      java.util.regex.Pattern.compile(
          "(?<=[\\p{IsHan}\\p{InCJKSymbolsAndPunctuation}\\p{InHalfwidthAndFullwidthForms}“”‘’])[ \\u3000]+"
              + "(?=[\\p{IsHan}\\p{InCJKSymbolsAndPunctuation}\\p{InHalfwidthAndFullwidthForms}“”‘’])");

  private static final java.util.regex.Pattern MULTI_SPACE =
      java.util.regex.Pattern.compile("[ \\u3000]{2,}");

  @Test
  void gapsCloseAsThePatternsDidOnGeneratedLines() {
    // Han (one beyond the basic plane), CJK and full-width punctuation, an ideographic space, curly
    // quotes, Latin letters and digits, spaces: every mix of them up to 12 characters, drawn
    String[] alphabet = {
      "汉", "字", "\uD840\uDC00", "，", "。", "（", "１", "Ａ", "\u3000", " ", " ", "“", "’", "a", "1", "."
    };
    java.util.Random random = new java.util.Random(20261129);
    int differ = 0, changed = 0;
    for (int k = 0; k < 200_000; k++) {
      StringBuilder line = new StringBuilder();
      for (int n = random.nextInt(13); n > 0; n--)
        line.append(alphabet[random.nextInt(alphabet.length)]);
      String t = line.toString();
      String before = MULTI_SPACE.matcher(HAN_GAP.matcher(t).replaceAll("")).replaceAll(" ");
      String after = TextCleaner.collapseSpaces(TextCleaner.closeGaps(t));
      if (!before.equals(t)) changed++;
      if (!before.equals(after)) differ++;
      assertEquals(before, after, "line «" + t + "»");
    }
    assertEquals(0, differ);
    org.junit.jupiter.api.Assertions.assertTrue(changed > 50_000, "lines changed: " + changed);
  }

  @Test
  void aSentencesEndIsReadAsThePatternFoundIt() {
    java.util.regex.Pattern sentenceEnd = java.util.regex.Pattern.compile("[。！？；!?;][”’）)」』]*$");
    String[] alphabet = {
      "。", "！", "?", ";", "”", "’", "）", ")", "」", "字", "a", " ", "\n", "\r", "\u2028"
    };
    java.util.Random random = new java.util.Random(29);
    int ends = 0;
    for (int k = 0; k < 200_000; k++) {
      StringBuilder line = new StringBuilder();
      for (int n = random.nextInt(8); n > 0; n--)
        line.append(alphabet[random.nextInt(alphabet.length)]);
      String t = line.toString();
      boolean before = sentenceEnd.matcher(t).find();
      if (before) ends++;
      assertEquals(before, TextCleaner.endsSentence(t), "line «" + t + "»");
    }
    org.junit.jupiter.api.Assertions.assertTrue(ends > 20_000, "lines ending a sentence: " + ends);
  }
}
