package org.gongkai.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.TestSupport;
import org.gongkai.index.IndexStore;
import org.gongkai.model.IndexedDocument;
import org.gongkai.model.IndexedSection;
import org.gongkai.model.SearchRequest;
import org.gongkai.model.Suggestion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A phrase that finds nothing is offered the phrases the index holds one character off it, the most
 * frequent first — measured on typos planted in 50 phrases of the bundled corpus.
 */
class SuggestionsTest {

  static IndexStore store;
  static SearchService search;

  @BeforeAll
  static void open() throws Exception {
    store = TestSupport.bundledIndex();
    search = new SearchService(store, TestSupport.gazetteer());
  }

  private static long hits(String phrase) throws Exception {
    return search.search(SearchRequest.of("\"" + phrase + "\""), false).total();
  }

  @Test
  void aMistypedPhraseIsOfferedTheOneTheReportsHold() throws Exception {
    List<Suggestion> s = search.suggest("\"公务接侍费\" region:湖北省");
    assertEquals("公务接待费", s.get(0).phrase());
    assertEquals("公务接侍费", s.get(0).typed());
    assertEquals(hits("公务接待费"), s.get(0).hits());
    // OCR's look-alikes: the first character, the last
    assertEquals("支出", search.suggest("文出").get(0).phrase());
    assertEquals("决算", search.suggest("决箕").get(0).phrase());
    // two characters swapped
    assertEquals("三公经费", search.suggest("三公费经").get(0).phrase());
    // a phrase that finds something, or a filter, is not corrected
    assertEquals(List.of(), search.suggest("公务接待费 region:湖北省"));
  }

  @Test
  void fiftyPlantedTyposAreMostlyCorrectedFirst() throws Exception {
    // 50 phrases of four letters from the bundled reports' headings and text, in their order
    Pattern run = Pattern.compile("\\p{IsHan}{4,}");
    Set<String> phrases = new LinkedHashSet<>();
    // in the order of the reports' ids and their sections' (the index's own order depends on the
    // order its parallel reading wrote them)
    List<IndexedDocument> documents = new ArrayList<>(store.documents());
    documents.sort(java.util.Comparator.comparing(IndexedDocument::docId));
    for (IndexedDocument d : documents) {
      List<IndexedSection> sections = new ArrayList<>(store.sections(d.docId()));
      sections.sort(java.util.Comparator.comparingInt(IndexedSection::ordinal));
      for (IndexedSection sec : sections) {
        Matcher m = run.matcher(sec.heading() + "。" + sec.text());
        while (m.find() && phrases.size() < 50) {
          String p = m.group().substring(0, 4);
          if (hits(p) > 0) phrases.add(p);
        }
      }
    }
    assertEquals(50, phrases.size());
    // each with one letter replaced by another the reports use, so the phrase finds nothing
    String letters =
        "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严";
    int first = 0, offered = 0, planted = 0;
    List<String> missed = new ArrayList<>();
    int k = 0;
    for (String p : phrases) {
      int at = k++ % 4;
      String typo = null;
      for (int j = (k * 37) % letters.length(), tries = 0; tries < letters.length(); tries++) {
        char c = letters.charAt((j + tries) % letters.length());
        if (c == p.charAt(at)) continue;
        String t = p.substring(0, at) + c + p.substring(at + 1);
        if (hits(t) == 0) {
          typo = t;
          break;
        }
      }
      if (typo == null) continue;
      planted++;
      List<Suggestion> s = search.suggest(typo);
      if (!s.isEmpty() && s.get(0).phrase().equals(p)) first++;
      else missed.add(typo + "→" + (s.isEmpty() ? "-" : s.get(0).phrase()) + " (want " + p + ")");
      if (s.stream().anyMatch(x -> x.phrase().equals(p))) offered++;
    }
    System.out.printf(
        "suggestions: %d typos planted, the right phrase first for %d, offered for %d; missed %s%n",
        planted, first, offered, missed);
    // measured: 47 of 50 first (94%), 49 offered; each miss is as near another phrase the reports
    // hold more often (进一步维: 进一步增 before 进一步突; 进色社会: 特色社会 before 进行社会)
    assertEquals(50, planted);
    assertEquals(47, first, missed.toString());
    assertEquals(49, offered, missed.toString());
  }
}
