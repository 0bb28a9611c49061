package org.gongkai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gongkai.TestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The figures explorer on a 400-px phone and a 1280-px screen, in a real headless Chromium: on the
 * phone every value stays on screen (a row wraps, labelled; nothing needs scrolling sideways), on
 * the wide screen a row is one line under its header.
 */
class PhoneLayoutBrowserTest {

  @TempDir static Path dir;
  static TestPortal served;
  static ChromeDriver phone;
  static ChromeDriver screen;

  @BeforeAll
  static void start() throws Exception {
    served = TestPortal.start(dir, List.of(TestSupport.CORPUS.resolve("formats")));
    phone = Chromium.start(java.nio.file.Files.createDirectories(dir.resolve("phone")), 600, 800);
    // a window is at least 500 px wide: the phone's screen is emulated, as DevTools does
    phone.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        java.util.Map.of("width", 400, "height", 800, "deviceScaleFactor", 1, "mobile", true));
    screen =
        Chromium.start(java.nio.file.Files.createDirectories(dir.resolve("screen")), 1280, 900);
  }

  @AfterAll
  static void stop() throws Exception {
    if (phone != null) phone.quit();
    if (screen != null) screen.quit();
    if (served != null) served.close();
  }

  /** The page's width as the browser lays it out (the window less any scroll bar). */
  private static long width(ChromeDriver b) {
    return (Long)
        ((JavascriptExecutor) b).executeScript("return document.documentElement.clientWidth;");
  }

  /** How far the page can be scrolled sideways. */
  private static long sideways(ChromeDriver b) {
    return (Long)
        ((JavascriptExecutor) b)
            .executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
  }

  /** The elements of {@code css} whose box lies partly outside the page's width. */
  private static List<String> offScreen(ChromeDriver b, String css) {
    long w = width(b);
    List<String> out = new ArrayList<>();
    for (WebElement e : b.findElements(By.cssSelector(css))) {
      var r = e.getRect();
      if (r.getX() < 0 || r.getX() + r.getWidth() > w)
        out.add(e.getText() + " @" + r.getX() + "+" + r.getWidth());
    }
    return out;
  }

  @Test
  void onAPhoneEveryValueStaysOnScreen() throws Exception {
    for (String lang : List.of("", "&lang=en")) {
      phone.get(served.url("/indicators?name=expenditure_total" + lang));
      assertEquals(400, width(phone));
      List<WebElement> values = phone.findElements(By.cssSelector("#indicator-table span.value"));
      assertEquals(
          List.of("552.83", "465.38", "197.57", "93.93"),
          values.stream().map(WebElement::getText).toList());
      assertEquals(List.of(), offScreen(phone, "#indicator-table td.num"));
      assertEquals(List.of(), offScreen(phone, "#indicator-table td"));
      assertEquals(0, sideways(phone), "nothing to scroll sideways");
      // the row is a card: its value labelled with the figure's name, the header not needed
      String label =
          (String)
              ((JavascriptExecutor) phone)
                  .executeScript(
                      "return getComputedStyle(document.querySelector('#indicator-table td.num'),"
                          + " '::before').content;");
      assertEquals(lang.isEmpty() ? "\"支出合计：\"" : "\"Total expenditure: \"", label);
      assertTrue(
          !phone.findElement(By.cssSelector("#indicator-table tr")).isDisplayed(),
          "the header row gives way to the labels");
    }
    // budget against actual and several figures side by side: each amount on screen, labelled
    WorkflowBrowserTest.screenshot(phone, "screenshot-explorer-phone");
    phone.get(served.url("/indicators?name=reception&compare=budget"));
    assertEquals(List.of(), offScreen(phone, "#compare-table td"));
    assertEquals(0, sideways(phone));
    phone.get(served.url("/indicators?name=reception&name=three_public&name=expenditure_total"));
    assertEquals(List.of(), offScreen(phone, "#figures-table td"));
    assertEquals(0, sideways(phone));
  }

  @Test
  void onAWideScreenARowIsOneLineUnderItsHeader() throws Exception {
    screen.get(served.url("/indicators?name=expenditure_total"));
    WorkflowBrowserTest.screenshot(screen, "screenshot-explorer");
    assertTrue(screen.findElement(By.cssSelector("#indicator-table tr")).isDisplayed());
    for (WebElement row :
        screen.findElements(By.cssSelector("#indicator-table tr:not(:first-child)"))) {
      List<WebElement> cells = row.findElements(By.tagName("td"));
      int top = cells.get(0).getRect().getY();
      for (WebElement c : cells) assertEquals(top, c.getRect().getY(), row.getText());
    }
    assertEquals(List.of(), offScreen(screen, "#indicator-table td"));
    assertEquals(0, sideways(screen));
  }
}
