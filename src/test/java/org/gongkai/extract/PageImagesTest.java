package org.gongkai.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.ByteArrayOutputStream;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.junit.jupiter.api.Test;

/**
 * Pages drawn as pictures: a page that would take too long is stopped, and remembered as failed.
 */
class PageImagesTest {

  /** A one-page PDF of {@code fills} tiny filled squares. */
  static byte[] fills(int fills) throws Exception {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
        for (int i = 0; i < fills; i++) {
          c.addRect(i % 500, (i / 500) % 700, 1, 1);
          c.fill();
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }

  @Test
  void aPageOfTooManyDrawingOperationsIsStoppedAndNotTriedAgain() throws Exception {
    byte[] bomb = fills(30_000); // 60,000 operations: re and f for each square
    AtomicInteger read = new AtomicInteger();
    PageImages images = new PageImages(10_000, java.time.Duration.ofSeconds(20));
    PageImages.Result first =
        images.page(
            "bomb",
            1,
            () -> {
              read.incrementAndGet();
              return Optional.of(bomb);
            });
    assertEquals(new PageImages.Failed("the page has more than 10,000 drawing operations"), first);
    // asked again (a reload, another reader): the failure is remembered, the file not read again
    assertEquals(first, images.page("bomb", 1, () -> Optional.of(bomb)));
    assertEquals(1, read.get());
    // an ordinary page of the same renderer draws
    byte[] small = fills(100);
    assertInstanceOf(PageImages.Png.class, images.page("small", 1, () -> Optional.of(small)));
  }

  @Test
  void aPageWaitingBehindSlowOnesIsNotRememberedAsFailed() throws Exception {
    byte[] small = fills(100);
    // drawn once first, so no class loading of the drawing code counts against the time limit
    assertInstanceOf(
        PageImages.Png.class, new PageImages().page("warm", 1, () -> Optional.of(small)));
    PageImages images = new PageImages(PageImages.MAX_OPERATIONS, java.time.Duration.ofSeconds(2));
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch holding = new java.util.concurrent.CountDownLatch(2);
    java.util.concurrent.CountDownLatch freed = new java.util.concurrent.CountDownLatch(2);
    PageImages.PdfSource slow =
        () -> {
          holding.countDown();
          // holds its render thread until released, deaf to the stop (as a reader of bytes may be)
          while (true) {
            try {
              release.await();
              break;
            } catch (InterruptedException e) {
              // not stopping here
            }
          }
          freed.countDown();
          return Optional.empty(); // nothing to draw: the thread is free at once
        };
    // both render threads held past the limit: each slow page fails and is remembered so
    java.util.concurrent.ExecutorService clients =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    var a = clients.submit(() -> images.page("slow-a", 1, slow));
    var b = clients.submit(() -> images.page("slow-b", 1, slow));
    holding.await(); // both render threads are held
    // a third page waits in the queue past the limit: busy, not failed for good
    assertEquals(
        new PageImages.Failed(PageImages.BUSY), images.page("small", 1, () -> Optional.of(small)));
    assertEquals(new PageImages.Failed("rendering took longer than 2 s"), a.get());
    assertEquals(new PageImages.Failed("rendering took longer than 2 s"), b.get());
    // remembered: asked again, the slow page is not read again
    assertEquals(
        new PageImages.Failed("rendering took longer than 2 s"),
        images.page("slow-a", 1, () -> Optional.of(small)));
    release.countDown();
    freed.await();
    clients.shutdown();
    // the slow renders end and free the threads; the page, asked again, is drawn (a client told
    // "busy" tries again in a moment, as this does while the freed threads wind down)
    PageImages.Result again = images.page("small", 1, () -> Optional.of(small));
    for (int i = 0; i < 20 && again.equals(new PageImages.Failed(PageImages.BUSY)); i++) {
      Thread.sleep(100);
      again = images.page("small", 1, () -> Optional.of(small));
    }
    assertInstanceOf(PageImages.Png.class, again);
  }

  /**
   * The cache is bounded by bytes: the same page asked with many different marks (each its own
   * picture) never holds more than the bound.
   */
  @Test
  void theCacheIsBoundedByBytesWhateverTheMarks() throws Exception {
    byte[] small = fills(100);
    long each =
        assertInstanceOf(
                PageImages.Png.class, new PageImages().page("p", 1, () -> Optional.of(small)))
            .bytes()
            .length;
    long bound = 5 * each + each / 2; // room for five pictures, not six
    PageImages images =
        new PageImages(
            PageImages.MAX_OPERATIONS,
            java.time.Duration.ofSeconds(20),
            bound,
            java.time.Duration.ofMinutes(1));
    for (int i = 0; i < 30; i++) {
      assertInstanceOf(
          PageImages.Png.class,
          images.page("p", 1, () -> Optional.of(small), java.util.List.of("标记" + i)));
      assertEquals(true, images.cachedBytes() <= bound, images.cachedBytes() + " bytes kept");
    }
    // the marks are drawn nowhere on this page: each picture is the page's, of the same size
    assertEquals(5 * each, images.cachedBytes());
  }

  /**
   * A page that met an out-of-memory error (perhaps another request's) is tried again next time; a
   * page over the time limit after a while; only the page's own failure is remembered for good.
   */
  @Test
  void onlyThePagesOwnFailureIsRememberedForGood() throws Exception {
    byte[] small = fills(100);
    PageImages images =
        new PageImages(10_000, java.time.Duration.ofSeconds(20), 1L << 20, java.time.Duration.ZERO);
    PageImages.Result starved =
        images.page(
            "p",
            1,
            () -> {
              throw new OutOfMemoryError("Java heap space");
            });
    assertEquals(new PageImages.Failed("Java heap space"), starved);
    assertInstanceOf(PageImages.Png.class, images.page("p", 1, () -> Optional.of(small)));
    // the bomb's failure is its own: remembered, not read again
    AtomicInteger read = new AtomicInteger();
    byte[] bomb = fills(30_000);
    PageImages.PdfSource counted =
        () -> {
          read.incrementAndGet();
          return Optional.of(bomb);
        };
    PageImages.Result first = images.page("bomb", 1, counted);
    assertEquals(first, images.page("bomb", 1, counted));
    assertEquals(1, read.get());
  }

  /**
   * A page over the time limit is asked again once its while has passed, and then drawn. The limit
   * is generous (a loaded CI machine drew the small page in over 300 ms): the held page passes it
   * only because it is held.
   */
  @Test
  void aPageOverTheTimeLimitIsTriedAgainAfterAWhile() throws Exception {
    byte[] small = fills(100);
    new PageImages().page("warm", 1, () -> Optional.of(small));
    java.time.Duration limit = java.time.Duration.ofSeconds(3),
        remembered = java.time.Duration.ofMillis(1500);
    PageImages images = new PageImages(PageImages.MAX_OPERATIONS, limit, 1L << 20, remembered);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    PageImages.Result late =
        images.page(
            "p",
            1,
            () -> {
              try {
                release.await(); // held past the limit: the stop interrupts it
              } catch (InterruptedException stopped) {
                throw new java.io.InterruptedIOException("stopped");
              }
              return Optional.of(small);
            });
    assertEquals(new PageImages.Failed("rendering took longer than 3 s"), late);
    // within its while: remembered, the source not asked
    AtomicInteger asked = new AtomicInteger();
    assertEquals(
        late,
        images.page(
            "p",
            1,
            () -> {
              asked.incrementAndGet();
              return Optional.of(small);
            }));
    assertEquals(0, asked.get());
    Thread.sleep(remembered.toMillis() + 100);
    // after it: asked again, and drawn (a renderer still stopping the held page says busy, not
    // remembered: asked again in a moment)
    PageImages.Result again = images.page("p", 1, () -> Optional.of(small));
    for (int i = 0; i < 50 && again.equals(new PageImages.Failed(PageImages.BUSY)); i++) {
      Thread.sleep(100);
      again = images.page("p", 1, () -> Optional.of(small));
    }
    assertInstanceOf(PageImages.Png.class, again, again.toString());
  }
}
