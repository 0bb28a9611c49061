package org.gongkai.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gongkai.ingest.DocumentIngestor;
import org.gongkai.model.IngestedDocument;
import org.gongkai.model.Project;
import org.gongkai.model.ProjectReading;

/**
 * {@code bench --projects DIR}: how many of each report's projects are read, against the count the
 * report states itself ({@code 设置并编报5个项目绩效目标}, {@code 编报绩效目标的项目共12个}) — a count made apart from the
 * tables, so it checks their reading. A report read twice (a byte-identical copy) counts once. And
 * the budget units each report says it covers, against the number it states ({@code 共计 8 家}), and
 * the items of its procurement table with the table's status (proven by its sums, or not). Writes
 * projects.tsv (one line a report) and projects.md.
 */
public final class ProjectCount {

  private final DocumentIngestor ingestor;
  private final PrintWriter log;

  public ProjectCount(DocumentIngestor ingestor, PrintWriter log) {
    this.ingestor = ingestor;
    this.log = log;
  }

  /** One report's projects as counted. */
  public record Line(
      String file,
      String issuer,
      int tables,
      String statuses,
      int read,
      int proven,
      int declared,
      BigDecimal declaredAmount,
      BigDecimal readAmount,
      String verdict,
      String unitLayout,
      int units,
      int unitsStated,
      String unitsAgreement,
      String purchaseStatus,
      int purchases) {}

  /** Every report's line, and the counts over them. */
  public record Result(List<Line> lines) {

    long withTable() {
      return lines.stream().filter(l -> l.read() > 0).count();
    }

    /** Reports stating their count whose projects were read: how many read exactly that count. */
    String markdown() {
      List<Line> stated = lines.stream().filter(l -> l.declared() > 0 && l.read() > 0).toList();
      long exact = stated.stream().filter(l -> l.verdict().equals("equal")).count();
      long declaredSum = stated.stream().mapToLong(Line::declared).sum();
      long readSum = stated.stream().mapToLong(l -> Math.min(l.read(), l.declared())).sum();
      long proven = lines.stream().mapToLong(Line::proven).sum();
      long read = lines.stream().mapToLong(Line::read).sum();
      long unreadDeclared = lines.stream().filter(l -> l.declared() > 0 && l.read() == 0).count();
      StringBuilder b = new StringBuilder();
      b.append("| what | count |\n|---|---|\n");
      b.append("| reports | ").append(lines.size()).append(" |\n");
      b.append("| reports with projects read | ").append(withTable()).append(" |\n");
      b.append("| projects read (proven by sums, parts or two sources) | ")
          .append(read)
          .append(" (")
          .append(proven)
          .append(") |\n");
      b.append("| reports stating a count, projects read | ").append(stated.size()).append(" |\n");
      b.append("| … read exactly the stated count | ").append(exact).append(" |\n");
      b.append("| … projects read of those stated (at most the stated per report) | ")
          .append(readSum)
          .append(" / ")
          .append(declaredSum)
          .append(declaredSum == 0 ? "" : String.format(" (%.1f%%)", 100.0 * readSum / declaredSum))
          .append(" |\n");
      b.append("| reports stating a count, no project read | ")
          .append(unreadDeclared)
          .append(" |\n");
      // the units each report covers, by how it lists them, and its stated number of them
      java.util.Map<String, long[]> layouts = new java.util.TreeMap<>();
      for (Line l : lines) {
        long[] c =
            layouts.computeIfAbsent(
                l.unitLayout().isEmpty() ? "(none read)" : l.unitLayout(), k -> new long[2]);
        c[0]++;
        c[1] += l.units();
      }
      for (var e : layouts.entrySet())
        b.append("| units: ")
            .append(e.getKey())
            .append(" (reports, units) | ")
            .append(e.getValue()[0])
            .append(", ")
            .append(e.getValue()[1])
            .append(" |\n");
      java.util.Map<String, long[]> procurement = new java.util.TreeMap<>();
      for (Line l : lines) {
        if (l.purchaseStatus().isEmpty()) continue;
        long[] c = procurement.computeIfAbsent(l.purchaseStatus(), k -> new long[2]);
        c[0]++;
        c[1] += l.purchases();
      }
      for (var e : procurement.entrySet())
        b.append("| procurement tables: ")
            .append(e.getKey())
            .append(" (reports, items) | ")
            .append(e.getValue()[0])
            .append(", ")
            .append(e.getValue()[1])
            .append(" |\n");
      b.append("| units: reports stating their number — the list agrees, differs | ")
          .append(lines.stream().filter(l -> l.unitsAgreement().equals("agrees")).count())
          .append(", ")
          .append(lines.stream().filter(l -> l.unitsAgreement().equals("differs")).count())
          .append(" |\n");
      return b.toString();
    }
  }

  public Result run(Path dir, List<Path> files, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
    try {
      List<Future<IngestedDocument>> futures = new ArrayList<>();
      for (Path f : files) futures.add(pool.submit(() -> ingest(f)));
      List<Line> lines = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < files.size(); i++) {
        IngestedDocument d = futures.get(i).get();
        if (d == null || !d.document().report() || !seen.add(d.document().sha256())) continue;
        if (d.document().kind() != null && d.document().kind().government()) continue;
        lines.add(line(dir.relativize(files.get(i)).toString(), d));
      }
      return new Result(lines);
    } finally {
      pool.shutdownNow();
    }
  }

  private IngestedDocument ingest(Path f) {
    try {
      return ingestor.ingest(f);
    } catch (Exception e) {
      synchronized (log) {
        log.println("gongkai: " + f + ": " + e.getMessage());
        log.flush();
      }
      return null;
    }
  }

  static Line line(String file, IngestedDocument d) {
    ProjectReading r = d.projects();
    int read = r.projects().size();
    int proven = (int) r.projects().stream().filter(p -> !p.proof().equals("stated")).count();
    BigDecimal readAmount = BigDecimal.ZERO;
    for (Project p : r.projects()) readAmount = readAmount.add(p.amount());
    ProjectReading.Declared first = r.declared().isEmpty() ? null : r.declared().get(0);
    int declared = first == null ? 0 : first.count();
    String verdict =
        declared == 0
            ? (read == 0 ? "none" : "unstated")
            : read == 0
                ? "unread"
                : read == declared ? "equal" : read < declared ? "fewer" : "more";
    StringBuilder statuses = new StringBuilder();
    for (ProjectReading.Table t : r.tables())
      statuses
          .append(statuses.length() == 0 ? "" : ",")
          .append(t.source())
          .append(':')
          .append(t.status());
    return new Line(
        file,
        d.document().issuer(),
        r.tables().size(),
        statuses.toString(),
        read,
        proven,
        declared,
        first == null ? null : first.amount(),
        readAmount,
        verdict,
        d.units().layout(),
        d.units().units().size(),
        d.units().stated() == null ? 0 : d.units().stated().count(),
        d.units().agreement(),
        d.purchases().tables().isEmpty() ? "" : d.purchases().tables().get(0).status(),
        d.purchases().items().size());
  }

  public static void write(Result r, Path out) throws IOException {
    Files.createDirectories(out);
    StringBuilder tsv =
        new StringBuilder(
            "file\tissuer\ttables\tstatuses\tread\tproven\tdeclared\tdeclaredAmount\treadAmount\tverdict"
                + "\tunitLayout\tunits\tunitsStated\tunitsAgreement\tpurchaseStatus\tpurchases\n");
    for (Line l : r.lines())
      tsv.append(
          String.join(
                  "\t",
                  l.file(),
                  String.valueOf(l.issuer()),
                  String.valueOf(l.tables()),
                  l.statuses(),
                  String.valueOf(l.read()),
                  String.valueOf(l.proven()),
                  String.valueOf(l.declared()),
                  l.declaredAmount() == null ? "" : l.declaredAmount().toPlainString(),
                  l.readAmount().toPlainString(),
                  l.verdict(),
                  l.unitLayout(),
                  String.valueOf(l.units()),
                  String.valueOf(l.unitsStated()),
                  l.unitsAgreement(),
                  l.purchaseStatus(),
                  String.valueOf(l.purchases()))
              + "\n");
    Files.writeString(out.resolve("projects.tsv"), tsv);
    Files.writeString(out.resolve("projects.md"), r.markdown());
  }

  /** The report's markdown counts. */
  public static String markdown(Result r) {
    return r.markdown();
  }
}
