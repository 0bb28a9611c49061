package org.gongkai.text;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;
import org.gongkai.TestSupport;
import org.junit.BeforeClass;

/**
 * Lucene's token stream contract (offsets, reuse, random input) for both analyses of section text.
 */
public class AnalyzersTest extends BaseTokenStreamTestCase {

  @BeforeClass
  public static void installDictionary() {
    HanLpSegmenter.install(TestSupport.gazetteer().names());
  }

  public void testWordFieldKeepsFiscalTermsAndPlaceNamesWhole() throws Exception {
    try (Analyzer a = Analyzers.word()) {
      assertAnalyzesTo(
          a,
          "武汉市汉阳区总工会公务接待费0.5万元",
          new String[] {"武汉市", "汉阳区", "总工会", "公务接待费", "0.5", "万元"},
          new int[] {0, 3, 6, 9, 14, 17},
          new int[] {3, 6, 9, 14, 17, 19});
    }
  }

  public void testWordFieldDropsPunctuationAndFoldsWidth() throws Exception {
    try (Analyzer a = Analyzers.word()) {
      assertAnalyzesTo(
          a, "“三公经费”，ＰＰＰ。", new String[] {"三公经费", "ppp"}, new int[] {1, 7}, new int[] {5, 10});
    }
  }

  public void testExactFieldIgnoresPunctuationSpacesAndLineBreaksButKeepsOffsets()
      throws Exception {
    try (Analyzer a = Analyzers.exactEveryUnigram()) {
      assertAnalyzesTo(
          a,
          "“三公”\n经费",
          new String[] {"三", "三公", "公", "公经", "经", "经费", "费"},
          new int[] {1, 1, 2, 2, 5, 5, 6},
          // a bigram spans what lies between its two letters; every offset sits on a letter
          new int[] {2, 3, 3, 6, 6, 7, 7},
          new int[] {1, 0, 1, 0, 1, 0, 1});
    }
  }

  public void testTheIndexKeepsNoUnigramInsideARunOfLettersOnlyTheBigramStartingThere()
      throws Exception {
    try (Analyzer a = Analyzers.exact()) {
      // 公 and 经 have a letter on each side (punctuation and line breaks do not count)
      assertAnalyzesTo(
          a,
          "“三公”\n经费",
          new String[] {"三", "三公", "公经", "经费", "费"},
          new int[] {1, 1, 2, 5, 6},
          new int[] {2, 3, 6, 7, 7},
          new int[] {1, 0, 1, 1, 1});
      // a letter next to a number ends its run, so it keeps its unigram
      assertAnalyzesTo(
          a,
          "PPP项目A1",
          new String[] {"p", "pp", "pp", "p项", "项目", "目a", "a", "1"},
          new int[] {1, 0, 1, 1, 1, 1, 1, 1});
      assertAnalyzesTo(a, "2023年度", new String[] {"2023", "年", "年度", "度"}, new int[] {1, 1, 0, 1});
      assertAnalyzesTo(a, "税", new String[] {"税"});
    }
  }

  public void testExactFieldKeepsNumbersWholeWithTheirDecimalPoint() throws Exception {
    try (Analyzer a = Analyzers.exact()) {
      assertAnalyzesTo(
          a,
          "为465.38 万元。",
          new String[] {"为", "465.38", "万", "万元", "元"},
          new int[] {0, 1, 8, 8, 9},
          new int[] {1, 7, 9, 10, 10});
      assertAnalyzesTo(a, "１，２３４．５", new String[] {"1234.5"});
      // any other character ends a number: table cells stay separate numbers
      assertAnalyzesTo(
          a,
          "合计\t465.38\t218.63\n3，5、7",
          new String[] {"合", "合计", "计", "465.38", "218.63", "3", "5", "7"});
    }
  }

  public void testExactFieldSplitsLatinRunsAndLetterDigitMixesIntoUnitsSoPhrasesMatchInside()
      throws Exception {
    try (Analyzer a = Analyzers.exactEveryUnigram()) {
      assertAnalyzesTo(
          a,
          "PPP项目A1",
          new String[] {"p", "pp", "p", "pp", "p", "p项", "项", "项目", "目", "目a", "a", "1"},
          new int[] {1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 1});
    }
  }

  public void testExactFieldFoldsCompatibilityFormsWithNfkc() throws Exception {
    try (Analyzer a = Analyzers.exact()) {
      // circled and full-width digits become plain numbers; the ideographic space disappears
      assertAnalyzesTo(
          a, "①　２０２４年", new String[] {"1", "2024", "年"}, new int[] {0, 2, 6}, new int[] {1, 6, 7});
      assertAnalyzesTo(a, "ＡＢ", new String[] {"a", "ab", "b"});
    }
  }

  public void testWordFieldHonoursTheTokenStreamContractOnRandomText() throws Exception {
    try (Analyzer a = Analyzers.word()) {
      checkRandomData(random(), a, 200 * RANDOM_MULTIPLIER);
      checkRandomData(random(), a, 20 * RANDOM_MULTIPLIER, 2048);
    }
  }

  public void testExactFieldHonoursTheTokenStreamContractOnRandomText() throws Exception {
    for (Analyzer a : List.of(Analyzers.exact(), Analyzers.exactEveryUnigram())) {
      try (a) {
        checkRandomData(random(), a, 200 * RANDOM_MULTIPLIER);
        checkRandomData(random(), a, 20 * RANDOM_MULTIPLIER, 2048);
      }
    }
  }

  public void testEmptyAndPunctuationOnlyInputGiveNoTokens() throws Exception {
    for (Analyzer a : List.of(Analyzers.word(), Analyzers.exact(), Analyzers.exactEveryUnigram())) {
      try (a) {
        assertAnalyzesTo(a, "", new String[0]);
        assertAnalyzesTo(a, "，。！？ \n\t“”", new String[0]);
      }
    }
  }

  /**
   * The index folds a section's text once and hands it to both analyses as {@link Folded}: the
   * terms, positions and types must be those of the text read through the char filters, on every
   * bundled report and on a line of what folding changes (full-width and circled forms,
   * compatibility ideographs, traditional characters, combining marks, a letter NFKC turns into
   * several).
   */
  public void testTextFoldedOnceAnalysesAsTheCharFiltersRead() throws Exception {
    List<String> texts = new java.util.ArrayList<>();
    texts.add("工會經費１２３．５萬元，①②㈠㍿ＡＢＣ ﬁ カ\u3099 \uF900\u2F00 e\u0301 ½ 三公經費\n合計");
    try (var seeds = java.nio.file.Files.list(java.nio.file.Path.of("corpus/seeds"))) {
      for (java.nio.file.Path p : seeds.sorted().toList())
        if (p.toString().endsWith(".txt")) texts.add(java.nio.file.Files.readString(p));
    }
    assertEquals(6, texts.size());
    for (Analyzer a : List.of(Analyzers.exact(), Analyzers.word(), Analyzers.exactEveryUnigram())) {
      try (a) {
        for (String text : texts) {
          List<String> asRead = tokens(a.tokenStream("f", text));
          List<String> folded = tokens(a.tokenStream("f", new Folded(Analyzers.fold(text))));
          assertTrue(asRead.size() > 0);
          assertEquals(asRead, folded);
        }
      }
    }
  }

  /** Each token as term, position increment and type. */
  private static List<String> tokens(org.apache.lucene.analysis.TokenStream ts) throws Exception {
    List<String> out = new java.util.ArrayList<>();
    try (ts) {
      var term =
          ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
      var inc =
          ts.addAttribute(
              org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute.class);
      var type = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.TypeAttribute.class);
      ts.reset();
      while (ts.incrementToken())
        out.add(term + "/" + inc.getPositionIncrement() + "/" + type.type());
      ts.end();
    }
    return out;
  }
}
