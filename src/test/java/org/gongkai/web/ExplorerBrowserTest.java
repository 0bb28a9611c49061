package org.gongkai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The explorer read in a real headless Chromium (#67): an undecided figure's values each on its
 * own, formatted as every figure is and set apart ({@code 357,143.58 ｜ 59,593.70 万元}), never run
 * together into one string of digits; each opens where the report states it.
 */
class ExplorerBrowserTest {

  @TempDir static Path dir;
  static TestPortal served;
  static ChromeDriver browser;

  @BeforeAll
  static void start() throws Exception {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    // the words and the summary table state two different incomes: Gongkai cannot decide
    Files.writeString(
        corpus.resolve("undecided.txt"),
        String.join(
            "\n",
            "某某县审计局2024年度部门决算",
            "一、收入支出决算总体情况说明",
            "2024年度收入合计59,593.70万元。",
            "收入支出决算总表",
            "单位：万元",
            "项目\t决算数",
            "本年收入合计\t357,143.58",
            "二、支出决算情况说明",
            "2024年度支出合计100.00万元。"));
    // department budgets of two cities this year, and a list page a crawl brought with them
    for (String[] b : new String[][] {{"武汉市财政局", "12.5"}, {"武汉市教育局", "30"}, {"长沙市教育局", "41.75"}})
      Files.writeString(
          corpus.resolve(b[0] + ".txt"),
          b[0]
              + "2026年部门预算\n\n一、部门预算情况说明\n2026年“三公”经费财政拨款预算为"
              + b[1]
              + "万元，其中：因公出国（境）费0万元，公务用车购置及运行维护费0万元，公务接待费"
              + b[1]
              + "万元。\n");
    Files.copy(
        org.gongkai.ingest.PageRolesFixtures.ROLES.resolve("list.html"),
        corpus.resolve("list.html"));
    served = TestPortal.start(dir, List.of(corpus));
    browser = Chromium.start(dir, 1280, 900);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) browser.quit();
    if (served != null) served.close();
  }

  @Test
  void anUndecidedFiguresValuesAreReadOneByOne() {
    browser.get(served.url("/indicators?name=income_total"));
    WebElement cell = browser.findElement(By.cssSelector("#indicator-table td.undecided"));
    assertEquals("未能判定 357,143.58 ｜ 59,593.70 万元", cell.getText());
    List<WebElement> values = cell.findElements(By.cssSelector("a.candidate"));
    assertEquals(
        List.of("357,143.58", "59,593.70"), values.stream().map(WebElement::getText).toList());
    // as the report writes it, on hovering
    assertEquals("59,593.70万元", values.get(1).getAttribute("title"));
    values.get(1).click();
    assertEquals("59,593.70万元", browser.findElement(By.id("hit")).getText());
  }

  /**
   * The home page counts reports apart from a crawl's other pages; the explorer opens on this
   * year's department budgets, and its region × department view puts each city on a row.
   */
  @Test
  void theCountsTheLandingAndTheRegionByDepartmentView() {
    browser.get(served.url("/"));
    assertEquals(
        "4 份报告",
        browser.findElement(By.cssSelector(".overview ul.stats li:first-child")).getText().strip());
    assertEquals(
        "1 个其他页面（列表页、新闻、通知等，不计入报告）",
        browser.findElement(By.cssSelector("li.other-pages")).getText().strip());

    browser.findElement(By.cssSelector("nav.top-nav a[href='/indicators']")).click();
    assertEquals(
        "2026", browser.findElement(By.cssSelector("input[name=year]")).getAttribute("value"));
    assertEquals(
        "部门预算",
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("kind")))
            .getFirstSelectedOption()
            .getText());
    assertEquals(
        List.of("41.75", "30.00", "12.50"),
        browser.findElements(By.cssSelector("#indicator-table span.value")).stream()
            .map(WebElement::getText)
            .toList());

    browser.findElement(By.cssSelector("a.matrix")).click();
    List<String> rows =
        browser.findElements(By.cssSelector("#matrix-table tr")).stream()
            .map(WebElement::getText)
            .toList();
    assertEquals(List.of("地区 教育局 财政局", "湖北省 武汉市 30.00 12.50", "湖南省 长沙市 41.75 —"), rows);
    assertEquals(
        "“三公”经费 · 2026年 · 地区 × 部门", browser.findElement(By.cssSelector("#matrix h2")).getText());
    // a value opens where the report states it
    browser.findElement(By.linkText("41.75")).click();
    assertEquals("41.75万元", browser.findElement(By.id("hit")).getText());
  }
}
