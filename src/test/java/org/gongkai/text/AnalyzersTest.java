package org.gongkai.text;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;
import org.gongkai.TestSupport;
import org.junit.BeforeClass;

/** Lucene's token stream contract (offsets, reuse, random input) for both analyses of section text. */
public class AnalyzersTest extends BaseTokenStreamTestCase {

  @BeforeClass
  public static void installDictionary() {
    HanLpSegmenter.install(TestSupport.gazetteer().names());
  }

  public void testWordFieldKeepsFiscalTermsAndPlaceNamesWhole() throws Exception {
    try (Analyzer a = Analyzers.word()) {
      assertAnalyzesTo(a, "武汉市汉阳区总工会公务接待费0.5万元",
          new String[] {"武汉市", "汉阳区", "总工会", "公务接待费", "0.5", "万元"},
          new int[] {0, 3, 6, 9, 14, 17},
          new int[] {3, 6, 9, 14, 17, 19});
    }
  }

  public void testWordFieldDropsPunctuationAndFoldsWidth() throws Exception {
    try (Analyzer a = Analyzers.word()) {
      assertAnalyzesTo(a, "“三公经费”，ＰＰＰ。", new String[] {"三公经费", "ppp"}, new int[] {1, 7}, new int[] {5, 10});
    }
  }

  public void testExactFieldIgnoresPunctuationSpacesAndLineBreaksButKeepsOffsets() throws Exception {
    try (Analyzer a = Analyzers.exact()) {
      assertAnalyzesTo(a, "“三公”\n经费",
          new String[] {"三", "三公", "公", "公经", "经", "经费", "费"},
          new int[] {1, 1, 2, 2, 5, 5, 6},
          // an end offset reaches over the ignored characters that follow it: a highlight of 三公
          // marks 三公”\n, never less than the matched characters
          new int[] {2, 5, 5, 6, 6, 7, 7},
          new int[] {1, 0, 1, 0, 1, 0, 1});
    }
  }

  public void testExactFieldKeepsNumbersWholeWithTheirDecimalPoint() throws Exception {
    try (Analyzer a = Analyzers.exact()) {
      assertAnalyzesTo(a, "为465.38 万元。", new String[] {"为", "465.38", "万", "万元", "元"},
          new int[] {0, 1, 8, 8, 9}, new int[] {1, 8, 9, 11, 11});
      assertAnalyzesTo(a, "１，２３４．５", new String[] {"1234.5"});
    }
  }

  public void testWordFieldHonoursTheTokenStreamContractOnRandomText() throws Exception {
    try (Analyzer a = Analyzers.word()) {
      checkRandomData(random(), a, 200 * RANDOM_MULTIPLIER);
      checkRandomData(random(), a, 20 * RANDOM_MULTIPLIER, 2048);
    }
  }

  public void testExactFieldHonoursTheTokenStreamContractOnRandomText() throws Exception {
    try (Analyzer a = Analyzers.exact()) {
      checkRandomData(random(), a, 200 * RANDOM_MULTIPLIER);
      checkRandomData(random(), a, 20 * RANDOM_MULTIPLIER, 2048);
    }
  }

  public void testEmptyAndPunctuationOnlyInputGiveNoTokens() throws Exception {
    for (Analyzer a : List.of(Analyzers.word(), Analyzers.exact())) {
      try (a) {
        assertAnalyzesTo(a, "", new String[0]);
        assertAnalyzesTo(a, "，。！？ \n\t“”", new String[0]);
      }
    }
  }
}
