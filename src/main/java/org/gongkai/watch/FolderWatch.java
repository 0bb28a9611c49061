package org.gongkai.watch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What changed in watched folders between two looks, and which changes are ready to index: a file
 * that appeared or changed is ready once its size and modification time have stayed the same for
 * {@code settleMillis} (a file still being written — a crawler's download, a copy — is waited out);
 * a file gone is gone at once. Pure: each look is given as the files' stamps and the time, so the
 * folders may be looked at however the caller likes (a walk every second).
 */
public final class FolderWatch {

  /** A file's size and modification time as one look saw them. */
  public record Stamp(long size, long modified) {}

  /** What a look found ready: files to index (new or changed, settled) and files gone. */
  public record Changes(List<String> ready, List<String> gone) {
    public boolean isEmpty() {
      return ready.isEmpty() && gone.isEmpty();
    }
  }

  private final long settleMillis;

  /** The stamps as indexed (or as found at the start, when the index was brought up to date). */
  private final Map<String, Stamp> indexed = new HashMap<>();

  /** Files changed since: their last stamp, and since when it has stayed so. */
  private final Map<String, Stamp> changing = new HashMap<>();

  private final Map<String, Long> since = new HashMap<>();

  public FolderWatch(Map<String, Stamp> start, long settleMillis) {
    this.indexed.putAll(start);
    this.settleMillis = settleMillis;
  }

  /** Files changed and still being waited out (to say on the console what is pending). */
  public int waiting() {
    return changing.size();
  }

  /**
   * One look at the folders at time {@code now}: the files ready to index and the files gone since
   * the last look that indexed. A ready or gone file is taken as done: the caller indexes it.
   */
  public Changes look(Map<String, Stamp> files, long now) {
    List<String> ready = new ArrayList<>(), gone = new ArrayList<>();
    java.util.Set<Stamp> goneStamps = new java.util.HashSet<>();
    for (String f : new TreeSet<>(indexed.keySet()))
      if (!files.containsKey(f)) {
        gone.add(f);
        goneStamps.add(indexed.remove(f));
      }
    changing.keySet().removeIf(f -> !files.containsKey(f));
    since.keySet().retainAll(changing.keySet());
    for (Map.Entry<String, Stamp> e : new java.util.TreeMap<>(files).entrySet()) {
      String f = e.getKey();
      Stamp s = e.getValue();
      if (s.equals(indexed.get(f))) {
        changing.remove(f);
        since.remove(f);
        continue;
      }
      // moved: a new name with the size and time of a file gone in this look (a rename keeps both),
      // written already — indexed with the prune of its old name, as a copy of its report
      boolean moved = !indexed.containsKey(f) && goneStamps.contains(s);
      if (!moved && !s.equals(changing.get(f))) {
        // new, or still changing: its clock starts again
        changing.put(f, s);
        since.put(f, now);
        if (settleMillis > 0) continue;
      }
      if (moved) since.put(f, now - settleMillis);
      if (now - since.get(f) >= settleMillis) {
        ready.add(f);
        indexed.put(f, s);
        changing.remove(f);
        since.remove(f);
      }
    }
    return new Changes(ready, gone);
  }
}
