package org.gongkai.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.gongkai.index.Schema;
import org.gongkai.model.Suggestion;

/**
 * The phrases the index holds one character off a phrase that finds nothing, as OCR and typing err
 * ({@code 文出} for {@code 支出}, {@code 结采} for {@code 结果}, two characters swapped): each character in
 * turn replaced by one that the index pairs with both its neighbours (the exact field indexes every
 * pair of letters), the candidates counted as phrases, the most frequent first.
 */
final class Suggestions {

  private Suggestions() {}

  /** Counts the sections holding a phrase. */
  @FunctionalInterface
  interface PhraseCount {
    long count(String phrase) throws IOException;
  }

  /** A run of Chinese letters in what was typed: a word or a phrase to correct. */
  private static final Pattern RUN = Pattern.compile("\\p{IsHan}{2,12}");

  /** A filter typed in the query ({@code region:湖北省}, {@code 地区:武汉}): never corrected. */
  private static final Pattern FILTER = Pattern.compile("-?[\\p{L}]+[:：]\\S+");

  /** Candidates counted at most, per run: the likeliest by how often their pairs occur. */
  static final int MAX_COUNTED = 40;

  /** Words of a query looked at at most: each costs up to {@link #MAX_COUNTED} counts. */
  static final int MAX_RUNS = 3;

  /** Suggestions offered at most, per run. */
  static final int MAX_OFFERED = 3;

  /** The letters of the index, per reader: every letter the exact field pairs with another. */
  private static final Map<Object, Set<Integer>> ALPHABETS =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  /** For each run of {@code query} that finds nothing, the phrases one character off it. */
  static List<Suggestion> of(IndexReader reader, String query, PhraseCount count)
      throws IOException {
    Terms terms = MultiTerms.getTerms(reader, Schema.TEXT);
    if (terms == null) return List.of();
    String typed = FILTER.matcher(query).replaceAll(" ");
    List<Suggestion> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Matcher m = RUN.matcher(typed); m.find() && seen.size() < MAX_RUNS; ) {
      String run = m.group();
      if (!seen.add(run) || count.count(run) > 0) continue;
      out.addAll(near(reader, terms, run, count));
    }
    return out;
  }

  private static List<Suggestion> near(
      IndexReader reader, Terms terms, String run, PhraseCount count) throws IOException {
    int[] cs = run.codePoints().toArray();
    TermsEnum te = terms.iterator();
    // candidates, each with how often the pairs it makes occur (a cheap first ranking)
    Map<String, Long> candidates = new LinkedHashMap<>();
    for (int i = 0; i < cs.length; i++) {
      for (int x : letters(reader, terms, te, i > 0 ? cs[i - 1] : -1)) {
        if (x == cs[i]) continue;
        long weight = 0;
        if (i > 0) weight += docFreq(te, cs[i - 1], x);
        if (i < cs.length - 1) {
          long right = docFreq(te, x, cs[i + 1]);
          if (right == 0) continue; // the index never pairs them: no phrase it holds
          weight += right;
        }
        int[] c = cs.clone();
        c[i] = x;
        candidates.merge(new String(c, 0, c.length), weight, Math::max);
      }
    }
    // two neighbours swapped (typing): 支公务接待 for 公务接待支
    for (int i = 0; i + 1 < cs.length; i++) {
      int[] c = cs.clone();
      c[i] = cs[i + 1];
      c[i + 1] = cs[i];
      String s = new String(c, 0, c.length);
      if (!s.equals(run)) candidates.merge(s, Long.MAX_VALUE / 4, Math::max);
    }
    List<Map.Entry<String, Long>> likely = new ArrayList<>(candidates.entrySet());
    likely.sort(Map.Entry.<String, Long>comparingByValue().reversed());
    List<Suggestion> found = new ArrayList<>();
    for (int k = 0; k < Math.min(MAX_COUNTED, likely.size()); k++) {
      String phrase = likely.get(k).getKey();
      long n = count.count(phrase);
      if (n > 0) found.add(new Suggestion(run, phrase, n));
    }
    found.sort(
        Comparator.comparingLong(Suggestion::hits).reversed().thenComparing(Suggestion::phrase));
    return found.subList(0, Math.min(MAX_OFFERED, found.size()));
  }

  /**
   * The letters that may stand after {@code left} (those the index pairs with it), or every letter
   * of the index when there is none to the left.
   */
  private static Iterable<Integer> letters(IndexReader reader, Terms terms, TermsEnum te, int left)
      throws IOException {
    if (left < 0) return alphabet(reader, terms);
    List<Integer> out = new ArrayList<>();
    String prefix = new String(Character.toChars(left));
    BytesRef p = new BytesRef(prefix);
    if (te.seekCeil(p) == TermsEnum.SeekStatus.END) return out;
    do {
      BytesRef t = te.term();
      if (!startsWith(t, p)) break;
      String s = t.utf8ToString();
      if (s.codePointCount(0, s.length()) == 2) out.add(s.codePointAt(s.offsetByCodePoints(0, 1)));
    } while (te.next() != null);
    return out;
  }

  private static Set<Integer> alphabet(IndexReader reader, Terms terms) throws IOException {
    Object key =
        reader.getReaderCacheHelper() == null ? reader : reader.getReaderCacheHelper().getKey();
    Set<Integer> cached = ALPHABETS.get(key);
    if (cached != null) return cached;
    Set<Integer> letters = new java.util.TreeSet<>();
    TermsEnum all = terms.iterator();
    for (BytesRef t = all.next(); t != null; t = all.next()) {
      String s = t.utf8ToString();
      int first = s.codePointAt(0);
      if (Character.UnicodeScript.of(first) == Character.UnicodeScript.HAN) letters.add(first);
    }
    ALPHABETS.put(key, letters);
    return letters;
  }

  private static long docFreq(TermsEnum te, int a, int b) throws IOException {
    String pair = new String(Character.toChars(a)) + new String(Character.toChars(b));
    return te.seekExact(new BytesRef(pair)) ? te.docFreq() : 0;
  }

  private static boolean startsWith(BytesRef t, BytesRef p) {
    if (t.length < p.length) return false;
    for (int i = 0; i < p.length; i++)
      if (t.bytes[t.offset + i] != p.bytes[p.offset + i]) return false;
    return true;
  }
}
