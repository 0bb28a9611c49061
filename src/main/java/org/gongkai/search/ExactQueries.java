package org.gongkai.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.gongkai.text.ExactTokenizer;

/**
 * Builds the query for "this text occurs here" on an exact-analysed field: the text's units
 * (numbers and single letters) must follow one another. The text is read with every unigram ({@link
 * org.gongkai.index.Schema#markingAnalyzer()}); the query uses only terms the index has. Runs of
 * letters are matched through the bigrams stacked on the unigrams, which keeps the phrase short and
 * its terms rare; a lone letter or a number is matched as itself, so numbers only ever match whole.
 */
final class ExactQueries {

  private final Analyzer analyzer;

  ExactQueries(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /**
   * The query for {@code text} on {@code field} as indexed, or empty when the text holds no letter
   * or digit. A lone letter is every term it begins (itself, where it ends a run of letters, and
   * the bigrams it starts).
   */
  Optional<Query> occurs(String field, String text) {
    List<String> units = new ArrayList<>();
    List<String> bigrams =
        new ArrayList<>(); // bigrams.get(i): the bigram starting at unit i, or null
    List<Boolean> letters = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      TypeAttribute type = ts.addAttribute(TypeAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        if (ExactTokenizer.BIGRAM.equals(type.type())) {
          bigrams.set(units.size() - 1, term.toString());
        } else {
          units.add(term.toString());
          bigrams.add(null);
          letters.add(ExactTokenizer.LETTER.equals(type.type()));
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // analysing a String does no I/O
    }
    if (units.isEmpty()) return Optional.empty();
    if (units.size() == 1) {
      Term unit = new Term(field, units.get(0));
      // a lone letter's every bigram, constant-scored as before, but as a filter within: the
      // searcher caches a filter's matches, and a common letter's prefix is thousands of terms
      return Optional.of(
          letters.get(0) ? new ConstantScoreQuery(new PrefixQuery(unit)) : new TermQuery(unit));
    }
    PhraseQuery.Builder phrase = new PhraseQuery.Builder();
    int n = units.size();
    for (int i = 0; i < n; ) {
      if (bigrams.get(i) != null) {
        phrase.add(new Term(field, bigrams.get(i)), i);
        i += 2;
      } else if (i > 0 && bigrams.get(i - 1) != null) {
        phrase.add(
            new Term(field, bigrams.get(i - 1)), i - 1); // the odd letter ending a run: overlap
        i++;
      } else {
        phrase.add(new Term(field, units.get(i)), i);
        i++;
      }
    }
    return Optional.of(phrase.build());
  }

  /**
   * The query the highlighter marks with, from an {@link #occurs} query: the same, but a lone
   * letter is itself, not every term it begins (the highlighter analyses with every unigram).
   */
  static Query marks(Query occurs) {
    return occurs instanceof ConstantScoreQuery c && c.getQuery() instanceof PrefixQuery lone
        ? new TermQuery(lone.getPrefix())
        : occurs;
  }
}
