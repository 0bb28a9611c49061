package org.gongkai.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.gongkai.TestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HanLpSegmenterTest {

  @BeforeAll
  static void install() {
    HanLpSegmenter.install(TestSupport.gazetteer().names());
  }

  static List<String> words(String text) {
    return HanLpSegmenter.create().segment(text).stream().map(HanLpSegmenter.Word::text).toList();
  }

  @Test
  void ourDictionaryAndDivisionNamesAreWholeWords() {
    assertEquals(
        List.of("洮南市", "财政局", "一般公共预算财政拨款收入", "合计", "“三公”经费"), words("洮南市财政局一般公共预算财政拨款收入合计“三公”经费"));
  }

  @Test
  void numbersAndLatinRunsAreOneWordEach() {
    assertEquals(
        List.of("合计", "3,456.78", "万元", "，", "ABC", "公司", "2016", "年度"),
        words("合计3,456.78万元，ABC公司2016年度"));
    // a separator joins digits only: not at a run's end, not after a letter
    assertEquals(List.of("x1.5", "，", "1", ",", " ", "2x", ".", "y"), words("x1.5，1, 2x.y"));
  }

  @Test
  void offsetsPointIntoTheTextAcrossLines() {
    var words = HanLpSegmenter.create().segment("收入12.5\n\n支出7");
    assertEquals(
        List.of(
            new HanLpSegmenter.Word("收入", 0, 2),
            new HanLpSegmenter.Word("12.5", 2, 6),
            new HanLpSegmenter.Word("支出", 8, 10),
            new HanLpSegmenter.Word("7", 10, 11)),
        words);
  }
}
