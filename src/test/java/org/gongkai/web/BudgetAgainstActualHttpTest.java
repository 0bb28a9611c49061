package org.gongkai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Budget against actual ({@code /indicators?name=…&compare=budget}, the API and its CSV): an
 * issuer's 部门预算 and 部门决算 of one year side by side, though the two spell the issuer differently
 * (中国共产党江苏省委员会办公厅 / 中共江苏省委办公厅); an issuer with only its 决算 indexed is listed with its budget not
 * stated.
 */
class BudgetAgainstActualHttpTest {

  @TempDir static Path dir;
  static TestPortal served;
  static final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void serve() throws Exception {
    Path files = Files.createDirectories(dir.resolve("files"));
    Files.writeString(
        files.resolve("省委办公厅预算.txt"),
        String.join(
            "\n",
            "中国共产党江苏省委员会办公厅2023年部门预算",
            "第一部分 部门概况",
            "一、主要职责",
            "负责省委日常运转的综合协调工作。",
            "第二部分 2023年部门预算情况说明",
            "一、收支预算总体情况说明",
            "2023年收入预算合计1,200.00万元，支出预算合计1,200.00万元。",
            "二、“三公”经费预算情况说明",
            "2023年“三公”经费预算数为100.00万元。"));
    Files.writeString(
        files.resolve("省委办公厅决算.txt"),
        String.join(
            "\n",
            "中共江苏省委办公厅2023年度部门决算",
            "第一部分 部门概况",
            "一、主要职责",
            "负责省委日常运转的综合协调工作。",
            "第二部分 2023年度部门决算情况说明",
            "一、收入支出决算总体情况说明",
            "2023年度收入合计1,150.00万元，支出合计1,150.00万元。",
            "二、“三公”经费支出决算情况说明",
            "2023年度“三公”经费支出决算为90.50万元。"));
    Files.writeString(
        files.resolve("人大决算.txt"),
        String.join(
            "\n",
            "江苏省人民代表大会常务委员会办公厅2023年度部门决算",
            "第一部分 部门概况",
            "一、主要职责",
            "负责省人大常委会日常运转的综合协调工作。",
            "第二部分 2023年度部门决算情况说明",
            "一、收入支出决算总体情况说明",
            "2023年度收入合计800.00万元，支出合计800.00万元。",
            "二、“三公”经费支出决算情况说明",
            "2023年度“三公”经费支出决算为40.00万元，其中：因公出国（境）费5.00万元。"));
    served = TestPortal.start(dir, List.of(files));
  }

  @AfterAll
  static void stop() throws Exception {
    served.close();
  }

  @Test
  void theApiPairsEachIssuersBudgetWithItsActual() throws Exception {
    JsonNode rows =
        json.readTree(served.get("/api/indicators?name=three_public&compare=budget").body());
    assertEquals(2, rows.size());
    JsonNode party = rows.get(0);
    assertEquals("中共江苏省委办公厅", party.get("issuer").asText()); // as its 决算 names it
    assertEquals(2023, party.get("year").asInt());
    assertEquals("万元", party.get("unit").asText());
    assertEquals(100.0, party.get("budget").asDouble());
    assertEquals(90.5, party.get("actual").asDouble());
    assertEquals(-9.5, party.get("difference").asDouble());
    assertEquals(-9.5, party.get("differencePct").asDouble());
    assertTrue(party.get("budgetUrl").asText().startsWith("/s/"), party.toString());
    assertTrue(party.get("actualSource").asText().contains("90.50万元"), party.toString());
    JsonNode congress = rows.get(1);
    assertEquals("江苏省人民代表大会常务委员会办公厅", congress.get("issuer").asText());
    assertTrue(congress.get("budget").isNull());
    assertEquals(40.0, congress.get("actual").asDouble());
    assertTrue(congress.get("difference").isNull());
    assertTrue(congress.get("differencePct").isNull());

    // a budget's 收入预算合计 is its income: the pair for income_total
    JsonNode incomes =
        json.readTree(served.get("/api/indicators?name=income_total&compare=budget").body());
    assertEquals(2, incomes.size());
    JsonNode income = incomes.get(0);
    assertEquals(1200.0, income.get("budget").asDouble(), incomes.toString());
    assertEquals(1150.0, income.get("actual").asDouble());
    assertEquals(-4.2, income.get("differencePct").asDouble());
  }

  @Test
  void theCsvHasTheSameColumns() throws Exception {
    var r = served.get("/api/indicators?name=three_public&compare=budget&format=csv");
    assertEquals(200, r.statusCode());
    List<String> lines = r.body().lines().toList();
    assertEquals(
        "\ufeffindicator,name,issuer,region,regionCode,year,unit,budget,actual,difference,"
            + "differencePct,budgetDocId,budgetUrl,actualDocId,actualUrl,budgetCollection,actualCollection,"
            + "budgetMeasure,actualMeasure",
        lines.get(0));
    assertEquals(3, lines.size());
    String[] party = lines.get(1).split(",", -1);
    assertEquals(
        List.of(
            "three_public",
            "“三公”经费",
            "中共江苏省委办公厅",
            "江苏省",
            "320000",
            "2023",
            "万元",
            "100",
            "90.5",
            "-9.5",
            "-9.5"),
        List.of(party).subList(0, 11));
    assertTrue(lines.get(2).contains(",,40,,,"), lines.get(2)); // no budget: no difference
  }

  @Test
  void theExplorerShowsBudgetActualAndTheDifference() throws Exception {
    String page = served.get("/indicators?name=three_public&compare=budget").body();
    assertTrue(page.contains("<table class=\"data explorer-table\" id=\"compare-table\">"), page);
    assertTrue(page.contains(">100.00</a></td>"), page);
    assertTrue(page.contains(">90.50</a></td>"), page);
    assertTrue(
        page.contains("<td class=\"num\" data-label=\"决算减预算\">-9.50</td>"),
        page); // actual minus budget
    assertTrue(
        page.contains("<td class=\"num\" data-label=\"占预算\">-9.5%</td>"), page); // of the budget
    assertTrue(page.contains("<span class=\"missing\">未报告</span>"), page);
    // the explorer links the view, and the view links back and exports itself
    assertTrue(
        served
            .get("/indicators?name=three_public")
            .body()
            .contains("href=\"/indicators?name=three_public&amp;compare=budget\""));
    assertTrue(
        page.contains("/api/indicators?name=three_public&amp;compare=budget&amp;format=csv"));
    assertEquals(400, served.get("/indicators?name=three_public&compare=plan").statusCode());
    var bad = served.get("/api/indicators?name=three_public&compare=plan");
    assertEquals(400, bad.statusCode());
    assertEquals(
        "unknown comparison \"plan\"; use compare=budget",
        json.readTree(bad.body()).get("error").asText());
  }

  @Test
  void thisYearsBudgetsFinalAccountsAreNotYetPublishedNotMissing(
      @org.junit.jupiter.api.io.TempDir Path other) throws Exception {
    Path files = Files.createDirectories(other.resolve("files"));
    // this year's budget: its final accounts cannot be published before next year
    int now = java.time.Year.now(java.time.ZoneId.of("Asia/Shanghai")).getValue();
    Files.writeString(
        files.resolve("政协预算.txt"),
        String.join(
            "\n",
            "中国人民政治协商会议江苏省委员会办公厅" + now + "年部门预算",
            "第一部分 部门概况",
            "一、主要职责",
            "负责省政协日常运转的综合协调工作。",
            "第二部分 " + now + "年部门预算情况说明",
            "一、收支预算总体情况说明",
            now + "年收入预算合计600.00万元，支出预算合计600.00万元。",
            "二、“三公”经费预算情况说明",
            now + "年“三公”经费预算数为30.00万元。"));
    try (TestPortal portal = TestPortal.start(other, List.of(files))) {
      String page = portal.get("/indicators?name=three_public&compare=budget").body();
      // its 决算 cannot exist before next year: no gap in the reports
      assertTrue(page.contains("<span class=\"not-yet\">尚未公布</span>"), page);
      assertTrue(!page.contains("<span class=\"missing\">未报告</span>"), page);
    }
  }

  @Test
  void theReportsThatStateNoValueAreListedAsSuch() throws Exception {
    // only the 人大 report states its 因公出国（境）费: the other two are listed as not reporting it
    JsonNode refs =
        json.readTree(served.get("/api/indicators?name=overseas_travel&reported=false").body());
    assertEquals(2, refs.size(), refs.toString());
    assertEquals(
        List.of("中共江苏省委办公厅2023年度部门决算", "中国共产党江苏省委员会办公厅2023年部门预算"),
        List.of(refs.get(0).get("title").asText(), refs.get(1).get("title").asText()));
    assertEquals("部门决算", refs.get(0).get("kind").asText());
    assertEquals("320000", refs.get(0).get("regionCode").asText());
    assertTrue(refs.get(0).get("url").asText().startsWith("/d/"));
    String page = served.get("/indicators?name=overseas_travel").body();
    assertTrue(page.contains("未报告这一指标的报告（2 份）"), page);
    assertTrue(page.contains(">中国共产党江苏省委员会办公厅2023年部门预算</a>"), page);
    var csv = served.get("/api/indicators?name=overseas_travel&reported=false&format=csv").body();
    assertEquals(
        "\ufeffdocId,url,title,issuer,region,regionCode,year,kind,collection",
        csv.lines().findFirst().get());
    assertEquals(3, csv.lines().count());
    assertEquals(
        400, served.get("/api/indicators?name=overseas_travel&reported=true").statusCode());
  }
}
