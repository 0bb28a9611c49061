package org.gongkai.search;

import java.util.List;
import org.gongkai.model.Facet;

/** The parsed form of what a journalist typed. */
sealed interface QueryNode {

  /**
   * {@code "exact phrase"}: matches where the phrase occurs, ignoring spaces, line breaks and
   * punctuation.
   */
  record Phrase(String text) implements QueryNode {}

  /** An unquoted word: its HanLP words must each occur; ranked by BM25, proximity and headings. */
  record Word(String text) implements QueryNode {}

  /** {@code key:value}, e.g. {@code region:湖北省/武汉市}, {@code year:2022..2024}. */
  record Filter(Facet facet, String value) implements QueryNode {}

  /**
   * {@code 公务接待费>1}, {@code 基本支出:100..500}: the document's headline value of an indicator (in 万元
   * for money) lies in the range; null bounds are open.
   */
  record Numeric(
      String indicator, Double min, boolean minInclusive, Double max, boolean maxInclusive)
      implements QueryNode {}

  /**
   * {@code title:汉阳区}, {@code issuer:"总工会"}: the report's title or issuer holds the text (as a
   * phrase); {@code field} is {@code title} or {@code issuer}.
   */
  record Field(String field, String text) implements QueryNode {}

  record Not(QueryNode node) implements QueryNode {}

  record And(List<QueryNode> nodes) implements QueryNode {
    public And {
      nodes = List.copyOf(nodes);
    }
  }

  record Or(List<QueryNode> nodes) implements QueryNode {
    public Or {
      nodes = List.copyOf(nodes);
    }
  }
}
