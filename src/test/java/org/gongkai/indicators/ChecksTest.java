package org.gongkai.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gongkai.TestSupport;
import org.gongkai.model.IndicatorFlag;
import org.gongkai.model.IndicatorValue;
import org.gongkai.model.Quote;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each family of checks on one small final account written for the purpose (a county library's,
 * every standard table present and agreeing): the report as written raises no flag, and each error
 * planted in it raises exactly the flags listed — code, severity, arguments and the passages quoted
 * — through the whole pipeline, as a journalist's file would go.
 */
public class ChecksTest {

  static final Path REPORT = Path.of("src/test/resources/fixtures/checks/library-2024-final.txt");

  @TempDir Path dir;

  private int n;

  /** The flags of the report with each {@code replace[i]} put for {@code replace[i - 1]}. */
  private List<String> flags(String... replace) throws Exception {
    return flagsOf(REPORT, replace);
  }

  /**
   * The flags of {@code report} with each {@code replace[i]} put for {@code replace[i - 1]}, its
   * files written in {@code dir}: for the tests of other fixtures, worded and checked as here.
   */
  public static List<String> flagsIn(Path dir, Path report, String... replace) throws Exception {
    ChecksTest checks = new ChecksTest();
    checks.dir = dir;
    return checks.flagsOf(report, replace);
  }

  /** The flags of {@code report} with each {@code replace[i]} put for {@code replace[i - 1]}. */
  List<String> flagsOf(Path report, String... replace) throws Exception {
    String text = Files.readString(report);
    for (int i = 0; i < replace.length; i += 2) {
      if (!text.contains(replace[i])) throw new AssertionError("not in the report: " + replace[i]);
      text = text.replace(replace[i], replace[i + 1]);
    }
    Path file = dir.resolve("report-" + n++ + ".txt");
    Files.writeString(file, text);
    List<String> out = new ArrayList<>();
    var ingested = TestSupport.ingestor().ingest(file);
    String clean = ingested.document().text();
    for (IndicatorFlag f : ingested.flags()) {
      StringBuilder sb =
          new StringBuilder(f.code()).append(' ').append(f.severity()).append(' ').append(f.args());
      if (!f.evidence().isEmpty()) sb.append(" evidence").append(f.evidence());
      for (Quote q : f.quotes()) {
        sb.append(" «").append(q.text().replace('\t', ' ')).append('»');
        // a quote points at its passage of the clean text (the words around it may be quoted too)
        String at = clean.substring(q.start(), q.end()).replaceAll("\\s", "");
        String quoted = q.text().replaceAll("\\s", "");
        assertEquals(
            true,
            quoted.contains(at) || at.contains(quoted),
            f.code() + ": " + at + " / " + quoted);
      }
      out.add(sb.toString());
    }
    return out;
  }

  @Test
  void theReportAsWrittenRaisesNoFlag() throws Exception {
    assertEquals(List.of(), flags());
  }

  // ---- 5. the report against itself

  @Test
  void aPartHeadingNamingAnotherYear() throws Exception {
    assertEquals(
        List.of(
            "heading_year WARNING [第三部分示例县图书馆2023年度部门决算情况说明, 2023, 2024]"
                + " «第三部分示例县图书馆2023年度部门决算情况说明»"),
        flags("第三部分 示例县图书馆2024年度部门决算情况说明\n一、收入", "第三部分 示例县图书馆2023年度部门决算情况说明\n一、收入"));
  }

  @Test
  void anAsOfDateOfTheYearBeforeButNotALaterOne() throws Exception {
    assertEquals(
        List.of("as_of_year WARNING [截至2023年12月31日, 2023, 2024] «截至2023年12月31日»"),
        flags("截至2024年12月31日", "截至2023年12月31日"));
    // what was mended since the year's end is told by right
    assertEquals(List.of(), flags("共有车辆0辆。", "共有车辆0辆。截至2025年3月31日已全部整改。"));
  }

  @Test
  void aPlaceholderAnotherIssuerALostDigitAndDoubledStops() throws Exception {
    assertEquals(
        List.of("placeholder WARNING [XX, 1] «第一部分 XX局概况»"),
        flags("第一部分 示例县图书馆概况\n一、", "第一部分 XX局概况\n一、"));
    assertEquals(
        List.of("heading_issuer WARNING [第一部分示例县文化馆概况, 示例县文化馆, 示例县图书馆] «第一部分示例县文化馆概况»"),
        flags("第一部分 示例县图书馆概况\n一、", "第一部分 示例县文化馆概况\n一、"));
    assertEquals(
        List.of("broken_year WARNING [第二部分示例县图书馆202 年度部门决算表, 1] «第二部分示例县图书馆202 年度部门决算表»"),
        flags("第二部分 示例县图书馆2024年度部门决算表\n收入支出", "第二部分 示例县图书馆202 年度部门决算表\n收入支出"));
    assertEquals(
        List.of("doubled_punctuation NOTICE [1] «的收藏、借阅和阅读推广，组织全民阅读活动。。»"),
        flags("组织全民阅读活动。", "组织全民阅读活动。。"));
  }

  // ---- 2. wording against numbers

  @Test
  void wordsThatSayMoreOrLessThanTheNumbers() throws Exception {
    String sentence = "2024年度一般公共预算财政拨款支出年初预算为330.00万元，支出决算为320.00万元，完成年初预算的96.97%。";
    assertEquals(
        List.of(
            "budget_actual WARNING [330.00万元, 320.00万元, 决算数大于预算数] «"
                + sentence
                + "决算数大于预算数的主要原因是压减了一般性支出。»"),
        flags("96.97%。决算数小于预算数", "96.97%。决算数大于预算数"));
    assertEquals(
        List.of(
            "completion WARNING [330.00万元, 320.00万元, 完成年初预算的90.00%, 96.97] «"
                + sentence.replace("96.97", "90.00")
                + "»"),
        flags("完成年初预算的96.97%", "完成年初预算的90.00%"));
  }

  @Test
  void aChangeThatDoesNotFitItsAmountsOrIsAlsoCalledLevel() throws Exception {
    assertEquals(
        List.of(
            "change ERROR [figure:reception, 1, 增加0.20万元，增长20.00%, 0.8, 25.0]"
                + " evidence[1.00万元: text_and_table, three_items] «增加0.20万元，增长20.00%»"),
        flags("增长25.00%", "增长20.00%"));
    assertEquals(
        List.of(
            "change_and_level WARNING [增加0.20万元，与上年持平]"
                + " «其中公务接待费支出决算为1.00万元，比2023年度增加0.20万元，与上年持平。»"),
        flags("比2023年度增加0.20万元，增长25.00%", "比2023年度增加0.20万元，与上年持平"));
  }

  @Test
  void levelRoughlyOrANilChangeIsNotAContradiction() {
    String text = "本年支出合计比上年增长0.9%，与上年基本持平。机关运行经费比上年增长0.00%，与上年持平。" + "公务接待费比上年减少0.5万元，与上年持平。";
    assertEquals(
        List.of("change_and_level [减少0.5万元，与上年持平]"),
        WordingChecks.check(text, 2024).stream().map(f -> f.code() + " " + f.args()).toList());
  }

  // ---- 3. within a table; 4. across tables

  @Test
  void aRowWhoseTotalIsNotItsPartsAndAParentNotItsChildren() throws Exception {
    assertEquals(
        List.of(
            // one contradiction: the cell fails its row and its parent's column; the first said,
            // the
            // other counted, both listed
            "table_sum ERROR [一般公共预算财政拨款支出决算表, 20701 文化和旅游（项目支出） 50 ≠ 45, 1,"
                + " 20701 文化和旅游（项目支出） 50 ≠ 45；2070104 图书馆（合计 = 基本支出 + 项目支出） 50 ≠ 45]"
                + " evidence[207 文化旅游体育与传媒支出（合计） 300 = 300, 20701 文化和旅游（合计） 300 = 300,"
                + " 合计（合计） 320 = 320, 207 文化旅游体育与传媒支出（基本支出） 250 = 250,"
                + " 20701 文化和旅游（基本支出） 250 = 250, +10]"
                + " «20701 文化和旅游 300.00 250.00 50.00» «2070104 图书馆 50.00 0.00 45.00»"),
        flags("2070104\t图书馆\t50.00\t0.00\t50.00", "2070104\t图书馆\t50.00\t0.00\t45.00"));
  }

  @Test
  void twoContradictionsInOneTableAreTwoFlags() throws Exception {
    // a cell of 图书馆 and one of 基本养老保险缴费 are wrong: their sums share no row, so each is a flag
    List<String> flags =
        flags(
            "2070104\t图书馆\t50.00\t0.00\t50.00",
            "2070104\t图书馆\t50.00\t0.00\t45.00",
            "2080505\t机关事业单位基本养老保险缴费支出\t20.00\t20.00\t0.00",
            "2080505\t机关事业单位基本养老保险缴费支出\t20.00\t18.00\t0.00");
    assertEquals(2, flags.size(), flags.toString());
    assertTrue(
        flags.get(0).startsWith("table_sum ERROR [一般公共预算财政拨款支出决算表, 20701 文化和旅游（项目支出） 50 ≠ 45, 1,"),
        flags.get(0));
    assertTrue(
        flags.get(0).endsWith("«20701 文化和旅游 300.00 250.00 50.00» «2070104 图书馆 50.00 0.00 45.00»"));
    // (its parent 20805 is the table's last subject, still open where the table ends: not summed)
    assertTrue(
        flags
            .get(1)
            .startsWith(
                "table_sum ERROR [一般公共预算财政拨款支出决算表, 2080505 机关事业单位基本养老保险缴费支出（合计 = 基本支出 +"
                    + " 项目支出） 20 ≠ 18, 0, 2080505 机关事业单位基本养老保险缴费支出（合计 = 基本支出 + 项目支出） 20 ≠ 18]"),
        flags.get(1));
  }

  @Test
  void theSummaryTablesTwoGrandTotalsDifferOnce() throws Exception {
    assertEquals(
        List.of("summary_balance ERROR [收入支出决算总表, 330.00, 331.00] «总计 330.00 总计 331.00»"),
        flags("总计\t330.00\t总计\t330.00", "总计\t330.00\t总计\t331.00"));
  }

  // ---- 1. text against table

  @Test
  void theWordsAgainstTheirTable() throws Exception {
    assertEquals(
        List.of(
            "item_text_table ERROR [文化旅游体育与传媒支出/文化和旅游/图书馆, 52.00万元, 50.00]"
                + " «其中：文化旅游体育与传媒支出（类）文化和旅游（款）图书馆（项）。年初预算为55.00万元，支出决算为52.00万元。"
                + "决算数小于预算数的主要原因是采购节约。» «2070104 图书馆 50.00 0.00 50.00»"),
        flags("年初预算为55.00万元，支出决算为50.00万元", "年初预算为55.00万元，支出决算为52.00万元"));
    assertEquals(
        List.of(
            "stated_twice ERROR [figure:grand_total, role:ACTUAL, scope:whole/all/current, 330.00 / 340.00万元]"
                + " evidence[330.00: balance, carry_over, 330.00: stated_alike]"),
        flags("收、支总计均为330.00万元", "收、支总计均为340.00万元"));
  }

  // ---- 6. completeness

  @Test
  void emptyTablesMustSaySoAndNamedOnlyQuotesWhereItIsNamed() throws Exception {
    assertEquals(
        List.of("empty_table_figures ERROR [财政拨款“三公”经费支出决算表, 1.20万元]"),
        flags(
            "合计\t1.20\t1.00\n因公出国（境）费\t0.00\t0.00\n公务用车购置及运行费\t0.00\t0.00\n公务接待费\t1.20\t1.00\n",
            ""));
    assertEquals(
        List.of("empty_table NOTICE [政府性基金预算财政拨款收入支出决算表] «政府性基金预算财政拨款收入支出决算表»"),
        flags("注：示例县图书馆无政府性基金预算财政拨款收入支出，故本表无数据。\n", "项目\t本年收入\t本年支出\n"));
    String basic = Files.readString(REPORT);
    basic =
        basic.substring(
            basic.indexOf("一般公共预算财政拨款基本支出决算表\n单位"), basic.indexOf("政府性基金预算财政拨款收入支出决算表\n单位"));
    assertEquals(
        List.of("named_table NOTICE [一般公共预算财政拨款基本支出决算表] «六、一般公共预算财政拨款基本支出决算表»"), flags(basic, ""));
  }

  @Test
  void aTableDeclaredEmptyOfMoneyTheSummaryTableStates() throws Exception {
    // the note says the library has no 政府性基金 money; the summary table, its side adding up, states
    // 10.00 of it: the report says both
    assertEquals(
        List.of(
            "empty_table_money ERROR [政府性基金预算财政拨款收入支出决算表,"
                + " 注：示例县图书馆无政府性基金预算财政拨款收入支出，故本表无数据。, 二、政府性基金预算财政拨款收入 10.00]"
                + " «注：示例县图书馆无政府性基金预算财政拨款收入支出，故本表无数据。» «二、政府性基金预算财政拨款收入 10.00»"),
        flags("二、事业收入\t10.00", "二、政府性基金预算财政拨款收入\t10.00"));
    // the money as a part of a source (2、政府性基金预算 under 一、财政拨款收入) whose parts make it: stated
    String source = "一、一般公共预算财政拨款收入\t320.00\t一、文化旅游体育与传媒支出\t310.00\n";
    String parts = "一、财政拨款收入\t320.00\t一、文化旅游体育与传媒支出\t310.00\n1、一般公共预算\t310.00\n";
    assertEquals(
        List.of(
            "empty_table_money ERROR [政府性基金预算财政拨款收入支出决算表, 注：示例县图书馆无政府性基金预算财政拨款收入支出，故本表无数据。,"
                + " 2、政府性基金预算 10.00]"
                + " «注：示例县图书馆无政府性基金预算财政拨款收入支出，故本表无数据。» «2、政府性基金预算 10.00»"),
        flags(source, parts + "2、政府性基金预算\t10.00\n"));
    // parts that do not make their source: the part is not believed
    assertEquals(
        List.of(),
        flags(source, parts + "2、政府性基金预算\t15.00\n").stream()
            .filter(f -> f.startsWith("empty_table_money"))
            .toList());
    // the table empty only by the words elsewhere (a table printed as a picture may hold the
    // money):
    // not the table's own note, no contradiction said
    String note = "注：示例县图书馆无政府性基金预算财政拨款收入支出，故本表无数据。";
    assertEquals(
        List.of(),
        flags(
                "二、事业收入\t10.00",
                "二、政府性基金预算财政拨款收入\t10.00",
                note,
                "",
                "2024年度收、支总计均为330.00万元。",
                "2024年度收、支总计均为330.00万元。本馆无政府性基金预算财政拨款收入支出。")
            .stream()
            .filter(f -> f.startsWith("empty_table_money"))
            .toList());
    // a note under the title about something else (本单位无下属单位): not the table's
    assertEquals(
        List.of(),
        flags("二、事业收入\t10.00", "二、政府性基金预算财政拨款收入\t10.00", note, "注：本单位无下属单位。").stream()
            .filter(f -> f.startsWith("empty_table_money"))
            .toList());
    // the 财政拨款 summary table's note says the library used no appropriations; the summary table of
    // all its money, adding up, states 320.00 of them (the issue's own example)
    assertEquals(
        List.of(
            "empty_table_money ERROR [财政拨款收入支出决算总表, 注：本单位2024年度没有使用财政拨款收入和支出，故本表无数据。,"
                + " 一、一般公共预算财政拨款收入 320.00]"
                + " «注：本单位2024年度没有使用财政拨款收入和支出，故本表无数据。» «一、一般公共预算财政拨款收入 320.00»"),
        flags(
                "项目\t决算数\t项目\t决算数\n一、一般公共预算财政拨款\t320.00\t一、文化旅游体育与传媒支出\t300.00\n"
                    + "\t　\t二、社会保障和就业支出\t20.00\n本年收入合计\t320.00\t本年支出合计\t320.00\n"
                    + "总计\t320.00\t总计\t320.00\n",
                "注：本单位2024年度没有使用财政拨款收入和支出，故本表无数据。\n")
            .stream()
            .filter(f -> f.startsWith("empty_table_money"))
            .toList());
    // a note under the 财政拨款 table about one of its budgets (政府性基金) with the table's rows after it:
    // not an empty table, the rows are no contradiction
    assertEquals(
        List.of(),
        flags(
                "项目\t决算数\t项目\t决算数\n一、一般公共预算财政拨款",
                "注：本单位2024年度无政府性基金预算财政拨款收入和支出。\n项目\t决算数\t项目\t决算数\n一、一般公共预算财政拨款")
            .stream()
            .filter(f -> f.startsWith("empty_table_money"))
            .toList());
    // a note of the fund's carry-over alone: not of the year's money
    assertEquals(
        List.of(),
        flags("二、事业收入\t10.00", "二、政府性基金预算财政拨款收入\t10.00", note, "注：本单位无政府性基金预算上年结转，故本表无数据。").stream()
            .filter(f -> f.startsWith("empty_table_money"))
            .toList());
    // nothing of it for the year (a row of 0.00), or a side that does not add up (the row
    // unproven):
    // no contradiction said
    assertEquals(List.of(), flags("二、事业收入\t10.00", "二、事业收入\t10.00\n三、政府性基金预算财政拨款收入\t0.00"));
    // (the side's own sum fails: that is said, the row is not believed)
    assertEquals(
        List.of("table_sum"),
        flags("二、事业收入\t10.00", "二、事业收入\t10.00\n三、政府性基金预算财政拨款收入\t5.00").stream()
            .map(f -> f.substring(0, f.indexOf(' ')))
            .toList());
  }

  @Test
  void aSummaryTableOfTwoYearsIsNotReadForTheMoneyOfOne() throws Exception {
    // 政府性基金 500.00 in 2025's column, 0.00 in 2026's, and the fund table's note: no contradiction
    Path years = Path.of("src/test/resources/fixtures/checks/fund-years-2026-budget.txt");
    assertEquals(
        List.of(), flagsOf(years).stream().filter(f -> f.startsWith("empty_table_money")).toList());
    // the same table printing 2026 alone, 500.00 of 政府性基金 in it: the note says otherwise
    assertEquals(
        List.of(
            "empty_table_money ERROR [政府性基金预算支出表, 注：本单位2026年无政府性基金预算财政拨款安排的预算，故本表为空表。,"
                + " 二、政府性基金预算拨款收入 500.00]"
                + " «注：本单位2026年无政府性基金预算财政拨款安排的预算，故本表为空表。» «二、政府性基金预算拨款收入 500.00»"),
        flagsOf(
                years,
                "收入\t2025年预算数\t2026年预算数\t支出\t2025年预算数\t2026年预算数",
                "收入\t2026年预算数\t支出\t2026年预算数",
                "一、一般公共预算拨款收入\t800.00\t1,000.00\t一、住房保障支出\t1,300.00\t1,000.00",
                "一、一般公共预算拨款收入\t800.00\t一、住房保障支出\t1,300.00",
                "二、政府性基金预算拨款收入\t500.00\t0.00",
                "二、政府性基金预算拨款收入\t500.00",
                "本年收入合计\t1,300.00\t1,000.00\t本年支出合计\t1,300.00\t1,000.00",
                "本年收入合计\t1,300.00\t本年支出合计\t1,300.00",
                "收入总计\t1,300.00\t1,000.00\t支出总计\t1,300.00\t1,000.00",
                "收入总计\t1,300.00\t支出总计\t1,300.00")
            .stream()
            .filter(f -> f.startsWith("empty_table_money"))
            .toList());
  }

  @Test
  void aRealBudgetsWordsStatingMoneyItsTableSaysItHasNot() throws Exception {
    // a real budget (上海 普陀, 2025) whose note says it has no 政府性基金 money: its words made to
    // state 5万元 of it (digits only, as a planted error is)
    Path file = Path.of("../shared/corpus/real/16_sh_putuo_caizhengju_2025_budget.pdf");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.isRegularFile(file), "../shared/corpus/real is not here");
    var ingestor = TestSupport.ingestor();
    var base = ingestor.ingest(file);
    assertEquals(
        List.of(), base.flags().stream().filter(f -> f.code().startsWith("empty_table")).toList());
    String said = "政府性基金拨款支出预算0万元";
    String text = base.document().text();
    assertEquals(2, text.split(said, -1).length - 1);
    var planted = ingestor.figures(base.document().withText(text.replace(said, "政府性基金拨款支出预算5万元")));
    List<String> out = new ArrayList<>();
    for (IndicatorFlag f : planted.flags())
      if (f.code().startsWith("empty_table"))
        out.add(f.code() + " " + f.severity() + " " + f.args() + " " + f.quotes().size());
    assertEquals(
        List.of(
            "empty_table_money ERROR [政府性基金预算支出表, 注:本部门2025年无政府性基金预算财政拨款安排的预算，故本表为空表。,"
                + " 政府性基金拨款支出预算5万元] 2"),
        out);
  }

  // ---- a budget of another template: comparisons, tables cut by pages, scopes side by side

  /**
   * A 2026 budget written for the purpose in the shape of templates the checks were not written on:
   * each total compared with the year before in its own sentence (the amount of the year before
   * between the comparison and the change), tables that run over a page with their caption and
   * header repeated, a table whose last rows are lost with the next page, 机关运行经费's own 公务接待费 beside
   * the “三公” one, a 财政拨款 total beside the all-money one, a performance target.
   */
  static final Path BUDGET = Path.of("src/test/resources/fixtures/checks/bureau-2026-budget.txt");

  @Test
  void theBudgetAsWrittenRaisesNoFlag() throws Exception {
    assertEquals(List.of(), flagsOf(BUDGET));
  }

  @Test
  void aBudgetStatingNoOtherUseHasItsPartsMakeItsTotal() throws Exception {
    String parts = "其中：基本支出 800.00 万元，项目支出 450.00 万元。";
    // 基本支出 written 100 too small, and nothing else the budget spends on: the parts fall short
    String short_ = "其中：基本支出 700.00 万元，项目支出 450.00 万元。";
    assertEquals(
        List.of("parts_of_expenditure ERROR [1150, 1250]"), flagsOf(BUDGET, parts, short_));
    // a table with a column of 事业单位经营支出 holding money: a third use, the words need not name it
    String table =
        "第三部分 预算表\n表 2\n部门支出总表\n单位：万元\n科目名称\t合计\t基本支出\t项目支出\t事业单位经营支出\n"
            + "合计\t1,250.00\t700.00\t450.00\t100.00\n";
    assertEquals(List.of(), flagsOf(BUDGET, parts, short_, "第三部分 预算表\n", table));
    // the column there, its 合计 made by 基本支出 and 项目支出 alone: no third use
    assertEquals(
        List.of("parts_of_stated_spending ERROR [1150, 1250, 2026年度支出预算] «2026年度支出预算 1,250.00 万元»"),
        flagsOf(
            BUDGET,
            parts,
            short_,
            "第三部分 预算表\n",
            table.replace("\t700.00\t450.00\t100.00\n", "\t800.00\t450.00\t0.00\n")));
    // the same table with its 合计 not 基本支出 + 项目支出 alone: doubt, the parts may fall short
    assertEquals(
        List.of(),
        flagsOf(
            BUDGET,
            parts,
            short_,
            "第三部分 预算表\n",
            table.replace("\t700.00\t450.00\t100.00\n", "\t700.00\t450.00\t0.00\n")));
    // a third use said with its amount before it, or one under a bracketed name: the parts may fall
    // short
    assertEquals(
        List.of(),
        flagsOf(BUDGET, parts, "其中：基本支出 700.00 万元，项目支出 450.00 万元，另安排 100.00 万元作为单位预留机动经费。"));
    assertEquals(
        List.of(),
        flagsOf(BUDGET, parts, "其中：基本支出 700.00 万元，项目支出 450.00 万元，对下级（附属）单位补助支出 100.00 万元。"));
    // one said to be none: no third use
    assertEquals(
        List.of("parts_of_expenditure ERROR [1150, 1250]"),
        flagsOf(BUDGET, parts, short_.replace("万元。", "万元，无单位预留机动经费。")));
    // a 单位预留机动经费 the page wrapped over a line's end is still a third use
    assertEquals(
        List.of(),
        flagsOf(BUDGET, parts, "其中：基本支出 700.00 万元，项目支出 450.00 万元；单位预留机动\n经费 100.00 万元。"));
    // the same with a 单位预留机动经费 stated: the budget spends on a third use, the parts may fall short
    assertEquals(
        List.of(), flagsOf(BUDGET, parts, "其中：基本支出 700.00 万元，项目支出 450.00 万元；单位预留机动经费 100.00 万元。"));
  }

  @Test
  void aChangeIsMeasuredFromTheAmountItsComparisonNames() throws Exception {
    // 1,250 against the year before's 1,200 (not 1,250 − 50 read as this year's): 4.17% is right
    assertEquals(
        List.of(
            "change ERROR [figure:grand_total, 1250, 增加50.00万元，增长5.00%, 1200, 4.2]"
                + " evidence[1250 − 1200 = 50.00 万元] «增加 50.00 万元，增长 5.00%»"),
        flagsOf(BUDGET, "增加 50.00 万元，增长 4.17%。其中：财政拨款", "增加 50.00 万元，增长 5.00%。其中：财政拨款"));
    // the amounts do not give the change said, but 60 on 1,200 is the 5.00% said: the sentence's
    // comparison holds, and 1,250 − 1,200 is not its 60
    assertEquals(
        List.of(
            "change_amount ERROR [figure:grand_total, 1250, 1200, 50,"
                + " 比2025年年初预算数1,200.00万元增加60.00万元，增长5.00%] evidence[5.00% ≈ 60 ÷ 1200]"
                + " «1,250.00 万元，比2025年年初预算数 1,200.00 万元增加 60.00 万元，增长 5.00%»"),
        flagsOf(BUDGET, "增加 50.00 万元，增长 4.17%。其中：财政拨款", "增加 60.00 万元，增长 5.00%。其中：财政拨款"));
    // none of the three readings gives the rate: the read is in doubt, nothing is judged
    assertEquals(
        List.of(), flagsOf(BUDGET, "增加 50.00 万元，增长 4.17%。其中：财政拨款", "增加 60.00 万元，增长 7.00%。其中：财政拨款"));
  }

  /** The change_amount flags of the bureau's budget with {@code from} written {@code to}. */
  private List<String> changeAmounts(String from, String to) throws Exception {
    return flagsOf(BUDGET, from, to).stream().filter(f -> f.startsWith("change_amount ")).toList();
  }

  @Test
  void aChangeWhoseAmountsDisagreeSaysSoWhereItsRateTellsWhichIsWrong() throws Exception {
    String said = "2026年度支出预算 1,250.00 万元，较上年年初预算数 1,200.00 万元增加 50.00 万元，增长 4.17%";
    // the year's amount written wrong: 50 on 1,200 is the 4.17% said, 1,290 − 1,200 is not 50
    assertEquals(
        List.of(
            "change_amount ERROR [figure:grand_total, 1290, 1200, 90,"
                + " 较上年年初预算数1,200.00万元增加50.00万元，增长4.17%] evidence[4.17% ≈ 50 ÷ 1200]"
                + " «1,290.00 万元，较上年年初预算数 1,200.00 万元增加 50.00 万元，增长 4.17%»"),
        changeAmounts(said, said.replace("预算 1,250.00", "预算 1,290.00")));
    // the amount compared with: 50 on 1,250 − 50 is the rate, 1,700 is not
    assertEquals(
        List.of(
            "change_amount ERROR [figure:grand_total, 1250, 1700, 450,"
                + " 较上年年初预算数1,700.00万元增加50.00万元，增长4.17%] evidence[4.17% ≈ 50 ÷ 1200]"
                + " «1,250.00 万元，较上年年初预算数 1,700.00 万元增加 50.00 万元，增长 4.17%»"),
        changeAmounts(said, said.replace("1,200.00", "1,700.00")));
    // the change: 1,250 − 1,200 on 1,200 is the rate, 80 is not
    assertEquals(
        List.of(
            "change_amount ERROR [figure:grand_total, 1250, 1200, 50,"
                + " 较上年年初预算数1,200.00万元增加80.00万元，增长4.17%] evidence[4.17% ≈ 50 ÷ 1200]"
                + " «1,250.00 万元，较上年年初预算数 1,200.00 万元增加 80.00 万元，增长 4.17%»"),
        changeAmounts(said, said.replace("增加 50.00", "增加 80.00")));
    // a change on a comparable basis (同口径) need not be the difference of the amounts said, nor a
    // change after a second comparison the first amount's
    assertEquals(
        List.of(),
        changeAmounts(said, said.replace("增加 50.00", "同口径增加 80.00").replace("4.17%", "6.67%")));
    assertEquals(
        List.of(),
        changeAmounts(said, said.replace("1,200.00 万元增加 50.00", "1,700.00 万元，比上年决算数增加 50.00")));
    // a comparison on a comparable basis named inside it (可比口径)
    assertEquals(
        List.of(),
        changeAmounts(
            said,
            said.replace("较上年年初预算数 1,200.00", "较上年可比口径的预算数 1,200.00")
                .replace("增加 50.00", "增加 80.00")
                .replace("4.17%", "6.67%")));
    // the comparison of another subject (其中公务接待费较上年…): 5 on 20 is its rate, nothing of 1,250's
    assertEquals(
        List.of(),
        changeAmounts(said, "2026年度支出预算 1,250.00 万元，其中公务接待费较上年年初预算数 20.00 万元减少 5.00 万元，下降 25%"));
    // the amounts agree but for the direction (1,150 is 50 below 1,200, said 增加 … 增长): the words
    // are at odds, not an amount
    assertEquals(List.of(), changeAmounts(said, said.replace("预算 1,250.00", "预算 1,150.00")));
    // a rate written to the whole percent fits two readings (50 on 1,200 and 50 on 1,210): which
    // amount is wrong cannot be told, and nothing is said
    assertEquals(
        List.of(),
        changeAmounts(said, said.replace("预算 1,250.00", "预算 1,260.00").replace("4.17%", "4%")));
  }

  @Test
  void aChangeWrappedOverALineEndIsReadWhole() throws Exception {
    // a PDF's paragraph wrapped at its width: the change goes on over the line's end
    assertEquals(
        List.of(
            "change ERROR [figure:grand_total, 1250, 增加50.00万元，增长5.00%, 1200, 4.2]"
                + " evidence[1250 − 1200 = 50.00 万元] «增加\n50.00 万元，增长 5.00%»"),
        flagsOf(BUDGET, "增加 50.00 万元，增长 4.17%。其中：财政拨款", "增加\n50.00 万元，增长 5.00%。其中：财政拨款"));
  }

  @Test
  void aGrowthRateFromNothingIsFlagged() throws Exception {
    // 项目支出 450 grew by 450: last year's was nothing, and no rate grows from nothing
    String from = "项目支出 450.00 万元。";
    assertEquals(
        List.of(
            "change_from_zero WARNING [figure:project_expenditure, 450, 增加450.00万元，增长100%]"
                + " «增加 450.00 万元，增长 100%»"),
        flagsOf(BUDGET, from, "项目支出 450.00 万元，比上年增加 450.00 万元，增长 100%。"));
    // grown from something: a rate, checked as any other
    assertEquals(List.of(), flagsOf(BUDGET, from, "项目支出 450.00 万元，比上年增加 150.00 万元，增长 50.00%。"));
  }

  @Test
  void theYearBeforesAmountIsNotAStatementOfThisYear() throws Exception {
    List<IndicatorValue> values = figures(Files.readString(BUDGET));
    assertEquals(
        List.of(
            "grand_total 1250.0 PLANNED whole/all/current headline",
            "grand_total 1200.0 PREVIOUS_YEAR whole/all/previous",
            "grand_total 1250.0 PLANNED whole/all/current",
            "grand_total 1150.0 PLANNED whole/fiscal/current",
            "grand_total 1100.0 PREVIOUS_YEAR whole/fiscal/previous"),
        described(values, "grand_total"));
    assertEquals(
        List.of(
            "fiscal_income 1150.0 PLANNED whole/all/current headline",
            "fiscal_income 1100.0 PREVIOUS_YEAR whole/all/previous"),
        described(values, "fiscal_income"));
  }

  @Test
  void scopesSideBySideAreNotCompared() throws Exception {
    List<IndicatorValue> values = figures(Files.readString(BUDGET));
    // 机关运行经费 主要用于…公务接待费 3.00: its own part, not the department's 公务接待费 (8.00)
    assertEquals(
        List.of("reception 8.0 PLANNED whole/all/current headline"),
        described(values, "reception"));
    // a target (≤176万元) is no amount of the report
    assertEquals(
        List.of(),
        values.stream().filter(v -> v.valueWan() != null && v.valueWan() == 176).toList());
    // the 基本支出表's 合计 (680) is not 支出合计, its 人员经费 column (560) not 基本支出; the 一般公共预算支出表's
    // 合计 row under 基本支出 (700) is the general budget's, beside the words' 800 of all funds
    List<String> spending = new ArrayList<>(described(values, "expenditure_total"));
    spending.addAll(described(values, "basic_expenditure"));
    assertEquals(
        List.of(
            "expenditure_total 1250.0 PLANNED whole/all/current headline",
            "basic_expenditure 800.0 PLANNED whole/all/current headline",
            "basic_expenditure 700.0 PLANNED whole/general/current"),
        spending);
  }

  @Test
  void aTableCutByAPageIsSummedWhole() throws Exception {
    // the 项 on the next page belongs to the 款 on this one: summed together, the error is found
    assertEquals(
        List.of(
            "table_sum ERROR [一般公共预算支出表（按功能分类）, 21303 水利（合计） 1050 ≠ 1040, 1,"
                + " 21303 水利（合计） 1050 ≠ 1040；21303 水利（项目支出） 450 ≠ 440]"
                + " evidence[213 农林水支出（合计） 1050 = 1050, 221 住房保障支出（合计） 100 = 100,"
                + " 22102 住房改革支出（合计） 100 = 100, 213 农林水支出（基本支出） 600 = 600,"
                + " 21303 水利（基本支出） 600 = 600, +15]"
                + " «21303 水利 1,050.00 600.00 450.00»"),
        flagsOf(
            BUDGET,
            "2130311\t水资源节约管理与保护\t150.00\t0.00\t150.00",
            "2130311\t水资源节约管理与保护\t140.00\t0.00\t140.00"));
  }

  @Test
  void subjectsStillOpenWhereTheTableMeetsItsPageAreNotSummed() throws Exception {
    assertEquals(List.of(), flagsOf(BUDGET));
    // 302's 办公费 and 邮电费 are 80 of its 120: the rest went with the next page, whose rows were
    // not read (as written: no flag). Where the table ends there instead, the gap is the report's.
    assertEquals(
        List.of(
            "table_sum ERROR [一般公共预算基本支出表, 302 商品和服务支出（合计） 120 ≠ 80, 1,"
                + " 302 商品和服务支出（合计） 120 ≠ 80；302 商品和服务支出（公用经费） 120 ≠ 80]"
                + " evidence[301 工资福利支出（合计） 560 = 560, 301 工资福利支出（人员经费） 560 = 560,"
                + " 302 商品和服务支出（人员经费） 0 = 0, 301 工资福利支出（公用经费） 0 = 0]"
                + " «302 商品和服务支出 120.00 0.00 120.00»"),
        flagsOf(
            BUDGET,
            "\t\t-\t8 -\n表 4\n一般公共预算基本支出表（续）\n单位：万元\n科目编码\t科目名称\t合计\t人员经费\t公用经费\n",
            "注：本表数据为预算数。\n"));
  }

  private static List<IndicatorValue> figures(String text) {
    return new IndicatorExtractor()
        .extract(
            "d",
            text,
            List.of(
                new org.gongkai.model.Section(
                    "d-1", "1", 1, "一、", List.of(), "其他", 0, 0, text.length())),
            org.gongkai.model.ReportKind.BUDGET,
            2026);
  }

  private static List<String> described(List<IndicatorValue> values, String indicator) {
    return values.stream()
        .filter(v -> v.indicator().equals(indicator))
        .map(
            v ->
                v.indicator()
                    + " "
                    + v.valueWan()
                    + " "
                    + v.role()
                    + " "
                    + v.scope().code()
                    + (v.headline() ? " headline" : ""))
        .toList();
  }
}
