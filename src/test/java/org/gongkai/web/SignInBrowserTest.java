package org.gongkai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.gongkai.TestSupport;
import org.gongkai.workspace.Databases;
import org.gongkai.workspace.Role;
import org.gongkai.workspace.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A journalist signs in to a workspace in a real headless Chromium (its cookies, its
 * content-security policy), saves a search, stars a report and signs out.
 */
class SignInBrowserTest {

  @TempDir static Path dir;
  static Workspace workspace;
  static TestPortal served;
  static ChromeDriver browser;
  static WebDriverWait wait;

  @BeforeAll
  static void start() throws Exception {
    Workspace w = Databases.fresh("h2", dir);
    workspace = w;
    w.users().add("chen", Role.EDITOR, "correct horse".toCharArray(), null, "command line");
    served = TestPortal.start(dir, List.of(TestSupport.CORPUS.resolve("formats")), w);
    browser = Chromium.start(Files.createDirectories(dir.resolve("browser")), 1280, 900);
    wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    wait.ignoring(org.openqa.selenium.WebDriverException.class);
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) browser.quit();
    if (served != null) served.close();
    // H2's lock watchdog writes its lock file again if the folder is removed under an open database
    if (workspace != null) workspace.close();
  }

  @Test
  void aJournalistSignsInSavesASearchStarsAReportAndSignsOut() throws Exception {
    browser.get(served.url("/search?q=%E5%85%AC%E5%8A%A1%E6%8E%A5%E5%BE%85"));
    browser.findElement(By.cssSelector(".top-nav a.login")).click();
    wait.until(ExpectedConditions.urlContains("/login"));
    browser.findElement(By.name("name")).sendKeys("chen");
    browser.findElement(By.name("password")).sendKeys("wrong horse!");
    browser.findElement(By.cssSelector(".login-form button")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("p.error")));
    assertEquals("用户名或密码不正确。", browser.findElement(By.cssSelector("p.error")).getText());
    browser.findElement(By.name("name")).sendKeys("chen");
    browser.findElement(By.name("password")).sendKeys("correct horse");
    browser.findElement(By.cssSelector(".login-form button")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".top-nav .account")));
    assertTrue(
        browser.findElement(By.cssSelector(".top-nav .account")).getText().startsWith("已登录：chen"));

    // a search saved from its page of results
    browser.get(served.url("/search?q=%E5%85%AC%E5%8A%A1%E6%8E%A5%E5%BE%85"));
    var name = browser.findElement(By.cssSelector(".save-search input[name=name]"));
    name.clear();
    name.sendKeys("接待");
    browser.findElement(By.cssSelector(".save-search button")).click();
    wait.until(ExpectedConditions.urlContains("/saved"));
    assertEquals("接待", browser.findElement(By.cssSelector(".saved-searches a.open")).getText());

    // a report starred on its page
    browser.get(served.url("/d/52bbe3626a4811c6"));
    browser.findElement(By.cssSelector("form.star button")).click();
    wait.until(ExpectedConditions.textToBe(By.cssSelector("form.star button"), "★ 已加星（取消）"));
    browser.get(served.url("/starred"));
    assertEquals(1, browser.findElements(By.cssSelector("ul.starred li")).size());

    // signed out: the header offers to sign in again
    browser.findElement(By.cssSelector("form.logout button")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".top-nav a.login")));
    browser.get(served.url("/starred"));
    wait.until(ExpectedConditions.urlContains("/login"));
  }
}
