package org.gongkai.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The uncached load's mix: no search asked twice, so the server's answer cache never helps. */
class DistinctMixTest {

  @Test
  void everyPathIsADifferentSearch() {
    List<String> paths =
        LoadTest.distinctMix(List.of("三公经费", "公务接待", "三公经费", "机关运行", "政府采购"), List.of("支出", "预算"));
    // the repeated phrase is dropped; pairs of phrases give an API search, a page search and a
    // words search made distinct by the first phrase's first two characters
    assertEquals(
        List.of(
            "/api/search?q=%22%E4%B8%89%E5%85%AC%E7%BB%8F%E8%B4%B9%22",
            "/search?q=%22%E5%85%AC%E5%8A%A1%E6%8E%A5%E5%BE%85%22",
            "/search?q=%E6%94%AF%E5%87%BA+%E4%B8%89%E5%85%AC&region=%E6%B9%96%E5%8C%97%E7%9C%81",
            "/api/search?q=%22%E6%9C%BA%E5%85%B3%E8%BF%90%E8%A1%8C%22",
            "/search?q=%22%E6%94%BF%E5%BA%9C%E9%87%87%E8%B4%AD%22",
            "/search?q=%E9%A2%84%E7%AE%97+%E6%9C%BA%E5%85%B3&region=%E6%B9%96%E5%8C%97%E7%9C%81"),
        paths);
    assertEquals(paths.size(), new HashSet<>(paths).size());
  }
}
