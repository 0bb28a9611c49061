package org.gongkai.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.gongkai.model.DisclosureDocument;
import org.gongkai.model.Region;
import org.gongkai.regions.Gazetteer;

/**
 * Writes realistic reports by varying the bundled ones: another issuer in a real county of any
 * province, another department, another year (2015–2025), every amount scaled by one factor per
 * report (so sums still add up), some body paragraphs swapped or dropped. A fifth of the reports
 * are written as PDF, a tenth as DOCX and a tenth as web pages, the rest as UTF-8 text (the seeds'
 * own texts, with their bookmarks, one-cell lines and rows of spaced words for the cleaner). The
 * laid-out formats are made from what ingest reads of a seed, so their tables are tables: in a PDF
 * each cell in its column, wrapped where too long, ruled as a grid (most), between rows or not at
 * all, running across pages, every page numbered; in a DOCX Word tables; in a web page HTML tables
 * inside a site's navigation, breadcrumbs and footer. The same seed always gives the same corpus.
 */
public final class SyntheticCorpus {

  static final List<String> DEPARTMENTS =
      List.of(
          "总工会",
          "教育局",
          "财政局",
          "卫生健康局",
          "民政局",
          "交通运输局",
          "农业农村局",
          "自然资源局",
          "住房和城乡建设局",
          "水利局",
          "文化和旅游局",
          "市场监督管理局",
          "人力资源和社会保障局",
          "生态环境局",
          "司法局",
          "统计局");
  static final double PDF_SHARE = 0.2;
  static final double DOCX_SHARE = 0.1;
  static final double HTML_SHARE = 0.1;

  /**
   * The corpus's version, in the names of the folders the benchmark keeps it in: a corpus written
   * by an older generator is not reused.
   */
  public static final int VERSION = 3;

  /** 2025-01-01T00:00:00Z, the time stamped into every generated DOCX. */
  private static final long FIXED_TIME = 1_735_689_600_000L;

  private static final Pattern MONEY = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(\\s*万元)");
  private static final Pattern YEAR = Pattern.compile("(20[12][0-9])(?=\\s*年)");
  private static final Pattern HEADING =
      Pattern.compile("^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\\d+[.、])");

  /** A seed report and what ingest read from it. */
  public record Seed(String text, DisclosureDocument meta) {}

  private final List<Seed> seeds;
  private final List<Gazetteer.Division> counties;
  private final boolean projectTables;

  public SyntheticCorpus(List<Seed> seeds, Gazetteer gazetteer) {
    this(seeds, gazetteer.counties(), false);
  }

  private SyntheticCorpus(
      List<Seed> seeds, List<Gazetteer.Division> counties, boolean projectTables) {
    this.seeds = List.copyOf(seeds);
    this.counties = counties;
    this.projectTables = projectTables;
  }

  /**
   * The same corpus with a project table in every report (#68: what reading projects costs the
   * index and ingest): its documents are others, kept in a folder of their own.
   */
  public SyntheticCorpus withProjectTables() {
    return new SyntheticCorpus(seeds, counties, true);
  }

  public boolean projectTables() {
    return projectTables;
  }

  /**
   * Writes documents {@code from} (inclusive) to {@code to} (exclusive) of the corpus for {@code
   * seed}.
   */
  public List<Path> write(Path dir, int from, int to, long seed) throws IOException {
    Files.createDirectories(dir);
    List<Path> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      // the seeds mixed first: java.util.Random's first draws from neighbouring seeds are close
      Random r = new Random(new java.util.SplittableRandom(seed * 1_000_003L + i).nextLong());
      double format = r.nextDouble();
      String extension =
          format < PDF_SHARE
              ? ".pdf"
              : format < PDF_SHARE + DOCX_SHARE
                  ? ".docx"
                  : format < PDF_SHARE + DOCX_SHARE + HTML_SHARE ? ".html" : ".txt";
      Report report = report(r, !extension.equals(".txt"));
      String name = String.format("synth-%07d", i);
      Path file = dir.resolve(name + extension);
      if (Files.exists(file)) { // the same seed writes the same file: reuse it
        out.add(file);
        continue;
      }
      switch (extension) {
        case ".pdf" -> SimplePdf.report(file, report.text(), rulings(r));
        case ".docx" -> writeDocx(file, report.text());
        case ".html" -> Files.writeString(file, page(report, r), StandardCharsets.UTF_8);
        default -> Files.writeString(file, report.text(), StandardCharsets.UTF_8);
      }
      out.add(file);
    }
    return out;
  }

  /** The text of document {@code i} of the corpus for {@code seed}, as {@link #write} writes it. */
  public String text(int i, long seed) {
    Random r = new Random(new java.util.SplittableRandom(seed * 1_000_003L + i).nextLong());
    boolean plain = r.nextDouble() >= PDF_SHARE + DOCX_SHARE + HTML_SHARE;
    return report(r, !plain).text();
  }

  /**
   * A report as written: its text, who issued it, for which year, and the site of the government of
   * its place (where a web page shows it).
   */
  record Report(String text, String issuer, int year, String site) {}

  /**
   * One report: a seed with a new issuer, region, department, year and scale; from the seed's text
   * as collected, or ({@code read}) as ingest read it, its tables as rows of cells.
   */
  Report report(Random r, boolean read) {
    Seed s = seeds.get(r.nextInt(seeds.size()));
    Gazetteer.Division county = counties.get(r.nextInt(counties.size()));
    String department = DEPARTMENTS.get(r.nextInt(DEPARTMENTS.size()));
    int year = 2015 + r.nextInt(11);
    double scale = 0.2 + r.nextDouble() * 4.8;
    String text = read ? s.meta().text() : s.text();
    Region old = s.meta().region().region();
    Region now = county.region();
    String issuer = place(now) + department;
    if (s.meta().issuer() != null) text = text.replace(s.meta().issuer(), issuer);
    if (old != null) {
      if (old.county() != null && now.county() != null)
        text = text.replace(old.county(), now.county());
      if (old.city() != null && now.city() != null) text = text.replace(old.city(), now.city());
      if (old.province() != null) text = text.replace(old.province(), now.province());
    }
    if (s.meta().departmentType() != null)
      text = text.replace(s.meta().departmentType(), department);
    int shift = s.meta().year() == null ? 0 : year - s.meta().year();
    text = replace(YEAR, text, m -> String.valueOf(Integer.parseInt(m.group(1)) + shift));
    text = replace(MONEY, text, m -> scaled(m.group(1), scale) + m.group(2));
    String site = (now.county() != null ? now.county() : now.city()) + "人民政府";
    text = shuffle(text, r);
    if (projectTables) text = text + "\n" + projectTable(r, year);
    return new Report(text, issuer, year, site);
  }

  private static final List<String> PROJECT_OBJECTS =
      List.of(
          "智慧城市", "档案", "办公楼", "信息系统", "公共文化", "河道", "道路", "校园", "社区", "养老服务", "应急物资", "森林防火",
          "农田水利", "污水管网", "政务服务", "食品安全", "职业技能", "法律援助", "统计调查", "网络安全");
  private static final List<String> PROJECT_WORKS =
      List.of("运行维护", "建设", "改造提升", "监测", "数字化", "宣传", "培训", "专项整治", "购买服务", "安全保障");
  private static final List<String> PROJECT_KINDS = List.of("", "项目", "经费", "专项资金", "工作经费");

  /**
   * A department's project table as the crawl's reports print one (#68): a 合计 row, then a row a
   * project, its amount its funding columns' sum; from three to thirty projects.
   */
  static String projectTable(Random r, int year) {
    int n = 3 + r.nextInt(28);
    List<String> rows = new ArrayList<>();
    java.util.Set<String> names = new java.util.HashSet<>();
    long[] sums = new long[4];
    for (int i = 0; i < n; i++) {
      String name =
          PROJECT_OBJECTS.get(r.nextInt(PROJECT_OBJECTS.size()))
              + PROJECT_WORKS.get(r.nextInt(PROJECT_WORKS.size()))
              + PROJECT_KINDS.get(r.nextInt(PROJECT_KINDS.size()));
      if (!names.add(name)) continue;
      long general = 100 + (long) (r.nextDouble() * 5_000_000); // in hundredths of 万元
      long fund = r.nextDouble() < 0.2 ? (long) (r.nextDouble() * 1_000_000) : 0;
      long other = r.nextDouble() < 0.3 ? (long) (r.nextDouble() * 500_000) : 0;
      long all = general + fund + other;
      sums[0] += all;
      sums[1] += general;
      sums[2] += fund;
      sums[3] += other;
      rows.add(name + "\t" + wan(all) + "\t" + wan(general) + "\t" + wan(fund) + "\t" + wan(other));
    }
    StringBuilder t = new StringBuilder();
    t.append("表9：").append(year).append("年项目支出预算表\n单位：万元\n");
    t.append("项目名称\t合计\t一般公共预算\t政府性基金预算\t其他资金\n");
    t.append("合计\t")
        .append(wan(sums[0]))
        .append("\t")
        .append(wan(sums[1]))
        .append("\t")
        .append(wan(sums[2]))
        .append("\t")
        .append(wan(sums[3]))
        .append("\n");
    for (String row : rows) t.append(row).append("\n");
    return t.toString();
  }

  /** Hundredths of 万元 written as a report writes 万元: 1,234.56 (0.00 for none). */
  private static String wan(long hundredths) {
    return String.format(java.util.Locale.ROOT, "%,d.%02d", hundredths / 100, hundredths % 100);
  }

  /** How a PDF's tables are ruled, one after another: most as grids, some by rows, some not. */
  private static List<SimplePdf.Ruling> rulings(Random r) {
    List<SimplePdf.Ruling> out = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      double p = r.nextDouble();
      out.add(
          p < 0.6
              ? SimplePdf.Ruling.GRID
              : p < 0.8 ? SimplePdf.Ruling.ROWS : SimplePdf.Ruling.NONE);
    }
    return out;
  }

  private static String place(Region r) {
    return (r.city() != null && !r.city().equals(r.province()) ? r.city() : "")
        + (r.county() != null ? r.county() : "");
  }

  private static String scaled(String number, double scale) {
    int decimals = number.contains(".") ? number.length() - number.indexOf('.') - 1 : 0;
    return new BigDecimal(number)
        .multiply(BigDecimal.valueOf(scale))
        .setScale(Math.max(decimals, 2), RoundingMode.HALF_UP)
        .toPlainString();
  }

  /** Swaps some neighbouring body paragraphs and drops a few; headings stay where they are. */
  private static String shuffle(String text, Random r) {
    String[] lines = text.split("\n", -1);
    List<String> out = new ArrayList<>(lines.length);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      boolean body =
          !line.isBlank() && !HEADING.matcher(line.strip()).find() && line.indexOf('\t') < 0;
      if (body && r.nextDouble() < 0.05) continue;
      if (body && i + 1 < lines.length && r.nextDouble() < 0.1) {
        String next = lines[i + 1];
        if (!next.isBlank() && !HEADING.matcher(next.strip()).find() && next.indexOf('\t') < 0) {
          out.add(next);
          out.add(line);
          i++;
          continue;
        }
      }
      out.add(line);
    }
    return String.join("\n", out);
  }

  /**
   * POI stamps the creation time into the core properties and every zip entry; both are pinned so
   * that the same seed writes the same bytes (POI has no option for this, hence the re-zip).
   */
  public static void writeDocx(Path file, String text) throws IOException {
    ByteArrayOutputStream poi = new ByteArrayOutputStream();
    try (XWPFDocument doc = new XWPFDocument()) {
      doc.getProperties().getCoreProperties().setCreated(Optional.of(new Date(FIXED_TIME)));
      for (TextBlock b : TextBlock.of(text)) {
        if (b.rows() == null) {
          doc.createParagraph().createRun().setText(b.line());
          continue;
        }
        // a Word table: every row as wide as the widest, a short row's last cells left empty
        int columns = b.rows().stream().mapToInt(row -> row.length).max().orElse(1);
        org.apache.poi.xwpf.usermodel.XWPFTable table = doc.createTable(b.rows().size(), columns);
        for (int i = 0; i < b.rows().size(); i++) {
          String[] cells = b.rows().get(i);
          for (int c = 0; c < cells.length; c++)
            table.getRow(i).getCell(c).getParagraphs().get(0).createRun().setText(cells[c].strip());
        }
      }
      doc.write(poi);
    }
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(poi.toByteArray()));
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        ZipEntry copy = new ZipEntry(e.getName());
        copy.setTime(FIXED_TIME);
        out.putNextEntry(copy);
        in.transferTo(out);
        out.closeEntry();
      }
    }
  }

  /**
   * A report as a government site shows it: the site's name, navigation and breadcrumbs, the
   * report's title, date and source, its text in paragraphs and HTML tables, a footer.
   */
  private static String page(Report report, Random r) {
    String title =
        report.text().lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
    String site = report.site();
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
        .append(escape(title))
        .append(" - ")
        .append(escape(site))
        .append("</title></head>\n<body>\n<div class=\"header\"><div class=\"logo\">")
        .append(escape(site))
        .append(
            "</div><ul class=\"nav\"><li><a href=\"/\">首页</a></li><li><a href=\"/zwgk/\">政务公开</a></li>")
        .append(
            "<li><a href=\"/zwfw/\">政务服务</a></li><li><a href=\"/hdjl/\">互动交流</a></li></ul></div>\n")
        .append(
            "<div class=\"crumb\">当前位置：<a href=\"/\">首页</a> &gt; <a href=\"/zwgk/\">政务公开</a> &gt; ")
        .append("<a href=\"/zwgk/czyjs/\">财政预决算</a></div>\n<div class=\"article\">\n<h1>")
        .append(escape(title))
        .append("</h1>\n<div class=\"info\">发布时间：")
        .append(
            String.format("%d-%02d-%02d", report.year() + 1, 1 + r.nextInt(12), 1 + r.nextInt(28)))
        .append(" 来源：")
        .append(escape(report.issuer()))
        .append("</div>\n<div class=\"content\">\n");
    boolean first = true;
    for (TextBlock b : TextBlock.of(report.text())) {
      if (b.rows() == null) {
        if (b.line().isBlank() || (first && b.line().strip().equals(title))) {
          first &= b.line().isBlank();
          continue;
        }
        first = false;
        html.append("<p>").append(escape(b.line())).append("</p>\n");
        continue;
      }
      html.append("<table border=\"1\" cellspacing=\"0\">\n");
      for (String[] row : b.rows()) {
        html.append("<tr>");
        for (String cell : row) html.append("<td>").append(escape(cell.strip())).append("</td>");
        html.append("</tr>\n");
      }
      html.append("</table>\n");
    }
    html.append("</div>\n</div>\n<div class=\"footer\"><p>主办：")
        .append(escape(site))
        .append("办公室 联系电话：0000-0000000</p><p>网站标识码 0000000000 备案号 0000000号</p></div>\n")
        .append("</body></html>\n");
    return html.toString();
  }

  private static String escape(String text) {
    return org.jsoup.nodes.Entities.escape(text);
  }

  private static String replace(
      Pattern p, String text, java.util.function.Function<Matcher, String> f) {
    Matcher m = p.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) m.appendReplacement(sb, Matcher.quoteReplacement(f.apply(m)));
    m.appendTail(sb);
    return sb.toString();
  }
}
