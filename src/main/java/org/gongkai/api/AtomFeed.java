package org.gongkai.api;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.gongkai.model.DocumentEntry;

/**
 * An Atom feed (RFC 4287) of reports, newest indexed first: what a saved search follows in any feed
 * reader. Written with the JDK's StAX writer, which escapes text and attributes; a feed library
 * (Rome) would add a dependency and JDOM for the few elements a feed needs.
 */
public final class AtomFeed {

  private AtomFeed() {}

  /** One report as an entry: its title, link, when it was indexed, and a line saying what it is. */
  public record Entry(DocumentEntry report, String href, String summary) {}

  /**
   * The feed: {@code selfHref} (this feed's absolute URL, also its id), {@code alternateHref} (the
   * search page), its title, and the entries.
   */
  public static String of(
      String title, String selfHref, String alternateHref, String generator, List<Entry> entries) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      x.writeStartDocument("utf-8", "1.0");
      x.writeStartElement("feed");
      x.writeDefaultNamespace("http://www.w3.org/2005/Atom");
      text(x, "title", title);
      text(x, "id", selfHref);
      link(x, "self", selfHref, "application/atom+xml");
      link(x, "alternate", alternateHref, "text/html");
      Instant updated = entries.isEmpty() ? Instant.EPOCH : entries.get(0).report().indexedAt();
      text(x, "updated", updated.toString());
      x.writeStartElement("author");
      text(x, "name", generator);
      x.writeEndElement();
      text(x, "generator", generator);
      for (Entry e : entries) {
        DocumentEntry d = e.report();
        x.writeStartElement("entry");
        text(x, "title", d.title() == null ? d.docId() : d.title());
        text(x, "id", "urn:gongkai:document:" + d.docId());
        link(x, "alternate", e.href(), "text/html");
        text(x, "updated", d.indexedAt().toString());
        if (d.issuer() != null) {
          x.writeStartElement("author");
          text(x, "name", d.issuer());
          x.writeEndElement();
        }
        text(x, "summary", e.summary());
        x.writeEndElement();
      }
      x.writeEndElement();
      x.writeEndDocument();
      x.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e); // writing to a string cannot fail
    }
    return out.toString();
  }

  private static void text(XMLStreamWriter x, String name, String value) throws XMLStreamException {
    x.writeStartElement(name);
    x.writeCharacters(value == null ? "" : xml(value));
    x.writeEndElement();
  }

  /**
   * {@code s} without what XML 1.0 cannot hold at all (control characters but tab and line breaks,
   * lone surrogates, U+FFFE and U+FFFF): a title or a query holding one made the whole feed
   * invalid. The writer escapes everything else.
   */
  static String xml(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      int n = Character.charCount(c);
      boolean ok =
          c == 0x9
              || c == 0xA
              || c == 0xD
              || c >= 0x20 && c <= 0xD7FF
              || c >= 0xE000 && c <= 0xFFFD
              || c >= 0x10000 && c <= 0x10FFFF;
      if (!ok && out == null) out = new StringBuilder(s.substring(0, i));
      if (ok && out != null) out.appendCodePoint(c);
      i += n;
    }
    return out == null ? s : out.toString();
  }

  private static void link(XMLStreamWriter x, String rel, String href, String type)
      throws XMLStreamException {
    x.writeEmptyElement("link");
    x.writeAttribute("rel", rel);
    x.writeAttribute("type", type);
    x.writeAttribute("href", xml(href));
  }
}
