package org.gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gongkai.App;
import org.gongkai.TestSupport;
import org.gongkai.ingest.Indexer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index and search commands as newsrooms script them: exit codes, summary, JSON shape. */
class IndexAndSearchCommandTest {

  @TempDir Path tmp;
  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return App.execute(new PrintWriter(out), new PrintWriter(err), args);
  }

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  @Test
  void serveAndDemoRejectABadPortBeforeDoingAnyWork() {
    for (String command : List.of("serve", "demo")) {
      Path index = tmp.resolve(command);
      assertEquals(2, run(command, "--port", "99999", "--index", index.toString()), command);
      assertEquals("gongkai: --port must be 0–65535\n", err.toString(), command);
      assertTrue(Files.notExists(index), command + " wrote no index");
    }
  }

  @Test
  void serveAndDemoRejectABusyPortBeforeDoingAnyWork() throws Exception {
    try (java.net.ServerSocket taken =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      for (String command : List.of("serve", "demo")) {
        Path index = tmp.resolve("busy-" + command);
        assertEquals(
            2,
            run(
                command,
                "--port",
                String.valueOf(taken.getLocalPort()),
                "--index",
                index.toString()),
            command);
        assertEquals(
            "gongkai: port "
                + taken.getLocalPort()
                + " on 127.0.0.1 is in use (another Gongkai running? choose one with --port N)\n",
            err.toString(),
            command);
        assertTrue(Files.notExists(index), command + " wrote no index");
      }
    }
  }

  @Test
  void serveAndDemoRejectAHostThatIsNotAnAddressAndAPublicUrlThatIsNotAWebAddress() {
    for (String command : List.of("serve", "demo")) {
      Path index = tmp.resolve(command);
      assertEquals(
          2, run(command, "--host", "portal.example", "--index", index.toString()), command);
      assertEquals(
          "gongkai: --host takes an IP address (127.0.0.1, 0.0.0.0, ::1 …), not portal.example\n",
          err.toString(),
          command);
      assertTrue(Files.notExists(index), command + " wrote no index");
      assertEquals(
          2,
          run(command, "--public-url", "javascript:alert(1)", "--index", index.toString()),
          command);
      assertEquals(
          "gongkai: --public-url takes an http(s) address without query, such as https://gongkai.example.org, not "
              + "javascript:alert(1)\n",
          err.toString(),
          command);
    }
  }

  @Test
  void fileNamesWithLineBreaksAndControlCharactersStayOnOneEscapedLine() throws Exception {
    Path src = Files.createDirectories(tmp.resolve("odd"));
    Files.write(src.resolve("forged\ngongkai: other.pdf: fine\u001b[2J.txt"), new byte[0]);
    assertEquals(3, run("index", "--index", tmp.resolve("ix-odd").toString(), src.toString()));
    String name =
        src.resolve("forged\ngongkai: other.pdf: fine\u001b[2J.txt")
            .toString()
            .replace("\\", "\\\\")
            .replace("\n", "\\n")
            .replace("\u001b", "\\u001b");
    assertEquals("gongkai: " + name + ": empty file (0 bytes)\n", err.toString());
    assertTrue(out.toString().contains("  " + name + ": empty file (0 bytes)\n"), out.toString());
    assertEquals(1, err.toString().lines().count());
  }

  @Test
  void aFileNamedInGbkIsSkippedWithItsReasonNotStoredUnderABrokenName() throws Exception {
    Path folder = Files.createDirectories(tmp.resolve("gbk-names"));
    Files.copy(Path.of("corpus/seeds/000_988c7a9063883e3f.txt"), folder.resolve("汉阳.txt"));
    // 报告.txt as a Windows zip or a copied disk names it: GBK bytes, not UTF-8 (Java cannot)
    Process sh =
        new ProcessBuilder("sh", "-c", "printf x > \"$(printf '\\261\\250\\270\\346').txt\"")
            .directory(folder.toFile())
            .start();
    assertEquals(0, sh.waitFor());
    Path index = tmp.resolve("ix-gbk");
    // listed under skipped with what to do, as a folder the walk cannot follow is; not a failure
    String said = "\uFFFD\uFFFD\uFFFD\uFFFD.txt: " + Indexer.NOT_UTF8_NAME;
    assertEquals(0, run("index", "--index", index.toString(), folder.toString()));
    assertTrue(out.toString().contains("indexed:    1\n"), out.toString());
    assertTrue(out.toString().contains(said), out.toString());
    // a second run with --prune: nothing removed, nothing stored under a broken name
    assertEquals(0, run("index", "--prune", "--index", index.toString(), folder.toString()));
    assertTrue(out.toString().contains("unchanged:  1\n"), out.toString());
    assertTrue(out.toString().contains(said), out.toString());
    assertTrue(!out.toString().contains("removed"), out.toString());
  }

  @Test
  void aLocaleThatCannotNameFilesIsRefusedInOneLine() throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            "org.gongkai.App",
            "index",
            "--index",
            tmp.resolve("ix-posix").toString(),
            "corpus/seeds");
    pb.environment().remove("LANG");
    pb.environment().remove("LC_CTYPE");
    pb.environment().put("LC_ALL", "POSIX");
    pb.redirectErrorStream(false);
    Process p = pb.start();
    String stderr =
        new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(2, p.waitFor(), stderr);
    assertEquals(
        "gongkai: file names cannot be read in this locale (ANSI_X3.4-1968): run with a UTF-8"
            + " locale, e.g. LANG=C.UTF-8 java -jar gongkai.jar …\n",
        stderr);
  }

  @Test
  void indexCheckVerifiesEveryChecksumAndNamesADamagedSegment() throws Exception {
    Path index = tmp.resolve("checked");
    assertEquals(
        0, run("index", "--index", index.toString(), "corpus/seeds/000_988c7a9063883e3f.txt"));
    assertEquals(0, run("index", "--check", "--index", index.toString()));
    assertEquals(
        "index sound: "
            + index.toAbsolutePath().normalize()
            + ", 1 segment, every file's checksum verified\n",
        out.toString());
    // one byte changed inside the segment's largest file: a re-run still finds every file
    // unchanged (it reads no segment whole), the check does not
    Path largest;
    try (var files = Files.list(index)) {
      largest =
          files
              .filter(p -> p.getFileName().toString().startsWith("_"))
              .max(java.util.Comparator.comparingLong(p -> p.toFile().length()))
              .orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(largest);
    bytes[bytes.length / 2] ^= 0x5A;
    Files.write(largest, bytes);
    assertEquals(4, run("index", "--check", "--index", index.toString()));
    assertEquals(1, err.toString().lines().count(), "[" + err + "]");
    assertTrue(
        err.toString()
            .matches(
                "gongkai: index damaged: _[0-9a-z]+ fails its checksum \\(\\w+\\); delete the folder"
                    + " and index again\n"),
        err.toString());
    // a PATH is still needed to index
    assertEquals(2, run("index", "--index", index.toString()));
    assertEquals(
        "gongkai: Missing required parameter: 'PATH' (files and folders to index)\n",
        err.toString());
  }

  @Test
  void anIndexThatCannotBeWrittenIsOneLineAndExitCode4() throws Exception {
    // the kernel's own folders refuse new folders even to root, as a read-only disk does
    Path sys = Path.of("/sys/kernel");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(sys), "no /sys/kernel here");
    Path index = sys.resolve("gongkai-test-index");
    assertEquals(
        4, run("index", "--index", index.toString(), "corpus/seeds/000_988c7a9063883e3f.txt"));
    assertEquals(1, err.toString().lines().count(), "[" + err + "]");
    assertTrue(
        err.toString().startsWith("gongkai: the index cannot be written or read: " + index + ": "),
        err.toString());
  }

  @Test
  void aBusyADamagedOrAMisnamedIndexIsOneLineAndExitCode4() throws Exception {
    Path busy = tmp.resolve("busy");
    try (var holder = org.gongkai.index.IndexStore.openForWriting(busy)) {
      assertEquals(
          4, run("index", "--index", busy.toString(), "corpus/seeds/000_988c7a9063883e3f.txt"));
      assertEquals(
          "gongkai: index busy: another process is writing to "
              + busy.toAbsolutePath().normalize()
              + " (wait for it to finish)\n",
          err.toString());
    }
    Path file = Files.writeString(tmp.resolve("not-a-folder"), "x");
    assertEquals(
        4, run("index", "--index", file.toString(), "corpus/seeds/000_988c7a9063883e3f.txt"));
    assertEquals("gongkai: " + file + " is a file, not an index folder\n", err.toString());

    Path damaged = tmp.resolve("damaged");
    assertEquals(
        0, run("index", "--index", damaged.toString(), "corpus/seeds/000_988c7a9063883e3f.txt"));
    try (var segments = Files.list(damaged)) {
      Path last =
          segments
              .filter(p -> p.getFileName().toString().startsWith("segments_"))
              .findFirst()
              .orElseThrow();
      Files.writeString(last, "not an index");
    }
    for (String[] command :
        List.of(
            new String[] {"search", "--index", damaged.toString(), "三公"},
            new String[] {"serve", "--index", damaged.toString(), "--port", "0"},
            new String[] {
              "index", "--index", damaged.toString(), "corpus/seeds/000_988c7a9063883e3f.txt"
            })) {
      assertEquals(4, run(command), command[0]);
      assertTrue(
          err.toString()
              .startsWith(
                  "gongkai: index damaged: "
                      + damaged.toAbsolutePath().normalize()
                      + " cannot be read ("),
          err.toString());
      assertTrue(err.toString().endsWith("); delete the folder and index again\n"), err.toString());
      assertEquals(1, err.toString().lines().count(), command[0]);
    }
  }

  @Test
  void indexRejectsNoWorkersAndANegativeCommitInterval() {
    for (String[] bad :
        List.of(new String[] {"--threads", "0"}, new String[] {"--commit-every", "-1"})) {
      assertEquals(
          2,
          run("index", "--index", tmp.resolve("ix").toString(), bad[0], bad[1], "corpus/formats"));
      assertEquals(
          "gongkai: --threads must be at least 1 and --commit-every at least 0\n", err.toString());
    }
  }

  @Test
  void indexExitsZeroWhenAllFilesWereIndexedAndSkipsThemNextTime() {
    String index = tmp.resolve("ix").toString();
    assertEquals(0, run("index", "--index", index, "corpus/formats"));
    assertTrue(
        out.toString()
            .startsWith(
                "indexed:    5\n  reports:  部门决算 4, 绩效评价 1\nunchanged:  0\nfailed:     0\nindex:      "),
        out.toString());
    assertTrue(out.toString().contains("(5 documents, 196 sections)"), out.toString());
    assertEquals(0, run("index", "--index", index, "corpus/formats"));
    assertTrue(
        out.toString().startsWith("indexed:    0\nunchanged:  5\nfailed:     0\n"), out.toString());
  }

  @Test
  void aTableMostOfWhoseSumsFailIsCountedAsNotUnderstoodAndNotFlagged() throws Exception {
    // a coded table whose 款 and rows add up almost nowhere: misread, not nine errors of the report
    Path src = Files.createDirectories(tmp.resolve("misread"));
    Files.writeString(
        src.resolve("budget.txt"),
        "某区水务局2026年部门预算\n一、收支预算总体情况\n2026年度收入预算 100.00 万元，支出预算 100.00 万元。\n"
            + "二、预算表\n表 3 一般公共预算支出表\n单位：万元\n"
            + "科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
            + "201\t一般公共服务支出\t100.00\t60.00\t40.00\n"
            + "20101\t人大事务\t10.00\t7.00\t9.00\n"
            + "2010101\t行政运行\t3.00\t1.00\t1.00\n"
            + "2010102\t一般行政管理事务\t1.00\t2.00\t5.00\n");
    String index = tmp.resolve("ix").toString();
    assertEquals(0, run("index", "--index", index, src.toString()));
    assertTrue(
        out.toString()
            .contains(
                "tables:     1 of 1 summed not understood, in 1 report (most of their sums fail:"
                    + " misread, nothing flagged)\n"),
        out.toString());
    try (var store = org.gongkai.index.IndexStore.openForReading(Path.of(index))) {
      String docId = store.documents().get(0).docId();
      assertEquals(List.of(), store.flags(docId));
    }
  }

  @Test
  void indexExitsThreeWhenSomeFilesFailAndNamesThem() throws Exception {
    Path src = Files.createDirectories(tmp.resolve("src"));
    Files.copy(Path.of("corpus/seeds/003_630d0209e54699b1.txt"), src.resolve("good.txt"));
    Files.write(src.resolve("locked.pdf"), new byte[0]);
    assertEquals(3, run("index", "--index", tmp.resolve("ix").toString(), src.toString()));
    assertTrue(out.toString().contains("indexed:    1\n"), out.toString());
    assertTrue(
        out.toString()
            .contains("failed:     1\n  " + src.resolve("locked.pdf") + ": empty file (0 bytes)\n"),
        out.toString());
    assertEquals(
        "gongkai: " + src.resolve("locked.pdf") + ": empty file (0 bytes)\n", err.toString());
  }

  @Test
  void indexNamesEachDuplicateWithItsOriginalAndEachSkippedFile() throws Exception {
    Path a = Files.createDirectories(tmp.resolve("src/a"));
    Path b = Files.createDirectories(tmp.resolve("src/b"));
    Files.copy(Path.of("corpus/formats/000_988c7a9063883e3f.pdf"), a.resolve("report.pdf"));
    Files.copy(Path.of("corpus/formats/000_988c7a9063883e3f.pdf"), b.resolve("copy.pdf"));
    Files.copy(Path.of("corpus/formats/004_37d039dcb8ad6afc.html"), a.resolve("page.html"));
    Files.copy(Path.of("corpus/variants/004_37d039dcb8ad6afc.gbk.txt"), b.resolve("page.txt"));
    Files.writeString(a.resolve("notes.md"), "# notes");
    Files.write(b.resolve("photo.jpg"), new byte[] {(byte) 0xff, (byte) 0xd8});
    assertEquals(
        0, run("index", "--index", tmp.resolve("ix").toString(), tmp.resolve("src").toString()));
    String o = out.toString();
    assertEquals(
        "indexed:    2\n"
            + "  reports:  部门决算 2\n"
            + "unchanged:  0\n"
            + "duplicates: 2 (same bytes, or the same report in another format, as a file already"
            + " indexed)\n"
            + "  "
            + b.resolve("copy.pdf")
            + ": same bytes as "
            + a.resolve("report.pdf")
            + "\n"
            + "  "
            + b.resolve("page.txt")
            + ": same report as "
            + a.resolve("page.html")
            + "\n"
            + "skipped:    2 (not a supported file type)\n"
            + "  "
            + a.resolve("notes.md")
            + ": not a supported file type\n"
            + "  "
            + b.resolve("photo.jpg")
            + ": not a supported file type\n"
            + "failed:     0\n",
        o.substring(0, o.indexOf("index:      ")));
    // what each file became, in the index folder: its outcome, role, kind, year, region, issuer,
    // figures and flags, and why it was not read on its own (#67)
    List<String> manifest = new java.util.ArrayList<>();
    for (String line : Files.readAllLines(tmp.resolve("ix/manifest.tsv"))) {
      String[] c = line.split("\t", -1);
      manifest.add(
          String.join(
              " | ",
              c[0].replace(tmp.toString(), "~"),
              c[2],
              c[3],
              c[4],
              c[5],
              c[6],
              c[7],
              c[10],
              c[11],
              c[12].replace(tmp.toString(), "~")));
    }
    assertEquals(
        List.of(
            "file | outcome | role | kind | year | region | issuer | figures | flags | reason",
            "~/src/a/notes.md | skipped |  |  |  |  |  | 0 | 0 | not a supported file type",
            "~/src/a/page.html | indexed | report | 部门决算 | 2023 | 湖北省/鄂州市/鄂城区 | 鄂城区总工会 | 22 | 11 | ",
            "~/src/a/report.pdf | indexed | report | 部门决算 | 2024 | 湖北省/武汉市/汉阳区 | 武汉市汉阳区总工会 | 21 | 1 | ",
            "~/src/b/copy.pdf | copy | report | 部门决算 | 2024 | 湖北省/武汉市/汉阳区 | 武汉市汉阳区总工会 | 21 | 1"
                + " | same bytes as ~/src/a/report.pdf",
            "~/src/b/page.txt | copy | report | 部门决算 | 2023 | 湖北省/鄂州市/鄂城区 | 鄂城区总工会 | 22 | 11"
                + " | same report as ~/src/a/page.html",
            "~/src/b/photo.jpg | skipped |  |  |  |  |  | 0 | 0 | not a supported file type"),
        manifest);
    // and, asked for, as JSON wherever the newsroom wants it; a second run says the same
    out.getBuffer().setLength(0);
    assertEquals(
        0,
        run(
            "index",
            "--index",
            tmp.resolve("ix").toString(),
            "--manifest",
            tmp.resolve("out/manifest.json").toString(),
            tmp.resolve("src").toString()));
    var json =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(tmp.resolve("out/manifest.json").toFile());
    assertEquals(6, json.size());
    assertEquals("same bytes as " + a.resolve("report.pdf"), json.get(3).get("reason").asText());
    assertEquals(2024, json.get(3).get("year").asInt());
    assertEquals(
        Files.readAllLines(tmp.resolve("ix/manifest.tsv")).size(),
        json.size() + 1,
        "the same rows");
    // a later run given one file (as a watch's runs are): the files not read before are still
    // listed while they are there, and leave the list when they go
    assertEquals(
        0,
        run("index", "--index", tmp.resolve("ix").toString(), a.resolve("page.html").toString()));
    java.util.function.Supplier<List<String>> notRead =
        () -> {
          try {
            return Files.readAllLines(tmp.resolve("ix/manifest.tsv")).stream()
                .filter(l -> l.contains("\tskipped\t"))
                .map(l -> Path.of(l.split("\t")[0]).getFileName().toString())
                .toList();
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        };
    assertEquals(List.of("notes.md", "photo.jpg"), notRead.get());
    Files.delete(a.resolve("notes.md"));
    assertEquals(
        0,
        run("index", "--index", tmp.resolve("ix").toString(), a.resolve("page.html").toString()));
    assertEquals(List.of("photo.jpg"), notRead.get());
  }

  @Test
  void aWebPageThatOnlyOffersItsReportAsAFileIsNamedNotIndexed() throws Exception {
    Path src = Files.createDirectories(tmp.resolve("src"));
    Files.copy(Path.of("corpus/seeds/003_630d0209e54699b1.txt"), src.resolve("good.txt"));
    // a county bureau's page: its title, a date, a line of words, and the report as an attachment
    Files.writeString(
        src.resolve("page.html"),
        "<html><head><title>示例县农业农村局2025年部门预算公开</title></head><body>"
            + "<h1>示例县农业农村局2025年部门预算公开</h1><p>发布时间：2025-02-10</p>"
            + "<p>根据预算公开的有关规定，现将本局2025年部门预算予以公开，详见附件。</p>"
            + "<p>附件：<a href=\"/files/2025budget.pdf\">示例县农业农村局2025年部门预算.pdf</a></p>"
            + "</body></html>");
    assertEquals(0, run("index", "--index", tmp.resolve("ix").toString(), src.toString()));
    assertTrue(out.toString().contains("indexed:    1\n"), out.toString());
    assertTrue(
        out.toString()
            .contains(
                "landing pages: 1 (web pages that only offer their report as a file; index the file)\n  "
                    + src.resolve("page.html")
                    + ": a page that only links to its report: 示例县农业农村局2025年部门预算.pdf\n"),
        out.toString());
    assertTrue(out.toString().contains("failed:     0\n"), out.toString());
  }

  @Test
  void indexExitsTwoOnUsageErrors() {
    assertEquals(2, run("index", "--index", tmp.resolve("ix").toString()));
    assertEquals(2, run("index", "--index", tmp.resolve("ix").toString(), "no/such/folder"));
    assertEquals("gongkai: no such file or folder: no/such/folder\n", err.toString());
    assertEquals(2, run("index", "--bogus", "corpus"));
  }

  @Test
  void aRegionOfSeparatorsAloneIsUnknownNotAStackTrace() throws Exception {
    String index = tmp.resolve("ix").toString();
    assertEquals(0, run("index", "--index", index, "corpus/formats"));
    for (String region : List.of("/", "//", "›", "／")) {
      assertEquals(0, run("search", "--index", index, "--region", region, "三公"), err.toString());
      assertEquals(
          "note: Unknown region \"" + region + "\": no province, city or county has that name.\n",
          err.toString());
      assertTrue(out.toString().startsWith("0 sections"), out.toString());
    }
  }

  /** A damaged RAR is one line of ours on stderr, not the archive library's stack trace. */
  @Test
  void aDamagedRarIsOneLineNotALibrarysStackTrace() throws Exception {
    Path folder = Files.createDirectories(tmp.resolve("rars"));
    byte[] bad = new byte[256];
    new java.util.Random(7).nextBytes(bad);
    byte[] magic = "Rar!\u001a\u0007\u0000".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    System.arraycopy(magic, 0, bad, 0, magic.length);
    Files.write(folder.resolve("bad.rar"), bad);
    java.io.PrintStream before = System.err;
    java.io.ByteArrayOutputStream console = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(console, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      assertEquals(3, run("index", "--index", tmp.resolve("ix").toString(), folder.toString()));
    } finally {
      System.setErr(before);
    }
    assertEquals("", console.toString(java.nio.charset.StandardCharsets.UTF_8));
    assertTrue(err.toString().contains(folder.resolve("bad.rar").toString()), err.toString());
    assertEquals(1, err.toString().lines().count(), "[" + err + "]");
  }

  @Test
  void searchJsonHasTheDocumentedShape() throws Exception {
    String index = tmp.resolve("ix").toString();
    assertEquals(0, run("index", "--index", index, "corpus/formats"));
    assertEquals(
        0,
        run(
            "search",
            "--index",
            index,
            "--json",
            "--size",
            "2",
            "--region",
            "湖北省",
            "--year",
            "2024",
            "\"三公经费\""));
    JsonNode j = new ObjectMapper().readTree(out.toString());
    assertEquals(TestSupport.PAGE_KEYS, keys(j));
    assertEquals("\"三公经费\"", j.get("query").asText());
    assertEquals(5, j.get("total").asInt());
    assertEquals(2, j.get("hits").size());
    JsonNode hit = j.get("hits").get(0);
    assertEquals(TestSupport.HIT_KEYS, keys(hit));
    assertEquals(6, hit.get("page").asInt());
    assertEquals("52bbe3626a4811c6-3.9", hit.get("id").asText());
    assertEquals("/s/52bbe3626a4811c6-3.9", hit.get("url").asText());
    assertEquals(
        "{\"code\":\"420105\",\"province\":\"湖北省\",\"city\":\"武汉市\",\"county\":\"汉阳区\"}",
        hit.get("region").toString());
    assertEquals(2024, hit.get("year").asInt());
    assertEquals("部门决算", hit.get("kind").asText());
    assertEquals("总工会", hit.get("department").asText());
    assertEquals("三公经费", hit.get("category").asText());
    assertEquals("[\"第三部分 2024 年度部门决算情况说明\"]", hit.get("breadcrumb").toString());
    assertTrue(
        hit.get("snippet").asText().contains("<mark>三公”经费</mark>"), hit.get("snippet").asText());
    assertEquals(
        List.of("region", "year", "category", "department", "kind", "missing", "check", "role"),
        keys(j.get("facets")));
    JsonNode hubei = j.at("/facets/region/0");
    assertEquals(List.of("value", "count", "path", "selected", "children"), keys(hubei));
    assertEquals(
        "湖北省 5 true",
        hubei.get("value").asText()
            + " "
            + hubei.get("count").asInt()
            + " "
            + hubei.get("selected").asBoolean());
    assertEquals("{\"region\":[\"湖北省\"],\"year\":[\"2024\"]}", j.get("selected").toString());
  }

  @Test
  void searchWithoutAnIndexSaysHowToBuildOne() {
    assertEquals(1, run("search", "--index", tmp.resolve("none").toString(), "三公"));
    assertTrue(err.toString().startsWith("gongkai: no index at "), err.toString());
    assertEquals(2, run("search", "--sort", "price", "三公"));
  }
}
