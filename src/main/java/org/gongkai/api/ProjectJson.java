package org.gongkai.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.gongkai.model.Project;
import org.gongkai.model.ProjectHit;
import org.gongkai.model.ProjectReading;

/**
 * A report's projects as JSON: each project, the tables they were read from, the report's count.
 */
public final class ProjectJson {

  private ProjectJson() {}

  public static ObjectNode reading(ObjectMapper mapper, ProjectReading r) {
    ObjectNode o = mapper.createObjectNode();
    ArrayNode projects = o.putArray("items");
    for (Project p : r.projects()) projects.add(project(mapper, p));
    ArrayNode tables = o.putArray("tables");
    for (ProjectReading.Table t : r.tables()) {
      ObjectNode to = tables.addObject();
      to.put("title", t.title());
      to.put("source", t.source());
      to.put("start", t.start());
      to.put("rows", t.rows());
      to.put("projects", t.projects());
      if (t.total() == null) to.putNull("total");
      else to.put("total", t.total().toPlainString());
      if (t.difference() == null) to.putNull("difference");
      else to.put("difference", t.difference().toPlainString());
      to.put("status", t.status());
    }
    ArrayNode declared = o.putArray("declared");
    for (ProjectReading.Declared d : r.declared()) {
      ObjectNode d0 = declared.addObject();
      d0.put("count", d.count());
      if (d.amount() == null) d0.putNull("amount");
      else d0.put("amount", d.amount().toPlainString());
      d0.put("asWritten", d.asWritten());
      d0.put("start", d.start());
      d0.put("end", d.end());
    }
    return o;
  }

  public static ObjectNode project(ObjectMapper mapper, Project p) {
    ObjectNode o = mapper.createObjectNode();
    o.put("name", p.name());
    o.put("key", p.key());
    o.put("unit", p.unit());
    o.put("amount", p.amount().toPlainString());
    o.put("asWritten", p.asWritten());
    o.put("scope", p.scope());
    o.put("target", p.target());
    o.put("source", p.source());
    o.put("title", p.title());
    o.put("start", p.start());
    o.put("end", p.end());
    o.put("proof", p.proof());
    return o;
  }

  /** A page of statements of {@code total}: each a project with its report and links. */
  public static ObjectNode list(
      ObjectMapper mapper,
      List<ProjectHit> hits,
      long total,
      int page,
      int size,
      Hrefs hrefs,
      UnaryOperator<String> absolute,
      UnaryOperator<String> collections) {
    ObjectNode o = mapper.createObjectNode();
    o.put("total", total);
    o.put("page", page);
    o.put("size", size);
    ArrayNode items = o.putArray("projects");
    for (ProjectHit h : hits) {
      ObjectNode p = project(mapper, h.project());
      p.put("url", absolute.apply(hrefs.project(h.project().key())));
      p.put("cellUrl", absolute.apply(cell(h, hrefs)));
      p.put("docId", h.docId());
      p.put("documentUrl", absolute.apply(hrefs.document(h.docId())));
      p.put("reportTitle", h.title());
      p.put("issuer", h.issuer());
      if (h.year() == null) p.putNull("year");
      else p.put("year", h.year());
      p.put("kind", h.kind());
      p.put("region", h.region());
      p.put("department", h.department());
      p.put("collection", h.collection() == null ? null : collections.apply(h.collection()));
      items.add(p);
    }
    return o;
  }

  /** Where a statement was read: its section with the name marked, or its report. */
  static String cell(ProjectHit h, Hrefs hrefs) {
    return h.sectionId() == null
        ? hrefs.document(h.docId())
        : hrefs.passage(h.sectionId(), h.project().start(), h.project().end());
  }

  /**
   * Statements as CSV (RFC 4180, with a byte-order mark), amounts in 万元 at full precision; a last
   * row says so when there are more than the rows given ({@code total}).
   */
  public static String csv(
      List<ProjectHit> hits,
      Hrefs hrefs,
      UnaryOperator<String> absolute,
      UnaryOperator<String> collections,
      long total) {
    StringWriter out = new StringWriter();
    out.write('\ufeff');
    try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
      csv.printRecord(
          "name",
          "key",
          "unit",
          "amount_wan",
          "as_written",
          "scope",
          "proof",
          "source",
          "table",
          "target",
          "issuer",
          "year",
          "kind",
          "region",
          "department",
          "report",
          "url",
          "cell_url",
          "document_url",
          "collection");
      for (ProjectHit h : hits) {
        Project p = h.project();
        // text cells made safe for spreadsheets (a name or a target read from an uploaded file may
        // begin with =, +, - or @); amounts as read
        csv.printRecord(
            CsvCells.text(p.name()),
            CsvCells.text(p.key()),
            CsvCells.text(p.unit()),
            p.amount().toPlainString(),
            CsvCells.text(p.asWritten()),
            p.scope(),
            p.proof(),
            p.source(),
            CsvCells.text(p.title()),
            CsvCells.text(p.target()),
            CsvCells.text(h.issuer()),
            h.year(),
            CsvCells.text(h.kind()),
            CsvCells.text(h.region()),
            CsvCells.text(h.department()),
            CsvCells.text(h.title()),
            absolute.apply(hrefs.project(p.key())),
            absolute.apply(cell(h, hrefs)),
            absolute.apply(hrefs.document(h.docId())),
            h.collection() == null ? null : CsvCells.text(collections.apply(h.collection())));
      }
      if (total > hits.size())
        csv.printRecord(
            "… " + (total - hits.size()) + " more not exported (the cap is " + hits.size() + ")");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
