package org.gongkai.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private static final Instant T = Instant.parse("2026-11-25T08:00:00Z");

  @Test
  void fiveFailuresOnANameHoldThatAddressBackButNotTheOwnerElsewhere() {
    LoginThrottle t = new LoginThrottle();
    for (int i = 0; i < 5; i++) {
      assertEquals(Duration.ZERO, t.wait("li.hua", "10.0.0.1", T.plusSeconds(i)));
      t.failed("li.hua", "10.0.0.1", T.plusSeconds(i));
    }
    assertEquals(Duration.ofMinutes(15), t.wait("li.hua", "10.0.0.1", T));
    assertEquals(
        Duration.ofMinutes(5), t.wait("li.hua", "10.0.0.1", T.plus(Duration.ofMinutes(10))));
    // the account's owner, from an address that has not failed on it, signs in at once: nobody
    // locks anyone out from elsewhere
    assertEquals(Duration.ZERO, t.wait("li.hua", "10.0.0.9", T.plusSeconds(5)));
    // another name from the same address is not held back by these five
    assertEquals(Duration.ZERO, t.wait("王芳", "10.0.0.1", T.plusSeconds(5)));
    // once the oldest failure is past the window, one more attempt may be made
    assertEquals(Duration.ZERO, t.wait("li.hua", "10.0.0.1", T.plus(Duration.ofMinutes(15))));
  }

  @Test
  void guessingANameFromManyAddressesIsSlowedMoreWithEachFailure() {
    LoginThrottle t = new LoginThrottle();
    for (int i = 1; i <= 5; i++) t.failed("admin", "10.0.1." + i, T);
    // five failures on the name: an address that failed on it waits a second after the last
    assertEquals(Duration.ofSeconds(1), t.wait("admin", "10.0.1.1", T));
    assertEquals(Duration.ZERO, t.wait("admin", "10.0.1.1", T.plusSeconds(1)));
    // each further failure doubles the wait
    t.failed("admin", "10.0.1.6", T.plusSeconds(1));
    assertEquals(Duration.ofSeconds(2), t.wait("admin", "10.0.1.2", T.plusSeconds(1)));
    for (int i = 7; i <= 14; i++) t.failed("admin", "10.0.1." + i, T.plusSeconds(1));
    // 2^9 s would be more than the most any name waits
    assertEquals(LoginThrottle.MAX_DELAY, t.wait("admin", "10.0.1.3", T.plusSeconds(1)));
    // the owner's own address has not failed on it: no wait
    assertEquals(Duration.ZERO, t.wait("admin", "192.168.7.20", T.plusSeconds(1)));
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
    t.succeeded("li.hua", "a");
    for (int i = 0; i < 4; i++) t.failed("li.hua", "b", T);
    assertEquals(Duration.ZERO, t.wait("li.hua", "a", T));
    assertEquals(Duration.ZERO, t.wait("li.hua", "c", T));
    for (int i = 0; i < 5; i++) t.failed("nobody", "d", T);
    assertEquals(Duration.ofMinutes(15), t.wait("nobody", "d", T));
    assertEquals(Duration.ZERO, t.wait("nobody", "e", T));
  }
}
