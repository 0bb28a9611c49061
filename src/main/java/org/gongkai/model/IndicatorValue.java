package org.gongkai.model;

/**
 * One statement of an indicator's value in a document, with where it came from.
 *
 * <p>{@code value} is in {@code unit} as written ({@code asWritten} is the text: {@code 465.38
 * 万元}); money is also given in 万元 ({@code valueWan}, null for counts and scores). {@code role} says
 * which figure it is ({@code 本年决算}, {@code 年初预算}, {@code 本年预算}, {@code 上年}); one mention per
 * document and indicator is the {@code headline}. {@code source} is the sentence or table row, and
 * {@code start}/{@code end} the offsets of the value in the document's clean text.
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
    int end) {

  public IndicatorValue asHeadline() {
    return new IndicatorValue(
        indicator,
        name,
        value,
        unit,
        asWritten,
        valueWan,
        role,
        true,
        sourceKind,
        docId,
        sectionId,
        source,
        start,
        end);
  }

  /** The value compared across documents: 万元 for money, the count or score otherwise. */
  public double comparable() {
    return valueWan != null ? valueWan : value;
  }
}
