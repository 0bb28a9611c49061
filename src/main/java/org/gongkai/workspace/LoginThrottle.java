package org.gongkai.workspace;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sign-in attempts held back after failures, without letting anyone lock an account's owner out
 * from elsewhere. Within {@link #WINDOW}: {@value #PER_PAIR} failed attempts on one name from one
 * address, or {@value #PER_ADDRESS} from one address on any names, refuse that address's next until
 * the oldest of them is older than the window; and once a name has failed {@value #PER_PAIR} times
 * from anywhere, an address that has itself failed on it waits a delay that doubles with each
 * further failure (1 s, 2 s, 4 s … at most {@link #MAX_DELAY}) after the name's last failure —
 * guessing a name from many addresses is slowed, while its owner, from an address that has not
 * failed on it, signs in at once. A name that exists and one that does not are counted alike, so a
 * refusal tells nothing about which names exist. Kept in memory: a restart forgets (the audit log
 * keeps every attempt). Thread-safe.
 */
public final class LoginThrottle {

  static final int PER_PAIR = 5;
  static final int PER_ADDRESS = 20;
  static final Duration WINDOW = Duration.ofMinutes(15);
  static final Duration MAX_DELAY = Duration.ofMinutes(5);

  /** The most names, pairs and addresses remembered (the oldest forgotten first). */
  private static final int REMEMBERED = 100_000;

  private final Map<String, Deque<Instant>> byName = lru();
  private final Map<String, Deque<Instant>> byPair = lru();
  private final Map<String, Deque<Instant>> byAddress = lru();

  private static Map<String, Deque<Instant>> lru() {
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
        return size() > REMEMBERED;
      }
    };
  }

  /** How long until {@code name} may be tried from {@code address} again: zero when it may now. */
  public synchronized Duration wait(String name, String address, Instant now) {
    Duration pair = held(byPair.get(pair(name, address)), PER_PAIR, now);
    Duration from = held(byAddress.get(address), PER_ADDRESS, now);
    Duration slowed = Duration.ZERO;
    Deque<Instant> pairFailures = byPair.get(pair(name, address));
    Deque<Instant> nameFailures = byName.get(key(name));
    if (pairFailures != null && !pairFailures.isEmpty() && nameFailures != null) {
      expire(nameFailures, now);
      int over = nameFailures.size() - PER_PAIR;
      if (over >= 0) {
        Duration delay = Duration.ofSeconds(1L << Math.min(over, 20));
        if (delay.compareTo(MAX_DELAY) > 0) delay = MAX_DELAY;
        Instant until = nameFailures.peekLast().plus(delay);
        if (until.isAfter(now)) slowed = Duration.between(now, until);
      }
    }
    Duration most = pair;
    if (from.compareTo(most) > 0) most = from;
    if (slowed.compareTo(most) > 0) most = slowed;
    return most;
  }

  /** A failed attempt. */
  public synchronized void failed(String name, String address, Instant now) {
    add(byName, key(name), now, REMEMBERED_PER_NAME);
    add(byPair, pair(name, address), now, PER_PAIR);
    add(byAddress, address, now, PER_ADDRESS);
  }

  /** Failures kept per name: enough to double the delay to its most. */
  private static final int REMEMBERED_PER_NAME = PER_PAIR + 20;

  private static void add(Map<String, Deque<Instant>> m, String key, Instant now, int most) {
    Deque<Instant> d = m.computeIfAbsent(key, k -> new ArrayDeque<>());
    d.addLast(now);
    while (d.size() > most) d.pollFirst();
  }

  /**
   * A successful sign-in clears the name's failures from that address and the name's own count (not
   * the address's: others may share it).
   */
  public synchronized void succeeded(String name, String address) {
    byName.remove(key(name));
    byPair.remove(pair(name, address));
  }

  private static String key(String name) {
    return name == null ? "" : name.strip();
  }

  private static String pair(String name, String address) {
    return key(name) + "\u0000" + address;
  }

  private static void expire(Deque<Instant> failures, Instant now) {
    while (!failures.isEmpty() && !failures.peekFirst().plus(WINDOW).isAfter(now))
      failures.pollFirst();
  }

  private static Duration held(Deque<Instant> failures, int most, Instant now) {
    if (failures == null) return Duration.ZERO;
    expire(failures, now);
    if (failures.size() < most) return Duration.ZERO;
    return Duration.between(now, failures.peekFirst().plus(WINDOW));
  }
}
