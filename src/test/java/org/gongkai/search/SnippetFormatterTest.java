package org.gongkai.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SnippetFormatterTest {

  private static String mark(String content, int[] starts, int[] ends) {
    SnippetFormatter.Marker marker = new SnippetFormatter.Marker(true);
    marker.appendMarked(content, 0, content.length(), starts, ends, starts.length);
    return org.gongkai.api.Html.of(marker.result(), false);
  }

  @Test
  void matchesSeparatedOnlyByPunctuationBecomeOneMark() {
    // 三公 and 经费 matched separately, with ” and a line break between them
    assertEquals("“<mark>三公”经费</mark>支出", mark("“三公”\n经费支出", new int[] {1, 5}, new int[] {3, 7}));
  }

  @Test
  void aLineBreakInsideChineseTextShowsAsNothing() {
    // a PDF's line ended inside a word: the snippet reads 保障公务接待, not 保障公 务接待
    assertEquals("用于保障公务<mark>接待</mark>需要", mark("用于保障公\n务接待需要", new int[] {7}, new int[] {9}));
    // between words of other scripts, and at a tab (a table's cells), it is a space
    assertEquals("<mark>合计</mark> 12.5 万元", mark("合计\t12.5\n万元", new int[] {0}, new int[] {2}));
    assertEquals("Total <mark>spend</mark>", mark("Total\nspend", new int[] {6}, new int[] {11}));
  }

  @Test
  void marksNeverStartOrEndOnPunctuation() {
    assertEquals("为 <mark>465.38</mark> 万元。", mark("为 465.38 万元。", new int[] {1}, new int[] {9}));
  }

  @Test
  void everythingElseIsEscaped() {
    assertEquals(
        "&lt;b&gt;&amp;&quot;<mark>经费</mark>&#39;",
        mark("<b>&\"经费'", new int[] {5}, new int[] {7}));
  }

  @Test
  void separateMatchesStaySeparate() {
    assertEquals(
        "<mark>公务</mark>用车和<mark>公务</mark>接待",
        mark("公务用车和公务接待", new int[] {0, 5}, new int[] {2, 7}));
  }
}
