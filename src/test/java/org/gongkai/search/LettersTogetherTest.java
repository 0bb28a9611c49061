package org.gongkai.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.TreeSet;
import org.gongkai.TestSupport;
import org.gongkai.index.IndexStore;
import org.gongkai.model.Marked;
import org.gongkai.model.SearchHit;
import org.gongkai.model.SearchPage;
import org.gongkai.model.SearchRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Single letters that HanLP leaves side by side in a typed word (it knows no word there: 三公 of
 * 三公经费) must occur together as typed; required one by one, they matched sections holding each
 * letter anywhere. Exact counts over the bundled corpus.
 */
class LettersTogetherTest {

  static SearchService search;

  @BeforeAll
  static void indexTheDemoCorpus() throws Exception {
    IndexStore store = TestSupport.bundledIndex();
    search = new SearchService(store, TestSupport.gazetteer());
  }

  static SearchPage run(String query) throws Exception {
    return search.search(SearchRequest.of(query).withSize(SearchRequest.MAX_SIZE));
  }

  static List<String> ids(SearchPage p) {
    return p.hits().stream().map(SearchHit::id).sorted().toList();
  }

  @Test
  void lettersHanlpLeavesTogetherMustOccurTogether() throws Exception {
    // HanLP cuts 三公经费 as 三 / 公 / 经费: 三公 stays one piece, as typed
    SearchPage words = run("三公经费");
    SearchPage apart = run("\"三\" \"公\" \"经费\"");
    SearchPage together = run("\"三公\" \"经费\"");
    assertEquals(23, words.total());
    assertEquals(ids(together), ids(words));
    // what the letters one by one matched: sections with 三 and 公 apart as well
    assertEquals(33, apart.total());
    assertTrue(ids(apart).containsAll(ids(words)));
  }

  @Test
  void aWordHanlpKnowsIsStillFoundApartFromTheOthers() throws Exception {
    // 公务 / 接待: two words HanLP knows, each required on its own, as before
    assertEquals(ids(run("\"公务\" \"接待\"")), ids(run("公务接待")));
  }

  @Test
  void onlyTheLettersTypedTogetherAreMarked() throws Exception {
    TreeSet<String> marked = new TreeSet<>();
    for (SearchHit h : run("三公经费").hits()) {
      Marked s = h.snippet();
      for (Marked.Span m : s.marks()) marked.add(s.text().substring(m.start(), m.end()));
    }
    // no 三 or 公 standing alone: each mark holds them together (marks a quote apart are joined)
    assertEquals("[三公”经费, 三公经费]", marked.toString());
  }
}
