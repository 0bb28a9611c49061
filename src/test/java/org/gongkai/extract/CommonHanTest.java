package org.gongkai.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import org.junit.jupiter.api.Test;

/**
 * The Han characters GB2312 holds, found once, are what its encoder says, character by character.
 */
class CommonHanTest {

  @Test
  void everyCharacterIsInTheSetExactlyWhenGb2312EncodesItAsHan() {
    var gb2312 = Charset.forName("GB2312").newEncoder();
    int held = 0;
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      boolean expected =
          Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
              && gb2312.canEncode((char) c);
      assertEquals(expected, TextDecoder.COMMON_HAN.get(c), "U+" + Integer.toHexString(c));
      if (expected) held++;
    }
    // GB2312's level-1 and level-2 hanzi: 3,755 + 3,008
    assertEquals(held, TextDecoder.COMMON_HAN.cardinality());
    assertEquals(true, held >= 6763, "GB2312's hanzi: " + held);
  }
}
