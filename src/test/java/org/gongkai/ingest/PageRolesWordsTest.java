package org.gongkai.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import org.gongkai.TestSupport;
import org.junit.jupiter.api.Test;

/**
 * The scans a page's role is decided by, found only where a pattern's first letters stand, count
 * what {@link Matcher#find()} counts over the whole text: on the bundled reports and on 3,000
 * generated texts of the patterns' own letters, digits, units and breaks.
 */
class PageRolesWordsTest {

  static final List<PageRoles.Words> ALL =
      List.of(PageRoles.WORDED_AMOUNT, PageRoles.SCORE, PageRoles.STRUCTURE);

  static int found(PageRoles.Words w, String text, int enough) {
    int n = 0;
    for (Matcher m = w.pattern().matcher(text); m.find() && n < enough; ) n++;
    return n;
  }

  static int foundDistinct(PageRoles.Words w, String text, int enough) {
    Set<String> seen = new HashSet<>();
    for (Matcher m = w.pattern().matcher(text); m.find() && seen.size() < enough; )
      seen.add(m.group());
    return seen.size();
  }

  static void same(String text) {
    for (PageRoles.Words w : ALL)
      for (int enough : new int[] {1, 3, 50, Integer.MAX_VALUE}) {
        assertEquals(found(w, text, enough), w.count(text, enough), w.pattern() + " in " + text);
        assertEquals(
            foundDistinct(w, text, enough), w.distinct(text, enough), w.pattern() + " in " + text);
      }
  }

  @Test
  void theBundledReportsAreCountedAsAWholeScanCountsThem() throws Exception {
    // every bundled file as ingest cleans it (what a page's role is decided on), and its raw text
    List<Path> files = TestSupport.corpusFiles();
    assertEquals(true, files.size() >= 11, files.toString());
    for (Path f : files) {
      same(TestSupport.ingestor().document(f).text());
      if (f.getParent().getFileName().toString().equals("seeds")) same(Files.readString(f));
    }
  }

  @Test
  void generatedTextsAreCountedAsAWholeScanCountsThem() {
    String[] pieces = {
      "收入", "支出", "经费", "预算", "决算", "拨款", "资金", "结转", "合计", "总计", "得分", "评分", "总分", "分值", "分",
      "收支总表", "收支预算总表", "收入支出决算表", "财政拨款收入", "“三公”经费", "三公经费", "部门概况", "基本支出", "项目支出", "机关运行经费",
      "政府采购", "国有资产占用", "预算报表", "决算情况说明", "绩效目标", "部门职责", "主要职能", "机构设置", "1", "23", "4,567", ".89",
      " ", "万元", "亿元", "元", "。", "\n", "\t", "的", "收", "总", "预", "机"
    };
    Random r = new Random(20261127);
    for (int i = 0; i < 3000; i++) {
      StringBuilder sb = new StringBuilder();
      int n = r.nextInt(40);
      for (int k = 0; k < n; k++) sb.append(pieces[r.nextInt(pieces.length)]);
      same(sb.toString());
    }
  }
}
