package org.gongkai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A government's figures in the explorer, read in a real headless Chromium (#65): one level and one
 * role at a time — the whole city's budget unless the reader chooses — each choice a link that
 * keeps the others; and the search page's facets naming the government's kinds of report.
 */
class GovernmentExplorerBrowserTest {

  @TempDir static Path dir;
  static TestPortal served;
  static ChromeDriver browser;

  @BeforeAll
  static void start() throws Exception {
    Path files = Files.createDirectories(dir.resolve("files"));
    for (String f :
        List.of(
            "mianyang-2026-budget-report.txt",
            "pingjiang-2025-final-account.txt",
            "pingjiang-2025-budget-report.txt"))
      Files.copy(Path.of("src/test/resources/fixtures/government", f), files.resolve(f));
    served = TestPortal.start(dir, List.of(files));
    browser = Chromium.start(dir, 1280, 900);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) browser.quit();
    if (served != null) served.close();
  }

  /** Each row of the explorer's table as the reader sees it, cells apart by " | ". */
  private static List<String> rows() {
    List<String> out = new ArrayList<>();
    for (WebElement tr : browser.findElements(By.cssSelector("#indicator-table tr"))) {
      List<String> cells = new ArrayList<>();
      for (WebElement td : tr.findElements(By.tagName("td"))) cells.add(td.getText().strip());
      if (!cells.isEmpty()) out.add(String.join(" | ", cells));
    }
    return out;
  }

  private static String chosen(String css) {
    return browser.findElement(By.cssSelector(css + ".on")).getText();
  }

  @Test
  void theReaderChoosesTheLevelAndTheRoleAndNeverSeesThemMixed() {
    browser.get(served.url("/indicators?name=gov_general_revenue"));
    assertEquals("全市（全县）", chosen("a.level"));
    assertEquals("本年预算", chosen("a.role"));
    // 绵阳 states this year's budget twice, differently: undecided, its two values shown
    assertEquals(
        List.of(
            "四川省 绵阳市 | 2026 | 绵阳市人民政府 | 未能判定 221.00 ｜ 218.90 亿元 |  | 本年预算 |  | ",
            "湖南省 岳阳市 平江县 | 2025 | 平江县人民政府 | 21.30 亿元 未核实 |  | 本年预算 · 全市（全县）·本年 |  | 原文"),
        rows());

    browser.findElement(By.linkText("执行数")).click();
    assertTrue(
        browser.getCurrentUrl().contains("level=whole&role=executed"), browser.getCurrentUrl());
    assertEquals("执行数", chosen("a.role"));
    // what was done, each of the year it was done in (the budget report's year before its own)
    assertEquals(
        List.of(
            "四川省 绵阳市 | 2025 | 绵阳市人民政府 | 210.50 亿元 未核实 |  | 执行数 · 全市（全县）·上年 |  | 原文",
            "湖南省 岳阳市 平江县 | 2024 | 平江县人民政府 | 20.40 亿元 未核实 |  | 执行数 · 全市（全县）·上年 |  | 原文"),
        rows());

    browser.findElement(By.linkText("本级")).click();
    assertEquals("本级", chosen("a.level"));
    assertEquals("执行数", chosen("a.role"));
    assertEquals(
        List.of("四川省 绵阳市 | 2025 | 绵阳市人民政府 | 62.30 亿元 未核实 |  | 执行数 · 本级·上年 |  | 原文"), rows());
  }

  @Test
  void aGovernmentsFiguresAreReadPerResidentOfTheirYear() {
    browser.get(served.url("/indicators?name=gov_general_revenue"));
    browser.findElement(By.linkText("本年决算")).click();
    browser.findElement(By.linkText("人均（按常住人口）")).click();
    List<String> out = new ArrayList<>();
    for (WebElement tr : browser.findElements(By.cssSelector("#figures-table tr"))) {
      List<String> cells = new ArrayList<>();
      for (WebElement c : tr.findElements(By.cssSelector("th, td"))) cells.add(c.getText().strip());
      out.add(String.join(" | ", cells));
    }
    // the final accounts' revenue per resident of the year they account for (86.4 万人)
    assertEquals(
        List.of(
            "地区 | 年度 | 发布单位 | 常住人口（万人） | 一般公共预算收入（亿元） | 一般公共预算收入人均（元）",
            "湖南省 岳阳市 平江县 | 2025 | 平江县人民政府 | 86.4 | 21.60 本年决算 | 2500"),
        out);
  }

  @Test
  void theSearchPagesFacetsNameTheGovernmentsKinds() {
    browser.get(
        served.url(
            "/search?q=%E4%B8%80%E8%88%AC%E5%85%AC%E5%85%B1%E9%A2%84%E7%AE%97%E6%94%B6%E5%85%A5"));
    String facets = browser.findElement(By.cssSelector(".facets")).getText();
    // sections counted; a budget report under the year it drafts and the year it executed
    assertEquals(
        String.join(
            "\n",
            "筛选",
            "地区",
            "四川省 4",
            "湖南省 4",
            "年度",
            "2026 4",
            "2025 8",
            "2024 2",
            "章节类别",
            "收入 8",
            "部门",
            "人民政府 8",
            "文件类型",
            "政府预算报告 6",
            "政府决算报告 2",
            "性质",
            "报告 8"),
        facets);
  }
}
