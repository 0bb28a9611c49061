package org.gongkai.indicators;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.indicators.SentenceLabels.Label;
import org.gongkai.model.IndicatorValue;
import org.gongkai.model.Role;
import org.gongkai.model.Scope;
import org.gongkai.model.Section;
import org.gongkai.model.SourceKind;

/**
 * The figures a document's sentences state, read by paragraph ({@link Prose}) and clause: each
 * label followed by its number within a short reach, the words between deciding its role, and the
 * words before it (its clause, its sentence's subject, its heading) its scope.
 */
final class SentenceFigures extends Reading {

  /**
   * A label of both sides' totals ({@code 收、支总计}, {@code 收入、支出总计}), and the word that gives each
   * its own.
   */
  private static final Pattern BOTH_SIDES = Pattern.compile("收[、，,]?支|收入[、，,]?支出");

  private static final Pattern EACH = Pattern.compile("各|分别");

  /** The next amount of a list and its unit: {@code ,4143.91万元}, {@code 和 20 万元}. */
  private static final Pattern SHARED_UNIT =
      Pattern.compile("\\s*[,，、和及与]\\s*[0-9０-９][0-9０-９,，.．]*\\s*(亿元|万元|元)");

  private static final Pattern CHANGE =
      Pattern.compile("增加|减少|增长|下降|上升|降低|增减|变动|持平|相比|较上年|比上年|比\\d{4}年");
  private static final Pattern FULL_STOP = Pattern.compile("[。！？!?]");

  /** The mark of a list's item: {@code （一）}, {@code 1.}, {@code 一、}. */
  private static final String LIST_MARK =
      "(?:[（(][一二三四五六七八九十\\d]{1,3}[)）]|\\d{1,2}\\s*[.．、](?!\\d)|[一二三四五六七八九十]{1,3}、)";

  /** A paragraph or sentence opening with a list's mark. */
  private static final Pattern LIST_ITEM = Pattern.compile("\\s*" + LIST_MARK);

  /**
   * A paragraph stating a total whose parts a list follows: it ends with its amount, or with 其中：.
   */
  private static final Pattern TOTAL_THEN_LIST =
      Pattern.compile("(?:万元|元)[。；]?\\s*$|(?:其中|包括)\\s*[：:]\\s*$");

  private static final Pattern CLAUSE_END = Pattern.compile("[；;]");

  /** What makes an amount a rate: {@code ×67人}, {@code /人}, {@code 每人}. */
  private static final Pattern RATE = Pattern.compile("\\s*(?:亿元|万元|元)?\\s*(?:[×xX*＊／/]|每人|每个|每名)");

  /**
   * How far back in its clause the words that scope a label are looked for. The longest clause of a
   * real report runs a few hundred characters; text whose lines all ran together (no punctuation in
   * a million characters) would otherwise make every label read the whole text before it.
   */
  private static final int LOOKBACK = 1_000;

  /** What only prose has: sentence punctuation. */
  private static final Pattern PROSE = Pattern.compile("[，。；：;:]|,(?![0-9]{3})");

  private static final Pattern ANY_LABEL;

  static {
    StringBuilder sb = new StringBuilder();
    for (Indicator i : Indicator.values())
      if (!i.government()) sb.append(sb.length() == 0 ? "" : "|").append(i.pattern.pattern());
    ANY_LABEL = Pattern.compile(sb.toString());
  }

  /**
   * The longest number read (digits, separators, decimals), and how much of what follows it is
   * read.
   */
  static final int MAX_NUMBER = 40;

  static final int AFTER = 24;

  /** How far after a label (in characters) its number may stand. */
  static final int MAX_CONNECTOR = 14;

  SentenceFigures(Reading r) {
    super(r);
  }

  // ---- prose

  void prose(List<IndicatorValue> out) {
    // a list's items (（一）人员经费…, （二）公用经费…) are the parts of the total stated right before
    // them (财政拨款基本支出预算13,979.92万元。): they are of its money
    Scope.Funds listed = Scope.Funds.ALL;
    int listEnd = -1;
    titled = null;
    for (Prose.Paragraph p : Prose.paragraphs(text, at -> !isRow(at, lineAt(at)) && !isCoded(at))) {
      String s = p.text();
      boolean item = LIST_ITEM.matcher(s).lookingAt();
      boolean adjacent = listEnd >= 0 && p.offset(0) - listEnd <= 2;
      Scope.Funds inheritedByList = item && adjacent ? listed : Scope.Funds.ALL;
      if (!item) {
        boolean total = s.length() <= 120 && TOTAL_THEN_LIST.matcher(s).find();
        listed = total ? Layout.funds(s) : Scope.Funds.ALL;
      }
      if (!item || adjacent) listEnd = p.offset(s.length() - 1) + 1;
      int from = 0;
      int before = 0; // where the sentence before starts
      // a paragraph after an item titled with a label alone (1.因公出国（境）费用。 on a line of its own)
      if (titled != null && !titledNext) titled = null;
      titledNext = false;
      titledFrom = 0;
      Matcher end = FULL_STOP.matcher(s);
      while (from < s.length()) {
        TimeLimit.check();
        int e = end.find(from) ? end.end() : s.length();
        // a breakdown (其中：…；…；…) lists the parts of its subject's money, clause after clause; a
        // sentence that opens with it (…预算为9.60万元。其中：…) lists the sentence before's
        int breakdown = s.indexOf("其中", from);
        Scope.Funds subject =
            breakdown >= 0 && breakdown < e
                ? Layout.funds(s.substring(from, breakdown))
                : Scope.Funds.ALL;
        boolean opensWithIt = breakdown >= 0 && s.substring(from, breakdown).isBlank();
        if (subject == Scope.Funds.ALL && opensWithIt && before < from) {
          // the subject of the sentence before: its words up to its first amount (not an aside)
          Matcher amount = NUMBER.matcher(s).region(before, from);
          int at = from;
          while (amount.find())
            if (!s.startsWith("年", amount.end()) && !s.startsWith(" 年", amount.end())) {
              at = amount.start();
              break;
            }
          subject = Layout.funds(s.substring(before, at));
        }
        before = from;
        Matcher clauseEnd = CLAUSE_END.matcher(s).region(from, e);
        int c = from;
        // 2.公务接待费。2026 年预算数 11.56 万元，…: an item titled with its label alone states its
        // amount in the sentence after, which names no label of its own
        Matcher title = from == 0 ? TITLED_ITEM.matcher(s).region(from, e) : null;
        Indicator titledHere = title != null && title.matches() ? byLabel(title.group(1)) : null;
        while (c < e) {
          int ce = clauseEnd.find() ? clauseEnd.end() : e;
          Scope.Funds inherited =
              breakdown >= 0 && breakdown < c || breakdown == c && subject != Scope.Funds.ALL
                  ? subject
                  : inheritedByList;
          boolean titledClause = titled != null && c == from;
          sentence(
              p,
              c,
              ce,
              titledClause ? titledFrom : from,
              e,
              inherited,
              titledClause ? titled : null,
              out);
          c = ce;
        }
        titled = titledHere;
        titledFrom = from;
        if (titledHere != null && e >= s.length()) titledNext = true;
        from = e;
      }
    }
  }

  /**
   * A “三公” item titled with its label alone: {@code 1.因公出国（境）费用。}, {@code （二）公务接待费}, {@code
   * 3.公务用车购置和运行维护费：}.
   */
  private static final Pattern TITLED_ITEM =
      Pattern.compile(
          "\\s*"
              + LIST_MARK
              + "?\\s*("
              + Indicator.OVERSEAS_TRAVEL.pattern.pattern()
              + "|"
              + Indicator.RECEPTION.pattern.pattern()
              + "|"
              + Indicator.VEHICLES_EXPENSES.pattern.pattern()
              + ")(?:用|经费)?\\s*[。：:]?\\s*");

  private static Indicator byLabel(String label) {
    for (Indicator i : THREE_PUBLIC_FAMILY) if (i.pattern.matcher(label).matches()) return i;
    return null;
  }

  /** A money unit right after an amount. */
  private static final Pattern MONEY_AFTER = Pattern.compile("\\s*(?:亿元|万元|元)");

  private Indicator titled; // the “三公” item the last sentence titled, for the next sentence
  private int titledFrom; // where that title starts in its paragraph
  private boolean titledNext; // the title is a paragraph of its own: the next paragraph is its

  private static final Pattern YEAR_AFTER = Pattern.compile("^\\s*年.*");
  private static final Pattern RANGE_AFTER = Pattern.compile("^\\s*[-－—]\\s*\\d.*");

  /** The statements of one sentence ({@code [from, to)} of a paragraph). */
  private void sentence(
      Prose.Paragraph p,
      int from,
      int to,
      int sentenceFrom,
      int sentenceTo,
      Scope.Funds inherited,
      Indicator titledBy,
      List<IndicatorValue> out) {
    String sentence = p.text().substring(from, to);
    // the clause as the report writes it, and what a statement quotes (its whole sentence, every
    // clause of it): made where a statement is, as most clauses state none
    String written = null;
    String quote = null;
    boolean prose = PROSE.matcher(sentence).find();
    List<Label> labels = new ArrayList<>();
    for (Label l : SentenceLabels.labels(sentence))
      if (SentenceLabels.standsAlone(sentence, l.start(), l.indicator(), l.family())) labels.add(l);
    // the amount of the item the sentence before titled, when no label comes before it
    if (titledBy != null && !LIST_ITEM.matcher(sentence).lookingAt()) {
      Matcher first = NUMBER.matcher(sentence);
      int amount = first.find() ? first.start() : -1;
      while (amount >= 0 && sentence.substring(first.end()).matches("(?s)^\\s*年.*"))
        amount = first.find() ? first.start() : -1;
      // its own amount: money (万元, 元), said with nothing but the year and the kind of figure before
      // it — not a part's (购置费X, 外事接待费X) nor a list's marker
      boolean own =
          amount >= 0
              && amount <= 16
              && MONEY_AFTER.matcher(sentence).region(first.end(), sentence.length()).lookingAt()
              && !sentence.substring(0, amount).contains("费")
              && !sentence.substring(0, amount).contains("其中");
      if (own && (labels.isEmpty() || labels.get(0).start() > amount))
        labels.add(0, new Label(titledBy, 0, 0, "", titledBy.id));
    }
    int added = out.size();
    for (int li = 0; li < labels.size(); li++) {
      Label label = labels.get(li);
      Indicator ind = label.indicator();
      // 收入包括：…、上年结转C万元，收入预算合计X万元: a 合计 after parts that carry money in is
      // the grand total, not the year's income
      if (ind == Indicator.INCOME_TOTAL
          && !label.text().startsWith("本年")
          && carriedInBefore(sentence, label.start())) ind = Indicator.GRAND_TOTAL;
      // a number after the next label is the next label's
      int reach = li + 1 < labels.size() ? labels.get(li + 1).start() : sentence.length();
      // a project's own score is not the department's: the overall score says 整体 (or is 总分)
      if (ind == Indicator.PERFORMANCE_SCORE
          && !label.text().equals("总分")
          && !sentence.contains("整体")) continue;
      if (partOfAnItem(sentence, label, labels)) continue;
      if (partOfOperatingExpenses(label, labels)) continue;
      Scope scope = clauseScope(sentence, label.start());
      if (scope.funds() == Scope.Funds.ALL) scope = scope.withFunds(inherited);
      // 机关运行经费 is by definition the 机关's own, which is its 本级: 本级机关运行经费 is the department's
      if (ind == Indicator.OPERATING_EXPENSES && scope.whose() == Scope.Whose.SELF)
        scope = scope.withWhose(Scope.Whose.WHOLE);
      boolean any = false;
      int numFrom = label.end();
      boolean first = true;
      Matcher num = NUMBER.matcher(sentence);
      // a number counts only within a short reach of the label (or of the number before it)
      while (numFrom < reach
          && num.region(numFrom, Math.min(reach, numFrom + MAX_CONNECTOR + 6 + MAX_NUMBER))
              .find()) {
        // 收支总预算$82,276.35万元: a digit misread; the label's amount is not known
        if (Reading.damaged(sentence, num.start(), num.end())) break;
        String connector = sentence.substring(numFrom, num.start());
        Matcher other = ANY_LABEL.matcher(connector);
        if (other.find()) break; // the number belongs to the next label
        // 财政拨款收入、支出总计: a total, not this label; 决算明细表公开06表: a table's name
        if ((connector.contains("总计") || connector.contains("合计"))
                && !(first && ownTotal(ind, connector))
            || connector.contains("表")) break;
        // 项目支出主要用于职工服务经费47.2万元: one use of it; 其中：…: its parts
        if (connector.contains("用于") || connector.contains("包括") || connector.contains("其中")) break;
        // 基本支出中医疗业务支出X: a part of it, named after it
        if (first && connector.strip().startsWith("中")) break;
        if (first && connector.length() > MAX_CONNECTOR) break;
        if (!first && connector.length() > MAX_CONNECTOR + 6) break;
        String after =
            sentence.substring(num.end(), Math.min(sentence.length(), num.end() + AFTER));
        numFrom = num.end();
        if (isRowNumber(num.group(), after)) continue; // 本年收入合计 27 552.83: 27 is the row
        // ≤176万元, 控制在X万元以内: a target or a limit, not an amount stated
        if (isBound(sentence, num.start(), after)) {
          first = false;
          continue;
        }
        // 3800元×67人, 1.2万元/人, 500元每人: a rate, not an amount of the report's
        if (RATE.matcher(after).lookingAt()) {
          first = false;
          continue;
        }
        if (after.startsWith("%")
            || after.startsWith("％")
            || after.startsWith("表")
            || YEAR_AFTER.matcher(after).matches()
            || RANGE_AFTER.matcher(after).matches() // 表1-3
            || CHANGE.matcher(connector).find()) {
          first = false;
          continue;
        }
        // 本年收入X万元，上年结转结余Y万元: Y is money carried over, not the year before's total
        if (!first && Breakdown.INCOME_CARRY.matcher(connector).find()) {
          first = false;
          continue;
        }
        Role role = role(connector, own);
        // 年初预算安排“三公”经费X in a final account: the budget's, as the words before it say
        if (role == null && first && THREE_PUBLIC_FAMILY.contains(ind))
          role = role(SentenceLabels.leadOf(sentence, label.start()), own);
        // 政府采购预算X (政府采购货物预算A) in a final account: the budget's, not the year's purchases;
        // what is set aside for small firms (面向中小企业预留…) is the budget's share, 授予 the actual's
        if (role == null && first && PROCUREMENT_FAMILY.contains(ind))
          role = role(label.text().replace("预留", "预算"), own);
        // 比2025年年初预算数44021.20万元, 较上年决算数X, 上年为X: the compared year's amount
        Comparison.Compared compared = Comparison.before(sentence, num.start(), year);
        if (compared != null && compared.period() == Scope.Period.PREVIOUS)
          role = Role.PREVIOUS_YEAR;
        // 收、支总计各是A、B万元: a total of both sides, one amount each
        boolean eachSide =
            !first
                && ind == Indicator.GRAND_TOTAL
                && BOTH_SIDES.matcher(label.text()).find()
                && EACH.matcher(sentence.substring(label.end(), num.start())).find()
                // 收、支总计各减少A、B万元: the changes of both, not their totals
                && !CHANGE.matcher(sentence.substring(label.end(), num.start())).find();
        if (!first && role == null && !eachSide) {
          first = false;
          continue;
        }
        Matcher unit = UNIT.matcher(after);
        String unitText = unit.find() ? unit.group(1) : null;
        int unitEnd = unitText == null ? 0 : unit.end(); // the value as written runs to its unit
        if (unitText == null) {
          // 各是4125.49、4143.91万元: amounts listed together share the unit written once after them
          Matcher shared = SHARED_UNIT.matcher(after);
          if (shared.lookingAt()) unitText = shared.group(1);
        }
        // 政府采购工程预算为0、政府采购服务预算…: one of the listed parts bought for nothing, in any unit
        if (unitText == null && prose && PROCUREMENT_PARTS.contains(ind) && isZero(num.group()))
          unitText = "万元";
        // a bare number in a sentence, with no unit and no table's unit to take, is not a figure
        int valueEnd = num.end() + unitEnd;
        // 公务接待费 2.00: a bare label and number, no unit and no sentence around them, is a row
        SourceKind as = unitText == null && !prose ? SourceKind.TABLE : SourceKind.TEXT;
        Role r = role == null ? own : role;
        // the money may be named after the label too: “三公”经费财政拨款支出决算为…
        Scope.Funds named = Layout.funds(connector);
        if (scope.funds() == Scope.Funds.ALL && named != Scope.Funds.ALL)
          scope = scope.withFunds(named);
        if (written == null) {
          written = p.original(original, from, to);
          quote = p.original(original, sentenceFrom, sentenceTo).strip();
        }
        IndicatorValue v =
            value(
                ind,
                p.offset(from + num.start()),
                p.endOffset(from + valueEnd),
                num.group(),
                unitText,
                r,
                as,
                quote,
                written.substring(num.start(), valueEnd));
        if (v != null) {
          Scope sc =
              r == Role.PREVIOUS_YEAR
                      || compared != null && compared.period() == Scope.Period.PREVIOUS
                      || earlierYearNamed(sentence, num.start())
                  ? scope.withPeriod(Scope.Period.PREVIOUS)
                  : scope;
          // “三公”经费 under a heading that names its money (财政拨款“三公”经费预算情况说明): that money's
          if (THREE_PUBLIC_FAMILY.contains(ind) && sc.funds() == Scope.Funds.ALL)
            sc = sc.withFunds(headingFunds(v.start()));
          out.add(v.withScope(sc));
          families.put(v.start(), label.family());
          any = true;
        }
        first = false;
      }
      if (!any
          && ind.kind == Indicator.Kind.MONEY
          && SentenceLabels.statesNone(sentence, label.start())) {
        int at = p.offset(from + label.start());
        if (THREE_PUBLIC_FAMILY.contains(ind) && scope.funds() == Scope.Funds.ALL)
          scope = scope.withFunds(headingFunds(at));
        if (written == null) {
          written = p.original(original, from, to);
          quote = p.original(original, sentenceFrom, sentenceTo).strip();
        }
        out.add(
            new IndicatorValue(
                    ind.id,
                    ind.label,
                    0,
                    "万元",
                    quote,
                    0.0,
                    own,
                    false,
                    SourceKind.STATEMENT,
                    docId,
                    sectionAt(sections, at),
                    quote,
                    at,
                    p.endOffset(from + label.end()))
                .withScope(scope));
      }
    }
    servingOfAHeadcount(out, added);
  }

  /**
   * {@code 实有人员930人，其中在职人员610人，离休人员4人，退休人员316人}: a headcount that is its serving staff and its
   * retired together (the clause adds them up to it) is everyone the department counts, not its
   * staff; the serving count is. Nothing else is decided so (其中在职行政人员30人 is a part; 其中本级在职 is a
   * unit's).
   */
  private void servingOfAHeadcount(List<IndicatorValue> out, int added) {
    IndicatorValue whole = null;
    for (int i = added; i < out.size(); i++) {
      IndicatorValue v = out.get(i);
      if (!v.indicator().equals(Indicator.STAFF_ACTUAL.id)) continue;
      if (whole == null) {
        whole = v;
        continue;
      }
      String between = whole.end() < v.start() ? text.substring(whole.end(), v.start()) : "";
      if (!between.matches("(?s)[^。；;]*其中\\s*[：:]?\\s*在职(?:人员|人数)?\\s*(?:为|共|是)?\\s*")) return;
      String wholeLabel = text.substring(Math.max(0, whole.start() - 8), whole.start());
      if (wholeLabel.contains("在职") || !whole.scope().equals(v.scope())) return;
      int end = text.indexOf('。', v.end());
      String rest = text.substring(v.end(), end < 0 ? Math.min(text.length(), v.end() + 80) : end);
      int retired = 0;
      boolean any = false;
      for (Matcher m = RETIRED_COUNT.matcher(rest); m.find(); ) {
        retired += Integer.parseInt(m.group(1));
        any = true;
      }
      if (any && Math.abs(v.value() + retired - whole.value()) < 0.5) out.remove(whole);
      return;
    }
  }

  /** 离休人员4人, 退休人员316人, 离退休18人 in the rest of a headcount's clause. */
  private static final Pattern RETIRED_COUNT =
      Pattern.compile("(?:离休|退休|离退休)(?:人员|人数|职工|干部)?\\s*([0-9]{1,6})\\s*[人名]");

  /**
   * Whether a “三公” item is named as a use of the 机关运行经费 before it in its sentence ({@code
   * 机关运行经费预算120万元，主要用于办公费60万元、公务接待费3万元}): the part of the administrative units' running costs, not
   * the department's 公务接待费.
   */
  private static boolean partOfOperatingExpenses(Label label, List<Label> labels) {
    Indicator i = label.indicator();
    if (i != Indicator.RECEPTION
        && i != Indicator.OVERSEAS_TRAVEL
        && i != Indicator.VEHICLES_EXPENSES
        && i != Indicator.THREE_PUBLIC) return false;
    for (Label l : labels)
      if (l.start() < label.start() && l.indicator() == Indicator.OPERATING_EXPENSES) return true;
    return false;
  }

  /** Whether a number as written is zero ({@code 0}, {@code 0.00}, {@code ０}). */
  private static boolean isZero(String number) {
    for (int k = 0; k < number.length(); k++) {
      char c = number.charAt(k);
      if (c != '0' && c != '０' && c != '.' && c != '．' && c != ',' && c != '，') return false;
    }
    return true;
  }

  /** Words that make an amount a bound: a target, a ceiling, a floor. */
  private static final Pattern BOUND_BEFORE =
      Pattern.compile("(?:[≤≥<>＜＞≦≧]|不超过|不高于|不低于|不少于|不多于|控制在|低于|高于|小于|大于|至少|最多)\s*$");

  private static final Pattern BOUND_AFTER = Pattern.compile("^\s*(?:亿元|万元|元)?\s*(?:以内|以下|以上|之内)");

  /** Whether the number at {@code at} is a bound ({@code ≤176万元}, {@code 控制在X万元以内}). */
  private static boolean isBound(String sentence, int at, String after) {
    String before = sentence.substring(Math.max(0, at - 6), at);
    return BOUND_BEFORE.matcher(before).find() || BOUND_AFTER.matcher(after).find();
  }

  /**
   * The money a “三公” heading line just above {@code offset} names ({@code 一般公共预算“三公”经费支出预算情况说明}:
   * 一般公共预算), or the heading of the section holding it ({@code （七）一般公共预算“三公”经费预算情况说明}, {@code
   * 财政拨款“三公”经费预算情况说明}); ALL when none names one.
   */
  private Scope.Funds headingFunds(int offset) {
    // the nearest heading line above (a short line without a full stop that names 三公)
    int end = text.lastIndexOf('\n', Math.max(0, offset - 1));
    for (int k = 0; k < 6 && end > 0; k++) {
      int start = text.lastIndexOf('\n', end - 1) + 1;
      String line = text.substring(start, end).strip();
      if (line.contains("三公") && line.length() <= 40 && !line.contains("。")) {
        if (Layout.funds(line) != Scope.Funds.ALL) return Layout.funds(line);
        break;
      }
      end = start - 1;
    }
    for (Section sec : sections) {
      if (sec.start() > offset || offset >= sec.end()) continue;
      String h = sec.heading();
      // （七）一般公共预算“三公”经费预算情况说明, a page or more above the item
      if (h != null && h.contains("三公") && Layout.funds(h) != Scope.Funds.ALL)
        return Layout.funds(h);
      if (h != null && h.contains("财政拨款")) return Scope.Funds.FISCAL;
      for (String b : sec.breadcrumb())
        if (b.contains("三公") && Layout.funds(b) != Scope.Funds.ALL) return Layout.funds(b);
    }
    return Scope.Funds.ALL;
  }

  /** Units below the department's own, named in a clause. */
  private static final Pattern UNITS_BELOW = Pattern.compile("(?:所属|下属|二级|基层)单位");

  private Pattern yearBefore; // the report's year before, as a clause writes it: 2023 年

  private Pattern yearBefore() {
    if (yearBefore == null) yearBefore = Pattern.compile((year - 1) + "\\s*年");
    return yearBefore;
  }

  /**
   * The scope the words before a label give it: the money its sentence is about ({@code
   * 政府性基金预算财政拨款年初结转和结余0万元，本年收入0万元} — the sentence's subject names it once for every item it lists),
   * and whose and which year its own clause says ({@code 本级}, {@code 所属单位}, {@code 上年}, the year
   * before the report's).
   */
  private Scope clauseScope(String sentence, int labelStart) {
    int from = labelStart;
    while (from > 0 && labelStart - from < 24 && "，,；;。：:\n".indexOf(sentence.charAt(from - 1)) < 0)
      from--;
    String clause = sentence.substring(from, labelStart);
    // the money its own clause names; else its sentence's subject — unless the words before it
    // list several kinds of money (收入包括：一般公共预算拨款收入A、政府性基金预算拨款收入0、事业收入B，收入预算合计X):
    // then the label after them is the whole's
    Scope.Funds funds = Layout.funds(clause);
    if (funds == Scope.Funds.ALL) {
      String before = sentence.substring(Math.max(0, labelStart - LOOKBACK), labelStart);
      funds = kindsOfMoney(before) >= 2 ? Scope.Funds.ALL : Layout.funds(before);
    }
    Scope s = Scope.WHOLE.withFunds(funds);
    // 本级 is one level of the department, unless the report is of that level alone
    if (clause.contains("本级") && !selfOnly) s = s.withWhose(Scope.Whose.SELF);
    else if (UNITS_BELOW.matcher(clause).find()) s = s.withWhose(Scope.Whose.UNIT);
    boolean previous =
        clause.contains("上年")
            || clause.contains("去年")
            || year != null && yearBefore().matcher(clause).find();
    if (previous) s = s.withPeriod(Scope.Period.PREVIOUS);
    return s;
  }

  /**
   * Whether the words before a label in its sentence list money carried in with an amount not 0.
   */
  private static boolean carriedInBefore(String sentence, int at) {
    String before = sentence.substring(Math.max(0, at - LOOKBACK), at);
    for (Matcher c = Breakdown.INCOME_CARRY.matcher(before); c.find(); ) {
      Double amount = Breakdown.amountAfter(before, c.end(), 12);
      if (amount != null && amount != 0) return true;
    }
    return false;
  }

  /** The sources of money a budget lists, each a kind of its own. */
  private static final Pattern KIND_OF_MONEY =
      Pattern.compile("一般公共预算|政府性基金|国有资本经营|财政专户|事业收入|经营收入|上级补助|附属单位上缴|其他收入");

  private static final Pattern SPACE = Pattern.compile("\\s");

  /** How many different kinds of money {@code words} name. */
  private static int kindsOfMoney(String words) {
    java.util.Set<String> kinds = new java.util.HashSet<>();
    for (Matcher m = KIND_OF_MONEY.matcher(SPACE.matcher(words).replaceAll("")); m.find(); )
      kinds.add(m.group());
    return kinds.size();
  }

  /**
   * Whether a 基本支出 or 项目支出 is the part of one item rather than of a total: {@code 机构运行
   * 1100910.5元，其中：基本支出1100910.5元，项目支出0元} — the amount its {@code 其中} breaks down is named by no
   * figure's label (a 项 of the functional classification, which every such 说明 lists one by one).
   */
  private boolean partOfAnItem(String sentence, Label label, List<Label> labels) {
    if (label.indicator() != Indicator.BASIC_EXPENDITURE
        && label.indicator() != Indicator.PROJECT_EXPENDITURE) return false;
    int lo = Math.max(0, label.start() - LOOKBACK);
    int of = sentence.substring(lo, label.start()).lastIndexOf("其中");
    if (of < 0) return false;
    of += lo;
    String head = sentence.substring(Math.max(0, of - LOOKBACK), of);
    if (!ITEM_AMOUNT.matcher(head).find() || TOTAL_WORDS.matcher(head).find()) return false;
    for (Label l : labels) if (l.start() < of) return false;
    return true;
  }

  /**
   * Whether the year named nearest before an amount in its sentence is earlier than the report's:
   * {@code 2021年的三公经费决算数合计为807.95万，其中：…公务接待费39.43万元} in a 2022 account, {@code
   * 公务接待费2016年预算8万元，2015年预算12.5万元} in a 2016 budget. A year compared against ({@code 比2019年},
   * {@code 与2022年相比}) is not the amount's.
   */
  private boolean earlierYearNamed(String sentence, int at) {
    if (year == null) return false;
    Integer last = null;
    for (Matcher m = NAMED_YEAR.matcher(sentence).region(Math.max(0, at - LOOKBACK), at);
        m.find(); ) {
      int b = m.start();
      while (b > 0 && Character.isWhitespace(sentence.charAt(b - 1))) b--;
      if (b > 0 && "比较与同".indexOf(sentence.charAt(b - 1)) >= 0) continue;
      last = Integer.parseInt(m.group(1));
    }
    return last != null && last < year;
  }

  /**
   * {@code “三公”经费预算合计203,702.18元}, {@code “三公”经费支出合计…}, {@code 预算数合计为}: the 合计 of a figure that is
   * itself the sum of its items states that figure, not another total — only when nothing but its
   * year, its kind of amount and linking words stand between.
   */
  private static boolean ownTotal(Indicator ind, String connector) {
    return ind == Indicator.THREE_PUBLIC && OWN_TOTAL.matcher(connector).matches();
  }

  private static final Pattern OWN_TOTAL =
      Pattern.compile(
          "\\s*(?:(?:19|20)\\d{2}\\s*年度?)?(?:年初)?(?:预算|决算|支出|安排)*(?:数|额)?\\s*(?:合计|总计)\\s*(?:为|是|[：:])?\\s*");

  /** The words of a total's name ({@code 各项支出总计}, {@code 一般公共预算拨款支出}, {@code 支出决算}). */
  private static final Pattern TOTAL_WORDS =
      Pattern.compile(
          "总计|合计|总额|总支出|支出总|本年支出|全年支出|各项支出|支出预算|支出决算|拨款支出|公共预算支出|预算支出"
              // 财政拨款安排支出121,884,997.75元，其中：基本支出…: what the year's money is spent on
              + "|安排支出|支出安排");

  /** An amount with its unit, as an item's total before its {@code 其中}. */
  private static final Pattern ITEM_AMOUNT =
      Pattern.compile("[0-9][0-9,]*(?:\\.[0-9]+)?\\s*(?:亿元|万元|元)");

  /** The role the words before a number give it, or null when they name none. */
  private static Role role(String connector, Role ownRole) {
    if (connector.contains("上年")) return Role.PREVIOUS_YEAR;
    if (connector.contains("调整预算") || connector.contains("调整后预算") || connector.contains("全年预算"))
      return Role.ADJUSTED_BUDGET;
    if (connector.contains("预算"))
      return ownRole == Role.PLANNED ? Role.PLANNED : Role.INITIAL_BUDGET;
    if (connector.contains("决算") || connector.contains("执行数")) return Role.ACTUAL;
    return null;
  }
}
