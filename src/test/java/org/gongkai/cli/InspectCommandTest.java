package org.gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return App.execute(new PrintWriter(out), new PrintWriter(err), args);
  }

  @Test
  void jsonHasTheDocumentedShape() throws Exception {
    assertEquals(0, run("inspect", "corpus/seeds/000_988c7a9063883e3f.txt", "--json"));
    JsonNode j = new ObjectMapper().readTree(out.toString());
    List<String> keys = new ArrayList<>();
    j.fieldNames().forEachRemaining(keys::add);
    assertEquals(
        List.of(
            "file",
            "sha256",
            "docId",
            "title",
            "issuer",
            "departmentType",
            "kind",
            "year",
            "region",
            "titleFrom",
            "issuerFrom",
            "yearFrom",
            "kindFrom",
            "regionFrom",
            "sections",
            "indicators",
            "flags",
            "ocrPages",
            "fileMetadata",
            "text",
            "role",
            "roleWhy",
            "projects",
            "units",
            "purchases"),
        keys);
    // the figures and flags index writes, exactly as the indicator golden file has them
    JsonNode golden =
        new ObjectMapper()
            .readTree(
                TestSupport.GOLDEN.resolve("indicators/000_988c7a9063883e3f.txt.json").toFile());
    List<String> expected = new ArrayList<>(), got = new ArrayList<>();
    for (JsonNode v : golden.get("headlines"))
      expected.add(v.get("indicator").asText() + "=" + v.get("asWritten").asText());
    for (JsonNode v : j.get("indicators"))
      if (v.get("headline").asBoolean())
        got.add(v.get("indicator").asText() + "=" + v.get("asWritten").asText());
    assertEquals(expected, got);
    // the flags, as the golden file has them: the last a notice that 汉阳区 names its tables and
    // shows none (they are pictures)
    assertEquals(golden.get("flags").size(), j.get("flags").size());
    JsonNode apart = j.get("flags").get(j.get("flags").size() - 1);
    assertEquals("tables_apart", apart.get("code").asText());
    assertEquals("notice", apart.get("severity").asText());
    assertEquals("completeness", apart.get("family").asText());
    assertEquals("title", j.get("issuerFrom").asText());
    assertEquals("issuer", j.get("regionFrom").asText());
    assertEquals("420105", j.at("/region/code").asText());
    assertEquals("汉阳区", j.at("/region/county").asText());
    assertEquals(2024, j.get("year").asInt());
    JsonNode threePublic = null;
    for (JsonNode s : j.get("sections")) if (s.get("path").asText().equals("3.9")) threePublic = s;
    List<String> sectionKeys = new ArrayList<>();
    threePublic.fieldNames().forEachRemaining(sectionKeys::add);
    assertEquals(
        List.of("id", "path", "level", "heading", "breadcrumb", "category", "start", "end"),
        sectionKeys);
    assertEquals("三公经费", threePublic.get("category").asText());
    assertEquals(
        "九、财政拨款“三公”经费支出决算情况说明",
        j.get("text")
            .asText()
            .substring(threePublic.get("start").asInt())
            .lines()
            .findFirst()
            .orElseThrow());
  }

  @Test
  void anUnreadableFileExitsNonZeroWithAOneLineReason(@TempDir Path dir) throws Exception {
    Path empty = Files.createFile(dir.resolve("空的 文件.pdf"));
    assertEquals(1, run("inspect", empty.toString()));
    assertEquals("gongkai: " + empty + ": empty file (0 bytes)\n", err.toString());
    assertEquals("", out.toString());
  }

  /**
   * Thousands of tables nested in one another overflowed POI's recursive reading: the file is
   * refused with one line, before POI reads it, and the next .docx is read as ever.
   */
  @Test
  void aDocxOfThousandsOfNestedTablesIsOneLineReason(@TempDir Path dir) throws Exception {
    Path docx = dir.resolve("nested.docx");
    int depth = 3_000;
    StringBuilder body = new StringBuilder("<w:p><w:r><w:t>某局2024年度部门决算</w:t></w:r></w:p>");
    body.append("<w:tbl><w:tr><w:tc>".repeat(depth));
    body.append("<w:p><w:r><w:t>收入合计100万元</w:t></w:r></w:p>");
    body.append("<w:p/></w:tc></w:tr></w:tbl>".repeat(depth));
    try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(docx))) {
      entry(
          zip,
          "[Content_Types].xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types"
              + " xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default"
              + " Extension=\"rels\""
              + " ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default"
              + " Extension=\"xml\" ContentType=\"application/xml\"/><Override"
              + " PartName=\"/word/document.xml\""
              + " ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
      entry(
          zip,
          "_rels/.rels",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships"
              + " xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship"
              + " Id=\"rId1\""
              + " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\""
              + " Target=\"word/document.xml\"/></Relationships>");
      entry(
          zip,
          "word/document.xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document"
              + " xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
              + body
              + "</w:body></w:document>");
    }
    assertEquals(1, run("inspect", docx.toString()));
    assertEquals(
        "gongkai: " + docx + ": refused: elements nested more than 100 levels deep\n",
        err.toString());
    // and a .docx read after it is read as ever (POI's lock was once left held by the overflow)
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    assertEquals(0, run("inspect", "corpus/formats/003_630d0209e54699b1.docx"), err.toString());
    out.getBuffer().setLength(0);
    assertEquals("", out.toString());
  }

  private static void entry(java.util.zip.ZipOutputStream zip, String name, String text)
      throws java.io.IOException {
    zip.putNextEntry(new java.util.zip.ZipEntry(name));
    zip.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  @Test
  void aMissingArgumentIsAUsageError() {
    assertEquals(2, run("inspect"));
  }

  @Test
  void theHumanReadableFormListsTheSectionTree() {
    assertEquals(0, run("inspect", "corpus/seeds/003_630d0209e54699b1.txt"));
    String text = out.toString();
    assertEquals(true, text.contains("region:      湖南省/怀化市/洪江管理区 (431271)"), text);
    assertEquals(true, text.contains("  6.1        （一）年度绩效目标及完成情况  [预算绩效]"), text);
  }
}
