package org.gongkai.projects;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A project's key: what joins one project's names across reports and years. */
class ProjectKeysTest {

  @Test
  void aNumberThatIsTheNamesOwnStaysInItsKey() {
    assertEquals(
        List.of("12345热线运维", "12315热线运维", "100%覆盖工程", "985工程", "2026年度"),
        List.of("12345热线运维项目", "12315热线运维项目", "100%覆盖工程", "985工程", "2026年度").stream()
            .map(ProjectKeys::key)
            .toList());
  }

  @Test
  void aNamesNumberingCodesYearsQuotesAndProjectSuffixAreNotItsKey() {
    assertEquals(
        List.of(
            "中央高校教育教学改革",
            "中央高校改善基本办学条件专项-设备资料购置",
            "出国留学经费",
            "童语同音计划-幼儿普通话教育",
            "食堂食材采购",
            "信息化(财政审核)",
            "示例分局看守所运行",
            "预算准备金",
            "专项"),
        List.of(
                "236 中央高校教育教学改革专项",
                "236-中央高校改善基本办学条件专项——设备资料购置项目",
                "236 出国留学经费（项目）",
                "236“童语同音计划”-幼儿普通话教育项目",
                "（三）2026 年食堂食材采购项目绩效目标表",
                "信息化（财政审核）",
                "301007_示例分局_示例分局看守所运行",
                "3. 预算准备金",
                "专项")
            .stream()
            .map(ProjectKeys::key)
            .toList());
  }
}
