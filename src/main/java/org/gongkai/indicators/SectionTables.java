package org.gongkai.indicators;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gongkai.model.Section;
import org.gongkai.model.TextTable;
import org.gongkai.text.Tables;

/**
 * Each section's tables ({@link Tables#find}) of the text last read on this thread: the figures,
 * the ledger's and the table checks and the items' checks read one report's tables one after
 * another, and finding them three times was a tenth of the figures stage (JFR over {@code bench
 * --docs 400}, 2026-11-29). Kept as {@link Layout#of} keeps its layout: the last text only, known
 * by identity.
 */
final class SectionTables {

  private record Key(String id, int start, int end) {}

  private static final ThreadLocal<Object[]> LAST = new ThreadLocal<>();

  private SectionTables() {}

  /** The tables of section {@code s} of {@code text}, their offsets the section's. */
  @SuppressWarnings("unchecked")
  static List<TextTable> of(String text, Section s) {
    Object[] last = LAST.get();
    Map<Key, List<TextTable>> found;
    if (last != null && last[0] == text) found = (Map<Key, List<TextTable>>) last[1];
    else {
      found = new HashMap<>();
      LAST.set(new Object[] {text, found});
    }
    return found.computeIfAbsent(
        new Key(s.id(), s.start(), s.end()),
        k -> List.copyOf(Tables.find(s.id(), text.substring(s.start(), s.end()))));
  }
}
