package org.gongkai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gongkai.TestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * What crawls are full of, on a 400-pixel phone: a file name of 90 Latin characters without a
 * space, a web address and a long account number in the text, a heading of 60 characters. No page
 * is wider than the screen.
 */
class PhoneWidthBrowserTest {

  @TempDir static Path dir;
  static TestPortal served;
  static ChromeDriver phone;

  static final String LONG_NAME =
      "zhengfu_xinxi_gongkai_bumen_yusuan_2025_putuoqu_sifaju_zuizhongban_fujian_v3_20250210.txt";

  @BeforeAll
  static void start() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    String report =
        Files.readString(TestSupport.CORPUS.resolve("seeds/003_630d0209e54699b1.txt"))
            .replaceFirst(
                "\n",
                "\n详见本局网站http://www.example.gov.cn/zwgk/czzj/bmys/2025/02/10/content_9876543210abcdef.shtml"
                    + "，账号62170000000000000000000012345678901234567890。\n"
                    + "一、关于2025年度部门预算公开中政府采购预算、国有资产占用情况及其他重要事项的补充说明材料\n"
                    + "本部分补充说明如下。\n");
    Files.writeString(in.resolve(LONG_NAME), report);
    served = TestPortal.start(dir, List.of(in));
    phone = Chromium.start(dir, 600, 860);
    phone.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        java.util.Map.of("width", 400, "height", 860, "deviceScaleFactor", 1, "mobile", true));
  }

  @AfterAll
  static void stop() throws Exception {
    if (phone != null) phone.quit();
    if (served != null) served.close();
  }

  /** What makes a page wider than the screen: the widest elements none of whose children are. */
  private static final String WIDEST =
      "const w=window.innerWidth;let out=[];for(const e of document.querySelectorAll('body *')){"
          + "const r=e.getBoundingClientRect();if(r.right>w+1&&![...e.children].some("
          + "c=>c.getBoundingClientRect().right>w+1)){out.push(e.tagName+'.'+e.className+' '"
          + "+Math.round(r.right));if(out.length>4)break;}}return out.join(' | ')";

  /** Pages of {@code served} wider than the phone, with what makes each wide. */
  private static List<String> tooWide(TestPortal served, List<String> paths) {
    List<String> wide = new java.util.ArrayList<>();
    for (String path : paths) {
      phone.get(served.url(path));
      JavascriptExecutor js = phone;
      Number inner = (Number) js.executeScript("return window.innerWidth");
      Number page = (Number) js.executeScript("return document.documentElement.scrollWidth");
      if (page.intValue() > inner.intValue())
        wide.add(path + " is " + page + " px: " + js.executeScript(WIDEST));
    }
    return wide;
  }

  @Test
  void realReportsFitThePhone() throws Exception {
    Path real = Path.of("../shared/corpus/real");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.isDirectory(real), "no ../shared/corpus/real");
    List<Path> files;
    try (var st = Files.list(real)) {
      // a 上海 budget (元 tables, long outline), provincial budgets and final accounts
      files = st.filter(p -> !p.toString().endsWith(".tsv")).sorted().limit(12).toList();
    }
    try (TestPortal r = TestPortal.start(dir.resolve("real"), files)) {
      List<String> paths = new java.util.ArrayList<>(List.of("/documents?size=50"));
      var m =
          java.util.regex.Pattern.compile("\"docId\" ?: ?\"([0-9a-f]+)\"")
              .matcher(r.get("/api/documents?size=50").body());
      while (m.find()) paths.add("/d/" + m.group(1));
      assertEquals(13, paths.size(), paths.toString());
      // and sections holding tables, with the page of the original beside them
      var hits =
          java.util.regex.Pattern.compile("\"url\" ?: ?\"(/s/[^\"]+)\"")
              .matcher(r.get("/api/search?q=%E5%90%88%E8%AE%A1&size=6").body());
      while (hits.find()) paths.add(hits.group(1));
      assertEquals(19, paths.size(), paths.toString());
      assertEquals(List.of(), tooWide(r, paths));
    }
  }

  @Test
  void longNamesAddressesAndHeadingsStayOnTheScreen() throws Exception {
    var docs = served.get("/api/documents").body();
    String docId = docs.replaceAll("(?s).*\"docId\" ?: ?\"([0-9a-f]+)\".*", "$1");
    assertEquals(
        List.of(),
        tooWide(
            served,
            List.of(
                "/documents",
                "/d/" + docId,
                "/search?q=%E8%A1%A5%E5%85%85%E8%AF%B4%E6%98%8E",
                "/search?q=%E8%A1%A5%E5%85%85%E8%AF%B4%E6%98%8E&group=doc")));
  }
}
