package org.gongkai.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One made-up budget report ({@code fixtures/roles/report.txt}) published twice, as a portal does:
 * a web page of its words in the portal's chrome, and a PDF of the same words with its summary
 * table.
 */
public final class PageRolesFixtures {

  private PageRolesFixtures() {}

  public static final Path ROLES = Path.of("src/test/resources/fixtures/roles");

  private static List<String> lines() throws IOException {
    return Files.readAllLines(ROLES.resolve("report.txt"), StandardCharsets.UTF_8);
  }

  /** The report as the portal's web page shows it: each line a paragraph, in the site's chrome. */
  public static String reportPage() throws IOException {
    StringBuilder sb =
        new StringBuilder(
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>南漳县文化和旅游局2026年部门预算"
                + "_南漳县人民政府</title></head><body><div class=\"nav\"><a href=\"/\">首页</a> "
                + "<a href=\"/zwgk/\">政务公开</a> <a href=\"/zwgk/yjs/\">部门预决算</a></div>"
                + "<div class=\"article\">");
    List<String> lines = lines();
    sb.append("<h1>").append(lines.get(0)).append("</h1>");
    for (String line : lines.subList(1, lines.size())) sb.append("<p>").append(line).append("</p>");
    sb.append("</div><div class=\"foot\">主办：南漳县人民政府办公室</div></body></html>");
    return sb.toString();
  }

  /** The same report as a PDF: its words, then the summary table the page leaves out. */
  public static void reportPdf(Path file) throws IOException {
    String text =
        String.join("\n", lines())
            + "\n第三部分 2026年部门预算表\n"
            + "收支预算总表\n"
            + "单位：万元\n"
            + "项目\t预算数\t项目\t预算数\n"
            + "一般公共预算拨款收入\t1706.40\t文化旅游体育与传媒支出\t1678.90\n"
            + "事业收入\t150.00\t社会保障和就业支出\t177.50\n"
            + "收入合计\t1856.40\t支出合计\t1856.40\n";
    org.gongkai.bench.SimplePdf.write(file, text);
  }
}
