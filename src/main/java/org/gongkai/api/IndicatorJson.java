package org.gongkai.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.gongkai.model.IndicatorRow;
import org.gongkai.model.IndicatorValue;

/**
 * One indicator across documents as {@code /api/indicators} serves it, JSON or CSV — a public
 * contract. Both formats write the same {@link #COLUMNS} in the same order (JSON adds a few fields
 * after them); each column knows its JSON value and its CSV cell.
 */
public final class IndicatorJson {

  /** A column of the export: its name, its JSON value, its CSV cell. */
  private record Column(
      String name, Function<IndicatorRow, Object> json, Function<IndicatorRow, String> csv) {}

  private final ObjectMapper mapper;
  private final Wording wording;
  private final Hrefs hrefs;
  private final List<Column> columns;

  public IndicatorJson(ObjectMapper mapper, Wording wording, Hrefs hrefs) {
    this.mapper = mapper;
    this.wording = wording;
    this.hrefs = hrefs;
    this.columns =
        List.of(
            column("indicator", r -> r.value().indicator()),
            column("name", r -> r.value().name()),
            new Column("value", r -> r.value().value(), r -> Numbers.plain(r.value().value())),
            column("unit", r -> r.value().unit()),
            new Column(
                "valueWan",
                r -> r.value().valueWan(),
                r -> r.value().valueWan() == null ? "" : Numbers.plain(r.value().valueWan())),
            column("role", r -> r.value().role().label()),
            new Column(
                "headline", r -> r.value().headline(), r -> String.valueOf(r.value().headline())),
            column("docId", r -> r.value().docId()),
            column("sectionId", r -> r.value().sectionId()),
            column("url", r -> hrefs.figure(r.value())),
            new Column("issuer", IndicatorRow::issuer, r -> CsvCells.text(r.issuer())),
            new Column(
                "region",
                r -> RegionJson.of(mapper, r.region()),
                r -> r.region() == null ? "" : CsvCells.text(String.join("/", r.region().path()))),
            new Column(
                "year", IndicatorRow::year, r -> r.year() == null ? "" : r.year().toString()),
            new Column("source", r -> r.value().source(), r -> CsvCells.text(r.value().source())));
  }

  private static Column column(String name, Function<IndicatorRow, String> value) {
    return new Column(name, value::apply, r -> value.apply(r) == null ? "" : value.apply(r));
  }

  /** The export's column names, in order. */
  public List<String> columns() {
    return columns.stream().map(Column::name).toList();
  }

  /** The rows as JSON; flags worded in {@code locale}. */
  public ArrayNode json(List<IndicatorRow> rows, Locale locale) {
    ArrayNode array = mapper.createArrayNode();
    for (IndicatorRow r : rows) {
      ObjectNode o = array.addObject();
      for (Column c : columns) o.set(c.name(), mapper.valueToTree(c.json().apply(r)));
      o.put("docTitle", r.docTitle());
      o.put("asWritten", r.value().asWritten());
      o.put("sourceKind", r.value().sourceKind().code());
      r.flags().forEach(f -> o.withArray("flags").add(wording.flag(locale, f)));
    }
    return array;
  }

  /** The rows as CSV (with a byte-order mark, so spreadsheet programs read it as UTF-8). */
  public String csv(List<IndicatorRow> rows) {
    StringWriter out = new StringWriter();
    out.write('\ufeff');
    try (CSVPrinter csv =
        new CSVPrinter(
            out, CSVFormat.DEFAULT.builder().setHeader(columns().toArray(String[]::new)).build())) {
      for (IndicatorRow r : rows) {
        for (Column c : columns) csv.print(c.csv().apply(r));
        csv.println();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** One figure as {@code inspect --json} lists it. */
  static ObjectNode figure(ObjectMapper mapper, IndicatorValue v) {
    ObjectNode o = mapper.createObjectNode();
    o.put("indicator", v.indicator());
    o.put("name", v.name());
    o.put("value", v.value());
    o.put("unit", v.unit());
    if (v.valueWan() == null) o.putNull("valueWan");
    else o.put("valueWan", v.valueWan());
    o.put("role", v.role().label());
    o.put("headline", v.headline());
    o.put("sourceKind", v.sourceKind().code());
    o.put("sectionId", v.sectionId());
    o.put("asWritten", v.asWritten());
    o.put("start", v.start());
    o.put("end", v.end());
    o.put("source", v.source());
    return o;
  }
}
