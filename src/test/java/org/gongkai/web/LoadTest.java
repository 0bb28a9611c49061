package org.gongkai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.TestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bounded load test: {@code wrk} (Debian's package, which {@code .ci/run} installs) on loopback
 * for a few seconds against the search page and the API. It must finish with zero errors; its speed
 * is the benchmark's business, not this test's.
 */
class LoadTest {

  static final Path WRK = Path.of("/usr/bin/wrk");

  @TempDir static Path dir;
  static TestPortal served;

  @BeforeAll
  static void serve() throws Exception {
    assertTrue(
        Files.isExecutable(WRK),
        "the load test needs wrk (apt-get install wrk); .ci/run installs it");
    served = TestPortal.start(dir, List.of(TestSupport.CORPUS.resolve("formats")));
  }

  @AfterAll
  static void stop() throws Exception {
    served.close();
  }

  @Test
  void apiSearchUnderLoadHasNoErrors() throws Exception {
    assertNoErrors(
        wrk(
            "/api/search?q=%22%E4%B8%89%E5%85%AC%E7%BB%8F%E8%B4%B9%22&region=%E6%B9%96%E5%8C%97%E7%9C%81"));
  }

  @Test
  void searchPageUnderLoadHasNoErrors() throws Exception {
    assertNoErrors(wrk("/search?q=%E5%85%AC%E5%8A%A1%E6%8E%A5%E5%BE%85&year=2023"));
  }

  private static String wrk(String path) throws Exception {
    Process p =
        new ProcessBuilder(
                WRK.toString(),
                "-t2",
                "-c8",
                "-d3s",
                "--timeout",
                "5s",
                served.url(path).replace("localhost", "127.0.0.1"))
            .redirectErrorStream(true)
            .start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "wrk finished");
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), out);
    return out;
  }

  private static void assertNoErrors(String out) {
    assertFalse(out.contains("Non-2xx or 3xx responses"), out);
    assertFalse(out.contains("Socket errors"), out);
    Matcher m = Pattern.compile("(\\d+) requests in").matcher(out);
    assertTrue(m.find(), out);
    assertTrue(Integer.parseInt(m.group(1)) > 0, out);
  }
}
