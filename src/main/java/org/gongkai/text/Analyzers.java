package org.gongkai.text;

import com.ibm.icu.text.Normalizer2;
import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.icu.ICUNormalizer2CharFilter;

/**
 * The two analyses of section text: a <b>word</b> analysis (HanLP words, for ranking) and an
 * <b>exact</b> analysis (for phrase matching that never misses).
 *
 * <p>Both fold the text first: NFKC, then traditional characters to simplified, so 工會經費 and 工会经费
 * are one phrase. Exact: text is folded, then {@link ExactTokenizer} keeps only letters and numbers
 * (a number whole, with its decimal point), every letter as a unigram with the bigram of it and the
 * next letter stacked on it — so spaces, PDF line breaks and punctuation cannot split a phrase, and
 * offsets still point into the original text for highlighting.
 */
public final class Analyzers {

  private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();

  private Analyzers() {}

  /**
   * NFKC folding (full-width forms, circled numbers, compatibility ideographs), then traditional
   * characters to simplified ({@link ScriptFold}), with offset correction.
   */
  static Reader nfkc(Reader reader) {
    if (reader instanceof Folded) return reader; // folded once already, for several fields
    return ScriptFold.reader(new ICUNormalizer2CharFilter(reader, NFKC));
  }

  /**
   * {@code text} folded as the analyses' char filters fold it (NFKC, then traditional characters to
   * simplified): what their tokenizers read. Given as {@link Folded} to an analysis, it is read as
   * it is.
   */
  public static String fold(String text) {
    String normalized = NFKC.spanQuickCheckYes(text) == text.length() ? text : NFKC.normalize(text);
    return ScriptFold.simplify(normalized);
  }

  public static Analyzer word() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer t = new HanLpTokenizer(HanLpSegmenter.create());
        return new TokenStreamComponents(t, new LowerCaseFilter(t));
      }

      @Override
      protected Reader initReader(String field, Reader reader) {
        return nfkc(reader);
      }
    };
  }

  /** The exact analysis as indexed (no unigram inside a run of letters). */
  public static Analyzer exact() {
    return exact(false);
  }

  /**
   * The exact analysis with every unigram: what the query side reads a phrase's units from, and
   * what the highlighter marks.
   */
  public static Analyzer exactEveryUnigram() {
    return exact(true);
  }

  private static Analyzer exact(boolean everyUnigram) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer t = everyUnigram ? ExactTokenizer.everyUnigram() : new ExactTokenizer();
        return new TokenStreamComponents(t, new LowerCaseFilter(t));
      }

      @Override
      protected Reader initReader(String field, Reader reader) {
        return nfkc(reader);
      }
    };
  }
}
