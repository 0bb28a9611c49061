package org.gongkai.search;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The query parser on arbitrary input: it never throws, and what it returns stays within its
 * limits.
 */
class QueryParserPropertiesTest {

  private final QueryParser parser = new QueryParser();

  @Provide
  Arbitrary<String> queries() {
    Arbitrary<String> syntax =
        Arbitraries.of(
            "\"",
            "“",
            "”",
            "「",
            "」",
            "(",
            ")",
            "（",
            "）",
            "-",
            "－",
            "OR",
            "AND",
            "|",
            " ",
            "region:",
            "year:",
            "地区：",
            "..",
            ":",
            "\\",
            "三公",
            "经费",
            "2024",
            "\ud83d\ude00",
            "\ud800",
            "\u0000");
    return Arbitraries.oneOf(syntax, Arbitraries.strings().all().ofMaxLength(30))
        .list()
        .ofMaxSize(400)
        .map(parts -> String.join("", parts));
  }

  @Property(tries = 2000)
  void neverThrowsAndKeepsToItsLimits(@ForAll("queries") String q) {
    QueryParser.Parsed parsed = parser.parse(q);
    assertTrue(terms(parsed.root().nodes()) <= QueryParser.MAX_TERMS, q);
    for (String m : org.gongkai.TestSupport.english(parsed.notices()))
      assertTrue(!m.isBlank() && m.length() < 300, m);
  }

  private static int terms(List<QueryNode> nodes) {
    int n = 0;
    for (QueryNode node : nodes) {
      if (node instanceof QueryNode.And a) n += terms(a.nodes());
      else if (node instanceof QueryNode.Or o) n += terms(o.nodes());
      else if (node instanceof QueryNode.Not not) n += terms(List.of(not.node()));
      else n++;
    }
    return n;
  }
}
