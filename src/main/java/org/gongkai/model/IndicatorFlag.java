package org.gongkai.model;

import java.util.List;

/**
 * A place where a report contradicts itself, as data: which {@code check} failed, the message that
 * says how ({@code code}: {@code flag.<code>} in the message bundles, filled with {@code args}) and
 * the statements involved (so each can be opened at its source). An argument written {@code
 * figure:<id>} names an indicator and {@code role:<ROLE>} a {@link Role}; both are worded in the
 * reader's language. Flags about words rather than figures point at {@code quotes} of the text;
 * each flag has a {@link Severity}, and {@code evidence}: why its read is trusted (the identities
 * that held in the same table, the statements that agree), empty where the quotes say it all.
 */
public record IndicatorFlag(
    String check,
    String code,
    List<String> args,
    List<IndicatorValue> sources,
    Severity severity,
    List<Quote> quotes,
    List<String> evidence) {

  /**
   * How much a flag weighs: two statements that cannot both be true ({@code ERROR}), words or dates
   * that do not fit the report ({@code WARNING}), what a careful editor would mend ({@code
   * NOTICE}).
   */
  public enum Severity {
    ERROR,
    WARNING,
    NOTICE
  }

  public IndicatorFlag {
    args = List.copyOf(args);
    sources = List.copyOf(sources);
    quotes = quotes == null ? List.of() : List.copyOf(quotes);
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
    if (severity == null) severity = severityOf(check);
  }

  /** A flag with no evidence of its read named (the quotes are what it rests on). */
  public IndicatorFlag(
      String check,
      String code,
      List<String> args,
      List<IndicatorValue> sources,
      Severity severity,
      List<Quote> quotes) {
    this(check, code, args, sources, severity, quotes, List.of());
  }

  /**
   * This flag with what makes Gongkai trust its read: the identities that held in the same table,
   * the statements that agree ({@code 合计（支出总计）202,989.21 = Σ 类}, {@code 44169.36 − 44021.20 =
   * 148.16}).
   */
  public IndicatorFlag withEvidence(List<String> evidence) {
    return new IndicatorFlag(check, code, args, sources, severity, quotes, evidence);
  }

  /** A flag about figures, weighed by its check. */
  public IndicatorFlag(String check, String code, List<String> args, List<IndicatorValue> sources) {
    this(check, code, args, sources, severityOf(check), List.of());
  }

  /**
   * The weight of a check's flags: contradictions between figures are errors; completeness, the
   * report's own wording slips are notices; the rest warnings. (Flags stored before severities were
   * data get theirs so.)
   */
  public static Severity severityOf(String check) {
    if (check == null) return Severity.WARNING;
    return switch (check) {
      case "stated_twice",
              "totals",
              "parts_of_expenditure",
              "parts_of_basic",
              "parts_of_three_public",
              "parts_of_procurement",
              "parts_of_vehicles",
              "carry_over",
              "change",
              "share",
              "table_sum",
              "summary",
              "text_table" ->
          Severity.ERROR;
      case "completeness", "punctuation" -> Severity.NOTICE;
      default -> Severity.WARNING;
    };
  }

  /** The family of checks the flag belongs to (none for a flag kept from an old index). */
  public java.util.Optional<CheckFamily> family() {
    return CheckFamily.of(code);
  }

  /** An argument naming the indicator {@code id}. */
  public static String figure(String id) {
    return "figure:" + id;
  }

  /** An argument naming a scope (worded as whose money, which money, which year). */
  public static String scope(Scope scope) {
    return "scope:" + scope.code();
  }

  /** An argument naming a role. */
  public static String role(Role role) {
    return "role:" + role.name();
  }
}
