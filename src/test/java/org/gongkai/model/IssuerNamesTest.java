package org.gongkai.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Spellings of one issuer's name come to one form; different issuers stay different. */
class IssuerNamesTest {

  @Test
  void spellingsOfOneIssuerAreOne() {
    for (String n : new String[] {"中共江苏省委办公厅", "中国共产党江苏省委员会办公厅", "江苏省委办公厅"})
      assertEquals("江苏省委办公厅", IssuerNames.normal(n), n);
    for (String n : new String[] {"江苏省人民代表大会常务委员会办公厅", "江苏省人大常委会办公厅"})
      assertEquals("江苏省人大常委会办公厅", IssuerNames.normal(n), n);
    for (String n : new String[] {"中国人民政治协商会议江苏省委员会办公厅", "政协江苏省委员会办公厅", "江苏省政协办公厅"})
      assertEquals("江苏省政协办公厅", IssuerNames.normal(n), n);
    assertEquals("中共武汉市蔡甸区委宣传部", "中共" + IssuerNames.normal("中国共产党武汉市蔡甸区委员会宣传部"));
  }

  @Test
  void otherIssuersStayApart() {
    assertEquals("武汉市蔡甸区总工会", IssuerNames.normal("武汉市蔡甸区总工会"));
    assertEquals("江苏省人民检察院", IssuerNames.normal("江苏省人民检察院"));
  }
}
