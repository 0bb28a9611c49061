package org.gongkai.text;

/** Character classes shared by the cleaner, the splitter and the analyzers. */
public final class Chars {
  private Chars() {}

  public static boolean isHan(int cp) {
    return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
  }

  /** Han characters and the punctuation set in Chinese text (full-width forms, CJK symbols, curly quotes). */
  public static boolean isCjk(int cp) {
    if (isHan(cp)) return true;
    Character.UnicodeBlock b = Character.UnicodeBlock.of(cp);
    return b == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
        || b == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
        || cp == '“' || cp == '”' || cp == '‘' || cp == '’' || cp == '…' || cp == '—' || cp == '·';
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
