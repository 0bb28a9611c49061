package org.gongkai.indicators;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.model.Completeness;
import org.gongkai.model.Completeness.Entry;
import org.gongkai.model.Completeness.State;
import org.gongkai.model.IndicatorFlag;
import org.gongkai.model.IndicatorFlag.Severity;
import org.gongkai.model.Quote;
import org.gongkai.model.ReportKind;
import org.gongkai.model.Scope;
import org.gongkai.text.Starts;

/**
 * Which standard tables a report discloses. A 部门决算 has nine (公开01–09表: 收入支出决算总表 … 财政拨款“三公”经费支出决算表);
 * a 部门预算 the nine of the 财政部 template (部门收支总表 … 国有资本经营预算支出表). Each is looked for by its name on a
 * line of its own (a title: short, the name its last words, maybe with its year, its number and
 * words a city's template adds: 一般公共预算支出<b>功能分类</b>预算表, 一般公共预算<b>拨款</b>支出预算表); what follows the
 * title decides its state — rows of figures: present; a statement that it is empty ({@code 本表无数据},
 * {@code 空表}, {@code 本部门当年无政府性基金…支出}): declared empty; its header and no rows: empty without saying
 * so; neither: only named (a list of the tables, a picture). A table the report's text says it has
 * nothing for, anywhere ({@code 本部门无国有资本经营预算财政拨款支出}), is declared empty. Pure: text in,
 * completeness out.
 */
public final class CompletenessChecker {

  /** A standard table: its number, name, how its title is written, and what its figures are of. */
  private record Standard(String number, String name, Pattern pattern, Pattern subject) {}

  private static Standard std(String number, String name, String pattern, String subject) {
    return new Standard(
        number, name, Pattern.compile(pattern), subject == null ? null : Pattern.compile(subject));
  }

  /** Words a template may add inside a table's name before 表: 功能分类, 经济分类, 明细, 预算, (功能科目). */
  private static final String REST = "[^，。；表\\n]{0,16}表";

  private static final List<Standard> FINAL =
      List.of(
          std("01", "收入支出决算总表", "(?<!拨款)收入?、?支出?决算总表|(?<!拨款)收支决算总表", null),
          std("02", "收入决算表", "(?<![款算金])收入决算表", null),
          std("03", "支出决算表", "(?<![款费营本算金入])支出决算(?:明细)?表", null),
          std("04", "财政拨款收入支出决算总表", "财政拨款收入?、?支出?决算总表|财政拨款收支决算总表", null),
          std(
              "05",
              "一般公共预算财政拨款支出决算表",
              "一般公共预算(?:财政拨款)?(?:收入)?支出决算(?:明细)?表|一般公共预算财政拨款(?:收入)?支出(?!.{0,4}基本)" + REST,
              null),
          std("06", "一般公共预算财政拨款基本支出决算表", "一般公共预算财政拨款基本支出" + REST, null),
          std("07", "政府性基金预算财政拨款收入支出决算表", "政府性基金预算财政拨款(?:收入)?支出" + REST, "政府性基金"),
          std("08", "国有资本经营预算财政拨款支出决算表", "国有资本经营预算财政拨款(?:收入)?支出" + REST, "国有资本经营"),
          std("09", "财政拨款“三公”经费支出决算表", "三公[”\"]?经费.{0,12}决算" + REST, "三公"));

  private static final List<Standard> BUDGET =
      List.of(
          std("01", "部门收支总表", "(?<!拨款)收支(?:预算)?总表|(?<!拨款)收支总体情况表", null),
          // a template's 部门综合预算收入总表 / 支出总表 (all the department's money) are the same tables
          std("02", "部门收入总表", "(?<![款算金])收入(?:预算)?总?表|(?<!拨款)收入总体情况表|综合预算收入总?表", null),
          std("03", "部门支出总表", "(?<![款费营本算金])支出(?:预算)?总?表|(?<!拨款)支出总体情况表|综合预算支出总?表", null),
          std("04", "财政拨款收支总表", "财政拨款收支(?:预算)?总表|财政拨款收支总体情况表", null),
          std(
              "05",
              "一般公共预算支出表",
              "一般公共预算(?:拨款|财政拨款)?支出(?!.{0,4}基本)" + REST + "|(?<!性基金)财政拨款支出预算表",
              null),
          std("06", "一般公共预算基本支出表", "(?:一般公共预算)?(?:拨款|财政拨款)?基本支出" + REST, null),
          std("07", "一般公共预算“三公”经费支出表", "三公[”\"]?经费" + REST, "三公"),
          std("08", "政府性基金预算支出表", "政府性基金(?:预算)?(?:拨款|财政拨款)?(?:收入)?支出" + REST, "政府性基金"),
          std("09", "国有资本经营预算支出表", "国有资本经营(?:预算)?(?:拨款|财政拨款)?(?:收入)?支出" + REST, "国有资本经营"));

  /** A statement that a table is empty. */
  private static final Pattern EMPTY =
      Pattern.compile(
          "本表无数据|空表|无数据|(?:本|该)(?:部门|单位)(?:当年|本年度?|\\d{4}年度?)?(?:没有|无|未安排|不涉及)"
              + "|(?:当年|本年度?)(?:没有|无).{0,30}(?:收入|支出|经费)|不涉及");

  /** A sentence saying the report has nothing of a kind of money: 无…政府性基金…支出, …为0. */
  private static final String NOTHING =
      "(?:没有|无|未安排|不涉及|未发生)[^。；\\n]{0,30}?%s|%s[^。；\\n]{0,30}?(?:为0(?:\\.0+)?(?:万元)?[，。；]|为零|无)";

  /** A part of the report: 第三部分 …. */
  private static final Pattern PART = Pattern.compile("第[一二三四五六七八九十]+部分");

  /** A line of a table's rows: tab-separated figures, or two figures. */
  private static final Pattern FIGURES =
      Pattern.compile("\\d[\\d,]*\\.\\d+|\\t-?\\d[\\d,]*(?:\\t|$)|\\d[\\d,]*(?:\\.\\d+)?\\s+-?\\d");

  /** A table's header line: the words of its columns. */
  private static final Pattern HEADER =
      Pattern.compile("合计|项目|科目|预算数|决算数|金额|小计|单位[:：]|编制(?:部门|单位)|类\\s*款|功能分类|经济分类|\\t");

  /**
   * How many lines below a title its rows or its empty statement are looked for (a PDF's header
   * cells may stand a line each).
   */
  private static final int BELOW = 60;

  /** The last character of a title, put on a line of its own: {@code 表}, {@code 表（续）}. */
  private static final java.util.regex.Pattern LAST_CHARACTER =
      java.util.regex.Pattern.compile("表\\s*(?:[（(].{0,10}[)）])?");

  public Completeness check(ReportKind kind, String text) {
    List<Standard> set =
        kind == ReportKind.FINAL_ACCOUNTS ? FINAL : kind == ReportKind.BUDGET ? BUDGET : null;
    if (set == null) return Completeness.NONE;
    String[] lines = text.split("\n", -1);
    int[] starts = new int[lines.length];
    for (int i = 1; i < lines.length; i++) starts[i] = starts[i - 1] + lines[i - 1].length() + 1;
    // the lines as captions are looked for in them, made once for every standard table
    String[] captions = new String[lines.length];
    for (int i = 0; i < lines.length; i++) {
      // a caption, however a PDF laid it out (部门：\t公开 04 表：财政拨款收支预算总表江苏省人民检察院\t单位：万元)
      String line = lines[i].replace('\t', ' ').strip();
      // a title whose last character a PDF put on the next line (…支出预算 / 表)
      if (i + 1 < lines.length && LAST_CHARACTER.matcher(lines[i + 1].strip()).matches())
        line = line + lines[i + 1].strip();
      // (every standard table's title ends in 表: a line without it is no title)
      captions[i] = line.length() > 80 || line.contains("。") || line.indexOf('表') < 0 ? null : line;
    }
    List<Entry> out = new ArrayList<>();
    for (Standard s : set) {
      State best = State.MISSING;
      int at = -1;
      for (int i = 0; i < lines.length; i++) {
        String line = captions[i];
        if (line == null) continue;
        Matcher m = s.pattern().matcher(line);
        if (!m.find() || !endsCaption(line.substring(m.end()))) continue;
        State state = below(lines, i);
        if (rank(state) > rank(best)) {
          best = state;
          at = starts[i] + Math.max(0, lines[i].indexOf(line));
        }
      }
      // a table the text says it has nothing for is empty by the report's own word
      if ((best == State.MISSING || best == State.NAMED || best == State.HEADER_ONLY)
          && s.subject() != null
          && saysNothing(text, s.subject().pattern())) best = State.EMPTY;
      out.add(new Entry(s.number(), s.name(), best, at));
    }
    return new Completeness(out);
  }

  private static boolean saysNothing(String text, String subject) {
    return NOTHING_ABOUT
            .computeIfAbsent(
                subject,
                s ->
                    // each wording opens with a word of nothing or the subject's first character (a
                    // subject written out): only there is either wording tried
                    new Starts(Pattern.compile(String.format(NOTHING, s, s)), "没无未不" + s.charAt(0)))
            .first(text)
        != null;
  }

  /** {@link #NOTHING} for each subject, compiled once. */
  private static final java.util.Map<String, Starts> NOTHING_ABOUT =
      new java.util.concurrent.ConcurrentHashMap<>();

  // (compiled once: String.matches compiles its pattern at every call)
  private static final Pattern NUMBERED_TABLE =
      Pattern.compile("(?:公开)?\\s*[0-9０-９一二三四五六七八九十]{1,3}\\s*表");
  private static final Pattern LIST_LINE =
      Pattern.compile("^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\\d+[.、．]).*");
  private static final Pattern NOT_A_CAPTION = Pattern.compile(".*(?:说明|情况|反映|详见|见附|如下|[，。；]).*");

  /**
   * Whether what follows a table's name on its line is a caption's (its number, issuer, unit, year)
   * and not more words of a sentence or a heading about the table ({@code …总表情况说明}).
   */
  private static boolean endsCaption(String rest) {
    return !NOT_A_CAPTION.matcher(rest).matches();
  }

  /**
   * What the lines below a title hold, up to the next title: rows (present), a statement that the
   * table is empty, its header alone (empty without saying so), or nothing (only named: a list of
   * the tables' names, a picture).
   */
  private static State below(String[] lines, int title) {
    int header = 0;
    for (int k = title + 1; k < Math.min(lines.length, title + 1 + BELOW); k++) {
      String l = lines[k].strip();
      if (l.isEmpty()) continue;
      if (EMPTY.matcher(l).find()) return State.EMPTY;
      // the report's next part, or its prose (whose numbers are not the table's rows)
      if (PART.matcher(l).lookingAt() || l.contains("。") || l.length() > 40 && l.contains("，"))
        break;
      if (FIGURES.matcher(l).find()) return State.PRESENT;
      if (l.length() <= 40 && l.endsWith("表") && !NUMBERED_TABLE.matcher(l).matches())
        break; // the next table's title
      if (LIST_LINE.matcher(l).matches() && header == 0)
        break; // the next line of a list of the tables' names
      if (HEADER.matcher(l).find() && !l.contains("。")) header++;
    }
    return header >= 2 ? State.HEADER_ONLY : State.NAMED;
  }

  private static int rank(State s) {
    return switch (s) {
      case PRESENT -> 4;
      case EMPTY -> 3;
      case HEADER_ONLY -> 2;
      case NAMED -> 1;
      case MISSING -> 0;
    };
  }

  /**
   * A flag for each standard table the report neither discloses nor declares empty: {@code
   * missing_table} when it does not mention it, {@code named_table} when it names it without its
   * rows (quoting where), {@code empty_table} when its header stands with no rows and nothing says
   * the table is empty.
   */
  public static List<IndicatorFlag> flags(Completeness c) {
    return flags(c, null);
  }

  /**
   * The flags of {@link #flags(Completeness)}, quoting the text where a table is named; an empty
   * “三公” table beside words that give the figure it should hold ({@code “三公”经费…0.95万元}) is a
   * contradiction ({@code empty_table_figures}).
   */
  public static List<IndicatorFlag> flags(
      Completeness c, String text, List<org.gongkai.model.IndicatorValue> values) {
    List<IndicatorFlag> out = flags(c, text);
    // a report of another set of tables (a county's 三公 summary, a university's) is not read by
    // this one's
    if (!c.followsStandardSet()) return out;
    for (Entry e : c.tables()) {
      boolean threePublic = e.name().contains("三公");
      // a table with no rows: only its header, or said to be empty (one only named may be a
      // picture, or published apart: its rows are not known to be missing)
      boolean noRows = e.state() == State.HEADER_ONLY || e.state() == State.EMPTY;
      if (!threePublic || !noRows) continue;
      for (org.gongkai.model.IndicatorValue v : values) {
        // the words give an amount (its budget or its actual) the table should hold
        if (v.indicator().equals(Indicator.THREE_PUBLIC.id)
            && v.sourceKind() == org.gongkai.model.SourceKind.TEXT
            && v.valueWan() != null
            && v.valueWan() > 0) {
          out.removeIf(f -> f.args().equals(List.of(e.name())));
          out.add(
              new IndicatorFlag(
                  "completeness",
                  "empty_table_figures",
                  List.of(e.name(), v.asWritten()),
                  List.of(v),
                  Severity.ERROR,
                  List.of()));
          break;
        }
      }
    }
    return out;
  }

  /**
   * The flags of {@link #flags(Completeness, String, List)}, and a table of one kind of money
   * (政府性基金, 国有资本经营) the report declares empty ({@code 本部门无政府性基金预算…故本表无数据}, or its words saying it
   * has none of that money) while it states an amount of that money for its own year ({@code
   * empty_table_money}): a row of a summary table whose side adds up (二、政府性基金预算拨款收入 770.00), or a
   * figure of that money it states ({@code 政府性基金拨款支出预算21,502万元}). Two statements of the report,
   * each read on its own: a stale note copied from last year's report, or an amount that should not
   * be there.
   */
  public static List<IndicatorFlag> flags(
      Completeness c, String text, List<org.gongkai.model.IndicatorValue> values, ReportKind kind) {
    List<IndicatorFlag> out = flags(c, text, values);
    if (!c.followsStandardSet() || text == null) return out;
    org.gongkai.model.Role own = org.gongkai.model.Role.ownFigure(kind);
    List<Ledger> ledgers = null;
    for (Entry e : c.tables()) {
      if (e.state() != State.EMPTY) continue;
      Money money = Money.of(e.name(), own);
      if (money == null) continue;
      if (ledgers == null) ledgers = Ledger.read(text, Layout.of(text), own);
      Quote said = declaration(text, e, money);
      Quote stated = statedAmount(text, money, values, ledgers, own);
      if (said == null || stated == null) continue;
      out.removeIf(f -> f.args().equals(List.of(e.name())));
      out.add(
          new IndicatorFlag(
              "completeness",
              "empty_table_money",
              List.of(e.name(), said.text(), stated.text().replaceAll("\\s+", " ").strip()),
              List.of(),
              Severity.ERROR,
              List.of(said, stated)));
    }
    return out;
  }

  /**
   * The money a standard table is of, as a note about it and the summary tables' rows name it
   * ({@code labels}) and as a figure's scope says it ({@code funds}).
   */
  private record Money(List<String> labels, java.util.Set<Scope.Funds> funds, Pattern note) {

    /**
     * The money of the table named {@code name}: a fund's table, the 财政拨款 summary table (all three
     * budgets' appropriations), and — in a budget, whose appropriations are for spending that year
     * — the 一般公共预算 spending table; null for the others (the “三公” table has its own check).
     */
    static Money of(String name, org.gongkai.model.Role own) {
      if (name.contains("三公") || name.contains("基本支出")) return null;
      if (name.contains("政府性基金"))
        return new Money(List.of("政府性基金"), java.util.Set.of(Scope.Funds.FUND), only("政府性基金"));
      if (name.contains("国有资本经营"))
        return new Money(
            List.of("国有资本经营"), java.util.Set.of(Scope.Funds.STATE_CAPITAL), only("国有资本经营"));
      if (name.startsWith("财政拨款收"))
        return new Money(
            List.of("财政拨款", "一般公共预算", "政府性基金", "国有资本经营"),
            java.util.Set.of(
                Scope.Funds.FISCAL,
                Scope.Funds.GENERAL,
                Scope.Funds.FUND,
                Scope.Funds.STATE_CAPITAL),
            only("(?<!预算)财政拨款"));
      if (name.startsWith("一般公共预算") && own == org.gongkai.model.Role.PLANNED)
        return new Money(List.of("一般公共预算"), java.util.Set.of(Scope.Funds.GENERAL), only("一般公共预算"));
      return null;
    }

    /** A note naming {@code money} and no other budget's money. */
    private static Pattern only(String money) {
      return Pattern.compile(money);
    }

    /**
     * Whether a note speaks of this money, all of it: it names it, and no budget's money the name
     * does not hold (a 财政拨款 table's note of 政府性基金 alone is about a part of it).
     */
    boolean noteOf(String said) {
      if (!note.matcher(said).find()) return false;
      for (String other : List.of("一般公共预算", "政府性基金", "国有资本经营"))
        if (said.contains(other) && !note.pattern().contains(other)) return false;
      return true;
    }

    boolean named(String words) {
      for (String l : labels) if (words.contains(l)) return true;
      return false;
    }
  }

  /** Words of carried money, not the year's own: 上年结转, 年末结余. */
  private static final Pattern CARRIED = Pattern.compile("结转|结余|上年|年初|年末");

  /**
   * Where the report states an amount of {@code money} for its own year, above nothing: the item of
   * a summary table's side that adds up (one of its sources, or a source's part whose siblings make
   * it), else a figure read from its words or a table (not computed, not a candidate, no carry-over
   * in it). The item's label and amount as quoted.
   */
  private static Quote statedAmount(
      String text,
      Money money,
      List<org.gongkai.model.IndicatorValue> values,
      List<Ledger> ledgers,
      org.gongkai.model.Role own) {
    for (Ledger l : ledgers) {
      if (twoYears(text, l)) continue;
      for (List<Ledger.Item> side : List.of(l.income, l.spending)) {
        boolean partsHold = l.partsAddUp(side);
        for (int i = 0; i < side.size(); i++) {
          Ledger.Item it = side.get(i);
          if (it.amount() == null || it.amount().signum() <= 0) continue;
          if (!money.named(it.label()) || CARRIED.matcher(it.label()).find()) continue;
          boolean proven =
              it.kind() == Ledger.Kind.PART
                  ? partsHold
                  : it.kind() == Ledger.Kind.SUB && subOf(side, i);
          if (!proven) continue;
          // from its label (a two-sided table's line holds the other side's item too)
          int line = text.lastIndexOf('\n', it.start()) + 1;
          int from = text.lastIndexOf(it.label(), it.start());
          if (from < line) from = line;
          return new Quote(text.substring(from, it.end()), from, it.end());
        }
      }
    }
    for (org.gongkai.model.IndicatorValue v : values) {
      if (!money.funds().contains(v.scope().funds())
          || v.scope().period() != Scope.Period.CURRENT
          || v.role() != own
          || v.sourceKind() == org.gongkai.model.SourceKind.DERIVED
          || v.candidate()
          || v.includesCarryOver()
          || v.valueWan() == null
          || v.valueWan() <= 0
          || v.start() < 0
          || v.end() > text.length()) continue;
      // from its clause's start (政府性基金拨款支出预算21,502万元)
      int from = v.start();
      while (from > 0 && v.start() - from < 60 && "；。，;\n".indexOf(text.charAt(from - 1)) < 0)
        from--;
      return new Quote(text.substring(from, v.end()), from, v.end());
    }
    return null;
  }

  private static final Pattern YEAR = Pattern.compile("(20[0-9]{2})\\s*年|上年");

  /**
   * Whether a ledger's header (its title to its first row) names two years or the year before: its
   * amounts may be read from another year's column.
   */
  private static boolean twoYears(String text, Ledger l) {
    int first = Integer.MAX_VALUE;
    for (Ledger.Item it : l.income) if (it.amount() != null) first = Math.min(first, it.start());
    for (Ledger.Item it : l.spending) if (it.amount() != null) first = Math.min(first, it.start());
    // (the header's lines: from the title to the line of the first amount)
    int from = Math.max(0, l.region.start());
    int to = first == Integer.MAX_VALUE ? l.region.firstRow() : text.lastIndexOf('\n', first) + 1;
    to = Math.min(text.length(), to);
    if (to <= from) return false;
    Matcher m = YEAR.matcher(text.substring(from, to));
    java.util.Set<String> years = new java.util.HashSet<>();
    while (m.find()) {
      if (m.group(1) == null) return true;
      years.add(m.group(1));
    }
    return years.size() > 1;
  }

  /**
   * Whether item {@code i}, a part of a source ({@code 2、政府性基金预算} under {@code 一、财政拨款收入}), is
   * proven by its siblings making that source.
   */
  private static boolean subOf(List<Ledger.Item> side, int i) {
    int head = i;
    while (head >= 0 && side.get(head).kind() != Ledger.Kind.PART) head--;
    if (head < 0) return false;
    List<Ledger.Item> rows = new ArrayList<>();
    rows.add(side.get(head));
    for (int k = head + 1; k < side.size() && side.get(k).kind() == Ledger.Kind.SUB; k++) {
      Ledger.Item it = side.get(k);
      if (it.amount() != null) rows.add(it);
    }
    return rows.size() >= 3 && Ledger.breaksDown(rows);
  }

  /**
   * Where the report declares table {@code e} empty under its own title: the line below it (as far
   * as {@link #below} reads) that says so and speaks of the table or of {@code money}, stating no
   * amount itself ({@code 注：本部门无政府性基金预算…故本表无数据}). Null where the table is empty only by the words
   * elsewhere (they may speak of a part of the money, or of a table printed as a picture).
   */
  private static Quote declaration(String text, Entry e, Money money) {
    if (e.start() < 0 || e.start() >= text.length()) return null;
    int title = text.lastIndexOf('\n', e.start()) + 1;
    String[] lines = text.substring(title).split("\n", BELOW + 2);
    if (below(lines, 0) != State.EMPTY) return null;
    int from = title + lines[0].length() + 1;
    for (int k = 1; k < lines.length && k <= BELOW; k++) {
      String line = lines[k];
      if (EMPTY.matcher(line).find()) {
        String said = line.strip();
        // of the table's own money, all of it (not one budget's part of 财政拨款, not a carry-over),
        // stating no amount
        if (!money.noteOf(said) || CARRIED.matcher(said).find() || positiveAmount(said))
          return null;
        // and no rows after it: a note on a part of a table whose rows follow is no empty table
        for (int j = k + 1; j < lines.length && j <= BELOW + 1; j++) {
          String l = lines[j].strip();
          if (PART.matcher(l).lookingAt()
              || l.length() <= 40 && l.contains("表") && !l.contains("注"))
            break; // the next part or table
          if (FIGURES.matcher(l).find() && !l.contains("。")) return null;
        }
        int lead = line.length() - line.stripLeading().length();
        return new Quote(said, from + lead, from + lead + said.length());
      }
      from += line.length() + 1;
    }
    return null;
  }

  private static final Pattern AMOUNT_IN_NOTE = Pattern.compile("[0-9][0-9,]*(?:\\.[0-9]+)?");

  /** Whether a line states a positive amount (a year is no amount). */
  private static boolean positiveAmount(String line) {
    Matcher m = AMOUNT_IN_NOTE.matcher(line);
    while (m.find()) {
      if (m.end() < line.length() && line.charAt(m.end()) == '年') continue;
      try {
        if (new java.math.BigDecimal(m.group().replace(",", "")).signum() > 0) return true;
      } catch (NumberFormatException ignored) {
        // not a number
      }
    }
    return false;
  }

  /** The flags of {@link #flags(Completeness)}, quoting the text where a table is named. */
  public static List<IndicatorFlag> flags(Completeness c, String text) {
    List<IndicatorFlag> out = new ArrayList<>();
    // a report that follows another set of tables (a university's, an older template) is not
    // flagged for lacking this one's: undecided, not wrong
    if (!c.followsStandardSet()) return out;
    // a report that names its tables and shows the rows of none of them publishes them apart (as
    // pictures, or another file): one notice says so, not one per table
    List<Entry> named = c.in(State.NAMED);
    boolean apart = named.size() * 2 > c.tables().size() && c.in(State.PRESENT).isEmpty();
    if (apart)
      out.add(
          new IndicatorFlag(
              "completeness",
              "tables_apart",
              List.of(String.valueOf(named.size())),
              List.of(),
              Severity.NOTICE,
              List.of()));
    // one table of the set not mentioned at all is a report following a set of its year or place
    // that lacks it (an older template's eight); two or more, tables left out
    boolean missing = c.in(State.MISSING).size() >= 2;
    for (Entry e : c.tables()) {
      if (apart && e.state() == State.NAMED) continue;
      if (e.state() == State.MISSING && !missing) continue;
      List<Quote> where = new ArrayList<>();
      if (text != null && e.start() >= 0) {
        int end = text.indexOf('\n', e.start());
        String line = text.substring(e.start(), end < 0 ? text.length() : end).strip();
        where.add(new Quote(line, e.start(), e.start() + line.length()));
      }
      if (e.state() == State.MISSING)
        out.add(new IndicatorFlag("completeness", "missing_table", List.of(e.name()), List.of()));
      else if (e.state() == State.NAMED)
        out.add(
            new IndicatorFlag(
                "completeness",
                "named_table",
                List.of(e.name()),
                List.of(),
                Severity.NOTICE,
                where));
      else if (e.state() == State.HEADER_ONLY)
        out.add(
            new IndicatorFlag(
                "completeness",
                "empty_table",
                List.of(e.name()),
                List.of(),
                Severity.NOTICE,
                where));
    }
    return out;
  }
}
