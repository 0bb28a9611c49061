package org.gongkai.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private static final Instant T = Instant.parse("2026-11-25T08:00:00Z");

  @Test
  void fiveFailuresOnANameHoldItBackForTheRestOfTheWindow() {
    LoginThrottle t = new LoginThrottle();
    for (int i = 0; i < 5; i++) {
      assertEquals(Duration.ZERO, t.wait("li.hua", "10.0.0.1", T.plusSeconds(i)));
      t.failed("li.hua", "10.0.0.1", T.plusSeconds(i));
    }
    // from another address too: the name is what is guessed at
    assertEquals(Duration.ofMinutes(15), t.wait("li.hua", "10.0.0.9", T));
    assertEquals(
        Duration.ofMinutes(5), t.wait("li.hua", "10.0.0.9", T.plus(Duration.ofMinutes(10))));
    // another name from the same address is not held back by these five
    assertEquals(Duration.ZERO, t.wait("王芳", "10.0.0.1", T.plusSeconds(5)));
    // once the oldest failure is past the window, one more attempt may be made
    assertEquals(Duration.ZERO, t.wait("li.hua", "10.0.0.1", T.plus(Duration.ofMinutes(15))));
  }

  @Test
  void twentyFailuresFromAnAddressHoldItBackOnEveryName() {
    LoginThrottle t = new LoginThrottle();
    for (int i = 0; i < 20; i++) t.failed("name" + i, "10.0.0.1", T);
    assertEquals(Duration.ofMinutes(15), t.wait("someone-else", "10.0.0.1", T));
    assertEquals(Duration.ZERO, t.wait("someone-else", "10.0.0.2", T));
  }

  @Test
  void aSuccessClearsTheNamesFailuresAndUnknownNamesCountAlike() {
    LoginThrottle t = new LoginThrottle();
    for (int i = 0; i < 4; i++) t.failed("li.hua", "a", T);
    t.succeeded("li.hua");
    for (int i = 0; i < 4; i++) t.failed("li.hua", "b", T);
    assertEquals(Duration.ZERO, t.wait("li.hua", "c", T));
    for (int i = 0; i < 5; i++) t.failed("nobody", "d", T);
    assertEquals(Duration.ofMinutes(15), t.wait("nobody", "e", T));
  }
}
