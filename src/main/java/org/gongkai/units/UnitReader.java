package org.gongkai.units;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.model.UnitReading;
import org.gongkai.model.UnitReading.Count;
import org.gongkai.model.UnitReading.Staff;
import org.gongkai.model.UnitReading.Unit;

/**
 * Reads which budget units a report covers from its clean text, as departments' reports state it (a
 * survey of the crawl's and {@code real/}'s reports): a sentence listing them after a composition
 * heading ({@code 从预算单位构成看，某局部门预算包括：某局本级预算（行政单位）、某中心（事业单位）…}, {@code 纳入…编制范围的预算单位共计 8
 * 家，具体包括：A，B…}), a numbered list after {@code 具体如下：} ({@code 1.某局（本级）下设…}), a table ({@code 序号 单位名称
 * [单位性质|备注]}), a statement that the body has none under it ({@code 本单位无下属单位}), or — a unit's own
 * report — the sentence saying what the unit is ({@code 某中心是…全额拨款事业单位}). A list is taken only when
 * every item of it reads as a unit's name (ends as bodies' names end); a passage naming internal
 * offices ({@code 内设机构包括：办公室、财务处}) is not a list of budget units.
 */
public final class UnitReader {

  /** The most units a list is read to (a province's department lists a few hundred at most). */
  static final int MAX_UNITS = 400;

  /** The most anchors tried in one report. */
  static final int MAX_ANCHORS = 60;

  /** The longest sentence a list is read from. */
  static final int MAX_SENTENCE = 6000;

  /** How far into a report a unit's own report says what the unit is. */
  static final int SELF_WITHIN = 100_000;

  /** The longest name a unit is given. */
  static final int MAX_NAME = 60;

  private static final Pattern ANCHOR =
      Pattern.compile(
          "单位构成|编制范围|汇总预算|部门预算包括|部门决算包括|下属单位|所属单位|下属预算单位|二级预算单位|预算单位包括|决算单位包括" + "|具体包括|所属单位情况");

  /** Words before 包括 that make the list one of offices inside the body, not of budget units. */
  private static final Pattern OFFICES = Pattern.compile("内设|下设|处室|科室|内部机构|派出机构|职能部门");

  /** An office's name inside a body: short, ending 科, 处, 室, 股 (办公室, 法规科, 财务处). */
  private static final Pattern OFFICE = Pattern.compile("^[\\p{IsHan}]{1,5}(?:科|处|室|股|办)$");

  /** How bodies' names end (a name's bracketed aliases and 本级 taken off first). */
  private static final Pattern BODY_END =
      Pattern.compile(
          "(局|厅|委|委员会|办|办公室|中心|院|所|校|学校|学院|大学|中学|小学|幼儿园|站|队|处|科|室|会|馆|部|署|社|台|团|园|场"
              + "|监狱|医院|基地|公司|宫|库|组|府|庭|机关|办事处|联络处|协会|分局|集团|大队|支队|总队|馆|苑|报|杂志社|本级|本部)$");

  /** A unit's nature as written in its bracket or column. */
  private static final Pattern NATURE =
      Pattern.compile(
          "^(?:参照公务员法管理的?|参公)?(?:全额拨款|差额拨款|自收自支|全额|差额|公益[一二]类)?的?"
              + "(?:行政单位|行政|参公事业单位|参公单位|参照公务员法管理事业单位|事业单位|事业|企业|社会团体)"
              + "(?:[，,、；][^）)]{0,40})?$");

  /** What introduces a list: 包括, 包含, 反映 (a final's 决算反映A、B的收支), 即, 如下. */
  private static final Pattern LIST_VERB = Pattern.compile("具体包括|包括|包含了?|反映|(?<=[，,：:])即(?!墨)|如下");

  /** A sentence on the report's whole composition, not only the units under its body. */
  private static final Pattern COMPOSITION =
      Pattern.compile("编制范围|单位构成|预算包括|决算包括|汇总预算|预算单位包括|决算单位包括");

  private static final Pattern COUNT_AFTER =
      Pattern.compile(
          "((?:预算|下属|基层|二级|所属|直属)?)单位(?:共计|共有|合计|共)\\s*(\\d{1,3}|[一二三四五六七八九十]{1,3})\\s*(?:家|个)");

  private static final Pattern COUNT =
      Pattern.compile(
          "((?:下属|所属|直属|基层|二级)?)\\s*(?:共计|共有|合计|共|包括|包含)?\\s*(\\d{1,3}|[一二三四五六七八九十]{1,3})\\s*(?:家|个)([^，。；、：:\\d\\s]{0,8}?)(?:预算)?单位");

  private static final Pattern STAFF =
      Pattern.compile("(行政编制|事业编制|参公编制|工勤人员编制|工勤编制)" + "(?:为|共|数|：|:)?\\s*(\\d{1,6})\\s*(?:人|名)");

  /** A table's remark alone on its line, in brackets ({@code （下属参公事业单位）}). */
  private static final Pattern REMARK = Pattern.compile("^[（(]([^）)]{1,30})[）)]$");

  /** A line of a table of contents: dot leaders before a page number. */
  private static boolean contents(String line) {
    int k = line.length() - 1;
    while (k >= 0 && (Character.isWhitespace(line.charAt(k)) || Character.isDigit(line.charAt(k))))
      k--;
    int dots = 0;
    while (k >= 0 && (line.charAt(k) == '.' || line.charAt(k) == '…' || line.charAt(k) == '·')) {
      dots++;
      k--;
    }
    return dots >= 2 && (dots >= 4 || line.charAt(k + 1) == '…');
  }

  private static final Pattern NUMBERED = Pattern.compile("^\\s*(\\d{1,3})\\s*[.．、]\\s*");

  private static final Pattern HEADING =
      Pattern.compile("^\\s*(?:[一二三四五六七八九十]+\\s*[、．.]|第[一二三四五六七八九十]+部分|（[一二三四五六七八九十]+）)");

  private static final Pattern SELF =
      Pattern.compile(
          "(?m)^([\\p{IsHan}（）()]{4,40}?)(?:（单位）)?是([^。\\n]{0,50}?)"
              + "((?:参照公务员法管理的?)?(?:全额拨款|差额拨款|自收自支)?(?:的)?(?:公益[一二]类)?(?:行政单位|事业单位|行政执法机构|行政机构))");

  /** Where {@link #ANCHOR}, {@link #STAFF} and {@link #SELF} are tried (each wording's opening). */
  private static final org.gongkai.text.Starts ANCHOR_STARTS =
      new org.gongkai.text.Starts(ANCHOR, "单编汇部下所二预决具");

  private static final org.gongkai.text.Starts STAFF_STARTS =
      new org.gongkai.text.Starts(STAFF, "行事参工");

  private static final org.gongkai.text.Starts SELF_STARTS =
      org.gongkai.text.Starts.atLineStarts(SELF);

  private static final Pattern NO_UNITS = Pattern.compile("无(?:独立核算的?)?(?:下属|所属|二级)(?:预算)?单位");

  /**
   * The units {@code text} says it covers; {@link UnitReading#NONE} when it says nothing of them.
   */
  public UnitReading read(String text, String issuer) {
    List<Staff> staff = staff(text);
    Found found = new Found();
    org.gongkai.text.Starts.Scan a = ANCHOR_STARTS.in(text);
    int tried = 0;
    int after = 0;
    while (tried < MAX_ANCHORS && !found.composition && a.find(after)) {
      tried++;
      after = a.end();
      int lineStart = text.lastIndexOf('\n', a.start() - 1) + 1;
      int stop = text.lastIndexOf('。', a.start() - 1) + 1;
      int start = Math.max(Math.max(lineStart, stop), a.start() - MAX_SENTENCE);
      int lineEnd = Math.min(endOfLine(text, a.start()), a.start() + MAX_SENTENCE);
      String line = text.substring(start, lineEnd);
      if (contents(line)) continue; // the table of contents: nothing is listed there
      if (HEADING.matcher(line).find() && line.indexOf('，') < 0 && line.indexOf('。') < 0) {
        // a heading ("（二）预算单位构成"): its first sentence says what it heads, in whatever words
        if (lineEnd < text.length()) {
          int next = lineEnd + 1;
          String first = text.substring(next, endOfLine(text, next));
          if (!HEADING.matcher(first).find() && !contents(first))
            sentence(text, next, next, true, issuer, staff, found);
          after = Math.max(after, next);
        }
        continue;
      }
      sentence(text, start, a.start(), false, issuer, staff, found);
    }
    // a body saying it has none under it is not contradicted by some other sentence's list
    if (found.best != null && (found.composition || found.none == null))
      return own(found.best, issuer);
    if (found.none != null) return found.none;
    UnitReading self = self(text, staff);
    if (self != null) return self;
    if (!staff.isEmpty()) return new UnitReading("", List.of(), null, staff, -1, -1);
    return UnitReading.NONE;
  }

  /** The candidates found so far: the best list, whether it is the whole composition, a "none". */
  private static final class Found {
    UnitReading best;
    boolean composition;
    UnitReading none;
  }

  /**
   * The sentence from {@code start} (holding an anchor at {@code at}, or the first under a
   * composition heading: {@code headed}) read as a list of units, a statement of none, or nothing.
   */
  private static void sentence(
      String text,
      int start,
      int at,
      boolean headed,
      String issuer,
      List<Staff> staff,
      Found found) {
    int end = sentenceEnd(text, at);
    if (end <= start) return;
    String sentence = text.substring(start, end);
    Matcher verb = LIST_VERB.matcher(sentence);
    int inc = -1;
    int verbLength = 0;
    if (verb.find(Math.max(0, at - start))) {
      inc = verb.start();
      verbLength = verb.end() - verb.start();
    } else if (verb.find(0)) {
      inc = verb.start();
      verbLength = verb.end() - verb.start();
    }
    // 具体包括 names units only where its sentence speaks of units (重点项目具体包括 names projects)
    if (inc >= 0 && sentence.startsWith("具体包括", inc) && !headed) {
      int verbAt = start + inc;
      int from = Math.max(text.lastIndexOf('。', verbAt - 1) + 1, verbAt - 200);
      if (!text.substring(Math.max(0, from), verbAt).contains("单位")) return;
    }
    Matcher no = NO_UNITS.matcher(sentence);
    if (no.find() && (inc < 0 || no.start() < inc)) {
      if (found.none == null)
        found.none = none(text, start, end, sentence.substring(0, no.start()), issuer, staff);
      return;
    }
    UnitReading list = list(text, start, end, inc, verbLength, sentence, staff);
    if (list == null) return;
    // the list of every budget unit the report covers is preferred to one of the units under it
    boolean composition = headed || COMPOSITION.matcher(sentence).find();
    if (found.best == null || (composition && !found.composition)) {
      found.best = list;
      found.composition = composition;
    }
  }

  /**
   * The list a sentence gives after its verb ({@code inc} where 包括/包含/反映/即/如下 is, -1 when none;
   * {@code verbLength} its length), or null.
   */
  private static UnitReading list(
      String text,
      int start,
      int end,
      int inc,
      int verbLength,
      String sentence,
      List<Staff> staff) {
    if (inc < 0) {
      UnitReading t = table(text, end, staff, start);
      if (t != null) return withCount(t, text, start, end);
      return null;
    }
    // offices inside the body are named in the clause before the verb (内设机构包括：…); a sentence may
    // name them first and its units after (…共 3 个科室，下属单位 2 个，具体包括：…)
    int clause = Math.max(sentence.lastIndexOf('，', inc), sentence.lastIndexOf('；', inc)) + 1;
    if (OFFICES.matcher(sentence.substring(Math.min(clause, inc), inc)).find()) return null;
    int listFrom = start + inc + verbLength;
    while (listFrom < text.length()
        && (text.charAt(listFrom) == '：' || text.charAt(listFrom) == ':')) listFrom++;
    int below = text.indexOf("如下", start + inc);
    if (below >= 0 && below < end) {
      UnitReading n = numbered(text, below + 2, staff);
      if (n != null) return withCount(n, text, start, n.end());
      return null;
    }
    String rest = text.substring(Math.min(listFrom, end), end);
    if (listFrom >= end || rest.contains("见下表") || rest.isBlank()) {
      UnitReading t = table(text, end, staff, start);
      if (t != null) return withCount(t, text, start, end);
      UnitReading n = numbered(text, listFrom, staff);
      if (n != null) return withCount(n, text, start, n.end());
      return null;
    }
    if (NUMBERED.matcher(rest).find()) {
      // 具体包括： 1. 某局本部  2. 某中心 — a numbered list starting on the verb's line
      UnitReading n = numbered(text, listFrom, staff);
      if (n != null) return withCount(n, text, start, n.end());
      return null;
    }
    List<Unit> units = sentenceList(text, listFrom, end);
    if (units != null)
      return withCount(
          new UnitReading("sentence", units, null, staff, start, end), text, start, end);
    return null;
  }

  /** The list with the reporting body's own entry marked (its name, or 本级). */
  private static UnitReading own(UnitReading r, String issuer) {
    if (issuer == null || issuer.isBlank()) return r;
    String body = issuer.strip();
    List<Unit> units = new ArrayList<>();
    for (Unit u : r.units()) {
      String bare = u.name().replaceAll("[（(]?(?:本级|本部)[）)]?$", "");
      // the body itself: its name (or the end of it: 市建筑工务署本级 of 深圳市建筑工务署), never a unit
      // under it that has a 本级 of its own (深圳市社会保险基金管理局本级 in 人社局's report)
      boolean named =
          !bare.isEmpty()
              && (bare.equals(body)
                  || (u.self() && bare.length() >= 2 && body.endsWith(bare))
                  || (u.self() && bare.startsWith(body)));
      boolean self = named || (u.self() && bare.isEmpty());
      units.add(new Unit(u.name(), u.nature(), u.natureAsWritten(), self, u.start(), u.end()));
    }
    // no unit is the issuer by name (its name read otherwise): the list's own 本级 says which is
    if (units.stream().noneMatch(Unit::self)) return r;
    return new UnitReading(r.layout(), units, r.stated(), r.staff(), r.start(), r.end());
  }

  private static int endOfLine(String text, int from) {
    int nl = text.indexOf('\n', from);
    return nl < 0 ? text.length() : nl;
  }

  /** Where the sentence holding {@code at} ends: its 。, or a bounded run of text. */
  private static int sentenceEnd(String text, int at) {
    int limit = Math.min(text.length(), at + MAX_SENTENCE);
    int stop = text.indexOf('。', at);
    if (stop >= 0 && stop < limit) limit = stop;
    // a heading on a line of its own ends it too: a sentence does not run on into the next part
    for (int nl = text.indexOf('\n', at); nl >= 0 && nl < limit; nl = text.indexOf('\n', nl + 1)) {
      String next = text.substring(nl + 1, endOfLine(text, nl + 1));
      if (HEADING.matcher(next).find() && next.indexOf('，') < 0) {
        limit = nl;
        stop = -1;
        break;
      }
    }
    // a line ending with a colon ends the sentence: a table or a numbered list follows it
    for (int nl = text.indexOf('\n', at); nl >= 0 && nl < limit; nl = text.indexOf('\n', nl + 1)) {
      int k = nl - 1;
      while (k > at && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) k--;
      if (text.charAt(k) == '：' || text.charAt(k) == ':') return nl;
    }
    if (stop >= 0 && stop == limit) return stop;
    // no full stop: the sentence ends with its paragraph (a blank line or a heading)
    int i = at;
    while (i < limit) {
      int nl = text.indexOf('\n', i);
      if (nl < 0 || nl >= limit) return limit;
      int next = endOfLine(text, nl + 1);
      String line = text.substring(nl + 1, next);
      if (line.isBlank() || HEADING.matcher(line).find() || NUMBERED.matcher(line).find())
        return nl;
      i = nl + 1;
    }
    return limit;
  }

  /** {@code 本单位无下属单位}: the report covers its own body alone. */
  private static UnitReading none(
      String text, int start, int end, String before, String issuer, List<Staff> staff) {
    String name = before.replaceAll("\\s+", "");
    int cut = Math.max(name.lastIndexOf('，'), name.lastIndexOf(','));
    if (cut >= 0) name = name.substring(cut + 1);
    String own = name.replaceAll("^(本单位|本部门|本局|本委|我单位|我局|我部门)$", "");
    if (own.isEmpty() || !isBody(own)) own = issuer == null ? "" : issuer.strip();
    List<Unit> units = new ArrayList<>();
    if (!own.isEmpty()) units.add(new Unit(own, null, null, true, start, end));
    return new UnitReading("none", units, null, staff, start, end);
  }

  /**
   * A list of names in a sentence, split at 、，；, and at 和/及 where the name before it ends with a
   * bracket, 本级 or 预算/决算 (a name may hold 和: 人力资源和社会保障局); null unless every item is a unit.
   */
  private static List<Unit> sentenceList(String text, int from, int end) {
    List<Unit> units = new ArrayList<>();
    int itemStart = from;
    int depth = 0;
    for (int i = from; i <= end && units.size() <= MAX_UNITS; i++) {
      if (i - itemStart > 3 * MAX_NAME) return null; // no name is that long: not a list of names
      char c = i < end ? text.charAt(i) : '。';
      if (c == '（' || c == '(') depth++;
      else if ((c == '）' || c == ')') && depth > 0) depth--;
      boolean cut =
          depth == 0 && (c == '、' || c == '，' || c == ',' || c == '；' || c == ';' || c == '。');
      int skip = 1;
      if (!cut && depth == 0 && i < end) {
        for (String joint : new String[] {"以及", "和", "及"}) {
          if (text.startsWith(joint, i) && joinsTwo(text, itemStart, i)) {
            cut = true;
            skip = joint.length();
            break;
          }
        }
      }
      if (!cut) continue;
      Unit u = unit(text, itemStart, i);
      if (u == null) return null;
      units.add(u);
      i += skip - 1;
      itemStart = i + 1;
    }
    if (units.isEmpty() || units.size() > MAX_UNITS) return null;
    // offices inside a body (办公室、法规科、财务科) are short and end as offices do: not budget units
    long offices = units.stream().filter(u -> OFFICE.matcher(u.name()).matches()).count();
    if (offices * 2 >= units.size()) return null;
    return units;
  }

  private static boolean joinsTwo(String text, int itemStart, int at) {
    String before = text.substring(itemStart, at).replaceAll("\\s+", "");
    // a name may hold 和 (人力资源和社会保障局): the joint parts two names only where the part before it
    // is a whole name already (附属中学及附属小学) or ends as a list's items end
    return before.endsWith("）")
        || before.endsWith(")")
        || before.endsWith("本级")
        || before.endsWith("预算")
        || before.endsWith("决算")
        || isBody(before);
  }

  /** One item of a list as a unit, or null when it does not read as a body's name. */
  static Unit unit(String text, int from, int to) {
    if (to - from > 3 * MAX_NAME) return null; // no name is that long
    String raw = text.substring(from, to);
    String s = raw.replaceAll("\\s+", "");
    int lead = 0;
    while (lead < raw.length() && Character.isWhitespace(raw.charAt(lead))) lead++;
    s = s.replaceFirst("^(?:以及|和|及|等)", "");
    // a list's last item with the sentence's words after it: …附属小学的经费收支情况
    s = s.replaceFirst("的(?:经费)?(?:预算|决算)?收支(?:情况|数据|计划)?$", "");
    s = s.replaceFirst("共(?:计)?\\d{1,3}(?:家|个)(?:预算)?(?:单位)?$", "");
    s = s.replaceFirst("^(?:下属|所属|直属)(?=.{4})", "");
    s = s.replaceFirst("(?:等)?(?:\\d+家|\\d+个)?(?:单位)?$", "");
    String nature = null;
    String natureWritten = null;
    // brackets at its end: a nature (行政单位) is taken out, an alias stays in the name
    String tail = "";
    while (true) {
      s = s.replaceFirst("(?:部门)?(?:预算|决算)$", "");
      if (!(s.endsWith("）") || s.endsWith(")"))) break;
      int open = Math.max(s.lastIndexOf('（'), s.lastIndexOf('('));
      if (open <= 0) break;
      String inside = s.substring(open + 1, s.length() - 1);
      if (nature == null && NATURE.matcher(inside).matches()) {
        natureWritten = inside;
        nature = nature(inside);
        s = s.substring(0, open);
        continue;
      }
      tail = s.substring(open) + tail;
      s = s.substring(0, open);
    }
    String name = s + tail;
    if (name.isEmpty() || name.length() > MAX_NAME || !isBody(name)) return null;
    boolean self = name.contains("本级") || name.contains("本部"); // confirmed by the issuer in own()
    return new Unit(name, nature, natureWritten, self, from + lead, to);
  }

  /** Whether a name (its bracketed parts and 本级 aside) ends as a body's name ends. */
  public static boolean isBody(String name) {
    if (name.length() < 3 || !name.codePoints().allMatch(UnitReader::nameChar)) return false;
    String bare = name.replaceAll("[（(][^）)]*[）)]", "");
    if (bare.length() < 2) return false;
    return BODY_END.matcher(bare).find() || name.endsWith("（本级）") || name.endsWith("(本级)");
  }

  private static boolean nameChar(int c) {
    return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
        || c == '（'
        || c == '）'
        || c == '('
        || c == ')'
        || c == '“'
        || c == '”'
        || c == '·'
        || Character.isLetterOrDigit(c);
  }

  static String nature(String written) {
    // a remark of another kind (预算不单列，并入本级) says no nature
    if (!written.contains("单位") && !written.contains("机构") && !written.matches("行政|事业|参公|企业"))
      return null;
    if (written.contains("参公") || written.contains("参照公务员")) return "参公";
    if (written.contains("行政")) return "行政";
    if (written.contains("事业")) return "事业";
    if (written.contains("企业")) return "企业";
    return null;
  }

  /** {@code 具体如下：1.某局（本级）下设… 2.某中心…}: each numbered line's name, numbers rising from 1. */
  private static UnitReading numbered(String text, int from, List<Staff> staff) {
    int colon = from;
    while (colon < text.length() && (text.charAt(colon) == '：' || text.charAt(colon) == ':'))
      colon++;
    List<Unit> units = new ArrayList<>();
    int expect = 1;
    int lineStart = colon;
    int lastEnd = colon;
    int sinceLast = 0;
    // the first item may follow the colon on its own line, or on the same line without a number
    String rest = text.substring(colon, endOfLine(text, colon)).strip();
    if (!rest.isEmpty() && !NUMBERED.matcher(rest).find()) {
      // 具体如下：A；B；C。 — a list on the colon's own line
      int stop = text.indexOf('。', colon);
      int lineEnd = endOfLine(text, colon);
      int end = stop >= 0 && stop < lineEnd ? stop : lineEnd;
      String line = text.substring(colon, end);
      if (end - colon <= MAX_SENTENCE && !line.contains("下设") && !line.contains("内设")) {
        List<Unit> listed = sentenceList(text, colon, end);
        if (listed != null && listed.size() >= 2)
          return new UnitReading("sentence", listed, null, staff, from, end);
      }
      Unit u = leadingName(text, colon, endOfLine(text, colon));
      if (u == null) return null;
      return new UnitReading("numbered", List.of(u), null, staff, from, u.end());
    }
    while (lineStart < text.length() && units.size() < MAX_UNITS && sinceLast < 80) {
      int lineEnd = endOfLine(text, lineStart);
      String line = text.substring(lineStart, lineEnd);
      Matcher n = NUMBERED.matcher(line);
      if (n.find()) {
        int number = Integer.parseInt(n.group(1));
        if (number == expect) {
          Unit u = leadingName(text, lineStart + n.end(), lineEnd);
          if (u == null) break;
          units.add(u);
          lastEnd = lineEnd;
          expect++;
          sinceLast = 0;
        } else if (number == 1 && expect > 1) break;
      } else if (!units.isEmpty() && HEADING.matcher(line).find()) break;
      else if (units.isEmpty() && !line.isBlank()) return null;
      sinceLast++;
      lineStart = lineEnd + 1;
    }
    if (units.isEmpty()) return null;
    return new UnitReading("numbered", units, null, staff, from, lastEnd);
  }

  /** The name a numbered line begins with, up to 下设/内设/设有 or a comma. */
  private static Unit leadingName(String text, int from, int lineEnd) {
    String line = text.substring(from, lineEnd);
    Matcher m = Pattern.compile("下设|内设|设有|共设|设立|，|,|：|:|。|；").matcher(line);
    int cut = m.find() ? m.start() : line.length();
    if (cut <= 0) return null;
    return unit(text, from, from + cut);
  }

  /** A table under the sentence: a header naming 单位名称, then rows {@code 1 某局（本级） [性质]}. */
  private static UnitReading table(String text, int sentenceEnd, List<Staff> staff, int start) {
    int lineStart = endOfLine(text, sentenceEnd) + 1;
    int header = -1;
    int natureCol = -1;
    for (int k = 0; k < 4 && lineStart < text.length(); k++) {
      int lineEnd = endOfLine(text, lineStart);
      String line = text.substring(lineStart, lineEnd);
      if (line.contains("单位名称")) {
        header = lineStart;
        List<String> cells = cells(line);
        for (int c = 0; c < cells.size(); c++)
          if (cells.get(c).contains("性质") || cells.get(c).contains("类型")) natureCol = c;
        lineStart = lineEnd + 1;
        break;
      }
      lineStart = lineEnd + 1;
    }
    if (header < 0) return null;
    List<Unit> units = new ArrayList<>();
    int expect = 1;
    int lastEnd = lineStart;
    String pending = null; // a name's first line, its end on the next (…管理事务中 / 心（下属事业单位）)
    int pendingAt = -1;
    while (lineStart < text.length() && units.size() < MAX_UNITS) {
      int lineEnd = endOfLine(text, lineStart);
      if (lineEnd - lineStart > 4 * MAX_NAME) break; // no row of a units' table is that long
      String line = text.substring(lineStart, lineEnd);
      List<String> cells = cells(line);
      if (cells.size() < 2 || !cells.get(0).equals(Integer.toString(expect))) {
        if (line.isBlank()) {
          lineStart = lineEnd + 1;
          continue;
        }
        // rows whose numbers the extraction lost: a name (its remark in brackets below or after it)
        if (!units.isEmpty()) {
          String bare = line.strip();
          Matcher remark = REMARK.matcher(bare);
          if (remark.matches() && pending == null) {
            Unit last = units.get(units.size() - 1);
            String n = nature(remark.group(1));
            if (n != null && last.nature() == null)
              units.set(
                  units.size() - 1,
                  new Unit(last.name(), n, remark.group(1), last.self(), last.start(), lineEnd));
            lineStart = lineEnd + 1;
            lastEnd = lineEnd;
            continue;
          }
          String name = (pending == null ? "" : pending) + bare.replaceAll("[（(][^）)]*[）)]$", "");
          String tail =
              bare.length() > 0 && bare.matches(".*[（(][^）)]*[）)]$")
                  ? bare.replaceAll("^.*([（(][^）)]*[）)])$", "$1")
                  : null;
          int at = pending == null ? lineStart : pendingAt;
          boolean placed = line.startsWith("\t") || tail != null || nextIsRemark(text, lineEnd);
          if (isBody(name) && placed && name.codePoints().allMatch(UnitReader::nameChar)) {
            String written = tail == null ? null : tail.substring(1, tail.length() - 1);
            String n = written == null ? null : nature(written.replaceFirst("^(?:下属|所属|直属)", ""));
            units.add(new Unit(name, n, n == null ? null : written, false, at, lineEnd));
            pending = null;
            lastEnd = lineEnd;
            lineStart = lineEnd + 1;
            continue;
          }
          if (pending == null
              && name.length() < 40
              && name.codePoints().allMatch(UnitReader::nameChar)) {
            pending = name;
            pendingAt = lineStart;
            lineStart = lineEnd + 1;
            continue;
          }
        }
        break;
      }
      pending = null;
      int nameAt = text.indexOf(cells.get(1), lineStart);
      Unit u = unit(text, nameAt, nameAt + cells.get(1).length());
      if (u == null) break;
      String natureCell = null;
      if (natureCol > 1 && natureCol < cells.size()) natureCell = cells.get(natureCol);
      else if (cells.size() > 2 && NATURE.matcher(cells.get(cells.size() - 1)).matches())
        natureCell = cells.get(cells.size() - 1);
      if (natureCell != null && nature(natureCell) != null)
        u = new Unit(u.name(), nature(natureCell), natureCell, u.self(), u.start(), lineEnd);
      units.add(u);
      expect++;
      lastEnd = lineEnd;
      lineStart = lineEnd + 1;
    }
    if (units.isEmpty()) return null;
    return new UnitReading("table", units, null, staff, start, lastEnd);
  }

  /** Whether the line after {@code lineEnd} is a bracketed remark alone ({@code （下属事业单位）}). */
  private static boolean nextIsRemark(String text, int lineEnd) {
    if (lineEnd >= text.length()) return false;
    return REMARK
        .matcher(text.substring(lineEnd + 1, endOfLine(text, lineEnd + 1)).strip())
        .matches();
  }

  private static List<String> cells(String line) {
    List<String> out = new ArrayList<>();
    for (String c : line.strip().split("\\t+|\\s{2,}|(?<=^\\d{1,3})\\s+"))
      if (!c.isBlank()) out.add(c.strip());
    return out;
  }

  /** The count the passage states ({@code 共计 8 家}, {@code 12个下属单位}), before or in it. */
  private static UnitReading withCount(UnitReading r, String text, int start, int end) {
    // the list's own sentence first (预算单位共 3 家，包括：…), then the one before it (共 21家基层单位。)
    UnitReading own = countIn(r, text, start, Math.max(end, start));
    if (own.stated() != null) return own;
    // the sentence before: back past the full stop ending it (and the line break after that)
    int p = Math.min(start, text.length()) - 1;
    while (p > 0 && Character.isWhitespace(text.charAt(p))) p--;
    if (p >= 0 && text.charAt(p) == '。') p--;
    int from = p < 0 ? 0 : text.lastIndexOf('。', p) + 1;
    from = Math.max(from, start - 300);
    return countIn(r, text, from, Math.max(end, start));
  }

  private static UnitReading countIn(UnitReading r, String text, int from, int end) {
    String passage = text.substring(from, Math.min(text.length(), end));
    Count count = null;
    Matcher m = COUNT.matcher(passage);
    while (m.find()) {
      String between = m.group(3);
      if (between.contains("科室") || between.contains("处室") || between.contains("内设")) continue;
      int n = number(m.group(2));
      if (n <= 0) continue;
      count =
          new Count(
              n, under(m.group(1) + between), m.group().strip(), from + m.start(), from + m.end());
      break;
    }
    // 预算单位共计 8 家: the count after the word
    Matcher after = COUNT_AFTER.matcher(passage);
    while (after.find()) {
      if (count != null && from + after.start() > count.start()) break;
      int n = number(after.group(2));
      if (n <= 0) continue;
      count =
          new Count(
              n,
              under(after.group(1)),
              after.group().strip(),
              from + after.start(),
              from + after.end());
      break;
    }
    return new UnitReading(r.layout(), r.units(), count, r.staff(), r.start(), r.end());
  }

  private static boolean under(String words) {
    // 基层单位 counts the body's own too (深圳: 某局（本级）… 共 21家基层单位, all 21 listed)
    return words.contains("下属")
        || words.contains("二级")
        || words.contains("所属")
        || words.contains("直属");
  }

  private static int number(String s) {
    if (s.chars().allMatch(Character::isDigit)) return Integer.parseInt(s);
    String digits = "一二三四五六七八九";
    if (s.equals("十")) return 10;
    if (s.length() == 1) return digits.indexOf(s.charAt(0)) + 1;
    if (s.length() == 2 && s.charAt(0) == '十') return 10 + digits.indexOf(s.charAt(1)) + 1;
    if (s.length() == 2 && s.charAt(1) == '十') return (digits.indexOf(s.charAt(0)) + 1) * 10;
    if (s.length() == 3 && s.charAt(1) == '十')
      return (digits.indexOf(s.charAt(0)) + 1) * 10 + digits.indexOf(s.charAt(2)) + 1;
    return -1;
  }

  /** A unit's own report: {@code 某中心是某局下属全额拨款事业单位。} */
  private static UnitReading self(String text, List<Staff> staff) {
    // a unit's report says what it is among its first pages
    Matcher m =
        SELF_STARTS.first(text.length() > SELF_WITHIN ? text.substring(0, SELF_WITHIN) : text);
    if (m == null) return null;
    String name = m.group(1);
    if (!isBody(name)) return null;
    String written = m.group(3).replaceFirst("^的", "");
    Unit u = new Unit(name, nature(written), written, true, m.start(1), m.end());
    return new UnitReading("self", List.of(u), null, staff, m.start(), m.end());
  }

  /**
   * The posts by kind ({@code 行政编制333人}, {@code 事业编制137人}), the first of each label: what kinds of
   * body the report covers. The totals (编制数, 实有人数) are figures, read by {@code indicators}.
   */
  static List<Staff> staff(String text) {
    List<Staff> out = new ArrayList<>();
    org.gongkai.text.Starts.Scan m = STAFF_STARTS.in(text);
    while (out.size() < 20 && m.find()) {
      String label = m.group(1);
      if (out.stream().anyMatch(s -> s.label().equals(label))) continue;
      out.add(new Staff(label, Integer.parseInt(m.group(2)), m.start(), m.end()));
    }
    return out;
  }
}
