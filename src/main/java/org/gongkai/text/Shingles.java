package org.gongkai.text;

/**
 * How much two texts are the same text: the Jaccard overlap of their character shingles ({@value
 * #SIZE} letters or digits in a row, spaces, punctuation and line breaks ignored), so a report
 * saved as PDF, DOCX and HTML reads as one text whatever its layout. Exact sets of 64-bit hashes
 * rather than MinHash sketches (Lucene's {@code MinHashFilter}): reports are compared a handful at
 * a time, where exact overlap costs little and never misjudges a pair near the threshold.
 */
public final class Shingles {

  /**
   * Letters per shingle: long enough that unrelated reports share few, short enough to survive a
   * line-break or a wrongly split word.
   */
  public static final int SIZE = 8;

  /** At least this overlap: the same report (another format of it). */
  public static final double SAME = 0.95;

  /**
   * At least this overlap (and less than {@link #SAME}): a related report, such as a 部门 and a 单位
   * version of the same accounts.
   */
  public static final double RELATED = 0.5;

  /** The distinct shingles' hashes, sorted (8 bytes a shingle, however long the report). */
  private final long[] hashes;

  private Shingles(long[] hashes) {
    this.hashes = hashes;
  }

  public static Shingles of(String text) {
    StringBuilder kept = new StringBuilder(text.length());
    ScriptFold.simplify(text)
        .codePoints()
        .filter(Character::isLetterOrDigit)
        .forEach(kept::appendCodePoint);
    String s = kept.toString();
    if (s.isEmpty()) return new Shingles(new long[0]);
    int n = Math.max(1, s.length() - SIZE + 1);
    long[] all = new long[n];
    if (s.length() < SIZE) all[0] = hash(s, 0, s.length());
    else for (int i = 0; i < n; i++) all[i] = hash(s, i, i + SIZE);
    return new Shingles(java.util.Arrays.stream(all).sorted().distinct().toArray());
  }

  /** How many letters and digits {@code text} holds: what shingles are made of. */
  public static long letters(String text) {
    return text.codePoints().filter(Character::isLetterOrDigit).count();
  }

  /** |A ∩ B| / |A ∪ B|; 0 when either is empty. */
  public double overlap(Shingles other) {
    long[] a = hashes, b = other.hashes;
    if (a.length == 0 || b.length == 0) return 0;
    long both = 0;
    int i = 0, j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        both++;
        i++;
        j++;
      } else if (a[i] < b[j]) i++;
      else j++;
    }
    return (double) both / (a.length + b.length - both);
  }

  /**
   * |A ∩ B| / min(|A|, |B|): how much of the shorter text the longer holds (a web page of a report
   * beside its PDF, which adds the tables the page leaves out); 0 when either is empty.
   */
  public double containment(Shingles other) {
    long[] a = hashes, b = other.hashes;
    if (a.length == 0 || b.length == 0) return 0;
    long both = 0;
    int i = 0, j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        both++;
        i++;
        j++;
      } else if (a[i] < b[j]) i++;
      else j++;
    }
    return (double) both / Math.min(a.length, b.length);
  }

  /** 64-bit FNV-1a of the characters {@code [from, to)}. */
  private static long hash(String s, int from, int to) {
    long h = 0xcbf29ce484222325L;
    for (int i = from; i < to; i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
  }
}
