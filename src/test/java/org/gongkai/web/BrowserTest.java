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
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The portal in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver},
 * which {@code .ci/run} installs): a journalist types a query, ticks a facet, follows a permalink
 * and sees the highlighted hit. A failing test leaves a screenshot in {@code target/screenshots/}.
 * If Chromium is missing the tests fail: they must never be silently skipped.
 */
class BrowserTest {

  @TempDir static Path dir;
  static TestPortal served;
  static ChromeDriver browser;
  static WebDriverWait wait;

  @RegisterExtension
  final TestWatcher screenshots =
      new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
          if (browser == null) return;
          try {
            Path out =
                Path.of(
                    "target", "screenshots", context.getRequiredTestMethod().getName() + ".png");
            Files.createDirectories(out.getParent());
            Files.write(out, browser.getScreenshotAs(OutputType.BYTES));
          } catch (Exception e) {
            cause.addSuppressed(e);
          }
        }
      };

  @BeforeAll
  static void start() throws Exception {
    served = TestPortal.start(dir, List.of(TestSupport.CORPUS.resolve("formats")));
    browser = Chromium.start(dir, 1280, 900);
    // a wait polls across the navigation a ticked facet starts: an element of the page being left
    // may vanish between finding it and reading it ("Node … does not belong to the document")
    wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    wait.ignoring(org.openqa.selenium.WebDriverException.class);
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) browser.quit();
    if (served != null) served.close();
  }

  static String url(String path) {
    return served.url(path);
  }

  @Test
  void journalistSearchesTicksAFacetAndFollowsAPermalinkToTheHighlightedHit() {
    browser.get(url("/"));
    WebElement box = browser.findElement(By.cssSelector(".big-search input[name=q]"));
    box.sendKeys("\"三公经费\"", Keys.ENTER);
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".summary .total"), "共 23 个章节"));
    assertEquals(10, browser.findElements(By.cssSelector("li.hit")).size());

    // ticking 四川省 applies the filter at once (the page's script submits the form)
    browser.findElement(By.cssSelector(".facet[data-dim=region] input[value='四川省']")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".summary .total"), "共 4 个章节"));
    assertTrue(
        browser.getCurrentUrl().contains("region=%E5%9B%9B%E5%B7%9D%E7%9C%81"),
        browser.getCurrentUrl());
    assertEquals("地区 四川省 ×", browser.findElement(By.cssSelector(".chips a.chip")).getText());
    // the other regions still show, with their counts, so the journalist can add one
    assertTrue(
        browser
            .findElement(By.cssSelector(".facet[data-dim=region]"))
            .getText()
            .contains("湖北省 17"));

    WebElement first = browser.findElement(By.cssSelector("li.hit a.hit-link"));
    String heading = first.getText();
    first.click();
    wait.until(ExpectedConditions.urlContains("/s/e3eabb74bdb7bdb4-2.7"));
    assertTrue(browser.getCurrentUrl().endsWith("#hit"), browser.getCurrentUrl());
    assertEquals(heading, browser.findElement(By.tagName("h1")).getText());
    WebElement hit = browser.findElement(By.id("hit"));
    assertTrue(hit.isDisplayed());
    assertEquals("mark", hit.getTagName());
    assertTrue(hit.getText().startsWith("三公"), hit.getText());
    Boolean inView =
        (Boolean)
            ((JavascriptExecutor) browser)
                .executeScript(
                    "const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;",
                    hit);
    assertTrue(inView, "the page is scrolled to the first hit");
    assertTrue(
        browser
            .findElement(By.id("citation"))
            .getAttribute("value")
            .contains("/s/e3eabb74bdb7bdb4-2.7"));
  }

  @Test
  void removingAChipAndPagingKeepTheRestOfTheSearch() {
    browser.get(url("/search?q=%22%E4%B8%89%E5%85%AC%E7%BB%8F%E8%B4%B9%22&year=2023"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".summary .total"), "共 12 个章节"));
    browser.findElement(By.cssSelector("nav.pager a[rel=next]")).click();
    wait.until(ExpectedConditions.urlContains("page=2"));
    assertEquals(2, browser.findElements(By.cssSelector("li.hit")).size());
    browser.findElement(By.cssSelector(".chips a.chip")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".summary .total"), "共 23 个章节"));
    assertTrue(
        !browser.getCurrentUrl().contains("page="), "removing a filter starts again at page 1");
  }

  @Test
  void documentLinkScrollsToTheSectionAndTheLanguageSwitches() {
    browser.get(url("/d/52bbe3626a4811c6#52bbe3626a4811c6-3.9"));
    WebElement section = browser.findElement(By.id("52bbe3626a4811c6-3.9"));
    Boolean inView =
        (Boolean)
            ((JavascriptExecutor) browser)
                .executeScript(
                    "const r = arguments[0].getBoundingClientRect(); return r.top >= -2 && r.top < window.innerHeight;",
                    section);
    assertTrue(inView, "the anchor scrolls to the section");
    browser.findElement(By.cssSelector("a.lang")).click();
    wait.until(ExpectedConditions.urlContains("lang=en"));
    assertEquals("Contents", browser.findElement(By.id("toc-title")).getText());
  }

  @Test
  void journalistComparesAnIndicatorAndOpensTheSourceOfAFigure() {
    browser.get(url("/indicators"));
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("indicator")))
        .selectByValue("expenditure_total");
    // the explorer opens on the newest year's reports of the kind stating the figure most (the
    // seeds' 2024 final accounts): widened to every year and kind
    assertEquals(
        "2024", browser.findElement(By.cssSelector("input[name=year]")).getAttribute("value"));
    browser.findElement(By.cssSelector("input[name=year]")).clear();
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("kind"))).selectByValue("");
    browser.findElement(By.cssSelector("input[name=region]")).sendKeys("湖北省");
    browser.findElement(By.cssSelector("form.explorer button")).click();
    wait.until(ExpectedConditions.urlContains("name=expenditure_total"));
    List<WebElement> values = browser.findElements(By.cssSelector("#indicator-table span.value"));
    // largest first, as the explorer's first order says
    assertEquals(
        List.of("552.83", "465.38", "93.93"), values.stream().map(WebElement::getText).toList());
    assertTrue(
        browser.findElement(By.cssSelector("#indicator-table")).getText().contains("上升9%"),
        "the contradiction is flagged");
    // the second row, 465.38: its source sentence
    browser.findElements(By.cssSelector("#indicator-table a.source")).get(1).click();
    wait.until(ExpectedConditions.urlContains("/s/52bbe3626a4811c6-3.3"));
    assertEquals("465.38 万元", browser.findElement(By.id("hit")).getText());
  }
}
