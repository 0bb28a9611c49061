package org.gongkai.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gongkai.TestSupport;
import org.gongkai.index.IndexStore;
import org.gongkai.model.DisclosureDocument;
import org.gongkai.model.SearchHit;
import org.gongkai.model.SearchRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page mirrored in traditional characters and a report in simplified ones are one text to search:
 * either script finds both, in quoted phrases and in words, and the marks stay on the characters as
 * written. The two fixtures are written for this test.
 */
class TraditionalCharactersTest {

  private static final String TRADITIONAL =
      """
      中共臨湘市委宣傳部2022年部門預算說明
      第一部分 部門基本概況
      一、職能職責
      本部門負責全市宣傳思想工作，工會經費按規定計提。
      二、“三公”經費預算
      2022年“三公”經費預算為3.5萬元，其中公務接待費1.2萬元。
      """;
  private static final String SIMPLIFIED =
      """
      君山区委宣传部2022年部门预算公开说明
      第一部分 部门基本概况
      一、职能职责
      本部门工会经费按规定计提，用于职工活动。
      """;

  @TempDir static Path dir;
  static IndexStore store;
  static SearchService search;

  @BeforeAll
  static void indexBothScripts() throws Exception {
    Files.writeString(dir.resolve("traditional.txt"), TRADITIONAL);
    Files.writeString(dir.resolve("simplified.txt"), SIMPLIFIED);
    store =
        TestSupport.index(
            dir.resolve("index"),
            List.of(dir.resolve("traditional.txt"), dir.resolve("simplified.txt")));
    search = new SearchService(store, TestSupport.gazetteer());
  }

  @AfterAll
  static void close() throws Exception {
    store.close();
  }

  private static List<String> titles(String query) throws Exception {
    return search.search(SearchRequest.of(query)).hits().stream()
        .map(SearchHit::docTitle)
        .distinct()
        .sorted()
        .toList();
  }

  @Test
  void eitherScriptFindsBothInPhrasesAndWords() throws Exception {
    List<String> both = List.of("中共临湘市委宣传部2022年部门预算说明", "君山区委宣传部2022年部门预算公开说明");
    assertEquals(both, titles("\"工会经费\""));
    assertEquals(both, titles("\"工會經費\""));
    assertEquals(both, titles("工會 經費"));
    assertEquals(both, titles("工会经费"));
    assertEquals(List.of("中共临湘市委宣传部2022年部门预算说明"), titles("\"公务接待费\""));
  }

  @Test
  void marksStayOnTheCharactersAsWritten() throws Exception {
    SearchHit hit =
        search.search(SearchRequest.of("\"工会经费\"")).hits().stream()
            .filter(h -> h.docTitle().startsWith("中共临湘"))
            .findFirst()
            .orElseThrow();
    assertTrue(
        org.gongkai.api.Html.of(hit.snippet(), false).contains("<mark>工會經費</mark>"),
        org.gongkai.api.Html.of(hit.snippet(), false));
  }

  @Test
  void metadataComesOutInSimplifiedCharacters() throws Exception {
    DisclosureDocument d = TestSupport.ingestor().document(dir.resolve("traditional.txt"));
    assertEquals("中共临湘市委宣传部", d.issuer());
    assertEquals("宣传部", d.departmentType());
    assertEquals("部门预算", d.kind().label());
    assertEquals(2022, d.year());
    // 临湘市 is a county-level city of 岳阳市
    assertEquals("430682", d.region().region().code());
    assertEquals(List.of("湖南省", "岳阳市", "临湘市"), d.region().region().path());
  }
}
