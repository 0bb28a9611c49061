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
}
