package org.gongkai.extract;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.tika.sax.ContentHandlerDecorator;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Where a parse that overran its time is stopped: the stream it reads and the handler it writes its
 * text to fail once told to stop. Tika's parsers and PDFBox never look at a thread's interrupt, so
 * a timed-out parse used to run on in the background (a minute more, gigabytes of memory) while the
 * files behind it waited; every parser reads its input and writes its text, and is stopped at the
 * next of either.
 */
final class Stopping {

  /** Parses stopped so (read by the tests). */
  static final AtomicLong STOPPED = new AtomicLong();

  private static final String WHY = "stopped: over the parse time limit";

  private Stopping() {}

  private static void check(AtomicBoolean stop) throws InterruptedIOException {
    if (stop.get() || Thread.currentThread().isInterrupted()) {
      STOPPED.incrementAndGet();
      throw new InterruptedIOException(WHY);
    }
  }

  /** An input that fails its next read once told to stop. */
  static final class Input extends FilterInputStream {
    private final AtomicBoolean stop;

    Input(InputStream in, AtomicBoolean stop) {
      super(in);
      this.stop = stop;
    }

    @Override
    public int read() throws IOException {
      check(stop);
      return super.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      check(stop);
      return super.read(b, off, len);
    }

    @Override
    public long skip(long n) throws IOException {
      check(stop);
      return super.skip(n);
    }
  }

  /** A handler that fails its next event once told to stop. */
  static final class Handler extends ContentHandlerDecorator {
    private final AtomicBoolean stop;

    Handler(ContentHandler handler, AtomicBoolean stop) {
      super(handler);
      this.stop = stop;
    }

    private void stopHere() throws SAXException {
      try {
        check(stop);
      } catch (InterruptedIOException e) {
        throw new SAXException(e);
      }
    }

    @Override
    public void startElement(String uri, String localName, String name, Attributes atts)
        throws SAXException {
      stopHere();
      super.startElement(uri, localName, name, atts);
    }

    @Override
    public void endElement(String uri, String localName, String name) throws SAXException {
      stopHere();
      super.endElement(uri, localName, name);
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
      stopHere();
      super.characters(ch, start, length);
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
      stopHere();
      super.ignorableWhitespace(ch, start, length);
    }
  }
}
