package org.gongkai.text;

import java.io.IOException;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Cuts NFKC-folded text into <b>units</b> — a number, or one letter of any script — skipping
 * everything else (spaces, line breaks, punctuation), and emits every unit at its own position
 * plus, stacked on it, the bigram of each two successive letters.
 *
 * <p>For the index, a letter inside a run of letters (a letter before it and after it) is emitted
 * only as the bigram starting there: a phrase of two or more units is matched through bigrams, with
 * a unigram only for a letter next to a number or at the end of the phrase, and such a letter is at
 * an end of its run in the text too; a lone letter is matched as every term it begins. Unigrams
 * inside runs were a fifth of the index (benchmark corpus: 24.6 → 19.7 MB). The highlighter's
 * analysis ({@link #everyUnigram()}) keeps every unigram, so a lone letter is marked as itself.
 *
 * <p>A number is a run of ASCII digits that may hold a {@code .} between digits and thousands
 * separators ({@code 1,234.5} is the unit {@code 1234.5}); any other character ends it, so the
 * cells {@code 465.38\t218.63} are two numbers and a phrase never matches part of a number.
 *
 * <p>Written here rather than {@code StandardTokenizer} + {@code CJKBigramFilter} because those
 * keep Latin runs and letter–digit mixes ({@code ppp}, {@code a1}) as single words, so a phrase
 * could not match inside them, and the bigram filter pairs characters only when their offsets
 * touch, which punctuation and line breaks between them prevent.
 */
public final class ExactTokenizer extends Tokenizer {

  /** Token types, used by the query side to pick bigrams or unigrams. */
  public static final String NUMBER = "<NUM>";

  public static final String LETTER = "<LETTER>";
  public static final String BIGRAM = "<BIGRAM>";

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
  private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
  private final PositionLengthAttribute posLen = addAttribute(PositionLengthAttribute.class);
  private final TypeAttribute type = addAttribute(TypeAttribute.class);

  private final boolean everyUnigram;
  private String text = "";
  private int pos; // start of the next unit in text
  private boolean afterLetter; // the unit before pos was a letter
  // a bigram to emit before moving on: where its two letters are
  private int pendingBigramStart = -1;
  private int pendingBigramSecond;
  private int pendingBigramEnd;

  /** The index's analysis: no unigram for a letter inside a run of letters. */
  public ExactTokenizer() {
    this(false);
  }

  private ExactTokenizer(boolean everyUnigram) {
    this.everyUnigram = everyUnigram;
  }

  /** Either analysis, with its attributes made by {@code factory} (for analysis factories). */
  public ExactTokenizer(org.apache.lucene.util.AttributeFactory factory, boolean everyUnigram) {
    super(factory);
    this.everyUnigram = everyUnigram;
  }

  /** The highlighter's and the query parser's analysis: every unit's unigram, and the bigrams. */
  public static ExactTokenizer everyUnigram() {
    return new ExactTokenizer(true);
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    text = Chars.readAll(input);
    pos = 0;
    afterLetter = false;
    pendingBigramStart = -1;
  }

  @Override
  public boolean incrementToken() {
    clearAttributes();
    if (pendingBigramStart >= 0) {
      term.setEmpty()
          .append(
              text,
              pendingBigramStart,
              pendingBigramStart + Character.charCount(text.codePointAt(pendingBigramStart)))
          .append(text, pendingBigramSecond, pendingBigramEnd);
      offset.setOffset(correctOffset(pendingBigramStart), correctOffset(pendingBigramEnd));
      posInc.setPositionIncrement(0);
      posLen.setPositionLength(2);
      type.setType(BIGRAM);
      pendingBigramStart = -1;
      return true;
    }
    while (pos < text.length() && !isUnitStart(text.codePointAt(pos)))
      pos += Character.charCount(text.codePointAt(pos));
    if (pos >= text.length()) return false;
    int start = pos;
    if (isDigit(text.charAt(start))) {
      int end = numberEnd(start);
      for (int i = start; i < end; i++) {
        if (text.charAt(i) != ',') term.append(text.charAt(i));
      }
      offset.setOffset(correctOffset(start), correctOffset(end));
      type.setType(NUMBER);
      pos = end;
      afterLetter = false;
      return true;
    }
    int end = start + Character.charCount(text.codePointAt(start));
    term.append(text, start, end);
    offset.setOffset(correctOffset(start), correctOffset(end));
    type.setType(LETTER);
    pos = end;
    int next = end;
    while (next < text.length() && !isUnitStart(text.codePointAt(next)))
      next += Character.charCount(text.codePointAt(next));
    boolean inside = afterLetter;
    afterLetter = true;
    if (next < text.length() && isLetter(text.codePointAt(next))) {
      int nextEnd = next + Character.charCount(text.codePointAt(next));
      if (inside && !everyUnigram) { // the bigram alone, at this letter's position
        term.append(text, next, nextEnd);
        offset.setOffset(correctOffset(start), correctOffset(nextEnd));
        posLen.setPositionLength(2);
        type.setType(BIGRAM);
        return true;
      }
      pendingBigramStart = start;
      pendingBigramSecond = next;
      pendingBigramEnd = nextEnd;
    }
    return true;
  }

  /**
   * End of the number starting at {@code i}: digits, a '.' between digits, thousands separators.
   */
  private int numberEnd(int i) {
    int j = i;
    while (j < text.length()) {
      char c = text.charAt(j);
      if (isDigit(c)) {
        j++;
      } else if (c == '.' && j + 1 < text.length() && isDigit(text.charAt(j + 1))) {
        j++;
      } else if (c == ',' && isThousands(j + 1)) {
        j++;
      } else {
        break;
      }
    }
    return j;
  }

  /** Whether exactly three digits start at {@code i} (a thousands group after a comma). */
  private boolean isThousands(int i) {
    if (i + 3 > text.length()) return false;
    for (int k = i; k < i + 3; k++) {
      if (!isDigit(text.charAt(k))) return false;
    }
    return i + 3 == text.length() || !isDigit(text.charAt(i + 3));
  }

  private static boolean isUnitStart(int cp) {
    return isDigit(cp) || isLetter(cp);
  }

  private static boolean isDigit(int cp) {
    return cp >= '0' && cp <= '9';
  }

  /** Any letter or number that is not an ASCII digit counts as a one-character unit. */
  private static boolean isLetter(int cp) {
    if (isDigit(cp)) return false;
    int t = Character.getType(cp);
    return Character.isLetter(cp)
        || t == Character.DECIMAL_DIGIT_NUMBER
        || t == Character.LETTER_NUMBER
        || t == Character.OTHER_NUMBER;
  }

  @Override
  public void end() throws IOException {
    super.end();
    int last = correctOffset(text.length());
    offset.setOffset(last, last);
  }

  @Override
  public void close() throws IOException {
    super.close();
    text = "";
  }
}
