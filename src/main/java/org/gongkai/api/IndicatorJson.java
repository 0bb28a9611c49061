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
import org.gongkai.model.Comparison;
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

  /** A private collection's name by its storage key. */
  private final java.util.function.UnaryOperator<String> collections;

  public IndicatorJson(ObjectMapper mapper, Wording wording, Hrefs hrefs) {
    this(mapper, wording, hrefs, key -> key);
  }

  /**
   * The same; {@code collections} names a private collection by its storage key: a private report's
   * rows say {@code "collection": NAME} (a public one's, null; the CSV's last column).
   */
  public IndicatorJson(
      ObjectMapper mapper,
      Wording wording,
      Hrefs hrefs,
      java.util.function.UnaryOperator<String> collections) {
    this.collections = collections;
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
      measure(o, r.value());
      verification(o, r.value(), locale);
      r.flags().forEach(f -> o.withArray("flags").add(wording.flag(locale, f)));
      o.put("collection", collection(r));
    }
    return array;
  }

  /**
   * What kind of amount a value is beyond its scope: {@code "includesCarryOver"} (a year's total
   * that holds last year's carry-over, unseparated: never to be compared unmarked with a year's
   * income) and, for a value Gongkai computed ({@code "sourceKind": "derived"}), {@code
   * "derivation"}: how, in words (null otherwise).
   */
  private static String measure(IndicatorValue v) {
    if (v == null) return "";
    if (v.includesCarryOver()) return "includesCarryOver";
    return v.sourceKind() == org.gongkai.model.SourceKind.DERIVED ? "derived" : "";
  }

  private static void measure(ObjectNode o, IndicatorValue v) {
    o.put("includesCarryOver", v.includesCarryOver());
    o.put("derivation", v.derivation());
  }

  /**
   * What a value is about and how far it can be trusted: {@code "scope"} (its code, {@code
   * whole/all/current}, and {@code "scopeName"} worded), {@code "verified"} and {@code "by"} (the
   * identities or second statements that confirm it, as codes, and {@code "verifiedBy"} worded),
   * and {@code "candidate"} (one of the values of a figure its report leaves undecided).
   */
  private void verification(ObjectNode o, IndicatorValue v, Locale locale) {
    o.put("scope", v.scope().code());
    o.put("scopeName", wording.scope(locale, v.scope(), v.indicator()));
    o.put("verified", v.verified());
    ArrayNode by = o.putArray("by");
    v.by().forEach(by::add);
    o.put("verifiedBy", wording.verification(locale, v.by()));
    o.put("candidate", v.candidate());
  }

  /** The rows as CSV (with a byte-order mark, so spreadsheet programs read it as UTF-8). */
  public String csv(List<IndicatorRow> rows) {
    return csv(rows, java.util.function.UnaryOperator.identity(), Locale.ENGLISH);
  }

  /**
   * The CSV's columns beyond {@link #columns()}: the report's title, the region's code, and the
   * contradictions flagged in the report that involve the figure.
   */
  public static final List<String> CSV_EXTRA =
      List.of(
          "docTitle",
          "regionCode",
          "flags",
          "scope",
          "verified",
          "by",
          "candidate",
          "collection",
          "sourceKind",
          "includesCarryOver",
          "derivation");

  /** The name of the private collection a row's report belongs to (null: public). */
  public String collection(IndicatorRow r) {
    return r.collection() == null ? null : collections.apply(r.collection());
  }

  /**
   * The rows as CSV, links made absolute by {@code absolute} (a CSV leaves the portal), flags
   * worded in {@code locale} and separated by {@code " | "}.
   */
  public String csv(
      List<IndicatorRow> rows, java.util.function.UnaryOperator<String> absolute, Locale locale) {
    StringWriter out = new StringWriter();
    out.write('\ufeff');
    List<String> header = new java.util.ArrayList<>(columns());
    header.addAll(CSV_EXTRA);
    try (CSVPrinter csv =
        new CSVPrinter(
            out, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).build())) {
      for (IndicatorRow r : rows) {
        for (Column c : columns)
          csv.print(c.name().equals("url") ? absolute.apply(c.csv().apply(r)) : c.csv().apply(r));
        csv.print(CsvCells.text(r.docTitle()));
        csv.print(r.region() == null ? "" : r.region().code());
        csv.print(
            CsvCells.text(
                String.join(" | ", r.flags().stream().map(f -> wording.flag(locale, f)).toList())));
        csv.print(r.value().scope().code());
        csv.print(String.valueOf(r.value().verified()));
        csv.print(String.join(" ", r.value().by()));
        csv.print(String.valueOf(r.value().candidate()));
        csv.print(r.collection() == null ? "" : CsvCells.text(collection(r)));
        csv.print(r.value().sourceKind().code());
        csv.print(String.valueOf(r.value().includesCarryOver()));
        String how = r.value().derivation();
        csv.print(how == null ? "" : CsvCells.text(how));
        csv.println();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** The columns of the budget-against-actual export, in order (JSON and CSV alike). */
  public static final List<String> COMPARE_COLUMNS =
      List.of(
          "indicator",
          "name",
          "issuer",
          "region",
          "regionCode",
          "year",
          "unit",
          "budget",
          "actual",
          "difference",
          "differencePct",
          "budgetDocId",
          "budgetUrl",
          "actualDocId",
          "actualUrl",
          "budgetCollection",
          "actualCollection",
          "budgetMeasure",
          "actualMeasure");

  /**
   * Budget against actual as JSON: per issuer and year {@code {"indicator", "name", "issuer",
   * "region", "regionCode", "year", "unit", "budget", "actual", "difference", "differencePct",
   * "budgetDocId", "budgetUrl", "actualDocId", "actualUrl", "budgetCollection", "actualCollection",
   * "budgetMeasure", "actualMeasure", "budgetSource", "actualSource"}} ({@code …Collection}: the
   * private collection a side's report belongs to, null for a public one; {@code …Measure}: {@code
   * derived}, {@code includesCarryOver} or null); the side a report does not state is null, and so
   * are the difference and its percentage.
   */
  public ArrayNode compareJson(org.gongkai.indicators.Indicator indicator, List<Comparison> rows) {
    ArrayNode array = mapper.createArrayNode();
    for (Comparison c : rows) {
      ObjectNode o = array.addObject();
      List<String> cells = compareCells(indicator, c);
      for (int i = 0; i < COMPARE_COLUMNS.size(); i++) {
        String name = COMPARE_COLUMNS.get(i);
        String cell = cells.get(i);
        switch (name) {
          case "region" -> o.set(name, RegionJson.of(mapper, c.region()));
          case "year" -> {
            if (c.year() == null) o.putNull(name);
            else o.put(name, c.year());
          }
          case "budget", "actual", "difference", "differencePct" -> {
            if (cell.isEmpty()) o.putNull(name);
            else o.put(name, Double.parseDouble(cell));
          }
          default -> {
            if (cell.isEmpty()) o.putNull(name);
            else o.put(name, cell);
          }
        }
      }
      o.put("budgetSource", c.budget() == null ? null : c.budget().value().source());
      o.put("actualSource", c.actual() == null ? null : c.actual().value().source());
    }
    return array;
  }

  /** Budget against actual as CSV, {@link #COMPARE_COLUMNS} (with a byte-order mark). */
  public String compareCsv(org.gongkai.indicators.Indicator indicator, List<Comparison> rows) {
    StringWriter out = new StringWriter();
    out.write('\ufeff');
    try (CSVPrinter csv =
        new CSVPrinter(
            out,
            CSVFormat.DEFAULT
                .builder()
                .setHeader(COMPARE_COLUMNS.toArray(String[]::new))
                .build())) {
      for (Comparison c : rows) {
        List<String> cells = compareCells(indicator, c);
        for (int i = 0; i < cells.size(); i++) {
          String name = COMPARE_COLUMNS.get(i);
          boolean text =
              name.equals("issuer") || name.equals("region") || name.endsWith("Collection");
          csv.print(text ? CsvCells.text(cells.get(i)) : cells.get(i));
        }
        csv.println();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private List<String> compareCells(org.gongkai.indicators.Indicator indicator, Comparison c) {
    IndicatorRow any = c.actual() != null ? c.actual() : c.budget();
    String unit = any.value().valueWan() != null ? "万元" : any.value().unit();
    return List.of(
        indicator.id,
        indicator.label,
        c.issuer() == null ? "" : c.issuer(),
        c.region() == null ? "" : String.join("/", c.region().path()),
        c.region() == null ? "" : c.region().code(),
        c.year() == null ? "" : c.year().toString(),
        unit,
        c.budget() == null ? "" : Numbers.plain(c.budget().value().comparable()),
        c.actual() == null ? "" : Numbers.plain(c.actual().value().comparable()),
        c.difference() == null ? "" : Numbers.plain(c.difference()),
        c.percent() == null ? "" : Numbers.plain(c.percent()),
        c.budget() == null ? "" : c.budget().value().docId(),
        c.budget() == null ? "" : hrefs.figure(c.budget().value()),
        c.actual() == null ? "" : c.actual().value().docId(),
        c.actual() == null ? "" : hrefs.figure(c.actual().value()),
        c.budget() == null || c.budget().collection() == null ? "" : collection(c.budget()),
        c.actual() == null || c.actual().collection() == null ? "" : collection(c.actual()),
        c.budget() == null ? "" : measure(c.budget().value()),
        c.actual() == null ? "" : measure(c.actual().value()));
  }

  /**
   * Several figures at once as JSON: per report {@code {"docId", "url", "title", "issuer",
   * "region": {…}, "regionCode", "year", "kind", "staff", "values": {ID: {"value", "unit", "url",
   * "role", "scope", "verified", "perPerson"}}}} ({@code role}: 预算数, 决算数 … as the report says) — a
   * figure the report does not state is absent from {@code "values"}; {@code "perPerson"} (the
   * value ÷ 实有人数; a government's money in 元 per resident, ÷ {@code "population"}, the 常住人口 in 万人
   * its report states for the figures' year) only when asked, null without either; {@code
   * "collection"}: the private collection the report belongs to (null: public).
   */
  public ArrayNode figuresJson(
      List<String> indicators, List<org.gongkai.model.FigureRow> rows, boolean perPerson) {
    ArrayNode array = mapper.createArrayNode();
    for (org.gongkai.model.FigureRow f : rows) {
      ObjectNode o = array.addObject();
      var r = f.report();
      o.put("docId", r.docId());
      o.put("url", hrefs.document(r.docId()));
      o.put("title", r.title());
      o.put("issuer", r.issuer());
      o.set("region", RegionJson.of(mapper, r.region()));
      o.put("regionCode", r.region() == null ? null : r.region().code());
      if (r.year() == null) o.putNull("year");
      else o.put("year", r.year());
      o.put("kind", r.kind());
      o.put("collection", r.collection() == null ? null : collections.apply(r.collection()));
      if (f.staff() == null) o.putNull("staff");
      else o.put("staff", f.staff().value());
      if (f.population() == null) o.putNull("population");
      else o.put("population", f.population().value());
      ObjectNode values = o.putObject("values");
      for (String id : indicators) {
        IndicatorValue v = f.values().get(id);
        if (v == null) continue;
        ObjectNode c = values.putObject(id);
        c.put("value", v.comparable());
        c.put("unit", v.valueWan() != null ? "万元" : v.unit());
        c.put("url", hrefs.figure(v));
        c.put("role", v.role().label());
        c.put("scope", v.scope().code());
        c.put("verified", v.verified());
        c.put("sourceKind", v.sourceKind().code());
        measure(c, v);
        if (perPerson) {
          Double pp = f.perPerson(id);
          if (pp == null) c.putNull("perPerson");
          else c.put("perPerson", pp);
        }
      }
    }
    return array;
  }

  /**
   * Several figures at once as CSV: {@code
   * docId,url,title,issuer,region,regionCode,year,kind,staff} then a column per figure (its value
   * in 万元 for money) and, when asked, {@code ID_per_person}; last, {@code ID_role} per figure (预算数,
   * 决算数 …: which a value is) and {@code collection} (a private report's collection); then, for a
   * government's figures, {@code population}; last, {@code ID_measure} per figure: {@code derived}
   * where Gongkai computed the value, {@code includesCarryOver} where it holds last year's
   * carry-over unseparated, empty where the report states it as it is.
   */
  public String figuresCsv(
      List<String> indicators, List<org.gongkai.model.FigureRow> rows, boolean perPerson) {
    List<String> header =
        new java.util.ArrayList<>(
            List.of(
                "docId",
                "url",
                "title",
                "issuer",
                "region",
                "regionCode",
                "year",
                "kind",
                "staff"));
    for (String id : indicators) {
      header.add(id);
      if (perPerson) header.add(id + "_per_person");
    }
    for (String id : indicators) header.add(id + "_role");
    header.add("collection");
    // a government's figures: the residents its report states for their year (万人), last
    boolean residents = indicators.stream().anyMatch(id -> id.startsWith("gov_"));
    if (residents) header.add("population");
    for (String id : indicators) header.add(id + "_measure");
    StringWriter out = new StringWriter();
    out.write('\ufeff');
    try (CSVPrinter csv =
        new CSVPrinter(
            out, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).build())) {
      for (org.gongkai.model.FigureRow f : rows) {
        var r = f.report();
        csv.print(r.docId());
        csv.print(hrefs.document(r.docId()));
        csv.print(r.title() == null ? "" : CsvCells.text(r.title()));
        csv.print(r.issuer() == null ? "" : CsvCells.text(r.issuer()));
        csv.print(r.region() == null ? "" : CsvCells.text(String.join("/", r.region().path())));
        csv.print(r.region() == null ? "" : r.region().code());
        csv.print(r.year() == null ? "" : r.year().toString());
        csv.print(r.kind() == null ? "" : r.kind());
        csv.print(f.staff() == null ? "" : Numbers.plain(f.staff().value()));
        for (String id : indicators) {
          IndicatorValue v = f.values().get(id);
          csv.print(v == null ? "" : Numbers.plain(v.comparable()));
          if (perPerson) {
            Double pp = f.perPerson(id);
            csv.print(pp == null ? "" : Numbers.plain(pp));
          }
        }
        for (String id : indicators) {
          IndicatorValue v = f.values().get(id);
          csv.print(v == null ? "" : v.role().label());
        }
        csv.print(r.collection() == null ? "" : CsvCells.text(collections.apply(r.collection())));
        if (residents)
          csv.print(f.population() == null ? "" : Numbers.plain(f.population().value()));
        for (String id : indicators) csv.print(measure(f.values().get(id)));
        csv.println();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** The columns of a list of reports (those stating no value for a figure). */
  public static final List<String> REPORT_COLUMNS =
      List.of(
          "docId", "url", "title", "issuer", "region", "regionCode", "year", "kind", "collection");

  private List<String> reportCells(org.gongkai.model.ReportRef r) {
    return java.util.Arrays.asList(
        r.docId(),
        hrefs.document(r.docId()),
        r.title(),
        r.issuer(),
        r.region() == null ? null : String.join("/", r.region().path()),
        r.region() == null ? null : r.region().code(),
        r.year() == null ? null : r.year().toString(),
        r.kind(),
        r.collection() == null ? null : collections.apply(r.collection()));
  }

  /**
   * Reports as JSON: {@code [{"docId", "url", "title", "issuer", "region": {…}, "regionCode",
   * "year", "kind", "collection"}]} ({@code collection}: a private report's collection, else null).
   */
  public ArrayNode reportsJson(List<org.gongkai.model.ReportRef> refs) {
    ArrayNode array = mapper.createArrayNode();
    for (org.gongkai.model.ReportRef r : refs) {
      ObjectNode o = array.addObject();
      List<String> cells = reportCells(r);
      for (int i = 0; i < REPORT_COLUMNS.size(); i++) {
        String name = REPORT_COLUMNS.get(i);
        if (name.equals("region")) o.set(name, RegionJson.of(mapper, r.region()));
        else if (name.equals("year") && r.year() != null) o.put(name, r.year());
        else o.put(name, cells.get(i));
      }
    }
    return array;
  }

  /** Reports as CSV, {@link #REPORT_COLUMNS} (with a byte-order mark). */
  public String reportsCsv(List<org.gongkai.model.ReportRef> refs) {
    StringWriter out = new StringWriter();
    out.write('\ufeff');
    try (CSVPrinter csv =
        new CSVPrinter(
            out,
            CSVFormat.DEFAULT.builder().setHeader(REPORT_COLUMNS.toArray(String[]::new)).build())) {
      for (org.gongkai.model.ReportRef r : refs) {
        for (String cell : reportCells(r)) csv.print(cell == null ? "" : CsvCells.text(cell));
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
    o.put("candidate", v.candidate());
    o.put("scope", v.scope().code());
    o.put("verified", v.verified());
    ArrayNode by = o.putArray("by");
    v.by().forEach(by::add);
    o.put("sourceKind", v.sourceKind().code());
    measure(o, v);
    o.put("sectionId", v.sectionId());
    o.put("asWritten", v.asWritten());
    o.put("start", v.start());
    o.put("end", v.end());
    o.put("source", v.source());
    return o;
  }
}
