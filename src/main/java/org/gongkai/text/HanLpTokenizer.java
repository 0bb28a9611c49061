package org.gongkai.text;

import java.io.IOException;
import java.util.Iterator;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * A Lucene {@link Tokenizer} around HanLP: reads the whole input in {@link #reset()}, segments it,
 * and emits every word that holds a letter or digit, with offsets corrected through any char
 * filter.
 *
 * <p>Written here because {@code hanlp-lucene-plugin} targets Lucene 7 and breaks the tokenizer
 * contract (it reads input outside reset and does not correct offsets).
 */
public final class HanLpTokenizer extends Tokenizer {

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
  private final HanLpSegmenter.Segmenter segmenter;
  private Iterator<HanLpSegmenter.Word> words;
  private int length;

  public HanLpTokenizer(HanLpSegmenter.Segmenter segmenter) {
    this.segmenter = segmenter;
  }

  /** The same, with its attributes made by {@code factory} (for analysis factories). */
  public HanLpTokenizer(
      org.apache.lucene.util.AttributeFactory factory, HanLpSegmenter.Segmenter segmenter) {
    super(factory);
    this.segmenter = segmenter;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    String text = Chars.readAll(input);
    length = text.length();
    words = segmenter.segment(text).iterator();
  }

  @Override
  public boolean incrementToken() {
    if (words == null) throw new IllegalStateException("reset() not called");
    clearAttributes();
    while (words.hasNext()) {
      HanLpSegmenter.Word w = words.next();
      if (!hasLetterOrDigit(w.text())) continue;
      term.setEmpty().append(w.text());
      offset.setOffset(correctOffset(w.start()), correctOffset(w.end()));
      return true;
    }
    return false;
  }

  @Override
  public void end() throws IOException {
    super.end();
    int last = correctOffset(length);
    offset.setOffset(last, last);
  }

  @Override
  public void close() throws IOException {
    super.close();
    words = null;
  }

  private static boolean hasLetterOrDigit(String s) {
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (Character.isLetterOrDigit(cp)) return true;
      i += Character.charCount(cp);
    }
    return false;
  }
}
