package org.gongkai.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Department budgets written for the purpose from the project fixtures (docs/projects.md's
 * layouts): 武汉市港务局's of 2025 and 2026 (its 航道疏浚维护 100 万元 more in 2026, every total moved with it)
 * and 杭州市气候服务局's of 2026, each with a title and a sentence of totals.
 */
public final class ProjectFixtures {

  private ProjectFixtures() {}

  static final Path FIXTURES = Path.of("src/test/resources/fixtures/projects");

  public static void write(Path corpus) throws Exception {
    String port = Files.readString(FIXTURES.resolve("units-and-wraps.txt"));
    Files.writeString(
        corpus.resolve("武汉市港务局2026年部门预算.txt"),
        report("武汉市港务局", "2026", "108,496.17", port.replace("示例市", "武汉市")),
        StandardCharsets.UTF_8);
    String earlier =
        port.replace("示例市", "武汉市")
            .replace("2026", "2025")
            .replace("108,496.17", "108,396.17")
            .replace("\t108,496.1\n", "\t108,396.1\n")
            .replace("\t102,150.50\t", "\t102,050.50\t")
            .replace("（本级）\t1,650.50\t1,650.50", "（本级）\t1,550.50\t1,550.50")
            .replace("航道疏浚维护\t1,200.00\t1,200.00", "航道疏浚维护\t1,100.00\t1,100.00");
    Files.writeString(
        corpus.resolve("武汉市港务局2025年部门预算.txt"),
        report("武汉市港务局", "2025", "108,396.17", earlier),
        StandardCharsets.UTF_8);
    String climate = Files.readString(FIXTURES.resolve("units-column-and-targets.txt"));
    Files.writeString(
        corpus.resolve("杭州市气候服务局2026年部门预算.txt"),
        report("杭州市气候服务局", "2026", "2,031.30", climate.replace("示例市", "杭州市")),
        StandardCharsets.UTF_8);
  }

  /**
   * A report's text as a plain-text file holds it: each line that is no table row a paragraph of
   * its own (a blank line after it), as a PDF's extraction gives its captions and wrapped cells,
   * since a text file's single line breaks are read as a paragraph's wrapping.
   */
  /**
   * The fixture's amounts wrapped around their rows (a head of digits above, the last digits below)
   * put back on one row: a text file's line starting with a tab would be read as the line before
   * going on (the reader's handling of wraps is {@code ProjectReaderTest}'s).
   */
  private static final java.util.regex.Pattern WRAPPED =
      java.util.regex.Pattern.compile(
          "([^\\t\\n]*)\\t([0-9,.]+)\\n([^\\t\\n]*)\\t\\t([^\\n]*)\\n([^\\t\\n]*)\\t(\\d{1,3})\\n");

  private static String report(String issuer, String year, String total, String text) {
    String body =
        WRAPPED
            .matcher(text)
            .replaceAll(
                m ->
                    java.util.regex.Matcher.quoteReplacement(
                        m.group(1)
                            + m.group(3)
                            + m.group(5)
                            + "\t"
                            + m.group(2)
                            + m.group(6)
                            + "\t"
                            + m.group(4)
                            + "\n"));
    StringBuilder lines = new StringBuilder();
    for (String line : body.split("\n"))
      lines.append(line).append(line.indexOf('\t') < 0 ? "\n\n" : "\n");
    return issuer
        + year
        + "年部门预算\n\n第一部分 部门概况\n一、主要职责\n"
        + issuer
        + "负责本市有关公共服务。\n第二部分 部门预算情况说明\n一、收支预算总体情况\n"
        + year
        + "年收入预算合计"
        + total
        + "万元，支出预算合计"
        + total
        + "万元。\n\n"
        + lines;
  }
}
