package org.gongkai.search;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.gongkai.model.Marked;

/**
 * Formats highlighted passages as {@link Marked} text: each match one mark. Matches separated only
 * by spaces, line breaks or punctuation merge into one mark (a phrase found across {@code “三公”经费}
 * is one mark) and marks never start or end on punctuation.
 *
 * <p>As a <b>snippet</b>, runs of whitespace show as one space, long passages are cut to a window
 * around their first match, and passages that do not reach the ends of the text get an ellipsis. As
 * a <b>whole text</b>, the text is kept as it is (line breaks included).
 */
final class SnippetFormatter extends PassageFormatter {

  private final boolean whole;

  private SnippetFormatter(boolean whole) {
    this.whole = whole;
  }

  static SnippetFormatter snippet() {
    return new SnippetFormatter(false);
  }

  static SnippetFormatter wholeText() {
    return new SnippetFormatter(true);
  }

  static final String ELLIPSIS = "…";

  /**
   * Longest passage shown. Tables have no sentence ends, so a sentence-bounded passage can run for
   * pages; a longer one is cut to a window that starts a little before its first match.
   */
  static final int MAX_PASSAGE_CHARS = 160;

  static final int LEAD_CHARS = 40;

  @Override
  public Marked format(Passage[] passages, String content) {
    if (whole) {
      Marker marker = new Marker(false);
      int pos = 0;
      for (Passage p : passages) {
        marker.copy(content, pos, p.getStartOffset());
        marker.appendMarked(
            content,
            p.getStartOffset(),
            p.getEndOffset(),
            p.getMatchStarts(),
            p.getMatchEnds(),
            p.getNumMatches());
        pos = p.getEndOffset();
      }
      marker.copy(content, pos, content.length());
      return marker.result();
    }
    Marker marker = new Marker(true);
    for (Passage p : passages) {
      if (p.getNumMatches() > 0) {
        marker.at = p.getMatchStarts()[0]; // passages come in the order of the text
        break;
      }
    }
    int lastEnd = 0;
    for (Passage p : passages) {
      int start = p.getStartOffset(), end = p.getEndOffset();
      if (end - start > MAX_PASSAGE_CHARS) {
        int anchor = p.getNumMatches() > 0 ? p.getMatchStarts()[0] : start;
        start = Math.max(start, anchor - LEAD_CHARS);
        end = Math.min(end, start + MAX_PASSAGE_CHARS);
        if (Character.isLowSurrogate(content.charAt(start))) start--;
        if (end < content.length() && Character.isLowSurrogate(content.charAt(end))) end++;
      }
      if (start > lastEnd || (marker.isEmpty() && start > 0)) marker.literal(ELLIPSIS);
      marker.appendMarked(
          content, start, end, p.getMatchStarts(), p.getMatchEnds(), p.getNumMatches());
      lastEnd = end;
    }
    if (passages.length > 0 && lastEnd < content.length()) marker.literal(ELLIPSIS);
    return marker.result().stripped();
  }

  /** Builds marked text: copies content (optionally folding whitespace) and records marks. */
  static final class Marker {
    private final boolean collapseSpaces;
    private final StringBuilder sb = new StringBuilder();
    private final List<Marked.Span> marks = new ArrayList<>();

    Marker(boolean collapseSpaces) {
      this.collapseSpaces = collapseSpaces;
    }

    boolean isEmpty() {
      return sb.length() == 0;
    }

    void literal(String s) {
      sb.append(s);
    }

    /** Where the first match stands in the content, or -1. */
    int at = -1;

    Marked result() {
      return new Marked(sb.toString(), marks, at);
    }

    /** Appends {@code content[start, end)} with the given matches marked. */
    void appendMarked(
        String content, int start, int end, int[] matchStarts, int[] matchEnds, int n) {
      int pos = start;
      int markStart = -1, markEnd = -1;
      for (int k = 0; k < n; k++) {
        int s = Math.max(matchStarts[k], pos), e = Math.min(matchEnds[k], end);
        while (s < e && !isLetterOrDigit(content.codePointAt(s)))
          s += Character.charCount(content.codePointAt(s));
        while (e > s && !isLetterOrDigit(content.codePointBefore(e)))
          e -= Character.charCount(content.codePointBefore(e));
        if (s >= e) continue;
        if (markStart >= 0 && (s <= markEnd || !hasLetterOrDigit(content, markEnd, s))) {
          markEnd = Math.max(markEnd, e); // touching, overlapping or only punctuation between
          continue;
        }
        if (markStart >= 0) pos = flush(content, pos, markStart, markEnd);
        markStart = s;
        markEnd = e;
      }
      if (markStart >= 0) pos = flush(content, pos, markStart, markEnd);
      copy(content, pos, Math.max(pos, end));
    }

    private int flush(String content, int pos, int markStart, int markEnd) {
      copy(content, pos, markStart);
      int from = sb.length();
      copy(content, markStart, markEnd);
      marks.add(new Marked.Span(from, sb.length()));
      return markEnd;
    }

    /** Copies {@code s[from, to)}, folding each run of whitespace to one space in snippets. */
    void copy(String s, int from, int to) {
      if (!collapseSpaces) {
        sb.append(s, from, to);
        return;
      }
      boolean space = false;
      for (int i = from; i < to; i++) {
        char c = s.charAt(i);
        if (Character.isWhitespace(c) || c == '\u3000' || c == '\u00a0') {
          // a line break inside Chinese text (保障公 / 务接待) joins, as reading it does
          if (!space && !lineBreakInChinese(s, i)) sb.append(' ');
          space = true;
          continue;
        }
        space = false;
        sb.append(c);
      }
    }
  }

  /**
   * Whether the whitespace at {@code i} is part of a run of line breaks alone between two Chinese
   * characters (Han, or Chinese punctuation): a PDF's line end, not a space between words.
   */
  static boolean lineBreakInChinese(String s, int i) {
    int a = i, b = i;
    while (a > 0 && Character.isWhitespace(s.charAt(a - 1))) a--;
    while (b < s.length() && Character.isWhitespace(s.charAt(b))) b++;
    if (a == 0 || b == s.length()) return false;
    for (int k = a; k < b; k++) if (s.charAt(k) != '\n' && s.charAt(k) != '\r') return false;
    char before = s.charAt(a - 1), after = s.charAt(b);
    return isHan(before) && isChinese(after) || isChinese(before) && isHan(after);
  }

  private static boolean isHan(char c) {
    return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
  }

  /** Han, Chinese punctuation, or the curly quotes Chinese text uses (“三公”经费). */
  private static boolean isChinese(char c) {
    if (isHan(c) || "“”‘’…—".indexOf(c) >= 0) return true;
    Character.UnicodeBlock block = Character.UnicodeBlock.of(c);
    return block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
        || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS;
  }

  private static boolean hasLetterOrDigit(String s, int from, int to) {
    for (int i = from; i < to; ) {
      int cp = s.codePointAt(i);
      if (isLetterOrDigit(cp)) return true;
      i += Character.charCount(cp);
    }
    return false;
  }

  private static boolean isLetterOrDigit(int cp) {
    return Character.isLetterOrDigit(cp)
        || Character.getType(cp) == Character.LETTER_NUMBER
        || Character.getType(cp) == Character.OTHER_NUMBER;
  }
}
