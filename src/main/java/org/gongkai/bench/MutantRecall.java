package org.gongkai.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gongkai.ingest.DocumentIngestor;
import org.gongkai.model.IngestedDocument;

/**
 * Recall of the checks by planted errors ({@link Mutants}) over a folder of reports: every report
 * of it (or of one half of its cities, {@code work} or {@code check}, split as {@code
 * crawl-check.py --half} splits them: the first folder level is the city, even SHA-1 of its name is
 * {@code work}) read once, a few mutants of each kind planted from its own reads, each mutant's
 * figures and checks run on its own. Writes {@code mutants.tsv} (a line a mutant) and {@code
 * mutants.md} (recall per kind) and returns the summary.
 */
public final class MutantRecall {

  /** Mutants of each kind planted per report. */
  public static final int PER_KIND = 2;

  private final DocumentIngestor ingestor;
  private final PrintWriter log;

  public MutantRecall(DocumentIngestor ingestor, PrintWriter log) {
    this.ingestor = ingestor;
    this.log = log;
  }

  /**
   * Per kind: planted, caught, flagged elsewhere, missed, planted value a headline unflagged, and
   * the reads not planted in because nothing in their report confirms them ({@link Mutants#proof}).
   */
  public record Tally(
      int planted, int caught, int elsewhere, int missed, int headlineUnflagged, int unproven) {
    static final Tally NONE = new Tally(0, 0, 0, 0, 0, 0);

    Tally plus(Mutants.Outcome o) {
      return new Tally(
          planted + 1,
          caught + (o.caught() ? 1 : 0),
          elsewhere + (o.elsewhere() ? 1 : 0),
          missed + (!o.caught() && !o.elsewhere() ? 1 : 0),
          headlineUnflagged + (o.headlineUnflagged() ? 1 : 0),
          unproven);
    }

    Tally plus(Tally k) {
      return new Tally(
          planted + k.planted,
          caught + k.caught,
          elsewhere + k.elsewhere,
          missed + k.missed,
          headlineUnflagged + k.headlineUnflagged,
          unproven + k.unproven);
    }

    Tally unproven(int n) {
      return new Tally(planted, caught, elsewhere, missed, headlineUnflagged, unproven + n);
    }
  }

  /**
   * What a run measured: the reports read, those with mutants, the tally per kind, a line per
   * mutant, and a line per error or warning the reports as published raise (what a reader of the
   * checks' precision reads).
   */
  public record Result(
      int files,
      int reports,
      int mutated,
      Map<String, Tally> byKind,
      List<String> lines,
      List<String> published) {
    /** How many reports as published raise an error or a warning. */
    public long flaggedReports() {
      return published.stream().map(l -> l.substring(0, l.indexOf('\t'))).distinct().count();
    }

    public Tally all() {
      Tally t = Tally.NONE;
      for (Tally k : byKind.values()) t = t.plus(k);
      return t;
    }

    public String markdown() {
      StringBuilder b = new StringBuilder();
      b.append("| kind | planted | caught | recall | flagged elsewhere | missed |")
          .append(" planted value a headline, unflagged | reads nothing confirms (not planted) |\n")
          .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
      Map<String, Tally> rows = new LinkedHashMap<>(byKind);
      rows.put("all", all());
      rows.forEach(
          (k, t) ->
              b.append(
                  String.format(
                      Locale.ROOT,
                      "| %s | %d | %d | %s | %d | %d | %d | %d |%n",
                      k,
                      t.planted,
                      t.caught,
                      t.planted == 0
                          ? "–"
                          : String.format(Locale.ROOT, "%.1f%%", 100.0 * t.caught / t.planted),
                      t.elsewhere,
                      t.missed,
                      t.headlineUnflagged,
                      t.unproven)));
      b.append(
          String.format(
              Locale.ROOT,
              "%nfiles read: %d, reports: %d, reports with mutants: %d; as published: %d errors"
                  + " and warnings on %d reports%n",
              files,
              reports,
              mutated,
              published.size(),
              flaggedReports()));
      return b.toString();
    }
  }

  /** The files of {@code dir} in {@code half} (null: all), in path order. */
  public static List<Path> files(Path dir, String half) throws IOException {
    List<Path> out = new ArrayList<>();
    try (var walk = Files.walk(dir)) {
      walk.filter(Files::isRegularFile)
          .filter(
              p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return n.endsWith(".pdf")
                    || n.endsWith(".html")
                    || n.endsWith(".htm")
                    || n.endsWith(".txt")
                    || n.endsWith(".docx")
                    || n.endsWith(".doc");
              })
          .filter(p -> half == null || half.equals(halfOf(dir, p)))
          .sorted()
          .forEach(out::add);
    }
    return out;
  }

  /** {@code work} or {@code check}: the half of the city (first folder level) a file lies in. */
  static String halfOf(Path dir, Path file) {
    Path rel = dir.relativize(file);
    String city =
        rel.getNameCount() > 1
            ? rel.getName(0).toString()
            : dir.toAbsolutePath().normalize().getFileName().toString();
    try {
      byte[] sha =
          java.security.MessageDigest.getInstance("SHA-1")
              .digest(city.getBytes(StandardCharsets.UTF_8));
      return new java.math.BigInteger(1, sha).testBit(0) ? "check" : "work";
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Plants and judges the mutants of every report among {@code files}, on {@code threads}. */
  public Result run(Path dir, List<Path> files, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
    try {
      List<Future<Read>> futures = new ArrayList<>();
      for (Path f : files) futures.add(pool.submit(() -> mutate(f)));
      int reports = 0, mutated = 0;
      Map<String, Tally> byKind = new LinkedHashMap<>();
      for (Mutants.Kind k : Mutants.Kind.values()) byKind.put(k.code, Tally.NONE);
      List<String> lines = new ArrayList<>(), published = new ArrayList<>();
      for (int i = 0; i < files.size(); i++) {
        Read read = futures.get(i).get();
        if (read == null) continue;
        List<Mutants.Outcome> outcomes = read.outcomes();
        reports++;
        if (!outcomes.isEmpty()) mutated++;
        read.unproven()
            .forEach(
                (k, n) -> byKind.merge(k.code, Tally.NONE.unproven(n), (a, b) -> a.unproven(n)));
        String rel = dir.relativize(files.get(i)).toString();
        for (org.gongkai.model.IndicatorFlag f : read.base().flags()) {
          if (f.severity() == org.gongkai.model.IndicatorFlag.Severity.NOTICE) continue;
          published.add(
              String.join(
                  "\t",
                  rel,
                  f.severity().name(),
                  f.code(),
                  String.join(" | ", f.args()).replaceAll("[\\t\\n]", " ")));
        }
        for (Mutants.Outcome o : outcomes) {
          byKind.merge(o.mutant().kind().code, Tally.NONE, (a, b) -> a.plus(o));
          Mutants.Mutant m = o.mutant();
          lines.add(
              String.join(
                  "\t",
                  rel,
                  m.kind().code,
                  m.what().replaceAll("[\\t\\n]", " "),
                  String.valueOf(m.start()),
                  m.from(),
                  m.to(),
                  o.verdict(),
                  o.headlineUnflagged() ? "headline" : o.undecided() ? "undecided" : "",
                  String.join(",", o.flags())));
        }
      }
      return new Result(files.size(), reports, mutated, byKind, lines, published);
    } finally {
      pool.shutdownNow();
    }
  }

  /** A report as read, and what became of its mutants. */
  private record Read(
      IngestedDocument base, List<Mutants.Outcome> outcomes, Map<Mutants.Kind, Integer> unproven) {}

  /** A report's outcomes (empty: nothing to plant in); null for a file that is no report. */
  private Read mutate(Path file) {
    IngestedDocument base;
    try {
      base = ingestor.ingest(file);
    } catch (Exception | StackOverflowError e) {
      synchronized (log) {
        log.println("  skipped " + file.getFileName() + ": " + e.getMessage());
        log.flush();
      }
      return null;
    }
    if (!base.document().report() || base.figures().isEmpty()) return null;
    List<Mutants.Outcome> out = new ArrayList<>();
    Mutants.Plan plan = Mutants.plan(base, PER_KIND);
    for (Mutants.Mutant m : plan.mutants()) {
      IngestedDocument mutated =
          ingestor.figures(base.document().withText(Mutants.planted(base.document().text(), m)));
      out.add(Mutants.judge(base, mutated, m));
    }
    return new Read(base, out, plan.unproven());
  }

  /** Writes {@code mutants.tsv} and {@code mutants.md} into {@code out}. */
  public static void write(Result r, Path out) throws IOException {
    Files.createDirectories(out);
    List<String> tsv = new ArrayList<>();
    tsv.add("file\tkind\twhat\toffset\tfrom\tto\tverdict\theadline\tnew flags");
    tsv.addAll(r.lines());
    Files.write(out.resolve("mutants.tsv"), tsv, StandardCharsets.UTF_8);
    Files.writeString(out.resolve("mutants.md"), r.markdown(), StandardCharsets.UTF_8);
    List<String> flags = new ArrayList<>();
    flags.add("file\tseverity\tcode\targs");
    flags.addAll(r.published());
    Files.write(out.resolve("published-flags.tsv"), flags, StandardCharsets.UTF_8);
  }
}
