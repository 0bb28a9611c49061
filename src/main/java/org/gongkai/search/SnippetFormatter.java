package org.gongkai.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Formats highlighted passages as HTML: every character escaped, each match in one {@code <mark>}.
 * Matches separated only by spaces, line breaks or punctuation merge into one mark (a phrase found
 * across {@code “三公”经费} is one mark) and marks never start or end on punctuation.
 *
 * <p>As a <b>snippet</b>, runs of whitespace show as one space, long passages are cut to a window
 * around their first match, and passages that do not reach the ends of the text get an ellipsis. As
 * a <b>whole text</b>, the text is kept as it is (line breaks included) and the first mark gets
 * {@code id="hit"} so a link ending in {@code #hit} scrolls to it.
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
  public String format(Passage[] passages, String content) {
    if (whole) {
      StringBuilder sb = new StringBuilder();
      int pos = 0;
      Marker marker = new Marker(false, true);
      for (Passage p : passages) {
        marker.escape(sb, content, pos, p.getStartOffset());
        marker.appendMarked(
            sb,
            content,
            p.getStartOffset(),
            p.getEndOffset(),
            p.getMatchStarts(),
            p.getMatchEnds(),
            p.getNumMatches());
        pos = p.getEndOffset();
      }
      marker.escape(sb, content, pos, content.length());
      return sb.toString();
    }
    Marker marker = new Marker(true, false);
    StringBuilder sb = new StringBuilder();
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
      if (start > lastEnd || (sb.length() == 0 && start > 0)) sb.append(ELLIPSIS);
      marker.appendMarked(
          sb, content, start, end, p.getMatchStarts(), p.getMatchEnds(), p.getNumMatches());
      lastEnd = end;
    }
    if (passages.length > 0 && lastEnd < content.length()) sb.append(ELLIPSIS);
    return sb.toString().strip();
  }

  /** Writes escaped text and marks; remembers whether it has written a mark yet. */
  static final class Marker {
    private final boolean collapseSpaces;
    private final boolean firstId;
    private boolean marked;

    Marker(boolean collapseSpaces, boolean firstId) {
      this.collapseSpaces = collapseSpaces;
      this.firstId = firstId;
    }

    /** Appends {@code content[start, end)} with the given matches marked. */
    void appendMarked(
        StringBuilder sb,
        String content,
        int start,
        int end,
        int[] matchStarts,
        int[] matchEnds,
        int n) {
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
          markEnd =
              Math.max(markEnd, e); // touching, overlapping or only punctuation between: one mark
          continue;
        }
        if (markStart >= 0) {
          pos = flush(sb, content, pos, markStart, markEnd);
        }
        markStart = s;
        markEnd = e;
      }
      if (markStart >= 0) pos = flush(sb, content, pos, markStart, markEnd);
      escape(sb, content, pos, Math.max(pos, end));
    }

    private int flush(StringBuilder sb, String content, int pos, int markStart, int markEnd) {
      escape(sb, content, pos, markStart);
      sb.append(firstId && !marked ? "<mark id=\"hit\">" : "<mark>");
      marked = true;
      escape(sb, content, markStart, markEnd);
      sb.append("</mark>");
      return markEnd;
    }

    void escape(StringBuilder sb, String s, int from, int to) {
      if (collapseSpaces) SnippetFormatter.escape(sb, s, from, to);
      else escapeKeepingSpaces(sb, s, from, to);
    }
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

  /** HTML-escapes {@code s[from, to)} as it is. */
  static void escapeKeepingSpaces(StringBuilder sb, String s, int from, int to) {
    for (int i = from; i < to; i++) appendEscaped(sb, s.charAt(i));
  }

  static void appendEscaped(StringBuilder sb, char c) {
    switch (c) {
      case '&' -> sb.append("&amp;");
      case '<' -> sb.append("&lt;");
      case '>' -> sb.append("&gt;");
      case '"' -> sb.append("&quot;");
      case '\'' -> sb.append("&#39;");
      default -> sb.append(c);
    }
  }

  /** HTML-escapes {@code s[from, to)}, folding each run of whitespace to one space. */
  static void escape(StringBuilder sb, String s, int from, int to) {
    boolean space = false;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || c == '\u3000' || c == '\u00a0') {
        if (!space) sb.append(' ');
        space = true;
        continue;
      }
      space = false;
      appendEscaped(sb, c);
    }
  }
}
