package org.gongkai.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A municipality is said once where a reader reads a region, though its facet path repeats it. */
class RegionShownTest {

  @Test
  void aMunicipalitysCityIsSaidOnce() {
    Region putuo = new Region("310107", "上海市", "上海市", "普陀区");
    assertEquals(List.of("上海市", "上海市", "普陀区"), putuo.path());
    assertEquals(List.of("上海市", "普陀区"), putuo.shown());
    assertEquals(List.of("北京市"), new Region("110100", "北京市", "北京市", null).shown());
    assertEquals(List.of("湖北省", "武汉市", "汉阳区"), new Region("420105", "湖北省", "武汉市", "汉阳区").shown());
    assertEquals(List.of("重庆市", "北碚区"), Region.once(List.of("重庆市", "重庆市", "北碚区")));
  }
}
