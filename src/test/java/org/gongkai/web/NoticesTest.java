package org.gongkai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Every note the search writes reads in Chinese on a Chinese page. */
class NoticesTest {

  private final Pages pages = new Pages(new Messages(null), new ObjectMapper(), null);

  @Test
  void everyKnownNoteIsTranslated() {
    List<String> notes =
        List.of(
            "The query is longer than 500 characters; only the first 500 were used.",
            "The query has 40 terms; only the first 32 were used.",
            "Ignored a closing bracket that has no opening bracket.",
            "Closed 2 bracket(s) that were left open.",
            "Ignored the filter region: because it has no value.",
            "A quote was not closed; the phrase runs to the end of the query.",
            "Ignored an OR with nothing after it.",
            "Ignored an OR with nothing before it.",
            "Ignored a minus sign with nothing after it.",
            "Ignored year:去年 — write a year such as 2024 or a range such as 2022..2024.",
            "Unknown region \"火星\": no province, city or county has that name.",
            "Ignored \"，\": it holds no letter or digit.",
            "Ignored -: it holds no letter or digit.",
            "The query is too complex; use fewer terms.",
            "The query has no search terms; showing every section.",
            "Only the first 10000 results can be paged; showing page 100. Narrow the search to see more.");
    List<String> zh =
        notes.stream().map(n -> Notices.translate(pages, Messages.CHINESE, n)).toList();
    assertEquals(
        List.of(
            "查询超过 500 个字符，只使用了前 500 个。",
            "查询有 40 个检索项，只使用了前 32 个。",
            "忽略了一个没有对应左括号的右括号。",
            "补上了 2 个未闭合的括号。",
            "筛选条件 region: 没有值，已忽略。",
            "引号没有闭合，短语一直延续到查询末尾。",
            "OR 后面没有检索项，已忽略。",
            "OR 前面没有检索项，已忽略。",
            "减号后面没有检索项，已忽略。",
            "已忽略 year:去年——请写成 2024 这样的年度，或 2022..2024 这样的范围。",
            "未知地区“火星”：没有以此为名的省、市或区县。",
            "已忽略“，”：其中没有文字或数字。",
            "已忽略“-”：其中没有文字或数字。",
            "查询过于复杂，请减少检索项。",
            "查询中没有检索词，显示全部章节。",
            "只能翻阅前 10000 条结果，现显示第 100 页。请缩小检索范围。"),
        zh);
    assertEquals(notes.get(0), Notices.translate(pages, Locale.ENGLISH, notes.get(0)));
  }
}
