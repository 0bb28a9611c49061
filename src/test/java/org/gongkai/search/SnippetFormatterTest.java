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
    assertEquals("“<mark>三公” 经费</mark>支出", mark("“三公”\n经费支出", new int[] {1, 5}, new int[] {3, 7}));
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
