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
 * report (so sums still add up), some body paragraphs swapped or dropped. A tenth of the reports
 * are written as PDF and a tenth as DOCX, the rest as UTF-8 text. The same seed always gives the
 * same corpus.
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
  static final double PDF_SHARE = 0.1;
  static final double DOCX_SHARE = 0.1;

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

  public SyntheticCorpus(List<Seed> seeds, Gazetteer gazetteer) {
    this.seeds = List.copyOf(seeds);
    this.counties = gazetteer.counties();
  }

  /**
   * Writes documents {@code from} (inclusive) to {@code to} (exclusive) of the corpus for {@code
   * seed}.
   */
  public List<Path> write(Path dir, int from, int to, long seed) throws IOException {
    Files.createDirectories(dir);
    List<Path> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      Random r = new Random(seed * 1_000_003L + i);
      String text = report(r);
      String name = String.format("synth-%07d", i);
      double format = r.nextDouble();
      String extension =
          format < PDF_SHARE ? ".pdf" : format < PDF_SHARE + DOCX_SHARE ? ".docx" : ".txt";
      Path file = dir.resolve(name + extension);
      if (Files.exists(file)) { // the same seed writes the same file: reuse it
        out.add(file);
        continue;
      }
      if (extension.equals(".pdf")) {
        SimplePdf.write(file, text);
      } else if (extension.equals(".docx")) {
        writeDocx(file, text);
      } else {
        Files.writeString(file, text, StandardCharsets.UTF_8);
      }
      out.add(file);
    }
    return out;
  }

  /** One report: a seed with a new issuer, region, department, year and scale. */
  String report(Random r) {
    Seed s = seeds.get(r.nextInt(seeds.size()));
    Gazetteer.Division county = counties.get(r.nextInt(counties.size()));
    String department = DEPARTMENTS.get(r.nextInt(DEPARTMENTS.size()));
    int year = 2015 + r.nextInt(11);
    double scale = 0.2 + r.nextDouble() * 4.8;
    String text = s.text();
    Region old = s.meta().region().region();
    Region now = county.region();
    if (s.meta().issuer() != null) text = text.replace(s.meta().issuer(), place(now) + department);
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
    return shuffle(text, r);
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
  private static void writeDocx(Path file, String text) throws IOException {
    ByteArrayOutputStream poi = new ByteArrayOutputStream();
    try (XWPFDocument doc = new XWPFDocument()) {
      doc.getProperties().getCoreProperties().setCreated(Optional.of(new Date(FIXED_TIME)));
      for (String line : text.split("\n")) doc.createParagraph().createRun().setText(line);
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

  private static String replace(
      Pattern p, String text, java.util.function.Function<Matcher, String> f) {
    Matcher m = p.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) m.appendReplacement(sb, Matcher.quoteReplacement(f.apply(m)));
    m.appendTail(sb);
    return sb.toString();
  }
}
