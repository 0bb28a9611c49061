package org.gongkai.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongkai.TestSupport;
import org.gongkai.model.Region;
import org.gongkai.regions.RegionResolver;
import org.junit.jupiter.api.Test;

/**
 * One fixture for each way a real disclosure states its issuer, place, year and kind, found by
 * surveying published reports of many provinces, levels and issuers (see README, "What ingest
 * recognises"). Every fixture is written for this test: invented departments and wording in the
 * shape of the real ones, never copied text.
 */
class MetadataPatternsTest {

  private final MetadataExtractor extractor =
      new MetadataExtractor(new RegionResolver(TestSupport.gazetteer()));

  /** What the extractor decided, as one comparable line per field. */
  private record Got(
      String issuer,
      String type,
      String kind,
      Integer year,
      List<String> region,
      Map<String, String> from,
      String title) {}

  private Got read(String text) {
    return read(text, Map.of());
  }

  private Got read(String text, Map<String, String> fileMetadata) {
    // the preamble is what precedes the first 第X部分 / 一、 heading, as the splitter would cut it
    int heading = text.indexOf("\n第一部分");
    if (heading < 0) heading = text.indexOf("\n一、");
    String preamble = heading < 0 ? text : text.substring(0, heading);
    DocumentMetadata m = extractor.extract(text, preamble, fileMetadata);
    List<String> region = m.region().decided() ? m.region().region().path() : List.of();
    return new Got(
        m.issuer(),
        m.departmentType(),
        m.kind().label(),
        m.year(),
        region,
        m.decidedFrom(),
        m.title());
  }

  private static Map<String, String> from(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
    return m;
  }

  // ---- issuers of every kind, and the level of their region

  @Test
  void aStreetOfficeBelongsToItsCounty() {
    Got g = read("2023年度岳阳市岳阳楼区枫桥湖街道办事处\n部门决算\n目录\n第一部分 部门概况\n一、部门职责\n负责辖区党建和社区服务。");
    assertEquals("岳阳市岳阳楼区枫桥湖街道办事处", g.issuer());
    assertEquals("街道办事处", g.type());
    assertEquals(List.of("湖南省", "岳阳市", "岳阳楼区"), g.region());
    assertEquals(
        from(
            "title", "title", "issuer", "title", "year", "title", "kind", "title", "region",
            "issuer"),
        g.from());
  }

  @Test
  void aTownshipNamedAloneIsPlacedThroughItsCountyAndSharedNamesByThePage() {
    Got g = read("城口县蓼子乡人民政府2024年度决算公开\n一、单位基本情况\n乡政府负责全乡经济社会事务。");
    assertEquals("城口县蓼子乡人民政府", g.issuer());
    assertEquals("乡镇人民政府", g.type());
    assertEquals(List.of("重庆市", "重庆市", "城口县"), g.region());
    // 温泉街道 is the name of ten streets; the page's breadcrumb names the district
    Got shared =
        read(
            "温泉街道办事处2022年度部门决算\n第一部分 温泉街道办事处部门概况\n街道负责辖区管理。",
            Map.of("contentType", "text/html", "pageChrome", "首页 > 信息公开 > 咸宁市咸安区 > 温泉街道 > 财政资金"));
    assertEquals(List.of("湖北省", "咸宁市", "咸安区"), shared.region());
  }

  @Test
  void aProvinceLevelIssuerHasAProvinceOnlyAndAMunicipalityIsItsOwnCity() {
    assertEquals(List.of("江苏省"), read("江苏省人民检察院\n2018年部门预算\n目录\n第一部分 部门概况\n一、主要职能").region());
    assertEquals(List.of("广西壮族自治区"), read("广西壮族自治区人民检察院2023年度部门决算\n第一部分 概况").region());
    assertEquals(List.of("重庆市", "重庆市"), read("重庆市财政局2024年部门预算\n第一部分 部门概况").region());
    assertEquals(List.of("湖北省", "武汉市"), read("武汉市城市管理执法委员会2023年度部门决算\n第一部分 部门概况").region());
  }

  @Test
  void partyCommitteeDepartmentsAreNamedEveryWayAndTypedAlike() {
    Got full = read("中国共产党梧州市委员会宣传部\n2022 年度部门决算\n目录\n第一部分 概况");
    assertEquals("中国共产党梧州市委员会宣传部", full.issuer());
    assertEquals("宣传部", full.type());
    assertEquals(List.of("广西壮族自治区", "梧州市"), full.region());
    Got shortForm = read("中共奉新县委宣传部2022年部门预算\n目录\n第一部分 中共奉新县委宣传部概况");
    assertEquals("中共奉新县委宣传部", shortForm.issuer());
    assertEquals(List.of("江西省", "宜春市", "奉新县"), shortForm.region());
    assertEquals("江苏省委办公厅", Issuers.normal("中国共产党江苏省委员会办公厅"));
    assertEquals("江苏省委办公厅", Issuers.normal("中共江苏省委办公厅"));
    assertEquals("省委办公厅", Issuers.type("中共江苏省委办公厅", 3));
    // a government's own office is named by the office (the place, 3 characters, cut first)
    assertEquals("口岸办公室", Issuers.type("某某市人民政府口岸办公室", 3));
  }

  @Test
  void departmentTypesFormAShortStableVocabulary() {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("江苏省人大常委会办公厅", "人大常委会办公厅");
    expected.put("某某县人大常委会办公室", "人大常委会办公厅");
    expected.put("江苏省政协办公厅", "政协办公厅");
    expected.put("江苏省高级人民法院", "法院");
    expected.put("永昌县人民检察院", "检察院");
    expected.put("昆明市五华区第三幼儿园", "幼儿园");
    expected.put("柳州市马鞍山小学", "学校");
    expected.put("西南大学", "高校");
    expected.put("大关县天星镇中心卫生院", "卫生院");
    expected.put("师宗县丹凤街道社区卫生服务中心", "社区卫生服务中心");
    expected.put("泸州市中医医院", "医院");
    expected.put("某某县社会福利院", "社会福利院");
    expected.put("某某县敬老院", "福利院");
    // a name that only says it is a 中心 or a 委员会 is its own type (the place is cut before: 0 here)
    expected.put("红河州数据发展中心", "红河州数据发展中心");
    expected.put("湛江市人民政府行政服务中心", "湛江市人民政府行政服务中心");
    expected.put("上海市普陀区商务委员会", "上海市普陀区商务委员会");
    expected.put("中共上海市普陀区委社会工作部", "社会工作部");
    expected.put("上海市普陀区规划和自然资源局", "规划和自然资源局");
    expected.put("某某县自然资源和规划局", "自然资源局");
    expected.put("某某镇党政办公室", "乡镇人民政府");
    expected.put("湖南省财政厅", "财政局");
    expected.put("杭州市钱塘区综合行政执法局", "城市管理局");
    expected.put("某某县人民政府办公室", "人民政府办公室");
    // the other names of one kind of office, as other cities' portals write them
    expected.put("某某市人民政府国有资产监督管理委员会", "国资委");
    expected.put("某某市城市管理和综合执法局", "城市管理局");
    expected.put("某某市文化广电旅游体育局", "文化和旅游局");
    expected.put("某某市交通运输委员会", "交通运输局");
    expected.put("某某市信访办公室", "信访局");
    expected.put("某某市政务服务和数据管理局", "数据局");
    expected.put("某某市住房和建设局", "住房和城乡建设局");
    Map<String, String> actual = new LinkedHashMap<>();
    for (String name : expected.keySet()) actual.put(name, Issuers.type(name, 0));
    assertEquals(expected, actual);
  }

  // ---- where the issuer is said

  @Test
  void aTitleThatStartsWithTheYearOrAFileCode() {
    assertEquals("江苏省高级人民法院", read("2017 年度江苏省高级人民法院部门预算公开\n目录\n第一部分 部门概况").issuer());
    Got coded = read("360035柳州市马鞍山幼儿园2023年单位预算公开说明\n目 录\n第一部分:柳州市马鞍山幼儿园概况");
    assertEquals("柳州市马鞍山幼儿园", coded.issuer());
    assertEquals("部门预算", coded.kind());
    assertEquals(List.of("广西壮族自治区", "柳州市"), coded.region());
  }

  @Test
  void aSecondNameInBracketsIsLeftOut() {
    Got g = read("杭州市钱塘区综合行政执法局 (杭州市钱塘区城市管理局) 2021年度部门决算\n一、部门基本情况");
    assertEquals("杭州市钱塘区综合行政执法局", g.issuer());
    assertEquals(List.of("浙江省", "杭州市", "钱塘区"), g.region());
  }

  @Test
  void aTablesOnlyFileNamesItsIssuerInTheTableHeaderEvenBrokenOverTwoLines() {
    Got g =
        read(
            "收支预算总表\n部门：中国共产党江苏省委员会办\n公厅\n单位：万元\n项目名称\t金额\n"
                + "一般公共预算资金\t20,702.25\n收入合计\t20,849.45\n2017年政府采购预算表\n“三公”经费\t509.20\n基本支出\t9,964.07");
    assertEquals("中国共产党江苏省委员会办公厅", g.issuer());
    assertEquals("省委办公厅", g.type());
    assertEquals(2017, g.year());
    assertEquals("部门预算", g.kind());
    assertEquals(List.of("江苏省"), g.region());
    assertEquals(
        from(
            "title",
            "issuer",
            "issuer",
            "tableHeader",
            "year",
            "text",
            "kind",
            "text",
            "region",
            "issuer"),
        g.from());
  }

  @Test
  void aTableHeaderThatDropsTheDistrictLosesToTheSameDepartmentNamedInFull() {
    Got g =
        read(
            "收支总表\n部门：上海市规划和自然资源局\n单位：万元\n收入合计\t100\n"
                + "上海市普陀区规划和自然资源局负责本区规划管理。上海市普陀区规划和自然资源局下设办公室。\n基本支出\t60\n项目支出\t40");
    assertEquals("上海市普陀区规划和自然资源局", g.issuer());
    assertEquals(List.of("上海市", "上海市", "普陀区"), g.region());
    // a header naming a different department than the text is kept
    Got other = read("收支总表\n部门：上海市规划和自然资源局\n单位：万元\n上海市普陀区财政局拨款。\n基本支出\t60\n项目支出\t40");
    assertEquals("上海市规划和自然资源局", other.issuer());
    assertEquals(List.of("上海市", "上海市"), other.region());
  }

  @Test
  void aReportThatCallsItselfByShorthandIsSpelledOutWithItsProvince() {
    String body =
        "目录\n第一部分 部门概况\n一、主要职能\n江苏省政协是全省的统一战线组织，省政协办公厅负责机关事务。\n"
            + "二、机构设置\n本部门内设机构包括省政协办公厅、研究室。江苏政协讲坛每年举办，江苏省政协委员参加。预算单位共计1家，即省政协办公厅本级。\n"
            + "第二部分 2019年度部门预算表\n一、收支预算总表\n“三公”经费预算\n基本支出";
    Got g = read(body);
    assertEquals("江苏省政协办公厅", g.issuer());
    assertEquals("text", g.from().get("issuer"));
    assertEquals(List.of("江苏省"), g.region());
    assertEquals(2019, g.year());
  }

  @Test
  void aWebPageNamesItsIssuerAndPlaceInItsChrome() {
    Map<String, String> page =
        Map.of(
            "contentType",
            "text/html",
            "title",
            "蒙正幼儿园2023年度单位决算-重庆市渝中区人民政府",
            "pageChrome",
            "首页 > 政务公开 > 重庆市渝中区 > 财政预决算\n发布机构：重庆市渝中区教育委员会");
    Got g = read("一、单位基本情况\n（一）职能职责\n实施保育和教育。\n二、单位决算情况说明\n收入支出决算总表\n基本支出", page);
    assertEquals("蒙正幼儿园", g.issuer());
    assertEquals("pageChrome", g.from().get("issuer"));
    assertEquals(List.of("重庆市", "重庆市", "渝中区"), g.region());
    assertEquals("pageChrome", g.from().get("region"));
    assertEquals(2023, g.year());
  }

  @Test
  void thePortalsNameInAPagesTitleIsNotTheIssuer() {
    // a county portal titles the page by the section shown and its own name; the report is the
    // water bureau's, as the page's 来源 and the text say
    Map<String, String> page =
        Map.of(
            "contentType",
            "text/html",
            "title",
            "第一部分 部门概况 - 巫溪县人民政府",
            "pageChrome",
            "首页 > 政务公开 > 财政预决算\n来源：巫溪县水务局");
    Got g =
        read(
            "第一部分 部门概况\n一、部门职责\n巫溪县水务局负责全县水资源的统一管理和保护。\n二、机构设置\n"
                + "巫溪县水务局下属二级预算单位2个。\n第二部分 2023年度部门决算情况说明\n收入支出决算总表\n基本支出",
            page);
    assertEquals("巫溪县水务局", g.issuer());
    assertEquals(List.of("重庆市", "重庆市", "巫溪县"), g.region());
    assertEquals(2023, g.year());
  }

  @Test
  void aPagesTitleWithTheSitesNameAfterItIsTheReportsTitleWithout() {
    for (String separator : List.of("_", " - ", "｜", "——")) {
      Map<String, String> page =
          Map.of(
              "contentType",
              "text/html",
              "title",
              "巫溪县水务局2023年度部门决算" + separator + "巫溪县人民政府门户网站",
              "pageChrome",
              "首页 > 政务公开 > 财政预决算");
      Got g = read("一、部门职责\n负责全县水资源的统一管理和保护。\n二、收入支出决算总体情况说明\n基本支出", page);
      assertEquals("巫溪县水务局2023年度部门决算", g.title(), separator);
      assertEquals("巫溪县水务局", g.issuer(), separator);
      assertEquals(2023, g.year(), separator);
    }
    // the government's own report names itself in the article's part
    Map<String, String> own =
        Map.of(
            "contentType",
            "text/html",
            "title",
            "巫溪县人民政府办公室2023年度部门决算 - 巫溪县人民政府",
            "pageChrome",
            "首页 > 政务公开 > 财政预决算");
    assertEquals("巫溪县人民政府办公室", read("一、部门职责\n负责县政府日常运转。\n二、收入支出决算总体情况说明\n基本支出", own).issuer());
    // a date's hyphens are not a separator
    assertEquals(
        "巫溪县水务局2023-2025年绩效目标", IssuerNames.withoutSiteName("巫溪县水务局2023-2025年绩效目标 - 巫溪县人民政府"));
  }

  @Test
  void aPagesHeadingOutsideTheReportsElementIsItsTitle() throws Exception {
    java.nio.file.Path f = java.nio.file.Files.createTempFile("page", ".html");
    try {
      StringBuilder body = new StringBuilder();
      for (int i = 0; i < 30; i++)
        body.append("<p>第").append(i).append("段：本部门按规定编制并执行预算，基本支出和项目支出均按标准安排。</p>");
      java.nio.file.Files.writeString(
          f,
          "<html><head><title>信息公开</title></head><body><div class=\"crumb\">首页 &gt; 财政资金</div>"
              + "<h1>某某县农业农村局2023年度部门决算</h1><div class=\"content\"><p>第一部分 部门概况</p>"
              + body
              + "</div></body></html>");
      var d = TestSupport.ingestor().document(f);
      assertEquals("某某县农业农村局2023年度部门决算", d.title());
      assertEquals("pageChrome", d.decidedFrom().get("title"));
      assertEquals("某某县农业农村局", d.issuer());
      assertEquals("农业农村局", d.departmentType());
      assertEquals(2023, d.year());
    } finally {
      java.nio.file.Files.delete(f);
    }
  }

  @Test
  void aUniversityWithoutAPlaceInItsNameIsPlacedInTheCityTheReportNamesAndNoDeeper() {
    Got g =
        read(
            "某某师范大学\n2021 年度部门预算\n2021 年 4 月\n目录\n一、学校基本情况\n"
                + "学校是教育部与重庆市共建的大学，主校区位于重庆市北碚区，重庆市一流学科12个，重庆市重点实验室18个。");
    assertEquals("某某师范大学", g.issuer());
    assertEquals(2021, g.year());
    assertEquals(List.of("重庆市", "重庆市"), g.region());
    assertEquals("text", g.from().get("region"));
  }

  @Test
  void placesThatAreNotTheIssuersDoNotWin() {
    // the issuer names its county; the text names its twinned county and a project site far more
    // often
    Got g =
        read(
            "永昌县人民检察院2023年度部门决算\n第一部分 部门概况\n"
                + "对口帮扶石柱土家族自治县，石柱土家族自治县项目，石柱土家族自治县培训，南京市鼓楼区考察，南京市鼓楼区交流。");
    assertEquals(List.of("甘肃省", "金昌市", "永昌县"), g.region());
    // a county's shorthand with no place in the report: undecided rather than guessed from the body
    Got shorthand = read("2022年区委宣传部部门预算公开说明\n一、部门基本概况\n到南京市、南京市、南京市调研。");
    assertEquals(List.of(), shorthand.region());
  }

  @Test
  void aSharedDistrictNameWithNoCityToChooseByIsUndecidedWithCandidates() {
    DocumentMetadata m =
        extractor.extract("鼓楼区民政局2024年部门预算\n第一部分 部门概况", "鼓楼区民政局2024年部门预算", Map.of());
    assertFalse(m.region().decided());
    assertEquals(
        List.of("320106", "320302", "350102", "410204"),
        m.region().candidates().stream().map(Region::code).toList());
  }

  @Test
  void schoolDistrictsCourtsWithAsidesAndInjectedSpam() {
    Got district = read("2022年度清水县陇东镇学区部门决算\n目 录\n第一部分部门概况");
    assertEquals("清水县陇东镇学区", district.issuer());
    assertEquals("学校", district.type());
    assertEquals(List.of("甘肃省", "天水市", "清水县"), district.region());
    Got court = read("叙永县人民法院2024年部门预算编制的说明(县级)\n目录\n一、基本情况");
    assertEquals("叙永县人民法院", court.issuer());
    assertEquals("部门预算", court.kind());
    // a hacked mirror replaced the municipality's name with an advert; the district's own name
    // still places it
    Got spam = read("某某娱乐城 东城区人民法院2024年部门预算\n目 录\n第一部分 2024年度部门预算情况说明");
    assertEquals(List.of("北京市", "北京市", "东城区"), spam.region());
  }

  @Test
  void aTitleInTraditionalCharactersAndLetterSpacedPdfText() throws Exception {
    Got g = read("2022年衡南縣教育局預算公開\n目 錄\n第一部分 2022年部門預算說明");
    assertEquals("衡南县教育局", g.issuer());
    assertEquals("教育局", g.type());
    assertEquals("部门预算", g.kind());
    assertEquals(List.of("湖南省", "衡阳市", "衡南县"), g.region());
    // the cleaner closes the gaps of letter-spaced PDF text before metadata reads it
    java.nio.file.Path f = java.nio.file.Files.createTempFile("spaced", ".txt");
    try {
      java.nio.file.Files.writeString(
          f, "江 苏 省 人 民 检 察 院\n2 0 1 8 年 部 门 预 算\n第一部分 部门概况\n一、主要职能\n依法履行法律监督职责。\n");
      var d = TestSupport.ingestor().document(f);
      assertEquals("江苏省人民检察院", d.issuer());
      assertEquals(2018, d.year());
      assertEquals(List.of("江苏省"), d.region().region().path());
    } finally {
      java.nio.file.Files.delete(f);
    }
  }

  @Test
  void aPageColumnNameAboveTheTitleIsNotTheTitle() {
    Got g = read("2021年财政经费决算\n当前位置: 首页>>单位财政经费>>正文\n2021年度\n某某县文林镇城西社区卫生服务中心单位决算\n目录\n第一部分单位概况");
    assertEquals("某某县文林镇城西社区卫生服务中心", g.issuer());
    assertEquals("title", g.from().get("issuer"));
  }

  @Test
  void aSentenceIsNotAnOrganisationsName() {
    Got g =
        read(
            "目录\n第一部分 部门概况\n一、主要职能\n营盘乡人民政府作为一级政府，履行政府职能。营盘乡人民政府负责全乡事务。\n"
                + "第二部分 2024年度部门决算表\n一、收入支出决算表");
    assertEquals("营盘乡人民政府", g.issuer());
    assertEquals("部门决算", g.kind());
  }

  // ---- years
  // ---- years

  @Test
  void yearsWrittenEveryWay() {
    assertEquals(2023, read("某某县审计局二〇二三年度部门决算\n第一部分 概况").year());
    assertEquals(2023, read("某某县审计局２０２３年度部门决算\n第一部分 概况").year());
    assertEquals(2023, read("某某县审计局 2 0 2 3 年度部门决算\n第一部分 概况").year());
    // a budget is titled by the year it plans; the cover is dated the year before
    assertEquals(2025, read("某某县审计局\n2025年部门预算\n2024年12月\n第一部分 概况").year());
    // a final account is dated the year after the one it covers
    assertEquals(2023, read("某某县审计局 2023 年度部门决算\n2024 年 8月\n第一部分 概况").year());
    // prior-year columns do not make the year
    assertEquals(2024, read("第一部分 概况\n2024年度收入合计100万元，2023年度收入合计90万元，2024年度支出合计100万元。").year());
  }

  @Test
  void aStaleDeclaredTitleNeverOverridesTheText() {
    Map<String, String> pdf =
        Map.of("contentType", "application/pdf", "title", "江苏省政协办公厅2015年度部门预算");
    Got g = read("目录\n第一部分 部门概况\n第二部分 2019 年度部门预算表\n2019 年度部门主要工作任务\n一、收支预算总表\n基本支出", pdf);
    assertEquals(2019, g.year());
    assertEquals("江苏省政协办公厅", g.issuer());
    assertEquals("fileTitle", g.from().get("issuer"));
  }

  // ---- names a title breaks, forms about reports, central bodies, county branches

  @Test
  void aNameBrokenOverTheTitlesLinesIsReadWholeAndThePartsNameItInFull() {
    Got broken =
        read(
            "某某市某某区规划和自然\n资源局\n2024 年度部门决算\n目录\n"
                + "第一部分某某市某某区规划和自然资源局概况\n第二部分某某市某某区规划和自然资源局 2024 年度部门决算表");
    assertEquals("某某市某某区规划和自然资源局", broken.issuer());
    assertEquals("规划和自然资源局", broken.type());
    // a title that names only the department: the parts say whose it is
    Got party =
        read(
            "中共上海市普陀区委\n社会工作部 2024 年度\n部门决算\n目录\n第一部分中共上海市普陀区委社会工作部概况\n"
                + "第二部分中共上海市普陀区委社会工作部 2024 年度部门决算表\n纳入范围的单位包括：上海市普陀区某某服务中心");
    assertEquals("中共上海市普陀区委社会工作部", party.issuer());
    assertEquals("社会工作部", party.type());
    assertEquals(List.of("上海市", "上海市", "普陀区"), party.region());
  }

  @Test
  void aCheckListAboutABudgetIsNotTheBudgetAndNotItsDepartments() {
    Got form =
        read(
            "2026年部门预算\n2026年度某某区部门预算公开情况检查表\n部门名称: 某某市某某区司法局\t部门编码:201\n"
                + "检查内容\t符合要求\n及时公开部门预算\t是");
    assertEquals("其他", form.kind());
    assertEquals(null, form.issuer());
  }

  @Test
  void aCentralBodyIsCentralNotPlacedByThePlacesItsTextMentions() {
    Got central = read("国家某某局2024年度部门决算\n第一部分 部门概况\n本局对口支援新疆和田地区、新疆喀什地区，选派干部赴新疆工作。\n" + "收入支出决算总表");
    assertEquals("国家某某局", central.issuer());
    // #64: 中央, a region of its own beside the provinces — not 新疆 by what its text mentions
    assertEquals(List.of("中央"), central.region());
  }

  @Test
  void aCitysBureauNamedForOneOfItsCountiesIsInThatCounty() {
    Got branch = read("深圳市规划和自然资源局宝安管理局2024年部门预算\n第一部分 部门概况");
    assertEquals(List.of("广东省", "深圳市", "宝安区"), branch.region());
    assertEquals("规划和自然资源局", branch.type());
    assertEquals(List.of("福建省", "福州市", "仓山区"), read("福州市仓山生态环境局2025年部门预算\n第一部分 部门概况").region());
    // the city's own bureau stays the city's
    assertEquals(List.of("广东省", "深圳市"), read("深圳市规划和自然资源局2024年部门预算\n第一部分 部门概况").region());
  }

  // ---- kinds

  @Test
  void kindsOfReports() {
    assertEquals("部门决算", read("仁寿县文林镇城西社区卫生服务中心2021年度单位决算\n第一部分 单位概况").kind());
    assertEquals("部门预算", read("师宗县丹凤街道社区卫生服务中心\n2023年预算公开目录\n第一部分 编制说明").kind());
    assertEquals("绩效评价", read("红河州数据发展中心2024年度项目支出绩效单位自评报告\n一、基本情况").kind());
    assertEquals("绩效评价", read("某某县教育局2023年度部门整体支出绩效评价报告\n一、部门概况").kind());
    assertEquals("绩效评价", read("某某县教育局关于开展2022年度部门整体支出绩效自评工作的报告\n一、部门概况").kind());
    assertEquals("绩效评价", read("某某县文化馆2023年度项目支出绩效自评表\n一、项目概况").kind());
  }

  @Test
  void pagesThatOnlyLookLikeDisclosuresAreOther() {
    String tables = "\n一、公开内容\n部门收支预算总表、一般公共预算“三公”经费支出预算表、基本支出和项目支出，名词解释。";
    assertEquals("其他", read("关于做好2025年某某区部门预算信息公开工作的通知" + tables).kind());
    assertEquals("其他", read("某某县部门预算管理办法" + tables).kind());
    assertEquals("其他", read("市机关事务局圆满完成2023年度部门决算公开工作" + tables).kind());
    assertEquals("其他", read("某某县2023年度预算执行和其他财政收支的审计工作报告" + tables).kind());
    assertEquals("其他", read("某某县2022年政府信息公开工作年度报告" + tables).kind());
    assertEquals("其他", read("市直58个部门全部公开2019年部门预算" + tables).kind());
    assertEquals("其他", read("用心审核“2023年度预算公开”，守好财政关口" + tables).kind());
    // no title, and a text without a report's sections and tables: a news item that mentions 部门预算
    assertEquals("其他", read("本月，全县各部门按时公开了部门预算和部门决算，部门预算公开率达到百分之百。").kind());
  }

  @Test
  void noIssuerAnywhereIsNull() {
    Got g = read("部门预算说明\n一、收支预算\n本年收入合计100万元。");
    assertNull(g.issuer());
    assertEquals(List.of(), g.region());
  }
}
