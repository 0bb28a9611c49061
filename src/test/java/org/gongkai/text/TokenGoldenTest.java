package org.gongkai.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.gongkai.TestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Golden token tables: how typical report sentences are cut by the word and exact analyses. */
class TokenGoldenTest {

  private static final Path DIR = TestSupport.GOLDEN.resolve("tokens");

  @BeforeAll
  static void installDictionary() {
    HanLpSegmenter.install(TestSupport.gazetteer().names());
  }

  @Test
  void wordSegmentationOfTypicalSentencesMatchesTheGoldenTable() throws IOException {
    try (Analyzer a = Analyzers.word()) {
      TestSupport.assertGolden(DIR.resolve("word.txt"), table(a));
    }
  }

  @Test
  void exactTokensOfTypicalSentencesMatchTheGoldenTable() throws IOException {
    try (Analyzer a = Analyzers.exact()) {
      TestSupport.assertGolden(DIR.resolve("exact.txt"), table(a));
    }
  }

  @Test
  void markingTokensKeepEveryUnigram() throws IOException {
    try (Analyzer a = Analyzers.exactEveryUnigram()) {
      TestSupport.assertGolden(DIR.resolve("exact-marking.txt"), table(a));
    }
  }

  private static String table(Analyzer a) throws IOException {
    StringBuilder out = new StringBuilder();
    for (String sentence : Files.readAllLines(DIR.resolve("sentences.txt"))) {
      if (sentence.isBlank()) continue;
      out.append(sentence)
          .append('\n')
          .append(String.join(" | ", tokens(a, sentence)))
          .append("\n\n");
    }
    return out.toString();
  }

  private static List<String> tokens(Analyzer a, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = a.tokenStream("f", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) out.add(term.toString());
      ts.end();
    }
    return out;
  }
}
