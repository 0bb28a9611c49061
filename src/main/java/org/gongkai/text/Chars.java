package org.gongkai.text;

/** Display width of text, which decides whether a PDF line fills the page. */
public final class Chars {
  private Chars() {}

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
