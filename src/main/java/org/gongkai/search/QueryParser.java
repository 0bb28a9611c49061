package org.gongkai.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.indicators.Indicator;
import org.gongkai.model.Facet;
import org.gongkai.model.Notice;

/**
 * Reads the query language a journalist types — {@code "exact phrase"} (ASCII or Chinese quotes),
 * unquoted words, {@code -exclude}, {@code OR}, parentheses, {@code key:value} filters and numeric
 * conditions on indicators ({@code 公务接待费>1}) — into a {@link QueryNode} tree. Never throws:
 * anything malformed gets a best-effort reading and a message.
 *
 * <p>Written by hand because Lucene's classic and flexible parsers treat Chinese punctuation and
 * full-width brackets inside words as syntax, and cannot pass filters or exact phrases to our own
 * query building.
 */
public final class QueryParser {

  /**
   * Longer queries are cut here; nobody types more, and it bounds the work one request can cause.
   */
  public static final int MAX_CHARS = 500;

  /** At most this many terms and filters are used. */
  public static final int MAX_TERMS = 32;

  /** The parsed query and what the reader should know about how it was read. */
  record Parsed(QueryNode.And root, List<Notice> notices) {}

  private sealed interface Token {}

  private record Open() implements Token {}

  private record Close() implements Token {}

  private record Minus() implements Token {}

  private record OrOp() implements Token {}

  private record Atom(QueryNode node, int start, int end) implements Token {
    Atom(QueryNode node) {
      this(node, -1, -1);
    }
  }

  /**
   * A filter typed at the top level of a query ({@code region:湖北省} in {@code 公务接待 region:湖北省}): it
   * selects like a ticked facet value. {@code text} is how it was typed.
   */
  public record TypedFilter(Facet facet, String value, String text) {}

  /** The filters typed at the top level of {@code query}, in order. */
  public static List<TypedFilter> typedFilters(String query) {
    String q = query == null ? "" : query;
    if (q.codePointCount(0, q.length()) > MAX_CHARS)
      q = q.substring(0, q.offsetByCodePoints(0, MAX_CHARS));
    List<Token> tokens = lex(q, new ArrayList<>());
    java.util.IdentityHashMap<QueryNode, Atom> atoms = new java.util.IdentityHashMap<>();
    for (Token t : tokens) if (t instanceof Atom a) atoms.put(a.node(), a);
    List<TypedFilter> out = new ArrayList<>();
    for (QueryNode n : new Cursor(tokens, new ArrayList<>()).sequence(false)) {
      Atom a = atoms.get(n);
      if (n instanceof QueryNode.Filter f && a != null && a.start() >= 0)
        out.add(new TypedFilter(f.facet(), f.value(), q.substring(a.start(), a.end())));
    }
    return out;
  }

  /** {@code query} without the typed filter {@code text} (its first occurrence), spaces tidied. */
  public static String without(String query, String text) {
    if (query == null) return "";
    int at = query.indexOf(text);
    if (at < 0) return query;
    return (query.substring(0, at) + " " + query.substring(at + text.length()))
        .strip()
        .replaceAll("\\s{2,}", " ");
  }

  /** {@code query} without any filter typed at its top level. */
  public static String withoutFilters(String query) {
    String q = query == null ? "" : query;
    for (TypedFilter f : typedFilters(q)) q = without(q, f.text());
    return q;
  }

  public Parsed parse(String query) {
    List<Notice> messages = new ArrayList<>();
    String q = query == null ? "" : query;
    if (q.codePointCount(0, q.length()) > MAX_CHARS) {
      q = q.substring(0, q.offsetByCodePoints(0, MAX_CHARS));
      messages.add(Notice.of("tooLong", MAX_CHARS));
    }
    List<Token> tokens = lex(q, messages);
    Cursor c = new Cursor(tokens, messages);
    List<QueryNode> items = c.sequence(false);
    int terms = countTerms(items);
    if (terms > MAX_TERMS) {
      items = keepTerms(items, MAX_TERMS);
      messages.add(Notice.of("tooManyTerms", terms, MAX_TERMS));
    }
    return new Parsed(new QueryNode.And(items), messages);
  }

  // ---- lexing

  private static List<Token> lex(String s, List<Notice> messages) {
    List<Token> out = new ArrayList<>();
    int depth = 0;
    int i = 0;
    while (i < s.length()) {
      char ch = s.charAt(i);
      if (isSpace(ch)) {
        i++;
      } else if (ch == '(' || ch == '（') {
        out.add(new Open());
        depth++;
        i++;
      } else if (ch == ')' || ch == '）') {
        if (depth > 0) {
          out.add(new Close());
          depth--;
        } else {
          messages.add(Notice.of("strayBracket"));
        }
        i++;
      } else if ((ch == '-' || ch == '－') && i + 1 < s.length() && !isSpace(s.charAt(i + 1))) {
        out.add(new Minus());
        i++;
      } else if (closingQuote(ch) != 0) {
        int[] end = new int[1];
        String text = quoted(s, i, end, messages);
        out.add(new Atom(new QueryNode.Phrase(text)));
        i = end[0];
      } else {
        int start = i;
        int inner = 0; // brackets inside a word, as in 因公出国（境）费, belong to the word
        while (i < s.length()) {
          char w = s.charAt(i);
          if (isSpace(w) || closingQuote(w) != 0) break;
          if (w == '(' || w == '（') inner++;
          if (w == ')' || w == '）') {
            if (inner > 0) inner--;
            else if (depth > 0) break;
          }
          i++;
        }
        String word = s.substring(start, i);
        if (word.equals("OR") || word.equals("|")) {
          out.add(new OrOp());
        } else if (word.equals("AND") || word.equals("&")) {
          // implicit anyway
        } else if (word.equals("NOT") && i < s.length()) {
          out.add(new Minus()); // NOT x is -x
        } else if ((word.equals("or")
                || word.equals("not")
                || word.equals("Or")
                || word.equals("Not"))
            && !out.isEmpty()
            && i < s.length()) {
          // an operator typed in lower case is searched as a word: say how to write the operator
          messages.add(Notice.of(word.equalsIgnoreCase("or") ? "lowerOr" : "lowerNot", word));
          out.add(new Atom(new QueryNode.Word(word)));
        } else if (fieldKey(word).isPresent()) {
          String key = fieldKey(word).get();
          int atomStart = start;
          String value = word.substring(indexOfColon(word) + 1);
          if (value.isEmpty() && i < s.length() && closingQuote(s.charAt(i)) != 0) {
            int[] end = new int[1];
            value = quoted(s, i, end, messages);
            i = end[0];
          }
          if (value.isBlank()) messages.add(Notice.of("emptyFilter", word));
          else out.add(new Atom(new QueryNode.Field(key, value.strip()), atomStart, i));
        } else if (numeric(word).isPresent()) {
          out.add(new Atom(numeric(word).get()));
        } else {
          Optional<String> key = filterKey(word);
          if (key.isPresent()) {
            int atomStart = start;
            String value = word.substring(word.indexOf(key.get()) + key.get().length() + 1);
            if (value.isEmpty() && i < s.length() && closingQuote(s.charAt(i)) != 0) {
              int[] end = new int[1];
              value = quoted(s, i, end, messages);
              i = end[0];
            }
            if (value.isBlank()) {
              messages.add(Notice.of("emptyFilter", word));
            } else {
              out.add(
                  new Atom(
                      new QueryNode.Filter(Facet.named(key.get()).orElseThrow(), value.strip()),
                      atomStart,
                      i));
            }
          } else {
            out.add(new Atom(new QueryNode.Word(word)));
          }
        }
      }
    }
    if (depth > 0) messages.add(Notice.of("openBracket", depth));
    return out;
  }

  private static final Pattern NUMERIC =
      Pattern.compile(
          "^(.+?)(>=|<=|≥|≤|>|<|＞|＜|=|:|：)(\\d+(?:\\.\\d+)?)?(\\.\\.)?(\\d+(?:\\.\\d+)?)?$");

  /** {@code 公务接待费>1}, {@code 基本支出:100..500}, {@code vehicles>=1}: a condition on an indicator. */
  static Optional<QueryNode.Numeric> numeric(String word) {
    Matcher m = NUMERIC.matcher(word);
    if (!m.matches()) return Optional.empty();
    Optional<Indicator> indicator = Indicator.named(m.group(1));
    if (indicator.isEmpty()) return Optional.empty();
    String op = m.group(2);
    Double a = m.group(3) == null ? null : Double.valueOf(m.group(3));
    Double b = m.group(5) == null ? null : Double.valueOf(m.group(5));
    boolean range = m.group(4) != null;
    String id = indicator.get().id;
    if (op.equals(":") || op.equals("：") || op.equals("=")) {
      if (range)
        return a == null && b == null
            ? Optional.empty()
            : Optional.of(new QueryNode.Numeric(id, a, true, b, true));
      return a == null
          ? Optional.empty()
          : Optional.of(new QueryNode.Numeric(id, a, true, a, true));
    }
    if (range || a == null) return Optional.empty();
    return switch (op) {
      case ">", "＞" -> Optional.of(new QueryNode.Numeric(id, a, false, null, true));
      case ">=", "≥" -> Optional.of(new QueryNode.Numeric(id, a, true, null, true));
      case "<", "＜" -> Optional.of(new QueryNode.Numeric(id, null, true, a, false));
      default -> Optional.of(new QueryNode.Numeric(id, null, true, a, true));
    };
  }

  /**
   * Reads a quoted phrase starting at the quote at {@code i}; an unclosed quote runs to the end.
   */
  private static String quoted(String s, int i, int[] end, List<Notice> messages) {
    char close = closingQuote(s.charAt(i));
    // with an input method, a phrase opened with " is often closed with ” and the other way round
    boolean anyDoubleQuote = close == '"' || close == '＂' || close == '”';
    int j = i + 1;
    while (j < s.length()
        && s.charAt(j) != close
        && !(anyDoubleQuote && isDoubleQuote(s.charAt(j)))) j++;
    if (j >= s.length()) {
      messages.add(Notice.of("openQuote"));
      end[0] = s.length();
      return s.substring(i + 1);
    }
    end[0] = j + 1;
    return s.substring(i + 1, j);
  }

  /** The quote that closes {@code open}, or 0 when {@code open} does not open a phrase. */
  private static char closingQuote(char open) {
    return switch (open) {
      case '"' -> '"';
      case '＂' -> '＂';
      case '“', '”' -> '”';
      case '「' -> '」';
      case '『' -> '』';
      default -> 0;
    };
  }

  private static boolean isDoubleQuote(char c) {
    return c == '"' || c == '＂' || c == '”';
  }

  /**
   * The report fields a query may name: {@code title:}, {@code issuer:} and their Chinese names.
   */
  private static final java.util.Map<String, String> FIELDS =
      java.util.Map.of("title", "title", "标题", "title", "issuer", "issuer", "发布单位", "issuer");

  private static Optional<String> fieldKey(String word) {
    int colon = indexOfColon(word);
    if (colon <= 0) return Optional.empty();
    return Optional.ofNullable(
        FIELDS.get(word.substring(0, colon).toLowerCase(java.util.Locale.ROOT)));
  }

  private static Optional<String> filterKey(String word) {
    int colon = indexOfColon(word);
    if (colon <= 0) return Optional.empty();
    String key = word.substring(0, colon);
    return Facet.named(key).isPresent() ? Optional.of(key) : Optional.empty();
  }

  private static int indexOfColon(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (word.charAt(i) == ':' || word.charAt(i) == '：') return i;
    }
    return -1;
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  // ---- parsing: sequence := or*, or := unary (OR unary)*, unary := '-' unary | '(' sequence ')' |
  // atom

  private static final class Cursor {
    private final List<Token> tokens;
    private final List<Notice> messages;
    private int i;

    Cursor(List<Token> tokens, List<Notice> messages) {
      this.tokens = tokens;
      this.messages = messages;
    }

    List<QueryNode> sequence(boolean inGroup) {
      List<QueryNode> items = new ArrayList<>();
      while (i < tokens.size()) {
        if (tokens.get(i) instanceof Close) {
          i++;
          if (inGroup) return items;
          continue; // the lexer only emits matched closers, so this cannot happen at top level
        }
        QueryNode n = or();
        if (n != null) items.add(n);
      }
      return items;
    }

    private QueryNode or() {
      List<QueryNode> alternatives = new ArrayList<>();
      QueryNode first = unary();
      if (first != null) alternatives.add(first);
      while (i < tokens.size() && tokens.get(i) instanceof OrOp) {
        i++;
        if (i >= tokens.size() || tokens.get(i) instanceof Close || tokens.get(i) instanceof OrOp) {
          messages.add(Notice.of("orAfter"));
          continue;
        }
        QueryNode next = unary();
        if (next != null) alternatives.add(next);
      }
      if (alternatives.isEmpty()) return null;
      return alternatives.size() == 1 ? alternatives.get(0) : new QueryNode.Or(alternatives);
    }

    private QueryNode unary() {
      Token t = tokens.get(i++);
      if (t instanceof OrOp) {
        messages.add(Notice.of("orBefore"));
        return null;
      }
      if (t instanceof Minus) {
        if (i >= tokens.size() || tokens.get(i) instanceof Close || tokens.get(i) instanceof OrOp) {
          messages.add(Notice.of("minus"));
          return null;
        }
        QueryNode n = unary();
        if (n == null) return null;
        return n instanceof QueryNode.Not not ? not.node() : new QueryNode.Not(n);
      }
      if (t instanceof Open) {
        List<QueryNode> inside = sequence(true);
        if (inside.isEmpty()) return null;
        return inside.size() == 1 ? inside.get(0) : new QueryNode.And(inside);
      }
      if (t instanceof Atom a) return a.node();
      return null; // a Close is consumed by sequence()
    }
  }

  // ---- limits

  private static int countTerms(List<QueryNode> nodes) {
    int n = 0;
    for (QueryNode node : nodes) n += countTerms(node);
    return n;
  }

  private static int countTerms(QueryNode node) {
    if (node instanceof QueryNode.And a) return countTerms(a.nodes());
    if (node instanceof QueryNode.Or o) return countTerms(o.nodes());
    if (node instanceof QueryNode.Not not) return countTerms(not.node());
    return 1;
  }

  /**
   * The leading part of {@code nodes} holding at most {@code budget} terms: a group ({@code a OR b
   * OR …}) that would pass the budget keeps its first members that fit, so the first terms are used
   * as the notice says (a group dropped whole left nothing, and the search matched everything).
   */
  private static List<QueryNode> keepTerms(List<QueryNode> nodes, int budget) {
    List<QueryNode> kept = new ArrayList<>();
    for (QueryNode n : nodes) {
      if (budget <= 0) break;
      int c = countTerms(n);
      if (c <= budget) {
        kept.add(n);
        budget -= c;
        continue;
      }
      List<QueryNode> part =
          n instanceof QueryNode.Or o
              ? keepTerms(o.nodes(), budget)
              : n instanceof QueryNode.And a ? keepTerms(a.nodes(), budget) : List.of();
      if (!part.isEmpty())
        kept.add(n instanceof QueryNode.Or ? new QueryNode.Or(part) : new QueryNode.And(part));
      break;
    }
    return kept;
  }
}
