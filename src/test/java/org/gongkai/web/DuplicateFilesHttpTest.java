package org.gongkai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gongkai.TestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One file reached through two folders is one report with one file, its other place named. */
class DuplicateFilesHttpTest {

  @TempDir static Path dir;
  static TestPortal served;
  static final String DOC = "52bbe3626a4811c6";

  @BeforeAll
  static void serve() throws Exception {
    Path pdf = TestSupport.CORPUS.resolve("formats/000_988c7a9063883e3f.pdf");
    Path a = Files.createDirectories(dir.resolve("crawl-a"));
    Path b = Files.createDirectories(dir.resolve("crawl-b"));
    Files.copy(pdf, a.resolve("hanyang-2024.pdf"));
    Files.copy(pdf, b.resolve("决算公开.pdf"));
    served = TestPortal.start(dir, List.of(a, b));
  }

  @AfterAll
  static void stop() throws Exception {
    served.close();
  }

  @Test
  void theReportPageListsTheFileOnceAndNamesItsCopy() throws Exception {
    String page = served.get("/d/" + DOC).body();
    int from = page.indexOf("<section class=\"files\"");
    assertTrue(from >= 0, page);
    String files = page.substring(from, page.indexOf("</section>", from));
    assertEquals(1, files.split("<li>", -1).length - 1, files);
    assertTrue(files.contains("同一文件也见于 决算公开.pdf"), files);
  }

  @Test
  void theListShowsOneFile() throws Exception {
    String list = served.get("/documents").body();
    assertEquals(1, list.split("<li class=\"hit report\">", -1).length - 1);
    assertEquals(1, list.split("href=\"/d/" + DOC + "/file", -1).length - 1, list);
  }
}
