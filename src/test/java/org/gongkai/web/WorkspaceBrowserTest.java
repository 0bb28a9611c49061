package org.gongkai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A desk's work in a real headless Chromium: an editor signs in, uploads a report into the desk's
 * private collection, notes a passage of it (selected in the text), shares the collection with a
 * colleague, who then finds the report and reads the note; a third user finds neither.
 */
class WorkspaceBrowserTest {

  @TempDir static Path dir;
  static Workspace workspace;
  static TestPortal served;
  static ChromeDriver browser;
  static WebDriverWait wait;

  static final String WORD = "%E6%9A%97%E6%B6%B5%E6%B8%85%E6%B7%A4"; // 暗涵清淤

  @BeforeAll
  static void start() throws Exception {
    Workspace w = Databases.fresh("h2", dir);
    workspace = w;
    w.keepUploadsIn(dir.resolve("uploads"));
    w.users().add("chen", Role.EDITOR, "correct horse".toCharArray(), null, "command line");
    w.users().add("li", Role.READER, "battery staple".toCharArray(), null, "command line");
    w.users().add("wang", Role.READER, "tr0ub4dor &3".toCharArray(), null, "command line");
    w.collections().create("调查组", false, null, "command line");
    w.collections().share("调查组", "chen", "editor", null, "command line");
    served =
        TestPortal.serving(
            dir.resolve("portal"), List.of(TestSupport.CORPUS.resolve("formats")), w);
    browser = Chromium.start(Files.createDirectories(dir.resolve("browser")), 1280, 900);
    wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    wait.ignoring(org.openqa.selenium.WebDriverException.class);
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) browser.quit();
    if (served != null) served.close();
    // the database and the uploads' indexing closed before the folder is removed
    if (workspace != null) workspace.close();
  }

  static void signIn(String name, String password) {
    browser.get(served.url("/login"));
    browser.findElement(By.name("name")).sendKeys(name);
    browser.findElement(By.name("password")).sendKeys(password);
    browser.findElement(By.cssSelector(".login-form button")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".top-nav .account")));
  }

  static void signOut() {
    browser.findElement(By.cssSelector("form.logout button")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".top-nav a.login")));
  }

  /**
   * Every button and link a signed-in reader sees, against what is behind it: its text's contrast
   * at least 4.5 (WCAG AA) — the ☆ 加星 button was white on white, a tag's × nearly invisible (#67).
   */
  static List<String> lowContrast() {
    Object found =
        browser.executeScript(
            "function lum(c) { const v = c.match(/[\\d.]+/g).map(Number).slice(0, 3).map(x => {"
                + " x /= 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });"
                + " return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; }"
                + "function behind(e) { for (; e; e = e.parentElement) { const c ="
                + " getComputedStyle(e).backgroundColor; const p = c.match(/[\\d.]+/g).map(Number);"
                + " if (p.length < 4 || p[3] > 0.5) return c; } return 'rgb(255, 255, 255)'; }"
                + "const out = []; for (const e of document.querySelectorAll('button, a')) {"
                + " const t = e.innerText.trim(); if (!t || !e.getClientRects().length) continue;"
                + " const a = lum(getComputedStyle(e).color), b = lum(behind(e));"
                + " const r = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);"
                + " if (r < 4.5) out.push(t + ' ' + r.toFixed(2)); } return out;");
    List<String> out = new java.util.ArrayList<>();
    for (Object o : (List<?>) found) out.add(String.valueOf(o));
    return out;
  }

  @Test
  void whatASignedInReaderClicksCanBeRead() throws Exception {
    signIn("wang", "tr0ub4dor &3");
    try {
      browser.get(served.url("/documents"));
      browser.findElement(By.cssSelector("h3 a[href^='/d/']")).click();
      wait.until(ExpectedConditions.urlMatches("/d/[0-9a-f]{16}$"));
      String doc = browser.getCurrentUrl();
      // a tag on the report, so its × shows
      browser.findElement(By.cssSelector(".tags .add-tag input[name=tag]")).sendKeys("核对");
      browser.findElement(By.cssSelector(".tags .add-tag button")).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".tags form.tag")));
      assertEquals(List.of(), lowContrast(), doc);
      browser.findElement(By.cssSelector("form.star button")).click();
      wait.until(
          ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form.star button.on")));
      assertEquals(List.of(), lowContrast(), doc);
      for (String page : List.of("/search?q=" + WORD, "/starred", "/notes", "/saved")) {
        browser.get(served.url(page));
        assertEquals(List.of(), lowContrast(), page);
      }
    } finally {
      signOut();
    }
  }

  @Test
  void anEditorUploadsNotesAndSharesAColleagueReadsItAThirdDoesNot() throws Exception {
    Path report = dir.resolve("江岸区水务局决算.txt");
    Files.writeString(report, UploadHttpTest.LEAK, StandardCharsets.UTF_8);

    // chen uploads the report into the desk's collection, from the header's link
    signIn("chen", "correct horse");
    browser.findElement(By.cssSelector(".top-nav a.upload")).click();
    wait.until(ExpectedConditions.urlContains("/upload"));
    new Select(browser.findElement(By.name("collection"))).selectByValue("调查组");
    browser.findElement(By.id("upload-files")).sendKeys(report.toString());
    browser.findElement(By.cssSelector(".upload-form button[type=submit]")).click();
    wait.until(ExpectedConditions.urlMatches("/upload/\\d+$"));
    // the page asks again until the upload is done
    wait.until(
        ExpectedConditions.attributeToBe(By.cssSelector(".upload-state"), "data-state", "done"));
    assertEquals("已编入索引", browser.findElement(By.cssSelector(".upload-files td a")).getText());
    browser.findElement(By.cssSelector(".upload-files td a")).click();
    wait.until(ExpectedConditions.urlMatches("/d/[0-9a-f]{16}$"));
    String docUrl = browser.getCurrentUrl();

    // a passage selected in a section's text fills the note's passage
    browser.get(served.url("/search?q=" + WORD));
    browser.findElement(By.cssSelector("a.hit-link")).click();
    wait.until(ExpectedConditions.urlContains("/s/"));
    String sectionUrl = browser.getCurrentUrl();
    browser.executeScript(
        "const t = document.querySelector('.text');"
            + "const w = document.createTreeWalker(t, NodeFilter.SHOW_TEXT);"
            + "let n; while ((n = w.nextNode())) { const i = n.data.indexOf('暗涵清淤');"
            + " if (i >= 0) { const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + 4);"
            + " const s = document.getSelection(); s.removeAllRanges(); s.addRange(r); break; } }");
    wait.until(ExpectedConditions.attributeToBe(By.id("note-quote"), "value", "暗涵清淤"));
    browser.findElement(By.name("body")).sendKeys("清淤合同是否招标？");
    new Select(browser.findElement(By.name("visibility"))).selectByValue("shared");
    browser.findElement(By.cssSelector(".add-note button")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notes-box .note")));
    assertEquals(
        "清淤合同是否招标？", browser.findElement(By.cssSelector(".notes-box .note .body")).getText());

    // shared with li as reader, from the collections page
    browser.findElement(By.cssSelector(".top-nav a.collections")).click();
    wait.until(ExpectedConditions.urlContains("/collections"));
    // the names to pick from are listed; a misspelt one is said on the page, in its words
    assertEquals(
        List.of("chen", "li", "wang"),
        browser.findElements(By.cssSelector("datalist#workspace-users option")).stream()
            .map(o -> o.getAttribute("value"))
            .toList());
    browser.findElement(By.cssSelector("form.share input[name=who]")).sendKeys("lii");
    browser.findElement(By.cssSelector("form.share button")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("p.error")));
    assertEquals("没有名为“lii”的用户：请从列表中选择。", browser.findElement(By.cssSelector("p.error")).getText());
    browser.findElement(By.cssSelector("form.share input[name=who]")).sendKeys("li");
    new Select(browser.findElement(By.cssSelector("form.share select[name=role]")))
        .selectByValue("reader");
    browser.findElement(By.cssSelector("form.share button")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("ul.shares li")));
    wait.until(d -> d.findElements(By.cssSelector("ul.shares li")).size() == 2);
    assertEquals(
        List.of("chen 编辑 取消共享", "li 读者 取消共享"),
        browser.findElements(By.cssSelector("ul.shares li")).stream()
            .map(e -> e.getText().replaceAll("\\s+", " ").strip())
            .toList());
    signOut();

    // li finds the report and reads the note beside its passage
    signIn("li", "battery staple");
    browser.get(served.url("/search?q=" + WORD));
    assertEquals("共 1 个章节", browser.findElement(By.cssSelector(".summary .total")).getText());
    browser.get(sectionUrl);
    assertEquals(
        "清淤合同是否招标？", browser.findElement(By.cssSelector(".notes-box .note .body")).getText());
    // the passage is marked where it stands in the text, the note its title
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".text mark.noted")));
    assertEquals("暗涵清淤", browser.findElement(By.cssSelector(".text mark.noted")).getText());
    assertEquals(
        "清淤合同是否招标？", browser.findElement(By.cssSelector(".text mark.noted")).getAttribute("title"));
    signOut();

    // wang finds nothing of it: no hit, and the report's address is a 404
    signIn("wang", "tr0ub4dor &3");
    browser.get(served.url("/search?q=" + WORD));
    assertTrue(browser.findElements(By.cssSelector("a.hit-link")).isEmpty());
    browser.get(docUrl);
    assertTrue(
        browser.getTitle().contains("404") || browser.getPageSource().contains("找不到"),
        browser.getTitle());
    browser.get(served.url("/notes"));
    assertTrue(browser.findElements(By.cssSelector("ul.notes li")).isEmpty());
  }
}
