package org.gongkai.extract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The numbers a PDF's pages print are taken only where a numbering runs through them. */
class PrintedPagesTest {

  @Test
  void aNumberingAfterTheCoverIsReadInEveryWayItIsPrinted() {
    String text = "封面\n2026年部门预算\f目录\n第一部分\f正文一\n- 1 -\f正文二\n第 2 页 共 5 页\f正文三\n3/5\f正文四\n4";
    assertArrayEquals(new int[] {0, 0, 1, 2, 3, 4}, PrintedPages.of(text));
  }

  @Test
  void lonelyNumbersThatAgreeWithNoNumberingAreNotPageNumbers() {
    // a table's last cells and a year: each alone on a line, none a page's number
    String text = "收入合计\n552\f正文\n2024\f正文\n13\f正文\n7\f正文\n90";
    assertNull(PrintedPages.of(text));
    // two pages agreeing among eight is no numbering
    assertNull(PrintedPages.of("a\f b\f c\n3\f d\n4\f e\f f\f g\f h"));
  }
}
