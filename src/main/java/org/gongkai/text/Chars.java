package org.gongkai.text;

import java.io.IOException;
import java.io.Reader;

/**
 * Small text helpers: display width (whether a PDF line fills the page) and reading a whole Reader.
 */
public final class Chars {
  private Chars() {}

  /**
   * Everything left in {@code in}; our tokenizers segment whole texts, so they read it all in
   * reset().
   */
  static String readAll(Reader in) throws IOException {
    if (in instanceof Folded f) return f.rest(); // folded already: nothing to copy
    StringBuilder sb = new StringBuilder();
    char[] buf = new char[8192];
    for (int n; (n = in.read(buf)) > 0; ) sb.append(buf, 0, n);
    return sb.toString();
  }

  /** Display width in columns: CJK characters take two, everything else one. */
  public static int width(CharSequence s) {
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = Character.codePointAt(s, i);
      w += (cp >= 0x2E80 || cp == '“' || cp == '”' || cp == '‘' || cp == '’') ? 2 : 1;
      i += Character.charCount(cp);
    }
    return w;
  }
}
