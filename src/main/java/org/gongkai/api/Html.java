package org.gongkai.api;

import java.util.List;
import org.gongkai.model.Marked;
import org.gongkai.model.TextTable;

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
      marked(sb, m, 0, m.text().length());
      return sb.toString();
    }

    /**
     * {@code m} with the lines of each table written as an HTML table: its caption (title, unit, a
     * CSV link), header rows in {@code <thead>}, figures right-aligned ({@code class="num"}), a
     * cell holding a hit marked {@code class="hit"} — a hit that runs across cells is marked in
     * each. Tables must lie within the text, in order, not overlapping.
     */
    public String write(Marked m, List<Shown> tables) {
      StringBuilder sb = new StringBuilder(m.text().length() * 2);
      int pos = 0;
      for (Shown t : tables) {
        if (t.captionStart() < pos || t.end() > m.text().length()) continue;
        marked(sb, m, pos, t.captionStart());
        table(sb, m, t);
        pos = t.end();
        if (pos < m.text().length() && m.text().charAt(pos) == '\n')
          pos++; // the table ends the line
      }
      marked(sb, m, pos, m.text().length());
      return sb.toString();
    }

    private void table(StringBuilder sb, Marked m, Shown t) {
      TextTable table = t.table();
      sb.append("<div class=\"table\" id=\"").append(escape(table.id())).append("\">");
      sb.append("<p class=\"table-caption\">");
      if (table.title() != null)
        sb.append("<span class=\"table-title\">").append(escape(table.title())).append("</span> ");
      if (t.unitText() != null)
        sb.append("<span class=\"unit\">").append(escape(t.unitText())).append("</span> ");
      sb.append("<a class=\"csv\" href=\"")
          .append(escape(t.csvHref()))
          .append("\" download>")
          .append(escape(t.csvText()))
          .append("</a></p>");
      sb.append("<div class=\"table-scroll\"><table>");
      int width = table.width();
      String text = m.text();
      int lineStart = t.start();
      for (int r = 0; r < table.rows().size(); r++) {
        int lineEnd = text.indexOf('\n', lineStart);
        if (lineEnd < 0 || lineEnd > t.end()) lineEnd = t.end();
        boolean header = r < table.headerRows();
        if (r == 0 && header) sb.append("<thead>");
        if (r == table.headerRows()) sb.append(r == 0 ? "<tbody>" : "</thead><tbody>");
        sb.append("<tr>");
        int cellStart = lineStart;
        for (int c = 0; c < width; c++) {
          int cellEnd = cellStart < 0 ? -1 : text.indexOf('\t', cellStart);
          if (cellStart >= 0 && (cellEnd < 0 || cellEnd > lineEnd)) cellEnd = lineEnd;
          String cell = cellStart < 0 ? "" : text.substring(cellStart, cellEnd).strip();
          boolean hit = cellStart >= 0 && hasMark(m, cellStart, cellEnd);
          String cls = (org.gongkai.text.Tables.isNumber(cell) ? "num" : "") + (hit ? " hit" : "");
          sb.append(header ? "<th" : "<td");
          if (!cls.isBlank()) sb.append(" class=\"").append(cls.strip()).append('"');
          org.gongkai.model.ColumnRole role =
              c < table.roles().size() ? table.roles().get(c) : null;
          if (header && r == table.headerRows() - 1 && role != null) {
            sb.append(" data-role=\"").append(role.key()).append('"');
            String said = t.roleText().apply(role);
            if (said != null) sb.append(" title=\"").append(escape(said)).append('"');
          }
          sb.append('>');
          if (cellStart >= 0) marked(sb, m, cellStart, cellEnd);
          sb.append(header ? "</th>" : "</td>");
          cellStart = cellEnd >= 0 && cellEnd < lineEnd ? cellEnd + 1 : -1;
        }
        sb.append("</tr>");
        lineStart = lineEnd + 1;
      }
      sb.append(table.headerRows() >= table.rows().size() ? "</thead>" : "</tbody>");
      sb.append("</table></div></div>");
    }

    private static boolean hasMark(Marked m, int from, int to) {
      for (Marked.Span s : m.marks()) if (s.start() < to && s.end() > from) return true;
      return false;
    }

    /** {@code m.text()[from, to)} escaped, its marks (clipped to the range) as {@code <mark>}s. */
    private void marked(StringBuilder sb, Marked m, int from, int to) {
      int pos = from;
      for (Marked.Span s : m.marks()) {
        if (s.end() <= from || s.start() >= to) continue;
        int a = Math.max(s.start(), from), b = Math.min(s.end(), to);
        escape(sb, m.text(), pos, a);
        sb.append(idLeft ? "<mark id=\"hit\">" : "<mark>");
        idLeft = false;
        escape(sb, m.text(), a, b);
        sb.append("</mark>");
        pos = b;
      }
      escape(sb, m.text(), pos, to);
    }
  }

  /**
   * A table to show within a text: where its caption lines (title, unit: shown in the table's
   * caption instead) and its rows are in the text, and the words shown with it (its unit as people
   * read it, the CSV link and its label, a column role as people read it).
   */
  public record Shown(
      TextTable table,
      int captionStart,
      int start,
      int end,
      String unitText,
      String csvHref,
      String csvText,
      java.util.function.Function<org.gongkai.model.ColumnRole, String> roleText) {}

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
