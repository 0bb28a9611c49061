package org.gongkai.manifest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gongkai.index.IndexStore;
import org.gongkai.ingest.Indexer;
import org.gongkai.ingest.IngestReport;
import org.gongkai.model.IndexedDocument;
import org.gongkai.model.IndexedFile;
import org.gongkai.model.IndicatorFlag;
import org.gongkai.model.IndicatorValue;

/**
 * What each file became, after an index run: every file the index holds — its SHA-256, the role its
 * document was given (a report, a list page, news …), the report's kind, year, region and issuer,
 * the document it joined, how many headline figures were read and how many errors and warnings its
 * checks raised — and every file the run did not index, with why (not a supported type, unreadable,
 * a landing page, a page with no text, failed). A misfiling (a city's budget filed as a
 * department's, a list page as a report) is seen the day it happens, without opening the portal
 * report by report. The public index's files only: a private collection's files are in its own
 * index, and never named here.
 */
public final class Manifest {

  /** The manifest every run writes into its index folder. */
  public static final String FILE_NAME = "manifest.tsv";

  /**
   * One file's line. {@code outcome}: indexed, copy (its report read from another file), or why
   * not.
   */
  public record Row(
      String file,
      String sha256,
      String outcome,
      String role,
      String kind,
      Integer year,
      String region,
      String issuer,
      String document,
      String title,
      int figures,
      int flags,
      String reason) {}

  /** The manifest's columns, in the order its files and exports write them. */
  public static final List<String> COLUMNS =
      List.of(
          "file",
          "sha256",
          "outcome",
          "role",
          "kind",
          "year",
          "region",
          "issuer",
          "document",
          "title",
          "figures",
          "flags",
          "reason");

  private Manifest() {}

  /** The rows of the index in {@code store} after the run {@code run}, ordered by file. */
  public static List<Row> rows(IndexStore store, IngestReport run) throws IOException {
    Map<String, IndexedDocument> docs = new HashMap<>();
    for (IndexedDocument d : store.documents()) docs.put(d.docId(), d);
    Map<String, String> copies = new HashMap<>();
    for (IngestReport.Copy c : run.copies())
      copies.put(c.file(), (c.sameBytes() ? "same bytes as " : "same report as ") + c.of());
    Map<String, int[]> counted = new HashMap<>();
    List<Row> rows = new ArrayList<>();
    List<IndexedFile> files = new ArrayList<>(store.files().values());
    files.sort(Comparator.comparing(IndexedFile::path));
    // a report's own file: the first of its files with its bytes (the rest are copies)
    Map<String, String> own = new HashMap<>();
    for (IndexedFile f : files) {
      IndexedDocument d = docs.get(f.docId());
      if (d != null && f.sha256().equals(d.sha256())) own.putIfAbsent(f.docId(), f.path());
    }
    for (IndexedFile f : files) {
      IndexedDocument d = docs.get(f.docId());
      if (d == null) continue; // a file an interrupted run recorded without its report
      int[] n = counted.get(f.docId());
      if (n == null) {
        n = counts(store, f.docId());
        counted.put(f.docId(), n);
      }
      String first = own.get(f.docId());
      boolean copy = !f.path().equals(first);
      String reason = copies.get(f.path());
      if (reason == null && copy && first != null)
        reason = (f.sha256().equals(d.sha256()) ? "same bytes as " : "same report as ") + first;
      rows.add(
          new Row(
              f.path(),
              f.sha256(),
              copy ? "copy" : "indexed",
              d.role().code(),
              d.kind(),
              d.year(),
              d.region() == null ? null : String.join("/", d.region().path()),
              d.issuer(),
              d.docId(),
              d.title(),
              n[0],
              n[1],
              reason));
    }
    for (String f : run.skippedFiles())
      rows.add(notIndexed(f, "skipped", "not a supported file type"));
    for (IngestReport.Failure f : run.unreadable())
      rows.add(notIndexed(f.file(), "skipped", f.reason()));
    for (IngestReport.Failure f : run.landingPages())
      rows.add(notIndexed(f.file(), "landing", f.reason()));
    for (IngestReport.Failure f : run.emptyPages())
      rows.add(notIndexed(f.file(), "empty", "a web page with no text of its own"));
    for (IngestReport.Failure f : run.failures())
      rows.add(notIndexed(f.file(), "failed", f.reason()));
    rows.sort(Comparator.comparing(Row::file).thenComparing(Row::outcome));
    return rows;
  }

  private static Row notIndexed(String file, String outcome, String reason) {
    String key = file;
    try {
      key = Indexer.key(Path.of(file));
    } catch (RuntimeException e) {
      // a name that is no path on this system: as the run named it
    }
    return new Row(key, null, outcome, null, null, null, null, null, null, null, 0, 0, reason);
  }

  /** A report's headline figures, and its errors and warnings (as the list of reports counts). */
  private static int[] counts(IndexStore store, String docId) throws IOException {
    int figures = 0, flags = 0;
    java.util.Set<String> headlines = new java.util.HashSet<>();
    for (IndicatorValue v : store.indicators(docId))
      if (v.headline() && headlines.add(v.indicator())) figures++;
    for (IndicatorFlag f : store.flags(docId))
      if (!f.check().equals("completeness") && f.severity() != IndicatorFlag.Severity.NOTICE)
        flags++;
    return new int[] {figures, flags};
  }

  /**
   * The rows of the index in {@code store} (kept in the folder {@code index}) after {@code run},
   * naming no file of a private collection — not even one the run skipped (its name may be a
   * source's): those are read into the collection's own index.
   */
  public static List<Row> publicRows(IndexStore store, IngestReport run, Path index)
      throws IOException {
    List<Row> rows = new ArrayList<>(rows(store, run));
    if (store.domain().isPublic()) {
      var routing = Indexer.Domains.beside(index).routing();
      rows.removeIf(row -> routing.of(row.file()).isPresent());
    }
    return rows;
  }

  /** Writes the index's manifest into its folder, {@link #FILE_NAME}; the rows written. */
  public static List<Row> writeInto(IndexStore store, IngestReport run, Path index)
      throws IOException {
    List<Row> rows = new ArrayList<>(publicRows(store, run, index));
    // a file an earlier run could not index, still there and not indexed since, is still so: a
    // watch's runs each read a few files, and the failed ones must not leave the list with the
    // next run
    java.util.Set<String> listed = new java.util.HashSet<>();
    for (Row r : rows) listed.add(r.file());
    var routing = Indexer.Domains.beside(index).routing();
    for (Row before : read(index.resolve(FILE_NAME)))
      if (before.file() != null
          && before.document() == null
          && !listed.contains(before.file())
          && routing.of(before.file()).isEmpty()
          && stillThere(before.file())) {
        rows.add(before);
        listed.add(before.file());
      }
    rows.sort(Comparator.comparing(Row::file).thenComparing(Row::outcome));
    write(rows, index.resolve(FILE_NAME));
    return rows;
  }

  /** Whether a file (or the archive holding a member) is still where a run found it. */
  private static boolean stillThere(String file) {
    int at = org.gongkai.model.ArchivePaths.memberAt(file);
    try {
      return Files.exists(Path.of(at > 0 ? file.substring(0, at) : file));
    } catch (RuntimeException notAPath) {
      return false;
    }
  }

  /** Writes {@code rows} to {@code out}: JSON where its name ends in .json, else TSV. */
  public static void write(List<Row> rows, Path out) throws IOException {
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    // written beside and moved in: a reader never sees half a manifest
    Path tmp = Files.createTempFile(parent, ".manifest", ".tmp");
    try {
      if (out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json"))
        Files.writeString(tmp, json(rows), StandardCharsets.UTF_8);
      else Files.writeString(tmp, tsv(rows), StandardCharsets.UTF_8);
      Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Tab-separated, a header line first; a tab or line break inside a value becomes a space. */
  static String tsv(List<Row> rows) {
    StringBuilder sb = new StringBuilder(String.join("\t", COLUMNS)).append('\n');
    for (Row r : rows) {
      List<Object> cells =
          List.of(
              cell(r.file()),
              cell(r.sha256()),
              cell(r.outcome()),
              cell(r.role()),
              cell(r.kind()),
              cell(r.year()),
              cell(r.region()),
              cell(r.issuer()),
              cell(r.document()),
              cell(r.title()),
              r.figures(),
              r.flags(),
              cell(r.reason()));
      for (int i = 0; i < cells.size(); i++) {
        if (i > 0) sb.append('\t');
        sb.append(cells.get(i));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static String cell(Object v) {
    return v == null ? "" : v.toString().replaceAll("[\\t\\r\\n]+", " ");
  }

  static String json(List<Row> rows) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ArrayNode out = mapper.createArrayNode();
    for (Row r : rows) {
      ObjectNode o = out.addObject();
      o.put("file", r.file());
      o.put("sha256", r.sha256());
      o.put("outcome", r.outcome());
      o.put("role", r.role());
      o.put("kind", r.kind());
      o.put("year", r.year());
      o.put("region", r.region());
      o.put("issuer", r.issuer());
      o.put("document", r.document());
      o.put("title", r.title());
      o.put("figures", r.figures());
      o.put("flags", r.flags());
      o.put("reason", r.reason());
    }
    return mapper.writeValueAsString(out) + "\n";
  }

  /**
   * The rows of a manifest file as {@link #write} wrote it in TSV (its columns found by the header,
   * so a later version's added column does not shift them); none when there is no such file.
   */
  public static List<Row> read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) return List.of();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty()) return List.of();
    List<String> header = List.of(lines.get(0).split("\t", -1));
    int[] at = new int[COLUMNS.size()];
    for (int i = 0; i < at.length; i++) at[i] = header.indexOf(COLUMNS.get(i));
    List<Row> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isEmpty()) continue;
      String[] c = line.split("\t", -1);
      java.util.function.IntFunction<String> v =
          i -> at[i] < 0 || at[i] >= c.length || c[at[i]].isEmpty() ? null : c[at[i]];
      rows.add(
          new Row(
              v.apply(0),
              v.apply(1),
              v.apply(2),
              v.apply(3),
              v.apply(4),
              number(v.apply(5)),
              v.apply(6),
              v.apply(7),
              v.apply(8),
              v.apply(9),
              number(v.apply(10)) == null ? 0 : number(v.apply(10)),
              number(v.apply(11)) == null ? 0 : number(v.apply(11)),
              v.apply(12)));
    }
    return rows;
  }

  private static Integer number(String s) {
    if (s == null) return null;
    try {
      return Integer.valueOf(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * The manifest in the index folder {@code index}, without any file a private collection routes to
   * its own index (a manifest written before a collection claimed those bytes names them).
   */
  public static List<Row> readPublic(Path index) throws IOException {
    List<Row> rows = new ArrayList<>(read(index.resolve(FILE_NAME)));
    var routing = Indexer.Domains.beside(index).routing();
    rows.removeIf(row -> row.file() != null && routing.of(row.file()).isPresent());
    return rows;
  }

  /** A row's value in {@code column} (one of {@link #COLUMNS}), as it sorts. */
  static Comparable<?> value(Row r, String column) {
    return switch (column) {
      case "file" -> r.file();
      case "sha256" -> r.sha256();
      case "outcome" -> r.outcome();
      case "role" -> r.role();
      case "kind" -> r.kind();
      case "year" -> r.year();
      case "region" -> r.region();
      case "issuer" -> r.issuer();
      case "document" -> r.document();
      case "title" -> r.title();
      case "figures" -> r.figures();
      case "flags" -> r.flags();
      case "reason" -> r.reason();
      default -> throw new IllegalArgumentException("no column " + column);
    };
  }

  /**
   * {@code rows} ordered by {@code column} (one of {@link #COLUMNS}), descending when asked; empty
   * values last either way, ties by file.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static List<Row> sorted(List<Row> rows, String column, boolean descending) {
    Comparator<Row> by =
        (a, b) -> {
          Comparable x = value(a, column), y = value(b, column);
          if (x == null || y == null) return x == null ? (y == null ? 0 : 1) : -1;
          int c = x.compareTo(y);
          return descending ? -c : c;
        };
    List<Row> out = new ArrayList<>(rows);
    out.sort(
        by.thenComparing(Row::file, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Row::outcome, Comparator.nullsLast(Comparator.naturalOrder())));
    return out;
  }

  /** {@code rows} as CSV (RFC 4180, a byte-order mark first so spreadsheets read it as UTF-8). */
  public static String csv(List<Row> rows) {
    java.io.StringWriter out = new java.io.StringWriter();
    out.write('\ufeff');
    try (org.apache.commons.csv.CSVPrinter csv =
        new org.apache.commons.csv.CSVPrinter(out, org.apache.commons.csv.CSVFormat.RFC4180)) {
      csv.printRecord(COLUMNS);
      for (Row r : rows) {
        List<Object> cells = new ArrayList<>();
        for (String c : COLUMNS) {
          Object v = value(r, c);
          // names and titles come from a crawl: none may start a spreadsheet formula
          cells.add(v == null ? "" : v instanceof String t ? org.gongkai.api.CsvCells.text(t) : v);
        }
        csv.printRecord(cells);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toString();
  }
}
