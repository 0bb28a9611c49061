package org.gongkai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A report's table in a real headless Chromium: rows and columns as the report has them, figures
 * right-aligned, the cell holding the hit marked, and on a phone the table scrolls sideways while
 * the page does not. Leaves {@code target/screenshots/table-section.png}.
 */
class TablesBrowserTest {

  static final String SECTION = "2f74fe45998af863-2";

  @TempDir static Path dir;
  static TestPortal served;
  static ChromeDriver browser;

  @BeforeAll
  static void start() throws Exception {
    Path files = Files.createDirectories(dir.resolve("files"));
    Files.copy(
        Path.of("src/test/resources/fixtures/formats/merged-cells.doc"), files.resolve("决算.doc"));
    served = TestPortal.start(dir, List.of(files));
    browser = Chromium.start(dir, 1280, 900);
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) browser.quit();
    if (served != null) served.close();
  }

  private Object js(String script, Object... args) {
    return ((JavascriptExecutor) browser).executeScript(script, args);
  }

  @Test
  void aTableShowsItsRowsAndColumnsAndTheCellOfTheHit() throws Exception {
    browser.manage().window().setSize(new Dimension(1280, 900));
    browser.get(
        served.url("/s/" + SECTION + "?q=%E5%85%AC%E5%8A%A1%E6%8E%A5%E5%BE%85%E8%B4%B9#hit"));
    WebElement table = browser.findElement(By.cssSelector("[id='" + SECTION + "-t1'] table"));
    List<WebElement> rows = table.findElements(By.tagName("tr"));
    assertEquals(7, rows.size());
    assertEquals(
        List.of("本年收入合计", "1,523.40", "本年支出合计", "1,492.20"),
        rows.get(4).findElements(By.tagName("td")).stream().map(WebElement::getText).toList());
    WebElement figure = rows.get(4).findElements(By.tagName("td")).get(1);
    assertEquals("right", figure.getCssValue("text-align"));
    assertEquals(
        "收入支出决算总表 单位：万元 下载 CSV",
        browser.findElement(By.cssSelector("[id='" + SECTION + "-t1'] .table-caption")).getText());

    WebElement hit = browser.findElement(By.id("hit"));
    assertEquals("公务接待费", hit.getText());
    WebElement cell = hit.findElement(By.xpath(".."));
    assertEquals("th", cell.getTagName());
    assertEquals("hit", cell.getAttribute("class"));
    // the hit's cell is the sixth column of the 三公 table's first header row: the merged
    // 公务用车购置及运行费 is followed by the two cells it covers
    assertEquals(5L, js("return arguments[0].cellIndex;", cell));
    js("arguments[0].scrollIntoView();", browser.findElement(By.cssSelector("h1")));
    Files.createDirectories(Path.of("target", "screenshots"));
    Files.write(
        Path.of("target", "screenshots", "table-section.png"),
        browser.getScreenshotAs(OutputType.BYTES));
  }

  @Test
  void onAPhoneAWideTableScrollsSidewaysAndThePageDoesNot() {
    browser.manage().window().setSize(new Dimension(390, 844));
    try {
      browser.get(served.url("/s/" + SECTION));
      WebElement scroll =
          browser.findElement(By.cssSelector("[id='" + SECTION + "-t2'] .table-scroll"));
      assertTrue(
          (Boolean) js("return arguments[0].scrollWidth > arguments[0].clientWidth;", scroll),
          "the six-column table is wider than a phone");
      assertTrue(
          (Boolean)
              js(
                  "return document.documentElement.scrollWidth <= document.documentElement.clientWidth;"),
          "the page itself does not scroll sideways");
    } finally {
      browser.manage().window().setSize(new Dimension(1280, 900));
    }
  }
}
