package org.gongkai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The budget units a report covers and what it will buy, over real HTTP (#68): two department
 * budgets written for the purpose — one listing its four units with their nature and a count the
 * list bears out, and a procurement table whose sums prove it; one saying it has no units under it
 * and no procurement — read on the report's page (Chinese and English) and in its JSON, each with
 * the permalink of the section saying so.
 */
class UnitsAndPurchasesHttpTest {

  @TempDir static Path dir;
  static TestPortal served;
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void serve() throws Exception {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    Files.writeString(
        corpus.resolve("青溪市林业局2026年部门预算.txt"),
        paragraphs(
            "青溪市林业局2026年部门预算",
            "第一部分 部门概况",
            "一、主要职责",
            "青溪市林业局负责全市林木种苗和森林防火工作。",
            "二、预算单位构成",
            "从预算单位构成看，纳入本部门2026年部门预算编制范围的预算单位共计4家，具体包括：青溪市林业局本级预算（行政单位）、"
                + "青溪市林木种苗站（参公事业单位）、青溪市森林防火指挥中心（事业单位）和青溪市林业科学研究所（事业单位）预算。",
            "三、人员情况",
            "本部门在职人员编制120人，其中：行政编制100人，事业编制20人。",
            "第二部分 部门预算情况说明",
            "一、收支预算总体情况",
            "2026年收入预算合计3,456.78万元，支出预算合计3,456.78万元。",
            "二、政府采购支出表",
            "部门：青溪市林业局单位：万元",
            "采购品目大类\t专项名称\t经济科目\t采购品目名称\t采购组织形式\t资金来源\t\t总计",
            "\t\t\t\t\t一般公共预算资金\t其他资金",
            "合计\t\t\t\t\t31.50\t\t31.50",
            "货物\t\t\t\t\t25.00\t\t25.00",
            "青溪市林木种苗站\t\t\t\t\t25.00\t\t25.00",
            "\t种苗培育经费\t专用材料费\t种子种苗\t分散采购\t25.00\t\t25.00",
            "服务\t\t\t\t\t6.50\t\t6.50",
            "青溪市林业局（本级）\t\t\t\t\t6.50\t\t6.50",
            "\t定额\t印刷费\t其他印刷服务\t集中采购\t6.50\t\t6.50",
            "三、名词解释",
            "财政拨款收入是指本级财政当年拨付的资金。"),
        StandardCharsets.UTF_8);
    Files.writeString(
        corpus.resolve("北湖市侨务办公室2026年部门预算.txt"),
        paragraphs(
            "北湖市侨务办公室2026年部门预算",
            "第一部分 部门概况",
            "一、主要职责",
            "北湖市侨务办公室负责全市侨务工作。",
            "二、机构编制",
            "本单位无下属单位，部门预算为本级预算。本单位内设机构包括：办公室、联络处、权益处。",
            "第二部分 部门预算情况说明",
            "一、收支预算总体情况",
            "2026年收入预算合计812.40万元，支出预算合计812.40万元。"),
        StandardCharsets.UTF_8);
    served = TestPortal.start(dir.resolve("work"), List.of(corpus));
  }

  @AfterAll
  static void stop() throws Exception {
    served.close();
  }

  /**
   * Each line a paragraph of its own, as a text file's blank lines make them; a table's rows (lines
   * with tabs) one after another.
   */
  private static String paragraphs(String... lines) {
    StringBuilder b = new StringBuilder();
    for (String l : lines) b.append(l).append(l.indexOf('\t') < 0 ? "\n\n" : "\n");
    return b.toString();
  }

  private static String docId(String issuer) throws Exception {
    JsonNode list = JSON.readTree(served.get("/api/documents").body());
    for (JsonNode d : list.get("documents"))
      if (d.get("issuer").asText().equals(issuer)) return d.get("docId").asText();
    throw new AssertionError("no report of " + issuer + ": " + list);
  }

  private static List<String> units(JsonNode units) {
    List<String> out = new ArrayList<>();
    for (JsonNode u : units.get("items"))
      out.add(
          u.get("name").asText()
              + " "
              + u.get("nature").asText()
              + " "
              + u.get("natureAsWritten").asText()
              + (u.get("self").asBoolean() ? " self" : ""));
    return out;
  }

  @Test
  void aReportsUnitsAreListedWithTheirNatureTheirCountAndWhereItSaysSo() throws Exception {
    String id = docId("青溪市林业局");
    var r = served.get("/api/documents/" + id);
    assertEquals(200, r.statusCode(), r.body());
    JsonNode units = JSON.readTree(r.body()).get("units");
    assertEquals("sentence", units.get("layout").asText());
    assertEquals(
        List.of(
            "青溪市林业局本级 行政 行政单位 self",
            "青溪市林木种苗站 参公 参公事业单位",
            "青溪市森林防火指挥中心 事业 事业单位",
            "青溪市林业科学研究所 事业 事业单位"),
        units(units));
    assertEquals(4, units.get("stated").get("count").asInt());
    assertEquals("预算单位共计4家", units.get("stated").get("asWritten").asText());
    assertEquals("agrees", units.get("agreement").asText());
    List<String> staff = new ArrayList<>();
    for (JsonNode st : units.get("staff"))
      staff.add(st.get("label").asText() + " " + st.get("count").asInt());
    assertEquals(List.of("行政编制 100", "事业编制 20"), staff);
    // the permalink opens the section that lists them
    String href = units.get("href").asText();
    var section = served.get(href);
    assertEquals(200, section.statusCode(), href);
    assertTrue(section.body().contains("青溪市林木种苗站（参公事业单位）"), section.body());

    String page = served.get("/d/" + id).body();
    assertTrue(page.contains("本报告的数字涵盖所列 4 家预算单位"), page);
    assertTrue(page.contains("报告称“预算单位共计4家”，与所列 4 家相符"), page);
    assertTrue(page.contains("<span>青溪市林木种苗站</span>"), page);
    assertTrue(page.contains("<small class=\"nature\">参公事业单位</small>"), page);
    assertTrue(page.contains("编制（报告所述）：行政编制 100；事业编制 20"), page);
    String english = served.get("/d/" + id + "?lang=en").body();
    assertTrue(
        english.contains("This report&#39;s figures cover the 4 budget units it lists"), english);
    assertTrue(
        english.contains("<small class=\"nature\">institution managed as civil service</small>"),
        english);
  }

  @Test
  void aReportsProcurementItemsAreListedProvenByTheTablesSums() throws Exception {
    String id = docId("青溪市林业局");
    JsonNode purchases = JSON.readTree(served.get("/api/documents/" + id).body()).get("purchases");
    JsonNode table = purchases.get("tables").get(0);
    assertEquals("政府采购支出表", table.get("title").asText());
    assertEquals("31.50", table.get("total").asText());
    assertEquals("sums", table.get("status").asText());
    assertEquals(2, table.get("items").asInt());
    List<String> items = new ArrayList<>();
    for (JsonNode i : purchases.get("items"))
      items.add(
          String.join(
              " | ",
              i.get("category").asText(),
              i.get("unit").asText(),
              i.get("project").asText(),
              i.get("economic").asText(),
              i.get("item").asText(),
              i.get("method").asText(),
              i.get("amount").asText(),
              i.get("proof").asText()));
    assertEquals(
        List.of(
            "货物 | 青溪市林木种苗站 | 种苗培育经费 | 专用材料费 | 种子种苗 | 分散采购 | 25.00 | sums",
            "服务 | 青溪市林业局（本级） | 定额 | 印刷费 | 其他印刷服务 | 集中采购 | 6.50 | sums"),
        items);
    var section = served.get(purchases.get("href").asText());
    assertEquals(200, section.statusCode());
    assertTrue(section.body().contains("种苗培育经费"), section.body());
    String page = served.get("/d/" + id).body();
    assertTrue(page.contains("政府采购表列出 2 项，合计 31.50 万元（货物 25.00，服务 6.50）"), page);
    assertTrue(
        page.contains("<td>种子种苗</td><td>种苗培育经费</td><td>分散采购</td><td class=\"num\">25.00</td>"),
        page);
    String english = served.get("/d/" + id + "?lang=en").body();
    assertTrue(
        english.contains(
            "The procurement table lists 2 items, 31.50 × 10,000 yuan in all (goods 25.00, services 6.50)"),
        english);
  }

  @Test
  void aReportWithNoUnitsUnderItCoversItsOwnBodyAlone() throws Exception {
    String id = docId("北湖市侨务办公室");
    JsonNode units = JSON.readTree(served.get("/api/documents/" + id).body()).get("units");
    assertEquals("none", units.get("layout").asText());
    assertEquals(1, units.get("items").size());
    assertEquals("北湖市侨务办公室", units.get("items").get(0).get("name").asText());
    assertTrue(units.get("items").get(0).get("self").asBoolean());
    assertTrue(units.get("stated").isNull());
    assertEquals("unstated", units.get("agreement").asText());
    String page = served.get("/d/" + id).body();
    assertTrue(page.contains("本报告称无下属单位：数字只涵盖本单位"), page);
    // no procurement table: nothing said of purchases
    JsonNode purchases = JSON.readTree(served.get("/api/documents/" + id).body()).get("purchases");
    assertEquals(0, purchases.get("tables").size());
    assertTrue(!page.contains("政府采购表"), page);
  }
}
