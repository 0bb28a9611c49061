package org.gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code index} and {@code bench --real} run in a JVM that compiles with C1 alone, started with
 * this one's options less its agents and recordings; everything else, and a JVM whose compilers
 * were chosen or that is asked to keep both, runs as started.
 */
class BatchJvmTest {

  private static final Map<String, String> NO_ENV = Map.of();

  @Test
  void indexAndTheRealCrawlBenchRunInACompactJvm() {
    assertTrue(BatchJvm.wanted(new String[] {"index", "--index", "ix", "dir"}, NO_ENV, List.of()));
    assertTrue(BatchJvm.wanted(new String[] {"bench", "--real", "dir"}, NO_ENV, List.of()));
    assertTrue(BatchJvm.wanted(new String[] {"index", "dir"}, NO_ENV, List.of("-Xmx2g")));
  }

  @Test
  void everythingElseRunsAsStarted() {
    for (String[] args :
        List.of(
            new String[] {"serve", "--index", "ix"},
            new String[] {"demo"},
            new String[] {"search", "\"经费\""},
            new String[] {"bench", "--docs", "100", "--real", "dir"},
            new String[] {"bench", "--docs", "100"},
            new String[] {"index", "--help"},
            new String[] {}))
      assertFalse(BatchJvm.wanted(args, NO_ENV, List.of()), String.join(" ", args));
    String[] index = {"index", "dir"};
    assertFalse(BatchJvm.wanted(index, Map.of("GONGKAI_JIT", "full"), List.of()));
    assertFalse(BatchJvm.wanted(index, NO_ENV, List.of("-XX:TieredStopAtLevel=4")));
    assertFalse(BatchJvm.wanted(index, NO_ENV, List.of("-XX:-TieredCompilation")));
    assertFalse(BatchJvm.wanted(index, NO_ENV, List.of("-Xint")));
  }

  @Test
  void theCompactJvmKeepsTheOptionsButAgentsAndRecordings() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    assertEquals(
        List.of(
            java,
            "-Xmx160m",
            "-Dfile.encoding=UTF-8",
            "-XX:TieredStopAtLevel=1",
            "-Dgongkai.batchJvm=" + ProcessHandle.current().pid(),
            "-cp",
            System.getProperty("java.class.path"),
            "org.gongkai.App",
            "index",
            "--index",
            "ix",
            "dir"),
        BatchJvm.command(
            org.gongkai.App.class.getName(),
            new String[] {"index", "--index", "ix", "dir"},
            List.of(
                "-Xmx160m",
                "-javaagent:/opt/agent.jar",
                "-agentlib:jdwp=transport=dt_socket,server=y,address=5005",
                "-XX:StartFlightRecording=filename=run.jfr",
                "-Dfile.encoding=UTF-8")));
  }
}
