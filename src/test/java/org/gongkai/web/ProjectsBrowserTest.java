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
 * Projects read in a real headless Chromium (#68): from the top menu to a search of the words of a
 * name, narrowed by a year, to the project's page over its two years and on to the very cell of the
 * report that states it.
 */
class ProjectsBrowserTest {

  @TempDir static Path dir;
  static TestPortal served;
  static ChromeDriver browser;

  @BeforeAll
  static void start() throws Exception {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    ProjectFixtures.write(corpus);
    served = TestPortal.start(dir, List.of(corpus));
    browser = Chromium.start(dir, 1280, 900);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) browser.quit();
    if (served != null) served.close();
  }

  private static List<String> texts(String css) {
    return browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
  }

  @Test
  void aProjectIsFoundByItsWordsFollowedOverItsYearsAndOpenedWhereItIsStated() {
    browser.get(served.url("/"));
    browser.findElement(By.cssSelector("nav.top-nav a.projects")).click();
    assertEquals("共 18 条项目记录", browser.findElement(By.id("project-total")).getText());
    // most money first
    assertEquals(
        List.of("码头设施改造工程", "码头设施改造工程", "武汉市港口建设专项资金岸线整治领域与生态修复"),
        texts("#projects a.project").subList(0, 3));

    WebElement words = browser.findElement(By.id("project-q"));
    words.sendKeys("运行");
    words.submit();
    assertEquals("共 3 条项目记录", browser.findElement(By.id("project-total")).getText());
    assertEquals(List.of("500.00", "500.00", "318.90"), texts("#projects a.cell"));
    // a year from the facets keeps the words
    browser.findElement(By.xpath("//aside//a[span='2025']")).click();
    assertEquals("共 1 条项目记录", browser.findElement(By.id("project-total")).getText());
    assertEquals("运行", browser.findElement(By.id("project-q")).getAttribute("value"));

    browser.get(served.url("/projects?q=" + ProjectsHttpTest.enc("疏浚")));
    browser.findElement(By.cssSelector("#projects a.project")).click();
    assertEquals("航道疏浚维护", browser.findElement(By.tagName("h1")).getText());
    assertEquals(
        List.of(
            "2025 1,100.00 航道疏浚维护 与表内合计相符 武汉市港务局2025年部门预算",
            "2026 1,200.00 +100.00 万元（+9.1%） 航道疏浚维护 与表内合计相符 武汉市港务局2026年部门预算"),
        texts("table.project-statements tbody tr"));
    // the amount opens the report's table with the project's name marked
    browser.findElement(By.linkText("1,200.00")).click();
    assertEquals("航道疏浚维护", browser.findElement(By.id("hit")).getText());
  }
}
