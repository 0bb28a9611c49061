package org.gongkai.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Where a {@code .docx} records its page breaks: a hard break ({@code <w:br w:type="page"/>}), a
 * paragraph set to start a page ({@code pageBreakBefore}), a section that starts on a new page, and
 * where Word last laid a page out ({@code <w:lastRenderedPageBreak/>}, written on every save by
 * Word and WPS). A Word file has no pages of its own; these are the ones its author saw. Tika
 * passes none of them on, so {@link TableRows} writes them as form feeds from this reading (POI,
 * the library Tika reads Word with).
 *
 * <p>Each body paragraph is given with its text (whitespace left out, as it is matched against
 * Tika's) and the breaks in it, as the number of its non-blank characters before each; each table
 * row that starts a page is given by its table's and row's index.
 */
final class DocxPageBreaks {

  /** A body paragraph: its text without whitespace, and where pages break in it. */
  record Paragraph(String text, List<Integer> breaks) {}

  final List<Paragraph> paragraphs;
  private final Set<Long> rows;

  private DocxPageBreaks(List<Paragraph> paragraphs, Set<Long> rows) {
    this.paragraphs = paragraphs;
    this.rows = rows;
  }

  /** Whether row {@code row} of table {@code table} (body tables, in order) starts a page. */
  boolean rowBreaks(int table, int row) {
    return rows.contains(((long) table << 32) | row);
  }

  /** The breaks of a .docx already opened, or null when it records none. */
  static DocxPageBreaks of(XWPFDocument doc) {
    try {
      List<Paragraph> paragraphs = new ArrayList<>();
      Set<Long> rows = new HashSet<>();
      boolean any = false, nextStartsPage = false;
      int tables = 0;
      for (IBodyElement e : doc.getBodyElements()) {
        if (e instanceof XWPFParagraph p) {
          Walk w = new Walk();
          if (nextStartsPage) w.breaks.add(0);
          nextStartsPage = false;
          w.walk(p.getCTP().getDomNode());
          paragraphs.add(new Paragraph(w.text.toString(), List.copyOf(w.breaks)));
          any |= !w.breaks.isEmpty();
          nextStartsPage = w.sectionEndsPage;
        } else if (e instanceof XWPFTable t) {
          for (int r = 0; r < t.getRows().size(); r++) {
            Walk w = new Walk();
            w.walk(t.getRow(r).getCtRow().getDomNode());
            if (!w.breaks.isEmpty() || r == 0 && nextStartsPage) {
              rows.add(((long) tables << 32) | r);
              any = true;
            }
            if (r == 0) nextStartsPage = false;
          }
          tables++;
        }
      }
      return any ? new DocxPageBreaks(paragraphs, rows) : null;
    } catch (Exception | LinkageError unreadable) {
      return null; // Tika reads the text all the same, without pages
    }
  }

  /** A walk through a paragraph's (or row's) XML in document order. */
  private static final class Walk {
    final StringBuilder text = new StringBuilder();
    final List<Integer> breaks = new ArrayList<>();
    boolean sectionEndsPage;

    void walk(Node n) {
      if (n instanceof Element e) {
        switch (e.getLocalName()) {
          case "t" -> {
            // XMLBeans' DOM has no getTextContent: the text is the element's text nodes
            for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
              String s = c.getNodeValue();
              if (s == null) continue;
              for (int i = 0; i < s.length(); i++)
                if (!Character.isWhitespace(s.charAt(i))) text.append(s.charAt(i));
            }
            return;
          }
          case "delText", "instrText" -> {
            return; // deleted text and field codes are not shown
          }
          case "lastRenderedPageBreak" -> addBreak();
          case "br" -> {
            if ("page".equals(attribute(e, "type"))) addBreak();
          }
          case "pageBreakBefore" -> {
            String v = attribute(e, "val");
            if (v == null || v.equals("1") || v.equals("true") || v.equals("on")) addBreak();
          }
          case "sectPr" -> {
            // a section ending here: the next starts on a new page unless it says continuous
            Node type = null;
            for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling())
              if (c instanceof Element ce && "type".equals(ce.getLocalName())) type = c;
            String v = type == null ? null : attribute((Element) type, "val");
            sectionEndsPage = v == null || !v.equals("continuous");
            return;
          }
          default -> {}
        }
      }
      for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) walk(c);
    }

    private void addBreak() {
      int at = text.length();
      if (breaks.isEmpty() || breaks.get(breaks.size() - 1) != at) breaks.add(at);
    }

    private static String attribute(Element e, String local) {
      var attrs = e.getAttributes();
      for (int i = 0; i < attrs.getLength(); i++) {
        Node a = attrs.item(i);
        if (local.equals(a.getLocalName())) return a.getNodeValue();
      }
      return null;
    }
  }
}
