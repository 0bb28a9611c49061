package org.gongkai.indicators;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.model.IndicatorValue;

/**
 * A total's own breakdown: the parts its words list after it ({@code 收入预算X万元，比2025年年初预算数增加Y万元。
 * 其中：财政拨款收入A万元，…上年结转B万元}), read as evidence for the total — whether they add up to it, and whether
 * a carry-over is among them or stated beside them. Every answer is decided by the sums: parts that
 * do not add up to the total prove nothing, and nothing is guessed from them.
 */
final class Breakdown {

  /**
   * Money a year brings in from earlier years, not its own income: 上年结转, 上年结转结余资金, 上年财政拨款结转,
   * 以前年度结余, 年初结转和结余, 使用非财政拨款结余, 继续使用的财政性结转资金.
   */
  static final Pattern INCOME_CARRY =
      Pattern.compile("(?:上年度?|年初|以前年度|使用|继续使用)[^，,。；;、：:\\d]{0,8}?结[转余](?!下年)");

  /** Carry-overs out of a year: 结转下年, 年末结转和结余. */
  static final Pattern SPENDING_CARRY = Pattern.compile("结转下年|年末结转|年终结转");

  /** A comparison said right after an amount, to its clause's end. */
  private static final Pattern COMPARED_AFTER =
      Pattern.compile(
          "\\s*(?:万元|元|亿元)?\\s*[，,]\\s*(?:比|较|与|同)[^。；;\n]{0,60}?"
              + "(?:增加|减少|增长|下降|上升|降低|持平|相比|相同|一致|增|减)[^。；;]{0,60}?(?=[。；;]|[，,]\\s*(?:其中|包括|具体))");

  /**
   * Where a grand total's breakdown ends: the next numbered part of the same level, or a few lines
   * on.
   */
  private static final Pattern NEXT_PART =
      Pattern.compile("\n[（(][一二三四五六七八九十]+[)）]|\n[一二三四五六七八九十]+、");

  /** An item of a list: {@code 1．}, {@code （1）}, {@code 一、}. */
  private static final Pattern ITEM =
      Pattern.compile(
          "\\s*(?:\\d{1,2}\\s*[.．、]|[（(]\\d{1,2}[)）]|[一二三四五六七八九十]{1,3}\\s*、|[（(][一二三四五六七八九十]{1,3}[)）])");

  /**
   * Where a total's own breakdown begins: {@code 其中：}, {@code 包括：}, {@code 具体为}, {@code 收入预算中：}.
   */
  private static final Pattern OPENS =
      Pattern.compile("(?:其中|包括|具体(?:为|是|包括|如下)|(?:收入|支出)(?:预算)?(?:构成)?中)\\s*[：:，,]?");

  /** Kinds of carry-over besides 结转: 结余, 以前年度 (结余), 事业基金. */
  private static final Pattern OTHER_CARRIES =
      Pattern.compile("结\\s*余|以\\s*前\\s*年\\s*度|事\\s*业\\s*基\\s*金");

  /** A breakdown of the income side: {@code 收入预算中：}, {@code 收入中}. */
  private static final Pattern INCOME_OPENS = Pattern.compile("[\\s。，,]*收入(?:预算)?(?:构成)?中");

  /**
   * A carry-over a total says it holds, right after it: {@code 收入预算X万元（含上年结转Y万元）}, {@code
   * …X万元，含上年结转结余资金Y万元}.
   */
  private static final Pattern HOLDS =
      Pattern.compile(
          "\\s*(?:万元|元|亿元)?\\s*[（(，,]\\s*(?:其中)?(?:含|包含|包括)\\s*"
              + "(?<carry>(?:上年度?|年初|以前年度)[^，,。；;、：:\\d（）()]{0,8}?结[转余][^，,。；;、：:\\d（）()]{0,6}?)"
              + "(?:为|共)?\\s*(?<amount>[0-9]{1,3}(?:,[0-9]{3})+(?:\\.[0-9]+)?|[0-9]+(?:\\.[0-9]+)?)\\s*(?<unit>万元|亿元|元)");

  /** An amount with its unit: {@code 20702.25 万元}. */
  private static final Pattern AMOUNT =
      Pattern.compile(
          "([0-9]{1,3}(?:,[0-9]{3})+(?:\\.[0-9]+)?|[0-9]+(?:\\.[0-9]+)?)\\s*(万元|亿元|元)(?![/／])");

  /** One part a breakdown lists: its amount in 万元, and whether it is a carry-over. */
  record Part(BigDecimal wan, boolean carry, boolean odd) {}

  /** Words of money carried, of any kind and either way. */
  private static final Pattern ANY_CARRY = Pattern.compile("结\\s*[转余]");

  private final String text;

  /** {@code text}: the document as read (simplified characters), offsets as the values'. */
  Breakdown(String text) {
    this.text = text;
  }

  /**
   * Where a total's own words go on after the comparison said right after it ({@code 收入预算X万元，
   * 比2025年年初预算数Y万元增加Z万元，增长W%。其中：…}): the breakdown that follows is the total's.
   */
  int afterComparison(int from) {
    Matcher m = COMPARED_AFTER.matcher(text).region(from, Math.min(text.length(), from + 200));
    if (!m.lookingAt()) return from;
    // the change's reason, in a sentence of its own (…增长8.6%。主要是新增信息化项目。其中：…)
    Matcher why = REASON.matcher(text).region(m.end(), Math.min(text.length(), m.end() + 160));
    return why.lookingAt() ? why.end() : m.end();
  }

  /** The reason given for a change, to its sentence's end: {@code 。主要原因是…}. */
  private static final Pattern REASON =
      Pattern.compile("\\s*[。；;，,]\\s*主要(?:原因)?(?:是|为|系|用于|由于)[^。；;\n]{1,120}?(?=[。；;])");

  /**
   * A breakdown that opens further on in the total's part, past the words on its change ({@code
   * 收入预算减少的原因有三个：一是…；二是…。} then {@code 其中：…} or {@code 2026年收入预算中，…}): where a sentence or a line
   * opens with it and the parts it lists, carry-overs included, add up to the total. The offset (in
   * the text) where its parts begin, or -1.
   */
  private int laterOpening(IndicatorValue g, boolean income) {
    if (g.valueWan() == null) return -1;
    int from = afterComparison(g.end());
    String rest = part(from);
    for (Matcher m = LATER_OPENS.matcher(rest); m.find(); ) {
      // the other side's breakdown (支出预算中 after an income total) is not this one's
      String head = m.group() + rest.substring(m.end(), Math.min(rest.length(), m.end() + 12));
      if (income ? head.contains("支出") : head.contains("收入")) continue;
      List<Part> parts = partsAt(rest.substring(m.end()), true, income);
      if (prefixAddingUp(parts, g) > 0) return from + m.end();
    }
    return -1;
  }

  /**
   * The words after a total to the end of its part of the report: the next heading of the top level
   * ({@code 三、}, {@code 第三部分}), or some lines on; its own numbered items ({@code （一）…}, {@code
   * 1.…}) are in it.
   */
  private String part(int from) {
    int limit = Math.min(text.length(), from + 1500);
    Matcher next = TOP_PART.matcher(text).region(from, limit);
    return text.substring(from, next.find() ? next.start() : limit);
  }

  /** A heading of the top level: {@code 三、}, {@code 第三部分}. */
  private static final Pattern TOP_PART =
      Pattern.compile("\n\\s*(?:[一二三四五六七八九十]+\\s*、|第[一二三四五六七八九十]+部分)");

  /**
   * A breakdown's opening at the start of a sentence or line: {@code 其中：}, {@code 包括：}, {@code
   * 2026年收入预算中，}.
   */
  private static final Pattern LATER_OPENS =
      Pattern.compile(
          "(?<=[。\n])\\s*(?:(?:其中|包括|具体(?:为|是|包括|如下))\\s*[：:，,]"
              + "|(?:[0-9]{4}\\s*年度?)?(?:本部门|本单位|部门|单位)?(?:收入|支出)(?:预算)?(?:构成)?中\\s*[：:，,]?"
              // a list of numbered parts on the lines after the total: （一）…, 1.…
              + "|(?<=\n)(?=\\s*(?:\\d{1,2}\\s*[.．、](?!\\d)|[（(][一二三四五六七八九十\\d]{1,3}[)）])))");

  /** Whether the amounts of {@code parts} (two or more, changes aside) add up to {@code total}. */
  boolean partsAddUp(String parts, IndicatorValue total) {
    if (total.valueWan() == null) return false;
    BigDecimal sum = BigDecimal.ZERO;
    int n = 0;
    for (Matcher m = AMOUNT.matcher(parts); m.find(); ) {
      if (Comparison.changeOrCompared(parts, m.start(), null)) continue;
      sum = sum.add(Amounts.wan(Amounts.decimal(m.group(1)), m.group(2)));
      n++;
    }
    double half = Amounts.halfUnitWan(total.asWritten(), total.unit());
    return n >= 2 && Math.abs(sum.doubleValue() - total.valueWan()) <= half * (n + 1) + 1e-6;
  }

  /** The words after a total up to the end of its part of the report (or a few lines on). */
  private String rest(int from) {
    int limit = Math.min(text.length(), from + 1500);
    Matcher next = NEXT_PART.matcher(text).region(from, limit);
    int end = next.find() ? next.start() : Math.min(text.length(), from + 600);
    return text.substring(from, Math.max(from, end));
  }

  /**
   * What a total's own breakdown says of carry-overs: true when it lists one with an amount other
   * than 0 (or names one without its amount), false when it lists one of 0 or lists the sources
   * without one, null when the total has no breakdown.
   */
  Boolean carried(IndicatorValue g, boolean income) {
    if (heldCarry(g, income) != null) return true;
    int from = afterComparison(g.end());
    int after = skipSpaceAndPunct(text, from);
    String rest = rest(from);
    // the breakdown of the sentence itself (其中：…；…) or of the lines that follow (包括：1. …)
    Matcher opens = OPENS.matcher(text).region(after, Math.min(text.length(), after + 40));
    // the other side's list (支出预算中：… after an income total) is not this total's breakdown
    boolean breakdown =
        opens.lookingAt() && !otherSide(opens.group(), income)
            || rest.matches("(?s)^[^。]{0,40}(?:其中|包括|具体为|具体如下)[：:].*");
    if (!breakdown) {
      int later = laterOpening(g, income);
      if (later < 0) return null;
      rest = text.substring(later, from + part(from).length());
    }
    // a total of both sides whose breakdown lists the other side's parts (收支总预算X。收入预算中：…
    // 上年结转Y) says nothing of this side's
    if (!income && (INCOME_CARRY.matcher(rest).find() || INCOME_OPENS.matcher(rest).lookingAt()))
      return null;
    Pattern carry = income ? INCOME_CARRY : SPENDING_CARRY;
    for (Matcher c = carry.matcher(rest); c.find(); ) {
      // 年初预算数504.51万元，其中：一般公共预算拨款204.51万元，…事业收入300万元；上年结转结余29.81万元:
      // the parts before the carry-over already add up to the total, which is the year's
      if (partsAddUp(rest.substring(0, c.start()), g)) return false;
      // the amount said with it (上年结转资金预算数为 0); none said is a carry-over of unknown size
      Matcher amount =
          Reading.NUMBER.matcher(rest).region(c.end(), Math.min(rest.length(), c.end() + 16));
      if (!amount.find() || Reading.parse(amount.group()) != 0) return true;
    }
    // no carry-over among the parts: known to be none only where the parts make up the whole
    // total (其中本年收入X, one part short of it, says the rest is something else)
    // (the spending side lists its uses: none carried forward unless it says 结转下年)
    return !income || listsWhole(g, income) ? false : null;
  }

  /**
   * Whether the report states a carry-over of some money (not 0) outside the total's own breakdown:
   * {@code 上年结转收入1,192,640.00元} in another section.
   */
  boolean carryStatedElsewhere(IndicatorValue g, boolean income) {
    int from = afterComparison(g.end());
    int to = from + rest(from).length();
    Matcher c = (income ? INCOME_CARRY : SPENDING_CARRY).matcher(text);
    while (c.find()) {
      if (c.start() >= g.start() && c.start() < to) continue;
      Double amount = amountAfter(text, c.end(), 12);
      if (amount != null && amount != 0) return true;
    }
    return false;
  }

  /**
   * Whether the parts a total's breakdown lists, carry-overs aside, add up to it — one part equal
   * to it alone too ({@code 收入预算X万元，其中：一般公共预算拨款收入X万元}).
   */
  private boolean listsWhole(IndicatorValue g, boolean income) {
    List<Part> parts = parts(g, true, income);
    if (parts == null || parts.isEmpty()) return false;
    double half = Amounts.halfUnitWan(g.asWritten(), g.unit());
    BigDecimal sum = BigDecimal.ZERO;
    for (int n = 1; n <= parts.size(); n++) {
      if (parts.get(n - 1).odd()) return false; // money carried of a kind not read: unknown
      sum = sum.add(parts.get(n - 1).wan());
      if (Math.abs(sum.doubleValue() - g.valueWan()) <= half * (n + 1) + 1e-6) return true;
    }
    return false;
  }

  /**
   * The carry-over a total says right after it that it holds ({@code 收入预算X万元（含上年结转Y万元）}), in 万元, or
   * null. Income only: what a spending total holds is said otherwise.
   */
  BigDecimal heldCarry(IndicatorValue g, boolean income) {
    if (!income || g.valueWan() == null) return null;
    Matcher m = HOLDS.matcher(text).region(g.end(), Math.min(text.length(), g.end() + 60));
    if (!m.lookingAt()) return null;
    BigDecimal carry = Amounts.wan(Amounts.decimal(m.group("amount")), m.group("unit"));
    // a carry-over as large as the total leaves no year's income to speak of: not read
    if (carry.signum() <= 0 || carry.doubleValue() >= g.valueWan()) return null;
    // another kind of carry-over spoken of elsewhere (结余, 以前年度, 事业基金, where the total names
    // 结转 only) may be in the total too: the year's income is then not known
    String held = m.group("carry");
    String others = text.substring(0, m.start("carry")) + " " + text.substring(m.end("carry"));
    Matcher other = OTHER_CARRIES.matcher(others);
    while (other.find()) if (!held.contains(other.group().replaceAll("\\s", ""))) return null;
    return carry;
  }

  /** Whether a total's breakdown names a carry-over after parts that add up to the total. */
  boolean besideCarryOver(IndicatorValue g, boolean income) {
    int from = afterComparison(g.end());
    int after = skipSpaceAndPunct(text, from);
    if (!OPENS.matcher(text).region(after, Math.min(text.length(), after + 40)).lookingAt())
      return false;
    int end = text.indexOf('。', after);
    String rest = text.substring(from, end < 0 ? text.length() : end);
    Matcher c = (income ? INCOME_CARRY : SPENDING_CARRY).matcher(rest);
    return c.find() && partsAddUp(rest.substring(0, c.start()), g);
  }

  /** Whether the amounts a total's 其中/包括 lists (changes and shares aside) add up to it. */
  boolean addsUp(IndicatorValue v) {
    List<Part> parts = parts(v, false, true);
    return parts != null && prefixAddingUp(parts, v) > 0;
  }

  /**
   * The carry-overs a grand total's breakdown lists among the parts that add up to it ({@code
   * 收入预算12,345.67万元，…其中：财政拨款收入10,000万元，事业收入2,000万元，上年结转345.67万元}: 345.67), in 万元; null unless the
   * parts, carry-overs included, add up to the total and at least one other part is listed. The
   * year's total is then the grand total less them, by the report's own sum.
   */
  BigDecimal carriedIn(IndicatorValue g, boolean income) {
    List<Part> parts = parts(g, true, income);
    if (parts == null) return null;
    int n = prefixAddingUp(parts, g);
    if (n == 0) return null;
    BigDecimal carry = BigDecimal.ZERO;
    int others = 0;
    for (Part p : parts.subList(0, n)) {
      if (p.odd()) return null; // money carried of a kind not read: the year's is not known
      if (p.carry()) carry = carry.add(p.wan());
      else others++;
    }
    return others > 0 && carry.signum() > 0 ? carry : null;
  }

  /** How many of the first parts (two or more) add up to {@code v}, or 0. */
  private static int prefixAddingUp(List<Part> parts, IndicatorValue v) {
    double half = Amounts.halfUnitWan(v.asWritten(), v.unit());
    BigDecimal sum = BigDecimal.ZERO;
    for (int n = 1; n <= parts.size(); n++) {
      sum = sum.add(parts.get(n - 1).wan());
      double gap = sum.doubleValue() - v.valueWan();
      if (n >= 2 && Math.abs(gap) <= half * (n + 1) + 1e-6) return n;
      if (gap > half * (n + 1)) return 0; // past the total: these are not its parts
    }
    return 0;
  }

  /**
   * The parts a total's 其中/包括 lists, in order: the rest of the line, then the lines of the part
   * that follow; of listed items, the first level's only; in each clause its first amount that is
   * not a change. Clauses end at {@code ；。}, and, when {@code fine}, at {@code ，、} too (a list
   * written in one sentence). Null when the total has no breakdown in its sentence or the next.
   */
  private List<Part> parts(IndicatorValue v, boolean fine, boolean income) {
    if (v.valueWan() == null) return null;
    int from = afterComparison(v.end());
    String rest = rest(from);
    Matcher open = OPENS.matcher(rest);
    // in the total's sentence, or the sentence right after it (…万元。包括：); else further on
    boolean near = open.find() && open.start() <= 40 && !otherSide(open.group(), income);
    if (near) {
      String between = rest.substring(0, open.start());
      near = !between.contains("。") || between.strip().equals("。");
    }
    if (near) return partsAt(rest.substring(open.end()), fine, income);
    int later = laterOpening(v, income);
    return later < 0
        ? null
        : partsAt(text.substring(later, from + part(from).length()), fine, income);
  }

  /**
   * The parts listed from the start of {@code listed} (the words right after a breakdown opens).
   */
  private static List<Part> partsAt(String listed, boolean fine, boolean income) {
    Pattern carry = income ? INCOME_CARRY : SPENDING_CARRY;
    List<Part> parts = new ArrayList<>();
    String marker = null;
    boolean first = true;
    for (String line : listed.split("\n")) {
      Matcher item = ITEM.matcher(line);
      if (item.lookingAt()) {
        // one style however its marks are typed: (一) and （二） are items of one list, as are 1. and
        // 2．
        String style =
            item.group()
                .replaceAll("[0-9一二三四五六七八九十]+", "N")
                .replaceAll("\\s", "")
                .replace('(', '（')
                .replace(')', '）')
                .replace('.', '．');
        if (marker == null) marker = style;
        if (!marker.equals(style)) continue;
      } else if (marker != null && !first) continue; // a sub-item's or a note's line
      first = false;
      for (String clause : line.split(fine ? "[；;。，、]|,(?![0-9]{3})" : "[；;。]")) {
        Matcher m = AMOUNT.matcher(clause);
        while (m.find()) {
          if (Comparison.changeOrCompared(clause, m.start(), null)) continue;
          String named = clause.substring(0, m.start());
          boolean carried = carry.matcher(named).find();
          // a part of a kind not read, or whose digits a scan misread ($106,848.41): not known
          boolean odd =
              !carried && ANY_CARRY.matcher(named).find()
                  || Reading.damaged(clause, m.start(), m.end(1));
          parts.add(new Part(Amounts.wan(Amounts.decimal(m.group(1)), m.group(2)), carried, odd));
          break;
        }
      }
    }
    return parts;
  }

  /** Whether a breakdown's opening names the other side ({@code 支出预算中} for an income total). */
  private static boolean otherSide(String opening, boolean income) {
    return income
        ? opening.contains("支出") && !opening.contains("收入")
        : opening.contains("收入") && !opening.contains("支出");
  }

  /**
   * The amount said right after a word ({@code 上年结转结余为0万元}, {@code 上年结转 15.50万元}): the first number
   * within {@code reach} characters of {@code at}, nothing between but words of the same clause;
   * null when none is.
   */
  /**
   * A sentence saying a total's income holds last year's carry-over, with no amount of it: {@code
   * 上述收入包括2025年结转并编制到2026年预算的资金}, {@code 收入预算已含上年结转资金}.
   */
  private static final Pattern FOLDED =
      Pattern.compile(
          "(?:上述|以上|前述)?(?:各项)?收\\s*入(?:预算)?(?:数|总额|合计)?[^。；;，,：:\\n]{0,8}?"
              + "(?:均|已|中)?(?:包\\s*括|包\\s*含|含有?|纳\\s*入了?)[^。；;\\n]{0,30}?结\\s*转");

  /** An amount with its unit, as a clause states one. */
  private static final Pattern MONEY =
      Pattern.compile("[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?\\s*(?:万元|亿元|元)");

  /**
   * Whether the report folds last year's carry-over into the income total {@code g} and never
   * separates it: in the total's part a sentence says the income includes it (with no amount of
   * it), and nowhere — text or table — is an amount of money carried in stated other than 0.
   */
  boolean foldsCarry(IndicatorValue g) {
    String part = part(g.end());
    boolean said = false;
    for (Matcher m = FOLDED.matcher(part); m.find() && !said; ) {
      int end = m.end();
      while (end < part.length() && "。；;\n".indexOf(part.charAt(end)) < 0) end++;
      said = !MONEY.matcher(part.substring(m.start(), end)).find();
    }
    if (!said) return false;
    for (Matcher c = INCOME_CARRY.matcher(text); c.find(); ) {
      Double amount = amountAfter(text, c.end(), 16);
      if (amount != null && amount != 0) return false;
    }
    return true;
  }

  static Double amountAfter(String s, int at, int reach) {
    Matcher n = Reading.NUMBER.matcher(s).region(at, Math.min(s.length(), at + reach));
    if (!n.find() || !s.substring(at, n.start()).matches("[^，,。；;、\\n\\d]*")) return null;
    return Reading.parse(n.group());
  }

  static int skipSpaceAndPunct(String text, int i) {
    while (i < text.length() && " 　\t\n。，,;；:：".indexOf(text.charAt(i)) >= 0) i++;
    return i;
  }
}
