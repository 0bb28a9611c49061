package org.gongkai.indicators;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongkai.model.IndicatorValue;
import org.gongkai.model.ReportKind;
import org.gongkai.model.Role;
import org.gongkai.model.Scope;
import org.gongkai.model.Section;
import org.gongkai.model.SourceKind;

/**
 * Finds every statement of an indicator's value in a document's clean text — in sentences ({@code
 * 基本支出 315.18 万元}), in table rows (a label cell, then its number), in a summary table read as a
 * ledger ({@link Ledger}) — each with its unit, role, scope and provenance, and then decides each
 * indicator's headline ({@link Resolver}). Pure: text in, values out.
 *
 * <p><b>Scope.</b> A table row's scope is its table's: the title names the money ({@code 财政拨款收支总表}
 * is the treasury's money only, whatever its rows are called) and a column names the year and the
 * role ({@code 上年决算数}, {@code 年初预算数}). A sentence's scope is in the words of its clause before the
 * label ({@code 财政拨款收入支出总计}, {@code 一般公共预算财政拨款基本支出}, {@code 本级}, {@code 2023年}) and its role in the
 * words between label and number ({@code 支出决算为}, {@code 年初预算为}).
 *
 * <p><b>Sentences.</b> Prose is read by paragraph ({@link Prose}), so an amount or a label cut by a
 * PDF's line break is read whole. The first number after a label is its value, unless the words
 * between say it is a change ({@code 减少 77.76 万元}) or it is a percentage or a year; later numbers
 * in the same sentence count only when the words before them name a role. {@code 无…支出} states a
 * zero. A number without a unit takes the unit of its table's header ({@code 单位：万元}).
 *
 * <p><b>Totals written without their kind.</b> {@code 收入预算X万元} and {@code 支出预算X万元} (every template
 * surveyed) state the grand total, carry-overs included; where nothing is carried over — the
 * sentence's own breakdown says so, or the summary table lists no carry-over — they also state the
 * year's total. A text's {@code 收入总计} that equals the summary table's year total and not its grand
 * total names the year's income so (some reports use 总计 in both senses).
 */
public final class IndicatorExtractor {

  /** Every statement of every indicator in {@code text}, in text order, headlines decided. */
  public List<IndicatorValue> extract(
      String docId, String text, List<Section> sections, ReportKind documentKind) {
    return extract(docId, text, sections, documentKind, null);
  }

  /**
   * Every statement of every indicator in {@code text}, in text order, headlines decided; {@code
   * year} (the report's, or null) tells another year's figures ({@code 2023年…} in a 2024 report).
   */
  public List<IndicatorValue> extract(
      String docId, String text, List<Section> sections, ReportKind documentKind, Integer year) {
    return extract(docId, text, sections, documentKind, year, null);
  }

  /**
   * The same, for a report of {@code issuer}: what its words state under the heading of another
   * body ({@code 一、市建筑工务署本级}, {@code 二、…工程管理中心}: a department going through its units) is that
   * body's ({@link Scope.Whose#SELF} for 本级, {@link Scope.Whose#UNIT} otherwise), never a statement
   * of the whole's figure ({@link OtherBodies}).
   */
  public List<IndicatorValue> extract(
      String docId,
      String text,
      List<Section> sections,
      ReportKind documentKind,
      Integer year,
      String issuer) {
    Reading r = new Reading(docId, text, sections, Role.ownFigure(documentKind), year);
    List<IndicatorValue> values = statements(r);
    if (issuer != null) {
      OtherBodies bodies = OtherBodies.of(text, issuer);
      List<IndicatorValue> scoped = new ArrayList<>(values.size());
      for (IndicatorValue v : values) {
        int body = v.sourceKind() == SourceKind.TEXT ? bodies.at(v.start()) : -1;
        if (body < 0 || v.scope().whose() != Scope.Whose.WHOLE) scoped.add(v);
        else
          scoped.add(
              v.withScope(
                  v.scope().withWhose(bodies.self(body) ? Scope.Whose.SELF : Scope.Whose.UNIT)));
      }
      values = scoped;
    }
    return new Resolver(r.own, r.ledgers).resolve(values);
  }

  /**
   * How a report words its totals, for the survey of phrasing: for each of 收入合计, 支出合计 and 收支总计, the
   * wordings of its statements in the headline scope ({@code income_budget} for 收入预算X, {@code
   * ledger} for a summary table's place, {@code table_row} for a table row's label …).
   */
  public Map<String, java.util.Set<String>> wordings(
      String docId, String text, List<Section> sections, ReportKind documentKind, Integer year) {
    Reading r = new Reading(docId, text, sections, Role.ownFigure(documentKind), year);
    Map<String, java.util.Set<String>> out = new java.util.TreeMap<>();
    for (IndicatorValue v : statements(r)) {
      if (!Reading.LEDGER_TOTALS.stream().anyMatch(i -> i.id.equals(v.indicator()))
          || v.role() != r.own
          || !v.scope().equals(Scope.WHOLE)) continue;
      String wording =
          v.sourceKind() == SourceKind.DERIVED
              ? "derived"
              : r.families.getOrDefault(v.start(), "table_row");
      out.computeIfAbsent(v.indicator(), k -> new java.util.TreeSet<>()).add(wording);
    }
    return out;
  }

  /**
   * Every statement of the document, not yet weighed, stage after stage: read from its tables and
   * its sentences, then totals written without their kind decided, totals confirmed by their parts,
   * and wholes stated only through their parts.
   */
  private static List<IndicatorValue> statements(Reading r) {
    List<IndicatorValue> found = new ArrayList<>();
    TableFigures tables = new TableFigures(r);
    tables.rows(found);
    new SentenceFigures(r).prose(found);
    found.addAll(tables.columnFigures());
    found.addAll(tables.ledgerFigures());
    List<IndicatorValue> values = dedupe(found);
    values = ProcurementParts.underTheirTotals(values, r.text);
    YearTotals totals = new YearTotals(r);
    values = totals.plainTotalsWithCarryOver(values);
    values = totals.yearTotalsNamedTotals(values);
    values = totals.yearTotalsBesideCarryOver(values);
    values.addAll(totals.yearTotalsWithoutCarryOver(values));
    values = totals.breakdowns(values);
    WholesFromParts wholes = new WholesFromParts(r);
    values = wholes.retireesWithTheirElders(values);
    IndicatorValue threePublic = WholesFromParts.threePublicFromParts(values, r.own);
    if (threePublic != null) values.add(threePublic);
    values.sort(
        Comparator.comparingInt(IndicatorValue::start).thenComparing(IndicatorValue::indicator));
    return values;
  }

  /**
   * One mention per place and indicator; a "无…支出" statement only where the document gives the
   * indicator no number.
   */
  private static List<IndicatorValue> dedupe(List<IndicatorValue> values) {
    java.util.Set<String> numeric = new java.util.HashSet<>();
    for (IndicatorValue v : values)
      if (v.sourceKind() != SourceKind.STATEMENT) numeric.add(v.indicator());
    Map<String, IndicatorValue> unique = new LinkedHashMap<>();
    for (IndicatorValue v : values) {
      if (v.sourceKind() == SourceKind.STATEMENT && numeric.contains(v.indicator())) continue;
      unique.putIfAbsent(v.indicator() + "@" + v.start(), v);
    }
    List<IndicatorValue> out = new ArrayList<>(unique.values());
    out.sort(
        Comparator.comparingInt(IndicatorValue::start).thenComparing(IndicatorValue::indicator));
    return out;
  }

  /** Whether a stated value and another agree within the stated one's rounding. */
  static boolean agree(IndicatorValue stated, IndicatorValue other) {
    if (stated.valueWan() == null || other.valueWan() == null)
      return Math.abs(stated.value() - other.value()) < 1e-9;
    double tolerance =
        Math.max(
            Amounts.halfUnitWan(stated.asWritten(), stated.unit()),
            Amounts.halfUnitWan(other.asWritten(), other.unit()));
    return Math.abs(stated.valueWan() - other.valueWan()) <= tolerance + 1e-6;
  }
}
