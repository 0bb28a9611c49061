package org.gongkai.api;

import org.gongkai.model.Marked;

/**
 * Marked text as HTML: every character escaped, each mark a {@code <mark>}. The one place text from
 * documents and queries becomes markup — used by the pages and by the API's {@code snippet} field
 * (a public contract: HTML with {@code <mark>}s).
 */
public final class Html {

  private Html() {}

  /** {@code m} as HTML; the first mark gets {@code id="hit"} when {@code firstId} is set. */
  public static String of(Marked m, boolean firstId) {
    return new Writer(firstId).write(m);
  }

  /**
   * Writes several texts of one page: only the page's first mark gets {@code id="hit"}, so a link
   * ending in {@code #hit} scrolls to it.
   */
  public static final class Writer {
    private boolean idLeft;

    public Writer(boolean firstId) {
      this.idLeft = firstId;
    }

    public String write(Marked m) {
      StringBuilder sb = new StringBuilder(m.text().length() + 32 * m.marks().size());
      int pos = 0;
      for (Marked.Span s : m.marks()) {
        escape(sb, m.text(), pos, s.start());
        sb.append(idLeft ? "<mark id=\"hit\">" : "<mark>");
        idLeft = false;
        escape(sb, m.text(), s.start(), s.end());
        sb.append("</mark>");
        pos = s.end();
      }
      escape(sb, m.text(), pos, m.text().length());
      return sb.toString();
    }
  }

  /** {@code s} escaped for HTML text and attribute values. */
  public static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    escape(sb, s, 0, s.length());
    return sb.toString();
  }

  private static void escape(StringBuilder sb, String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
  }
}
