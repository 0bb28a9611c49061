package org.gongkai.purchases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.gongkai.model.PurchaseReading;
import org.junit.jupiter.api.Test;

/**
 * A procurement table in each shape the surveyed reports print it (fixtures written for this test,
 * the bodies and items invented): the items with their category, unit and cells, the table's total
 * and whether its own sums prove the reading.
 */
class PurchaseReaderTest {

  private final PurchaseReader reader = new PurchaseReader();

  private static final String HEAD =
      "政府采购支出表\n部门：南岭市港务局单位：万元\n"
          + "采购品目大类\t专项名称\t经济科目\t采购品目名称\t采购组织形式\t资金来源\t\t\t\t总计\n"
          + "\t\t\t\t\t一般公共预算资金\t政府性基金\t其他资金\t上年结转和结余资金\n";

  private static String items(PurchaseReading r) {
    return r.items().stream()
        .map(
            p ->
                String.join(
                    " | ",
                    String.valueOf(p.category()),
                    String.valueOf(p.unit()),
                    String.valueOf(p.project()),
                    String.valueOf(p.economic()),
                    String.valueOf(p.item()),
                    String.valueOf(p.method()),
                    p.amount().toPlainString(),
                    p.proof()))
        .collect(Collectors.joining("\n"));
  }

  private static String tables(PurchaseReading r) {
    return r.tables().stream()
        .map(
            t ->
                t.title()
                    + " "
                    + t.items()
                    + " "
                    + (t.total() == null ? "-" : t.total().toPlainString())
                    + " "
                    + t.categories().stream()
                        .map(c -> c.name() + "=" + c.amount().toPlainString())
                        .collect(Collectors.joining(","))
                    + " "
                    + t.status())
        .collect(Collectors.joining("\n"));
  }

  @Test
  void itemsUnderTheirUnitsAndCategoriesProvenByTheTablesSums() {
    String text =
        "十三、政府采购支出表\n第三部分 2026 年度部门预算情况说明\n" // the contents: no table under it
            + "机关运行经费主要用于办公费。\n南岭市港务局 2026年度部门预算公开\n公开 13表\n"
            + HEAD
            + "合计\t\t\t\t\t1,262.50\t\t\t\t1,262.50\n"
            + "货物\t\t\t\t\t62.50\t\t\t\t62.50\n"
            + "南岭市港务局（本级）\t\t\t\t\t2.50\t\t\t\t2.50\n"
            + "\t定额\t办公费\t复印纸\t集中采购\t2.50\t\t\t\t2.50\n"
            + "南岭市航标\t\t\t\t\t60.00\t\t\t\t60.00\n"
            + "\t\t\t-\t12 -\n"
            + "南岭市港务局 2026年度部门预算公开处\n" // the unit's name goes on past the page's head
            + "\t航标维护经费\t专用设备购置\t航标灯\t分散采购\t60.00\t\t\t\t60.00\n"
            + "工程\t\t\t\t\t900.00\t\t\t\t900.00\n"
            + "南岭市航标处\t\t\t\t\t900.00\t900.00\n"
            + "\t码头护岸维修\t维修（护）费\t其他房屋施工\t分散采购\t900.00\t900.00\n"
            + "服务\t\t\t\t\t300.00\t300.00\n"
            + "南岭市港务局（本级）\t\t\t\t\t300.00\t300.00\n"
            + "\t商品和服务支出(定额非\t公务用车运行\t车辆维修和保养服务\t集中采购\t20.00\t20.00\n"
            + "南岭市港务局 2026年度部门预算公开\n"
            + "三保)\t维护费\n" // an item's cells wrapped over the page's break
            + "港区物业管理费\t物业管理费\t物业管理服务\t\t280.00\t280.00\n" // its first tab lost, no method
            + "\t\t- 13\t-\n"
            + "第三部分 2026 年度部门预算情况说明\n一、收支预算总体情况说明\n";
    PurchaseReading r = reader.read(text);
    assertEquals("政府采购支出表 5 1262.50 货物=62.50,工程=900.00,服务=300.00 sums", tables(r));
    assertEquals(
        String.join(
            "\n",
            "货物 | 南岭市港务局（本级） | 定额 | 办公费 | 复印纸 | 集中采购 | 2.50 | sums",
            "货物 | 南岭市航标处 | 航标维护经费 | 专用设备购置 | 航标灯 | 分散采购 | 60.00 | sums",
            "工程 | 南岭市航标处 | 码头护岸维修 | 维修（护）费 | 其他房屋施工 | 分散采购 | 900.00 | sums",
            "服务 | 南岭市港务局（本级） | 商品和服务支出(定额非三保) | 公务用车运行维护费 | 车辆维修和保养服务 | 集中采购 | 20.00 | sums",
            "服务 | 南岭市港务局（本级） | 港区物业管理费 | 物业管理费 | 物业管理服务 | null | 280.00 | sums"),
        items(r));
  }

  @Test
  void aTableWhoseSumsDoNotCloseIsReadNotProvenExceptTheUnitsThatClose() {
    String text =
        HEAD
            + "合计\t\t\t\t\t100.00\t\t\t\t100.00\n"
            + "服务\t\t\t\t\t100.00\t\t\t\t100.00\n"
            + "南岭市港务局（本级）\t\t\t\t\t40.00\t\t\t\t40.00\n"
            + "\t会议经费\t会议费\t一般会议服务\t集中采购\t40.00\t\t\t\t40.00\n"
            + "南岭市航标处\t\t\t\t\t60.00\t\t\t\t60.00\n"
            + "\t培训经费\t培训费\t培训服务\t集中采购\t50.00\t\t\t\t50.00\n"
            + "第三部分 情况说明\n";
    PurchaseReading r = reader.read(text);
    assertEquals("政府采购支出表 2 100.00 服务=100.00 open", tables(r));
    assertEquals(
        List.of("sums", "stated"),
        r.items().stream().map(PurchaseReading.Purchase::proof).toList());
  }

  @Test
  void aReportWithNoProcurementSaysSoUnderTheTablesHeader() {
    String text =
        "公开 13表\n政府采购支出表\n单位：北湖市侨务办公室单位：万元\n资金来源\n"
            + "采购品目大类专项名称经济科目采购品目名称采购组织形式一般公共上年结转和总计政府性基金其他资金\n"
            + "预算资金结余资金\n合计\n注：本单位无政府采购支出，故本表无数据。\n第三部分 情况说明\n";
    PurchaseReading r = reader.read(text);
    assertEquals("政府采购支出表 0 - empty", tables(r).replace("  ", " "));
    assertEquals("", items(r));
  }

  @Test
  void amountsInYuanAreKeptIn10000Yuan() {
    String text =
        "部门政府采购预算表\n单位：元\n"
            + "采购品目大类\t专项名称\t经济科目\t采购品目名称\t采购组织形式\t总计\n"
            + "合计\t\t\t\t\t35,000.00\n"
            + "货物\t\t\t\t\t35,000.00\n"
            + "\t办公设备购置\t办公设备购置\t台式计算机\t集中采购\t35,000.00\n"
            + "四、部门政府购买服务预算表\n";
    PurchaseReading r = reader.read(text);
    assertEquals("部门政府采购预算表 1 3.50 货物=3.50 sums", tables(r));
    assertEquals("货物 | null | 办公设备购置 | 办公设备购置 | 台式计算机 | 集中采购 | 3.50 | sums", items(r));
  }

  @Test
  void spendingLinesOverTheirItemsAndRowsWhoseFirstTabAPageBreakLost() {
    String text =
        "2019年政府采购预算表\n部门：东湖市人大常委会办公厅\t\t单位：万元\n"
            + "采购品目大类\t专项名称\t经济科目\t采购物品名称\t采购组织形式\t总计\n"
            + "合计\t\t\t\t\t238.00\n"
            + "一、货物A\t\t\t\t\t38.00\n"
            + "\t办公设备购置费\t办公设备购置\t\t\t38.00\n"
            + "\t\t\t台式计算机（20万以下）\t分散自行组织\t30.00\n"
            + "\t\t\t家具用具\t政府集中采购\t8.00\n"
            + "三、服务C\t\t\t\t\t200.00\n"
            + "\t会议经费\t会议费\t\t\t150.00\n"
            + "\t\t\t会议服务\t分散自行组织\t150.00\n"
            + "商品和服务支出\t培训费\t\t\t30.00\n" // a new page: every row one tab short
            + "\t\t培训服务\t政府集中采购\t30.00\n"
            + "\t印刷费\t\t\t20.00\n" // its spending line merged with the one above
            + "\t\t印刷服务\t政府集中采购\t20.00\n"
            + "注：1.采购组织形式为：集中采购、部门集中采购和分散采购。\n";
    PurchaseReading r = reader.read(text);
    assertEquals("2019年政府采购预算表 5 238.00 货物=38.00,服务=200.00 sums", tables(r));
    assertEquals(
        String.join(
            "\n",
            "货物 | null | 办公设备购置费 | 办公设备购置 | 台式计算机（20万以下） | 分散自行组织 | 30.00 | sums",
            "货物 | null | 办公设备购置费 | 办公设备购置 | 家具用具 | 政府集中采购 | 8.00 | sums",
            "服务 | null | 会议经费 | 会议费 | 会议服务 | 分散自行组织 | 150.00 | sums",
            "服务 | null | 商品和服务支出 | 培训费 | 培训服务 | 政府集中采购 | 30.00 | sums",
            "服务 | null | 商品和服务支出 | 印刷费 | 印刷服务 | 政府集中采购 | 20.00 | sums"),
        items(r));
  }

  @Test
  void whatTheReviewFoundTotalsFirstLetteredCategoriesAndItemsOutsideTheUnits() {
    // 总计 before the sources: each row's total is its first amount
    String first =
        "政府采购支出表\n单位：万元\n"
            + "采购品目大类\t专项名称\t经济科目\t采购品目名称\t采购组织形式\t总计\t一般公共预算资金\t其他资金\n"
            + "合计\t\t\t\t\t40.00\t40.00\t0.00\n"
            + "A货物\t\t\t\t\t40.00\t40.00\t0.00\n"
            + "\t定额\t办公费\t复印纸\t集中采购\t40.00\t40.00\t0.00\n"
            + "三、名词解释\n";
    PurchaseReading r = reader.read(first);
    assertEquals("政府采购支出表 1 40.00 货物=40.00 sums", tables(r));
    assertEquals("货物 | null | 定额 | 办公费 | 复印纸 | 集中采购 | 40.00 | sums", items(r));
    // an item standing under no unit counts toward the total: 50 + 100 is not 100
    String outside =
        HEAD
            + "合计\t\t\t\t\t100.00\n"
            + "\t定额\t办公费\t复印纸\t集中采购\t50.00\n"
            + "南岭市港务局（本级）\t\t\t\t\t100.00\n"
            + "\t设备购置\t办公设备购置\t台式计算机\t集中采购\t100.00\n"
            + "三、名词解释\n";
    assertEquals("政府采购支出表 2 100.00  open", tables(reader.read(outside)));
    // a whole unit's name takes no line after it (the header's words on a new page)
    String header =
        HEAD
            + "合计\t\t\t\t\t5.00\n服务\t\t\t\t\t5.00\n"
            + "南岭市港务局（本级）\t\t\t\t\t5.00\n"
            + "\t\t\t\t\t财政拨款\t其他资金\n"
            + "\t定额\t印刷费\t其他印刷服务\t集中采购\t5.00\n"
            + "三、名词解释\n";
    assertEquals(
        "服务 | 南岭市港务局（本级） | 定额 | 印刷费 | 其他印刷服务 | 集中采购 | 5.00 | sums", items(reader.read(header)));
  }
}
