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
    boolean candidate) {

  public IndicatorValue {
    scope = scope == null ? Scope.WHOLE : scope;
    by = by == null ? List.of() : List.copyOf(by);
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
    return with(true, verified, by, false);
  }

  /** This statement as one of the values of an undecided figure. */
  public IndicatorValue asCandidate() {
    return with(false, verified, by, true);
  }

  /** This statement, as one of an undecided figure's values or not. */
  public IndicatorValue withCandidate(boolean c) {
    return with(headline, verified, by, c);
  }

  /** This statement confirmed {@code how} (codes of {@link #by}). */
  public IndicatorValue verifiedBy(List<String> how) {
    return with(headline, !how.isEmpty(), how, candidate);
  }

  public IndicatorValue withScope(Scope s) {
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
        s,
        verified,
        by,
        candidate);
  }

  public IndicatorValue withRole(Role r) {
    return new IndicatorValue(
        indicator,
        name,
        value,
        unit,
        asWritten,
        valueWan,
        r,
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
        candidate);
  }

  private IndicatorValue with(boolean h, boolean v, List<String> how, boolean c) {
    return new IndicatorValue(
        indicator,
        name,
        value,
        unit,
        asWritten,
        valueWan,
        role,
        h,
        sourceKind,
        docId,
        sectionId,
        source,
        start,
        end,
        scope,
        v,
        how,
        c);
  }

  /** The value compared across documents: 万元 for money, the count or score otherwise. */
  public double comparable() {
    return valueWan != null ? valueWan : value;
  }
}
