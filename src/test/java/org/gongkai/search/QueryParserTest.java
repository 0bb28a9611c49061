package org.gongkai.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.gongkai.model.Facet;
import org.gongkai.search.QueryNode.And;
import org.gongkai.search.QueryNode.Filter;
import org.gongkai.search.QueryNode.Not;
import org.gongkai.search.QueryNode.Or;
import org.gongkai.search.QueryNode.Phrase;
import org.gongkai.search.QueryNode.Word;
import org.junit.jupiter.api.Test;

class QueryParserTest {

  private final QueryParser parser = new QueryParser();

  private List<QueryNode> nodes(String q) {
    return parser.parse(q).root().nodes();
  }

  private List<String> messages(String q) {
    return org.gongkai.TestSupport.english(parser.parse(q).notices());
  }

  @Test
  void asciiAndChineseQuotesBothMakePhrases() {
    assertEquals(
        List.of(new Phrase("三公经费"), new Phrase("公务 接待"), new Phrase("乡村振兴")),
        nodes("\"三公经费\" “公务 接待” \"乡村振兴”"));
    assertEquals(List.of(new Phrase("三公"), new Word("经费")), nodes("“三公”经费"));
  }

  @Test
  void bracketsInsideAWordBelongToTheWord() {
    assertEquals(List.of(new Word("因公出国（境）费")), nodes("因公出国（境）费"));
    assertEquals(
        List.of(new And(List.of(new Word("因公出国(境)费"), new Word("公务"))), new Word("支出")),
        nodes("(因公出国(境)费 公务) 支出"));
  }

  @Test
  void minusExcludesAndOrBindsTighterThanTheImplicitAnd() {
    assertEquals(
        List.of(new Word("三公"), new Or(List.of(new Word("接待"), new Not(new Phrase("公务用车"))))),
        nodes("三公 接待 OR -\"公务用车\""));
    assertEquals(List.of(new Word("2022-2024")), nodes("2022-2024"));
    assertEquals(
        List.of(new Not(new Or(List.of(new Word("a"), new Word("b"))))), nodes("-(a OR b)"));
  }

  @Test
  void filtersAcceptEnglishAndChineseKeysAndQuotedValues() {
    assertEquals(
        List.of(
            new Filter(Facet.REGION, "湖北省/武汉市"),
            new Filter(Facet.YEAR, "2022..2024"),
            new Filter(Facet.CATEGORY, "三公经费"),
            new Filter(Facet.DEPARTMENT, "总工会"),
            new Filter(Facet.KIND, "部门决算"),
            new Filter(Facet.REGION, "汉阳区"),
            new Filter(Facet.YEAR, "2024")),
        nodes(
            "region:湖北省/武汉市 year:2022..2024 category:三公经费 department:\"总工会\" kind:部门决算 地区：汉阳区 年度:2024"));
    assertEquals(List.of(new Word("注:说明")), nodes("注:说明"));
    assertEquals(
        List.of("Ignored the filter region: because it has no value."), messages("region:"));
  }

  @Test
  void malformedInputIsReadBestEffortWithMessages() {
    assertEquals(List.of(new Phrase("三公经费 支出")), nodes("\"三公经费 支出"));
    assertEquals(List.of(new Word("三公")), nodes("三公 )"));
    assertEquals(
        List.of("Ignored a closing bracket that has no opening bracket."), messages("三公 )"));
    assertEquals(List.of(), nodes("OR OR"));
    assertEquals(
        List.of(new Word("-")), nodes("-")); // the search then ignores it: no letter or digit
    assertEquals(List.of(new Word("a"), new Word("b")), nodes("a AND b"));
    assertEquals(List.of("Ignored an OR with nothing after it."), messages("a OR"));
  }

  @Test
  void numericConditionsOnIndicators() {
    assertEquals(
        List.of(new QueryNode.Numeric("reception", 1.0, false, null, true)), nodes("公务接待费>1"));
    assertEquals(
        List.of(new QueryNode.Numeric("basic_expenditure", 100.0, true, 500.0, true)),
        nodes("基本支出:100..500"));
    assertEquals(
        List.of(new QueryNode.Numeric("vehicles", null, true, 2.0, true)), nodes("vehicles<=2"));
    assertEquals(
        List.of(new QueryNode.Numeric("three_public", 0.0, true, 0.0, true)), nodes("三公经费=0"));
    assertEquals(List.of(new Word("经费>1")), nodes("经费>1"), "not an indicator: an ordinary word");
  }

  @Test
  void fortyAlternativesKeepTheFirstThirtyTwoAsTheNoticeSays() {
    List<String> words = new java.util.ArrayList<>();
    for (int i = 1; i <= 40; i++) words.add("词" + i);
    String q = String.join(" OR ", words);
    List<QueryNode> kept = nodes(q);
    assertEquals(1, kept.size());
    Or or = (Or) kept.get(0);
    assertEquals(32, or.nodes().size());
    assertEquals(new Word("词1"), or.nodes().get(0));
    assertEquals(new Word("词32"), or.nodes().get(31));
    assertEquals(List.of("The query has 40 terms; only the first 32 were used."), messages(q));
    // a word before the group takes one of the 32
    List<QueryNode> mixed = nodes("经费 (" + q + ")");
    assertEquals(new Word("经费"), mixed.get(0));
    assertEquals(31, ((Or) mixed.get(1)).nodes().size());
  }
}
