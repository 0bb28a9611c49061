package org.gongkai.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pattern searched through a long text only where one of its matches may begin: at a character of
 * a given set. {@link Matcher#find()} tries the whole pattern at every place of the text, and a
 * wording's alternatives ({@code 单位构成|编制范围|…}) or a class of many characters cost a dozen
 * comparisons a place; a report's readers and checks each search the whole text, so this was most
 * of what reading a report's figures cost. Here a place is tried only when its character is one a
 * match may open with (a table lookup), and then the pattern is matched there as {@link
 * Matcher#lookingAt()} with the text around it visible (look-behinds and {@code ^} see what stands
 * before): the same matches as {@code find()}, in the same order, provided every match of the
 * pattern opens with one of the characters given — which a test checks for each use, over real
 * reports.
 */
public final class Starts {

  private final Pattern pattern;
  private final long[] bits = new long[1 << 10]; // one bit a UTF-16 unit
  private final boolean lineStarts;

  /** Matches of {@code pattern}, each of which opens with one of {@code firsts}. */
  public Starts(Pattern pattern, String firsts) {
    this(pattern, firsts, false);
  }

  private Starts(Pattern pattern, String firsts, boolean lineStarts) {
    this.pattern = pattern;
    this.lineStarts = lineStarts;
    for (int i = 0; i < firsts.length(); i++) {
      char c = firsts.charAt(i);
      bits[c >>> 6] |= 1L << c;
    }
  }

  /**
   * Matches of a pattern that opens with {@code ^} in {@link Pattern#MULTILINE} mode: tried only at
   * the text's start and after a line's end.
   */
  public static Starts atLineStarts(Pattern pattern) {
    if ((pattern.flags() & Pattern.MULTILINE) == 0 && !pattern.pattern().startsWith("(?m)"))
      throw new IllegalArgumentException("not a pattern of line starts: " + pattern);
    return new Starts(pattern, "\n\r\u0085\u2028\u2029", true);
  }

  /** Whether a match may open at {@code i} of {@code text}. */
  private boolean mayOpenAt(CharSequence text, int i) {
    return lineStarts ? i == 0 || opensWith(text.charAt(i - 1)) : opensWith(text.charAt(i));
  }

  public Pattern pattern() {
    return pattern;
  }

  /** Whether a match may open with {@code c}. */
  public boolean opensWith(char c) {
    return (bits[c >>> 6] & (1L << c)) != 0;
  }

  /** The matches of the pattern in {@code text}, found one by one with {@link Scan#find()}. */
  public Scan in(CharSequence text) {
    return new Scan(this, text, 0, text.length());
  }

  /** The first match in {@code text}, or null. */
  public Matcher first(CharSequence text) {
    Scan s = in(text);
    return s.find() ? s.matcher() : null;
  }

  /** A search in progress: {@link #find()} as {@link Matcher#find()}, then the matcher's groups. */
  public static final class Scan {
    private final Starts starts;
    private final CharSequence text;
    private final Matcher m;
    private final int to;
    private int at;

    private Scan(Starts starts, CharSequence text, int from, int to) {
      this.starts = starts;
      this.text = text;
      this.m = starts.pattern.matcher(text);
      m.useTransparentBounds(true).useAnchoringBounds(false);
      this.to = to;
      this.at = from;
    }

    /** The next match, as {@link Matcher#find()} would find it. */
    public boolean find() {
      for (int i = at; i < to; i++) {
        if (!starts.mayOpenAt(text, i)) continue;
        m.region(i, to);
        if (m.lookingAt()) {
          at = m.end() > i ? m.end() : i + 1;
          return true;
        }
      }
      at = to;
      return false;
    }

    /** The next match at or after {@code from}, as {@link Matcher#find(int)} would find it. */
    public boolean find(int from) {
      at = from;
      return find();
    }

    /** The matcher, holding the last match found. */
    public Matcher matcher() {
      return m;
    }

    public int start() {
      return m.start();
    }

    public int end() {
      return m.end();
    }

    public String group() {
      return m.group();
    }

    public String group(int g) {
      return m.group(g);
    }

    public int start(int g) {
      return m.start(g);
    }

    public int end(int g) {
      return m.end(g);
    }
  }
}
