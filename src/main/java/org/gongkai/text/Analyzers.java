package org.gongkai.text;

import java.io.Reader;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthCharFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The two analyses of section text: a <b>word</b> analysis (HanLP words, for ranking) and an
 * <b>exact</b> analysis (for phrase matching that never misses).
 *
 * <p>Exact: full-width forms fold to half-width, everything that is not a letter or digit is removed
 * (a {@code .} between digits stays, so {@code 465.38} is one number) — so spaces, PDF line breaks and
 * punctuation cannot split a phrase, and offsets still point into the original text for highlighting.
 * Then Han characters become unigrams and stacked bigrams; numbers and Latin words stay whole.
 */
public final class Analyzers {

  private Analyzers() {}

  /** Everything the exact field ignores: not a letter or digit, except a '.' between two digits. */
  static final Pattern IGNORED = Pattern.compile("(?:(?<![0-9])\\.|\\.(?![0-9])|[^\\p{L}\\p{N}.])+");

  public static Analyzer word() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer t = new HanLpTokenizer(HanLpSegmenter.create());
        return new TokenStreamComponents(t, new LowerCaseFilter(t));
      }

      @Override
      protected Reader initReader(String field, Reader reader) {
        return new CJKWidthCharFilter(reader);
      }
    };
  }

  public static Analyzer exact() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer t = new StandardTokenizer();
        TokenStream s = new LowerCaseFilter(t);
        s = new CJKBigramFilter(s, CJKBigramFilter.HAN, true);
        return new TokenStreamComponents(t, s);
      }

      @Override
      protected Reader initReader(String field, Reader reader) {
        return new PatternReplaceCharFilter(IGNORED, "", new CJKWidthCharFilter(reader));
      }
    };
  }
}
