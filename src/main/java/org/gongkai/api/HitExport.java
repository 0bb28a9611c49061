package org.gongkai.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.gongkai.model.Region;
import org.gongkai.model.SearchHit;

/**
 * Every hit of a search as CSV (RFC 4180, with a byte-order mark for spreadsheets) or as JSON
 * Lines: one row per section with its permalink, report, region path and code, year, kind,
 * category, heading, page and snippet as plain text. When the cap is reached, the file's last row
 * says so.
 */
public final class HitExport implements AutoCloseable {

  /** The columns of the CSV, and the keys of each JSON line. */
  public static final List<String> COLUMNS =
      List.of(
          "rank",
          "permalink",
          "docId",
          "title",
          "issuer",
          "region",
          "regionCode",
          "year",
          "kind",
          "department",
          "category",
          "heading",
          "page",
          "ocr",
          "snippet",
          "collection");

  private final Writer out;
  private final boolean csv;
  private final CSVPrinter printer;
  private final ObjectMapper mapper;

  /** JSON Lines: one object per line, however the portal's JSON is indented. */
  private final com.fasterxml.jackson.databind.ObjectWriter line;

  private final java.util.function.UnaryOperator<String> permalink;
  private final Hrefs hrefs;
  private final java.util.function.UnaryOperator<String> collections;
  private long rank;

  /**
   * An export to {@code out}; {@code format} is {@code csv} or {@code jsonl}; {@code absolute}
   * makes a path absolute (with the portal's public address).
   */
  public HitExport(
      Writer out,
      String format,
      ObjectMapper mapper,
      Hrefs hrefs,
      java.util.function.UnaryOperator<String> absolute)
      throws IOException {
    this(out, format, mapper, hrefs, absolute, key -> key);
  }

  /**
   * The same; {@code collections} names a private collection by its storage key (its name marks
   * each of its rows: {@code collection}, empty for a public report's).
   */
  public HitExport(
      Writer out,
      String format,
      ObjectMapper mapper,
      Hrefs hrefs,
      java.util.function.UnaryOperator<String> absolute,
      java.util.function.UnaryOperator<String> collections)
      throws IOException {
    this.collections = collections;
    this.out = out;
    this.csv = format.equals("csv");
    this.mapper = mapper;
    this.line =
        mapper.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
    this.hrefs = hrefs;
    this.permalink = absolute;
    if (csv) {
      out.write('\ufeff');
      printer = new CSVPrinter(out, CSVFormat.RFC4180);
      printer.printRecord(COLUMNS);
    } else {
      printer = null;
    }
  }

  public void write(SearchHit h) throws IOException {
    rank++;
    Region r = h.region();
    String region = r == null ? null : String.join("/", r.path());
    String snippet = h.snippet().text().replaceAll("\\s+", " ").strip();
    String link = permalink.apply(hrefs.section(h.id()));
    if (csv) {
      printer.printRecord(
          rank,
          link,
          h.docId(),
          CsvCells.text(h.docTitle()),
          CsvCells.text(h.issuer()),
          region,
          r == null ? null : r.code(),
          h.year(),
          h.kind(),
          h.department(),
          h.category(),
          CsvCells.text(h.heading()),
          h.page() > 0 ? h.page() : null,
          h.ocr(),
          CsvCells.text(snippet),
          h.collection() == null ? null : CsvCells.text(collections.apply(h.collection())));
    } else {
      ObjectNode o = mapper.createObjectNode();
      o.put("rank", rank);
      o.put("permalink", link);
      o.put("docId", h.docId());
      o.put("title", h.docTitle());
      o.put("issuer", h.issuer());
      o.put("region", region);
      o.put("regionCode", r == null ? null : r.code());
      if (h.year() == null) o.putNull("year");
      else o.put("year", h.year());
      o.put("kind", h.kind());
      o.put("department", h.department());
      o.put("category", h.category());
      o.put("heading", h.heading());
      if (h.page() > 0) o.put("page", h.page());
      else o.putNull("page");
      o.put("ocr", h.ocr());
      o.put("snippet", snippet);
      if (h.collection() == null) o.putNull("collection");
      else o.put("collection", collections.apply(h.collection()));
      out.write(line.writeValueAsString(o));
      out.write('\n');
    }
  }

  /** Ends the file; when fewer rows than {@code total} were written, a last row says so. */
  public void finish(long total, int cap) throws IOException {
    if (total > rank && rank >= cap) {
      String note =
          "export stopped at the cap of "
              + cap
              + " rows; the search has "
              + total
              + " hits: narrow it (by region or year) to export the rest";
      if (csv) printer.printRecord("#", note);
      else
        out.write(
            line.writeValueAsString(
                    mapper
                        .createObjectNode()
                        .put("truncated", true)
                        .put("rows", rank)
                        .put("total", total)
                        .put("cap", cap)
                        .put("note", note))
                + "\n");
    }
  }

  @Override
  public void close() throws IOException {
    if (printer != null) printer.flush();
    out.flush();
  }
}
