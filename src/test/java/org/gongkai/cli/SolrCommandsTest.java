package org.gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gongkai.App;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SolrCloud side of the command line that needs no cluster: writing the configset, and a {@code
 * --solr} that is not a target (the cluster itself is tested in solr/).
 */
class SolrCommandsTest {

  @TempDir Path tmp;
  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return App.execute(new PrintWriter(out), new PrintWriter(err), args);
  }

  @Test
  void solrConfigsetWritesTheSchemaTheConfigurationAndTheDivisionNames() throws Exception {
    Path dir = tmp.resolve("conf");
    assertEquals(0, run("solr-configset", dir.toString()), err.toString());
    try (var files = Files.list(dir)) {
      assertEquals(
          List.of("divisions.txt", "schema.xml", "solrconfig.xml"),
          files.map(f -> f.getFileName().toString()).sorted().toList());
    }
    List<String> lines = out.toString().lines().toList();
    assertEquals(3, lines.size());
    assertTrue(
        lines.get(0).startsWith(dir.resolve("divisions.txt").toString() + " ("), lines.get(0));
    List<String> names = Files.readAllLines(dir.resolve("divisions.txt"));
    assertTrue(names.get(0).startsWith("#"));
    for (String n : List.of("湖北省", "武汉市", "汉阳区", "蔡甸区", "北京市")) assertTrue(names.contains(n), n);
    String config = Files.readString(dir.resolve("solrconfig.xml"));
    assertTrue(config.contains("org.gongkai.solr.plugin.SectionQParserPlugin"));
    assertTrue(config.contains("ExactStatsCache"));
    assertTrue(Files.readString(dir.resolve("schema.xml")).contains("words=\"divisions.txt\""));
  }

  @Test
  void solrConfigsetWillNotWriteIntoAFile() throws Exception {
    Path file = Files.writeString(tmp.resolve("taken"), "x");
    assertEquals(2, run("solr-configset", file.toString()));
    assertEquals("gongkai: not a folder: " + file + "\n", err.toString());
  }

  @Test
  void indexWithAnUnreadableSolrTargetIsAUsageError() throws Exception {
    Path index = tmp.resolve("index");
    assertEquals(2, run("index", "--solr", "gongkai", "--index", index.toString(), "corpus/seeds"));
    assertEquals(
        "gongkai: --solr takes ZK_HOST/COLLECTION (such as localhost:9983/gongkai), not"
            + " 'gongkai'\n",
        err.toString());
    assertTrue(Files.notExists(index), "no index written");
  }
}
