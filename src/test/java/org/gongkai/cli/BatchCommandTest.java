package org.gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gongkai.App;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code batch --queries FILE --by region [--out FILE.csv]}: the same counts as {@code /batch}. */
class BatchCommandTest {

  @TempDir Path tmp;
  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return App.execute(new PrintWriter(out), new PrintWriter(err), args);
  }

  @Test
  void batchCountsEveryQueryByRegionAndWritesCsv() throws Exception {
    Path index = tmp.resolve("index");
    assertEquals(0, run("index", "--index", index.toString(), "corpus/formats"));
    Path queries = tmp.resolve("queries.txt");
    // a list saved on Windows: GBK
    Files.write(queries, "公务接待\r\n\r\n\"三公经费\"\r\n乡村振兴\r\n".getBytes(Charset.forName("GBK")));
    assertEquals(
        0,
        run(
            "batch",
            "--index",
            index.toString(),
            "--queries",
            queries.toString(),
            "--by",
            "region"));
    assertEquals(
        List.of(
            "query,total,湖北省,四川省,湖南省,search",
            "公务接待,16,10,4,2,/search?q=%E5%85%AC%E5%8A%A1%E6%8E%A5%E5%BE%85",
            "\"\"\"三公经费\"\"\",23,17,4,2,/search?q=%22%E4%B8%89%E5%85%AC%E7%BB%8F%E8%B4%B9%22",
            "乡村振兴,6,6,0,0,/search?q=%E4%B9%A1%E6%9D%91%E6%8C%AF%E5%85%B4"),
        out.toString().lines().toList());
    // within a region, by city, to a file
    Path csv = tmp.resolve("by-city.csv");
    assertEquals(
        0,
        run(
            "batch",
            "--index",
            index.toString(),
            "--queries",
            queries.toString(),
            "--region",
            "湖北省",
            "--out",
            csv.toString()));
    assertEquals(
        "\ufeffquery,total,湖北省/武汉市,湖北省/鄂州市,search",
        Files.readString(csv).lines().findFirst().orElseThrow());
    assertEquals("gongkai: 3 queries × 2 region columns → " + csv + "\n", err.toString());
  }

  @Test
  void aBadBatchIsAUsageError() throws Exception {
    Path queries = tmp.resolve("q.txt");
    Files.writeString(queries, "公务接待\n");
    assertEquals(2, run("batch", "--queries", queries.toString(), "--by", "city"));
    assertEquals("gongkai: --by must be region, issuer or year, not city\n", err.toString());
    assertEquals(2, run("batch", "--queries", tmp.resolve("none.txt").toString()));
    Files.writeString(queries, "\n\n");
    assertEquals(2, run("batch", "--queries", queries.toString()));
    assertEquals(
        "gongkai: " + queries + " holds 0 queries; a batch runs 1 to 1000\n", err.toString());
    Files.writeString(queries, "公务接待\n");
    assertEquals(
        1, run("batch", "--queries", queries.toString(), "--index", tmp.resolve("x").toString()));
  }
}
