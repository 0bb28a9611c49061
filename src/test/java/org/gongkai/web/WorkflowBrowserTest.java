package org.gongkai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.gongkai.TestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The workflow in a real headless Chromium: chips of filters typed in the query, results grouped by
 * report, the batch page, and every page on a 400-pixel phone. Screenshots go to {@code
 * target/screenshots/}; with {@code -Dscreenshots.update=true} those the README shows are written
 * to {@code docs/}.
 */
class WorkflowBrowserTest {

  @TempDir static Path dir;
  static TestPortal served;
  static ChromeDriver browser;
  static ChromeDriver phone;
  static WebDriverWait wait;

  @BeforeAll
  static void start() throws Exception {
    served = TestPortal.start(dir, List.of(TestSupport.CORPUS.resolve("formats")));
    browser = Chromium.start(dir, 1280, 900);
    phone = Chromium.start(dir, 600, 860);
    // a window is at least 500 px wide: the phone's screen is emulated, as DevTools does
    phone.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        java.util.Map.of("width", 400, "height", 860, "deviceScaleFactor", 1, "mobile", true));
    // a wait polls across the navigation a ticked facet starts: an element of the page being left
    // may vanish between finding it and reading it ("Node … does not belong to the document")
    wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    wait.ignoring(org.openqa.selenium.WebDriverException.class);
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) browser.quit();
    if (phone != null) phone.quit();
    if (served != null) served.close();
  }

  static String url(String path) {
    return served.url(path);
  }

  /** Saves a screenshot to target/screenshots, and to docs/ when asked to update them. */
  static void screenshot(ChromeDriver driver, String name) throws Exception {
    byte[] png = driver.getScreenshotAs(OutputType.BYTES);
    Path out = Path.of("target", "screenshots", name + ".png");
    Files.createDirectories(out.getParent());
    Files.write(out, png);
    if (Boolean.getBoolean("screenshots.update")) Files.write(Path.of("docs", name + ".png"), png);
  }

  @Test
  void aFilterTypedInTheQueryShowsAsAChipThatTakesItOut() {
    browser.get(
        url("/search?q=%E5%85%AC%E5%8A%A1%E6%8E%A5%E5%BE%85+region%3A%E6%B9%96%E5%8C%97%E7%9C%81"));
    assertEquals("共 10 个章节", browser.findElement(By.cssSelector(".summary .total")).getText());
    WebElement chip = browser.findElement(By.cssSelector(".chips a.chip:not(.clear)"));
    assertEquals("地区 湖北省 ×", chip.getText());
    WebElement box =
        browser.findElement(By.cssSelector(".facet[data-dim=region] input[value='湖北省']"));
    assertTrue(box.isSelected(), "the typed region is ticked");
    assertTrue(!box.isEnabled(), "and can only be taken out of the query");
    chip.click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".summary .total"), "共 16 个章节"));
    assertEquals(
        "公务接待",
        browser.findElement(By.cssSelector(".searchbar input[name=q]")).getAttribute("value"));
    assertTrue(browser.findElements(By.cssSelector(".chips")).isEmpty());
  }

  @Test
  void resultsGroupedByReportShowEachReportOnce() throws Exception {
    browser.get(url("/search?q=%E5%85%AC%E5%8A%A1%E6%8E%A5%E5%BE%85"));
    browser.findElement(By.linkText("按报告")).click();
    wait.until(ExpectedConditions.urlContains("group=doc"));
    List<WebElement> groups = browser.findElements(By.cssSelector("li.group"));
    assertEquals(5, groups.size());
    assertEquals(
        "5 份报告中的 16 个章节", browser.findElement(By.cssSelector(".summary .total")).getText());
    assertEquals(
        "乐山市金口河区总工会2024年度部门决算", groups.get(0).findElement(By.cssSelector("h3 a")).getText());
    assertEquals("4 个章节命中", groups.get(0).findElement(By.cssSelector(".group-hits")).getText());
    assertEquals(3, groups.get(0).findElements(By.cssSelector(".best > li")).size());
    screenshot(browser, "screenshot-grouped");
    // ticking a facet keeps the grouping
    browser.findElement(By.cssSelector(".facet[data-dim=year] input[value='2023']")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".summary .total"), "2 份报告中的 8 个章节"));
    assertTrue(browser.getCurrentUrl().contains("group=doc"), browser.getCurrentUrl());
  }

  @Test
  void theBatchPageCountsPastedQueriesAndEachCountOpensItsSearch() throws Exception {
    browser.get(url("/batch"));
    browser.findElement(By.id("queries")).sendKeys("公务接待\n\"三公经费\"\n乡村振兴");
    browser.findElement(By.cssSelector("input[name=by][value=year]")).click();
    browser.findElement(By.cssSelector("button[value=html]")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.batch-table")));
    List<WebElement> rows = browser.findElements(By.cssSelector("table.batch-table tbody tr"));
    assertEquals(3, rows.size());
    assertEquals("公务接待 16 8 8", rows.get(0).getText());
    assertEquals("\"三公经费\" 23 11 12", rows.get(1).getText());
    screenshot(browser, "screenshot-batch");
    rows.get(1).findElements(By.cssSelector("td a")).get(2).click(); // 2023
    wait.until(ExpectedConditions.urlContains("year=2023"));
    assertEquals("共 12 个章节", browser.findElement(By.cssSelector(".summary .total")).getText());
  }

  /** Nothing is wider than the screen: no sideways scrolling of the page, nothing cut off. */
  static void fitsThePhone(String path) {
    phone.get(url(path));
    JavascriptExecutor js = phone;
    Number inner = (Number) js.executeScript("return window.innerWidth");
    Number page = (Number) js.executeScript("return document.documentElement.scrollWidth");
    assertTrue(
        page.intValue() <= inner.intValue(),
        path + " is " + page + " px wide on a " + inner + " px screen");
    // every button and link of the header is inside the screen
    @SuppressWarnings("unchecked")
    List<Number> rights =
        (List<Number>)
            js.executeScript(
                "return [...document.querySelectorAll('header button, header a, .examples a')]"
                    + ".map(e => e.getBoundingClientRect().right)");
    for (Number r : rights)
      assertTrue(r.doubleValue() <= inner.doubleValue() + 0.5, path + ": " + rights);
  }

  @Test
  void thePageOfTheOriginalSitsBesideTheTablesNotOverThem() {
    // 蔡甸's 决算 tables (section 2): a PDF, so its page is drawn
    browser.get(url("/s/d42c6830081dfa35-2"));
    WebElement text = browser.findElement(By.cssSelector(".section-body .text"));
    WebElement page = browser.findElement(By.cssSelector(".section-body figure.original-page"));
    assertTrue(
        text.getSize().getWidth() >= 760, "the text is " + text.getSize().getWidth() + " px");
    assertTrue(
        page.getLocation().getX() >= text.getLocation().getX() + text.getSize().getWidth(),
        "the page is beside the text, not inside it");
    // the widest table of the section has the whole column: no narrower than the text
    Number widest =
        (Number)
            browser.executeScript(
                "return Math.max(...[...document.querySelectorAll('.section-body .text .table')]"
                    + ".map(t => t.getBoundingClientRect().width))");
    assertTrue(widest.intValue() >= text.getSize().getWidth() - 2, "tables are " + widest + " px");
  }

  @Test
  void everyPageWorksOnA400PixelPhone() throws Exception {
    phone.get(url("/"));
    assertEquals(400L, ((Number) phone.executeScript("return window.innerWidth")).longValue());
    for (String path :
        List.of(
            "/",
            "/search?q=%E5%85%AC%E5%8A%A1%E6%8E%A5%E5%BE%85",
            "/search?q=%E5%85%AC%E5%8A%A1%E6%8E%A5%E5%BE%85&group=doc",
            "/documents",
            "/d/52bbe3626a4811c6",
            "/s/52bbe3626a4811c6-3.9.2",
            "/s/d42c6830081dfa35-2",
            "/indicators?name=reception",
            "/indicators?name=reception&name=three_public&per=person",
            "/batch",
            "/issuer?name=%E6%AD%A6%E6%B1%89%E5%B8%82%E6%B1%89%E9%98%B3%E5%8C%BA%E6%80%BB%E5%B7%A5%E4%BC%9A",
            "/help")) fitsThePhone(path);
    // the document's contents start folded on a phone, so the report comes first
    phone.get(url("/d/52bbe3626a4811c6"));
    assertEquals(null, phone.findElement(By.cssSelector("details.toc-box")).getAttribute("open"));
    // a figure's name is never broken in the middle: its table scrolls sideways instead
    phone.get(url("/indicators?name=reception"));
    WebElement issuer = phone.findElement(By.cssSelector("#indicator-table td a"));
    Number lineHeight =
        (Number)
            phone.executeScript(
                "return parseFloat(getComputedStyle(arguments[0]).lineHeight)", issuer);
    assertTrue(
        issuer.getSize().getHeight() <= lineHeight.doubleValue() * 1.5,
        "an issuer's name stays on one line: " + issuer.getSize());
    phone.get(url("/search?q=%E5%85%AC%E5%8A%A1%E6%8E%A5%E5%BE%85"));
    screenshot(phone, "screenshot-phone");
  }

  @Test
  void theReadmesPicturesAreTheSearchPageAndATableWithItsHit() throws Exception {
    browser.get(url("/search?q=%E5%85%AC%E5%8A%A1%E6%8E%A5%E5%BE%85%E8%B4%B9"));
    assertEquals("共 14 个章节", browser.findElement(By.cssSelector(".summary .total")).getText());
    screenshot(browser, "screenshot-search");
    // a report's tables read as tables (a fixture in our own words, merged cells and all): the
    // hit marked in its cell
    Path tables = Files.createDirectories(dir.resolve("tables"));
    Files.copy(
        Path.of("src/test/resources/fixtures/formats/merged-cells.html"),
        tables.resolve("merged-cells.html"));
    try (TestPortal own = TestPortal.start(dir.resolve("tables-portal"), List.of(tables))) {
      String id =
          new com.fasterxml.jackson.databind.ObjectMapper()
              .readTree(own.get("/api/documents").body())
              .get("documents")
              .get(0)
              .get("docId")
              .asText();
      browser.get(own.url("/s/" + id + "-2?q=%E5%85%AC%E5%8A%A1%E6%8E%A5%E5%BE%85%E8%B4%B9"));
      WebElement hit = browser.findElement(By.cssSelector(".table td mark, .table th mark"));
      assertEquals("公务接待费", hit.getText());
      assertEquals(2, browser.findElements(By.cssSelector(".table")).size());
      browser.executeScript(
          "window.scrollTo(0, arguments[0].getBoundingClientRect().top + window.scrollY - 20)",
          browser.findElement(By.cssSelector(".reading h1, h1")));
      screenshot(browser, "screenshot-table");
    }
  }
}
