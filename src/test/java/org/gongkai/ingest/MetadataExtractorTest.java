package org.gongkai.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.gongkai.TestSupport;
import org.gongkai.regions.RegionResolver;
import org.junit.jupiter.api.Test;

class MetadataExtractorTest {

  private final MetadataExtractor extractor =
      new MetadataExtractor(new RegionResolver(TestSupport.gazetteer()));

  @Test
  void theFiscalYearIsTheYearCoveredNotTheYearFilledIn() {
    DocumentMetadata m =
        extractor.extract(
            "武汉市汉阳区总工会 2024 年度部门决算\n填报日期：2025-06-23\n2025年6月填报。",
            "武汉市汉阳区总工会 2024 年度部门决算\n填报日期：2025-06-23",
            Map.of());
    assertEquals(2024, m.year());
    assertEquals(2023, MetadataExtractor.year(null, "2023年度收入合计93.93万元。2024年3月21日填报。2023年度支出。"));
    assertNull(MetadataExtractor.year(null, "没有年份"));
  }

  @Test
  void kindComesFromTheTitleOrTheTextsVocabulary() {
    assertEquals("部门决算", MetadataExtractor.kind("鄂城区总工会2023年度部门决算", "").label());
    assertEquals("部门决算", MetadataExtractor.kind("某某学校2023年度单位决算", "").label());
    assertEquals("部门预算", MetadataExtractor.kind("某某局2025年部门预算", "").label());
    // 政治协商会议 names the issuer, not a meeting
    assertEquals("部门预算", MetadataExtractor.kind("中国人民政治协商会议江苏省委员会办公厅2026年部门预算", "").label());
    assertEquals("其他", MetadataExtractor.kind("关于召开2026年部门预算编制工作会议的通知", "").label());
    assertEquals("绩效评价", MetadataExtractor.kind("2024年度部门整体支出绩效评价报告", "").label());
    assertEquals("绩效评价", MetadataExtractor.kind(null, "部门整体支出绩效自评结果。绩效评价。基本支出和项目支出的绩效评价。").label());
    // report words alone, without a report's sections and tables, do not make a report
    assertEquals("其他", MetadataExtractor.kind(null, "部门整体支出绩效自评结果。绩效评价。").label());
    assertEquals("其他", MetadataExtractor.kind(null, "工作总结").label());
  }

  @Test
  void theIssuerIsAPlaceNameFollowedByADepartmentName() {
    DocumentMetadata m =
        extractor.extract(
            "第一部分 概况\n乐山市金口河区总工会下属二级预算单位0个。纳入乐山市金口河区2024年度部门决算。\n收入支出决算总表\n基本支出", "", Map.of());
    assertEquals("乐山市金口河区总工会", m.issuer());
    assertEquals("总工会", m.departmentType());
    assertEquals("乐山市金口河区总工会2024年度部门决算", m.title());
    assertEquals("511113", m.region().region().code());
  }

  @Test
  void aTitleMayWriteItsYearWithout年BeforeTheReportsKind() {
    // the name on its own line, then 2026 部门预算…: the name, the year and the kind of one title
    String text =
        "某某市人民政府国有资产监督管理委员会\n2026 部门预算情况的说明\n一、部门情况说明\n"
            + "（一）本部门职责情况\n根据某某市人民政府机构改革方案，设立某某市人民政府国有资产监督管理委员会。\n";
    DocumentMetadata m = extractor.extract(text, text, Map.of());
    assertEquals("某某市人民政府国有资产监督管理委员会", m.issuer());
    assertEquals("某某市人民政府国有资产监督管理委员会2026 部门预算情况的说明", m.title());
    assertEquals(2026, m.year());
    assertEquals("2026", MetadataExtractor.firstYear("2026部门决算"));
    // a longer number, or a number not before a report's kind, is no year
    assertNull(MetadataExtractor.firstYear("第12026部门预算"));
    assertNull(MetadataExtractor.firstYear("2026 部门"));
  }

  @Test
  void aZonesAdministrationWrittenShort管委会IsAnIssuer() {
    // 管委会 is how zones write 管理委员会: the title names its issuer, and the zone's city its region
    String text = "2026年度某某高新技术产业开发区管委会部门预算公开\n一、部门基本情况\n本部门内设5个处室。\n";
    assertEquals("某某高新技术产业开发区管委会", extractor.extract(text, text, Map.of()).issuer());
    assertEquals("长沙经济技术开发区管委会", IssuerNames.issuerInTitle("长沙经济技术开发区管委会2026年部门预算"));
  }

  @Test
  void anOrganisationsOwnBodyOrLevelInATitleNamesTheOrganisation() {
    assertEquals("某某市人民政府办公室", IssuerNames.issuerInTitle("某某市人民政府办公室机关2026年预算公开"));
    assertEquals("某某省财政厅", IssuerNames.issuerInTitle("某某省财政厅本级2024年度部门决算"));
    assertEquals("某某省财政厅", IssuerNames.issuerInTitle("某某省财政厅（本级）2024年度部门决算"));
    assertEquals("某某市教育局", IssuerNames.issuerInTitle("某某市教育局局本级2026年部门预算"));
    // a name that is an organisation already keeps its words (机关事务管理局 ends in 局)
    assertEquals("某某市机关事务管理局", IssuerNames.issuerInTitle("某某市机关事务管理局2026年部门预算"));
  }

  @Test
  void departmentTypesComeFromTheIssuersName() {
    assertEquals(
        "教育局",
        extractor.extract("武汉市汉阳区教育局2024年度部门决算", "武汉市汉阳区教育局2024年度部门决算", Map.of()).departmentType());
    assertEquals(
        "卫生健康局",
        extractor.extract("汉阳区卫生健康局2024年度部门预算", "汉阳区卫生健康局2024年度部门预算", Map.of()).departmentType());
    assertEquals(
        "学校",
        extractor
            .extract("武汉市汉阳区第一中学2024年度单位决算", "武汉市汉阳区第一中学2024年度单位决算", Map.of())
            .departmentType());
    assertEquals(
        "医院",
        extractor.extract("汉阳区妇幼保健院2024年度部门决算", "汉阳区妇幼保健院2024年度部门决算", Map.of()).departmentType());
  }

  @Test
  void aPlaceNameOcrMisreadIsMendedFromTheDocumentsRegion() {
    var jiangsu = new org.gongkai.model.Region("320000", "江苏省", null, null);
    var placed = org.gongkai.model.RegionMatch.of(jiangsu, "text");
    var read =
        new DocumentMetadata(
            "江甸省政协办公厅2019年度部门预算公开",
            "江甸省政协办公厅",
            "政协办公厅",
            org.gongkai.model.ReportKind.BUDGET,
            2019,
            placed,
            java.util.Map.of());
    DocumentMetadata mended = extractor.mendMisreadPlaces(read);
    assertEquals("江苏省政协办公厅", mended.issuer());
    assertEquals("江苏省政协办公厅2019年度部门预算公开", mended.title());
    // a real place, or one that is more than a character away, is left as read
    var real =
        new DocumentMetadata("t", "江宁区政协办公室", "政协办公厅", null, 2019, placed, java.util.Map.of());
    assertEquals(real, extractor.mendMisreadPlaces(real));
    var far =
        new DocumentMetadata("t", "汀甸省政协办公厅", "政协办公厅", null, 2019, placed, java.util.Map.of());
    assertEquals(far, extractor.mendMisreadPlaces(far));
  }

  @Test
  void aYearComparedAgainstIsNotTheReportsYear() {
    // a budget's words name the year before in every comparison: 比2019年预算, 与2019年预算相比
    String head =
        "一、2020年一般公共预算“三公”经费支出预算表\n二、2020年“三公”经费支出预算情况说明\n"
            + "“三公”经费支出预算为0.36万元，比2019年预算减少0.02万元。\n"
            + "（一）因公出国（境）费支出0万元。与2019年预算相比，减少0万元。\n"
            + "（二）公务接待费支出0.36万元，比2019年预算减少0.02万元。\n"
            + "（三）公务用车购置及运行费支出0万元。与2019年预算相比，减少0万元。\n";
    assertEquals(2020, MetadataExtractor.year(null, head));
  }

  @Test
  void aTablesNameIsNotAReportsTitle() {
    for (String table :
        List.of(
            "财政拨款支出预算表(功能科目)公开表五",
            "收支预算总表",
            "一般公共预算支出决算明细表",
            "收入决算表 公开02表",
            "政府性基金预算财政拨款收入支出决算表（公开08表）",
            "部门收支总表 表1-1")) assertTrue(MetadataExtractor.namesATable(table), table);
    for (String report :
        List.of(
            "江苏省人大常委会办公厅2019年部门预算公开表",
            "武汉市汉阳区总工会2024年度部门决算",
            "2026年上海市交通运输局部门预算",
            "上海市普陀区2025年区级部门预算",
            "洪江区总工会2024年度绩效评价")) assertFalse(MetadataExtractor.namesATable(report), report);
  }
}
