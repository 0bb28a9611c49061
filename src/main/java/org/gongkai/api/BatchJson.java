package org.gongkai.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.gongkai.model.BatchTable;

/**
 * A batch search as JSON ({@code POST /api/batch}) — {@code {"by", "columns": [...], "rows":
 * [{"query", "total", "url", "counts": {column: n}, "urls": {column: search}, "messages"}]}}, a
 * count for every column (0 included; {@code 其他}'s url null) — and as CSV (a row per query: query,
 * total, one column per value, the search's link).
 */
public final class BatchJson {

  /** The search a count links to: the query with the column's value selected (null: all). */
  @FunctionalInterface
  public interface SearchHref {
    String of(String query, String column);
  }

  private final ObjectMapper mapper;
  private final Wording wording;

  public BatchJson(ObjectMapper mapper, Wording wording) {
    this.mapper = mapper;
    this.wording = wording;
  }

  public ObjectNode json(BatchTable t, SearchHref href) {
    ObjectNode o = mapper.createObjectNode();
    o.put("by", t.by());
    o.put("folded", t.folded());
    ArrayNode columns = o.putArray("columns");
    t.columns().forEach(columns::add);
    ArrayNode rows = o.putArray("rows");
    for (BatchTable.Row r : t.rows()) {
      ObjectNode row = rows.addObject();
      row.put("query", r.query());
      row.put("total", r.total());
      row.put("url", href.of(r.query(), null));
      ObjectNode counts = row.putObject("counts");
      ObjectNode urls = row.putObject("urls");
      for (String c : t.columns()) {
        counts.put(c, r.counts().getOrDefault(c, 0L));
        // 其他 (in no column's region, or the columns beyond those shown) is no selection a search
        // can make
        if (BatchTable.remainder(c)) urls.putNull(c);
        else urls.put(c, href.of(r.query(), c));
      }
      ArrayNode messages = row.putArray("messages");
      r.notices().forEach(n -> messages.add(wording.notice(Locale.ENGLISH, n)));
    }
    return o;
  }

  /** The CSV (RFC 4180, byte-order mark): query, total, a column per value (0 where none), link. */
  public static String csv(BatchTable t, SearchHref href) {
    StringWriter out = new StringWriter();
    out.write('\ufeff');
    try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
      List<String> head = new ArrayList<>();
      head.add("query");
      head.add("total");
      head.addAll(t.columns());
      head.add("search");
      csv.printRecord(head.stream().map(CsvCells::text).toList());
      for (BatchTable.Row r : t.rows()) {
        List<Object> cells = new ArrayList<>();
        cells.add(CsvCells.text(r.query()));
        cells.add(r.total());
        for (String c : t.columns()) cells.add(r.counts().getOrDefault(c, 0L));
        cells.add(href.of(r.query(), null));
        csv.printRecord(cells);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
