package org.gongkai.text;

import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.io.Reader;
import org.apache.lucene.analysis.CharFilter;

/**
 * Folds traditional Chinese characters to simplified ones, one character for one, so that 工會經費 and
 * 工会经费 are the same words to search and to metadata, while offsets (and so highlights) still point
 * at the characters as written.
 *
 * <p>The table is ICU's {@code Traditional-Simplified} transform applied to each ideograph on its
 * own; only one-to-one results are kept, so folding never changes a text's length. Mirrored pages
 * written in traditional characters are the reason: search folds both the text and the query.
 */
public final class ScriptFold {

  /**
   * Traditional code point → simplified code point, for the Basic Multilingual Plane's ideographs.
   */
  private static final char[] TABLE = build();

  private ScriptFold() {}

  private static char[] build() {
    Transliterator t2s = Transliterator.getInstance("Traditional-Simplified");
    char[] table = new char[0x10000];
    for (char c = 0x3400; c < 0xA000; c++) {
      if (!Character.isIdeographic(c)) continue;
      String out = t2s.transliterate(String.valueOf(c));
      if (out.length() == 1 && out.charAt(0) != c && Character.isIdeographic(out.charAt(0)))
        table[c] = out.charAt(0);
    }
    return table;
  }

  /**
   * {@code text} with every traditional character replaced by its simplified form (same length).
   */
  public static String simplify(String text) {
    if (text == null) return null;
    char[] out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char s = TABLE[c];
      if (s != 0) {
        if (out == null) out = text.toCharArray();
        out[i] = s;
      }
    }
    return out == null ? text : new String(out);
  }

  /** {@code c}'s simplified form, or {@code c} where it is none's traditional form. */
  public static char simplify(char c) {
    char s = TABLE[c];
    return s != 0 ? s : c;
  }

  /**
   * How many characters of {@code text} are traditional forms (a page mirrored in traditional
   * script has many).
   */
  public static int traditionalCount(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) if (TABLE[text.charAt(i)] != 0) n++;
    return n;
  }

  /**
   * The analysis char filter: folds as {@link #simplify} does, with offsets kept on the original.
   * Written here rather than Lucene's {@code MappingCharFilter}: the fold is one character for one,
   * so a table look-up per character does it and no offset needs correcting, where the mapping
   * filter walks its map for every character (a twelfth of ingest time, with the text and the word
   * fields each folding the text).
   */
  static Reader reader(Reader in) {
    return new Fold(in);
  }

  private static final class Fold extends CharFilter {
    Fold(Reader in) {
      super(in);
    }

    @Override
    protected int correct(int offset) {
      return offset; // same length
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      int n = input.read(buffer, offset, length);
      for (int i = offset; i < offset + n; i++) {
        char s = TABLE[buffer[i]];
        if (s != 0) buffer[i] = s;
      }
      return n;
    }
  }
}
