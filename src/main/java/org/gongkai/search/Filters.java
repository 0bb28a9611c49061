package org.gongkai.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.search.Query;
import org.gongkai.index.Schema;
import org.gongkai.model.Facet;
import org.gongkai.model.Notice;
import org.gongkai.model.Region;
import org.gongkai.regions.Gazetteer;

/**
 * Turns one filter value ({@code region:湖北省/武汉市}, {@code year:2022..2024}, {@code kind:部门决算} …)
 * into the query that selects it, and the canonical form shown back to the journalist.
 *
 * <p>Regions may be written as a path, a bare name ({@code 汉阳区}, {@code 武汉}), a short form or a
 * division code; a name several divisions share selects all of them.
 */
final class Filters {

  /**
   * A filter value read: the canonical label and the query; {@code query} is null when nothing can
   * match.
   */
  record Resolved(String label, Query query) {}

  private static final Pattern YEAR =
      Pattern.compile("(\\d{4})?\\s*(?:\\.\\.|-|–|~|～|至)?\\s*(\\d{4})?");
  private static final Pattern CODE = Pattern.compile("\\d{6}");
  private static final Pattern PATH_SEPARATOR = Pattern.compile("\\s*[/／>›]\\s*");

  private final Gazetteer gazetteer;
  private final FacetTerms terms;

  Filters(Gazetteer gazetteer, FacetTerms terms) {
    this.gazetteer = gazetteer;
    this.terms = terms;
  }

  /** Reads {@code value} for {@code facet}; adds a message when it cannot be read as written. */
  Resolved resolve(Facet facet, String value, List<Notice> messages) {
    String v = value.strip();
    return switch (facet) {
      case REGION -> region(v, messages);
      case YEAR -> year(v, messages);
      case CATEGORY -> known(facet, v, org.gongkai.text.SectionCategorizer.CATEGORIES, messages);
      case KIND ->
          known(
              facet,
              v,
              java.util.Arrays.stream(org.gongkai.model.ReportKind.values())
                  .map(k -> k.label())
                  .toList(),
              messages);
      case ROLE -> {
        // a role's code (list) or its Chinese word (列表页); landing pages are never indexed
        var role = org.gongkai.model.PageRole.of(v);
        yield known(
            facet,
            role.map(org.gongkai.model.PageRole::code).orElse(v),
            java.util.Arrays.stream(org.gongkai.model.PageRole.values())
                .filter(r -> r != org.gongkai.model.PageRole.LANDING)
                .map(org.gongkai.model.PageRole::code)
                .toList(),
            messages);
      }
      default -> new Resolved(v, facetTerm(facet, v));
    };
  }

  /**
   * A value of a dimension whose values are known: as written; or the one known value that holds it
   * ({@code 三公} → {@code 三公经费}, said so); or nothing, with the values one may type.
   */
  private Resolved known(Facet facet, String v, List<String> values, List<Notice> messages) {
    if (values.contains(v)) return new Resolved(v, facetTerm(facet, v));
    List<String> holding = values.stream().filter(k -> k.contains(v)).toList();
    // several hold it: the one it ends (kind:预算 is 部门预算, as it was before 政府预算报告 joined)
    if (holding.size() > 1) {
      List<String> ending = holding.stream().filter(k -> k.endsWith(v)).toList();
      if (ending.size() == 1) holding = ending;
    }
    if (holding.size() == 1) {
      messages.add(Notice.of("readAs", facet.key() + ":" + v, facet.key() + ":" + holding.get(0)));
      return new Resolved(holding.get(0), facetTerm(facet, holding.get(0)));
    }
    messages.add(Notice.of("unknownValue", facet.key(), v, String.join(", ", values)));
    return new Resolved(v, null);
  }

  private Query facetTerm(Facet facet, String... path) {
    return terms.term(facet, path);
  }

  private Resolved year(String v, List<Notice> messages) {
    Matcher m = YEAR.matcher(v);
    if (v.isEmpty() || !m.matches() || (m.group(1) == null && m.group(2) == null)) {
      // said to be ignored, so it is: no filter at all (not a filter that matches nothing)
      messages.add(Notice.of("year", v));
      return new Resolved(v, new org.apache.lucene.search.MatchAllDocsQuery());
    }
    boolean range = !v.matches("\\d{4}");
    if (!range) return new Resolved(v, facetTerm(Facet.YEAR, v));
    int from = m.group(1) == null ? Integer.MIN_VALUE : Integer.parseInt(m.group(1));
    int to = m.group(2) == null ? Integer.MAX_VALUE : Integer.parseInt(m.group(2));
    if (from > to) {
      int t = from;
      from = to;
      to = t;
    }
    String label =
        (from == Integer.MIN_VALUE ? "" : from) + ".." + (to == Integer.MAX_VALUE ? "" : to);
    return new Resolved(label, IntPoint.newRangeQuery(Schema.YEAR, from, to));
  }

  private Resolved region(String v, List<Notice> messages) {
    List<List<String>> paths = regionPaths(v);
    if (paths.isEmpty()) {
      messages.add(Notice.of("region", v));
      return new Resolved(v, null);
    }
    List<Query> alternatives = new ArrayList<>();
    for (List<String> p : paths)
      alternatives.add(facetTerm(Facet.REGION, p.toArray(String[]::new)));
    String label = String.join(" | ", paths.stream().map(p -> String.join("/", p)).toList());
    if (alternatives.size() == 1) return new Resolved(label, alternatives.get(0));
    var or = new org.apache.lucene.search.BooleanQuery.Builder();
    for (Query q : alternatives) or.add(q, org.apache.lucene.search.BooleanClause.Occur.SHOULD);
    return new Resolved(label, or.build());
  }

  /** The facet paths a region value means: {@code 湖北/武汉} → {@code [湖北省, 武汉市]}. */
  List<List<String>> regionPaths(String v) {
    // the central government's bodies: a facet value of their own beside the provinces
    if (v.strip().equals(Region.CENTRAL.province()) || v.strip().equals(Region.CENTRAL.code()))
      return List.of(Region.CENTRAL.path());
    if (CODE.matcher(v).matches()) {
      return gazetteer.coded(v).map(d -> List.of(d.region().path())).orElse(List.of());
    }
    // separators alone ("/", "›", "//") or doubled ("湖北//武汉") name no level: those parts are
    // dropped
    String[] parts =
        java.util.Arrays.stream(PATH_SEPARATOR.split(v))
            .filter(p -> !p.isBlank())
            .toArray(String[]::new);
    if (parts.length == 0) return List.of();
    List<Gazetteer.Division> candidates = divisions(parts[parts.length - 1]);
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Gazetteer.Division d : candidates) {
      boolean inside = true;
      for (int i = 0; i < parts.length - 1 && inside; i++) {
        boolean any = false;
        for (Gazetteer.Division outer : divisions(parts[i])) any |= Gazetteer.within(d, outer);
        inside = any;
      }
      if (inside) out.putIfAbsent(d.code(), d.region().path());
    }
    return List.copyOf(out.values());
  }

  /** Divisions named {@code name}, also when the journalist left off 省/市/县/区. */
  private List<Gazetteer.Division> divisions(String name) {
    List<Gazetteer.Division> out = new ArrayList<>(gazetteer.named(name));
    if (out.isEmpty()) {
      for (String suffix : List.of("省", "市", "区", "县")) out.addAll(gazetteer.named(name + suffix));
    }
    return out;
  }
}
