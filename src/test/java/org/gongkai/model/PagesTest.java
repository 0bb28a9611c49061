package org.gongkai.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PagesTest {

  // pages 1..4 begin at 0, 100, 250, 250 (page 3 is empty)
  private static final List<Integer> STARTS = List.of(0, 100, 250, 250);

  @Test
  void aSpanKnowsItsFirstAndLastPageAndThePageOfEachOffset() {
    Pages p = Pages.of(STARTS, 80, 300);
    assertEquals(1, p.first());
    assertEquals(List.of(20, 170, 170), p.breaks());
    assertEquals(4, p.last());
    assertEquals(1, p.at(0));
    assertEquals(2, p.at(20));
    assertEquals(4, p.at(170)); // the empty page 3 holds no character
    assertEquals(new Pages(2, List.of()), Pages.of(STARTS, 100, 250));
    assertEquals(new Pages(4, List.of()), Pages.of(STARTS, 250, 400));
  }

  @Test
  void storedAndReadBack() {
    Pages p = Pages.of(STARTS, 80, 300);
    assertEquals("1,20,170,170", p.encode());
    assertEquals(p, Pages.decode(p.encode()));
    assertEquals(Pages.NONE, Pages.decode(null));
    assertEquals(Pages.NONE, Pages.of(List.of(), 0, 10));
    assertEquals(0, Pages.NONE.at(5));
    assertEquals(0, Pages.NONE.last());
  }
}
