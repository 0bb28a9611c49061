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
 * A body of the central government (#64): a national bureau's own budget is 中央 — a region facet
 * value of its own beside the provinces, a filter of its own — never 地区未定 nor 北京市; a central body's
 * local office (国家税务总局某省税务局) is not 中央. Reports in our own words.
 */
class CentralBodiesHttpTest {

  @TempDir static Path dir;
  static TestPortal served;
  static final ObjectMapper JSON = new ObjectMapper();

  private static String report(String cover, String title, String duty, String amount) {
    return cover
        + "\n"
        + title
        + "\n第一部分 部门概况\n一、部门主要职责\n"
        + duty
        + "\n第二部分 收支预算情况说明\n一、收入预算情况\n"
        + "2025年收入预算总额"
        + amount
        + "万元，全部为财政拨款收入。\n";
  }

  @BeforeAll
  static void serve() throws Exception {
    Path src = Files.createDirectories(dir.resolve("crawl"));
    // the cover's name line over a title naming it again: the name once
    Files.writeString(
        src.resolve("central.txt"),
        report("国家统计局", "国家统计局2025年部门预算", "组织全国统计调查，汇总和公布全国性统计数据。", "12,345.67"));
    Files.writeString(
        src.resolve("office.txt"),
        report("国家税务总局湖北省税务局", "国家税务总局湖北省税务局2025年部门预算", "负责本省各项税收的征收管理。", "8,765.43"));
    Files.writeString(
        src.resolve("county.txt"), report("宁陵县财政局", "宁陵县财政局2025年部门预算", "负责全县财政收支管理。", "1,234.50"));
    served = TestPortal.start(dir, List.of(src));
  }

  @AfterAll
  static void stop() throws Exception {
    served.close();
  }

  private static String regions(JsonNode values, String indent) {
    StringBuilder sb = new StringBuilder();
    for (JsonNode v : values) {
      sb.append(indent).append(v.get("value").asText()).append('=').append(v.get("count").asLong());
      sb.append('\n');
      if (v.has("children")) sb.append(regions(v.get("children"), indent + "  "));
    }
    return sb.toString();
  }

  @Test
  void aNationalBureausReportIsCentralBesideTheProvinces() throws Exception {
    JsonNode list = JSON.readTree(served.get("/api/documents").body());
    assertEquals(3, list.get("total").asInt());
    assertEquals(
        "中央=1\n河南省=1\n  商丘市=1\n    宁陵县=1\n湖北省=1\n", regions(list.get("facets").get("region"), ""));
    JsonNode central = JSON.readTree(served.get("/api/documents?region=中央").body());
    assertEquals(1, central.get("total").asInt());
    JsonNode doc = central.get("documents").get(0);
    assertEquals("国家统计局", doc.get("issuer").asText());
    assertEquals("国家统计局2025年部门预算", doc.get("title").asText());
    assertEquals("中央", doc.get("region").get("province").asText());
    assertEquals("100000", doc.get("region").get("code").asText());
    // by its code too, and on the page
    assertEquals(
        1, JSON.readTree(served.get("/api/documents?region=100000").body()).get("total").asInt());
    var page = served.get("/documents?region=%E4%B8%AD%E5%A4%AE");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("国家统计局2025年部门预算"), page.body());
    assertTrue(!page.body().contains("宁陵县财政局2025年部门预算"), page.body());
  }
}
