package org.gongkai.indicators;

import static org.gongkai.indicators.ConsistencyChecker.TOLERANCE;
import static org.gongkai.indicators.ConsistencyChecker.agrees;
import static org.gongkai.indicators.ConsistencyChecker.fmt;
import static org.gongkai.indicators.ConsistencyChecker.fmtPct;
import static org.gongkai.indicators.ConsistencyChecker.halfUnit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.model.IndicatorFlag;
import org.gongkai.model.IndicatorValue;
import org.gongkai.model.Scope;
import org.gongkai.model.SourceKind;

/**
 * Each statement in the words against what its own sentence says of it: a total against the parts
 * listed under it ({@code 基本支出X万元，其中：人员经费A…公用经费B}), a part against the share written after it
 * ({@code 项目支出C万元，占总支出的W%}) and the vehicles' spending against its purchase and running costs.
 * Pure: values and text in, flags out. (Split from {@link ConsistencyChecker}, which compares the
 * figures' statements with each other.)
 */
final class StatedParts {

  private StatedParts() {}

  /** Every check of this class, in the order their flags are listed. */
  static void check(
      List<IndicatorValue> values, String text, boolean otherUses, List<IndicatorFlag> flags) {
    ownParts(
        values,
        text,
        "expenditure_total",
        List.of("basic_expenditure", "project_expenditure"),
        "parts_of_expenditure",
        otherUses,
        flags);
    ownParts(
        values,
        text,
        "basic_expenditure",
        List.of("personnel_expenses", "public_expenses"),
        "parts_of_basic",
        true,
        flags);
    ownParts(
        values,
        text,
        "three_public",
        List.of("overseas_travel", "vehicles_expenses", "reception"),
        "parts_of_three_public",
        true,
        flags);
    // 政府采购预算X万元，其中：货物A、工程B、服务C
    ownParts(
        values,
        text,
        "procurement_total",
        List.of("procurement_goods", "procurement_works", "procurement_services"),
        "parts_of_procurement",
        true,
        flags);
    vehicles(values, text, flags);
    statedSpending(values, text, otherUses, flags);
  }

  /**
   * The amount a sentence states right before the 其中 that opens its list of 基本支出 and 项目支出 — {@code
   * 财政拨款安排支出121,884,997.75元，其中：基本支出…}, {@code 一般公共预算财政拨款支出X万元，其中基本支出…}: the subject's words since
   * its clause began, its amount and unit.
   */
  private static final Pattern SPENDING_BEFORE_PARTS =
      Pattern.compile(
          "(?<subject>[^，,。；;：:\\n]*支出[^，,。；;：:\\n\\d]{0,12}?)(?:为|是|共|共计)?\\s*"
              + "(?<amount>[0-9]{1,3}(?:,[0-9]{3})+(?:\\.[0-9]+)?|[0-9]+(?:\\.[0-9]+)?)\\s*(?<unit>亿元|万元|元)"
              + "[（(]?\\s*[，,；;]?\\s*其中\\s*[：:，,]?\\s*$");

  /** Words of a subject that is not a spending total: a part, an income, a share of another. */
  private static final Pattern NOT_A_SPENDING_TOTAL =
      Pattern.compile("基本支出|项目支出|收入|人员|公用|三公|运行|采购|上年|比|较|增|减|占");

  /**
   * A spending total that is no figure of its own — {@code 财政拨款安排支出X元，其中：基本支出A元…；项目支出B元…}, {@code
   * 一般公共预算财政拨款支出X万元，其中：基本支出A万元，项目支出B万元} — against the 基本支出 and 项目支出 its own 其中 lists in the same
   * sentence, with any other spending the list goes on to (事业单位经营支出 …): they must make it. Only
   * where the parts are read in one role and money, the total stands right before the 其中 (no change
   * or comparison), and nothing else stands between 其中 and 基本支出; the totals read as a figure
   * ({@code 支出合计}) are checked by {@link #ownParts}.
   */
  static void statedSpending(
      List<IndicatorValue> values, String text, boolean otherUses, List<IndicatorFlag> flags) {
    if (text == null) return;
    List<IndicatorValue> words =
        values.stream()
            .filter(v -> v.sourceKind() == SourceKind.TEXT && v.valueWan() != null)
            .sorted(java.util.Comparator.comparingInt(IndicatorValue::start))
            .toList();
    for (IndicatorValue basic : words) {
      if (!basic.indicator().equals("basic_expenditure") || basic.start() > text.length()) continue;
      // 其中：基本支出 — the list opens right here
      int at = basic.start();
      int leadStart = Math.max(0, at - 60);
      String lead = text.substring(leadStart, at);
      int label = lead.lastIndexOf("基本支出");
      if (label < 0) continue;
      Total said = totalBefore(text, leadStart, lead.substring(0, label));
      if (said == null) continue;
      String subject = said.subject();
      int amountAt = said.amountAt();
      // a budget's total is not the sum of what was spent, nor the reverse
      if (subject.contains("决算") != (basic.role() == org.gongkai.model.Role.ACTUAL)
          && (subject.contains("决算") || subject.contains("预算"))) continue;
      // a total read as 支出合计 is ownParts's
      boolean figure =
          words.stream()
              .anyMatch(
                  v ->
                      v.start() <= amountAt
                          && v.end() > amountAt
                          && v.indicator().equals("expenditure_total"));
      if (figure) continue;
      // a 总计 may hold money carried to the next year that the list leaves unsaid: its parts may
      // fall short of it, never pass it
      boolean open = subject.contains("总计");
      // a budget that spends on a third use its list leaves unsaid ({@link OtherUses}: a column of
      // 事业单位经营支出 holding money): the parts may fall short of it too
      if (otherUses && basic.role() == org.gongkai.model.Role.PLANNED) open = true;
      int stop = sentenceEnd(text, basic.end());
      IndicatorValue project = null;
      for (IndicatorValue v : words)
        if (v.start() > basic.end()
            && v.start() < stop
            && v.indicator().equals("project_expenditure")
            && v.role() == basic.role()
            && v.scope().equals(basic.scope())) {
          project = v;
          break;
        }
      if (project == null) continue;
      // every other amount the list goes on to, not a change or a comparison, is another part
      double others = 0;
      Matcher more = AMOUNT_IN.matcher(text).region(project.end(), stop);
      while (more.find()) {
        if (Comparison.changeOrCompared(text, more.start(), null)) continue;
        if (more.group(2) == null) continue; // a share (占…%), not money
        others += Amounts.wan(Amounts.decimal(more.group(1)), more.group(2)).doubleValue();
      }
      double total = Amounts.wan(Amounts.decimal(said.amount()), said.unit()).doubleValue();
      double sum = basic.valueWan() + project.valueWan() + others;
      double room =
          Amounts.halfUnitWan(said.amount(), said.unit())
              + Amounts.halfUnitWan(basic.asWritten(), basic.unit())
              + Amounts.halfUnitWan(project.asWritten(), project.unit())
              + TOLERANCE;
      if (Math.abs(sum - total) <= room || open && sum <= total + room) continue;
      // the same sum against the same total, already said of the figures' headlines
      List<String> args = List.of(fmt(sum), fmt(total));
      if (flags.stream()
          .anyMatch(f -> f.code().equals("parts_of_expenditure") && f.args().equals(args)))
        continue;
      int amountEnd = said.end();
      int subjectAt = said.subjectAt();
      flags.add(
          new IndicatorFlag(
              "parts_of_expenditure",
              "parts_of_stated_spending",
              List.of(fmt(sum), fmt(total), subject),
              List.of(basic, project),
              null,
              List.of(
                  new org.gongkai.model.Quote(
                      text.substring(subjectAt, amountEnd), subjectAt, amountEnd))));
    }
  }

  /** A spending total a list of parts follows: its words, where they and its amount stand. */
  private record Total(
      String subject, int subjectAt, int amountAt, String amount, String unit, int end) {}

  /** The first amount of a sentence, after its subject's words. */
  private static final Pattern FIRST_AMOUNT =
      Pattern.compile(
          "^(?:\\s*(?:19|20)\\d{2}\\s*年度?\\s*[，,]\\s*)?"
              + "(?<subject>[^，,。；;：:\\n]*支出[^，,。；;：:\\n\\d]{0,12}?)(?:为|是|共|共计)?\\s*"
              + "(?<amount>[0-9]{1,3}(?:,[0-9]{3})+(?:\\.[0-9]+)?|[0-9]+(?:\\.[0-9]+)?)\\s*(?<unit>亿元|万元|元)");

  /** A list opening a sentence of its own: {@code 。其中：}. */
  private static final Pattern OPENS_SENTENCE = Pattern.compile("。\\s*其中\\s*[：:，,]?\\s*$");

  /**
   * The spending total whose parts a 其中 ending {@code before} (text from {@code from}) opens: the
   * amount right before it in its sentence ({@code 财政拨款安排支出X元，其中：}), or — the 其中 opening a sentence
   * of its own ({@code 支出预算81206.56万元，比上年增加592.82万元，主要原因是…。其中：}) — the amount the sentence before
   * opens with, after its subject's words. Null when neither is a spending total.
   */
  private static Total totalBefore(String text, int from, String before) {
    Matcher m = SPENDING_BEFORE_PARTS.matcher(before);
    if (m.find()) {
      String subject = m.group("subject").strip();
      if (NOT_A_SPENDING_TOTAL.matcher(subject).find()) return null;
      int amountAt = from + m.start("amount");
      return new Total(
          subject,
          amountAt - (m.start("amount") - m.start("subject")),
          amountAt,
          m.group("amount"),
          m.group("unit"),
          from + m.end("unit"));
    }
    Matcher opens = OPENS_SENTENCE.matcher(before);
    if (!opens.find()) return null;
    int stop = from + opens.start(); // the 。 ending the sentence before
    int start = stop;
    while (start > 0 && stop - start < 300 && "。；;\n".indexOf(text.charAt(start - 1)) < 0) start--;
    if (start > 0 && "。；;\n".indexOf(text.charAt(start - 1)) < 0) return null;
    // the sentence's opening words may carry a year or a heading's number before its subject
    String sentence = text.substring(start, stop);
    Matcher first = FIRST_AMOUNT.matcher(sentence);
    if (!first.find()) return null;
    String subject = first.group("subject").strip();
    if (NOT_A_SPENDING_TOTAL.matcher(subject).find()) return null;
    int amountAt = start + first.start("amount");
    if (Comparison.changeOrCompared(text, amountAt, null)) return null;
    // a sentence stating two amounts (年初预算为X万元，支出决算为Y万元): which one its list is of is not known
    int amounts = 0;
    for (Matcher a = AMOUNT_IN.matcher(text).region(start, stop); a.find(); )
      if (a.group(2) != null && !Comparison.changeOrCompared(text, a.start(), null)) amounts++;
    if (amounts > 1) return null;
    return new Total(
        subject,
        start + first.start("subject"),
        amountAt,
        first.group("amount"),
        first.group("unit"),
        start + first.end("unit"));
  }

  /** An amount, with its unit when it is money ({@code %} when a share). */
  private static final Pattern AMOUNT_IN =
      Pattern.compile(
          "([0-9]{1,3}(?:,[0-9]{3})+(?:\\.[0-9]+)?|[0-9]+(?:\\.[0-9]+)?)\\s*(?:(亿元|万元|元)|[%％人个])");

  /** Where the sentence holding {@code from} ends (its full stop, or a new line's heading). */
  private static int sentenceEnd(String text, int from) {
    int end = from;
    int limit = Math.min(text.length(), from + 400);
    // a PDF wraps a sentence's lines: a line break ends it only before a blank line or a heading
    while (end < limit
        && text.charAt(end) != '。'
        && !(text.charAt(end) == '\n'
            && NEXT_LINE_OPENS.matcher(text).region(end, limit).lookingAt())) end++;
    return end;
  }

  /** A line break before a blank line or a heading's mark: {@code （二）}, {@code 三、}, {@code 2.}. */
  private static final Pattern NEXT_LINE_OPENS =
      Pattern.compile(
          "\n\\s*(?:\n|[（(][一二三四五六七八九十\\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|\\d{1,2}\\s*[.．、](?!\\d)|第[一二三四五六七八九十]+部分)");

  /** How far after a total its parts are looked for (a 人员经费's list of what it covers between). */
  private static final int PARTS_REACH = 800;

  /** The words that lead from a total to its parts: {@code 其中：}, {@code 包括}, {@code 分别为}. */
  private static final Pattern PARTS_LEAD = Pattern.compile("其中|包括|分别|具体|[：:]");

  /**
   * A total stated in the words with its parts after it ({@code 基本支出X万元，其中：（一）人员经费A万元…（二）公用经费B万元})
   * must be their sum, whatever the headline: each statement of the total is checked against its
   * own parts — those of its money and year that follow it, the first one led to by 其中, 包括 or a
   * colon, before the total is stated again. (The headlines are checked by {@link #sum}; a
   * statement that is no headline, of other money than the headline's, had no check.)
   */
  static void ownParts(
      List<IndicatorValue> values,
      String text,
      String total,
      List<String> parts,
      String check,
      boolean otherUses,
      List<IndicatorFlag> flags) {
    if (text == null) return;
    // a budget stating no use besides 基本支出 and 项目支出: they make its total ({@link OtherUses})
    boolean open = check.equals("parts_of_expenditure");
    List<IndicatorValue> words =
        values.stream()
            .filter(v -> v.sourceKind() == SourceKind.TEXT)
            .sorted(java.util.Comparator.comparingInt(IndicatorValue::start))
            .toList();
    for (IndicatorValue t : words) {
      if (!t.indicator().equals(total) || t.valueWan() == null) continue;
      Map<String, IndicatorValue> found = new LinkedHashMap<>();
      for (IndicatorValue v : words) {
        if (v.start() < t.end()) continue;
        if (v.start() > t.end() + PARTS_REACH) continue;
        if (v.indicator().equals(total)) break;
        if (!parts.contains(v.indicator()) || found.containsKey(v.indicator())) continue;
        if (v.valueWan() == null || v.role() != t.role() || !listedUnder(v, t, text)) continue;
        if (found.isEmpty()) {
          String lead = text.substring(t.end(), Math.min(v.start(), text.length()));
          if (lead.length() > 40 || !PARTS_LEAD.matcher(lead).find()) break;
        }
        found.put(v.indicator(), v);
      }
      if (found.size() < parts.size()) continue;
      double sum = found.values().stream().mapToDouble(IndicatorValue::valueWan).sum();
      double tolerance =
          ConsistencyChecker.tolerance(check, new ArrayList<>(found.values()), t, parts.size());
      boolean shortAllowed = open && (otherUses || t.role() != org.gongkai.model.Role.PLANNED);
      boolean holds =
          Math.abs(sum - t.valueWan()) <= tolerance
              || shortAllowed && sum <= t.valueWan() + tolerance;
      if (holds) continue;
      List<IndicatorValue> sources = new ArrayList<>(List.of(t));
      sources.addAll(found.values());
      IndicatorFlag f =
          new IndicatorFlag(check, check, List.of(fmt(sum), fmt(t.valueWan())), sources);
      if (flags.stream().noneMatch(g -> g.code().equals(check) && g.args().equals(f.args())))
        flags.add(f);
    }
  }

  /** A heading of the report's first level: {@code 一、…}, {@code 第二部分}. */
  private static final Pattern TOP_HEADING =
      Pattern.compile("\n\\s*(?:[一二三四五六七八九十]+\\s*[、.．]|第[一二三四五六七八九十]+部分)");

  /**
   * Whether a part is of its total's money and year: stated so, or naming no money at all and
   * listed under it ({@code 一般公共预算财政拨款基本支出X万元。其中：人员经费A万元…；⏎公用经费B万元}: the list's second line names
   * no money, and is the total's) — no heading of the report's first level between them.
   */
  private static boolean listedUnder(IndicatorValue part, IndicatorValue total, String text) {
    Scope p = part.scope(), t = total.scope();
    if (p.equals(t)) return true;
    if (p.whose() != t.whose() || p.period() != t.period() || p.funds() != Scope.Funds.ALL)
      return false;
    if (part.start() > text.length() || total.end() > part.start()) return false;
    return !TOP_HEADING.matcher(text.substring(total.end(), part.start())).find();
  }

  /**
   * Parts whose shares a report writes after them, the figures their whole may be stated as, and
   * the words naming that whole in a share ({@code 占总支出的}, {@code 占“三公”经费的}).
   */
  private record Family(List<String> parts, List<String> wholes, Pattern share) {}

  /**
   * A share after an amount: {@code 基本支出 29,606.33 万元，占 11.84%}, {@code 占总支出的 83.94%}, {@code 占支出总额
   * 78.61%}, {@code 占“三公”经费的 15.70%} — written bare or naming the whole it is of.
   */
  private static Pattern share(String whole) {
    return Pattern.compile(
        "^\\s*(?:万元|元)?\\s*[，,（(]?\\s*占(?:比|比例)?\\s*(?:"
            + whole
            + ")?\\s*(?:的)?\\s*(?:比(?:重|例))?\\s*(?:为)?\\s*([0-9]+(?:\\.[0-9]+)?)\\s*[%％]");
  }

  private static final List<Family> FAMILIES =
      List.of(
          new Family(
              List.of("basic_expenditure", "project_expenditure"),
              List.of("expenditure_total", "grand_total"),
              share("(?:本年|全年)?(?:总支出|支出总额|支出总计|支出合计|全部支出|本年支出|支出)(?:预算|决算)?(?:数)?")),
          new Family(
              List.of("overseas_travel", "vehicles_expenses", "reception"),
              List.of("three_public"),
              share("(?:财政拨款)?[“\"]?三公[”\"]?经费(?:预算|决算)?(?:总额|合计|支出)?(?:数)?")));

  /**
   * {@code 支出预算X万元，其中：基本支出B万元，占Y%；项目支出C万元，占W%}: a share written without its whole is of the total
   * the sentence stated before it — B of X must be Y% — and, where the parts' shares make 100%, of
   * the parts together: B of B + C. Checked in one sentence, parts of one money and year.
   */
  static void bareShares(List<IndicatorValue> values, String text, List<IndicatorFlag> flags) {
    if (text == null) return;
    for (Family family : FAMILIES) bareShares(family, values, text, flags);
  }

  private static void bareShares(
      Family family, List<IndicatorValue> values, String text, List<IndicatorFlag> flags) {
    List<IndicatorValue> words =
        values.stream()
            .filter(v -> v.sourceKind() == SourceKind.TEXT && v.valueWan() != null)
            .sorted(java.util.Comparator.comparingInt(IndicatorValue::start))
            .toList();
    Map<Integer, List<IndicatorValue>> bySentence = new LinkedHashMap<>();
    Map<IndicatorValue, String> said = new java.util.HashMap<>();
    for (IndicatorValue v : words) {
      if (!family.parts().contains(v.indicator()) || v.end() > text.length()) continue;
      Matcher m =
          family.share().matcher(text.substring(v.end(), Math.min(text.length(), v.end() + 30)));
      if (!m.find()) continue;
      said.put(v, m.group(1));
      bySentence.computeIfAbsent(sentenceStart(text, v.start()), k -> new ArrayList<>()).add(v);
    }
    for (var e : bySentence.entrySet()) {
      List<IndicatorValue> parts = e.getValue();
      IndicatorValue first = parts.get(0);
      // the whole the sentence stated before its parts, of their money and year
      IndicatorValue whole = null;
      for (IndicatorValue w : words)
        if (family.wholes().contains(w.indicator())
            && w.start() >= e.getKey()
            && w.end() <= first.start()
            && w.role() == first.role()
            && w.scope().equals(first.scope())
            && w.valueWan() != 0) whole = w;
      boolean siblings =
          parts.size() >= 2
              && parts.stream().map(IndicatorValue::indicator).distinct().count() == parts.size()
              && parts.stream()
                  .allMatch(p -> p.role() == first.role() && p.scope().equals(first.scope()));
      double pcts = parts.stream().mapToDouble(p -> Double.parseDouble(said.get(p))).sum();
      double together = parts.stream().mapToDouble(IndicatorValue::valueWan).sum();
      for (IndicatorValue p : parts) {
        String pct = said.get(p);
        double written = Double.parseDouble(pct);
        if (whole != null) {
          double expected = p.valueWan() / whole.valueWan() * 100;
          if (!agrees(expected, written, halfUnit(pct)))
            flags.add(
                new IndicatorFlag(
                    "share",
                    "share",
                    List.of(
                        IndicatorFlag.figure(p.indicator()),
                        fmt(p.valueWan()),
                        IndicatorFlag.figure(whole.indicator()),
                        pct,
                        IndicatorFlag.figure(whole.indicator()),
                        fmt(whole.valueWan()),
                        fmtPct(expected)),
                    List.of(p, whole)));
        } else if (siblings && Math.abs(pcts - 100) <= 0.1 * parts.size() && together != 0) {
          double expected = p.valueWan() / together * 100;
          if (agrees(expected, written, halfUnit(pct))) continue;
          // one wrong amount moves every share of the parts: said once, at the first
          flags.add(
              new IndicatorFlag(
                  "share",
                  "share_of_parts",
                  List.of(
                      IndicatorFlag.figure(p.indicator()),
                      fmt(p.valueWan()),
                      pct,
                      fmt(together),
                      fmtPct(expected)),
                  parts));
          break;
        }
      }
    }
  }

  /**
   * Where the sentence holding {@code at} begins: after the last 。！？ before it (a list of parts
   * runs on over its ；and its lines), at most {@link #SENTENCE_REACH} characters back.
   */
  private static int sentenceStart(String text, int at) {
    int from = Math.min(at, text.length());
    for (int k = from - 1; k >= Math.max(0, from - SENTENCE_REACH); k--)
      if ("。！？!?".indexOf(text.charAt(k)) >= 0) return k + 1;
    return Math.max(0, from - SENTENCE_REACH);
  }

  private static final int SENTENCE_REACH = 300;

  private static final String NUMBER =
      "([0-9]{1,3}(?:,[0-9]{3})+(?:\\.[0-9]+)?|[0-9]+(?:\\.[0-9]+)?)";

  /** After a figure's amount, how far its list of parts may run. */
  private static final int VEHICLE_REACH = 260;

  /**
   * Where a vehicles' list of parts ends: the next item of the list it stands in ({@code 3．公务接待费},
   * a line numbered like it), another of the “三公” items, a heading.
   */
  private static final Pattern VEHICLE_LIST_END =
      Pattern.compile(
          "公务接待|因公出国|会议费|培训费|\n\\s*(?:[0-9]{1,2}\\s*[.．、](?![0-9])|[一二三四五六七八九十]+\\s*[、.．]|第[一二三四五六七八九十]+部分)");

  private static final Pattern PURCHASE =
      Pattern.compile(
          "(?:公务用车|车辆)购置(?:费)?(?:预算|决算)?(?:支出)?(?:数)?(?:安排)?(?:为|是)?\\s*"
              + NUMBER
              + "\\s*(亿元|万元|元)?(?![0-9.．辆台人次个%％])");

  private static final Pattern RUNNING =
      Pattern.compile(
          "(?:公务用车|车辆)运行(?:维护|维修|维持)?费(?:预算|决算)?(?:支出)?(?:数)?(?:安排)?(?:为|是)?\\s*"
              + NUMBER
              + "\\s*(亿元|万元|元)?(?![0-9.．辆台人次个%％])");

  /**
   * {@code 公务用车购置及运行维护费X万元。其中：（1）公务用车购置费A万元…（2）公务用车运行维护费B万元}: the vehicles' spending stated with
   * its two parts under it (其中, before the list's next item) is their sum. An amount written
   * without its unit counts only as a zero (购置为 0).
   */
  static void vehicles(List<IndicatorValue> values, String text, List<IndicatorFlag> flags) {
    if (text == null) return;
    for (IndicatorValue v : values) {
      if (!v.indicator().equals("vehicles_expenses")
          || v.sourceKind() != SourceKind.TEXT
          || v.valueWan() == null
          || v.end() > text.length()) continue;
      String after = text.substring(v.end(), Math.min(text.length(), v.end() + VEHICLE_REACH));
      Matcher end = VEHICLE_LIST_END.matcher(after);
      if (end.find()) after = after.substring(0, end.start());
      // a PDF's paragraph wraps anywhere, inside a label too (公务用车运⏎行维护费): read with the line
      // breaks taken out, each place mapped back to the text's
      StringBuilder flat = new StringBuilder();
      int[] at = new int[after.length() + 1];
      for (int i = 0; i < after.length(); i++) {
        char c = after.charAt(i);
        if (c == '\n' || c == '\r') continue;
        at[flat.length()] = i;
        flat.append(c);
      }
      at[flat.length()] = after.length();
      int lead = flat.indexOf("其中");
      if (lead < 0 || lead > 40) continue;
      Matcher a = PURCHASE.matcher(flat), b = RUNNING.matcher(flat);
      if (!a.find(lead) || !b.find(lead)) continue;
      Double pa = wan(a), pb = wan(b);
      if (pa == null || pb == null) continue;
      double sum = pa + pb;
      double tolerance =
          Amounts.halfUnitWan(v.asWritten(), v.unit())
              + Amounts.halfUnitWan(a.group(1), unit(a))
              + Amounts.halfUnitWan(b.group(1), unit(b))
              + TOLERANCE;
      if (Math.abs(sum - v.valueWan()) <= tolerance) continue;
      int to = v.end() + at[Math.max(a.end(), b.end()) - 1] + 1;
      flags.add(
          new IndicatorFlag(
              "parts_of_vehicles",
              "parts_of_vehicles",
              List.of(fmt(pa), fmt(pb), fmt(sum), fmt(v.valueWan())),
              List.of(v),
              null,
              List.of(new org.gongkai.model.Quote(text.substring(v.start(), to), v.start(), to))));
    }
  }

  private static String unit(Matcher m) {
    return m.group(2) == null ? "万元" : m.group(2);
  }

  /** A part's amount in 万元; null for a nonzero amount written without its unit. */
  private static Double wan(Matcher m) {
    double n = Double.parseDouble(m.group(1).replace(",", ""));
    if (m.group(2) == null) return n == 0 ? 0.0 : null;
    return switch (m.group(2)) {
      case "元" -> n / 10_000;
      case "亿元" -> n * 10_000;
      default -> n;
    };
  }
}
