package org.gongkai.model;

import java.util.List;

/**
 * One statement of an indicator's value in a document, with where it came from and what it is
 * about.
 *
 * <p>{@code value} is in {@code unit} as written ({@code asWritten} is the text: {@code 465.38
 * 万元}); money is also given in 万元 ({@code valueWan}, exact to the digits written, null for counts
 * and scores). {@code role} says which figure it is ({@code 本年决算}, {@code 年初预算}, {@code 本年预算},
 * {@code 上年}) and {@code scope} whose money, which money and which year. {@code source} is the
 * sentence or table row, and {@code start}/{@code end} the offsets of the value in the document's
 * clean text.
 *
 * <p>Of the statements of one indicator in the headline scope ({@link Scope#WHOLE}, the report's
 * own role), one is the {@code headline} when they agree; where they disagree and nothing decides,
 * none is, and each disagreeing value is a {@code candidate}. A value is {@code verified} when a
 * second, independent statement or an identity the report's figures must satisfy confirms it;
 * {@code by} names how ({@code text_and_table}, {@code balance}, {@code sum_of_sources} …).
 *
 * <p>{@code includesCarryOver}: a year's total the report states with last year's carry-over folded
 * in and never separated ({@code 上述收入包括2025年结转…的资金}) — its figure, shown 含上年结转 wherever it is
 * shown, so that nobody compares it unmarked with a year's income.
 */
public record IndicatorValue(
    String indicator,
    String name,
    double value,
    String unit,
    String asWritten,
    Double valueWan,
    Role role,
    boolean headline,
    SourceKind sourceKind,
    String docId,
    String sectionId,
    String source,
    int start,
    int end,
    Scope scope,
    boolean verified,
    List<String> by,
    boolean candidate,
    boolean includesCarryOver) {

  public IndicatorValue {
    scope = scope == null ? Scope.WHOLE : scope;
    by = by == null ? List.of() : List.copyOf(by);
  }

  /** A statement that includes no carry-over it does not separate. */
  public IndicatorValue(
      String indicator,
      String name,
      double value,
      String unit,
      String asWritten,
      Double valueWan,
      Role role,
      boolean headline,
      SourceKind sourceKind,
      String docId,
      String sectionId,
      String source,
      int start,
      int end,
      Scope scope,
      boolean verified,
      List<String> by,
      boolean candidate) {
    this(
        indicator,
        name,
        value,
        unit,
        asWritten,
        valueWan,
        role,
        headline,
        sourceKind,
        docId,
        sectionId,
        source,
        start,
        end,
        scope,
        verified,
        by,
        candidate,
        false);
  }

  /** A statement of the whole report's own year and money, not yet weighed. */
  public IndicatorValue(
      String indicator,
      String name,
      double value,
      String unit,
      String asWritten,
      Double valueWan,
      Role role,
      boolean headline,
      SourceKind sourceKind,
      String docId,
      String sectionId,
      String source,
      int start,
      int end) {
    this(
        indicator,
        name,
        value,
        unit,
        asWritten,
        valueWan,
        role,
        headline,
        sourceKind,
        docId,
        sectionId,
        source,
        start,
        end,
        Scope.WHOLE,
        false,
        List.of(),
        false);
  }

  public IndicatorValue asHeadline() {
    return copy(c -> c.weighed(true, verified, by, false));
  }

  /** This statement as one of the values of an undecided figure. */
  public IndicatorValue asCandidate() {
    return copy(c -> c.weighed(false, verified, by, true));
  }

  /** This statement, as one of an undecided figure's values or not. */
  public IndicatorValue withCandidate(boolean c) {
    return copy(x -> x.candidate = c);
  }

  /** This statement confirmed {@code how} (codes of {@link #by}). */
  public IndicatorValue verifiedBy(List<String> how) {
    return copy(c -> c.weighed(headline, !how.isEmpty(), how, candidate));
  }

  /** This statement, not yet weighed: no headline, candidate or confirmation. */
  public IndicatorValue unweighed() {
    return copy(c -> c.weighed(false, false, List.of(), false));
  }

  /** The same statement as another indicator's ({@code indicator}, its label {@code name}). */
  public IndicatorValue withIndicator(String indicator, String name) {
    return copy(
        c -> {
          c.indicator = indicator;
          c.name = name;
        });
  }

  /**
   * A value Gongkai computed from this statement ({@code source} says how), not yet weighed: where
   * it stands and what it is about stay this statement's.
   */
  public IndicatorValue asDerived(String source) {
    return copy(
        c -> {
          c.sourceKind = SourceKind.DERIVED;
          c.source = source;
          c.weighed(false, false, List.of(), false);
        });
  }

  /** Another amount in this statement's place: its value, unit, text and 万元 (null: no money). */
  public IndicatorValue withAmount(double value, String unit, String asWritten, Double valueWan) {
    return copy(
        c -> {
          c.value = value;
          c.unit = unit;
          c.asWritten = asWritten;
          c.valueWan = valueWan;
        });
  }

  /** This statement as a total that holds last year's carry-over, unseparated, or not. */
  public IndicatorValue withCarryOver(boolean included) {
    return copy(c -> c.includesCarryOver = included);
  }

  public IndicatorValue withScope(Scope s) {
    return copy(c -> c.scope = s);
  }

  public IndicatorValue withRole(Role r) {
    return copy(c -> c.role = r);
  }

  /**
   * A changed copy: every copy method above goes through here, so a new field is copied in one
   * place ({@link Copy}) and no copy spells the record out anew.
   */
  private IndicatorValue copy(java.util.function.Consumer<Copy> change) {
    Copy c = new Copy(this);
    change.accept(c);
    return c.build();
  }

  /** The fields of a value being copied, as they change. */
  private static final class Copy {
    String indicator;
    String name;
    double value;
    String unit;
    String asWritten;
    Double valueWan;
    Role role;
    boolean headline;
    SourceKind sourceKind;
    String docId;
    String sectionId;
    String source;
    int start;
    int end;
    Scope scope;
    boolean verified;
    List<String> by;
    boolean candidate;
    boolean includesCarryOver;

    Copy(IndicatorValue v) {
      indicator = v.indicator;
      name = v.name;
      value = v.value;
      unit = v.unit;
      asWritten = v.asWritten;
      valueWan = v.valueWan;
      role = v.role;
      headline = v.headline;
      sourceKind = v.sourceKind;
      docId = v.docId;
      sectionId = v.sectionId;
      source = v.source;
      start = v.start;
      end = v.end;
      scope = v.scope;
      verified = v.verified;
      by = v.by;
      candidate = v.candidate;
      includesCarryOver = v.includesCarryOver;
    }

    void weighed(boolean headline, boolean verified, List<String> by, boolean candidate) {
      this.headline = headline;
      this.verified = verified;
      this.by = by;
      this.candidate = candidate;
    }

    IndicatorValue build() {
      return new IndicatorValue(
          indicator,
          name,
          value,
          unit,
          asWritten,
          valueWan,
          role,
          headline,
          sourceKind,
          docId,
          sectionId,
          source,
          start,
          end,
          scope,
          verified,
          by,
          candidate,
          includesCarryOver);
    }
  }

  /**
   * How Gongkai computed a figure the report does not state, as its reading wrote it at the end of
   * the source ({@code …（收入总计减所列结转 369.77万元：即本年收入；报告未列明此数）} → the words inside the last bracket);
   * null when the source ends in no bracket.
   */
  public static String derivation(String source) {
    if (source == null || !source.endsWith("）")) return null;
    int depth = 0;
    for (int i = source.length() - 1; i >= 0; i--) {
      char c = source.charAt(i);
      if (c == '）') depth++;
      else if (c == '（' && --depth == 0) {
        String how = source.substring(i + 1, source.length() - 1).strip();
        return how.isEmpty() ? null : how;
      }
    }
    return null;
  }

  /** How Gongkai computed this value, where it did ({@link SourceKind#DERIVED}); else null. */
  public String derivation() {
    return sourceKind == SourceKind.DERIVED ? derivation(source) : null;
  }

  /** The value compared across documents: 万元 for money, the count or score otherwise. */
  public double comparable() {
    return valueWan != null ? valueWan : value;
  }
}
