package org.gongkai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.TestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports of one district titled alike (上海市普陀区2025年区级部门预算) are told apart in results by their
 * issuer; a title that names its issuer does not repeat it.
 */
class SameTitleHttpTest {

  @TempDir static Path dir;
  static TestPortal served;

  @BeforeAll
  static void serve() throws Exception {
    served =
        TestPortal.start(
            dir,
            List.of(
                TestSupport.CORPUS.resolve("formats/000_988c7a9063883e3f.pdf"),
                Path.of("src/test/resources/fixtures/same-title")));
  }

  @AfterAll
  static void stop() throws Exception {
    served.close();
  }

  @Test
  void hitsOfReportsWithOneTitleNameTheirIssuers() throws Exception {
    String page = served.get("/search?q=%E5%85%AC%E5%8A%A1%E6%8E%A5%E5%BE%85&sort=year").body();
    Matcher m =
        Pattern.compile(
                "<p class=\"where\">\\s*<a href=\"/d/[^\"]+\">([^<]+)</a>\\s*(<span class=\"issuer\">([^<]+)</span>)?")
            .matcher(page);
    List<String> where = new ArrayList<>();
    while (m.find()) where.add(m.group(1) + (m.group(3) == null ? "" : " | " + m.group(3)));
    assertTrue(where.contains("上海市普陀区2025年区级部门预算 | 上海市普陀区司法局"), where.toString());
    assertTrue(where.contains("上海市普陀区2025年区级部门预算 | 上海市普陀区民政局"), where.toString());
    // the 汉阳 report's title names its issuer: not said twice
    assertTrue(where.contains("武汉市汉阳区总工会 2024 年度部门决算"), where.toString());
    assertEquals(0, where.stream().filter(w -> w.startsWith("武汉市") && w.contains(" | ")).count());
  }
}
