package org.gongkai.workspace;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sign-in attempts held back after too many failures: {@value #PER_NAME} failed attempts on one
 * name (from anywhere) or {@value #PER_ADDRESS} from one address (on any names) within {@link
 * #WINDOW} refuse the next until the oldest of them is older than the window. A name that exists
 * and one that does not are counted alike, so the refusal tells nothing about which names exist.
 * Kept in memory: a restart forgets (the audit log keeps every attempt). Thread-safe.
 */
public final class LoginThrottle {

  static final int PER_NAME = 5;
  static final int PER_ADDRESS = 20;
  static final Duration WINDOW = Duration.ofMinutes(15);

  /** The most names and addresses remembered (the oldest forgotten first). */
  private static final int REMEMBERED = 100_000;

  private final Map<String, Deque<Instant>> byName = lru();
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
    Duration a = wait(byName.get(key(name)), PER_NAME, now);
    Duration b = wait(byAddress.get(address), PER_ADDRESS, now);
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** A failed attempt. */
  public synchronized void failed(String name, String address, Instant now) {
    byName.computeIfAbsent(key(name), k -> new ArrayDeque<>()).addLast(now);
    byAddress.computeIfAbsent(address, k -> new ArrayDeque<>()).addLast(now);
    trim(byName.get(key(name)), PER_NAME);
    trim(byAddress.get(address), PER_ADDRESS);
  }

  /** A successful sign-in clears the name's failures (not the address's: others may share it). */
  public synchronized void succeeded(String name) {
    byName.remove(key(name));
  }

  private static String key(String name) {
    return name == null ? "" : name.strip();
  }

  private static Duration wait(Deque<Instant> failures, int most, Instant now) {
    if (failures == null) return Duration.ZERO;
    while (!failures.isEmpty() && !failures.peekFirst().plus(WINDOW).isAfter(now))
      failures.pollFirst();
    if (failures.size() < most) return Duration.ZERO;
    return Duration.between(now, failures.peekFirst().plus(WINDOW));
  }

  private static void trim(Deque<Instant> failures, int most) {
    while (failures.size() > most) failures.pollFirst();
  }
}
