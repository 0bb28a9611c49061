package org.gongkai.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.TestSupport;
import org.gongkai.bench.SyntheticCorpus;
import org.gongkai.model.IndicatorFlag;
import org.gongkai.model.IngestedDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recall by mutation: the three 上海 final accounts of the development set (21–23, the template the
 * peer's broken report follows) with one error of each kind a reviewer looks for planted in them —
 * a heading naming another year or a placeholder, a 截至 date of another year, 决算数大于预算数 beside
 * figures that say less, a completion rate or a change that does not match its figures, a figure of
 * the words changed against its table (a total, one subject's item), a table's row that no longer
 * adds up, a summary table that no longer balances, the “三公” table emptied while the words give its
 * figures, a doubled 。。 — each planted in the text and read again through the whole pipeline, as a
 * text file and as a Word file. Every planted error must raise its flag; the flags of the report as
 * published are not counted.
 */
class MutationRecallTest {

  @TempDir Path dir;

  private static final List<String> BASES =
      List.of(
          "21_sh_putuo_caizhengju_2024_final.pdf",
          "22_sh_putuo_guihuaziyuan_2024_final.pdf",
          "23_sh_putuo_shehuigongzuobu_2024_final.pdf");

  /** A planted error: its family, a name, how to plant it, and the flag it must raise. */
  private record Mutation(String family, String name, UnaryOperator<String> plant, String flag) {}

  /**
   * Replaces the first match of {@code regex} by what {@code replace} makes of it (null: absent).
   */
  private static UnaryOperator<String> first(
      String regex, java.util.function.Function<Matcher, String> replace) {
    Pattern p = Pattern.compile(regex, Pattern.MULTILINE);
    return text -> {
      Matcher m = p.matcher(text);
      if (!m.find()) return null;
      return text.substring(0, m.start()) + replace.apply(m) + text.substring(m.end());
    };
  }

  private static String plus(String amount, String by) {
    return new java.math.BigDecimal(amount.replace(",", ""))
        .add(new java.math.BigDecimal(by))
        .toPlainString();
  }

  static final List<Mutation> MUTATIONS =
      List.of(
          new Mutation(
              "report",
              "part heading names XX局",
              first("^(第一部分)(.+?)(概况)$", m -> m.group(1) + "XX局" + m.group(3)),
              "placeholder"),
          new Mutation(
              "report",
              "part heading names the year before",
              first(
                  "^(第[二三]部分.*?)(20\\d\\d)(\\s*年度.*)$",
                  m -> m.group(1) + (Integer.parseInt(m.group(2)) - 1) + m.group(3)),
              "heading_year"),
          new Mutation(
              "report",
              "截至 the year before",
              first(
                  "(截至\\s*)(20\\d\\d)(\\s*年\\s*12\\s*月)",
                  m -> m.group(1) + (Integer.parseInt(m.group(2)) - 1) + m.group(3)),
              "as_of_year"),
          new Mutation(
              "report",
              "doubled 。。",
              first("(主要职能\\n[^\\n]*?)。", m -> m.group(1) + "。。"),
              "doubled_punctuation"),
          new Mutation(
              "report",
              "a year that lost a digit",
              first(
                  "^(第[二三]部分.*?)20(\\d)\\d(\\s*年度)",
                  m -> m.group(1) + "20" + m.group(2) + " " + m.group(3).strip()),
              "broken_year"),
          new Mutation(
              "report",
              "part heading names another department",
              first("^(第一部分)(.+?)(概况)$", m -> m.group(1) + "上海市普陀区教育局" + m.group(3)),
              "heading_issuer"),
          new Mutation(
              "wording",
              "a change said to be level",
              first(
                  "((?:增加|减少)\\s*(?:[1-9][0-9,]*\\.[0-9]+|0\\.[0-9]*[1-9][0-9]*)\\s*万元)，",
                  m -> m.group(1) + "，与上年持平，"),
              "change_and_level"),
          new Mutation(
              "wording",
              "决算数大于预算数 beside less",
              first("决算数小于(?:年初)?预算数", m -> "决算数大于预算数"),
              "budget_actual"),
          new Mutation(
              "wording",
              "决算数等于预算数 beside less",
              first("决算数小于(?:年初)?预算数", m -> "决算数等于预算数"),
              "budget_actual"),
          new Mutation(
              "wording",
              "completion rate off",
              first(
                  "(完成年初预算的\\s*)([0-9]+\\.[0-9]+)(\\s*%)",
                  m -> m.group(1) + plus(m.group(2), "5") + m.group(3)),
              "completion"),
          new Mutation(
              "wording",
              "percentage change off",
              first(
                  "(比20\\d\\d年度?增加\\s*[0-9.]+\\s*万元，增长\\s*)([0-9]+\\.[0-9]+)(\\s*%)",
                  m -> m.group(1) + plus(m.group(2), "9") + m.group(3)),
              "change"),
          new Mutation(
              "text_table",
              "the words' 本年收入合计 against the summary table",
              first(
                  "(本年收入合计\\s*)([0-9][0-9,]*\\.[0-9]+)(\\s*万元)",
                  m -> m.group(1) + plus(m.group(2), "10") + m.group(3)),
              "stated_twice"),
          new Mutation(
              "text_table",
              "one subject's 决算 in the words against its row",
              first(
                  "(（项）[^\\n]*?支出决算为\\s*)([0-9][0-9,]*\\.[0-9]+)(\\s*万元)",
                  m -> m.group(1) + plus(m.group(2), "10") + m.group(3)),
              "item_text_table"),
          new Mutation(
              "table",
              "a row's 合计 no longer 基本 + 项目",
              first(
                  "(一般公共预算财政拨款支出决算表\\n(?:[^\\n]*\\n){1,30}?\\d{3}\\t\\d{2}\\t\\d{2}\\t[^\\t\\n]+\\t)([0-9][0-9,]*\\.[0-9]+)",
                  m -> m.group(1) + plus(m.group(2), "7")),
              "table_sum"),
          new Mutation(
              "table",
              "a 项 row changed in 合计 and 基本 alike: its 款 no longer the sum of its 项",
              first(
                  "(一般公共预算财政拨款支出决算表\\n(?:[^\\n]*\\n){1,30}?\\d{3}\\t\\d{2}\\t\\d{2}\\t[^\\t\\n]+\\t)([0-9][0-9,]*\\.[0-9]+)\\t([0-9][0-9,]*\\.[0-9]+)\\n",
                  m -> m.group(1) + plus(m.group(2), "7") + "\t" + plus(m.group(3), "7") + "\n"),
              "table_sum"),
          new Mutation(
              "across_tables",
              "the summary table's two 总计 differ",
              first(
                  "^(总\\s*计\\t[0-9][0-9,]*\\.[0-9]+\\t总\\s*计\\t)([0-9][0-9,]*\\.[0-9]+)",
                  m -> m.group(1) + plus(m.group(2), "1")),
              "summary_balance"),
          new Mutation(
              "completeness",
              "a table's rows left out, its name still in the list",
              text -> {
                Matcher m =
                    Pattern.compile(
                            "^一般公共预算财政拨款基本支出决算表\\n(?:[^\\n]*\\n)*?(?=财政拨款“三公”经费支出决算表\\n)",
                            Pattern.MULTILINE)
                        .matcher(text);
                if (!m.find()) return null;
                return text.substring(0, m.start()) + text.substring(m.end());
              },
              "named_table"),
          new Mutation(
              "completeness",
              "the “三公” table emptied, its figures still in the words",
              text -> {
                Matcher m =
                    Pattern.compile(
                            "(^财政拨款“三公”经费支出决算表\\n(?:[^\\n]*\\n){0,8}?)([^\\n]*\\d\\.\\d{2}[^\\n]*\\n)",
                            Pattern.MULTILINE)
                        .matcher(text);
                if (!m.find()) return null;
                return text.substring(0, m.start(2)) + text.substring(m.end(2));
              },
              "empty_table_figures"));

  @Test
  void everyPlantedErrorIsFlagged() throws Exception {
    assumeTrue(
        Files.isRegularFile(TestSupport.REAL.resolve("gold.tsv")),
        "../shared/corpus/real is not here");
    Map<String, int[]> byFamily = new LinkedHashMap<>(); // planted, caught
    List<String> missed = new ArrayList<>();
    List<String> planted = new ArrayList<>();
    int n = 0;
    for (String base : BASES) {
      String text = TestSupport.ingestor().document(TestSupport.REAL.resolve(base)).text();
      for (String format : List.of("txt", "docx")) {
        List<IndicatorFlag> before = flags(text, format, n++);
        for (Mutation m : MUTATIONS) {
          String mutated = m.plant().apply(text);
          if (mutated == null) continue; // the report has no place for this error
          planted.add(base.substring(0, 2) + " " + format + " " + m.name());
          byFamily.computeIfAbsent(m.family(), k -> new int[2])[0]++;
          long was = before.stream().filter(f -> f.code().equals(m.flag())).count();
          long now =
              flags(mutated, format, n++).stream().filter(f -> f.code().equals(m.flag())).count();
          if (now > was) byFamily.get(m.family())[1]++;
          else
            missed.add(
                base.substring(0, 2) + " " + format + " " + m.name() + " (" + m.flag() + ")");
        }
      }
    }
    StringBuilder recall = new StringBuilder();
    byFamily.forEach(
        (family, c) ->
            recall.append(family).append(' ').append(c[1]).append('/').append(c[0]).append('\n'));
    System.out.print("recall by mutation:\n" + recall);
    assertEquals(List.of(), missed);
    // every mutation found a place to be planted in at least one report, in both formats
    assertEquals(
        MUTATIONS.size() * 2, planted.stream().map(p -> p.substring(3)).distinct().count());
  }

  /**
   * The three originals as published: the 财政局's own error (说明's 财政拨款收入支出总计 0.3万元 against its
   * 财政拨款收入支出决算总表's 2,961.68, whose two 总计 agree) is its only flag, with that agreement as its
   * evidence; the 规划资源局's 说明 states its 一般公共预算 基本支出 otherwise than its table; the 社会工作部's, founded
   * in 2024, is told its 机关运行经费 cannot have grown “100%” from nothing.
   */
  @Test
  void theOriginalsRaiseOnlyTheirOwnError() throws Exception {
    assumeTrue(
        Files.isRegularFile(TestSupport.REAL.resolve("gold.tsv")),
        "../shared/corpus/real is not here");
    List<String> got = new ArrayList<>();
    for (String base : BASES)
      for (IndicatorFlag f : TestSupport.ingestor().ingest(TestSupport.REAL.resolve(base)).flags())
        got.add(base.substring(0, 2) + " " + f.code() + " " + f.args() + " " + f.evidence());
    assertEquals(
        List.of(
            "21 stated_twice [figure:grand_total, role:ACTUAL, scope:whole/fiscal/current,"
                + " 2,961.68 / 0.3万元] [2,961.68: stated_alike, 0.3万元: stated_directly]",
            // the 规划资源局's 说明 gives its 一般公共预算财政拨款基本支出 as 5377.64 — the amount of all its money,
            // which its 支出决算表 and its words state alike — where its 一般公共预算 table says 5364.75 (and
            // 5364.75 + 4381.74 make that table's 9746.50): two amounts of one figure
            "22 stated_twice [figure:basic_expenditure, role:ACTUAL, scope:whole/general/current,"
                + " 5364.75 / 5377.64 万元] [5377.64 万元: stated_alike]",
            // a body founded that year: its 机关运行经费 grew “100%” from nothing (a warning)
            "23 change_from_zero [figure:operating_expenses, 10.23, 增加10.23万元，增长100.00%] []"),
        got);
  }

  /** The flags of {@code text} read through the whole pipeline as a {@code format} file. */
  private List<IndicatorFlag> flags(String text, String format, int n) throws Exception {
    Path file = dir.resolve("report-" + n + "." + format);
    if (format.equals("docx")) SyntheticCorpus.writeDocx(file, text);
    else Files.writeString(file, text);
    IngestedDocument d = TestSupport.ingestor().ingest(file);
    // every flag belongs to a family of checks (the search facet's values)
    for (IndicatorFlag f : d.flags()) assertTrue(f.family().isPresent(), f.code());
    return d.flags();
  }
}
