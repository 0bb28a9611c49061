package org.gongkai.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ScanImagesTest {

  /** A white page with a table's two rulings crossing and a character-sized mark beside them. */
  private static BufferedImage ruledPage() {
    BufferedImage page = new BufferedImage(600, 400, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = page.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 600, 400);
    g.setColor(Color.BLACK);
    g.fillRect(50, 100, 500, 3); // a ruling across, 500 px
    g.fillRect(300, 20, 3, 360); // a ruling down, 360 px
    g.fillRect(100, 200, 45, 4); // a character's long stroke, 45 px
    g.fillRect(120, 180, 4, 45); // and its upright stroke
    g.dispose();
    return page;
  }

  private static int ink(BufferedImage page, int x0, int y0, int x1, int y1) {
    int n = 0;
    for (int y = y0; y < y1; y++)
      for (int x = x0; x < x1; x++) if ((page.getRaster().getSample(x, y, 0)) < 160) n++;
    return n;
  }

  @Test
  void rulingsAreTakenOutAndCharactersKept() {
    BufferedImage out = ScanImages.removed(ruledPage(), 180);
    assertEquals(600, out.getWidth());
    assertEquals(400, out.getHeight());
    assertEquals(0, ink(out, 0, 0, 600, 150)); // the ruling across and the top of the one down
    assertEquals(0, ink(out, 290, 0, 310, 400)); // the ruling down, all of it
    assertEquals(45 * 4 + 4 * 45 - 4 * 4, ink(out, 90, 170, 160, 240)); // the character, whole
  }

  @Test
  void aPageWhoseLinesRunDownIsSidewaysAndTurnsUpright() {
    // twelve lines of text: bands of ink across the page with white between
    BufferedImage page = new BufferedImage(400, 600, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = page.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 400, 600);
    g.setColor(Color.BLACK);
    for (int line = 0; line < 12; line++)
      for (int ch = 0; ch < 14; ch++)
        g.fillRect(20 + ch * 26 + (line % 3) * 5, 30 + line * 45, 20, 22);
    g.dispose();
    assertFalse(ScanImages.sideways(page));
    BufferedImage turned = ScanImages.turned(page, 90);
    assertEquals(600, turned.getWidth());
    assertEquals(400, turned.getHeight());
    assertTrue(ScanImages.sideways(turned));
    // a quarter turn and three more are the page as it was, pixel for pixel
    BufferedImage back = ScanImages.turned(turned, 270);
    assertEquals(ink(page, 0, 0, 400, 600), ink(back, 0, 0, 400, 600));
    assertEquals(page.getRaster().getSample(20, 30, 0), back.getRaster().getSample(20, 30, 0));
    assertEquals(page.getRaster().getSample(15, 30, 0), back.getRaster().getSample(15, 30, 0));
  }
}
