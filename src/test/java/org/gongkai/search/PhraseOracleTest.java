package org.gongkai.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.TestSupport;
import org.gongkai.config.ExtractConfig;
import org.gongkai.extract.TikaExtractor;
import org.gongkai.index.IndexStore;
import org.gongkai.model.DisclosureDocument;
import org.gongkai.model.SearchHit;
import org.gongkai.model.SearchPage;
import org.gongkai.model.SearchRequest;
import org.gongkai.model.Section;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quoted phrases against a brute-force oracle: for every sampled phrase, the sections the search
 * returns must be exactly the sections whose clean text contains the phrase under the phrase
 * semantics, computed here independently of Lucene by scanning every section.
 *
 * <p>The semantics: NFKC-fold, fold traditional characters to simplified and lower-case both texts,
 * then read them as sequences of units — a number (ASCII digits, with a '.' between digits and
 * thousands separators, which are dropped) or a single letter of any script — ignoring everything
 * else. A phrase matches where its units occur in a row. So punctuation, spaces and line breaks
 * never hide a hit, and numbers only match whole: {@code 5万元} does not match inside {@code 465万元},
 * and two table cells {@code 465.38\t218.63} are two numbers.
 */
class PhraseOracleTest {

  private static final Pattern UNIT =
      Pattern.compile("[0-9](?:[0-9]|\\.(?=[0-9])|,(?=[0-9]{3}(?![0-9])))*|[\\p{L}\\p{N}&&[^0-9]]");
  private static final Pattern NUMBER_IN_TEXT = Pattern.compile("[0-9]+(?:\\.[0-9]+)?");

  @TempDir static Path dir;
  static IndexStore store;
  static SearchService search;

  /**
   * Section id → the section's text as its units, joined by a separator that cannot occur in text.
   */
  static final Map<String, String> sections = new LinkedHashMap<>();

  static final List<String> sectionTexts = new ArrayList<>();

  @BeforeAll
  static void indexEveryBundledFile() throws Exception {
    store = TestSupport.index(dir, TestSupport.corpusFiles());
    search = new SearchService(store, TestSupport.gazetteer());
    // the same report in several formats is one document: its other formats' sections are not
    java.util.Set<String> indexed = store.documentIds();
    for (Path f : TestSupport.corpusFiles()) {
      DisclosureDocument d = TestSupport.ingestor().document(f);
      if (!indexed.contains(d.docId())) continue;
      for (Section s : d.sections()) {
        String text = d.text().substring(s.start(), s.end());
        sections.put(s.id(), units(text));
        sectionTexts.add(text);
      }
    }
  }

  @AfterAll
  static void close() throws Exception {
    store.close();
  }

  static String units(String text) {
    String folded =
        org.gongkai.text.ScriptFold.simplify(Normalizer.normalize(text, Normalizer.Form.NFKC));
    StringBuilder lower = new StringBuilder();
    folded.codePoints().map(Character::toLowerCase).forEach(lower::appendCodePoint);
    StringBuilder out = new StringBuilder("\u0001");
    Matcher m = UNIT.matcher(lower);
    while (m.find()) out.append(m.group().replace(",", "")).append('\u0001');
    return out.toString();
  }

  static Set<String> oracle(String phrase) {
    String p = units(phrase);
    Set<String> ids = new TreeSet<>();
    if (p.length() <= 1) return ids;
    sections.forEach(
        (id, text) -> {
          if (text.contains(p)) ids.add(id);
        });
    return ids;
  }

  static Set<String> searched(String phrase) throws Exception {
    Set<String> ids = new TreeSet<>();
    for (int page = 1; ; page++) {
      SearchPage p =
          search.search(
              new SearchRequest(
                  "\"" + phrase + "\"",
                  List.of(),
                  List.of(),
                  List.of(),
                  List.of(),
                  List.of(),
                  SearchRequest.Order.RELEVANCE,
                  page,
                  SearchRequest.MAX_SIZE));
      for (SearchHit h : p.hits()) ids.add(h.id());
      if (page >= p.pages()) {
        assertEquals(p.total(), ids.size(), "total for " + phrase);
        return ids;
      }
    }
  }

  @Test
  void everySampledPhraseFindsExactlyTheSectionsTheOracleFinds() throws Exception {
    Set<String> phrases = samplePhrases(new Random(20261122));
    assertTrue(phrases.size() >= 300, "sampled " + phrases.size());
    List<String> mismatches = new ArrayList<>();
    int found = 0;
    for (String phrase : phrases) {
      Set<String> expected = oracle(phrase);
      Set<String> actual = searched(phrase);
      if (!expected.isEmpty()) found++;
      if (!expected.equals(actual))
        mismatches.add(phrase + " → oracle " + expected + " but search " + actual);
    }
    assertEquals(List.of(), mismatches);
    // the sample must mostly be phrases that do occur, or the comparison proves little
    assertTrue(found > phrases.size() * 2 / 3, found + " of " + phrases.size() + " phrases occur");
  }

  @Test
  void numbersMatchWholeAndPunctuationNeverHidesAHit() throws Exception {
    assertEquals(Set.of(), searched("5.38万元"), "part of 465.38 万元");
    assertEquals(searched("465.38万元"), searched("４６５．３８ 万元"));
    assertEquals(searched("三公经费"), searched("“三公”经费"));
    assertTrue(searched("三公经费").containsAll(oracle("“三公”经费")));
    assertEquals(oracle("收入合计465.38"), searched("收入合计 465.38"));
  }

  @Test
  void aLoneLetterOrALetterAfterANumberFindsEveryOccurrenceInsideRunsOfLettersToo()
      throws Exception {
    // the index keeps no unigram inside a run of letters: these are matched by the terms they begin
    for (String p : List.of("费", "年", "经", "2024年", "0万", "“三公”经")) {
      Set<String> expected = oracle(p);
      assertTrue(expected.size() > 3, p + " occurs in " + expected.size() + " sections");
      assertEquals(expected, searched(p), p);
    }
  }

  /** Phrases of 2–8 characters sampled from the bundled files, many across PDF line breaks. */
  static Set<String> samplePhrases(Random random) throws Exception {
    Set<String> out = new LinkedHashSet<>();
    // 1. across the hard line breaks of the PDFs' own text (before any cleaning)
    TikaExtractor tika = new TikaExtractor(ExtractConfig.defaults());
    List<String> raw = new ArrayList<>();
    for (Path f : TestSupport.corpusFiles()) {
      if (f.toString().endsWith(".pdf")) raw.add(tika.extract(f).text());
    }
    for (String text : raw) {
      List<Integer> breaks = new ArrayList<>();
      for (int i = 1; i + 1 < text.length(); i++) {
        if (text.charAt(i) == '\n'
            && Character.isLetterOrDigit(text.charAt(i - 1))
            && Character.isLetterOrDigit(text.charAt(i + 1))) {
          breaks.add(i);
        }
      }
      for (int k = 0; k < 70 && !breaks.isEmpty(); k++) {
        int at = breaks.get(random.nextInt(breaks.size()));
        int before = 1 + random.nextInt(4), after = 1 + random.nextInt(4);
        String phrase =
            text.substring(Math.max(0, at - before), at)
                + text.substring(at + 1, Math.min(text.length(), at + 1 + after));
        addIfTypable(out, phrase.replace("\n", ""));
      }
    }
    // 2. anywhere in sections, punctuation included
    for (int k = 0; k < 110; k++) {
      String text = sectionTexts.get(random.nextInt(sectionTexts.size()));
      int len = 2 + random.nextInt(7);
      if (text.length() <= len) continue;
      int at = random.nextInt(text.length() - len);
      addIfTypable(out, text.substring(at, at + len).strip());
    }
    // 3. numbers: whole, with their unit, and cut short (which must not match inside the number)
    for (int k = 0; k < 30; k++) {
      String text = sectionTexts.get(random.nextInt(sectionTexts.size()));
      Matcher m = NUMBER_IN_TEXT.matcher(text);
      List<int[]> numbers = new ArrayList<>();
      while (m.find()) numbers.add(new int[] {m.start(), m.end()});
      if (numbers.isEmpty()) continue;
      int[] n = numbers.get(random.nextInt(numbers.size()));
      String number = text.substring(n[0], n[1]);
      String withUnit = text.substring(n[0], Math.min(text.length(), n[1] + 2));
      addIfTypable(out, number);
      addIfTypable(out, withUnit);
      if (number.length() > 1) addIfTypable(out, withUnit.substring(1));
    }
    // 4. the same phrases typed differently: full-width, spaced out, with punctuation in between
    List<String> some = new ArrayList<>(out);
    for (int k = 0; k < 50; k++) {
      String p = some.get(random.nextInt(some.size()));
      switch (k % 3) {
        case 0 -> addIfTypable(out, fullWidth(p));
        case 1 -> addIfTypable(out, String.join(" ", p.split("")));
        default -> addIfTypable(out, p.length() < 2 ? p : p.charAt(0) + "，" + p.substring(1));
      }
    }
    // 5. single characters, and phrases that occur nowhere
    for (int k = 0; k < 15; k++) {
      String text = sectionTexts.get(random.nextInt(sectionTexts.size()));
      addIfTypable(out, String.valueOf(text.charAt(random.nextInt(text.length()))));
    }
    for (String absent : List.of("经费三公", "上海市", "465.3", "5万元", "abc", "65.38")) out.add(absent);
    return out;
  }

  /**
   * Keeps phrases a journalist can type between quotes: no quote marks and at least one letter or
   * digit.
   */
  private static void addIfTypable(Set<String> out, String phrase) {
    if (phrase.isBlank() || phrase.matches(".*[\"＂“”「」『』].*")) return;
    if (units(phrase).length() <= 1) return;
    out.add(phrase);
  }

  private static String fullWidth(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) sb.append(c >= '!' && c <= '~' ? (char) (c - '!' + '！') : c);
    return sb.toString();
  }
}
