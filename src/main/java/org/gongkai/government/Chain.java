package org.gongkai.government;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.indicators.Indicator;
import org.gongkai.model.DisclosureDocument;
import org.gongkai.model.IndicatorValue;
import org.gongkai.model.Role;
import org.gongkai.model.Scope;

/**
 * A government figure's later amounts in its sentence (split from {@link GovernmentFigures}): the
 * budget as adjusted and the amount done, each opened by its role's words, and a budget's spending
 * said right after its revenue without its name.
 */
final class Chain {
  private Chain() {}

  /**
   * The figure's later amounts in its sentence, each opened by its own role's words (全市一般公共预算支出
   * 年初预算为546979万元，执行中因…等因素，支出预算调整为795622万元，实际完成791944万元): the budget as adjusted and the amount
   * done, in the figure's level and year. A clause of reasons with no amount is passed over;
   * anything else (a share, a growth, another figure) ends the chain.
   */
  static void read(
      DisclosureDocument d,
      Indicator ind,
      int year,
      Timings.Timing head,
      Scope.Whose whose,
      Prose.Paragraph p,
      int at,
      int to,
      String source,
      List<IndicatorValue> out) {
    String direction =
        ind.id.endsWith("_revenue") ? "收入" : ind.id.endsWith("_expenditure") ? "支出" : null;
    if (direction == null) return;
    String text = p.text();
    int i = at;
    int crossed = 0; // the sentences after the figure's the chain has gone into
    while (true) {
      if (i >= to) {
        // the sentence ended with the chain: it goes on in the next where that one opens with a
        // later amount or its reasons (…支出预算35.81亿元。执行中…，支出预算调整为45.12亿元。实际完成36.96亿元) —
        // and ends, as here, at a clause stating anything else
        int next = crossed < MAX_CROSSED ? nextSentenceEnd(text, to) : -1;
        if (next < 0) return;
        String first = text.substring(to + 1, clauseEnd(text, to + 1, next));
        if (!CHAIN.matcher(first).matches() && !REASONS.matcher(first).find()) return;
        i = to + 1;
        to = next;
        crossed++;
      }
      int comma = clauseEnd(text, i, to);
      String clause = text.substring(i, comma);
      if (i > at) {
        Matcher c = CHAIN.matcher(clause);
        Matcher spent = SPENT.matcher(clause);
        Indicator spending = direction.equals("收入") ? SPENDING.get(ind) : null;
        if (c.matches()) {
          if (c.group(1) != null && !c.group(1).equals(direction)) return;
          boolean adjusted = c.group(2).startsWith("调整");
          Timings.Timing when = Timings.timing(d, year, false, adjusted ? "" : "完成");
          if (when == null || when.role() == Role.PLANNED) return;
          if (adjusted) when = new Timings.Timing(Role.ADJUSTED_BUDGET, when.period());
          IndicatorValue done = add(d, ind, when, whose, p, i, c, 3, source, out);
          if (done == null) return;
          // 实际完成98,400万元，为预算的102.5%: the amount done's own rates
          if (!adjusted) Beside.rates(d, ind, done, p, i + c.end(4), to, source, out);
        } else if (spending != null && spent.matches() && crossed == 0) {
          // 一般公共预算收入60,000万元，支出373,660万元: the same budget's spending, in its role
          ind = spending;
          direction = "支出";
          if (add(d, ind, head, whose, p, i, spent, 1, source, out) == null) return;
        } else if (!REASONS.matcher(clause).find()
            || AMOUNT_ANYWHERE.matcher(clause).find()
            || crossed > 0 && namesAnotherFigure(clause, ind)) {
          // in a sentence after the figure's, reasons naming another budget's revenue or spending
          // (受…影响，政府性基金预算收入大幅减少) begin that one's words
          return;
        }
      }
      i = comma + 1;
    }
  }

  /** The most sentences after the figure's its later amounts are read in (预算…。执行中…调整为…。实际完成…). */
  private static final int MAX_CROSSED = 2;

  /** Whether a clause names a budget's revenue or spending other than {@code ind} (政府性基金预算收入 …). */
  private static boolean namesAnotherFigure(String clause, Indicator ind) {
    for (Matcher m = GovernmentFigures.LABEL.matcher(clause); m.find(); )
      for (Indicator f : Indicator.values())
        if (f != ind
            && (f.id.endsWith("_revenue") || f.id.endsWith("_expenditure"))
            && f.pattern().matcher(m.group()).matches()) return true;
    return false;
  }

  /** Where the sentence after the stop at {@code stop} ends (its own stop, or the text's end). */
  private static int nextSentenceEnd(String text, int stop) {
    if (stop >= text.length() || "。；;".indexOf(text.charAt(stop)) < 0) return -1;
    int end = stop + 1;
    while (end < text.length() && "。；;".indexOf(text.charAt(end)) < 0) end++;
    return end > stop + 1 ? end : -1;
  }

  /**
   * Where the clause of {@code text} opening at {@code from} ends: its first comma before {@code
   * to}, or {@code to} — a comma between digits is a thousands separator (301,500万元), not a
   * clause's end.
   */
  private static int clauseEnd(String text, int from, int to) {
    int comma = from;
    while (comma < to
        && !(text.charAt(comma) == '，'
            || text.charAt(comma) == ','
                && !(comma > 0
                    && comma + 1 < text.length()
                    && Character.isDigit(text.charAt(comma - 1))
                    && Character.isDigit(text.charAt(comma + 1))))) comma++;
    return comma;
  }

  /**
   * Adds the amount of {@code m}'s groups {@code g} (digits) and {@code g + 1} (unit), in clause at
   * {@code i} of {@code p}, as a statement of {@code ind}; null where it is no amount of it.
   */
  private static IndicatorValue add(
      DisclosureDocument d,
      Indicator ind,
      Timings.Timing when,
      Scope.Whose whose,
      Prose.Paragraph p,
      int i,
      Matcher m,
      int g,
      String source,
      List<IndicatorValue> out) {
    IndicatorValue v =
        GovernmentFigures.amount(
            d,
            ind,
            m.group(g),
            m.group(g + 1),
            when,
            whose,
            p.offset(i + m.start(g)),
            p.offset(i + m.end(g + 1) - 1) + 1,
            source);
    if (v == null) return null;
    // the next sentence's amount its own reading took already
    if (out.stream().anyMatch(o -> o.start() == v.start() && o.end() == v.end())) return null;
    out.add(v);
    return v;
  }

  /** A budget's spending said right after its revenue, its name not repeated (，支出373,660万元). */
  private static final Pattern SPENT =
      Pattern.compile(
          "^\\s*支出(?:预算)?(?:为|是|完成|实际完成|安排)?\\s*(\\d[\\d,]*(?:\\.\\d+)?)\\s*(亿元|万元)\\s*$");

  /** Each budget's spending, by its revenue. */
  private static final java.util.Map<Indicator, Indicator> SPENDING =
      java.util.Map.of(
          Indicator.GOV_GENERAL_REVENUE, Indicator.GOV_GENERAL_EXPENDITURE,
          Indicator.GOV_FUND_REVENUE, Indicator.GOV_FUND_EXPENDITURE,
          Indicator.GOV_CAPITAL_REVENUE, Indicator.GOV_CAPITAL_EXPENDITURE,
          Indicator.GOV_SOCIAL_REVENUE, Indicator.GOV_SOCIAL_EXPENDITURE);

  /** A later amount of a figure, opened by its role's words (支出预算调整为…, 实际完成…). */
  private static final Pattern CHAIN =
      Pattern.compile(
          "^\\s*(?:经[^，,]{0,20}(?:批准|审议|同意)[，,]?)?(?:当年|全年)?(?:(收入|支出)(?:预算)?)?(调整(?:预算|后)?(?:数)?为?|实际完成|执行)\\s*"
              + "(\\d[\\d,]*(?:\\.\\d+)?)\\s*(亿元|万元)\\s*$");

  /**
   * A clause giving reasons between a figure's amounts (执行中因上级补助增加…等因素), or the approval of its
   * adjustment (经报人大常委会批准).
   */
  private static final Pattern REASONS =
      Pattern.compile("^\\s*(?:执行中|因|由于|受|主要是|加之|经(?:报)?[^，,]{0,20}(?:批准|审议|同意))");

  private static final Pattern AMOUNT_ANYWHERE = Pattern.compile("\\d\\s*(?:亿元|万元)");
}
