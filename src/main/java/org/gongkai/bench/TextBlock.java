package org.gongkai.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * A line of a report's text as ingest reads it, or a table: a run of two or more lines of
 * tab-separated cells ({@code rows}; {@code line} is then null). How the synthetic corpus's
 * laid-out formats tell paragraphs from tables.
 */
record TextBlock(String line, List<String[]> rows) {

  /** The text's blocks in order; a lone line with tabs is a line, its tabs made spaces. */
  static List<TextBlock> of(String text) {
    List<TextBlock> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; ) {
      int end = i;
      while (end < lines.length && lines[end].indexOf('\t') >= 0) end++;
      if (end - i >= 2) {
        List<String[]> rows = new ArrayList<>();
        for (int k = i; k < end; k++) rows.add(lines[k].split("\t", -1));
        out.add(new TextBlock(null, rows));
        i = end;
      } else {
        out.add(new TextBlock(lines[i].replace('\t', ' '), null));
        i++;
      }
    }
    return out;
  }
}
