package org.gongkai.regions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.gongkai.TestSupport;
import org.gongkai.model.Region;
import org.gongkai.model.RegionMatch;
import org.junit.jupiter.api.Test;

class RegionResolverTest {

  private final RegionResolver resolver = new RegionResolver(TestSupport.gazetteer());

  private Region region(String issuer, String text) {
    RegionMatch m = resolver.resolve(issuer, null, text);
    return m.region();
  }

  @Test
  void fullAndShortCountyNamesResolve() {
    assertEquals(new Region("420105", "湖北省", "武汉市", "汉阳区"), region("武汉市汉阳区总工会", ""));
    assertEquals(new Region("420105", "湖北省", "武汉市", "汉阳区"), region("汉阳区总工会", ""));
    assertEquals(new Region("511113", "四川省", "乐山市", "金口河区"), region("金口河区总工会", ""));
    assertEquals(new Region("511113", "四川省", "乐山市", "金口河区"), region("四川省乐山市金口河区总工会", ""));
  }

  @Test
  void theConsultativeConferencesAndTheLeaguesNamesComeBeforeThePlace() {
    assertEquals("320000", region("中国人民政治协商会议江苏省委员会办公厅", "").code());
    assertEquals("320000", region("政协江苏省委员会办公厅", "").code());
    assertEquals("320100", region("中国人民政治协商会议南京市委员会办公厅", "").code());
    assertEquals("320100", region("共青团南京市委员会", "").code());
    assertEquals("320100", region("中国共产主义青年团南京市委员会", "").code());
  }

  @Test
  void autonomousCountiesResolveByFullAndShortForm() {
    Region ximeng = new Region("530829", "云南省", "普洱市", "西盟佤族自治县");
    assertEquals(ximeng, region("西盟佤族自治县教育局", ""));
    assertEquals(ximeng, region("西盟县教育局", ""));
  }

  @Test
  void aManagementDistrictResolvesByItsCommonName() {
    assertEquals(new Region("431271", "湖南省", "怀化市", "洪江管理区"), region("洪江区总工会", ""));
    assertEquals("431281", region("洪江市总工会", "").code());
  }

  @Test
  void aDevelopmentZoneNamedByItsCitysShortNameIsThatCitys() {
    // the kinds of zone, with or without a name of their own between city and kind
    assertEquals("430100", region("长沙经济技术开发区管理委员会", "").code());
    assertEquals("130100", region("石家庄高新区财政局", "").code());
    assertEquals("420100", region("武汉东湖新技术开发区管委会", "").code());
    assertEquals("510100", region("成都天府新区管理委员会", "").code());
    assertEquals("610100", region("西安高新技术产业开发区管委会", "").code());
    assertEquals("370200", region("青岛西海岸新区财政局", "").code());
    // a county-level city's zone is that city's; the short name is no county's (长沙县) in it
    assertEquals("320583", region("昆山经济技术开发区管委会", "").code());
    assertEquals("430121", region("长沙县财政局", "").code());
    // a zone the gazetteer knows is its own division, as before
    assertEquals("340176", region("合肥高新技术产业开发区管委会", "").code());
    // no city named: undecided, never guessed; a short name before anything but a zone is no place
    assertFalse(resolver.resolve("东湖新技术开发区管委会", null, "").decided());
    assertFalse(resolver.resolve("长沙文化研究会", null, "").decided());
  }

  @Test
  void sharedNamesAreResolvedByTheCityTheDocumentNames() {
    assertEquals("320106", region("鼓楼区财政局", "南京市鼓楼区财政局2024年度部门决算，南京市").code());
    assertEquals("350102", region("鼓楼区财政局", "福州市财政局批复。").code());
    assertEquals("511102", region("市中区总工会", "乐山市市中区").code());
    assertEquals("370103", region("济南市市中区总工会", "").code());
  }

  @Test
  void anUndecidableSharedNameIsReportedWithItsCandidates() {
    RegionMatch m = resolver.resolve("鼓楼区财政局", null, "本部门2024年度决算。");
    assertFalse(m.decided());
    assertEquals(
        List.of("320106", "320302", "350102", "410204"),
        m.candidates().stream().map(Region::code).toList());
    assertEquals(
        "ambiguous place name 鼓楼区: 4 divisions share it and the document names none of their cities",
        m.note());
  }

  @Test
  void municipalitiesAreTheirOwnCity() {
    assertEquals(new Region("110105", "北京市", "北京市", "朝阳区"), region("北京市朝阳区教育委员会", ""));
    assertEquals(new Region("500101", "重庆市", "重庆市", "万州区"), region("重庆市万州区财政局", ""));
    assertEquals(new Region("220104", "吉林省", "长春市", "朝阳区"), region("长春市朝阳区财政局", ""));
  }

  @Test
  void cityAndProvinceLevelUnitsHaveNoCounty() {
    assertEquals(new Region("420100", "湖北省", "武汉市", null), region("武汉市总工会", ""));
    assertEquals(new Region("420000", "湖北省", null, null), region("湖北省总工会", ""));
    assertEquals(new Region("420000", "湖北省", null, null), region("湖北总工会", ""));
  }

  @Test
  void aTownshipOrStreetResolvesToItsCounty() {
    assertEquals(new Region("360731", "江西省", "赣州市", "于都县"), region("葛坳乡人民政府", ""));
    assertEquals(new Region("310107", "上海市", "上海市", "普陀区"), region("上海市普陀区人民政府万里街道办事处", ""));
    // ten streets are called 温泉街道: the county the text names decides, else the candidates are
    // listed
    assertEquals("421202", region("温泉街道办事处", "咸宁市咸安区温泉街道").code());
    RegionMatch m = resolver.resolve("温泉街道办事处", null, "");
    assertFalse(m.decided());
    assertEquals(10, m.candidates().size());
  }

  @Test
  void aNameACountyBearsIsTheCountysEvenWhereAStreetBearsItToo() {
    assertEquals(new Region("110101", "北京市", "北京市", "东城区"), region("东城区人民法院", ""));
  }

  @Test
  void anAddressDecidesTheCityButNoDeeper() {
    RegionMatch m =
        resolver.resolve(
            List.of(
                RegionResolver.Evidence.name("issuer", "某某大学"),
                RegionResolver.Evidence.address("重庆市北碚区天生路2号")),
            "",
            0);
    assertEquals(new Region("500000", "重庆市", "重庆市", null), m.region());
    assertEquals("address", m.from());
  }

  @Test
  void noPlaceNameMeansNoRegion() {
    RegionMatch m = resolver.resolve("区总工会", null, "");
    assertFalse(m.decided());
    assertEquals("no place name in the issuer or title", m.note());
  }
}
