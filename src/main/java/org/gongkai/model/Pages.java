package org.gongkai.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a span of clean text lies in the original's pages: it starts on page {@code first}
 * (counting from 1), and each of {@code breaks} is an offset into the span where the next page
 * begins. {@link #NONE} for text without pages (a web page, a Word file).
 */
public record Pages(int first, List<Integer> breaks) {

  public static final Pages NONE = new Pages(0, List.of());

  public Pages {
    breaks = List.copyOf(breaks);
  }

  public boolean known() {
    return first > 0;
  }

  public int last() {
    return known() ? first + breaks.size() : 0;
  }

  /** The page of the character at {@code offset} in the span (0 when pages are unknown). */
  public int at(int offset) {
    if (!known()) return 0;
    int page = first;
    for (int b : breaks) {
      if (b <= offset) page++;
      else break;
    }
    return page;
  }

  /**
   * The pages of the span {@code [start, end)} of a text whose page {@code i + 1} begins at {@code
   * pageStarts.get(i)}; {@link #NONE} when {@code pageStarts} is empty.
   */
  public static Pages of(List<Integer> pageStarts, int start, int end) {
    if (pageStarts.isEmpty()) return NONE;
    int first = 1;
    for (int i = 1; i < pageStarts.size() && pageStarts.get(i) <= start; i++) first = i + 1;
    List<Integer> breaks = new ArrayList<>();
    for (int i = first; i < pageStarts.size() && pageStarts.get(i) < end; i++)
      breaks.add(pageStarts.get(i) - start);
    return new Pages(first, breaks);
  }

  /** As stored in the index: {@code first} then the breaks, comma-separated. */
  public String encode() {
    StringBuilder sb = new StringBuilder().append(first);
    for (int b : breaks) sb.append(',').append(b);
    return sb.toString();
  }

  public static Pages decode(String stored) {
    if (stored == null || stored.isEmpty()) return NONE;
    String[] parts = stored.split(",");
    List<Integer> breaks = new ArrayList<>(parts.length - 1);
    for (int i = 1; i < parts.length; i++) breaks.add(Integer.parseInt(parts[i]));
    return new Pages(Integer.parseInt(parts[0]), breaks);
  }
}
