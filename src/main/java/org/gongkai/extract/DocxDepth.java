package org.gongkai.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * How deep a .docx's elements nest, read as a stream before POI sees the file. POI reads nested
 * tables recursively, inside a lock that xmlbeans shares across the whole JVM: thousands of nested
 * tables overflowed the stack while it held that lock, and every .docx read after it, by any
 * thread, waited for it for good. A file nested deeper than Tika's own limit is refused here, in
 * one pass and constant stack.
 */
final class DocxDepth {

  /** Tika's limit on nesting, and ours. */
  static final int MAX_DEPTH = 100;

  /** At most this much of a part's XML is read: past it, the depth is left to the parsers. */
  private static final long MAX_READ = 256L << 20;

  private DocxDepth() {}

  /**
   * Whether some part of the Word file {@code bytes} nests elements deeper than {@link #MAX_DEPTH}.
   */
  static boolean tooDeep(byte[] bytes) {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
        if (e.isDirectory() || !e.getName().startsWith("word/") || !e.getName().endsWith(".xml"))
          continue;
        if (deeper(factory, new Bounded(zip, MAX_READ))) return true;
      }
    } catch (IOException | RuntimeException unreadable) {
      // not a zip, or damaged: the parsers say so, with their own reason
    }
    return false;
  }

  private static boolean deeper(XMLInputFactory factory, InputStream part) {
    try {
      XMLStreamReader r = factory.createXMLStreamReader(part);
      int depth = 0;
      try {
        while (r.hasNext()) {
          int event = r.next();
          if (event == XMLStreamConstants.START_ELEMENT && ++depth > MAX_DEPTH) return true;
          if (event == XMLStreamConstants.END_ELEMENT) depth--;
        }
      } finally {
        r.close();
      }
    } catch (XMLStreamException | RuntimeException damaged) {
      // malformed XML, or the read bound reached: not ours to judge
    }
    return false;
  }

  /** A part's stream, ended after {@code max} bytes and never closing the zip under it. */
  private static final class Bounded extends java.io.FilterInputStream {
    private long left;

    Bounded(InputStream in, long max) {
      super(in);
      this.left = max;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) return -1;
      int b = super.read();
      if (b >= 0) left--;
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) return -1;
      int n = super.read(b, off, (int) Math.min(len, left));
      if (n > 0) left -= n;
      return n;
    }

    @Override
    public void close() {
      // the zip goes on to its next part
    }
  }
}
