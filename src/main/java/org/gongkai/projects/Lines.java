package org.gongkai.projects;

import java.util.ArrayList;
import java.util.List;

/** A text's lines as [start, end) offsets, and a line's text. */
final class Lines {

  private Lines() {}

  static List<int[]> of(String text) {
    List<int[]> lines = new ArrayList<>();
    for (int from = 0; from <= text.length(); ) {
      int nl = text.indexOf('\n', from);
      int to = nl < 0 ? text.length() : nl;
      lines.add(new int[] {from, to});
      if (nl < 0) break;
      from = nl + 1;
    }
    return lines;
  }

  static String at(String text, int[] line) {
    return text.substring(line[0], line[1]);
  }
}
