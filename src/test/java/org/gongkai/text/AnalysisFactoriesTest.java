package org.gongkai.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharFilterFactory;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.TokenizerFactory;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.gongkai.TestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analyses as named components (what a Solr schema names): built by name through Lucene's
 * service loading, they cut text exactly as the embedded analyzers do — terms, offsets, positions,
 * position lengths and types.
 */
class AnalysisFactoriesTest {

  @BeforeAll
  static void installDictionary() {
    HanLpSegmenter.install(TestSupport.gazetteer().names());
  }

  private static Analyzer byName(String tokenizer, String... tokenizerArgs) throws IOException {
    return CustomAnalyzer.builder()
        .addCharFilter(FoldCharFilterFactory.NAME)
        .withTokenizer(tokenizer, tokenizerArgs)
        .addTokenFilter("lowercase")
        .build();
  }

  private static List<String> texts() throws IOException {
    List<String> texts = new ArrayList<>();
    for (String s :
        Files.readAllLines(TestSupport.GOLDEN.resolve("tokens").resolve("sentences.txt")))
      if (!s.isBlank()) texts.add(s);
    // full-width forms, traditional characters, Latin runs, punctuation and line breaks
    texts.add("“三公”\n經費：ＰＰＰ項目Ａ1，１，２３４．５萬元");
    return texts;
  }

  private static List<String> tokens(Analyzer a, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = a.tokenStream("f", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      PositionLengthAttribute len = ts.addAttribute(PositionLengthAttribute.class);
      TypeAttribute type = ts.addAttribute(TypeAttribute.class);
      ts.reset();
      while (ts.incrementToken())
        out.add(
            term
                + " "
                + offset.startOffset()
                + "-"
                + offset.endOffset()
                + " +"
                + inc.getPositionIncrement()
                + " ×"
                + len.getPositionLength()
                + " "
                + type.type());
      ts.end();
      out.add("end " + offset.endOffset());
    }
    return out;
  }

  private static void assertSameTokens(Analyzer expected, Analyzer actual) throws IOException {
    try (expected;
        actual) {
      for (String text : texts()) assertEquals(tokens(expected, text), tokens(actual, text), text);
    }
  }

  @Test
  void theComponentsAreFoundByName() {
    assertTrue(TokenizerFactory.availableTokenizers().contains(ExactTokenizerFactory.NAME));
    assertTrue(TokenizerFactory.availableTokenizers().contains(WordTokenizerFactory.NAME));
    assertTrue(CharFilterFactory.availableCharFilters().contains(FoldCharFilterFactory.NAME));
  }

  @Test
  void theIndexedExactAnalysisByNameIsTheEmbeddedOne() throws IOException {
    assertSameTokens(Analyzers.exact(), byName(ExactTokenizerFactory.NAME));
  }

  @Test
  void theMarkingExactAnalysisByNameIsTheEmbeddedOne() throws IOException {
    assertSameTokens(
        Analyzers.exactEveryUnigram(), byName(ExactTokenizerFactory.NAME, "everyUnigram", "true"));
  }

  @Test
  void theWordAnalysisByNameIsTheEmbeddedOne() throws IOException {
    assertSameTokens(Analyzers.word(), byName(WordTokenizerFactory.NAME));
  }

  @Test
  void theWordAnalysisReadsItsWordFilesAndNamesOneThatIsMissing(@TempDir Path dir)
      throws IOException {
    Files.writeString(dir.resolve("more.txt"), "# a comment\n西盟佤族自治县\n\n");
    try (Analyzer a =
        CustomAnalyzer.builder(dir)
            .withTokenizer(WordTokenizerFactory.NAME, "words", "more.txt")
            .build()) {
      assertEquals(List.of("end 0"), tokens(a, ""));
    }
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                CustomAnalyzer.builder(dir)
                    .withTokenizer(WordTokenizerFactory.NAME, "words", "more.txt,gone.txt")
                    .build());
    assertTrue(e.getMessage().endsWith("gone.txt"), e.getMessage());
  }

  @Test
  void aQueryTermIsFoldedAsTheTextWas() throws IOException {
    try (Analyzer a = byName(ExactTokenizerFactory.NAME)) {
      assertEquals("经费ppp", a.normalize("f", "經費ＰＰＰ").utf8ToString());
    }
  }

  @Test
  void anUnknownParameterIsRefusedByName() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> byName(ExactTokenizerFactory.NAME, "everyUnigrams", "true"));
    assertEquals("unknown parameters: {everyUnigrams=true}", e.getMessage());
  }
}
