package org.gongkai.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.lucene.search.Query;
import org.gongkai.index.Schema;
import org.junit.jupiter.api.Test;

/**
 * The queries of "this text occurs here": a lone letter is every term it begins, inside a constant
 * score (so the searcher may cache its matches, the score unchanged), and it marks only itself; a
 * longer text is a phrase of the bigrams and units the index holds.
 */
class ExactQueriesTest {

  private final ExactQueries exact = new ExactQueries(Schema.markingAnalyzer());

  @Test
  void aLoneLetterIsACachableFilterOfEveryTermItBeginsAndMarksItself() {
    Query letter = exact.occurs(Schema.TEXT, "费").orElseThrow();
    assertEquals("ConstantScore(text:费*)", letter.toString());
    assertEquals("text:费", ExactQueries.marks(letter).toString());
  }

  @Test
  void aNumberIsItselfAndLongerTextsArePhrasesOfBigrams() {
    assertEquals("text:2024", exact.occurs(Schema.TEXT, "2024").orElseThrow().toString());
    Query phrase = exact.occurs(Schema.TEXT, "公务接待费").orElseThrow();
    assertEquals("text:\"公务 ? 接待 待费\"", phrase.toString()); // 接待 at 2, 待费 at 3
    assertEquals(phrase, ExactQueries.marks(phrase));
  }
}
