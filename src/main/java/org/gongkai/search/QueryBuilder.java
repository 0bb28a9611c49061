package org.gongkai.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.gongkai.index.Schema;
import org.gongkai.model.Notice;

/**
 * Translates a parsed query into Lucene: what must match (exact-field phrases, so nothing is
 * missed), what ranks (BM25 on HanLP words, adjacency, headings), and what to highlight.
 */
final class QueryBuilder {

  /** A section whose heading holds the term outranks one that only mentions it. */
  static final float HEADING_BOOST = 4f;

  /** Words that stand together as typed rank above the same words apart. */
  static final float ADJACENT_BOOST = 2f;

  /** Words near each other (HanLP words apart at most this many) rank above words far apart. */
  static final int PROXIMITY_SLOP = 8;

  private final ExactQueries exact;
  private final Analyzer analyzer;
  private final Filters filters;

  QueryBuilder(Analyzer analyzer, Filters filters) {
    this.analyzer = analyzer;
    this.exact = new ExactQueries(analyzer);
    this.filters = filters;
  }

  /**
   * The Lucene query, the positive exact queries on the text field (for highlighting), and whether
   * nothing searchable was left so the query matches every section.
   */
  record Built(Query query, List<Query> highlights, boolean matchesEverything) {}

  /**
   * Builds {@code nodes} as a conjunction; null parts (nothing searchable) are left out with a
   * message.
   */
  Built build(List<QueryNode> nodes, List<Notice> messages) {
    List<Query> highlights = new ArrayList<>();
    Query q = and(nodes, messages, highlights);
    boolean everything =
        q instanceof BooleanQuery b
            && b.clauses().size() == 1
            && b.clauses().get(0).getQuery() instanceof MatchAllDocsQuery;
    return new Built(q, highlights, everything);
  }

  private Query and(List<QueryNode> nodes, List<Notice> messages, List<Query> highlights) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    boolean positive = false;
    List<String> words = new ArrayList<>(); // HanLP words of the unquoted words, for proximity
    for (QueryNode n : nodes) {
      if (n instanceof QueryNode.Not not) {
        Query q = node(not.node(), messages, new ArrayList<>());
        if (q != null) b.add(q, Occur.MUST_NOT);
        continue;
      }
      if (n instanceof QueryNode.Word w) words.addAll(words(w.text()));
      Query q = node(n, messages, highlights);
      if (q == null) continue;
      b.add(
          q,
          n instanceof QueryNode.Filter
                  || n instanceof QueryNode.Numeric
                  || n instanceof QueryNode.Field
              ? Occur.FILTER
              : Occur.MUST);
      positive = true;
    }
    if (words.size() > 1) {
      PhraseQuery.Builder near = new PhraseQuery.Builder().setSlop(PROXIMITY_SLOP);
      for (int i = 0; i < words.size(); i++) near.add(new Term(Schema.WORDS, words.get(i)), i);
      b.add(near.build(), Occur.SHOULD);
    }
    if (!positive)
      b.add(new MatchAllDocsQuery(), Occur.MUST); // only exclusions: everything but those
    return b.build();
  }

  private Query node(QueryNode n, List<Notice> messages, List<Query> highlights) {
    if (n instanceof QueryNode.Phrase p) return phrase(p.text(), messages, highlights);
    if (n instanceof QueryNode.Word w) return word(w.text(), messages, highlights);
    if (n instanceof QueryNode.Filter f) {
      Filters.Resolved r = filters.resolve(f.facet(), f.value(), messages);
      return new ConstantScoreQuery(r.query() == null ? new MatchNoDocsQuery() : r.query());
    }
    if (n instanceof QueryNode.Numeric c) return new ConstantScoreQuery(numeric(c));
    if (n instanceof QueryNode.Field f) {
      String field = f.field().equals("title") ? Schema.TITLE_TEXT : Schema.ISSUER_TEXT;
      Optional<Query> q = exact.occurs(field, f.text());
      if (q.isEmpty()) {
        messages.add(Notice.of("noLetters", f.field() + ":" + f.text()));
        return null;
      }
      return new ConstantScoreQuery(q.get());
    }
    if (n instanceof QueryNode.And a) return and(a.nodes(), messages, highlights);
    if (n instanceof QueryNode.Or o) {
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      int added = 0;
      for (QueryNode child : o.nodes()) {
        Query q =
            child instanceof QueryNode.Not not
                ? and(List.of(not), messages, highlights)
                : node(child, messages, highlights);
        if (q != null) {
          b.add(q, Occur.SHOULD);
          added++;
        }
      }
      return added == 0 ? null : b.setMinimumNumberShouldMatch(1).build();
    }
    if (n instanceof QueryNode.Not not) return and(List.of(not), messages, highlights);
    throw new IllegalArgumentException("unknown query node " + n);
  }

  /** Sections of documents whose headline value of the indicator lies in the range. */
  static Query numeric(QueryNode.Numeric c) {
    double lo =
        c.min() == null
            ? Double.NEGATIVE_INFINITY
            : (c.minInclusive() ? c.min() : Math.nextUp(c.min()));
    double hi =
        c.max() == null
            ? Double.POSITIVE_INFINITY
            : (c.maxInclusive() ? c.max() : Math.nextDown(c.max()));
    return DoublePoint.newRangeQuery(Schema.indicatorField(c.indicator()), lo, hi);
  }

  private Query phrase(String text, List<Notice> messages, List<Query> highlights) {
    Optional<Query> inText = exact.occurs(Schema.TEXT, text);
    if (inText.isEmpty()) {
      messages.add(Notice.of("noLettersPhrase", text));
      return null;
    }
    highlights.add(ExactQueries.marks(inText.get()));
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(inText.get(), Occur.MUST);
    exact
        .occurs(Schema.HEADING, text)
        .ifPresent(h -> b.add(new BoostQuery(h, HEADING_BOOST), Occur.SHOULD));
    return b.build();
  }

  private Query word(String text, List<Notice> messages, List<Query> highlights) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    int required = 0;
    Set<String> seen = new LinkedHashSet<>();
    for (Cut cut : cuts(text)) {
      if (!seen.add(cut.text())) continue;
      Optional<Query> inText = exact.occurs(Schema.TEXT, cut.text());
      if (inText.isEmpty()) continue;
      // each word must occur as written, as a substring (公务接待 finds 公务接待费); BM25 on the
      // word field ranks sections where it stands as a word of its own
      b.add(inText.get(), Occur.MUST);
      highlights.add(ExactQueries.marks(inText.get()));
      for (String w : cut.words()) b.add(new TermQuery(new Term(Schema.WORDS, w)), Occur.SHOULD);
      required++;
    }
    if (required == 0) {
      messages.add(Notice.of("noLetters", text));
      return null;
    }
    if (required > 1)
      exact
          .occurs(Schema.TEXT, text)
          .ifPresent(q -> b.add(new BoostQuery(q, ADJACENT_BOOST), Occur.SHOULD));
    exact
        .occurs(Schema.HEADING, text)
        .ifPresent(h -> b.add(new BoostQuery(h, HEADING_BOOST), Occur.SHOULD));
    return b.build();
  }

  /**
   * What of a typed word must occur as written: its HanLP words, except that single letters HanLP
   * left standing side by side (no word it knows: 三公 of 三公经费, a name, 出决) stay together as typed.
   * Required one by one, such letters would match nearly every section (each common letter occurs
   * somewhere in most), which no one typing them together means.
   */
  private List<Cut> cuts(String text) {
    List<Cut> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(Schema.WORDS, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      int runStart = -1;
      int runEnd = -1;
      List<String> run = new ArrayList<>();
      while (ts.incrementToken()) {
        String w = term.toString();
        boolean letter =
            w.codePointCount(0, w.length()) == 1 && Character.isIdeographic(w.codePointAt(0));
        if (letter && !run.isEmpty() && offset.startOffset() == runEnd) {
          run.add(w);
          runEnd = offset.endOffset();
          continue;
        }
        if (!run.isEmpty()) out.add(Cut.of(text, runStart, runEnd, run));
        run = new ArrayList<>();
        if (letter) {
          run.add(w);
          runStart = offset.startOffset();
          runEnd = offset.endOffset();
        } else {
          out.add(new Cut(w, List.of(w)));
        }
      }
      if (!run.isEmpty()) out.add(Cut.of(text, runStart, runEnd, run));
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // analysing a String does no I/O
    }
    return out;
  }

  /** A part of a typed word that must occur as written, and the HanLP words that rank it. */
  private record Cut(String text, List<String> words) {
    static Cut of(String typed, int from, int to, List<String> letters) {
      // one letter alone is itself as HanLP read it; a run is the letters as typed
      return letters.size() == 1
          ? new Cut(letters.get(0), List.copyOf(letters))
          : new Cut(typed.substring(from, to), List.copyOf(letters));
    }
  }

  /** The HanLP words of {@code text}, as the word field indexes them. */
  private List<String> words(String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(Schema.WORDS, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) out.add(term.toString());
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // analysing a String does no I/O
    }
    return out;
  }
}
