package org.gongkai.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntFunction;
import org.gongkai.model.IndicatorRow;
import org.gongkai.model.IndicatorValue;

/**
 * The explorer's region × department view (#67): one figure in one year, a row per region (as each
 * report places itself: a city, a district), a column per kind of department (财政局, 总工会 …), each
 * cell the report's headline linked to where it is stated — so a journalist sees at a glance which
 * cities' finance bureaus spend most on receptions, and which did not say. A cell the report left
 * undecided says so with its candidates; two reports of one region and department (a 部门 and a 单位
 * budget) are both shown, each linked. Columns are ordered by how many regions state the figure,
 * rows by region.
 */
final class ExplorerMatrix {

  private ExplorerMatrix() {}

  /**
   * One value in a cell: as shown, its link, the words it was read from; undecided ones flagged;
   * {@code measure} {@code derived} where Gongkai computed it, {@code includesCarryOver} where it
   * holds last year's carry-over unseparated, else null.
   */
  record Value(
      String label,
      String plain,
      String href,
      String title,
      boolean undecided,
      String collection,
      String measure) {}

  /** A cell: the values its reports state (none: not stated). */
  record Cell(List<Value> values) {}

  /** A region's row. */
  record Line(String region, List<Cell> cells) {}

  /** A year the figure is stated in, linked to the view of that year. */
  record YearLink(int year, String href, boolean on) {}

  /**
   * The view: its year (null when no report states the figure), the other years to choose, the
   * departments' names as columns, the rows, the unit.
   */
  record Matrix(
      Integer year, List<YearLink> years, List<String> departments, List<Line> lines, String unit) {
    public boolean isEmpty() {
      return lines.isEmpty();
    }
  }

  /**
   * The matrix of {@code rows} (each report's headline, or its candidates) in {@code year} — the
   * newest year stated when null; {@code yearHref} gives a year's view, {@code figureHref} a
   * value's source, {@code department} a department's name in the reader's language ({@code other}:
   * for reports of no known kind of department).
   */
  static Matrix of(
      List<IndicatorRow> rows,
      Integer year,
      IntFunction<String> yearHref,
      java.util.function.Function<IndicatorValue, String> figureHref,
      java.util.function.Function<String, String> department,
      String other,
      java.util.function.Function<String, String> unit,
      java.util.function.Function<String, String> collection) {
    TreeSet<Integer> years = new TreeSet<>();
    for (IndicatorRow r : rows) if (r.year() != null) years.add(r.year());
    Integer shown = year != null ? year : years.isEmpty() ? null : years.last();
    List<YearLink> yearLinks = new ArrayList<>();
    for (Integer y : years.descendingSet())
      yearLinks.add(new YearLink(y, yearHref.apply(y), y.equals(shown)));
    // region → department → the reports' values, in the order the service gave them
    Map<String, Map<String, Map<String, List<IndicatorRow>>>> byRegion = new TreeMap<>();
    Map<String, java.util.Set<String>> regionsOf = new HashMap<>();
    String unitShown = null;
    for (IndicatorRow r : rows) {
      if (shown == null || !shown.equals(r.year())) continue;
      String region = Format.region(r.region());
      if (region == null || region.isBlank()) region = "—";
      String dept =
          r.department() == null || r.department().isBlank()
              ? other
              : department.apply(r.department());
      byRegion
          .computeIfAbsent(region, k -> new TreeMap<>())
          .computeIfAbsent(dept, k -> new LinkedHashMap<>())
          .computeIfAbsent(r.value().docId(), k -> new ArrayList<>())
          .add(r);
      regionsOf.computeIfAbsent(dept, k -> new java.util.HashSet<>()).add(region);
      if (unitShown == null && !r.value().candidate())
        unitShown = unit.apply(Format.unit(r.value()));
    }
    List<String> departments = new ArrayList<>(regionsOf.keySet());
    Comparator<String> byRegions = Comparator.comparing(d -> -regionsOf.get(d).size());
    departments.sort(
        byRegions
            .thenComparing((String d) -> d.equals(other) ? 1 : 0)
            .thenComparing(Comparator.naturalOrder()));
    List<Line> lines = new ArrayList<>();
    for (var e : byRegion.entrySet()) {
      List<Cell> cells = new ArrayList<>();
      for (String d : departments) {
        List<Value> values = new ArrayList<>();
        for (List<IndicatorRow> ofReport : e.getValue().getOrDefault(d, Map.of()).values()) {
          for (IndicatorRow r : ofReport) {
            IndicatorValue v = r.value();
            values.add(
                new Value(
                    Format.value(v),
                    Format.number(v.comparable() / Format.scale(v)),
                    figureHref.apply(v),
                    r.issuer() + " · " + v.source(),
                    v.candidate(),
                    r.collection() == null ? null : collection.apply(r.collection()),
                    v.includesCarryOver()
                        ? "includesCarryOver"
                        : v.sourceKind() == org.gongkai.model.SourceKind.DERIVED
                            ? "derived"
                            : null));
          }
        }
        cells.add(new Cell(values));
      }
      lines.add(new Line(e.getKey(), cells));
    }
    return new Matrix(shown, yearLinks, departments, lines, unitShown == null ? "" : unitShown);
  }

  /**
   * The view's CSV: a row per region, a column per department, each value a plain number in the
   * view's unit; an undecided cell its candidates after a question mark ({@code ?12.5 | 30}); a
   * private report's value followed by its collection's name in brackets.
   */
  static String csv(Matrix m, String regionHeader) {
    java.io.StringWriter out = new java.io.StringWriter();
    out.write('\ufeff');
    try (org.apache.commons.csv.CSVPrinter csv =
        new org.apache.commons.csv.CSVPrinter(out, org.apache.commons.csv.CSVFormat.RFC4180)) {
      List<Object> header = new ArrayList<>();
      header.add(regionHeader);
      header.addAll(m.departments());
      csv.printRecord(header);
      for (Line l : m.lines()) {
        List<Object> cells = new ArrayList<>();
        cells.add(l.region());
        for (Cell c : l.cells())
          cells.add(
              (c.values().stream().anyMatch(Value::undecided) ? "?" : "")
                  + String.join(
                      " | ",
                      c.values().stream()
                          .map(
                              v ->
                                  v.plain()
                                      + (v.measure() == null ? "" : " [" + v.measure() + "]")
                                      + (v.collection() == null ? "" : " [" + v.collection() + "]"))
                          .toList()));
        csv.printRecord(cells);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * The view as the API gives it: the figure, year, unit, the years there are, the departments, and
   * per region each stated cell's values (a plain number in the unit, its link, whether undecided).
   */
  static com.fasterxml.jackson.databind.node.ObjectNode json(String indicator, Matrix m) {
    var o = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    o.put("indicator", indicator);
    if (m.year() == null) o.putNull("year");
    else o.put("year", m.year());
    o.put("unit", m.unit());
    var ys = o.putArray("years");
    m.years().forEach(y -> ys.add(y.year()));
    var ds = o.putArray("departments");
    m.departments().forEach(ds::add);
    var rs = o.putArray("regions");
    for (Line l : m.lines()) {
      var r = rs.addObject();
      r.put("region", l.region());
      var cells = r.putObject("cells");
      for (int i = 0; i < l.cells().size(); i++) {
        if (l.cells().get(i).values().isEmpty()) continue;
        var vs = cells.putArray(m.departments().get(i));
        for (Value v : l.cells().get(i).values()) {
          var x = vs.addObject();
          x.put("value", Double.parseDouble(v.plain()));
          x.put("url", v.href());
          x.put("undecided", v.undecided());
          x.put("collection", v.collection());
          x.put("measure", v.measure());
        }
      }
    }
    return o;
  }
}
