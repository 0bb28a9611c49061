package org.gongkai.indicators;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The prose of a document as paragraphs, for reading figures in sentences: a PDF's text keeps the
 * page's line breaks where a paragraph was wrapped, often inside an amount ({@code 减少2,389.52万} /
 * {@code 元}) or between a label and its amount ({@code 收入预算为} / {@code 15184.81万元}). Lines are
 * joined into a paragraph when the first does not end a sentence and the second does not begin a
 * heading, an item of a list or a table's row; each paragraph keeps, per character, its offset in
 * the clean text, so a figure read in it still points at the text. Pure.
 */
final class Prose {

  /** A paragraph: its text (lines joined without their breaks) and each character's offset. */
  record Paragraph(String text, int[] offsets) {

    int offset(int i) {
      return i < offsets.length ? offsets[i] : offsets[offsets.length - 1] + 1;
    }

    /** Characters {@code [from, to)} of the paragraph as {@code original} writes them. */
    String original(String original, int from, int to) {
      char[] out = new char[to - from];
      for (int i = from; i < to; i++) out[i - from] = original.charAt(offsets[i]);
      return new String(out);
    }

    /** The offset just after the character before {@code i} (the end of a value read up to i). */
    int endOffset(int i) {
      return i == 0 ? offsets[0] : offsets[i - 1] + 1;
    }
  }

  /**
   * Whether a stripped line ends a sentence: its stop, then only closing quotes or brackets ({@code
   * 。”}).
   */
  private static boolean endsSentence(String l) {
    int i = l.length() - 1;
    while (i >= 0 && "”’）)」』".indexOf(l.charAt(i)) >= 0) i--;
    return i >= 0 && "。；;！？!?".indexOf(l.charAt(i)) >= 0;
  }

  /** A line that begins a new block: a heading, an item of a list, a caption, a note. */
  private static final Pattern BLOCK_START =
      Pattern.compile(
          "^\\s*(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]{1,3}\\s*[、.．]|[（(]\\s*[一二三四五六七八九十]{1,3}\\s*[)）]"
              + "|\\d{1,2}\\s*[.．、](?![\\d])|[（(]\\d{1,2}[)）]|[①-⑳]|[图表]\\s*\\d|注\\s*[:：]|附件|附表|目\\s*录)");

  /**
   * What continues an amount or its unit on the next line: {@code .84万元}, {@code 万元}, {@code 元}.
   */
  private static final Pattern CONTINUES_AMOUNT =
      Pattern.compile("^\\s*(?:[.．][0-9]|[0-9]|万元|元|亿元|%|％)");

  private static final Pattern CAPTION =
      Pattern.compile(
          "^(?:金额)?单位\\s*[:：]|(?:^|\\s)(?:金额)?单位\\s*[:：]\\s*(?:万元|元|亿元)\\s*$|^编制(?:部门|单位)\\s*[:：]");

  /** An amount and its unit at a line's start: {@code 1,200.00 万元，}. */
  private static final Pattern AMOUNT_WITH_UNIT =
      Pattern.compile("\\s*[0-9][0-9,，]*(?:[.．][0-9]+)?\\s*(?:万元|亿元|元)");

  /** A score alone on its line: {@code 98分}, {@code 92.5 分。}. */
  private static final Pattern SCORE_LINE =
      Pattern.compile("\\s*[0-9]{1,3}(?:[.．][0-9]+)?\\s*分\\s*[。.]?\\s*");

  private static final Pattern SCORE_LABEL_AT_END = Pattern.compile("(?:得分|总分|评分)(?:为|是)?[:：]?$");

  private static final Pattern ENDS_IN_AMOUNT = Pattern.compile("(?:[0-9][,，.．]?|万|亿)\\s*$");

  private Prose() {}

  /**
   * The paragraphs of the lines {@code [from, to)} of {@code text} that {@code prose} accepts
   * (lines it refuses — table rows — break paragraphs).
   */
  static List<Paragraph> paragraphs(String text, java.util.function.IntPredicate isProseLine) {
    List<Paragraph> out = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    IntList map = new IntList();
    String previous = null;
    int from = 0;
    while (from <= text.length()) {
      int nl = text.indexOf('\n', from);
      int to = nl < 0 ? text.length() : nl;
      String line = text.substring(from, to);
      boolean prose = isProseLine.test(from) && !line.isBlank();
      if (!prose) {
        flush(out, sb, map);
        previous = null;
      } else {
        if (previous != null && !joins(previous, line)) flush(out, sb, map);
        for (int i = 0; i < line.length(); i++) {
          sb.append(line.charAt(i));
          map.add(from + i);
        }
        previous = line;
      }
      if (nl < 0) break;
      from = nl + 1;
    }
    flush(out, sb, map);
    return out;
  }

  /** Whether {@code next} continues the paragraph that {@code line} ends. */
  static boolean joins(String line, String next) {
    String l = line.strip();
    // (every line of a report's prose comes here twice: the patterns below are tried only where
    // the words they need are there, and anchored ones only at the line's start)
    if (l.isEmpty() || endsSentence(l)) return false;
    // a table's caption (its unit, its issuer) stands alone
    if ((l.contains("单位") || l.startsWith("编制")) && CAPTION.matcher(l).find()) return false;
    if (CAPTION.matcher(next.strip()).lookingAt()) return false;
    // an amount cut by the line's end always joins: 2,389.52万 / 元, 收入预算为 / 15184.81万元
    if (CONTINUES_AMOUNT.matcher(next).lookingAt()
        && (ENDS_IN_AMOUNT.matcher(l).find() || l.endsWith("为") || l.endsWith("："))) return true;
    // 2026 年预算数 / 1,200.00 万元，…: a line that opens with an amount and its unit goes on the
    // sentence before (no heading, item or row opens so)
    if (AMOUNT_WITH_UNIT.matcher(next).lookingAt()) return true;
    // （一）部门整体绩效自评得分 / 98分: a heading that names a score, the score on the line below
    if (l.indexOf('分') >= 0
        && SCORE_LABEL_AT_END.matcher(l).find()
        && SCORE_LINE.matcher(next).matches()) return true;
    if (BLOCK_START.matcher(next).lookingAt()) return false;
    if (l.length() >= 30) return true;
    // a short line without punctuation (its list marker aside) is a heading or a caption
    Matcher marker = BLOCK_START.matcher(l);
    String body = marker.lookingAt() ? l.substring(marker.end()) : l;
    for (int i = 0; i < body.length(); i++) if ("，,、：:；".indexOf(body.charAt(i)) >= 0) return true;
    return false;
  }

  private static void flush(List<Paragraph> out, StringBuilder sb, IntList map) {
    if (sb.length() > 0) out.add(new Paragraph(sb.toString(), map.toArray()));
    sb.setLength(0);
    map.clear();
  }

  /** A growable list of ints (a paragraph's offsets), without boxing every character. */
  private static final class IntList {
    private int[] a = new int[256];
    private int n;

    void add(int v) {
      if (n == a.length) a = java.util.Arrays.copyOf(a, n * 2);
      a[n++] = v;
    }

    void clear() {
      n = 0;
    }

    int[] toArray() {
      return java.util.Arrays.copyOf(a, n);
    }
  }
}
